import Foundation
import Testing
import SargsCore
import TestSupport

/// Issue 26: headers as RFC 5322 and RFC 2047 ask (no line over 78 octets,
/// encoded words folded, Date, Message-ID, MIME-Version, the municipality
/// in From), attachments in multipart/mixed, nothing from data able to
/// start a header of its own. Read back by Python's own e-mail parser.
@Suite("Mail headers and attachments")
struct MailHeaderTests {
    static let python = "/usr/bin/python3"

    /// Python's e-mail module, to decode what sargs wrote (make installs python3).
    static var pythonAvailable: Bool { FileManager.default.isExecutableFile(atPath: python) }

    static let reader = """
    import sys, json, email, base64
    from email import policy
    raw = open(sys.argv[1], "rb").read()
    m = email.message_from_bytes(raw, policy=policy.default)
    atts = [{"name": p.get_filename(), "type": p.get_content_type(), "b64": base64.b64encode(p.get_content()).decode()} for p in m.iter_attachments()]
    body = m.get_body(preferencelist=("plain",))
    print(json.dumps({"subject": str(m["subject"]), "from": str(m["from"]), "to": str(m["to"]), "defects": len(m.defects),
                      "name": m["from"].addresses[0].display_name if m["from"] else None,
                      "type": m.get_content_type(), "text": body.get_content() if body else None, "attachments": atts}))
    """

    struct Decoded: Decodable {
        struct Attachment: Decodable { var name: String?; var type: String; var b64: String }
        var subject: String
        var from: String
        var to: String
        var defects: Int
        var name: String?
        var type: String
        var text: String?
        var attachments: [Attachment]
    }

    static func decode(_ message: MailMessage) throws -> Decoded {
        let dir = Fixtures.temporaryDirectory("sargs-mail")
        try Data(message.rendered().utf8).write(to: URL(fileURLWithPath: dir + "/m.eml"))
        try reader.write(toFile: dir + "/read.py", atomically: true, encoding: .utf8)
        let r = SargsProcess.execute(python, [dir + "/read.py", dir + "/m.eml"], environment: [:])
        #expect(r.status == 0, "\(r.stderr)")
        return try JSONDecoder().decode(Decoded.self, from: Data(r.stdout.utf8))
    }

