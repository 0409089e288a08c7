import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The agenda, meetings, journal and indicators screens.
enum MoreScreens {
    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        let lines: [[(String, Role)]]
        switch state.screen {
        case .journal: lines = JournalScreen.lines(state)
        case .indicators: lines = IndicatorsScreen.lines(state, width: area.width - 2)
        case .agenda:
            AgendaScreen.render(state, into: &canvas, in: area)
            return
        case .meetings:
            let (list, cursorLine) = MeetingsScreen.lines(state)
            // The meeting under the cursor stays in view.
            let scroll = max(0, cursorLine.map { $0 - area.height + 2 } ?? 0)
            ScrollingText.render(list, scroll: scroll, state: state, into: &canvas, in: area)
            return
        case .institutions:
            let (list, cursorLine) = InstitutionsScreen.lines(state)
            let scroll = max(0, cursorLine.map { $0 - area.height + 2 } ?? 0)
            ScrollingText.render(list, scroll: scroll, state: state, into: &canvas, in: area)
            return
        case .meeting: lines = MeetingScreen.lines(state, width: area.width - 2)
        case .decision: lines = DecisionScreen.lines(state, width: area.width - 2)
        default: lines = []
        }
        ScrollingText.render(lines, scroll: state.scroll, state: state, into: &canvas, in: area)
    }
}

/// Who changed what, newest first.
enum JournalScreen {
    static func time(_ date: Date) -> String { RigaTime.text(date) }

    /// One entry: its number (an undo names the entry it reverts, "atsauca #10"), its time, then the
    /// sentence `sargs log` prints too; numbers are right-aligned to `numberWidth`.
    static func line(_ entry: JournalEntry, _ language: Language, numberWidth: Int = 0) -> [(String, Role)] {
        let number = "#\(entry.id)"
        return [(String(repeating: " ", count: max(0, numberWidth - number.count)) + number + "  ", .dim),
                (time(entry.time) + "  ", .dim), (entry.author + " ", .emphasis),
                (String(JournalText.sentence(entry, language).dropFirst(SafeText.line(entry.author).count + 1)), .background)]
    }

    static func lines(_ state: AppState) -> [[(String, Role)]] {
        let needle = BoardLayout.fold(state.journalFilter)
        let entries = needle.isEmpty ? state.journal : state.journal.filter {
            BoardLayout.fold($0.subject + " " + $0.author).contains(needle)
        }
        var out: [[(String, Role)]] = [[(state.text(p("Izmaiņu žurnāls (jaunākās augšā)", "The journal of changes (newest first)")), .emphasis)]]
        out.append([(state.journalFilter.isEmpty ? state.text(p("\(state.keyName(.search)) — filtrēt pēc aktivitātes vai autora", "\(state.keyName(.search)) filters by activity or author"))
                                                 : state.text(p("Filtrs: ", "Filter: ")) + "“\(state.journalFilter)” (\(entries.count))", .dim)])
        out.append([])
        if entries.isEmpty { out.append([(state.text(p("Nav ierakstu.", "No entries.")), .dim)]) }
        let numberWidth = entries.map { "#\($0.id)".count }.max() ?? 0
        out += entries.map { line($0, state.language, numberWidth: numberWidth) }
        return out
    }
}

/// The figures the plan cites, as bar charts of block characters.
enum IndicatorsScreen {
    static func lines(_ state: AppState, width: Int) -> [[(String, Role)]] {
        let g = state.glyphs
        var out: [[(String, Role)]] = []
        if state.plan.indicators.isEmpty {
            return [[(state.text(p("Plānā nav rādītāju.", "The plan cites no figures.")), .dim)]]
        }
        for indicator in state.plan.indicators {
            let title = state.language == .en ? indicator.en ?? indicator.title : indicator.title
            out.append([(title, .emphasis)])
            let source = [indicator.source, indicator.year].compactMap { $0 }.joined(separator: ", ")
            out.append([(state.text(p("Avots: ", "Source: ")) + source, .dim)])
            let labels = indicator.values.map { state.language == .en ? $0.en ?? $0.label : $0.label }
            let labelWidth = min(32, labels.map(\.displayWidth).max() ?? 0)
            let maxValue = indicator.values.map(\.value).max() ?? 0
            let barWidth = max(5, width - labelWidth - 14)
            for (label, value) in zip(labels, indicator.values) {
                let cut = DisplayWidth.truncate(label, to: labelWidth, ellipsis: g.ellipsis)
                let padded = cut + String(repeating: " ", count: max(0, labelWidth - cut.displayWidth))
                // Whole numbers without ".0"; anything too large for that (a stored 1e308) as Swift prints it.
                let number = value.value.rounded() == value.value && abs(value.value) < 1e15 ? String(Int(value.value)) : String(value.value)
                out.append([("  " + padded + " ", .background),
                            (g.bar(fraction: maxValue > 0 ? value.value / maxValue : 0, width: barWidth), .chart),
                            (" " + number + (indicator.unit.map { " \($0)" } ?? ""), .progress)])
            }
            out.append([])
        }
        return out
    }
}

