import Foundation
import Testing
import TestSupport
import SargsFiles
#if canImport(Glibc)
import Glibc
#endif

/// `SafeFile`, `ChildProcess` and `ZipDirectory` (issue 31): every way
/// sargs touches a file in a folder others may write, and every program it
/// hands a document to.
@Suite("Files others may have planted")
struct SafeFileTests {
    let folder = Fixtures.temporaryDirectory("sargs-safefile")

    func file(_ name: String, _ text: String = "victim's bytes\n", mode: mode_t = 0o600) -> String {
        let path = folder + "/" + name
        try? text.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, mode)
        return path
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    func contents(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test("put: a link at the name is refused without replacing, replaced itself with it; its target keeps its bytes and mode")
    func putOverLink() throws {
        let victim = file("victim")
        let target = folder + "/out.md"
        #expect(symlink(victim, target) == 0)
        #expect(throws: FileRefusal(target, .exists)) { try SafeFile.put(Array("new".utf8), at: target, mode: 0o640, replacing: false) }
        try SafeFile.put(Array("new".utf8), at: target, mode: 0o640, replacing: true)
        #expect(contents(victim) == "victim's bytes\n" && mode(victim) == 0o600)
        #expect(SafeFile.entry(target) == .regular(mode: 0o640, owner: geteuid(), group: getegid()))
        #expect(contents(target) == "new")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(names.sorted() == ["out.md", "victim"], "no temporary left: \(names)")
    }

    @Test("put: the mode is exact whatever the umask; a folder in the way is not a regular file")
    func putModes() throws {
        let old = umask(0o077)
        defer { umask(old) }
        try SafeFile.put(Array("x".utf8), at: folder + "/shared.md", mode: 0o660, replacing: false)
        #expect(mode(folder + "/shared.md") == 0o660)
        mkdir(folder + "/dir", 0o700)
        #expect(throws: FileRefusal.self) { try SafeFile.put(Array("x".utf8), at: folder + "/dir", mode: 0o600, replacing: true) }
    }

    @Test("setMode: a symbolic link, a hard link and a FIFO are refused and left as they were; a file of one's own gets the mode")
    func setMode() throws {
        let victim = file("victim")
        let link = folder + "/store-shm"
        #expect(symlink(victim, link) == 0)
        #expect(SafeFile.setMode(link, mode: 0o660)?.kind == .symbolicLink)
        #expect(mode(victim) == 0o600)
        let hard = folder + "/store-wal"
        #expect(Glibc.link(victim, hard) == 0)
        #expect(SafeFile.setMode(hard, mode: 0o660)?.kind == .manyLinks)
        #expect(mode(victim) == 0o600)
        let fifo = folder + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(SafeFile.setMode(fifo, mode: 0o660)?.kind == .notRegular)
        let own = file("own")
        #expect(SafeFile.setMode(own, mode: 0o640) == nil && mode(own) == 0o640)
        #expect(SafeFile.setMode(folder + "/missing", mode: 0o640) == nil)
    }

    @Test("open and read: a FIFO is refused at once (no waiting on a writer); a file over the limit names the limit")
    func reading() throws {
        let fifo = folder + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: FileRefusal(fifo, .notRegular)) { _ = try SafeFile.read(fifo, limit: 100) }
        #expect(throws: FileRefusal("/dev/zero", .notRegular)) { _ = try SafeFile.read("/dev/zero", limit: 100) }
        let big = file("big", String(repeating: "x", count: 2048))
        #expect(throws: FileRefusal(big, .tooLarge(limit: 1024))) { _ = try SafeFile.read(big, limit: 1024) }
        #expect(FileRefusal(big, .tooLarge(limit: 1 << 20)).phrase.en.contains("1 MB"))
        #expect(try SafeFile.read(big, limit: 4096).count == 2048)
        let link = folder + "/link"
        #expect(symlink(big, link) == 0)
        #expect(throws: FileRefusal(link, .symbolicLink)) { _ = try SafeFile.open(link) }
    }

    @Test("create: never opens what is there, a link included")
    func create() throws {
        let victim = file("victim")
        let name = folder + "/lock"
        #expect(symlink(victim, name) == 0)
        #expect(throws: FileRefusal(name, .exists)) { _ = try SafeFile.create(name, mode: 0o660) }
        let fresh = try SafeFile.create(folder + "/fresh", mode: 0o640)
        close(fresh)
        #expect(mode(folder + "/fresh") == 0o640 && mode(victim) == 0o600)
    }

