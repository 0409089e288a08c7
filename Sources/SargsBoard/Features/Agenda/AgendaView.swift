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
    /// An emergency agenda's services: last record and 365-day count.
    public let services: [ActivityID: Agenda.Service]
    /// The saved meeting's outcome of each item that has one.
    public let outcomes: [ActivityID: Meeting.Outcome]
    /// Each ordered item's index in `plan.activities` (nil: no longer in the plan).
    public let planIndex: [Int?]
    public let lines: [Line]
    /// The line of each ordered item.
    public let lineOfItem: [Int]
    /// The line of each open decision (`agenda.decisions`): the cursor goes
    /// on from the last item to them.
    public let lineOfDecision: [Int]
    /// The earlier decisions chair mode reviews first (`DecisionReview.decisions`).
    public let review: [Decision]
    /// What this meeting's review already did with each of them.
    public let reviewed: [Int64: DecisionReview]
    /// The meeting the draft is, as it would be saved.
    public let meeting: Meeting

    /// How many lines the cursor moves over: the items, then the open decisions.
    public var selectableCount: Int { order.count + agenda.decisions.count }

    init(draft: MeetingDraft, snapshot: Snapshot, tracker: Tracker, generation: Int) {
        key = Key(draft, generation: generation)
        let plan = snapshot.plan
        agenda = Agenda(snapshot: snapshot, date: draft.date, kind: draft.kind, topic: draft.topic, tracker: tracker)
        order = draft.order(in: plan)
        reasons = Dictionary(agenda.items.map { ($0.activity, $0) }, uniquingKeysWith: { a, _ in a })
        services = Dictionary(agenda.services.map { ($0.activity, $0) }, uniquingKeysWith: { a, _ in a })
        outcomes = draft.outcomes(in: snapshot)
        let wanted = Set(order)
        var indexOf: [ActivityID: Int] = [:]
        for (i, activity) in plan.activities.enumerated() where wanted.contains(activity.id) && indexOf[activity.id] == nil {
            indexOf[activity.id] = i
        }
        planIndex = order.map { indexOf[$0] }

        var lines: [Line] = [.heading, .review, .saved]
        var lineOfItem = [Int](repeating: 0, count: order.count)
        if order.isEmpty { lines += [.blank, .nothing] }
        // Each item's first owner (nil: no longer in the plan), the group it is called in.
        let owners = planIndex.map { $0.map { plan.activities[$0].owners.first ?? "" } }
        var counts: [String: Int] = [:]
        for owner in owners { counts[owner ?? "", default: 0] += 1 }
        var currentOwner: String?
        for i in order.indices {
            guard let owner = owners[i] else { continue }
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
        var lineOfDecision: [Int] = []
        if agenda.decisions.isEmpty { lines.append(.noDecisions) }
        for i in agenda.decisions.indices {
            lineOfDecision.append(lines.count)
            lines.append(.decision(i))
        }
        self.lines = lines
        self.lineOfItem = lineOfItem
        self.lineOfDecision = lineOfDecision
        let meeting = draft.meeting(in: snapshot)
        self.meeting = meeting
        review = DecisionReview.decisions(for: meeting, in: snapshot)
        reviewed = Dictionary(snapshot.reviews.filter { $0.meeting == meeting.id && meeting.id != 0 }.map { ($0.decision, $0) },
                              uniquingKeysWith: { a, _ in a })
    }

    /// Whether the view was computed for this draft as it is now.
    func matches(_ draft: MeetingDraft, generation: Int) -> Bool {
        key == Key(draft, generation: generation)
    }
}

extension AppState {
    /// The view of the draft: the one kept since the last change, or one made now.
    public var currentAgendaView: AgendaView? {
        guard let draft = agenda.draft else { return nil }
        if let view = agenda.view, view.matches(draft, generation: generation) { return view }
        return AgendaView(draft: draft, snapshot: snapshot, tracker: tracker, generation: generation)
    }

    /// Keeps the agenda view of the draft as it is now (after every action,
    /// while the agenda or chair is shown).
    mutating func refreshAgendaView() {
        guard screen == .agenda || screen == .chair, let view = currentAgendaView else { return }
        agenda.view = view
    }

    /// The draft prepared while idle, if the snapshot and day are still those it was made for.
    private var freshPreparedDraft: MeetingDraft? {
        guard let prepared = agenda.prepared, prepared.generation == generation, prepared.today == today else { return nil }
        return prepared.draft
    }

    /// The draft `A` opens: the one prepared while idle if still fresh, else made now.
    func nextDraft() -> MeetingDraft {
        freshPreparedDraft ?? MeetingDraft.next(in: snapshot, today: today)
    }

    /// One piece of the work that can wait until no key is coming: first the
    /// folded search text, then the draft and agenda view `A` will open.
    mutating func prepareForLater() {
        if facts.searchText == nil {
            facts.prepareSearch(plan)
            return
        }
        guard freshPreparedDraft == nil, screen != .agenda, screen != .chair else { return }
        let draft = MeetingDraft.next(in: snapshot, today: today)
        agenda.prepared = PreparedDraft(generation: generation, today: today, draft: draft)
        agenda.view = AgendaView(draft: draft, snapshot: snapshot, tracker: tracker, generation: generation)
    }
}

/// The draft of the next meeting, made ahead for one snapshot and day.
struct PreparedDraft: Sendable {
    var generation: Int
    var today: Day
    var draft: MeetingDraft
}
