import Foundation
import Testing
import TestSupport

/// What a FakeSendmail's outbox holds, read by Python's own e-mail parser
/// (issue 26): the decoded headers, the longest header line, the parts and
/// the attachments.
struct Outbox {
    struct Message: Decodable {
        struct Attachment: Decodable { var name: String?; var type: String; var size: Int }
        var to: String
        var from: String
        var subject: String
        var date: String?
        var messageID: String?
        var mime: String?
        var type: String
        var longest: Int
        var defects: Int
        var text: String
        var attachments: [Attachment]
    }

    static let python = "/usr/bin/python3"

    static let script = """
    import os, sys, json, email
    from email import policy
    out = []
    for name in sorted(os.listdir(sys.argv[1]), key=lambda n: os.stat(os.path.join(sys.argv[1], n)).st_mtime_ns):
        raw = open(os.path.join(sys.argv[1], name), "rb").read()
        head = raw.split(b"\\r\\n\\r\\n")[0]
        m = email.message_from_bytes(raw, policy=policy.default)
        body = m.get_body(preferencelist=("plain",))
        out.append({"to": str(m["to"]), "from": str(m["from"]), "subject": str(m["subject"]), "date": m["date"] and str(m["date"]),
                    "messageID": m["message-id"] and str(m["message-id"]), "mime": m["mime-version"] and str(m["mime-version"]),
                    "type": m.get_content_type(), "longest": max(len(l) for l in head.split(b"\\r\\n")),
                    "defects": len(m.defects), "text": body.get_content() if body else "",
                    "attachments": [{"name": p.get_filename(), "type": p.get_content_type(), "size": len(p.get_content())} for p in m.iter_attachments()]})
    print(json.dumps(out))
    """

    /// Every message handed to `sendmail` so far, in the order handed over.
    static func read(_ sendmail: FakeSendmail) throws -> [Message] {
        let script = sendmail.outbox + "/../read-outbox.py"
        try Self.script.write(toFile: script, atomically: true, encoding: .utf8)
        let r = SargsProcess.execute(python, [script, sendmail.outbox], environment: [:])
        guard r.status == 0 else { throw ReadFailure(text: r.stderr) }
        return try JSONDecoder().decode([Message].self, from: Data(r.stdout.utf8))
    }

    struct ReadFailure: Error { var text: String }

    /// What every message must be: no header line over 78 octets, Date,
    /// Message-ID, MIME-Version, no defect, the municipality in From.
    static func expectWellFormed(_ messages: [Message], sourceLocation: SourceLocation = #_sourceLocation) {
        for m in messages {
            #expect(m.longest <= 78, "\(m.subject): a header line of \(m.longest) octets", sourceLocation: sourceLocation)
            #expect(m.date != nil && m.messageID?.hasPrefix("<sargs.") == true && m.mime == "1.0", "\(m)", sourceLocation: sourceLocation)
            #expect(m.defects == 0, sourceLocation: sourceLocation)
            #expect(m.from == "Madonas novads <sargs@madona.lv>", "\(m.from)", sourceLocation: sourceLocation)
        }
        #expect(Set(messages.compactMap(\.messageID)).count == messages.count, "every message has its own Message-ID", sourceLocation: sourceLocation)
    }
}

/// Issue 26: the minutes mailed after a meeting, once; word of a cancelled
/// meeting to those who got its agenda; headers a mail server takes.
@Suite("Meeting mail: minutes, cancellations, headers", .serialized,
       .enabled(if: FileManager.default.isExecutableFile(atPath: Outbox.python), "needs python3 (make installs it)"))
struct MeetingMailTests {
    /// Madona on 2025-09-20 with mailboxes for SD and BT, meeting 1 on
    /// 2025-09-15 (planned) and meeting 2 on 2025-10-15.
    static func plan() -> (SargsProcess, FakeSendmail) {
        let s = SargsProcess.madona(today: "2025-09-20")
        for arguments in [["institution", "set", "SD", "--email", "socialais.dienests@example.lv"],
                          ["institution", "set", "BT", "--email", "barintiesa@example.lv"],
                          ["meeting", "new", "--date", "2025-09-15"],
                          ["meeting", "new", "--date", "2025-10-15"]] {
            let r = s.run(arguments)
            precondition(r.status == 0, "\(arguments): \(r.stderr)")
        }
        let sendmail = try! FakeSendmail(in: s.directory)
        return (s, sendmail)
    }

