import Foundation
import SargsCore

// Moving on the board: cards, columns, pages.

/// How many cards fit one under another in a column of the current size.
public func cardsPerColumn(_ state: AppState) -> Int {
    max(1, (state.height - BoardMetrics.chromeRows) / BoardMetrics.cardHeight)
}

/// Moves the selection `rows` cards up or down its column.
func move(_ state: inout AppState, rows: Int) {
    guard state.layout.columns.indices.contains(state.column) else { return }
    let count = state.layout.columns[state.column].cards.count
    guard count > 0 else { return }
    state.row = min(max(state.row &+ rows, 0), count - 1)
}

/// Moves the selection to the next or previous column.
func moveColumn(_ state: inout AppState, by delta: Int) {
    guard !state.layout.columns.isEmpty else { return }
    let next = min(max(state.column + delta, 0), state.layout.columns.count - 1)
    guard next != state.column else { return }
    state.column = next
    state.clampSelection()
}
