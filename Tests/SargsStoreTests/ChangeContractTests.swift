import Foundation
import SargsCore
@testable import SargsStore
import Testing

/// One contract per kind of `Change` (issue 25), on a store in memory
/// (`Store.inMemory`) of the sample plan: the change goes through the one
/// door, writes exactly one journal row with its action and subject, which
/// reads as the sentence written here by hand in Latvian and English; its
/// undo writes an `undo` row that reads as its own sentence, and gives back
/// exactly the store before.
///
/// What "the store before" means: `Everything` (the snapshot, the whole
/// records, the journal) minus the journal, which only grows. A snapshot
/// holds no clock and no version (a note's time is the time stored with
/// it, and the undo deletes the note), so it is compared whole.
///
/// A new case of `Change` does not compile until `ChangeCase.init` names it,
/// and fails `everyKindHasAContract` until a contract covers its kind.
@Suite("One contract per change: apply, journal, sentence, undo")
struct ChangeContractTests {
    /// Whoever makes the change under test (and undoes it).
    static let author = "ieva"
    /// Whoever prepares what the change needs: not `author`, so her undo reverts only her change.
    static let other = "anna"
    static let today = SamplePlan.day("2025-06-20")
    static let prepared = SamplePlan.now.plus(60)
    static let changed = SamplePlan.now.plus(120)
    static let undone = SamplePlan.now.plus(180)

    static func day(_ text: String) -> Day { SamplePlan.day(text) }

    /// A store of the sample plan in memory, its `init` entry by neither author.
    static func store() throws -> Store {
        try Store.inMemory(plan: SamplePlan.plan, author: "sagatavots", now: SamplePlan.now)
    }

    /// A change made by `other` before the one under test.
    @discardableResult
    static func prepare(_ store: Store, _ change: Change, today: Day = today) throws -> SavedChange {
        try store.apply(change, author: other, now: prepared, today: today)
    }

    /// A planned meeting made by `other`; its number.
    static func meeting(_ store: Store, _ date: String, items: [ActivityID] = []) throws -> Int64 {
        guard case .meeting(let saved) = try prepare(store, .newMeeting(Meeting(date: day(date), items: items.map { Meeting.Item(activity: $0) })))
        else { throw Unexpected(description: "a new meeting answers with the meeting") }
        return saved.id
    }

    /// Meeting 1 held on 2025-03-10 took decision 1 (SD, due 2025-05-31, about 2.1); meeting 2 is planned for 2025-06-10.
    static func decisionToReview(_ store: Store) throws -> (decision: Int64, reviewing: Meeting) {
        let taking = try meeting(store, "2025-03-10", items: ["2.1"])
        try prepare(store, .hold(meeting: MeetingID(taking), details: Meeting.Details(attendees: ["SD", "NVO"]), today: day("2025-03-10")))
        guard case .decision(let decision) = try prepare(store, .decision(Decision(meeting: taking, text: "Sagatavot materiālu skolām", owner: "SD",
                                                                                   due: day("2025-05-31"), activity: "2.1"), settingOutcome: false))
        else { throw Unexpected(description: "a decision answers with the decision") }
        let reviewing = try meeting(store, "2025-06-10", items: ["2.3"])
        guard let stored = try store.meetings().first(where: { $0.id == reviewing }) else { throw Unexpected(description: "meeting \(reviewing)") }
        return (decision.id, stored)
    }

    struct Unexpected: Error, CustomStringConvertible {
        var description: String
    }

    /// The sentence with the author as written here: `shownAuthor` adds the
    /// login account when it is not the author's name (checked in `contract`).
    static func sentence(_ entry: JournalEntry, _ language: Language) -> String {
        let said = JournalText.sentence(entry, language)
        let shown = entry.shownAuthor(language)
        guard said.hasPrefix(shown) else { return said }
        return entry.author + said.dropFirst(shown.count)
    }

    /// What a contract asks of one change.
    struct Contract: Sendable, CustomTestStringConvertible {
        var name: String
        var kind: ChangeCase
        /// Prepares the store (as `other`) and gives the change `author` makes.
        var change: @Sendable (Store) throws -> Change
        var action: JournalAction
        var subject: String
        /// The journal row's sentence, "ieva …".
        var lv: String, en: String
        /// The undo's sentence; `#N` stands for the number of the row it undoes.
        var undoLV: String, undoEN: String
        /// What else the change must have done, read from the store after it; nil when all is well.
        var effect: (@Sendable (Snapshot) -> String?)? = nil

        var testDescription: String { name }
    }

