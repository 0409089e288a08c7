import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// Draws the whole frame for a state. The terminal writes only what changed.
public func render(_ state: AppState, into canvas: inout Canvas) {
    canvas.clear()
    let g = state.glyphs
    let bounds = canvas.bounds
    if bounds.width < BoardMetrics.minWidth || bounds.height < BoardMetrics.minHeight {
        let lines = state.language == .lv
            ? ["Logs ir par mazu:", "\(bounds.width)×\(bounds.height);", "vajag vismaz \(BoardMetrics.minWidth)×\(BoardMetrics.minHeight)."]
            : ["The window is too small:", "\(bounds.width)×\(bounds.height);", "sargs needs \(BoardMetrics.minWidth)×\(BoardMetrics.minHeight)."]
        for (i, line) in lines.enumerated() where i < bounds.height {
            canvas.text(line, x: 0, y: i, width: bounds.width, role: .emphasis, glyphs: g)
        }
        return
    }
    drawHeader(state, into: &canvas)
    let frame = FrameLayout(width: bounds.width, height: bounds.height)
    let body = frame.body
    state.screen.feature.render(state, into: &canvas, in: body)
    let status = drawStatusLine(state, into: &canvas, y: frame.status.y)
    drawKeyBar(state, into: &canvas, y: frame.keyBar.y)
    if let form = state.form { FormsFeature.render(form, state: state, into: &canvas) }
    // What takes the next key holds the terminal's cursor: a question, even over a form.
    if let question = status.question { canvas.cursor = question }
    // For a screen reader a new message holds it until the next key, so it is read where it is
    // (a save's "Izpilde pierakstīta", a refusal); then the cursor goes back to the focus.
    else if state.screenReader, state.form == nil, let message = status.message { canvas.cursor = message }
}

private func drawHeader(_ state: AppState, into canvas: inout Canvas) {
    let g = state.glyphs
    canvas.fill(Rect(x: 0, y: 0, width: canvas.width, height: 1), role: .header)
    canvas.text(headerText(state, width: canvas.width), x: 0, y: 0, width: canvas.width, role: .header, glyphs: g)
}

/// The header for `width` columns: what it says about the board (its counts
/// follow the filter) never cut; parts that only orient ("sargs", the plan,
/// the grouping, the day) give way first, one by one, when it does not fit.
func headerText(_ state: AppState, width: Int) -> String {
    let g = state.glyphs
    let plan = state.plan
    let years = plan.period.first.year == plan.period.last.year ? "\(plan.period.first.year)"
        : "\(plan.period.first.year)\(g.dash)\(plan.period.last.year)"
    // Each part with the order it gives way in (lower first); nil never goes.
    var parts: [(text: String, yields: Int?)] = [("sargs", 1), ("\(plan.municipality) \(years)", 0), (state.today.description, 3)]
    if state.screen == .board {
        parts.append((state.text(p("grupa: ", "group: ")) + state.text(state.grouping.phrase), 2))
        let overdue = state.layout.overdueShown
        // A screen reader hears where it stands first; the rest may give way.
        if state.screenReader, let position = state.screen.feature.position(state) { parts.append((state.text(position), nil)) }
        parts.append((state.language == .lv ? "nokavētas: \(overdue)" : "overdue: \(overdue)", nil))
        var filters: [String] = []
        if state.filter.overdueOnly { filters.append(state.text(p("tikai nokavētās", "overdue only"))) }
        filters += state.filter.owners.sorted()
        filters += state.filter.levels.map { Level.name($0, state.language) }
        filters += state.filter.periods.map { state.text($0.phrase) }
        filters += state.filter.states.map { state.text($0.phrase) }
        if !state.filter.text.isEmpty { filters.append("“\(state.filter.text)”") }
        if !filters.isEmpty {
            let hidden = state.layout.hidden
            let hiddenText = state.language == .lv
                ? Plural.form(hidden, .lv, one: "\(hidden) paslēpta", other: "\(hidden) paslēptas")
                : "\(hidden) hidden"
            parts.append((state.text(p("filtrs: ", "filter: ")) + filters.joined(separator: ", ") + " (\(hiddenText))", nil))
        }
    } else {
        // A screen reader hears where the list's cursor stands beside the screen's name.
        let position = state.screenReader ? state.screen.feature.position(state).map { ": " + state.text($0) } ?? "" : ""
        parts.append((state.text(state.screen.title) + position, nil))
    }
    if state.readOnly { parts.append((state.text(p("tikai lasīt", "read only")), nil)) }
    func joined() -> String { " " + parts.map(\.text).joined(separator: state.separator(g.vertical)) }
    while joined().displayWidth > width, let weakest = parts.indices.filter({ parts[$0].yields != nil })
            .min(by: { parts[$0].yields! < parts[$1].yields! }) {
        parts.remove(at: weakest)
    }
    return joined()
}

