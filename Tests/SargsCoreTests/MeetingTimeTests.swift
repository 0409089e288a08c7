import Foundation
import SargsCore
import Testing

/// A sitting that ends after midnight (issue 27): an end time before the
/// start time is the next day's, at most 24 hours; the minutes and the
/// calendar say so; an end at the start's very minute is refused as a slip.
@Suite("Meetings in real time")
struct MeetingTimeTests {
    static func details(_ started: String, _ ended: String) -> Meeting.Details {
        Meeting.Details(attendees: ["SD"], started: ClockTime(started), ended: ClockTime(ended))
    }

    @Test("the rule: an end before the start is the next day; the same minute is refused", arguments: [
        ("23:30", "00:30", 60, true), ("10:00", "11:30", 90, false), ("00:00", "23:59", 1439, false),
        ("23:59", "00:00", 1, true), ("10:00", "09:59", 1439, true),
    ])
    func lengths(_ started: String, _ ended: String, _ minutes: Int, _ nextDay: Bool) throws {
        let d = Self.details(started, ended)
        #expect(d.length == minutes)
        #expect(d.endsNextDay == nextDay)
        try ChangeRules.details(d, plan: Madona.plan())
    }

    @Test("an end at the minute of the start is refused, in both languages")
    func sameMinute() {
        #expect(throws: ChangeRefusal.self) { try ChangeRules.details(Self.details("14:00", "14:00"), plan: Madona.plan()) }
        do {
            try ChangeRules.details(Self.details("14:00", "14:00"), plan: Madona.plan())
        } catch {
            #expect(error.phrase.lv.hasPrefix("beigu laiks 14:00 sakrīt ar sākuma laiku"))
            #expect(error.phrase.en.hasPrefix("the end time 14:00 is the start time"))
        }
    }

    @Test("the minutes say the sitting ended the next day; the calendar ends it on the next day's date")
    func minutesAndCalendar() {
        var held = Meeting(id: 1, date: Day("2025-12-10")!, state: .held)
        held.details = Self.details("23:30", "00:30")
        let snapshot = Snapshot(plan: Madona.plan(), meetings: [held])
        let minutes = Minutes(meeting: held, snapshot: snapshot)
        #expect(minutes.markdown(.lv).contains("- **Laiks:** 23:30–00:30 (nākamajā dienā)"))
        #expect(minutes.markdown(.en).contains("- **Time:** 23:30–00:30 (the next day)"))
        #expect(minutes.text(.lv).contains("23:30–00:30 (nākamajā dienā)"))
        let ics = CalendarExport.ics(snapshot, stamp: Date(timeIntervalSince1970: 1_760_000_000), language: .lv)
        #expect(ics.contains("DTSTART;TZID=Europe/Riga:20251210T233000\r\nDTEND;TZID=Europe/Riga:20251211T003000"), "\(ics)")
        // The same day's end stays on the same day.
        held.details = Self.details("10:00", "11:30")
        let same = CalendarExport.ics(Snapshot(plan: Madona.plan(), meetings: [held]), stamp: Date(timeIntervalSince1970: 1_760_000_000), language: .lv)
        #expect(same.contains("DTEND;TZID=Europe/Riga:20251210T113000"))
        #expect(!Minutes(meeting: held, snapshot: snapshot).markdown(.lv).contains("nākamajā dienā"))
    }
}

/// A card that says what is owed (issue 27): windows named as people say them,
/// and the run of missed windows an overdue activity owes, the latest first.
@Suite("What an overdue activity owes")
struct OwedWindowsTests {
    @Test("window names in both languages, and without the year", arguments: [
        ("2025-Q3", "2025. g. III cet.", "Q3 2025", "III cet.", "Q3"),
        ("2025-03", "2025. g. marts", "March 2025", "marts", "March"),
        ("2025-W07", "2025. g. 7. ned.", "week 7, 2025", "7. ned.", "week 7"),
        ("2026-H1", "2026. g. 1. pusg.", "H1 2026", "1. pusg.", "H1"),
        ("2025", "2025. g.", "2025", "2025. g.", "2025"),
        ("nav logs", "nav logs", "nav logs", "nav logs", "nav logs"),
    ])
    func names(_ label: String, _ lv: String, _ en: String, _ shortLV: String, _ shortEN: String) {
        #expect(WindowWords.name(label, .lv) == lv)
        #expect(WindowWords.name(label, .en) == en)
        #expect(WindowWords.short(label, .lv) == shortLV)
        #expect(WindowWords.short(label, .en) == shortEN)
    }

    @Test("a quarter recorded now, the one before missed: the card owes the one before, not the days since the first")
    func owedIsTheMissedRun() {
        let activity = Activity(id: "2.1", goal: 2, title: "Sanāksmes", period: "reizi ceturksnī",
                                schedule: .every(.quarter, from: nil, to: nil), owners: ["SD"], funding: [])
        let plan = Plan(id: "t", title: "T", municipality: "M", period: DayRange(Day("2025-01-01")!, Day("2027-12-31")!),
                        goals: [Goal(number: 2, level: nil, title: "G")], activities: [activity])
        // Q1 recorded, Q2 and Q3 missed, Q4 (this quarter) recorded.
        let records = [Record(activity: "2.1", date: Day("2025-02-10")!), Record(activity: "2.1", date: Day("2025-10-20")!)]
        let tracker = Tracker(Snapshot(plan: plan, records: records))
        let today = Day("2025-11-20")!
        #expect(tracker.owed(of: activity, on: today) == ["2025-Q3", "2025-Q2"])
        #expect(tracker.state(of: activity, on: today).isOverdue)
        // Nothing owed once the latest ended quarter is recorded.
        let all = Tracker(Snapshot(plan: plan, records: records + [Record(activity: "2.1", date: Day("2025-08-01")!)]))
        #expect(all.owed(of: activity, on: today).isEmpty)
        // A one-off owes its deadline, not windows.
        var once = activity
        once.schedule = .once(from: nil, to: DateBound("2025-03")!)
        #expect(tracker.owed(of: once, on: today).isEmpty)
    }
}

@Suite("A one-off recorded but not finished")
struct RecordedNotFinishedTests {
    @Test("a record inside the one-off's span and no done status; not for a repeating one, a done one, or a record outside")
    func recordedNotFinished() {
        let once = Activity(id: "1.1", goal: 1, title: "Kampaņa", period: "2025. g. marts", schedule: .once(from: DateBound("2025-03")!, to: DateBound("2025-03")!),
                            owners: ["SD"], funding: [])
        let plan = Plan(id: "t", title: "T", municipality: "M", period: DayRange(Day("2025-01-01")!, Day("2027-12-31")!),
                        goals: [Goal(number: 1, level: nil, title: "G")], activities: [once])
        let today = Day("2025-06-01")!
        let inside = Tracker(Snapshot(plan: plan, records: [Record(activity: "1.1", date: Day("2025-03-10")!)]))
        #expect(inside.recordedNotFinished(once, on: today))
        let outside = Tracker(Snapshot(plan: plan, records: [Record(activity: "1.1", date: Day("2025-05-10")!)]))
        #expect(!outside.recordedNotFinished(once, on: today))
        var done = once
        done.status = .done
        #expect(!inside.recordedNotFinished(done, on: today))
        var repeating = once
        repeating.schedule = .every(.month, from: nil, to: nil)
        #expect(!inside.recordedNotFinished(repeating, on: today))
    }
}
