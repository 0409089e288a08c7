import Foundation
import Testing
import TestSupport
import SargsBoard
#if canImport(Glibc)
import Glibc
#endif

/// Reading never writes (SPEC §9, issue 14), with the real binary: every
/// command that only reads leaves the store's file byte for byte, with its
/// modification time and schema version; a store the user may only read is
/// read by the commands and the board, and a change to it says so (exit 69).
@Suite("A store that is only read", .serialized)
struct ReadOnlyStoreTests {
    /// The store file's bytes, modification time and schema version (the
    /// header's schema cookie, bytes 40–43: no WAL is left by the commands).
    struct StoreFile: Equatable {
        var bytes: Data
        var modified: [Int]
        var schemaVersion: UInt32

        init(_ path: String) throws {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            var info = stat()
            stat(path, &info)
            modified = [info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
            schemaVersion = bytes.count >= 44 ? bytes[40..<44].reduce(0) { $0 << 8 | UInt32($1) } : 0
        }
    }

    /// The Madona store with what every reader has something to show of:
    /// records, a note, a held meeting with a decision, the next one planned.
    static func populated() -> SargsProcess {
        let s = SargsProcess.madona(today: "2025-09-10")
        for arguments in [["record", "5.2", "--date", "2025-03-03", "--count", "12"],
                          ["note", "2.1", "Materiāls nodots skolām"],
                          ["meeting", "new", "--date", "2025-09-10"],
                          ["decision", "add", "--meeting", "1", "--owner", "SD", "--due", "2025-10-20", "Sagatavot materiālu"],
                          ["meeting", "hold", "1", "--place", "Domes zāle"],
                          ["meeting", "new", "--date", "2025-12-10"]] {
            let r = s.run(arguments)
            precondition(r.status == 0, "\(arguments): \(r.stderr)")
        }
        return s
    }

    /// Every command that only reads, with the output it must have.
    static let readers: [(arguments: [String], shows: String)] = [
        (["agenda"], "Agenda"),
        (["agenda", "--format", "json"], "\"items\""),
        (["agenda", "--kind", "emergency", "--topic", "Gadījums skolā"], "Gadījums skolā"),
        (["meeting", "list"], "2025-12-10"),
        (["meeting", "show", "1"], "Domes zāle"),
        (["meeting", "show", "1", "--format", "markdown"], "Domes zāle"),
        (["decision", "list"], "Sagatavot materiālu"),
        (["report", "--year", "2025"], "5.2"),
        (["export", "--format", "ics"], "BEGIN:VCALENDAR"),
        (["log"], "recorded 5.2"),
        (["log", "--format", "json"], "\"action\""),
        (["plan", "export"], "madona-2025-2027"),
    ]

    @Test("every command that only reads leaves the store's bytes, modification time and schema version as they were")
    func readersDoNotWrite() throws {
        let s = Self.populated()
        let before = try StoreFile(s.database)
        #expect(before.schemaVersion > 0)
        for (arguments, shows) in Self.readers {
            let r = s.run(arguments)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            #expect(r.stdout.contains(shows), "\(arguments) shows \(shows)")
            #expect(try StoreFile(s.database) == before, "\(arguments) changed the store")
        }
        // The check can fail: a change does alter them.
        #expect(s.run(["note", "2.1", "Vēl viena piezīme"]).status == 0)
        #expect(try StoreFile(s.database) != before)
    }

    /// How to run as someone who may read the store but not write it: as root,
    /// the account `nobody` owning the file (mode 0400) in a directory it may
    /// not write; otherwise this user, the file 0400 in a directory 0555.
    struct Reader {
        let prefix: [String]
        let binary: String

        init(_ s: SargsProcess) throws {
            let files = FileManager.default
            if getuid() == 0 {
                // `nobody` needs a binary it may reach, beside the store.
                let binary = s.directory + "/sargs"
                if !files.fileExists(atPath: binary) { try SargsProcess.copyBinary(to: binary) }
                chmod(binary, 0o755)
                var nobody = passwd()
                var buffer = [CChar](repeating: 0, count: 4096)
                var found: UnsafeMutablePointer<passwd>?
                getpwnam_r("nobody", &nobody, &buffer, buffer.count, &found)
                guard let found else { throw ReaderUnavailable() }
                chown(s.database, found.pointee.pw_uid, found.pointee.pw_gid)
                self.prefix = ["/usr/bin/setpriv", "--reuid=\(found.pointee.pw_uid)", "--regid=\(found.pointee.pw_gid)",
                               "--clear-groups"]
                self.binary = binary
            } else {
                self.prefix = []
                self.binary = SargsProcess.binary
            }
            chmod(s.database, 0o400)
            chmod(s.directory, getuid() == 0 ? 0o755 : 0o555)
        }

