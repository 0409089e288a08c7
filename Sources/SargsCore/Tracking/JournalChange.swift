import Foundation

/// What one journal entry changed, typed (issue 25, SPEC §6): one case per
/// `JournalAction`, with its before and after as values, read from the
/// row's action, subject and JSON by `init(_:)` and written back by
/// `before`/`after`, byte for byte what the store writes. The store builds
/// one for every change it journals (`Journal.append`), the undo reverts
/// one, and `JournalText` says one in words; none of them reads an action
/// name or guesses from a JSON's shape.
///
/// The shapes are those every version since the first wrote, the older
/// ones included: a `hold` or `cancel` of before v4 holds only the state
/// and attendees, a `done` of before v4 only the done date, a `settings`
/// of before issue 26 no removals: an entry holds the fields it changed
/// (`SittingField`, `DecisionField`), in the order it wrote them.
public indirect enum JournalChange: Hashable, Sendable {
    /// The store made from plan `plan` (`init`).
    case created(plan: String, title: String, goals: Int, activities: Int)
    /// A record; `finished`: the activity's status before `record --done` finished it.
    case record(Record, finished: Status?)
    /// Records `first`…`last` (numbers) read at once into the store of plan `plan`.
    case imported(plan: String, first: Int64, last: Int64, count: Int)
    case status(ActivityID, before: StatusSetting, after: StatusSetting)
    case note(Note)
    case waive(Waiver)
    /// The fields an edit changed, in `ActivityField` order; `position`:
    /// the activity's place in plan order, when a change of goal moved it.
    case edit(ActivityID, [ActivityFieldChange], position: Moved?)
    /// An activity added: each field as the store keeps it.
    case add(ActivityID, [ActivityField: JSONValue])
    /// An institution's mailbox, before and after (nil: none).
    case institution(String, before: String?, after: String?)
    /// A meeting planned.
    case meeting(PlannedMeeting)
    /// A meeting's agenda items (or one item's outcome), before and after.
    case items(meeting: Int64, before: [Meeting.Item], after: [Meeting.Item])
    /// A planned meeting's date, kind, topic and agenda, saved together.
    case settings(meeting: Int64, before: MeetingSettings, after: MeetingSettings)
    case hold(meeting: Int64, before: [SittingField], after: [SittingField])
    case cancel(meeting: Int64, before: [SittingField], after: [SittingField])
    /// `meeting edit`: the fields that changed.
    case details(meeting: Int64, before: [SittingField], after: [SittingField])
    /// A decision taken; `outcome`: its item's outcome set with it (chair mode's `2`).
    case decision(Decision, outcome: ItemsChange?)
    case done(decision: Int64, before: [DecisionField], after: [DecisionField])
    case due(decision: Int64, before: [DecisionField], after: [DecisionField])
    case reviewed(decision: Int64, before: [DecisionField], after: [DecisionField])
    /// Entry `of` reverted; `reverting` is the change it took back (before
    /// and after swapped back), nil when the reverted entry was not read.
    case undo(of: Int64?, subject: String, reverting: JournalChange?)
    /// A mail handed to the mail system for institution `code`.
    case remind(code: String, Reminder)
    /// The store replaced by the backup `from`; the replaced one kept at `kept`.
    case restore(from: String, kept: String, entries: Int?)
    /// An action this version does not know (a later version wrote it).
    case unknown(action: String, subject: String)
    /// A known action whose subject, before or after is not what any
    /// version wrote (a damaged row): said by name, never undone.
    case unreadable(JournalAction, subject: String)

    /// A status and its note, as `status` entries keep them.
    public struct StatusSetting: Hashable, Sendable {
        public var status: Status
        public var note: String?
        public init(status: Status, note: String?) { (self.status, self.note) = (status, note) }
    }

    /// One field an edit changed, each value as the store keeps the field.
    public struct ActivityFieldChange: Hashable, Sendable {
        public var field: ActivityField
        public var before: JSONValue
        public var after: JSONValue
        public init(field: ActivityField, before: JSONValue, after: JSONValue) {
            (self.field, self.before, self.after) = (field, before, after)
        }
    }

    /// A position in plan order, before and after.
    public struct Moved: Hashable, Sendable {
        public var from: Int64
        public var to: Int64
        public init(from: Int64, to: Int64) { (self.from, self.to) = (from, to) }
    }

    /// A meeting as its `meeting` entry keeps it: the number of stored
    /// agenda items, the time and the place only where there were (issue 26).
    public struct PlannedMeeting: Hashable, Sendable {
        public var id: Int64
        public var date: Day
        public var kind: Meeting.Kind
        public var topic: String?
        public var state: Meeting.State
        public var attendees: [String]
        public var time: ClockTime?
        public var place: String?
        public var agendaItems: Int?

        public init(_ m: Meeting) {
            (id, date, kind, topic, state, attendees) = (m.id, m.date, m.kind, m.topic, m.state, m.details.attendees)
            (time, place, agendaItems) = (m.time, m.details.place, m.prepared ? m.items.count : nil)
        }

        init(id: Int64, date: Day, kind: Meeting.Kind, topic: String?, state: Meeting.State, attendees: [String],
             time: ClockTime?, place: String?, agendaItems: Int?) {
            (self.id, self.date, self.kind, self.topic, self.state, self.attendees) = (id, date, kind, topic, state, attendees)
            (self.time, self.place, self.agendaItems) = (time, place, agendaItems)
        }
    }

    /// What saving a planned meeting's agenda changes: date, kind, topic,
    /// items, the items taken off (written when there are) and whether the
    /// agenda was stored (written only when it was not).
    public struct MeetingSettings: Hashable, Sendable {
        public var date: Day
        public var kind: Meeting.Kind
        public var topic: String?
        public var items: [Meeting.Item]
        public var removed: [ActivityID]
        public var prepared: Bool

        public init(_ m: Meeting) {
            (date, kind, topic, items, removed, prepared) = (m.date, m.kind, m.topic, m.items, m.removed.sorted(), m.prepared)
        }

        init(date: Day, kind: Meeting.Kind, topic: String?, items: [Meeting.Item], removed: [ActivityID], prepared: Bool) {
            (self.date, self.kind, self.topic, self.items, self.removed, self.prepared) = (date, kind, topic, items, removed, prepared)
        }
    }

    /// A meeting's items before and after one change.
    public struct ItemsChange: Hashable, Sendable {
        public var before: [Meeting.Item]
        public var after: [Meeting.Item]
        public init(before: [Meeting.Item], after: [Meeting.Item]) { (self.before, self.after) = (before, after) }
    }

    /// A mail handed over: to which address, what kind, the items it named,
    /// the key that keeps it from going twice, and the day.
    public struct Reminder: Hashable, Sendable {
        public var to: String
        public var kind: MailKind
        public var items: [String]
        public var fingerprint: String?
        public var day: Day?
        public init(to: String, kind: MailKind, items: [String], fingerprint: String?, day: Day?) {
            (self.to, self.kind, self.items, self.fingerprint, self.day) = (to, kind, items, fingerprint, day)
        }
    }

    /// The kind of a mail, as the journal names it ("digest", "agenda 3",
    /// "minutes 3", "cancel 3", "meeting 3").
    public enum MailKind: Hashable, Sendable {
        case digest
        /// An agenda; without a number in entries written before meetings were numbered in it.
        case agenda(meeting: Int64?)
        case minutes(meeting: Int64)
        case cancellation(meeting: Int64)
        /// A reminder of a coming meeting.
        case meetingReminder(meeting: Int64)
        /// A kind this version does not know.
        case other(String)

        public init(_ text: String) {
            let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let number = words.count == 2 ? Int64(words[1]) : nil
            switch (words.first ?? "", words.count, number) {
            case ("digest", 1, _): self = .digest
            case ("agenda", 1, _): self = .agenda(meeting: nil)
            case ("agenda", 2, let n?): self = .agenda(meeting: n)
            case ("minutes", 2, let n?): self = .minutes(meeting: n)
            case ("cancel", 2, let n?): self = .cancellation(meeting: n)
            case ("meeting", 2, let n?): self = .meetingReminder(meeting: n)
            default: self = .other(text)
            }
        }

        /// As the journal stores it.
        public var text: String {
            switch self {
            case .digest: return "digest"
            case .agenda(let n): return n.map { "agenda \($0)" } ?? "agenda"
            case .minutes(let n): return "minutes \(n)"
            case .cancellation(let n): return "cancel \(n)"
            case .meetingReminder(let n): return "meeting \(n)"
            case .other(let text): return text
            }
        }
    }

    /// The action the entry is stored under.
    public var action: String {
        switch self {
        case .unknown(let action, _): return action
        default: return kind?.rawValue ?? ""
        }
    }

    /// The action as every reader switches over it; nil for `.unknown`.
    public var kind: JournalAction? {
        switch self {
        case .created: return .created
        case .record: return .record
        case .imported: return .imported
        case .status: return .status
        case .note: return .note
        case .waive: return .waive
        case .edit: return .edit
        case .add: return .add
        case .institution: return .institution
        case .meeting: return .meeting
        case .items: return .items
        case .settings: return .settings
        case .hold: return .hold
        case .cancel: return .cancel
        case .details: return .details
        case .decision: return .decision
        case .done: return .done
        case .due: return .due
        case .reviewed: return .reviewed
        case .undo: return .undo
        case .remind: return .remind
        case .restore: return .restore
        case .unknown: return nil
        case .unreadable(let action, _): return action
        }
    }

    /// What was changed, as the journal's `subject` column names it: an
    /// activity id, "meeting 3", "decision 4", an institution's code, the plan's id, "store".
    public var subject: String {
        switch self {
        case .created(let plan, _, _, _), .imported(let plan, _, _, _): return plan
        case .record(let r, _): return r.activity
        case .status(let id, _, _), .edit(let id, _, _), .add(let id, _): return id
        case .note(let n): return n.activity
        case .waive(let w): return w.activity
        case .institution(let code, _, _), .remind(let code, _): return code
        case .meeting(let m): return "meeting \(m.id)"
        case .items(let id, _, _), .settings(let id, _, _), .hold(let id, _, _), .cancel(let id, _, _), .details(let id, _, _):
            return "meeting \(id)"
        case .decision(let d, _): return "decision \(d.id)"
        case .done(let id, _, _), .due(let id, _, _), .reviewed(let id, _, _): return "decision \(id)"
        case .undo(_, let subject, _), .unknown(_, let subject), .unreadable(_, let subject): return subject
        case .restore: return "store"
        }
    }
}

