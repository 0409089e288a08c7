import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// One meeting: its items with their outcomes, and its decisions (as `sargs meeting show` prints them).
enum MeetingFeature: TextFeature {
    static let title = p("sēde", "meeting")

    /// The minutes' lines wrapped to `width`, a long line continuing under its own indent.
    static func lines(_ state: AppState, width: Int) -> [[(String, Role)]] {
        guard let id = state.meeting.id, let meeting = state.snapshot.meetings.first(where: { $0.id == id }) else {
            return [[(state.text(p("Šīs sēdes vairs nav.", "This meeting is gone.")), .dim)]]
        }
        let text = Minutes(meeting: meeting, snapshot: state.snapshot).text(state.language)
        var out: [[(String, Role)]] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lead = String(line.prefix { $0 == " " })
            let pieces = wrap(String(line.dropFirst(lead.count)), width: max(10, width - lead.count - 2), lines: 50, glyphs: state.glyphs)
            if pieces.isEmpty { out.append([]) }
            for (j, piece) in pieces.enumerated() {
                out.append([(lead + (j == 0 ? "" : "  ") + piece, i == 0 ? .emphasis : .background)])
            }
        }
        return out
    }
}
