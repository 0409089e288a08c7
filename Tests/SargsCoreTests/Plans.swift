import SargsCore

/// A day from `YYYY-MM-DD` text; traps on a typo so a test cannot pass by accident.
func day(_ text: String) -> Day {
    guard let d = Day(text) else { fatalError("not a day: \(text)") }
    return d
}

/// A day range from two `YYYY-MM-DD` texts.
func days(_ first: String, _ last: String) -> DayRange {
    DayRange(day(first), day(last))
}

/// An activity for a test plan; the goal is the number before the dot of the id.
func activity(_ id: String, _ schedule: Schedule, owners: [String] = ["SD"], target: Int? = nil,
              status: Status = .planned, note: String? = nil) -> Activity {
    Activity(id: id, goal: Int(id.split(separator: ".")[0])!, title: "Aktivitāte \(id)", period: "—",
             schedule: schedule, owners: owners, funding: ["PB"],
             target: target.map { Target(count: $0, unit: "cilvēki") }, status: status, statusNote: note)
}

/// Schedule shorthands in the plan file's terms.
enum Sched {
    static func once(_ from: String?, _ to: String) -> Schedule {
        .once(from: from.map { DateBound($0)! }, to: DateBound(to)!)
    }
    /// `{once: X}`: a single window covering X.
    static func once(_ bound: String) -> Schedule { once(bound, bound) }
    static func every(_ cadence: Cadence, from: String? = nil, to: String? = nil) -> Schedule {
        .every(cadence, from: from.map { DateBound($0)! }, to: to.map { DateBound($0)! })
    }
    static func ongoing(_ cadence: Cadence = .quarter, from: String? = nil, to: String? = nil) -> Schedule {
        .ongoing(report: cadence, from: from.map { DateBound($0)! }, to: to.map { DateBound($0)! })
    }
}

/// A plan with the given activities and goals 1–7 on Madona's levels.
func testPlan(_ activities: [Activity], period: DayRange = days("2025-01-01", "2027-12-31")) -> Plan {
    let levels: [Level] = [.primary, .primary, .secondary, .secondary, .secondary, .secondary, .tertiary]
    let goals = levels.enumerated().map { Goal(number: $0.offset + 1, level: $0.element, title: "Mērķis \($0.offset + 1)") }
    return Plan(id: "test", title: "Testa plāns", municipality: "Testa novads", period: period,
                goals: goals, activities: activities)
}

/// The schedules, owners and targets of the Madona plan's 29 activities (table 2),
/// written out by hand from the seed, in plan order.
enum Madona {
    static let activities: [Activity] = [
        activity("1.1", Sched.once("2025"), owners: ["SG"]),
        activity("1.2", Sched.once("2025"), owners: ["SG"]),
        activity("1.3", Sched.ongoing(), owners: ["IN"], target: 3),
        activity("1.4", Sched.ongoing(), owners: ["IN"], target: 10),
        activity("1.5", Sched.every(.halfYear), owners: ["IN", "JC"]),
        activity("2.1", Sched.once("2025-02", "2025-03"), owners: ["SG"]),
        activity("2.2", Sched.once("2025-04", "2025-05"), owners: ["SG"]),
        activity("2.3", Sched.every(.quarter), owners: ["SD", "IN"]),
        activity("2.4", Sched.ongoing(), owners: ["IN"], target: 30),
        activity("2.5", Sched.ongoing(), owners: ["AN"], target: 19),
        activity("2.6", Sched.ongoing(), owners: ["IN"], target: 30),
        activity("2.7", Sched.ongoing(), owners: ["SD"], target: 10),
        activity("2.8", Sched.ongoing(), owners: ["BT"], target: 15),
        activity("2.9", Sched.once("2025-06"), owners: ["SD", "IN", "AN", "BT", "VP"]),
        activity("2.10", Sched.ongoing(), owners: ["IN"], target: 30),
        activity("2.11", Sched.ongoing(), owners: ["SD"], target: 10),
        activity("3.1", Sched.every(.quarter), owners: ["SD", "IN", "BT", "VP"]),
        activity("3.2", Sched.every(.halfYear), owners: ["SD", "IN"]),
        activity("3.3", Sched.once("2025"), owners: ["AN"], target: 50),
        activity("3.4", Sched.every(.month), owners: ["IN"]),
        activity("4.1", Sched.ongoing(), owners: ["SD", "AN"]),
        activity("4.2", .asNeeded, owners: ["SD"]),
        activity("4.3", Sched.every(.halfYear), owners: ["IN", "BT"]),
        activity("5.1", Sched.every(.month), owners: ["VP", "PP"]),
        activity("5.2", Sched.every(.week), owners: ["VP", "PP"]),
        activity("6.1", Sched.ongoing(), owners: ["SD"]),
        activity("7.1", .asNeeded, owners: ["SD"]),
        activity("7.2", Sched.once("2025-06"), owners: ["SD"]),
        activity("7.3", .asNeeded, owners: ["SD", "VPD"]),
    ]

    /// The plan 2025-01-01..2027-12-31 with the activities above, statuses changed as given.
    static func plan(statuses: [String: Status] = [:]) -> Plan {
        testPlan(activities.map { a in
            var a = a
            if let s = statuses[a.id] { a.status = s }
            return a
        })
    }

    /// The activity with the id.
    static subscript(_ id: String) -> Activity {
        activities.first { $0.id == id }!
    }
}

/// A small deterministic random number generator (SplitMix64) for property tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A random day in `range`.
    mutating func day(in range: DayRange) -> Day {
        Day(ordinal: Int.random(in: range.first.ordinal...range.last.ordinal, using: &self))
    }
}
