import SargsCore

/// A quick-edit form drawn as a box over the screen; the focused field shows
/// its cursor, a refusal shows in the box and what was typed stays. A field
/// of several lines (notes, decisions) wraps and grows up to
/// `FormLayout.maxTextRows` rows, keeping its cursor in view.
enum FormScreen {
    static func render(_ form: Form, state: AppState, into canvas: inout Canvas) {
        let g = state.glyphs
        let layout = FormLayout(form, state: state, width: canvas.width, height: canvas.height)
        let box = layout.box
        let inner = box.inset(dx: 1, dy: 0)
        drawBox(form, layout: layout, state: state, into: &canvas)
        let valueX = layout.valueX, valueWidth = layout.valueWidth
        for (i, field) in form.fields.enumerated() {
            let rows = layout.fieldRows[i]
            guard rows.lowerBound >= layout.top else { continue }
            guard rows.lowerBound < layout.bottom else { break }
            // The label beside the value, or on its own row above it (`stacked`).
            let y = rows.lowerBound + layout.labelRows
            let focused = i == form.focus
            canvas.text(state.text(field.label), x: inner.x + 1, y: rows.lowerBound, width: layout.stacked ? inner.width - 2 : layout.labelWidth,
                        role: focused ? .emphasis : .dim, glyphs: g)
            // A stacked label on the last row: its value is below the form's room (counted among the fields below).
            guard y < layout.bottom else { break }
            switch field.value {
            case .text(let text, let cursor) where field.multiline:
                drawLines(text, cursor: cursor, field: i, y: y, focused: focused, layout: layout, state: state, into: &canvas)
            case .text(let text, let cursor):
                canvas.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), role: .input)
                // Each character as it is shown (a tab as a space, a control as �), so the cursor stands where it is.
                let chars = FormLayout.shown(text)
                let cursor = min(max(cursor, 0), chars.count)
                var start = 0
                while start < cursor, chars[start..<cursor].joined().displayWidth >= valueWidth { start += 1 }
                canvas.text(chars[start...].joined(), x: valueX, y: y, width: valueWidth, role: .input, glyphs: g)
                if focused {
                    let under = cursor < chars.count ? chars[cursor] : " "
                    let x = valueX + chars[start..<cursor].joined().displayWidth
                    canvas.put(under, x: x, y: y, role: .cardSelected)
                    canvas.focus(x: x, y: y)
                }
            case .choice(let choices, let selected):
                // The choice starts where every other value starts; its ◀ stands in the gap before it.
                canvas.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), role: .input)
                let label = choices.indices.contains(selected) ? choices[selected].label : "—"
                // The arrows say ←/→ turn it; a screen reader has the hint's words instead.
                let arrows = focused && !state.screenReader
                if focused { canvas.focus(x: valueX, y: y) }
                if arrows { canvas.put(g.arrowLeft, x: layout.choiceMarkX, y: y, role: .emphasis) }
                let x = valueX + canvas.text(label, x: valueX, y: y, width: valueWidth - 2, role: focused ? .cardSelected : .input, glyphs: g)
                if arrows { canvas.put(" \(g.arrowRight)", x: x, y: y, role: .input) }
            }
            if focused {
                // The hint wrapped at words under the value, never cut.
                for (r, line) in layout.hintLines.enumerated() where y + layout.textRows[i] + r < min(rows.upperBound, layout.bottom) {
                    canvas.text(line, x: valueX, y: y + layout.textRows[i] + r, width: valueWidth, role: .dim, glyphs: g)
                }
            }
        }
        if !layout.errorLines.isEmpty {
            let top = layout.bottom
            for (i, line) in layout.errorLines.enumerated() where top + i < box.maxY - 1 {
                canvas.text(line, x: inner.x + 1, y: top + i, width: inner.width - 2, role: .error, glyphs: g)
            }
            // A screen reader reads a refusal where the cursor is: on it, until the next key.
            if state.screenReader, form.errorIsNew, top < box.maxY - 1 { canvas.focus(x: inner.x + 1, y: top) }
        } else if form.saving {
            canvas.text(g.ellipsis, x: inner.x + 1, y: box.maxY - 2, width: 3, role: .dim, glyphs: g)
        }
    }
}

