import Foundation
import Testing
import TestSupport

/// What a group member can plant for another's documents (issue 26's
/// attack): a reference document in a share folder is read only when it is
/// a regular file of root's or the runner's own, reached through no link;
/// a lower hard memory limit than sargs asks for its children is kept.
@Suite("Documents: planted reference files and inherited limits")
struct DocumentTrustTests {
    static func secretDocx(_ path: String) -> Bool {
        let made = SargsProcess.execute("/usr/bin/pandoc", ["-o", path, "--print-default-data-file", "reference.docx"], environment: [:])
        let mark = "import sys, docx\nd = docx.Document(sys.argv[1])\nd.sections[0].header.paragraphs[0].text = 'SECRET-HEADER'\nd.save(sys.argv[1])"
        return made.status == 0 && SargsProcess.execute("/usr/bin/python3", ["-c", mark, path], environment: [:]).status == 0
    }

    @Test("a reference.docx planted as a link (or a FIFO) in the share's Themes is refused, named, and nothing of it reaches the document")
    func plantedLinkIsRefused() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        #expect(s.run(["meeting", "new", "--date", "2025-09-10"]).status == 0)
        let share = s.directory + "/share", secret = s.directory + "/private.docx"
        try FileManager.default.createDirectory(atPath: share + "/Themes", withIntermediateDirectories: true)
        try #require(Self.secretDocx(secret))
        try FileManager.default.createSymbolicLink(atPath: share + "/Themes/reference.docx", withDestinationPath: secret)
        let out = s.directory + "/m.docx"
        let r = s.run(["meeting", "show", "1", "--format", "docx", "-o", out], environment: ["SARGS_SHARE": share])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("the reference document was not used") && r.stderr.contains("reference.docx is a symbolic link"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        try FileManager.default.removeItem(atPath: share + "/Themes/reference.docx")
        #expect(mkfifo(share + "/Themes/reference.docx", 0o644) == 0)
        let fifo = s.run(["meeting", "show", "1", "--format", "docx", "-o", out], environment: ["SARGS_SHARE": share])
        #expect(fifo.status == 65 && fifo.stderr.contains("not a regular file"), "\(fifo.stderr)")
        // The runner's own regular file is the letterhead, as before.
        try FileManager.default.removeItem(atPath: share + "/Themes/reference.docx")
        try FileManager.default.copyItem(atPath: secret, toPath: share + "/Themes/reference.docx")
        #expect(s.run(["meeting", "show", "1", "--format", "docx", "-o", out], environment: ["SARGS_SHARE": share]).status == 0)
    }

    @Test("a reference.docx that belongs to another account is not read", .enabled(if: getuid() == 0, "only root can give a file to another account"))
    func anotherAccountsFileIsRefused() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        #expect(s.run(["meeting", "new", "--date", "2025-09-10"]).status == 0)
        let share = s.directory + "/share"
        try FileManager.default.createDirectory(atPath: share + "/Themes", withIntermediateDirectories: true)
        let reference = share + "/Themes/reference.docx"
        try #require(Self.secretDocx(reference))
        #expect(chown(reference, 65534, 65534) == 0)
        let r = s.run(["meeting", "show", "1", "--format", "docx", "-o", s.directory + "/m.docx"], environment: ["SARGS_SHARE": share])
        #expect(r.status == 65 && r.stderr.contains("belongs to another account"), "\(r.stderr)")
    }

    @Test("under an address-space limit below what pandoc needs, a PDF and meeting send stop at once (71) naming the limit: no file, nothing handed over")
    func aLowLimitStopsFirst() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        #expect(s.run(["meeting", "new", "--date", "2025-09-10"]).status == 0)
        #expect(s.run(["meeting", "hold", "1", "--attendees", "SD"]).status == 0)
        #expect(s.run(["institution", "set", "SD", "--email", "sd@example.lv"]).status == 0)
        let out = s.directory + "/m.pdf", binary = s.directory + "/sargs", outbox = s.directory + "/outbox"
        try SargsProcess.copyBinary(to: binary)
        var environment = s.environment
        environment["SARGS_SENDMAIL"] = "cat >> '\(outbox)'"
        environment["SARGS_MAIL_FROM"] = "sargs@example.lv"
        for command in [["meeting", "show", "1", "--format", "pdf", "-o", out], ["meeting", "send", "1"]] {
            let r = SargsProcess.execute("/bin/sh", ["-c", "ulimit -v 600000 && exec \"$0\" \"$@\"", binary] + command, environment: environment)
            #expect(r.status == 71 && r.stderr.contains("ulimit -v"), "\(command): \(r.status) \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out) && !FileManager.default.fileExists(atPath: outbox))
        #expect(!s.run(["log"]).stdout.contains("minutes"), "nothing journaled as handed over")
    }
}
