import Foundation
import SargsCore

/// A plan drafted from its own table 2 (issue 16): MĒRĶIS | PREVENCIJAS
/// AKTIVITĀTES | ĪSTENOŠANAS PERIODS | ATBILDĪGĀ INSTITŪCIJA | FINANŠU AVOTS,
/// with level bands ("PRIMĀRĀ PREVENCIJA") as rows across it. What the
/// table does not say for sure becomes a review: the plan file marks the
/// place with a `# PĀRBAUDĪT:` comment, `plan check` lists them as warnings.
public struct PlanDraft: Sendable {
    /// One activity's row, each cell as the table has it.
    public struct Row: Hashable, Sendable {
        public var goal: String
        public var activity: String
        public var period: String
        public var owners: String
        public var funding: String
        /// Whether the funding cell is a merged cell's, repeated from a row above
        /// (an amount in it is not this activity's alone).
        public var fundingRepeated: Bool
        /// Text in columns the plan has no place for (a sixth column, a note beside the table).
        public var other: [String]

        public init(goal: String, activity: String, period: String, owners: String, funding: String,
                    fundingRepeated: Bool = false, other: [String] = []) {
            self.goal = goal
            self.activity = activity
            self.period = period
            self.owners = owners
            self.funding = funding
            self.fundingRepeated = fundingRepeated
            self.other = other
        }
    }

    /// A line of the table: a level band across it, or an activity.
    public enum Line: Hashable, Sendable {
        case band(String)
        case row(Row)
    }

    /// Something a person must still decide, and where.
    public struct Review: Hashable, Sendable {
        /// The activity it concerns (nil: the plan, a goal).
        public var activity: ActivityID?
        /// The key of the plan file it concerns (`period`, `owners`, `funding`, `level`, …).
        public var field: String
        public var message: Phrase

        /// The goal it concerns, when it concerns one goal (the comment goes above the goal).
        public var goal: Int?

        public init(activity: ActivityID?, field: String, message: Phrase, goal: Int? = nil) {
            self.activity = activity
            self.field = field
            self.message = message
            self.goal = goal
        }
    }

    public var plan: Plan
    public var reviews: [Review]

    /// The columns by their header, Latvian or English, in any order.
    public enum Column: String, CaseIterable, Sendable {
        case goal, activity, period, owners, funding

        /// Whether `header` names this column.
        public func matches(_ header: String) -> Bool {
            let h = header.lowercased()
            switch self {
            // A programme of directions (issue 29) heads them "Rīcības virziens" and "Pasākums".
            case .goal: return h.contains("mērķ") || h.contains("goal") || h.contains("virzien") || h.contains("direction")
            case .activity: return h.contains("aktivit") || h.contains("activit") || h.contains("pasākum") || h.contains("measure")
            case .period: return h.contains("period") || h.contains("termiņ")
            case .owners: return h.contains("institūcij") || h.contains("atbildīg") || h.contains("owner") || h.contains("responsib")
            case .funding: return h.contains("finans") || h.contains("finanš") || h.contains("fund")
            }
        }

        public var name: Phrase {
            switch self {
            case .goal: return Phrase(lv: "MĒRĶIS", en: "goal")
            case .activity: return Phrase(lv: "PREVENCIJAS AKTIVITĀTES", en: "activity")
            case .period: return Phrase(lv: "ĪSTENOŠANAS PERIODS", en: "period")
            case .owners: return Phrase(lv: "ATBILDĪGĀ INSTITŪCIJA", en: "owners")
            case .funding: return Phrase(lv: "FINANŠU AVOTS", en: "funding")
            }
        }
    }

    /// The level a band names.
    static func level(of band: String) -> Level? {
        let b = band.lowercased()
        if b.contains("primār") || b.contains("primary") { return .primary }
        if b.contains("sekundār") || b.contains("secondary") { return .secondary }
        if b.contains("terciār") || b.contains("terciāl") || b.contains("tertiary") { return .tertiary }
        return nil
    }