    /// pandoc and weasyprint, which make the PDF (make installs them).
    static var pdfTools: Bool {
        ["/usr/bin/pandoc", "/usr/bin/weasyprint"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func mail(_ sendmail: FakeSendmail, _ extra: [String: String] = [:]) -> [String: String] {
        sendmail.environment.merging(["SARGS_MAIL_FROM": "sargs@madona.lv"]) { $1 }.merging(extra) { $1 }
    }

    func journaled(_ s: SargsProcess, kind: String) -> [String] {
        let log = s.run(["log", "--format", "json"])
        guard let entries = try? JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]] else { return [] }
        return entries.filter { entry in
            guard entry["action"] as? String == "remind", let after = entry["after"] as? String,
                  let json = try? JSONSerialization.jsonObject(with: Data(after.utf8)) as? [String: Any] else { return false }
            // The kind carries its meeting's number ("minutes 1").
            return (json["kind"] as? String)?.split(separator: " ").first.map(String.init) == kind
        }.compactMap { $0["subject"] as? String }.sorted()
    }

    @Test("meeting send: refused (65) before the meeting is held; after it, the minutes with the document attached to every mailbox, present or absent, once; --again hands them over again")
    func minutes() throws {
        let (s, sendmail) = Self.plan()
        let mail = Self.mail(sendmail)
        let early = s.run(["meeting", "send", "1"], environment: mail)
        #expect(early.status == 65 && early.stderr.contains("meeting 1 (2025-09-15) has not been held") && early.stderr.contains("sargs meeting hold 1"), "\(early.stderr)")
        let earlyLv = s.run(["meeting", "send", "1", "--lang", "lv"], environment: mail)
        #expect(earlyLv.status == 65 && earlyLv.stderr.contains("sēde Nr. 1 (2025-09-15) vēl nav notikusi"), "\(earlyLv.stderr)")
        #expect(s.run(["meeting", "send", "9"], environment: mail).status == 65)
        #expect(sendmail.messages().isEmpty)

        #expect(s.run(["meeting", "hold", "1", "--attendees", "SD,IN", "--place", "Domes zāle"]).status == 0)
        let dry = s.run(["meeting", "send", "1", "--dry-run"], environment: mail)
        #expect(dry.status == 0 && dry.stdout.contains("To: barintiesa@example.lv") && dry.stdout.contains("Subject: sargs: minutes of meeting 1 (2025-09-15)"), "\(dry.stdout.prefix(400)) \(dry.stderr)")
        #expect(sendmail.messages().isEmpty && journaled(s, kind: "minutes").isEmpty, "a dry run sends and journals nothing")

        let sent = s.run(["meeting", "send", "1", "--lang", "lv"], environment: mail)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("SD (socialais.dienests@example.lv): nodota pasta sistēmai"), "\(sent.stdout)")
        #expect(sent.stdout.contains("BT (barintiesa@example.lv): nodota pasta sistēmai"), "BT was absent and gets them too: \(sent.stdout)")
        #expect(sent.stdout.contains("Pasta sistēmai nodotas 2 vēstules: SD, BT"), "\(sent.stdout)")
        let messages = try Outbox.read(sendmail)
        #expect(messages.map(\.to).sorted() == ["barintiesa@example.lv", "socialais.dienests@example.lv"])
        Outbox.expectWellFormed(messages)
        for m in messages {
            #expect(m.subject == "sargs: sēdes Nr. 1 (2025-09-15) protokols")
            #expect(m.text.contains("Kārtējā sēde Nr. 1") && m.text.contains("Domes zāle"), "\(m.text.prefix(300))")
            if Self.pdfTools {
                #expect(m.type == "multipart/mixed")
                #expect(m.attachments.count == 1 && m.attachments[0].size > 1000, "\(m.attachments)")
                #expect(m.attachments.first?.name == "sargs-protokols-1-2025-09-15.pdf")
                #expect(m.attachments.first?.type == "application/pdf")
            }
        }
        #expect(journaled(s, kind: "minutes") == ["BT", "SD"])
        // The attachment is the document meeting show makes: a PDF on A4.
        if Self.pdfTools, FileManager.default.isExecutableFile(atPath: "/usr/bin/pdfinfo") {
            let pdf = s.directory + "/attached.pdf"
            let save = "import sys, email; from email import policy; m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default); open(sys.argv[2], 'wb').write(next(m.iter_attachments()).get_content())"
            let first = try #require(try FileManager.default.contentsOfDirectory(atPath: sendmail.outbox).first)
            #expect(SargsProcess.execute(Outbox.python, ["-c", save, sendmail.outbox + "/" + first, pdf], environment: [:]).status == 0)
            let info = SargsProcess.execute("/usr/bin/pdfinfo", [pdf], environment: [:])
            #expect(info.status == 0 && info.stdout.contains("(A4)"), "\(info.stdout)")
        }

