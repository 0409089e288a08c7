import Foundation

/// One e-mail as `sendmail -t` reads it (RFC 5322, MIME and RFC 2047,
/// issues 15 and 26): a plain-text part and the same in Markdown as
/// `multipart/alternative`, both UTF-8 in base64 lines of 76 characters,
/// and, when there are attachments, that pair and each attachment (base64
/// lines of 76) inside `multipart/mixed`. Every line ends CRLF.
///
/// Headers are made only from validated addresses (`EmailAddress`), a
/// subject and a sender's name with every control character removed, and
/// sargs' own words: a line break in a header is impossible by
/// construction. No header line is longer than 78 octets (RFC 5322 §2.1.1)
/// but one holding a single address longer than that: a long value is
/// folded at its spaces, and text that is not plain ASCII is written as
/// RFC 2047 encoded words (each under 75 characters, never splitting a
/// character), one or more to a line.
public struct MailMessage: Hashable, Sendable {
    /// A file sent with the message (`Content-Disposition: attachment`).
    public struct Attachment: Hashable, Sendable {
        /// The file's name as the recipient sees it; written as ASCII
        /// letters, digits, `.`, `_` and `-` (anything else becomes `-`).
        public var name: String
        /// A MIME type such as `application/pdf`; one that is not of the form
        /// `type/subtype` is sent as `application/octet-stream`.
        public var mimeType: String
        public var bytes: [UInt8]
        /// Whether `bytes` are UTF-8 text, said as `charset="utf-8"` so a
        /// mail reader decodes a text attachment (an HTML page) right.
        public var utf8Text: Bool

        public init(name: String, mimeType: String, bytes: [UInt8], utf8Text: Bool = false) {
            self.name = name
            self.mimeType = mimeType
            self.bytes = bytes
            self.utf8Text = utf8Text
        }
    }

    /// The recipient: one address, or several joined by ", ".
    public var to: String
    /// The sender; nil leaves `From:` to the mail system (sendmail fills it in).
    public var from: String?
    /// The sender's name beside `from` (the municipality's, from the plan):
    /// `From: Madonas novads <sargs@madona.lv>`; ignored without `from`.
    public var fromName: String?
    public var subject: String
    public var text: String
    public var markdown: String
    public var attachments: [Attachment] = []
    public var date: Date
    /// Ties the message to its content: the same digest gives the same value.
    public var fingerprint: String
    /// The domain of the Message-ID (the host's name).
    public var domain: String
    /// What makes this message's Message-ID its own: the recipient, the
    /// content, the moment and a random number (two institutions mailed the
    /// same agenda in one second get two identifiers).
    public var identity: String

    /// The longest header line this type writes (RFC 5322's "SHOULD").
    public static let lineLimit = 78

    /// - Precondition: every address in `to` (one, or several joined by
    ///   commas) and `from`, if given, are valid `EmailAddress`es; others
    ///   make `init` return nil.
    public init?(to: String, from: String? = nil, fromName: String? = nil, subject: String, text: String, markdown: String,
                 attachments: [Attachment] = [], date: Date, domain: String = "localhost") {
        let recipients = MailMessage.addresses(to)
        guard !recipients.isEmpty, recipients.allSatisfy(EmailAddress.isValid), from.map(EmailAddress.isValid) ?? true else { return nil }
        self.to = recipients.joined(separator: ", ")
        self.from = from
        self.fromName = fromName
        self.subject = subject
        self.text = text
        self.markdown = markdown
        self.attachments = attachments
        self.date = date
        self.fingerprint = MailMessage.fingerprint(of: subject + "\n" + text)
        let safeDomain = domain.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-") }
        self.domain = safeDomain && !domain.isEmpty ? domain : "localhost"
        self.identity = MailMessage.fingerprint(of: "\(self.to)\n\(fingerprint)\n\(date.timeIntervalSince1970)\n\(UInt64.random(in: 0...UInt64.max))")
    }

    /// The addresses of a recipient list: split at commas, blanks trimmed.
    static func addresses(_ list: String) -> [String] {
        list.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// FNV-1a, 64 bits, of the UTF-8 bytes, as 16 hex digits: stable across
    /// runs and machines (a reminder's identity in the journal, not a secret).
    public static func fingerprint(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    // MARK: - Headers

    /// `text` as one header line's worth: control characters removed, every
    /// run of white space (a line break, a tab) one space, no space at either end.
    static func oneLine(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if !scalars.isEmpty, scalars.last != " " { scalars.append(" ") }  // a line break or tab becomes one space
            } else if scalar.value >= 0x20 && scalar.value != 0x7F && !FreeText.isRefusedControl(scalar.value) {
                scalars.append(scalar)
            }
        }
        if scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }

    /// `name: pieces…` with a space between pieces, folded (CRLF and a
    /// space) before a piece that would take the line past `lineLimit`.
    static func header(_ name: String, _ pieces: [String]) -> String {
        var lines: [String] = []
        var line = name + ":"
        for piece in pieces {
            // A piece that does not fit goes on a line of its own (even the
            // first: "To:" alone, then the address).
            if line.utf8.count + 1 + piece.utf8.count > lineLimit {
                lines.append(line)
                line = " " + piece
            } else {
                line += " " + piece
            }
        }
        lines.append(line)
        return lines.joined(separator: "\r\n")
    }

    /// Whether `text` can stand in a header as it is: printable ASCII,
    /// nothing a reader would take for an encoded word.
    static func isPlain(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F } && !text.contains("=?")
    }

    /// RFC 2047 "B" encoded words of `text`, each at most `limit` characters.
    static func bWords(_ text: String, limit: Int) -> [String] {
        // "=?UTF-8?B?" and "?=" take 12; base64 gives 4 characters for 3 bytes.
        let bytesPerWord = (limit - 12) / 4 * 3
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > bytesPerWord {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// RFC 2047 "Q" encoded words of `text`, each at most `limit`
    /// characters, with only the characters RFC 2047 §5(3) allows in a
    /// phrase left as they are (a space is `_`).
    static func qWords(_ text: String, limit: Int) -> [String] {
        let room = limit - 12  // "=?UTF-8?Q?" and "?="
        var words: [String] = []
        var chunk = ""
        for scalar in text.unicodeScalars {
            var piece = ""
            for byte in String(scalar).utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "/"):
                    piece.append(Character(UnicodeScalar(byte)))
                case UInt8(ascii: " "): piece += "_"
                default: piece += String(format: "=%02X", byte)
                }
            }
            if chunk.count + piece.count > room, !chunk.isEmpty {
                words.append("=?UTF-8?Q?" + chunk + "?=")
                chunk = ""
            }
            chunk += piece
        }
        if !chunk.isEmpty { words.append("=?UTF-8?Q?" + chunk + "?=") }
        return words
    }

    /// The longest encoded word written: it fits a line after a header's
    /// name ("Subject: " takes 9 of the 78).
    static let wordLimit = 68

    /// The pieces of an unstructured value: its words when it is plain ASCII
    /// and every word fits a line, else encoded words.
    static func unstructured(_ value: String, name: String) -> [String] {
        let words = value.split(separator: " ").map(String.init)
        if isPlain(value), words.allSatisfy({ name.utf8.count + 2 + $0.utf8.count <= lineLimit }) { return words }
        return bWords(value, limit: wordLimit)
    }

    /// The subject as a header value: one line, controls removed, folded
    /// where it is longer than a line, as encoded words (`=?UTF-8?B?…?=`)
    /// when it holds anything but printable ASCII.
    public static func encodedSubject(_ subject: String) -> String {
        String(header("Subject", unstructured(oneLine(subject), name: "Subject")).dropFirst("Subject: ".count))
    }

    /// A display name as header pieces: its words when they are all atoms
    /// (RFC 5322 `atext`), else "Q" encoded words.
    static func displayName(_ name: String) -> [String] {
        let clean = oneLine(name)
        guard !clean.isEmpty else { return [] }
        let atext = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)
        let plain = isPlain(clean) && clean.unicodeScalars.allSatisfy {
            $0 == " " || $0.properties.isAlphabetic || ("0"..."9").contains($0) || atext.contains($0)
        }
        let words = clean.split(separator: " ").map(String.init)
        if plain, words.allSatisfy({ $0.utf8.count <= wordLimit }) { return words }
        // As few encoded words as may be (a long one gets a line of its own):
        // some readers (Python's) keep the space between two words of a name.
        return qWords(clean, limit: 75)
    }

    /// The `From:` header, with the sender's name when there is one.
    var fromHeader: String? {
        guard let from else { return nil }
        let name = fromName.map(MailMessage.displayName) ?? []
        return MailMessage.header("From", name.isEmpty ? [from] : name + ["<\(from)>"])
    }

    /// `To:`: the addresses, a comma after each but the last, folded between them.
    var toHeader: String {
        let list = MailMessage.addresses(to)
        return MailMessage.header("To", list.enumerated().map { $0.offset < list.count - 1 ? $0.element + "," : $0.element })
    }

    /// `<sargs.IDENTITY@DOMAIN>`: the host's name, or `localhost` when the
    /// name would not let the identifier fit a line.
    var messageID: String {
        let id = "<sargs.\(identity)@\(domain)>"
        return id.utf8.count + 1 > MailMessage.lineLimit ? "<sargs.\(identity)@localhost>" : id
    }

    /// RFC 5322's date: "Tue, 01 Dec 2026 02:40:00 +0000" (always UTC).
    static func headerDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return String(format: "%@, %02d %@ %04d %02d:%02d:%02d +0000", days[(c.weekday ?? 1) - 1], c.day ?? 1,
                      months[(c.month ?? 1) - 1], c.year ?? 1970, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    // MARK: - Body

    /// A body part's text: line ends CRLF, then base64 in lines of 76.
    static func base64Lines(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacing(scalar: "\n", with: "\r\n")
        return base64Lines(Array(normalised.utf8))
    }

    /// Bytes as base64 in lines of 76, CRLF between them.
    static func base64Lines(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// An attachment's name as written: ASCII letters, digits, `.`, `_`, `-`
    /// (anything else `-`), at most 60 characters, never empty or hidden.
    static func fileName(_ name: String) -> String {
        var out = String(name.unicodeScalars.map { scalar -> Character in
            let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
            return ok ? Character(scalar) : "-"
        })
        if out.count > 60 { out = String(out.suffix(60)) }
        while out.hasPrefix(".") { out.removeFirst() }
        return out.isEmpty ? "attachment" : out
    }

    /// A MIME type as written: `type/subtype` of token characters, lower case, else `application/octet-stream`.
    static func mimeType(_ type: String) -> String {
        let token = Set("abcdefghijklmnopqrstuvwxyz0123456789!#$&^_.+-".unicodeScalars)
        let parts = type.lowercased().split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 60 && $0.unicodeScalars.allSatisfy(token.contains) }) else {
            return "application/octet-stream"
        }
        return parts.joined(separator: "/")
    }

    /// The message as a person reads it before it is sent (`--dry-run`):
    /// the headers that matter, decoded, the attachments named, and the plain text.
    public var preview: String {
        var lines: [String] = []
        if let from {
            let name = fromName.map(MailMessage.oneLine) ?? ""
            lines.append("From: " + (name.isEmpty ? from : "\(SafeText.line(name)) <\(from)>"))
        }
        lines.append("To: \(to)")
        lines.append("Subject: " + SafeText.line(subject))
        for attachment in attachments {
            let size = attachment.bytes.count < 1024 ? "\(attachment.bytes.count) B" : "\((attachment.bytes.count + 1023) / 1024) KB"
            lines.append("Attachment: \(MailMessage.fileName(attachment.name)) (\(MailMessage.mimeType(attachment.mimeType)), \(size))")
        }
        return lines.joined(separator: "\n") + "\n\n" + text + (text.hasSuffix("\n") ? "" : "\n") + String(repeating: "-", count: 60)
    }

    /// The whole message, CRLF line ends.
    public func rendered() -> String {
        let boundary = "=_sargs_" + fingerprint
        let mixed = "=_sargs_mixed_" + fingerprint
        var headers: [String] = []
        if let fromHeader { headers.append(fromHeader) }
        headers.append(toHeader)
        headers.append(MailMessage.header("Subject", MailMessage.unstructured(MailMessage.oneLine(subject), name: "Subject")))
        headers.append("Date: \(MailMessage.headerDate(date))")
        headers.append(MailMessage.header("Message-ID", [messageID]))
        headers.append("MIME-Version: 1.0")
        if attachments.isEmpty {
            headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        } else {
            headers.append("Content-Type: multipart/mixed; boundary=\"\(mixed)\"")
        }
        headers.append("Auto-Submitted: auto-generated")
        headers.append("X-Mailer: sargs")
        var out = headers.joined(separator: "\r\n") + "\r\n\r\n"
        var alternative = ""
        for (type, body) in [("text/plain; charset=UTF-8", text), ("text/markdown; charset=UTF-8; variant=CommonMark", markdown)] {
            alternative += "--\(boundary)\r\n"
            alternative += "Content-Type: \(type)\r\n"
            alternative += "Content-Transfer-Encoding: base64\r\n\r\n"
            alternative += MailMessage.base64Lines(body) + "\r\n"
        }
        alternative += "--\(boundary)--\r\n"
        if attachments.isEmpty {
            out += "This is a message in MIME format: plain text and Markdown.\r\n\r\n" + alternative
            return out
        }
        out += "This is a message in MIME format: plain text and Markdown, and attached files.\r\n\r\n"
        out += "--\(mixed)\r\n"
        out += "Content-Type: multipart/alternative; boundary=\"\(boundary)\"\r\n\r\n"
        out += alternative
        for attachment in attachments {
            let name = MailMessage.fileName(attachment.name)
            out += "--\(mixed)\r\n"
            let charset = attachment.utf8Text ? ["charset=\"utf-8\";"] : []
            out += MailMessage.header("Content-Type", ["\(MailMessage.mimeType(attachment.mimeType));"] + charset + ["name=\"\(name)\""]) + "\r\n"
            out += MailMessage.header("Content-Disposition", ["attachment;", "filename=\"\(name)\""]) + "\r\n"
            out += "Content-Transfer-Encoding: base64\r\n\r\n"
            if !attachment.bytes.isEmpty { out += MailMessage.base64Lines(attachment.bytes) + "\r\n" }
        }
        out += "--\(mixed)--\r\n"
        return out
    }
}
