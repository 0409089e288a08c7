import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Issue 31: on a shared server every name in the store's folder may be
/// written by every member of its group. A member plants a symbolic link
/// (or a hard link) where sargs creates, opens, changes the mode of or
/// replaces a file; a colleague, or root, then runs sargs. The colleague's
/// file must come out byte- and mode-identical, and sargs must say what it
/// refused.
@Suite("Links planted beside the store", .serialized)
struct PlantedLinkTests {
    static let canManageUsers = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// A victim's private file: its bytes, mode, owner and group.
    struct Victim {
        let path: String
        let bytes: Data
        let mode: UInt32, uid: UInt32, gid: UInt32

        init(_ path: String, owner: uid_t, group: gid_t) throws {
            self.path = path
            bytes = Data("-----BEGIN OPENSSH PRIVATE KEY-----\nnot a real key\n".utf8)
            try bytes.write(to: URL(fileURLWithPath: path))
            chown(path, owner, group)
            chmod(path, 0o600)
            (mode, uid, gid) = (0o600, owner, group)
        }

        /// Whether the file is as it was, and if not, how it differs.
        var unchanged: (Bool, String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return (false, "\(path) is gone") }
            let now = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
            let same = now == bytes && info.st_mode & 0o7777 == mode && info.st_uid == uid && info.st_gid == gid
            return (same, "\(path): mode \(String(info.st_mode & 0o7777, radix: 8)) uid \(info.st_uid) gid \(info.st_gid), \(now.count) bytes")
        }
    }

    /// The server: a group, a member who plants links and a colleague whose
    /// files are the target, the store shared in a 2770 folder.
    final class Server {
        let group = "sargs-lk", victimUser = "sargs-lv", attacker = "sargs-la"
        let top: String, binary: String, store: String, home: String
        let victimUID: uid_t, victimGID: gid_t, groupGID: gid_t

        init() throws {
            _ = PlantedLinkTests.sh("groupadd -f \(group)")
            for user in [victimUser, attacker] {
                _ = PlantedLinkTests.sh("id \(user) || useradd --no-create-home --shell /usr/sbin/nologin --groups \(group) \(user)")
            }
            top = Fixtures.temporaryDirectory("sargs-links")
            chmod(top, 0o755)
            binary = top + "/sargs"
            try SargsProcess.copyBinary(to: binary)
            chmod(binary, 0o755)
            let plan = top + "/plan.yaml"
            try FileManager.default.copyItem(atPath: Fixtures.madonaPlanPath, toPath: plan)
            chmod(plan, 0o644)
            store = top + "/group/madona.sqlite"
            victimUID = getpwnam(victimUser).pointee.pw_uid
            victimGID = getpwnam(victimUser).pointee.pw_gid
            groupGID = getgrnam(group).pointee.gr_gid
            home = top + "/home"
            mkdir(home, 0o700)
            chown(home, victimUID, victimGID)
            let made = SargsProcess.execute(binary, ["init", plan, "--group", group], environment: environment())
            #expect(made.status == 0, "\(made.stderr)")
        }

        func environment(_ user: String? = nil) -> [String: String] {
            ["SARGS_DB": store, "SARGS_LANG": "en", "SARGS_TODAY": "2025-09-10", "USER": user ?? "root", "HOME": home,
             "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        }

        /// Runs sargs as `user` (nil: root) in `folder`.
        func run(_ user: String?, _ arguments: [String], in folder: String? = nil) -> SargsProcess.Result {
            var words = [binary] + arguments
            if let folder { words = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder] + words }
            guard let user else { return SargsProcess.execute(words[0], Array(words.dropFirst()), environment: environment()) }
            return SargsProcess.execute("/usr/bin/setpriv",
                                        ["--reuid=\(user)", "--regid=\(user)", "--init-groups"] + words,
                                        environment: environment(user))
        }

        func victimFile(_ name: String, root: Bool = false) throws -> Victim {
            try Victim((root ? top : home) + "/" + name, owner: root ? 0 : victimUID, group: root ? 0 : victimGID)
        }

        deinit {
            for user in [victimUser, attacker] { _ = PlantedLinkTests.sh("userdel \(user)") }
            _ = PlantedLinkTests.sh("groupdel \(group)")
            try? FileManager.default.removeItem(atPath: top)
        }
    }

    @discardableResult
    static func sh(_ command: String) -> Bool {
        SargsProcess.execute("/bin/sh", ["-c", command + " >/dev/null 2>&1"], environment: ProcessInfo.processInfo.environment).status == 0
    }

    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    @Test("a -shm or -wal planted as a link to a colleague's (or root's) private file: every reading and changing command refuses and names it; the file keeps its bytes, mode and group",
          .enabled(if: canManageUsers, "needs root, useradd and setpriv (CI runs as root)"))
    func companionLinks() throws {
        let server = try Server()
        for companion in ["-shm", "-wal"] {
            for asRoot in [false, true] {
                let victim = try server.victimFile("secret\(companion)\(asRoot)", root: asRoot)
                let planted = server.store + companion
                unlink(planted)
                #expect(symlink(victim.path, planted) == 0)
                lchown(planted, getpwnam(server.attacker).pointee.pw_uid, server.groupGID)
                let user = asRoot ? nil : server.victimUser
                for arguments in [["agenda"], ["decision", "list"], ["note", "2.1", "planted"], ["log"], ["export", "--format", "ics"]] {
                    let run = server.run(user, arguments)
                    #expect(run.status == 69, "\(arguments) as \(user ?? "root"): \(run.status) \(run.stderr)")
                    #expect(run.stderr.contains("symbolic link") && run.stderr.contains(planted), "\(run.stderr)")
                    let (same, how) = victim.unchanged
                    #expect(same, "\(arguments) as \(user ?? "root") with \(companion): \(how)")
                }
                #expect(Self.isLink(planted), "sargs neither removed nor followed the link")
                unlink(planted)
            }
        }
        // A hard link (root can make one to any file): refused as well.
        let victim = try server.victimFile("hard", root: true)
        #expect(link(victim.path, server.store + "-shm") == 0)
        let run = server.run(server.victimUser, ["agenda"])
        #expect(run.status == 69 && run.stderr.contains("more than one name"), "\(run.stderr)")
        #expect(victim.unchanged.0, "\(victim.unchanged.1)")
        unlink(server.store + "-shm")
        // With the links gone, the store works as before.
        #expect(server.run(server.victimUser, ["note", "2.1", "after the links"]).status == 0)
    }

    @Test("-o --force over a link (meeting show, report, plan draft; Markdown, DOCX, ODT): the link is replaced, its target kept; no temporary name can be planted",
          .enabled(if: canManageUsers, "needs root, useradd and setpriv (CI runs as root)"))
    func outputsOverLinks() throws {
        let server = try Server()
        #expect(server.run(nil, ["meeting", "new", "--date", "2025-09-20"]).status == 0)
        let shared = server.top + "/group"
        let csv = server.top + "/plan.csv"
        try "MĒRĶIS;PREVENCIJAS AKTIVITĀTES;ĪSTENOŠANAS PERIODS;ATBILDĪGĀ INSTITŪCIJA;FINANŠU AVOTS\n1. Izglītošana;Lekcijas;reizi gadā;SD;PB\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        chmod(csv, 0o644)
        var commands: [(String, [String])] = []
        for format in ["markdown", "docx", "odt"] {
            commands.append(("meeting-\(format)", ["meeting", "show", "1", "--format", format]))
            commands.append(("report-\(format)", ["report", "--year", "2025", "--format", format]))
        }
        commands.append(("draft", ["plan", "draft", csv, "--title", "Plāns", "--municipality", "Madonas novads", "--period", "2025..2027"]))
        for (name, arguments) in commands {
            let victim = try server.victimFile("target-\(name)")
            let output = shared + "/\(name).out"
            #expect(symlink(victim.path, output) == 0)
            let run = server.run(server.victimUser, arguments + ["-o", output, "--force"], in: shared)
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(victim.unchanged.0, "\(name): \(victim.unchanged.1)")
            #expect(!Self.isLink(output), "\(name): the link itself was replaced")
            var info = stat()
            #expect(lstat(output, &info) == 0 && info.st_mode & 0o077 & ~0o060 == 0, "\(name): \(String(info.st_mode & 0o777, radix: 8))")
            // Without --force a link at the name is a file that is there.
            let again = try server.victimFile("again-\(name)")
            let second = shared + "/\(name)-2.out"
            #expect(symlink(again.path, second) == 0)
            let refused = server.run(server.victimUser, arguments + ["-o", second], in: shared)
            #expect(refused.status == 64, "\(name): \(refused.status) \(refused.stderr)")
            #expect(again.unchanged.0, "\(again.unchanged.1)")
        }
        // Nothing but the outputs and the links was made in the folder (no temporary left behind).
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: shared).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test("documents and minutes of a group's store are the store's group's, whatever the member's own group and umask; -o /dev/stdout and /dev/null are not files",
          .enabled(if: canManageUsers, "needs root, useradd and setpriv (CI runs as root)"))
    func documentsJoinTheStoresGroup() throws {
        let server = try Server()
        #expect(server.run(nil, ["meeting", "new", "--date", "2025-09-20"]).status == 0)
        let home = server.home
        for (name, arguments) in [("r.md", ["report", "--year", "2025", "--format", "markdown"]), ("r.docx", ["report", "--year", "2025", "--format", "docx"]),
                                  ("m.odt", ["meeting", "show", "1", "--format", "odt"])] {
            let output = home + "/" + name
            let run = server.run(server.victimUser, arguments + ["-o", output], in: home)
            #expect(run.status == 0, "\(name): \(run.stderr)")
            var info = stat()
            #expect(lstat(output, &info) == 0 && info.st_gid == server.groupGID && info.st_mode & 0o007 == 0,
                    "\(name): gid \(info.st_gid), mode \(String(info.st_mode & 0o777, radix: 8)); the member's own group is \(server.victimGID)")
        }
        let out = server.run(server.victimUser, ["report", "--year", "2025", "-o", "/dev/stdout"])
        #expect(out.status == 0 && out.stdout.contains("2025"), "\(out.status) \(out.stderr)")
        let none = server.run(server.victimUser, ["report", "--year", "2025", "--format", "docx", "-o", "/dev/null"])
        #expect(none.status == 0 && none.stdout.isEmpty, "\(none.status) \(none.stderr)")
    }

    @Test("check follows a --db link to the store's own folder; reports a -journal, a remind lock and a FIFO planted beside it, each with its rm",
          .enabled(if: canManageUsers, "needs root, useradd and setpriv (CI runs as root)"))
    func checkSeesEveryPlantedName() throws {
        let server = try Server()
        let link = server.home + "/store.sqlite"
        #expect(symlink(server.store, link) == 0)
        let through = server.run(server.victimUser, ["check", "--db", link])
        #expect(!through.stdout.contains("chgrp") && !through.stdout.contains("chmod"), "no fix for the link's folder: \(through.stdout)")
        #expect(through.status == 0, "\(through.stdout) \(through.stderr)")
        let victim = try server.victimFile("planted", root: true)
        #expect(symlink(victim.path, server.store + "-journal") == 0)
        #expect(symlink(victim.path, server.store + ".remind-lock") == 0)
        #expect(mkfifo(server.store + "-wal", 0o660) == 0)
        let check = server.run(server.victimUser, ["check"])
        #expect(check.status == 65, "\(check.stdout)")
        for name in ["-journal", ".remind-lock", "-wal"] {
            #expect(check.stdout.contains("rm -- '\(server.store)\(name)'"), "\(name): \(check.stdout)")
        }
        let agenda = server.run(server.victimUser, ["agenda"])
        #expect(agenda.status == 69 && agenda.stderr.contains("rm -- '"), "\(agenda.stderr)")
        #expect(victim.unchanged.0, "\(victim.unchanged.1)")
    }

    @Test("the store's own name or a folder on the way swapped for a link by another member: refused (69), never followed, the targets unchanged",
          .enabled(if: canManageUsers, "needs root, useradd and setpriv (CI runs as root)"))
    func swappedNamesOnTheWay() throws {
        let server = try Server()
        let shared = server.top + "/group"
        // A colleague's private store, and root's private folder.
        let privateStore = server.top + "/private.sqlite"
        #expect(SargsProcess.execute(server.binary, ["init", server.top + "/plan.yaml", "--db", privateStore], environment: server.environment()).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: privateStore))
        let rootOnly = server.top + "/rootonly"
        mkdir(rootOnly, 0o700)
        let rootFile = try Victim(rootOnly + "/report.csv", owner: 0, group: 0)
        // The member moves the store aside and puts a link to the private store in its place.
        #expect(rename(server.store, shared + "/moved.sqlite") == 0)
        #expect(symlink(privateStore, server.store) == 0)
        for (user, arguments) in [(nil as String?, ["note", "2.1", "x"]), (server.victimUser, ["agenda"]), (nil, ["restore", shared + "/moved.sqlite", "--yes"])] {
            let run = server.run(user, arguments)
            #expect(run.status == 69 && run.stderr.contains("symbolic link in") && run.stderr.contains("give the real path"), "\(arguments): \(run.status) \(run.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: privateStore)) == before, "the private store is as it was")
        unlink(server.store)
        #expect(rename(shared + "/moved.sqlite", server.store) == 0)
        // A folder on the way to -o swapped for a link to root's folder.
        #expect(symlink(rootOnly, shared + "/out") == 0)
        let report = server.run(nil, ["report", "--year", "2025", "--format", "csv", "-o", shared + "/out/report.csv", "--force"])
        #expect(report.status == 69 && report.stderr.contains("symbolic link in"), "\(report.status) \(report.stderr)")
        #expect(rootFile.unchanged.0, "\(rootFile.unchanged.1)")
        // backup --dir through it: refused, root's folder untouched.
        let rotated = server.run(nil, ["backup", "--dir", shared + "/out", "--keep", "1"])
        #expect(rotated.status == 69, "\(rotated.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: rootOnly) == ["report.csv"])
    }

    @Test("the remind lock, a backup's name and init --force's WAL files planted as links: refused or replaced, never followed",
          .enabled(if: canManageUsers, "needs root, useradd and setpriv (CI runs as root)"))
    func locksBackupsAndInit() throws {
        let server = try Server()
        // The remind lock.
        let lockVictim = try server.victimFile("lock")
        #expect(symlink(lockVictim.path, server.store + ".remind-lock") == 0)
        let remind = server.run(server.victimUser, ["remind"])
        #expect(remind.status == 69 && remind.stderr.contains("symbolic link"), "\(remind.status) \(remind.stderr)")
        #expect(lockVictim.unchanged.0, "\(lockVictim.unchanged.1)")
        unlink(server.store + ".remind-lock")
        // A backup to a name that is a link: refused, the target kept.
        let backupVictim = try server.victimFile("backup", root: true)
        let named = server.top + "/group/copy.sqlite"
        #expect(symlink(backupVictim.path, named) == 0)
        let backup = server.run(nil, ["backup", named])
        #expect(backup.status != 0, "\(backup.stderr)")
        #expect(backupVictim.unchanged.0, "\(backupVictim.unchanged.1)")
        // A backup into the group's folder is the group's, 0640, made whole.
        let fresh = server.top + "/group/fresh.sqlite"
        #expect(server.run(server.victimUser, ["backup", fresh]).status == 0)
        var info = stat()
        #expect(lstat(fresh, &info) == 0 && info.st_mode & 0o777 == 0o640 && info.st_gid == server.groupGID,
                "\(String(info.st_mode & 0o777, radix: 8)) gid \(info.st_gid)")
        // init --force with a -wal planted as a link: the link goes, its target stays.
        let walVictim = try server.victimFile("wal", root: true)
        unlink(server.store + "-wal")
        #expect(symlink(walVictim.path, server.store + "-wal") == 0)
        let initAgain = server.run(nil, ["init", server.top + "/plan.yaml", "--force"])
        #expect(initAgain.status == 0, "\(initAgain.stderr)")
        #expect(walVictim.unchanged.0, "\(walVictim.unchanged.1)")
        #expect(!Self.isLink(server.store + "-wal"))
        #expect(server.run(server.victimUser, ["agenda"]).status == 0)
        // A restore reads the backup; a link at the kept name is skipped, never written through.
        let restore = server.run(nil, ["restore", fresh, "--yes"])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(backupVictim.unchanged.0 && walVictim.unchanged.0)
    }
}
