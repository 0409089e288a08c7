import Testing
import SargsCore

/// A calendar window worked out by hand: cadence, a day inside it, its label and whole range.
struct WindowCase: CustomTestStringConvertible, Sendable {
    let cadence: Cadence
    let day: String
    let label: String
    let first: String
    let last: String
    var testDescription: String { "\(cadence.rawValue) \(day) → \(label)" }
}

@Suite("Windows (SPEC §4)")
struct WindowTests {
    static let calendarCases: [WindowCase] = [
        // ISO weeks: week-year of the Thursday; 2026-W01 starts 2025-12-29.
        WindowCase(cadence: .week, day: "2025-12-29", label: "2026-W01", first: "2025-12-29", last: "2026-01-04"),
        WindowCase(cadence: .week, day: "2026-01-04", label: "2026-W01", first: "2025-12-29", last: "2026-01-04"),
        WindowCase(cadence: .week, day: "2025-12-28", label: "2025-W52", first: "2025-12-22", last: "2025-12-28"),
        WindowCase(cadence: .week, day: "2025-01-01", label: "2025-W01", first: "2024-12-30", last: "2025-01-05"),
        WindowCase(cadence: .week, day: "2024-12-30", label: "2025-W01", first: "2024-12-30", last: "2025-01-05"),
        WindowCase(cadence: .week, day: "2025-02-12", label: "2025-W07", first: "2025-02-10", last: "2025-02-16"),
        WindowCase(cadence: .week, day: "2020-12-31", label: "2020-W53", first: "2020-12-28", last: "2021-01-03"),
        WindowCase(cadence: .week, day: "2021-01-03", label: "2020-W53", first: "2020-12-28", last: "2021-01-03"),
        WindowCase(cadence: .week, day: "2026-12-31", label: "2026-W53", first: "2026-12-28", last: "2027-01-03"),
        WindowCase(cadence: .week, day: "2027-12-31", label: "2027-W52", first: "2027-12-27", last: "2028-01-02"),
        WindowCase(cadence: .week, day: "1970-01-01", label: "1970-W01", first: "1969-12-29", last: "1970-01-04"),
        WindowCase(cadence: .week, day: "1969-12-28", label: "1969-W52", first: "1969-12-22", last: "1969-12-28"),
        WindowCase(cadence: .month, day: "2024-02-10", label: "2024-02", first: "2024-02-01", last: "2024-02-29"),
        WindowCase(cadence: .month, day: "2025-02-28", label: "2025-02", first: "2025-02-01", last: "2025-02-28"),
        WindowCase(cadence: .month, day: "2025-12-31", label: "2025-12", first: "2025-12-01", last: "2025-12-31"),
        WindowCase(cadence: .quarter, day: "2025-01-01", label: "2025-Q1", first: "2025-01-01", last: "2025-03-31"),
        WindowCase(cadence: .quarter, day: "2025-05-15", label: "2025-Q2", first: "2025-04-01", last: "2025-06-30"),
        WindowCase(cadence: .quarter, day: "2025-09-30", label: "2025-Q3", first: "2025-07-01", last: "2025-09-30"),
        WindowCase(cadence: .quarter, day: "2025-10-01", label: "2025-Q4", first: "2025-10-01", last: "2025-12-31"),
        WindowCase(cadence: .halfYear, day: "2025-06-30", label: "2025-H1", first: "2025-01-01", last: "2025-06-30"),
        WindowCase(cadence: .halfYear, day: "2025-07-01", label: "2025-H2", first: "2025-07-01", last: "2025-12-31"),
        WindowCase(cadence: .year, day: "2026-03-03", label: "2026", first: "2026-01-01", last: "2026-12-31"),
    ]

    @Test("the calendar window containing a day", arguments: calendarCases)
    func windowContaining(_ c: WindowCase) {
        let window = c.cadence.window(containing: day(c.day))
        #expect(window.label == c.label)
        #expect(window.range == days(c.first, c.last))
        #expect(window.cadence == c.cadence)
    }

