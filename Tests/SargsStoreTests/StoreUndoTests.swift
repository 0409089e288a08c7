import Foundation
import SargsCore
@testable import SargsStore
import Testing

/// Every kind of change, with what must exist before it.
enum ChangeKind: String, CaseIterable, CustomTestStringConvertible {
    case record, importRecords, status, note, waiver, edit, editGoal, addActivity, addMeeting, hold, cancel, addDecision, done

    var testDescription: String { rawValue }

    static let now = SamplePlan.now.plus(86_400)

    /// Sets the scene (as the same author) and returns the change to undo.
    func prepare(_ store: Store, author: String) throws -> () throws -> Void {
        let now = ChangeKind.now
        switch self {
        case .record:
            return { _ = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-05-02"), count: 2,
                                                    note: "Notika", author: author), now: now) }
        case .importRecords:
            _ = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-05-01"), author: author), now: now)
            let records = (1...20).map { Record(activity: $0 % 2 == 0 ? "2.1" : "3.1",
                                                date: SamplePlan.day("2025-04-\(10 + $0)"), count: $0, author: author) }
            return { _ = try store.importRecords(records, author: author, now: now) }
        case .status:
            try store.setStatus("3.3", to: .active, note: "Sākts", author: author, now: now)
            return { try store.setStatus("3.3", to: .dropped, note: "Atcelts", author: author, now: now) }
        case .note:
            return { _ = try store.addNote("3.2", text: "Zvans", author: author, now: now) }
        case .waiver:
            return { _ = try store.addWaiver(Waiver(activity: "2.2", window: "2025-W20", note: "Svētki", author: author),
                                             now: now) }
        case .edit:
            let original = try #require(try store.plan().activity("3.3"))
            var edited = original
            edited.title = "Jauns nosaukums"
            edited.en = nil
            edited.links = []
            edited.schedule = .every(.year, from: nil, to: SamplePlan.bound("2027-06-30"))
            edited.funding = ["PB"]
            edited.target = Target(count: 5, unit: "grupas")
            edited.status = .active
            edited.statusNote = nil
            return { try store.editActivity(edited, basedOn: original, author: author, now: now) }
        case .editGoal:
            let original = try #require(try store.plan().activity("1.1"))
            var edited = original
            edited.goal = 3
            edited.period = "Visu periodu"
            return { try store.editActivity(edited, basedOn: original, author: author, now: now) }
        case .addActivity:
            let activity = Activity(id: "1.3", goal: 1, title: "Plakāti", period: "2026", schedule: .asNeeded,
                                    owners: ["AN"], funding: [])
            return { try store.addActivity(activity, author: author, now: now) }
        case .addMeeting:
            return { _ = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-11"), topic: "Vasara"),
                                              author: author, now: now) }
        case .hold:
            let meeting = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-11"), attendees: ["SG"]),
                                               author: author, now: now)
            return { try store.holdMeeting(meeting.id, attendees: ["SG", "SD", "VP"], author: author, now: now) }
        case .cancel:
            let meeting = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-11")), author: author, now: now)
            return { try store.cancelMeeting(meeting.id, author: author, now: now) }
        case .addDecision:
            let meeting = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-11")), author: author, now: now)
            return { _ = try store.addDecision(Decision(meeting: meeting.id, text: "Uzrakstīt vēstuli", owner: "SD",
                                                        due: SamplePlan.day("2025-07-01"), activity: "3.1"),
                                               author: author, now: now) }
        case .done:
            let meeting = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-11")), author: author, now: now)
            let decision = try store.addDecision(Decision(meeting: meeting.id, text: "Uzrakstīt vēstuli", owner: "SD",
                                                          due: SamplePlan.day("2025-07-01")), author: author, now: now)
            return { try store.completeDecision(decision.id, on: SamplePlan.day("2025-06-30"), author: author, now: now) }
        }
    }
}

@Suite("Undo: a compensating entry, never a rewrite of history")
struct StoreUndoTests {
    let scratch = Scratch()
    let store: Store

    init() throws {
        store = try scratch.store()
    }

    func entries() throws -> [JournalEntry] { try store.journal(subject: nil, author: nil, limit: nil) }

    @Test("undo restores everything as it was before the change", arguments: ChangeKind.allCases)
    func undoEachKind(kind: ChangeKind) throws {
        let change = try kind.prepare(store, author: "anna")
        let before = try store.snapshot()
        try change()
        let changed = try #require(try entries().first)
        #expect(try store.snapshot() != before)

        let undo = try store.undo(author: "anna", now: ChangeKind.now.plus(60))
        #expect(try store.snapshot() == before)
        #expect(undo.action == "undo")
        #expect(undo.undoes == changed.id)
        #expect(undo.subject == changed.subject)
        #expect(undo.author == "anna")
        #expect(undo.before == changed.after)
        #expect(undo.after == changed.before)
        #expect(undo.time == ChangeKind.now.plus(60))
        // The history keeps the change and adds the undo.
        let journal = try entries()
        #expect(journal.first == undo)
        #expect(journal.dropFirst().first == changed)
    }

