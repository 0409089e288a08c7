import Foundation
import Testing
import TestSupport

/// A real SMTP server on loopback (Debian's python3-aiosmtpd) that keeps
/// every message it accepts, and refuses the recipients it is told to.
final class MailServer: @unchecked Sendable {
    static let python = "/usr/bin/python3"
    static let msmtp = "/usr/bin/msmtp"

    /// msmtp and aiosmtpd are both there (`make` installs them).
    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: msmtp)
            && SargsProcess.execute(python, ["-c", "import aiosmtpd"], environment: [:]).status == 0
    }

    static let serverScript = """
    import os, sys, json, socket
    from aiosmtpd.controller import Controller
    out = sys.argv[1]
    reject = set(sys.argv[2:])
    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address in reject:
                return "550 5.1.1 mailbox unavailable"
            envelope.rcpt_tos.append(address)
            return "250 OK"
        async def handle_DATA(self, server, session, envelope):
            n = len([f for f in os.listdir(out) if f.endswith(".eml")])
            with open(os.path.join(out, "%04d.eml" % n), "wb") as f:
                f.write(envelope.original_content or envelope.content)
            with open(os.path.join(out, "%04d.json" % n), "w") as f:
                json.dump({"from": envelope.mail_from, "rcpt": envelope.rcpt_tos}, f)
            return "250 Message accepted"
    probe = socket.socket(); probe.bind(("127.0.0.1", 0)); port = probe.getsockname()[1]; probe.close()
    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    print(port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()
    """

    /// Reads every kept message with Python's own e-mail parser: the
    /// envelope, the decoded headers, each part's type, charset, transfer
    /// encoding and decoded text.
    static let readerScript = """
    import os, sys, json, email
    from email import policy
    out = sys.argv[1]
    result = []
    for name in sorted(f for f in os.listdir(out) if f.endswith(".eml")):
        raw = open(os.path.join(out, name), "rb").read()
        envelope = json.load(open(os.path.join(out, name[:-4] + ".json")))
        message = email.message_from_bytes(raw, policy=policy.default)
        parts = []
        for part in message.iter_parts():
            parts.append({"type": part.get_content_type(), "charset": part.get_content_charset(),
                          "encoding": part["Content-Transfer-Encoding"], "text": part.get_content()})
        result.append({"rcpt": envelope["rcpt"], "to": str(message["to"]), "from": str(message["from"]),
                       "subject": str(message["subject"]), "type": message.get_content_type(),
                       "auto": str(message["auto-submitted"]), "defects": len(message.defects), "parts": parts})
    print(json.dumps(result))
    """

    struct Message: Decodable {
        struct Part: Decodable {
            var type: String
            var charset: String?
            var encoding: String?
            var text: String
        }
        var rcpt: [String]
        var to: String
        var from: String
        var subject: String
        var type: String
        var auto: String
        var defects: Int
        var parts: [Part]
        var text: String { parts.first { $0.type == "text/plain" }?.text ?? "" }
    }

    let directory: String
    let inbox: String
    let process = Process()
    let input = Pipe()
    var port = 0

    init(rejecting: [String] = []) throws {
        directory = Fixtures.temporaryDirectory("sargs-smtp")
        inbox = directory + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try Self.serverScript.write(toFile: directory + "/smtp.py", atomically: true, encoding: .utf8)
        try Self.readerScript.write(toFile: directory + "/read.py", atomically: true, encoding: .utf8)
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = [directory + "/smtp.py", inbox] + rejecting
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try output.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line.append(byte)
        }
        port = Int(String(decoding: line, as: UTF8.self)) ?? 0
        // msmtp refuses a configuration others may read.
        let rc = directory + "/msmtprc"
        try "account default\nhost 127.0.0.1\nport \(port)\nauth off\ntls off\nfrom sargs@example.lv\n"
            .write(toFile: rc, atomically: true, encoding: .utf8)
        chmod(rc, 0o600)
    }

    deinit { stop() }

    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.waitUntilExit() }
    }

    /// What sargs needs to send through this server with msmtp as sendmail.
    var environment: [String: String] {
        ["SARGS_SENDMAIL": "\(Self.msmtp) -C \(directory)/msmtprc -t", "SARGS_MAIL_FROM": "sargs@example.lv", "SARGS_LANG": "lv"]
    }

    func messages() throws -> [Message] {
        let r = SargsProcess.execute(Self.python, [directory + "/read.py", inbox], environment: [:])
        guard r.status == 0 else { throw ReadFailure(text: r.stderr) }
        return try JSONDecoder().decode([Message].self, from: Data(r.stdout.utf8))
    }

    struct ReadFailure: Error { var text: String }
}

