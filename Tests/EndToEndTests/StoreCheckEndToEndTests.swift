import Foundation
import Testing
import TestSupport

/// `sargs check` on a store every reader refuses: exit 65, each problem named with its fix.
@Suite("sargs check reads every row")
struct StoreCheckEndToEndTests {
    @Test("a schedule of broken JSON and a dropped table: the readers refuse the store, check names both and exits 65")
    func damagedStore() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        #expect(s.run(["record", "5.2", "--date", "2025-03-01"]).status == 0)
        let sql = """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1])
            c.execute("UPDATE activity SET schedule = '{\\"every\\":' WHERE id = '5.2'")
            c.execute("DROP TABLE waiver")
            c.commit()
            """
        let damaged = SargsProcess.execute("/usr/bin/python3", ["-c", sql, s.database], environment: [:])
        #expect(damaged.status == 0, "\(damaged.stderr)")

        // The damage is real: a reader refuses the store.
        let agenda = s.run(["agenda"])
        #expect(agenda.status != 0, "\(agenda.stdout)")

        let found = s.run(["check"])
        #expect(found.status == 65, "\(found.stdout) \(found.stderr)")
        #expect(!found.stdout.contains("all is well"))
        #expect(found.stdout.contains("a row of the table activity (activity 5.2) cannot be read: schedule"), "\(found.stdout)")
        #expect(found.stdout.contains("the store has no table waiver"), "\(found.stdout)")
        #expect(found.stdout.contains("fix: sargs restore BACKUP.sqlite --db '\(s.database)'"), "\(found.stdout)")
        #expect(found.stderr.contains("2 problems found in the store"), "\(found.stderr)")

        let latvian = s.run(["check"], environment: ["SARGS_LANG": "lv"])
        #expect(latvian.status == 65)
        #expect(latvian.stdout.contains("tabulas activity rinda (aktivitāte 5.2) nav nolasāma"), "\(latvian.stdout)")
        #expect(latvian.stdout.contains("glabātuvē nav tabulas waiver"), "\(latvian.stdout)")
        #expect(latvian.stdout.contains("labojums: sargs restore BACKUP.sqlite --db '\(s.database)'"), "\(latvian.stdout)")
    }
}
