import Foundation
import GRDB
import SargsCore

/// Years that are over, kept as they stood (issue 27: a closed year stays
/// closed). The first change made on a day after a year of the plan ended
/// copies the activities, as they are before that change, into
/// `closed_activity` under the year; the year's report reads them from
/// then on, so no later change to the plan (an added activity, a changed
/// cadence, a new owner, a status, an undo) moves a figure in it. Records
/// and waivers are still read live: one dated inside the year may be
/// entered late, and the report says how many were (`LateEntries`).
enum ClosedYears {
    /// SQL: a text that is a day as the store writes it (`YYYY-MM-DD`), for a
    /// GLOB; an entry day written otherwise by another tool is not a late day.
    static let isoDay = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"

    /// Closes each year of the plan period that ended before `today`'s year
    /// began and is not closed yet, with the activities as stored now.
    /// Called by `Store.apply` inside its transaction, before the change.
    static func close(before today: Day, _ db: Database) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT period_first, period_last FROM plan")),
              let first = Day(row[0] as String? ?? ""), let last = Day(row[1] as String? ?? "") else { return }
        let top = min(today.year - 1, last.year)
        guard first.year <= top else { return }
        let closed = Set(try Int.fetchAll(db.cachedStatement(sql: "SELECT year FROM closed_year")))
        for year in first.year...top where !closed.contains(year) {
            // Rows a year row does not stand for (another tool removed it) give way to the year as it is now.
            try db.execute(sql: "DELETE FROM closed_activity WHERE year = ?", arguments: [year])
            try db.execute(sql: "INSERT INTO closed_year (year, closed_on) VALUES (?, ?)", arguments: [year, today.description])
            try db.execute(sql: """
                INSERT INTO closed_activity (year, position, \(PlanRows.activityColumns))
                SELECT ?, position, \(PlanRows.activityColumns) FROM activity
                """, arguments: [year])
        }
    }

    /// The plan as it stood when `year` was closed (its goals and the rest
    /// as stored now: no change touches them), or nil while it is not closed.
    static func plan(year: Int, _ db: Database) throws -> Plan? {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM closed_year WHERE year = ?", arguments: [year]) != nil else { return nil }
        var plan = try PlanRows.plan(db, activities: [])
        let statement = try db.makeStatement(sql: "SELECT \(PlanRows.activityColumns) FROM closed_activity WHERE year = ? ORDER BY position")
        var reader = ActivityReader()
        var activities: [Activity] = []
        try eachRow(db, statement, arguments: [year]) { row in activities.append(try reader.activity(row)) }
        plan.activities = activities
        return plan
    }

    /// The records dated in `year` and the waivers entered after it ended,
    /// by activity, and its regular meetings marked held after it ended.
    static func late(year: Int, _ db: Database) throws -> LateEntries {
        guard let last = Day(year: year, month: 12, day: 31) else { return LateEntries() }
        let end = last.description
        var records: [ActivityID: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT activity, COUNT(*) FROM record
            WHERE entered > ? AND entered GLOB \(isoDay) AND date >= ? AND date <= ?
            GROUP BY activity
            """, arguments: [end, "\(year)-01-01", end]) {
            records[row[0] as String? ?? ""] = row[1] as Int? ?? 0
        }
        var waivers: [ActivityID: Set<String>] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT activity, label FROM waiver WHERE entered > ? AND entered GLOB \(isoDay)", arguments: [end]) {
            waivers[row[0] as String? ?? "", default: []].insert(row[1] as String? ?? "")
        }
        let meetings = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM meeting WHERE kind = 'regular' AND state = 'held' AND date >= ? AND date <= ?
                AND held_on > ? AND held_on GLOB \(isoDay)
            """, arguments: ["\(year)-01-01", end, end]) ?? 0
        return LateEntries(records: records, waivers: waivers, meetings: meetings)
    }
}

extension Store {
    /// What the yearly report of `year` reads as known on `today` (issue 27):
    /// the snapshot, its plan the one `year` was closed with when the year is
    /// over and closed, and the records and waivers entered after it ended.
    /// A reader: it writes nothing (a year not closed yet is read live).
    ///
    /// - Throws: `StoreError` when the store cannot be read.
    public func yearSnapshot(_ year: Int, today: Day) throws -> (snapshot: Snapshot, late: LateEntries) {
        try storeOperation(at: path) {
            try reader().read { db in
                var snapshot = try Store.snapshot(db)
                // While the year runs nothing about it is late, and it is read live.
                guard today.year > year else { return (snapshot, LateEntries()) }
                if let closed = try ClosedYears.plan(year: year, db) { snapshot.plan = closed }
                return (snapshot, try ClosedYears.late(year: year, db))
            }
        }
    }
}
