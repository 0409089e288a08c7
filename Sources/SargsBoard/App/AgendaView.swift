import SargsCore

/// What the agenda view and chair mode show for the draft, worked out once
/// per draft and snapshot instead of once per frame: the agenda of SPEC §5
/// for the draft's date and kind, the calling order, each item's reason and
/// outcome, and the agenda screen's lines as references (a frame turns only
/// the lines in view into text). A plan of 10,000 activities has thousands
/// of items; computing all this per keystroke took some 50 ms.
public struct AgendaView: Sendable {
    /// What the view is computed from; a draft with another key needs a new view.
    struct Key: Equatable, Sendable {
        var date: Day
        var kind: Meeting.Kind
        var topic: String?
        var items: [ActivityID]
        var meetingID: Int64?
        var generation: Int

        init(_ draft: MeetingDraft, generation: Int) {
            date = draft.date
            kind = draft.kind
            topic = draft.topic
            items = draft.items
            meetingID = draft.meetingID
            self.generation = generation
        }
    }

    /// One line of the agenda screen.
    public enum Line: Hashable, Sendable {
        case heading, review, saved, blank, nothing
        /// A group's title: the first owner's code and how many items it has.
        case owner(String, count: Int)
        /// An item, by its place in `order`.
        case item(Int)
        case upcomingHeading
        /// A coming deadline, by its place in `agenda.upcoming`.
        case upcoming(Int)
        case decisionsHeading, noDecisions
        /// An open decision, by its place in `agenda.decisions`.
        case decision(Int)
    }

    let key: Key
    public let agenda: Agenda
    /// The items in calling order (`MeetingDraft.order(in:)`).
    public let order: [ActivityID]
    /// The agenda's item of each activity it lists.
    public let reasons: [ActivityID: Agenda.Item]
    /// The saved meeting's outcome of each item that has one.
    public let outcomes: [ActivityID: Meeting.Outcome]
    /// Each ordered item's index in `plan.activities` (nil: no longer in the plan).
    public let planIndex: [Int?]
    public let lines: [Line]
    /// The line of each ordered item.
    public let lineOfItem: [Int]

    init(draft: MeetingDraft, snapshot: Snapshot, tracker: Tracker, generation: Int) {
        key = Key(draft, generation: generation)
        let plan = snapshot.plan
        agenda = Agenda(snapshot: snapshot, date: draft.date, kind: draft.kind, topic: draft.topic, tracker: tracker)
        order = draft.order(in: plan)
        reasons = Dictionary(agenda.items.map { ($0.activity, $0) }, uniquingKeysWith: { a, _ in a })
        let saved = draft.meetingID.flatMap { id in snapshot.meetings.first { $0.id == id } }
        var outcomes: [ActivityID: Meeting.Outcome] = [:]
        for item in saved?.items ?? [] where outcomes[item.activity] == nil {
            if let outcome = item.outcome { outcomes[item.activity] = outcome }
        }
        self.outcomes = outcomes
        let wanted = Set(order)
        var indexOf: [ActivityID: Int] = [:]
        for (i, activity) in plan.activities.enumerated() where wanted.contains(activity.id) && indexOf[activity.id] == nil {
            indexOf[activity.id] = i
        }
        planIndex = order.map { indexOf[$0] }

        var lines: [Line] = [.heading, .review, .saved]
        var lineOfItem = [Int](repeating: 0, count: order.count)
        if order.isEmpty { lines += [.blank, .nothing] }
        var counts: [String: Int] = [:]
        for i in order.indices { counts[planIndex[i].map { plan.activities[$0].owners.first ?? "" } ?? "", default: 0] += 1 }
        var currentOwner: String?
        for i in order.indices {
            guard let p = planIndex[i] else { continue }
            let owner = plan.activities[p].owners.first ?? ""
            if owner != currentOwner {
                currentOwner = owner
                lines += [.blank, .owner(owner, count: counts[owner] ?? 0)]
            }
            lineOfItem[i] = lines.count
            lines.append(.item(i))
        }
        if draft.kind == .regular && !agenda.upcoming.isEmpty {
            lines += [.blank, .upcomingHeading]
            lines += agenda.upcoming.indices.map(Line.upcoming)
        }
        lines += [.blank, .decisionsHeading]
        lines += agenda.decisions.isEmpty ? [.noDecisions] : agenda.decisions.indices.map(Line.decision)
        self.lines = lines
        self.lineOfItem = lineOfItem
    }

    /// Whether the view was computed for this draft as it is now.
    func matches(_ draft: MeetingDraft, generation: Int) -> Bool {
        key == Key(draft, generation: generation)
    }
}

extension AppState {
    /// The view of the draft: the one kept since the last change, or one made now.
    public var currentAgendaView: AgendaView? {
        guard let draft else { return nil }
        if let agendaView, agendaView.matches(draft, generation: generation) { return agendaView }
        return AgendaView(draft: draft, snapshot: snapshot, tracker: tracker, generation: generation)
    }

    /// Makes the agenda view again if the draft or the snapshot changed since
    /// it was made (after every action, while the agenda or chair is shown).
    mutating func refreshAgendaView() {
        guard let draft, screen == .agenda || screen == .chair else { return }
        if let agendaView, agendaView.matches(draft, generation: generation) { return }
        agendaView = AgendaView(draft: draft, snapshot: snapshot, tracker: tracker, generation: generation)
    }

    /// The draft `A` opens: the one prepared while idle if the snapshot and
    /// day are still those it was made for, else made now.
    func nextDraft() -> MeetingDraft {
        if let preparedDraft, preparedDraft.generation == generation, preparedDraft.today == today {
            return preparedDraft.draft
        }
        return MeetingDraft.next(in: snapshot, today: today)
    }

    /// One piece of the work that can wait until no key is coming: first the
    /// folded search text, then the draft and agenda view `A` will open.
    mutating func prepareForLater() {
        if facts.searchText == nil {
            facts.prepareSearch(plan)
            return
        }
        let fresh = preparedDraft.map { $0.generation == generation && $0.today == today } ?? false
        guard !fresh, screen != .agenda, screen != .chair else { return }
        let draft = MeetingDraft.next(in: snapshot, today: today)
        preparedDraft = PreparedDraft(generation: generation, today: today, draft: draft)
        agendaView = AgendaView(draft: draft, snapshot: snapshot, tracker: tracker, generation: generation)
    }
}

/// The draft of the next meeting, made ahead for one snapshot and day.
struct PreparedDraft: Sendable {
    var generation: Int
    var today: Day
    var draft: MeetingDraft
}
