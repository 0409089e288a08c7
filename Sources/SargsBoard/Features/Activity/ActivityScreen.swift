import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// Everything about one activity: the windows as a strip, progress toward
/// the target, records, notes and its journal. Long content scrolls.
enum ActivityScreen {
    /// One line of the screen: text pieces with their roles.
    typealias Line = [(String, Role)]

    static func lines(_ state: AppState, activity: Activity, width: Int) -> [Line] {
        var page = Page(state: state, activity: activity, width: width)
        page.title()
        page.stateAndStatus()
        page.fields()
        page.progress()
        page.windows()
        page.records()
        page.notes()
        page.decisions()
        page.meetings()
        page.journal()
        return page.out
    }

    /// The screen's lines, built section by section (issue 28: no function
    /// over 80 lines), each section a function of its own.
    struct Page {
        let state: AppState
        let activity: Activity
        let width: Int
        let g: Glyphs
        let lang: Language
        let tracker: Tracker
        let activityState: ActivityState
        var out: [Line] = []

        init(state: AppState, activity: Activity, width: Int) {
            self.state = state
            self.activity = activity
            self.width = width
            g = state.glyphs
            lang = state.language
            tracker = state.tracker
            activityState = state.state(of: activity)
        }

        mutating func heading(_ phrase: Phrase) {
            out.append([])
            out.append([(state.text(phrase), .emphasis)])
        }

        /// A field's value wraps at words under itself, never cut (a goal's long name at 80 columns).
        mutating func field(_ label: Phrase, _ value: String, _ role: Role = .background) {
            let rows = wrap(value, width: max(10, width - 14), lines: 20, glyphs: g)
            for (i, row) in (rows.isEmpty ? [""] : rows).enumerated() {
                out.append([(i == 0 ? state.text(label).padding(toLength: 14, withPad: " ", startingAt: 0) : String(repeating: " ", count: 14), .dim),
                            (row, role)])
            }
        }

        /// The id and the title, wrapped at words; the plan's own title under an English one.
        mutating func title() {
            let title = activity.name(in: lang)
            // The title wrapped once, at words; its first line beside the id.
            let titleLines = wrap(title, width: width - activity.id.displayWidth - 2, lines: 6, glyphs: g)
            out.append([(activity.id + "  ", .emphasis), (titleLines.first ?? "", .emphasis)])
            for extra in titleLines.dropFirst() {
                out.append([(String(repeating: " ", count: activity.id.displayWidth + 2) + extra, .emphasis)])
            }
            if lang == .en, activity.en != nil {
                // The plan's own title, wrapped like the rest, never cut.
                for line in wrap(activity.title, width: width - 2, lines: 6, glyphs: g) { out.append([("  " + line, .dim)]) }
            }
        }

        /// The badge, the key that finishes a one-off carried out, and the status with its reason or note.
        mutating func stateAndStatus() {
            let owed = activityState.isOverdue ? state.tracker.owed(of: activity, on: state.today) : []
            let unfinished = state.tracker.recordedNotFinished(activity, on: state.today)
            let badge = Badge(activityState, owed: owed, recordedNotFinished: unfinished, glyphs: g, language: lang)
            out.append([])
            // A one-off carried out but not marked finished offers the key that finishes it (issue 27).
            field(p("Stāvoklis", "State"), badge.text, badge.role)
            if unfinished {
                field(p("Pabeigt", "Finish"), lang == .lv ? "\(state.keyName(.finish)) — atzīmēt kā pabeigtu" : "\(state.keyName(.finish)) marks it finished")
            }
            // A reason is why it is blocked or dropped; a note left on another status is only a note.
            let isReason = activity.status == .blocked || activity.status == .dropped
            let note = activityState.blockedReason ?? activity.statusNote
            // A reason of several lines is shown whole, each line under the first.
            let noteLines = note.map { SafeText.clean($0, keeping: .lines).split(separator: "\n", omittingEmptySubsequences: false) } ?? []
            if isReason, let first = noteLines.first {
                field(p("Iemesls", "Reason"), String(first))
                for more in noteLines.dropFirst() { out.append([(String(repeating: " ", count: 14) + more, .background)]) }
            }
            // A note left with another status stands beside the status it was written with.
            if !isReason, let first = noteLines.first {
                field(p("Statuss", "Status"), state.text(activity.status.phrase) + " — " + String(first))
                for more in noteLines.dropFirst() { out.append([(String(repeating: " ", count: 14) + more, .background)]) }
            } else {
                field(p("Statuss", "Status"), state.text(activity.status.phrase))
            }
        }