    /// Whether a band says its goals have no level ("BEZ LĪMEŅA", SPEC §3).
    static func namesNoLevel(_ band: String) -> Bool {
        let b = band.lowercased()
        return b.contains("bez līmeņa") || b.contains("bez limena") || b.contains("no level")
    }

    /// Whether a row is a level band (its text names a level of prevention, or "bez līmeņa").
    public static func isBand(_ text: String) -> Bool {
        namesNoLevel(text) || (level(of: text) != nil && (text.lowercased().contains("prevencij") || text.lowercased().contains("prevention")))
    }

    /// URLs in a cell, and the cell without them. A line after the first
    /// that holds a URL is a link's line: its other words are the link's
    /// label ("Vairāk: https://…"), not part of the title.
    /// The web address a word of a cell is, without the punctuation around
    /// it in running text ("(https://x.lv/a).", "https://y.lv/b,"); nil for
    /// any other word, and for a scheme with nothing after it.
    static func address(_ word: Substring) -> String? {
        var w = word
        while let first = w.first, "(<[\"'“„".contains(first) { w.removeFirst() }
        // A closing bracket belongs to the address when it closes one inside it ("…/A_(B)").
        while let last = w.last, ".,;:)>]\"'”!?".contains(last) {
            if last == ")" && w.count(where: { $0 == "(" }) >= w.count(where: { $0 == ")" }) { break }
            w.removeLast()
        }
        guard w.hasPrefix("http://") || w.hasPrefix("https://") else { return nil }
        let rest = w.drop { $0 != "/" }.drop { $0 == "/" }
        return rest.isEmpty ? nil : String(w)
    }

    static func links(in cell: String) -> (text: String, links: [String]) {
        var links: [String] = [], words: [String] = []
        // An address that held a personal code is not kept at all: its masked remains
        // ("…pk=[personas kods izņemts]") are dropped with it (the cell's review says why).
        let maskWords = personalCodeMask.split(separator: " ")
        var cell = cell
        if cell.contains(personalCodeMask) {
            var kept: [String] = []
            for line in cell.split(separator: "\n", omittingEmptySubsequences: false) {
                var words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                var i = 0
                while i < words.count {
                    if address(Substring(words[i])) != nil && words[i].hasSuffix(String(maskWords[0])),
                       Array(words.dropFirst(i + 1).prefix(maskWords.count - 1)) == maskWords.dropFirst().map(String.init) {
                        words.removeSubrange(i..<(i + maskWords.count))
                        continue
                    }
                    i += 1
                }
                kept.append(words.joined(separator: " "))
            }
            cell = kept.joined(separator: "\n")
        }
        for (n, line) in cell.split(separator: "\n").enumerated() {
            let lineWords = line.split(whereSeparator: { $0.isWhitespace })
            let found = lineWords.compactMap(address)
            for link in found where !links.contains(link) { links.append(link) }
            if n > 0 && !found.isEmpty { continue }
            words += lineWords.filter { address($0) == nil }.map(String.init)
        }
        return (words.joined(separator: " "), links)
    }

    /// The title paragraph's facts: "MADONAS NOVADA PAŠVALDĪBAS PREVENCIJAS
    /// PLĀNS 2025.–2027. GADAM" → "Madonas novads", 2025…2027.
    public static func titleFacts(_ text: String) -> (municipality: String?, period: DayRange?) {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var municipality: String?
        // "MADONAS NOVADA", "Tukuma novadā", "RĪGAS VALSTSPILSĒTAS": the name before the kind, the kind in its own case.
        let kinds = [("novada", "novads"), ("novadā", "novads"), ("novads", "novads"),
                     ("valstspilsētas", "valstspilsēta"), ("valstspilsētā", "valstspilsēta"), ("valstspilsēta", "valstspilsēta")]
        if let i = words.firstIndex(where: { word in kinds.contains { $0.0 == word.lowercased() } }), i > 0,
           let kind = kinds.first(where: { $0.0 == words[i].lowercased() })?.1 {
            let name = words[i - 1].lowercased()
            municipality = name.prefix(1).uppercased() + name.dropFirst() + " " + kind
        }
        let years = PeriodWording.years(in: text)
        var period: DayRange?
        if let first = years.first, let last = years.dropFirst().first ?? years.first, first <= last,
           let start = Day(year: first, month: 1, day: 1), let end = Day(year: last, month: 12, day: 31) {
            period = DayRange(start, end)
        }
        return (municipality, period)
    }