// MARK: - Fields that an entry holds when it changed them

/// A field of a meeting that holding, cancelling or `meeting edit` changes, with its value.
public enum SittingField: Hashable, Sendable {
    case state(Meeting.State)
    case attendees([String])
    case place(String?)
    case started(ClockTime?)
    case ended(ClockTime?)
    case chair(String?)
    case secretary(String?)
    case guests(String?)
    case restricted(Bool)

    /// Fields as the journal writes them, one object.
    public static func json(_ fields: [SittingField]) -> JSONValue { .object(fields.map { (key: $0.key, value: $0.json) }) }

    /// Every field of `meeting`, in the order entries write them.
    public static func all(of m: Meeting) -> [SittingField] {
        let d = m.details
        return [.state(m.state), .attendees(d.attendees), .place(d.place), .started(d.started), .ended(d.ended),
                .chair(d.chair), .secretary(d.secretary), .guests(d.guests), .restricted(d.restricted)]
    }

    /// The fields of `after` that differ from `before` (both `all(of:)`), as `meeting edit` journals them.
    public static func changed(from before: Meeting, to after: Meeting) -> (before: [SittingField], after: [SittingField]) {
        let pairs = zip(all(of: before), all(of: after)).filter { $0.0 != $0.1 }
        return (pairs.map(\.0), pairs.map(\.1))
    }

