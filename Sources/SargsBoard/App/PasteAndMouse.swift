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
            state.journal.filter += firstLine
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
        return FormsFeature.click(&state, form, event)
    }
    if state.searching { state.searching = false }
    let area = state.frame.body
    // The screen's feature takes a click; the wheel scrolls a screen that has no use for it.
    if let effects = state.screen.feature.click(&state, event, area: area) { return effects }
    guard wheel else { return [] }
    return perform(&state, event.kind == .wheelUp ? .up : .down)
}
