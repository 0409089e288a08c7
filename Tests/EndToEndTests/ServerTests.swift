import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The municipal server (issue 17): one store for the accounts of a Unix
/// group, backups while people work, a restore that keeps what it replaces,
/// and a check that says what is wrong and how to fix it.
@Suite("On a shared server", .serialized)
struct ServerTests {
    static let canManageUsers = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// Runs `command` quietly; true when it exited 0.
    @discardableResult
    static func sh(_ command: String) -> Bool {
        SargsProcess.execute("/bin/sh", ["-c", command + " >/dev/null 2>&1"], environment: ProcessInfo.processInfo.environment).status == 0
    }

    static func mode(_ path: String) -> (mode: UInt32, gid: UInt32)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & 0o7777, info.st_gid)
    }

    @Test("two members of one group record at once: both kept under their own names; every file stays 0660 in the group; an outsider is refused and the store untouched",
          .enabled(if: canManageUsers, "needs root, useradd and setpriv (CI runs as root)"))
    func twoMembersOneGroup() throws {
        let group = "sargs-test", members = ["sargs-ta", "sargs-tb"], outsider = "sargs-tc"
        Self.sh("groupadd -f \(group)")
        for user in members { Self.sh("id \(user) || useradd --no-create-home --shell /usr/sbin/nologin --groups \(group) \(user)") }
        Self.sh("id \(outsider) || useradd --no-create-home --shell /usr/sbin/nologin \(outsider)")
        defer { for user in members + [outsider] { Self.sh("userdel \(user)") }; Self.sh("groupdel \(group)") }

        let top = Fixtures.temporaryDirectory("sargs-server")
        chmod(top, 0o755)
        let binary = top + "/sargs"
        try SargsProcess.copyBinary(to: binary)
        chmod(binary, 0o755)
        let store = top + "/group/madona.sqlite"
        var admin = ProcessInfo.processInfo.environment
        admin["SARGS_DB"] = store
        admin["SARGS_LANG"] = "en"
        let created = SargsProcess.execute(binary, ["init", Fixtures.madonaPlanPath, "--group", group], environment: admin)
        #expect(created.status == 0, "\(created.stderr)")
        let gid = getgrnam(group).pointee.gr_gid
        #expect(Self.mode(top + "/group")?.mode == 0o2770 && Self.mode(top + "/group")?.gid == gid, "the folder: setgid, 2770, the group's")
        #expect(Self.mode(store)?.mode == 0o660 && Self.mode(store)?.gid == gid)

        func environment(_ user: String) -> [String: String] {
            ["SARGS_DB": store, "SARGS_LANG": "en", "SARGS_TODAY": "2025-09-10", "USER": user, "HOME": "/tmp",
             "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        }
        // Both members record 25 times each, at the same time.
        var writers: [Process] = []
        for (n, user) in members.enumerated() {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            p.arguments = ["--reuid=\(user)", "--regid=\(user)", "--init-groups", "/bin/sh", "-c",
                           "umask 077; for i in $(seq 25); do \(binary) note 2.\(n + 1) \"\(user) $i\" || exit 1; done"]
            p.environment = environment(user)
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            writers.append(p)
        }
        for p in writers { p.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        let log = SargsProcess.execute(binary, ["log", "--format", "json"], environment: admin)
        let entries = (try? JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]]) ?? []
        for (n, user) in members.enumerated() {
            let mine = entries.filter { $0["author"] as? String == user }
            #expect(mine.count == 25, "\(user): \(mine.count) entries")
            #expect(mine.allSatisfy { $0["login"] as? String == user && $0["subject"] as? String == "2.\(n + 1)" })
        }
        // Every file of the store is still 0660 and the group's, whatever the members' umask.
        for file in [store, store + "-wal", store + "-shm"] {
            guard let m = Self.mode(file) else { continue }
            #expect(m.mode == 0o660 && m.gid == gid, "\(file): \(String(m.mode, radix: 8)) gid \(m.gid)")
        }

        // Someone outside the group is refused, clearly, and changes nothing.
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let refused = SargsProcess.execute("/usr/bin/setpriv", ["--reuid=\(outsider)", "--regid=\(outsider)", "--init-groups",
                                                                binary, "note", "2.1", "svešs"], environment: environment(outsider))
        #expect(refused.status == 69, "\(refused.stderr)")
        #expect(refused.stderr.contains("ask the administrator to add you to its group"), "\(refused.stderr)")
        #expect(refused.stderr.hasPrefix("sargs: error: ") && refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        // A second `log` line says both names when they differ.
        let named = SargsProcess.execute(binary, ["log", "--limit", "1", "--user", "chair"], environment: admin)
        #expect(named.status == 0)
        let other = SargsProcess.execute(binary, ["note", "2.1", "no vadītāja", "--user", "chair"], environment: admin)
        #expect(other.status == 0, "\(other.stderr)")
        #expect(SargsProcess.execute(binary, ["log", "--limit", "1"], environment: admin).stdout.contains("chair (account: \(NSUserName()))"))
    }

    @Test("a store every user may read is refused, with the command that fixes it")
    func othersMayNotRead() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        chmod(s.database, 0o644)
        let r = s.run(["agenda"])
        #expect(r.status == 69)
        #expect(r.stderr.contains("chmod o-rwx '\(s.database)'"), "\(r.stderr)")
        chmod(s.database, 0o600)
        #expect(s.run(["agenda"]).status == 0)
    }

    @Test("a backup while another process writes 500 records is whole and a consistent prefix; restore brings it back and keeps the replaced store")
    func backupWhileWriting() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "for i in $(seq 500); do \(SargsProcess.binary) note 2.1 \"n$i\" >/dev/null || exit 1; done"]
        writer.environment = s.environment
        try writer.run()
        // Let some of the writes land first.
        func newest() -> Int {
            let log = s.run(["log", "--limit", "1", "--format", "json"]).stdout
            let entries = (try? JSONSerialization.jsonObject(with: Data(log.utf8)) as? [[String: Any]]) ?? []
            return entries.first?["id"] as? Int ?? 0
        }
        while writer.isRunning, newest() < 20 { usleep(20_000) }
        let copy = s.directory + "/copy.sqlite"
        let backup = s.run(["backup", copy])
        #expect(backup.status == 0, "\(backup.stderr)")
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(Self.mode(copy)?.mode == 0o600)

        // The copy is whole, and holds the first N notes, none missing in between.
        let copyRun = SargsProcess.execute(SargsProcess.binary, ["check", "--db", copy], environment: s.environment)
        #expect(copyRun.status == 0, "\(copyRun.stdout) \(copyRun.stderr)")
        let journal = SargsProcess.execute(SargsProcess.binary, ["log", "2.1", "--format", "json", "--db", copy], environment: s.environment)
        let notes = ((try? JSONSerialization.jsonObject(with: Data(journal.stdout.utf8)) as? [[String: Any]]) ?? [])
            .filter { $0["action"] as? String == "note" }
        #expect(notes.count > 0 && notes.count < 500, "a backup taken midway: \(notes.count) notes")
        let full = try #require(try? JSONSerialization.jsonObject(with: Data(s.run(["log", "2.1", "--format", "json"]).stdout.utf8)) as? [[String: Any]])
        #expect(full.filter { $0["action"] as? String == "note" }.count == 500)

        // Restore: the store goes back to the copy; the replaced one is kept and readable; the backup itself is untouched.
        let backupBytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        // The notes written after the backup would be gone: named, and without a terminal to ask on, refused.
        let asked = s.run(["restore", copy])
        #expect(asked.status == 64, "\(asked.stdout) \(asked.stderr)")
        #expect(asked.stderr.contains("the backup") && asked.stderr.contains("lacks") && asked.stderr.contains("tester")
                && asked.stderr.contains("--yes") && asked.stderr.contains("nothing was changed"), "\(asked.stderr)")
        #expect(asked.stderr.split(separator: "\n").count == 1)
        let latvian = s.run(["restore", copy], environment: ["SARGS_LANG": "lv"])
        #expect(latvian.stderr.contains("izmaiņas, kuru kopijā") && latvian.stderr.contains("nekas netika mainīts"), "\(latvian.stderr)")
        let untouched = ((try? JSONSerialization.jsonObject(with: Data(s.run(["log", "2.1", "--format", "json"]).stdout.utf8)) as? [[String: Any]]) ?? [])
        #expect(untouched.filter { $0["action"] as? String == "note" }.count == 500, "refused: nothing restored")
        let restored = s.run(["restore", copy, "--yes"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == backupBytes)
        #expect(restored.status == 0, "\(restored.stdout) \(restored.stderr)")
        let kept = try #require(restored.stdout.components(separatedBy: "the replaced store is kept: ").last?
            .trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(FileManager.default.fileExists(atPath: kept))
        let after = ((try? JSONSerialization.jsonObject(with: Data(s.run(["log", "2.1", "--format", "json"]).stdout.utf8)) as? [[String: Any]]) ?? [])
        #expect(after.filter { $0["action"] as? String == "note" }.count == notes.count)
        #expect(s.run(["log", "--limit", "1"]).stdout.contains("restored the store from \(copy)"))
        let keptNotes = SargsProcess.execute(SargsProcess.binary, ["log", "2.1", "--format", "json", "--db", kept], environment: s.environment)
        #expect(keptNotes.stdout.components(separatedBy: "\"action\": \"note\"").count - 1 == 500)
        // A damaged copy, or another plan's, is refused before anything is replaced.
        let bad = s.directory + "/bad.sqlite"
        try Data("not a store".utf8).write(to: URL(fileURLWithPath: bad))
        #expect(s.run(["restore", bad]).status == 65)
        let otherPlan = s.directory + "/other.yaml", otherStore = s.directory + "/other.sqlite"
        try String(contentsOfFile: Fixtures.madonaPlanPath, encoding: .utf8).replacingOccurrences(of: "id: madona-2025-2027", with: "id: cesis-2025-2027")
            .write(toFile: otherPlan, atomically: true, encoding: .utf8)
        #expect(s.run(["init", otherPlan, "--db", otherStore]).status == 0)
        let foreign = s.run(["restore", otherStore])
        #expect(foreign.status == 65 && foreign.stderr.contains("holds another plan"), "\(foreign.stderr)")
        // init --force keeps the store it replaces.
        #expect(s.run(["init", Fixtures.madonaPlanPath, "--force"]).status == 0)
        let replaced = try FileManager.default.contentsOfDirectory(atPath: s.directory).filter { $0.hasPrefix("store.sqlite.replaced-") }
        #expect(replaced.count >= 2, "\(replaced)")
    }

    @Test("backup --dir keeps the newest N dated copies")
    func rotatingBackups() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        let dir = s.directory + "/backups"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for _ in 0..<3 {
            #expect(s.run(["backup", "--dir", dir, "--keep", "2"]).status == 0)
            // The next copy's name needs the next second (names carry the time to the second).
            let second = Int(Date().timeIntervalSince1970)
            while Int(Date().timeIntervalSince1970) == second { usleep(10_000) }
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names.count == 2, "\(names)")
        // Named in Riga time with its offset, as people read it: store-2026-12-01T051500+0200.sqlite.
        #expect(names.allSatisfy { $0.hasPrefix("store-") && ($0.hasSuffix("+0200.sqlite") || $0.hasSuffix("+0300.sqlite")) }, "\(names)")
        let hour = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Europe/Riga")!, from: Date()).hour ?? -1
        #expect(names.allSatisfy { Int($0.dropFirst("store-2026-12-01T".count).prefix(2)) == hour || Int($0.dropFirst("store-2026-12-01T".count).prefix(2)) == (hour + 23) % 24 }, "\(names), Riga hour \(hour)")
        #expect(s.run(["backup"]).status == 64)
    }

    @Test("check: a wrong mode, a stale digest and a damaged page are each reported with the fix, exit 65; a sound store is exit 0")
    func check() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        for i in 1...40 { #expect(s.run(["record", "5.2", "--date", String(format: "2025-%02d-%02d", 1 + i % 8, 1 + i % 27)]).status == 0) }
        for file in [s.database + "-wal", s.database + "-shm"] { unlink(file) }
        let sound = s.run(["check"])
        #expect(sound.status == 0 && sound.stdout.contains("all is well"), "\(sound.stdout) \(sound.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s.database + "-wal"), "looking made no WAL file")

        // A digest that no longer matches its records (written behind sargs' back).
        let sql = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE record_digest SET entries = x'00000000' WHERE activity = '5.2'\"); c.commit()"
        #expect(SargsProcess.execute("/usr/bin/python3", ["-c", sql, s.database], environment: [:]).status == 0)
        // A group-readable store whose WAL file has another mode.
        chmod(s.database, 0o640)
        _ = FileManager.default.createFile(atPath: s.database + "-wal", contents: Data())
        chmod(s.database + "-wal", 0o600)
        let found = s.run(["check"])
        #expect(found.status == 65, "\(found.stdout)")
        #expect(found.stdout.contains("record digests do not match the records: 5.2"), "\(found.stdout)")
        #expect(found.stdout.contains("fix: sargs check --repair"))
        #expect(found.stdout.contains("-wal has mode 600, the store 640") && found.stdout.contains("fix: chmod 640"), "\(found.stdout)")
        #expect(s.run(["check", "--repair"]).stdout.contains("rebuilt"))
        chmod(s.database, 0o600)
        // The owner's next sargs gives the WAL files the store's mode again.
        #expect(s.run(["agenda"]).status == 0)
        let repaired = s.run(["check"])
        #expect(repaired.status == 0, "\(repaired.stdout)")

        // A damaged page: bytes in the middle of the file overwritten.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: s.database))
        try handle.seek(toOffset: 4096 * 3)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        try handle.close()
        let damaged = s.run(["check"])
        #expect(damaged.status == 65, "\(damaged.stdout)")
        #expect(damaged.stdout.contains("fix: sargs restore BACKUP.sqlite"), "\(damaged.stdout)")
    }
}