/// The meetings, planned, held and cancelled; Enter opens the one under the cursor.
enum MeetingsScreen {
    /// The lines, and which of them is the meeting under the cursor.
    static func lines(_ state: AppState) -> (lines: [[(String, Role)]], cursorLine: Int?) {
        var out: [[(String, Role)]] = [[(state.text(p("Sēdes", "Meetings")), .emphasis)], []]
        let meetings = state.meetingsInOrder
        if meetings.isEmpty { out.append([(state.text(p("Vēl nav nevienas sēdes.", "No meetings yet.")), .dim)]) }
        for year in MeetingYear.summary(meetings, today: state.today, period: state.plan.period) {
            out.append([(year.text(state.language), year.held < year.required ? .badgeOverdue : .notice)])
        }
        if !meetings.isEmpty { out.append([]) }
        var cursorLine: Int?
        for (i, m) in meetings.enumerated() {
            let selected = i == state.meetingsCursor
            if selected { cursorLine = out.count }
            out.append([((selected ? state.glyphs.arrowRight : " ") + " #\(m.id)  \(m.date)  ", selected ? .cardSelected : .background),
                        (state.text(m.kind.phrase) + "  ", .helpKey), (state.text(m.state.phrase) + "  ", .emphasis),
                        (SafeText.line((m.topic ?? "") + (m.attendees.isEmpty ? "" : "  [" + m.attendees.joined(separator: ", ") + "]")), .dim)])
        }
        return (out, cursorLine)
    }
}

/// One meeting: its items with their outcomes, and its decisions (as `sargs meeting show` prints them).
enum MeetingScreen {
    /// The minutes' lines wrapped to `width`, a long line continuing under its own indent.
    static func lines(_ state: AppState, width: Int) -> [[(String, Role)]] {
        guard let id = state.openMeeting, let meeting = state.snapshot.meetings.first(where: { $0.id == id }) else {
            return [[(state.text(p("Šīs sēdes vairs nav.", "This meeting is gone.")), .dim)]]
        }
        let text = Minutes(meeting: meeting, snapshot: state.snapshot).text(state.language)
        var out: [[(String, Role)]] = []
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lead = String(line.prefix { $0 == " " })
            let pieces = wrap(String(line.dropFirst(lead.count)), width: max(10, width - lead.count - 2), lines: 50, glyphs: state.glyphs)
            if pieces.isEmpty { out.append([]) }
            for (j, piece) in pieces.enumerated() {
                out.append([(lead + (j == 0 ? "" : "  ") + piece, i == 0 ? .emphasis : .background)])
            }
        }
        return out
    }
}

