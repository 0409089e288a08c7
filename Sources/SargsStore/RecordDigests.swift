import Foundation
import GRDB
import SargsCore

/// Each activity's record days and counts, packed in one blob per activity:
/// what `Snapshot.records` (a `RecordIndex`) is built from.
///
/// A blob holds one 8-byte entry per record, sorted by date then number, in
/// the packed form the core defines (`RecordIndex.packed`): the day's ordinal
/// and the count (0 when none), each a little-endian Int32. Triggers on
/// `record` name the activities whose records changed in `record_stale`; `refreshStale` rewrites their blobs in
/// the same transaction, and a reader that still finds a stale activity (a
/// change made outside sargs) reads that activity's records instead.
enum RecordDigests {
    /// Rewrites the digests of the activities marked stale, and clears the marks.
    static func refreshStale(_ db: Database) throws {
        let stale = try String.fetchAll(db, sql: "SELECT activity FROM record_stale")
        guard !stale.isEmpty else { return }
        for activity in stale {
            let entries = try entriesFromRecords(db, of: activity)
            if entries.isEmpty {
                try db.execute(sql: "DELETE FROM record_digest WHERE activity = ?", arguments: [activity])
            } else {
                try db.execute(sql: "INSERT OR REPLACE INTO record_digest (activity, entries) VALUES (?, ?)",
                               arguments: [activity, Data(RecordIndex.packed(entries))])
            }
        }
        try db.execute(sql: "DELETE FROM record_stale")
    }

    /// Rebuilds every digest from the records (the migration that adds them).
    static func rebuildAll(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM record_digest")
        try db.execute(sql: "INSERT OR IGNORE INTO record_stale SELECT DISTINCT activity FROM record")
        try refreshStale(db)
    }

    /// One activity's entries, read from its records.
    static func entriesFromRecords(_ db: Database, of activity: ActivityID) throws -> [RecordIndex.Entry] {
        try TrackingRows.records(db, of: activity).map { RecordIndex.Entry(day: $0.date, count: $0.count ?? 0) }
    }

    /// The index of every activity's records, as of the read transaction.
    static func index(_ db: Database) throws -> RecordIndex {
        let activities = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record_digest") ?? 0
        let total = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(LENGTH(entries)), 0) FROM record_digest") ?? 0
        var builder = RecordIndex.Builder(capacity: total / RecordIndex.packedEntrySize, activities: activities)
        let stale = Set(try String.fetchAll(db, sql: "SELECT activity FROM record_stale"))
        let statement = try db.cachedStatement(sql: "SELECT activity, entries FROM record_digest")
        try eachRow(db, statement) { row in
            let activity = row.text(0)
            guard !stale.contains(activity) else { return }
            let ok = row.blob(1).map { builder.append(activity, packed: $0) } ?? false
            guard ok else { throw damaged("record digest of \(activity)") }
        }
        for activity in stale {
            builder.append(activity, entries: try entriesFromRecords(db, of: activity))
        }
        return builder.index
    }
}
