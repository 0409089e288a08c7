/// The one function every writer passes data through before it reaches a
/// terminal or a file (SPEC §6, "Control characters"): whatever the store
/// holds (an old store, a plan file, another SQLite tool), no byte that a
/// terminal or a viewer acts on gets out.
///
/// Replaced by U+FFFD: C0 controls, DEL, C1 controls (U+0080–U+009F), and the
/// bidirectional embeddings, overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069). Line breaks ("\n", "\r\n", a lone "\r", U+2028, U+2029)
/// become "\n" where the writer keeps lines, else a space; a tab stays where
/// the writer keeps tabs, else becomes a space.
public enum SafeText {
    /// What a writer lets through besides printable text.
    public struct Keeping: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Line breaks, written "\n".
        public static let lines = Keeping(rawValue: 1)
        /// Horizontal tabs.
        public static let tabs = Keeping(rawValue: 2)
        /// With `lines`: a "\r\n" pair stays "\r\n" (iCalendar's line end).
        public static let crlf = Keeping(rawValue: 4)
    }

    /// `text` safe to write (see the type's summary). Text with nothing to
    /// replace is returned as it is, after one pass over its bytes.
    public static func clean(_ text: String, keeping: Keeping = []) -> String {
        if isClean(text, keeping: keeping) { return text }
        let lines = keeping.contains(.lines)
        var out = String.UnicodeScalarView()
        var pendingCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if pendingCR {
                pendingCR = false
                if v == 0x0A {
                    // "\r\n" is one break.
                    if lines && keeping.contains(.crlf) { out.append("\r") }
                    out.append(lines ? "\n" : " ")
                    continue
                }
                out.append(lines ? "\n" : " ")  // a lone "\r"
            }
            switch v {
            case 0x0D:
                pendingCR = true
            case 0x0A, 0x2028, 0x2029:
                out.append(lines ? "\n" : " ")
            case 0x09:
                out.append(keeping.contains(.tabs) ? "\t" : " ")
            default:
                out.append(FreeText.isRefusedControl(v) ? "\u{FFFD}" : scalar)
            }
        }
        if pendingCR { out.append(lines ? "\n" : " ") }
        return String(out)
    }

    /// One line: every break and tab a space.
    public static func line(_ text: String) -> String { clean(text) }

    /// Text for HTML or XML character data and attribute values (the page of
    /// `export --format html`, the document styles' headers): one line, control
    /// characters gone, `&`, `<`, `>`, `"` and `'` as entities.
    public static func markup(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in line(text) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Text whose line breaks continue on lines that start with `indent`, so
    /// that a Markdown list item or an indented text block stays one item.
    public static func indented(_ text: String, by indent: String) -> String {
        let cleaned = clean(text, keeping: .lines)
        guard cleaned.utf8.contains(0x0A) else { return cleaned }
        return cleaned.split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "\n" + indent)
    }

    /// One line of data inside Markdown: `line`, with every character that
    /// Markdown (and pandoc's reader) would act on escaped by a backslash,
    /// so a title such as `*ne*` or `<b>` reads as written in the minutes
    /// and in the document pandoc makes of them.
    public static func markdown(_ text: String) -> String {
        escapeMarkdown(line(text), atLineStart: false)
    }

    /// Data of several lines inside a Markdown list item: `markdown` per
    /// line, each break a hard line break (a backslash at the line's end)
    /// continuing after `indent`, a line that would start a block (`- `,
    /// `# `, `1. `, `> `) escaped.
    public static func markdownIndented(_ text: String, by indent: String) -> String {
        clean(text, keeping: .lines).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { line in
                let text = line.offset == 0 ? Substring(line.element) : line.element.drop { $0 == " " || $0 == "\t" }
                return escapeMarkdown(String(text), atLineStart: line.offset > 0)
            }
            .joined(separator: "\\\n" + indent)
    }

    private static let markdownActive: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "{", "}", "~", "^",
                                                         "$", "|", "#", "&", "@", "!"]

    private static func escapeMarkdown(_ text: String, atLineStart: Bool) -> String {
        guard text.contains(where: { markdownActive.contains($0) || (atLineStart && ($0 == "-" || $0 == "+" || $0 == ":" || $0.isNumber)) })
        else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var start = atLineStart
        for c in text {
            if markdownActive.contains(c) || (start && (c == "-" || c == "+" || c == ":")) { out.append("\\") }
            if start && c.isNumber {
                // "1. " at a line's start would begin a numbered list: escape the dot after the digits.
                out.append(c)
                continue
            }
            if start && (c == "." || c == ")") && out.last?.isNumber == true { out.append("\\") }
            out.append(c)
            if !(c.isNumber) { start = false }
        }
        return out
    }

    /// Whether `text` has nothing to replace; a scan of UTF-8 bytes.
    static func isClean(_ text: String, keeping: Keeping) -> Bool {
        // The bytes in place (a native string is contiguous): a plain loop over them, without the
        // UTF-8 view's iterator, which the calendar and the documents call on every value.
        var text = text
        return text.withUTF8 { isClean(bytes: $0, keeping: keeping) }
    }

    private static func isClean(bytes: UnsafeBufferPointer<UInt8>, keeping: Keeping) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        let crlf = keeping.contains(.lines) && keeping.contains(.crlf)
        for b in bytes {
            if previous == 0x0D && b != 0x0A { return false }  // a lone "\r"
            if b == 0x0D {
                if !crlf { return false }
            } else if b < 0x20 {
                if b == 0x0A { if !keeping.contains(.lines) { return false } }
                else if b == 0x09 { if !keeping.contains(.tabs) { return false } }
                else { return false }
            } else if b == 0x7F {
                return false
            } else if previous == 0xC2 && b >= 0x80 && b <= 0x9F {
                return false  // C1
            } else if beforePrevious == 0xE2 && previous == 0x80 && (b == 0xA8 || b == 0xA9 || (b >= 0xAA && b <= 0xAE)) {
                return false  // U+2028, U+2029, U+202A–U+202E
            } else if beforePrevious == 0xE2 && previous == 0x81 && b >= 0xA6 && b <= 0xA9 {
                return false  // U+2066–U+2069
            }
            beforePrevious = previous
            previous = b
        }
        return previous != 0x0D
    }
}