    /// The title of a plan whose document has none: "Cēsu novada pašvaldības
    /// prevencijas plāns 2025.–2027. gadam" (the municipality's kind in the genitive).
    public static func defaultTitle(municipality: String, period: DayRange) -> String {
        var words = municipality.split(separator: " ").map(String.init)
        let genitive = ["novads": "novada", "valstspilsēta": "valstspilsētas", "pilsēta": "pilsētas"]
        // "2025.–2027. gadam", or "2026. gadam" for a plan of one year.
        let years = period.first.year == period.last.year ? "\(period.first.year). gadam" : "\(period.first.year).–\(period.last.year). gadam"
        if let last = words.last, let form = genitive[last.lowercased()] {
            words[words.count - 1] = form
            return words.joined(separator: " ") + " pašvaldības prevencijas plāns " + years
        }
        return municipality + ": prevencijas plāns " + years
    }

    /// A plan id from the municipality and period ("madona-2025-2027").
    public static func planID(municipality: String, period: DayRange) -> String {
        let first = municipality.split(separator: " ").first.map(String.init) ?? municipality
        let folded = first.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var stem = folded.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        // The municipality's name in the genitive ("Madonas", "Smiltenes") back to its own ("madona");
        // a name whose genitive is itself ("Daugavpils", "Cēsu") stays.
        if stem.hasSuffix("as") || stem.hasSuffix("es") { stem.removeLast() }
        return "\(stem.isEmpty ? "plans" : stem)-\(period.first.year)-\(period.last.year)"
    }

