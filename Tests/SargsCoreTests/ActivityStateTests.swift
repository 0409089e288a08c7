import Testing
import SargsCore

/// One row of the §4 state table: an activity, its records and waivers, a day, the state worked out by hand.
struct StateCase: CustomTestStringConvertible, Sendable {
    let name: String
    let activity: Activity
    var records: [String] = []
    var waivers: [String] = []
    let on: String
    let expected: ActivityState
    var testDescription: String { name }
}

private let weekly = activity("5.2", Sched.every(.week), owners: ["VP", "PP"])
private let febMar = activity("2.1", Sched.once("2025-02", "2025-03"), owners: ["SG"])
private let quarterly = activity("1.4", Sched.ongoing(), owners: ["IN"], target: 10)
private let weeklyToMarch = activity("5.3", Sched.every(.week, to: "2025-03"))
private let asNeeded = activity("7.1", .asNeeded)

private func with(_ a: Activity, status: Status, note: String? = nil) -> Activity {
    var a = a
    a.status = status
    a.statusNote = note
    return a
}

@Suite("Activity states (SPEC §4)")
struct ActivityStateTests {
    static let cases: [StateCase] = [
        // once
        StateCase(name: "once before its window: upcoming", activity: febMar, on: "2025-01-31", expected: .upcoming),
        StateCase(name: "once on its first day: open", activity: febMar, on: "2025-02-01", expected: .open),
        StateCase(name: "once on its last day: open", activity: febMar, on: "2025-03-31", expected: .open),
        StateCase(name: "once the day after: overdue 1", activity: febMar, on: "2025-04-01", expected: .overdue(days: 1)),
        StateCase(name: "once on 2025-07-01: overdue 92", activity: febMar, on: "2025-07-01", expected: .overdue(days: 92)),
        StateCase(name: "once with a record is still overdue until done", activity: febMar, records: ["2025-02-10"],
                  on: "2025-07-01", expected: .overdue(days: 92)),
        StateCase(name: "once done", activity: with(febMar, status: .done), on: "2025-07-01", expected: .done),
        StateCase(name: "once done before its window", activity: with(febMar, status: .done), on: "2025-01-01", expected: .done),
        StateCase(name: "dropped is never overdue", activity: with(febMar, status: .dropped), on: "2025-07-01", expected: .dropped),
        StateCase(name: "dropped weekly", activity: with(weekly, status: .dropped), on: "2025-07-01", expected: .dropped),
        StateCase(name: "blocked keeps the computed state and the reason",
                  activity: with(febMar, status: .blocked, note: "nav finansējuma"), on: "2025-07-01",
                  expected: .blocked(.overdue(days: 92), reason: "nav finansējuma")),
        StateCase(name: "blocked on track", activity: with(weekly, status: .blocked), records: ["2025-06-23"],
                  on: "2025-07-01", expected: .blocked(.onTrack, reason: nil)),
        // every / ongoing
        StateCase(name: "weekly on the plan's first day: no window ended", activity: weekly, on: "2025-01-01", expected: .onTrack),
        StateCase(name: "weekly on 2025-01-05: the clipped W01 still open", activity: weekly, on: "2025-01-05", expected: .onTrack),
        StateCase(name: "weekly: clipped 2025-W01 missed", activity: weekly, on: "2025-01-06", expected: .overdue(days: 1)),
        StateCase(name: "weekly: record on the clipped window's first day", activity: weekly, records: ["2025-01-01"],
                  on: "2025-01-06", expected: .onTrack),
        StateCase(name: "weekly: record on the window's last day", activity: weekly, records: ["2025-01-05"],
                  on: "2025-01-06", expected: .onTrack),
        StateCase(name: "weekly: record on the next window's first day does not meet W01", activity: weekly,
                  records: ["2025-01-06"], on: "2025-01-06", expected: .overdue(days: 1)),
        StateCase(name: "weekly: 26 weeks missed, overdue since 2025-01-05", activity: weekly, on: "2025-07-01",
                  expected: .overdue(days: 177)),
        StateCase(name: "weekly: latest ended week met", activity: weekly, records: ["2025-06-25"], on: "2025-07-01",
                  expected: .onTrack),
        StateCase(name: "weekly: run of missed weeks since the last met one", activity: weekly,
                  records: ["2025-06-04"], on: "2025-07-01", expected: .overdue(days: 16)),  // since W24 ended 2025-06-15
        StateCase(name: "weekly: waived latest week is not missed", activity: weekly, records: ["2025-06-18"],
                  waivers: ["2025-W26"], on: "2025-07-01", expected: .onTrack),
        StateCase(name: "weekly: a waived week ends the run of missed weeks", activity: weekly,
                  waivers: ["2025-W25"], on: "2025-07-01", expected: .overdue(days: 2)),
        StateCase(name: "weekly: a record after the day does not count", activity: weekly, records: ["2025-07-02"],
                  on: "2025-07-01", expected: .overdue(days: 177)),
        StateCase(name: "weekly: waiver of another activity's label form is ignored", activity: weekly,
                  waivers: ["2025-Q2"], on: "2025-07-01", expected: .overdue(days: 177)),
        StateCase(name: "status done does not end an every schedule (SPEC §4 names done for once only)",
                  activity: with(weekly, status: .done), on: "2025-07-01", expected: .overdue(days: 177)),
        StateCase(name: "every until March, last window met: finished", activity: weeklyToMarch,
                  records: ["2025-03-31"], on: "2025-05-01", expected: .finished),
        StateCase(name: "every until March, on its last day: on track", activity: weeklyToMarch,
                  records: ["2025-03-24"], on: "2025-03-31", expected: .onTrack),
        StateCase(name: "every until March, last clipped window missed: overdue", activity: weeklyToMarch,
                  records: ["2025-03-30"], on: "2025-05-01", expected: .overdue(days: 31)),
        StateCase(name: "ongoing quarterly: Q1 missed on 2025-04-01", activity: quarterly, on: "2025-04-01",
                  expected: .overdue(days: 1)),
        StateCase(name: "ongoing quarterly: Q1 met on its last day", activity: quarterly, records: ["2025-03-31"],
                  on: "2025-04-01", expected: .onTrack),
        StateCase(name: "ongoing quarterly after the plan, last quarter met", activity: quarterly,
                  records: ["2027-11-30"], on: "2028-02-01", expected: .finished),
        // as-needed
        StateCase(name: "as-needed shows its last record on or before the day", activity: asNeeded,
                  records: ["2025-03-01", "2025-07-01", "2025-08-01"], on: "2025-07-01",
                  expected: .asNeeded(lastRecord: day("2025-07-01"))),
        StateCase(name: "as-needed without records", activity: asNeeded, on: "2027-12-31", expected: .asNeeded(lastRecord: nil)),
    ]