        let second = s.run(["meeting", "send", "1"], environment: mail)
        #expect(second.status == 0 && second.stdout.contains("already handed to the mail system today: SD, BT (to hand it over again: sargs meeting send 1 --again)"), "\(second.stdout)")
        let later = s.run(["meeting", "send", "1"], environment: mail.merging(["SARGS_TODAY": "2025-09-22"]) { $1 })
        #expect(later.status == 0 && later.stdout.contains("handed to the mail system before: SD, BT"), "\(later.stdout)")
        #expect(sendmail.messages().count == 2, "once per meeting and institution")
        let again = s.run(["meeting", "send", "1", "--again"], environment: mail.merging(["SARGS_TODAY": "2025-09-22"]) { $1 })
        #expect(again.status == 0 && again.stdout.contains("2 messages handed to the mail system: SD, BT"), "\(again.stdout)")
        #expect(sendmail.messages().count == 4)

        // A cancelled meeting has no minutes to send.
        #expect(s.run(["meeting", "cancel", "2"]).status == 0)
        let cancelled = s.run(["meeting", "send", "2"], environment: mail)
        #expect(cancelled.status == 65 && cancelled.stderr.contains("is cancelled"), "\(cancelled.stderr)")
    }

    @Test("meeting send without pandoc and weasyprint: the text goes alone, and it says the document was left out and which package makes it")
    func withoutPandoc() throws {
        let (s, sendmail) = Self.plan()
        #expect(s.run(["meeting", "hold", "1", "--attendees", "SD"]).status == 0)
        // A PATH with what the fake sendmail needs and neither pandoc nor weasyprint.
        let bin = s.directory + "/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        for tool in ["cat", "date"] { symlink("/bin/\(tool)", bin + "/" + tool) }
        let r = s.run(["meeting", "send", "1"], environment: Self.mail(sendmail, ["PATH": bin]))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("The minutes' document is not attached") && r.stderr.contains("sudo apt-get install ") && r.stderr.contains("the text goes alone"), "\(r.stderr)")
        let messages = try Outbox.read(sendmail)
        #expect(messages.count == 2)
        Outbox.expectWellFormed(messages)
        #expect(messages.allSatisfy { $0.type == "multipart/alternative" && $0.attachments.isEmpty })
    }

    @Test("meeting cancel: says how many institutions got the agenda and that --notify tells them; --notify tells each once; nobody else")
    func cancelNotify() throws {
        let (s, sendmail) = Self.plan()
        let mail = Self.mail(sendmail)
        #expect(s.run(["meeting", "hold", "1", "--attendees", "SD"]).status == 0)
        #expect(s.run(["meeting", "edit", "2", "--time", "10:00", "--place", "Domes *zāle*"]).status == 0)
        let agenda = s.run(["agenda", "--mail"], environment: mail)
        #expect(agenda.status == 0 && sendmail.messages().count == 2, "\(agenda.stdout) \(agenda.stderr)")
        // A mailbox given after the agenda went: that institution never got it.
        #expect(s.run(["institution", "set", "VP", "--email", "policija@example.lv"]).status == 0)

        let cancel = s.run(["meeting", "cancel", "2", "--lang", "lv"], environment: mail)
        #expect(cancel.status == 0, "\(cancel.stderr)")
        #expect(cancel.stdout.contains("Sēde Nr. 2 atcelta"))
        #expect(cancel.stdout.contains("Darba kārtība bija nodota pasta sistēmai 2 iestādēm (SD, BT); lai tām paziņotu, ka sēde atcelta: sargs meeting cancel 2 --notify"), "\(cancel.stdout)")
        #expect(sendmail.messages().count == 2, "without --notify nothing is sent")

        let notify = s.run(["meeting", "cancel", "2", "--notify"], environment: mail)
        #expect(notify.status == 0, "\(notify.stderr)")
        #expect(notify.stdout.contains("SD (socialais.dienests@example.lv): handed to the mail system") && notify.stdout.contains("BT (barintiesa@example.lv): handed to the mail system"), "\(notify.stdout)")
        let messages = try Outbox.read(sendmail)
        #expect(messages.count == 4)
        Outbox.expectWellFormed(messages)
        let notices = messages.suffix(2)
        #expect(notices.map(\.to).sorted() == ["barintiesa@example.lv", "socialais.dienests@example.lv"], "VP never got the agenda")
        #expect(notices.allSatisfy { $0.subject == "sargs: meeting 2 (2025-10-15) cancelled" && $0.text.contains("planned for 2025-10-15 at 10:00, Domes *zāle*, is cancelled") })
        let twice = s.run(["meeting", "cancel", "2", "--notify"], environment: mail)
        #expect(twice.status == 0 && twice.stdout.contains("already handed to the mail system today: SD, BT"), "\(twice.stdout)")
        #expect(sendmail.messages().count == 4, "told once")
        // Cancelling again without --notify is still refused, as before.
        #expect(s.run(["meeting", "cancel", "2"]).status != 0)

        // One institution: the singular, in Latvian; a meeting whose agenda went nowhere.
        #expect(s.run(["institution", "set", "BT", "--email", ""]).status == 0)
        #expect(s.run(["institution", "set", "VP", "--email", ""]).status == 0)
        #expect(s.run(["meeting", "new", "--date", "2025-11-20"]).status == 0)
        #expect(s.run(["agenda", "--mail"], environment: mail).status == 0)
        let one = s.run(["meeting", "cancel", "3", "--lang", "lv"], environment: mail)
        #expect(one.stdout.contains("Darba kārtība bija nodota pasta sistēmai 1 iestādei (SD); lai tai paziņotu, ka sēde atcelta"), "\(one.stdout)")
        #expect(s.run(["meeting", "new", "--date", "2025-12-20"]).status == 0)
        let nobody = s.run(["meeting", "cancel", "4", "--notify"], environment: mail)
        #expect(nobody.status == 0 && nobody.stdout.contains("Meeting 4 cancelled") && nobody.stdout.contains("mailed to no institution"), "\(nobody.stdout)")
    }

    @Test("a reminder, a reminder before a meeting, an agenda (a long Latvian subject) and a test message: every header line at most 78 octets, Date, Message-ID, the municipality in From")
    func headers() throws {
        let (s, sendmail) = Self.plan()
        let mail = Self.mail(sendmail, ["SARGS_LANG": "lv"])
        #expect(s.run(["decision", "add", "--meeting", "1", "--owner", "SD", "--due", "2025-09-25", "Sagatavot materiālu skolām par drošu uzvedību internetā un ārpus tā"]).status == 0)
        #expect(s.run(["meeting", "hold", "1", "--attendees", "SD"]).status == 0)
        for arguments in [["remind"], ["remind", "--before-meeting", "30"], ["agenda", "--mail"], ["remind", "--test", "admin@example.lv"]] {
            let r = s.run(arguments, environment: mail)
            #expect(r.status == 0, "\(arguments): \(r.stderr)")
        }
        let messages = try Outbox.read(sendmail)
        #expect(messages.count >= 6, "\(messages.map(\.subject))")
        Outbox.expectWellFormed(messages)
        #expect(messages.contains { $0.subject.hasPrefix("sargs: ") && $0.subject.contains("nokavētas") }, "\(messages.map(\.subject))")
        #expect(messages.contains { $0.subject == "sargs: pārbaudes vēstule" })
        // The subjects decode to what sargs says they are (the dry run prints them as text).
        let dry = s.run(["agenda", "--mail", "--dry-run"], environment: mail)
        let agendaSubject = dry.stdout.split(separator: "\n").first { $0.hasPrefix("Subject: ") }.map { String($0.dropFirst(9)) }
        if let agendaSubject { #expect(messages.contains { $0.subject == agendaSubject }, "\(agendaSubject)") }
    }
}
