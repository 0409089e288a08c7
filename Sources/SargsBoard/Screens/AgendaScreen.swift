import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The agenda of SPEC §5 for the draft's date and kind, grouped by owner, with
/// a cursor over the items; upcoming deadlines and open decisions below.
enum AgendaScreen {
    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        guard let draft = state.draft, let view = state.currentAgendaView else { return }
        let cursorLine = view.lineOfItem.indices.contains(draft.cursor) ? view.lineOfItem[draft.cursor] : 0
        // Scroll so the cursor's line stays in view.
        let scroll = max(0, min(cursorLine - area.height / 2, view.lines.count - area.height))
        ScrollingText.render(count: view.lines.count, line: { line(view.lines[$0], view, draft, state) }, scroll: scroll,
                             state: state, into: &canvas, in: area)
    }

    /// The text of one line of the view.
    static func line(_ line: AgendaView.Line, _ view: AgendaView, _ draft: MeetingDraft, _ state: AppState) -> [(String, Role)] {
        let g = state.glyphs
        let lv = state.language == .lv
        let agenda = view.agenda
        switch line {
        case .heading:
            let kind = draft.kind == .regular ? (lv ? "kārtējā sēde" : "regular meeting") : (lv ? "ārkārtas sēde" : "emergency meeting")
            return [("\(draft.date) · \(kind)", .emphasis), (draft.topic.map { " · \($0)" } ?? "", .emphasis)]
        case .review:
            return [(lv ? "Pārskata periods \(agenda.reviewFrom) – \(agenda.date) · sēdes \(agenda.date.year). gadā: \(agenda.meetingsHeld) no \(agenda.meetingsRequired)"
                        : "Review period \(agenda.reviewFrom) – \(agenda.date) · meetings in \(agenda.date.year): \(agenda.meetingsHeld) of \(agenda.meetingsRequired)", .dim)]
        case .saved:
            // "Saved" only when the store holds what the screen shows.
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
            guard let slot = view.planIndex[index] else { return [] }
            let activity = state.plan.activities[slot]
            let id = activity.id
            let selected = index == draft.cursor
            let why: String
            let role: Role
            if let item = view.reasons[id] {
                why = AgendaText.why(item, language: state.language)
                role = item.daysOverdue > 0 ? .badgeOverdue : .progress
            } else {
                let badge = Badge(state.tracker.state(of: activity, on: draft.date), glyphs: g, language: state.language)
                why = badge.text
                role = badge.role
            }
            let others = activity.owners.dropFirst()
            var line: [(String, Role)] = [((selected ? g.arrowRight : " ") + " ", selected ? .cardSelected : .background),
                                          (id.padded(to: 5) + " ", selected ? .cardSelected : .emphasis),
                                          (why, selected ? .cardSelected : role)]
            if !others.isEmpty { line.append(("  +" + others.joined(separator: ","), .dim)) }
            if let outcome = view.outcomes[id] { line.append(("  [" + state.text(outcome.phrase) + "]", .notice)) }
            line.append(("  " + (activity.name(in: state.language)), .dim))
            return line
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
            return [("  #\(d.id) [\(d.owner)] ", .emphasis), (d.text, .background),
                    ((lv ? " — līdz " : " — due ") + d.due.description, d.overdue ? .badgeOverdue : .dim),
                    (d.overdue ? (lv ? " nokavēts" : " overdue") : "", .badgeOverdue)]
        }
    }
}

