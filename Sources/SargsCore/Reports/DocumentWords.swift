/// The typography of documents for the council (issue 26, SPEC §7 `meeting
/// show`, `report`): dates as a Latvian office writes them ("2025. gada
/// 24. aprīlis", in running text "2025. gada 24. aprīlī"), the decimal
/// comma, counts that agree with their unit ("25 jaunieši", "21 jaunietis"),
/// and the running header of each page.
public enum DocumentWords {
    static let monthsNominative = ["janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs", "jūlijs", "augusts",
                                   "septembris", "oktobris", "novembris", "decembris"]
    static let monthsLocative = ["janvārī", "februārī", "martā", "aprīlī", "maijā", "jūnijā", "jūlijā", "augustā",
                                 "septembrī", "oktobrī", "novembrī", "decembrī"]
    static let monthsEnglish = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                "October", "November", "December"]

    /// How a date stands in a sentence: alone (a heading, a header) or as
    /// the time something happened ("notika 2025. gada 24. aprīlī").
    public enum DateCase: Sendable {
        case nominative, locative
    }

    /// `day` as words: "2025. gada 24. aprīlis" (nominative) or "2025. gada
    /// 24. aprīlī" (locative) in Latvian, "24 April 2025" in English (both cases).
    public static func date(_ day: Day, _ language: Language, _ grammaticalCase: DateCase = .nominative) -> String {
        switch language {
        case .lv:
            let months = grammaticalCase == .nominative ? monthsNominative : monthsLocative
            return "\(day.year). gada \(day.day). \(months[day.month - 1])"
        case .en:
            return "\(day.day) \(monthsEnglish[day.month - 1]) \(day.year)"
        }
    }

    /// `value` with `fractionDigits` digits after the decimal sign: a comma
    /// in Latvian ("83,3"), a point in English ("83.3"); no grouping.
    public static func decimal(_ value: Double, fractionDigits: Int = 1, _ language: Language) -> String {
        let scale = (0..<max(0, fractionDigits)).reduce(1.0) { r, _ in r * 10 }
        let rounded = (value * scale).rounded() / scale
        var whole = Int(rounded.rounded(.towardZero))
        var fraction = Int(((abs(rounded) - Double(abs(whole))) * scale).rounded())
        if fraction >= Int(scale) { whole += rounded < 0 ? -1 : 1; fraction = 0 }
        guard fractionDigits > 0 else { return String(whole) }
        let digits = String(fraction)
        let padded = String(repeating: "0", count: max(0, fractionDigits - digits.count)) + digits
        return (rounded < 0 && whole == 0 ? "-" : "") + "\(whole)\(language == .lv ? "," : ".")\(padded)"
    }

    /// A share as a percentage with the language's decimal sign: "83,3 %" (lv), "83.3%" (en).
    public static func percent(_ part: Int, of whole: Int, _ language: Language) -> String {
        guard whole > 0 else { return "—" }
        let value = decimal(Double(part) * 100 / Double(whole), fractionDigits: part * 100 % whole == 0 ? 0 : 1, language)
        return language == .lv ? "\(value) %" : "\(value)%"
    }

    /// A count with its unit, the unit as the plan writes it (a Latvian
    /// plural: "jaunieši", "pedagogi", "vietas", or an abbreviation such as
    /// "PII"). Numbers whose Latvian form is "one" (1, 21, 31, not 11;
    /// CLDR) take the singular, made from the plural by the regular
    /// endings: "-as" → "-a", "-es" → "-e", "-ieši" → "-ietis", and the
    /// first-declension suffixes "-nieki", "-tāji", "-ēji", "-umi",
    /// "-isti", "-logi", "-gogi" (→ "-nieks", "-tājs", …). An abbreviation
    /// in capitals stays as written. A unit of several words, or one
    /// whose singular these endings do not tell, is written as a label
    /// ("pedagogi: 21") rather than guessed. Without a unit: the number.
    /// English keeps the plan's word as written ("25 jaunieši").
    public static func count(_ n: Int, unit: String?, _ language: Language) -> String {
        guard let unit = unit?.trimmingBlanks, !unit.isEmpty else { return String(n) }
        guard language == .lv, Plural.isOne(n, .lv) else { return "\(n) \(unit)" }
        guard let one = singular(unit) else { return "\(unit): \(n)" }
        return "\(n) \(one)"
    }

    /// The Latvian singular of a plural unit, by its regular ending; nil when the ending does not tell.
    static func singular(_ plural: String) -> String? {
        guard !plural.contains(" ") else { return nil }
        if plural == plural.uppercased(), plural.contains(where: \.isLetter) { return plural }
        let rules: [(String, String)] = [
            ("ieši", "ietis"), ("nieki", "nieks"), ("tāji", "tājs"), ("ēji", "ējs"), ("umi", "ums"),
            ("isti", "ists"), ("logi", "logs"), ("gogi", "gogs"), ("as", "a"), ("es", "e"),
        ]
        for (ending, replacement) in rules where plural.hasSuffix(ending) && plural.count > ending.count + 1 {
            return String(plural.dropLast(ending.count)) + replacement
        }
        return nil
    }

    /// The running header of a document's pages: the municipality on the
    /// left, what the document is on the right.
    public struct PageHeader: Hashable, Sendable {
        /// The municipality ("Madonas novads").
        public var left: String
        /// "Protokols Nr. 3, 2025. gada 24. aprīlis" or "Pārskats par 2025. gadu".
        public var right: String

        /// Creates a header.
        public init(left: String, right: String) {
            self.left = left
            self.right = right
        }
    }
}
