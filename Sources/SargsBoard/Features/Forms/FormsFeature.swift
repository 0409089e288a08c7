import SargsCore

/// The forms (issue 28: the overlay over every screen): a form open in
/// `state.form` takes the keys, the clicks and the paste before the screen,
/// and draws over it. What each form asks and saves is in `FormFeature.swift`
/// (quick edits) and the meeting forms (`Features/Agenda/MeetingForms.swift`).
enum FormsFeature {
    /// A key while a form is open: its field's editing, the form's keys, or a typed character.
    static func key(_ state: inout AppState, _ key: Key) -> [Effect] { reduceForm(&state, key) }

    /// The form drawn over the screen, in the middle (scrolled on a short screen).
    static func render(_ form: Form, state: AppState, into canvas: inout Canvas) {
        FormScreen.render(form, state: state, into: &canvas)
    }

    /// A click on a field focuses it; on a focused choice it turns it.
    static func click(_ state: inout AppState, _ form: Form, _ event: MouseEvent) -> [Effect] {
        let layout = FormLayout(form, state: state, width: state.width, height: state.height)
        guard event.y >= layout.top, let field = layout.fieldRows.firstIndex(where: { $0.contains(event.y) }),
              event.x >= layout.box.x, event.x < layout.box.maxX else { return [] }
        if event.kind == .click || event.kind == .doubleClick {
            state.form?.focus = field
            // A click on a choice turns it, as ← and → do: its ◀ (in the gap before it) back, the rest on.
            if form.fields[field].isChoice, field == form.focus, event.x >= layout.choiceMarkX,
               event.y >= layout.fieldRows[field].lowerBound + layout.labelRows {
                let keyMap = state.keyMap
                _ = state.form?.fields[field].edit(keyMap.key(event.x < layout.valueX ? .fieldLeft : .fieldRight), keyMap: keyMap)
            }
        }
        return []
    }
}
