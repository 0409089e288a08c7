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
}
