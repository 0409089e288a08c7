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

    public init(for meeting: Meeting, in snapshot: Snapshot) {
        self.init(date: meeting.date, kind: meeting.kind, topic: meeting.topic, meetingID: meeting.id)
        items = meeting.items.isEmpty ? computedItems(snapshot) : meeting.items.map(\.activity)
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
        // Each item's rank is looked up once (a plan of 10,000 activities has
        // thousands of items; a search per comparison took seconds).
        var rankOfCode: [String: Int] = [:]
        for (i, institution) in plan.allInstitutions.enumerated() where rankOfCode[institution.code] == nil {
            rankOfCode[institution.code] = i
        }
        let wanted = Set(items)
        var firstOwner: [ActivityID: String] = [:]
        for activity in plan.activities where wanted.contains(activity.id) { firstOwner[activity.id] = activity.owners.first }
        let last = rankOfCode.count
        let ranked = items.enumerated().map { (rank: firstOwner[$0.element].flatMap { rankOfCode[$0] } ?? last, offset: $0.offset, id: $0.element) }
        return ranked.sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.id)
    }

    /// The meeting as it would be saved.
    public func meeting(in snapshot: Snapshot) -> Meeting {
        let saved = savedMeeting(in: snapshot)
        let outcomes = self.outcomes(in: snapshot)
        return Meeting(id: meetingID ?? 0, date: date, kind: kind, topic: topic, state: saved?.state ?? .planned,
                       attendees: saved?.attendees ?? [],
                       items: order(in: snapshot.plan).map { Meeting.Item(activity: $0, outcome: outcomes[$0]) })
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
}

// MARK: - Reducing the agenda view and chair mode

func performMeeting(_ state: inout AppState, _ command: Command) -> [Effect]? {
    switch command {
    case .agenda:
        if state.draft == nil || state.screen != .agenda {
            state.draft = state.nextDraft()
        }
        goTo(&state, .agenda)
        return []
    case .chair:
        guard var draft = state.draft else { return [] }
        guard !draft.items.isEmpty else {
            state.message = Message(.error, p("darba kārtībā nav neviena jautājuma", "the agenda has no items"))
            return []
        }
        draft.current = min(draft.cursor, draft.items.count - 1)
        state.draft = draft
        goTo(&state, .chair)
        // Chair mode works on a saved meeting, so outcomes and decisions have a home.
        return draft.meetingID == nil ? [.save(.newMeeting(draft.meeting(in: state.snapshot)))] : []
    case .saveMeeting:
        guard let draft = state.draft else { return [] }
        let meeting = draft.meeting(in: state.snapshot)
        if let id = draft.meetingID {
            return [.save(.meetingItems(id, meeting.items))]
        }
        return [.save(.newMeeting(meeting))]
    case .meetingSettings:
        guard let draft = state.draft else { return [] }
        state.form = Form(kind: .meetingSettings, title: p("Sēde", "Meeting"), fields: [
            FormField(key: "date", label: p("Datums", "Date"), text: draft.date.description, hint: p("GGGG-MM-DD", "YYYY-MM-DD")),
            FormField(key: "kind", label: p("Veids", "Kind"),
                      choices: [Choice("regular", state.text(p("kārtējā", "regular"))), Choice("emergency", state.text(p("ārkārtas", "emergency")))],
                      selected: draft.kind == .regular ? 0 : 1),
            FormField(key: "topic", label: p("Tēma", "Topic"), text: draft.topic ?? "",
                      hint: p("ārkārtas sēdei obligāta; bez personas datiem", "required for an emergency; no personal data")),
        ])
        return []
    case .addItem:
        state.form = Form(kind: .addItem, title: p("Pievienot jautājumu", "Add an item"), fields: [
            FormField(key: "id", label: p("Aktivitāte", "Activity"), hint: p("id, piem. 2.4", "id, e.g. 2.4")),
        ])
        return []
    case .removeItem:
        guard var draft = state.draft else { return [] }
        let order = state.draftOrder
        guard order.indices.contains(draft.cursor) else { return [] }
        draft.items.removeAll { $0 == order[draft.cursor] }
        draft.cursor = min(draft.cursor, max(0, draft.items.count - 1))
        state.draft = draft
        return []
    case .itemUp, .itemDown:
        guard var draft = state.draft else { return [] }
        let order = state.draftOrder
        let target = draft.cursor + (command == .itemUp ? -1 : 1)
        guard order.indices.contains(draft.cursor), order.indices.contains(target),
              let a = draft.items.firstIndex(of: order[draft.cursor]), let b = draft.items.firstIndex(of: order[target]),
              state.plan.activity(order[draft.cursor])?.owners.first == state.plan.activity(order[target])?.owners.first else {
            state.message = Message(.error, p("jautājumu var pārvietot tikai savas iestādes grupā", "an item moves only within its institution's group"))
            return []
        }
        draft.items.swapAt(a, b)
        draft.cursor = target
        state.draft = draft
        return []
    case .discussed, .deferred:
        guard let draft = state.draft, let id = draft.meetingID else { return [] }
        let order = state.draftOrder
        guard order.indices.contains(draft.current) else { return [] }
        let outcome: Meeting.Outcome = command == .discussed ? .discussed : .deferred
        state.draft?.current = min(draft.current + 1, order.count - 1)
        return [.save(.outcome(id, order[draft.current], outcome))]
    case .decided:
        guard let draft = state.draft, draft.meetingID != nil else { return [] }
        let order = state.draftOrder
        guard order.indices.contains(draft.current), let activity = state.plan.activity(order[draft.current]) else { return [] }
        let owners = activity.owners + state.plan.allInstitutions.map(\.code).filter { !activity.owners.contains($0) }
        state.form = Form(kind: .decision(activity.id), title: p("Lēmums: \(activity.id)", "Decision: \(activity.id)"), fields: [
            FormField(key: "text", label: p("Lēmums", "Decision"), hint: p("bez personas datiem", "no personal data")),
            FormField(key: "owner", label: p("Atbildīgais", "Owner"), choices: owners.map { Choice($0, $0) }),
            FormField(key: "due", label: p("Termiņš", "Due"), text: draft.date.adding(days: 30).description,
                      hint: p("GGGG-MM-DD", "YYYY-MM-DD")),
        ])
        return []
    case .hold:
        guard let draft = state.draft else { return [] }
        guard draft.meetingID != nil else {
            state.message = Message(.error, p("vispirms saglabājiet sēdi (p)", "save the meeting first (p)"))
            return []
        }
        state.form = Form(kind: .hold, title: p("Sēde notikusi", "Hold the meeting"), fields: [
            FormField(key: "attendees", label: p("Piedalījās", "Present"),
                      text: Array(Set(draft.items.compactMap { state.plan.activity($0)?.owners }.flatMap { $0 })).sorted().joined(separator: ", "),
                      hint: p("iestāžu kodi, piem. SD, BT, IN", "institution codes, e.g. SD, BT, IN")),
        ])
        return []
    case .minutes:
        guard let id = state.draft?.meetingID else {
            state.message = Message(.error, p("vispirms saglabājiet sēdi (p)", "save the meeting first (p)"))
            return []
        }
        return [.writeMinutes(id)]
    case .left where state.screen == .chair, .right where state.screen == .chair:
        guard var draft = state.draft else { return [] }
        draft.current = min(max(draft.current + (command == .left ? -1 : 1), 0), max(0, draft.items.count - 1))
        state.draft = draft
        return []
    case .up where state.screen == .agenda, .down where state.screen == .agenda:
        guard var draft = state.draft else { return [] }
        draft.cursor = min(max(draft.cursor + (command == .up ? -1 : 1), 0), max(0, draft.items.count - 1))
        state.draft = draft
        return []
    default:
        return nil
    }
}

