import Foundation
import GRDB
import SargsCore
@testable import SargsStore
import TestSupport
import Testing

/// Issue 27, right over time: for random plans with activities added and
/// schedules changed on random dates, checked against an oracle that
/// counts windows day by day, no window before a change's date is ever
/// missed or owed, and the report of every past year is byte for byte the
/// same before and after the change.
@Suite("A plan that changes mid-way, closed years that stay closed")
struct OverTimeTests {
    static let author = "ieva"
    static let period = DayRange(Day("2025-01-01")!, Day("2027-12-31")!)

    /// A refusal's Latvian words, from the gate or the store.
    static func lv(_ error: any Error) -> String {
        if let refusal = error as? ChangeRefusal { return refusal.phrase.lv }
        if let stored = error as? StoreError { return stored.phrase.lv }
        return "\(error)"
    }
    static let loaded = Date(timeIntervalSince1970: 1_735_689_600)  // 2025-01-01

    /// The windows of `activity`'s cadence that hold at least one day of its
    /// span on or after `effective`, found by walking the days one by one.
    static func oracleLabels(_ activity: Activity, period: DayRange, effective: Day) -> [String] {
        guard let cadence = activity.schedule.cadence else { return [] }
        let span = activity.schedule.span(in: period)
        var labels: [String] = []
        var day = max(span.first, effective)
        while day <= span.last {
            let label = cadence.window(containing: day).label
            if labels.last != label { labels.append(label) }
            day = day.adding(days: 1)
        }
        return labels
    }

    /// Every past year's report as of `today`, in every form the council gets.
    static func pastReports(_ store: Store, today: Day) throws -> [String] {
        var reports: [String] = []
        for year in 2025..<min(today.year, 2028) {
            let (snapshot, late) = try store.yearSnapshot(year, today: today)
            let report = YearReport(snapshot: snapshot, year: year, today: today, late: late)
            reports += [report.markdown(.lv), report.markdown(.en), report.json(), report.csv(.lv), report.csv(.en)]
        }
        return reports
    }

    static func randomSchedule(_ random: inout SyntheticPlan.Random) -> Schedule {
        switch random.int(0...5) {
        case 0: return .every(.week, from: nil, to: nil)
        case 1: return .every(.month, from: nil, to: nil, due: random.chance(30) ? DueDay(month: nil, day: 10) : nil)
        case 2: return .every(.quarter, from: nil, to: nil)
        case 3: return .every(.halfYear, from: nil, to: nil)
        case 4: return .every(.year, from: nil, to: nil, due: random.chance(50) ? DueDay(month: 3, day: 1) : nil)
        default: return .ongoing(report: random.pick([.month, .quarter]), from: nil, to: nil)
        }
    }