    @Test("a full disk: put leaves no empty or half-written file and says the disk is full",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/mount"), "needs root to mount a small tmpfs"))
    func fullDisk() throws {
        let small = folder + "/small"
        mkdir(small, 0o700)
        guard SargsProcess.execute("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small], environment: [:]).status == 0 else {
            return  // a container that may not mount: nothing to learn here
        }
        defer { _ = SargsProcess.execute("/usr/bin/umount", [small], environment: [:]) }
        let target = small + "/report.md"
        do {
            try SafeFile.put([UInt8](repeating: 65, count: 1 << 20), at: target, mode: 0o600, replacing: true)
            Issue.record("a megabyte fit in 64 KB")
        } catch let refusal as FileRefusal {
            #expect(refusal.diskFull && refusal.path == target, "\(refusal)")
            #expect(refusal.phrase.en.contains("the disk is full") && refusal.phrase.lv.contains("diskā nav vietas"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: small).isEmpty)
    }

    @Test("a ZIP's directory: members and unpacked sizes read without unpacking; a bomb is seen; not a ZIP is said")
    func zipDirectory() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        let small = folder + "/small.zip", bomb = folder + "/bomb.zip"
        let script = """
            import zipfile, sys
            with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
                z.writestr('word/document.xml', '<w:document/>')
                z.writestr('[Content_Types].xml', 'x' * 1000)
            with zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED) as z:
                for i in range(3):
                    z.writestr('part%d.xml' % i, b'\\0' * (100 << 20))
            """
        let made = SargsProcess.execute("/usr/bin/python3", ["-c", script, small, bomb], environment: [:])
        #expect(made.status == 0, "\(made.stderr)")
        let directory = try ZipDirectory(Array(try Data(contentsOf: URL(fileURLWithPath: small))))
        #expect(directory.entries == 2 && directory.unpackedBytes == 13 + 1000, "\(directory)")
        let bombBytes = Array(try Data(contentsOf: URL(fileURLWithPath: bomb)))
        #expect(bombBytes.count < 2 << 20)
        #expect(try ZipDirectory(bombBytes).unpackedBytes == 3 * (100 << 20))
        #expect(throws: ZipDirectory.Problem.notZip) { _ = try ZipDirectory(Array("not a zip at all, just text".utf8)) }
        #expect(throws: ZipDirectory.Problem.self) { _ = try ZipDirectory(Array(bombBytes.prefix(bombBytes.count - 30)) + Array(bombBytes.suffix(22))) }
    }

    @Test("a child past its time limit: its whole process group is killed, no grandchild outlives it")
    func childTimeout() throws {
        let pids = folder + "/pids"
        let child = ChildProcess("/bin/sh", ["-c", "sleep 300 & echo $! > \(pids); sleep 300"],
                                 limits: .init(seconds: 1, memory: nil, output: 1 << 20))
        let result = try child.run(input: [])
        #expect(result.ending == .timedOut)
        let grandchild = Int32(contents(pids).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(grandchild > 0)
        // Killed by SIGKILL with its group: gone, or a zombie of init for a moment.
        var alive = true
        for _ in 0..<200 where alive {
            let state = (try? String(contentsOfFile: "/proc/\(grandchild)/stat", encoding: .utf8)) ?? ""
            alive = !state.isEmpty && !state.contains(") Z ")
            if alive { usleep(10_000) }
        }
        #expect(!alive, "the grandchild \(grandchild) still runs")
    }

    @Test("a child past its memory or output limit is stopped; its input is its standard input")
    func childLimits() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return }
        let hungry = ChildProcess("/usr/bin/python3", ["-c", "b = bytearray(1 << 30); print(len(b))"],
                                  limits: .init(seconds: 60, memory: 200 << 20, output: 1 << 20))
        let fed = try hungry.run(input: [])
        #expect(!fed.succeeded && fed.ending != .timedOut, "\(fed.ending)")
        let chatty = ChildProcess("/usr/bin/yes", [], limits: .init(seconds: 60, memory: nil, output: 1 << 20))
        #expect(try chatty.run(input: []).ending == .outputTooLarge)
        let echo = ChildProcess("/bin/cat", [], limits: .init(seconds: 60, memory: 512 << 20, output: 1 << 20))
        let result = try echo.run(input: Array("through the pipe".utf8))
        #expect(result.succeeded && result.output == Array("through the pipe".utf8))
    }
}

