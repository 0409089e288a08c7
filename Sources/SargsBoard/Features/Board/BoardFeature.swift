import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The board (SPEC §8): columns of cards, grouped and filtered; the quick
/// edits act on the selected card.
enum BoardFeature: Feature {
    static let title = p("tāfele", "board")

    static func handler(_ command: Command) -> Handler? {
        if let quick = QuickEdits.handler(command) { return quick }
        switch command {
        case .up: return .changing { move(&$0, rows: -1) }
        case .down: return .changing { move(&$0, rows: 1) }
        // A page is a column of cards.
        case .pageUp: return .changing { move(&$0, rows: -max(1, cardsPerColumn($0) - 1)) }
        case .pageDown: return .changing { move(&$0, rows: max(1, cardsPerColumn($0) - 1)) }
        case .home: return .changing { move(&$0, rows: Int.min / 2) }
        case .end: return .changing { move(&$0, rows: Int.max / 2) }
        case .left: return .changing { moveColumn(&$0, by: -1) }
        case .right: return .changing { moveColumn(&$0, by: 1) }
        case .open:
            return Handler(unless: { $0.selectedActivity == nil ? p("šajā kolonnā nav kartīšu", "this column has no cards") : nil }) { state in
                guard let activity = state.selectedActivity else { return [] }
                return openActivity(&state, activity.id)
            }
        case .add: return .changing { $0.form = addForm($0) }
        case .search: return .changing { $0.searching = true }
        case .filter: return .changing { $0.form = filterForm($0) }
        case .overdueOnly:
            return .changing { state in
                state.filter.overdueOnly.toggle()
                state.relayout()
                state.message = Message(.notice, state.filter.overdueOnly ? p("Rāda tikai nokavētās", "Showing overdue only")
                                                                          : p("Rāda visas", "Showing all"))
            }
        case .clearFilters:
            return .changing(unless: { $0.filter.isEmpty ? p("filtru nav", "there is no filter") : nil }) { state in
                state.filter = Filter()
                state.relayout()
                state.message = Message(.notice, p("Filtri notīrīti", "Filters cleared"))
            }
        case .group:
            return .changing { state in
                state.grouping = state.grouping.next
                state.firstColumn = 0
                state.relayout()
                state.message = Message(.notice, p("Grupēts pēc: \(state.grouping.phrase.lv)", "Grouped by \(state.grouping.phrase.en)"))
            }
        default: return nil
        }
    }

    /// The column and the card, said in the header for a screen reader: it stays when the column's first line scrolls away.
    static func position(_ state: AppState) -> Phrase? {
        let columns = state.layout.columns
        guard columns.indices.contains(state.column),
              let column = spokenPosition(state.grouping == .goal ? "mērķis" : "kolonna", state.grouping == .goal ? "goal" : "column",
                                          cursor: state.column, of: columns.count) else { return nil }
        guard let card = spokenPosition("kartīte", "card", cursor: state.row, of: columns[state.column].cards.count) else { return column }
        return Phrase(lv: column.lv + ", " + card.lv, en: column.en + ", " + card.en)
    }

    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        if state.screenReader {
            LinearBoard.render(state, into: &canvas, in: area)
        } else {
            BoardScreen.render(state, into: &canvas, in: area)
        }
    }

    /// A click selects a card (a double click opens it), the band's arrows
    /// show the hidden columns, the wheel moves in the column under it.
    static func click(_ state: inout AppState, _ event: MouseEvent, area: Rect) -> [Effect]? {
        if state.screenReader { return linearClick(&state, event, area: area) }
        let columns = state.visibleColumns
        guard !columns.isEmpty else { return [] }
        let step = state.columnFit.width + BoardMetrics.columnGap
        let slot = min(max(0, (event.x - area.x) / max(1, step)), columns.count - 1)
        let columnIndex = columns.lowerBound + slot
        let cards = state.layout.columns[columnIndex].cards
        switch event.kind {
        case .wheelUp, .wheelDown:
            if state.column != columnIndex {
                state.column = columnIndex
                state.row = min(state.firstCard(in: columnIndex), max(0, cards.count - 1))
            }
            move(&state, rows: event.kind == .wheelUp ? -1 : 1)
            return []
        case .click, .doubleClick:
            let cardsTop = area.y + 1 + state.columnTitleRows
            // "◀ 2" and "3 ▶" on the band row: the next hidden column on that side.
            if event.y == area.y, event.x >= area.maxX - 6, columns.upperBound < state.layout.columns.count {
                state.column = columns.upperBound
                state.clampSelection()
                return []
            }
            if event.y == area.y, event.x < area.x + 5, columns.lowerBound > 0 {
                state.column = columns.lowerBound - 1
                state.clampSelection()
                return []
            }
            guard event.y >= cardsTop else {
                // The column's title or band: the column, at its first card in view.
                state.column = columnIndex
                state.row = min(state.firstCard(in: columnIndex), max(0, cards.count - 1))
                return []
            }
            // The card under the click, from the heights the board draws them with; not the blank row under it.
            let heights = state.cardHeights(column: columnIndex, width: state.columnWidth(slot: slot))
            func height(_ row: Int) -> Int { heights?[row] ?? BoardMetrics.cardHeight }
            var row = state.firstCard(in: columnIndex), top = cardsTop
            while cards.indices.contains(row), event.y >= top + height(row) {
                top += height(row)
                row += 1
            }
            guard cards.indices.contains(row), event.y < top + height(row) - 1 else { return [] }
            state.column = columnIndex
            state.row = row
            return event.kind == .doubleClick ? perform(&state, .open) : []
        }
    }

    /// A click on a card's line in the linear board selects it (a double click opens it); the wheel moves.
    private static func linearClick(_ state: inout AppState, _ event: MouseEvent, area: Rect) -> [Effect] {
        switch event.kind {
        case .wheelUp, .wheelDown:
            move(&state, rows: event.kind == .wheelUp ? -1 : 1)
            return []
        case .click, .doubleClick:
            guard let row = LinearBoard.card(at: event.y, state, area: area) else { return [] }
            state.row = row
            return event.kind == .doubleClick ? perform(&state, .open) : []
        }
    }
}
