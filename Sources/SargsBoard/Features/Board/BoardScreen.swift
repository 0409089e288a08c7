import SargsCore

/// The kanban: one column per goal (or owner, level, period, state) under a
/// band naming its level, cards with id, title, owners, period, progress and
/// a state badge; hidden columns and cards signalled.
enum BoardScreen {
    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        let g = state.glyphs
        let columns = state.visibleColumns
        let fit = state.columnFit
        let bandRow = area.y
        let titleRow = area.y + 1
        let titleRows = state.columnTitleRows
        let cardsArea = Rect(x: area.x, y: area.y + 1 + titleRows, width: area.width, height: max(0, area.height - 1 - titleRows))

        if state.layout.columns.isEmpty {
            canvas.text(state.text(Phrase(lv: "Plānā nav aktivitāšu.", en: "The plan has no activities.")),
                        x: area.x + 1, y: cardsArea.y, width: area.width - 2, role: .dim, glyphs: g)
            return
        }

        for (slot, index) in columns.enumerated() {
            let column = state.layout.columns[index]
            let x = area.x + slot * (fit.width + BoardMetrics.columnGap)
            let width = state.columnWidth(slot: slot)
            // The "◀ N" signal stands at the left of the band: the band's name starts after it.
            let signal = slot == 0 && columns.lowerBound > 0 ? "\(g.arrowLeft) \(columns.lowerBound) ".displayWidth : 0
            drawBand(state, column: column, index: index, x: x, width: width, y: bandRow, nameOffset: signal, into: &canvas)
            // The count, and the cards scrolled out of view above ("↑3"), at the right of the title's last row.
            let first = state.firstCard(in: index)
            let count = (first > 0 ? "\(g.arrowUp)\(first) " : "") + "(\(column.cards.count))"
            let selectedColumn = index == state.column
            canvas.fill(Rect(x: x, y: titleRow, width: width, height: titleRows), role: .columnTitle)
            let titleLines = wrap(column.title, width: max(1, width - count.displayWidth - 1), lines: titleRows, glyphs: g)
            for (i, line) in titleLines.enumerated() {
                canvas.text(line, x: x, y: titleRow + i, width: width, role: selectedColumn ? .emphasis : .columnTitle, glyphs: g)
            }
            canvas.rightText(count, x: x, y: titleRow + max(0, titleLines.count - 1), width: width, role: .columnTitle)
            drawCards(state, columnIndex: index, x: x, width: width, area: cardsArea, into: &canvas)
        }