    static let contracts: [Contract] = [
        Contract(name: "record", kind: .record,
                 change: { _ in .record(Record(activity: "2.1", date: day("2025-03-10"), count: 12, note: "Skolā", author: author)) },
                 action: .record, subject: "2.1",
                 lv: "ieva pierakstīja izpildi 2.1: 2025-03-10, 12", en: "ieva recorded 2.1: 2025-03-10, 12",
                 undoLV: "ieva atsauca #N: izpilde 2.1: 2025-03-10, 12", undoEN: "ieva undid #N: record 2.1: 2025-03-10, 12",
                 effect: { $0.records.count(of: "2.1") == 1 ? nil : "no record of 2.1" }),
        Contract(name: "recordFinishing", kind: .recordFinishing,
                 change: { _ in .recordFinishing(Record(activity: "1.2", date: day("2025-03-10"), author: author)) },
                 action: .record, subject: "1.2",
                 lv: "ieva pierakstīja izpildi 1.2: 2025-03-10; pabeigta", en: "ieva recorded 1.2: 2025-03-10; finished",
                 undoLV: "ieva atsauca #N: izpilde 1.2: 2025-03-10; pabeigta", undoEN: "ieva undid #N: record 1.2: 2025-03-10; finished",
                 effect: { $0.plan.activity("1.2")?.status == .done ? nil : "1.2 is not done" }),
        Contract(name: "status", kind: .status,
                 change: { _ in .status("2.1", .blocked, note: "Gaida telpas") },
                 action: .status, subject: "2.1",
                 lv: "ieva mainīja statusu 2.1: plānota → bloķēta", en: "ieva set the status of 2.1: planned → blocked",
                 undoLV: "ieva atsauca #N: statuss 2.1: plānota → bloķēta", undoEN: "ieva undid #N: status of 2.1: planned → blocked"),
        Contract(name: "note", kind: .note,
                 change: { _ in .note("2.1", "Sarunāts ar skolu\notrā rindā") },
                 action: .note, subject: "2.1",
                 lv: "ieva pievienoja piezīmi 2.1", en: "ieva added a note to 2.1",
                 undoLV: "ieva atsauca #N: piezīme 2.1", undoEN: "ieva undid #N: a note on 2.1",
                 effect: { $0.notes.map(\.text) == ["Sarunāts ar skolu\notrā rindā"] ? nil : "notes \($0.notes)" }),
        Contract(name: "waiver", kind: .waiver,
                 change: { _ in .waiver(Waiver(activity: "2.1", window: "2025-Q1", note: "Telpas remontā", author: author)) },
                 action: .waive, subject: "2.1",
                 lv: "ieva atbrīvoja 2.1 logu 2025-Q1", en: "ieva waived window 2025-Q1 of 2.1",
                 undoLV: "ieva atsauca #N: atbrīvojums 2.1 2025-Q1", undoEN: "ieva undid #N: waiver of 2.1 2025-Q1"),
        Contract(name: "edit (title)", kind: .edit,
                 change: { store in
                     guard let original = try store.plan().activity("2.1") else { throw Unexpected(description: "no 2.1") }
                     var edited = original
                     edited.title = "Starpinstitūciju sanāksmes skolās"
                     return .edit(edited, original: original)
                 },
                 action: .edit, subject: "2.1",
                 lv: "ieva laboja 2.1: nosaukums", en: "ieva edited 2.1: title",
                 undoLV: "ieva atsauca #N: labojums 2.1: nosaukums", undoEN: "ieva undid #N: edit of 2.1: title"),
        Contract(name: "edit (goal: the activity moves to the end of goal 3, and back)", kind: .edit,
                 change: { store in
                     guard let original = try store.plan().activity("2.1") else { throw Unexpected(description: "no 2.1") }
                     var edited = original
                     edited.goal = 3
                     return .edit(edited, original: original)
                 },
                 action: .edit, subject: "2.1",
                 lv: "ieva laboja 2.1: mērķis", en: "ieva edited 2.1: goal",
                 undoLV: "ieva atsauca #N: labojums 2.1: mērķis", undoEN: "ieva undid #N: edit of 2.1: goal",
                 effect: { $0.plan.activities.last?.id == "2.1" ? nil : "2.1 is not last: \($0.plan.activities.map(\.id))" }),
        Contract(name: "add", kind: .add,
                 change: { _ in
                     .add(Activity(id: "2.4", goal: 2, title: "Vecāku sapulces skolās", period: "Reizi gadā",
                                   schedule: .every(.year, from: nil, to: nil), owners: ["SD"], funding: ["PB"]))
                 },
                 action: .add, subject: "2.4",
                 lv: "ieva pievienoja aktivitāti 2.4", en: "ieva added activity 2.4",
                 undoLV: "ieva atsauca #N: aktivitāte 2.4", undoEN: "ieva undid #N: activity 2.4",
                 effect: { $0.plan.activities.map(\.id).prefix(6).last == "2.4" ? nil : "2.4 is not after 2.3: \($0.plan.activities.map(\.id))" }),
        Contract(name: "newMeeting", kind: .newMeeting,
                 change: { _ in .newMeeting(Meeting(date: day("2025-06-10"), items: [Meeting.Item(activity: "2.1")])) },
                 action: .meeting, subject: "meeting 1",
                 lv: "ieva ieplānoja sēdi Nr. 1 (2025-06-10)", en: "ieva planned meeting 1 (2025-06-10)",
                 undoLV: "ieva atsauca #N: sēde Nr. 1 (2025-06-10)", undoEN: "ieva undid #N: meeting 1 (2025-06-10)"),
        Contract(name: "updateMeeting (its items: called in another order, one added)", kind: .updateMeeting,
                 change: { store in
                     let id = try meeting(store, "2025-06-10", items: ["2.1", "2.3"])
                     guard let base = try store.meetings().first(where: { $0.id == id }) else { throw Unexpected(description: "meeting \(id)") }
                     var meeting = base
                     meeting.items = [Meeting.Item(activity: "2.3"), Meeting.Item(activity: "2.1"), Meeting.Item(activity: "3.1", added: true)]
                     return .updateMeeting(meeting, basedOn: base)
                 },
                 action: .items, subject: "meeting 1",
                 lv: "ieva sagatavoja sēdes Nr. 1 darba kārtību", en: "ieva prepared the agenda of meeting 1",
                 undoLV: "ieva atsauca #N: sēdes Nr. 1 darba kārtība", undoEN: "ieva undid #N: the agenda of meeting 1"),
        Contract(name: "updateMeeting (its date and topic)", kind: .updateMeeting,
                 change: { store in
                     let id = try meeting(store, "2025-06-10", items: ["2.1"])
                     guard let base = try store.meetings().first(where: { $0.id == id }) else { throw Unexpected(description: "meeting \(id)") }
                     var meeting = base
                     meeting.date = day("2025-06-12")
                     meeting.topic = "Vasaras nometnes"
                     return .updateMeeting(meeting, basedOn: base)
                 },
                 action: .settings, subject: "meeting 1",
                 lv: "ieva mainīja sēdes Nr. 1 datumu un tēmu (2025-06-12)", en: "ieva changed the date and topic of meeting 1 (2025-06-12)",
                 undoLV: "ieva atsauca #N: sēdes Nr. 1 datums un tēma (2025-06-12)",
                 undoEN: "ieva undid #N: the date and topic of meeting 1 (2025-06-12)"),
        Contract(name: "updateMeeting (an item taken off)", kind: .updateMeeting,
                 change: { store in
                     let id = try meeting(store, "2025-06-10", items: ["2.1", "2.3"])
                     guard let base = try store.meetings().first(where: { $0.id == id }) else { throw Unexpected(description: "meeting \(id)") }
                     var meeting = base
                     meeting.items = [Meeting.Item(activity: "2.3")]
                     meeting.removed = ["2.1"]
                     return .updateMeeting(meeting, basedOn: base)
                 },
                 action: .settings, subject: "meeting 1",
                 lv: "ieva mainīja sēdes Nr. 1 darba kārtību (2025-06-10)", en: "ieva changed the agenda of meeting 1 (2025-06-10)",
                 undoLV: "ieva atsauca #N: sēdes Nr. 1 darba kārtība (2025-06-10)", undoEN: "ieva undid #N: the agenda of meeting 1 (2025-06-10)",
                 effect: { $0.meetings.first?.removed == ["2.1"] ? nil : "not removed: \($0.meetings)" }),
        Contract(name: "outcome (an item on the agenda, with the chair's words)", kind: .outcome,
                 change: { store in
                     let id = try meeting(store, "2025-06-10", items: ["2.1", "2.3"])
                     return .outcome(meeting: MeetingID(id), activity: "2.1", .discussed, note: "SD ziņos nākamajā sēdē")
                 },
                 action: .items, subject: "meeting 1",
                 lv: "ieva sēdē Nr. 1 atzīmēja 2.1: izskatīts", en: "ieva marked in meeting 1 2.1: discussed",
                 undoLV: "ieva atsauca #N: sēde Nr. 1, 2.1: izskatīts", undoEN: "ieva undid #N: meeting 1, 2.1: discussed",
                 effect: { snapshot in
                     let item = snapshot.meetings.first?.items.first { $0.activity == "2.1" }
                     return item?.outcome == .discussed && item?.note == "SD ziņos nākamajā sēdē" ? nil : "item \(String(describing: item))"
                 }),
        Contract(name: "outcome (an activity not on the agenda: added with it)", kind: .outcome,
                 change: { store in
                     let id = try meeting(store, "2025-06-10", items: ["2.1"])
                     return .outcome(meeting: MeetingID(id), activity: "3.2", .deferred)
                 },
                 action: .items, subject: "meeting 1",
                 // JournalText reads one outcome only when the list keeps its length: an added item reads as a prepared agenda.
                 lv: "ieva sagatavoja sēdes Nr. 1 darba kārtību", en: "ieva prepared the agenda of meeting 1",
                 undoLV: "ieva atsauca #N: sēdes Nr. 1 darba kārtība", undoEN: "ieva undid #N: the agenda of meeting 1",
                 effect: { snapshot in
                     let item = snapshot.meetings.first?.items.last
                     return item == Meeting.Item(activity: "3.2", outcome: .deferred, added: true) ? nil : "item \(String(describing: item))"
                 }),
        Contract(name: "decision, setting its item's outcome (chair mode's 2)", kind: .decisionSettingOutcome,
                 change: { store in
                     let id = try meeting(store, "2025-06-10", items: ["2.1", "2.3"])
                     return .decision(Decision(meeting: id, text: "Sagatavot materiālu skolām", owner: "SD", due: day("2025-07-31"), activity: "2.1"),
                                      settingOutcome: true)
                 },
                 action: .decision, subject: "decision 1",
                 lv: "ieva pieņēma lēmumu Nr. 1 (2.1)", en: "ieva took decision 1 (2.1)",
                 undoLV: "ieva atsauca #N: lēmums Nr. 1 (2.1)", undoEN: "ieva undid #N: decision 1 (2.1)",
                 effect: { snapshot in
                     let outcome = snapshot.meetings.first?.items.first { $0.activity == "2.1" }?.outcome
                     return snapshot.decisions.count == 1 && outcome == .decision ? nil : "decisions \(snapshot.decisions), outcome \(String(describing: outcome))"
                 }),
        Contract(name: "decision, leaving the items alone (decision add)", kind: .decision,
                 change: { store in
                     let id = try meeting(store, "2025-06-10", items: ["2.1", "2.3"])
                     return .decision(Decision(meeting: id, text: "Sagatavot materiālu skolām", owner: "SD", due: day("2025-07-31"), activity: "2.1"),
                                      settingOutcome: false)
                 },
                 action: .decision, subject: "decision 1",
                 lv: "ieva pieņēma lēmumu Nr. 1 (2.1)", en: "ieva took decision 1 (2.1)",
                 undoLV: "ieva atsauca #N: lēmums Nr. 1 (2.1)", undoEN: "ieva undid #N: decision 1 (2.1)",
                 effect: { snapshot in
                     let outcomes = snapshot.meetings.first?.items.map(\.outcome)
                     return snapshot.decisions.count == 1 && outcomes == [nil, nil] ? nil : "decisions \(snapshot.decisions), outcomes \(String(describing: outcomes))"
                 }),
        Contract(name: "hold", kind: .hold,
                 change: { store in
                     let id = try meeting(store, "2025-06-10", items: ["2.1"])
                     return .hold(meeting: MeetingID(id), details: Meeting.Details(attendees: ["SD", "NVO"], place: "Domes zāle", started: ClockTime("10:00"),
                                                                        ended: ClockTime("11:30"), chair: "Grupas vadītāja"),
                                  today: day("2025-06-10"))
                 },
                 action: .hold, subject: "meeting 1",
                 lv: "ieva atzīmēja sēdi Nr. 1 kā notikušu", en: "ieva marked meeting 1 held",
                 undoLV: "ieva atsauca #N: sēde Nr. 1 notikusi", undoEN: "ieva undid #N: meeting 1 held",
                 effect: { $0.meetings.first?.state == .held ? nil : "not held: \($0.meetings)" }),
        Contract(name: "editMeeting (a held meeting's place)", kind: .editMeeting,
                 change: { store in
                     let id = try meeting(store, "2025-06-10", items: ["2.1"])
                     let details = Meeting.Details(attendees: ["SD"], place: "Domes zāle")
                     try prepare(store, .hold(meeting: MeetingID(id), details: details, today: day("2025-06-10")))
                     var edited = details
                     edited.place = "Sociālā dienesta zāle"
                     return .editMeeting(MeetingID(id), details: edited)
                 },
                 action: .details, subject: "meeting 1",
                 lv: "ieva laboja sēdes Nr. 1 ziņas: vieta", en: "ieva edited the details of meeting 1: place",
                 undoLV: "ieva atsauca #N: sēdes Nr. 1 ziņas: vieta", undoEN: "ieva undid #N: details of meeting 1: place"),
        Contract(name: "cancelMeeting", kind: .cancelMeeting,
                 change: { store in .cancelMeeting(MeetingID(try meeting(store, "2025-06-10", items: ["2.1"]))) },
                 action: .cancel, subject: "meeting 1",
                 lv: "ieva atcēla sēdi Nr. 1", en: "ieva cancelled meeting 1",
                 undoLV: "ieva atsauca #N: sēde Nr. 1 atcelta", undoEN: "ieva undid #N: meeting 1 cancelled"),
        Contract(name: "review .done at a meeting", kind: .reviewDone,
                 change: { store in
                     let (decision, reviewing) = try decisionToReview(store)
                     return .review(decision: DecisionID(decision), meeting: reviewing, .done, due: day("2025-05-31"), today: day("2025-06-10"))
                 },
                 action: .done, subject: "decision 1",
                 lv: "ieva atzīmēja lēmumu Nr. 1 kā izpildītu sēdē Nr. 2", en: "ieva marked decision 1 done at meeting 2",
                 undoLV: "ieva atsauca #N: lēmums Nr. 1 izpildīts sēdē Nr. 2", undoEN: "ieva undid #N: decision 1 done at meeting 2",
                 effect: { snapshot in
                     snapshot.decisions.first?.doneOn == day("2025-06-10")
                         && snapshot.reviews == [DecisionReview(meeting: 2, decision: 1, outcome: .done, dueBefore: day("2025-05-31"), dueAfter: day("2025-05-31"))]
                         ? nil : "decisions \(snapshot.decisions), reviews \(snapshot.reviews)"
                 }),
        Contract(name: "review .done outside a meeting (the decision view)", kind: .reviewDone,
                 change: { store in
                     let (decision, _) = try decisionToReview(store)
                     return .review(decision: DecisionID(decision), meeting: nil, .done, due: day("2025-05-31"), today: day("2025-06-20"))
                 },
                 action: .done, subject: "decision 1",
                 lv: "ieva atzīmēja lēmumu Nr. 1 kā izpildītu", en: "ieva marked decision 1 done",
                 undoLV: "ieva atsauca #N: lēmums Nr. 1 izpildīts", undoEN: "ieva undid #N: decision 1 done",
                 effect: { snapshot in
                     snapshot.decisions.first?.doneOn == day("2025-06-20") && snapshot.reviews.isEmpty
                         ? nil : "decisions \(snapshot.decisions), reviews \(snapshot.reviews)"
                 }),
        Contract(name: "review .moved at a meeting", kind: .reviewMoved,
                 change: { store in
                     let (decision, reviewing) = try decisionToReview(store)
                     return .review(decision: DecisionID(decision), meeting: reviewing, .moved, due: day("2025-09-30"), today: day("2025-06-10"))
                 },
                 action: .due, subject: "decision 1",
                 lv: "ieva mainīja lēmuma Nr. 1 termiņu: 2025-05-31 → 2025-09-30",
                 en: "ieva moved the due date of decision 1: 2025-05-31 → 2025-09-30",
                 undoLV: "ieva atsauca #N: lēmuma Nr. 1 termiņš: 2025-05-31 → 2025-09-30",
                 undoEN: "ieva undid #N: due date of decision 1: 2025-05-31 → 2025-09-30",
                 effect: { snapshot in
                     snapshot.decisions.first?.due == day("2025-09-30")
                         && snapshot.reviews == [DecisionReview(meeting: 2, decision: 1, outcome: .moved, dueBefore: day("2025-05-31"), dueAfter: day("2025-09-30"))]
                         ? nil : "decisions \(snapshot.decisions), reviews \(snapshot.reviews)"
                 }),
        Contract(name: "review .moved outside a meeting", kind: .reviewMoved,
                 change: { store in
                     let (decision, _) = try decisionToReview(store)
                     return .review(decision: DecisionID(decision), meeting: nil, .moved, due: day("2025-09-30"), today: day("2025-06-20"))
                 },
                 action: .due, subject: "decision 1",
                 lv: "ieva mainīja lēmuma Nr. 1 termiņu: 2025-05-31 → 2025-09-30",
                 en: "ieva moved the due date of decision 1: 2025-05-31 → 2025-09-30",
                 undoLV: "ieva atsauca #N: lēmuma Nr. 1 termiņš: 2025-05-31 → 2025-09-30",
                 undoEN: "ieva undid #N: due date of decision 1: 2025-05-31 → 2025-09-30",
                 effect: { snapshot in
                     snapshot.decisions.first?.due == day("2025-09-30") && snapshot.reviews.isEmpty
                         ? nil : "decisions \(snapshot.decisions), reviews \(snapshot.reviews)"
                 }),
        Contract(name: "review .open at a meeting", kind: .reviewOpen,
                 change: { store in
                     let (decision, reviewing) = try decisionToReview(store)
                     return .review(decision: DecisionID(decision), meeting: reviewing, .open, due: day("2025-05-31"), today: day("2025-06-10"))
                 },
                 action: .reviewed, subject: "decision 1",
                 lv: "ieva izskatīja lēmumu Nr. 1 sēdē Nr. 2 un atstāja atvērtu",
                 en: "ieva reviewed decision 1 at meeting 2 and left it open",
                 undoLV: "ieva atsauca #N: lēmums Nr. 1 izskatīts sēdē Nr. 2, paliek atvērts",
                 undoEN: "ieva undid #N: decision 1 reviewed at meeting 2, left open",
                 effect: { snapshot in
                     snapshot.decisions.first?.isOpen == true
                         && snapshot.reviews == [DecisionReview(meeting: 2, decision: 1, outcome: .open, dueBefore: day("2025-05-31"), dueAfter: day("2025-05-31"))]
                         ? nil : "decisions \(snapshot.decisions), reviews \(snapshot.reviews)"
                 }),
        Contract(name: "institutionEmail (a mailbox set)", kind: .institutionEmail,
                 change: { _ in .institutionEmail("SD", "sd@example.lv") },
                 action: .institution, subject: "SD",
                 lv: "ieva iestādei SD norādīja e-pastu sd@example.lv", en: "ieva set the e-mail of SD to sd@example.lv",
                 undoLV: "ieva atsauca #N: SD e-pasts: sd@example.lv", undoEN: "ieva undid #N: e-mail of SD: sd@example.lv",
                 effect: { $0.plan.institution("SD")?.email == "sd@example.lv" ? nil : "SD: \(String(describing: $0.plan.institution("SD")))" }),
        Contract(name: "institutionEmail (a mailbox removed)", kind: .institutionEmail,
                 change: { store in
                     try prepare(store, .institutionEmail("SD", "sd@example.lv"))
                     return .institutionEmail("SD", nil)
                 },
                 action: .institution, subject: "SD",
                 lv: "ieva noņēma iestādes SD e-pastu", en: "ieva removed the e-mail of SD",
                 undoLV: "ieva atsauca #N: SD e-pasts noņemts", undoEN: "ieva undid #N: e-mail of SD removed",
                 effect: { $0.plan.institution("SD")?.email == nil ? nil : "SD: \(String(describing: $0.plan.institution("SD")))" }),
        Contract(name: "institutionEmail (a standard institution the plan does not list)", kind: .institutionEmail,
                 change: { _ in .institutionEmail("BT", "bt@example.lv") },
                 action: .institution, subject: "BT",
                 lv: "ieva iestādei BT norādīja e-pastu bt@example.lv", en: "ieva set the e-mail of BT to bt@example.lv",
                 undoLV: "ieva atsauca #N: BT e-pasts: bt@example.lv", undoEN: "ieva undid #N: e-mail of BT: bt@example.lv",
                 effect: { $0.plan.institution("BT")?.email == "bt@example.lv" ? nil : "BT: \(String(describing: $0.plan.institution("BT")))" }),
    ]

