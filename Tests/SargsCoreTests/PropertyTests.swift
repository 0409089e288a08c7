import Testing
import SargsCore

/// Properties checked over many seeded random cases, each against a slow,
/// obviously correct oracle written from the words of SPEC §4–§5.
@Suite("Window and state properties")
struct PropertyTests {
    static let wide = days("1990-01-01", "2040-12-31")

    @Test("the windows of a cadence partition any range: no gap, no overlap, each inside its calendar window",
          arguments: Cadence.allCases)
    func partition(_ cadence: Cadence) {
        var rng = SplitMix(seed: 0x5A_4753 &+ UInt64(cadence.rawValue.count))
        for _ in 0..<1500 {
            let first = rng.day(in: Self.wide)
            let range = DayRange(first, first.adding(days: Int.random(in: 0...1200, using: &rng)))
            let windows = cadence.windows(intersecting: range)
            #expect(windows.first?.first == range.first)
            #expect(windows.last?.last == range.last)
            #expect(windows.reduce(0) { $0 + $1.range.dayCount } == range.dayCount)
            var labels = Set<String>()
            for (i, w) in windows.enumerated() {
                #expect(!w.range.isEmpty)
                #expect(w.cadence == cadence)
                if i > 0 { #expect(w.first == windows[i - 1].last.adding(days: 1)) }
                labels.insert(w.label)
                let whole = Window.parse(w.label)
                #expect(whole?.cadence == cadence)
                if let whole {
                    #expect(whole.range.clamped(to: range) == w.range)
                    if i > 0 && i < windows.count - 1 { #expect(whole.range == w.range) }
                }
            }
            #expect(labels.count == windows.count)
        }
    }

    @Test("a window's label and range agree with a day-by-day count", arguments: Cadence.allCases)
    func windowOfDay(_ cadence: Cadence) {
        var rng = SplitMix(seed: 77 &+ UInt64(cadence.rawValue.utf8.first!))
        for _ in 0..<1500 {
            let d = rng.day(in: Self.wide)
            let w = cadence.window(containing: d)
            #expect(w.contains(d))
            // The day before the first and after the last belong to other windows.
            #expect(cadence.window(containing: w.first.adding(days: -1)).label != w.label)
            #expect(cadence.window(containing: w.last.adding(days: 1)).label != w.label)
            switch cadence {
            case .week:
                #expect(w.first.weekday == 1 && w.last.weekday == 7)
                // ISO: the week belongs to the year of its Thursday; week n counts Thursdays from 1 January.
                let thursday = w.first.adding(days: 3)
                var n = 0
                var t = thursday
                while t.year == thursday.year { n += 1; t = t.adding(days: -7) }
                #expect(w.label == "\(thursday.year)-W\(n < 10 ? "0" : "")\(n)")
            case .month:
                #expect(w.first.day == 1 && w.first.month == d.month && w.last.adding(days: 1).day == 1)
            case .quarter:
                #expect(w.dayCountIsQuarter)
                #expect(w.label == "\(d.year)-Q\((d.month + 2) / 3)")
            case .halfYear:
                #expect(w.label == "\(d.year)-H\(d.month <= 6 ? 1 : 2)")
                #expect(w.first.day == 1 && [1, 7].contains(w.first.month))
            case .year:
                #expect(w.range == DayRange(Day(year: d.year, month: 1, day: 1)!, Day(year: d.year, month: 12, day: 31)!))
            }
        }
    }

    @Test("window states, tallies and activity states agree with a literal reading of §4–§5")
    func statesAgainstOracle() {
        var rng = SplitMix(seed: 2025)
        let period = days("2025-01-01", "2027-12-31")
        for _ in 0..<900 {
            let cadence = Cadence.allCases.randomElement(using: &rng)!
            let a = rng.day(in: period), b = rng.day(in: period)
            let from: DateBound? = Bool.random(using: &rng) ? .day(min(a, b)) : nil
            let to: DateBound? = Bool.random(using: &rng) ? .day(max(a, b)) : nil
            // A due day named inside each window (SPEC §3) for half the yearly and monthly ones.
            var due: DueDay?
            if Bool.random(using: &rng) {
                if cadence == .year {
                    let month = Int.random(in: 1...12, using: &rng)
                    due = DueDay(month: month, day: Int.random(in: 1...Day.daysIn(month: month, year: 2024), using: &rng))
                } else if cadence == .month {
                    due = DueDay(month: nil, day: Int.random(in: 1...31, using: &rng))
                }
            }
            let schedule: Schedule = due != nil || Bool.random(using: &rng)
                ? .every(cadence, from: from, to: to, due: due) : .ongoing(report: cadence, from: from, to: to)
            let act = activity("2.4", schedule, target: Int.random(in: 1...60, using: &rng))
            let span = schedule.span(in: period)
            let all = schedule.windows(in: period)
            // The due day of each window, from the words of SPEC §3: the named
            // day of the window's year (and month, for a monthly one), the
            // month's last day if it is shorter; the window's last day when
            // none is named or the named day falls outside the clipped window.
            func dueOracle(_ w: Window) -> Day {
                guard let due else { return w.last }
                let month = due.month ?? w.first.month
                var dayNumber = due.day
                while Day(year: w.first.year, month: month, day: dayNumber) == nil { dayNumber -= 1 }
                let named = Day(year: w.first.year, month: month, day: dayNumber)!
                return w.contains(named) ? named : w.last
            }
            #expect(all.map(\.due) == all.map(dueOracle))

            let records = (0..<Int.random(in: 0...25, using: &rng)).map { _ in
                Record(activity: "2.4", date: rng.day(in: DayRange(period.first, period.last.adding(days: 30))),
                       count: Bool.random(using: &rng) ? Int.random(in: 0...5, using: &rng) : nil)
            }
            var labels = (0..<Int.random(in: 0...6, using: &rng)).compactMap { _ in all.randomElement(using: &rng)?.label }
            labels.append("2099-Q1")
            let tracker = Tracker(plan: testPlan([act]), records: records,
                                  waivers: labels.map { Waiver(activity: "2.4", window: $0, note: "…") })
            let d = rng.day(in: DayRange(period.first.adding(days: -20), period.last.adding(days: 60)))

            func oracle(_ w: Window) -> WindowState {
                if records.contains(where: { w.contains($0.date) && $0.date <= d }) { return .met }
                if labels.contains(w.label) { return .waived }
                if dueOracle(w) < d { return .missed }
                if w.contains(d) { return .open }
                return .future
            }
            let states = tracker.windows(of: act, on: d)
            #expect(states.map(\.window) == all)
            #expect(states.map(\.state) == all.map(oracle))
            let sum = WindowState.allCases.map { s in states.count { $0.state == s } }.reduce(0, +)
            #expect(sum == all.count)
            #expect(states.count { $0.state == .open } <= 1)

            // §5 tally for a random R.
            let r = rng.day(in: DayRange(period.first.adding(days: -30), max(d, period.first).adding(days: 10)))
            let ended = all.filter { dueOracle($0) >= r && dueOracle($0) < d }
            let tally = tracker.tally(of: act, from: r, on: d)
            #expect(tally.ended == ended.count)
            #expect(tally.missed == ended.filter { oracle($0) == .missed })

            // §4 state: overdue if the latest ended window is missed, finished after `to`, else on track.
            let expected: ActivityState
            if let latest = all.lastIndex(where: { dueOracle($0) < d }), oracle(all[latest]) == .missed {
                var first = latest
                while first > 0 && oracle(all[first - 1]) == .missed { first -= 1 }
                expected = .overdue(days: dueOracle(all[first]).days(to: d))
            } else {
                expected = d > span.last ? .finished : .onTrack
            }
            #expect(tracker.state(of: act, on: d) == expected)

            // Progress: counts of records dated on or before D.
            #expect(tracker.progress(of: act, on: d) == records.filter { $0.date <= d }.reduce(0) { $0 + ($1.count ?? 0) })
        }
    }
}

private extension Window {
    /// Whether the window is three whole months starting in January, April, July or October.
    var dayCountIsQuarter: Bool {
        first.day == 1 && [1, 4, 7, 10].contains(first.month)
            && last.adding(days: 1).day == 1 && last.month == first.month + 2 && last.year == first.year
    }
}
