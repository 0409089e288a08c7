import Foundation
import SargsCore

/// Routes the screens other than the board, the activity and help to their own
/// renderers (each in its own file): the agenda draws itself, lists scroll
/// with their cursor in view, the rest are lines of text.
enum ScreenRouter {
    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        let lines: [[(String, Role)]]
        switch state.screen {
        case .journal: lines = JournalScreen.lines(state)
        case .indicators: lines = IndicatorsScreen.lines(state, width: area.width - 2)
        case .agenda:
            AgendaScreen.render(state, into: &canvas, in: area)
            return
        case .meetings:
            let (list, cursorLine) = MeetingsScreen.lines(state)
            // The meeting under the cursor stays in view.
            let scroll = max(0, cursorLine.map { $0 - area.height + 2 } ?? 0)
            ScrollingText.render(list, scroll: scroll, state: state, into: &canvas, in: area)
            return
        case .institutions:
            let (list, cursorLine) = InstitutionsScreen.lines(state)
            let scroll = max(0, cursorLine.map { $0 - area.height + 2 } ?? 0)
            ScrollingText.render(list, scroll: scroll, state: state, into: &canvas, in: area)
            return
        case .meeting: lines = MeetingScreen.lines(state, width: area.width - 2)
        case .decision: lines = DecisionScreen.lines(state, width: area.width - 2)
        default: lines = []
        }
        ScrollingText.render(lines, scroll: state.scroll, state: state, into: &canvas, in: area)
    }
}