    @Test("random plans, random changes on random dates: nothing owed before a change's date, past years unchanged",
          arguments: 1...24)
    func changesOverTime(_ seed: UInt64) throws {
        var random = SyntheticPlan.Random(seed: 0x27_00 + seed)
        let plan = SyntheticPlan.plan(activities: 30, seed: seed)
        let store = try Store.inMemory(plan: plan, now: Self.loaded)
        _ = try store.importRecords(SyntheticPlan.records(for: plan, count: 120, until: Day("2027-12-31")!, seed: seed),
                                    author: "synthetic", now: Self.loaded)
        var today = Day("2026-01-01")!.adding(days: random.int(0...400))
        // Which activity took a change on which day: every later day checks it.
        var changed: [ActivityID: Day] = [:]
        var nextID = 100
        for step in 0..<4 {
            let before = try Self.pastReports(store, today: today)
            let current = try store.snapshot().plan
            let period = current.period
            var change: Change
            var effective: Day?
            switch random.int(0...4) {
            case 0:
                // An activity added today, in force from the start of today's window.
                let schedule = Self.randomSchedule(&random)
                let from = schedule.defaultEffectiveDay(on: today, in: period)
                effective = from
                nextID += 1
                let activity = Activity(id: "1.\(nextID)", goal: 1, title: "Pievienota \(step)", period: "Reizi ceturksnī",
                                        schedule: schedule.effective(from: from, in: period), owners: ["SD"], funding: ["PB"])
                change = .add(activity)
            case 1, 2:
                // A cadence changed, in force from a random day of this year up to today.
                let original = random.pick(current.activities)
                let yearStart = Day(year: today.year, month: 1, day: 1)!
                let from = yearStart.adding(days: random.int(0...yearStart.days(to: today)))
                effective = from
                var edited = original
                edited.schedule = Self.randomSchedule(&random).effective(from: from, in: period)
                change = .edit(edited, original: original)
                // What the old schedule owes this year is waived first, with a reason: a change erases nothing owed.
                let owed = Tracker(try store.snapshot()).windows(of: original, on: today)
                    .filter { original.schedule.cadence != nil && $0.state == .missed && $0.window.first < from && $0.window.last >= yearStart }
                for (window, _) in owed {
                    _ = try store.apply(.waiver(Waiver(activity: original.id, window: window.label, note: "Grafiks mainīts", author: Self.author)),
                                        author: Self.author, now: Date(), today: today)
                }
            case 3:
                // A new owner.
                let original = random.pick(current.activities)
                var edited = original
                edited.owners = [original.owners.first == "BT" ? "VP" : "BT"]
                change = .edit(edited, original: original)
            default:
                // Dropped: the plan's way of taking an activity out.
                let original = random.pick(current.activities)
                change = .status(original.id, original.status == .dropped ? .active : .dropped, note: "Pārtraukta")
            }
            let saved = Result { try store.apply(change, author: Self.author, now: Date(), today: today) }
            if case .failure(let error) = saved {
                // Only a schedule with no day left in the plan may be refused here.
                #expect(effective != nil, "seed \(seed), step \(step): \(error) for \(change)")
            } else if let effective {
                switch change {
                case .add(let a), .edit(let a, _): changed[a.id] = effective
                default: break
                }
            }
            // Past years, as of the change's day and of later days, are as they were.
            #expect(try Self.pastReports(store, today: today) == before, "seed \(seed), step \(step): \(change)")

            let snapshot = try store.snapshot()
            let tracker = Tracker(snapshot)
            for (id, from) in changed {
                guard let activity = snapshot.plan.activity(id) else { continue }
                let oracle = Self.oracleLabels(activity, period: snapshot.plan.period, effective: from)
                for day in [today, today.adding(days: 45), snapshot.plan.period.last.adding(days: 1)] {
                    let windows = tracker.windows(of: activity, on: day)
                    #expect(windows.map(\.window.label) == oracle, "seed \(seed): \(id) from \(from)")
                    for (window, state) in windows where state == .missed {
                        #expect(window.last >= from, "seed \(seed): \(id) missed \(window.label) before \(from)")
                    }
                    for label in tracker.owed(of: activity, on: day) {
                        #expect(oracle.contains(label), "seed \(seed): \(id) owes \(label), before \(from)")
                    }
                }
            }
            today = today.adding(days: random.int(1...120))
            if today > Day("2027-12-31")! { break }
        }
    }

