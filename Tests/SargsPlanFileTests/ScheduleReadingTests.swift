import Foundation
import SargsCore
import SargsPlanDraft
import SargsPlanFile
import Testing
import TestSupport

/// Issue 27: the add and edit forms read the schedule in the interface's
/// language with the reader `plan draft` uses (and English, and the short
/// line), and say back what they understood.
@Suite("Reading a schedule as a person types it, and saying it back")
struct ScheduleReadingTests {
    static let period = DayRange(Day(year: 2025, month: 1, day: 1)!, Day(year: 2027, month: 12, day: 31)!)

    static func b(_ text: String) -> DateBound { DateBound(text)! }

    /// Wordings beyond the Madona plan's, in both languages, with what they say.
    static let table: [(String, Schedule)] = [
        // Latvian, as a plan writes it.
        ("Reizi ceturksnī no 2026. gada janvāra", .every(.quarter, from: b("2026-01"), to: nil)),
        ("ik gadu līdz 1. martam", .every(.year, from: nil, to: nil, due: DueDay(month: 3, day: 1))),
        ("katru mēnesi līdz 10. datumam", .every(.month, from: nil, to: nil, due: DueDay(month: nil, day: 10))),
        ("Reizi mēnesī", .every(.month, from: nil, to: nil)),
        ("reizi pusgadā", .every(.halfYear, from: nil, to: nil)),
        ("Katru nedēļu", .every(.week, from: nil, to: nil)),
        ("pēc nepieciešamības", .asNeeded),
        ("Pastāvīgi", .ongoing(report: .quarter, from: nil, to: nil)),
        ("Reizi gadā sākot ar 2026. gadu", .every(.year, from: b("2026"), to: nil)),
        ("līdz 2026. gada 30. jūnijam", .once(from: nil, to: b("2026-06-30"))),
        // English.
        ("every quarter from 2026-01", .every(.quarter, from: b("2026-01"), to: nil)),
        ("Quarterly", .every(.quarter, from: nil, to: nil)),
        ("monthly by the 10th", .every(.month, from: nil, to: nil, due: DueDay(month: nil, day: 10))),
        ("yearly by 1 March", .every(.year, from: nil, to: nil, due: DueDay(month: 3, day: 1))),
        ("every year by March 1", .every(.year, from: nil, to: nil, due: DueDay(month: 3, day: 1))),
        ("twice a year", .every(.halfYear, from: nil, to: nil)),
        ("divreiz gadā", .every(.halfYear, from: nil, to: nil)),
        ("weekly until 2026-06", .every(.week, from: nil, to: b("2026-06"))),
        ("every month from March 2026", .every(.month, from: b("2026-03"), to: nil)),
        ("once by 2026-06", .once(from: nil, to: b("2026-06"))),
        ("once in 2026-09", .once(from: b("2026-09"), to: b("2026-09"))),
        ("by 2026-06-30", .once(from: nil, to: b("2026-06-30"))),
        ("as needed", .asNeeded),
        ("ongoing", .ongoing(report: .quarter, from: nil, to: nil)),
        ("ongoing, reported monthly", .ongoing(report: .month, from: nil, to: nil)),
        ("every quarter from 2025-01 until 2027-12", .every(.quarter, from: nil, to: nil)),
        // The short line the plan file and the old form wrote.
        ("every quarter 2026-01..2027-06", .every(.quarter, from: b("2026-01"), to: b("2027-06"))),
        ("once 2026-09", .once(from: b("2026-09"), to: b("2026-09"))),
        ("every year due 03-01", .every(.year, from: nil, to: nil, due: DueDay(month: 3, day: 1))),
        ("as-needed", .asNeeded),
        ("ongoing month", .ongoing(report: .month, from: nil, to: nil)),
    ]

    @Test("30 wordings beyond the Madona plan's, read the same under either interface language")
    func wordings() {
        #expect(Self.table.count >= 30)
        for (text, schedule) in Self.table {
            for language in Language.allCases {
                let reading = ScheduleReading.read(text, language: language, period: Self.period)
                #expect(reading == .schedule(schedule), "\(language) '\(text)': \(reading)")
            }
        }
    }