    /// The key the journal writes it under.
    public var key: String {
        switch self {
        case .state: return "state"
        case .attendees: return "attendees"
        case .place: return "place"
        case .started: return "started"
        case .ended: return "ended"
        case .chair: return "chair"
        case .secretary: return "secretary"
        case .guests: return "guests"
        case .restricted: return "restricted"
        }
    }

    /// Its name in the interface's words (the journal's "ziņas: vieta, sākuma laiks").
    public var name: Phrase {
        switch self {
        case .state: return Phrase(lv: "stāvoklis", en: "state")
        case .attendees: return Phrase(lv: "dalībnieki", en: "attendees")
        case .place: return Phrase(lv: "vieta", en: "place")
        case .started: return Phrase(lv: "sākuma laiks", en: "start time")
        case .ended: return Phrase(lv: "beigu laiks", en: "end time")
        case .chair: return Phrase(lv: "vadītājs", en: "chair")
        case .secretary: return Phrase(lv: "protokolētājs", en: "secretary")
        case .guests: return Phrase(lv: "uzaicinātie", en: "guests")
        case .restricted: return Phrase(lv: "ierobežota pieejamība", en: "restricted access")
        }
    }

    /// Its value as the journal writes it.
    public var json: JSONValue {
        switch self {
        case .state(let s): return .string(s.rawValue)
        case .attendees(let list): return .strings(list)
        case .place(let t), .chair(let t), .secretary(let t), .guests(let t): return .string(t)
        case .started(let c), .ended(let c): return .string(c?.description)
        case .restricted(let b): return .bool(b)
        }
    }

