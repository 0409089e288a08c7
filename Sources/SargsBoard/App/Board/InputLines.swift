import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

// The search line and a yes/no question: keys that type or answer, not commands.

/// A yes/no question: yes runs what it asked about, no (or Esc) drops it;
/// any other key repeats the question.
func reduceConfirmation(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let confirmation = state.confirmation else { return [] }
    switch state.keyMap.command(for: key, in: .confirm) {
    case .confirmYes?:
        state.confirmation = nil
        state.message = nil
        guard let command = confirmation.then else { return confirmation.onYes }
        state.answeredYes = command
        defer { state.answeredYes = nil }
        return confirmation.onYes + perform(&state, command)
    case .confirmNo?:
        state.confirmation = nil
        state.message = Message(.notice, p("Nekas netika mainīts", "Nothing was changed"))
    default:
        let yes = state.keyName(.confirmYes), no = state.keyName(.confirmNo)
        state.message = Message(.error, p("atbildiet \(yes) (jā) vai \(no) (nē)", "answer \(yes) (yes) or \(no) (no)"))
    }
    return []
}

func reduceSearch(_ state: inout AppState, _ key: Key) -> [Effect] {
    // On the journal the text filters entries (activity or author); on the board, cards.
    let journal = state.screen == .journal
    var text = journal ? state.journalFilter : state.filter.text
    switch (state.keyMap.command(for: key, in: .search), key) {
    case (.searchDone?, _):
        state.searching = false
        return []
    case (.searchClear?, _):
        state.searching = false
        text = ""
    case (_, .backspace):
        if !text.isEmpty { text.removeLast() }
    case (_, .character(let c)):
        text.append(c)
    case (_, .control("u")):
        text = ""
    case (_, .up), (_, .down), (_, .left), (_, .right):
        state.searching = false
        return reduceAction(&state, .key(key))
    default:
        let done = state.keyName(.searchDone), clear = state.keyName(.searchClear)
        state.message = Message(.error, p("meklē vienu rindu: \(done) — gatavs, \(clear) — notīrīt", "the search is one line: \(done) ends it, \(clear) clears it"))
        return []
    }
    if journal {
        state.journalFilter = text
        state.scroll = 0
    } else if text != state.filter.text {
        state.filter.text = text
        state.relayout()
    }
    return []
}