    @Test("a label parses back to its cadence and whole window", arguments: calendarCases)
    func parseLabel(_ c: WindowCase) {
        let window = Window.parse(c.label)
        #expect(window?.cadence == c.cadence)
        #expect(window?.range == days(c.first, c.last))
        #expect(window?.label == c.label)
    }

    @Test("text that names no window does not parse", arguments: [
        "2025-W53", "2025-W00", "2026-W54", "2025-13", "2025-00", "2025-Q0", "2025-Q5", "2025-H0", "2025-H3",
        "2025-1", "25-01", "2025-01-01", "2025-w07", "2025-W7", "abcd", "", "0000", "2025 ", "2025-Q1 ",
    ])
    func parseRefuses(_ text: String) {
        #expect(Window.parse(text) == nil)
    }

    @Test("2026 has 53 ISO weeks, 2025 has 52")
    func weekYearLengths() {
        #expect(Window.parse("2026-W53")?.range == days("2026-12-28", "2027-01-03"))
        #expect(Window.parse("2025-W52")?.range == days("2025-12-22", "2025-12-28"))
    }

    @Test("weeks of the Madona period: 2025-W01 clipped to the plan start, 157 in all")
    func weeksOfPlan() {
        let windows = Sched.every(.week).windows(in: days("2025-01-01", "2027-12-31"))
        #expect(windows.count == 52 + 53 + 52)
        #expect(windows.first?.label == "2025-W01")
        #expect(windows.first?.range == days("2025-01-01", "2025-01-05"))
        #expect(windows[1].range == days("2025-01-06", "2025-01-12"))
        #expect(windows.last?.label == "2027-W52")
        #expect(windows.last?.range == days("2027-12-27", "2027-12-31"))
        // The week straddling the new year keeps its ISO label and both years' days.
        let straddling = windows.first { $0.label == "2026-W01" }
        #expect(straddling?.range == days("2025-12-29", "2026-01-04"))
    }

    @Test("a schedule's own from/to clip its windows")
    func clippedByFromTo() {
        let quarterly = Sched.every(.quarter, from: "2025-05-15", to: "2026-02")
        let windows = quarterly.windows(in: days("2025-01-01", "2027-12-31"))
        #expect(windows.map(\.label) == ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"])
        #expect(windows.first?.range == days("2025-05-15", "2025-06-30"))
        #expect(windows.last?.range == days("2026-01-01", "2026-02-28"))
        let monthly = Sched.ongoing(.month, from: "2025-04").windows(in: days("2025-01-01", "2025-06-30"))
        #expect(monthly.map(\.label) == ["2025-04", "2025-05", "2025-06"])
    }

    @Test("once: one window, labelled as a calendar window when it is one")
    func onceWindows() {
        let period = days("2025-01-01", "2027-12-31")
        let feb = Sched.once("2025-02", "2025-03").windows(in: period)
        #expect(feb.count == 1)
        #expect(feb.first?.label == "2025-02..2025-03")
        #expect(feb.first?.cadence == nil)
        #expect(feb.first?.range == days("2025-02-01", "2025-03-31"))
        #expect(Sched.once("2025").windows(in: period).map(\.label) == ["2025"])
        #expect(Sched.once("2025-06").windows(in: period).map(\.range) == [days("2025-06-01", "2025-06-30")])
        #expect(Sched.once("2025-06").windows(in: period).map(\.label) == ["2025-06"])
        // `from` defaults to the plan start.
        let fromStart = Schedule.once(from: nil, to: DateBound("2025-06")!).windows(in: period)
        #expect(fromStart.map(\.label) == ["2025-H1"])
        #expect(fromStart.first?.cadence == .halfYear)
        #expect(Schedule.asNeeded.windows(in: period).isEmpty)
    }

    @Test("an empty range has no windows")
    func emptyRange() {
        #expect(Cadence.month.windows(intersecting: days("2025-02-01", "2025-01-31")).isEmpty)
    }

    @Test("a day as text", arguments: [("0987-01-09", 987, 1, 9), ("2025-12-31", 2025, 12, 31)])
    func isoText(_ text: String, _ y: Int, _ m: Int, _ d: Int) {
        #expect(Day(year: y, month: m, day: d)!.isoText == text)
    }
}
