import Foundation
import SargsCore
@testable import SargsStore
import Testing

@Suite("Changes: each one transaction and one journal entry; refusals write nothing")
struct StoreChangeTests {
    let scratch = Scratch()
    let store: Store
    let now = SamplePlan.now.plus(3600)

    init() throws {
        store = try scratch.store()
    }

    func entries() throws -> [JournalEntry] { try store.journal(subject: nil, author: nil, limit: nil) }

    // MARK: Records

    @Test func addRecord() throws {
        let saved = try store.addRecord(Record(activity: "2.2", date: SamplePlan.day("2025-03-05"), count: 4,
                                               note: "Reids \"Centrs\"\nbez piezīmēm", author: "juris"), now: now)
        #expect(saved.id > 0)
        let earlier = try store.addRecord(Record(activity: "2.2", date: SamplePlan.day("2025-03-04"), author: "ieva"),
                                          now: now)
        #expect(earlier.id > saved.id)
        #expect(try store.records(of: "2.2") == [earlier, saved])
        #expect(try store.records(of: "2.1").isEmpty)
        #expect(try store.records() == [saved, earlier])
        #expect(try store.snapshot().records == RecordIndex([saved, earlier]))
        #expect(try store.snapshot().records.entries(of: "2.2").map(\.count) == [0, 4])

        let entry = try #require(try store.journal(subject: "2.2", author: "juris", limit: nil).first)
        #expect(entry.action == "record")
        #expect(entry.before == nil)
        #expect(entry.after?.contains("\"date\":\"2025-03-05\"") == true)
        #expect(entry.after?.contains("\"count\":4") == true)
        #expect(entry.time == now)
        #expect(try entries().count == 3)
    }

    @Test func addRecordRefusals() throws {
        try expectRefused(store, .unknownActivity("9.9")) {
            _ = try store.addRecord(Record(activity: "9.9", date: SamplePlan.day("2025-03-05"), author: "juris"), now: now)
        }
        try expectPersonalCodeRefused(store) {
            _ = try store.addRecord(Record(activity: "2.2", date: SamplePlan.day("2025-03-05"),
                                           note: "Klients 010101-12345", author: "juris"), now: now)
        }
        #expect(throws: StoreError.unknownActivity("9.9")) { try store.records(of: "9.9") }
    }

    @Test func importRecords() throws {
        let records = (1...50).map { n in
            Record(id: 999, activity: ["2.1", "2.2", "3.2"][n % 3], date: SamplePlan.day("2025-05-\(10 + n % 20)"),
                   count: n % 4 == 0 ? nil : n, note: n == 7 ? "septītais" : nil, author: "juris")
        }
        let saved = try store.importRecords(records, author: "ieva", now: now)
        #expect(saved.count == 50)
        #expect(Set(saved.map(\.id)).count == 50)
        #expect(saved.map { var r = $0; r.id = 999; return r } == records)
        #expect(try store.records() == saved)
        #expect(try store.snapshot().records == RecordIndex(saved))
        let journal = try entries()
        #expect(journal.count == 2)
        #expect(journal.first?.action == "import")
        #expect(journal.first?.author == "ieva")
        #expect(journal.first?.after == #"{"first":\#(saved[0].id),"last":\#(saved[49].id),"count":50}"#)
        #expect(try store.importRecords([], author: "ieva", now: now).isEmpty)
        #expect(try entries().count == 2)
    }

    @Test func importRecordsRefusals() throws {
        let good = Record(activity: "2.1", date: SamplePlan.day("2025-05-10"), author: "juris")
        var unknown = good
        unknown.activity = "5.5"
        try expectRefused(store, .unknownActivity("5.5")) {
            _ = try store.importRecords([good, good, unknown], author: "ieva", now: now)
        }
        var personal = good
        personal.note = "010101-12345"
        try expectPersonalCodeRefused(store) {
            _ = try store.importRecords([good, personal], author: "ieva", now: now)
        }
    }

    // MARK: Status

    @Test func setStatus() throws {
        try store.setStatus("1.2", to: .blocked, note: "Nav tipogrāfijas", author: "ieva", now: now)
        var activity = try #require(try store.plan().activity("1.2"))
        #expect(activity.status == .blocked)
        #expect(activity.statusNote == "Nav tipogrāfijas")
        let entry = try #require(try entries().first)
        #expect(entry.action == "status")
        #expect(entry.subject == "1.2")
        #expect(entry.before == #"{"status":"planned","note":null}"#)
        #expect(entry.after == #"{"status":"blocked","note":"Nav tipogrāfijas"}"#)

        try store.setStatus("1.2", to: .done, note: nil, author: "ieva", now: now)
        activity = try #require(try store.plan().activity("1.2"))
        #expect(activity.status == .done)
        #expect(activity.statusNote == nil)
    }

