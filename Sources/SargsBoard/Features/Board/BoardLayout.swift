import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SargsCore

/// A column of the board: a goal, an owner, a level, a period or a state.
public struct BoardColumn: Hashable, Sendable {
    public var key: String
    public var title: String
    /// The level band over the column, when the column sits on one level.
    public var level: Level?
    /// The cards, as indices into `plan.activities`, in plan order.
    public var cards: [Int]
    /// Whether a level band runs over the column (goals and levels); with
    /// `level` nil it is the "bez līmeņa" band of goals without a level.
    public var hasBand: Bool = false
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
    /// How many of the activities shown are overdue (the header's count follows the filter).
    public var overdueShown: Int

    public static let empty = BoardLayout(columns: [], states: [], hidden: 0, overdueShown: 0)

    public init(columns: [BoardColumn], states: [ActivityState], hidden: Int, overdueShown: Int) {
        self.columns = columns
        self.states = states
        self.hidden = hidden
        self.overdueShown = overdueShown
    }

    /// The layout for a plan and day (facts computed here: for one-off use).
    public init(plan: Plan, tracker: Tracker, today: Day, grouping: Grouping, filter: Filter, language: Language) {
        self.init(plan: plan, facts: BoardFacts(plan: plan, tracker: tracker, today: today), grouping: grouping,
                  filter: filter, language: language)
    }

    /// The layout for a grouping and filter over facts already computed.
    /// `textMatches` is the facts' answer for the filter's text
    /// (`BoardFacts.textMatches`), kept by the caller with its searches;
    /// without it the search is made here, on a copy of the facts.
    public init(plan: Plan, facts: BoardFacts, grouping: Grouping, filter: Filter, language: Language,
                textMatches: [Bool]? = nil) {
        let states = facts.states
        let needle = BoardLayout.foldedBytes(filter.text)
        var mask = needle.isEmpty ? nil : textMatches
        if mask == nil, !needle.isEmpty {
            var search = facts
            mask = search.textMatches(needle, plan: plan)
        }

        func matches(_ i: Int) -> Bool {
            let activity = plan.activities[i]
            if !filter.owners.isEmpty && filter.owners.isDisjoint(with: activity.owners) { return false }
            if !filter.levels.isEmpty && !filter.levels.contains(facts.levels[i]) { return false }
            if !filter.periods.isEmpty && !filter.periods.contains(facts.periodGroups[i]) { return false }
            if !filter.states.isEmpty && !filter.states.contains(facts.stateGroups[i]) { return false }
            if filter.overdueOnly && !states[i].isOverdue { return false }
            if let mask, !mask[i] { return false }
            return true
        }

        let shown = plan.activities.indices.filter(matches)
        /// The shown cards dealt into `count` columns in one pass, plan order kept.
        func deal(_ count: Int, _ slots: (Int) -> Int?) -> [[Int]] {
            var buckets = [[Int]](repeating: [], count: count)
            for i in shown { if let s = slots(i) { buckets[s].append(i) } }
            return buckets
        }
        var columns: [BoardColumn] = []
        switch grouping {
        case .goal:
            let cards = deal(plan.goals.count) { facts.goalSlots[$0] }
            columns = plan.goals.enumerated().map { slot, goal in
                BoardColumn(key: "goal:\(goal.number)", title: "\(goal.number). " + goal.name(in: language),
                            level: goal.level, cards: cards[slot], hasBand: true)
            }
        case .owner:
            let institutions = plan.allInstitutions
            var buckets = [[Int]](repeating: [], count: institutions.count)
            for i in shown { for s in facts.ownerSlots[i] { buckets[s].append(i) } }
            columns = institutions.enumerated().compactMap { slot, institution in
                guard facts.usedOwnerSlots.contains(slot) else { return nil }
                let name = institution.name(in: language)
                return BoardColumn(key: "owner:\(institution.code)", title: "\(institution.code) · \(name)", level: nil,
                                   cards: buckets[slot])
            }
        case .level:
            // The three levels, then "bez līmeņa" for goals the plan gives no level (SPEC §3).
            let cards = deal(Level.allCases.count + 1) { facts.levelSlots[$0] }
            let slots: [Level?] = Level.allCases + [nil]
            columns = slots.enumerated().compactMap { slot, level in
                guard plan.goals.contains(where: { $0.level == level }) else { return nil }
                return BoardColumn(key: "level:\(level?.rawValue ?? "none")", title: Level.name(level, language), level: level,
                                   cards: cards[slot], hasBand: true)
            }
        case .period:
            let groups = facts.periodColumns
            let cards = deal(groups.count) { facts.periodSlots[$0] }
            columns = groups.enumerated().map { slot, group in
                BoardColumn(key: "period:\(group)", title: group.phrase.text(language), level: nil, cards: cards[slot])
            }
        case .state:
            let all = StateGroup.allCases
            let cards = deal(all.count) { facts.stateSlots[$0] }
            let present = facts.presentStates
            columns = all.enumerated().compactMap { slot, group in
                guard present.contains(group) else { return nil }
                return BoardColumn(key: "state:\(group.rawValue)", title: group.phrase.text(language), level: nil, cards: cards[slot])
            }
        }
        self.init(columns: columns, states: states, hidden: plan.activities.count - shown.count,
                  overdueShown: shown.reduce(0) { $0 + (states[$1].isOverdue ? 1 : 0) })
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
        fold(text, into: &out)
        return out
    }