        // Columns out of view on either side.
        if columns.lowerBound > 0 {
            canvas.put("\(g.arrowLeft) \(columns.lowerBound)", x: area.x, y: bandRow, role: .emphasis)
        }
        let right = state.layout.columns.count - columns.upperBound
        if right > 0 {
            let label = "\(right) \(g.arrowRight)"
            canvas.put(label, x: area.maxX - label.displayWidth, y: bandRow, role: .emphasis)
        }
    }

    private static func drawBand(_ state: AppState, column: BoardColumn, index: Int, x: Int, width: Int, y: Int,
                                 nameOffset: Int, into canvas: inout Canvas) {
        guard column.hasBand else {
            canvas.fill(Rect(x: x, y: y, width: width, height: 1), role: .background)
            return
        }
        let level = column.level
        // A goal without a level sits under a plain "BEZ LĪMEŅA" band.
        let role: Role = switch level {
        case .primary: .bandPrimary
        case .secondary: .bandSecondary
        case .tertiary: .bandTertiary
        case nil: .columnTitle
        }
        canvas.fill(Rect(x: x, y: y, width: width + BoardMetrics.columnGap, height: 1), role: role)
        // The band names its level once, at the first column of a run on that level.
        let previous = index > 0 ? state.layout.columns[index - 1] : nil
        if previous?.hasBand != true || previous?.level != level || index == state.visibleColumns.lowerBound {
            let name = Level.name(level, state.language).uppercased()
            canvas.text(" " + name, x: x + nameOffset, y: y, width: width - nameOffset, role: role, glyphs: state.glyphs)
        }
    }

    private static func drawCards(_ state: AppState, columnIndex: Int, x: Int, width: Int, area: Rect,
                                  into canvas: inout Canvas) {
        let g = state.glyphs
        let column = state.layout.columns[columnIndex]
        let first = state.firstCard(in: columnIndex)
        let fit = cardsPerColumn(state)
        if column.cards.isEmpty {
            canvas.text("\(g.emDash) " + state.text(Phrase(lv: "nav kartīšu", en: "no cards")) + " \(g.emDash)", x: x + 1, y: area.y + 1,
                        width: width - 2, role: .dim, glyphs: g)
            return
        }
        let shown = column.cards[first..<min(column.cards.count, first + fit)]
        let heights = state.cardHeights(column: columnIndex, width: width)
        var y = area.y
        for (slot, activityIndex) in shown.enumerated() {
            let height = heights?[first + slot] ?? BoardMetrics.cardHeight
            let selected = columnIndex == state.column && first + slot == state.row
            drawCard(state, activityIndex: activityIndex, rect: Rect(x: x, y: y, width: width, height: height - 1),
                     selected: selected, into: &canvas)
            y += height
        }
        // The cards below, on the blank row under the last card shown (never over a card).
        let below = column.cards.count - first - shown.count
        if below > 0 {
            let label = "+\(below) \(g.arrowDown)"
            canvas.put(label, x: x + width - label.displayWidth - 1, y: y - 1, role: .emphasis)
        }
    }

    static func drawCard(_ state: AppState, activityIndex: Int, rect: Rect, selected: Bool, into canvas: inout Canvas) {
        let g = state.glyphs
        let activity = state.plan.activities[activityIndex]
        let activityState = state.layout.states.indices.contains(activityIndex)
            ? state.layout.states[activityIndex] : state.state(of: activity)
        let dim = activityState.computed == .dropped || activityState.computed == .done
        let base: Role = selected ? .cardSelected : dim ? .cardDim : .card
        let inner = rect.inset(left: 1, right: 1)
        canvas.fill(rect, role: base)
        guard inner.width > 0 else { return }

        // Row 0: id, owners, progress toward the target. The selected card's id holds the terminal's cursor.
        var x = inner.x
        if selected { canvas.focus(x: x, y: rect.y) }
        x += canvas.put(activity.id, x: x, y: rect.y, role: selected ? .cardSelected : .emphasis, maxWidth: inner.width)
        var progressText = ""
        if let target = activity.target {
            progressText = "\(state.tracker.progress(of: activity, on: state.today))/\(target.count)"
        }
        // The progress stands right of the id and at least the start of the
        // owners, never over them: figures too wide for that (a large target
        // in a narrow column) are left to the activity view, not shown cut.
        let owners = activity.owners.joined(separator: ",")
        if x + 1 + min(owners.displayWidth, 3) + 1 + progressText.displayWidth > inner.maxX { progressText = "" }
        let ownersWidth = inner.maxX - x - 1 - (progressText.isEmpty ? 0 : progressText.displayWidth + 1)
        if ownersWidth > 0 {
            canvas.text(owners, x: x + 1, y: rect.y, width: ownersWidth, role: base, glyphs: g)
        }
        if !progressText.isEmpty {
            let behind = state.tracker.isBehindPace(activity, on: state.today)
            canvas.rightText(progressText, x: inner.x, y: rect.y, width: inner.width,
                             role: selected ? .cardSelected : behind ? .badgeOverdue : .progress)
        }
        // The title, wrapped at words over two rows, more when the card is taller (the room it has);
        // then the plan's own period wording in the rows left; the badge on the card's last row.
        let title = wrap(activity.name(in: state.language), width: inner.width, lines: max(2, rect.height - 3), glyphs: g)
        let titleRows = max(2, title.count)
        for (i, line) in title.enumerated() {
            canvas.put(line, x: inner.x, y: rect.y + 1 + i, role: base, maxWidth: inner.width)
        }
        let periodRows = max(1, rect.height - 2 - titleRows)
        for (i, line) in wrap(activity.period, width: inner.width, lines: periodRows, glyphs: g).enumerated() {
            canvas.text(line, x: inner.x, y: rect.y + 1 + titleRows + i, width: inner.width, role: selected ? .cardSelected : .dim, glyphs: g)
        }
        // The state badge, a glyph and a word.
        let owed = activityState.isOverdue ? state.tracker.owed(of: activity, on: state.today) : []
        let badge = Badge(activityState, owed: owed, recordedNotFinished: state.tracker.recordedNotFinished(activity, on: state.today),
                          glyphs: g, language: state.language)
        var badgeText = badge.text(fitting: inner.width)
        // A status the badge does not say ("notiek") stands at the row's right end
        // when the badge, shortened if need be, leaves room for it (issue 27).
        if activity.status == .active, !activityState.isBlocked {
            let status = activity.status.phrase.text(state.language)
            let room = inner.width - status.displayWidth - 1
            let fitted = badge.text(fitting: room)
            if room > 0, fitted.displayWidth <= room {
                badgeText = fitted
                canvas.rightText(status, x: inner.x, y: rect.maxY - 1, width: inner.width, role: selected ? .cardSelected : .dim)
            }
        }
        canvas.text(badgeText, x: inner.x, y: rect.maxY - 1, width: inner.width,
                    role: selected ? .cardSelected : badge.role, glyphs: g)
    }
}