    @Test("a schedule that would start in a closed year is refused, by the gate and by the store, and nothing is written")
    func closedYearRefused() throws {
        let plan = SyntheticPlan.plan(activities: 10, seed: 3)
        let store = try Store.inMemory(plan: plan, now: Self.loaded)
        let today = Day("2026-03-10")!
        let original = try #require(plan.activities.first { $0.schedule.cadence != nil })
        var edited = original
        edited.schedule = .every(.month, from: .month(2025, 11), to: nil)
        let before = try Self.pastReports(store, today: today)
        let version = try store.version()
        #expect {
            try store.apply(.edit(edited, original: original), author: Self.author, now: Date(), today: today)
        } throws: { error in
            Self.lv(error).contains("2025. gads ir noslēgts")
        }
        #expect(try store.version() == version)
        #expect(try Self.pastReports(store, today: today) == before)
        // An added activity without a start takes the plan's (2025): refused likewise.
        let added = Activity(id: "1.99", goal: 1, title: "Jauna", period: "Reizi mēnesī", schedule: .every(.month, from: nil, to: nil),
                             owners: ["SD"], funding: [])
        #expect(throws: ChangeRefusal.self) { try ChangeRules.check(.add(added), in: Snapshot(plan: plan), today: today) }
        // From this year on, it is taken.
        var fromThisYear = added
        fromThisYear.schedule = added.schedule.effective(from: Day("2026-03-01")!, in: plan.period)
        #expect(fromThisYear.schedule == .every(.month, from: .month(2026, 3), to: nil))
        _ = try store.apply(.add(fromThisYear), author: Self.author, now: Date(), today: today)
    }

    @Test("a record entered after its year ended is counted in the year and said so: '1 ieraksts pievienots pēc gada beigām'")
    func lateRecords() throws {
        let plan = SyntheticPlan.plan(activities: 10, seed: 5)
        let store = try Store.inMemory(plan: plan, now: Self.loaded)
        let activity = try #require(plan.activities.first { $0.schedule.cadence != nil && $0.status != .dropped })
        _ = try store.apply(.record(Record(activity: activity.id, date: Day("2025-06-02")!, author: Self.author)),
                            author: Self.author, now: Date(), today: Day("2025-06-02")!)
        func report(_ today: String) throws -> YearReport {
            let (snapshot, late) = try store.yearSnapshot(2025, today: Day(today)!)
            return YearReport(snapshot: snapshot, year: 2025, today: Day(today)!, late: late)
        }
        #expect(try report("2026-01-05").lateRecords == 0)
        #expect(try !report("2026-01-05").markdown(.lv).contains("pēc gada beigām"))
        _ = try store.apply(.record(Record(activity: activity.id, date: Day("2025-12-30")!, author: Self.author)),
                            author: Self.author, now: Date(), today: Day("2026-01-05")!)
        let after = try report("2026-01-10")
        #expect(after.lateRecords == 1)
        #expect(after.markdown(.lv).contains("\n1 ieraksts pievienots pēc gada beigām.\n"), "\(after.markdown(.lv))")
        #expect(after.markdown(.lv).contains("2 ieraksti (1 pievienots pēc gada beigām)"))
        #expect(after.markdown(.en).contains("\n1 record added after the year ended.\n"))
        #expect(after.json().hasSuffix(#""late_records": 1, "late_waivers": 0, "late_meetings": 0}"#))
        // A record dated in 2026 is not the 2025 report's.
        _ = try store.apply(.record(Record(activity: activity.id, date: Day("2026-01-06")!, author: Self.author)),
                            author: Self.author, now: Date(), today: Day("2026-01-06")!)
        #expect(try report("2026-01-10").lateRecords == 1)
        // The year is read as it was closed on the first change after it: 2025's plan, with its owners.
        let closed = try store.yearSnapshot(2025, today: Day("2026-01-10")!).snapshot.plan
        #expect(closed.activities == plan.activities)
    }

    /// An activity with missed windows of the open year under its old schedule.
    static func owingStore() throws -> (Store, Activity) {
        let plan = SyntheticPlan.plan(activities: 10, seed: 7)
        var monthly = plan
        let index = try #require(monthly.activities.firstIndex { $0.status != .dropped && $0.status != .done })
        monthly.activities[index].schedule = .every(.month, from: nil, to: nil)
        monthly.activities[index].status = .planned
        return (try Store.inMemory(plan: monthly, now: Self.loaded), monthly.activities[index])
    }

    @Test("a changed schedule erases nothing owed: the old schedule's missed windows of this year are recorded or waived first")
    func changeKeepsWhatIsOwed() throws {
        let (store, original) = try Self.owingStore()
        let today = Day("2026-05-10")!
        var edited = original
        edited.schedule = Schedule.every(.quarter, from: nil, to: nil).effective(from: Day("2026-04-01")!, in: Self.period)
        let version = try store.version()
        #expect {
            try store.apply(.edit(edited, original: original), author: Self.author, now: Date(), today: today)
        } throws: { error in
            Self.lv(error).contains("grafika maiņa no 2026-04-01 izdzēstu \(original.id) nokavētos logus 2026. g. janvāris, 2026. g. februāris, 2026. g. marts, 2026. g. aprīlis; vispirms ierakstiet izpildi vai atbrīvojiet tos ar iemeslu (w; sargs waive)")
        }
        #expect(try store.version() == version)
        // January recorded late, February to April waived with the group's reason: then it changes.
        _ = try store.apply(.record(Record(activity: original.id, date: Day("2026-01-20")!, author: Self.author)),
                            author: Self.author, now: Date(), today: today)
        for label in ["2026-02", "2026-03", "2026-04"] {
            _ = try store.apply(.waiver(Waiver(activity: original.id, window: label, note: "Grafiks mainīts uz ceturksni", author: Self.author)),
                                author: Self.author, now: Date(), today: today)
        }
        _ = try store.apply(.edit(edited, original: original), author: Self.author, now: Date(), today: today)
        // A later start than today, while the old schedule still asks for a window before it: refused.
        var later = edited
        later.schedule = Schedule.every(.month, from: nil, to: nil).effective(from: Day("2026-08-01")!, in: Self.period)
        #expect {
            try store.apply(.edit(later, original: edited), author: Self.author, now: Date(), today: today)
        } throws: { error in Self.lv(error).contains("līdz 2026-08-01 vecais grafiks vēl prasa logu 2026. g. II cet.") }
    }

    @Test("undo of an activity's change made in a year now over is refused; in the same year it is undone")
    func undoStaysInItsYear() throws {
        let (store, original) = try Self.owingStore()
        var edited = original
        edited.owners = ["BT"]
        _ = try store.apply(.edit(edited, original: original), author: Self.author,
                            now: Date(timeIntervalSince1970: 1_767_000_000), today: Day("2025-12-29")!)  // 2025-12-29 in Riga
        let entry = try #require(try store.latestUndoable(author: Self.author))
        #expect {
            try store.apply(.undo(of: entry.number), author: Self.author, now: Date(), today: Day("2026-01-05")!)
        } throws: { error in Self.lv(error).contains("izdarīta 2025. gadā, kas ir noslēgts; to vairs neatsauc") }
        _ = try store.apply(.undo(of: entry.number), author: Self.author, now: Date(), today: Day("2025-12-30")!)
        #expect(try store.snapshot().plan.activity(original.id)?.owners == original.owners)
    }

    @Test("after the plan's period no schedule changes; a one-off deadline of this year is taken from this year")
    func planEndAndOneOffs() throws {
        let plan = SyntheticPlan.plan(activities: 5, seed: 9)
        let added = Activity(id: "1.90", goal: 1, title: "Vienreizēja", period: "Līdz 2026. gada 30. jūnijam",
                             schedule: .once(from: nil, to: .day(Day("2026-06-30")!)), owners: ["SD"], funding: [])
        let today = Day("2026-02-10")!
        var fromThisYear = added
        fromThisYear.schedule = added.schedule.effective(from: added.schedule.defaultEffectiveDay(on: today, in: plan.period), in: plan.period)
        #expect(fromThisYear.schedule == .once(from: .year(2026), to: .day(Day("2026-06-30")!)))
        #expect(throws: Never.self) { try ChangeRules.check(.add(fromThisYear), in: Snapshot(plan: plan), today: today) }
        var late = added
        late.schedule = .every(.quarter, from: nil, to: nil)
        #expect {
            try ChangeRules.check(.add(late), in: Snapshot(plan: plan), today: Day("2028-02-01")!)
        } throws: { error in Self.lv(error).contains("plāna periods beidzās 2027-12-31") }
    }

    @Test("no way around a closed year by a schedule: a one-off past its deadline, as needed in between, a start back at January")
    func noWayAroundWhatIsOwed() throws {
        let plan = SyntheticPlan.plan(activities: 5, seed: 11)
        var withOwing = plan
        withOwing.activities = [
            Activity(id: "1.80", goal: 1, title: "Vienreiz", period: "līdz 2026. gada 31. martam",
                     schedule: .once(from: .year(2026), to: .day(Day("2026-03-31")!)), owners: ["SD"], funding: []),
            Activity(id: "1.81", goal: 1, title: "Ceturksnī", period: "Reizi ceturksnī", schedule: .every(.quarter, from: .year(2026), to: nil),
                     owners: ["SD"], funding: []),
        ]
        let store = try Store.inMemory(plan: withOwing, now: Self.loaded)
        let today = Day("2026-08-15")!
        func refusal(_ change: Change) -> String {
            do {
                _ = try store.apply(change, author: Self.author, now: Date(), today: today)
                return ""
            } catch {
                return Self.lv(error)
            }
        }
        let once = withOwing.activities[0], quarterly = withOwing.activities[1]
        var every = once
        every.schedule = .every(.quarter, from: .month(2026, 7), to: nil)
        #expect(refusal(.edit(every, original: once)).contains("izdzēstu 1.80 nokavēto logu"), "\(refusal(.edit(every, original: once)))")
        #expect(refusal(.edit(every, original: once)).contains("vispirms ierakstiet izpildi vai mainiet statusu (s; sargs status)"))
        var asNeeded = quarterly
        asNeeded.schedule = .asNeeded
        #expect(refusal(.edit(asNeeded, original: quarterly)).contains("grafika maiņa no 2026-08-15 izdzēstu 1.81 nokavētos logus 2026. g. I cet., 2026. g. II cet."))
        var yearly = quarterly
        yearly.schedule = .every(.year, from: .year(2026), to: nil)
        #expect(refusal(.edit(yearly, original: quarterly)).contains("izdzēstu 1.81 nokavētos logus 2026. g. I cet., 2026. g. II cet."))
        #expect(try store.snapshot().plan.activities == withOwing.activities, "nothing changed")
    }

    @Test("an undo in a new year of a change made in the closed one is refused, whatever it changed")
    func undoOfAnyKindStaysInItsYear() throws {
        let (store, original) = try Self.owingStore()
        let december = Date(timeIntervalSince1970: 1_767_000_000)  // 2025-12-29 in Riga
        _ = try store.apply(.record(Record(activity: original.id, date: Day("2025-12-20")!, author: Self.author)),
                            author: Self.author, now: december, today: Day("2025-12-29")!)
        let entry = try #require(try store.latestUndoable(author: Self.author))
        let before = try Self.pastReports(store, today: Day("2026-01-05")!)
        #expect {
            try store.apply(.undo(of: entry.number), author: Self.author, now: Date(), today: Day("2026-01-05")!)
        } throws: { error in Self.lv(error).contains("to vairs neatsauc, lai gada pārskats paliek, kāds tas bija") }
        #expect(try Self.pastReports(store, today: Day("2026-01-05")!) == before)
    }

    @Test("a regular meeting of the closed year marked held after it ended is counted and said so")
    func lateMeeting() throws {
        let plan = SyntheticPlan.plan(activities: 5, seed: 13)
        let store = try Store.inMemory(plan: plan, now: Self.loaded)
        let saved = try store.apply(.newMeeting(Meeting(date: Day("2025-12-15")!)), author: Self.author, now: Date(), today: Day("2025-12-01")!)
        guard case .meeting(let meeting) = saved else { Issue.record("\(saved)"); return }
        _ = try store.apply(.hold(meeting: meeting.number, details: Meeting.Details(attendees: ["SD", "BT"]), today: Day("2026-01-10")!),
                            author: Self.author, now: Date(), today: Day("2026-01-10")!)
        let (snapshot, late) = try store.yearSnapshot(2025, today: Day("2026-01-10")!)
        let report = YearReport(snapshot: snapshot, year: 2025, today: Day("2026-01-10")!, late: late)
        #expect(report.quartersHeld == 1 && report.lateMeetings == 1)
        #expect(report.markdown(.lv).contains("\n1 sēde atzīmēta kā notikusi pēc gada beigām.\n"), "\(report.markdown(.lv))")
        #expect(report.markdown(.en).contains("\n1 meeting marked held after the year ended.\n"))
        #expect(report.json().hasSuffix(#""late_meetings": 1}"#))
    }

    @Test("a closed year's rows damaged by another tool: the next change still closes the year, check names what the report would read wrong")
    func damagedClosedYears() throws {
        let folder = Fixtures.temporaryDirectory("sargs-closed")
        let path = folder + "/s.sqlite"
        let plan = SyntheticPlan.plan(activities: 5, seed: 17)
        let store = try Store.create(at: path, plan: plan, force: false, author: Self.author, now: Self.loaded)
        _ = try store.apply(.record(Record(activity: plan.activities[0].id, date: Day("2025-05-05")!, author: Self.author)),
                            author: Self.author, now: Date(), today: Day("2026-02-01")!)
        #expect(Store.check(at: path) == [])
        let raw = try DatabaseQueue(path: path)
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DELETE FROM closed_year WHERE year = 2025")
            try db.execute(sql: "UPDATE record SET entered = 'x'")
            try db.execute(sql: "INSERT INTO closed_year (year, closed_on) VALUES (99999, '2026-02-01')")
        }
        try raw.close()
        let findings = Store.check(at: path).map(\.problem.lv)
        #expect(findings.contains("slēgtā gada 2025 aktivitātēm nav gada ieraksta"), "\(findings)")
        #expect(findings.contains("slēgtais gads 99999 nav plāna periodā"), "\(findings)")
        #expect(findings.contains("izpildēm: 1 ar ievadīšanas dienu, kas nav datums"), "\(findings)")
        // The next change closes 2025 again, over the rows left behind; 'x' is not a late day.
        let reopened = try Store.open(at: path)
        _ = try reopened.apply(.note(plan.activities[0].id, "Pārbaude"), author: Self.author, now: Date(), today: Day("2026-02-02")!)
        #expect(try reopened.yearSnapshot(2025, today: Day("2026-02-02")!).late.records.isEmpty)
        // A copy whose closed year cannot be read is not restored.
        let broken = try DatabaseQueue(path: path)
        try broken.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE closed_activity SET schedule = '{bad'")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")  // the file's own bytes hold it
        }
        try broken.close()
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(throws: (any Error).self) { _ = try Store.checkedCopy(bytes, named: path) }
    }

    @Test("a record dated in a closed year for an activity added after it would be in no report: refused, nothing saved")
    func recordOutsideItsYear() throws {
        let plan = SyntheticPlan.plan(activities: 5, seed: 19)
        let store = try Store.inMemory(plan: plan, now: Self.loaded)
        let today = Day("2026-02-10")!
        let added = Activity(id: "1.70", goal: 1, title: "Jauna", period: "Reizi mēnesī", schedule: .every(.month, from: .month(2026, 2), to: nil),
                             owners: ["SD"], funding: [])
        _ = try store.apply(.add(added), author: Self.author, now: Date(), today: today)
        let version = try store.version()
        #expect {
            try store.apply(.record(Record(activity: "1.70", date: Day("2025-12-20")!, author: Self.author)), author: Self.author, now: Date(), today: today)
        } throws: { error in Self.lv(error).contains("1.70 2025. gadā plānā nebija (tā pievienota vēlāk)") }
        #expect(try store.version() == version)
        // One the closed year had is taken, and said late.
        let old = try #require(plan.activities.first)
        _ = try store.apply(.record(Record(activity: old.id, date: Day("2025-12-20")!, author: Self.author)), author: Self.author, now: Date(), today: today)
        #expect(try store.yearSnapshot(2025, today: today).late.records[old.id] == 1)
    }
}