    @Test func setStatusRefusals() throws {
        try expectRefused(store, .unknownActivity("4.1")) {
            try store.setStatus("4.1", to: .done, note: nil, author: "ieva", now: now)
        }
        try expectPersonalCodeRefused(store) {
            try store.setStatus("1.2", to: .blocked, note: "Sk. 01010112345", author: "ieva", now: now)
        }
    }

    // MARK: Notes and waivers

    @Test func addNote() throws {
        let note = try store.addNote("3.1", text: "Jāvienojas par telpām", author: "anna", now: now.plus(0.0004))
        #expect(note.id > 0)
        #expect(note.activity == "3.1")
        #expect(note.author == "anna")
        #expect(note.time == now)   // kept to the millisecond
        #expect(try store.snapshot().notes == [note])
        #expect(try entries().first?.action == "note")
    }

    @Test func addNoteRefusals() throws {
        try expectRefused(store, .unknownActivity("3.9")) {
            _ = try store.addNote("3.9", text: "Teksts", author: "anna", now: now)
        }
        try expectPersonalCodeRefused(store) {
            _ = try store.addNote("3.1", text: "Zvanīja par 121212-54321", author: "anna", now: now)
        }
    }

    @Test func addWaiver() throws {
        let waiver = try store.addWaiver(Waiver(activity: "2.2", window: "2025-W14", note: "Svētku nedēļa",
                                                author: "ieva"), now: now)
        #expect(waiver.id > 0)
        #expect(try store.snapshot().waivers == [waiver])
        let entry = try #require(try entries().first)
        #expect(entry.action == "waive")
        #expect(entry.author == "ieva")
        #expect(entry.subject == "2.2")
    }

    @Test func addWaiverRefusals() throws {
        try expectRefused(store, .unknownActivity("2.9")) {
            _ = try store.addWaiver(Waiver(activity: "2.9", window: "2025-W14", note: "x", author: "ieva"), now: now)
        }
        try expectPersonalCodeRefused(store) {
            _ = try store.addWaiver(Waiver(activity: "2.2", window: "2025-W14", note: "010101-12345 slims",
                                           author: "ieva"), now: now)
        }
    }

    // MARK: Editing and adding activities

    @Test func editActivity() throws {
        let original = try #require(try store.plan().activity("2.1"))
        var edited = original
        edited.title = "Starpinstitūciju sanāksmes (paplašinātas)"
        edited.schedule = .every(.month, from: SamplePlan.bound("2025-04"), to: SamplePlan.bound("2026"))
        edited.owners = ["SG", "SD"]
        edited.target = Target(count: 12, unit: "sanāksmes")
        try store.editActivity(edited, basedOn: original, author: "ieva", now: now)
        #expect(try store.plan().activity("2.1") == edited)
        #expect(try store.plan().activities.map(\.id) == SamplePlan.plan.activities.map(\.id))

        let entry = try #require(try entries().first)
        #expect(entry.action == "edit")
        #expect(entry.subject == "2.1")
        #expect(entry.before == #"{"title":"Starpinstitūciju sanāksmes","schedule":{"every":"quarter"},"owners":["SG"],"target":null}"#)
        #expect(entry.after == #"{"title":"Starpinstitūciju sanāksmes (paplašinātas)","schedule":{"every":"month","from":"2025-04","to":"2026"},"owners":["SG","SD"],"target":{"count":12,"unit":"sanāksmes"}}"#)

        // An edit that changes nothing writes nothing.
        let count = try entries().count
        try store.editActivity(edited, basedOn: edited, author: "ieva", now: now)
        #expect(try entries().count == count)
    }

    @Test("an edit of amounts and a due day is journaled, kept and undone (SPEC §3)")
    func editAmountsAndDueDay() throws {
        let original = try #require(try store.plan().activity("2.1"))
        var edited = original
        edited.funding = ["PB", "VB"]
        edited.amounts = ["PB": Euros("1500.50")!]
        edited.schedule = .every(.year, from: nil, to: nil, due: DueDay("03-01"))
        try store.editActivity(edited, basedOn: original, author: "ieva", now: now)
        #expect(try store.plan().activity("2.1") == edited)
        #expect(try Store.open(at: scratch.storePath).plan().activity("2.1") == edited)
        let entry = try #require(try entries().first)
        #expect((entry.after ?? "").contains(#"{"code":"PB","eur_cents":150050}"#))
        #expect((entry.after ?? "").contains(#""due":"03-01""#))
        #expect(JournalText.sentence(entry, .lv).contains("laboja 2.1: grafiks, finansējums"), "\(JournalText.sentence(entry, .lv))")
        #expect(JournalText.sentence(entry, .en).contains("edited 2.1: schedule, funding"))
        _ = try store.undo(author: "ieva", now: now.plus(60))
        #expect(try store.plan().activity("2.1") == original)
    }

