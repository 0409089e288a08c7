extension AppState {
    /// How many columns fit side by side, and how wide each is.
    public var columnFit: (count: Int, width: Int) {
        let gap = BoardMetrics.columnGap
        let available = max(1, width)
        let count = max(1, min(layout.columns.count, (available + gap) / (BoardMetrics.minColumnWidth + gap)))
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