    @Test("the state of an activity", arguments: cases)
    func state(_ c: StateCase) {
        let plan = testPlan([c.activity])
        let tracker = Tracker(plan: plan,
                              records: c.records.map { Record(activity: c.activity.id, date: day($0)) },
                              waivers: c.waivers.map { Waiver(activity: c.activity.id, window: $0, note: "…") })
        #expect(tracker.state(of: c.activity, on: day(c.on)) == c.expected)
    }

    @Test("records and waivers of other activities do not count")
    func otherActivities() {
        let plan = testPlan([weekly, febMar])
        let tracker = Tracker(plan: plan, records: [Record(activity: "2.1", date: day("2025-06-25"))],
                              waivers: [Waiver(activity: "2.1", window: "2025-W26", note: "…")])
        #expect(tracker.state(of: weekly, on: day("2025-07-01")) == .overdue(days: 177))
    }

    @Test("window states as of a day: met, waived, open, future; records after the day never count")
    func windowStates() {
        let plan = testPlan([weekly])
        let records = ["2025-01-01", "2025-01-08", "2025-01-20"].map { Record(activity: "5.2", date: day($0)) }
        let waivers = ["2025-W02", "2025-W05"].map { Waiver(activity: "5.2", window: $0, note: "svētki") }
        let tracker = Tracker(plan: plan, records: records, waivers: waivers)
        let states = tracker.windows(of: weekly, on: day("2025-01-22")).prefix(7).map { "\($0.window.label) \($0.state)" }
        #expect(states == [
            "2025-W01 met",      // record on its first (clipped) day
            "2025-W02 met",      // a record wins over a waiver
            "2025-W03 missed",   // ended 2025-01-19, nothing recorded
            "2025-W04 met",      // contains the day, met by the record of 2025-01-20
            "2025-W05 waived",   // a waiver names a future window
            "2025-W06 future",
            "2025-W07 future",
        ])
        let before = tracker.windows(of: weekly, on: day("2025-01-19")).prefix(4).map(\.state)
        #expect(before == [.met, .met, .open, .future])  // the 2025-01-20 record is after the day
    }

    @Test("met + waived + missed + open + future = every window")
    func windowTotals() {
        let plan = testPlan([weekly])
        let tracker = Tracker(plan: plan, records: [Record(activity: "5.2", date: day("2025-03-05"))],
                              waivers: [Waiver(activity: "5.2", window: "2025-W20", note: "…")])
        let states = tracker.windows(of: weekly, on: day("2025-07-02")).map(\.state)
        let count = { (s: WindowState) in states.count { $0 == s } }
        #expect(count(.met) == 1)
        #expect(count(.waived) == 1)
        #expect(count(.missed) == 24)  // W01…W26 but W10 (met) and W20 (waived)
        #expect(count(.open) == 1)
        #expect(count(.future) == 157 - 27)
        #expect(states.count == 157)
    }

    @Test("the blocked wrapper's accessors")
    func blockedAccessors() {
        let state = ActivityState.blocked(.overdue(days: 9), reason: "gaida")
        #expect(state.computed == .overdue(days: 9))
        #expect(state.isBlocked)
        #expect(state.blockedReason == "gaida")
        #expect(state.daysOverdue == 9)
        #expect(state.code == "overdue")
        #expect(ActivityState.onTrack.daysOverdue == nil)
        #expect(!ActivityState.onTrack.isBlocked)
    }
}

