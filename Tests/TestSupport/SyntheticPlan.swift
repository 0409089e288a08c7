import SargsCore

/// A deterministic generator of plans (and records) of any size, with every
/// schedule form, for round trips, monkey tests and benchmarks. Titles are
/// made of plain words; nothing in them is about a person.
public struct SyntheticPlan {
    /// SplitMix64: small, fast and the same on every machine.
    public struct Random {
        var state: UInt64
        public init(seed: UInt64) { state = seed }
        public mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        public mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + Int(next() % UInt64(range.count))
        }
        public mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
        public mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    }

    static let words = ["apmācība", "pedagogi", "jaunieši", "vecāki", "programma", "reidi", "materiāls",
                        "konsultācijas", "kampaņa", "drošība", "ģimenes", "skolas", "pakalpojums", "izglītošana",
                        "speciālisti", "nodarbības", "diskusijas", "uzraudzība", "atbalsts", "cieņpilnas attiecības"]

    public static func plan(activities count: Int, seed: UInt64 = 1, goals goalCount: Int = 7) -> Plan {
        var random = Random(seed: seed)
        let period = DayRange(Day(year: 2025, month: 1, day: 1)!, Day(year: 2027, month: 12, day: 31)!)
        let levels: [Level] = (0..<goalCount).map { $0 < 2 ? .primary : ($0 < goalCount - 1 ? .secondary : .tertiary) }
        let goals = (1...goalCount).map { n in
            Goal(number: n, level: levels[n - 1], title: "Mērķis \(n): " + phrase(&random, 4),
                 en: "Goal \(n)", results: [ExpectedResult(id: "\(n).1", text: phrase(&random, 5))])
        }
        let codes = Institution.standard.map(\.code)
        let funding = Funding.standard.map(\.code)
        var activities: [Activity] = []
        var position = [Int](repeating: 0, count: goalCount + 1)
        for i in 0..<count {
            let goal = i % goalCount + 1
            position[goal] += 1
            let schedule: Schedule
            let wording: String
            switch random.int(0...9) {
            case 0, 1:
                let year = random.int(2025...2027)
                let from = random.int(1...12)
                let to = random.int(from...12)
                schedule = from == to ? .once(from: .month(year, from), to: .month(year, from))
                                      : .once(from: .month(year, from), to: .month(year, to))
                wording = "\(year).g."
            case 2:
                schedule = .once(from: .year(random.int(2025...2027)), to: .year(2027)); wording = "līdz 2027.g."
            case 3: schedule = .every(.week, from: nil, to: nil); wording = "Reizi nedēļā"
            // Every third yearly and fourth monthly duty names its due day (no random draw, so the rest stays as it was).
            case 4 where i % 4 == 0: schedule = .every(.month, from: nil, to: nil, due: DueDay(month: nil, day: 10)); wording = "Reizi mēnesī līdz 10. datumam"
            case 4: schedule = .every(.month, from: nil, to: nil); wording = "Reizi mēnesī"
            case 5: schedule = .every(.quarter, from: .month(2025, random.int(1...12)), to: nil); wording = "Reizi ceturksnī"
            case 6: schedule = .every(.halfYear, from: nil, to: .year(2026)); wording = "Reizi pusgadā"
            case 7 where i % 3 == 0: schedule = .every(.year, from: nil, to: nil, due: DueDay(month: 3, day: 1)); wording = "Reizi gadā līdz 1. martam"
            case 7: schedule = .every(.year, from: nil, to: nil); wording = "Reizi gadā"
            case 8: schedule = .ongoing(report: random.pick([.month, .quarter, .halfYear]), from: nil, to: nil)
                wording = "Regulāri visa perioda laikā"
            default: schedule = .asNeeded; wording = "pēc nepieciešamības"
            }
            var owners: [String] = [random.pick(codes)]
            if random.chance(40) {
                let second = random.pick(codes)
                if second != owners[0] { owners.append(second) }
            }
            let target = random.chance(30) ? Target(count: random.int(1...200), unit: random.pick(["pedagogi", "jaunieši", "PII"])) : nil
            activities.append(Activity(
                id: "\(goal).\(position[goal])", goal: goal, title: phrase(&random, random.int(3...14)),
                en: random.chance(50) ? "Activity \(i + 1)" : nil,
                links: random.chance(20) ? ["https://example.org/\(i)"] : [],
                period: wording, schedule: schedule, owners: owners,
                funding: [random.pick(funding)], target: target,
                status: random.chance(10) ? random.pick(Status.allCases) : .planned))
        }
        // Plan order is goal by goal.
        activities.sort { ($0.goal, Int($0.id.split(separator: ".")[1])!) < ($1.goal, Int($1.id.split(separator: ".")[1])!) }
        return Plan(id: "synthetic-\(count)", title: "Sintētisks plāns ar \(count) aktivitātēm", en: "Synthetic plan",
                    municipality: "Parauga novads", period: period, goals: goals, activities: activities,
                    indicators: [Indicator(id: "cases", title: "Gadījumi", source: "Paraugs", year: "2024",
                                           unit: "gadījumi", values: [.init(label: "2023", value: 4),
                                                                      .init(label: "2024", value: 2.5)])])
    }

    /// Records spread over the plan period up to `until`, deterministic from the seed.
    public static func records(for plan: Plan, count: Int, until: Day, seed: UInt64 = 2) -> [Record] {
        var random = Random(seed: seed)
        let first = plan.period.first.ordinal
        let last = min(until.ordinal, plan.period.last.ordinal)
        guard last >= first, !plan.activities.isEmpty else { return [] }
        return (0..<count).map { i in
            let activity = plan.activities[random.int(0...(plan.activities.count - 1))]
            return Record(id: Int64(i + 1), activity: activity.id, date: Day(ordinal: random.int(first...last)),
                          count: random.chance(30) ? random.int(1...5) : nil, author: "synthetic")
        }
    }

    static func phrase(_ random: inout Random, _ words: Int) -> String {
        (0..<words).map { _ in random.pick(Self.words) }.joined(separator: " ").capitalizedFirst
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
