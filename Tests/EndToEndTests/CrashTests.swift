import Foundation
import Testing
import TestSupport

/// The store survives a process killed in the middle of a burst of changes.
@Suite("A kill -9 in the middle of a burst")
struct CrashTests {
    @Test func everyChangeReportedAsSavedIsThereAndTheStoreIsWhole() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        let reported = s.directory + "/reported.txt"
        // A burst of records, each reported to a file only after sargs said it was saved.
        let loop = """
        for i in $(seq 1 400); do
          "\(SargsProcess.binary)" record 5.2 --date 2025-06-25 --note "burst $i" > /dev/null && echo "$i" >> "\(reported)"
        done
        """
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-c", loop]
        bash.environment = s.environment
        bash.standardOutput = FileHandle.nullDevice
        bash.standardError = FileHandle.nullDevice
        try bash.run()
        let deadline = Date().addingTimeInterval(60)
        func reportedLines() -> [String] {
            ((try? String(contentsOfFile: reported, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        }
        while reportedLines().count < 25, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        // Kill the loop and whatever sargs it is running, mid-change, with no chance to clean up.
        let children = SargsProcess.execute("/usr/bin/pgrep", ["-P", "\(bash.processIdentifier)"], environment: [:])
        kill(bash.processIdentifier, SIGKILL)
        for pid in children.stdout.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
        bash.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.2)

        let saved = reportedLines()
        #expect(saved.count >= 25)
        let log = s.run(["log", "5.2", "--format", "json"])
        #expect(log.status == 0, "\(log.stderr)")
        for i in saved {
            #expect(log.stdout.contains("burst \(i)\\\""), "record \(i) was reported saved but is missing")
        }
        let check = SargsProcess.execute("/usr/bin/python3", ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            print(db.execute('PRAGMA integrity_check').fetchone()[0])
            print(db.execute('SELECT count(*) FROM record').fetchone()[0])
            print(db.execute("SELECT count(*) FROM journal WHERE action = 'record'").fetchone()[0])
            """, s.database], environment: [:])
        let lines = check.stdout.split(separator: "\n")
        #expect(lines.first == "ok", "\(check.stdout) \(check.stderr)")
        #expect(lines.count == 3 && lines[1] == lines[2], "every record has its journal entry: \(check.stdout)")
        #expect(s.run(["record", "5.1", "--date", "2025-06-20"]).status == 0, "the store is still writable")
    }

    /// A plan file of `count` activities, enough that `init` takes a while.
    static func largePlan(_ count: Int) -> String {
        var yaml = """
        sargs: 1
        id: liels
        title: Liels plāns
        municipality: Parauga novads
        period: {from: 2025, to: 2027}
        goals:

        """
        for goal in 1...7 {
            yaml += "  - number: \(goal)\n    level: primary\n    title: Mērķis \(goal)\n    activities:\n"
            for n in 1...(count / 7) {
                yaml += "      - {id: \"\(goal).\(n)\", title: \"Aktivitāte \(n)\", period: Visu periodu, schedule: {every: quarter}, owners: [SD], funding: [PB]}\n"
            }
        }
        return yaml
    }

    @Test func initKilledMidwayLeavesNoHalfMadeStore() throws {
        let s = SargsProcess(today: "2025-07-01")
        let plan = s.directory + "/liels.yaml"
        try Self.largePlan(7_000).write(toFile: plan, atomically: true, encoding: .utf8)
        // How long a whole init takes here; the kills land at fractions of it.
        let started = Date()
        #expect(s.run(["init", plan]).status == 0)
        let whole = Date().timeIntervalSince(started)
        var outcomes: [String: Int] = [:]
        for (round, fraction) in [0.3, 0.6, 0.75, 0.85, 0.92, 0.97, 1.02].enumerated() {
            let delay = whole * fraction
            for file in ["", "-wal", "-shm"] { unlink(s.database + file) }
            let child = Process()
            child.executableURL = URL(fileURLWithPath: SargsProcess.binary)
            child.arguments = ["init", plan]
            child.environment = s.environment
            child.standardOutput = FileHandle.nullDevice
            child.standardError = FileHandle.nullDevice
            try child.run()
            Thread.sleep(forTimeInterval: delay)
            kill(child.processIdentifier, SIGKILL)
            child.waitUntilExit()
            if FileManager.default.fileExists(atPath: s.database) {
                // Whatever is at the store's path is a whole store.
                let agenda = s.run(["agenda", "--format", "json"])
                #expect(agenda.status == 0, "round \(round): \(agenda.stderr)")
                outcomes["whole", default: 0] += 1
            } else {
                // Nothing at the path: init runs again without --force.
                outcomes["absent", default: 0] += 1
            }
        }
        let again = s.run(["init", plan, "--force"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(s.run(["agenda", "--format", "json"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: s.directory).filter { $0.contains(".init-") || $0.contains(".sargs-") }
        print("init killed midway (a whole init: \(String(format: "%.2f", whole)) s): \(outcomes)")
        #expect(leftovers.isEmpty, "a later init removes what killed ones left: \(leftovers)")
    }
}

/// Issue 31: a backup or a restore killed at any moment leaves no torn
/// copy, no orphan file, and no restore without its journal entry.
@Suite("Killed backups and restores", .serialized)
struct KilledCopyTests {
    static func start(_ s: SargsProcess, _ arguments: [String]) throws -> Process {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: SargsProcess.binary)
        child.arguments = arguments
        child.environment = s.environment
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        return child
    }

    @Test("SIGKILL and SIGTERM at fractions of a backup and of a restore: each copy is whole or absent, the store restored and journaled or untouched, nothing left behind")
    func killedMidway() throws {
        let s = SargsProcess(today: "2025-07-01")
        let plan = s.directory + "/liels.yaml"
        try CrashTests.largePlan(7_000).write(toFile: plan, atomically: true, encoding: .utf8)
        #expect(s.run(["init", plan]).status == 0)
        let copies = s.directory + "/copies"
        mkdir(copies, 0o700)
        var started = Date()
        #expect(s.run(["backup", copies + "/whole.sqlite"]).status == 0)
        let wholeBackup = Date().timeIntervalSince(started)
        #expect(s.run(["note", "1.1", "after the backup"]).status == 0)
        started = Date()
        #expect(s.run(["restore", copies + "/whole.sqlite", "--yes"]).status == 0)
        let wholeRestore = Date().timeIntervalSince(started)
        var outcomes: [String: Int] = [:]
        for (round, fraction) in [0.2, 0.5, 0.8, 0.95, 1.1].enumerated() {
            for signal in [SIGKILL, SIGTERM] {
                // A backup.
                let target = copies + "/b\(round)-\(signal).sqlite"
                let backup = try Self.start(s, ["backup", target])
                Thread.sleep(forTimeInterval: wholeBackup * fraction)
                kill(backup.processIdentifier, signal)
                backup.waitUntilExit()
                if FileManager.default.fileExists(atPath: target) {
                    let check = s.run(["check", "--db", target])
                    #expect(check.status == 0, "round \(round): a backup at the name is whole: \(check.stdout) \(check.stderr)")
                    outcomes["backup whole", default: 0] += 1
                } else {
                    outcomes["backup absent", default: 0] += 1
                }
                // A restore.
                let before = s.run(["log", "--format", "json"]).stdout
                let entries = (try? JSONSerialization.jsonObject(with: Data(before.utf8)) as? [[String: Any]]) ?? []
                let restore = try Self.start(s, ["restore", copies + "/whole.sqlite", "--yes"])
                Thread.sleep(forTimeInterval: wholeRestore * fraction)
                kill(restore.processIdentifier, signal)
                restore.waitUntilExit()
                let after = s.run(["log", "--format", "json"])
                #expect(after.status == 0, "round \(round): \(after.stderr)")
                let now = (try? JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]]) ?? []
                if now.count == entries.count && (now.first?["id"] as? Int) == (entries.first?["id"] as? Int) {
                    outcomes["restore untouched", default: 0] += 1
                } else {
                    #expect(now.first?["action"] as? String == "restore", "round \(round): the newest entry is the restore: \(now.first ?? [:])")
                    outcomes["restore done", default: 0] += 1
                }
            }
        }
        // A copy is written as an unnamed file (O_TMPFILE) and only then named: nothing is left even by SIGKILL.
        for folder in [copies, s.directory] {
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".sargs-") }
            #expect(leftovers.isEmpty, "after the kills, \(folder): \(leftovers)")
        }
        // One more backup would tidy what a SIGKILL left on a file system without O_TMPFILE.
        #expect(s.run(["backup", copies + "/last.sqlite"]).status == 0)
        #expect(s.run(["note", "1.1", "tidy"]).status == 0)
        _ = s.run(["backup", s.directory + "/tidy.sqlite"])
        for folder in [copies, s.directory] {
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".sargs-") }
            #expect(leftovers.isEmpty, "\(folder): \(leftovers)")
        }
        print("backups and restores killed midway (a whole backup \(String(format: "%.2f", wholeBackup)) s, restore \(String(format: "%.2f", wholeRestore)) s): \(outcomes)")
    }
}
