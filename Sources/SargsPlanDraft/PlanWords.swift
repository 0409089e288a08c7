import Foundation
import SargsCore

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
        ("pašvaldības budžets", "PB"), ("pašvaldības līdzekļi", "PB"), ("pašvaldības budžeta līdzekļi", "PB"),
        ("valsts budžets", "VB"), ("valsts līdzekļi", "VB"), ("valsts budžeta līdzekļi", "VB"),
        ("eiropas sociālais fonds", "ESF"), ("esf+", "ESF"), ("esf", "ESF"),
        ("municipal budget", "PB"), ("state budget", "VB"), ("european social fund", "ESF"),
    ]

    /// What a cell says when it names nothing: a dash, "nav", "nav nepieciešams".
    static let nothingWords: Set<String> = ["-", "–", "—", "nav", "nav nepieciešams", "nav nepieciešami", "nav paredzēts",
                                            "nav paredzēti", "bez finansējuma", "n/a"]

    /// The cell split into its names at commas, semicolons, line breaks,
    /// "un" and slashes, but never inside quotes (`biedrība "Drošs un mīlēts"`);
    /// with `plus`, "PB+VB" too (a "+" before a letter; "ESF+" stays). Parts
    /// that name nothing ("-", "nav") are left out.
    static func parts(_ cell: String, plus: Bool = false) -> [String] {
        let quotes: Set<Character> = ["\"", "“", "”", "„", "«", "»"]
        var out = ""
        var quoted = false
        let chars = Array(cell)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quotes.contains(c) { quoted.toggle(); out.append(c); i += 1; continue }
            if quoted {
                // A separator inside quotes is kept as a stand-in and put back below.
                out.append(c == "," ? "\u{E000}" : c)
            } else if c == "\n" || c == ";" || c == "/" {
                out.append(",")
            } else if plus, c == "+", i + 1 < chars.count, chars[i + 1].isLetter {
                out.append(",")
            } else if c == " ", chars[i...].starts(with: Array(" un ")) {
                out.append(",")
                i += 4
                continue
            } else {
                out.append(c)
            }
            i += 1
        }
        return out.split(separator: ",").map { String($0).replacingOccurrences(of: "\u{E000}", with: ",").trimmingBlanks }
            .filter { !$0.isEmpty && !nothingWords.contains($0.lowercased()) }
    }

    /// One institution the column names: the code it maps to (nil when not
    /// known), the name as written, and, when it was written as a standard
    /// institution's other name in its own form ("Izglītības pārvalde" for
    /// IN), that name, so the plan can call the institution as it does.
    public struct OwnerEntry: Hashable, Sendable {
        public var name: String
        public var code: String?
        public var ownName: String?
    }

    /// The institution column read whole, in the cell's order, each code
    /// once. A code in any case ("sd"), a name in any case ending, a name
    /// after the municipality's ("Cēsu novada Sociālais dienests"), a remark
    /// in brackets ("SD (vadošā)") left out.
    public static func ownerEntries(_ cell: String, institutions: [Institution]) -> [OwnerEntry] {
        var entries: [OwnerEntry] = []
        // A lone word that names nothing, followed by a part in lower case, begins one name the
        // splitting cut: "Bērnu un jauniešu centrs", "Izglītības, kultūras un sporta pārvalde".
        var pieces: [String] = []
        for part in parts(cell) {
            if let last = pieces.last, part.first?.isLowercase == true, !last.contains(" ") || last.contains(",") || last.contains(" un "),
               match(last, institutions: institutions).code == nil,
               let firstWord = last.split(separator: " ").first,
               match(String(firstWord), institutions: institutions).code == nil,
               !last.split(separator: " ").contains(where: { $0.first?.isUppercase == true && $0 != firstWord }) {
                let joiner = cell.contains(last.split(separator: ",").last.map { String($0).trimmingBlanks + " un " + part } ?? "") ? " un " : ", "
                pieces[pieces.count - 1] = last + joiner + part
            } else {
                pieces.append(part)
            }
        }
        for raw in pieces {
            let part = Patterns.bracketed.replacingAll(in: raw, with: "").trimmingBlanks
            guard !part.isEmpty, !nothingWords.contains(part.lowercased()) else { continue }
            var candidates = [part]
            // "Cēsu novada (pašvaldības) Sociālais dienests" → "Sociālais dienests"
            let words = part.split(separator: " ")
            if let i = words.lastIndex(where: { ["novada", "valstspilsētas", "pašvaldības", "pilsētas"].contains($0.lowercased()) }),
               i + 1 < words.count {
                candidates.append(words[(i + 1)...].joined(separator: " "))
            }
            var code: String?
            var ownName: String?
            for candidate in candidates {
                (code, ownName) = match(candidate, institutions: institutions)
                if code != nil { break }
            }
            if let code, entries.contains(where: { $0.code == code }) { continue }
            if code == nil, entries.contains(where: { $0.name == part }) { continue }
            entries.append(OwnerEntry(name: part, code: code, ownName: ownName))
        }
        return entries
    }

    /// Whether two Latvian words are one word in different case endings: a
    /// common start of at least 4 letters that leaves at most 3 letters of
    /// either ("dienests", "dienestam").
    static func sameWord(_ a: Substring, _ b: Substring) -> Bool {
        // Most pairs differ in their first letter: said without lowering whole words.
        guard let fa = a.first, let fb = b.first, fa == fb || fa.lowercased() == fb.lowercased() else { return false }
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        var common = 0
        while common < min(x.count, y.count) && x[common] == y[common] { common += 1 }
        if common == x.count && common == y.count { return true }
        // Endings are letters: "Nr69" and "Nr699", "Fonds1" and "Fonds2" are other words.
        let endings = x[common...] + y[common...]
        guard endings.allSatisfy(\.isLetter), !(common > 0 && x[common - 1].isNumber) else { return false }
        return common >= 4 && x.count - common <= 3 && y.count - common <= 3
    }

    /// Whether a name (several words) is `words` in some case ending.
    static func sameName(_ name: String, _ words: String) -> Bool {
        let a = name.split(separator: " "), b = words.split(separator: " ")
        return a.count == b.count && zip(a, b).allSatisfy { sameWord($0, $1) }
    }

    /// One name matched: its code, and the plan's own name for a standard
    /// institution when written as a department's other name in its own form
    /// ("Izglītības pārvalde" for IN; not "skolas", which names the schools).
    static func match(_ candidate: String, institutions: [Institution]) -> (code: String?, ownName: String?) {
        if let exact = institutions.first(where: { $0.code == candidate || (candidate.count <= 4 && $0.code == candidate.uppercased()) }) {
            return (exact.code, nil)
        }
        if let named = institutions.first(where: { sameName(candidate, $0.name) || ($0.en.map { sameName(candidate, $0) } ?? false) }) {
            return (named.code, nil)
        }
        if let alias = institutionAliases.first(where: { sameName(candidate, $0.words) }) {
            let department = ["pārvalde", "nodaļa", "dienests", "centrs", "grupa"].contains { alias.words.hasSuffix($0) }
            let own = department && candidate.lowercased() == alias.words ? candidate.prefix(1).uppercased() + candidate.dropFirst() : nil
            return (alias.code, own)
        }
        return (nil, nil)
    }

    /// The institution column as codes (in the cell's order, each once), and
    /// the names it could not match.
    public static func owners(_ cell: String, institutions: [Institution]) -> (codes: [String], unknown: [String]) {
        let entries = ownerEntries(cell, institutions: institutions)
        return (entries.compactMap(\.code), entries.filter { $0.code == nil }.map(\.name))
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
    /// ("Pašvaldības budžets – 1 500 EUR", "PB 1500,50 €", "VB (€ 2000)",
    /// "PB 1,500.50 EUR", "PB 1.500,50 EUR"). A number counts as an amount
    /// only with a currency word (EUR, €, eiro, euro), or alone after a
    /// known source ("PB 1500"). `unread` holds what is not clear: an
    /// amount not beside one source, below zero, in millions or thousands,
    /// out of range, or not a number. `leftover` holds parts whose amount
    /// was kept but whose other words after it were not ("PB 1500 EUR gadā").
    public static func fundingSources(_ cell: String, sources: [Funding])
        -> (entries: [FundingEntry], unread: [String], leftover: [String]) {
        var entries: [FundingEntry] = [], unread: [String] = [], leftover: [String] = []
        func code(of name: String) -> String? {
            let upper = name.uppercased()
            return sources.first { $0.code == upper.replacingOccurrences(of: "+", with: "") || sameName(name, $0.name) }?.code
                ?? fundingAliases.first { $0.words == name.lowercased() || sameName(name, $0.words) }?.code
        }
        // Every amount becomes one placeholder word first, so that the commas and spaces inside
        // it ("1 500,50 EUR") do not split the cell.
        let (text, amounts) = placeholders(cell)
        for part in parts(text, plus: true) {
            var name = part
            var amount: Euros?
            let original = restoring(part, amounts)
            if let found = Patterns.placeholder.firstMatch(in: part), let index = found.groups[0].flatMap({ Int($0) }),
               amounts.indices.contains(index) {
                let before = String(part[..<found.range.lowerBound]).trimmingCharacters(in: CharacterSet(charactersIn: " \u{00A0}–-—:([")).trimmingBlanks
                let after = String(part[found.range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: " \u{00A0}–-—:)].")).trimmingBlanks
                // "PB 1500 EUR gadā": the source is before the amount; words after it are not kept, and said so.
                name = restoring(before.isEmpty ? after : before, amounts)
                if !before.isEmpty && !after.isEmpty { leftover.append(original) }
                amount = amounts[index].value
                if amount == nil { unread.append(original) }
            } else if let match = Patterns.sourceAndNumber.firstMatch(in: part), let source = match.groups[0], code(of: source) != nil {
                // "PB 1500": a known source and a number alone is its amount.
                name = source
                amount = match.groups[1].flatMap { Euros($0) }
            }
            if name.isEmpty {
                // An amount alone belongs to the source just before it, if that has none yet.
                if let amount, let last = entries.indices.last, entries[last].amount == nil {
                    entries[last].amount = amount
                } else if amount != nil {
                    unread.append(original)  // (an amount that is not valid was named above)
                }
                continue
            }
            let code = code(of: name)
            if let index = entries.firstIndex(where: { code != nil ? $0.code == code : $0.name == name }) {
                // Named twice: one entry; two amounts for it are not clear.
                if let amount {
                    if entries[index].amount == nil { entries[index].amount = amount } else { unread.append(original) }
                }
                continue
            }
            entries.append(FundingEntry(name: name, code: code, amount: amount))
        }
        return (entries, unread, leftover)
    }

    /// The cell with each amount (a number with a currency word) replaced by
    /// a placeholder word, and the amounts: the text as written and its
    /// value (nil when it is not one amount in euros).
    static func placeholders(_ cell: String) -> (text: String, amounts: [(text: String, value: Euros?)]) {
        var text = cell
        var amounts: [(text: String, value: Euros?)] = []
        var searchFrom = text.startIndex
        while searchFrom < text.endIndex, let match = Patterns.amountSpan.firstMatch(in: text, from: searchFrom) {
            let g = match.groups
            // A number without a currency word is not an amount: it stays (a project number "9.2.1.1").
            guard g[0] != nil || g[4] != nil, let number = g[2] else {
                searchFrom = match.range.upperBound
                continue
            }
            let negative = g[1] != nil
            let scaled = g[3] != nil  // "1,5 milj. EUR": not guessed
            let value = negative || scaled ? nil : Self.euros(number)
            amounts.append((String(text[match.range]).trimmingBlanks, value))
            let placeholder = " \u{E100}\(amounts.count - 1)\u{E101} "
            let start = text.distance(from: text.startIndex, to: match.range.lowerBound)
            text.replaceSubrange(match.range, with: placeholder)
            searchFrom = text.index(text.startIndex, offsetBy: start + placeholder.count)
        }
        return (text, amounts)
    }

    /// A part with its placeholders put back as the amounts were written.
    static func restoring(_ part: String, _ amounts: [(text: String, value: Euros?)]) -> String {
        var out = part
        while let found = Patterns.placeholder.firstMatch(in: out), let i = found.groups[0].flatMap({ Int($0) }), amounts.indices.contains(i) {
            out.replaceSubrange(found.range, with: amounts[i].text)
        }
        // The placeholder's own spaces go with it.
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ").trimmingBlanks
    }

    /// A number as plans write amounts, in euros: "1500", "1 500", "1 500,50",
    /// "1,500.50", "1.500,50"; nil for anything else ("1500,555", "12.345").
    static func euros(_ raw: String) -> Euros? {
        let spaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]
        var t = raw
        if t.contains(where: { spaces.contains($0) }) {
            // Spaces only between groups of three: "1 500", "1 000 000,50".
            guard Patterns.spaceGroups.matches(t) else { return nil }
            t.removeAll { spaces.contains($0) }
        }
        let commas = t.count { $0 == "," }, points = t.count { $0 == "." }
        if commas > 0 && points > 0 {
            // The last mark is the decimal one; the other separates thousands.
            let decimal: Character = t.lastIndex(of: ",")! > t.lastIndex(of: ".")! ? "," : "."
            let thousands: Character = decimal == "," ? "." : ","
            let parts = t.split(separator: decimal, omittingEmptySubsequences: false)
            guard parts.count == 2, Patterns.groupsOfThree(thousands).matches(String(parts[0])) else { return nil }
            t = parts[0].filter { $0 != thousands } + "." + parts[1]
        } else if commas > 0 {
            if Patterns.groupsOfThree(",").matches(t) {
                t.removeAll { $0 == "," }
            } else if commas == 1 {
                t = t.replacingOccurrences(of: ",", with: ".")
            } else {
                return nil
            }
        } else if points > 1 {
            guard Patterns.groupsOfThree(".").matches(t) else { return nil }
            t.removeAll { $0 == "." }
        }
        return Euros(t)
    }

    /// The patterns the funding and institution columns are read with, compiled once.
    enum Patterns {
        /// "SD (vadošā)": a remark in brackets
        static let bracketed = TextPattern("\\s*\\([^)]*\\)")
        /// A number, maybe an amount: a euro sign before it (group 1), a sign (2), the number with
        /// its separators (3), "milj." or "tūkst." after it (4), a currency word after it (5).
        static let amountSpan = TextPattern(
            "(?:(€)\\s*)?(-|−)?([0-9](?:[0-9 \u{00A0}\u{202F}\u{2009}.,]*[0-9])?)"
            + "(\\s*(?:milj\\.?|miljon[a-zāēīū]*|tūkst\\.?|tūksto[a-zš]*|millions?|thousands?))?"
            + "(?:\\s*(eur\\b|euro\\b|eiro\\b|€))?",
            caseInsensitive: true)
        /// An amount's placeholder word: its index is group 1.
        static let placeholder = TextPattern("\u{E100}([0-9]+)\u{E101}")
        /// "1 500", "1 000 000,50": spaces only between groups of three
        static let spaceGroups = TextPattern("^[0-9]{1,3}(?:[ \u{00A0}\u{202F}\u{2009}][0-9]{3})+(?:[.,][0-9]+)?$")
        static let groupsOfThreeComma = TextPattern("^[0-9]{1,3}(?:,[0-9]{3})+$")
        static let groupsOfThreePoint = TextPattern("^[0-9]{1,3}(?:\\.[0-9]{3})+$")
        static func groupsOfThree(_ mark: Character) -> TextPattern { mark == "," ? groupsOfThreeComma : groupsOfThreePoint }
        /// "PB 1500": words, then a number alone
        static let sourceAndNumber = TextPattern("^(.*\\S)\\s+([0-9]+(?:\\.[0-9]{1,2})?)$")
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
    ///
    /// A title that counts two things ("2 semināri un 40 dalībnieki") has no
    /// one target: nil, and `targets(in:)` says what it counts.
    public static func target(in title: String) -> Target? {
        let all = targets(in: title)
        return all.count == 1 ? all[0] : nil
    }

    /// Every count of people or institutions a title names, in order. A
    /// number written in groups of three ("1 500 vecāki") is one number; a
    /// number of six digits or more (a telephone, a code) counts nothing.
    public static func targets(in title: String) -> [Target] {
        var words = title.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }).map(String.init)
        // "1 500" → "1500"
        var i = 0
        while i + 1 < words.count {
            if (1...3).contains(words[i].count), words[i].allSatisfy(\.isNumber), words[i + 1].count == 3, words[i + 1].allSatisfy(\.isNumber) {
                words[i] += words[i + 1]
                words.remove(at: i + 1)
            } else {
                i += 1
            }
        }
        var found: [Target] = []
        for (i, word) in words.enumerated() {
            guard let count = Int(word), count > 0, count < 100_000 else { continue }
            let following = words.dropFirst(i + 1).prefix(4)
            if following.first.map({ $0.hasPrefix("g.") || $0.hasPrefix("gad") || $0.hasPrefix("-") }) == true { continue }
            var institution: String?
            var person: String?
            for next in following {
                // Another number starts another count.
                if next.first?.isNumber == true { break }
                let lower = next.lowercased().trimmingCharacters(in: .punctuationCharacters)
                if let unit = personUnits.first(where: { lower.hasPrefix($0.stem) }) {
                    person = unit.unit
                    break
                }
                if next.trimmingCharacters(in: .punctuationCharacters) == "PII" { institution = institution ?? "PII" }
            }
            if let unit = person ?? institution { found.append(Target(count: count, unit: unit)) }
        }
        return found
    }

    /// Who a target counts, by the start of the word in any case ending, and
    /// the word the plan file writes (nominative plural).
    static let personUnits: [(stem: String, unit: String)] = [
        ("pedagog", "pedagogi"), ("darbiniek", "darbinieki"), ("jaunieš", "jaunieši"), ("speciālist", "speciālisti"),
        ("vecāk", "vecāki"), ("bērn", "bērni"), ("skolotāj", "skolotāji"), ("dalībniek", "dalībnieki"),
        ("ģimen", "ģimenes"), ("skolēn", "skolēni"),
    ]
}
