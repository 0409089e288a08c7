import Foundation
import Testing
import SargsCore

/// The group must meet at least once a quarter (issue 26): two regular
/// meetings in one quarter count once toward the four, an emergency one
/// never, and every place that states the rule says the same.
@Suite("The rule of four: quarters with a held regular meeting")
struct QuarterRuleTests {
    static let meetings = [
        Meeting(date: day("2025-02-03"), state: .held), Meeting(date: day("2025-03-20"), state: .held),
        Meeting(date: day("2025-05-05"), kind: .emergency, topic: "Ziņojums", state: .held),
        Meeting(date: day("2025-08-01"), state: .held), Meeting(date: day("2025-11-01"), state: .planned),
    ]

    @Test("two meetings in Q1 count once; an emergency and a planned one do not count")
    func quarters() {
        #expect(MeetingYear.quartersHeld(Self.meetings, on: day("2025-12-31")) == 2)
        #expect(MeetingYear.quartersHeld(Self.meetings, on: day("2025-03-31")) == 1)
        let year = MeetingYear.summary(Self.meetings, today: day("2025-12-31")).first { $0.year == 2025 }
        #expect(year?.quarters == 2 && year?.held == 3)
        #expect(year?.text(.lv) == "2025: ceturkšņi ar kārtējo sēdi 2 no 4 (notikušas 3 sēdes); ceturkšņi bez sēdes: II cet.")
        #expect(year?.text(.en) == "2025: quarters with a regular meeting 2 of 4 (3 meetings held); quarters without one: Q2")
        let one = MeetingYear.summary([Meeting(date: day("2025-02-03"), state: .held)], today: day("2025-03-01")).first
        #expect(one?.text(.lv) == "2025: ceturkšņi ar kārtējo sēdi 1 no 4")
    }

    @Test("the agenda, its JSON for a meeting and the yearly report count quarters")
    func everyPlaceCountsQuarters() {
        let snapshot = Snapshot(plan: Madona.plan(), meetings: Self.meetings)
        let agenda = Agenda(snapshot: snapshot, date: day("2025-12-01"))
        #expect(agenda.quartersHeld == 2)
        #expect(agenda.meetingsHeld == 3, "SPEC §5's meetings_held keeps counting meetings")
        let text = AgendaText.render(agenda, snapshot: snapshot, language: .lv, markdown: false)
        #expect(text.contains("Ceturkšņi ar kārtējo sēdi 2025. gadā: 2 no 4"), "\(text)")
        let report = YearReport(snapshot: snapshot, year: 2025, today: day("2026-01-10"))
        #expect(report.quartersHeld == 2 && report.meetingsHeld == 3)
        #expect(report.markdown(.lv).contains("Ceturkšņi ar sadarbības grupas kārtējo sēdi 2025. gadā: 2 no 4 (notikušas 3 sēdes)."))
        #expect(report.json().contains("\"quarters_held\": 2"))
    }
}
