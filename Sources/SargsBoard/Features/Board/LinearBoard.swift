import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The board for a screen reader or a braille display (issue 30,
/// `--screen-reader`): one column at a time, one card an element, its state
/// in words at the start of its line, no box, band or glyph; a spoken-style
/// line on top ("Mērķis 2 no 7: … — kartīte 3 no 11"). ←/→ go between
/// columns as on the board; the terminal's cursor stands on the selected card.
enum LinearBoard {
    /// One element of the screen: its rows (a long card wraps under its own indent) and, for a card, its row in the column.
    struct Element {
        var rows: [[(String, Role)]]
        var card: Int?
    }

    static func elements(_ state: AppState, width: Int) -> [Element] {
        let layout = state.layout
        guard layout.columns.indices.contains(state.column) else {
            return [Element(rows: [[(state.text(p("Plānā nav aktivitāšu.", "The plan has no activities.")), .dim)]], card: nil)]
        }
        let column = layout.columns[state.column]
        let lv = state.language == .lv
        let kind = state.grouping == .goal ? (lv ? "Mērķis" : "Goal") : (lv ? "Kolonna" : "Column")
        let position = "\(kind) \(state.column + 1) \(lv ? "no" : "of") \(layout.columns.count): \(column.title)"
        let count = column.cards.isEmpty ? (lv ? "kartīšu nav" : "no cards")
            : (lv ? "kartīte \(state.row + 1) no \(column.cards.count)" : "card \(state.row + 1) of \(column.cards.count)")
        var out = [Element(rows: wrapped(position + " — " + count, width: width, role: .emphasis), card: nil)]
        for (row, index) in column.cards.enumerated() {
            let activity = state.plan.activities[index]
            let activityState = layout.states.indices.contains(index) ? layout.states[index] : state.state(of: activity)
            let words = StateWords.sentence(activity, activityState, tracker: state.tracker, on: state.today, state.language)
            let owners = activity.owners.joined(separator: ", ")
            let text = "\(words). \(activity.id) \(activity.name(in: state.language))" + (owners.isEmpty ? "" : " (\(owners))")
            let selected = row == state.row
            out.append(Element(rows: wrapped(text, width: width, role: selected ? .cardSelected : activityState.isOverdue ? .badgeOverdue : .background),
                               card: row))
        }
        return out
    }

    /// `text` wrapped at words to `width`, the rows after the first under a two-column indent.
    private static func wrapped(_ text: String, width: Int, role: Role) -> [[(String, Role)]] {
        let first = wrap(SafeText.line(text), width: max(1, width), lines: 40, glyphs: .ascii)
        guard let head = first.first else { return [[]] }
        let rest = first.dropFirst().joined(separator: " ")
        let tail = rest.isEmpty ? [] : wrap(rest, width: max(1, width - 2), lines: 40, glyphs: .ascii).map { "  " + $0 }
        return ([head] + tail).map { [($0, role)] }
    }

    /// The first row shown, so the selected card stands in the middle of the body when the column is long.
    static func scroll(_ elements: [Element], selected: Int, height: Int) -> Int {
        let total = elements.reduce(0) { $0 + $1.rows.count }
        let start = elements.prefix { $0.card != selected }.reduce(0) { $0 + $1.rows.count }
        return max(0, min(start - height / 2, total - height))
    }

    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        let elements = elements(state, width: area.width - 2)
        let rows = elements.flatMap(\.rows)
        let selectedStart = elements.prefix { $0.card != state.row }.reduce(0) { $0 + $1.rows.count }
        let hasSelection = elements.contains { $0.card == state.row }
        ScrollingText.render(count: rows.count, line: { rows[$0] }, scroll: scroll(elements, selected: state.row, height: area.height),
                             focus: hasSelection ? selectedStart : nil, state: state, into: &canvas, in: area)
    }

    /// The card under a click at row `y` of the body, if any.
    static func card(at y: Int, _ state: AppState, area: Rect) -> Int? {
        let elements = elements(state, width: area.width - 2)
        let first = scroll(elements, selected: state.row, height: area.height)
        var line = 0
        let target = first + y - area.y
        for element in elements {
            if target >= line && target < line + element.rows.count { return element.card }
            line += element.rows.count
        }
        return nil
    }
}
