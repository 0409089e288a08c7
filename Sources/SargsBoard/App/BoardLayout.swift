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

    public init(plan: Plan, tracker: Tracker, today: Day, grouping: Grouping, filter: Filter, language: Language) {
        let states = plan.activities.map { tracker.state(of: $0, on: today) }
        let levels = Dictionary(plan.goals.map { ($0.number, $0.level) }, uniquingKeysWith: { a, _ in a })
        let needle = BoardLayout.fold(filter.text)

        func matches(_ i: Int) -> Bool {
            let activity = plan.activities[i]
            if !filter.owners.isEmpty && filter.owners.isDisjoint(with: activity.owners) { return false }
            if !filter.levels.isEmpty && !(levels[activity.goal].map(filter.levels.contains) ?? false) { return false }
            if !filter.periods.isEmpty && !filter.periods.contains(PeriodGroup(activity.schedule, period: plan.period)) {
                return false
            }
            if !filter.states.isEmpty && !filter.states.contains(StateGroup(states[i])) { return false }
            if filter.overdueOnly && !states[i].isOverdue { return false }
            if !needle.isEmpty {
                let haystack = [activity.id, activity.title, activity.en ?? "", activity.period,
                                activity.owners.joined(separator: " ")].joined(separator: " ")
                if !BoardLayout.fold(haystack).contains(needle) { return false }
            }
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
                                   cards: shown.filter { levels[plan.activities[$0].goal] == level })
            }
        case .period:
            let groups = indices.map { PeriodGroup(plan.activities[$0].schedule, period: plan.period) }
            columns = Set(groups).sorted().map { group in
                BoardColumn(key: "period:\(group)", title: group.phrase.text(language), level: nil,
                            cards: shown.filter { groups[$0] == group })
            }
        case .state:
            let groups = states.map(StateGroup.init)
            columns = StateGroup.allCases.filter(groups.contains).map { group in
                BoardColumn(key: "state:\(group.rawValue)", title: group.phrase.text(language), level: nil,
                            cards: shown.filter { groups[$0] == group })
            }
        }
        self.init(columns: columns, states: states, hidden: plan.activities.count - shown.count)
    }

    /// Text folded for search: case and Latvian diacritics ignored ("sociāl" finds "SOCIAL").
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
