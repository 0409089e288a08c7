import Foundation

/// The words of a plan's table read into the plan file's codes (issue 16):
/// the institution column into owner codes, the funding column into funding
/// codes, a title's number of people or institutions into a target (SPEC §3).
/// Latvian names are matched in any case ending ("Sociālais dienests",
/// "sociālajam dienestam").
public enum PlanWords {
    /// Names and short names the standard institutions go by, beside their own names.
    static let institutionAliases: [(words: String, code: String)] = [
        ("izglītības iestādes", "IN"), ("izglītības pārvalde", "IN"), ("skolas", "IN"),
        ("sadarbības grupa", "SG"), ("starpinstitucionālā sadarbības grupa", "SG"),
        ("sociālais dienests", "SD"), ("sociālā dienesta", "SD"),
        ("bāriņtiesa", "BT"), ("valsts policija", "VP"), ("pašvaldības policija", "PP"),
        ("attīstības nodaļa", "AN"), ("jauniešu centri", "JC"), ("jauniešu centrs", "JC"),
        ("valsts probācijas dienests", "VPD"), ("probācijas dienests", "VPD"),
    ]

    static let fundingAliases: [(words: String, code: String)] = [
        ("pašvaldības budžets", "PB"), ("pašvaldības līdzekļi", "PB"), ("valsts budžets", "VB"),
        ("valsts līdzekļi", "VB"), ("eiropas sociālais fonds", "ESF"), ("esf+", "ESF"), ("esf", "ESF"),
    ]

    /// The cell split into its names: commas, semicolons, line breaks and "un".
    static func parts(_ cell: String) -> [String] {
        cell.replacingOccurrences(of: "\n", with: ",").replacingOccurrences(of: ";", with: ",")
            .replacingOccurrences(of: " un ", with: ",")
            .split(separator: ",").map { String($0).trimmingBlanks }.filter { !$0.isEmpty }
    }

    /// Whether two Latvian words are one word in different case endings: a
    /// common start of at least 4 letters that leaves at most 3 letters of
    /// either ("dienests", "dienestam").
    static func sameWord(_ a: Substring, _ b: Substring) -> Bool {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        var common = 0
        while common < min(x.count, y.count) && x[common] == y[common] { common += 1 }
        if common == x.count && common == y.count { return true }
        return common >= 4 && x.count - common <= 3 && y.count - common <= 3
    }

    /// Whether a name (several words) is `words` in some case ending.
    static func sameName(_ name: String, _ words: String) -> Bool {
        let a = name.split(separator: " "), b = words.split(separator: " ")
        return a.count == b.count && zip(a, b).allSatisfy { sameWord($0, $1) }
    }

    /// The institution column as codes (in the cell's order, each once), and
    /// the names it could not match.
    public static func owners(_ cell: String, institutions: [Institution]) -> (codes: [String], unknown: [String]) {
        var codes: [String] = [], unknown: [String] = []
        for part in parts(cell) {
            let code: String?
            if let exact = institutions.first(where: { $0.code == part }) {
                code = exact.code
            } else {
                code = institutions.first { sameName(part, $0.name) || ($0.en.map { sameName(part, $0) } ?? false) }?.code
                    ?? institutionAliases.first { sameName(part, $0.words) }?.code
            }
            if let code { if !codes.contains(code) { codes.append(code) } } else { unknown.append(part) }
        }
        return (codes, unknown)
    }

    /// The funding column as codes, and the sources it could not match.
    public static func funding(_ cell: String, sources: [Funding]) -> (codes: [String], unknown: [String]) {
        let read = fundingSources(cell, sources: sources)
        return (read.entries.compactMap(\.code), read.entries.filter { $0.code == nil }.map(\.name))
    }

    /// One source the funding column names: its code (nil when the name is
    /// not known), the name as written, and the amount written beside it.
    public struct FundingEntry: Hashable, Sendable {
        public var name: String
        public var code: String?
        public var amount: Euros?

        public init(name: String, code: String?, amount: Euros?) {
            self.name = name
            self.code = code
            self.amount = amount
        }
    }

