/// The guard that keeps personal data out of the board (SPEC §6): a Latvian
/// personal code is six digits, an optional hyphen and five digits.
public enum PersonalCode {
    /// The first substring of `text` shaped like a personal code, if any.
    /// Digits directly before or after the eleven do not make a code (a longer
    /// number is something else).
    public static func find(in text: String) -> Substring? {
        let chars = Array(text.unicodeScalars)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < chars.count && ("0"..."9").contains(chars[i]) }
        var i = 0
        while i < chars.count {
            if isDigit(i) && !isDigit(i - 1) {
                var j = i
                while isDigit(j) { j += 1 }
                let run = j - i
                var end: Int? = nil
                if run == 11 {
                    end = j
                } else if run == 6, j < chars.count, chars[j] == "-" {
                    var k = j + 1
                    while isDigit(k) { k += 1 }
                    if k - (j + 1) == 5 { end = k }
                }
                if let end {
                    let scalars = text.unicodeScalars
                    let lo = scalars.index(scalars.startIndex, offsetBy: i)
                    let hi = scalars.index(scalars.startIndex, offsetBy: end)
                    return text[lo..<hi]
                }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }

    public static func contains(_ text: String) -> Bool { find(in: text) != nil }
}
