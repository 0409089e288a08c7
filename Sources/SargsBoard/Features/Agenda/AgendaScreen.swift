import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The agenda of SPEC §5 for the draft's date and kind, grouped by owner, with
/// a cursor over the items; upcoming deadlines and open decisions below.
enum AgendaScreen {
    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        guard let draft = state.agenda.draft, let view = state.currentAgendaView else { return }
        let (cursorLine, scroll) = placement(view, draft, area: area)
        ScrollingText.render(count: view.lines.count, line: { line(view.lines[$0], view, draft, state) }, scroll: scroll,
                             focus: cursorLine, state: state, into: &canvas, in: area)
    }

    /// The line of the cursor, and the scroll that keeps it in the middle of the view.
    private static func placement(_ view: AgendaView, _ draft: MeetingDraft, area: Rect) -> (cursorLine: Int, scroll: Int) {
        let cursorLine = view.lineOfItem.indices.contains(draft.cursor) ? view.lineOfItem[draft.cursor]
            : view.lineOfDecision.indices.contains(draft.cursor - view.order.count) ? view.lineOfDecision[draft.cursor - view.order.count] : 0
        return (cursorLine, max(0, min(cursorLine - area.height / 2, view.lines.count - area.height)))
    }

    /// The line of the view under row `y` (a click), as `render` drew it.
    static func line(at y: Int, _ view: AgendaView, _ draft: MeetingDraft, _ state: AppState, area: Rect) -> Int? {
        let (cursorLine, scroll) = placement(view, draft, area: area)
        return ScrollingText.line(at: y, count: view.lines.count, line: { line(view.lines[$0], view, draft, state) }, scroll: scroll,
                                  focus: cursorLine, state: state, area: area)
    }

    /// The text of one line of the view.
    static func line(_ line: AgendaView.Line, _ view: AgendaView, _ draft: MeetingDraft, _ state: AppState) -> [(String, Role)] {
        let lv = state.language == .lv
        let agenda = view.agenda
        switch line {
        case .heading:
            let kind = draft.kind == .regular ? (lv ? "kārtējā sēde" : "regular meeting") : (lv ? "ārkārtas sēde" : "emergency meeting")
            // When and where it sits (issue 26), as the meeting form set them.
            let time = draft.time.map { lv ? " plkst. \($0)" : " at \($0)" } ?? ""
            return [("\(draft.date)\(time) · \(kind)", .emphasis), (draft.topic.map { " · \($0)" } ?? "", .emphasis),
                    (draft.place.map { " · \($0)" } ?? "", .dim)]
        case .review:
            // The rule of four counts quarters with a held regular meeting (issue 26).
            return [(lv ? "Pārskata periods \(agenda.reviewFrom) – \(agenda.date) · ceturkšņi ar sēdi \(agenda.date.year): \(agenda.quartersHeld) no \(agenda.meetingsRequired)"
                        : "Review period \(agenda.reviewFrom) – \(agenda.date) · quarters met in \(agenda.date.year): \(agenda.quartersHeld) of \(agenda.meetingsRequired)", .dim)]
        case .saved:
            return savedLine(state)
        case .blank:
            return []
        case .nothing:
            if !draft.removed.isEmpty {
                return [(lv ? "Darba kārtībā nav jautājumu (visi izņemti)." : "The agenda has no items (all removed).", .notice)]
            }
            return [(lv ? "Nav jautājumu: nekas nav nokavēts." : "No items: nothing is overdue.", .notice)]
        case .owner(let owner, let count):
            let name = state.plan.institution(owner).map { $0.name(in: state.language) } ?? owner
            return [("\(owner) · \(name) (\(count))", .columnTitle)]
        case .item(let index):
            return itemLine(index, view, draft, state)
        case .upcomingHeading:
            return [(lv ? "Tuvākie termiņi (91 diena)" : "Coming deadlines (91 days)", .columnTitle)]
        case .upcoming(let i):
            let u = agenda.upcoming[i]
            return [("  \(u.activity) ", .emphasis), ((lv ? "līdz " : "due ") + u.due.description, .badgeUpcoming), ("  " + u.title, .dim)]
        case .decisionsHeading:
            return [(lv ? "Atvērtie lēmumi (\(agenda.decisions.count))" : "Open decisions (\(agenda.decisions.count))", .columnTitle)]
        case .noDecisions:
            return [(lv ? "  nav" : "  none", .dim)]
        case .decision(let i):
            let d = agenda.decisions[i]
            let selected = draft.cursor == view.order.count + i
            // The due date before the text, so a narrow screen cuts the text, never the date.
            return [(state.marker(selected), state.highlight(selected, .background)),
                    ("Nr. \(d.id) [\(SafeText.line(d.owner))] ", state.highlight(selected, .emphasis)),
                    ((lv ? "līdz " : "due ") + d.due.description, d.overdue ? .badgeOverdue : .dim),
                    (d.overdue ? (lv ? " nokavēts" : " overdue") : "", .badgeOverdue),
                    ("  " + SafeText.line(d.text), .background)]
        }
    }

    /// Whether the agenda shown is the one stored: "saved" only when the store holds what the screen shows.
    static func savedLine(_ state: AppState) -> [(String, Role)] {
        let lv = state.language == .lv
        let save = state.keyName(.saveMeeting)
        if let stored = state.draftMeeting {
            if stored.state != .planned {
                return [(lv ? "Sēde Nr. \(stored.id) — \(stored.state.phrase.lv)" : "Meeting \(stored.id) — \(stored.state.phrase.en)", .dim)]
            }
            if state.draftHasUnsavedChanges {
                return [(lv ? "Sēde Nr. \(stored.id) — nesaglabātas izmaiņas; \(save): saglabāt"
                            : "Meeting \(stored.id) — changes not saved; \(save) saves them", .error)]
            }
            return [(lv ? "Saglabāta kā sēde Nr. \(stored.id)" : "Saved as meeting \(stored.id)", .notice)]
        }
        return [(lv ? "Nav saglabāta — \(save): saglabāt kā plānotu sēdi" : "Not saved — \(save) saves it as a planned meeting", .dim)]
    }

    /// An item of the agenda: why it is on it, its other owners, its outcome, its title.
    static func itemLine(_ index: Int, _ view: AgendaView, _ draft: MeetingDraft, _ state: AppState) -> [(String, Role)] {
        let g = state.glyphs
        let lv = state.language == .lv
        guard let slot = view.planIndex[index] else { return [] }
        let activity = state.plan.activities[slot]
        let id = activity.id
        let selected = index == draft.cursor
        let why: String
        let role: Role
        if let item = view.reasons[id] {
            why = AgendaText.why(item, language: state.language)
            role = item.daysOverdue > 0 ? .badgeOverdue : .progress
        } else if let service = view.services[id] {
            // As `sargs agenda --kind emergency` says it: the last record and the count in 365 days.
            let last = service.lastRecord.map { lv ? "pēdējā \($0)" : "last \($0)" } ?? (lv ? "nav izpilžu" : "no records")
            why = lv ? "\(last); 365 dienās: \(service.records365)" : "\(last); in 365 days: \(service.records365)"
            role = service.lastRecord == nil ? .badgeOverdue : .progress
        } else {
            let badge = Badge(state.tracker.state(of: activity, on: draft.date), glyphs: g, language: state.language)
            why = badge.text
            role = badge.role
        }
        let others = activity.owners.dropFirst()
        var line: [(String, Role)] = [(state.marker(selected), state.highlight(selected, .background)),
                                      (id.padded(to: 5) + " ", state.highlight(selected, .emphasis))]
        // A screen reader hears whose item it is on the item's own line, not only in the heading above.
        if state.screenReader { line.append((activity.owners.joined(separator: ", ") + "  ", .dim)) }
        line.append((why, state.highlight(selected, role)))
        if !others.isEmpty, !state.screenReader { line.append(("  +" + others.joined(separator: ","), .dim)) }
        if let outcome = view.outcomes[id] { line.append(("  [" + state.text(outcome.phrase) + "]", .notice)) }
        line.append(("  " + (activity.name(in: state.language)), .dim))
        return line
    }
}