/// The most rows the status line grows to, upwards over the screen's bottom.
private func statusRowLimit(_ state: AppState) -> Int { max(1, min(6, state.frame.body.height / 3)) }

/// The status line's rows, top to bottom: a message, a question or the
/// selected card's facts, wrapped at words, never cut at the screen's width
/// (a sentence longer than `statusRowLimit` rows ends with the ellipsis).
func statusRows(_ state: AppState, width: Int) -> [(text: String, role: Role)] {
    let g = state.glyphs, limit = statusRowLimit(state)
    func wrapped(_ text: String, _ role: Role, rows: Int) -> [(text: String, role: Role)] {
        wrap(text, width: max(1, width - 2), lines: max(1, rows), glyphs: g).map { (" " + $0, role) }
    }
    if let confirmation = state.confirmation {
        // The question stays in view; a word on how to answer it stands above.
        let question = wrapped(state.text(confirmation.question), .emphasis, rows: limit)
        let message = state.message.map { wrapped(state.text($0.phrase), $0.kind == .error ? .error : .notice, rows: limit - question.count) } ?? []
        return (question.count < limit ? message : []) + question
    }
    if let message = state.message {
        return wrapped(state.text(message.phrase), message.kind == .error ? .error : .notice, rows: limit)
    }
    if state.screen == .board, let activity = state.selectedActivity {
        let goal = state.plan.goal(activity.goal)
        let level = goal.map { Level.name($0.level, state.language) } ?? ""
        let institutions = activity.owners.compactMap { state.plan.institution($0) }
        let names = institutions.map { $0.name(in: state.language) }.joined(separator: ", ")
        // The goal's whole name where there is room for it (a column's title may be cut); shortened by
        // words otherwise: without the goal, then the owners' codes for their names.
        let goalName = goal.map { "\($0.number). " + $0.name(in: state.language) }
        let dot = state.separator(g.bullet)
        let candidates = [goalName.map { " \(activity.id)\(dot)\($0)\(dot)\(level)\(dot)\(names)" },
                          " \(activity.id)\(dot)\(level)\(dot)\(names)"].compactMap { $0 }
        let line = candidates.first { $0.displayWidth <= width }
            ?? " \(activity.id)\(dot)\(level)\(dot)\(activity.owners.joined(separator: ", "))"
        return [(line, .dim)]
    }
    return []
}

/// Draws the status line (growing upwards for a long message); returns where
/// a question waiting for its answer begins and where a message begins, for the terminal's cursor.
@discardableResult
private func drawStatusLine(_ state: AppState, into canvas: inout Canvas, y: Int) -> (question: Canvas.Cursor?, message: Canvas.Cursor?) {
    let g = state.glyphs
    canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), role: .background)
    if state.searching {
        let prompt = state.text(p("Meklēt: ", "Search: "))
        var x = canvas.put(prompt, x: 0, y: y, role: .emphasis)
        x += canvas.text(state.screen == .journal ? state.journal.filter : state.filter.text, x: x, y: y, width: canvas.width - x - 1, role: .input, glyphs: g)
        // The terminal's cursor is the one a screen reader follows; the drawn one would be read aloud.
        if !state.screenReader { canvas.put(g.cursor, x: x, y: y, role: .input) }
        canvas.focus(x: x, y: y)
        return (nil, nil)
    }
    let rows = statusRows(state, width: canvas.width)
    // A question holds the terminal's cursor at its first row: it is what the board waits for.
    let question = state.confirmation == nil ? nil : rows.firstIndex { $0.role == .emphasis }
    var questionAt: Canvas.Cursor?, messageAt: Canvas.Cursor?
    for (i, row) in rows.enumerated() {
        let rowY = y - (rows.count - 1) + i
        guard rowY >= 1 else { continue }
        if i == question { questionAt = Canvas.Cursor(x: 1, y: rowY) }
        if messageAt == nil, state.message != nil, row.role != .dim, i != question { messageAt = Canvas.Cursor(x: 1, y: rowY) }
        let role = row.role == .dim ? Role.background : row.role
        canvas.fill(Rect(x: 0, y: rowY, width: canvas.width, height: 1), role: role)
        canvas.text(row.text, x: 0, y: rowY, width: canvas.width, role: row.role, glyphs: g)
    }
    return (questionAt, messageAt)
}

/// One hint of the key bar where it stands: its key as shown, its word,
/// the key it presses, and the columns it takes.
struct KeyBarHint {
    var keyText: String
    var label: String
    var key: Key
    var x: Int
    var width: Int
}

