import Foundation
import Testing
import SargsCore

/// Issue 16, SPEC §3: an `every` schedule may name the day inside each window
/// by which it is due (`{every: year, due: 03-01}`, "ik gadu līdz 1. martam").
@Suite("A due day inside each window")
struct DueDayTests {
    @Test("due days read from the plan file's words, and refused where no such day exists", arguments: [
        ("03-01", "03-01", 3, 1), ("12-31", "12-31", 12, 31), ("02-29", "02-29", 2, 29),
        ("10", "10", nil, 10), ("1", "1", nil, 1), ("31", "31", nil, 31),
    ] as [(String, String, Int?, Int)])
    func reads(text: String, written: String, month: Int?, day: Int) throws {
        let due = try #require(DueDay(text))
        #expect(due.month == month)
        #expect(due.day == day)
        #expect(due.description == written)
        #expect(DueDay(due.description) == due)
    }

    @Test("what is not a due day", arguments: ["", "3-1", "02-30", "04-31", "13-01", "00-10", "0", "32", "003", "03-01-01",
                                                "a", "+3", "03/01", "١٠", "03-1", " 10"])
    func refuses(text: String) {
        #expect(DueDay(text) == nil, "\(text)")
    }

    @Test("a yearly due day fits a yearly schedule, a day number a monthly one")
    func fits() {
        let yearly = DueDay("03-01")!, monthly = DueDay("10")!
        #expect(Cadence.allCases.filter(yearly.fits) == [.year])
        #expect(Cadence.allCases.filter(monthly.fits) == [.month])
    }

    static let yearly = activity("1.1", .every(.year, from: nil, to: nil, due: DueDay("03-01")), owners: ["SD"])
    static let monthly = activity("1.2", .every(.month, from: nil, to: nil, due: DueDay("31")), owners: ["BT"])
    static let fromApril = activity("1.3", .every(.year, from: DateBound("2025-04"), to: nil, due: DueDay("03-01")))

    @Test("a window is missed the day after its due day, not at its end; a late record still meets it", arguments: [
        ("on the due day: on track", yearly, [String](), "2025-03-01", ActivityState.onTrack),
        ("the day after: overdue 1", yearly, [], "2025-03-02", .overdue(days: 1)),
        ("a record before the due day", yearly, ["2025-02-10"], "2025-12-31", .onTrack),
        ("a record after the due day meets the window late", yearly, ["2025-05-01"], "2025-05-02", .onTrack),
        ("before the late record: overdue from the due day", yearly, ["2025-05-01"], "2025-04-30", .overdue(days: 60)),
        ("two years missed: counted from the first due day", yearly, [], "2026-03-02", .overdue(days: 366)),
        ("the next year's due day not yet come", yearly, ["2025-01-15"], "2026-02-28", .onTrack),
        ("after the plan's last due day, met: finished", yearly, ["2025-01-01", "2026-01-01", "2027-01-01"], "2028-01-01", .finished),
        ("monthly by the 31st: February's is its 28th", monthly, ["2025-01-31"], "2025-02-28", .onTrack),
        ("monthly by the 31st: March 1 after February's", monthly, ["2025-01-31"], "2025-03-01", .overdue(days: 1)),
        ("a schedule starting after the due day: due at its window's end", fromApril, [], "2025-12-31", .onTrack),
        ("… and missed the day after", fromApril, [], "2026-01-01", .overdue(days: 1)),
        ("… the next window due on its day", fromApril, ["2025-06-01"], "2026-03-02", .overdue(days: 1)),
    ] as [(String, Activity, [String], String, ActivityState)])
    func states(name: String, act: Activity, records: [String], on: String, expected: ActivityState) {
        let tracker = Tracker(plan: testPlan([act]), records: records.map { Record(activity: act.id, date: day($0)) },
                              waivers: [])
        #expect(tracker.state(of: act, on: day(on)) == expected, "\(name)")
    }

    @Test("windows carry their due day; the board's and the report's counts follow it")
    func windows() {
        let windows = Self.yearly.schedule.windows(in: days("2025-01-01", "2027-12-31"))
        #expect(windows.map(\.label) == ["2025", "2026", "2027"])
        #expect(windows.map(\.due) == [day("2025-03-01"), day("2026-03-01"), day("2027-03-01")])
        let plain = Sched.every(.year).windows(in: days("2025-01-01", "2027-12-31"))
        #expect(plain.map(\.due) == plain.map(\.last))
        let tracker = Tracker(plan: testPlan([Self.yearly]), records: [], waivers: [])
        #expect(tracker.windows(of: Self.yearly, on: day("2025-03-02")).map(\.state) == [.missed, .future, .future])
        // The agenda's review since a meeting counts windows whose due day fell in it.
        let tally = tracker.tally(of: Self.yearly, from: day("2025-02-01"), on: day("2025-06-01"))
        #expect(tally.ended == 1)
        #expect(tally.missed.map(\.due) == [day("2025-03-01")])
        #expect(tracker.tally(of: Self.yearly, from: day("2025-03-02"), on: day("2025-12-31")).ended == 0)
    }

    @Test("the agenda counts days overdue from the due day, and says it")
    func agenda() throws {
        let snapshot = Snapshot(plan: testPlan([Self.yearly]), meetings: [], decisions: [])
        let agenda = Agenda(snapshot: snapshot, date: day("2025-04-01"), kind: .regular)
        #expect(agenda.items.map(\.activity) == ["1.1"])
        #expect(agenda.items.first?.daysOverdue == 31)
        let item = try #require(agenda.items.first)
        #expect(AgendaText.why(item, language: .lv) == "1 no 1 gada bez izpildes līdz 1. martam")
        #expect(AgendaText.why(item, language: .en) == "1 of 1 year without a record by 1 March")
    }