/// A pace case: target, schedule, records (date, count), day, expected(D) and whether behind.
struct PaceCase: CustomTestStringConvertible, Sendable {
    let name: String
    let activity: Activity
    var records: [(String, Int?)] = []
    let on: String
    let expected: Int?
    let progress: Int
    let behind: Bool
    var testDescription: String { name }
}

@Suite("Pace and progress (SPEC §4)")
struct PaceTests {
    static let threeYears = activity("1.4", Sched.ongoing(), target: 10)
    static let once2025 = activity("3.3", Sched.once("2025"), target: 50)

    static let cases: [PaceCase] = [
        // 10 × 182 / 1095 = 1.66 → 1
        PaceCase(name: "1.4 on 2025-07-01", activity: threeYears, on: "2025-07-01", expected: 1, progress: 0, behind: true),
        PaceCase(name: "1.4 on the first day", activity: threeYears, on: "2025-01-01", expected: 0, progress: 0, behind: false),
        // 10 × 109 = 1090 < 1095; 10 × 110 = 1100 ≥ 1095
        PaceCase(name: "1.4 on 2025-04-19", activity: threeYears, on: "2025-04-19", expected: 0, progress: 0, behind: false),
        PaceCase(name: "1.4 on 2025-04-20", activity: threeYears, on: "2025-04-20", expected: 1, progress: 0, behind: true),
        PaceCase(name: "1.4 on the last day", activity: threeYears, on: "2027-12-31", expected: 10, progress: 0, behind: true),
        PaceCase(name: "1.4 after its to: no pace", activity: threeYears, on: "2028-01-01", expected: nil, progress: 0, behind: false),
        // 50 × 182 / 365 = 24.93 → 24
        PaceCase(name: "3.3 at 24 of 24", activity: once2025, records: [("2025-03-01", 20), ("2025-06-30", 4)],
                 on: "2025-07-01", expected: 24, progress: 24, behind: false),
        PaceCase(name: "3.3 at 23 of 24", activity: once2025, records: [("2025-03-01", 20), ("2025-06-30", 3)],
                 on: "2025-07-01", expected: 24, progress: 23, behind: true),
        PaceCase(name: "a record without a count adds 0; one after the day never counts", activity: once2025,
                 records: [("2025-03-01", 30), ("2025-04-01", nil), ("2025-07-02", 40)],
                 on: "2025-07-01", expected: 24, progress: 30, behind: false),
        PaceCase(name: "a record dated the day counts", activity: once2025, records: [("2025-07-01", 24)],
                 on: "2025-07-01", expected: 24, progress: 24, behind: false),
        PaceCase(name: "done: no pace", activity: { var a = once2025; a.status = .done; return a }(),
                 on: "2025-07-01", expected: nil, progress: 0, behind: false),
        PaceCase(name: "dropped: no pace", activity: { var a = once2025; a.status = .dropped; return a }(),
                 on: "2025-07-01", expected: nil, progress: 0, behind: false),
        PaceCase(name: "blocked keeps its pace", activity: { var a = once2025; a.status = .blocked; return a }(),
                 on: "2025-07-01", expected: 24, progress: 0, behind: true),
        PaceCase(name: "no target: no pace", activity: activity("3.1", Sched.every(.quarter)),
                 on: "2025-07-01", expected: nil, progress: 0, behind: false),
        // from 2025-04: 7 × (2025-04-01 … 2025-07-01 = 92 days) / (2025-04-01 … 2027-12-31 = 1005 days) = 0.64 → 0
        PaceCase(name: "from a later month", activity: activity("2.5", Sched.ongoing(from: "2025-04"), target: 7),
                 on: "2025-07-01", expected: 0, progress: 0, behind: false),
        PaceCase(name: "before its from: no pace", activity: activity("2.5", Sched.ongoing(from: "2025-04"), target: 7),
                 on: "2025-03-31", expected: nil, progress: 0, behind: false),
    ]