    init?(key: String, _ value: JSONValue) {
        func text() -> String?? { value.isNull ? .some(nil) : value.stringValue.map { .some($0) } }
        func clock() -> ClockTime?? {
            if value.isNull { return .some(nil) }
            return value.stringValue.flatMap(ClockTime.init).map { .some($0) }
        }
        switch key {
        case "state": guard let s = value.stringValue.flatMap(Meeting.State.init) else { return nil }; self = .state(s)
        case "attendees": guard let list = value.stringList else { return nil }; self = .attendees(list)
        case "place": guard let t = text() else { return nil }; self = .place(t)
        case "chair": guard let t = text() else { return nil }; self = .chair(t)
        case "secretary": guard let t = text() else { return nil }; self = .secretary(t)
        case "guests": guard let t = text() else { return nil }; self = .guests(t)
        case "started": guard let c = clock() else { return nil }; self = .started(c)
        case "ended": guard let c = clock() else { return nil }; self = .ended(c)
        case "restricted": guard case .bool(let b) = value else { return nil }; self = .restricted(b)
        default: return nil
        }
    }

    /// Sets the field on `meeting`.
    public func apply(to m: inout Meeting) {
        switch self {
        case .state(let s): m.state = s
        case .attendees(let list): m.details.attendees = list
        case .place(let t): m.details.place = t
        case .started(let c): m.details.started = c
        case .ended(let c): m.details.ended = c
        case .chair(let t): m.details.chair = t
        case .secretary(let t): m.details.secretary = t
        case .guests(let t): m.details.guests = t
        case .restricted(let b): m.details.restricted = b
        }
    }
}

/// A field of a decision that marking it done, moving it or reviewing it changes, with its value.
public enum DecisionField: Hashable, Sendable {
    case due(Day)
    case doneOn(Day?)
    /// The review of the decision at a meeting, or none.
    case review(DecisionReview?)

    /// Fields as the journal writes them, one object.
    public static func json(_ fields: [DecisionField]) -> JSONValue { .object(fields.map { (key: $0.key, value: $0.json) }) }

    /// Every field of `decision` with its review at a meeting, in the order entries write them.
    public static func all(of d: Decision, review: DecisionReview?) -> [DecisionField] {
        [.due(d.due), .doneOn(d.doneOn), .review(review)]
    }

    public var key: String {
        switch self {
        case .due: return "due"
        case .doneOn: return "done_on"
        case .review: return "review"
        }
    }

    /// Its value as the journal writes it.
    public var json: JSONValue {
        switch self {
        case .due(let d): return .string(d.description)
        case .doneOn(let d): return .string(d?.description)
        case .review(let r):
            return r.map { r in
                .object(["meeting": .int(r.meeting), "outcome": .string(r.outcome.rawValue),
                         "due_before": .string(r.dueBefore.description), "due_after": .string(r.dueAfter.description)])
            } ?? .null
        }
    }

    init?(key: String, _ value: JSONValue, decision: Int64) {
        switch key {
        case "due": guard let d = value.stringValue.flatMap(Day.init) else { return nil }; self = .due(d)
        case "done_on":
            if value.isNull { self = .doneOn(nil); return }
            guard let d = value.stringValue.flatMap(Day.init) else { return nil }
            self = .doneOn(d)
        case "review":
            if value.isNull { self = .review(nil); return }
            guard value.keys == ["meeting", "outcome", "due_before", "due_after"], let meeting = value["meeting"].int64Value,
                  let outcome = value["outcome"].stringValue.flatMap(DecisionReview.Outcome.init),
                  let from = value["due_before"].stringValue.flatMap(Day.init),
                  let to = value["due_after"].stringValue.flatMap(Day.init) else { return nil }
            self = .review(DecisionReview(meeting: meeting, decision: decision, outcome: outcome, dueBefore: from, dueAfter: to))
        default: return nil
        }
    }
}

