import SargsCore
import Testing

/// Issue 26: the yearly report carries every total the records hold, with
/// or without a target, in every format; documents write dates and numbers
/// as a Latvian office does; the minutes keep each item's lines under it
/// at any count.
@Suite("Report totals and document typography")
struct ReportTotalsTests {
    /// 2.1 has no target (25 people reached in 2025 over two records), 3.3 counts young people
    /// against a target of 50 (21 in 2025), 5.1 has no target and no counts.
    static let snapshot: Snapshot = {
        var youth = activity("3.3", Sched.once("2025"), owners: ["AN"])
        youth.target = Target(count: 50, unit: "jaunieši")
        let plan = testPlan([activity("2.1", Sched.every(.quarter)), youth, activity("5.1", Sched.every(.month), owners: ["VP"])],
                            period: days("2025-01-01", "2027-12-31"))
        return Snapshot(plan: plan, records: [
            Record(activity: "2.1", date: day("2025-03-10"), count: 10), Record(activity: "2.1", date: day("2025-10-02"), count: 15),
            Record(activity: "2.1", date: day("2026-01-10"), count: 7),  // the next year: not in 2025's total
            Record(activity: "3.3", date: day("2025-05-05"), count: 21),
            Record(activity: "5.1", date: day("2025-02-01")),
        ])
    }()

    static let report = YearReport(snapshot: snapshot, year: 2025, today: day("2026-02-01"))

    @Test("a total without a target is in the report's lines, Markdown (both languages), JSON and CSV")
    func totalsWithoutTarget() throws {
        let lines = Dictionary(uniqueKeysWithValues: Self.report.goals.flatMap(\.activities).map { ($0.activity, $0) })
        #expect(lines["2.1"]?.total == 25 && lines["2.1"]?.target == nil)
        #expect(lines["3.3"]?.total == 21 && lines["5.1"]?.total == 0 && lines["5.1"]?.records == 1)
        let lv = Self.report.markdown(.lv)
        #expect(lv.contains("Izpilde 2025. gadā: 2 ieraksti, kopā 25."), "\(lv)")
        #expect(lv.contains("Izpilde 2025. gadā: 1 ieraksts, kopā 21 jaunietis; mērķis — 50 jaunieši, kopš plāna sākuma 21 (42 %)."), "\(lv)")
        #expect(lv.contains("Izpilde 2025. gadā: 1 ieraksts.\n"), "a record without a count: no total of 0")
        let en = Self.report.markdown(.en)
        #expect(en.contains("In 2025: 2 records, in all 25."), "\(en)")
        #expect(en.contains("In 2025: 1 record, in all 21 jaunieši; target 50 jaunieši, 21 since the plan began (42%)."), "\(en)")
        let json = Self.report.json()
        #expect(json.contains(#""records": 2, "total": 25, "late_records": 0"#), "\(json)")
        #expect(json.contains(#""unit": "jaunieši", "records": 1, "total": 21, "late_records": 0"#), "\(json)")
        for (language, separator) in [(Language.en, ","), (.lv, ";")] {
            let rows = Self.report.csv(language).split(separator: "\n").map { $0.split(separator: Character(separator), omittingEmptySubsequences: false) }
            let column = try #require(rows[0].firstIndex(of: language == .en ? "total" : "kopā gadā"))
            #expect(column == rows[0].count - 2, "the total, then the late records (issue 27)")
            let row = try #require(rows.first { $0.count > 3 && $0[3] == "2.1" })
            #expect(row[column] == "25" && row.last == "0", "\(row)")
        }
    }

    @Test("dates as a Latvian office writes them: nominative alone, locative in running text; English day month year")
    func dates() {
        #expect(DocumentWords.date(day("2025-04-24"), .lv) == "2025. gada 24. aprīlis")
        #expect(DocumentWords.date(day("2025-04-24"), .lv, .locative) == "2025. gada 24. aprīlī")
        #expect(DocumentWords.date(day("2025-03-01"), .lv, .locative) == "2025. gada 1. martā")
        #expect(DocumentWords.date(day("2026-12-31"), .lv) == "2026. gada 31. decembris")
        #expect(DocumentWords.date(day("2025-04-24"), .en, .locative) == "24 April 2025")
    }

    @Test("the decimal sign is a comma in Latvian, a point in English")
    func decimals() {
        #expect(DocumentWords.decimal(83.333, .lv) == "83,3")
        #expect(DocumentWords.decimal(83.333, .en) == "83.3")
        #expect(DocumentWords.decimal(0.96, .lv) == "1,0")
        #expect(DocumentWords.decimal(-2.25, fractionDigits: 2, .lv) == "-2,25")
        #expect(DocumentWords.percent(22, of: 30, .lv) == "73,3 %")
        #expect(DocumentWords.percent(15, of: 30, .lv) == "50 %")
        #expect(DocumentWords.percent(15, of: 30, .en) == "50%")
    }

