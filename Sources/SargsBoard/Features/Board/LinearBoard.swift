import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The board for a screen reader or a braille display (issue 30,
/// `--screen-reader`): one column at a time, one card an element, its state
/// in words at the start of its line, no box, band or glyph; a spoken-style
/// line on top ("Mērķis 2 no 7: … — kartīte 3 no 11"). ←/→ go between
/// columns as on the board; the terminal's cursor stands on the selected card.
enum LinearBoard {
    /// The lines of the column: the spoken line, then a card a line; made
    /// on demand, so only those in view are (a column of 1,500 cards at 10k
    /// activities). Wrapping, placement and the cursor are `ScrollingText`'s
    /// linear drawing.
    struct Lines {
        let state: AppState
        let column: BoardColumn?

        init(_ state: AppState) {
            self.state = state
            let columns = state.layout.columns
            column = columns.indices.contains(state.column) ? columns[state.column] : nil
        }

        var count: Int { column.map { $0.cards.count + 1 } ?? 1 }
        /// The line of the selected card, nil when the column has none.
        var focus: Int? { column.flatMap { $0.cards.indices.contains(state.row) ? state.row + 1 : nil } }
        /// The first line offered: the screen moves in steps of a quarter, not with every key, so a
        /// braille display keeps its lines while the cursor moves down them.
        func scroll(height: Int) -> Int {
            focus.map { ScrollingText.steppedScroll(focus: $0, height: height) } ?? 0
        }

        func line(_ i: Int) -> [(String, Role)] {
            let lv = state.language == .lv
            guard let column else {
                return [(state.text(p("Plānā nav aktivitāšu.", "The plan has no activities.")), .dim)]
            }
            let layout = state.layout
            if i == 0 {
                let kind = state.grouping == .goal ? (lv ? "Mērķis" : "Goal") : (lv ? "Kolonna" : "Column")
                let position = "\(kind) \(state.column + 1) \(lv ? "no" : "of") \(layout.columns.count): \(column.title)"
                let count = column.cards.isEmpty ? (lv ? "kartīšu nav" : "no cards")
                    : (lv ? "kartīte \(state.row + 1) no \(column.cards.count)" : "card \(state.row + 1) of \(column.cards.count)")
                return [(SafeText.line(position + " — " + count), .emphasis)]
            }
            let row = i - 1
            guard column.cards.indices.contains(row) else { return [] }
            let index = column.cards[row]
            let activity = state.plan.activities[index]
            let activityState = layout.states.indices.contains(index) ? layout.states[index] : state.state(of: activity)
            let words = StateWords.sentence(activity, activityState, tracker: state.tracker, on: state.today, state.language)
            let owners = activity.owners.joined(separator: ", ")
            // A pause between the state and the card, so "un vēl 3" and "1.3" are not read as one number.
            let text = "\(words) — \(activity.id) \(activity.name(in: state.language))" + (owners.isEmpty ? "" : " (\(owners))")
            let role = state.highlight(row == state.row, activityState.isOverdue ? .badgeOverdue : .background)
            return [(SafeText.line(text), role)]
        }
    }

    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        let lines = Lines(state)
        ScrollingText.render(count: lines.count, line: lines.line, scroll: lines.scroll(height: area.height), focus: lines.focus,
                             state: state, into: &canvas, in: area)
    }

    /// The card under a click at row `y` of the body, if any.
    static func card(at y: Int, _ state: AppState, area: Rect) -> Int? {
        let lines = Lines(state)
        let line = ScrollingText.line(at: y, count: lines.count, line: lines.line, scroll: lines.scroll(height: area.height),
                                      focus: lines.focus, state: state, area: area)
        return line.flatMap { $0 >= 1 ? $0 - 1 : nil }
    }
}
