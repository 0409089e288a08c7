import Foundation
import GRDB
import SargsCore

/// Each activity's record days and counts, packed in one blob per activity:
/// what `Snapshot.records` (a `RecordIndex`) is built from.
///
/// A blob holds one 8-byte entry per record, sorted by date then number, in
/// the packed form the core defines (`RecordIndex.packed`): the day's ordinal
/// and the count (0 when none), each a little-endian Int32. Triggers on `record` name the activities whose
/// records changed in `record_stale`; `refreshStale` rewrites their blobs in
/// the same transaction, and a reader that still finds a stale activity (a
/// change made outside sargs) reads that activity's records instead.
enum RecordDigests {
    static let entrySize = RecordIndex.packedEntrySize

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
                               arguments: [activity, pack(entries)])
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
        var entries: [RecordIndex.Entry] = []
        let statement = try db.cachedStatement(sql: "SELECT date, count FROM record WHERE activity = ? ORDER BY date, id")
        #if canImport(GRDBSQLite)
        try eachRow(db, statement, arguments: [activity]) { row in
            guard let day = row.day(0) else { throw damaged("date of a record of \(activity)") }
            entries.append(RecordIndex.Entry(day: day, count: row.optionalInt(1) ?? 0))
        }
        #else
        for row in try Row.fetchAll(statement, arguments: [activity]) {
            let text: String = row[0]
            guard let day = Day.stored(text) else { throw damaged("date of a record of \(activity)") }
            entries.append(RecordIndex.Entry(day: day, count: row[1] ?? 0))
        }
        #endif
        return entries
    }

    /// The blob of a list of entries (sorted by day): `RecordIndex.packed`.
    static func pack(_ entries: [RecordIndex.Entry]) -> Data {
        Data(RecordIndex.packed(entries))
    }

    /// Reads an entry list back from its bytes into the builder; false if the blob is damaged.
    static func unpack(_ bytes: UnsafeRawBufferPointer, activity: ActivityID, into builder: inout RecordIndex.Builder) -> Bool {
        builder.append(activity, packed: bytes)
    }

    /// The index of every activity's records, as of the read transaction.
    static func index(_ db: Database) throws -> RecordIndex {
        let activities = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record_digest") ?? 0
        let total = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(LENGTH(entries)), 0) FROM record_digest") ?? 0
        var builder = RecordIndex.Builder(capacity: total / entrySize, activities: activities)
        let stale = Set(try String.fetchAll(db, sql: "SELECT activity FROM record_stale"))
        let statement = try db.cachedStatement(sql: "SELECT activity, entries FROM record_digest")
        #if canImport(GRDBSQLite)
        try eachRow(db, statement) { row in
            let activity = row.text(0)
            guard !stale.contains(activity) else { return }
            let ok = row.blob(1).map { unpack($0, activity: activity, into: &builder) } ?? false
            guard ok else { throw damaged("record digest of \(activity)") }
        }
        #else
        for row in try Row.fetchAll(statement) {
            let activity: String = row[0]
            guard !stale.contains(activity) else { continue }
            let data: Data = row[1]
            let ok = data.withUnsafeBytes { unpack($0, activity: activity, into: &builder) }
            guard ok else { throw damaged("record digest of \(activity)") }
        }
        #endif
        for activity in stale {
            builder.append(activity, entries: try entriesFromRecords(db, of: activity))
        }
        return builder.index
    }
}
