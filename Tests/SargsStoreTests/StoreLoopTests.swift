import Foundation
import SargsCore
import GRDB
@testable import SargsStore
import Testing

/// What the board's loop needs of the store (issue 12): one read for the
/// snapshot and its version, one transaction for a decision and its outcome,
/// a meeting's preparation saved whole, an undo of exactly the entry asked about.
@Suite("The store under the board's loop")
struct StoreLoopTests {
    let scratch = Scratch()
    let now = SamplePlan.now

    @Test("the snapshot and the version come from one read, however busy the writers")
    func snapshotAndVersionAgree() throws {
        let store = try scratch.store()
        let path = scratch.storePath
        let writer = Thread {
            guard let other = try? Store.open(at: path) else { return }
            for i in 0..<150 {
                _ = try? other.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-03-01").adding(days: i % 60),
                                                author: "writer"), now: Date())
            }
        }
        writer.start()
        var mismatches = 0, reads = 0
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let (snapshot, version) = try store.snapshotAndVersion()
            // The journal holds the init entry and one entry per record: the version says how many records there are.
            if snapshot.records.count != Int(version) - 1 { mismatches += 1 }
            reads += 1
            if snapshot.records.count == 150 { break }
        }
        #expect(mismatches == 0, "\(mismatches) of \(reads) reads saw a version that did not match their snapshot")
        #expect(reads > 10, "the reads overlapped the writes: \(reads)")
    }

    @Test("a decision and the outcome it gives its item: one transaction, one journal entry, one undo")
    func decisionWithItsOutcome() throws {
        let store = try scratch.store()
        let meeting = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-01"), items: [Meeting.Item(activity: "2.1")]),
                                           author: "ieva", now: now)
        let before = try store.journal(subject: nil, author: nil, limit: nil).count
        let decision = try store.addDecision(Decision(meeting: meeting.id, text: "Sagatavot grafiku", owner: "SD",
                                                      due: SamplePlan.day("2025-07-01"), activity: "2.1"),
                                             settingOutcome: true, author: "ieva", now: now)
        let journal = try store.journal(subject: nil, author: nil, limit: nil)
        #expect(journal.count == before + 1)
        #expect(try store.meetings().first?.items == [Meeting.Item(activity: "2.1", outcome: .decision)])
        _ = try store.undo(author: "ieva", now: now)
        #expect(try store.snapshot().decisions.isEmpty)
        #expect(try store.meetings().first?.items == [Meeting.Item(activity: "2.1", outcome: nil)])
        _ = decision
    }

    @Test("a meeting's date, kind, topic and items are saved together, journaled, and undone together")
    func updateMeeting() throws {
        let store = try scratch.store()
        var meeting = try store.addMeeting(Meeting(date: SamplePlan.day("2025-12-15"), items: [Meeting.Item(activity: "2.1")]),
                                           author: "ieva", now: now)
        meeting.date = SamplePlan.day("2026-01-22")
        meeting.topic = "Gada pārskats"
        meeting.items = [Meeting.Item(activity: "2.2"), Meeting.Item(activity: "2.1")]
        let saved = try store.updateMeeting(meeting, author: "ieva", now: now)
        #expect(saved.date == SamplePlan.day("2026-01-22") && saved.topic == "Gada pārskats")
        #expect(try store.meetings().first?.items.map(\.activity) == ["2.2", "2.1"])
        let entry = try #require(try store.journal(subject: "meeting \(meeting.id)", author: nil, limit: 1).first)
        #expect(entry.action == "settings")
        #expect(JournalText.sentence(entry, .lv) == entry.shownAuthor(.lv) + " mainīja sēdes Nr. \(meeting.id) datumu un tēmu (2026-01-22)")
        _ = try store.undo(author: "ieva", now: now)
        let back = try #require(try store.meetings().first)
        #expect(back.date == SamplePlan.day("2025-12-15") && back.topic == nil && back.items.map(\.activity) == ["2.1"])
        // A held meeting's preparation no longer changes.
        try store.holdMeeting(meeting.id, attendees: ["SD"], author: "ieva", now: now)
        #expect(throws: StoreError.self) { try store.updateMeeting(meeting, author: "ieva", now: now) }
    }

    @Test("an undo of an entry that is no longer the latest is refused; nothing is undone")
    func undoExpecting() throws {
        let store = try scratch.store()
        let first = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-03-01"), author: "ieva"), now: now)
        let asked = try #require(try store.latestUndoable(author: "ieva"))
        _ = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-03-02"), author: "ieva"), now: now)
        #expect(throws: StoreError.self) { try store.undo(author: "ieva", expecting: asked.id, now: now) }
        #expect(try store.records().count == 2)
        let latest = try #require(try store.latestUndoable(author: "ieva"))
        _ = try store.undo(author: "ieva", expecting: latest.id, now: now)
        #expect(try store.records().map(\.id) == [first.id])
    }
}

/// Values another SQLite tool may leave in a store: every reader still
/// answers, as SPEC §6 says, or says the store is damaged; none crashes.
@Suite("Stored values out of range")
struct StoredValuesOutOfRangeTests {
    let scratch = Scratch()

    @Test("targets and counts out of range are held at the range's ends when read")
    func heldAtTheEnds() throws {
        let store = try scratch.store()
        _ = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-03-01"), count: 5, author: "ieva"), now: SamplePlan.now)
        try store.writer().write { db in
            try db.execute(sql: "UPDATE activity SET target_count = 9223372036854775807 WHERE id = '1.1'")
            try db.execute(sql: "UPDATE activity SET target_count = -1, target_unit = 'x' WHERE id = '2.1'")
            try db.execute(sql: "UPDATE record SET count = -9223372036854775807")
        }
        let plan = try store.plan()
        #expect(plan.activity("1.1")?.target?.count == Counts.range.upperBound)
        #expect(plan.activity("2.1")?.target?.count == Counts.range.lowerBound)
        #expect(try store.records().first?.count == Counts.range.lowerBound)
        let snapshot = try store.snapshot()
        let tracker = Tracker(snapshot)
        for activity in snapshot.plan.activities { _ = tracker.state(of: activity, on: SamplePlan.day("2025-11-01")) }
        _ = YearReport(snapshot: snapshot, year: 2025, today: SamplePlan.day("2025-11-01")).csv()
    }

    @Test("a plan period that ends before it starts is a damaged store, not a crash")
    func reversedPeriod() throws {
        let store = try scratch.store()
        try store.writer().write { db in
            try db.execute(sql: "UPDATE plan SET period_first = '2027-01-01', period_last = '2025-01-01'")
        }
        #expect(throws: StoreError.self) { try store.snapshot() }
    }
}
