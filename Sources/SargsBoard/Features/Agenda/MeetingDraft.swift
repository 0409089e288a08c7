import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The meeting the agenda view prepares and chair mode runs: its date, kind,
/// topic and items, and the planned meeting it is saved as.
public struct MeetingDraft: Hashable, Sendable {
    public var date: Day
    public var kind: Meeting.Kind
    public var topic: String?
    /// The items in the order they were prepared.
    public var items: [ActivityID]
    /// The planned meeting this draft is saved as, once saved.
    public var meetingID: Int64?
    /// The item under the cursor in the agenda view (an index into `order`).
    public var cursor = 0
    /// The item chair mode shows (an index into `order`).
    public var current = 0
    /// While chair mode reviews earlier decisions, the one shown (an index
    /// into `AgendaView.review`); nil once the items are called.
    public var reviewing: Int?
    /// Items the chair added by hand (`+`), and computed items the chair
    /// removed (`x`): kept when the date or kind changes and the agenda is
    /// computed again.
    public var added: [ActivityID] = []
    public var removed: Set<ActivityID> = []
    /// The stored meeting as this draft last read or saved it: a save based
    /// on it is refused if someone else changed the meeting since.
    public var base: Meeting?
    /// When and where it is called for (issue 26).
    public var time: ClockTime?
    public var place: String?

    public init(date: Day, kind: Meeting.Kind = .regular, topic: String? = nil, items: [ActivityID] = [],
                meetingID: Int64? = nil) {
        self.date = date
        self.kind = kind
        self.topic = topic
        self.items = items
        self.meetingID = meetingID
    }

    /// The draft for the next planned meeting (the earliest on or after today),
    /// else for a new regular meeting today with the computed agenda's items.
    public static func next(in snapshot: Snapshot, today: Day) -> MeetingDraft {
        let planned = snapshot.meetings.filter { $0.state == .planned }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        if let meeting = planned.first(where: { $0.date >= today }) ?? planned.last {
            return MeetingDraft(for: meeting, in: snapshot)
        }
        var draft = MeetingDraft(date: today)
        draft.items = draft.computedItems(snapshot)
        return draft
    }

    /// The draft of a stored meeting: its stored agenda (issue 26) with the
    /// chair's additions and removals, or the computed one for a meeting
    /// planned without an agenda by an earlier version.
    public init(for meeting: Meeting, in snapshot: Snapshot) {
        self.init(date: meeting.date, kind: meeting.kind, topic: meeting.topic, meetingID: meeting.id)
        base = meeting
        items = meeting.prepared || !meeting.items.isEmpty ? meeting.items.map(\.activity) : computedItems(snapshot)
        added = meeting.items.filter(\.added).map(\.activity)
        removed = Set(meeting.removed)
        time = meeting.time
        place = meeting.details.place
    }

    /// The items after the date or kind changed: the agenda SPEC §5 computes
    /// for the new date, less what the chair removed, plus what the chair
    /// added, in the chair's order where an item was already there.
    public func recomputed(_ snapshot: Snapshot) -> [ActivityID] {
        let computed = computedItems(snapshot)
        let wanted = Set(computed).union(added)
        var items = self.items.filter { wanted.contains($0) && !removed.contains($0) }
        var present = Set(items)
        for id in computed + added where !present.contains(id) && !removed.contains(id) {
            items.append(id)
            present.insert(id)
        }
        return items
    }

    /// The activities SPEC §5 puts on the agenda for this date and kind.
    public func computedItems(_ snapshot: Snapshot) -> [ActivityID] {
        let agenda = Agenda(snapshot: snapshot, date: date, kind: kind, topic: topic)
        return kind == .regular ? agenda.items.map(\.activity) : agenda.services.map(\.activity)
    }

    /// The calling order: grouped under each item's first owner in the plan's
    /// order of institutions, prepared order within a group — so the chair
    /// calls each representative in turn.
    public func order(in plan: Plan) -> [ActivityID] {
        Meeting.callingOrder(items, in: plan)
    }

    /// The meeting as it would be saved.
    ///
    /// The agenda is stored with it (issue 26): items in calling order
    /// with their outcomes, the chair's words and whether she added them,
    /// and the items she took off. The time and place go with a new
    /// meeting; a saved one changes them through `editMeeting`.
    public func meeting(in snapshot: Snapshot) -> Meeting {
        let saved = savedMeeting(in: snapshot)
        let stored = Dictionary((saved?.items ?? []).map { ($0.activity, $0) }, uniquingKeysWith: { a, _ in a })
        let hand = Set(added)
        var details = saved?.details ?? Meeting.Details()
        if saved == nil {
            details.started = time
            details.place = place
        }
        return Meeting(id: meetingID ?? 0, date: date, kind: kind, topic: topic, state: saved?.state ?? .planned,
                       details: details,
                       items: order(in: snapshot.plan).map {
                           Meeting.Item(activity: $0, outcome: stored[$0]?.outcome, note: stored[$0]?.note, added: hand.contains($0))
                       },
                       prepared: true, removed: removed.sorted())
    }

    /// The planned meeting this draft is saved as, as the snapshot has it.
    func savedMeeting(in snapshot: Snapshot) -> Meeting? {
        meetingID.flatMap { id in snapshot.meetings.first { $0.id == id } }
    }

    /// The saved meeting's outcome of each item that has one (the first, for an activity listed twice).
    public func outcomes(in snapshot: Snapshot) -> [ActivityID: Meeting.Outcome] {
        Dictionary((savedMeeting(in: snapshot)?.items ?? []).map { ($0.activity, $0.outcome) },
                   uniquingKeysWith: { a, _ in a }).compactMapValues { $0 }
    }
}

extension AppState {
    /// The calling order of the draft, or nothing without one.
    public var draftOrder: [ActivityID] {
        currentAgendaView?.order ?? []
    }

    /// The stored meeting the draft is saved as, when it is.
    public var draftMeeting: Meeting? {
        guard let id = agenda.draft?.meetingID else { return nil }
        return snapshot.meetings.first { $0.id == id }
    }

    /// Whether what the agenda view shows differs from what is stored: a
    /// draft never saved, or a saved one with its date, kind, topic or items changed.
    public var draftHasUnsavedChanges: Bool {
        guard let draft = agenda.draft else { return false }
        guard let stored = draftMeeting else { return true }
        return stored.date != draft.date || stored.kind != draft.kind || stored.topic != draft.topic
            || stored.items.map(\.activity) != draftOrder || Set(stored.removed) != draft.removed
    }
}