/// An activity's fields as the journal names them (`edit`, `add`).
public enum ActivityField: String, CaseIterable, Hashable, Sendable {
    case goal, title, en, links, period, schedule, owners, funding, target, status
    case statusNote = "status_note"

    /// Its name in the interface's words.
    public var name: Phrase {
        switch self {
        case .goal: return Phrase(lv: "mērķis", en: "goal")
        case .title: return Phrase(lv: "nosaukums", en: "title")
        case .en: return Phrase(lv: "angļu nosaukums", en: "English title")
        case .links: return Phrase(lv: "saites", en: "links")
        case .period: return Phrase(lv: "periods", en: "period")
        case .schedule: return Phrase(lv: "grafiks", en: "schedule")
        case .owners: return Phrase(lv: "atbildīgie", en: "owners")
        case .funding: return Phrase(lv: "finansējums", en: "funding")
        case .target: return Phrase(lv: "mērķa skaits", en: "target")
        case .status: return Phrase(lv: "statuss", en: "status")
        case .statusNote: return Phrase(lv: "statusa piezīme", en: "status note")
        }
    }
}

// MARK: - Reading and writing the stored form

extension JournalChange {
    /// The entry's change, read from its action, subject and JSON; an
    /// action this version does not know is `.unknown`, a known one whose
    /// values are not as written `.unreadable`. An undo's reverted change
    /// is read under `entry.reverted` (the store reads it beside the entry).
    public init(_ entry: JournalEntry) {
        guard let action = entry.kind else {
            self = .unknown(action: entry.action, subject: entry.subject)
            return
        }
        if action == .undo {
            let reverting = entry.reverted.map { reverted in
                JournalChange.read(reverted, subject: entry.subject, before: entry.after, after: entry.before)
                    ?? .unreadable(reverted, subject: entry.subject)
            }
            self = .undo(of: entry.undoes, subject: entry.subject, reverting: reverting)
            return
        }
        self = JournalChange.read(action, subject: entry.subject, before: entry.before, after: entry.after)
            ?? .unreadable(action, subject: entry.subject)
    }

