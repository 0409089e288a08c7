import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The meetings view: planned, held and cancelled; Enter opens the one under the cursor.
enum MeetingsFeature: Feature {
    static let title = p("sēdes", "meetings")
    static let entry: Command? = .meetings

    static func handler(_ command: Command) -> Handler? {
        switch command {
        case .up, .down, .home, .end, .pageUp, .pageDown:
            return .changing { $0.meetings.cursor = cursor($0.meetings.cursor, moved: command, count: $0.meetingsInOrder.count) }
        case .open:
            return .changing(unless: { $0.meetingsInOrder.isEmpty ? p("vēl nav nevienas sēdes", "there are no meetings yet") : nil }) { state in
                let meetings = state.meetingsInOrder
                guard meetings.indices.contains(state.meetings.cursor) else { return }
                state.meeting.id = meetings[state.meetings.cursor].id
                goTo(&state, .meeting)
            }
        default:
            return nil
        }
    }

    static func position(_ state: AppState) -> Phrase? {
        spokenPosition("sēde", "meeting", cursor: state.meetings.cursor, of: state.meetingsInOrder.count)
    }

    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        ScrollingText.render(list: MeetingsScreen.lines(state), state: state, into: &canvas, in: area)
    }

    /// A click selects the meeting under it (a double click opens it); the wheel moves the cursor.
    static func click(_ state: inout AppState, _ event: MouseEvent, area: Rect) -> [Effect]? {
        switch event.kind {
        case .wheelUp: return perform(&state, .up)
        case .wheelDown: return perform(&state, .down)
        case .click, .doubleClick:
            let list = MeetingsScreen.lines(state)
            // Meetings are listed one a line from the first.
            guard let cursorLine = list.cursorLine, let index = ScrollingText.line(at: event.y, list: list, state: state, area: area) else { return [] }
            let meeting = index - (cursorLine - state.meetings.cursor)
            guard state.meetingsInOrder.indices.contains(meeting) else { return [] }
            state.meetings.cursor = meeting
            return event.kind == .doubleClick ? perform(&state, .open) : []
        }
    }
}