        /// Goal, level, owners, funding, period, schedule and links.
        mutating func fields() {
            if let goal = state.plan.goal(activity.goal) {
                field(p("Mērķis", "Goal"), "\(goal.number). " + goal.name(in: lang))
                field(p("Līmenis", "Level"), Level.name(goal.level, lang))
            }
            let owners = activity.owners.map { code in
                state.plan.institution(code).map { "\(code) \($0.name(in: lang))" } ?? code
            }
            field(p("Atbildīgie", "Owners"), owners.joined(separator: ", "))
            field(p("Finansējums", "Funding"), activity.fundingText(lang))
            field(p("Periods", "Period"), activity.period)
            field(p("Grafiks", "Schedule"), ScheduleText.describe(activity.schedule, lang))
            for link in activity.links { field(p("Saite", "Link"), link) }
        }

        /// Progress toward the target, and the pace when behind.
        mutating func progress() {
            if let target = activity.target {
                let progress = tracker.progress(of: activity, on: state.today)
                let pace = tracker.pace(of: activity, on: state.today)
                let barWidth = max(10, min(40, width - 40))
                let bar = g.bar(fraction: Double(progress) / Double(max(target.count, 1)), width: barWidth)
                var line: Line = [(state.text(p("Progress", "Progress")).padding(toLength: 14, withPad: " ", startingAt: 0), .dim),
                                  (bar, .chart), (" \(progress)/\(target.count) \(target.unit)", .progress)]
                if let pace, pace.isBehind {
                    // For a screen reader a comma where the glyph would be read aloud.
                    let mark = state.screenReader ? ", " : " \(g.behindPace) "
                    line.append((mark + (lang == .lv ? "jābūt \(pace.expected)" : "expected \(pace.expected)"), .badgeOverdue))
                }
                out.append(line)
            }
        }

        /// The windows as a strip, their counts, the next due day and the missed ones.
        mutating func windows() {
            let windows = tracker.windows(of: activity, on: state.today)
            if !windows.isEmpty {
                heading(p("Logi", "Windows"))
                var counts: [WindowState: Int] = [:]
                for w in windows { counts[w.state, default: 0] += 1 }
                let stripWidth = max(8, width)
                // The strip is glyphs only: a screen reader hears its counts in words below instead.
                for chunkStart in stride(from: 0, to: state.screenReader ? 0 : windows.count, by: stripWidth) {
                    let chunk = windows[chunkStart..<min(windows.count, chunkStart + stripWidth)]
                    out.append(chunk.map { ($0.state.glyph(g), $0.state.role) })
                }
                if let first = windows.first, let last = windows.last {
                    // From the first window to the last; a screen reader hears a range, not "dot dot dot".
                    out.append([("\(first.window.label) \(state.screenReader ? g.dash : g.ellipsis) \(last.window.label)", .dim)])
                }
                out.append(WindowState.allCases.compactMap { ws in
                    guard let n = counts[ws] else { return nil }
                    return ("\(ws.glyph(g)) \(state.text(ws.phrase)) \(n)   ", ws.role)
                })
                // A named due day inside each window: the next one still to meet.
                if activity.schedule.due != nil,
                   let next = windows.first(where: { ($0.state == .open || $0.state == .future) && $0.window.due >= state.today }) {
                    out.append([(state.text(p("Nākamais termiņš: ", "Next due: ")), .dim),
                                ("\(next.window.due) (\(next.window.label))", .windowOpen)])
                }
                let missed = windows.filter { $0.state == .missed }.map(\.window.label)
                if !missed.isEmpty {
                    // The most recent ones, as many as fit the line.
                    var shown: [String] = []
                    let room = width - 14
                    for label in missed.reversed() {
                        let next = ([label] + shown).joined(separator: ", ")
                        if next.displayWidth + 2 > room { break }
                        shown.insert(label, at: 0)
                    }
                    let more = shown.count < missed.count ? g.ellipsis + " " : ""
                    out.append([(state.text(p("Nokavēti: ", "Missed: ")), .dim), (more + shown.joined(separator: ", "), .windowMissed)])
                }
            }
        }

        /// The records, newest first.
        mutating func records() {
            // The count comes from the snapshot; the lines (notes, authors) from the store, newest first.
            let total = state.snapshot.records.count(of: activity.id)
            let records = state.activity.records.filter { $0.activity == activity.id }.reversed()
            heading(p("Izpildes (\(total))", "Records (\(total))"))
            if total == 0 { out.append([(state.text(p("Vēl nav nevienas.", "None yet.")), .dim)]) }
            for record in records.prefix(50) {
                var line: Line = [(record.date.description, .background)]
                if let count = record.count { line.append(("  +\(count)", .progress)) }
                let noteLines = record.note.map { SafeText.clean($0, keeping: .lines).split(separator: "\n", omittingEmptySubsequences: false) } ?? []
                if let first = noteLines.first { line.append(("  " + first, .background)) }
                line.append(("  " + SafeText.line(record.author), .dim))
                out.append(line)
                // The rest of a note of several lines, under it.
                for more in noteLines.dropFirst() { out.append([("             " + more, .background)]) }
            }
        }

