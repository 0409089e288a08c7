/// An amount in euros a funding source gives an activity (SPEC §3:
/// `funding: [{code: PB, eur: 1500}]`), held as whole cents so that sums are
/// exact.
///
/// The plan file writes it as a number with a decimal point and at most two
/// decimals (`1500`, `1500.5`, `1500.50`); screens write it the way each
/// language does ("1 500,50 EUR", "EUR 1,500.50"). Amounts are bounded, so
/// that no stored value can overflow a sum.
public struct Euros: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Whole cents, in `0...maximumCents`.
    public let cents: Int

    /// The largest amount a plan may name: one thousand million euros.
    public static let maximumCents = 100_000_000_000

    /// nil when `cents` is negative or above `maximumCents`.
    public init?(cents: Int) {
        guard (0...Self.maximumCents).contains(cents) else { return nil }
        self.cents = cents
    }

    /// Parses the plan file's form: ASCII digits, optionally a point and one
    /// or two more digits (`1500`, `1500.5`, `0.99`); nil for anything else
    /// (a sign, a comma, spaces, an exponent, three decimals) or an amount
    /// out of range.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.count)]
        let fraction = point.map { bytes[($0 + 1)...] } ?? []
        func digits<C: Collection>(_ c: C) -> Bool where C.Element == UInt8 { c.allSatisfy { (48...57).contains($0) } }
        guard !whole.isEmpty, whole.count <= 12, digits(whole), digits(fraction),
              point == nil || (1...2).contains(fraction.count) else { return nil }
        var cents = 0
        for b in whole { cents = cents * 10 + Int(b - 48) }
        cents *= 100
        if let first = fraction.first { cents += Int(first - 48) * 10 }
        if fraction.count == 2 { cents += Int(fraction.last! - 48) }
        self.init(cents: cents)
    }

    /// The plan file's form: `1500`, or `1500.50` when there are cents.
    public var description: String {
        let c = cents % 100
        return c == 0 ? "\(cents / 100)" : "\(cents / 100).\(c < 10 ? "0" : "")\(c)"
    }

    /// The amount for a screen or a document: "1 500 EUR", "1 500,50 EUR"
    /// in Latvian (a space between thousands, a decimal comma), "EUR 1,500"
    /// and "EUR 1,500.50" in English.
    public func text(_ language: Language) -> String {
        let lv = language == .lv
        var digits = Array(String(cents / 100))
        var grouped = ""
        while digits.count > 3 {
            grouped = (lv ? "\u{00A0}" : ",") + String(digits.suffix(3)) + grouped
            digits.removeLast(3)
        }
        grouped = String(digits) + grouped
        let c = cents % 100
        if c != 0 { grouped += (lv ? "," : ".") + (c < 10 ? "0" : "") + String(c) }
        return lv ? grouped + " EUR" : "EUR " + grouped
    }

    public static func < (a: Euros, b: Euros) -> Bool { a.cents < b.cents }

    /// The sum of amounts, or nil when it would pass `maximumCents`.
    public static func sum<S: Sequence>(_ amounts: S) -> Euros? where S.Element == Euros {
        var total = 0
        for a in amounts {
            total += a.cents
            if total > maximumCents { return nil }
        }
        return Euros(cents: total)
    }
}