        func run(_ s: SargsProcess, _ arguments: [String]) -> SargsProcess.Result {
            let command = prefix.isEmpty ? binary : prefix[0]
            let rest = prefix.isEmpty ? arguments : Array(prefix.dropFirst()) + [binary] + arguments
            return SargsProcess.execute(command, rest, environment: s.environment)
        }

        var commandLine: String { (prefix + [binary]).map(TmuxSession.quote).joined(separator: " ") }
    }

    struct ReaderUnavailable: Error {}

    @Test("a store the user may only read: agenda, log, report and meetings read it; a change is refused, exit 69",
          .enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "running as root needs setpriv (util-linux) to read as another user"))
    func readOnlyCommands() throws {
        let s = Self.populated()
        let reader = try Reader(s)
        defer { chmod(s.directory, 0o700) }
        let before = try StoreFile(s.database)
        for (arguments, shows) in Self.readers where arguments[0] != "plan" {
            let r = reader.run(s, arguments)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
            #expect(r.stdout.contains(shows), "\(arguments) shows \(shows): \(r.stdout.prefix(200))")
        }
        for change in [["record", "5.2", "--date", "2025-03-10"], ["note", "2.1", "Piezīme"],
                       ["meeting", "cancel", "2"], ["undo"]] {
            let r = reader.run(s, change)
            #expect(r.status == 69, "\(change): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("may read the store") && r.stderr.contains("not change it"), "\(change): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "one line: \(r.stderr)")
        }
        #expect(try StoreFile(s.database) == before)
        // Replacing the store is changing it, even where the folder would let a rename through.
        chmod(s.directory, getuid() == 0 ? 0o777 : 0o755)
        // The plan from a copy the other user may read: the checkout may lie in a 0700 folder.
        let plan = s.directory + "/plan.yaml"
        if !FileManager.default.fileExists(atPath: plan) { try FileManager.default.copyItem(atPath: Fixtures.madonaPlanPath, toPath: plan) }
        chmod(plan, 0o644)
        let replace = reader.run(s, ["init", plan, "--force"])
        #expect(replace.status == 69, "\(replace.stdout) \(replace.stderr)")
        #expect(try StoreFile(s.database) == before, "the store is still there, whole")
        chmod(s.directory, getuid() == 0 ? 0o755 : 0o555)
    }

    @Test("a store shared by its mode right after init is read by another user; readers beside a writer never fail",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "needs root and setpriv to read as another user"))
    func sharedAfterInitAndBesideAWriter() throws {
        let s = SargsProcess(today: "2025-09-10")
        #expect(s.run(["init", Fixtures.madonaPlanPath]).status == 0)
        // The README's recipe: let a group read it by its mode (here nobody's group, nogroup).
        chown(s.database, 0, 65534)
        chmod(s.database, 0o640)
        chmod(s.directory, 0o755)
        defer { chmod(s.directory, 0o700) }
        let binary = s.directory + "/sargs"
        try SargsProcess.copyBinary(to: binary)
        let nobody = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", binary]
        let first = SargsProcess.execute(nobody[0], Array(nobody.dropFirst()) + ["agenda"], environment: s.environment)
        #expect(first.status == 0, "right after init: \(first.stderr)")
        // A writer records in a loop while the other user reads: no read fails.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "for i in $(seq 60); do \(SargsProcess.binary) note 2.1 \"Piezīme $i\" >/dev/null || exit 1; done"]
        writer.environment = s.environment
        try writer.run()
        var failures: [String] = []
        var reads = 0
        while writer.isRunning || reads < 20 {
            let r = SargsProcess.execute(nobody[0], Array(nobody.dropFirst()) + ["log", "--limit", "1"], environment: s.environment)
            reads += 1
            if r.status != 0 { failures.append(r.stderr) }
            if reads > 400 { break }
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(reads >= 20)
        #expect(failures.isEmpty, "\(failures.count) of \(reads) reads failed: \(failures.prefix(2))")
    }

    @Test("the board on a store the user may only read: it shows the plan, says read only, and a change key says why not",
          .enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "running as root needs setpriv (util-linux) to read as another user"))
    func readOnlyBoard() throws {
        let s = Self.populated()
        let reader = try Reader(s)
        defer { chmod(s.directory, 0o700) }
        let before = try StoreFile(s.database)
        let t = TmuxSession(width: 120, height: 40, command: reader.commandLine + " board", environment: s.environment)
        defer { t.close() }
        #expect(t.wait(for: "may only be read").ok, "\(t.screen)")
        #expect(t.lines[0].contains("read only"), "\(t.lines[0])")
        t.press(.note)
        #expect(t.wait(for: "nothing can be changed").ok, "\(t.screen)")
        t.press(.agenda)
        #expect(t.wait(for: "Review period").ok, "the agenda is read: \(t.screen)")
        t.press(.quit)
        #expect(t.wait { _ in t.paneDead }.ok)
        #expect(try StoreFile(s.database) == before)
    }
}