/// Reminders by mail delivered through a real mail path (issue 15): sargs →
/// msmtp (as sendmail) → an SMTP server on loopback, read back with Python's
/// e-mail parser.
@Suite("Reminders by mail, end to end", .serialized, .enabled(if: MailServer.available, "needs msmtp and python3-aiosmtpd (make installs them)"))
struct ReminderMailTests {
    /// Madona on 2025-09-10 with mailboxes for SD, BT and VP, a meeting
    /// planned on 2025-09-15 and a decision each for SD and BT.
    static func plan() -> SargsProcess {
        let s = SargsProcess.madona(today: "2025-09-10")
        for arguments in [["institution", "set", "SD", "--email", "socialais.dienests@example.lv"],
                          ["institution", "set", "BT", "--email", "barinttiesa@example.lv"],
                          ["institution", "set", "VP", "--email", "policija@example.lv"],
                          ["meeting", "new", "--date", "2025-06-10"],
                          ["meeting", "new", "--date", "2025-09-15"],
                          ["decision", "add", "--meeting", "1", "--owner", "SD", "--due", "2025-09-20", "Sagatavot materiālu skolām"],
                          ["decision", "add", "--meeting", "1", "--owner", "BT", "--due", "2025-10-30", "Bāriņtiesas ziņojums grupai"]] {
            let r = s.run(arguments)
            precondition(r.status == 0, "\(arguments): \(r.stderr)")
        }
        return s
    }