    /// Kinds whose contract is a test of its own, not a row of `contracts`.
    static let contractedElsewhere: [ChangeCase: String] = [
        .undo: "undoOfAnUndoIsRefused",
    ]

    @Test("apply → one journal row → its sentence in Latvian and English → undo → the store before", arguments: contracts)
    func contract(_ contract: Contract) throws {
        let store = try Self.store()
        let change = try contract.change(store)
        #expect(ChangeCase(change) == contract.kind, "the contract's change is of another kind")
        let before = try Everything(store)

        try store.apply(change, author: Self.author, now: Self.changed, today: Self.today)
        let applied = try Everything(store)
        #expect(applied.journal.count == before.journal.count + 1, "one change, one journal row")
        let entry = try #require(try store.journal(limit: 1).first)
        #expect(entry == applied.journal.first)
        // The typed journal: the row reads as its change and writes back the same bytes (a kind newer than the fixture included).
        if case .unreadable = entry.change { Issue.record("the row of \(contract.name) does not read as its change") }
        #expect(entry.change.before?.text == entry.before && entry.change.after?.text == entry.after, "\(contract.name)")
        #expect(entry.kind == contract.action && entry.subject == contract.subject && entry.author == Self.author,
                "\(entry.action) \(entry.subject) by \(entry.author)")
        #expect(abs(entry.time.timeIntervalSince(Self.changed)) < 0.001, "the row is timed `now`: \(entry.time)")
        #expect(Self.sentence(entry, .lv) == contract.lv)
        #expect(Self.sentence(entry, .en) == contract.en)
        // The author is shown with the login account when that is another name.
        let login = try #require(entry.login)
        #expect(entry.shownAuthor(.lv) == (login == Self.author ? Self.author : "ieva (konts: \(login))"))
        #expect(entry.shownAuthor(.en) == (login == Self.author ? Self.author : "ieva (account: \(login))"))
        #expect(applied.snapshot != before.snapshot || applied.records != before.records, "the change changed nothing")
        if let problem = contract.effect?(applied.snapshot) { Issue.record("after the change: \(problem)") }