    /// The change stored as `action` with this subject and JSON texts; nil when they are not as written.
    static func read(_ action: JournalAction, subject: String, before beforeText: String?, after afterText: String?) -> JournalChange? {
        func parse(_ text: String?) -> JSONValue?? {
            guard let text else { return .some(nil) }
            return JSONValue(parsing: text).map { .some($0) }
        }
        guard let beforeJSON = parse(beforeText), let afterJSON = parse(afterText) else { return nil }
        let before = beforeJSON ?? .null, after = afterJSON ?? .null
        let number = subject.split(separator: " ").last.flatMap { Int64($0) }
        switch action {
        case .created:
            guard let plan = after["plan"].stringValue, let title = after["title"].stringValue,
                  let goals = after["goals"].intValue, let activities = after["activities"].intValue else { return nil }
            return .created(plan: plan, title: title, goals: goals, activities: activities)
        case .record:
            guard let record = Self.record(after) else { return nil }
            let finished = after["status_before"].stringValue.flatMap(Status.init(rawValue:))
            if after.keys.contains("status_before"), finished == nil || after["status"].stringValue != Status.done.rawValue { return nil }
            return .record(record, finished: finished)
        case .imported:
            guard let first = after["first"].int64Value, let last = after["last"].int64Value, let count = after["count"].intValue else { return nil }
            return .imported(plan: subject, first: first, last: last, count: count)
        case .status:
            guard let from = Self.statusSetting(before), let to = Self.statusSetting(after) else { return nil }
            return .status(subject, before: from, after: to)
        case .note:
            guard let id = after["id"].int64Value, let activity = after["activity"].stringValue, let text = after["text"].stringValue,
                  let author = after["author"].stringValue, let time = after["time"].stringValue.flatMap(Timestamp.date) else { return nil }
            return .note(Note(id: id, activity: activity, text: text, author: author, time: time))
        case .waive:
            guard let id = after["id"].int64Value, let activity = after["activity"].stringValue, let window = after["window"].stringValue,
                  let note = after["note"].stringValue, let author = after["author"].stringValue else { return nil }
            return .waive(Waiver(id: id, activity: activity, window: window, note: note, author: author))
        case .edit:
            var changes: [ActivityFieldChange] = []
            var position: Moved?
            for key in after.keys {
                if key == "position" {
                    guard let from = before["position"].int64Value, let to = after["position"].int64Value else { return nil }
                    position = Moved(from: from, to: to)
                    continue
                }
                guard let field = ActivityField(rawValue: key), before.keys.contains(key) else { return nil }
                changes.append(ActivityFieldChange(field: field, before: before[key], after: after[key]))
            }
            return .edit(subject, changes, position: position)
        case .add:
            var fields: [ActivityField: JSONValue] = [:]
            for key in after.keys where key != "id" {
                guard let field = ActivityField(rawValue: key) else { return nil }
                fields[field] = after[key]
            }
            return .add(subject, fields)
        case .institution:
            guard let from = Self.optionalText(before["email"]), let to = Self.optionalText(after["email"]) else { return nil }
            return .institution(subject, before: from, after: to)
        case .meeting:
            guard let id = after["id"].int64Value, let date = after["date"].stringValue.flatMap(Day.init),
                  let kind = after["kind"].stringValue.flatMap(Meeting.Kind.init), let topic = Self.optionalText(after["topic"]),
                  let state = after["state"].stringValue.flatMap(Meeting.State.init),
                  let attendees = after["attendees"].stringList else { return nil }
            let time = after["time"].stringValue.flatMap(ClockTime.init)
            if after.keys.contains("time"), time == nil { return nil }
            return .meeting(PlannedMeeting(id: id, date: date, kind: kind, topic: topic, state: state, attendees: attendees,
                                           time: time, place: after["place"].stringValue, agendaItems: after["agenda_items"].intValue))
        case .items:
            guard let id = number, let from = Self.items(before), let to = Self.items(after) else { return nil }
            return .items(meeting: id, before: from, after: to)
        case .settings:
            guard let id = number, let from = Self.settings(before), let to = Self.settings(after) else { return nil }
            return .settings(meeting: id, before: from, after: to)
        case .hold, .cancel, .details:
            guard let id = number, let from = Self.sitting(before), let to = Self.sitting(after) else { return nil }
            switch action {
            case .hold: return .hold(meeting: id, before: from, after: to)
            case .cancel: return .cancel(meeting: id, before: from, after: to)
            default: return .details(meeting: id, before: from, after: to)
            }
        case .decision:
            guard let id = after["id"].int64Value, let meeting = after["meeting"].int64Value, let text = after["text"].stringValue,
                  let owner = after["owner"].stringValue, let due = after["due"].stringValue.flatMap(Day.init),
                  let activity = Self.optionalText(after["activity"]), let done = Self.optionalText(after["done_on"]) else { return nil }
            let doneOn = done.flatMap(Day.init)
            if done != nil, doneOn == nil { return nil }
            var outcome: ItemsChange?
            if after.keys.contains("items") {
                guard let from = Self.items(before["items"]), let to = Self.items(after["items"]) else { return nil }
                outcome = ItemsChange(before: from, after: to)
            }
            return .decision(Decision(id: id, meeting: meeting, text: text, owner: owner, due: due, activity: activity, doneOn: doneOn),
                             outcome: outcome)
        case .done, .due, .reviewed:
            guard let id = number, let from = Self.decisionFields(before, id), let to = Self.decisionFields(after, id) else { return nil }
            switch action {
            case .done: return .done(decision: id, before: from, after: to)
            case .due: return .due(decision: id, before: from, after: to)
            default: return .reviewed(decision: id, before: from, after: to)
            }
        case .remind:
            guard let to = after["to"].stringValue, let items = after["items"].stringList else { return nil }
            let fingerprint = after["fingerprint"].stringValue, day = after["day"].stringValue.flatMap(Day.init)
            if after.keys.contains("day"), day == nil { return nil }
            return .remind(code: subject, Reminder(to: to, kind: MailKind(after["kind"].stringValue ?? "digest"), items: items,
                                                   fingerprint: fingerprint, day: day))
        case .restore:
            guard let from = after["from"].stringValue, let kept = after["kept"].stringValue else { return nil }
            return .restore(from: from, kept: kept, entries: after["journal"].intValue)
        case .undo:
            return nil
        }
    }

    /// What the entry keeps as `before`, as the store writes it (nil: none).
    public var before: JSONValue? { payload.before }

    /// What the entry keeps as `after`.
    public var after: JSONValue? { payload.after }

