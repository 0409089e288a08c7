import Foundation

/// What a free-text field accepts (SPEC §6): the one check every writer of
/// data calls before anything is saved (the board's forms, the commands, the
/// store's edge, the plan-file reader, `--user`).
///
/// Refused: a personal code (see `PersonalCode`); the C0 controls but tab
/// (a line break only where `lines` is `.several`: notes and decision texts);
/// DEL; the C1 controls U+0080–U+009F; the bidirectional embedding, override
/// and isolate characters U+202A–U+202E and U+2066–U+2069; the line and
/// paragraph separators U+2028 and U+2029 in a one-line field.
public enum FreeText {
    /// Whether a field may hold line breaks.
    public enum Lines: Sendable {
        case one
        case several
    }

    /// The most characters a change may write into a field: a line (500)
    /// or several (10,000), as the board's text fields hold them.
    public static func limit(_ lines: Lines) -> Int { lines == .one ? 500 : 10_000 }

    /// Why a text is refused.
    public enum Problem: Hashable, Sendable {
        case personalCode
        case lineBreak
        case control(UInt32)

        /// The refusal, naming the field, in both languages. The personal
        /// code itself is never repeated.
        public func phrase(field: Phrase) -> Phrase {
            switch self {
            case .personalCode:
                return Phrase(
                    lv: "\(field.lv) satur personas kodu; personas dati šeit netiek glabāti — lietas paliek iestāžu sistēmās; nekas netika saglabāts",
                    en: "\(field.en) contains a personal code; the board keeps no personal data — case files stay in the institutions' own systems; nothing was saved")
            case .lineBreak:
                return Phrase(lv: "\(field.lv) nedrīkst saturēt rindu pārnesumus (tie atļauti tikai piezīmēs un lēmumos); nekas netika saglabāts",
                              en: "\(field.en) must be one line (line breaks are allowed only in notes and decisions); nothing was saved")
            case .control(let value):
                let hex = String(value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                return Phrase(lv: "\(field.lv) satur vadības rakstzīmi \(code), ko nevar saglabāt; nekas netika saglabāts",
                              en: "\(field.en) contains the control character \(code), which cannot be saved; nothing was saved")
            }
        }
    }

    /// The first reason to refuse `text`, or nil when it may be saved.
    public static func problem(in text: String, lines: Lines) -> Problem? {
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 {
                if lines == .one { return .lineBreak }
                continue  // "\n", "\r\n" or "\r": writers turn each into their own line break
            }
            if isRefusedControl(v) { return .control(v) }
        }
        return PersonalCode.contains(text) ? .personalCode : nil
    }

    /// C0 but tab and line feed, DEL, C1, bidi embeddings, overrides and isolates.
    @inlinable
    public static func isRefusedControl(_ v: UInt32) -> Bool {
        (v < 0x20 && v != 0x09 && v != 0x0A) || (v >= 0x7F && v <= 0x9F)
            || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }
}
