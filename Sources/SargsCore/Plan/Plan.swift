/// An activity's id: the goal number, a dot and its position in that goal ("2.4").
public typealias ActivityID = String

/// What the group says about an activity, apart from its records.
public enum Status: String, CaseIterable, Hashable, Sendable {
    case planned, active, done, blocked, dropped
}

/// A card on the board (prevencijas aktivitāte).
public struct Activity: Hashable, Sendable, Identifiable {
    public var id: ActivityID
    public var goal: Int
    public var title: String
    public var en: String?
    public var links: [String]
    /// The plan's own wording, verbatim ("Visu periodu reizi ceturksnī").
    public var period: String
    public var schedule: Schedule
    public var owners: [String]
    /// Funding codes, in the plan's order. Setting them drops the amounts of
    /// codes no longer listed.
    public var funding: [String] {
        didSet { if !amounts.isEmpty { amounts = amounts.filter { funding.contains($0.key) } } }
    }
    /// The amount each funding source gives, for the codes the plan names one
    /// for (SPEC §3: `funding: [{code: PB, eur: 1500}]`); every key is in `funding`.
    public var amounts: [String: Euros]
    public var target: Target?
    public var status: Status
    /// Why the activity is blocked or dropped, when the group said so.
    public var statusNote: String?

    /// `amounts` keys not in `funding` are dropped.
    public init(id: ActivityID, goal: Int, title: String, en: String? = nil, links: [String] = [],
                period: String, schedule: Schedule, owners: [String], funding: [String], amounts: [String: Euros] = [:],
                target: Target? = nil, status: Status = .planned, statusNote: String? = nil) {
        self.id = id
        self.goal = goal
        self.title = title
        self.en = en
        self.links = links
        self.period = period
        self.schedule = schedule
        self.owners = owners
        self.funding = funding
        self.amounts = amounts.filter { funding.contains($0.key) }
        self.target = target
        self.status = status
        self.statusNote = statusNote
    }

    /// The funding in words: "PB 1 500 EUR, VB" (codes in order, an amount after a code that has one).
    public func fundingText(_ language: Language) -> String {
        funding.map { code in amounts[code].map { "\(code) \($0.text(language))" } ?? code }.joined(separator: ", ")
    }
}

/// An expected result of a goal (sagaidāmais rezultāts).
public struct ExpectedResult: Hashable, Sendable {
    public var id: String
    public var text: String
    public var en: String?

    public init(id: String, text: String, en: String? = nil) {
        self.id = id
        self.text = text
        self.en = en
    }
}

/// One of the plan's goals (mērķis), on one level.
public struct Goal: Hashable, Sendable, Identifiable {
    public var number: Int
    /// The prevention level; nil for a goal the plan gives none (shown under "bez līmeņa", SPEC §3).
    public var level: Level?
    public var title: String
    public var en: String?
    public var results: [ExpectedResult]

    public var id: Int { number }

    public init(number: Int, level: Level?, title: String, en: String? = nil, results: [ExpectedResult] = []) {
        self.number = number
        self.level = level
        self.title = title
        self.en = en
        self.results = results
    }
}

/// An abbreviation the plan uses.
public struct GlossaryEntry: Hashable, Sendable {
    public var abbreviation: String
    public var text: String
    public var en: String?

    public init(abbreviation: String, text: String, en: String? = nil) {
        self.abbreviation = abbreviation
        self.text = text
        self.en = en
    }
}

/// An aggregate figure the plan cites (never about a person): a titled series of values.
public struct Indicator: Hashable, Sendable, Identifiable {
    public struct Value: Hashable, Sendable {
        public var label: String
        public var value: Double
        public var en: String?

        public init(label: String, value: Double, en: String? = nil) {
            self.label = label
            self.value = value
            self.en = en
        }
    }

    public var id: String
    public var title: String
    public var en: String?
    public var source: String
    public var year: String?
    public var unit: String?
    public var values: [Value]

    public init(id: String, title: String, en: String? = nil, source: String, year: String? = nil,
                unit: String? = nil, values: [Value]) {
        self.id = id
        self.title = title
        self.en = en
        self.source = source
        self.year = year
        self.unit = unit
        self.values = values
    }
}

/// The approved plan: period, levels, goals, activities (plāns).
public struct Plan: Hashable, Sendable {
    public var id: String
    public var title: String
    public var en: String?
    public var municipality: String
    public var language: String
    public var period: DayRange
    /// Institutions the plan adds to `Institution.standard`, or renames.
    public var institutions: [Institution]
    public var funding: [Funding]
    public var glossary: [GlossaryEntry]
    public var goals: [Goal]
    /// Every activity, in plan order (goal by goal, position within the goal).
    public var activities: [Activity]
    public var indicators: [Indicator]

    public init(id: String, title: String, en: String? = nil, municipality: String, language: String = "lv",
                period: DayRange, institutions: [Institution] = [], funding: [Funding] = [],
                glossary: [GlossaryEntry] = [], goals: [Goal], activities: [Activity],
                indicators: [Indicator] = []) {
        self.id = id
        self.title = title
        self.en = en
        self.municipality = municipality
        self.language = language
        self.period = period
        self.institutions = institutions
        self.funding = funding
        self.glossary = glossary
        self.goals = goals
        self.activities = activities
        self.indicators = indicators
    }

    /// Every institution code the plan may use, standard ones first, then the
    /// plan's own in its order; a plan's entry overrides a standard name.
    public var allInstitutions: [Institution] {
        var result = Institution.standard
        for own in institutions {
            if let i = result.firstIndex(where: { $0.code == own.code }) { result[i] = own } else { result.append(own) }
        }
        return result
    }

    public var allFunding: [Funding] {
        var result = Funding.standard
        for own in funding {
            if let i = result.firstIndex(where: { $0.code == own.code }) { result[i] = own } else { result.append(own) }
        }
        return result
    }

    public func institution(_ code: String) -> Institution? {
        allInstitutions.first { $0.code == code }
    }

    public func goal(_ number: Int) -> Goal? {
        goals.first { $0.number == number }
    }

    public func activity(_ id: ActivityID) -> Activity? {
        activities.first { $0.id == id }
    }

    public func activities(of goal: Int) -> [Activity] {
        activities.filter { $0.goal == goal }
    }

    /// The id a new activity of `goal` takes: the goal's number, a dot and
    /// one more than the highest position used in it ("2.12").
    public func nextActivityID(in goal: Int) -> ActivityID {
        let taken = activities(of: goal).compactMap { Int($0.id.split(separator: ".").last ?? "") }
        return "\(goal).\((taken.max() ?? 0) + 1)"
    }

    /// The level an activity sits on, through its goal.
    public func level(of activity: Activity) -> Level? {
        goal(activity.goal)?.level
    }
}