    private var payload: (before: JSONValue?, after: JSONValue?) {
        switch self {
        case .created(let plan, let title, let goals, let activities):
            return (nil, .object(["plan": .string(plan), "title": .string(title), "goals": .int(goals), "activities": .int(activities)]))
        case .record(let r, let finished):
            var pairs: [(key: String, value: JSONValue)] = [
                ("id", .int(r.id)), ("activity", .string(r.activity)), ("date", .string(r.date.description)),
                ("count", .int(r.count)), ("note", .string(r.note)), ("author", .string(r.author))]
            if let finished {
                pairs.append(("status", .string(Status.done.rawValue)))
                pairs.append(("status_before", .string(finished.rawValue)))
            }
            return (nil, .object(pairs))
        case .imported(_, let first, let last, let count):
            return (nil, .object(["first": .int(first), "last": .int(last), "count": .int(count)]))
        case .status(_, let from, let to):
            return (Self.json(from), Self.json(to))
        case .note(let n):
            return (nil, .object(["id": .int(n.id), "activity": .string(n.activity), "text": .string(n.text),
                                  "author": .string(n.author), "time": .string(Timestamp.text(n.time))]))
        case .waive(let w):
            return (nil, .object(["id": .int(w.id), "activity": .string(w.activity), "window": .string(w.window),
                                  "note": .string(w.note), "author": .string(w.author)]))
        case .edit(_, let changes, let position):
            var before = changes.map { (key: $0.field.rawValue, value: $0.before) }
            var after = changes.map { (key: $0.field.rawValue, value: $0.after) }
            if let position {
                before.append((key: "position", value: .int(position.from)))
                after.append((key: "position", value: .int(position.to)))
            }
            return (.object(before), .object(after))
        case .add(let id, let fields):
            return (nil, .object([(key: "id", value: .string(id))]
                                 + ActivityField.allCases.compactMap { f in fields[f].map { (key: f.rawValue, value: $0) } }))
        case .institution(_, let from, let to):
            return (.object(["email": .string(from)]), .object(["email": .string(to)]))
        case .meeting(let m):
            var pairs: [(key: String, value: JSONValue)] = [
                ("id", .int(m.id)), ("date", .string(m.date.description)), ("kind", .string(m.kind.rawValue)),
                ("topic", .string(m.topic)), ("state", .string(m.state.rawValue)), ("attendees", .strings(m.attendees))]
            if let time = m.time { pairs.append(("time", .string(time.description))) }
            if let place = m.place { pairs.append(("place", .string(place))) }
            if let n = m.agendaItems { pairs.append(("agenda_items", .int(n))) }
            return (nil, .object(pairs))
        case .items(_, let from, let to):
            return (Self.json(from), Self.json(to))
        case .settings(_, let from, let to):
            return (Self.json(from), Self.json(to))
        case .hold(_, let from, let to), .cancel(_, let from, let to), .details(_, let from, let to):
            return (SittingField.json(from), SittingField.json(to))
        case .decision(let d, let outcome):
            var pairs: [(key: String, value: JSONValue)] = [
                ("id", .int(d.id)), ("meeting", .int(d.meeting)), ("text", .string(d.text)), ("owner", .string(d.owner)),
                ("due", .string(d.due.description)), ("activity", .string(d.activity)), ("done_on", .string(d.doneOn?.description))]
            if let outcome { pairs.append(("items", Self.json(outcome.after))) }
            return (outcome.map { .object(["items": Self.json($0.before)]) }, .object(pairs))
        case .done(_, let from, let to), .due(_, let from, let to), .reviewed(_, let from, let to):
            return (DecisionField.json(from), DecisionField.json(to))
        case .undo(_, _, let reverting):
            let inner = reverting?.payload
            return (inner?.after, inner?.before)
        case .remind(_, let r):
            var pairs: [(key: String, value: JSONValue)] = [
                ("to", .string(r.to)), ("kind", .string(r.kind.text)), ("items", .strings(r.items))]
            if let fingerprint = r.fingerprint { pairs.append(("fingerprint", .string(fingerprint))) }
            if let day = r.day { pairs.append(("day", .string(day.description))) }
            return (nil, .object(pairs))
        case .restore(let from, let kept, let entries):
            var pairs: [(key: String, value: JSONValue)] = [("from", .string(from)), ("kept", .string(kept))]
            if let entries { pairs.append(("journal", .int(entries))) }
            return (nil, .object(pairs))
        case .unknown, .unreadable:
            return (nil, nil)
        }
    }

    // MARK: Pieces

