import Foundation

/// The short account of a plan that `sargs plan check` prints: goals and
/// activities per level, activities per owner, schedules by kind, targets.
public struct PlanSummary: Sendable {
    public let plan: Plan

    public init(plan: Plan) {
        self.plan = plan
    }

    public struct LevelLine: Hashable, Sendable {
        /// nil: the goals without a level.
        public var level: Level?
        public var goals: Int
        public var activities: Int
    }

    /// The three levels, then a line for goals without a level if the plan has any.
    public var levels: [LevelLine] {
        let all: [Level?] = Level.allCases + (plan.goals.contains { $0.level == nil } ? [nil] : [])
        return all.map { level in
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

    /// Activities per funding code, in the plan's order of sources, with how
    /// many of them name an amount for it and the sum of those amounts (nil
    /// when none does, or the sum is out of range).
    public var funding: [(code: String, activities: Int, withAmount: Int, amount: Euros?)] {
        plan.allFunding.compactMap { source in
            let using = plan.activities.filter { $0.funding.contains(source.code) }
            guard !using.isEmpty else { return nil }
            let amounts = using.compactMap { $0.amounts[source.code] }
            return (source.code, using.count, amounts.count, amounts.isEmpty ? nil : Euros.sum(amounts))
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
            let name = Level.name(line.level, language).padded(to: 24)
            out += lv ? "  \(name) mērķi: \(line.goals), aktivitātes: \(line.activities)\n"
                      : "  \(name) goals: \(line.goals), activities: \(line.activities)\n"
        }
        out += lv ? "\nPa atbildīgajām iestādēm:\n" : "\nBy owner:\n"
        for (code, n) in owners {
            let name = plan.institution(code).map { $0.name(in: lv ? .lv : .en) } ?? code
            out += "  \(code.padded(to: 4)) \(name.padded(to: 28)) \(n)\n"
        }
        let funding = self.funding
        if !funding.isEmpty {
            out += lv ? "\nPa finanšu avotiem:\n" : "\nBy funding source:\n"
            for (code, n, withAmount, amount) in funding {
                let name = plan.allFunding.first { $0.code == code }.map { $0.name(in: lv ? .lv : .en) } ?? code
                out += "  \(code.padded(to: 4)) \(name.padded(to: 28)) \(n)"
                if let amount {
                    out += lv ? "   summa norādīta \(withAmount) no \(n): \(amount.text(language))"
                              : "   amount given for \(withAmount) of \(n): \(amount.text(language))"
                }
                out += "\n"
            }
        }
        out += lv ? "\nPa grafika veidiem:\n" : "\nBy schedule:\n"
        for (kind, n) in schedules {
            out += "  \(Self.kindName(kind, language).padded(to: 24)) \(n)\n"
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