    @Test("the digest lists the due day coming within its horizon, not one already met")
    func digest() {
        let snapshot = Snapshot(plan: testPlan([Self.yearly]), meetings: [], decisions: [])
        let sd = Digest.all(snapshot: snapshot, date: day("2026-02-20"), days: 14).first { $0.institution.code == "SD" }
        #expect(sd?.dueSoon.map(\.due) == [day("2026-03-01")])
        #expect(sd?.dueSoon.map(\.id) == ["1.1"])
        let met = Snapshot(plan: snapshot.plan, records: [Record(activity: "1.1", date: day("2026-01-10"))])
        let after = Digest.all(snapshot: met, date: day("2026-02-20"), days: 14).first { $0.institution.code == "SD" }
        #expect(after?.dueSoon.isEmpty == true)
    }

    @Test("the calendar has an event on each window's due day")
    func calendar() {
        let snapshot = Snapshot(plan: testPlan([Self.yearly]), meetings: [], decisions: [])
        let ics = CalendarExport.ics(snapshot, stamp: Date(timeIntervalSince1970: 0), language: .lv)
        #expect(ics.contains("UID:due-1.1@test.sargs\r\nDTSTAMP:19700101T000000Z\r\nDTSTART;VALUE=DATE:20250301\r\n"
            + "DTEND;VALUE=DATE:20250302\r\nRRULE:FREQ=YEARLY;COUNT=3\r\n"), "\(ics)")
        // A schedule starting after the due day: its first window is due on its last day, an event of its own.
        let late = Snapshot(plan: testPlan([Self.fromApril]), meetings: [], decisions: [])
        let lateICS = CalendarExport.ics(late, stamp: Date(timeIntervalSince1970: 0), language: .en)
        #expect(lateICS.contains("UID:due-1.3-2025@test.sargs"))
        #expect(lateICS.contains("DTSTART;VALUE=DATE:20251231"))
        #expect(lateICS.contains("DTSTART;VALUE=DATE:20260301\r\nDTEND;VALUE=DATE:20260302\r\nRRULE:FREQ=YEARLY;COUNT=2"))
        // The 31st of every month is each month's last day; the 30th cannot be said as a rule: one event a month.
        let monthly = CalendarExport.ics(Snapshot(plan: testPlan([Self.monthly]), meetings: [], decisions: []),
                                         stamp: Date(timeIntervalSince1970: 0), language: .lv)
        #expect(monthly.contains("RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=36"))
        let thirtieth = activity("1.4", .every(.month, from: nil, to: DateBound("2025-03"), due: DueDay("30")))
        let each = CalendarExport.ics(Snapshot(plan: testPlan([thirtieth]), meetings: [], decisions: []),
                                      stamp: Date(timeIntervalSince1970: 0), language: .lv)
        #expect(!each.contains("RRULE"))
        for d in ["20250130", "20250228", "20250330"] { #expect(each.contains("DTSTART;VALUE=DATE:\(d)"), "\(d)") }
    }

    @Test("the short line and the words name the due day, and read it back", arguments: [
        ("every year due 03-01", Schedule.every(.year, from: nil, to: nil, due: DueDay("03-01")),
         "katru gadu līdz 1. martam", "every year by 1 March"),
        ("every month 2025..2026 due 10", .every(.month, from: DateBound("2025"), to: DateBound("2026"), due: DueDay("10")),
         "katru mēnesi līdz 10. datumam (2025 – 2026)", "every month by the 10th (2025 – 2026)"),
        ("every month due 1", .every(.month, from: nil, to: nil, due: DueDay("1")), "katru mēnesi līdz 1. datumam", "every month by the 1st"),
        ("every month due 22", .every(.month, from: nil, to: nil, due: DueDay("22")), "katru mēnesi līdz 22. datumam", "every month by the 22nd"),
        ("every month due 13", .every(.month, from: nil, to: nil, due: DueDay("13")), "katru mēnesi līdz 13. datumam", "every month by the 13th"),
    ] as [(String, Schedule, String, String)])
    func text(line: String, schedule: Schedule, lv: String, en: String) throws {
        #expect(ScheduleText.format(schedule) == line)
        #expect(try ScheduleText.parse(line) == schedule)
        #expect(ScheduleText.describe(schedule, .lv) == lv)
        #expect(ScheduleText.describe(schedule, .en) == en)
    }

    @Test("bounds in words: a one-off from the plan's start, a recurring one from or until a bound")
    func boundsInWords() {
        #expect(ScheduleText.describe(.once(from: nil, to: DateBound("2025")!), .lv) == "vienreiz: līdz 2025")
        #expect(ScheduleText.describe(.once(from: nil, to: DateBound("2025")!), .en) == "once: by 2025")
        #expect(ScheduleText.describe(.every(.quarter, from: DateBound("2025-04"), to: nil), .lv) == "katru ceturksni (no 2025-04)")
        #expect(ScheduleText.describe(.ongoing(report: .month, from: nil, to: DateBound("2026")), .en) == "ongoing, reported every month (until 2026)")
    }

    @Test("a due day that does not fit the schedule is refused in the short line", arguments: [
        "every quarter due 03-01", "every year due 10", "every month due 03-01", "ongoing quarter due 10",
        "once 2025 due 03-01", "every year due 02-30", "every year due",
    ])
    func textRefusals(line: String) {
        #expect(throws: ChangeRefusal.self) { try ScheduleText.parse(line) }
    }
}