extension FormScreen {
    /// The box, its drawn frame (so it stands out in every theme), its title
    /// and the signals of fields scrolled out of view.
    static func drawBox(_ form: Form, layout: FormLayout, state: AppState, into canvas: inout Canvas) {
        let g = state.glyphs
        let box = layout.box
        canvas.fill(box, role: .border)
        let inner = box.inset(dx: 1, dy: 0)
        canvas.fill(inner.inset(top: 1, bottom: 1), role: .background)
        // A drawn frame, so the box stands out in every theme (mono has no colours to do it); none for a
        // screen reader, which would read its lines aloud.
        if box.width >= 2, box.height >= 2, !state.screenReader {
            for x in (box.x + 1)..<(box.maxX - 1) {
                canvas.put(g.horizontal, x: x, y: box.y, role: .border)
                canvas.put(g.horizontal, x: x, y: box.maxY - 1, role: .border)
            }
            for y in (box.y + 1)..<(box.maxY - 1) {
                canvas.put(g.vertical, x: box.x, y: y, role: .border)
                canvas.put(g.vertical, x: box.maxX - 1, y: y, role: .border)
            }
            canvas.put(g.corners[0], x: box.x, y: box.y, role: .border)
            canvas.put(g.corners[1], x: box.maxX - 1, y: box.y, role: .border)
            canvas.put(g.corners[2], x: box.x, y: box.maxY - 1, role: .border)
            canvas.put(g.corners[3], x: box.maxX - 1, y: box.maxY - 1, role: .border)
        }
        canvas.text(" " + state.text(form.title) + " ", x: box.x + 2, y: box.y, width: box.width - 4, role: .header, glyphs: g)
        // Fields scrolled out of view are signalled on the frame, as lists signal theirs.
        let hidden = layout.hidden
        if state.screenReader {
            // In words, on rows of their own: "vēl 2 lauki augstāk/zemāk".
            let lv = state.language == .lv
            func words(_ n: Int, _ lvWhere: String, _ enWhere: String) -> String {
                lv ? Plural.form(n, .lv, one: "vēl \(n) lauks \(lvWhere)", other: "vēl \(n) lauki \(lvWhere)")
                    : Plural.form(n, .en, one: "\(n) more field \(enWhere)", other: "\(n) more fields \(enWhere)")
            }
            if hidden.above > 0 { canvas.rightText(words(hidden.above, "augstāk", "above"), x: box.x, y: box.y, width: box.width - 1, role: .emphasis) }
            if hidden.below > 0 { canvas.text(words(hidden.below, "zemāk", "below"), x: box.x + 2, y: box.maxY - 1, width: box.width - 4, role: .emphasis, glyphs: g) }
            return
        }
        if hidden.above > 0 {
            canvas.text(" \(g.arrowUp) \(hidden.above) ", x: box.maxX - 8, y: box.y, width: 7, role: .emphasis, glyphs: g)
        }
        if hidden.below > 0 {
            canvas.text(" +\(hidden.below) \(g.arrowDown) ", x: box.maxX - 8, y: box.maxY - 1, width: 7, role: .emphasis, glyphs: g)
        }
    }

    /// A field of several lines: its rows in view, keeping the cursor's row
    /// among them, and the rows out of view signalled under its label.
    static func drawLines(_ text: String, cursor: Int, field i: Int, y: Int, focused: Bool, layout: FormLayout, state: AppState,
                          into canvas: inout Canvas) {
        let g = state.glyphs
        let valueX = layout.valueX, valueWidth = layout.valueWidth
        let inner = layout.box.inset(dx: 1, dy: 0)
        let wrapped = FormLayout.rows(of: text, cursor: cursor, width: valueWidth)
        let shown = layout.textRows[i]
        // The rows in view keep the cursor's row among them.
        let first = max(0, min(wrapped.cursorRow - shown + 1, wrapped.rows.count - shown))
        for r in 0..<shown {
            let row = y + r
            guard row < layout.bottom else { break }
            canvas.fill(Rect(x: valueX, y: row, width: valueWidth, height: 1), role: .input)
            let index = first + r
            if wrapped.rows.indices.contains(index) {
                canvas.text(FormLayout.shown(wrapped.rows[index]).joined(), x: valueX, y: row, width: valueWidth, role: .input, glyphs: g)
            }
            if focused, index == wrapped.cursorRow {
                let line = FormLayout.shown(wrapped.rows.indices.contains(index) ? wrapped.rows[index] : "")
                let col = min(wrapped.cursorColumn, line.count)
                let under = col < line.count ? line[col] : " "
                canvas.put(under, x: valueX + line[..<col].joined().displayWidth, y: row, role: .cardSelected)
                canvas.focus(x: valueX + line[..<col].joined().displayWidth, y: row)
            }
        }
        // Lines out of view are signalled, as on the other screens, in the label's column under the
        // label, never over the text (a field shows at least two rows when it has more).
        let above = first > 0 ? "\(g.arrowUp) \(first)" : ""
        let below = first + shown < wrapped.rows.count ? "+\(wrapped.rows.count - first - shown) \(g.arrowDown)" : ""
        if layout.stacked {
            // Stacked: on the label's row, at its right.
            let both = [above, below].filter { !$0.isEmpty }.joined(separator: " ")
            canvas.rightText(both, x: inner.x + 1, y: y - 1, width: inner.width - 2, role: .emphasis)
        } else if shown >= 2 {
            let lastRow = y + shown - 1
            if lastRow == y + 1 {
                let both = [above, below].filter { !$0.isEmpty }.joined(separator: " ")
                canvas.text(both, x: inner.x + 1, y: y + 1, width: layout.labelWidth - 1, role: .emphasis, glyphs: g)
            } else {
                canvas.text(above, x: inner.x + 1, y: y + 1, width: layout.labelWidth - 1, role: .emphasis, glyphs: g)
                canvas.text(below, x: inner.x + 1, y: lastRow, width: layout.labelWidth - 1, role: .emphasis, glyphs: g)
            }
        }
    }
}

