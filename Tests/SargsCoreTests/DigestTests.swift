import Foundation
import Testing
import SargsCore

/// Issue 15: what each institution owes (the digest), its mail subject, the
/// form of an address, and the message sendmail reads.
@Suite("Digests and reminder mail")
struct DigestTests {
    /// Madona on 2025-06-20: no records, a regular meeting held on 2025-03-20,
    /// the next planned on 2025-06-30, decisions for SD (one overdue, one due
    /// in 5 days, one in 40) and BT.
    static func snapshot() -> Snapshot {
        var plan = Madona.plan()
        plan.institutions = [Institution(code: "SD", name: "Sociālais dienests", en: "Social service", email: "sd@example.lv")]
        let meetings = [Meeting(id: 1, date: day("2025-03-20"), state: .held), Meeting(id: 2, date: day("2025-06-30"))]
        let decisions = [
            Decision(id: 1, meeting: 1, text: "Sagatavot materiālu skolām", owner: "SD", due: day("2025-05-01")),
            Decision(id: 2, meeting: 1, text: "Informēt vecākus", owner: "SD", due: day("2025-06-25")),
            Decision(id: 3, meeting: 1, text: "Pārskatīt pakalpojumu", owner: "SD", due: day("2025-07-30")),
            Decision(id: 4, meeting: 1, text: "Bāriņtiesas ziņojums", owner: "BT", due: day("2025-06-22")),
        ]
        return Snapshot(plan: plan, meetings: meetings, decisions: decisions)
    }

    static let today = day("2025-06-20")

    static func digest(_ code: String, days: Int = 14) -> Digest {
        Digest.all(snapshot: snapshot(), date: today, days: days).first { $0.institution.code == code }!
    }

    @Test("an institution gets every overdue activity it owns or shares, with the agenda's reasons and review period")
    func overdueByOwner() {
        let snapshot = Self.snapshot()
        let agenda = Agenda(snapshot: snapshot, date: Self.today)
        let sd = Self.digest("SD")
        #expect(sd.reviewFrom == day("2025-03-20"))
        #expect(sd.overdue.map(\.activity) == agenda.items.filter { $0.owners.contains("SD") }.map(\.activity))
        #expect(sd.overdue.contains { $0.activity == "3.1" }, "co-owned with IN, BT, VP")
        #expect(Self.digest("BT").overdue.contains { $0.activity == "3.1" })
        #expect(!sd.overdue.contains { $0.activity == "5.2" }, "VP and PP's raids are not the social service's")
        #expect(sd.institution.email == "sd@example.lv")
    }

    @Test("deadlines and decision due dates within the horizon, other open decisions apart, the next planned meeting")
    func dueSoonAndDecisions() {
        let sd = Self.digest("SD")
        // Decision 2 is due 2025-06-25; 2.9 and 7.2 (once, June 2025) 2025-06-30: within 14 days, not yet overdue.
        #expect(sd.dueSoon.map(\.id) == ["2", "2.9", "7.2"])
        #expect(sd.dueSoon.first?.kind == .decision)
        #expect(sd.openDecisions.map(\.id) == [1, 3])
        #expect(sd.openDecisions.first?.overdue == true)
        #expect(sd.nextMeeting?.id == 2)
        #expect(Self.digest("SD", days: 3).dueSoon.isEmpty)
        #expect(Self.digest("SD", days: 3).openDecisions.map(\.id) == [1, 2, 3])
        #expect(sd.itemIDs.contains("decision 2") && sd.itemIDs.contains("2.9"))
        // JC shares only 1.5 (half-yearly, its first window not over): nothing to say.
        #expect(Self.digest("JC").isEmpty)
    }

