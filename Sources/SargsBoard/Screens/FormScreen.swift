import SargsCore

/// A quick-edit form drawn as a box over the screen; the focused field shows
/// its cursor, a refusal shows in the box and what was typed stays.
enum FormScreen {
    static func render(_ form: Form, state: AppState, into canvas: inout Canvas) {
        let g = state.glyphs
        let labelWidth = min(16, form.fields.map { state.text($0.label).displayWidth }.max() ?? 8) + 2
        let width = min(canvas.width - 2, max(50, min(90, canvas.width - 8)))
        // A refusal is wrapped, not cut: an edit conflict names both values (SPEC §6).
        let errorLines = form.error.map {
            wrap(g.overdue + " " + state.text($0), width: max(1, width - 4), lines: max(1, canvas.height - 6 - form.fields.count * 2), glyphs: g)
        } ?? []
        let height = min(canvas.height - 2, 4 + form.fields.count * 2 + (errorLines.isEmpty ? 0 : errorLines.count + 1))
        let box = canvas.bounds.centered(width: width, height: height)
        canvas.fill(box, role: .border)
        let inner = box.inset(dx: 1, dy: 0)
        canvas.fill(inner.inset(top: 1, bottom: 1), role: .background)
        // A drawn frame, so the box stands out in every theme (mono has no colours to do it).
        if box.width >= 2, box.height >= 2 {
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
        var y = box.y + 2
        for (i, field) in form.fields.enumerated() where y < box.maxY - 1 {
            let focused = i == form.focus
            canvas.text(state.text(field.label), x: inner.x + 1, y: y, width: labelWidth, role: focused ? .emphasis : .dim, glyphs: g)
            let valueX = inner.x + 1 + labelWidth
            let valueWidth = inner.maxX - valueX - 1
            canvas.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), role: .input)
            switch field.value {
            case .text(let text, let cursor):
                // Keep the cursor in view: drop characters from the front of long text.
                let chars = Array(text)
                let cursor = min(max(cursor, 0), chars.count)
                var start = 0
                while start < cursor, String(chars[start..<cursor]).displayWidth >= valueWidth { start += 1 }
                canvas.text(String(chars[start...]), x: valueX, y: y, width: valueWidth, role: .input, glyphs: g)
                if focused {
                    let under = cursor < chars.count ? String(chars[cursor]) : " "
                    canvas.put(under, x: valueX + String(chars[start..<cursor]).displayWidth, y: y, role: .cardSelected)
                }
            case .choice(let choices, let selected):
                let label = choices.indices.contains(selected) ? choices[selected].label : "—"
                let arrows = focused ? "\(g.arrowLeft) " : "  "
                var x = valueX
                x += canvas.put(arrows, x: x, y: y, role: .input)
                x += canvas.text(label, x: x, y: y, width: valueWidth - 4, role: focused ? .cardSelected : .input, glyphs: g)
                if focused { canvas.put(" \(g.arrowRight)", x: x, y: y, role: .input) }
            }
            if focused, let hint = field.hint {
                canvas.text(state.text(hint), x: valueX, y: y + 1, width: valueWidth, role: .dim, glyphs: g)
            }
            y += 2
        }
        if !errorLines.isEmpty {
            let top = max(y, box.maxY - 1 - errorLines.count)
            for (i, line) in errorLines.enumerated() where top + i < box.maxY - 1 {
                canvas.text(line, x: inner.x + 1, y: top + i, width: inner.width - 2, role: .error, glyphs: g)
            }
        } else if form.saving {
            canvas.text(g.ellipsis, x: inner.x + 1, y: box.maxY - 2, width: 3, role: .dim, glyphs: g)
        }
    }
}
