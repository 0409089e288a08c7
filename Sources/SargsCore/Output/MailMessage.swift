import Foundation

/// One e-mail as `sendmail -t` reads it (RFC 5322 and MIME, issue 15): a
/// plain-text part and the same in Markdown as `multipart/alternative`, both
/// UTF-8 in base64 lines of 76 characters, every line ended CRLF. Headers are
/// made only from validated addresses (`EmailAddress`) and a subject with
/// every control character removed and, when it is not ASCII, written as
/// RFC 2047 encoded words: a line break in a header is impossible by
/// construction.
public struct MailMessage: Hashable, Sendable {
    public var to: String
    /// The sender; nil leaves `From:` to the mail system (sendmail fills it in).
    public var from: String?
    public var subject: String
    public var text: String
    public var markdown: String
    public var date: Date
    /// Ties the message to its content: the same digest gives the same value.
    public var fingerprint: String
    /// The domain of the Message-ID (the host's name).
    public var domain: String

    /// - Precondition: `to` (and `from`, if given) are valid `EmailAddress`es;
    ///   `MailMessage.init` refuses others by returning nil.
    public init?(to: String, from: String? = nil, subject: String, text: String, markdown: String, date: Date,
                 domain: String = "localhost") {
        guard EmailAddress.isValid(to), from.map(EmailAddress.isValid) ?? true else { return nil }
        self.to = to
        self.from = from
        self.subject = subject
        self.text = text
        self.markdown = markdown
        self.date = date
        self.fingerprint = MailMessage.fingerprint(of: subject + "\n" + text)
        let safeDomain = domain.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "." || $0 == "-") }
        self.domain = safeDomain && !domain.isEmpty ? domain : "localhost"
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

    /// The subject as a header value: one line, controls removed, encoded
    /// words (`=?UTF-8?B?…?=`, each under 76 characters and never splitting
    /// a character) when it holds anything but printable ASCII.
    public static func encodedSubject(_ subject: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in subject.unicodeScalars {
            if scalar.properties.isWhitespace {
                if scalars.last != " " { scalars.append(" ") }  // a line break or tab becomes one space
            } else if scalar.value >= 0x20 && scalar.value != 0x7F && !FreeText.isRefusedControl(scalar.value) {
                scalars.append(scalar)
            }
        }
        let line = String(scalars)
        if line.unicodeScalars.allSatisfy({ $0.value < 0x7F }) && line.utf8.count <= 900 { return line }
        // 45 bytes of UTF-8 become 60 characters of base64: with "=?UTF-8?B?" and "?=", 72.
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in line.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
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

    /// A body part's text: line ends CRLF, then base64 in lines of 76.
    static func base64Lines(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacing(scalar: "\n", with: "\r\n")
        return Data(normalised.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
    }

    /// The message as a person reads it before it is sent (`--dry-run`):
    /// the headers that matter, decoded, and the plain text.
    public var preview: String {
        var lines: [String] = []
        if let from { lines.append("From: \(from)") }
        lines.append("To: \(to)")
        lines.append("Subject: " + SafeText.line(subject))
        return lines.joined(separator: "\n") + "\n\n" + text + (text.hasSuffix("\n") ? "" : "\n") + String(repeating: "-", count: 60)
    }

    /// The whole message, CRLF line ends.
    public func rendered() -> String {
        let boundary = "=_sargs_" + fingerprint
        var headers: [String] = []
        if let from { headers.append("From: \(from)") }
        headers.append("To: \(to)")
        headers.append("Subject: \(MailMessage.encodedSubject(subject))")
        headers.append("Date: \(MailMessage.headerDate(date))")
        headers.append("Message-ID: <sargs.\(fingerprint).\(Int(date.timeIntervalSince1970))@\(domain)>")
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        headers.append("Auto-Submitted: auto-generated")
        headers.append("X-Mailer: sargs")
        var out = headers.joined(separator: "\r\n") + "\r\n\r\n"
        out += "This is a message in MIME format: plain text and Markdown.\r\n\r\n"
        for (type, body) in [("text/plain; charset=UTF-8", text), ("text/markdown; charset=UTF-8; variant=CommonMark", markdown)] {
            out += "--\(boundary)\r\n"
            out += "Content-Type: \(type)\r\n"
            out += "Content-Transfer-Encoding: base64\r\n\r\n"
            out += MailMessage.base64Lines(body) + "\r\n"
        }
        out += "--\(boundary)--\r\n"
        return out
    }
}
