import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

// The search line and a yes/no question: keys that type or answer, not commands.

/// Asks before acting: the question names what yes will do (`action`) and
/// ends with the keys that answer it, from the binding table.
func ask(_ state: inout AppState, _ question: Phrase, yes action: Phrase, onYes: [Effect], then: Command? = nil) {
    let answers = answerHint(state, action)
    state.confirmation = Confirmation(question: Phrase(lv: question.lv + " " + answers.lv, en: question.en + " " + answers.en),
                                      action: action, onYes: onYes, then: then)
}

/// "y — atsaukt, n — nē": the keys that answer a question and what each does.
func answerHint(_ state: AppState, _ action: Phrase) -> Phrase {
    let yes = state.keyName(.confirmYes), no = state.keyName(.confirmNo)
    return p("\(yes) — \(action.lv), \(no) — nē", "\(yes): \(action.en), \(no): no")
}

/// A question: its yes key runs what it names, no (or Esc) drops it; any
/// other key, moving keys first among them, does nothing but say how to answer.
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
        let answers = answerHint(state, confirmation.action)
        state.message = Message(.error, p("\(key.displayName) neatbild uz jautājumu; atbildiet: \(answers.lv)",
                                          "\(key.displayName) does not answer the question; answer \(answers.en)"))
    }
    return []
}

func reduceSearch(_ state: inout AppState, _ key: Key) -> [Effect] {
    // On the journal the text filters entries (activity or author); on the board, cards.
    let journal = state.screen == .journal
    var text = journal ? state.journal.filter : state.filter.text
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
        state.journal.filter = text
        state.scroll = 0
    } else if text != state.filter.text {
        state.filter.text = text
        state.relayout()
    }
    return []
}
