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

/// The figures the plan cites, as bar charts of block characters. Titles
/// and labels wrap at words, so a unit written in a label ("(% no
/// aptaujātajiem)") is never cut away from it; figures of one unit share a
/// bar scale, percentages against 100 %, and a figure alone in its unit has
/// no bar to compare; numbers use the language's decimal sign ("10,3") and
/// a unit agrees with its number ("1 gadījums", "21 gadījums", "11 gadījumi").
enum IndicatorsScreen {
    /// What a figure is counted in: the indicator's unit, else the last
    /// bracketed part of its label ("Aptaujātie speciālisti (skaits)").
    struct Unit: Hashable {
        var key: String
        var isPercent: Bool
        /// Written after the number: the indicator's own unit, or "%" for a percentage.
        var shown: String?

        init(label: String, indicator unit: String?) {
            if let unit, !unit.trimmingCharacters(in: .whitespaces).isEmpty {
                key = unit
                isPercent = unit.contains("%")
                shown = unit
            } else if label.hasSuffix(")"), let open = label.lastIndex(of: "(") {
                key = String(label[label.index(after: open)..<label.index(before: label.endIndex)])
                isPercent = key.contains("%")
                shown = isPercent ? "%" : nil
            } else {
                key = ""
                isPercent = false
                shown = nil
            }
        }
    }

    static func lines(_ state: AppState, width: Int) -> [[(String, Role)]] {
        let g = state.glyphs
        var out: [[(String, Role)]] = []
        if state.plan.indicators.isEmpty {
            return [[(state.text(p("Plānā nav rādītāju.", "The plan cites no figures.")), .dim)]]
        }
        let width = max(20, width)
        for indicator in state.plan.indicators {
            let title = state.language == .en ? indicator.en ?? indicator.title : indicator.title
            for line in wrap(title, width: width, lines: 20, glyphs: g) { out.append([(line, .emphasis)]) }
            let source = [indicator.source, indicator.year].compactMap { $0 }.joined(separator: ", ")
            for line in wrap(state.text(p("Avots: ", "Source: ")) + source, width: width, lines: 20, glyphs: g) { out.append([(line, .dim)]) }
            let labels = indicator.values.map { state.language == .en ? $0.en ?? $0.label : $0.label }
            let units = zip(labels, indicator.values).map { Unit(label: $0.0, indicator: indicator.unit) }
            // One scale per unit: a percentage against 100 %, others against the largest of their unit.
            var largest: [Unit: Double] = [:], members: [Unit: Int] = [:]
            for (unit, value) in zip(units, indicator.values) where value.value.isFinite {
                largest[unit] = max(largest[unit] ?? 0, value.value)
                members[unit, default: 0] += 1
            }
            let figures = zip(units, indicator.values).map { figure($0.1.value, unit: $0.0, state.language) }
            let figureWidth = figures.map(\.displayWidth).max() ?? 0
            let labelWidth = min(labels.map(\.displayWidth).max() ?? 0, max(12, (width - 2 - figureWidth - 2) / 2))
            let barWidth = max(0, width - 2 - labelWidth - 1 - 1 - figureWidth)
            for ((label, value), (unit, figure)) in zip(zip(labels, indicator.values), zip(units, figures)) {
                let scale: Double? = unit.isPercent ? max(100, largest[unit] ?? 0)
                    : (members[unit] ?? 0) > 1 ? largest[unit] : nil
                let bar = scale.map { $0 > 0 ? g.bar(fraction: value.value / $0, width: barWidth) : g.bar(fraction: 0, width: barWidth) }
                    ?? String(repeating: " ", count: barWidth)
                for (i, line) in wrapKeepingUnit(label, width: max(1, labelWidth), glyphs: g).enumerated() {
                    let padded = line + String(repeating: " ", count: max(0, labelWidth - line.displayWidth))
                    if i == 0 {
                        out.append([("  " + padded + " ", .background), (bar, .chart), (" " + figure, .progress)])
                    } else {
                        out.append([("  " + padded, .background)])
                    }
                }
            }
            out.append([])
        }
        return out
    }

    /// A label wrapped at words, its last bracketed part ("(% no aptaujātajiem)") kept on one line
    /// when it fits on one.
    static func wrapKeepingUnit(_ label: String, width: Int, glyphs: Glyphs) -> [String] {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "("),
              String(label[open...]).displayWidth <= width else { return wrap(label, width: width, lines: 20, glyphs: glyphs) }
        let kept = String(label[..<open]) + String(label[open...]).replacingOccurrences(of: " ", with: "\u{A0}")
        return wrap(String(kept), width: width, lines: 20, glyphs: glyphs).map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
    }

    /// A number as the language writes it ("10,3" in Latvian, "10.3" in English), whole numbers
    /// without ".0", anything too large for that as Swift prints it; with its unit, agreeing in number.
    static func figure(_ value: Double, unit: Unit, _ language: Language) -> String {
        let number: String
        if value.rounded() == value && abs(value) < 1e15 {
            number = String(Int(value))
        } else if abs(value) < 1e15, value.isFinite {
            number = language == .lv ? String(value).replacingOccurrences(of: ".", with: ",") : String(value)
        } else {
            number = String(value)
        }
        guard let shown = unit.shown else { return number }
        if shown == "%" { return number + " %" }
        // The plan writes its units in Latvian, in the plural: one of them is singular ("1 gadījums").
        return number + " " + (latvianOne(number) ? singular(shown) : shown)
    }

    /// Whether a number written in Latvian takes the singular (CLDR "one": 1, 21, 101, 0,1, 10,1; not 11 or 111).
    static func latvianOne(_ number: String) -> Bool {
        let parts = number.split(separator: ",", maxSplits: 1)
        guard let whole = parts.first, whole.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }),
              let i = Int(whole.filter(\.isNumber).suffix(3)) else { return false }
        guard parts.count == 2 else { return i % 10 == 1 && i % 100 != 11 }
        let fraction = parts[1]
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }), let f = Int(fraction.suffix(3)) else { return false }
        return fraction.count == 2 ? f % 10 == 1 && f % 100 != 11 : f % 10 == 1
    }

    /// A Latvian plural noun (or a phrase ending in one) in the singular:
    /// gadījumi → gadījums, jaunieši → jaunietis, dienas → diena, aktivitātes → aktivitāte.
    static func singular(_ plural: String) -> String {
        let endings: [(String, String)] = [("ieši", "ietis"), ("ši", "sis"), ("ņi", "nis"), ("ļi", "lis"), ("i", "s"),
                                          ("as", "a"), ("es", "e")]
        for (ending, one) in endings where plural.hasSuffix(ending) && plural.count > ending.count + 1 {
            return String(plural.dropLast(ending.count)) + one
        }
        return plural
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
            out.append([(year.text(state.language), year.quarters < year.required ? .badgeOverdue : .notice)])
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