        let undone = try store.apply(.undo(of: entry.number), author: Self.author, now: Self.undone, today: Self.today)
        let undo = try #require(try store.journal(limit: 1).first)
        #expect(undone == .undo(undo), "the door answers with the undo's entry as the journal reads it")
        #expect(undo.kind == .undo && undo.undoes == entry.id && undo.subject == entry.subject && undo.reverted == contract.action
                && undo.author == Self.author)
        #expect(Self.sentence(undo, .lv) == contract.undoLV.replacingOccurrences(of: "#N", with: "#\(entry.id)"))
        #expect(Self.sentence(undo, .en) == contract.undoEN.replacingOccurrences(of: "#N", with: "#\(entry.id)"))
        #expect(undone.notice.lv.hasPrefix("Atsaukts: "), "\(undone.notice.lv)")

        let after = try Everything(store)
        #expect(after.snapshot == before.snapshot, "the undo gives back the snapshot before")
        #expect(after.records == before.records)
        #expect(after.journal.count == before.journal.count + 2)
        #expect(Array(after.journal.dropFirst(2)) == before.journal, "the history before is untouched")
        // Nothing of hers is left to undo: an undo is not undone.
        #expect(try store.latestUndoable(author: Self.author) == nil)
    }

    @Test("undo: its own row and sentences; an undo of that undo is refused and writes nothing, whether or not she has an earlier change")
    func undoOfAnUndoIsRefused() throws {
        let store = try Self.store()
        let before = try Everything(store)
        try store.apply(.note("2.1", "Sarunāts ar skolu"), author: Self.author, now: Self.prepared, today: Self.today)
        let note = try #require(try store.latestUndoable(author: Self.author))
        let change = Change.undo(of: note.number)
        #expect(ChangeCase(change) == .undo)

        try store.apply(change, author: Self.author, now: Self.changed, today: Self.today)
        let undo = try #require(try store.journal(limit: 1).first)
        #expect(undo.kind == .undo && undo.subject == "2.1" && undo.undoes == note.id && undo.reverted == .note)
        #expect(Self.sentence(undo, .lv) == "ieva atsauca #\(note.id): piezīme 2.1")
        #expect(Self.sentence(undo, .en) == "ieva undid #\(note.id): a note on 2.1")
        #expect(try Everything(store).snapshot == before.snapshot)

        // Undoing the undo: nothing of hers is left to undo, and the undo entry is not one.
        #expect(try store.latestUndoable(author: Self.author) == nil)
        try expectRefused(store, .nothingToUndo(author: Self.author)) {
            try store.apply(.undo(of: undo.number), author: Self.author, now: Self.undone, today: Self.today)
        }

        // With an earlier change of hers, the undo of the undo is still refused: it is not her latest change.
        let other = try Self.store()
        try other.apply(.status("2.1", .active, note: nil), author: Self.author, now: Self.prepared, today: Self.today)
        let status = try #require(try other.latestUndoable(author: Self.author))
        try other.apply(.note("2.1", "Sarunāts ar skolu"), author: Self.author, now: Self.prepared, today: Self.today)
        let second = try #require(try other.latestUndoable(author: Self.author))
        try other.apply(.undo(of: second.number), author: Self.author, now: Self.changed, today: Self.today)
        let secondUndo = try #require(try other.journal(limit: 1).first)
        #expect(try other.latestUndoable(author: Self.author)?.id == status.id)
        let asked = Phrase(
            lv: "Jūsu pēdējā izmaiņa vairs nav tā, par kuru jautāja (#\(secondUndo.id)); nekas netika atsaukts. Atsauciet vēlreiz, lai redzētu, kas tā ir tagad.",
            en: "Your latest change is no longer the one you were asked about (#\(secondUndo.id)); nothing was undone. Undo again to see what it is now.")
        try expectRefused(other, .invalid(asked)) {
            try other.apply(.undo(of: secondUndo.number), author: Self.author, now: Self.undone, today: Self.today)
        }
        #expect(try other.plan().activity("2.1")?.status == .active, "the earlier change stays")
    }

    /// A change that would change nothing, with the answer the door gives.
    struct Unchanged: Sendable, CustomTestStringConvertible {
        var name: String
        var kind: ChangeCase
        /// Prepares the store (as `other`) and gives the change and the answer expected.
        var change: @Sendable (Store) throws -> (Change, SavedChange)
        var testDescription: String { name }
    }

    static let unchanged: [Unchanged] = [
        Unchanged(name: "status: the same status and note", kind: .status) { _ in
            (.status("2.2", .active, note: nil), .status("2.2", .active))
        },
        Unchanged(name: "updateMeeting: the meeting as stored", kind: .updateMeeting) { store in
            let id = try meeting(store, "2025-06-10", items: ["2.1"])
            guard let stored = try store.meetings().first(where: { $0.id == id }) else { throw Unexpected(description: "meeting \(id)") }
            return (.updateMeeting(stored, basedOn: stored), .meetingUpdated(stored))
        },
        Unchanged(name: "editMeeting: the details as stored", kind: .editMeeting) { store in
            let id = try meeting(store, "2025-06-10", items: ["2.1"])
            let details = Meeting.Details(attendees: ["SD"], place: "Domes zāle")
            try prepare(store, .hold(meeting: MeetingID(id), details: details, today: day("2025-06-10")))
            return (.editMeeting(MeetingID(id), details: details), .meetingDetails(meeting: id, changed: false))
        },
        Unchanged(name: "institutionEmail: the mailbox it has", kind: .institutionEmail) { store in
            try prepare(store, .institutionEmail("SD", "sd@example.lv"))
            return (.institutionEmail("SD", "sd@example.lv"), .institutionEmail("SD", "sd@example.lv", changed: false))
        },
        Unchanged(name: "review .open outside a meeting (the decision view keeps it open)", kind: .reviewOpen) { store in
            let (decision, _) = try decisionToReview(store)
            return (.review(decision: DecisionID(decision), meeting: nil, .open, due: day("2025-05-31"), today: today), .decisionKeptOpen(decision))
        },
    ]

    @Test("a change that changes nothing is answered, and writes nothing: no journal row, nothing to undo", arguments: unchanged)
    func changesNothing(_ unchanged: Unchanged) throws {
        let store = try Self.store()
        let (change, answer) = try unchanged.change(store)
        #expect(ChangeCase(change) == unchanged.kind)
        let before = try Everything(store)
        #expect(try store.apply(change, author: Self.author, now: Self.changed, today: Self.today) == answer)
        #expect(try Everything(store) == before)
        #expect(try store.latestUndoable(author: Self.author) == nil)
    }

    @Test("every kind of change has a contract")
    func everyKindHasAContract() {
        let covered = Set(Self.contracts.map(\.kind)).union(Self.contractedElsewhere.keys)
        #expect(covered == Set(ChangeCase.allCases), "without a contract: \(Set(ChangeCase.allCases).subtracting(covered))")
    }
}

