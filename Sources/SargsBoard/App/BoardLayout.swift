import Foundation
import SargsCore

/// A column of the board: a goal, an owner, a level, a period or a state.
public struct BoardColumn: Hashable, Sendable {
    public var key: String
    public var title: String
    /// The level band over the column, when the column sits on one level.
    public var level: Level?
    /// The cards, as indices into `plan.activities`, in plan order.
    public var cards: [Int]
}

/// The columns and cards the board shows for a grouping and a filter, with
/// every activity's state computed once. Rebuilt only when the snapshot, the
/// day, the grouping or the filter changes — never per keystroke of movement.
public struct BoardLayout: Sendable {
    public var columns: [BoardColumn]
    /// The state of each activity, by its index in `plan.activities`.
    public var states: [ActivityState]
    /// How many activities the filter hides.
    public var hidden: Int

    public static let empty = BoardLayout(columns: [], states: [], hidden: 0)

    public init(columns: [BoardColumn], states: [ActivityState], hidden: Int) {
        self.columns = columns
        self.states = states
        self.hidden = hidden
    }

    /// The layout for a plan and day (facts computed here: for one-off use).
    public init(plan: Plan, tracker: Tracker, today: Day, grouping: Grouping, filter: Filter, language: Language) {
        var facts = BoardFacts(plan: plan, tracker: tracker, today: today)
        if !filter.text.isEmpty { facts.prepareSearch(plan) }
        self.init(plan: plan, facts: facts, grouping: grouping, filter: filter, language: language)
    }

    /// The layout for a grouping and filter over facts already computed. A text
    /// filter needs the facts' search text (`prepareSearch`); without it the
    /// text is folded here.
    public init(plan: Plan, facts: BoardFacts, grouping: Grouping, filter: Filter, language: Language) {
        let states = facts.states
        let needle = BoardLayout.foldedBytes(filter.text)
        let searchText = needle.isEmpty ? nil : facts.searchText ?? BoardFacts.searchText(plan)

        func matches(_ i: Int) -> Bool {
            let activity = plan.activities[i]
            if !filter.owners.isEmpty && filter.owners.isDisjoint(with: activity.owners) { return false }
            if !filter.levels.isEmpty && !(facts.levels[i].map(filter.levels.contains) ?? false) { return false }
            if !filter.periods.isEmpty && !filter.periods.contains(facts.periodGroups[i]) { return false }
            if !filter.states.isEmpty && !filter.states.contains(facts.stateGroups[i]) { return false }
            if filter.overdueOnly && !states[i].isOverdue { return false }
            if let searchText, !BoardLayout.bytes(searchText[i], contain: needle) { return false }
            return true
        }

        let indices = Array(plan.activities.indices)
        let shown = indices.filter(matches)
        var columns: [BoardColumn] = []
        switch grouping {
        case .goal:
            columns = plan.goals.map { goal in
                BoardColumn(key: "goal:\(goal.number)", title: "\(goal.number). " + (language == .en ? goal.en ?? goal.title : goal.title),
                            level: goal.level, cards: shown.filter { plan.activities[$0].goal == goal.number })
            }
        case .owner:
            columns = plan.allInstitutions.compactMap { institution in
                guard plan.activities.contains(where: { $0.owners.contains(institution.code) }) else { return nil }
                let name = language == .en ? institution.en ?? institution.name : institution.name
                return BoardColumn(key: "owner:\(institution.code)", title: "\(institution.code) · \(name)", level: nil,
                                   cards: shown.filter { plan.activities[$0].owners.contains(institution.code) })
            }
        case .level:
            columns = Level.allCases.compactMap { level in
                guard plan.goals.contains(where: { $0.level == level }) else { return nil }
                return BoardColumn(key: "level:\(level.rawValue)", title: language == .en ? level.en : level.lv, level: level,
                                   cards: shown.filter { facts.levels[$0] == level })
            }
        case .period:
            let groups = facts.periodGroups
            columns = Set(groups).sorted().map { group in
                BoardColumn(key: "period:\(group)", title: group.phrase.text(language), level: nil,
                            cards: shown.filter { groups[$0] == group })
            }
        case .state:
            let groups = facts.stateGroups
            columns = StateGroup.allCases.filter(groups.contains).map { group in
                BoardColumn(key: "state:\(group.rawValue)", title: group.phrase.text(language), level: nil,
                            cards: shown.filter { groups[$0] == group })
            }
        }
        self.init(columns: columns, states: states, hidden: plan.activities.count - shown.count)
    }

