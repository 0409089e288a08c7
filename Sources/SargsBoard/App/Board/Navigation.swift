import Foundation
import SargsCore

// Moving on the board: cards, columns, pages; scrolling elsewhere.

/// How many cards fit one under another in a column of the current size.
public func cardsPerColumn(_ state: AppState) -> Int {
    max(1, (state.height - BoardMetrics.chromeRows) / BoardMetrics.cardHeight)
}

func move(_ state: inout AppState, rows: Int) {
    if state.screen != .board {
        // Held within the text, so ↑ after End moves at once.
        state.scroll = min(max(0, state.scroll &+ rows), scrollLimit(state))
        return
    }
    guard state.layout.columns.indices.contains(state.column) else { return }
    let count = state.layout.columns[state.column].cards.count
    guard count > 0 else { return }
    state.row = min(max(state.row &+ rows, 0), count - 1)
}

func moveColumn(_ state: inout AppState, by delta: Int) {
    guard state.screen == .board else {
        // Only the board has columns; say so rather than nothing.
        let sideways = state.keyName(.left) + " " + state.keyName(.right), scroll = state.keyName(.up) + " " + state.keyName(.down)
        state.message = Message(.error, Phrase(lv: "\(sideways) pārvietojas starp tāfeles kolonnām; šeit ritina \(scroll)",
                                               en: "\(sideways) move between the board's columns; here \(scroll) scroll"))
        return
    }
    guard !state.layout.columns.isEmpty else { return }
    let next = min(max(state.column + delta, 0), state.layout.columns.count - 1)
    guard next != state.column else { return }
    state.column = next
    state.clampSelection()
}

/// Opens a screen over the current one; `back` returns to it.
func goTo(_ state: inout AppState, _ screen: Screen) {
    guard state.screen != screen else { return }
    state.screenStack.append(state.screen)
    state.screen = screen
    state.scroll = 0
}

/// How far a list's cursor moves for a moving command: a line, a page, or to an end.
func cursorStep(_ command: Command, page: Int) -> Int {
    switch command {
    case .up: return -1
    case .down: return 1
    case .pageUp: return -page
    case .pageDown: return page
    case .home: return Int.min / 2
    default: return Int.max / 2
    }
}

/// The furthest a long screen scrolls: its lines less the rows that show them.
func scrollLimit(_ state: AppState) -> Int {
    let width = state.width - 2, rows = max(1, state.frame.body.height)
    let count: Int
    switch state.screen {
    case .activity:
        guard let id = state.openActivity, let activity = state.plan.activity(id) else { return 0 }
        count = ActivityScreen.lines(state, activity: activity, width: width).count
    case .help: count = HelpScreen.lines(state).count
    case .journal: count = JournalScreen.lines(state).count
    case .meeting: count = MeetingScreen.lines(state, width: width).count
    case .decision: count = DecisionScreen.lines(state, width: width).count
    case .indicators: count = IndicatorsScreen.lines(state, width: width).count
    default: return Int.max / 4
    }
    return max(0, count - rows)
}
