import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Issue 31: no document can exhaust the machine. pandoc is bounded in
/// time, memory and output, ends with sargs, and sees only a regular file
/// of bounded size whose ZIP directory was read first.
@Suite("Hostile documents", .serialized)
struct HostileDocumentTests {
    static let hasPython = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    /// A ZIP made by Python: `members` maps names to sizes of zero bytes (or text).
    static func zip(_ path: String, _ script: String) {
        let made = SargsProcess.execute("/usr/bin/python3", ["-c", """
            import zipfile, sys
            z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)
            \(script)
            z.close()
            """, path], environment: [:])
        #expect(made.status == 0, "\(made.stderr)")
    }

    /// A folder with a `pandoc` that records its process id and sleeps.
    static func sleepingPandoc(in folder: String) -> String {
        let bin = folder + "/fakebin"
        mkdir(bin, 0o755)
        let script = bin + "/pandoc"
        try? "#!/bin/sh\necho $$ > \"\(folder)/pandoc.pid\"\nexec sleep 300\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        return bin
    }

    static func alive(_ pid: Int32) -> Bool {
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return !state.isEmpty && !state.contains(") Z ")
    }

    /// Waits (up to `seconds`, checking every 20 ms) for `condition`.
    static func wait(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    @Test("a ZIP bomb is refused before pandoc runs, naming the limit (65)", .enabled(if: hasPython))
    func zipBomb() {
        let s = SargsProcess()
        let bomb = s.directory + "/plans.docx"
        Self.zip(bomb, "for i in range(3): z.writestr('word/part%d.xml' % i, b'\\0' * (100 << 20))")
        let run = s.run(["plan", "draft", bomb])
        #expect(run.status == 65, "\(run.status) \(run.stderr)")
        #expect(run.stderr.contains("300 MB") && run.stderr.contains("200 MB"), "\(run.stderr)")
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test("only a regular file of at most 20 MB is read: a link to /dev/zero, a FIFO and a large file are refused at once (65)", .enabled(if: hasPython))
    func notRegularOrTooLarge() throws {
        let s = SargsProcess()
        let zero = s.directory + "/zero.docx"
        #expect(symlink("/dev/zero", zero) == 0)
        let fifo = s.directory + "/fifo.odt"
        #expect(mkfifo(fifo, 0o600) == 0)
        for path in [zero, fifo] {
            let run = s.run(["plan", "draft", path])
            #expect(run.status == 65 && run.stderr.contains("not a regular file"), "\(path): \(run.status) \(run.stderr)")
        }
        let large = s.directory + "/large.docx"
        #expect(FileManager.default.createFile(atPath: large, contents: Data(count: 21 << 20)))
        let run = s.run(["plan", "draft", large])
        #expect(run.status == 65 && run.stderr.contains("20 MB"), "\(run.stderr)")
        // A plan file behind a link to /dev/zero is refused too, never read for ever.
        let plan = s.directory + "/plan.yaml"
        #expect(symlink("/dev/zero", plan) == 0)
        let check = s.run(["plan", "check", plan])
        #expect(check.status == 65 && check.stderr.contains("not a regular file"), "\(check.status) \(check.stderr)")
    }

    @Test("pandoc past SARGS_PANDOC_TIMEOUT is stopped, its group with it; the refusal names the limit", .enabled(if: hasPython))
    func timeout() throws {
        let s = SargsProcess()
        let document = s.directory + "/plans.docx"
        Self.zip(document, "z.writestr('word/document.xml', '<w:document/>')")
        let bin = Self.sleepingPandoc(in: s.directory)
        let run = s.run(["plan", "draft", document], environment: ["PATH": bin + ":/usr/bin:/bin", "SARGS_PANDOC_TIMEOUT": "1"])
        #expect(run.status == 65 && run.stderr.contains("time limit of 1 s"), "\(run.status) \(run.stderr)")
        let pid = Int32((try? String(contentsOfFile: s.directory + "/pandoc.pid", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        #expect(pid > 0 && Self.wait(10) { !Self.alive(pid) }, "pandoc \(pid) outlived its limit")
    }

    @Test("SIGTERM or Ctrl-C to sargs ends pandoc too", .enabled(if: hasPython), arguments: [SIGTERM, SIGINT])
    func signalEndsPandoc(_ number: Int32) throws {
        let s = SargsProcess()
        let document = s.directory + "/plans.docx"
        Self.zip(document, "z.writestr('word/document.xml', '<w:document/>')")
        let bin = Self.sleepingPandoc(in: s.directory)
        let sargs = Process()
        sargs.executableURL = URL(fileURLWithPath: SargsProcess.binary)
        sargs.arguments = ["plan", "draft", document]
        var environment = s.environment
        environment["PATH"] = bin + ":/usr/bin:/bin"
        sargs.environment = environment
        sargs.standardOutput = FileHandle.nullDevice
        sargs.standardError = FileHandle.nullDevice
        try sargs.run()
        let pidFile = s.directory + "/pandoc.pid"
        #expect(Self.wait(30) { ((try? String(contentsOfFile: pidFile, encoding: .utf8)) ?? "").hasSuffix("\n") })
        let pid = Int32((try? String(contentsOfFile: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        #expect(pid > 0 && Self.alive(pid))
        kill(sargs.processIdentifier, number)
        sargs.waitUntilExit()
        #expect(sargs.terminationReason == .uncaughtSignal && sargs.terminationStatus == number)
        #expect(Self.wait(10) { !Self.alive(pid) }, "pandoc \(pid) outlived sargs")
    }

    @Test("a document pandoc cannot make within its heap is one line (74), and no file is left", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc")))
    func heapLimit() throws {
        let s = SargsProcess(today: "2025-09-10")
        #expect(s.run(["init", Fixtures.madonaPlanPath]).status == 0)
        // A pandoc that is given a heap of 1 MB: the real limit's message, the real exit.
        let bin = s.directory + "/smallheap"
        mkdir(bin, 0o755)
        try "#!/bin/sh\nexec /usr/bin/pandoc \"$@\" +RTS -M1m -RTS\n".write(toFile: bin + "/pandoc", atomically: true, encoding: .utf8)
        chmod(bin + "/pandoc", 0o755)
        let output = s.directory + "/report.docx"
        let run = s.run(["report", "--year", "2025", "--format", "docx", "-o", output], environment: ["PATH": bin + ":/usr/bin:/bin"])
        #expect(run.status == 74 && run.stderr.contains("memory limit"), "\(run.status) \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.directory).filter { $0.hasPrefix(".") }.isEmpty)
    }
}

/// Issue 31: a full disk leaves no empty or torn file behind, and says so.
@Suite("A full disk", .serialized)
struct FullDiskTests {
    @Test("backup, report -o, meeting show -o and plan draft -o into a full filesystem: exit 74, 'the disk is full', nothing left there",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/mount"), "needs root to mount a small tmpfs"))
    func fullDisk() throws {
        let s = SargsProcess(today: "2025-09-10")
        #expect(s.run(["init", Fixtures.madonaPlanPath]).status == 0)
        #expect(s.run(["meeting", "new", "--date", "2025-09-20"]).status == 0)
        let small = s.directory + "/small"
        mkdir(small, 0o700)
        guard SargsProcess.execute("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small], environment: [:]).status == 0 else { return }
        defer { _ = SargsProcess.execute("/usr/bin/umount", [small], environment: [:]) }
        // Fill it to the last block.
        _ = SargsProcess.execute("/bin/sh", ["-c", "cat /dev/zero > '\(small)/fill'"], environment: [:])
        let csv = s.directory + "/plans.csv"
        try "MĒRĶIS;PREVENCIJAS AKTIVITĀTES;ĪSTENOŠANAS PERIODS;ATBILDĪGĀ INSTITŪCIJA;FINANŠU AVOTS\n1. Izglītošana;Lekcijas;reizi gadā;SD;PB\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        for (name, arguments) in [("copy.sqlite", ["backup"]), ("report.md", ["report", "--year", "2025", "--format", "markdown", "-o"]),
                                  ("minutes.md", ["meeting", "show", "1", "--format", "markdown", "-o"]),
                                  ("plan.yaml", ["plan", "draft", csv, "--period", "2025..2027", "--municipality", "Z novads", "-o"])] {
            let run = s.run(arguments + [small + "/" + name])
            #expect(run.status == 74 && run.stderr.contains("the disk is full"), "\(name): \(run.status) \(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: small) == ["fill"], "\(name)")
        }
        let latvian = s.run(["backup", small + "/kopija.sqlite"], environment: ["SARGS_LANG": "lv"])
        #expect(latvian.status == 74 && latvian.stderr.contains("diskā nav vietas"), "\(latvian.stderr)")
    }

    @Test("a store on a full disk: readers and changes say the disk is full (74) in the run's language; check advises room, not a restore",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/mount"), "needs root to mount a small tmpfs"))
    func storeOnAFullDisk() throws {
        let s = SargsProcess(today: "2025-09-10")
        let small = s.directory + "/disk"
        mkdir(small, 0o700)
        guard SargsProcess.execute("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=400k,mode=0700", "tmpfs", small], environment: [:]).status == 0 else { return }
        defer { _ = SargsProcess.execute("/usr/bin/umount", [small], environment: [:]) }
        let store = small + "/store.sqlite"
        #expect(s.run(["init", Fixtures.madonaPlanPath, "--db", store]).status == 0)
        let copy = s.directory + "/copy.sqlite"
        #expect(s.run(["backup", copy, "--db", store]).status == 0)
        // The backup's reading left an empty WAL and its -shm: gone, so a reader must make them on the full disk.
        for file in [store + "-wal", store + "-shm"] { unlink(file) }
        _ = SargsProcess.execute("/bin/sh", ["-c", "cat /dev/zero > '\(small)/fill'"], environment: [:])
        for arguments in [["agenda"], ["log"], ["note", "2.1", "x"]] {
            let run = s.run(arguments + ["--db", store])
            #expect(run.status == 74 && run.stderr.contains("is full"), "\(arguments): \(run.status) \(run.stderr)")
            let latvian = s.run(arguments + ["--db", store], environment: ["SARGS_LANG": "lv"])
            #expect(latvian.stderr.contains("nav vietas") && !latvian.stderr.contains("disk I/O"), "\(arguments): \(latvian.stderr)")
        }
        let check = s.run(["check", "--db", store])
        #expect(check.stdout.contains("is full") && check.stdout.contains("df -h"), "\(check.stdout)")
        #expect(!check.stdout.contains("sargs restore"), "a whole store needs room, not a restore: \(check.stdout)")
        // A restore on the full disk replaces nothing and says why.
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        let restore = s.run(["restore", copy, "--yes", "--db", store])
        #expect(restore.status == 74 && restore.stderr.contains("is full"), "\(restore.status) \(restore.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
    }
}

/// Issue 31: nothing in the data becomes markup in a document for the
/// council: an image written into a note or a title is text, never a file
/// embedded or an address fetched.
@Suite("Documents made from hostile data")
struct HostileDataDocumentTests {
    @Test("an image, a link and raw HTML written into a status note and a title stay text in the report and the minutes (DOCX, ODT, Markdown); nothing is embedded",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc") && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func noEmbedding() throws {
        let s = SargsProcess(today: "2025-09-10")
        let secret = s.directory + "/secret.txt"
        try "private key bytes".write(toFile: secret, atomically: true, encoding: .utf8)
        var plan = try String(contentsOfFile: Fixtures.madonaPlanPath, encoding: .utf8)
        // A title as a hostile document could bring it in through plan draft.
        let firstTitle = try #require(plan.range(of: "title: ", range: plan.range(of: "activities:")!.upperBound..<plan.endIndex))
        let lineEnd = try #require(plan[firstTitle.upperBound...].firstIndex(of: "\n"))
        let original = plan[firstTitle.upperBound..<lineEnd]
        plan.replaceSubrange(firstTitle.upperBound..<lineEnd, with: "'![logo](\(secret)) \(original)'")
        try plan.write(toFile: s.directory + "/plan.yaml", atomically: true, encoding: .utf8)
        let made = s.run(["init", s.directory + "/plan.yaml"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(s.run(["status", "2.2", "blocked", "--note", "![s](\(secret)) [x](http://127.0.0.1:9/x.png) <img src=\"\(secret)\">"]).status == 0)
        #expect(s.run(["meeting", "new", "--date", "2025-09-20", "--topic", "![t](\(secret))"]).status == 0)
        for (name, arguments) in [("r.docx", ["report", "--year", "2025", "--format", "docx"]), ("r.odt", ["report", "--year", "2025", "--format", "odt"]),
                                  ("m.docx", ["meeting", "show", "1", "--format", "docx"])] {
            let output = s.directory + "/" + name
            let run = s.run(arguments + ["-o", output])
            #expect(run.status == 0, "\(name): \(run.stderr)")
            let listing = SargsProcess.execute("/usr/bin/python3", ["-c", """
                import zipfile, sys
                z = zipfile.ZipFile(sys.argv[1])
                names = z.namelist()
                body = b''.join(z.read(n) for n in names)
                print('media' if any('media' in n or 'Pictures' in n for n in names) else 'no media')
                print('secret' if b'private key bytes' in body else 'no secret')
                """, output], environment: [:])
            #expect(listing.stdout == "no media\nno secret\n", "\(name): \(listing.stdout) \(listing.stderr)")
        }
        // In Latvian: the English report names activities by the plan's English titles, which the hostile one is not.
        let markdown = s.run(["report", "--year", "2025", "--format", "markdown"], environment: ["SARGS_LANG": "lv"]).stdout
        #expect(!markdown.contains("![") && markdown.contains("\\!\\[logo\\]"), "\(markdown.prefix(600))")
    }
}

/// Issue 31: small inputs that expand: YAML aliases and long tables.
@Suite("Inputs that expand")
struct ExpandingInputTests {
    @Test("a plan file whose aliases expand a 1 MB text 20,000 times, and one of nested aliases, are refused at once (65) naming the limit")
    func aliasBombs() throws {
        let s = SargsProcess()
        let wide = s.directory + "/wide.yaml"
        var text = "version: 1\nbig: &t \"" + String(repeating: "x", count: 1 << 20) + "\"\nmany: ["
        text += Array(repeating: "*t", count: 20_000).joined(separator: ", ") + "]\n"
        try text.write(toFile: wide, atomically: true, encoding: .utf8)
        let deep = s.directory + "/deep.yaml"
        var laughs = "a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for n in 1...9 { laughs += "a\(n): &a\(n) [" + Array(repeating: "*a\(n - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try laughs.write(toFile: deep, atomically: true, encoding: .utf8)
        for file in [wide, deep] {
            for command in [["plan", "check", file], ["init", file]] {
                let run = s.run(command)
                #expect(run.status == 65 && run.stderr.contains("aliases") && run.stderr.contains("MB"), "\(command): \(run.status) \(run.stderr.prefix(300))")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: s.database))
    }

    @Test("a CSV over 8 MB is not drafted (65), the limit named")
    func largeTable() throws {
        let s = SargsProcess()
        let csv = s.directory + "/rows.csv"
        var text = "MĒRĶIS;PREVENCIJAS AKTIVITĀTES;ĪSTENOŠANAS PERIODS;ATBILDĪGĀ INSTITŪCIJA;FINANŠU AVOTS\n"
        let row = "1. Izglītošana;Lekcijas skolās par drošību;reizi gadā;SD;PB\n"
        text += String(repeating: row, count: (9 << 20) / row.utf8.count)
        try text.write(toFile: csv, atomically: true, encoding: .utf8)
        let run = s.run(["plan", "draft", csv, "--period", "2025..2027", "--municipality", "Z novads"])
        #expect(run.status == 65 && run.stderr.contains("8 MB"), "\(run.status) \(run.stderr)")
    }
}
