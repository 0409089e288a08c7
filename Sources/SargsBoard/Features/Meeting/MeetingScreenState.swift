/// The meeting screen's meeting (issue 28: its slice of `AppState`, at `state.meeting`).
public struct MeetingScreenState: Hashable, Sendable {
    /// The number of the meeting shown.
    public internal(set) var id: Int64?

    public init() {}
}
