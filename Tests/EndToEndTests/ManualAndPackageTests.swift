import Foundation
import SargsBoard
import SargsCore
import Testing
import TestSupport

/// Issue 24, "Words": what a newcomer reads besides the messages: the
/// version, the completions, the man page and the package's relations.
@Suite("Version, completions, man page and package")
struct ManualAndPackageTests {
    static var environment: [String: String] { ProcessInfo.processInfo.environment }

    @Test("sargs --version says the package's version: debian/version's (git describe) from the build, the installed VERSION file once installed")
    func version() throws {
        let expected = SargsProcess.execute(Fixtures.repositoryRoot + "/debian/version", [], environment: Self.environment)
        #expect(expected.status == 0)
        let version = expected.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!version.isEmpty)
        let built = SargsProcess.execute(SargsProcess.binary, ["--version"], environment: Self.environment)
        #expect(built.status == 0)
        let again = SargsProcess.execute(Fixtures.repositoryRoot + "/debian/version", [], environment: Self.environment).stdout
        #expect([version + "\n", again].contains(built.stdout), "\(built.stdout) ≠ \(version)")
        if FileManager.default.fileExists(atPath: Fixtures.repositoryRoot + "/.git") {
            #expect(version != "0.1.0", "git describe names a commit or a tag: \(version)")
        }
        // Installed as make install lays it out: the VERSION beside the plans.
        let prefix = Fixtures.temporaryDirectory("sargs-prefix")
        try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: prefix + "/share/sargs", withIntermediateDirectories: true)
        try SargsProcess.copyBinary(to: prefix + "/bin/sargs")
        try "9.8.7+git3.abcdef0\n".write(toFile: prefix + "/share/sargs/VERSION", atomically: true, encoding: .utf8)
        let installed = SargsProcess.execute(prefix + "/bin/sargs", ["--version"], environment: [:])
        #expect(installed.stdout == "9.8.7+git3.abcdef0\n", "\(installed.stdout)")
        // Nowhere to ask (no VERSION, no checkout): the base version, not nothing.
        try FileManager.default.removeItem(atPath: prefix + "/share/sargs/VERSION")
        #expect(SargsProcess.execute(prefix + "/bin/sargs", ["--version"], environment: [:]).stdout == "0.1.0\n")
    }

    /// The words bash's completion offers for the command line `line`, the
    /// last word being completed, with sargs' own completion script.
    static func bashCompletions(_ line: [String], environment: [String: String]) -> [String] {
        let words = line.map { "'\($0)'" }.joined(separator: " ")
        let script = """
        source <(sargs --generate-completion-script bash)
        COMP_WORDS=(\(words)); COMP_CWORD=\(line.count - 1)
        COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
        _sargs sargs "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        var env = environment
        env["PATH"] = SargsProcess.productsDirectory + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        return SargsProcess.execute("/bin/bash", ["-c", script], environment: env).stdout.split(separator: "\n").map(String.init)
    }

    @Test("bash completes activity ids, meeting and decision numbers and institution codes from the store",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/bash")))
    func completions() {
        let s = SargsProcess.madona(today: "2025-07-01")
        #expect(s.run(["meeting", "new", "--date", "2025-07-01"]).stdout == "1\n")
        #expect(s.run(["meeting", "new", "--date", "2025-10-01"]).stdout == "2\n")
        #expect(s.run(["decision", "add", "--meeting", "1", "--owner", "SD", "--due", "2025-08-01", "Sagatavot plānu"]).status == 0)
        let env = s.environment
        let ids = Self.bashCompletions(["sargs", "record", "5."], environment: env)
        #expect(!ids.isEmpty && ids.allSatisfy { $0.hasPrefix("5.") } && ids.contains("5.2"), "\(ids)")
        #expect(Self.bashCompletions(["sargs", "log", "2.1"], environment: env).contains("2.1"))
        #expect(Self.bashCompletions(["sargs", "meeting", "show", ""], environment: env) == ["1", "2"])
        #expect(Self.bashCompletions(["sargs", "decision", "add", "--meeting", ""], environment: env) == ["1", "2"])
        #expect(Self.bashCompletions(["sargs", "decision", "done", ""], environment: env) == ["1"])
        let codes = Self.bashCompletions(["sargs", "decision", "add", "--owner", ""], environment: env)
        #expect(Set(codes).isSuperset(of: ["SG", "IN", "SD", "BT", "VP", "PP", "AN", "JC", "VPD"]), "\(codes)")
        let attendees = Self.bashCompletions(["sargs", "meeting", "hold", "1", "--attendees", "SD,B"], environment: env)
        #expect(attendees == ["SD,BT"], "\(attendees)")
        // The store named on the command line, not the environment's.
        var other = env
        other["SARGS_DB"] = s.directory + "/none.sqlite"
        #expect(Self.bashCompletions(["sargs", "meeting", "show", ""], environment: other).isEmpty)
        #expect(Self.bashCompletions(["sargs", "meeting", "show", "--db", s.database, ""], environment: other) == ["1", "2"])
        #expect(Self.bashCompletions(["sargs", "record", "--db=\(s.database)", "7."], environment: other).contains("7.1"))
    }

    @Test("the man page has the board's keys (every binding of the table), ENVIRONMENT, FILES, EXAMPLES and sargs' own EXIT STATUS",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/make")))
    func manualPage() throws {
        let tool = SargsProcess.productsDirectory + "/generate-manual"
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            Issue.record("generate-manual is not built (make test builds it): \(tool)")
            return
        }
        let page = Fixtures.temporaryDirectory("sargs-man") + "/sargs.1"
        let made = SargsProcess.execute("/usr/bin/make", ["-C", Fixtures.repositoryRoot, "-s", "man-page", "BIN=\(SargsProcess.binary)",
                                                          "MANPAGE=\(page)", "GENERATE_MANUAL=\(tool)"], environment: Self.environment)
        #expect(made.status == 0, "\(made.stderr)")
        let text = try String(contentsOfFile: page, encoding: .utf8)
        let sections = text.split(separator: "\n").filter { $0.hasPrefix(".Sh ") }.map(String.init)
        #expect(sections == [".Sh NAME", ".Sh SYNOPSIS", ".Sh DESCRIPTION", ".Sh \"BOARD KEYS\"", ".Sh ENVIRONMENT", ".Sh FILES",
                             ".Sh \"EXIT STATUS\"", ".Sh EXAMPLES", ".Sh AUTHORS"], "\(sections)")
        #expect(!text.contains(".Ex -std"), "generate-manual's generic exit status is replaced")
        for binding in KeyMap.standard.bindings {
            for key in binding.keys {
                #expect(text.contains("Sy \"\(key.asciiName)\""), "\(binding.command): \(key.asciiName)")
            }
            #expect(text.contains(binding.help.en.prefix(1).uppercased() + binding.help.en.dropFirst()), "\(binding.command)")
        }
        for code in [64, 65, 66, 69, 71, 74] { #expect(text.contains(".It \(code)\n"), "exit status \(code)") }
        for variable in ["SARGS_DB", "SARGS_LANG", "SARGS_TODAY", "SARGS_USER", "SARGS_SHARE", "NO_COLOR"] {
            #expect(text.contains(".It Ev \(variable)\n"), "\(variable)")
        }
        #expect(text.contains(".Dl sargs init --madona"))
        // The DESCRIPTION lists the subcommands with their options once, not the --help list again.
        #expect(!text.contains("Commands of the groups:"))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/groff") {
            let lint = SargsProcess.execute("/usr/bin/groff", ["-mandoc", "-ww", "-z", page], environment: ["LC_ALL": "C"])
            #expect(lint.stderr.isEmpty, "\(lint.stderr)")
        }
    }

    @Test("the Debian package recommends bash-completion and a mail transport, and its sargs --version is the package's Version",
          .enabled(if: ["/usr/bin/dpkg-deb", "/usr/bin/make", "/usr/bin/dpkg"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }))
    func debianPackage() throws {
        // (Read before and after: a commit made meanwhile in the checkout changes it.)
        let before = SargsProcess.execute(Fixtures.repositoryRoot + "/debian/version", [], environment: Self.environment).stdout
        let work = Fixtures.temporaryDirectory("sargs-deb")
        try ".Dd January 1, 2026\n.Dt SARGS 1\n.Os\n.Sh NAME\n.Nm sargs\n.Nd test\n".write(toFile: work + "/sargs.1", atomically: true, encoding: .utf8)
        let built = SargsProcess.execute(Fixtures.repositoryRoot + "/debian/build-deb", [SargsProcess.binary, work + "/sargs.1", work + "/out"],
                                         environment: Self.environment)
        #expect(built.status == 0, "\(built.stderr)")
        let deb = built.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let fields = SargsProcess.execute("/usr/bin/dpkg-deb", ["--field", deb, "Version", "Depends", "Recommends"], environment: [:]).stdout
        #expect(fields.contains("Recommends: bash-completion"), "\(fields)")
        // A mail transport recommended, not pulled in: msmtp-mta is the one-file setup the README shows (issue 26).
        #expect(fields.contains("msmtp-mta | mail-transport-agent") && !fields.contains("Depends: msmtp"), "\(fields)")
        let version = fields.split(separator: "\n").first { $0.hasPrefix("Version: ") }.map { String($0.dropFirst(9)) } ?? ""
        let after = SargsProcess.execute(Fixtures.repositoryRoot + "/debian/version", [], environment: Self.environment).stdout
        #expect([before, after].contains(version + "\n"), "\(version): \(before) \(after)")
        let root = work + "/root"
        #expect(SargsProcess.execute("/usr/bin/dpkg-deb", ["-x", deb, root], environment: [:]).status == 0)
        let packaged = SargsProcess.execute(root + "/usr/bin/sargs", ["--version"], environment: [:])
        #expect(packaged.stdout == version + "\n", "\(packaged.stdout) ≠ \(version)")
    }
}