    func reminders(_ s: SargsProcess) -> [String] {
        let log = s.run(["log", "--format", "json"])
        guard let entries = try? JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]] else { return [] }
        return entries.filter { $0["action"] as? String == "remind" }.compactMap { $0["subject"] as? String }.sorted()
    }

    @Test("each institution gets its own digest: recipient, Latvian subject and body in UTF-8 base64, its items and no one else's; a second run sends nothing")
    func digestsDelivered() throws {
        let s = Self.plan()
        let server = try MailServer()
        defer { server.stop() }
        let sent = s.run(["remind"], environment: server.environment)
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("Pasta sistēmai nodotas 3 vēstules: SD, BT, VP"), "\(sent.stdout)")
        #expect(sent.stdout.contains("bez e-pasta: SG, IN, PP, AN, JC"), "\(sent.stdout)")
        let messages = try server.messages()
        #expect(messages.map(\.rcpt) == [["socialais.dienests@example.lv"], ["barinttiesa@example.lv"], ["policija@example.lv"]])
        for message in messages {
            #expect(message.defects == 0)
            #expect(message.to == message.rcpt.first)
            #expect(message.from == "Madonas novads <sargs@example.lv>", "the municipality beside the sender (issue 26)")
            #expect(message.type == "multipart/alternative")
            #expect(message.auto == "auto-generated")
            #expect(message.subject.hasPrefix("sargs: "), "\(message.subject)")
            #expect(message.subject.contains("nokavētas aktivitātes"), "\(message.subject)")
            #expect(message.parts.map(\.type) == ["text/plain", "text/markdown"])
            #expect(message.parts.allSatisfy { $0.charset == "utf-8" && $0.encoding == "base64" })
            #expect(message.parts[1].text.contains("## Nokavētās aktivitātes"))
        }
        let sd = messages[0].text, bt = messages[1].text, vp = messages[2].text
        #expect(sd.hasPrefix("SD — Sociālais dienests: atgādinājums 2025-09-10"))
        #expect(sd.contains("Sagatavot materiālu skolām") && !sd.contains("Bāriņtiesas ziņojums"))
        #expect(bt.contains("Bāriņtiesas ziņojums grupai") && !bt.contains("Sagatavot materiālu"))
        #expect(sd.contains("2.7 ") && !sd.contains("5.2 "), "the social service's items, not the police's raids")
        #expect(vp.contains("5.2 ") && !vp.contains("2.7 "))
        #expect(messages[0].subject.contains("1 lēmums līdz 20.09."), "\(messages[0].subject)")
        #expect(sd.contains("Nākamā sēde: Nr. 2, 2025-09-15"))
        #expect(reminders(s) == ["BT", "SD", "VP"])

        let again = s.run(["remind"], environment: server.environment)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("šodien jau nodots pasta sistēmai: SD, BT, VP"), "\(again.stdout)")
        #expect(try server.messages().count == 3, "a cron job that runs twice sends once")
        #expect(reminders(s) == ["BT", "SD", "VP"])
    }

    @Test("remind --attach-page: each digest carries the page for everyone as an HTML attachment a mail reader opens; the text is the digest as before, and --dry-run names the attachment")
    func attachedPage() throws {
        let s = Self.plan()
        let dry = s.run(["remind", "--dry-run", "--attach-page", "--owner", "SD"], environment: ["SARGS_LANG": "en"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Attachment: sargs-2025-09-10.html (text/html, "), "\(dry.stdout)")
        let server = try MailServer()
        defer { server.stop() }
        let sent = s.run(["remind", "--attach-page"], environment: server.environment)
        #expect(sent.status == 0, "\(sent.stderr)")
        // Python's own parser: the attachment's name, type and decoded page.
        let reader = server.directory + "/attachments.py"
        try """
        import os, sys, json, email
        from email import policy
        out = sys.argv[1]
        result = []
        for name in sorted(f for f in os.listdir(out) if f.endswith(".eml")):
            message = email.message_from_bytes(open(os.path.join(out, name), "rb").read(), policy=policy.default)
            files = [{"name": a.get_filename(), "type": a.get_content_type(), "text": a.get_content()} for a in message.iter_attachments()]
            body = message.get_body(preferencelist=("plain",)).get_content()
            result.append({"type": message.get_content_type(), "defects": len(message.defects), "files": files, "body": body})
        print(json.dumps(result))
        """.write(toFile: reader, atomically: true, encoding: .utf8)
        let read = SargsProcess.execute(MailServer.python, [reader, server.inbox], environment: [:])
        #expect(read.status == 0, "\(read.stderr)")
        let messages = try #require(JSONSerialization.jsonObject(with: Data(read.stdout.utf8)) as? [[String: Any]])
        #expect(messages.count == 3)
        for message in messages {
            #expect(message["type"] as? String == "multipart/mixed")
            #expect(message["defects"] as? Int == 0)
            let files = message["files"] as? [[String: Any]] ?? []
            #expect(files.map { $0["name"] as? String } == ["sargs-2025-09-10.html"])
            #expect(files.first?["type"] as? String == "text/html")
            let page = files.first?["text"] as? String ?? ""
            #expect(page.hasPrefix("<!DOCTYPE html>"), "\(page.prefix(80))")
            #expect(page.contains("Sagatavot materiālu skolām") && page.contains("Bāriņtiesas ziņojums grupai"),
                    "the whole group's page: every open decision")
            #expect(!page.contains("<script"))
            #expect((message["body"] as? String ?? "").contains(": atgādinājums 2025-09-10"))
        }
        #expect(reminders(s) == ["BT", "SD", "VP"])
        let again = s.run(["remind", "--attach-page"], environment: server.environment)
        #expect(again.stdout.contains("šodien jau nodots pasta sistēmai: SD, BT, VP"), "the page does not make a letter sent today new: \(again.stdout)")
        let test = s.run(["remind", "--attach-page", "--test", "a@example.lv"])
        #expect(test.status == 64 && test.stderr.contains("--attach-page"), "\(test.stderr)")
    }

    @Test("a mail system that delivers in the background is done when its sendmail exits: sargs neither waits for the delivery nor calls it a failure; an enormous SARGS_SENDMAIL_TIMEOUT is a day")
    func backgroundDelivery() throws {
        let s = Self.plan()
        let outbox = s.directory + "/bg-outbox"
        try FileManager.default.createDirectory(atPath: outbox, withIntermediateDirectories: true)
        // As exim's background delivery: the message taken, then a process left running apart, holding nothing of sargs'.
        let script = s.directory + "/bgsm.sh"
        try "#!/bin/sh\ncat > \"\(outbox)/$$.eml\"\nexec 0</dev/null 1>/dev/null 2>/dev/null\nsetsid sleep 30 &\nexit 0\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        let started = Date()
        let sent = s.run(["remind", "--owner", "SD"], environment: ["SARGS_SENDMAIL": script, "SARGS_SENDMAIL_TIMEOUT": "10"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(Date().timeIntervalSince(started) < 10, "sargs waited for the background delivery")
        #expect(reminders(s) == ["SD"], "the letter handed over is journaled, so it is not sent again")
        let huge = s.run(["remind", "--owner", "BT"], environment: ["SARGS_SENDMAIL": script, "SARGS_SENDMAIL_TIMEOUT": "inf"])
        #expect(huge.status == 0, "\(huge.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).count == 2)
    }

    @Test("a recipient the server refuses: the others are sent and journaled, that one is not, exit 69 with sendmail's words")
    func failingServer() throws {
        let s = Self.plan()
        let server = try MailServer(rejecting: ["barinttiesa@example.lv"])
        defer { server.stop() }
        let dry = s.run(["remind", "--dry-run"], environment: server.environment)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("To: barinttiesa@example.lv"))
        #expect(try server.messages().isEmpty && reminders(s).isEmpty, "a dry run sends and journals nothing")

        let r = s.run(["remind"], environment: server.environment)
        #expect(r.status == 69, "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.hasPrefix("sargs: error: sendmail"))
        #expect(r.stderr.contains("BT (barinttiesa@example.lv): beidzās ar kodu") && r.stderr.contains("550"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try server.messages().map(\.to) == ["socialais.dienests@example.lv", "policija@example.lv"])
        #expect(reminders(s) == ["SD", "VP"])

        let missing = s.run(["remind", "--owner", "BT"], environment: ["SARGS_SENDMAIL": "/nonexistent/sendmail -t -oi"])
        #expect(missing.status == 69)
        #expect(missing.stderr.contains("exit 127") && missing.stderr.contains("msmtp-mta or postfix"), "\(missing.stderr)")
    }

    @Test("before a meeting: every institution with a mailbox is reminded of it once; agenda --mail sends the agenda once")
    func meetingAndAgenda() throws {
        let s = Self.plan()
        let server = try MailServer()
        defer { server.stop() }
        let early = s.run(["remind", "--before-meeting", "3"], environment: server.environment)
        #expect(early.status == 0 && early.stdout.contains("Tuvāko 3 dienu laikā nav plānotas sēdes"), "\(early.stdout)")
        let near = s.run(["remind", "--before-meeting", "7"], environment: server.environment)
        #expect(near.status == 0, "\(near.stderr)")
        let reminded = try server.messages()
        #expect(reminded.count == 3)
        #expect(reminded.allSatisfy { $0.subject.hasPrefix("sargs: sēde 15.09.") }, "\(reminded.map(\.subject))")
        #expect(s.run(["remind", "--before-meeting", "7"], environment: server.environment).stdout.contains("jau nodots pasta sistēmai"))
        #expect(try server.messages().count == 3, "once per meeting")

        let agenda = s.run(["agenda", "--mail"], environment: server.environment)
        #expect(agenda.status == 0, "\(agenda.stderr)")
        let all = try server.messages()
        #expect(all.count == 6)
        #expect(all.suffix(3).allSatisfy { $0.subject == "sargs: kārtējās sēdes Nr. 2 darba kārtība — 2025-09-15" },
                "\(all.suffix(3).map(\.subject))")
        #expect(all.last?.text.contains("Sēdes Nr. 2 darba kārtība 2025-09-15") == true)
        #expect(s.run(["agenda", "--mail"], environment: server.environment).stdout.contains("jau nodots pasta sistēmai"))
        #expect(try server.messages().count == 6, "the agenda goes once")
    }

    @Test("digest on the command line: one institution or each, text, Markdown and JSON; a reader that writes nothing")
    func digestCommand() throws {
        let s = Self.plan()
        let before = try Data(contentsOf: URL(fileURLWithPath: s.database))
        let one = s.run(["digest", "--owner", "BT", "--lang", "lv"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout.hasPrefix("BT — Bāriņtiesa: atgādinājums 2025-09-10"))
        let all = s.run(["digest"])
        #expect(all.stdout.contains("SD — Social service") && all.stdout.contains("VP — "))
        let json = s.run(["digest", "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect((parsed?.count ?? 0) >= 3)
        #expect(s.run(["digest", "--owner", "XX"]).status == 64)
        #expect(s.run(["digest", "--days", "-1"]).status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.database)) == before)
    }

    @Test("the review's faults: a read-only store sends nothing; the guard holds for addresses and outgoing text; a hung sendmail is stopped; two runs at once send once; the dry run reads as text")
    func reviewFaults() throws {
        let s = Self.plan()
        let outbox = s.directory + "/outbox"
        // A sendmail that keeps what it is given, one file per message, slowly.
        let fake = s.directory + "/fakesm.sh"
        try "#!/bin/sh\nsleep 1\ncat > \"\(outbox)/$(date +%s%N).eml\"\n".write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        try FileManager.default.createDirectory(atPath: outbox, withIntermediateDirectories: true)
        let mail = ["SARGS_SENDMAIL": fake, "SARGS_LANG": "en"]
        func delivered() -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).count }

        // An address shaped like a personal code is refused, as the plan file refuses it.
        #expect(s.run(["institution", "set", "IN", "--email", "010203-12345@example.lv"]).status == 65)

        // The dry run is a preview a person can read: the subject decoded, the plain text.
        let dry = s.run(["remind", "--owner", "SD", "--dry-run"], environment: mail)
        #expect(dry.stdout.contains("Subject: sargs: ") && dry.stdout.contains("SD — Social service: reminder"), "\(dry.stdout.prefix(300))")
        #expect(!dry.stdout.contains("base64"))

        // Two runs at once: the second waits for the first and finds it in the journal.
        let first = Process()
        first.executableURL = URL(fileURLWithPath: SargsProcess.binary)
        first.arguments = ["remind", "--owner", "SD"]
        first.environment = s.environment.merging(mail) { $1 }
        first.standardOutput = FileHandle.nullDevice
        try first.run()
        // The second starts once the first is under way (it has sent, or it is done).
        while first.isRunning && delivered() == 0 { usleep(10_000) }
        let second = s.run(["remind", "--owner", "SD"], environment: mail)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0 && second.status == 0, "\(second.stderr)")
        #expect(delivered() == 1, "two runs at once sent \(delivered())")

        // A decision changed behind sargs' back to hold a personal code: that mail is not sent.
        let sql = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute(\"UPDATE decision SET text = 'Bērns 010203-12345' WHERE owner = 'BT'\"); c.commit()"
        #expect(SargsProcess.execute("/usr/bin/python3", ["-c", sql, s.database], environment: [:]).status == 0)
        let guarded = s.run(["remind", "--owner", "BT"], environment: mail)
        #expect(guarded.status == 65, "\(guarded.stdout) \(guarded.stderr)")
        #expect(guarded.stderr.contains("personal code"))
        #expect(delivered() == 1)

        // A sendmail that never answers is stopped, and nothing is journaled for it.
        let fresh = Self.plan()
        let hung = fresh.run(["remind"], environment: ["SARGS_SENDMAIL": "sleep 60", "SARGS_SENDMAIL_TIMEOUT": "1"])
        #expect(hung.status == 69 && hung.stderr.contains("no answer in 1 s"), "\(hung.stderr)")
        #expect(hung.stderr.contains("not tried, sendmail did not answer"), "after one timeout the rest are not tried: \(hung.stderr)")
        #expect(reminders(fresh).isEmpty)

        // A sender that is not a plain address is refused, not dropped.
        #expect(s.run(["remind", "--owner", "VP", "--dry-run"], environment: ["SARGS_MAIL_FROM": "Madona <sargs@madona.lv>"]).status == 64)
    }

    @Test("a store this account may only read sends nothing (a sent mail must be journaled)",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv"))
    func readOnlySendsNothing() throws {
        let s = Self.plan()
        let outbox = s.directory + "/outbox"
        try FileManager.default.createDirectory(atPath: outbox, withIntermediateDirectories: true)
        chmod(outbox, 0o777)
        let fake = s.directory + "/fakesm.sh"
        try "#!/bin/sh\ncat > \"\(outbox)/$$.eml\"\n".write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        let binary = s.directory + "/sargs"
        try SargsProcess.copyBinary(to: binary)
        chown(s.database, 0, 65534)
        chmod(s.database, 0o640)
        chmod(s.directory, 0o755)
        defer { chmod(s.directory, 0o700) }
        var env = s.environment
        env["SARGS_SENDMAIL"] = fake
        let r = SargsProcess.execute("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "remind"], environment: env)
        #expect(r.status == 69, "\(r.stdout) \(r.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).isEmpty, "nothing was sent")
    }
}

/// Issue 31: any member of the group may hold the remind lock open; a run
/// waits, says so, and gives up with one line instead of hanging.
@Suite("The remind lock held by someone else")
struct RemindLockHeldTests {
    @Test("remind waits SARGS_REMIND_WAIT seconds for a lock someone holds, says so, then exits 69 naming the lock; nothing is sent")
    func heldLock() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        let sendmail = try FakeSendmail(in: s.directory)
        #expect(s.run(["institution", "set", "SD", "--email", "sd@example.org"]).status == 0)
        let lock = s.database + ".remind-lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        let holder = open(lock, O_RDWR)
        #expect(holder >= 0 && flock(holder, LOCK_EX) == 0)
        defer { close(holder) }
        let run = s.run(["remind"], environment: sendmail.environment.merging(["SARGS_REMIND_WAIT": "1"]) { $1 })
        #expect(run.status == 69 && run.stderr.contains("Waiting for another run") && run.stderr.contains("fuser"), "\(run.status) \(run.stderr)")
        #expect(sendmail.messages().isEmpty)
    }
}

/// Issue 26: mail that says what happened: a test message to check the
/// path, and a second hand-over the same day when the first bounced.
@Suite("remind --test and --again")
struct RemindTestAndAgainTests {
    @Test("--test sends one short message and journals nothing; --again hands over again what went today; a bad address is refused")
    func testAndAgain() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        let sendmail = try FakeSendmail(in: s.directory)
        let mail = sendmail.environment
        func delivered() -> [String] { sendmail.messages() }
        #expect(s.run(["institution", "set", "SD", "--email", "sd@example.org"]).status == 0)
        let journal = s.run(["log", "--format", "json"]).stdout
        let test = s.run(["remind", "--test", "admin@example.org"], environment: mail)
        #expect(test.status == 0 && test.stdout.contains("handed to the mail system: admin@example.org"), "\(test.stdout) \(test.stderr)")
        #expect(delivered().count == 1 && delivered()[0].contains("To: admin@example.org") && delivered()[0].contains("Subject: sargs: test message"))
        #expect(s.run(["log", "--format", "json"]).stdout == journal, "a test message is not journaled")
        #expect(s.run(["remind", "--test", "not an address"], environment: mail).status == 64)

        let first = s.run(["remind"], environment: mail)
        #expect(first.status == 0 && first.stdout.contains("handed to the mail system: SD"), "\(first.stdout) \(first.stderr)")
        #expect(delivered().count == 2)
        let second = s.run(["remind"], environment: mail)
        #expect(second.stdout.contains("already handed to the mail system today: SD") && delivered().count == 2, "\(second.stdout)")
        let again = s.run(["remind", "--again"], environment: mail)
        #expect(again.status == 0 && again.stdout.contains("handed to the mail system: SD") && delivered().count == 3, "\(again.stdout)")
    }
}

/// A sendmail for tests: each message it is handed is kept as a file in
/// an outbox beside the store, to be counted and read back.
struct FakeSendmail {
    let outbox: String
    let script: String

    init(in directory: String) throws {
        outbox = directory + "/outbox"
        script = directory + "/fakesm.sh"
        try FileManager.default.createDirectory(atPath: outbox, withIntermediateDirectories: true)
        try "#!/bin/sh\ncat > \"\(outbox)/$$-$(date +%s%N).eml\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
    }

    var environment: [String: String] { ["SARGS_SENDMAIL": script] }

    /// The messages handed over so far.
    func messages() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).compactMap {
            try? String(contentsOfFile: outbox + "/" + $0, encoding: .utf8)
        }
    }
}