    @Test("changing an activity's goal moves it to the end of that goal in plan order")
    func editGoal() throws {
        let original = try #require(try store.plan().activity("1.1"))
        var edited = original
        edited.goal = 2
        try store.editActivity(edited, basedOn: original, author: "ieva", now: now)
        let plan = try store.plan()
        #expect(plan.activities.map(\.id) == ["1.2", "2.1", "2.2", "2.3", "1.1", "3.1", "3.2", "3.3"])
        #expect(plan.activity("1.1") == edited)
    }

    @Test func editActivityRefusals() throws {
        let original = try #require(try store.plan().activity("2.1"))
        var edited = original
        edited.title = "Jauns 010101-12345"
        try expectPersonalCodeRefused(store) { try store.editActivity(edited, basedOn: original, author: "ieva", now: now) }

        edited = original
        edited.statusNote = "010101-12345"
        try expectPersonalCodeRefused(store) { try store.editActivity(edited, basedOn: original, author: "ieva", now: now) }

        var ghost = original
        ghost.id = "7.7"
        var ghostEdited = ghost
        ghostEdited.title = "Cits"
        try expectRefused(store, .unknownActivity("7.7")) {
            try store.editActivity(ghostEdited, basedOn: ghost, author: "ieva", now: now)
        }

        edited = original
        edited.id = "2.9"
        #expect(throws: StoreError.self) { try store.editActivity(edited, basedOn: original, author: "ieva", now: now) }

        edited = original
        edited.goal = 8
        try expectRefused(store, .invalid(Phrase(lv: "Plānā nav mērķa 8.", en: "There is no goal 8 in the plan."))) {
            try store.editActivity(edited, basedOn: original, author: "ieva", now: now)
        }
    }

    @Test func addActivity() throws {
        let activity = Activity(id: "2.4", goal: 2, title: "Jauna aktivitāte", period: "2026. gadā",
                                schedule: .once(from: nil, to: SamplePlan.bound("2026")), owners: ["JC"], funding: ["PB"],
                                target: Target(count: 10, unit: "PII"))
        try store.addActivity(activity, author: "ieva", now: now)
        let plan = try store.plan()
        #expect(plan.activities.map(\.id) == ["1.1", "1.2", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3"])
        #expect(plan.activity("2.4") == activity)
        let entry = try #require(try entries().first)
        #expect(entry.action == "add")
        #expect(entry.subject == "2.4")
        #expect(entry.after?.hasPrefix(#"{"id":"2.4","goal":2,"title":"Jauna aktivitāte""#) == true)
    }

    @Test func addActivityRefusals() throws {
        let activity = Activity(id: "2.1", goal: 2, title: "Dublikāts", period: "x", schedule: .asNeeded,
                                owners: ["SD"], funding: [])
        try expectRefused(store, .invalid(Phrase(lv: "Plānā jau ir aktivitāte 2.1.", en: "There is already an activity 2.1 in the plan."))) {
            try store.addActivity(activity, author: "ieva", now: now)
        }
        var other = activity
        other.id = "9.1"
        other.goal = 9
        try expectRefused(store, .invalid(Phrase(lv: "Plānā nav mērķa 9.", en: "There is no goal 9 in the plan."))) {
            try store.addActivity(other, author: "ieva", now: now)
        }
        other.goal = 3
        other.title = "Ģimene 010101-12345"
        try expectPersonalCodeRefused(store) { try store.addActivity(other, author: "ieva", now: now) }
    }

    // MARK: Meetings and decisions

