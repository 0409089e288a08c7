import Foundation
import GRDB
import SargsCore
import Testing
@testable import SargsStore

/// The packed per-activity digest of records that snapshots are read from:
/// after every kind of change it equals the index of the records themselves.
@Suite("Record digests")
struct StoreDigestTests {
    let scratch = Scratch()
    let store: Store
    let now = SamplePlan.now.plus(3600)

    init() throws {
        store = try scratch.store()
    }

    /// The snapshot's index is the index of the stored records, and nothing is left marked stale.
    func expectConsistent(_ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let records = try store.records()
        #expect(try store.snapshot().records == RecordIndex(records), comment, sourceLocation: sourceLocation)
        let stale = try store.reader().read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record_stale") }
        #expect(stale == 0, comment, sourceLocation: sourceLocation)
    }

    static func record(_ activity: ActivityID, _ date: String, _ count: Int? = nil) -> SargsCore.Record {
        SargsCore.Record(activity: activity, date: SamplePlan.day(date), count: count, author: "ieva")
    }

    @Test("records added one by one, out of date order, then undone one by one")
    func addAndUndo() throws {
        let dates = ["2025-05-03", "2025-02-01", "2025-05-03", "2026-01-09", "2025-02-01"]
        for (i, date) in dates.enumerated() {
            try store.addRecord(Self.record(i % 2 == 0 ? "2.1" : "2.2", date, i == 2 ? nil : i + 1), now: now)
            try expectConsistent("after record \(i + 1)")
        }
        #expect(try store.snapshot().records.entries(of: "2.1").map(\.count) == [5, 1, 0])
        for i in dates.indices {
            _ = try store.undo(author: "ieva", now: now)
            try expectConsistent("after undo \(i + 1)")
        }
        #expect(try store.snapshot().records.isEmpty)
        let digests = try store.reader().read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record_digest") }
        #expect(digests == 0)
    }

    @Test("an import of 3,000 records over three activities, and its undo")
    func importAndUndo() throws {
        let records = (0..<3_000).map { n in
            Self.record(["2.1", "2.2", "3.2"][n % 3], Day(ordinal: SamplePlan.day("2025-01-01").ordinal + (n * 7919) % 900).description,
                        n % 5 == 0 ? nil : n % 11 + 1)
        }
        try store.importRecords(records, author: "ieva", now: now)
        try expectConsistent("after the import")
        #expect(try store.snapshot().records.count == 3_000)
        _ = try store.undo(author: "ieva", now: now)
        try expectConsistent("after its undo")
        #expect(try store.snapshot().records.isEmpty)
    }

    @Test("a record changed behind sargs' back is read from the records until the next change refreshes it")
    func changedOutsideSargs() throws {
        try store.addRecord(Self.record("2.1", "2025-03-03", 2), now: now)
        try store.addRecord(Self.record("2.2", "2025-04-04", 3), now: now)
        try store.writer().write { db in
            try db.execute(sql: "UPDATE record SET date = '2025-09-09', count = 8 WHERE activity = '2.1'")
        }
        #expect(try store.snapshot().records.entries(of: "2.1") == [RecordIndex.Entry(day: SamplePlan.day("2025-09-09"), count: 8)])
        #expect(try store.records().count == 2)
        try store.addNote("3.2", text: "cita izmaiņa", author: "ieva", now: now)
        try expectConsistent("after the next change")
    }

    @Test("digests lost or damaged: a store whose digests are rebuilt reads the same")
    func rebuilt() throws {
        for n in 0..<40 { try store.addRecord(Self.record(n % 2 == 0 ? "2.1" : "3.2", "2025-0\(1 + n % 9)-1\(n % 10)", n == 0 ? nil : n), now: now) }
        let before = try store.snapshot().records
        try store.writer().write { db in
            try db.execute(sql: "DELETE FROM record_digest")
            try RecordDigests.rebuildAll(db)
        }
        #expect(try store.snapshot().records == before)
        try store.writer().write { db in
            try db.execute(sql: "UPDATE record_digest SET entries = x'0102' WHERE activity = '2.1'")
        }
        #expect(throws: StoreError.self) { try store.snapshot() }
    }
}

/// A full disk: SQLite's page limit stands in for it (the same SQLITE_FULL).
@Suite("A full disk")
struct StoreFullDiskTests {
    @Test("a change that does not fit is refused as a full disk (in the run's language) and leaves the store as it was")
    func fullDisk() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        try store.addRecord(SargsCore.Record(activity: "2.1", date: SamplePlan.day("2025-03-03"), author: "ieva"), now: SamplePlan.now)
        let before = try Everything(store)
        try store.writer().writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        let many = (0..<5_000).map { n in
            SargsCore.Record(activity: "2.2", date: SamplePlan.day("2025-04-01"), note: "Ieraksts numur \(n), kas aizņem vietu", author: "ieva")
        }
        do {
            try store.importRecords(many, author: "ieva", now: SamplePlan.now)
            Issue.record("the import fitted in a store that could not grow")
        } catch let error as StoreError {
            guard case .diskFull = error else {
                Issue.record("expected a full disk, got \(error)")
                return
            }
            #expect(error.phrase.en.contains("is full") && error.phrase.lv.contains("nav vietas"))
            #expect(error.message.hasSuffix("nothing was saved."))
        }
        #expect(try Everything(store) == before)
    }
}
