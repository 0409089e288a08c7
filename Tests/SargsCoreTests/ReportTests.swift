import Testing
import SargsCore

/// A small plan over 2025–2026 whose yearly numbers are worked out by hand below.
private enum SmallPlan {
    static let activities: [Activity] = {
        var raids = activity("1.1", Sched.every(.quarter))
        raids.title = "Reidi, \"drošība\""
        return [
            raids,
            activity("1.2", Sched.once("2025-06"), target: 30),
            activity("7.1", Sched.every(.month, from: "2025-10"), status: .blocked, note: "Nav speciālista"),
            activity("7.2", .asNeeded),
            activity("7.3", Sched.every(.week, to: "2025-01")),
        ]
    }()

    static let snapshot = Snapshot(
        plan: testPlan(activities, period: days("2025-01-01", "2026-12-31")),
        records: [
            Record(activity: "1.1", date: day("2025-02-10")), Record(activity: "1.1", date: day("2025-02-20")),
            Record(activity: "1.1", date: day("2025-08-15")), Record(activity: "1.1", date: day("2026-01-10")),
            Record(activity: "1.2", date: day("2025-06-10"), count: 12),
            Record(activity: "1.2", date: day("2025-09-01"), count: 10),
            Record(activity: "1.2", date: day("2026-02-01"), count: 5),
            Record(activity: "7.1", date: day("2025-10-05")),
            Record(activity: "7.2", date: day("2025-04-01")), Record(activity: "7.2", date: day("2025-11-11")),
            Record(activity: "7.2", date: day("2026-01-05")),
            Record(activity: "7.3", date: day("2025-01-31")), Record(activity: "7.3", date: day("2025-01-06")),
        ],
        waivers: [Waiver(activity: "1.1", window: "2025-Q2", note: "vasara")],
        meetings: [
            Meeting(date: day("2025-03-15"), state: .held), Meeting(date: day("2025-06-15"), state: .held),
            Meeting(date: day("2025-09-15"), state: .cancelled),
            Meeting(date: day("2025-10-01"), kind: .emergency, state: .held),
            Meeting(date: day("2025-12-10"), state: .held), Meeting(date: day("2026-02-01"), state: .held),
        ])
}

/// The numbers of one activity line, worked out by hand.
private struct Line: Equatable, CustomStringConvertible {
    let state: ActivityState
    let windows: YearReport.WindowCounts?
    let progress: Int?
    let records: Int
    var description: String { "\(state) \(String(describing: windows)) \(String(describing: progress)) \(records)" }
}

private func counts(_ ended: Int, _ met: Int, _ missed: Int, _ waived: Int) -> YearReport.WindowCounts {
    YearReport.WindowCounts(ended: ended, met: met, missed: missed, waived: waived)
}

private func lines(_ report: YearReport) -> [String: Line] {
    var result: [String: Line] = [:]
    for goal in report.goals {
        for l in goal.activities {
            result[l.activity] = Line(state: l.state, windows: l.windows, progress: l.progress, records: l.records)
        }
    }
    return result
}

