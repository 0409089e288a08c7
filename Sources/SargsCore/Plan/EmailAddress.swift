/// The form of an institution's e-mail address (SPEC §3): `local@domain`,
/// ASCII, as RFC 5321 allows in a mailbox without quoting: the local part of
/// letters, digits and `!#$%&'*+/=?^_`{|}~.-` (no dot first, last or doubled),
/// the domain of at least two dot-separated labels of letters, digits and
/// hyphens. No space, comma, angle bracket, quote or control character can
/// pass, so an address put in a `To:` header can never add another header or
/// recipient.
public enum EmailAddress {
    /// The longest address a mail server accepts (RFC 5321: 254 octets in a path).
    public static let maximumLength = 254

    /// Whether `text` is an address of that form.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= maximumLength,
              let at = bytes.lastIndex(of: UInt8(ascii: "@")), bytes.firstIndex(of: UInt8(ascii: "@")) == at else { return false }
        let local = bytes[..<at]
        let domain = bytes[(at + 1)...]
        return isLocalPart(local) && isDomain(domain)
    }

    private static let localSpecials = Set("!#$%&'*+/=?^_`{|}~-".utf8)

    private static func isLetterOrDigit(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func isLocalPart(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 64, bytes.first != UInt8(ascii: "."), bytes.last != UInt8(ascii: ".") else {
            return false
        }
        var previous: UInt8 = 0
        for b in bytes {
            if b == UInt8(ascii: ".") {
                if previous == b { return false }
            } else if !isLetterOrDigit(b) && !localSpecials.contains(b) {
                return false
            }
            previous = b
        }
        return true
    }

    private static func isDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ isLetterOrDigit($0) || $0 == UInt8(ascii: "-") }) else { return false }
        }
        return true
    }

    /// Why `text` is refused, in both languages, naming the field.
    public static func refusal(_ text: String, field: Phrase) -> Phrase {
        let shown = SafeText.line(text)
        return Phrase(lv: "\(field.lv): '\(shown)' nav e-pasta adrese (jābūt, piemēram, socialais.dienests@example.lv)",
                      en: "\(field.en): '\(shown)' is not an e-mail address (expected e.g. socialais.dienests@example.lv)")
    }
}