/// Where a form's box and fields stand on a screen of `width`×`height`:
/// drawing and a click read the same layout.
struct FormLayout {
    /// A field of several lines shows at least this many rows at most, more on a tall screen.
    static let maxTextRows = 6

    let box: Rect
    /// Labels on their own row above their values: under 60 columns (a
    /// phone over SSH, issue 30); never for a screen reader, whose line at
    /// the cursor must name the field beside its value.
    let stacked: Bool
    let labelWidth: Int
    let valueX: Int
    let valueWidth: Int
    /// Each field's rows: its value rows, then the row of its hint.
    let fieldRows: [Range<Int>]
    /// How many rows each field's value takes (1 for a line or a choice).
    let textRows: [Int]
    /// The focused field's hint, wrapped at words to the value's width.
    let hintLines: [String]
    let errorLines: [String]

    init(_ form: Form, state: AppState, width: Int, height: Int) {
        let g = state.glyphs
        // A choice's ◀ and a space stand between the labels and the values, so every value starts in one column.
        let hasChoice = form.fields.contains(where: \.isChoice)
        // A screen reader keeps each label beside its value: the line at the cursor says which field it is.
        let stacked = width < BoardMetrics.singleColumnBelow && !state.screenReader
        self.stacked = stacked
        labelWidth = min(16, form.fields.map { state.text($0.label).displayWidth }.max() ?? 8) + (hasChoice ? 4 : 2)
        // For a screen reader the form is the whole screen under the header: no text of the screen
        // behind it is read beside its lines.
        let boxWidth = state.screenReader ? width : min(width - 2, max(50, min(90, width - 8)))
        // Stacked, a value takes the box's width but for a column each side (the choice's ◀ in the left one).
        let valueWidth = stacked ? max(1, boxWidth - 2 - 2 - (hasChoice ? 2 : 0)) : max(1, boxWidth - 2 - 1 - labelWidth - 1)
        self.valueWidth = valueWidth
        // A field of several lines grows with its text, up to the room there is.
        let room = max(1, height - 6 - form.fields.count * (stacked ? 3 : 2))
        var textRows: [Int] = []
        for field in form.fields {
            guard field.multiline, case .text(let text, let cursor) = field.value else {
                textRows.append(1)
                continue
            }
            let rows = FormLayout.rows(of: text, cursor: cursor, width: valueWidth).rows.count
            textRows.append(max(1, min(rows, max(FormLayout.maxTextRows, height / 3), room + 1)))
        }
        self.textRows = textRows
        // A choice says how it turns when it has no words of its own.
        let hint = form.fields.indices.contains(form.focus)
            ? (form.fields[form.focus].hint ?? (form.fields[form.focus].isChoice ? Phrase(lv: "← → izvēlēties", en: "← → choose") : nil)).map { state.text($0) }
            : nil
        let hintLines = hint.map { wrap($0, width: valueWidth, lines: 4, glyphs: g) } ?? []
        self.hintLines = hintLines
        // Each field has a row under it for its hint; the focused one as many as its hint needs.
        let focus = form.focus
        let hintRows = form.fields.indices.map { $0 == focus ? max(1, hintLines.count) : 1 }
        let labelRows = stacked ? 1 : 0
        let fieldsHeight = zip(textRows, hintRows).reduce(0) { $0 + labelRows + $1.0 + $1.1 }
        // A refusal is wrapped, not cut: an edit conflict names both values (SPEC §6).
        errorLines = form.error.map {
            wrap((state.screenReader ? "" : g.overdue + " ") + state.text($0), width: max(1, boxWidth - 4), lines: max(1, min(max(3, height - 6 - fieldsHeight), height - 8)), glyphs: g)
        } ?? []
        let boxHeight = min(height - 2, 4 + fieldsHeight + (errorLines.isEmpty ? 0 : errorLines.count + 1))
        box = state.screenReader ? Rect(x: 0, y: 1, width: width, height: max(0, height - 3))
            : Rect(x: 0, y: 0, width: width, height: height).centered(width: boxWidth, height: boxHeight)
        valueX = stacked ? box.x + 2 + (hasChoice ? 2 : 0) : box.x + 1 + 1 + labelWidth
        var y = box.y + 2
        var fieldRows: [Range<Int>] = []
        for (rows, hint) in zip(textRows, hintRows) {
            fieldRows.append(y..<(y + labelRows + rows + hint))
            y += labelRows + rows + hint
        }
        // On a short screen the fields scroll so that the focused one, its hint
        // and the refusal stay in view (a form of nine fields at 41×12).
        let bottom = box.maxY - 1 - errorLines.count
        if fieldRows.indices.contains(focus), fieldRows[focus].upperBound > bottom {
            var shift = min(fieldRows[focus].upperBound - bottom, fieldRows[focus].lowerBound - (box.y + 2))
            // Whole fields: the first one in view starts under the title, never a gap of a field cut above it.
            let top = box.y + 2, shifted = shift
            if let first = fieldRows.first(where: { $0.lowerBound - shifted >= top }) { shift = first.lowerBound - top }
            fieldRows = fieldRows.map { ($0.lowerBound - shift)..<($0.upperBound - shift) }
        }
        self.fieldRows = fieldRows
    }