    /// The funding column read whole (SPEC §3, issue 16): each source once,
    /// in the cell's order, with the amount in euros written beside it
    /// ("Pašvaldības budžets – 1 500 EUR", "PB 1500,50 €", "VB (€ 2000)").
    /// A number counts as an amount only with a currency word (EUR, €,
    /// eiro, euro). `unread` holds the amounts that are not clear: not
    /// beside one source, or not a valid amount.
    public static func fundingSources(_ cell: String, sources: [Funding]) -> (entries: [FundingEntry], unread: [String]) {
        var entries: [FundingEntry] = [], unread: [String] = []
        for part in parts(protectingAmounts(cell)) {
            var name = part
            var amount: Euros?
            // An amount: a number and a currency word after it (output 1), or a euro sign before it (output 2).
            if let match = part.firstMatch(of: #/(?i)(?:€\s*)?(\d+(?:\.\d+)?)\s*(?:eur\b|euro\b|eiro\b|€)|€\s*(\d+(?:\.\d+)?)/#) {
                let digits = String(match.output.1 ?? match.output.2 ?? "")
                name = (String(part[..<match.range.lowerBound]) + " " + String(part[match.range.upperBound...]))
                    .trimmingCharacters(in: CharacterSet(charactersIn: " \u{00A0}–-—:()[]")).trimmingBlanks
                // An amount that is not valid is left out and named; the source is still read.
                amount = Euros(digits)
                if amount == nil { unread.append(part) }
            }
            if name.isEmpty {
                // An amount alone belongs to the source just before it, if that has none yet.
                if let amount, let last = entries.indices.last, entries[last].amount == nil {
                    entries[last].amount = amount
                } else if amount != nil {
                    unread.append(part)  // (an amount that is not valid was named above)
                }
                continue
            }
            let upper = name.uppercased()
            let code = sources.first { $0.code == upper.replacingOccurrences(of: "+", with: "") || sameName(name, $0.name) }?.code
                ?? fundingAliases.first { $0.words == name.lowercased() || sameName(name, $0.words) }?.code
            if let index = entries.firstIndex(where: { code != nil ? $0.code == code : $0.name == name }) {
                // Named twice: one entry; two amounts for it are not clear.
                if let amount {
                    if entries[index].amount == nil { entries[index].amount = amount } else { unread.append(part) }
                }
                continue
            }
            entries.append(FundingEntry(name: name, code: code, amount: amount))
        }
        return (entries, unread)
    }


    /// The cell with amounts made one word, so that splitting at commas
    /// keeps them whole: thousands joined ("1 500" → "1500"), a decimal
    /// comma before a currency word made a point ("1500,50 EUR" → "1500.50 EUR").
    static func protectingAmounts(_ cell: String) -> String {
        var text = cell
        while let m = text.firstMatch(of: #/(\d)[ \u{00A0}\u{202F}](\d{3})(?!\d)/#) {
            text.replaceSubrange(m.range, with: m.output.1 + m.output.2)
        }
        while let m = text.firstMatch(of: #/(?i)(\d),(\d{1,2})(\s*(?:eur|euro|eiro|€))/#) {
            text.replaceSubrange(m.range, with: m.output.1 + "." + m.output.2 + m.output.3)
        }
        return text
    }

    /// A code for a name not known: its words' first letters, ASCII, upper
    /// case ("Latvijas Sarkanais Krusts" → "LSK"), made unique against `taken`.
    public static func code(for name: String, taken: Set<String>) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var base = folded.split(whereSeparator: { !$0.isLetter }).compactMap(\.first).map { String($0).uppercased() }
            .joined().filter { $0.isASCII && $0.isLetter }
        if base.count < 2 { base = String(folded.uppercased().filter { $0.isASCII && $0.isLetter }.prefix(3)) }
        if base.isEmpty { base = "X" }
        var candidate = String(base.prefix(6)), n = 2
        while taken.contains(candidate) { candidate = String(base.prefix(5)) + String(n); n += 1 }
        return candidate
    }

    /// The people or institutions a title counts (SPEC §3: "Apmācīti 30 skolu
    /// pedagogi" → 30 pedagogi, "Apmācīt 10 SD darbiniekus" → 10 darbinieki,
    /// "3 PII" → 3 PII). A number that is an age, a range or part of a name
    /// is not a target.
    public static func target(in title: String) -> Target? {
        let words = title.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" }).map(String.init)
        for (i, word) in words.enumerated() {
            guard let count = Int(word), count > 0 else { continue }
            let following = words.dropFirst(i + 1).prefix(4)
            if following.first.map({ $0.hasPrefix("g.") || $0.hasPrefix("gad") || $0.hasPrefix("-") }) == true { continue }
            var institution: String?
            for next in following {
                let lower = next.lowercased().trimmingCharacters(in: .punctuationCharacters)
                if let person = personUnits.first(where: { lower.hasPrefix($0.stem) }) {
                    return Target(count: count, unit: person.unit)
                }
                if next.trimmingCharacters(in: .punctuationCharacters) == "PII" { institution = institution ?? "PII" }
            }
            if let institution { return Target(count: count, unit: institution) }
        }
        return nil
    }

    /// Who a target counts, by the start of the word in any case ending, and
    /// the word the plan file writes (nominative plural).
    static let personUnits: [(stem: String, unit: String)] = [
        ("pedagog", "pedagogi"), ("darbiniek", "darbinieki"), ("jaunieš", "jaunieši"), ("speciālist", "speciālisti"),
        ("vecāk", "vecāki"), ("bērn", "bērni"), ("skolotāj", "skolotāji"), ("dalībniek", "dalībnieki"),
        ("ģimen", "ģimenes"), ("skolēn", "skolēni"),
    ]
}
