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
        case .meetings: lines = MeetingsScreen.lines(state)
        default: lines = []
        }
        ScrollingText.render(lines, scroll: state.scroll, state: state, into: &canvas, in: area)
    }
}

/// Who changed what, newest first.
enum JournalScreen {
    static let formatter: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/Riga")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f
    }()

    static func time(_ date: Date) -> String { formatter.string(from: date) }

    static func line(_ entry: JournalEntry) -> [(String, Role)] {
        var line: [(String, Role)] = [(time(entry.time) + "  ", .dim), (entry.author + "  ", .emphasis),
                                      (entry.action + "  ", .helpKey), (entry.subject + "  ", .background)]
        if let after = entry.after { line.append((after, .dim)) } else if let before = entry.before { line.append((before, .dim)) }
        return line
    }

    static func lines(_ state: AppState) -> [[(String, Role)]] {
        let needle = BoardLayout.fold(state.journalFilter)
        let entries = needle.isEmpty ? state.journal : state.journal.filter {
            BoardLayout.fold($0.subject + " " + $0.author).contains(needle)
        }
        var out: [[(String, Role)]] = [[(state.text(p("Izmaiņu žurnāls (jaunākās augšā)", "The journal of changes (newest first)")), .emphasis)]]
        out.append([(state.journalFilter.isEmpty ? state.text(p("/ — filtrēt pēc aktivitātes vai autora", "/ filters by activity or author"))
                                                 : state.text(p("Filtrs: ", "Filter: ")) + "“\(state.journalFilter)” (\(entries.count))", .dim)])
        out.append([])
        if entries.isEmpty { out.append([(state.text(p("Nav ierakstu.", "No entries.")), .dim)]) }
        out += entries.map(line)
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
                let number = value.value.rounded() == value.value ? String(Int(value.value)) : String(value.value)
                out.append([("  " + padded + " ", .background),
                            (g.bar(fraction: maxValue > 0 ? value.value / maxValue : 0, width: barWidth), .chart),
                            (" " + number + (indicator.unit.map { " \($0)" } ?? ""), .progress)])
            }
            out.append([])
        }
        return out
    }
}

/// The meetings, planned, held and cancelled.
enum MeetingsScreen {
    static func lines(_ state: AppState) -> [[(String, Role)]] {
        let lv = state.language == .lv
        var out: [[(String, Role)]] = [[(lv ? "Sēdes" : "Meetings", .emphasis)], []]
        let meetings = state.snapshot.meetings.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        if meetings.isEmpty { out.append([(lv ? "Vēl nav nevienas sēdes." : "No meetings yet.", .dim)]) }
        for year in MeetingYear.summary(meetings) {
            out.append([(year.text(state.language), year.held < year.required ? .badgeOverdue : .notice)])
        }
        if !meetings.isEmpty { out.append([]) }
        for m in meetings {
            out.append([("#\(m.id)  \(m.date)  ", .background), (m.kind.rawValue + "  ", .helpKey), (m.state.rawValue + "  ", .emphasis),
                        ((m.topic ?? "") + (m.attendees.isEmpty ? "" : "  [" + m.attendees.joined(separator: ", ") + "]"), .dim)])
        }
        return out
    }
}
