import Foundation
import SargsCore
#if canImport(Glibc)
import Glibc
#endif

/// Every command on the large plan, the Madona agenda beside Taskwarrior in
/// pairs, and what a read-only command asks of the file system (issue 14).
extension Bench {
    /// Peak resident memory of a whole run, in MiB, from GNU time's `%M`
    /// (`ru_maxrss` of a child it forks: the spawner's own memory is not in it,
    /// as it is with `posix_spawn`). Nil without /usr/bin/time.
    func peakMiB(_ arguments: [String], environment: [String: String]) -> Double? {
        let time = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
        let report = scratch + "/time-\(getpid()).txt"
        guard let child = try? Child.spawn([time, "-f", "%M", "-o", report, "--"] + arguments, environment: environment),
              child.wait().status == 0,
              let text = try? String(contentsOfFile: report, encoding: .utf8),
              let kb = Double(text.split(separator: "\n").last?.trimmingCharacters(in: .whitespaces) ?? "") else { return nil }
        return kb / 1024
    }

    /// `sargs agenda --format json` and Taskwarrior's `task overdue` on the
    /// same 29 Madona activities, run in pairs (order alternating), each
    /// pair giving one ratio: the faster of Taskwarrior's two configurations
    /// over sargs. The row is the median of those ratios (goal ≥ 3×), with
    /// the peak memory of each and their ratio (goal ≤ 1.5×).
    mutating func madonaPeer(_ madona: DataSet) throws {
        guard let binary = options.task, FileManager.default.isExecutableFile(atPath: binary) else {
            notes.append("peer on Madona: Taskwarrior not found; rows skipped")
            return
        }
        let tw = Taskwarrior(binary: binary, directory: options.data + "/taskwarrior-\(madona.plan.id)-\(options.today)-\(options.key)")
        note("peer: Taskwarrior on \(madona.name) …")
        _ = try tw.prepare(plan: madona.plan)
        _ = try tw.overdue()  // the first run expands the recurrences
        let agenda = [options.sargs, "agenda", "--format", "json"]
        let environment = sargsEnvironment(madona)
        var sargsTimes = Samples(), taskTimes = Samples(), ratios = Samples()
        for i in 0..<runs(40) {
            var s = 0.0, plain = 0.0, noGC = 0.0
            if i % 2 == 0 {
                s = try Child.time(agenda, environment: environment)
                plain = try tw.overdue()
                noGC = try tw.overdue(["rc.gc=off"])
            } else {
                plain = try tw.overdue()
                noGC = try tw.overdue(["rc.gc=off"])
                s = try Child.time(agenda, environment: environment)
            }
            let peer = min(plain, noGC)
            sargsTimes.add(s)
            taskTimes.add(peer)
            ratios.add(peer / s)
        }
        rows.append(.info("sargs agenda --format json, \(madona.name), whole process (paired run)", .ms, samples: sargsTimes))
        rows.append(.info("peer: task overdue, \(madona.name) plan (faster of defaults and rc.gc=off), paired run", .ms, samples: taskTimes))
        rows.append(Row(what: "sargs agenda vs peer on \(madona.name): median of pair ratios (peer / sargs)", budget: "≥ 3×",
                        unit: .ratio, median: ratios.median, p99: nil, pass: ratios.median >= 3, runs: ratios.count))
        var sargsPeak = Samples(), taskPeak = Samples()
        for _ in 0..<5 {
            if let m = peakMiB(agenda, environment: environment) { sargsPeak.add(m) }
            if let m = peakMiB([binary, "rc.gc=off", "overdue"], environment: tw.environment) { taskPeak.add(m) }
        }
        guard sargsPeak.count > 0, taskPeak.count > 0 else {
            notes.append("peer memory on Madona: /usr/bin/time not found (Debian's `time`); rows skipped")
            return
        }
        rows.append(.info("peak memory (ru_maxrss via GNU time), sargs agenda, \(madona.name)", .mib, samples: sargsPeak, showP99: false))
        rows.append(.info("peak memory (ru_maxrss via GNU time), task overdue, \(madona.name)", .mib, samples: taskPeak, showP99: false))
        let memoryRatio = sargsPeak.median / taskPeak.median
        rows.append(Row(what: "memory, sargs agenda / task overdue, \(madona.name)", budget: "≤ 1.5×", unit: .ratio,
                        median: memoryRatio, p99: nil, pass: memoryRatio <= 1.5, runs: sargsPeak.count))
    }

