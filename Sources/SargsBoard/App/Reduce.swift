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
        rebindDraft(&state)
        if let id = state.openActivity, state.plan.activity(id) == nil {
            state.openActivity = nil
            state.screen = .board
        }
        if state.screen == .activity, let id = state.openActivity { return loads(of: id) }
        return state.screen == .journal ? [.loadJournal(subject: nil)] : []
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
        } else {
            state.message = Message(.error, phrase)
        }
        return []
    case .journalLoaded(let entries):
        state.journal = entries
        return []
    case .recordsLoaded(let id, let records):
        if id == state.openActivity { state.openRecords = records }
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

/// The store's answer to a save: the form that asked closes, the draft
/// learns its meeting, the review goes on; the notice says what was saved.
private func reduceSaved(_ state: inout AppState, _ saved: SavedChange) -> [Effect] {
    // The form that asked for this save closes; one opened since (after a question) stays.
    if state.form?.saving == true { state.form = nil }
    var notice = saved.notice
    switch saved {
    case .meeting(let meeting):
        // The store's answer names the new meeting: the draft that asked for it is now that meeting.
        if state.draft?.meetingID == nil, state.draft?.date == meeting.date {
            state.draft?.meetingID = meeting.id
            state.draft?.base = meeting
        }
        // What is saved is undone in the store (after a question), no longer as a preparation edit.
        state.draftHistory = []
    case .meetingUpdated(let meeting):
        if state.draft?.meetingID == meeting.id {
            state.draft?.base = meeting
            // Items the store added (the question "add them?") join the draft; nothing of the draft is dropped.
            let stored = meeting.items.map(\.activity)
            if let items = state.draft?.items, Set(items).isSubset(of: Set(stored)), items.count < stored.count {
                state.draft?.items = stored
            }
        }
        state.draftHistory = []
    case .decisionDone(let id), .decisionMoved(let id, _), .decisionKeptOpen(let id):
        // The review goes on once the store has what it did (a refusal leaves the chair on the decision).
        advanceReview(&state, after: id)
    case .held:
        // The next step, with the key that takes it (from the bindings, so a rebinding never lies).
        let key = state.keyName(.minutes)
        notice = Phrase(lv: notice.lv + "; \(key) — protokols", en: notice.en + "; \(key) writes the minutes")
    default:
        break
    }
    state.message = Message(.notice, notice)
    return []
}

/// A key: a question, a form or the search line takes it first, then the
/// screen's binding, or a word on why it does nothing here.
private func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
    // Below the smallest size the board cannot be seen: nothing is saved or confirmed unseen.
    if state.width < BoardMetrics.minWidth || state.height < BoardMetrics.minHeight {
        if state.form != nil, state.keyMap.command(for: key, in: .form) == .formSave { return [] }
        if state.confirmation != nil, state.keyMap.command(for: key, in: .confirm) == .confirmYes { return [] }
    }
    if state.confirmation != nil { return reduceConfirmation(&state, key) }
    if state.form != nil { return reduceForm(&state, key) }
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

/// What the activity screen asks of the store: the activity's journal and its whole records.
func loads(of id: ActivityID) -> [Effect] {
    [.loadJournal(subject: id), .loadRecords(id)]
}

/// Opens the activity screen on `id` (from the board or the agenda) and asks for what it shows.
func openActivity(_ state: inout AppState, _ id: ActivityID) -> [Effect] {
    if state.openActivity != id { state.openRecords = [] }
    state.openActivity = id
    goTo(&state, .activity)
    return loads(of: id)
}


/// Why nothing can be changed on a store this user may only read.
let readOnlyReason = p("glabātuvi šeit drīkst tikai lasīt (jums tā ir tikai lasāma: fails, tā mape vai disks); izmaiņas nav iespējamas",
                       "the store may only be read here (it is read-only for you: its file, its folder or the disk); nothing can be changed")

/// Why a command cannot be used now, shown instead of silently doing nothing.
public func disabledReason(_ command: Command, in state: AppState) -> Phrase? {
    if state.readOnly, command.changesStore {
        return readOnlyReason
    }
    if let reason = meetingDisabledReason(command, in: state) { return reason }
    switch command {
    case .record, .status, .note, .edit:
        return target(state) == nil ? p("nav izvēlētas aktivitātes", "no activity is selected") : nil
    case .finish:
        guard let activity = target(state) else { return p("nav izvēlētas aktivitātes", "no activity is selected") }
        if !state.tracker.recordedNotFinished(activity, on: state.today) {
            let record = state.keyName(.record), status = state.keyName(.status)
            return p("\(state.keyName(.finish)) pabeidz vienreizēju aktivitāti, kurai ir ierakstīta izpilde, bet kas nav atzīmēta kā pabeigta; citādi — izpilde (\(record)) vai statuss (\(status))",
                     "\(state.keyName(.finish)) finishes a one-off activity that has a record but is not marked finished; otherwise record (\(record)) or set the status (\(status))")
        }
        return nil
    case .waive:
        guard let activity = target(state) else { return p("nav izvēlētas aktivitātes", "no activity is selected") }
        if activity.schedule.kind == .once {
            let status = state.keyName(.status)
            return p("vienreizējai aktivitātei nav atkārtotu logu, ko atbrīvot; ja tā netiks veikta — statuss “atmesta” (\(status))",
                     "a one-off has no repeating windows to waive; if it will not be done, set its status to dropped (\(status))")
        }
        if missedWindows(activity, state).isEmpty {
            return p("aktivitātei \(activity.id) nav nokavētu logu", "activity \(activity.id) has no missed window")
        }
        return nil
    case .open where state.screen == .institutions && state.readOnly:
        return readOnlyReason
    case .open where state.screen == .board:
        return state.selectedActivity == nil ? p("šajā kolonnā nav kartīšu", "this column has no cards") : nil
    case .clearFilters:
        return state.filter.isEmpty ? p("filtru nav", "there is no filter") : nil
    default:
        return nil
    }
}

