import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The one way the board's state changes: pure, no terminal, no store.
public func reduce(_ state: inout AppState, _ action: Action) -> [Effect] {
    let effects = reduceAction(&state, action)
    state.followSelection()
    state.refreshAgendaView()
    return effects
}

func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
    switch action {
    case .resize(let width, let height):
        state.width = max(width, 0)
        state.height = max(height, 0)
        return []
    case .reloaded(let snapshot):
        state.replace(snapshot: snapshot)
        // Every feature sees the new snapshot (TCA: each reducer sees the action); what it asks for is read.
        return Screen.allCases.flatMap { $0.feature.reloaded(&state) }
    case .saved(let saved):
        return reduceSaved(&state, saved)
    case .notice(let phrase):
        state.message = Message(.notice, phrase)
        return []
    case .undoFound(let entry):
        guard let entry else {
            state.message = Message(.error, p("jums nav neatsauktu izmaiņu", "you have no change left to undo"))
            return []
        }
        ask(&state, p("Atsaukt: \(JournalText.what(entry, .lv))?", "Undo: \(JournalText.what(entry, .en))?"),
            yes: p("atsaukt", "undo"), onYes: [.save(.undo(of: entry.number))])
        return []
    case .refused(let phrase):
        if state.form != nil {
            state.form?.saving = false
            state.form?.error = phrase
            state.form?.errorIsNew = true
        } else {
            state.message = Message(.error, phrase)
        }
        for screen in Screen.allCases { screen.feature.refused(&state) }
        return []
    case .journalLoaded(let entries):
        state.journal.entries = entries
        return []
    case .recordsLoaded(let id, let records):
        if id == state.activity.id { state.activity.records = records }
        return []
    case .idle:
        state.prepareForLater()
        return []
    case .dayChanged(let day):
        state.today = day
        state.relayout()
        return []
    case .key(let key):
        return reduceKey(&state, key)
    case .command(let command):
        if state.message != nil { state.message = nil }
        return perform(&state, command)
    case .paste(let text):
        if state.width < BoardMetrics.minWidth || state.height < BoardMetrics.minHeight { return [] }
        return reducePaste(&state, text)
    case .mouse(let event):
        return reduceMouse(&state, event)
    }
}

/// The store's answer to a save: the form that asked closes, each feature
/// takes what concerns it; the notice says what was saved.
private func reduceSaved(_ state: inout AppState, _ saved: SavedChange) -> [Effect] {
    // The form that asked for this save closes; one opened since (after a question) stays.
    if state.form?.saving == true { state.form = nil }
    var notice = saved.notice
    // Every feature sees what was saved: the draft learns its meeting, the review goes on.
    for screen in Screen.allCases { screen.feature.saved(&state, saved, notice: &notice) }
    state.message = Message(.notice, notice)
    return []
}

/// A key: a question, a form or the search line takes it first, then the
/// screen's binding, or a word on why it does nothing here.
private func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    // Below the smallest size the board cannot be seen: no key acts unseen (no form opens, nothing is
    // saved or confirmed, no cursor moves) but quit, outside a form and a question.
    if state.width < BoardMetrics.minWidth || state.height < BoardMetrics.minHeight {
        if state.form == nil, state.confirmation == nil, !state.searching,
           state.keyMap.command(for: key, on: state.screen) == .quit { return perform(&state, .quit) }
        return []
    }
    if state.confirmation != nil { return reduceConfirmation(&state, key) }
    if state.form != nil { return FormsFeature.key(&state, key) }
    if state.searching { return reduceSearch(&state, key) }
    if state.message != nil { state.message = nil }
    guard let command = state.keyMap.command(for: key, on: state.screen) else {
        // A key the screen has no use for says so, rather than nothing.
        let help = state.keyName(.help)
        state.message = Message(.error, p("\(key.displayName): šeit šim taustiņam nav nozīmes; \(help) — palīdzība",
                                          "\(key.displayName) does nothing here; \(help) for help"))
        return []
    }
    return perform(&state, command)
}

/// Why nothing can be changed on a store this user may only read.
let readOnlyReason = p("glabātuvi šeit drīkst tikai lasīt (jums tā ir tikai lasāma: fails, tā mape vai disks); izmaiņas nav iespējamas",
                       "the store may only be read here (it is read-only for you: its file, its folder or the disk); nothing can be changed")

/// Why a command cannot be used now, shown instead of silently doing
/// nothing: a store one may only read, else the reason of the handler the
/// screen's feature (or the app) has for it, else that nothing here takes it.
public func disabledReason(_ command: Command, in state: AppState) -> Phrase? {
    reason(command, handler(for: command, in: state), in: state)
}

/// The reason for `command` with the handler the board found for it (nil: none takes it here).
private func reason(_ command: Command, _ handler: Handler?, in state: AppState) -> Phrase? {
    if state.readOnly, command.changesStore {
        return readOnlyReason
    }
    guard let handler else { return nothingHere(command, state) }
    return handler.reason(state)
}

/// A command no feature takes on this screen (the key table and the features agree, so only a command sent by name).
private func nothingHere(_ command: Command, _ state: AppState) -> Phrase {
    let help = state.keyName(.help), title = state.screen.title
    return p("“\(command.rawValue)” ekrānā “\(title.lv)” nedara neko; \(help) — palīdzība",
             "“\(command.rawValue)” does nothing on the \(title.en) screen; \(help) for help")
}

/// Carries out a command where the board stands: routed by the screen
/// first (`Screen.feature`), then the app's own bindings; a reason is said
/// instead of acting when the handler gives one.
func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
    let handler = handler(for: command, in: state)
    if let reason = reason(command, handler, in: state) {
        state.message = Message(.error, reason)
        return []
    }
    guard let handler else { return [] }
    guard Edge.moves(command) else { return handler.run(&state) }
    // A moving key that moves nothing (the first card, the end of a list) says so, never nothing.
    let before = Edge.position(state)
    let effects = handler.run(&state)
    if effects.isEmpty, state.message == nil, Edge.position(state) == before {
        state.message = Message(.notice, Edge.phrase(command, state))
    }
    return effects
}

/// Where the board's cursors stand, to tell a moving key that moved nothing.
private enum Edge {
    static func moves(_ command: Command) -> Bool {
        switch command {
        case .up, .down, .left, .right, .pageUp, .pageDown, .home, .end: return true
        default: return false
        }
    }

    struct Position: Hashable {
        var screen: Screen, column: Int, row: Int, scroll: Int, meetings: Int, institutions: Int
        var cursor: Int?, current: Int?, reviewing: Int?
    }

    static func position(_ state: AppState) -> Position {
        let draft = state.agenda.draft
        return Position(screen: state.screen, column: state.column, row: state.row, scroll: state.scroll,
                        meetings: state.meetings.cursor, institutions: state.institutions.cursor,
                        cursor: draft?.cursor, current: draft?.current, reviewing: draft?.reviewing)
    }

    static func phrase(_ command: Command, _ state: AppState) -> Phrase {
        if state.screen == .board, state.selectedActivity == nil {
            return p("šajā kolonnā nav kartīšu", "this column has no cards")
        }
        switch command {
        case .up, .left, .pageUp, .home: return p("Tālāk nav: šis ir sākums", "Nothing further: this is the start")
        default: return p("Tālāk nav: šīs ir beigas", "Nothing further: this is the end")
        }
    }
}