    /// Every command on the large plan, whole process: the readers on the
    /// cached store, the writers on a copy, `plan check` of the plan file `plan export` writes.
    mutating func everyCommand(_ large: DataSet) throws {
        note("every command, \(large.name) …")
        let copy = scratch + "/commands.sqlite"
        try copyStore(large.storePath, to: copy)
        let readEnvironment = sargsEnvironment(large)
        var writeEnvironment = readEnvironment
        writeEnvironment["SARGS_DB"] = copy
        let planFile = scratch + "/large-plan.yaml"
        let exported = try Child.outputAndPeak([options.sargs, "plan", "export"], environment: readEnvironment).output
        try exported.write(to: URL(fileURLWithPath: planFile))
        let year = String(options.today.year)
        let someActivity = large.plan.activities[large.plan.activities.count / 2].id
        let readers: [(String, [String])] = [
            ("agenda --format json", ["agenda", "--format", "json"]),
            ("agenda (text)", ["agenda"]),
            ("agenda --format markdown", ["agenda", "--format", "markdown"]),
            ("report --year \(year)", ["report", "--year", year]),
            ("report --year \(year) --format csv", ["report", "--year", year, "--format", "csv"]),
            ("log --limit 50", ["log", "--limit", "50"]),
            ("log (the whole journal)", ["log"]),
            ("log \(someActivity)", ["log", someActivity]),
            ("export --format ics", ["export", "--format", "ics"]),
            ("meeting list", ["meeting", "list"]),
            ("meeting show 1", ["meeting", "show", "1"]),
            ("meeting show 1 --format markdown", ["meeting", "show", "1", "--format", "markdown"]),
            ("decision list --all", ["decision", "list", "--all"]),
            ("plan export", ["plan", "export"]),
            ("plan check (the exported plan file)", ["plan", "check", planFile]),
        ]
        for (name, arguments) in readers {
            var samples = Samples()
            for _ in 0..<runs(12) {
                samples.add(try Child.time([options.sargs] + arguments, environment: readEnvironment))
            }
            let budget = name.hasPrefix("plan") ? 300.0 : 150
            rows.append(.limit("sargs \(name), \(large.name), whole process", .ms, atMost: budget,
                               budget: budget == 150 ? "≤ 150 ms (p99 ≤ 200)" : "≤ 300 ms", samples: samples))
            if budget == 150, samples.p99 > 200 { rows[rows.count - 1].pass = false }
        }
        if let peak = peakMiB([options.sargs, "plan", "export"], environment: readEnvironment) {
            rows.append(.limit("peak memory, plan export, \(large.name)", .mib, atMost: 100, budget: "≤ 100 MB",
                               samples: Samples([peak]), showP99: false))
        }
        let date = options.today.description
        let writers: [(String, (Int) -> [String])] = [
            ("record", { _ in ["record", someActivity, "--date", date, "--count", "3"] }),
            ("note", { i in ["note", someActivity, "Pārskatīts grupā (\(i + 1))"] }),
            ("status", { i in ["status", someActivity, i % 2 == 0 ? "blocked" : "active", "--note", "Gaida telpas"] }),
        ]
        for (name, arguments) in writers {
            var samples = Samples()
            for i in 0..<runs(12) {
                samples.add(try Child.time([options.sargs] + arguments(i), environment: writeEnvironment))
            }
            rows.append(.limit("sargs \(name) (a change, durable), \(large.name), whole process", .ms, atMost: 150,
                               budget: "≤ 150 ms (p99 ≤ 200)", samples: samples))
            if samples.p99 > 200 { rows[rows.count - 1].pass = false }
        }
    }

    /// What one read-only command asks of the file system, from `strace -f -y`:
    /// writes to the store file and its WAL, to the shared-memory index,
    /// `fsync`/`fdatasync`, unlinks. Reported, not asserted (the tests assert
    /// that the file is left byte for byte).
    mutating func syscalls(_ madona: DataSet) throws {
        let strace = "/usr/bin/strace"
        guard FileManager.default.isExecutableFile(atPath: strace) else {
            notes.append("syscalls: strace not found (Debian's `strace`); row skipped")
            return
        }
        let copy = scratch + "/syscalls.sqlite"
        try copyStore(madona.storePath, to: copy)
        var environment = sargsEnvironment(madona)
        environment["SARGS_DB"] = copy
        for command in [["agenda", "--format", "json"], ["report", "--year", String(options.today.year)], ["log"]] {
            let trace = scratch + "/strace.txt"
            let child = try Child.spawn([strace, "-f", "-y", "-qq", "-o", trace,
                                         "-e", "trace=write,pwrite64,writev,fsync,fdatasync,unlink,unlinkat,rename,ftruncate",
                                         options.sargs] + command, environment: environment)
            guard child.wait().status == 0, let text = try? String(contentsOfFile: trace, encoding: .utf8) else {
                notes.append("syscalls: strace of sargs \(command.joined(separator: " ")) failed")
                continue
            }
            var store = 0, index = 0, syncs = 0, unlinks = 0
            for line in text.split(separator: "\n") {
                if line.contains("fsync(") || line.contains("fdatasync(") { syncs += 1 }
                if line.contains("unlink") || line.contains("rename(") { unlinks += 1 }
                guard line.contains("write") || line.contains("ftruncate") else { continue }
                if line.contains(".sqlite-shm>") { index += 1 } else if line.contains(".sqlite") { store += 1 }
            }
            notes.append("syscalls of sargs \(command.joined(separator: " ")) on \(madona.name) (strace -f): \(store) writes to the store file or its WAL, \(syncs) fsync/fdatasync, \(unlinks) unlinks or renames, \(index) writes to the shared-memory index (-shm, the WAL's lock table, not the store)")
        }
    }
}
