/// How many terminal columns text takes.
///
/// Widths follow what a UTF-8 terminal (and ncursesw's `wcwidth`) does:
/// control characters and combining marks take 0 columns, East Asian wide and
/// fullwidth characters and emoji take 2, everything else — Latvian letters
/// such as ā č ē ģ ī ķ ļ ņ š ū ž included — takes 1. A grapheme cluster takes
/// the width of its widest scalar ("e" + U+0301 is 1, a flag is 2).
public enum DisplayWidth {
    /// Columns taken by `string`.
    public static func of(_ string: String) -> Int {
        if let width = latinWidth(string) {
            return width
        }
        var total = 0
        for character in string {
            total += of(character)
        }
        return total
    }

    /// The width of text made only of scalars below U+0300 (ASCII, Latin-1,
    /// Latin Extended-A/B: all Latvian letters), where every scalar is its own
    /// grapheme and one column wide unless it is a control character; nil for
    /// any other text. Much faster than walking graphemes.
    static func latinWidth(_ string: String) -> Int? {
        var width = 0
        for scalar in string.unicodeScalars {
            let value = scalar.value
            if value >= 0x300 {
                return nil
            }
            if value >= 0x20, value < 0x7F || value >= 0xA0 {
                width += 1
            }
        }
        return width
    }

    /// Whether `string` is made only of scalars below U+0300 (see `latinWidth`).
    static func isLatin(_ string: String) -> Bool {
        // U+0300 is the first scalar whose UTF-8 lead byte is 0xCC.
        string.utf8.allSatisfy { $0 < 0xCC }
    }

    /// One-scalar strings for U+0000 ..< U+0300, so Latin text becomes cells
    /// without building a string per character.
    static let latinStrings: [String] = (0..<0x300).map { String(Character(Unicode.Scalar(UInt32($0))!)) }

