extension AppState {
    /// How many columns fit side by side, and how wide each is.
    public var columnFit: (count: Int, width: Int) {
        let gap = BoardMetrics.columnGap
        let available = max(1, width)
        // Under `BoardMetrics.singleColumnBelow` columns (a phone over SSH) one column at a time, titles whole.
        let fits = width < BoardMetrics.singleColumnBelow ? 1 : (available + gap) / (BoardMetrics.minColumnWidth + gap)
        let count = max(1, min(layout.columns.count, fits))
        let columnWidth = max(1, (available - (count - 1) * gap) / count)
        return (count, columnWidth)
    }

    /// The columns on screen, scrolled so the selected one is among them.
    public var visibleColumns: Range<Int> {
        let count = min(columnFit.count, layout.columns.count)
        let first = min(max(firstColumn, 0), max(0, layout.columns.count - count))
        return first..<(first + count)
    }

    /// The first card shown in a column, scrolled so the selection is visible.
    public func firstCard(in columnIndex: Int) -> Int {
        guard layout.columns.indices.contains(columnIndex) else { return 0 }
        let column = layout.columns[columnIndex]
        let fit = cardsPerColumn(self)
        let stored = firstRow[column.key] ?? 0
        return min(max(stored, 0), max(0, column.cards.count - fit))
    }

    /// Scrolls columns and cards so the selection stays in view.
    public mutating func followSelection() {
        clampSelection()
        let count = min(columnFit.count, layout.columns.count)
        if column < firstColumn { firstColumn = column }
        if column >= firstColumn + count { firstColumn = column - count + 1 }
        firstColumn = min(max(firstColumn, 0), max(0, layout.columns.count - count))
        guard layout.columns.indices.contains(column) else { return }
        let key = layout.columns[column].key
        let fit = cardsPerColumn(self)
        var first = firstCard(in: column)
        if row < first { first = row }
        if row >= first + fit { first = row - fit + 1 }
        firstRow[key] = first
    }
}

// The board's room, used by the board's drawing and by a click alike.
extension AppState {
    /// The rows the column titles take: two when the second costs no card
    /// (the rows left for cards are not a whole number of cards), else one.
    public var columnTitleRows: Int {
        (height - BoardMetrics.chromeRows) % BoardMetrics.cardHeight == 0 ? 1 : 2
    }

    /// The rows under the band and the column titles where cards stand.
    var cardsAreaHeight: Int { max(0, frame.body.height - 1 - columnTitleRows) }

    /// The width of the visible column in `slot` (the last one takes what is left).
    func columnWidth(slot: Int) -> Int {
        let fit = columnFit
        let count = visibleColumns.count
        return slot == count - 1 ? width - slot * (fit.width + BoardMetrics.columnGap) : fit.width
    }

    /// How tall each card of column `index` is, drawn `width` wide, the
    /// blank row under it included: nil for `BoardMetrics.cardHeight` each,
    /// the rule; when every card of the column fits with its whole title and
    /// period, each as tall as it needs (titles use the room they have).
    func cardHeights(column index: Int, width: Int) -> [Int]? {
        let base = BoardMetrics.cardHeight
        guard layout.columns.indices.contains(index) else { return nil }
        let cards = layout.columns[index].cards
        guard !cards.isEmpty, cards.count * base < cardsAreaHeight else { return nil }
        let inner = max(1, width - 2)
        // id row, title (two rows at least), period, badge, the gap under the card
        let needs = cards.map { card -> Int in
            let activity = plan.activities[card]
            let title = wrap(activity.name(in: language), width: inner, lines: 24, glyphs: glyphs).count
            let period = wrap(activity.period, width: inner, lines: 3, glyphs: glyphs).count
            return max(base, 1 + max(2, title) + max(1, period) + 1 + 1)
        }
        return needs.reduce(0, +) <= cardsAreaHeight && needs.contains(where: { $0 > base }) ? needs : nil
    }
}
