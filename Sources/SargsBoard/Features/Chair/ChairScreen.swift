import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// Chair mode: first the review of earlier decisions, then one item at a
/// time, large enough to read when projected. At 120×40 and up the counter
/// is drawn in block digits and the fields are spaced over the screen; at
/// 80×24 every line that matters (the due date, the keys) fits.
enum ChairScreen {
    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        guard let draft = state.agenda.draft, let view = state.currentAgendaView else { return }
        let g = state.glyphs
        let lv = state.language == .lv
        let inner = area.inset(top: 1, left: 2, right: 2)
        let large = area.width >= 110 && area.height >= 34
        let reviewing = draft.reviewing.flatMap { view.review.indices.contains($0) ? $0 : nil }
        let (at, of) = reviewing.map { ($0 + 1, view.review.count) } ?? (draft.current + 1, view.order.count)
        let counter = "\(at) / \(of)"
        let kind = draft.kind == .regular ? (lv ? "kārtējā sēde" : "regular meeting") : (lv ? "ārkārtas sēde" : "emergency meeting")
        let stage = reviewing != nil ? (lv ? "lēmums" : "decision") : (lv ? "jautājums" : "item")
        func card(_ lines: inout Lines) {
            if let reviewing {
                reviewCard(view.review[reviewing], view: view, draft: draft, lines: &lines)
            } else if view.order.indices.contains(draft.current), let slot = view.planIndex[draft.current] {
                itemCard(state.plan.activities[slot], view: view, draft: draft, lines: &lines)
            } else {
                lines.text(lv ? "Darba kārtībā nav jautājumu." : "The agenda has no items.", role: .dim)
            }
        }
        let headline = "\(draft.date)" + (draft.time.map { lv ? " plkst. \($0)" : " at \($0)" } ?? "") + " · \(kind)"
            + (draft.meetingID.map { lv ? " Nr. \($0)" : " no. \($0)" } ?? "")
        let counterText = "\(stage) \(counter)"
        if state.screenReader {
            // A line each, read top to bottom; the cursor on the card's first line.
            var lines = Lines(canvas: canvas, x: 0, y: 0, width: Int.max / 4, textWidth: Int.max / 4, maxY: Int.max / 4, spaced: false, state: state)
            lines.collected = [[("\(stage) \(at) \(lv ? "no" : "of") \(of)", .emphasis)], [(headline, .dim)]]
            if let topic = draft.topic, draft.kind == .emergency { lines.collected?.append([((lv ? "Tēma: " : "Topic: ") + SafeText.line(topic), .emphasis)]) }
            lines.collected?.append([])
            let cardStart = lines.collected?.count ?? 0
            card(&lines)
            let hint = nextStep(state, draft: draft, view: view, reviewing: reviewing != nil)
            if !hint.isEmpty { lines.collected? += [[], [(hint, .notice)]] }
            let collected = lines.collected ?? []
            ScrollingText.render(count: collected.count, line: { collected[$0] }, scroll: 0, focus: cardStart, state: state, into: &canvas, in: area)
            return
        }
        var y = inner.y
        var textWidth = inner.width
        if large {
            let digits = BlockDigits.render(counter, glyphs: g)
            let w = digits.first?.displayWidth ?? 0
            for (i, row) in digits.enumerated() {
                canvas.text(row, x: inner.maxX - w, y: y + i, width: w, role: .emphasis, glyphs: g)
            }
            canvas.text(counterText, x: inner.maxX - w, y: y + digits.count, width: w, role: .dim, glyphs: g)
            textWidth = inner.width - w - 3
        } else {
            canvas.rightText(counterText, x: inner.x, y: y, width: inner.width, role: .emphasis)
            textWidth = inner.width - counterText.displayWidth - 2
        }
        canvas.text(headline, x: inner.x, y: y, width: textWidth, role: .dim, glyphs: g)
        y += 1
        // An emergency session is about its topic: it stays in view.
        if let topic = draft.topic, draft.kind == .emergency {
            canvas.text((lv ? "Tēma: " : "Topic: ") + SafeText.line(topic), x: inner.x, y: y, width: textWidth, role: .emphasis, glyphs: g)
            y += 1
        }
        y += large ? 2 : 1
        let bottom = inner.maxY - 2
        var lines = Lines(canvas: canvas, x: inner.x, y: y, width: inner.width, textWidth: textWidth, maxY: bottom,
                          spaced: large, state: state)
        // Only the rows beside the block counter are narrow.
        lines.narrowUntil = large ? inner.y + 6 : inner.y + 1
        if large {
            // Measured once, then set in the middle of the room left, so a projected screen is not all top.
            var measure = lines
            card(&measure)
            let spare = bottom - measure.y
            if spare > 2 { lines.y += spare / 2 }
        }
        let cardTop = lines.y
        card(&lines)
        canvas = lines.canvas
        // The item or decision at hand holds the terminal's cursor.
        canvas.focus(x: inner.x, y: cardTop)
        // The next step, on the last line of the area.
        let hint = nextStep(state, draft: draft, view: view, reviewing: reviewing != nil)
        if !hint.isEmpty {
            canvas.text(hint, x: inner.x, y: inner.maxY - 1, width: inner.width, role: .notice, glyphs: g)
        }
    }

    /// Lines written down the chair screen, a blank between fields when there is room.
    struct Lines {
        var canvas: Canvas
        var x: Int
        var y: Int
        var width: Int
        /// The width beside the block counter (the first lines).
        var textWidth: Int
        var maxY: Int
        var spaced: Bool
        let state: AppState
        /// For a screen reader: the card's lines gathered whole (a field as
        /// "label, gap, value"), to be drawn as a linear screen; nil draws.
        var collected: [[(String, Role)]]?

        var room: Bool { collected != nil || y < maxY }

        /// Rows above this stand beside the counter and take `textWidth`; the rest take `width`.
        var narrowUntil = 0

        /// The width of the current row.
        var rowWidth: Int { y < narrowUntil ? textWidth : width }

        /// Rows a title or a decision text may take: more when the screen has them.
        var titleRows: Int { max(3, min(spaced ? 8 : 6, maxY - y - 8)) }

        mutating func text(_ text: String, role: Role, pad: Bool = false) {
            if collected != nil { return collected!.append([(text, role)]) }
            guard room else { return }
            canvas.text(text, x: x, y: y, width: rowWidth, role: role, glyphs: state.glyphs, pad: pad)
            y += 1
        }

        /// A title: wrapped, up to `lines` lines.
        mutating func title(_ text: String, role: Role, lines: Int) {
            if collected != nil { return self.text(text, role: role) }
            for line in wrap(text, width: rowWidth, lines: lines, glyphs: state.glyphs) {
                self.text(line, role: role, pad: true)
            }
        }

        /// A label and its value; the value wraps onto the lines below it.
        mutating func field(_ label: Phrase, _ value: String, _ role: Role, lines: Int = 2) {
            if collected != nil { return collected!.append([(state.text(label), .dim), ("  ", .background), (value, role)]) }
            guard room else { return }
            let l = state.text(label)
            let labelWidth = 18
            canvas.text(l, x: x, y: y, width: labelWidth, role: .dim, glyphs: state.glyphs)
            let pieces = wrap(value, width: max(10, width - labelWidth), lines: lines, glyphs: state.glyphs)
            for piece in pieces {
                guard room else { return }
                canvas.text(piece, x: x + labelWidth, y: y, width: width - labelWidth, role: role, glyphs: state.glyphs)
                y += 1
            }
            if spaced { y += 1 }
        }

        mutating func gap() {
            if collected != nil { return collected!.append([]) }
            if room { y += 1 }
        }
    }

    /// What to press next, for the step at hand: the review's keys, or hold and the minutes.
    static func nextStep(_ state: AppState, draft: MeetingDraft, view: AgendaView, reviewing: Bool) -> String {
        if reviewing, state.draftMeeting?.state != .held {
            let done = state.keyName(.reviewDone), due = state.keyName(.reviewDue), open = state.keyName(.reviewOpen)
            let next = state.keyName(.right)
            return state.text(p("\(done) — izpildīts · \(due) — jauns termiņš · \(open) — paliek atvērts · \(next) — nākamais",
                                "\(done) done · \(due) new due date · \(open) stays open · \(next) next"))
        } else if let stored = state.draftMeeting, stored.state == .held {
            let hold = state.keyName(.hold), minutes = state.keyName(.minutes)
            return state.text(p("Sēde notikusi. \(minutes) — protokols, \(hold) — labot sēdes ziņas.",
                                "The meeting is held. \(minutes) writes the minutes, \(hold) edits its details."))
        } else if draft.current == view.order.count - 1 {
            let hold = state.keyName(.hold), minutes = state.keyName(.minutes)
            return state.text(p("Pēdējais jautājums. \(hold) — sēde notikusi (vieta, laiks, dalībnieki), \(minutes) — protokols.",
                                "The last item. \(hold) holds the meeting (place, times, attendees), \(minutes) writes the minutes."))
        }
        return ""
    }

    static func reviewCard(_ d: Decision, view: AgendaView, draft: MeetingDraft, lines: inout Lines) {
        let state = lines.state
        let lv = state.language == .lv
        lines.text(lv ? "Iepriekšējo lēmumu izpildes kontrole" : "Review of earlier decisions", role: .columnTitle)
        lines.gap()
        let owner = state.plan.institution(d.owner).map { "\(d.owner) \($0.name(in: state.language))" } ?? d.owner
        lines.text((lv ? "Lēmums Nr. \(d.id)   " : "Decision \(d.id)   ") + SafeText.line(owner), role: .emphasis)
        // A decision of several lines keeps its lines.
        var budget = lines.titleRows
        for line in SafeText.clean(d.text, keeping: .lines).split(separator: "\n") where budget > 0 {
            if lines.collected != nil {
                lines.text(String(line), role: .header)
                continue
            }
            let pieces = wrap(String(line), width: lines.rowWidth, lines: budget, glyphs: state.glyphs)
            for piece in pieces { lines.text(piece, role: .header, pad: true) }
            budget -= pieces.count
        }
        lines.gap()
        let overdue = d.isOpen && d.due < draft.date
        let late = overdue ? (lv ? "  NOKAVĒTS \(d.due.days(to: draft.date)) d." : "  OVERDUE \(d.due.days(to: draft.date)) d.") : ""
        lines.field(p("Termiņš", "Due"), d.due.description + late, overdue ? .badgeOverdue : .background)
        if let m = state.snapshot.meetings.first(where: { $0.id == d.meeting }) {
            lines.field(p("Pieņemts", "Taken at"), lv ? "sēdē Nr. \(m.id), \(m.date)" : "meeting \(m.id), \(m.date)", .background)
        }
        if let a = d.activity {
            let activity = state.plan.activity(a)
            let title = activity.map { $0.name(in: state.language) } ?? ""
            lines.field(p("Aktivitāte", "Activity"), SafeText.line("\(a) \(title)"), .background)
            if let activity {
                // The facts the chair closes it on (issue 27): the activity's state and its last record.
                let badge = Badge(state.tracker.state(of: activity, on: draft.date), glyphs: state.glyphs, language: state.language)
                let last = state.tracker.lastRecord(of: activity, on: draft.date)
                    .map { lv ? "pēdējā izpilde \($0)" : "last record \($0)" } ?? (lv ? "izpildes nav" : "no record")
                lines.field(p("Tās stāvoklis", "Its state"), badge.text + " · " + last, badge.role)
            }
        }
        if let r = view.reviewed[d.id] {
            var text = state.glyphs.done + " " + state.text(r.outcome.phrase)
            if r.outcome == .moved { text += " \(r.dueBefore) → \(r.dueAfter)" }
            lines.field(p("Šajā sēdē", "At this meeting"), text, .notice)
        }
    }

    static func itemCard(_ activity: Activity, view: AgendaView, draft: MeetingDraft, lines: inout Lines) {
        let state = lines.state
        let g = state.glyphs
        let owners = activity.owners.map { code in
            state.plan.institution(code).map { "\(code) \($0.name(in: state.language))" } ?? code
        }.joined(separator: ", ")
        if lines.spaced {
            // The activity's number in block digits, read from across the room.
            let digits = BlockDigits.render(SafeText.line(activity.id), glyphs: g)
            if digits.first?.isEmpty == false {
                for row in digits { lines.text(row, role: .emphasis) }
                lines.gap()
            }
        }
        lines.text("\(activity.id)   \(SafeText.line(owners))", role: .emphasis)
        lines.title(SafeText.line(activity.name(in: state.language)), role: .header, lines: lines.titleRows)
        lines.gap()
        if let item = view.reasons[activity.id] {
            lines.field(p("Kāpēc", "Why"), AgendaText.why(item, language: state.language), .badgeOverdue)
        }
        if let service = view.services[activity.id] {
            let last = service.lastRecord.map { $0.description } ?? state.text(p("nav", "none"))
            lines.field(p("365 dienās", "In 365 days"), state.text(p("\(service.records365) izpildes; pēdējā \(last)",
                                                                      "\(service.records365) records; last \(last)")), .background)
        }
        let badge = Badge(state.tracker.state(of: activity, on: draft.date), glyphs: g, language: state.language)
        lines.field(p("Stāvoklis", "State"), badge.text, badge.role)
        lines.field(p("Periods", "Period"), SafeText.line(activity.period), .background, lines: 1)
        let windows = state.tracker.windows(of: activity, on: draft.date)
        // The strip is glyphs only: a screen reader has the state's words above.
        if !windows.isEmpty, lines.room, lines.collected == nil {
            lines.canvas.text(state.text(p("Logi", "Windows")), x: lines.x, y: lines.y, width: 18, role: .dim, glyphs: g)
            var x = lines.x + 18
            // The windows up to the meeting's date, the latest that fit: the
            // future ones say nothing to the meeting (none begun: the first ones).
            let begun = windows.filter { $0.window.first <= draft.date }
            let fit = max(1, lines.width - 18)
            let shown = begun.isEmpty ? Array(windows.prefix(fit)) : Array(begun.suffix(fit))
            for w in shown { x += lines.canvas.put(w.state.glyph(g), x: x, y: lines.y, role: w.state.role) }
            lines.y += lines.spaced ? 2 : 1
        }
        let latest = state.snapshot.records.latest(of: activity.id, onOrBefore: draft.date, limit: 4)
        let shown = latest.map { $0.day.description + ($0.count > 0 ? " (+\($0.count))" : "") }
        lines.field(p("Pēdējās izpildes", "Last records"),
                    shown.isEmpty ? state.text(p("nav", "none")) : shown.joined(separator: ", "), .background, lines: 1)
        // Open decisions and the latest note, whole (their lines kept), as far as the screen has room.
        let decisions = state.snapshot.decisions.filter { $0.activity == activity.id && $0.isOpen }
        for d in decisions.prefix(3) {
            let text = SafeText.clean(d.text, keeping: .lines).replacingOccurrences(of: "\n", with: " / ")
            lines.field(p("Lēmums", "Decision"), "Nr. \(d.id) [\(SafeText.line(d.owner))] \(text) — \(d.due)",
                        d.due < draft.date ? .badgeOverdue : .background, lines: lines.spaced ? 4 : 2)
        }
        if let note = state.snapshot.notes.filter({ $0.activity == activity.id }).max(by: { $0.id < $1.id }) {
            let text = SafeText.clean(note.text, keeping: .lines).replacingOccurrences(of: "\n", with: " / ")
            lines.field(p("Piezīme", "Note"), text, .background, lines: lines.spaced ? 4 : 2)
        }
        if let outcome = view.outcomes[activity.id] {
            // With the chair's words for it, as the minutes will carry them.
            let words = state.draftMeeting?.items.first { $0.activity == activity.id }?.note.map { ": " + SafeText.line($0) } ?? ""
            lines.field(p("Iznākums", "Outcome"), g.done + " " + state.text(outcome.phrase) + words, .notice, lines: lines.spaced ? 3 : 2)
        }
    }
}

/// "3 / 17" in digits five rows high, for a room to read from the far wall.
enum BlockDigits {
    private static let font: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", " ##", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", " # ", " # ", " # "],
        "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
        "/": ["  #", "  #", " # ", "#  ", "#  "], " ": [" ", " ", " ", " ", " "], ".": [" ", " ", " ", " ", "#"],
    ]

    /// Five rows of equal width; `#` is a full block where the terminal has one.
    static func render(_ text: String, glyphs: Glyphs) -> [String] {
        let block = glyphs.isASCII ? "#" : "█"
        var rows = Array(repeating: "", count: 5)
        for (i, c) in text.enumerated() {
            guard let glyph = font[c] else { continue }
            for r in 0..<5 { rows[r] += (i > 0 ? " " : "") + glyph[r].replacingOccurrences(of: "#", with: block) }
        }
        return rows
    }
}
