import Foundation

/// The guard that keeps personal data out of the board (SPEC §6).
///
/// A Latvian personal code is six digits and five digits, joined by nothing,
/// by one space-like character or by one dash-like character, the dash
/// optionally with one space on each side. The separators come from Unicode's
/// data, not from a hand-made list: space-like is Unicode `Zs`, every
/// character whose UTS #39 confusable skeleton is a space
/// (`ConfusableSeparators.space`), a tab and a line break; dash-like is
/// Unicode `Pd`, every character with the `Dash` property (minus signs
/// included) and every character whose skeleton is a hyphen-minus
/// (`ConfusableSeparators.hyphenMinus`, generated from ICU's data by
/// `contrib/unicode/separators.py`: U+2043 ⁃, U+2796 ➖, U+02D7 ˗ …). A
/// decimal digit is a digit before anything else. Digits are any
/// script's decimal digits (`Nd`: "０１０２０３", "٠١٠٢٠٣"); the invisible
/// combining marks (`Mn`, `Mc`, `Me`: U+0332, a keycap U+20E3) and
/// format characters (`Cf`, default-ignorable code points: U+200B, U+00AD,
/// U+2060 …) are ignored wherever they stand. The text is normalised with
/// NFKC first, so compatibility forms (full-width digits and dashes) read
/// as their plain forms.
///
/// A bare run of eleven digits is a code only when its first six are a valid
/// `DDMMYY` date or begin with `32` (the form issued since 2017): an invoice
/// number `12345678901` is not refused. A run of digits longer than the code
/// (twelve or more, or more digits right after the five) is some other number.
public enum PersonalCode {
    /// The first personal code in `text`, in its normalised form
    /// (ASCII digits, `-` between the parts when they were separated), or nil.
    public static func find(in text: String) -> String? {
        // Fast path: a text with fewer than eleven digit-like scalars cannot hold a code.
        var digits = 0
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                if scalar.value >= 0x30 && scalar.value <= 0x39 { digits += 1 }
            } else if Self.mayBecomeDigits(scalar) {
                digits += Self.mostDigitsPerScalar
            }
            if digits >= 11 { break }
        }
        if digits < 11 { return nil }
        return scan(normalised(text))
    }

    /// Whether a non-ASCII scalar may stand for digits once normalised: a
    /// digit or number of any script (Numeric_Type: ①, ¹, ٣, １), or a scalar
    /// that NFKC (with case folding) changes at all, which covers every
    /// compatibility form that decomposes to digits (㏠ → "1日"). Latvian
    /// letters (ā, š, ž) are none of these, so ordinary text takes the fast path.
    static func mayBecomeDigits(_ scalar: Unicode.Scalar) -> Bool {
        // (A test walks every assigned scalar to hold this and the bound below.)
        let properties = scalar.properties
        return properties.numericType != nil || properties.changesWhenNFKCCaseFolded
    }

    /// The most decimal digits one scalar normalises to (⅒ → "1⁄10").
    static let mostDigitsPerScalar = 3

    /// Whether `text` holds a personal code (see `find(in:)`).
    public static func contains(_ text: String) -> Bool { find(in: text) != nil }

    /// One scalar of the normalised text: a digit with its value, a separator
    /// of the space or dash family, or anything else.
    enum Token: Equatable {
        case digit(UInt8)
        case space
        case dash
        case other
    }

    /// NFKC, with format characters dropped and decimal digits of any script
    /// mapped to their values.
    static func normalised(_ text: String) -> [Token] {
        normalisedScalars(text).tokens
    }

    /// The normalised text's scalars beside their tokens (the CR of a line
    /// end and format characters are in neither).
    static func normalisedScalars(_ text: String) -> (scalars: [Unicode.Scalar], tokens: [Token]) {
        var tokens: [Token] = []
        var scalars: [Unicode.Scalar] = []
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            let properties = scalar.properties
            // Format characters and combining marks (U+0332 under a digit, a keycap U+20E3) are
            // passed over: "0̲1̲0̲1̲0̲1̲-1̲2̲3̲4̲5̲" is still the code. (After NFKC, a Latvian letter
            // carries no separate mark.)
            if properties.generalCategory == .format || properties.isDefaultIgnorableCodePoint
                || properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
                || properties.generalCategory == .spacingMark { continue }
            // A line break is a space here: a code pasted from wrapped text is still a code
            // ("\r\n" is one break: the CR is passed over).
            if scalar == "\r" { continue }
            scalars.append(scalar)
            if scalar == "\n" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{0B}" || scalar == "\u{0C}" {
                tokens.append(.space)
                continue
            }
            if properties.numericType == .decimal, let value = properties.numericValue,
               value >= 0, value <= 9 {
                tokens.append(.digit(UInt8(value)))
            } else if properties.generalCategory == .spaceSeparator || scalar == "\t"
                        || Self.isListed(scalar, in: ConfusableSeparators.space) {
                tokens.append(.space)
            } else if properties.generalCategory == .dashPunctuation || properties.isDash
                        || Self.isListed(scalar, in: ConfusableSeparators.hyphenMinus) {
                // Minus signs (U+2212, and U+FE63, U+FF0D before NFKC) have the Dash property.
                tokens.append(.dash)
            } else {
                tokens.append(.other)
            }
        }
        return (scalars, tokens)
    }

    /// Whether `scalar` is in `table`, sorted ascending (a binary search; a
    /// scalar outside the table's span costs two comparisons).
    static func isListed(_ scalar: Unicode.Scalar, in table: [UInt32]) -> Bool {
        let value = scalar.value
        guard let first = table.first, let last = table.last, value >= first, value <= last else { return false }
        var low = 0
        var high = table.count
        while low < high {
            let middle = (low + high) / 2
            if table[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < table.count && table[low] == value
    }

    /// `text` with every personal code in it replaced by `mask`, and how
    /// many were replaced (SPEC §6; for text read from elsewhere, such as a
    /// plan's document, where refusing is not possible). Text with a code
    /// comes back NFKC-normalised, without format characters; text without
    /// one comes back as it is.
    public static func masked(_ text: String, with mask: String) -> (text: String, count: Int) {
        guard contains(text) else { return (text, 0) }
        var (scalars, tokens) = normalisedScalars(text)
        var count = 0
        while let range = scanRange(tokens) {
            scalars.replaceSubrange(range, with: Array(mask.unicodeScalars))
            tokens.replaceSubrange(range, with: Array(repeating: Token.other, count: mask.unicodeScalars.count))
            count += 1
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return (String(view), count)
    }

    private static func scan(_ tokens: [Token]) -> String? {
        guard let range = scanRange(tokens) else { return nil }
        let digits = tokens[range].map { token -> Character in
            if case .digit(let d) = token { return Character(Unicode.Scalar(d + 0x30)) }
            return "-"
        }
        // The parts joined by one "-" whatever separated them.
        var code = ""
        for c in digits where !(c == "-" && code.hasSuffix("-")) { code.append(c) }
        return code
    }

    /// Where the first personal code lies in the tokens: its digits and the separator between its parts.
    private static func scanRange(_ tokens: [Token]) -> Range<Int>? {
        func digit(_ i: Int) -> UInt8? {
            guard i >= 0, i < tokens.count, case .digit(let d) = tokens[i] else { return nil }
            return d
        }
        var i = 0
        while i < tokens.count {
            guard digit(i) != nil, digit(i - 1) == nil else { i += 1; continue }
            var j = i
            while digit(j) != nil { j += 1 }
            let run = (i..<j).map { digit($0)! }
            if run.count == 11, isBareCode(run) {
                return i..<j
            }
            if run.count == 6, let secondStart = separatorEnd(tokens, from: j) {
                var k = secondStart
                while digit(k) != nil { k += 1 }
                if k - secondStart == 5 {
                    return i..<k
                }
            }
            i = j
        }
        return nil
    }

    /// Where the second part starts, if `tokens[from...]` begins with a
    /// separator: one space, one dash, or a dash with one space on each side.
    private static func separatorEnd(_ tokens: [Token], from j: Int) -> Int? {
        func at(_ i: Int) -> Token? { i < tokens.count ? tokens[i] : nil }
        switch at(j) {
        case .dash?:
            return at(j + 1) == .space && at(j + 2).map(isDigit) == true ? j + 2 : j + 1
        case .space?:
            if at(j + 1) == .dash { return at(j + 2) == .space ? j + 3 : j + 2 }
            return j + 1
        default:
            return nil
        }
    }

    private static func isDigit(_ token: Token) -> Bool {
        if case .digit = token { return true }
        return false
    }

    /// Eleven digits written together are a code when they begin with `32`
    /// or with a valid `DDMMYY` date.
    static func isBareCode(_ digits: [UInt8]) -> Bool {
        if digits[0] == 3 && digits[1] == 2 { return true }
        let day = Int(digits[0]) * 10 + Int(digits[1])
        let month = Int(digits[2]) * 10 + Int(digits[3])
        let year = Int(digits[4]) * 10 + Int(digits[5])
        guard (1...12).contains(month), day >= 1 else { return false }
        let lengths = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }
}