    @Test("the subject counts in words that agree with the number, in both languages, and holds no text from the plan")
    func subjects() {
        let sd = Self.digest("SD")
        let lv = DigestText.subject(sd, language: .lv)
        #expect(lv.hasPrefix("sargs: \(sd.overdue.count) nokavētas aktivitātes, 1 nokavēts lēmums, 1 lēmums līdz 25.06., 2 termiņi līdz 30.06."),
                "\(lv)")
        let en = DigestText.subject(sd, language: .en)
        #expect(en.contains("1 overdue decision, 1 decision due by 2025-06-25, 2 deadlines by 2025-06-30"), "\(en)")
        var one = sd
        one.overdue = Array(sd.overdue.prefix(1))
        #expect(DigestText.subject(one, language: .lv).contains("1 nokavēta aktivitāte,"))
        #expect(DigestText.subject(one, language: .en).contains("1 overdue activity,"))
        var many = sd
        many.overdue = Array(repeating: sd.overdue[0], count: 21)
        #expect(DigestText.subject(many, language: .lv).contains("21 nokavēta aktivitāte,"))
        many.overdue = Array(repeating: sd.overdue[0], count: 11)
        #expect(DigestText.subject(many, language: .lv).contains("11 nokavētas aktivitātes,"))
        let meeting = Meeting(id: 2, date: day("2025-06-30"))
        #expect(DigestText.subject(Self.digest("JC"), language: .lv, meeting: meeting) == "sargs: sēde 30.06.")
        // A hostile name in the plan never reaches the subject.
        var hostile = sd
        hostile.institution.name = "SD\r\nBcc: all@example.lv"
        #expect(!DigestText.subject(hostile, language: .lv).contains("Bcc"))
    }

    @Test("the digest's text names its items with their reasons, escapes data, and leaves out empty sections")
    func text() {
        let snapshot = Self.snapshot()
        let sd = Self.digest("SD")
        let text = DigestText.render(sd, plan: snapshot.plan, language: .lv, markdown: false)
        #expect(text.hasPrefix("SD — Sociālais dienests: atgādinājums 2025-06-20\n"))
        #expect(text.contains("Nokavētās aktivitātes (\(sd.overdue.count))"))
        #expect(text.contains("Termiņi tuvākajās 14 dienās (3)"))
        #expect(text.contains("2025-06-25  lēmums Nr. 2: Informēt vecākus"))
        #expect(text.contains("Nr. 1 Sagatavot materiālu skolām — līdz 2025-05-01 — NOKAVĒTS"))
        #expect(text.contains("Nākamā sēde: Nr. 2, 2025-06-30 (kārtējā)"))
        #expect(text.contains("(kopā ar IN, BT, VP)"), "co-owners named")
        let one = DigestText.render(Self.digest("SD", days: 1), plan: snapshot.plan, language: .lv, markdown: false)
        #expect(!one.contains("Termiņi"), "an empty section is left out")
        let markdown = DigestText.render(sd, plan: snapshot.plan, language: .en, markdown: true)
        #expect(markdown.hasPrefix("# SD — Social service: reminder, 2025-06-20\n"))
        #expect(markdown.contains("## Due in the next 14 days (3)"))
        let json = DigestText.json(sd).serialized(pretty: false)
        #expect(json.contains("\"due_soon\": [{\"kind\": \"decision\", \"id\": \"2\""), "\(json.prefix(400))")
    }

    @Test("an address of the plain mailbox form passes; anything that could add a header or a recipient does not",
          arguments: [
            ("socialais.dienests@example.lv", true), ("bt@madona.lv", true), ("a.b-c+d@sub.example.lv", true),
            ("", false), ("a", false), ("a@b", false), ("@example.lv", false), ("a@", false), ("a b@example.lv", false),
            ("a@example.lv\r\nBcc: x@y.lv", false), ("a@example.lv,b@example.lv", false), ("<a@example.lv>", false),
            ("\"a\"@example.lv", false), ("a..b@example.lv", false), (".a@example.lv", false), ("a@-example.lv", false),
            ("a@example..lv", false), ("jānis@example.lv", false), ("a@exa_mple.lv", false), ("a@b@example.lv", false),
          ])
    func addresses(address: String, valid: Bool) {
        #expect(EmailAddress.isValid(address) == valid, "\(address.debugDescription)")
    }

    @Test("the message: CRLF lines, headers from validated values only, the subject in encoded words, base64 parts that decode to the texts")
    func message() throws {
        let subject = "sargs: 3 nokavētas aktivitātes, 1 lēmums līdz 12.03. — ļoti garš temats ar garumzīmēm āēīū"
        let text = "Sociālais dienests\nRinda ar ŗ un ž\n"
        let markdown = "# Sociālais dienests\n\n- **2.1** Ģimenes\n"
        let message = try #require(MailMessage(to: "sd@example.lv", from: "sargs@example.lv", subject: subject + "\r\nBcc: x@y.lv",
                                               text: text, markdown: markdown, date: Date(timeIntervalSince1970: 1_800_000_000),
                                               domain: "madona.lv"))
        #expect(MailMessage(to: "sd@example.lv\nBcc: x@y.lv", subject: "s", text: "", markdown: "", date: Date()) == nil)
        let rendered = message.rendered()
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends CRLF")
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        let head = rendered.components(separatedBy: "\r\n\r\n")[0]
        let headerNames = head.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") }.map { $0.prefix { $0 != ":" } }
        #expect(headerNames == ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Auto-Submitted", "X-Mailer"])
        #expect(head.contains("Date: Fri, 15 Jan 2027 08:00:00 +0000"))
        // The subject's encoded words decode to the subject (its line break a space), each word short enough.
        let subjectLines = head.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject: ") }
            .prefix { $0.hasPrefix("Subject: ") || $0.hasPrefix(" ") }
        var decoded = Data()
        for line in subjectLines {
            let word = line.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces)
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            decoded.append(Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!)
        }
        #expect(String(decoding: decoded, as: UTF8.self) == subject + " Bcc: x@y.lv")
        // Each part decodes to its text with CRLF line ends.
        let parts = rendered.components(separatedBy: "--=_sargs_\(message.fingerprint)")
        #expect(parts.count == 4)
        for (part, original) in zip(parts[1...2], [text, markdown]) {
            let body = part.components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")
            let bytes = try #require(Data(base64Encoded: body))
            #expect(String(decoding: bytes, as: UTF8.self) == original.replacingOccurrences(of: "\n", with: "\r\n"))
            #expect(part.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        }
        #expect(parts[1].contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64"))
        #expect(parts[2].contains("Content-Type: text/markdown; charset=UTF-8; variant=CommonMark"))
        #expect(MailMessage.encodedSubject("sargs: 3 overdue activities") == "sargs: 3 overdue activities")
        #expect(MailMessage.fingerprint(of: "a") == MailMessage.fingerprint(of: "a"))
        #expect(MailMessage.fingerprint(of: "a") != MailMessage.fingerprint(of: "b"))
    }
}
