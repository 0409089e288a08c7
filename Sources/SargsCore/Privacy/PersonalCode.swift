import Foundation

/// The guard that keeps personal data out of the board (SPEC §6).
///
/// A Latvian personal code is six digits and five digits, joined by nothing,
/// by one space-like character or by one dash-like character, the dash
/// optionally with one space on each side. The separators come from Unicode's
/// data, not from a hand-made list. Dash-like is Unicode `Pd`, every
/// character with the `Dash` property (minus signs included) and every
/// character whose UTS #39 confusable skeleton is the skeleton of any of
/// those (`ConfusableSeparators.dash`): of the hyphen-minus (U+2043 ⁃,
/// U+2796 ➖, U+02D7 ˗ …), of the em dash (box drawing U+2500 ─ and U+2501 ━,
/// U+30FC ー, U+4E00 一, U+2F00 ⼀, U+3161 ㅡ, U+1173, U+31D0, U+A7F7), of
/// the swung dash (`~`, U+223C ∼, U+02DC ˜), of the double hyphens U+2E40
/// and U+30A0 (`=`), of the vertical em dash U+FE31 (U+2502 │, U+FF5C ｜).
/// Space-like is Unicode `Zs`, every character whose skeleton is the skeleton
/// of a `Zs` character (`ConfusableSeparators.space`: U+2028, U+2029), a tab
/// and a line break. The tables are generated from ICU's data by
/// `contrib/unicode/separators.py`. A decimal digit is a digit before
/// anything else. Digits are any script's decimal digits (`Nd`:
/// "０１０２０３", "٠١٠٢٠٣"); the invisible combining marks (`Mn`, `Mc`,
/// `Me`: U+0332, a keycap U+20E3) and format characters (`Cf`,
/// default-ignorable code points: U+200B, U+00AD, U+2060 …) are ignored
/// wherever they stand. The text is normalised with NFKC first, so
/// compatibility forms (full-width digits and dashes) read as their plain
/// forms; a separator is a separator as written, whatever NFKC makes of it
/// (U+FF5C ｜ would become `|`, U+02DC ˜ a space and a combining tilde).
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
    /// end, format characters and combining marks are in neither).
    ///
    /// The text is put in NFC, then read in runs: a separator that NFKC would
    /// change (U+FF5C ｜ becomes `|`, U+02DC ˜ a space and a combining tilde,
    /// U+00A0 a space) ends the run before it and is a separator as written;
    /// each run is put in NFKC and read scalar by scalar. (Every other
    /// separator is left as it is by NFKC, so one run holds most texts.)
    static func normalisedScalars(_ text: String) -> (scalars: [Unicode.Scalar], tokens: [Token]) {
        var tokens: [Token] = []
        var scalars: [Unicode.Scalar] = []
        var run = String.UnicodeScalarView()
        // Reads the run so far, in NFKC, and empties it.
        func readRun() {
            guard !run.isEmpty else { return }
            defer { run = String.UnicodeScalarView() }
            for scalar in String(run).precomposedStringWithCompatibilityMapping.unicodeScalars {
                // Format characters and combining marks (U+0332 under a digit, a keycap U+20E3) are
                // passed over: "0̲1̲0̲1̲0̲1̲-1̲2̲3̲4̲5̲" is still the code. (After NFKC, a Latvian letter
                // carries no separate mark.) A line break is a space here: a code pasted from wrapped
                // text is still a code ("\r\n" is one break: the CR is passed over).
                if Self.isPassedOver(scalar) { continue }
                scalars.append(scalar)
                let properties = scalar.properties
                if properties.numericType == .decimal, let value = properties.numericValue,
                   value >= 0, value <= 9 {
                    tokens.append(.digit(UInt8(value)))
                } else {
                    tokens.append(Self.separator(scalar) ?? .other)
                }
            }
        }
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            // A digit stays a digit: no separator is a decimal digit, nor becomes one in NFKC
            // (the generator leaves such scalars out; a test walks every scalar).
            if scalar.properties.changesWhenNFKCCaseFolded, let separator = Self.separator(scalar) {
                readRun()
                // Its place in the text is taken by its NFKC form, as the rest of the text's.
                let plain = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars
                scalars.append(plain.first { !Self.isPassedOver($0) } ?? scalar)
                tokens.append(separator)
            } else {
                run.append(scalar)
            }
        }
        readRun()
        return (scalars, tokens)
    }

    /// Whether the reading passes over `scalar`: a format character, a
    /// default-ignorable code point, a combining mark, a carriage return.
    static func isPassedOver(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark, .spacingMark: return true
        default: return properties.isDefaultIgnorableCodePoint || scalar == "\r"
        }
    }

    /// Whether `scalar` separates the parts of a code: `.space` for a line
    /// break, a tab, `Zs` and its look-alikes, `.dash` for `Pd`, `Dash` and
    /// their look-alikes; nil for anything else.
    static func separator(_ scalar: Unicode.Scalar) -> Token? {
        if scalar == "\n" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{0B}" || scalar == "\u{0C}" {
            return .space
        }
        let properties = scalar.properties
        if properties.generalCategory == .spaceSeparator || scalar == "\t"
            || Self.isListed(scalar, in: ConfusableSeparators.space) {
            return .space
        }
        // Minus signs (U+2212, and U+FE63, U+FF0D before NFKC) have the Dash property.
        if properties.generalCategory == .dashPunctuation || properties.isDash
            || Self.isListed(scalar, in: ConfusableSeparators.dash) {
            return .dash
        }
        return nil
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
