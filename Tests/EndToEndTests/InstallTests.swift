import Foundation
import Testing
import SargsBoard
import TestSupport

/// sargs installed the way `make install` lays it out (PREFIX/bin/sargs,
/// PREFIX/share/sargs/{data,Themes}) works from any directory.
@Suite("Installed outside the checkout")
struct InstallTests {
    func install() throws -> String {
        let prefix = Fixtures.temporaryDirectory("sargs-prefix")
        let fm = FileManager.default
        for dir in ["bin", "share/sargs/data", "share/sargs/Themes"] {
            try fm.createDirectory(atPath: prefix + "/" + dir, withIntermediateDirectories: true)
        }
        try fm.copyItem(atPath: SargsProcess.binary, toPath: prefix + "/bin/sargs")
        try fm.copyItem(atPath: Fixtures.madonaPlanPath, toPath: prefix + "/share/sargs/data/madona-2025-2027.yaml")
        for theme in try fm.contentsOfDirectory(atPath: Fixtures.repositoryRoot + "/Themes") {
            try fm.copyItem(atPath: Fixtures.repositoryRoot + "/Themes/" + theme, toPath: prefix + "/share/sargs/Themes/" + theme)
        }
        return prefix
    }

    @Test func initMadonaAndAThemeByNameWorkFromAnotherDirectory() throws {
        let prefix = try install()
        let s = SargsProcess(today: "2025-07-01")
        let elsewhere = Fixtures.temporaryDirectory("sargs-cwd")
        let created = SargsProcess.execute("/bin/sh", ["-c", "cd \(elsewhere) && \(prefix)/bin/sargs init --madona"],
                                           environment: s.environment)
        #expect(created.status == 0, "\(created.stderr)")
        var env = s.environment
        env["SARGS_LANG"] = "lv"
        let t = TmuxSession(width: 100, height: 30, command: "sh -c 'cd \(elsewhere) && \(prefix)/bin/sargs --theme mono'",
                            environment: env)
        let shown = t.wait { $0.contains("PRIMĀRĀ PREVENCIJA") }
        #expect(shown.ok, "\(shown.screen)")
        t.press(.quit)
    }

    @Test func aBadThemeIsRefusedWithItsLocationBeforeAnythingIsCreated() throws {
        let s = SargsProcess(today: "2025-07-01")
        let theme = s.directory + "/bad-theme.yaml"
        try "name: bad\nroles:\n  header: {fg: white}\n  cardSelected: {fg: purple-ish}\n".write(toFile: theme, atomically: true, encoding: .utf8)
        let r = s.run(["board", "--theme", theme])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("sargs: error: \(theme):4:"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s.database), "no store was created")
        let missing = s.run(["board", "--theme", "no-such-theme"])
        #expect(missing.status == 66, "\(missing.stderr)")
    }
}