    /// The draft of the lines: goals from the MĒRĶIS cells (a cell left
    /// empty continues the goal above), levels from the bands, activities in
    /// table order with ids `goal.position`, links, schedules, owners,
    /// funding and targets read from their cells.
    public static func make(_ lines: [Line], title: String, municipality: String, period: DayRange, id: String) -> PlanDraft {
        var plan = Plan(id: id, title: title, municipality: municipality, period: period, goals: [], activities: [])
        var reviews: [Review] = []
        var band: Level?
        var bandSeen = false
        // A table with no band at all is a programme of directions (a municipality's child-rights
        // programme, issue 29): its goals have no level, said once for review, not for every goal.
        let noBands = !lines.contains { if case .band = $0 { return true } else { return false } }
        var bandNamesNoLevel = noBands
        if noBands {
            reviews.append(Review(activity: nil, field: "level", message: Phrase(
                lv: "tabulā nav līmeņu joslu: visi mērķi atstāti bez līmeņa (kā programmā pa rīcības virzieniem)",
                en: "the table has no level bands: every goal is left without a level (as in a programme of directions)")))
        }
        var goalNumber: Int?
        var positions: [Int: Int] = [:]
        for line in lines {
            switch line {
            case .band(let raw):
                let (text, bandNotes) = Self.cleaned(raw)
                for note in bandNotes { reviews.append(Review(activity: nil, field: "goals", message: note)) }
                band = level(of: text)
                bandSeen = true
                bandNamesNoLevel = namesNoLevel(text)
                if bandNamesNoLevel { band = nil }
                if band == nil && !bandNamesNoLevel {
                    reviews.append(Review(activity: nil, field: "level",
                                          message: Phrase(lv: "josla \"\(SafeText.line(text))\": līmenis nav nolasāms", en: "band \"\(SafeText.line(text))\": the level cannot be read")))
                }
            case .row(let raw):
                // Nothing of a cell is kept before it is safe to keep: no control character, no personal code.
                var cellNotes: [Phrase] = []
                func clean(_ cell: String) -> String {
                    let (text, notes) = Self.cleaned(cell)
                    cellNotes += notes
                    return text
                }
                let whole = Row(goal: clean(raw.goal), activity: clean(raw.activity), period: clean(raw.period),
                                owners: clean(raw.owners), funding: clean(raw.funding), fundingRepeated: raw.fundingRepeated,
                                other: raw.other.map(clean))
                if !whole.other.isEmpty {
                    cellNotes.append(Phrase(
                        lv: "rindā ir teksts ārpus piecām kolonnām (\"\(SafeText.line(whole.other.joined(separator: " · ")))\"); tas nav pārņemts",
                        en: "the row has text outside the five columns (\"\(SafeText.line(whole.other.joined(separator: " · ")))\"); it was not taken over"))
                }
                // A row may hold several activities as paragraphs (the Madona original does): one pass per activity.
                let (parts, splitNote) = Self.split(whole)
                for (part, row) in parts.enumerated() {
                    let goalCell = row.goal.trimmingBlanks
                    if !goalCell.isEmpty {
                        let (number, titleText, subNumber) = Self.goalCell(goalCell)
                        let n = number ?? ((plan.goals.map(\.number).max() ?? 0) + 1)
                        goalNumber = n
                        if subNumber {
                            reviews.append(Review(activity: nil, field: "goals", message: Phrase(
                                lv: "mērķa šūna \"\(SafeText.line(goalCell))\" ir apakšmērķis; tā aktivitātes ieliktas mērķī \(n)",
                                en: "the goal cell \"\(SafeText.line(goalCell))\" is a sub-goal; its activities were put in goal \(n)"), goal: n))
                        } else if let existing = plan.goal(n), !titleText.isEmpty, existing.title != titleText {
                            reviews.append(Review(activity: nil, field: "goals", message: Phrase(
                                lv: "mērķis \(n) tabulā ir divreiz ar dažādiem nosaukumiem (\"\(SafeText.line(existing.title))\", \"\(SafeText.line(titleText))\"); aktivitātes ieliktas vienā mērķī",
                                en: "goal \(n) is in the table twice with different titles (\"\(SafeText.line(existing.title))\", \"\(SafeText.line(titleText))\"); the activities were put in one goal"), goal: n))
                        }
                        if plan.goal(n) == nil {
                            plan.goals.append(Goal(number: n, level: band, title: titleText.isEmpty ? goalCell : titleText, results: []))
                            if number == nil {
                                reviews.append(Review(activity: nil, field: "goals", message: Phrase(
                                    lv: "mērķim \"\(SafeText.line(goalCell))\" nav numura; dots \(n)",
                                    en: "the goal \"\(SafeText.line(goalCell))\" has no number; given \(n)"), goal: n))
                            }
                            if band == nil && !bandNamesNoLevel {
                                reviews.append(Review(activity: nil, field: "level", message: Phrase(
                                    lv: bandSeen ? "mērķa \(n) līmenis nav nolasāms; atstāts bez līmeņa" : "mērķim \(n) nav līmeņa joslas; atstāts bez līmeņa",
                                    en: bandSeen ? "goal \(n)'s level cannot be read; left without a level" : "goal \(n) has no level band; left without a level"), goal: n))
                            }
                        }
                    }
                    guard let goal = goalNumber else {
                        reviews.append(Review(activity: nil, field: "goals", message: Phrase(
                            lv: "aktivitātei \"\(SafeText.line(row.activity))\" nav mērķa; izlaista",
                            en: "the activity \"\(SafeText.line(row.activity))\" has no goal; left out")))
                        continue
                    }
                    let (linked, links) = Self.links(in: row.activity)
                    // The table's own numbering ("1.1. …") is not part of the title: the id says it.
                    let (text, numbering) = Self.withoutNumbering(linked)
                    guard !text.isEmpty else {
                        // A goal's own row may have no activity; a row that says more than that is a lost activity.
                        let rest = [row.period, row.owners, row.funding].map(\.trimmingBlanks).filter { !$0.isEmpty }
                        if !rest.isEmpty || !links.isEmpty {
                            reviews.append(Review(activity: nil, field: "goals", message: Phrase(
                                lv: "mērķa \(goal) rindai ar \"\(SafeText.line((rest + links).joined(separator: " · ")))\" nav aktivitātes nosaukuma; izlaista",
                                en: "a row of goal \(goal) with \"\(SafeText.line((rest + links).joined(separator: " · ")))\" has no activity title; left out"), goal: goal))
                        }
                        continue
                    }
                    let position = (positions[goal] ?? 0) + 1
                    positions[goal] = position
                    let id = "\(goal).\(position)"
                    if let numbering, let named = numbering.goal, named != goal {
                        reviews.append(Review(activity: id, field: "title", message: Phrase(
                            lv: "nosaukums sākās ar numuru \"\(numbering.text)\", kas nav mērķa \(goal) numurs; tas nav pārņemts",
                            en: "the title began with the number \"\(numbering.text)\", which is not goal \(goal)'s; it was not taken over")))
                    }
                    var schedule: Schedule
                    switch PeriodWording.read(row.period, period: period) {
                    case .schedule(let s):
                        schedule = s
                        // A window plan check would refuse (SPEC §3) is a place to decide instead.
                        let span = s.span(in: period)
                        if span.isEmpty || !period.contains(span) {
                            schedule = .asNeeded
                            reviews.append(Review(activity: id, field: "schedule", message: Phrase(
                                lv: "periods \"\(SafeText.line(row.period))\" (\(span.first)…\(span.last)) iziet ārpus plāna perioda \(period.first)…\(period.last); ielikts \"pēc nepieciešamības\"",
                                en: "the period \"\(SafeText.line(row.period))\" (\(span.first)…\(span.last)) lies outside the plan period \(period.first)…\(period.last); as-needed put in")))
                        }
                    case .unread(let reason):
                        schedule = .asNeeded
                        reviews.append(Review(activity: id, field: "schedule", message: Phrase(
                            lv: "periods \"\(SafeText.line(row.period))\": \(reason.lv); ielikts \"pēc nepieciešamības\"",
                            en: "period \"\(SafeText.line(row.period))\": \(reason.en); as-needed put in")))
                    }
                    // Owners in the cell's order: the first is the lead owner (SPEC §5).
                    var owners: [String] = []
                    for entry in PlanWords.ownerEntries(row.owners, institutions: plan.allInstitutions) {
                        if let code = entry.code {
                            if !owners.contains(code) { owners.append(code) }
                            // A standard institution the plan calls by its own name keeps that name.
                            if let own = entry.ownName, !plan.institutions.contains(where: { $0.code == code }),
                               let standard = Institution.standard.first(where: { $0.code == code }), standard.name != own {
                                plan.institutions.append(Institution(code: code, name: own, en: standard.en))
                            }
                            continue
                        }
                        let code = PlanWords.code(for: entry.name, taken: Set(plan.allInstitutions.map(\.code)))
                        plan.institutions.append(Institution(code: code, name: entry.name))
                        owners.append(code)
                        reviews.append(Review(activity: id, field: "owners", message: Phrase(
                            lv: "iestāde \"\(SafeText.line(entry.name))\" nav zināma; dots kods \(code)",
                            en: "the institution \"\(SafeText.line(entry.name))\" is not known; given the code \(code)")))
                    }
                    if owners.isEmpty {
                        owners = ["SG"]
                        reviews.append(Review(activity: id, field: "owners", message: Phrase(
                            lv: "nav atbildīgās iestādes; ielikta SG", en: "no institution is responsible; SG put in")))
                    }
                    let (entries, unreadAmounts, leftover) = PlanWords.fundingSources(row.funding, sources: plan.allFunding)
                    var funding: [String] = [], amounts: [String: Euros] = [:]
                    for entry in entries {
                        // (A name met in an earlier row is among `plan.allFunding` and has its code already.)
                        var code = entry.code
                        if code == nil {
                            let made = PlanWords.code(for: entry.name, taken: Set(plan.allFunding.map(\.code)))
                            plan.funding.append(Funding(code: made, name: entry.name))
                            code = made
                            reviews.append(Review(activity: id, field: "funding", message: Phrase(
                                lv: "finanšu avots \"\(SafeText.line(entry.name))\" nav zināms; dots kods \(made)",
                                en: "the funding source \"\(SafeText.line(entry.name))\" is not known; given the code \(made)")))
                        }
                        guard let code, !funding.contains(code) else { continue }
                        funding.append(code)
                        if let amount = entry.amount { amounts[code] = amount }
                    }
                    if row.fundingRepeated && !amounts.isEmpty {
                        // A merged funding cell over several activities: its amount is not each one's.
                        amounts = [:]
                        reviews.append(Review(activity: id, field: "funding", message: Phrase(
                            lv: "finansējuma šūna ir apvienota vairākām aktivitātēm; tās summa ielikta tikai pirmajai",
                            en: "the funding cell is merged over several activities; its amount was put in the first only")))
                    }
                    for text in leftover {
                        reviews.append(Review(activity: id, field: "funding", message: Phrase(
                            lv: "\"\(SafeText.line(text))\": summa ielikta, bet vārdi aiz tās nav (piem. \"gadā\")",
                            en: "\"\(SafeText.line(text))\": the amount was put in, the words after it were not (such as \"gadā\")")))
                    }
                    for text in unreadAmounts {
                        reviews.append(Review(activity: id, field: "funding", message: Phrase(
                            lv: "summa \"\(SafeText.line(text))\" nav nolasāma vai nav skaidrs, kuram avotam tā pieder; nav ielikta",
                            en: "the amount \"\(SafeText.line(text))\" cannot be read or it is not clear which source it belongs to; left out")))
                    }
                    // (A count is below 100,000, well inside `Counts.range`: a larger number is no one's target.)
                    let counted = PlanWords.targets(in: text)
                    let target = counted.count == 1 ? counted[0] : nil  // as `PlanWords.target(in:)` reads it
                    if counted.count > 1 {
                        let named = counted.map { "\($0.count) \($0.unit)" }.joined(separator: ", ")
                        reviews.append(Review(activity: id, field: "title", message: Phrase(
                            lv: "nosaukums skaita vairākas lietas (\(SafeText.line(named))); mērķa skaits nav ielikts",
                            en: "the title counts several things (\(SafeText.line(named))); no target was put in")))
                    }
                    // The plan's own wording, verbatim; a cell left empty says so in words.
                    let wording = row.period.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                    plan.activities.append(Activity(id: id, goal: goal, title: text, links: links,
                                                    period: wording.isEmpty ? "(nav norādīts)" : wording,
                                                    schedule: schedule, owners: owners, funding: funding, amounts: amounts,
                                                    target: target))
                    if part == 0 {
                        for note in cellNotes + (splitNote.map { [$0] } ?? []) {
                            reviews.append(Review(activity: id, field: "title", message: note))
                        }
                        cellNotes = []
                    }
                }
            }
        }
        return PlanDraft(plan: plan, reviews: reviews)
    }

