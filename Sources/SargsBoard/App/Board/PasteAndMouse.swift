import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

// A paste and the mouse: input that is not a key. A paste is text, never
// commands; a click selects, a double click opens, the wheel scrolls, a
// click on the key bar presses that key.

/// A paste: inserted whole at the cursor of the focused field (line breaks
/// kept in notes and decisions, spaces elsewhere), refused whole when it
/// would pass the field's limit; on the search line, its first line; on the
/// board, a search for its first line; elsewhere nothing, and the board says why.
func reducePaste(_ state: inout AppState, _ text: String) -> [Effect] {
    if let confirmation = state.confirmation {
        let answers = answerHint(state, confirmation.action)
        state.message = Message(.error, p("ielīmētais netika izmantots; atbildiet uz jautājumu: \(answers.lv)",
                                          "the paste was not used; answer the question: \(answers.en)"))
        return []
    }
    if var form = state.form {
        guard !form.saving, form.fields.indices.contains(form.focus) else { return [] }
        form.error = form.fields[form.focus].insert(text, choiceKeys: choiceKeys(state))
        showScheduleBack(&form, state)
        state.form = form
        return []
    }
    // The search line is one line: breaks and tabs become spaces, other controls go.
    let firstLine = String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
        if scalar == "\n" || scalar == "\r" || scalar == "\t" { return " " }
        return FreeText.isRefusedControl(scalar.value) ? nil : scalar
    })).trimmingCharacters(in: .whitespaces)
    if state.searching || state.screen == .board || state.screen == .journal {
        guard !firstLine.isEmpty else { return [] }
        let wasSearching = state.searching
        state.searching = true
        if state.screen == .journal {
            state.journalFilter += firstLine
        } else {
            state.filter.text += firstLine
            state.relayout()
        }
        if !wasSearching || text.contains("\n") {
            state.message = Message(.notice, p("Meklē ielīmēto (rindas savienotas)", "Searching for the paste (its lines joined)"))
        }
        return []
    }
    state.message = Message(.error, p("ielīmēt var laukā (formā) vai meklēšanā; nekas netika mainīts",
                                      "a paste needs a field (a form) or the search; nothing was changed"))
    return []
}

/// A click, double click or wheel turn, at a cell of the screen.
func reduceMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
    // Below the smallest size nothing is readable, so nothing is clicked.
    guard state.width >= BoardMetrics.minWidth, state.height >= BoardMetrics.minHeight else { return [] }
    let wheel = event.kind == .wheelUp || event.kind == .wheelDown
    // The key bar: a click presses the key it names.
    if !wheel, event.y == state.frame.keyBar.y {
        guard let hint = keyBarHints(state, width: state.width).first(where: { event.x >= $0.x && event.x < $0.x + $0.width }) else {
            return []
        }
        return reduceAction(&state, .key(hint.key))
    }
    if let confirmation = state.confirmation {
        let answers = answerHint(state, confirmation.action)
        state.message = Message(.error, p("vispirms atbildiet uz jautājumu: \(answers.lv)", "answer the question first: \(answers.en)"))
        return []
    }
    if let form = state.form {
        return mouseInForm(&state, form, event)
    }
    if state.searching { state.searching = false }
    let area = state.frame.body
    switch state.screen {
    case .board:
        return mouseOnBoard(&state, event, area: area)
    case .agenda:
        return mouseOnAgenda(&state, event, area: area)
    case .meetings:
        return mouseOnMeetings(&state, event, area: area)
    case .chair:
        guard wheel else { return [] }
        return perform(&state, event.kind == .wheelUp ? .left : .right)
    default:
        guard wheel else { return [] }
        return perform(&state, event.kind == .wheelUp ? .up : .down)
    }
}

private func mouseInForm(_ state: inout AppState, _ form: Form, _ event: MouseEvent) -> [Effect] {
    let layout = FormLayout(form, state: state, width: state.width, height: state.height)
    guard event.y >= layout.top, let field = layout.fieldRows.firstIndex(where: { $0.contains(event.y) }),
          event.x >= layout.box.x, event.x < layout.box.maxX else { return [] }
    if event.kind == .click || event.kind == .doubleClick {
        state.form?.focus = field
        // A click on a choice turns it, as ← and → do: its ◀ (in the gap before it) back, the rest on.
        if case .choice = form.fields[field].value, field == form.focus, event.x >= layout.valueX - 2 {
            let keyMap = state.keyMap
            _ = state.form?.fields[field].edit(keyMap.key(event.x < layout.valueX ? .fieldLeft : .fieldRight), keyMap: keyMap)
        }
    }
    return []
}

private func mouseOnBoard(_ state: inout AppState, _ event: MouseEvent, area: Rect) -> [Effect] {
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

private func mouseOnAgenda(_ state: inout AppState, _ event: MouseEvent, area: Rect) -> [Effect] {
    switch event.kind {
    case .wheelUp: return perform(&state, .up)
    case .wheelDown: return perform(&state, .down)
    case .click, .doubleClick:
        guard let draft = state.draft, let view = state.currentAgendaView else { return [] }
        // The same scroll as the agenda screen draws.
        let cursorLine = view.lineOfItem.indices.contains(draft.cursor) ? view.lineOfItem[draft.cursor]
            : view.lineOfDecision.indices.contains(draft.cursor - view.order.count) ? view.lineOfDecision[draft.cursor - view.order.count] : 0
        let scroll = max(0, min(cursorLine - area.height / 2, view.lines.count - area.height))
        let index = scroll + event.y - area.y
        guard view.lines.indices.contains(index) else { return [] }
        switch view.lines[index] {
        case .item(let i): state.draft?.cursor = i
        case .decision(let i): state.draft?.cursor = view.order.count + i
        default: return []
        }
        return event.kind == .doubleClick ? perform(&state, .open) : []
    }
}

private func mouseOnMeetings(_ state: inout AppState, _ event: MouseEvent, area: Rect) -> [Effect] {
    switch event.kind {
    case .wheelUp: return perform(&state, .up)
    case .wheelDown: return perform(&state, .down)
    case .click, .doubleClick:
        let (lines, cursorLine) = MeetingsScreen.lines(state)
        guard let cursorLine else { return [] }
        // The same scroll as the meetings screen draws; meetings are listed one a line from the first.
        let scroll = max(0, cursorLine - area.height + 2)
        let index = scroll + event.y - area.y
        let meeting = index - (cursorLine - state.meetingsCursor)
        guard lines.indices.contains(index), state.meetingsInOrder.indices.contains(meeting) else { return [] }
        state.meetingsCursor = meeting
        return event.kind == .doubleClick ? perform(&state, .open) : []
    }
}