/// The kinds of `Change` a contract is written for: its cases, with
/// `decision` by whether it sets its item's outcome and `review` by outcome.
/// `init` switches over every case with no default, so a new case of
/// `Change` does not compile until it is named here.
enum ChangeCase: String, CaseIterable, Hashable, Sendable {
    case record, recordFinishing, status, note, waiver, edit, add, undo
    case newMeeting, updateMeeting, outcome, decisionSettingOutcome, decision, hold, editMeeting, cancelMeeting
    case reviewDone, reviewMoved, reviewOpen, institutionEmail

    init(_ change: Change) {
        switch change {
        case .record: self = .record
        case .recordFinishing: self = .recordFinishing
        case .status: self = .status
        case .note: self = .note
        case .waiver: self = .waiver
        case .edit: self = .edit
        case .add: self = .add
        case .undo: self = .undo
        case .newMeeting: self = .newMeeting
        case .updateMeeting: self = .updateMeeting
        case .outcome: self = .outcome
        case .decision(_, settingOutcome: true): self = .decisionSettingOutcome
        case .decision(_, settingOutcome: false): self = .decision
        case .hold: self = .hold
        case .editMeeting: self = .editMeeting
        case .cancelMeeting: self = .cancelMeeting
        case .review(_, _, .done, _, _): self = .reviewDone
        case .review(_, _, .moved, _, _): self = .reviewMoved
        case .review(_, _, .open, _, _): self = .reviewOpen
        case .institutionEmail: self = .institutionEmail
        }
    }
}
