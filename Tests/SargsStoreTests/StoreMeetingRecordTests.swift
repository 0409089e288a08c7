import Foundation
import SargsCore
@testable import SargsStore
import Testing

/// Holding a meeting with its details, editing them, the review of earlier
/// decisions and `record --done`: each one transaction and one journal entry,
/// refusals write nothing, and undo gives back exactly what was there.
@Suite("The store: a meeting's record and the review of decisions")
struct StoreMeetingRecordTests {
    let scratch = Scratch()
    let store: Store
    let now = SamplePlan.now.plus(3600)
    static let details = Meeting.Details(attendees: ["SD", "NVO"], place: "Domes zāle", started: ClockTime("10:00"),
                                         ended: ClockTime("11:15"), chair: "Vadītāja", secretary: "Sekretāre",
                                         guests: "Skolas direktors", restricted: true)

    init() throws {
        store = try scratch.store()
    }

    func meeting(_ id: Int64) throws -> Meeting { try #require(try store.meetings().first { $0.id == id }) }

    @Test("a decision on an item the chair had marked discussed with words: the words go (they described the other outcome); undo brings them back")
    func decisionReplacesTheDiscussedWords() throws {
        let m = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-10"), items: [Meeting.Item(activity: "2.1")]), author: "ieva", now: now)
        try store.setOutcome(m.id, activity: "2.1", outcome: .discussed, note: "SD ziņos nākamajā sēdē", author: "ieva", now: now)
        #expect(try meeting(m.id).items.first?.note == "SD ziņos nākamajā sēdē")
        _ = try store.addDecision(Decision(meeting: m.id, text: "Sagatavot materiālu", owner: "SD", due: SamplePlan.day("2025-07-31"), activity: "2.1"),
                                  settingOutcome: true, author: "ieva", now: now)
        let item = try #require(try meeting(m.id).items.first)
        #expect(item.outcome == .decision && item.note == nil, "\(item)")
        _ = try store.undo(author: "ieva", now: now)
        let back = try #require(try meeting(m.id).items.first)
        #expect(back.outcome == .discussed && back.note == "SD ziņos nākamajā sēdē", "\(back)")
    }

    @Test("hold stores every detail in one entry; refusals: future, held again, bad times, personal code; undo restores")
    func hold() throws {
        let m = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-11")), author: "ieva", now: now)
        let today = SamplePlan.day("2025-06-10")
        #expect(throws: StoreError.self) {
            try store.holdMeeting(m.id, details: Self.details, today: today, author: "ieva", now: now)
        }
        var bad = Self.details
        bad.ended = ClockTime("10:00")  // the start's minute: no length (an end before the start is the next day's)
        #expect(throws: StoreError.self) {
            try store.holdMeeting(m.id, details: bad, today: SamplePlan.day("2025-06-11"), author: "ieva", now: now)
        }
        bad = Self.details
        bad.secretary = "Sekretāre 010190-12345"
        #expect(throws: StoreError.self) {
            try store.holdMeeting(m.id, details: bad, today: SamplePlan.day("2025-06-11"), author: "ieva", now: now)
        }
        #expect(try meeting(m.id).state == .planned)
        try store.holdMeeting(m.id, details: Self.details, today: SamplePlan.day("2025-06-11"), author: "ieva", now: now)
        #expect(try meeting(m.id).details == Self.details)
        #expect(try meeting(m.id).state == .held)
        #expect(throws: StoreError.self) {
            try store.holdMeeting(m.id, details: Self.details, today: SamplePlan.day("2025-07-11"), author: "ieva", now: now)
        }
        #expect(throws: StoreError.self) { try store.cancelMeeting(m.id, author: "ieva", now: now) }
        _ = try store.undo(author: "ieva", now: now)
        #expect(try meeting(m.id) == Meeting(id: m.id, date: SamplePlan.day("2025-06-11")))
    }

    @Test("edit writes only the changed keys, nothing when nothing changed; its undo gives the old values back")
    func edit() throws {
        let m = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-11")), author: "ieva", now: now)
        try store.holdMeeting(m.id, details: Self.details, today: SamplePlan.day("2025-06-11"), author: "ieva", now: now)
        var edited = Self.details
        edited.place = "Skola"
        edited.attendees = ["SD"]
        #expect(try store.editMeeting(m.id, details: edited, author: "juris", now: now))
        let entry = try #require(try store.journal(subject: "meeting \(m.id)", author: "juris", limit: 1).first)
        #expect(entry.action == "details")
        #expect(entry.before == #"{"attendees":["SD","NVO"],"place":"Domes zāle"}"#)
        #expect(entry.after == #"{"attendees":["SD"],"place":"Skola"}"#)
        #expect(JournalText.what(entry, .lv) == "sēdes Nr. \(m.id) ziņas: dalībnieki, vieta")
        let count = try store.journal(subject: nil, author: nil, limit: nil).count
        #expect(try store.editMeeting(m.id, details: edited, author: "juris", now: now) == false)
        #expect(try store.journal(subject: nil, author: nil, limit: nil).count == count, "no change, no entry")
        _ = try store.undo(author: "juris", now: now)
        #expect(try meeting(m.id).details == Self.details)
    }

    @Test("review: done, moved (not before the meeting that took it), left open — stored per meeting; undo removes the review")
    func review() throws {
        let first = try store.addMeeting(Meeting(date: SamplePlan.day("2025-03-12")), author: "ieva", now: now)
        let second = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-11")), author: "ieva", now: now)
        let d1 = try store.addDecision(Decision(meeting: first.id, text: "Viens", owner: "SD", due: SamplePlan.day("2025-04-30")),
                                       author: "ieva", now: now)
        let d2 = try store.addDecision(Decision(meeting: first.id, text: "Divi", owner: "SD", due: SamplePlan.day("2025-05-30")),
                                       author: "ieva", now: now)
        let d3 = try store.addDecision(Decision(meeting: first.id, text: "Trīs", owner: "SD", due: SamplePlan.day("2025-05-30")),
                                       author: "ieva", now: now)
        // A due date before its meeting is refused, at taking and at moving.
        try expectRefused(store, .invalid(Phrase(lv: "termiņš 2025-03-11 ir pirms sēdes datuma 2025-03-12",
                                                 en: "the due date 2025-03-11 is before the meeting's date 2025-03-12"))) {
            _ = try store.addDecision(Decision(meeting: first.id, text: "Par agru", owner: "SD", due: SamplePlan.day("2025-03-11")),
                                      author: "ieva", now: now)
        }
        try expectRefused(store, .invalid(Phrase(lv: "termiņš 2025-03-01 ir pirms sēdes datuma 2025-03-12",
                                                 en: "the due date 2025-03-01 is before the meeting's date 2025-03-12"))) {
            try store.moveDecision(d2.id, to: SamplePlan.day("2025-03-01"), at: second.id, author: "anna", now: now)
        }
        // A meeting does not review its own decisions.
        #expect(throws: StoreError.self) { try store.keepDecisionOpen(d1.id, at: first.id, author: "anna", now: now) }

        try store.completeDecision(d1.id, on: second.date, at: second.id, author: "anna", now: now)
        try store.moveDecision(d2.id, to: SamplePlan.day("2025-09-30"), at: second.id, author: "anna", now: now)
        try store.keepDecisionOpen(d3.id, at: second.id, author: "anna", now: now)
        let snapshot = try store.snapshot()
        #expect(snapshot.reviews == [
            DecisionReview(meeting: second.id, decision: d1.id, outcome: .done, dueBefore: d1.due, dueAfter: d1.due),
            DecisionReview(meeting: second.id, decision: d2.id, outcome: .moved, dueBefore: d2.due, dueAfter: SamplePlan.day("2025-09-30")),
            DecisionReview(meeting: second.id, decision: d3.id, outcome: .open, dueBefore: d3.due, dueAfter: d3.due),
        ])
        #expect(snapshot.decisions.first { $0.id == d1.id }?.doneOn == second.date)
        #expect(snapshot.decisions.first { $0.id == d2.id }?.due == SamplePlan.day("2025-09-30"))
        #expect(throws: StoreError.self) { try store.completeDecision(d1.id, on: second.date, author: "anna", now: now) }
        let sentences = try store.journal(subject: nil, author: "anna", limit: 3).map { JournalText.what($0, .en) }
        #expect(sentences == ["decision \(d3.id) reviewed at meeting \(second.id), left open",
                              "due date of decision \(d2.id): 2025-05-30 → 2025-09-30",
                              "decision \(d1.id) done at meeting \(second.id)"])
        // The decision taken, reviewed: it cannot be removed before its review is.
        // Undo, newest first: the review rows go, the dates come back.
        for _ in 0..<3 { _ = try store.undo(author: "anna", now: now) }
        let undone = try store.snapshot()
        #expect(undone.reviews.isEmpty)
        #expect(undone.decisions.map(\.due) == [d1.due, d2.due, d3.due])
        #expect(undone.decisions.allSatisfy { $0.isOpen })
        let undoSentence = try #require(try store.journal(subject: nil, author: "anna", limit: 1).first)
        #expect(JournalText.what(undoSentence, .en).hasSuffix("decision \(d1.id) done at meeting \(second.id)"), "\(JournalText.what(undoSentence, .en))")
    }

    @Test("record --done: the record and the status in one entry; refused for a repeating activity; undo gives both back")
    func recordFinishing() throws {
        try expectRefused(store, .invalid(Phrase(
            lv: "--done pabeidz tikai vienreizēju aktivitāti; 2.1 ir atkārtota — statusu maina “sargs status 2.1 done”",
            en: "--done finishes only a one-off activity; 2.1 repeats — set its status with “sargs status 2.1 done”"))) {
            _ = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-03-05"), author: "ieva"), finishing: true, now: now)
        }
        let saved = try store.addRecord(Record(activity: "1.2", date: SamplePlan.day("2025-03-05"), author: "ieva"),
                                        finishing: true, now: now)
        #expect(try store.plan().activity("1.2")?.status == .done)
        let entry = try #require(try store.journal(subject: "1.2", author: "ieva", limit: 1).first)
        #expect(JournalText.what(entry, .lv) == "izpilde 1.2: 2025-03-05; pabeigta")
        _ = try store.undo(author: "ieva", now: now)
        #expect(try store.plan().activity("1.2")?.status == .planned)
        #expect(try !store.records().contains { $0.id == saved.id })
    }
}