    @Test("counts agree with the unit (CLDR lv: 1, 21, 31 one; 11 and 0 not); an unknown singular is not guessed")
    func counts() {
        #expect(DocumentWords.count(25, unit: "jaunieši", .lv) == "25 jaunieši")
        #expect(DocumentWords.count(21, unit: "jaunieši", .lv) == "21 jaunietis")
        #expect(DocumentWords.count(11, unit: "jaunieši", .lv) == "11 jaunieši")
        #expect(DocumentWords.count(0, unit: "vietas", .lv) == "0 vietas")
        #expect(DocumentWords.count(1, unit: "vietas", .lv) == "1 vieta")
        #expect(DocumentWords.count(31, unit: "pedagogi", .lv) == "31 pedagogs")
        #expect(DocumentWords.count(1, unit: "darbinieki", .lv) == "1 darbinieks")
        #expect(DocumentWords.count(1, unit: "iestādes", .lv) == "1 iestāde")
        #expect(DocumentWords.count(1, unit: "PII", .lv) == "1 PII")
        #expect(DocumentWords.count(1, unit: "viesi", .lv) == "viesi: 1", "viesis or viess? not guessed")
        #expect(DocumentWords.count(1, unit: "sociālie darbinieki", .lv) == "sociālie darbinieki: 1")
        #expect(DocumentWords.count(16, unit: nil, .lv) == "16")
        #expect(DocumentWords.count(1, unit: "jaunieši", .en) == "1 jaunieši", "English keeps the plan's word")
    }

    @Test("40 agenda items: every item's lines are indented to its own marker, so they stay under it")
    func fortyItems() {
        let plan = testPlan((1...40).map { activity("1.\($0)", Sched.once("2025")) })
        let meeting = Meeting(id: 1, date: day("2025-06-10"), state: .held,
                              items: (1...40).map { Meeting.Item(activity: "1.\($0)", outcome: .discussed) })
        let decisions = [Decision(id: 1, meeting: 1, text: "Pirmā rinda\notrā rinda", owner: "SD", due: day("2025-09-01"), activity: "1.40")]
        let md = Minutes(meeting: meeting, snapshot: Snapshot(plan: plan, meetings: [meeting], decisions: decisions)).markdown(.lv)
        for n in 1...40 {
            let marker = "\(n). "
            let pad = String(repeating: " ", count: marker.count)
            #expect(md.contains("\n\(marker)**1.\(n)** Aktivitāte 1.\(n) (SD)\n\(pad)- Iekļauts pēc sēdes vadītāja izvēles\n"), "item \(n)")
            #expect(md.contains("\n\(pad)- Iznākums: izskatīts\n"), "item \(n)")
        }
        // A decision's second line continues inside the decision, under item 40 (marker "40. ", 4 wide).
        #expect(md.contains("    - Lēmums Nr. 1 [SD] Pirmā rinda\\\n      otrā rinda — termiņš 2025. gada 1. septembris"), "\(md)")
    }

    @Test("the minutes say the date in running text, end with signature lines, and name municipality, number and date in the page header")
    func minutesTypography() {
        var meeting = Meeting(id: 3, date: day("2025-04-24"), state: .held)
        meeting.details.chair = "Grupas vadītāja"
        let plan = testPlan([])
        let minutes = Minutes(meeting: meeting, snapshot: Snapshot(plan: plan, meetings: [meeting]))
        let md = minutes.markdown(.lv)
        #expect(md.contains("Sēde notika 2025. gada 24. aprīlī.\n"), "\(md)")
        #expect(md.contains("- **Datums:** 2025. gada 24. aprīlis\n"))
        let line = String(repeating: "\\_", count: 18)
        #expect(md.hasSuffix("::: signatures\nSēdi vadīja: \(line) (paraksts)  Grupas vadītāja\n\nProtokolēja: \(line) (paraksts)  \(line) (vārds, uzvārds)\n:::\n"), "\(md)")
        #expect(minutes.pageHeader(.lv) == DocumentWords.PageHeader(left: "Testa novads", right: "Protokols Nr. 3, 2025. gada 24. aprīlis"))
        #expect(minutes.pageHeader(.en).right == "Minutes no. 3, 24 April 2025")
        #expect(Self.report.pageHeader(.lv) == DocumentWords.PageHeader(left: "Testa novads", right: "Pārskats par 2025. gadu"))
        var cancelled = meeting
        cancelled.state = .cancelled
        #expect(!Minutes(meeting: cancelled, snapshot: Snapshot(plan: plan, meetings: [cancelled])).markdown(.lv).contains("paraksts"))
    }
}