    /// Appends the folded bytes of `text` to `out`.
    static func fold(_ text: String, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            out.reserveCapacity(out.count + utf8.count)
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                if b < 0x80 {
                    out.append(b >= 65 && b <= 90 ? b + 32 : b)
                    i += 1
                    continue
                }
                // The length of the sequence from its lead byte (the text is valid UTF-8).
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                var v = UInt32(b) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { v = v << 6 | UInt32(utf8[i + k] & 0x3F) }
                if v < FoldTable.limit {
                    let table = FoldTable.shared
                    let start = Int(table.offsets[Int(v)]), end = Int(table.offsets[Int(v) + 1])
                    out.append(contentsOf: table.bytes[start..<end])
                } else if let scalar = Unicode.Scalar(v) {
                    out.append(contentsOf: String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).utf8)
                }
                i += length
            }
        }
    }

    /// Whether `haystack` contains `needle` (bytes; an empty needle is in everything).
    static func bytes(_ haystack: [UInt8], contain needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        // memchr finds each place the needle's first byte occurs (libc does it
        // many bytes at a time); memcmp checks the rest there.
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let hayStart = hay.baseAddress, let pinStart = pin.baseAddress else { return false }
                let first = Int32(pin[0]), n = pin.count
                var offset = 0
                let last = hay.count - n
                while offset <= last {
                    guard let found = memchr(hayStart + offset, first, last - offset + 1) else { return false }
                    let at = hayStart.distance(to: UnsafeRawPointer(found))
                    if n == 1 || memcmp(hayStart + at + 1, pinStart + 1, n - 1) == 0 { return true }
                    offset = at + 1
                }
                return false
            }
        }
    }
}

/// The folded bytes of every scalar below `limit`, made once, packed:
/// scalar `v` folds to `bytes[offsets[v]..<offsets[v + 1]]`.
private struct FoldTable: Sendable {
    static let limit: UInt32 = 0x370
    static let shared = FoldTable()
    let offsets: [Int]
    let bytes: [UInt8]

    private init() {
        var offsets = [0]
        var bytes: [UInt8] = []
        for v in 0..<Self.limit {
            // Combining marks (U+0300–U+036F) go, as they do when Foundation folds
            // them after their letter (alone, it keeps them).
            if v < 0x300, let scalar = Unicode.Scalar(v) {
                bytes.append(contentsOf: String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).utf8)
            }
            offsets.append(bytes.count)
        }
        self.offsets = offsets
        self.bytes = bytes
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
    /// How many activities are overdue, whatever the filter shows.
    public let overdueCount: Int
    let stateGroups: [StateGroup]
    let periodGroups: [PeriodGroup]
    let levels: [Level?]
    /// Each activity's level as an index into `Level.allCases`.
    let levelSlots: [Int?]
    /// The period groups that occur, in column order, and each activity's among them.
    let periodColumns: [PeriodGroup]
    let periodSlots: [Int]
    /// Each activity's state group as an index into `StateGroup.allCases`, and the groups that occur.
    let stateSlots: [Int]
    let presentStates: Set<StateGroup>
    /// Each activity's goal as an index into `plan.goals` (nil for a goal not in the plan).
    let goalSlots: [Int?]
    /// Each activity's owners as indices into `plan.allInstitutions`, each once.
    let ownerSlots: [[Int]]
    /// The institutions (indices into `plan.allInstitutions`) that own at least one activity.
    let usedOwnerSlots: Set<Int>
    /// Each activity's id, titles, period and owners, folded; nil until a search needs it.
    public internal(set) var searchText: [[UInt8]]? {
        didSet { searches = [:]; searchOrder = [] }
    }
    /// The searches made over `searchText` with their matches (the latest 64).
    private var searches: [[UInt8]: [Int]] = [:]
    private var searchOrder: [[UInt8]] = []