    @Test("expected(D) and behind pace", arguments: cases)
    func pace(_ c: PaceCase) {
        let plan = testPlan([c.activity])
        let tracker = Tracker(plan: plan, records: c.records.map { Record(activity: c.activity.id, date: day($0.0), count: $0.1) },
                              waivers: [])
        let pace = tracker.pace(of: c.activity, on: day(c.on))
        #expect(pace?.expected == c.expected)
        #expect(tracker.progress(of: c.activity, on: day(c.on)) == c.progress)
        #expect(tracker.isBehindPace(c.activity, on: day(c.on)) == c.behind)
        if c.expected != nil { #expect(pace?.target == c.activity.target?.count) }
    }

    @Test("progress and record counts over a range")
    func ranges() {
        let a = activity("2.4", Sched.ongoing(), target: 30)
        let tracker = Tracker(plan: testPlan([a]), records: [
            Record(activity: "2.4", date: day("2025-02-01"), count: 5),
            Record(activity: "2.4", date: day("2025-02-01"), count: 2),
            Record(activity: "2.4", date: day("2025-05-31"), count: nil),
            Record(activity: "2.4", date: day("2025-06-01"), count: 10),
        ], waivers: [])
        #expect(tracker.progress(of: a, in: days("2025-02-01", "2025-05-31")) == 7)
        #expect(tracker.progress(of: a, in: days("2025-02-02", "2025-06-01")) == 10)
        #expect(tracker.recordCount(of: a, in: days("2025-02-01", "2025-05-31")) == 3)
        #expect(tracker.recordCount(of: a, in: days("2025-06-02", "2025-05-31")) == 0)
        #expect(tracker.lastRecord(of: a, on: day("2025-05-31")) == day("2025-05-31"))
        #expect(tracker.lastRecord(of: a, on: day("2025-05-30")) == day("2025-02-01"))
        #expect(tracker.lastRecord(of: a, on: day("2025-01-31")) == nil)
    }
}