    /// Columns taken by one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        // Fast path: printable ASCII and Latin text.
        if scalars.count == 1, let scalar = scalars.first {
            return of(scalar)
        }
        var widest = 0
        var regionalIndicators = 0
        var emojiBase = false
        for scalar in scalars {
            // U+FE0F (emoji presentation) does not widen a narrow base here:
            // ncurses (wcwidth) advances one column for "✈️", and so do terminals
            // like tmux; the canvas shows such a cell without the selector.
            _ = emojiBase
            if (0x1F1E6...0x1F1FF).contains(scalar.value) {
                regionalIndicators += 1
            }
            if widest == 0 {
                emojiBase = scalar.properties.isEmoji && scalar.value > 0xFF
            }
            widest = max(widest, of(scalar))
        }
        if regionalIndicators >= 2 {
            return 2
        }
        return widest
    }

    /// How a grapheme cluster that one terminal cell cannot hold is shown
    /// instead, in one-column cells of the same total width; nil when the
    /// cluster fits a cell as it is.
    ///
    /// A cell holds one spacing character and up to four non-spacing ones
    /// (X/Open curses' `cchar_t`, `CCHARW_MAX` = 5), and ncurses drops what
    /// follows a second spacing character: a flag (two regional indicators),
    /// a skin-toned emoji or a ZWJ sequence would lose parts. Never a
    /// fragment: a flag shows as its two letters ("LV"), anything else as
    /// U+FFFD in each of its columns (`replacementMark`).
    public static func replacement(for character: Character, width: Int) -> [String]? {
        let scalars = character.unicodeScalars
        guard scalars.count > 1 else { return nil }
        if width == 1, scalars.contains("\u{FE0F}") {
            // A narrow symbol asked to look like an emoji ("✈️"): shown as the
            // symbol, one column, whatever the terminal would make of the selector.
            let plain = scalars.filter { $0 != "\u{FE0F}" }
            if plain.count <= 5, plain.dropFirst().allSatisfy({ of($0) == 0 && !$0.properties.isEmojiModifier }) {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: plain)
                return [String(text)]
            }
        }
        var fits = scalars.count <= 5
        if fits {
            for scalar in scalars.dropFirst() where of(scalar) != 0 || scalar.properties.isEmojiModifier {
                fits = false
                break
            }
        }
        if fits { return nil }
        let indicators = scalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }
        if indicators.count == 2, width == 2 {
            return indicators.map { String(Character(Unicode.Scalar($0.value - 0x1F1E6 + 0x41)!)) }
        }
        return Array(repeating: replacementMark, count: max(width, 1))
    }

    /// One column of a cluster that cannot be shown whole.
    public static let replacementMark = "\u{FFFD}"

    /// Columns taken by one Unicode scalar on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F {
            return value >= 0x20 ? 1 : 0
        }
        if value < 0xA0 {
            return 0 // DEL and C1 controls
        }
        if value < 0x300 {
            return 1 // Latin-1 and Latin Extended (ā č ē ģ ī ķ ļ ņ š ū ž)
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .control:
            return 0
        case .format:
            return 0
        default:
            break
        }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            return 0 // Hangul medial vowels and final consonants join the syllable
        }
        if (0x200B...0x200F).contains(value) || value == 0x2028 || value == 0x2029 || value == 0x2060 {
            return 0
        }
        if isWide(value) || scalar.properties.isEmojiPresentation {
            return 2
        }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges of Unicode 15, as glibc uses them.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x18CFF,
        0x18D00...0x18D08, 0x1AFF0...0x1AFFE, 0x1B000...0x1B2FF, 0x1F004...0x1F004,
        0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202,
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
        0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4,
        0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
        0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596,
        0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC,
        0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A,
        0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]

    private static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// `string` cut to at most `width` columns. When anything is cut, the result
    /// ends with `ellipsis` (and still fits in `width`).
    public static func truncate(_ string: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if isLatin(string) {
            return truncateLatin(string, to: width, ellipsis: ellipsis)
        }
        return truncateGraphemes(string, to: width, ellipsis: ellipsis)
    }

    /// `truncate` for any text, grapheme by grapheme.
    static func truncateGraphemes(_ string: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        let ellipsisWidth = of(ellipsis)
        let budget = width - ellipsisWidth
        var used = 0
        var index = string.startIndex
        // Where the text is cut when an ellipsis has to follow.
        var cut = string.startIndex
        var withinBudget = budget >= 0
        while index < string.endIndex {
            let characterWidth = of(string[index])
            if used + characterWidth > width {
                if ellipsisWidth > width {
                    return String(string[..<cut])
                }
                return String(string[..<cut]) + ellipsis
            }
            used += characterWidth
            index = string.index(after: index)
            if withinBudget && used <= budget {
                cut = index
            } else {
                withinBudget = false
            }
        }
        return string
    }

    /// `truncate` for text where every scalar is one grapheme of width 0 or 1.
    private static func truncateLatin(_ string: String, to width: Int, ellipsis: String) -> String {
        let scalars = string.unicodeScalars
        let ellipsisWidth = of(ellipsis)
        let budget = width - ellipsisWidth
        var used = 0
        var cut = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let value = scalars[index].value
            let scalarWidth = value >= 0x20 && (value < 0x7F || value >= 0xA0) ? 1 : 0
            if used + scalarWidth > width {
                let kept = String(scalars[..<cut])
                return ellipsisWidth > width ? kept : kept + ellipsis
            }
            used += scalarWidth
            scalars.formIndex(after: &index)
            if used <= budget {
                cut = index
            }
        }
        return string
    }
}

/// `string` cut to at most `width` display columns, ending with "…" when cut
/// ("~" with `ascii`).
public func truncate(_ string: String, to width: Int, ascii: Bool = false) -> String {
    DisplayWidth.truncate(string, to: width, ellipsis: ascii ? Glyphs.ascii.ellipsis : Glyphs.unicode.ellipsis)
}

extension String {
    /// Columns this text takes in a terminal.
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension Character {
    /// Columns this character takes in a terminal.
    public var displayWidth: Int { DisplayWidth.of(self) }
}
