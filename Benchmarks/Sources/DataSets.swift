import Foundation
import SargsCore
import SargsPlanFile
import SargsStore
import TestSupport

/// A store the benchmark measures: a plan, its records, meetings and
/// decisions, made deterministically from a seed and cached on disk.
struct DataSet {
    /// Short name for the table: "Madona", "10k/500k".
    let name: String
    let plan: Plan
    let recordCount: Int
    /// The store file (read only by the measurements; copies are written).
    let storePath: String

    var describe: String {
        "\(name): \(plan.activities.count) activities, \(recordCount) records, store \(storePath) (\(fileSize(storePath) / 1_048_576) MiB)"
    }
}

/// Makes the data sets, reusing a cached store when one with the same key exists.
struct DataSetMaker {
    /// Where cached stores live (`.build-bench/data`).
    let directory: String
    /// The day everything is measured on (records are dated up to it).
    let today: Day
    /// Changes whenever the store format or the generator may have changed
    /// (the run script hashes their sources).
    let sourceKey: String

    /// The bundled Madona plan with a history of records (a busy plan's few years).
    func madona(planPath: String, records: Int, seed: UInt64) throws -> DataSet {
        let plan = try PlanFile.read(path: planPath)
        let path = try ensure(name: "madona-r\(records)-s\(seed)", plan: plan) {
            SyntheticPlan.records(for: plan, count: records, until: today, seed: seed)
        }
        return DataSet(name: "Madona", plan: plan, recordCount: records, storePath: path)
    }

    /// A synthetic plan of `activities` activities over 7 goals with every
    /// schedule form, and `records` records.
    func synthetic(activities: Int, records: Int, seed: UInt64) throws -> DataSet {
        let plan = SyntheticPlan.plan(activities: activities, seed: seed)
        let path = try ensure(name: "synthetic-a\(activities)-r\(records)-s\(seed)", plan: plan) {
            SyntheticPlan.records(for: plan, count: records, until: today, seed: seed &+ 1)
        }
        let name = "\(short(activities))/\(short(records))"
        return DataSet(name: name, plan: plan, recordCount: records, storePath: path)
    }

    private func short(_ n: Int) -> String { n >= 1000 && n % 1000 == 0 ? "\(n / 1000)k" : "\(n)" }

    /// The cached store for this name, made when missing.
    private func ensure(name: String, plan: Plan, records: () -> [Record]) throws -> String {
        let path = "\(directory)/\(name)-\(today)-\(sourceKey).sqlite"
        if FileManager.default.fileExists(atPath: path) { return path }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let building = path + ".building"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: building + suffix) }
        let made = try timed { () throws -> Int in
            let list = records()
            try fill(building, plan: plan, records: list)
            return list.count
        }
        note(String(format: "generated %@: %d activities, %d records in %.1f s", name, plan.activities.count, made.value, made.ms / 1000))
        // The store is closed (its pool released) by now; move it into place whole.
        for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: building + suffix) {
            try FileManager.default.moveItem(atPath: building + suffix, toPath: path + suffix)
        }
        try FileManager.default.moveItem(atPath: building, toPath: path)
        return path
    }

    /// Creates the store: the plan, the records in one import, a regular
    /// meeting held every quarter up to today with a few decisions, and the
    /// next meeting planned.
    private func fill(_ path: String, plan: Plan, records: [Record]) throws {
        let now = Date()
        let store = try Store.create(at: path, plan: plan, force: true, author: "bench", now: now)
        _ = try store.importRecords(records, author: "bench", now: now)
        var random = SyntheticPlan.Random(seed: 7)
        let owners = plan.allInstitutions.map(\.code)
        var quarterEnd = Day(year: plan.period.first.year, month: 3, day: 15)!
        var number = 0
        while quarterEnd <= today && quarterEnd <= plan.period.last {
            number += 1
            guard case .meeting(let meeting) = try store.apply(.newMeeting(Meeting(date: quarterEnd, kind: .regular)),
                                                               author: "bench", now: now, today: today) else { continue }
            try store.apply(.hold(meeting: meeting.number, details: Meeting.Details(attendees: Array(owners.prefix(4)), place: "Domes zāle"),
                                  today: today), author: "bench", now: now, today: today)
            for d in 0..<3 {
                let activity = plan.activities.isEmpty ? nil : plan.activities[random.int(0...(plan.activities.count - 1))].id
                guard case .decision(let decision) = try store.apply(.decision(
                    Decision(meeting: meeting.id, text: "Lēmums \(number).\(d + 1): pārskatīt izpildi un ziņot grupai",
                             owner: random.pick(owners), due: quarterEnd.adding(days: 30), activity: activity), settingOutcome: false),
                    author: "bench", now: now, today: today) else { continue }
                if random.chance(60), quarterEnd.adding(days: 20) <= today {
                    try store.apply(.review(decision: decision.number, meeting: nil, .done, due: decision.due, today: quarterEnd.adding(days: 20)),
                                    author: "bench", now: now, today: today)
                }
            }
            quarterEnd = Day(ordinal: quarterEnd.ordinal + 91)
            quarterEnd = Day(year: quarterEnd.year, month: quarterEnd.month, day: 15)!
        }
        if quarterEnd <= plan.period.last {
            try store.apply(.newMeeting(Meeting(date: quarterEnd, kind: .regular)), author: "bench", now: now, today: today)
        }
    }
}

/// A file's size in bytes (0 when missing).
func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

/// Copies a store (and any companion files) to `destination`, replacing it.
func copyStore(_ source: String, to destination: String) throws {
    for suffix in ["", "-wal", "-shm"] {
        try? FileManager.default.removeItem(atPath: destination + suffix)
        if FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: destination + suffix)
        }
    }
}