    /// The rows a label takes above its value: 1 stacked, else 0.
    var labelRows: Int { stacked ? 1 : 0 }
    /// Where a focused choice's ◀ stands: in the gap before the value.
    var choiceMarkX: Int { valueX - 2 }

    /// The first row a field may be drawn on (under the title).
    var top: Int { box.y + 2 }
    /// The row under the last a field may be drawn on (the refusal's rows below it).
    var bottom: Int { box.maxY - 1 - errorLines.count }

    /// How many fields are out of view above and below.
    var hidden: (above: Int, below: Int) {
        (fieldRows.count(where: { $0.lowerBound < top }), fieldRows.count(where: { $0.lowerBound >= bottom }))
    }

    /// Each character of `text` as a form shows it: a tab as a space, a control as �.
    static func shown(_ text: String) -> [String] {
        text.map { SafeText.line(String($0)) }
    }

    /// `text` in rows of at most `width` columns: each line break starts a
    /// row, a long line is cut at the width; where the cursor (a character
    /// offset) stands.
    static func rows(of text: String, cursor: Int, width: Int) -> (rows: [String], cursorRow: Int, cursorColumn: Int) {
        let laid = layout(of: text, cursor: cursor, width: width)
        return (laid.rows, laid.cursorRow, laid.cursorColumn)
    }

    /// The rows, the character offset each starts at, and the cursor's row and column.
    static func layout(of text: String, cursor: Int, width: Int)
        -> (rows: [String], starts: [Int], cursorRow: Int, cursorColumn: Int) {
        var rows: [String] = []
        var starts: [Int] = [0]
        var current = ""
        var currentWidth = 0
        var cursorRow = 0, cursorColumn = 0
        var offset = 0
        func mark() {
            if offset == cursor {
                cursorRow = rows.count
                cursorColumn = current.count
            }
        }
        for c in text {
            mark()
            if c == "\n" {
                rows.append(current)
                starts.append(offset + 1)
                current = ""
                currentWidth = 0
            } else {
                let w = max(1, SafeText.line(String(c)).displayWidth)
                if currentWidth + w > width && !current.isEmpty {
                    rows.append(current)
                    starts.append(offset)
                    current = ""
                    currentWidth = 0
                    if offset == cursor { cursorRow = rows.count; cursorColumn = 0 }
                }
                current.append(c)
                currentWidth += w
            }
            offset += 1
        }
        mark()
        rows.append(current)
        return (rows, starts, cursorRow, cursorColumn)
    }

    /// The cursor one row up or down in a field of several lines, at the
    /// same column or the row's end; nil at the first or last row.
    static func cursor(_ cursor: Int, movedBy delta: Int, in text: String, width: Int) -> Int? {
        let laid = layout(of: text, cursor: cursor, width: width)
        let target = laid.cursorRow + delta
        guard laid.rows.indices.contains(target) else { return nil }
        return laid.starts[target] + min(laid.cursorColumn, laid.rows[target].count)
    }
}
