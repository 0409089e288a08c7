import SargsCore

/// What the agenda view and chair mode remember (issue 28: the feature's
/// own slice of `AppState`, at `state.agenda`).
public struct AgendaScreenState: Sendable {
    /// The meeting the agenda view prepares and chair mode runs.
    public internal(set) var draft: MeetingDraft?
    /// The draft as it was before each edit of the preparation, latest last:
    /// `u` in the agenda view takes back the last edit first.
    public internal(set) var history: [MeetingDraft] = []
    /// The agenda view's content for the draft, kept between frames.
    public internal(set) var view: AgendaView?
    /// The next meeting's draft, made while idle (see `AppState.prepareForLater`).
    var prepared: PreparedDraft?
    /// Per stored meeting, the items the plan made overdue since its agenda
    /// was saved that the chair was already asked about (issue 26): asked once.
    var declinedNews: [Int64: Set<ActivityID>] = [:]

    public init() {}
}