    @Test func meetings() throws {
        let first = try store.addMeeting(Meeting(date: SamplePlan.day("2025-03-12"), topic: "Ceturkšņa pārskats"),
                                         author: "ieva", now: now)
        let emergency = try store.addMeeting(Meeting(date: SamplePlan.day("2025-02-20"), kind: .emergency),
                                             author: "ieva", now: now)
        #expect(first.id > 0 && emergency.id > first.id)
        #expect(try store.meetings() == [emergency, first])   // by date
        #expect(try entries().first?.subject == "meeting \(emergency.id)")
        #expect(try entries().first?.action == "meeting")

        try store.holdMeeting(first.id, attendees: ["SG", "SD", "BT"], author: "ieva", now: now)
        var held = first
        held.state = .held
        held.attendees = ["SG", "SD", "BT"]
        #expect(try store.meetings().last == held)
        #expect(try entries().first?.action == "hold")

        try store.cancelMeeting(emergency.id, author: "ieva", now: now)
        #expect(try store.meetings().first?.state == .cancelled)
        #expect(try entries().first?.action == "cancel")
        #expect(try store.snapshot().meetings == store.meetings())
    }

    @Test func meetingRefusals() throws {
        try expectRefused(store, .unknownMeeting(42)) {
            try store.holdMeeting(42, attendees: ["SG"], author: "ieva", now: now)
        }
        try expectRefused(store, .unknownMeeting(42)) { try store.cancelMeeting(42, author: "ieva", now: now) }
        try expectPersonalCodeRefused(store) {
            _ = try store.addMeeting(Meeting(date: SamplePlan.day("2025-03-12"), topic: "Par 010101-12345"),
                                     author: "ieva", now: now)
        }
    }

    @Test func decisions() throws {
        let meeting = try store.addMeeting(Meeting(date: SamplePlan.day("2025-03-12")), author: "ieva", now: now)
        let decision = try store.addDecision(Decision(meeting: meeting.id, text: "Sagatavot bukletus", owner: "IN",
                                                      due: SamplePlan.day("2025-04-30"), activity: "1.2"),
                                             author: "ieva", now: now)
        #expect(decision.id > 0)
        #expect(try store.snapshot().decisions == [decision])
        #expect(try entries().first?.subject == "decision \(decision.id)")

        try store.completeDecision(decision.id, on: SamplePlan.day("2025-04-20"), author: "anna", now: now)
        #expect(try store.snapshot().decisions.first?.doneOn == SamplePlan.day("2025-04-20"))
        let entry = try #require(try entries().first)
        #expect(entry.action == "done")
        #expect(entry.before == #"{"due":"2025-04-30","done_on":null,"review":null}"#)
        #expect(entry.after == #"{"due":"2025-04-30","done_on":"2025-04-20","review":null}"#)
    }

    @Test func decisionRefusals() throws {
        let meeting = try store.addMeeting(Meeting(date: SamplePlan.day("2025-03-12")), author: "ieva", now: now)
        try expectRefused(store, .unknownMeeting(meeting.id + 1)) {
            _ = try store.addDecision(Decision(meeting: meeting.id + 1, text: "x", owner: "SD",
                                               due: SamplePlan.day("2025-04-30")), author: "ieva", now: now)
        }
        try expectRefused(store, .unknownActivity("8.1")) {
            _ = try store.addDecision(Decision(meeting: meeting.id, text: "x", owner: "SD",
                                               due: SamplePlan.day("2025-04-30"), activity: "8.1"), author: "ieva", now: now)
        }
        try expectPersonalCodeRefused(store) {
            _ = try store.addDecision(Decision(meeting: meeting.id, text: "Pārbaudīt 010101-12345", owner: "SD",
                                               due: SamplePlan.day("2025-04-30")), author: "ieva", now: now)
        }
        try expectRefused(store, .unknownDecision(77)) {
            try store.completeDecision(77, on: SamplePlan.day("2025-04-20"), author: "ieva", now: now)
        }
    }

    // MARK: The journal

    @Test func journalQueries() throws {
        for (i, author) in ["anna", "juris", "anna"].enumerated() {
            _ = try store.addNote("1.1", text: "Piezīme \(i)", author: author, now: now.plus(Double(i)))
        }
        try store.setStatus("2.1", to: .active, note: nil, author: "juris", now: now.plus(5))
        let all = try entries()
        #expect(all.map(\.action) == ["status", "note", "note", "note", "init"])
        #expect(all.map(\.id) == all.map(\.id).sorted(by: >))
        #expect(try store.journal(subject: "1.1", author: nil, limit: nil).count == 3)
        #expect(try store.journal(subject: nil, author: "juris", limit: nil).map(\.action) == ["status", "note"])
        #expect(try store.journal(subject: "1.1", author: "anna", limit: 1).map(\.time) == [now.plus(2)])
        #expect(try store.journal(subject: nil, author: nil, limit: 2).count == 2)
        #expect(try store.version() == all.first?.id)
    }
}