/// Chair mode: one item at a time, large enough to read when projected.
enum ChairScreen {
    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        guard let draft = state.draft else { return }
        let g = state.glyphs
        let lv = state.language == .lv
        guard let view = state.currentAgendaView else { return }
        let order = view.order
        guard order.indices.contains(draft.current), let slot = view.planIndex[draft.current] else {
            canvas.text(lv ? "Darba kārtībā nav jautājumu." : "The agenda has no items.", x: area.x + 2, y: area.y + 1,
                        width: area.width - 4, role: .dim, glyphs: g)
            return
        }
        let activity = state.plan.activities[slot]
        let inner = area.inset(top: 1, left: 2, right: 2)
        var y = inner.y
        let counter = "\(draft.current + 1) / \(order.count)"
        let kind = draft.kind == .regular ? (lv ? "kārtējā sēde" : "regular meeting") : (lv ? "ārkārtas sēde" : "emergency meeting")
        canvas.text("\(draft.date) · \(kind)" + (draft.meetingID.map { " Nr. \($0)" } ?? ""), x: inner.x, y: y,
                    width: inner.width - counter.count - 2, role: .dim, glyphs: g)
        canvas.rightText(counter, x: inner.x, y: y, width: inner.width, role: .emphasis)
        y += 2
        let owners = activity.owners.map { code in
            state.plan.institution(code).map { "\(code) \($0.name(in: state.language))" } ?? code
        }.joined(separator: ", ")
        canvas.text("\(activity.id)   \(owners)", x: inner.x, y: y, width: inner.width, role: .emphasis, glyphs: g)
        y += 1
        let title = activity.name(in: state.language)
        for line in wrap(title, width: inner.width, lines: 3, glyphs: g) {
            canvas.text(line, x: inner.x, y: y, width: inner.width, role: .header, glyphs: g, pad: true)
            y += 1
        }
        y += 1
        func field(_ label: Phrase, _ value: String, _ role: Role) {
            guard y < inner.maxY else { return }
            let l = state.text(label)
            canvas.text(l, x: inner.x, y: y, width: 18, role: .dim, glyphs: g)
            canvas.text(value, x: inner.x + 18, y: y, width: inner.width - 18, role: role, glyphs: g)
            y += 1
        }
        if let item = view.reasons[activity.id] {
            field(p("Kāpēc", "Why"), AgendaText.why(item, language: state.language),
                  .badgeOverdue)
        }
        let badge = Badge(state.tracker.state(of: activity, on: draft.date), glyphs: g, language: state.language)
        field(p("Stāvoklis", "State"), badge.text, badge.role)
        field(p("Periods", "Period"), activity.period, .background)
        let windows = state.tracker.windows(of: activity, on: draft.date)
        if !windows.isEmpty, y < inner.maxY {
            canvas.text(state.text(p("Logi", "Windows")), x: inner.x, y: y, width: 18, role: .dim, glyphs: g)
            var x = inner.x + 18
            // The windows up to the meeting's date, the latest that fit: the
            // future ones say nothing to the meeting (none begun: the first ones).
            let begun = windows.filter { $0.window.first <= draft.date }
            let shown = begun.isEmpty ? Array(windows.prefix(max(1, inner.width - 18)))
                                      : Array(begun.suffix(max(1, inner.width - 18)))
            for w in shown { x += canvas.put(w.state.glyph(g), x: x, y: y, role: w.state.role) }
            y += 1
        }
        let latest = state.snapshot.records.latest(of: activity.id, onOrBefore: draft.date, limit: 4)
        let shown = latest.map { $0.day.description + ($0.count > 0 ? " (+\($0.count))" : "") }
        field(p("Pēdējās izpildes", "Last records"),
              shown.isEmpty ? state.text(p("nav", "none")) : shown.joined(separator: ", "), .background)
        let decisions = state.snapshot.decisions.filter { $0.activity == activity.id && $0.isOpen }
        for d in decisions.prefix(3) {
            field(p("Lēmums", "Decision"), "#\(d.id) [\(d.owner)] \(d.text) — \(d.due)", d.due < draft.date ? .badgeOverdue : .background)
        }
        if let outcome = view.outcomes[activity.id] {
            y += 1
            field(p("Iznākums", "Outcome"), g.done + " " + state.text(outcome.phrase), .notice)
        }
        if draft.current == order.count - 1, y + 1 < inner.maxY {
            let hold = state.keyName(.hold), minutes = state.keyName(.minutes)
            canvas.text(state.text(p("Pēdējais jautājums. \(hold) — sēde notikusi (dalībnieki), \(minutes) — protokols.",
                                     "The last item. \(hold) holds the meeting (attendees), \(minutes) writes the minutes.")),
                        x: inner.x, y: inner.maxY - 1, width: inner.width, role: .notice, glyphs: g)
        }
    }
}