/// The activity a quick edit acts on: the open one, else the selected card.
func target(_ state: AppState) -> Activity? {
    if state.screen == .activity, let id = state.openActivity { return state.plan.activity(id) }
    return state.selectedActivity
}

func missedWindows(_ activity: Activity, _ state: AppState) -> [Window] {
    state.tracker.windows(of: activity, on: state.today).filter { $0.state == .missed }.map(\.window)
}

func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
    if let reason = disabledReason(command, in: state) {
        state.message = Message(.error, reason)
        return []
    }
    if let effects = performMeeting(&state, command) { return effects }
    if let effects = performInstitutions(&state, command) { return effects }
    switch command {
    case .up: move(&state, rows: -1)
    case .down: move(&state, rows: 1)
    // A page is a column of cards on the board, a screenful of lines elsewhere.
    case .pageUp: move(&state, rows: -(state.screen == .board ? max(1, cardsPerColumn(state) - 1) : state.frame.page))
    case .pageDown: move(&state, rows: state.screen == .board ? max(1, cardsPerColumn(state) - 1) : state.frame.page)
    case .home: move(&state, rows: Int.min / 2)
    case .end: move(&state, rows: Int.max / 2)
    case .left: moveColumn(&state, by: -1)
    case .right: moveColumn(&state, by: 1)
    case .open:
        guard let activity = state.selectedActivity else { return [] }
        return openActivity(&state, activity.id)
    case .back:
        state.screen = state.screenStack.popLast() ?? .board
        state.scroll = 0
        if state.screen == .activity, let id = state.openActivity { return loads(of: id) }
        // Back on the journal: read it again, with what was saved on the screen just left.
        if state.screen == .journal { return [.loadJournal(subject: nil)] }
    case .record, .status, .note, .waive, .edit:
        guard let activity = target(state) else { return [] }
        state.form = makeForm(command, for: activity, state: state)
    case .finish:
        return finishOneOff(&state)
    case .add:
        state.form = addForm(state)
    case .undo:
        return findUndo(&state)
    case .search:
        state.searching = true
    case .filter:
        state.form = filterForm(state)
    case .overdueOnly:
        state.filter.overdueOnly.toggle()
        state.relayout()
        state.message = Message(.notice, state.filter.overdueOnly ? p("Rāda tikai nokavētās", "Showing overdue only")
                                                                  : p("Rāda visas", "Showing all"))
    case .clearFilters:
        state.filter = Filter()
        state.relayout()
        state.message = Message(.notice, p("Filtri notīrīti", "Filters cleared"))
    case .group:
        state.grouping = state.grouping.next
        state.firstColumn = 0
        state.relayout()
        state.message = Message(.notice, p("Grupēts pēc: \(state.grouping.phrase.lv)", "Grouped by \(state.grouping.phrase.en)"))
    case .meetings: goTo(&state, .meetings)
    case .institutions: goTo(&state, .institutions)
    case .journal:
        goTo(&state, .journal)
        return [.loadJournal(subject: nil)]
    case .indicators: goTo(&state, .indicators)
    case .help: goTo(&state, .help)
    case .quit:
        return quit(&state)
    default:
        break
    }
    return []
}

/// A one-off recorded but not marked finished (issue 27): marked done, through the gate, at once.
private func finishOneOff(_ state: inout AppState) -> [Effect] {
    guard let activity = target(state) else { return [] }
    do {
        return try checked(.status(activity.id, .done, note: activity.statusNote), state)
    } catch {
        state.message = Message(.error, error.phrase)
        return []
    }
}

/// In the agenda view the preparation's own last edit goes back first;
/// elsewhere the store's latest change, after a yes.
private func findUndo(_ state: inout AppState) -> [Effect] {
    if state.screen == .agenda, var previous = state.draftHistory.popLast() {
        // The draft's link to its stored meeting is not an edit: it stays.
        previous.meetingID = state.draft?.meetingID
        previous.base = state.draft?.base
        state.draft = previous
        state.message = Message(.notice, p("Atsaukta pēdējā darba kārtības izmaiņa", "The agenda's last edit is undone"))
        return []
    }
    return [.findUndo]
}

/// Quits, after a question when a preparation has edits not saved.
private func quit(_ state: inout AppState) -> [Effect] {
    // A preparation with edits not saved is not thrown away without a question.
    if !state.draftHistory.isEmpty, state.draftHasUnsavedChanges {
        ask(&state, p("Darba kārtībā ir nesaglabātas izmaiņas. Iziet bez tām?", "The agenda has changes not saved. Quit without them?"),
            yes: p("iziet bez tām", "quit without them"), onYes: [.quit])
        return []
    }
    return [.quit]
}
