import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The meetings, planned, held and cancelled; Enter opens the one under the cursor.
enum MeetingsScreen {
    /// The lines, and which of them is the meeting under the cursor.
    static func lines(_ state: AppState) -> (lines: [[(String, Role)]], cursorLine: Int?) {
        var out: [[(String, Role)]] = [[(state.text(p("Sēdes", "Meetings")), .emphasis)], []]
        let meetings = state.meetingsInOrder
        if meetings.isEmpty { out.append([(state.text(p("Vēl nav nevienas sēdes.", "No meetings yet.")), .dim)]) }
        for year in MeetingYear.summary(meetings, today: state.today, period: state.plan.period) {
            out.append([(year.text(state.language), year.quarters < year.required ? .badgeOverdue : .notice)])
        }
        if !meetings.isEmpty { out.append([]) }
        var cursorLine: Int?
        for (i, m) in meetings.enumerated() {
            let selected = i == state.meetings.cursor
            if selected { cursorLine = out.count }
            // When and where it sits (issue 26), as the agenda's heading says it.
            let time = m.time.map { state.language == .lv ? " plkst. \($0)" : " at \($0)" } ?? ""
            out.append([(state.marker(selected) + "#\(m.id)  \(m.date)\(time)  ", state.highlight(selected, .background)),
                        (state.text(m.kind.phrase) + "  ", .helpKey), (state.text(m.state.phrase) + "  ", .emphasis),
                        (SafeText.line((m.topic ?? "") + (m.attendees.isEmpty ? "" : "  [" + m.attendees.joined(separator: ", ") + "]")), .dim),
                        (m.details.place.map { "  " + SafeText.line($0) } ?? "", .dim)])
        }
        return (out, cursorLine)
    }
}
