import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The bindings no screen takes itself: going to a screen and back, help,
/// quit, undo, and the moving keys of a screen of text (they scroll it as
/// far as the screen's own lines go, `Feature.lineCount`).
enum AppFeature {
    static func handler(_ command: Command) -> Handler? {
        // A screen's own entry (`Feature.entry`): over the current screen, then what it asks for.
        if let screen = Screen.allCases.first(where: { $0.feature.entry == command }) {
            return Handler { state in
                goTo(&state, screen)
                return screen.feature.opened(&state)
            }
        }
        switch command {
        case .up, .down, .pageUp, .pageDown, .home, .end:
            return .changing { state in scroll(&state, by: cursorStep(command, page: state.frame.page)) }
        case .left, .right:
            return .changing { state in
                // Only the board has columns; say so rather than nothing.
                let sideways = state.keyName(.left) + " " + state.keyName(.right), scroll = state.keyName(.up) + " " + state.keyName(.down)
                state.message = Message(.error, p("\(sideways) pārvietojas starp tāfeles kolonnām; šeit ritina \(scroll)",
                                                  "\(sideways) move between the board's columns; here \(scroll) scroll"))
            }
        case .back: return Handler(back)
        case .agenda: return Handler(AgendaFeature.open)
        case .undo: return Handler(findUndo)
        case .quit: return Handler(quit)
        default: return nil
        }
    }

    /// Scrolls a screen of text, held within its lines, so ↑ after End moves at once.
    private static func scroll(_ state: inout AppState, by rows: Int) {
        let limit = state.screen.feature.scrollLimit(state, width: state.width - 2, height: state.frame.body.height) ?? Int.max / 4
        state.scroll = min(max(0, state.scroll &+ rows), limit)
    }

    /// Back to the screen under this one, reading again what it shows.
    private static func back(_ state: inout AppState) -> [Effect] {
        state.screen = state.screenStack.popLast() ?? .board
        state.scroll = 0
        if state.screen == .activity, let id = state.activity.id { return loads(of: id) }
        // Back on the journal: read it again, with what was saved on the screen just left.
        if state.screen == .journal { return [.loadJournal(subject: nil)] }
        return []
    }

    /// In the agenda view the preparation's own last edit goes back first;
    /// elsewhere the store's latest change, after a yes.
    private static func findUndo(_ state: inout AppState) -> [Effect] {
        if state.screen == .agenda, var previous = state.agenda.history.popLast() {
            // The draft's link to its stored meeting is not an edit: it stays.
            previous.meetingID = state.agenda.draft?.meetingID
            previous.base = state.agenda.draft?.base
            state.agenda.draft = previous
            state.message = Message(.notice, p("Atsaukta pēdējā darba kārtības izmaiņa", "The agenda's last edit is undone"))
            return []
        }
        return [.findUndo]
    }

    /// Quits, after a question when a preparation has edits not saved.
    private static func quit(_ state: inout AppState) -> [Effect] {
        if !state.agenda.history.isEmpty, state.draftHasUnsavedChanges {
            ask(&state, p("Darba kārtībā ir nesaglabātas izmaiņas. Iziet bez tām?", "The agenda has changes not saved. Quit without them?"),
                yes: p("iziet bez tām", "quit without them"), onYes: [.quit])
            return []
        }
        return [.quit]
    }
}

/// Opens a screen over the current one; `back` returns to it.
func goTo(_ state: inout AppState, _ screen: Screen) {
    guard state.screen != screen else { return }
    state.screenStack.append(state.screen)
    state.screen = screen
    state.scroll = 0
}

/// How far a list's cursor moves for a moving command: a line, a page, or to an end.
func cursorStep(_ command: Command, page: Int) -> Int {
    switch command {
    case .up: return -1
    case .down: return 1
    case .pageUp: return -page
    case .pageDown: return page
    case .home: return Int.min / 2
    default: return Int.max / 2
    }
}

/// A list's cursor after a moving command, held within the `count` lines it
/// moves over (a page is ten lines in a list whose lines are not all its own).
func cursor(_ cursor: Int, moved command: Command, count: Int) -> Int {
    min(max(cursor &+ cursorStep(command, page: 10), 0), max(0, count - 1))
}

/// What the activity screen asks of the store: the activity's journal and its whole records.
func loads(of id: ActivityID) -> [Effect] {
    [.loadJournal(subject: id), .loadRecords(id)]
}