        /// The notes, newest first, each whole.
        mutating func notes() {
            let notes = state.snapshot.notes.filter { $0.activity == activity.id }.sorted { $0.id > $1.id }
            heading(p("Piezīmes (\(notes.count))", "Notes (\(notes.count))"))
            if notes.isEmpty { out.append([(state.text(p("Nav piezīmju.", "No notes.")), .dim)]) }
            for note in notes.prefix(50) {
                // A note of several lines is shown whole, each line under the first.
                let lines = SafeText.clean(note.text, keeping: .lines).split(separator: "\n", omittingEmptySubsequences: false)
                let lead = JournalFeature.time(note.time) + "  " + SafeText.line(note.author) + ": "
                out.append([(JournalFeature.time(note.time) + "  ", .dim), (SafeText.line(note.author) + ": ", .dim),
                            (String(lines.first ?? ""), .background)])
                let indent = String(repeating: " ", count: lead.displayWidth)
                for line in lines.dropFirst() { out.append([(indent + line, .background)]) }
            }
        }

        /// The decisions about the activity, open ones first.
        mutating func decisions() {
            let decisions = state.snapshot.decisions.filter { $0.activity == activity.id }.sorted { ($0.isOpen ? 0 : 1, $0.due, $0.id) < ($1.isOpen ? 0 : 1, $1.due, $1.id) }
            heading(p("Lēmumi (\(decisions.count))", "Decisions (\(decisions.count))"))
            if decisions.isEmpty { out.append([(state.text(p("Par šo aktivitāti lēmumu nav.", "No decisions about this activity.")), .dim)]) }
            for d in decisions.prefix(50) {
                let overdue = d.isOpen && d.due < state.today
                let status = d.doneOn.map { state.text(p("izpildīts \($0)", "done \($0)")) }
                    ?? state.text(p("termiņš \(d.due)", "due \(d.due)")) + (overdue ? state.text(p(" nokavēts", " overdue")) : "")
                out.append([("Nr. \(d.id) [\(d.owner)] ", .emphasis), (status + "  ", overdue ? .badgeOverdue : d.isOpen ? .background : .notice),
                            (SafeText.line(d.text), .background), (state.text(p("  (sēde Nr. \(d.meeting))", "  (meeting \(d.meeting))")), .dim)])
            }
        }

        /// On which agendas it stood, with what outcome.
        mutating func meetings() {
            // On which agendas it stood, with what outcome.
            let history = state.snapshot.meetings.compactMap { m in m.items.first { $0.activity == activity.id }.map { (m, $0) } }
                .sorted { ($0.0.date, $0.0.id) > ($1.0.date, $1.0.id) }
            heading(p("Sēdēs (\(history.count))", "At meetings (\(history.count))"))
            if history.isEmpty { out.append([(state.text(p("Nav bijusi nevienā darba kārtībā.", "Not on any agenda yet.")), .dim)]) }
            for (m, item) in history.prefix(50) {
                let outcome = item.outcome.map { state.text($0.phrase) }
                    ?? (m.state == .held ? state.text(p("nav izskatīts", "not reached")) : state.text(m.state.phrase))
                out.append([("Nr. \(m.id)  \(m.date)  ", .emphasis), (state.text(m.kind.phrase) + "  ", .dim),
                            (outcome, item.outcome == nil ? .dim : .notice)])
            }
        }

        /// Its journal, with its decisions' entries.
        mutating func journal() {
            heading(p("Žurnāls", "Journal"))
            // The store gives the activity's journal with its decisions' entries (subject "decision N").
            let own = Set(state.snapshot.decisions.filter { $0.activity == activity.id }.map { "decision \($0.id)" })
            let journal = state.journal.entries.filter { $0.subject == activity.id || own.contains($0.subject) }
            if journal.isEmpty { out.append([(state.text(p("Nav ierakstu.", "No entries.")), .dim)]) }
            let numberWidth = journal.prefix(50).map { "#\($0.id)".count }.max() ?? 0
            for entry in journal.prefix(50) { out.append(JournalFeature.line(entry, state.language, numberWidth: numberWidth)) }
        }
    }
}