@Suite("The yearly report")
struct ReportTests {
    @Test("a past year: every column as of the year's end (1 January after), every window of the year")
    func pastYear() {
        let report = YearReport(snapshot: SmallPlan.snapshot, year: 2025, today: day("2026-03-01"))
        #expect(report.evaluatedOn == day("2026-01-01"))
        #expect(report.yearIsOver)
        #expect(report.meetingsHeld == 3)  // 03-15, 06-15, 12-10; not the cancelled nor the emergency one
        #expect(report.goals.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        let l = lines(report)
        // Q1 met (two records), Q2 waived, Q3 met, Q4 missed: at the year's end Q4 has ended, missed —
        // the state says what the window column says (before, "on track" beside a missed Q4).
        #expect(l["1.1"] == Line(state: .overdue(days: 1), windows: counts(4, 2, 1, 1), progress: nil, records: 3))
        // June 2025 ended 185 days before 1 January; 12 + 10 by then.
        #expect(l["1.2"] == Line(state: .overdue(days: 185), windows: nil, progress: 22, records: 2))
        // October met, November and December missed; overdue since 30 November.
        #expect(l["7.1"] == Line(state: .blocked(.overdue(days: 32), reason: "Nav speciālista"),
                                 windows: counts(3, 1, 2, 0), progress: nil, records: 1))
        #expect(l["7.2"] == Line(state: .asNeeded(lastRecord: day("2025-11-11")), windows: nil, progress: nil, records: 2))
        // January 2025 in weeks: W01 (1–5) missed, W02 met on its first day, W03, W04 missed,
        // W05 clipped to 27–31 met on its last day.
        #expect(l["7.3"] == Line(state: .finished, windows: counts(5, 2, 3, 0), progress: nil, records: 2))
    }

    @Test("the current year: state today, windows ended before today")
    func currentYear() {
        let report = YearReport(snapshot: SmallPlan.snapshot, year: 2026, today: day("2026-03-01"))
        #expect(report.evaluatedOn == day("2026-03-01"))
        #expect(report.meetingsHeld == 1)
        let l = lines(report)
        // Q1 2026 has not ended; Q4 2025 missed: overdue since 2025-12-31, 60 days.
        #expect(l["1.1"] == Line(state: .overdue(days: 60), windows: counts(0, 0, 0, 0), progress: nil, records: 1))
        #expect(l["1.2"] == Line(state: .overdue(days: 244), windows: nil, progress: 27, records: 1))
        // January and February 2026 missed; the run of missed months goes back to November 2025.
        #expect(l["7.1"] == Line(state: .blocked(.overdue(days: 91), reason: "Nav speciālista"),
                                 windows: counts(2, 0, 2, 0), progress: nil, records: 0))
        #expect(l["7.2"] == Line(state: .asNeeded(lastRecord: day("2026-01-05")), windows: nil, progress: nil, records: 1))
        #expect(l["7.3"] == Line(state: .finished, windows: counts(0, 0, 0, 0), progress: nil, records: 0))
    }

    @Test("the current year in mid-year")
    func midYear() {
        let report = YearReport(snapshot: SmallPlan.snapshot, year: 2025, today: day("2025-07-01"))
        #expect(report.meetingsHeld == 2)
        let l = lines(report)
        #expect(l["1.1"] == Line(state: .onTrack, windows: counts(2, 1, 0, 1), progress: nil, records: 2))
        #expect(l["1.2"] == Line(state: .overdue(days: 1), windows: nil, progress: 12, records: 1))
        #expect(l["7.1"] == Line(state: .blocked(.onTrack, reason: "Nav speciālista"), windows: counts(0, 0, 0, 0),
                                 progress: nil, records: 0))
        #expect(l["7.2"] == Line(state: .asNeeded(lastRecord: day("2025-04-01")), windows: nil, progress: nil, records: 1))
    }

    @Test("CSV: header, quoting, one row per activity")
    func csv() {
        let csv = YearReport(snapshot: SmallPlan.snapshot, year: 2025, today: day("2026-03-01")).csv()
        let rows = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows.count == 1 + 5 + 1)  // header, five activities, the final line end
        #expect(rows[0] == "\u{FEFF}year,goal,level,activity,title,owners,schedule,state,days_overdue,blocked,"
            + "windows_ended,windows_met,windows_missed,windows_waived,progress,target,unit,records,total,late_records")
        #expect(rows[1] == "2025,1,primary,1.1,\"Reidi, \"\"drošība\"\"\",SD,every,overdue,1,false,4,2,1,1,,,,3,0,0")
        #expect(rows[2] == "2025,1,primary,1.2,Aktivitāte 1.2,SD,once,overdue,185,false,,,,,22,30,cilvēki,2,22,0")
        #expect(rows[3] == "2025,7,tertiary,7.1,Aktivitāte 7.1,SD,every,overdue,32,true,3,1,2,0,,,,1,0,0")
        #expect(rows[4] == "2025,7,tertiary,7.2,Aktivitāte 7.2,SD,as-needed,as-needed,,false,,,,,,,,2,0,0")
        #expect(rows[6] == "")
    }

    @Test("CSV for a Latvian spreadsheet: a byte-order mark, ';' between cells (',' is the decimal sign there), a cell with ';' quoted; English keeps ','")
    func csvPerLanguage() {
        var snapshot = SmallPlan.snapshot
        snapshot.plan.activities[0].title = "Reidi; “drošība”, 2"
        let report = YearReport(snapshot: snapshot, year: 2025, today: day("2026-03-01"))
        let lv = report.csv(.lv), en = report.csv(.en)
        #expect(Array(lv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF] && Array(en.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(lv.dropFirst().hasPrefix("gads;mērķis;līmenis;"))
        #expect(lv.contains(";\"Reidi; “drošība”, 2\";"), "\(lv)")
        #expect(en.dropFirst().hasPrefix("year,goal,level,") && en.contains(",\"Reidi; “drošība”, 2\","))
    }

    @Test("JSON: an activity's object")
    func json() {
        let json = YearReport(snapshot: SmallPlan.snapshot, year: 2025, today: day("2026-03-01")).json()
        #expect(json.hasPrefix("""
        {"year": 2025, "evaluated_on": "2026-01-01", "plan": "test", "meetings_held": 3, "meetings_required": 4, \
        "goals": [{"goal": 1, "level": "primary", "title": "Mērķis 1", "activities": [
        """))
        #expect(json.contains("""
        {"activity": "7.1", "title": "Aktivitāte 7.1", "owners": ["SD"], "schedule": "every", "state": "overdue", \
        "days_overdue": 32, "blocked": true, "blocked_reason": "Nav speciālista", \
        "windows": {"ended": 3, "met": 1, "missed": 2, "waived": 0}, "progress": null, "target": null, \
        "unit": null, "records": 1, "total": 0, "late_records": 0, "late_waivers": 0}
        """))
        #expect(json.contains("""
        {"activity": "1.2", "title": "Aktivitāte 1.2", "owners": ["SD"], "schedule": "once", "state": "overdue", \
        "days_overdue": 185, "blocked": false, "blocked_reason": null, "windows": null, "progress": 22, \
        "target": 30, "unit": "cilvēki", "records": 2, "total": 22, "late_records": 0, "late_waivers": 0}
        """))
    }

    @Test("Markdown in Latvian and English")
    func markdown() {
        let report = YearReport(snapshot: SmallPlan.snapshot, year: 2025, today: day("2026-03-01"))
        let lv = report.markdown(.lv)
        #expect(lv.hasPrefix("# Pārskats par 2025. gadu\n"))
        #expect(lv.contains("Stāvoklis 2025. gada beigās. Ceturkšņi ar sadarbības grupas kārtējo sēdi 2025. gadā: 3 no 4."))
        // Issue 26: a list, one item per activity, not seven columns; no table at all.
        #expect(!lv.contains("|"), "\(lv)")
        #expect(lv.contains("""
            - **7.1** Aktivitāte 7.1 — SD\\
              Stāvoklis: bloķēta (Nav speciālista); nokavēta, 32 d. Logi: 1 izpildīts, 2 nokavēti, 0 atbrīvoti no 3 beigušajiem.\\
              Izpilde 2025. gadā: 1 ieraksts.

            """), "\(lv)")
        #expect(lv.contains("""
            - **1.2** Aktivitāte 1.2 — SD\\
              Stāvoklis: nokavēta, 185 d.\\
              Izpilde 2025. gadā: 2 ieraksti, kopā 22 cilvēki; mērķis — 30 cilvēki, kopš plāna sākuma 22 (73,3 %).

            """), "\(lv)")
        let en = report.markdown(.en)
        #expect(en.hasPrefix("# Report for 2025\n"))
        #expect(en.contains("- **7.2** Aktivitāte 7.2 — SD\\\n  State: as needed, last 11 November 2025.\\\n  In 2025: 2 records.\n"), "\(en)")
        #expect(en.contains("## Goal 7. Mērķis 7\n"))
    }
}