    @Test("the Madona plan's 29 wordings read as its schedules, in either language")
    func madona() throws {
        let plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        #expect(plan.activities.count == 29)
        for activity in plan.activities {
            for language in Language.allCases {
                let reading = ScheduleReading.read(activity.period, language: language, period: plan.period)
                #expect(reading == .schedule(activity.schedule), "\(activity.id) '\(activity.period)' (\(language)): \(reading)")
            }
            // And the short line of each reads back exactly.
            #expect(ScheduleReading.read(ScheduleText.format(activity.schedule), language: .lv, period: plan.period)
                    == .schedule(activity.schedule))
        }
    }

    @Test("what cannot be read is refused with the interface language's reason and examples",
          arguments: ["", "dažreiz", "every quarter and monthly", "yearly by the 10th", "sometimes", "reizi mēnesī un reizi gadā",
                      "once", "every fortnight", "yearly by 30 February", "yearly by 31 April", "yearly by 0 March", "monthly by the 32nd"])
    func refused(_ text: String) {
        for language in Language.allCases {
            guard case .unread(let why) = ScheduleReading.read(text, language: language, period: Self.period) else {
                Issue.record("'\(text)' was read (\(language))")
                continue
            }
            #expect(why.lv.contains("piemēri: reizi ceturksnī"), "\(why.lv)")
            #expect(why.en.contains("examples: every quarter"), "\(why.en)")
        }
    }

    @Test("what was understood is said back: the cadence and the span, from the day it takes effect", arguments: [
        ("every quarter from 2026-01", "→ katru ceturksni, 2026-01 … 2027-12", "→ every quarter, 2026-01 … 2027-12"),
        ("ik gadu līdz 1. martam", "→ katru gadu līdz 1. martam, 2025-01 … 2027-12", "→ every year by 1 March, 2025-01 … 2027-12"),
        ("once by 2026-06", "→ vienreiz, 2025-01 … 2026-06", "→ once, 2025-01 … 2026-06"),
        ("līdz 2026. gada 15. jūnijam", "→ vienreiz, 2025-01-01 … 2026-06-15", "→ once, 2025-01-01 … 2026-06-15"),
        ("pēc nepieciešamības", "→ pēc vajadzības (nekad nav nokavēta)", "→ as needed (never overdue)"),
        ("ongoing, reported monthly", "→ pastāvīgi, atskaite katru mēnesi, 2025-01 … 2027-12", "→ ongoing, reported every month, 2025-01 … 2027-12"),
    ])
    func showBack(_ text: String, _ lv: String, _ en: String) throws {
        let schedule = try #require(ScheduleReading.read(text, language: .lv, period: Self.period).schedule)
        #expect(ScheduleText.showBack(schedule, period: Self.period, .lv) == lv)
        #expect(ScheduleText.showBack(schedule, period: Self.period, .en) == en)
    }

    @Test("a schedule in force from a day: the default is the start of today's window; earlier windows are gone")
    func effective() {
        let quarterly = Schedule.every(.quarter, from: nil, to: nil)
        let today = Day("2026-02-10")!
        #expect(quarterly.defaultEffectiveDay(on: today, in: Self.period) == Day("2026-01-01")!)
        let from = quarterly.effective(from: Day("2026-01-01")!, in: Self.period)
        #expect(from == .every(.quarter, from: Self.b("2026"), to: nil))
        #expect(from.windows(in: Self.period).first?.label == "2026-Q1")
        #expect(Schedule.every(.month, from: nil, to: nil).defaultEffectiveDay(on: today, in: Self.period) == Day("2026-02-01")!)
        #expect(Schedule.every(.week, from: nil, to: nil).defaultEffectiveDay(on: today, in: Self.period) == Day("2026-02-09")!)
        // A one-off's window is its span: in force from its start, but not in a year that is over (2025).
        #expect(Schedule.once(from: nil, to: Self.b("2026")).defaultEffectiveDay(on: today, in: Self.period) == Day("2026-01-01")!)
        #expect(Schedule.once(from: nil, to: Self.b("2026")).defaultEffectiveDay(on: Day("2025-05-05")!, in: Self.period) == Day("2025-01-01")!)
        // A later start of its own is kept.
        let late = Schedule.every(.month, from: Self.b("2026-06"), to: nil)
        #expect(late.effective(from: today, in: Self.period) == late)
        #expect(late.defaultEffectiveDay(on: today, in: Self.period) == Day("2026-06-01")!)
        // A day inside a window starts that window on the day.
        #expect(quarterly.effective(from: Day("2026-02-10")!, in: Self.period) == .every(.quarter, from: Self.b("2026-02-10"), to: nil))
        #expect(Schedule.asNeeded.effective(from: today, in: Self.period) == .asNeeded)
    }

    @Test("a schedule longer than a line, or with a personal code, is refused before it is read, and never echoed")
    func hostile() {
        let long = Array(repeating: "reizi ceturksnī", count: 5000).joined(separator: " ")
        // The length is the first thing said: the reader (whose time grows with the text) never runs.
        let reading = ScheduleReading.read(long, language: .lv, period: Self.period)
        guard case .unread(let why) = reading else { Issue.record("read: \(reading)"); return }
        #expect(why.lv.hasPrefix("grafiks ir par garu: līdz 500 rakstzīmēm"), "\(why.lv)")
        guard case .unread(let code) = ScheduleReading.read("reizi ceturksnī 010203-12345", language: .lv, period: Self.period) else {
            Issue.record("a personal code was read"); return
        }
        #expect(code.lv.contains("satur personas kodu") && !code.lv.contains("12345"), "\(code.lv)")
    }
}