    public init(plan: Plan, tracker: Tracker, today: Day) {
        day = today
        let states = plan.activities.map { tracker.state(of: $0, on: today) }
        self.states = states
        overdueCount = states.reduce(0) { $0 + ($1.isOverdue ? 1 : 0) }
        stateGroups = states.map(StateGroup.init)
        periodGroups = plan.activities.map { PeriodGroup($0.schedule, period: plan.period) }
        let goalLevels = Dictionary(plan.goals.map { ($0.number, $0.level) }, uniquingKeysWith: { a, _ in a })
        levels = plan.activities.map { goalLevels[$0.goal] ?? nil }
        // A goal without a level deals into the column after the three levels.
        levelSlots = plan.activities.map { activity in
            guard let level = goalLevels[activity.goal] else { return nil }
            return level.flatMap(Level.allCases.firstIndex(of:)) ?? Level.allCases.count
        }
        periodColumns = Array(Set(periodGroups)).sorted()
        let periodSlot = Dictionary(uniqueKeysWithValues: periodColumns.enumerated().map { ($1, $0) })
        periodSlots = periodGroups.map { periodSlot[$0]! }
        let stateSlot = Dictionary(uniqueKeysWithValues: StateGroup.allCases.enumerated().map { ($1, $0) })
        stateSlots = stateGroups.map { stateSlot[$0]! }
        presentStates = Set(stateGroups)
        let goalSlot = Dictionary(plan.goals.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { a, _ in a })
        goalSlots = plan.activities.map { goalSlot[$0.goal] }
        var ownerSlot: [String: Int] = [:]
        for (slot, institution) in plan.allInstitutions.enumerated() where ownerSlot[institution.code] == nil {
            ownerSlot[institution.code] = slot
        }
        var used = Set<Int>()
        ownerSlots = plan.activities.map { activity in
            var slots: [Int] = []
            for code in activity.owners { if let s = ownerSlot[code], !slots.contains(s) { slots.append(s) } }
            used.formUnion(slots)
            return slots
        }
        usedOwnerSlots = used
    }

    /// Folds every activity's search text, if not done yet.
    public mutating func prepareSearch(_ plan: Plan) {
        if searchText == nil { searchText = Self.searchText(plan) }
    }

    static func searchText(_ plan: Plan) -> [[UInt8]] {
        plan.activities.map { activity in
            var out: [UInt8] = []
            for (i, field) in [activity.id, activity.title, activity.en ?? "", activity.period].enumerated() {
                if i > 0 { out.append(0x20) }
                BoardLayout.fold(field, into: &out)
            }
            for owner in activity.owners {
                out.append(0x20)
                BoardLayout.fold(owner, into: &out)
            }
            if activity.owners.isEmpty { out.append(0x20) }
            return out
        }
    }

    /// Which activities' search text contains `needle` (folded), as a mask
    /// over `plan.activities`. The latest searches are kept with their
    /// matches: a needle looks only among the matches of its longest prefix
    /// searched before, and one searched before (Backspace, the same word
    /// again) is answered from what was kept.
    public mutating func textMatches(_ needle: [UInt8], plan: Plan) -> [Bool] {
        prepareSearch(plan)
        let text = searchText ?? []
        let hits: [Int]
        if let kept = searches[needle] {
            hits = kept
        } else {
            var candidates: [Int]?
            for length in stride(from: needle.count - 1, through: 1, by: -1) {
                if let kept = searches[Array(needle.prefix(length))] {
                    candidates = kept
                    break
                }
            }
            hits = (candidates ?? Array(text.indices)).filter { BoardLayout.bytes(text[$0], contain: needle) }
            if searchOrder.count >= 64 { searches[searchOrder.removeFirst()] = nil }
            searches[needle] = hits
            searchOrder.append(needle)
        }
        var mask = [Bool](repeating: false, count: text.count)
        for i in hits { mask[i] = true }
        return mask
    }
}
