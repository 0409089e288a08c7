import Foundation
import SargsCore
import Testing
import TestSupport

/// The calendar lists a held, planned or cancelled regular meeting's stored
/// agenda straight from the plan (no sweep of every activity per meeting,
/// SPEC §9); what it lists is what `Agenda(snapshot:meeting:)` gives.
@Suite("The calendar's agenda of a stored meeting")
struct CalendarAgendaTests {
    @Test("each regular meeting's description is its Agenda's items, in order, an activity no longer in the plan left out", arguments: [3, 17, 41])
    func sameAsTheAgenda(seed: UInt64) {
        let plan = SyntheticPlan.plan(activities: 60, seed: seed)
        let today = Day(year: 2026, month: 3, day: 1)!
        var random = SyntheticPlan.Random(seed: seed)
        var meetings: [Meeting] = []
        for (n, date) in ["2025-03-14", "2025-06-13", "2025-09-12", "2025-12-12", "2026-03-13"].enumerated() {
            var ids = plan.activities.map(\.id).filter { _ in random.chance(30) }
                .map { ($0, random.next()) }.sorted { $0.1 < $1.1 }.map(\.0)
            ids.insert("9.99", at: min(2, ids.count))  // taken out of the plan since
            let state: Meeting.State = n < 3 ? .held : n == 3 ? .cancelled : .planned
            meetings.append(Meeting(id: Int64(n + 1), date: Day(date)!, kind: .regular, topic: nil, state: state, details: Meeting.Details(),
                                    items: ids.map { Meeting.Item(activity: $0) }, prepared: true))
        }
        let snapshot = Snapshot(plan: plan, records: SyntheticPlan.records(for: plan, count: 200, until: today, seed: seed),
                                meetings: meetings)
        let ics = CalendarExport.ics(snapshot, stamp: Date(timeIntervalSince1970: 1_760_000_000), language: .lv)
            .replacingOccurrences(of: "\r\n ", with: "")
        let descriptions = ics.split(separator: "\r\n").filter { $0.hasPrefix("DESCRIPTION:Darba kārtība") }
        #expect(descriptions.count == meetings.count)
        for (meeting, description) in zip(meetings, descriptions) {
            let agenda = Agenda(snapshot: snapshot, meeting: meeting)
            let expected = agenda.items.map { "\($0.activity) \($0.title)" }
            let listed = description.components(separatedBy: "\\n").dropFirst().map { $0.replacingOccurrences(of: "\\,", with: ",")
                .replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "\\\\", with: "\\") }
            #expect(listed == expected, "meeting \(meeting.id)")
            #expect(!listed.contains { $0.hasPrefix("9.99 ") })
        }
    }
}