    /// The stored form of a meeting's agenda items: each item's `note` and `added` only when set.
    public static func json(_ items: [Meeting.Item]) -> JSONValue {
        .array(items.map { item in
            var pairs: [(key: String, value: JSONValue)] = [("activity", .string(item.activity)), ("outcome", .string(item.outcome?.rawValue))]
            if let note = item.note { pairs.append(("note", .string(note))) }
            if item.added { pairs.append(("added", .bool(true))) }
            return .object(pairs)
        })
    }

    /// The stored form of what saving an agenda changes: `removed` when
    /// items were taken off, `prepared` when the agenda was not stored, so
    /// entries written before issue 26 read and compare the same.
    public static func json(_ s: MeetingSettings) -> JSONValue {
        var pairs: [(key: String, value: JSONValue)] = [("date", .string(s.date.description)), ("kind", .string(s.kind.rawValue)),
                                                        ("topic", .string(s.topic)), ("items", json(s.items))]
        if !s.removed.isEmpty { pairs.append(("removed", .strings(s.removed))) }
        if !s.prepared { pairs.append(("prepared", .bool(false))) }
        return .object(pairs)
    }

    /// The stored form of a status and its note.
    public static func json(_ s: StatusSetting) -> JSONValue {
        .object(["status": .string(s.status.rawValue), "note": .string(s.note)])
    }

    /// A string or null; nil for anything else.
    private static func optionalText(_ value: JSONValue) -> String?? {
        value.isNull ? .some(nil) : value.stringValue.map { .some($0) }
    }

    private static func record(_ v: JSONValue) -> Record? {
        guard let id = v["id"].int64Value, let activity = v["activity"].stringValue,
              let date = v["date"].stringValue.flatMap(Day.init), let note = optionalText(v["note"]),
              let author = v["author"].stringValue else { return nil }
        let count = v["count"].intValue
        if count == nil, !v["count"].isNull { return nil }
        return Record(id: id, activity: activity, date: date, count: count, note: note, author: author)
    }

    private static func statusSetting(_ v: JSONValue) -> StatusSetting? {
        guard let status = v["status"].stringValue.flatMap(Status.init(rawValue:)), let note = optionalText(v["note"]) else { return nil }
        return StatusSetting(status: status, note: note)
    }

    /// Agenda items as written; nil when one is not an item.
    static func items(_ v: JSONValue) -> [Meeting.Item]? {
        guard let list = v.arrayValue else { return nil }
        var items: [Meeting.Item] = []
        for entry in list {
            guard let activity = entry["activity"].stringValue, let outcomeText = optionalText(entry["outcome"]) else { return nil }
            let outcome = outcomeText.flatMap(Meeting.Outcome.init)
            if outcomeText != nil, outcome == nil { return nil }
            let added: Bool
            switch entry["added"] {
            case .bool(let b): added = b
            case .null: added = false
            default: return nil
            }
            items.append(Meeting.Item(activity: activity, outcome: outcome, note: entry["note"].stringValue, added: added))
        }
        return items
    }

    private static func settings(_ v: JSONValue) -> MeetingSettings? {
        guard let date = v["date"].stringValue.flatMap(Day.init), let kind = v["kind"].stringValue.flatMap(Meeting.Kind.init),
              let topic = optionalText(v["topic"]), let items = items(v["items"]) else { return nil }
        let removed = v["removed"].isNull ? [] : v["removed"].stringList
        guard let removed else { return nil }
        let prepared: Bool
        switch v["prepared"] {
        case .bool(let b): prepared = b
        case .null: prepared = true
        default: return nil
        }
        return MeetingSettings(date: date, kind: kind, topic: topic, items: items, removed: removed, prepared: prepared)
    }

    private static func sitting(_ v: JSONValue) -> [SittingField]? {
        guard case .object = v else { return nil }
        var fields: [SittingField] = []
        for key in v.keys {
            guard let field = SittingField(key: key, v[key]) else { return nil }
            fields.append(field)
        }
        return fields
    }

    private static func decisionFields(_ v: JSONValue, _ decision: Int64) -> [DecisionField]? {
        guard case .object = v else { return nil }
        var fields: [DecisionField] = []
        for key in v.keys {
            guard let field = DecisionField(key: key, v[key], decision: decision) else { return nil }
            fields.append(field)
        }
        return fields
    }
}

extension JournalEntry {
    /// What the entry changed, typed (`JournalChange.init(_:)`).
    public var change: JournalChange { JournalChange(self) }
}
