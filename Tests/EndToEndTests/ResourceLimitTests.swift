import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// sargs under the shell's resource limits (`ulimit -n`, `-v`, `-f`) and
/// with its output or errors going to a pipe nobody reads: one line and
/// exit 71 (a limit too low to start) or 74 (I/O), never a signal, never a
/// hang. Under `ulimit -n 12` every command died of SIGILL (libdispatch and
/// CoreFoundation halt when they cannot open their descriptors); under
/// `ulimit -v 100000` the store's queue hung and the DOCX commands died of
/// SIGPIPE.
@Suite("Resource limits: one line and exit 71 or 74, never a signal or a hang")
struct ResourceLimitTests {
    static var pandoc: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc") }

    struct Outcome: CustomStringConvertible {
        /// The exit status; nil when a signal ended it or it hung.
        var status: Int32?
        var signal: Int32?
        var hung = false
        var stdout = ""
        var stderr = ""
        var errorLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }
        var description: String {
            "status \(status.map(String.init) ?? "-"), signal \(signal.map(String.init) ?? "-"), hung \(hung), stderr: \(stderr.prefix(600))"
        }
    }

    /// Runs `sh -c 'LIMITS; exec "$0" "$@"' sargs ARGS` with every signal at
    /// its default action (whatever the test runner ignores), standard output
    /// and error into files unless descriptors are given, for at most a minute.
    static func run(_ s: SargsProcess, limits: String, _ arguments: [String], environment extra: [String: String] = [:],
                    stdout givenOut: Int32? = nil, stderr givenErr: Int32? = nil) -> Outcome {
        let outPath = s.directory + "/out-\(UUID().uuidString)", errPath = s.directory + "/err-\(UUID().uuidString)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let givenOut { posix_spawn_file_actions_adddup2(&actions, givenOut, 1) } else {
            posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        if let givenErr { posix_spawn_file_actions_adddup2(&actions, givenErr, 2) } else {
            posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let words = ["/bin/sh", "-c", limits + "; exec \"$0\" \"$@\"", SargsProcess.binary] + arguments
        let argv = words.map { strdup($0) } + [nil]
        let envp = s.environment.merging(extra) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        guard posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp) == 0 else {
            return Outcome(status: nil, stderr: "posix_spawn failed")
        }
        var outcome = Outcome()
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(60)
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done == -1 && errno != EINTR { return Outcome(status: nil, stderr: "waitpid failed") }
            if Date() > deadline {
                kill(pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                outcome.hung = true
                break
            }
            usleep(10_000)
        }
        if !outcome.hung {
            if status & 0x7F == 0 { outcome.status = (status >> 8) & 0xFF } else { outcome.signal = status & 0x7F }
        }
        outcome.stdout = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        outcome.stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return outcome
    }

    /// Exit 71, one line `sargs: error: …` that names `limit`.
    static func refused(_ r: Outcome, naming limit: String) -> Bool {
        r.status == 71 && r.signal == nil && !r.hung && r.errorLines.count == 1
            && r.stderr.hasPrefix("sargs: error: ") && r.stderr.contains(limit)
    }

    /// The commands every member runs, on the Madona store.
    static let commands: [[String]] = [
        ["agenda"], ["plan", "check", Fixtures.madonaPlanPath], ["report", "--year", "2025", "--format", "markdown"],
        ["export", "--format", "ics"], ["log"], ["note", "1.1", "Sanāksme notika"],
    ]

    /// A plan table as a CSV, and as a DOCX (made by pandoc when it is there;
    /// the limit is refused before the file is read either way).
    static func inputs(_ s: SargsProcess) throws -> (csv: String, docx: String) {
        let csv = s.directory + "/plans.csv", docx = s.directory + "/plans.docx"
        try "Goal,Activity,Period,Owner,Funding\n1. Izglītošana,Lekcijas,reizi gadā,SD,PB\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let html = s.directory + "/plans.html"
        try "<table><tr><th>Goal</th><th>Activity</th><th>Period</th><th>Owner</th><th>Funding</th></tr><tr><td>1. Izglītošana</td><td>Lekcijas</td><td>reizi gadā</td><td>SD</td><td>PB</td></tr></table>"
            .write(toFile: html, atomically: true, encoding: .utf8)
        if !pandoc || SargsProcess.execute("/usr/bin/pandoc", ["-f", "html", "-t", "docx", "-o", docx, html], environment: [:]).status != 0 {
            try Data("not a document".utf8).write(to: URL(fileURLWithPath: docx))
        }
        return (csv, docx)
    }

    @Test("ulimit -n 12: every command says, in one line and in the run's language, how many open files it needs (exit 71)")
    func tooFewOpenFiles() {
        let s = SargsProcess.madona(today: "2025-09-10")
        for command in Self.commands {
            let r = Self.run(s, limits: "ulimit -n 12", command)
            #expect(Self.refused(r, naming: "ulimit -n"), "\(command): \(r)")
            #expect(r.stderr.contains("open files") && r.stderr.contains(" 12 "), "\(command): \(r)")
        }
        let latvian = Self.run(s, limits: "ulimit -n 12", ["agenda"], environment: ["SARGS_LANG": "lv"])
        #expect(Self.refused(latvian, naming: "ulimit -n") && latvian.stderr.contains("atvērto failu"), "\(latvian)")
        let english = Self.run(s, limits: "ulimit -n 12", ["agenda", "--lang", "en"], environment: ["SARGS_LANG": "lv"])
        #expect(Self.refused(english, naming: "ulimit -n") && english.stderr.contains("open files"), "\(english)")
        // A soft limit the hard one allows to raise is raised: the command runs.
        let soft = Self.run(s, limits: "ulimit -S -n 12", ["agenda"])
        #expect(soft.status == 0, "\(soft)")
    }

    @Test("ulimit -n 20: plan draft of a CSV works or is refused in one line; of a DOCX (pandoc) it is refused in one line naming the limit, never a raw Foundation error")
    func planDraftUnderTwentyOpenFiles() throws {
        let s = SargsProcess(today: "2025-09-10")
        let (csv, docx) = try Self.inputs(s)
        let draft = s.directory + "/draft.yaml"
        let base = ["--period", "2025..2026", "--municipality", "Cēsu novads"]
        let fromCSV = Self.run(s, limits: "ulimit -n 20", ["plan", "draft", csv, "-o", draft] + base)
        #expect(fromCSV.signal == nil && !fromCSV.hung && fromCSV.errorLines.count == 1, "\(fromCSV)")
        #expect((fromCSV.status == 0 && FileManager.default.fileExists(atPath: draft)) || Self.refused(fromCSV, naming: "ulimit -n"),
                "\(fromCSV)")
        let fromDOCX = Self.run(s, limits: "ulimit -n 20", ["plan", "draft", docx, "-o", s.directory + "/docx.yaml"] + base)
        #expect(Self.refused(fromDOCX, naming: "ulimit -n") && fromDOCX.stderr.contains("pandoc"), "\(fromDOCX)")
        #expect(!fromDOCX.stderr.contains("NSPOSIXErrorDomain") && !fromDOCX.stderr.contains("Bad file descriptor"), "\(fromDOCX)")
    }

    @Test("a soft ulimit -n of 64 is raised for pandoc: report --format docx writes the document",
          .enabled(if: pandoc, "needs pandoc (make installs it)"))
    func softOpenFilesRaisedForPandoc() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        let output = s.directory + "/report.docx"
        let r = Self.run(s, limits: "ulimit -S -n 64", ["report", "--year", "2025", "--format", "docx", "-o", output])
        #expect(r.status == 0, "\(r)")
        #expect(FileManager.default.fileExists(atPath: output))
        // With the hard limit at 64 it cannot be: one line, exit 71.
        let hard = Self.run(s, limits: "ulimit -n 64", ["report", "--year", "2025", "--format", "docx", "-o", output, "--force"])
        #expect(Self.refused(hard, naming: "ulimit -n") && hard.stderr.contains("pandoc"), "\(hard)")
    }

    @Test("ulimit -v too small: one line naming the limit (exit 71), never a hang; pandoc's commands need more and say so")
    func tooLittleAddressSpace() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        let (csv, docx) = try Self.inputs(s)
        let draft = ["--period", "2025..2026", "--municipality", "Cēsu novads"]
        for command in Self.commands + [["plan", "draft", csv] + draft] {
            let r = Self.run(s, limits: "ulimit -v 200000", command)
            #expect(Self.refused(r, naming: "ulimit -v"), "\(command): \(r)")
        }
        let latvian = Self.run(s, limits: "ulimit -v 200000", ["agenda"], environment: ["SARGS_LANG": "lv"])
        #expect(Self.refused(latvian, naming: "ulimit -v") && latvian.stderr.contains("adrešu telpas"), "\(latvian)")
        // Enough for sargs, not for pandoc (which runs under ulimit -v of 2 GB).
        for command in [["report", "--year", "2025", "--format", "docx", "-o", s.directory + "/r.docx"],
                        ["plan", "draft", docx] + draft] {
            let r = Self.run(s, limits: "ulimit -v 400000", command)
            #expect(Self.refused(r, naming: "ulimit -v") && r.stderr.contains("pandoc"), "\(command): \(r)")
        }
        let agenda = Self.run(s, limits: "ulimit -v 400000", ["agenda"])
        #expect(agenda.status == 0, "\(agenda)")
    }

    @Test("output to a pipe nobody reads ends with exit 74, quietly, not by SIGPIPE; so does an error that cannot be written")
    func closedPipes() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        close(ends[0])  // nobody reads
        defer { close(ends[1]) }
        let output = Self.run(s, limits: ":", ["report", "--year", "2025", "--format", "markdown"], stdout: ends[1])
        #expect(output.status == 74 && output.signal == nil, "\(output)")
        #expect(output.stderr.isEmpty, "\(output)")
        let errors = Self.run(s, limits: ":", ["agenda", "--no-such-option"], stderr: ends[1])
        #expect(errors.status == 74 && errors.signal == nil, "\(errors)")
    }

    @Test("ulimit -f too small: a store or an export that does not fit is one line, exit 74, not SIGXFSZ")
    func fileSizeLimit() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        let store = s.directory + "/small.sqlite"
        let r = Self.run(s, limits: "ulimit -f 8", ["init", Fixtures.madonaPlanPath, "--db", store])
        #expect(r.status == 74 && r.signal == nil && r.errorLines.count == 1 && r.stderr.hasPrefix("sargs: error: "), "\(r)")
        #expect(!FileManager.default.fileExists(atPath: store))
        let out = s.directory + "/calendar.ics"
        let fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(fd) }
        let export = Self.run(s, limits: "ulimit -f 8", ["export", "--format", "ics"], stdout: fd)
        #expect(export.status == 74 && export.signal == nil && export.errorLines.count == 1, "\(export)")
    }
}