/// The key bar's hints for `width` columns: a form, the search line and a
/// question show their own keys; help and quit always show, at the end; the
/// others fill the room before them, in the table's order. Drawing and a
/// click on the bar read the same list.
func keyBarHints(_ state: AppState, width: Int) -> [KeyBarHint] {
    let g = state.glyphs
    // Each hint with the command it is for: what stays and what gives way are decided by command.
    var hints: [(String, String, Key, Command)]
    let context: KeyContext? = state.confirmation != nil ? .confirm : state.form != nil ? .form : state.searching ? .search : nil
    if let context {
        hints = state.keyMap.bindings(in: context).compactMap { binding in
            guard let bar = binding.bar, let key = binding.keys.first else { return nil }
            // A line break only where the focused field takes several lines.
            if binding.command == .formNewline, let form = state.form,
               !(form.fields.indices.contains(form.focus) && form.fields[form.focus].multiline) { return nil }
            // A question's yes is shown as what it does ("y atsaukt").
            let label = binding.command == .confirmYes ? state.confirmation.map { state.text($0.action) } ?? state.text(bar)
                : state.text(bar)
            return (g.isASCII ? key.asciiName : key.displayName, label, key, binding.command)
        }
    } else {
        hints = state.keyMap.bindings.compactMap { binding in
            guard let bar = binding.bar, binding.works(on: state.screen), let key = binding.keys.first else { return nil }
            // On a store one may only read, the bar offers no key that would change it.
            if state.readOnly && binding.command.changesStore { return nil }
            // In chair mode the bar shows the keys of the step at hand (review or items), so none is cut at 80 columns.
            // The decision keys show where a decision is at hand (the agenda's cursor on one).
            // On the agenda of a held or cancelled meeting, a record now, only the keys that still act.
            let record = state.screen == .agenda && state.draftMeeting.map { $0.state != .planned } == true
            if state.screen == .chair || record || binding.command == .reviewDone || binding.command == .reviewDue,
               disabledReason(binding.command, in: state) != nil { return nil }
            return (g.isASCII ? key.asciiName : key.displayName, state.text(bar), key, binding.command)
        }
    }
    func size(_ hint: (String, String, Key, Command)) -> Int { hint.0.displayWidth + 1 + hint.1.displayWidth + 2 }
    // Help and quit always show on a screen; in a form, a search or a question the way out does (on a
    // phone's 40 columns too), whatever else gives way.
    let essentialCommands: [Command] = switch context {
    case .form?: [.formCancel]
    case .search?: [.searchClear]
    case .confirm?: [.confirmNo]
    default: [.help, .quit]
    }
    let essentials = hints.filter { essentialCommands.contains($0.3) }
    // The last hint needs no gap after it.
    let reserved = essentials.map(size).reduce(0, +) - (essentials.isEmpty ? 0 : 2)
    // Under 60 columns (a phone), the screen's own keys (the board's Enter and r, chair mode's 1 2 3) are
    // kept before the ways to other screens and back (Esc, u, A, M, J, I, E), which help lists; what is
    // kept shows in the table's order.
    let elsewhere: Set<Command> = [.back, .undo, .agenda, .meetings, .journal, .indicators, .institutions]
    func reach(_ command: Command) -> Int { elsewhere.contains(command) ? 1 : 0 }
    let others = hints.enumerated().filter { !essentialCommands.contains($0.element.3) }
    let narrow = width < BoardMetrics.singleColumnBelow
    let byNeed = !narrow ? others : others.sorted { (reach($0.element.3), $0.offset) < (reach($1.element.3), $1.offset) }
    var kept: [(offset: Int, element: (String, String, Key, Command))] = []
    var used = 1
    for hint in byNeed {
        guard used + size(hint.element) + reserved <= width else { break }
        kept.append(hint)
        used += size(hint.element)
    }
    let fitted = kept.sorted { $0.offset < $1.offset }.map(\.element)
    var x = 1
    var out: [KeyBarHint] = []
    let shown = fitted + essentials
    for (i, (keyText, label, key, _)) in shown.enumerated() {
        let need = keyText.displayWidth + 1 + label.displayWidth + (i == shown.count - 1 ? 0 : 2)
        guard x + need <= width else { break }
        out.append(KeyBarHint(keyText: keyText, label: label, key: key, x: x, width: keyText.displayWidth + 1 + label.displayWidth))
        x += need
    }
    return out
}

private func drawKeyBar(_ state: AppState, into canvas: inout Canvas, y: Int) {
    canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), role: .statusBar)
    for hint in keyBarHints(state, width: canvas.width - readOnlyMarkWidth(state)) {
        let x = hint.x + canvas.put(hint.keyText, x: hint.x, y: y, role: .helpKey) + 1
        canvas.put(hint.label, x: x, y: y, role: .statusBar)
    }
    // A store this user may only read says so at the bar's right end, on every screen and at any width.
    if state.readOnly {
        let mark = readOnlyMark(state)
        canvas.put(mark, x: max(0, canvas.width - mark.displayWidth - 1), y: y, role: .badgeOverdue)
    }
}

private func readOnlyMark(_ state: AppState) -> String { state.text(p("TIKAI LASĪT", "READ ONLY")) }

/// The room the read-only mark takes at the bar's end (none on a store one may change).
private func readOnlyMarkWidth(_ state: AppState) -> Int {
    state.readOnly ? readOnlyMark(state).displayWidth + 2 : 0
}
