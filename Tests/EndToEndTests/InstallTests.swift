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
        try SargsProcess.copyBinary(to: prefix + "/bin/sargs")
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

    /// Every regular file under `directory`, relative to it.
    func files(under directory: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    @Test("make install-files lays out a stripped binary, plans, themes, completions and the man page; make uninstall removes them all",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/make")))
    func installAndUninstall() throws {
        let root = Fixtures.repositoryRoot
        let manualTool = SargsProcess.productsDirectory + "/generate-manual"
        guard FileManager.default.isExecutableFile(atPath: manualTool) else {
            Issue.record("generate-manual is not built (make test builds it): \(manualTool)")
            return
        }
        let manDirectory = Fixtures.temporaryDirectory("sargs-man")
        let manual = SargsProcess.execute(manualTool, [SargsProcess.binary, "--date", "2026-01-01", "-o", manDirectory],
                                          environment: ProcessInfo.processInfo.environment)
        #expect(manual.status == 0, "\(manual.stderr)")
        let destination = Fixtures.temporaryDirectory("sargs-destdir")
        let variables = ["DESTDIR=\(destination)", "PREFIX=/usr", "BIN=\(SargsProcess.binary)", "MANPAGE=\(manDirectory)/sargs.1"]
        let install = SargsProcess.execute("/usr/bin/make", ["-C", root, "-s", "install-files"] + variables,
                                           environment: ProcessInfo.processInfo.environment)
        #expect(install.status == 0, "\(install.stderr)")
        let prefix = destination + "/usr"
        let installed = files(under: prefix)
        for expected in ["bin/sargs", "share/sargs/data/madona-2025-2027.yaml", "share/sargs/Themes/default.yaml",
                         "share/bash-completion/completions/sargs", "share/zsh/site-functions/_sargs",
                         "share/fish/vendor_completions.d/sargs.fish", "share/man/man1/sargs.1"] {
            #expect(installed.contains(expected), "\(expected) in \(installed)")
        }
        // Stripped: smaller than the built binary, and it still runs.
        let size = { (path: String) in ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0 }
        #expect(size(prefix + "/bin/sargs") < size(SargsProcess.binary) * 3 / 4)
        let version = SargsProcess.execute(prefix + "/bin/sargs", ["--version"], environment: [:])
        #expect(version.status == 0 && !version.stdout.isEmpty, "\(version.stderr)")
        func read(_ path: String) -> String { (try? String(contentsOfFile: prefix + "/" + path, encoding: .utf8)) ?? "" }
        #expect(read("share/bash-completion/completions/sargs").contains("-F _sargs sargs"))
        #expect(read("share/zsh/site-functions/_sargs").hasPrefix("#compdef sargs"))
        #expect(read("share/fish/vendor_completions.d/sargs.fish").contains("complete -c 'sargs'"))
        let page = read("share/man/man1/sargs.1")
        #expect(page.contains("sargs") && page.contains("agenda") && page.contains("meeting"), "\(page.prefix(300))")

        // Run by its name from PATH, in another folder, it finds its bundled plan.
        let elsewhere = Fixtures.temporaryDirectory("sargs-cwd")
        let byName = SargsProcess.execute("/bin/sh", ["-c", "cd \(elsewhere) && sargs init --madona"],
                                          environment: ["PATH": prefix + "/bin:/usr/bin:/bin", "SARGS_DB": elsewhere + "/s.sqlite",
                                                        "SARGS_LANG": "en", "HOME": elsewhere])
        #expect(byName.status == 0, "\(byName.stderr)")

        let uninstall = SargsProcess.execute("/usr/bin/make", ["-C", root, "-s", "uninstall"] + variables,
                                             environment: ProcessInfo.processInfo.environment)
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(files(under: prefix).isEmpty, "left behind: \(files(under: prefix))")
    }
}

/// The Debian package (issue 17): `debian/build-deb` from the built binary,
/// the contents a server's administrator expects, and lintian's verdict.
@Suite("The Debian package")
struct DebianPackageTests {
    static var tools: Bool {
        ["/usr/bin/dpkg-deb", "/usr/bin/lintian", "/usr/bin/make"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
            && FileManager.default.isExecutableFile(atPath: SargsProcess.productsDirectory + "/generate-manual")
    }

    @Test("build-deb makes a package with the binary, man page, completions, themes, plan and units, that lintian passes without errors",
          .enabled(if: tools, "needs dpkg-deb, lintian (make installs it) and generate-manual (make test builds it)"))
    func package() throws {
        let work = Fixtures.temporaryDirectory("sargs-deb")
        let manual = SargsProcess.execute(SargsProcess.productsDirectory + "/generate-manual",
                                          [SargsProcess.binary, "--date", "2026-01-01", "-o", work], environment: ProcessInfo.processInfo.environment)
        #expect(manual.status == 0, "\(manual.stderr)")
        let built = SargsProcess.execute(Fixtures.repositoryRoot + "/debian/build-deb",
                                         [SargsProcess.binary, work + "/sargs.1", work + "/out"], environment: ProcessInfo.processInfo.environment)
        #expect(built.status == 0, "\(built.stderr)")
        let deb = built.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(deb.hasSuffix(".deb") && (deb as NSString).lastPathComponent.hasPrefix("sargs_0.") || deb.contains("sargs_"), "\(deb)")
        let contents = SargsProcess.execute("/usr/bin/dpkg-deb", ["--contents", deb], environment: [:]).stdout
        for path in ["./usr/bin/sargs", "./usr/share/man/man1/sargs.1.gz", "./usr/share/bash-completion/completions/sargs",
                     "./usr/share/zsh/vendor-completions/_sargs", "./usr/share/fish/vendor_completions.d/sargs.fish",
                     "./usr/share/sargs/Themes/default.yaml", "./usr/share/sargs/data/madona-2025-2027.yaml",
                     "./lib/systemd/system/sargs-remind.timer", "./lib/systemd/system/sargs-backup.timer",
                     "./lib/systemd/system/sargs-backup.service", "./etc/default/sargs", "./usr/share/doc/sargs/copyright"] {
            #expect(contents.contains(path), "\(path) in the package")
        }
        let info = SargsProcess.execute("/usr/bin/dpkg-deb", ["--field", deb, "Package", "Version", "Depends"], environment: [:]).stdout
        #expect(info.contains("Package: sargs") && info.contains("libsqlite3-0"), "\(info)")
        let lintian = SargsProcess.execute("/usr/bin/lintian", [deb], environment: ProcessInfo.processInfo.environment)
        // The test packages the debug build, whose RUNPATH points into the Swift toolchain; the
        // release build `make deb` packages links the runtime statically and has none.
        let errors = lintian.stdout.split(separator: "\n").filter { $0.hasPrefix("E: ") }
            .filter { !$0.contains("custom-library-search-path") }
        #expect(errors.isEmpty, "\(lintian.stdout)")
        #expect(!lintian.stdout.contains("embedded-library libyaml"), "the override for Yams' libyaml is in the package")
    }
}