    /// An activity's title without the table's own numbering before it:
    /// "1.1. Apmācības" and "1.1 Apmācības", "2.3) …", "3) …" and "a) …"
    /// always; a single "3. " only before a capital letter, since "1. klašu
    /// skolēni" is an ordinal, part of the title. The numbering taken away
    /// is returned with the goal a two-level number names ("2.3." → 2; nil
    /// for "3)" or "a)", which count within the goal).
    static func withoutNumbering(_ title: String) -> (title: String, numbering: (text: String, goal: Int?)?) {
        for pattern in [Patterns.deepNumbering, Patterns.bracketNumbering, Patterns.capitalNumbering] {
            guard let match = pattern.firstMatch(in: title), let number = match.groups[0] else { continue }
            let rest = String(title[match.range.upperBound...]).trimmingBlanks
            guard !rest.isEmpty else { return (title, nil) }
            let deep = number.dropLast(number.hasSuffix(")") ? 1 : 0).split(separator: ".").count > 1
            return (rest, (number, deep ? number.split(separator: ".").first.flatMap { Int($0) } : nil))
        }
        return (title, nil)
    }

    /// The draft's patterns, compiled once.
    enum Patterns {
        /// "1.1.", "1.1", "2.3.4." (parts of one or two digits: "2025.05" is a date, "10.000" a count), then a
        /// space, or a letter straight after its last dot ("1.1.Apmācības").
        static let deepNumbering = TextPattern(#"^[ \t]*([0-9]{1,2}(?:\.[0-9]{1,2})+\.?\)?)(?:[ \t]+(?=\S)|(?<=[.)])(?=\p{L}))"#)
        /// "3)", "2.1)", "a)", then a space.
        static let bracketNumbering = TextPattern(#"^[ \t]*([0-9]{1,3}\)|[a-zA-Z]\))[ \t]+(?=\S)"#)
        /// "3. " before a capital letter.
        static let capitalNumbering = TextPattern(#"^[ \t]*([0-9]{1,3}\.)[ \t]+(?=\p{Lu})"#)
    }

    /// A MĒRĶIS cell read: its number ("3.", "3. mērķis:", "3.mērķis –"),
    /// its title without them, and whether the number is a sub-goal's ("2.1.").
    static func goalCell(_ cell: String) -> (number: Int?, title: String, subNumber: Bool) {
        var rest = Substring(cell.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
        // "Mērķis 5: …" names the goal before its number.
        for word in ["mērķis ", "Mērķis ", "MĒRĶIS "] where rest.hasPrefix(word) && rest.dropFirst(word.count).first?.isNumber == true {
            rest = rest.dropFirst(word.count)
        }
        var digits = ""
        while let c = rest.first, c.isASCII, c.isNumber { digits.append(c); rest.removeFirst() }
        let number = digits.isEmpty ? nil : Int(digits)
        var subNumber = false
        if number != nil, rest.first == ".", rest.dropFirst().first?.isNumber == true {
            subNumber = true
        }
        var title = String(rest.drop { $0.isNumber || $0 == "." || $0 == ")" || $0 == ":" || $0 == " " }).trimmingBlanks
        // "mērķis:", "mērķis –" after the number is not part of the title ("1. Mērķis 1" keeps its words).
        for word in ["mērķis", "Mērķis", "MĒRĶIS"] where title.hasPrefix(word) {
            let after = title.dropFirst(word.count)
            guard let next = after.first, ":.–—-".contains(next) || (next == " " && after.dropFirst().first.map { ":–—-".contains($0) } == true)
            else { break }
            title = String(after).trimmingCharacters(in: CharacterSet(charactersIn: " :.–—-")).trimmingBlanks
            break
        }
        return (number, title.isEmpty && number == nil ? cell : title, subNumber)
    }

    /// A row whose cells list several activities as paragraphs, in the same
    /// order in every column (the Madona original's layout: one row per
    /// goal), split into one row per activity. The period column says how
    /// many there are: with two or more periods, the activity cell's
    /// paragraphs are counted, a paragraph with a link belonging to the
    /// activity above it (its words are the link's label, left out). The
    /// owners and funding cells give one paragraph per activity, or one for
    /// all. When the counts disagree the row stays one activity, and the
    /// phrase says why, for a review.
    static func split(_ row: Row) -> (rows: [Row], note: Phrase?) {
        func paragraphs(_ cell: String) -> [String] {
            cell.split(separator: "\n").map { String($0).trimmingBlanks }.filter { !$0.isEmpty }
        }
        let periods = paragraphs(row.period)
        guard periods.count >= 2 else { return ([row], nil) }
        var activities: [[String]] = []
        for paragraph in paragraphs(row.activity) {
            let urls = paragraph.split(whereSeparator: { $0.isWhitespace }).compactMap(address)
            if !urls.isEmpty && !activities.isEmpty {
                activities[activities.count - 1].append(urls.joined(separator: " "))
            } else {
                activities.append([paragraph])
            }
        }
        // One activity whose period is written on two lines is one activity, not a split.
        guard activities.count >= 2 else { return ([row], nil) }
        let k = activities.count
        guard k == periods.count else {
            return ([row], Phrase(
                lv: "šūnās ir \(periods.count) periodi, bet \(k) aktivitāšu nosaukumi; atstāts kā viena aktivitāte, sadaliet to",
                en: "the cells hold \(periods.count) periods but \(k) activity titles; kept as one activity, split it"))
        }
        var note: Phrase?
        func column(_ cell: String, _ name: Phrase) -> [String] {
            let lines = paragraphs(cell)
            if lines.count == k { return lines }
            if lines.count <= 1 { return Array(repeating: lines.first ?? "", count: k) }
            note = Phrase(lv: "kolonnā \(name.lv) ir \(lines.count) rindkopas \(k) aktivitātēm; katrai ielikts viss",
                          en: "the \(name.en) column has \(lines.count) paragraphs for \(k) activities; each was given all of it")
            return Array(repeating: lines.joined(separator: ", "), count: k)
        }
        let owners = column(row.owners, Column.owners.name), funding = column(row.funding, Column.funding.name)
        let rows = (0..<k).map { i in
            Row(goal: i == 0 ? row.goal : "", activity: activities[i].joined(separator: "\n"), period: periods[i],
                owners: owners[i], funding: funding[i], fundingRepeated: row.fundingRepeated, other: i == 0 ? row.other : [])
        }
        return (rows, note)
    }

    /// What stands in a drafted plan where its document held a personal code (SPEC §6).
    public static let personalCodeMask = "[personas kods izņemts]"

    /// Text from the document made safe to keep (SPEC §6): control
    /// characters other than line breaks become spaces, personal codes
    /// become `personalCodeMask`. Each thing done is a phrase for a review.
    public static func cleaned(_ text: String) -> (text: String, notes: [Phrase]) {
        var notes: [Phrase] = []
        var out = text
        // Invisible format characters (a zero-width space, a direction mark) would make "S\u{200B}D" another code.
        if out.unicodeScalars.contains(where: { $0.properties.generalCategory == .format }) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: out.unicodeScalars.filter { $0.properties.generalCategory != .format })
            out = String(view)
        }
        if out.unicodeScalars.contains(where: { $0 != "\n" && FreeText.isRefusedControl($0.value) }) {
            var view = String.UnicodeScalarView()
            for scalar in out.unicodeScalars {
                view.append(scalar != "\n" && FreeText.isRefusedControl(scalar.value) ? " " : scalar)
            }
            out = String(view)
            notes.append(Phrase(lv: "dokumentā šeit bija vadības rakstzīmes; tās aizstātas ar atstarpēm",
                                en: "the document held control characters here; they were replaced by spaces"))
        }
        // Runs of spaces become one, as the plan file's values are written:
        // a code written "010203  12345" would be one only after that, past
        // the mask.
        if out.unicodeScalars.contains(where: { $0 != "\n" && ($0 == "\t" || $0.properties.generalCategory == .spaceSeparator) }) {
            var view = String.UnicodeScalarView()
            var lastWasSpace = false
            for scalar in out.unicodeScalars {
                let space = scalar != "\n" && (scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator)
                if space {
                    if !lastWasSpace { view.append(" ") }
                } else {
                    view.append(scalar)
                }
                lastWasSpace = space
            }
            out = String(view)
        }
        let (masked, count) = PersonalCode.masked(out, with: personalCodeMask)
        if count > 0 {
            out = masked
            notes.append(Phrase(lv: "dokumentā šeit bija personas kods; tas nav pārņemts (\(personalCodeMask))",
                                en: "the document held a personal code here; it was not taken over (\(personalCodeMask))"))
        }
        return (out, notes)
    }

    /// The marker a review comment starts with in the plan file.
    public static let reviewMarker = "# PĀRBAUDĪT:"
}
