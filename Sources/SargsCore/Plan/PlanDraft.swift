import Foundation

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

        public init(goal: String, activity: String, period: String, owners: String, funding: String) {
            self.goal = goal
            self.activity = activity
            self.period = period
            self.owners = owners
            self.funding = funding
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
            case .goal: return h.contains("mērķ") || h.contains("goal")
            case .activity: return h.contains("aktivit") || h.contains("activit")
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
        if b.contains("primār") { return .primary }
        if b.contains("sekundār") { return .secondary }
        if b.contains("terciār") || b.contains("terciāl") { return .tertiary }
        return nil
    }

    /// Whether a row is a level band (its text names a level of prevention).
    public static func isBand(_ text: String) -> Bool {
        level(of: text) != nil && text.lowercased().contains("prevencij")
    }

    /// URLs in a cell, and the cell without them.
    static func links(in cell: String) -> (text: String, links: [String]) {
        var links: [String] = [], words: [String] = []
        for word in cell.split(whereSeparator: { $0.isWhitespace }) {
            if word.hasPrefix("http://") || word.hasPrefix("https://") { links.append(String(word)) } else { words.append(String(word)) }
        }
        return (words.joined(separator: " "), links)
    }

    /// The title paragraph's facts: "MADONAS NOVADA PAŠVALDĪBAS PREVENCIJAS
    /// PLĀNS 2025.–2027. GADAM" → "Madonas novads", 2025…2027.
    public static func titleFacts(_ text: String) -> (municipality: String?, period: DayRange?) {
        let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var municipality: String?
        if let i = words.firstIndex(where: { $0.lowercased() == "novada" }), i > 0 {
            let name = words[i - 1].lowercased()
            municipality = name.prefix(1).uppercased() + name.dropFirst() + " novads"
        }
        let years = PeriodWording.numbers(in: text).filter { (1990...2100).contains($0) }
        var period: DayRange?
        if let first = years.first, let last = years.dropFirst().first ?? years.first, first <= last,
           let start = Day(year: first, month: 1, day: 1), let end = Day(year: last, month: 12, day: 31) {
            period = DayRange(start, end)
        }
        return (municipality, period)
    }

    /// A plan id from the municipality and period ("madona-2025-2027").
    public static func planID(municipality: String, period: DayRange) -> String {
        let first = municipality.split(separator: " ").first.map(String.init) ?? municipality
        let folded = first.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var stem = folded.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        // The municipality's name in the genitive ("Madonas", "Smiltenes") back to its own ("madona").
        if stem.hasSuffix("s") { stem.removeLast() }
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
        var goalNumber: Int?
        var positions: [Int: Int] = [:]
        for line in lines {
            switch line {
            case .band(let text):
                band = level(of: text)
                bandSeen = true
                if band == nil {
                    reviews.append(Review(activity: nil, field: "level",
                                          message: Phrase(lv: "josla \"\(SafeText.line(text))\": līmenis nav nolasāms", en: "band \"\(SafeText.line(text))\": the level cannot be read")))
                }
            case .row(let row):
                let goalCell = row.goal.trimmingBlanks
                if !goalCell.isEmpty {
                    let number = PeriodWording.numbers(in: String(goalCell.prefix(4))).first
                    let titleText = String(goalCell.drop { $0.isNumber || $0 == "." || $0 == " " }).trimmingBlanks
                    let n = number ?? ((plan.goals.map(\.number).max() ?? 0) + 1)
                    goalNumber = n
                    if plan.goal(n) == nil {
                        plan.goals.append(Goal(number: n, level: band ?? .primary, title: titleText.isEmpty ? goalCell : titleText, results: []))
                        if number == nil {
                            reviews.append(Review(activity: nil, field: "goals", message: Phrase(
                                lv: "mērķim \"\(SafeText.line(goalCell))\" nav numura; dots \(n)",
                                en: "the goal \"\(SafeText.line(goalCell))\" has no number; given \(n)")))
                        }
                        if band == nil {
                            reviews.append(Review(activity: nil, field: "level", message: Phrase(
                                lv: bandSeen ? "mērķa \(n) līmenis nav nolasāms; ielikts primārais" : "mērķim \(n) nav līmeņa joslas; ielikts primārais",
                                en: bandSeen ? "goal \(n)'s level cannot be read; primary put in" : "goal \(n) has no level band; primary put in")))
                        }
                    }
                }
                guard let goal = goalNumber else {
                    reviews.append(Review(activity: nil, field: "goals", message: Phrase(
                        lv: "aktivitātei \"\(SafeText.line(row.activity))\" nav mērķa; izlaista",
                        en: "the activity \"\(SafeText.line(row.activity))\" has no goal; left out")))
                    continue
                }
                let (text, links) = Self.links(in: row.activity)
                guard !text.isEmpty else { continue }
                let position = (positions[goal] ?? 0) + 1
                positions[goal] = position
                let id = "\(goal).\(position)"
                var schedule: Schedule
                switch PeriodWording.read(row.period, period: period) {
                case .schedule(let s): schedule = s
                case .unread(let reason):
                    schedule = .asNeeded
                    reviews.append(Review(activity: id, field: "schedule", message: Phrase(
                        lv: "periods \"\(SafeText.line(row.period))\": \(reason.lv); ielikts \"pēc nepieciešamības\"",
                        en: "period \"\(SafeText.line(row.period))\": \(reason.en); as-needed put in")))
                }
                var (owners, unknownOwners) = PlanWords.owners(row.owners, institutions: plan.allInstitutions)
                for name in unknownOwners {
                    let code = PlanWords.code(for: name, taken: Set(plan.allInstitutions.map(\.code)))
                    plan.institutions.append(Institution(code: code, name: name))
                    owners.append(code)
                    reviews.append(Review(activity: id, field: "owners", message: Phrase(
                        lv: "iestāde \"\(SafeText.line(name))\" nav zināma; dots kods \(code)",
                        en: "the institution \"\(SafeText.line(name))\" is not known; given the code \(code)")))
                }
                if owners.isEmpty {
                    owners = ["SG"]
                    reviews.append(Review(activity: id, field: "owners", message: Phrase(
                        lv: "nav atbildīgās iestādes; ielikta SG", en: "no institution is responsible; SG put in")))
                }
                var (funding, unknownFunding) = PlanWords.funding(row.funding, sources: plan.allFunding)
                for name in unknownFunding {
                    let code = PlanWords.code(for: name, taken: Set(plan.allFunding.map(\.code)))
                    plan.funding.append(Funding(code: code, name: name))
                    funding.append(code)
                    reviews.append(Review(activity: id, field: "funding", message: Phrase(
                        lv: "finanšu avots \"\(SafeText.line(name))\" nav zināms; dots kods \(code)",
                        en: "the funding source \"\(SafeText.line(name))\" is not known; given the code \(code)")))
                }
                plan.activities.append(Activity(id: id, goal: goal, title: text, links: links,
                                                period: row.period.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "),
                                                schedule: schedule, owners: owners, funding: funding,
                                                target: PlanWords.target(in: text)))
            }
        }
        return PlanDraft(plan: plan, reviews: reviews)
    }

    /// The marker a review comment starts with in the plan file.
    public static let reviewMarker = "# PĀRBAUDĪT:"
}