    /// The display name of a From header's lines, decoded as RFC 2047 says: "Q" words
    /// side by side make one text, the white space between them dropped.
    static func joinedWords(_ first: String, continuation lines: [String]) -> String? {
        let from = lines.drop { $0 != first }.enumerated().prefix { $0.offset == 0 || $0.element.hasPrefix(" ") }.map(\.element)
        let value = from.joined().dropFirst("From:".count)
        guard let open = value.lastIndex(of: "<") else { return nil }
        let words = value[..<open].split(separator: " ")
        if !words.allSatisfy({ $0.hasPrefix("=?UTF-8?Q?") }) { return words.joined(separator: " ") }
        var bytes: [UInt8] = []
        for word in words {
            var q = Array(word.dropFirst(10).dropLast(2).utf8)[...]
            while let c = q.popFirst() {
                if c == UInt8(ascii: "_") { bytes.append(0x20) } else if c == UInt8(ascii: "="), q.count >= 2,
                    let b = UInt8(String(decoding: q.prefix(2), as: UTF8.self), radix: 16) { bytes.append(b); q = q.dropFirst(2) } else { bytes.append(c) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func headerLines(_ message: MailMessage) -> [String] {
        message.rendered().components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
    }

    static let longSubject = "sargs: kārtējās sēdes Nr. 12 darba kārtība — 2025-09-15, Madonas novada pašvaldības ēkā, Saieta laukumā 1, sēžu zālē (ceturtdien, 10:00) — ļoti garš temats ar garumzīmēm āēīū ģķļņš"

    @Test("every header line is at most 78 octets; Date, Message-ID and MIME-Version are there; the subject and the sender's name decode back")
    func lineLengths() throws {
        let attachment = MailMessage.Attachment(name: "sargs-protokols-12-2025-09-15-ar-ļoti-garu-nosaukumu-kas-neiet-vienā-rindā.pdf",
                                                mimeType: "application/pdf", bytes: Array(repeating: 0x25, count: 5000))
        let cases: [(String, String?, [MailMessage.Attachment])] = [
            (Self.longSubject, "Madonas novada pašvaldība", []),
            ("sargs: agenda of regular meeting 12 (2025-09-15) in the council hall of the municipality, Saieta square 1, at 10:00", "Madona municipality", [attachment]),
            ("sargs: " + String(repeating: "x", count: 120), "A \"quoted\" name, with (specials)", []),
            (String(repeating: "ā", count: 300), String(repeating: "Pašvaldība ", count: 12), [attachment]),
        ]
        for (subject, name, attachments) in cases {
            let message = try #require(MailMessage(to: "socialais.dienests@example.lv", from: "sargs@madona.lv", fromName: name, subject: subject,
                                                   text: "Teksts\n", markdown: "Teksts\n", attachments: attachments,
                                                   date: Date(timeIntervalSince1970: 1_800_000_000), domain: "madona.lv"))
            let lines = Self.headerLines(message)
            for line in lines { #expect(line.utf8.count <= 78, "\(line.utf8.count): \(line)") }
            let names = lines.filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" }) }
            #expect(names.starts(with: ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"]), "\(names)")
            // The whole message, attachments' headers and base64 lines too.
            for line in message.rendered().components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "\(line)") }
            guard Self.pythonAvailable else { continue }
            let decoded = try Self.decode(message)
            #expect(decoded.defects == 0)
            #expect(decoded.subject == subject)
            let expected = name.map { $0.split(separator: " ").joined(separator: " ") }
            // A name too long for one encoded word is several: RFC 2047 joins them as they are (checked
            // here); Python's address parser keeps the folding space between them, so it is compared without spaces.
            #expect(Self.joinedWords(lines.first { $0.hasPrefix("From:") }!, continuation: lines) == expected)
            #expect(decoded.name?.replacingOccurrences(of: " ", with: "") == expected?.replacingOccurrences(of: " ", with: ""))
            if let expected, expected.utf8.count < 40 { #expect(decoded.name == expected) }
            #expect(decoded.to == "socialais.dienests@example.lv")
            #expect(decoded.attachments.count == attachments.count)
        }
    }

    @Test("the municipality's name in From: as it is when plain, RFC 2047 Q words when not")
    func fromName() throws {
        let latvian = try #require(MailMessage(to: "sd@example.lv", from: "sargs@madona.lv", fromName: "Madonas novada pašvaldība",
                                               subject: "s", text: "", markdown: "", date: Date()))
        #expect(Self.headerLines(latvian)[0] == "From: =?UTF-8?Q?Madonas_novada_pa=C5=A1vald=C4=ABba?= <sargs@madona.lv>")
        let plain = try #require(MailMessage(to: "sd@example.lv", from: "sargs@madona.lv", fromName: "Madonas novads",
                                             subject: "s", text: "", markdown: "", date: Date()))
        #expect(Self.headerLines(plain)[0] == "From: Madonas novads <sargs@madona.lv>")
        let none = try #require(MailMessage(to: "sd@example.lv", from: "sargs@madona.lv", subject: "s", text: "", markdown: "", date: Date()))
        #expect(Self.headerLines(none)[0] == "From: sargs@madona.lv")
        let nobody = try #require(MailMessage(to: "sd@example.lv", fromName: "Madonas novads", subject: "s", text: "", markdown: "", date: Date()))
        #expect(Self.headerLines(nobody)[0] == "To: sd@example.lv", "no sender, no From: sendmail fills it in")
    }

    @Test("nothing from data starts a header: a line break in the municipality's name or the subject, an address with one; an attachment's name and type")
    func noInjection() throws {
        let message = try #require(MailMessage(to: "sd@example.lv", from: "sargs@madona.lv",
                                               fromName: "Madonas novads\r\nBcc: victim@example.org\r\n\r\nbody",
                                               subject: "sēde\nBcc: x@y.lv\r\nX-Evil: 1",
                                               text: "t", markdown: "t",
                                               attachments: [.init(name: "a\r\nX-Evil: 1\".pdf", mimeType: "application/pdf\r\nX-Evil: 1", bytes: [1, 2, 3])],
                                               date: Date()))
        let rendered = message.rendered()
        let lines = rendered.components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.hasPrefix("Bcc:") || $0.hasPrefix("X-Evil") }, "\(lines.prefix(12))")
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(!rendered.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
        #expect(rendered.contains("Content-Type: application/octet-stream;"))
        #expect(rendered.contains("filename=\"a--X-Evil--1-.pdf\""))
        #expect(MailMessage(to: "sd@example.lv\r\nBcc: x@y.lv", subject: "s", text: "", markdown: "", date: Date()) == nil)
        #expect(MailMessage(to: "sd@example.lv, x@y.lv\nBcc: z@y.lv", subject: "s", text: "", markdown: "", date: Date()) == nil)
        #expect(MailMessage(to: "sd@example.lv", from: "a@b.lv\r\nBcc: x@y.lv", subject: "s", text: "", markdown: "", date: Date()) == nil)
        guard Self.pythonAvailable else { return }
        let decoded = try Self.decode(message)
        #expect(decoded.name == "Madonas novads Bcc: victim@example.org body")
        #expect(decoded.subject == "sēde Bcc: x@y.lv X-Evil: 1")
        #expect(decoded.defects == 0)
    }

    @Test("a long To list is folded between addresses, each line at most 78 octets")
    func longToList() throws {
        let addresses = (1...8).map { "institucija.numur\($0)@madonas-novads.example.lv" }
        let message = try #require(MailMessage(to: addresses.joined(separator: ","), subject: "s", text: "", markdown: "", date: Date()))
        let lines = Self.headerLines(message)
        let to = lines.drop { !$0.hasPrefix("To:") }.prefix { $0.hasPrefix("To:") || $0.hasPrefix(" ") }
        #expect(to.count >= 8)
        for line in to { #expect(line.utf8.count <= 78, "\(line)") }
        #expect(to.joined().replacingOccurrences(of: "To: ", with: "").replacingOccurrences(of: " ", with: "") == addresses.joined(separator: ","))
        guard Self.pythonAvailable else { return }
        #expect(try Self.decode(message).to == addresses.joined(separator: ", "))
    }

    @Test("an attachment: multipart/mixed around the text and Markdown, base64 lines of 76 that decode to the bytes")
    func attachment() throws {
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let message = try #require(MailMessage(to: "sd@example.lv", subject: "sargs: sēdes Nr. 3 protokols", text: "Protokols\n", markdown: "# Protokols\n",
                                               attachments: [.init(name: "sargs-protokols-3-2025-09-15.pdf", mimeType: "application/pdf", bytes: bytes)],
                                               date: Date()))
        let rendered = message.rendered()
        #expect(rendered.contains("Content-Type: multipart/mixed; boundary=\"=_sargs_mixed_\(message.fingerprint)\""))
        #expect(rendered.contains("Content-Type: application/pdf; name=\"sargs-protokols-3-2025-09-15.pdf\""))
        #expect(rendered.contains("Content-Disposition: attachment; filename=\"sargs-protokols-3-2025-09-15.pdf\""))
        let body = rendered.components(separatedBy: "Content-Disposition: attachment;")[1].components(separatedBy: "\r\n\r\n")[1]
        let b64 = body.components(separatedBy: "\r\n--")[0].components(separatedBy: "\r\n")
        #expect(b64.dropLast().allSatisfy { $0.count == 76 } && b64.last!.count <= 76)
        #expect(Data(base64Encoded: b64.joined()) == Data(bytes))
        #expect(message.preview.contains("Attachment: sargs-protokols-3-2025-09-15.pdf (application/pdf, 10 KB)"))
        guard Self.pythonAvailable else { return }
        let decoded = try Self.decode(message)
        #expect(decoded.defects == 0 && decoded.type == "multipart/mixed")
        #expect(decoded.text?.replacingOccurrences(of: "\r\n", with: "\n") == "Protokols\n", "the text part is CRLF text")
        #expect(decoded.attachments.count == 1 && decoded.attachments[0].name == "sargs-protokols-3-2025-09-15.pdf" && decoded.attachments[0].type == "application/pdf")
        #expect(Data(base64Encoded: decoded.attachments[0].b64) == Data(bytes))
    }

    @Test("two institutions mailed the same text in the same second get two Message-IDs; a host name too long for a line is not used")
    func messageIDs() throws {
        let date = Date(timeIntervalSince1970: 1_800_000_000)
        let a = try #require(MailMessage(to: "sd@example.lv", subject: "s", text: "t", markdown: "t", date: date, domain: "madona.lv"))
        let b = try #require(MailMessage(to: "bt@example.lv", subject: "s", text: "t", markdown: "t", date: date, domain: "madona.lv"))
        func id(_ m: MailMessage) -> String { Self.headerLines(m).first { $0.hasPrefix("Message-ID: ") } ?? "" }
        #expect(id(a).hasPrefix("Message-ID: <sargs.") && id(a).hasSuffix("@madona.lv>"))
        #expect(id(a) != id(b))
        let long = try #require(MailMessage(to: "sd@example.lv", subject: "s", text: "t", markdown: "t", date: date,
                                            domain: String(repeating: "a", count: 60) + ".example.lv"))
        for line in Self.headerLines(long) { #expect(line.utf8.count <= 78, "\(line)") }
    }
}