/// One decision: what was decided, who answers for it, by when, the meeting
/// that took it, the activity it concerns, and what each review did with it.
enum DecisionScreen {
    static func lines(_ state: AppState, width: Int) -> [[(String, Role)]] {
        guard let id = state.openDecision, let d = state.snapshot.decisions.first(where: { $0.id == id }) else {
            return [[(state.text(p("Šī lēmuma vairs nav.", "This decision is gone.")), .dim)]]
        }
        let lv = state.language == .lv
        var out: [[(String, Role)]] = [[(lv ? "Lēmums Nr. \(d.id)" : "Decision \(d.id)", .emphasis)], []]
        for line in SafeText.clean(d.text, keeping: .lines).split(separator: "\n", omittingEmptySubsequences: false) {
            for piece in wrap(String(line), width: max(10, width - 2), lines: 20, glyphs: state.glyphs) {
                out.append([("  " + piece, .background)])
            }
        }
        out.append([])
        func field(_ label: Phrase, _ value: String, _ role: Role = .background) {
            out.append([(state.text(label).padded(to: 16), .dim), (value, role)])
        }
        let owner = state.plan.institution(d.owner).map { "\(d.owner) \($0.name(in: state.language))" } ?? d.owner
        field(p("Atbildīgais", "Owner"), SafeText.line(owner))
        let overdue = d.isOpen && d.due < state.today
        field(p("Termiņš", "Due"), d.due.description + (overdue ? (lv ? "  nokavēts \(d.due.days(to: state.today)) d." : "  overdue \(d.due.days(to: state.today)) d.") : ""),
              overdue ? .badgeOverdue : .background)
        field(p("Stāvoklis", "State"), d.doneOn.map { lv ? "\(state.glyphs.done) izpildīts \($0)" : "\(state.glyphs.done) done \($0)" }
              ?? (lv ? "atvērts" : "open"), d.isOpen ? .emphasis : .notice)
        if let m = state.snapshot.meetings.first(where: { $0.id == d.meeting }) {
            field(p("Pieņemts", "Taken at"), lv ? "sēdē Nr. \(m.id), \(m.date)" : "meeting \(m.id), \(m.date)")
        }
        if let a = d.activity {
            let title = state.plan.activity(a).map { $0.name(in: state.language) } ?? ""
            field(p("Aktivitāte", "Activity"), SafeText.line("\(a) \(title)"))
        }
        let reviews = state.snapshot.reviews.filter { $0.decision == d.id }
        if !reviews.isEmpty {
            out.append([])
            out.append([(lv ? "Izskatīts sēdēs" : "Reviewed at meetings", .columnTitle)])
            for r in reviews {
                var text = (lv ? "  Nr. \(r.meeting): " : "  meeting \(r.meeting): ") + state.text(r.outcome.phrase)
                if r.outcome == .moved { text += " \(r.dueBefore) → \(r.dueAfter)" }
                out.append([(text, .background)])
            }
        }
        if d.isOpen {
            out.append([])
            let done = state.keyName(.reviewDone), due = state.keyName(.reviewDue)
            out.append([(state.text(p("\(done) — izpildīts, \(due) — jauns termiņš", "\(done) marks it done, \(due) gives a new due date")), .dim)])
        }
        return out
    }
}

/// The plan's institutions and their mailboxes (issue 15); Enter changes the
/// mailbox of the one under the cursor.
enum InstitutionsScreen {
    static func lines(_ state: AppState) -> (lines: [[(String, Role)]], cursorLine: Int?) {
        var out: [[(String, Role)]] = [
            [(state.text(p("Iestādes un to e-pasti", "Institutions and their mailboxes")), .emphasis)],
            [(state.text(p("Uz šīm adresēm `sargs remind` sūta atgādinājumus. Enter — mainīt e-pastu.",
                           "`sargs remind` sends reminders to these addresses. Enter changes a mailbox.")), .dim)],
            [],
        ]
        var cursorLine: Int?
        let institutions = state.plan.allInstitutions
        let nameWidth = min(40, institutions.map { SafeText.line($0.name(in: state.language)).displayWidth }.max() ?? 10)
        for (i, institution) in institutions.enumerated() {
            let selected = i == state.institutionsCursor
            if selected { cursorLine = out.count }
            let code = SafeText.line(institution.code).padded(to: 5)
            let name = state.glyphs.truncate(SafeText.line(institution.name(in: state.language)), to: nameWidth)
            let padding = String(repeating: " ", count: max(0, nameWidth - name.displayWidth))
            let address = institution.email.map { ($0, Role.background) }
                ?? (state.text(p("(nav e-pasta)", "(no mailbox)")), Role.dim)
            out.append([((selected ? state.glyphs.arrowRight : " ") + " " + code + " " + name + padding + "  ",
                         selected ? .cardSelected : .background), address])
        }
        return (out, cursorLine)
    }
}