    /// Text folded for search: case and Latvian diacritics ignored ("sociāl" finds "SOCIAL").
    public static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// The UTF-8 bytes of `fold(text)`. Letters up to U+036F (Latin-1,
    /// Latin Extended, combining marks) fold through a table made once with
    /// Foundation's folding; others through Foundation each time.
    public static func foldedBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                out.append(b >= 65 && b <= 90 ? b + 32 : b)
            } else if v < FoldTable.limit {
                out.append(contentsOf: FoldTable.bytes[Int(v)])
            } else {
                out.append(contentsOf: String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).utf8)
            }
        }
        return out
    }

    /// Whether `haystack` contains `needle` (bytes; an empty needle is in everything).
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        let n = needle.count, h = haystack.count
        guard n > 0 else { return true }
        guard n <= h else { return false }
        return haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                let first = pin[0]
                var i = 0
                while i <= h - n {
                    if hay[i] == first {
                        var j = 1
                        while j < n && hay[i + j] == pin[j] { j += 1 }
                        if j == n { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}

/// The folded bytes of every scalar below `limit`, made once.
private enum FoldTable {
    static let limit: UInt32 = 0x370
    static let bytes: [[UInt8]] = (0..<Int(limit)).map { v in
        // Combining marks (U+0300–U+036F) go, as they do when Foundation folds
        // them after their letter (alone, it keeps them).
        guard v < 0x300, let scalar = Unicode.Scalar(UInt32(v)) else { return [] }
        return Array(String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).utf8)
    }
}

/// What the board knows of every activity as of one snapshot and day, made
/// once and reused by every grouping, filter and search keystroke: its state,
/// state group, period group and level, and, from the first search on, its
/// folded search text. Indices are those of `plan.activities`.
public struct BoardFacts: Sendable {
    /// The day the states are computed for.
    public let day: Day
    public let states: [ActivityState]
    let stateGroups: [StateGroup]
    let periodGroups: [PeriodGroup]
    let levels: [Level?]
    /// Each activity's id, titles, period and owners, folded; nil until a search needs it.
    public private(set) var searchText: [[UInt8]]?

    public static let empty = BoardFacts(day: Day(ordinal: 0), states: [], stateGroups: [], periodGroups: [], levels: [])

    private init(day: Day, states: [ActivityState], stateGroups: [StateGroup], periodGroups: [PeriodGroup], levels: [Level?]) {
        self.day = day
        self.states = states
        self.stateGroups = stateGroups
        self.periodGroups = periodGroups
        self.levels = levels
    }

    public init(plan: Plan, tracker: Tracker, today: Day) {
        let states = plan.activities.map { tracker.state(of: $0, on: today) }
        let goalLevels = Dictionary(plan.goals.map { ($0.number, $0.level) }, uniquingKeysWith: { a, _ in a })
        self.init(day: today, states: states, stateGroups: states.map(StateGroup.init),
                  periodGroups: plan.activities.map { PeriodGroup($0.schedule, period: plan.period) },
                  levels: plan.activities.map { goalLevels[$0.goal] })
    }

    /// Folds every activity's search text, if not done yet.
    public mutating func prepareSearch(_ plan: Plan) {
        if searchText == nil { searchText = Self.searchText(plan) }
    }

    static func searchText(_ plan: Plan) -> [[UInt8]] {
        plan.activities.map { activity in
            BoardLayout.foldedBytes([activity.id, activity.title, activity.en ?? "", activity.period,
                                     activity.owners.joined(separator: " ")].joined(separator: " "))
        }
    }
}
