import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// Who changed what, newest first.
enum JournalFeature: TextFeature {
    static let title = p("žurnāls", "journal")
    static let entry: Command? = .journal

    /// The journal is read from the store each time it is opened.
    static func opened(_ state: inout AppState) -> [Effect] { [.loadJournal(subject: nil)] }

    /// The journal shown is read again after any change.
    static func reloaded(_ state: inout AppState) -> [Effect] {
        state.screen == .journal ? [.loadJournal(subject: nil)] : []
    }

    static func handler(_ command: Command) -> Handler? {
        command == .search ? .changing { $0.searching = true } : nil
    }

    static func time(_ date: Date) -> String { RigaTime.text(date) }

    /// One entry: its number (an undo names the entry it reverts, "atsauca #10"), its time, then the
    /// sentence `sargs log` prints too; numbers are right-aligned to `numberWidth`.
    static func line(_ entry: JournalEntry, _ language: Language, numberWidth: Int = 0) -> [(String, Role)] {
        let number = "#\(entry.id)"
        return [(String(repeating: " ", count: max(0, numberWidth - number.count)) + number + "  ", .dim),
                (time(entry.time) + "  ", .dim), (entry.author + " ", .emphasis),
                (String(JournalText.sentence(entry, language).dropFirst(SafeText.line(entry.author).count + 1)), .background)]
    }

    static func lines(_ state: AppState, width: Int) -> [[(String, Role)]] {
        let needle = BoardLayout.fold(state.journal.filter)
        let entries = needle.isEmpty ? state.journal.entries : state.journal.entries.filter {
            BoardLayout.fold($0.subject + " " + $0.author).contains(needle)
        }
        var out: [[(String, Role)]] = [[(state.text(p("Izmaiņu žurnāls (jaunākās augšā)", "The journal of changes (newest first)")), .emphasis)]]
        out.append([(state.journal.filter.isEmpty ? state.text(p("\(state.keyName(.search)) — filtrēt pēc aktivitātes vai autora", "\(state.keyName(.search)) filters by activity or author"))
                                                 : state.text(p("Filtrs: ", "Filter: ")) + "“\(state.journal.filter)” (\(entries.count))", .dim)])
        out.append([])
        if entries.isEmpty { out.append([(state.text(p("Nav ierakstu.", "No entries.")), .dim)]) }
        let numberWidth = entries.map { "#\($0.id)".count }.max() ?? 0
        out += entries.map { line($0, state.language, numberWidth: numberWidth) }
        return out
    }
}