/// Submits the meeting forms: settings, an added item, a decision, holding.
func submitMeetingForm(_ form: Form, _ state: inout AppState) throws(ChangeRefusal) -> [Effect]? {
    switch form.kind {
    case .meetingSettings:
        guard var draft = state.draft else { return [] }
        guard let date = Day(form["date"].trimmingCharacters(in: .whitespaces)) else {
            throw ChangeRefusal("datumam jābūt GGGG-MM-DD", "the date must be YYYY-MM-DD")
        }
        let kind = Meeting.Kind(rawValue: form["kind"]) ?? .regular
        let topic = form["topic"].trimmingCharacters(in: .whitespaces)
        let meeting = Meeting(date: date, kind: kind, topic: topic.isEmpty ? nil : topic)
        try ChangeRules.meeting(meeting, plan: state.plan)
        let recompute = kind != draft.kind || date != draft.date
        draft.date = date
        draft.kind = kind
        draft.topic = meeting.topic
        if recompute && draft.meetingID == nil { draft.items = draft.computedItems(state.snapshot) }
        draft.cursor = 0
        state.draft = draft
        return []
    case .addItem:
        let id = form["id"].trimmingCharacters(in: .whitespaces)
        _ = try ChangeRules.activity(id, in: state.plan)
        guard state.draft?.items.contains(id) == false else {
            throw ChangeRefusal("\(id) jau ir darba kārtībā", "\(id) is already on the agenda")
        }
        state.draft?.items.append(id)
        return []
    case .decision(let activity):
        guard let draft = state.draft, let meeting = draft.meetingID else { return [] }
        guard let due = Day(form["due"].trimmingCharacters(in: .whitespaces)) else {
            throw ChangeRefusal("termiņam jābūt GGGG-MM-DD", "the due date must be YYYY-MM-DD")
        }
        let decision = Decision(meeting: meeting, text: form["text"].trimmingCharacters(in: .whitespaces),
                                owner: form["owner"], due: due, activity: activity)
        try ChangeRules.decision(decision, plan: state.plan)
        state.draft?.current = min(draft.current + 1, max(0, draft.items.count - 1))
        return [.save(.decision(decision))]
    case .hold:
        guard let id = state.draft?.meetingID else { return [] }
        let codes = form["attendees"].split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.uppercased() }
        try ChangeRules.institutions(codes, plan: state.plan)
        return [.save(.hold(id, codes))]
    default:
        return nil
    }
}

/// After a reload: keep the draft bound to its saved meeting (a new one is
/// found by its date and kind, the latest such).
func rebindDraft(_ state: inout AppState) {
    guard var draft = state.draft else { return }
    if draft.meetingID == nil,
       let meeting = state.snapshot.meetings.filter({ $0.date == draft.date && $0.kind == draft.kind && $0.state == .planned })
        .max(by: { $0.id < $1.id }) {
        draft.meetingID = meeting.id
    }
    if let id = draft.meetingID, !state.snapshot.meetings.contains(where: { $0.id == id }) { draft.meetingID = nil }
    state.draft = draft
}

func goTo(_ state: inout AppState, _ screen: Screen) {
    guard state.screen != screen else { return }
    state.screenStack.append(state.screen)
    state.screen = screen
    state.scroll = 0
}
