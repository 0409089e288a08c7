import Foundation

/// The short account of a plan that `sargs plan check` prints: goals and
/// activities per level, activities per owner, schedules by kind, targets.
public struct PlanSummary: Sendable {
    public let plan: Plan

    public init(plan: Plan) {
        self.plan = plan
    }

    public struct LevelLine: Hashable, Sendable {
        public var level: Level
        public var goals: Int
        public var activities: Int
    }

    public var levels: [LevelLine] {
        Level.allCases.map { level in
            let goals = plan.goals.filter { $0.level == level }.map(\.number)
            return LevelLine(level: level, goals: goals.count,
                             activities: plan.activities.filter { goals.contains($0.goal) }.count)
        }
    }

    /// Activities per owner code, in the order institutions are listed; an
    /// activity with two owners counts for both.
    public var owners: [(code: String, activities: Int)] {
        plan.allInstitutions.compactMap { institution in
            let n = plan.activities.filter { $0.owners.contains(institution.code) }.count
            return n > 0 ? (institution.code, n) : nil
        }
    }

    public var schedules: [(kind: Schedule.Kind, activities: Int)] {
        Schedule.Kind.allCases.map { kind in (kind, plan.activities.filter { $0.schedule.kind == kind }.count) }
    }

    public var targets: [Activity] { plan.activities.filter { $0.target != nil } }

    public func text(_ language: Language) -> String {
        let lv = language == .lv
        var out = ""
        out += "\(plan.id): \(plan.title)\n"
        out += (lv ? "Periods: " : "Period: ") + "\(plan.period.first) – \(plan.period.last)\n"
        out += (lv ? "Mērķi: \(plan.goals.count), aktivitātes: \(plan.activities.count)\n"
                   : "Goals: \(plan.goals.count), activities: \(plan.activities.count)\n")
        out += lv ? "\nPa līmeņiem:\n" : "\nBy level:\n"
        for line in levels {
            let name = (lv ? line.level.lv : line.level.en).padding(toLength: 24, withPad: " ", startingAt: 0)
            out += lv ? "  \(name) mērķi: \(line.goals), aktivitātes: \(line.activities)\n"
                      : "  \(name) goals: \(line.goals), activities: \(line.activities)\n"
        }
        out += lv ? "\nPa atbildīgajām iestādēm:\n" : "\nBy owner:\n"
        for (code, n) in owners {
            let name = plan.institution(code).map { $0.name(in: lv ? .lv : .en) } ?? code
            out += "  \(code.padding(toLength: 4, withPad: " ", startingAt: 0)) \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(n)\n"
        }
        out += lv ? "\nPa grafika veidiem:\n" : "\nBy schedule:\n"
        for (kind, n) in schedules {
            out += "  \(Self.kindName(kind, language).padding(toLength: 24, withPad: " ", startingAt: 0)) \(n)\n"
        }
        out += lv ? "\nMērķa skaiti (\(targets.count)):\n" : "\nTargets (\(targets.count)):\n"
        for activity in targets {
            if let target = activity.target {
                out += "  \(activity.id.padded(to: 5)) \(target.count) \(target.unit)\n"
            }
        }
        return out
    }

    public static func kindName(_ kind: Schedule.Kind, _ language: Language) -> String {
        switch (kind, language) {
        case (.once, .lv): return "vienreizējas"
        case (.every, .lv): return "regulāras"
        case (.ongoing, .lv): return "pastāvīgas"
        case (.asNeeded, .lv): return "pēc nepieciešamības"
        case (.once, .en): return "one-off"
        case (.every, .en): return "recurring"
        case (.ongoing, .en): return "ongoing"
        case (.asNeeded, .en): return "as needed"
        }
    }
}