    @Test("nothing to undo: a fresh store (init is not a change one undoes), and after the last change is undone")
    func nothingToUndo() throws {
        try expectRefused(store, .nothingToUndo(author: "ieva")) { _ = try store.undo(author: "ieva", now: .now) }
        _ = try store.addNote("1.1", text: "Viena", author: "ieva", now: .now)
        _ = try store.undo(author: "ieva", now: .now)
        // The undo entry itself is not undone (no redo).
        try expectRefused(store, .nothingToUndo(author: "ieva")) { _ = try store.undo(author: "ieva", now: .now) }
        #expect(try store.snapshot().notes.isEmpty)
    }

    @Test("successive undos walk back through the author's changes, newest first")
    func walkBack() throws {
        let first = try store.addNote("1.1", text: "Pirmā", author: "anna", now: .now)
        try store.setStatus("1.1", to: .active, note: nil, author: "anna", now: .now)
        _ = try store.addNote("1.1", text: "Otrā", author: "anna", now: .now)
        _ = try store.undo(author: "anna", now: .now)
        #expect(try store.snapshot().notes == [first])
        _ = try store.undo(author: "anna", now: .now)
        #expect(try store.plan().activity("1.1")?.status == .planned)
        _ = try store.undo(author: "anna", now: .now)
        #expect(try store.snapshot() == Snapshot(plan: SamplePlan.plan))
        #expect(throws: StoreError.nothingToUndo(author: "anna")) { try store.undo(author: "anna", now: .now) }
        #expect(try entries().map(\.action) == ["undo", "undo", "undo", "note", "status", "note", "init"])
    }

    @Test("undo touches only the calling author's changes")
    func onlyOwnChanges() throws {
        let mine = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-04-01"), author: "anna"), now: .now)
        let theirs = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-04-02"), author: "juris"), now: .now)
        try store.setStatus("2.1", to: .active, note: nil, author: "juris", now: .now)
        let undo = try store.undo(author: "anna", now: .now)
        #expect(undo.subject == "2.1")
        #expect(try store.records(of: "2.1") == [theirs])
        #expect(try store.plan().activity("2.1")?.status == .active)
        #expect(throws: StoreError.nothingToUndo(author: "anna")) { try store.undo(author: "anna", now: .now) }
        _ = mine
    }

    @Test("undo refuses to overwrite what someone else changed since, and writes nothing")
    func undoConflicts() throws {
        try store.setStatus("2.1", to: .blocked, note: "Gaida", author: "anna", now: .now)
        try store.setStatus("2.1", to: .done, note: nil, author: "juris", now: .now)
        try expectRefused(store, .undoConflict(field: "status", now: "done", by: "juris")) {
            _ = try store.undo(author: "anna", now: .now)
        }

        let original = try #require(try store.plan().activity("3.2"))
        var edited = original
        edited.title = "Annas nosaukums"
        try store.editActivity(edited, basedOn: original, author: "anna", now: .now)
        var again = edited
        again.title = "Jura nosaukums"
        try store.editActivity(again, basedOn: edited, author: "juris", now: .now)
        try expectRefused(store, .undoConflict(field: "title", now: "Jura nosaukums", by: "juris")) {
            _ = try store.undo(author: "anna", now: .now)
        }

        let meeting = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-11")), author: "ieva", now: .now)
        try store.holdMeeting(meeting.id, attendees: ["SG"], author: "ieva", now: .now)
        try store.editMeeting(meeting.id, details: Meeting.Details(attendees: ["SG", "SD"]), author: "juris", now: .now)
        try expectRefused(store, .undoConflict(field: "attendees", now: "SG, SD", by: "juris")) {
            _ = try store.undo(author: "ieva", now: .now)
        }
    }

    @Test("undo of a new activity or meeting refuses while others' records or decisions rely on it")
    func undoAddInUse() throws {
        let activity = Activity(id: "1.3", goal: 1, title: "Plakāti", period: "2026", schedule: .asNeeded,
                                owners: ["AN"], funding: [])
        try store.addActivity(activity, author: "anna", now: .now)
        _ = try store.addRecord(Record(activity: "1.3", date: SamplePlan.day("2025-04-02"), author: "juris"), now: .now)
        let before = try Everything(store)
        #expect { _ = try store.undo(author: "anna", now: .now) } throws: { error in
            guard case StoreError.invalid(let message) = error else { return false }
            return message.en.contains("1.3") && message.lv.contains("1.3")
        }
        #expect(try Everything(store) == before)

        let meeting = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-11")), author: "ieva", now: .now)
        _ = try store.addDecision(Decision(meeting: meeting.id, text: "x", owner: "SD", due: SamplePlan.day("2025-07-01")),
                                  author: "juris", now: .now)
        #expect { _ = try store.undo(author: "ieva", now: .now) } throws: { error in
            guard case StoreError.invalid(let message) = error else { return false }
            return message.en.contains("Meeting \(meeting.id)") && message.lv.contains("Sēdei Nr. \(meeting.id)")
        }
    }
}
