import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

// The agenda view and chair mode: their commands, forms and reasons.

/// Why a meeting command cannot act now, said instead of doing nothing:
/// first what the stored meeting allows (a record, a day still to come),
/// then what the draft and the command need.
func meetingDisabledReason(_ command: Command, in state: AppState) -> Phrase? {
    storedMeetingReason(command, in: state) ?? draftReason(command, in: state)
}

/// A held or cancelled meeting is a record, not a preparation; in chair
/// mode what the meeting did is marked on its day.
private func storedMeetingReason(_ command: Command, in state: AppState) -> Phrase? {
    // A meeting that is held or cancelled (here or by someone else) is a record, not a preparation.
    if state.screen == .agenda || state.screen == .chair, let stored = state.draftMeeting, stored.state != .planned {
        switch command {
        case .hold where stored.state == .held:
            break  // a held meeting's details can still be edited
        case .saveMeeting, .meetingSettings, .addItem, .removeItem, .itemUp, .itemDown, .chair, .hold,
             .discussed, .deferred, .decided, .cancelMeeting, .reviewDone, .reviewDue, .reviewOpen:
            return p("sēde Nr. \(stored.id) ir \(stored.state.phrase.lv); tās darba kārtību vairs nemaina",
                     "meeting \(stored.id) is \(stored.state.phrase.en); its agenda no longer changes")
        default:
            break
        }
    }
    // In chair mode, what the meeting did is marked on its day: a review or an outcome marked
    // before it would say that a meeting closed a decision before it sat (the chair may walk
    // through the agenda early, but not record).
    if state.screen == .chair, let stored = state.draftMeeting, stored.state == .planned, stored.date > state.today {
        switch command {
        case .discussed, .deferred, .decided, .reviewDone, .reviewDue, .reviewOpen:
            return p("sēde ir \(stored.date); tās iznākumus un lēmumu izskatīšanu atzīmē sēdes dienā (šodien \(state.today))",
                     "the meeting is on \(stored.date); what it did is marked on its day (today is \(state.today))")
        default:
            break
        }
    }
    return nil
}

/// What the draft and the command need: a prepared agenda, a saved
/// meeting, an item or a decision under the cursor.
private func draftReason(_ command: Command, in state: AppState) -> Phrase? {
    let save = state.keyName(.saveMeeting), agenda = state.keyName(.agenda)
    switch command {
    case .chair, .saveMeeting, .meetingSettings, .addItem, .removeItem, .itemUp, .itemDown, .hold, .minutes:
        guard let draft = state.draft else { return p("nav sagatavotas sēdes; \(agenda) — darba kārtība", "no meeting is prepared; \(agenda) opens the agenda") }
        switch command {
        case .chair where draft.items.isEmpty:
            return p("darba kārtībā nav neviena jautājuma", "the agenda has no items")
        case .removeItem where draft.items.isEmpty, .itemUp where draft.items.isEmpty, .itemDown where draft.items.isEmpty:
            return p("darba kārtībā nav neviena jautājuma", "the agenda has no items")
        case .hold where draft.meetingID == nil, .minutes where draft.meetingID == nil:
            return p("vispirms saglabājiet sēdi (\(save))", "save the meeting first (\(save))")
        case .minutes where state.draftHasUnsavedChanges:
            return p("darba kārtībā ir nesaglabātas izmaiņas; vispirms saglabājiet (\(save))",
                     "the agenda has changes not saved; save them first (\(save))")
        case .hold where state.draftMeeting?.state == .planned && draft.date > state.today:
            return p("sēde ir plānota \(draft.date); nākotnes sēdi nevar atzīmēt kā notikušu",
                     "the meeting is planned for \(draft.date); a meeting in the future cannot be held")
        case .removeItem, .itemUp, .itemDown:
            return state.draftOrder.indices.contains(draft.cursor) ? nil
                : p("izvēlēts lēmums, nevis jautājums; \(state.keyName(.open)) to atver", "a decision is selected, not an item; \(state.keyName(.open)) opens it")
        default:
            return nil
        }
    case .cancelMeeting:
        guard let stored = state.draftMeeting else {
            return p("šī darba kārtība nav saglabāta sēde; nav ko atcelt", "this agenda is not a saved meeting; there is nothing to cancel")
        }
        return stored.state == .planned ? nil : p("sēde Nr. \(stored.id) ir \(stored.state.phrase.lv)", "meeting \(stored.id) is \(stored.state.phrase.en)")
    case .reviewDone, .reviewDue, .reviewOpen:
        if state.screen == .agenda {
            guard let draft = state.draft, let view = state.currentAgendaView,
                  view.agenda.decisions.indices.contains(draft.cursor - view.order.count) else {
                return p("izvēlieties lēmumu sarakstā “Atvērtie lēmumi” (\(state.keyName(.end)))",
                         "select a decision under “Open decisions” (\(state.keyName(.end)))")
            }
            return nil
        }
        if state.screen == .decision {
            guard let id = state.openDecision, let d = state.snapshot.decisions.first(where: { $0.id == id }) else {
                return p("šī lēmuma vairs nav", "this decision is gone")
            }
            return d.isOpen ? nil : p("lēmums Nr. \(id) jau ir izpildīts", "decision \(id) is already done")
        }
        guard let draft = state.draft, draft.reviewing != nil, let view = state.currentAgendaView,
              let reviewing = draft.reviewing, view.review.indices.contains(reviewing) else {
            return p("tagad izskata jautājumus, nevis lēmumus; \(state.keyName(.left)) — atpakaļ pie lēmumiem",
                     "items are being called, not decisions; \(state.keyName(.left)) goes back to the decisions")
        }
        if draft.meetingID == nil { return p("sēde vēl nav saglabāta", "the meeting is not saved yet") }
        let d = view.review[reviewing]
        return d.isOpen ? nil : p("lēmums Nr. \(d.id) jau ir izpildīts; \(state.keyName(.right)) — nākamais",
                                  "decision \(d.id) is already done; \(state.keyName(.right)) goes on")
    case .discussed, .deferred, .decided:
        guard let draft = state.draft, draft.meetingID != nil else {
            return p("sēde vēl nav saglabāta", "the meeting is not saved yet")
        }
        if draft.reviewing != nil {
            let done = state.keyName(.reviewDone), due = state.keyName(.reviewDue), open = state.keyName(.reviewOpen)
            return p("vispirms iepriekšējie lēmumi: \(done) — izpildīts, \(due) — jauns termiņš, \(open) — paliek atvērts",
                     "earlier decisions first: \(done) done, \(due) new due date, \(open) stays open")
        }
        return state.draftOrder.indices.contains(draft.current) ? nil : p("nav jautājuma, ko izskatīt", "there is no item to decide on")
    default:
        return nil
    }
}

/// The agenda's draft, or nil after saying why there is none (issue 28: a
/// missing draft is a reason said, never a key that silently does nothing).
private func draftOrSaid(_ state: inout AppState) -> MeetingDraft? {
    if let draft = state.draft { return draft }
    let agenda = state.keyName(.agenda)
    state.message = Message(.error, p("darba kārtība nav atvērta; \(agenda) — atvērt", "no agenda is open; \(agenda) opens it"))
    return nil
}

/// Remembers the draft before an edit of the preparation, for `u`.
private func recordEdit(_ state: inout AppState) {
    if let draft = state.draft { state.draftHistory.append(draft) }
}

/// The agenda's, chair mode's and the meetings' commands (nil: not one of
/// theirs): each in its own function below, one line here.
func performMeeting(_ state: inout AppState, _ command: Command) -> [Effect]? {
    switch command {
    case .agenda:
        return openAgenda(&state)
    case .chair:
        return startChairing(&state)
    case .cancelMeeting:
        return askToCancelMeeting(&state)
    case .reviewDone, .reviewOpen, .reviewDue:
        return reviewDecision(&state, command)
    case .saveMeeting:
        return saveDraft(&state)
    case .meetingSettings:
        return openMeetingSettings(&state)
    case .addItem:
        return openAddItem(&state)
    case .removeItem:
        return removeDraftItem(&state)
    case .itemUp, .itemDown:
        return moveDraftItem(&state, command)
    case .discussed:
        return markDiscussed(&state)
    case .deferred:
        return markDeferred(&state)
    case .decided:
        return openDecisionForm(&state)
    case .hold:
        return holdDraftMeeting(&state)
    case .minutes:
        return writeDraftMinutes(&state)
    case .left where state.screen == .chair, .right where state.screen == .chair:
        return stepInChair(&state, command)
    case .up where state.screen == .agenda, .down where state.screen == .agenda,
         .pageUp where state.screen == .agenda, .pageDown where state.screen == .agenda,
         .home where state.screen == .agenda, .end where state.screen == .agenda:
        return moveAgendaCursor(&state, command)
    case .open where state.screen == .agenda:
        return openAgendaLine(&state)
    case .up where state.screen == .meetings, .down where state.screen == .meetings,
         .home where state.screen == .meetings, .end where state.screen == .meetings,
         .pageUp where state.screen == .meetings, .pageDown where state.screen == .meetings:
        return moveMeetingsCursor(&state, command)
    case .open where state.screen == .meetings:
        return openMeetingUnderCursor(&state)
    default:
        return nil
    }
}

private func openAgenda(_ state: inout AppState) -> [Effect] {
    // A preparation with edits is kept when the view is left (Esc) and found again; otherwise the agenda is fresh.
    if state.draft == nil || (state.screen != .agenda && state.screen != .activity && state.draftHistory.isEmpty) {
        state.draft = state.nextDraft()
        state.draftHistory = []
    }
    goTo(&state, .agenda)
    // The plan changed since the agenda was saved: adding what is new is the chair's act, asked, never silent (issue 26).
    if let stored = state.draftMeeting, stored.state == .planned, stored.prepared, !state.draftHasUnsavedChanges {
        let agenda = Agenda(snapshot: state.snapshot, meeting: stored, tracker: state.tracker)
        let new = agenda.notOnStored.map(\.activity) + agenda.notOnStoredServices.map(\.activity)
        // Asked once: after "n", the same news is not asked about again on this board.
        let declined = state.declinedNews[stored.id] ?? []
        if !new.isEmpty, !Set(new).isSubset(of: declined) {
            state.declinedNews[stored.id, default: []].formUnion(new)
            var updated = stored
            updated.items = Meeting.callingOrder(stored.items.map(\.activity) + new, in: state.plan).map { id in
                stored.items.first { $0.activity == id } ?? Meeting.Item(activity: id)
            }
            let n = new.count, ids = new.joined(separator: ", ")
            ask(&state, p("Kopš sēdes Nr. \(stored.id) darba kārtība saglabāta, plānā \(Plural.form(n, .lv, one: "nokavēts vēl \(n) jautājums", other: "nokavēti vēl \(n) jautājumi")) (\(ids)). Pievienot?",
                          "Since meeting \(stored.id)'s agenda was saved, the plan has \(n) more overdue \(n == 1 ? "item" : "items") (\(ids)). Add \(n == 1 ? "it" : "them")?"),
                yes: p("pievienot", "add"), onYes: [.save(.updateMeeting(updated, basedOn: stored))])
            return []
        }
    }
    // A planned meeting whose day is past was neither held nor cancelled: say so, with the keys that settle it.
    if let stored = state.draftMeeting, stored.state == .planned, stored.date < state.today {
        let hold = state.keyName(.hold), date = state.keyName(.meetingSettings), cancel = state.keyName(.cancelMeeting)
        state.message = Message(.error, p(
            "Sēde Nr. \(stored.id) (\(stored.date)) nav atzīmēta: \(hold) notikusi · \(date) jauns datums · \(cancel) atcelt",
            "Meeting \(stored.id) (\(stored.date)) is not settled: \(hold) held · \(date) new date · \(cancel) cancel"))
    }
    return []
}

private func startChairing(_ state: inout AppState) -> [Effect] {
    guard var draft = draftOrSaid(&state) else { return [] }
    let unsaved = state.draftHasUnsavedChanges
    // Chair mode works on the stored meeting, so outcomes and decisions have a home:
    // what is shown is saved first, after a question that says so.
    if unsaved && state.answeredYes != .chair {
        ask(&state, draft.meetingID == nil
                ? p("Darba kārtība tiks saglabāta kā plānota sēde \(draft.date). Vadīt?",
                    "The agenda will be saved as a planned meeting on \(draft.date). Chair it?")
                : p("Izmaiņas tiks saglabātas sēdē Nr. \(draft.meetingID ?? 0). Vadīt?",
                    "The changes will be saved in meeting \(draft.meetingID ?? 0). Chair it?"),
            yes: p("saglabāt un vadīt", "save and chair"), onYes: [], then: .chair)
        return []
    }
    let order = state.draftOrder
    draft.current = order.indices.contains(draft.cursor) ? draft.cursor : 0
    // A regular meeting reviews the earlier decisions first.
    let review = DecisionReview.decisions(for: draft.meeting(in: state.snapshot), in: state.snapshot)
    draft.reviewing = review.isEmpty ? nil : 0
    state.draft = draft
    goTo(&state, .chair)
    if draft.meetingID == nil { return [.save(.newMeeting(draft.meeting(in: state.snapshot)))] }
    return unsaved ? [.save(.updateMeeting(draft.meeting(in: state.snapshot), basedOn: draft.base))] : []
}

private func askToCancelMeeting(_ state: inout AppState) -> [Effect] {
    guard let stored = state.draftMeeting else { return [] }
    ask(&state, p("Atcelt sēdi Nr. \(stored.id) (\(stored.date))?", "Cancel meeting \(stored.id) (\(stored.date))?"),
        yes: p("atcelt sēdi", "cancel it"), onYes: [.save(.cancelMeeting(stored.number))])
    return []
}

private func reviewDecision(_ state: inout AppState, _ command: Command) -> [Effect] {
    let meeting: Meeting?, decision: Decision
    if state.screen == .agenda {
        guard let draft = state.draft, let view = state.currentAgendaView,
              view.agenda.decisions.indices.contains(draft.cursor - view.order.count),
              let d = state.snapshot.decisions.first(where: { $0.id == view.agenda.decisions[draft.cursor - view.order.count].id })
        else { return [] }
        meeting = nil
        decision = d
    } else if state.screen == .decision {
        guard let id = state.openDecision, let d = state.snapshot.decisions.first(where: { $0.id == id }) else { return [] }
        meeting = nil
        decision = d
    } else {
        guard let draft = state.draft, let reviewing = draft.reviewing, let view = state.currentAgendaView,
              view.review.indices.contains(reviewing) else { return [] }
        meeting = view.meeting
        decision = view.review[reviewing]
    }
    if command == .reviewDue {
        state.form = Form(kind: .decisionDue(decision.id, meeting: meeting?.id),
                          title: p("Lēmums Nr. \(decision.id): jauns termiņš", "Decision \(decision.id): new due date"), fields: [
            FormField(key: "due", label: p("Termiņš", "Due"), text: decision.due.description,
                      hint: p("GGGG-MM-DD; līdzšinējais \(decision.due)", "YYYY-MM-DD; so far \(decision.due)")),
        ])
        return []
    }
    return [.save(.review(decision: decision.number, meeting: meeting, command == .reviewDone ? .done : .open, due: decision.due,
                          today: state.today))]
}

private func saveDraft(_ state: inout AppState) -> [Effect] {
    guard let draft = draftOrSaid(&state) else { return [] }
    let meeting = draft.meeting(in: state.snapshot)
    // A saved meeting keeps its number; its date, kind, topic and items are stored together.
    return [.save(draft.meetingID == nil ? .newMeeting(meeting) : .updateMeeting(meeting, basedOn: draft.base))]
}

private func openMeetingSettings(_ state: inout AppState) -> [Effect] {
    guard let draft = draftOrSaid(&state) else { return [] }
    state.form = Form(kind: .meetingSettings, title: p("Sēde", "Meeting"), fields: [
        FormField(key: "date", label: p("Datums", "Date"), text: draft.date.description, hint: p("GGGG-MM-DD", "YYYY-MM-DD")),
        FormField(key: "kind", label: p("Veids", "Kind"),
                  choices: Meeting.Kind.allCases.map { Choice($0.rawValue, state.text($0.phrase)) },
                  selected: draft.kind == .regular ? 0 : 1),
        FormField(key: "topic", label: p("Tēma", "Topic"), text: draft.topic ?? "",
                  hint: p("ārkārtas sēdei obligāta; bez personas datiem", "required for an emergency; no personal data")),
        FormField(key: "time", label: p("Laiks", "Time"), text: draft.time?.description ?? "",
                  hint: p("SS:MM, Rīgas laikā; tukšs — nav noteikts", "HH:MM, Riga time; empty: not set")),
        FormField(key: "place", label: p("Vieta", "Place"), text: draft.place ?? "",
                  hint: p("piem. Domes zāle; bez personas datiem", "e.g. the council hall; no personal data")),
    ])
    return []
}

private func openAddItem(_ state: inout AppState) -> [Effect] {
    state.form = Form(kind: .addItem, title: p("Pievienot jautājumu", "Add an item"), fields: [
        FormField(key: "id", label: p("Aktivitāte", "Activity"), hint: p("id, piem. 2.4", "id, e.g. 2.4")),
    ])
    return []
}

private func removeDraftItem(_ state: inout AppState) -> [Effect] {
    guard var draft = draftOrSaid(&state) else { return [] }
    let order = state.draftOrder
    guard order.indices.contains(draft.cursor) else { return [] }
    recordEdit(&state)
    let id = order[draft.cursor]
    draft.items.removeAll { $0 == id }
    if draft.added.contains(id) { draft.added.removeAll { $0 == id } } else { draft.removed.insert(id) }
    draft.cursor = min(draft.cursor, max(0, draft.items.count - 1))
    state.draft = draft
    state.message = Message(.notice, p("Izņemts no darba kārtības: \(id)", "Removed from the agenda: \(id)"))
    return []
}

private func moveDraftItem(_ state: inout AppState, _ command: Command) -> [Effect] {
    guard var draft = draftOrSaid(&state) else { return [] }
    let order = state.draftOrder
    let target = draft.cursor + (command == .itemUp ? -1 : 1)
    guard order.indices.contains(draft.cursor), order.indices.contains(target),
          let a = draft.items.firstIndex(of: order[draft.cursor]), let b = draft.items.firstIndex(of: order[target]),
          state.plan.activity(order[draft.cursor])?.owners.first == state.plan.activity(order[target])?.owners.first else {
        state.message = Message(.error, p("jautājumu var pārvietot tikai savas iestādes grupā", "an item moves only within its institution's group"))
        return []
    }
    recordEdit(&state)
    draft.items.swapAt(a, b)
    draft.cursor = target
    state.draft = draft
    return []
}

private func markDiscussed(_ state: inout AppState) -> [Effect] {
    // "izskatīts" alone is allowed; the chair is offered a line for what was agreed (issue 26).
    guard let draft = state.draft, draft.meetingID != nil else { return [] }
    let activity = state.draftOrder[draft.current]
    let saved = draft.savedMeeting(in: state.snapshot)?.items.first { $0.activity == activity }
    state.form = Form(kind: .outcomeWords(activity), title: p("\(activity): izskatīts", "\(activity): discussed"), fields: [
        FormField(key: "words", label: p("Vārdi", "Words"), text: saved?.note ?? "",
                  hint: p("neobligāti, piem. SD ziņos nākamajā sēdē; \(state.keyName(.formSave)) — saglabāt",
                          "optional, e.g. SD reports at the next meeting; \(state.keyName(.formSave)) saves")),
    ])
    return []
}

private func markDeferred(_ state: inout AppState) -> [Effect] {
    guard let draft = state.draft, let id = draft.meetingID else { return [] }
    let order = state.draftOrder
    state.draft?.current = min(draft.current + 1, order.count - 1)
    return [.save(.outcome(meeting: MeetingID(id), activity: order[draft.current], .deferred))]
}

private func openDecisionForm(_ state: inout AppState) -> [Effect] {
    guard let draft = draftOrSaid(&state) else { return [] }
    let order = state.draftOrder
    guard let activity = state.plan.activity(order[draft.current]) else {
        state.message = Message(.error, p("aktivitātes \(order[draft.current]) plānā vairs nav", "activity \(order[draft.current]) is no longer in the plan"))
        return []
    }
    let owners = activity.owners + state.plan.allInstitutions.map(\.code).filter { !activity.owners.contains($0) }
    state.form = Form(kind: .decision(activity.id), title: p("Lēmums: \(activity.id)", "Decision: \(activity.id)"), fields: [
        FormField(key: "text", label: p("Lēmums", "Decision"), hint: newLine(state, p("bez personas datiem", "no personal data")),
                  multiline: true),
        FormField(key: "owner", label: p("Atbildīgais", "Owner"), choices: owners.map { Choice($0, $0) }),
        FormField(key: "due", label: p("Termiņš", "Due"), text: draft.date.adding(days: 30).description,
                  hint: p("GGGG-MM-DD", "YYYY-MM-DD")),
    ])
    return []
}

private func holdDraftMeeting(_ state: inout AppState) -> [Effect] {
    guard let draft = state.draft, let stored = state.draftMeeting else { return [] }
    // The agenda shown is stored with the meeting first (a meeting planned on the command line has none), after a question.
    if stored.state == .planned, state.draftHasUnsavedChanges, state.answeredYes != .hold {
        ask(&state, p("Darba kārtība tiks saglabāta sēdē Nr. \(stored.id). Atzīmēt kā notikušu?",
                      "The agenda will be saved in meeting \(stored.id). Mark it held?"),
            yes: p("saglabāt un atzīmēt", "save and mark it held"),
            onYes: [.save(.updateMeeting(draft.meeting(in: state.snapshot), basedOn: draft.base))], then: .hold)
        return []
    }
    state.form = holdForm(stored, draft: draft, state: state)
    return []
}

private func writeDraftMinutes(_ state: inout AppState) -> [Effect] {
    guard let id = state.draft?.meetingID else { return [] }
    return [.writeMinutes(id)]
}

private func stepInChair(_ state: inout AppState, _ command: Command) -> [Effect] {
    guard var draft = state.draft, let view = state.currentAgendaView else { return [] }
    // The review of earlier decisions comes before the items: one line of steps through both.
    let position = (draft.reviewing ?? view.review.count + draft.current) + (command == .left ? -1 : 1)
    let last = view.review.count + max(0, view.order.count - 1)
    let clamped = min(max(position, 0), last)
    if clamped < view.review.count {
        draft.reviewing = clamped
    } else {
        draft.reviewing = nil
        draft.current = clamped - view.review.count
    }
    state.draft = draft
    return []
}

private func moveAgendaCursor(_ state: inout AppState, _ command: Command) -> [Effect] {
    guard var draft = draftOrSaid(&state) else { return [] }
    // The agenda's list has two rows more above it than a plain list.
    let step = cursorStep(command, page: max(1, state.frame.page - 2))
    let count = state.currentAgendaView?.selectableCount ?? draft.items.count
    draft.cursor = min(max(draft.cursor &+ step, 0), max(0, count - 1))
    state.draft = draft
    return []
}

private func openAgendaLine(_ state: inout AppState) -> [Effect] {
    // Enter on an item opens its activity; Esc comes back to the agenda.
    guard let draft = state.draft, let view = state.currentAgendaView else { return [] }
    if draft.cursor >= view.order.count, view.agenda.decisions.indices.contains(draft.cursor - view.order.count) {
        // A decision opens in its own view; Esc comes back to the agenda.
        state.openDecision = view.agenda.decisions[draft.cursor - view.order.count].id
        goTo(&state, .decision)
        return []
    }
    guard view.order.indices.contains(draft.cursor) else {
        state.message = Message(.error, p("darba kārtībā nav neviena jautājuma", "the agenda has no items"))
        return []
    }
    let id = state.draftOrder[draft.cursor]
    guard state.plan.activity(id) != nil else { return [] }
    return openActivity(&state, id)
}

private func moveMeetingsCursor(_ state: inout AppState, _ command: Command) -> [Effect] {
    let count = state.meetingsInOrder.count
    let step = cursorStep(command, page: 10)
    state.meetingsCursor = min(max(state.meetingsCursor &+ step, 0), max(0, count - 1))
    return []
}

private func openMeetingUnderCursor(_ state: inout AppState) -> [Effect] {
    let meetings = state.meetingsInOrder
    guard meetings.indices.contains(state.meetingsCursor) else {
        state.message = Message(.error, p("vēl nav nevienas sēdes", "there are no meetings yet"))
        return []
    }
    state.openMeeting = meetings[state.meetingsCursor].id
    goTo(&state, .meeting)
    return []
}

/// Submits the meeting forms (nil: not one of theirs): settings, the
/// chair's words, an added item, a decision, holding, a new due date; each
/// in its own function below.
func submitMeetingForm(_ form: Form, _ state: inout AppState) throws(ChangeRefusal) -> [Effect]? {
    switch form.kind {
    case .meetingSettings:
        return try submitMeetingSettings(form, &state)
    case .outcomeWords(let activity):
        return try submitOutcomeWords(form, &state, activity: activity)
    case .addItem:
        return try submitAddedItem(form, &state)
    case .decision(let activity):
        return try submitDecision(form, &state, activity: activity)
    case .hold:
        return try submitHold(form, &state)
    case .decisionDue(let id, let meetingID):
        return try submitDecisionDue(form, &state, id: id, meetingID: meetingID)
    default:
        return nil
    }
}

private func submitMeetingSettings(_ form: Form, _ state: inout AppState) throws(ChangeRefusal) -> [Effect] {
    guard var draft = draftOrSaid(&state) else { return [] }
    guard let date = Day(form["date"].trimmingCharacters(in: .whitespaces)) else {
        throw ChangeRefusal("datumam jābūt GGGG-MM-DD", "the date must be YYYY-MM-DD")
    }
    let kind = Meeting.Kind(rawValue: form["kind"]) ?? .regular
    let topic = form["topic"].trimmingCharacters(in: .whitespaces)
    let meeting = Meeting(date: date, kind: kind, topic: topic.isEmpty ? nil : topic)
    try ChangeRules.meeting(meeting, plan: state.plan)
    let timeText = form["time"].trimmingCharacters(in: .whitespaces)
    let time = timeText.isEmpty ? nil : ClockTime(timeText)
    if !timeText.isEmpty && time == nil {
        throw ChangeRefusal("laikam jābūt SS:MM (00:00–23:59)", "the time must be HH:MM (00:00–23:59)")
    }
    let placeText = form["place"].trimmingCharacters(in: .whitespaces)
    let place = placeText.isEmpty ? nil : placeText
    if let place { try ChangeRules.text(place, field: Phrase(lv: "sēdes vieta", en: "the place")) }
    // A saved meeting's time and place are what the minutes carry: saved at once, journaled.
    var effects: [Effect] = []
    if let stored = state.draftMeeting, stored.time != time || stored.details.place != place {
        var details = stored.details
        details.started = time
        details.place = place
        effects = [.save(.editMeeting(stored.number, details: details))]
    }
    state.draft?.time = time
    state.draft?.place = place
    if draft.date == date && draft.kind == kind && draft.topic == meeting.topic {
        if effects.isEmpty { state.message = Message(.notice, p("Nekas nav mainīts", "Nothing changed")) }
        return effects
    }
    draft.time = time
    draft.place = place
    recordEdit(&state)
    let recompute = kind != draft.kind || date != draft.date
    draft.date = date
    draft.kind = kind
    draft.topic = meeting.topic
    let before = Set(draft.items)
    if recompute { draft.items = draft.recomputed(state.snapshot) }
    draft.cursor = 0
    state.draft = draft
    let save = state.keyName(.saveMeeting)
    if recompute {
        let added = draft.items.filter { !before.contains($0) }.count, dropped = before.subtracting(draft.items).count
        state.message = Message(.notice, p(
            "Darba kārtība \(date): \(draft.items.count) \(Plural.form(draft.items.count, .lv, one: "jautājums", other: "jautājumi")) (+\(added), −\(dropped)); jūsu pievienotie un izņemtie paliek; \(save) — saglabāt",
            "The agenda for \(date): \(draft.items.count) \(Plural.form(draft.items.count, .en, one: "item", other: "items")) (+\(added), −\(dropped)); what you added or removed stays; \(save) saves"))
    } else {
        state.message = Message(.notice, p("Sēdes tēma mainīta; \(save) — saglabāt", "The topic is changed; \(save) saves"))
    }
    return effects
}

private func submitOutcomeWords(_ form: Form, _ state: inout AppState, activity: ActivityID) throws(ChangeRefusal) -> [Effect] {
    guard let draft = state.draft, let id = draft.meetingID else {
        throw ChangeRefusal("sēde vēl nav saglabāta", "the meeting is not saved yet")
    }
    let words = form["words"].trimmingCharacters(in: .whitespaces)
    let effects = try checked(.outcome(meeting: MeetingID(id), activity: activity, .discussed, note: words.isEmpty ? nil : words), state)
    let order = state.draftOrder
    if order.indices.contains(draft.current), order[draft.current] == activity {
        state.draft?.current = min(draft.current + 1, order.count - 1)
    }
    return effects
}

private func submitAddedItem(_ form: Form, _ state: inout AppState) throws(ChangeRefusal) -> [Effect] {
    let id = form["id"].trimmingCharacters(in: .whitespaces)
    _ = try ChangeRules.activity(id, in: state.plan)
    guard state.draft?.items.contains(id) == false else {
        throw ChangeRefusal("\(id) jau ir darba kārtībā", "\(id) is already on the agenda")
    }
    recordEdit(&state)
    state.draft?.items.append(id)
    state.draft?.added.append(id)
    state.draft?.removed.remove(id)
    return []
}

private func submitDecision(_ form: Form, _ state: inout AppState, activity: ActivityID) throws(ChangeRefusal) -> [Effect] {
    guard let draft = state.draft, let meeting = draft.meetingID else {
        throw ChangeRefusal("sēde vēl nav saglabāta", "the meeting is not saved yet")
    }
    guard let due = Day(form["due"].trimmingCharacters(in: .whitespaces)) else {
        throw ChangeRefusal("termiņam jābūt GGGG-MM-DD", "the due date must be YYYY-MM-DD")
    }
    let decision = Decision(meeting: meeting, text: form["text"].trimmingCharacters(in: .whitespacesAndNewlines),
                            owner: form["owner"], due: due, activity: activity)
    let effects = try checked(.decision(decision), state)
    state.draft?.current = min(draft.current + 1, max(0, draft.items.count - 1))
    return effects
}

private func submitHold(_ form: Form, _ state: inout AppState) throws(ChangeRefusal) -> [Effect] {
    guard let stored = state.draftMeeting else {
        throw ChangeRefusal("sēde vēl nav saglabāta", "the meeting is not saved yet")
    }
    func text(_ key: String) -> String? {
        let t = form[key].trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? nil : t
    }
    func time(_ key: String, _ label: Phrase) throws(ChangeRefusal) -> ClockTime? {
        guard let t = text(key) else { return nil }
        guard let time = ClockTime(t) else {
            throw ChangeRefusal("\(label.lv): laikam jābūt HH:MM, nevis “\(t)”", "\(label.en): the time must be HH:MM, not “\(t)”")
        }
        return time
    }
    let details = Meeting.Details(
        attendees: form["attendees"].split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.uppercased() },
        place: text("place"), started: try time("started", p("Sākums", "Started")), ended: try time("ended", p("Beigas", "Ended")),
        chair: text("chair"), secretary: text("secretary"), guests: text("guests"), restricted: form["restricted"] == "yes")
    if stored.state == .held { return try checked(.editMeeting(stored.number, details: details), state) }
    return try checked(.hold(meeting: stored.number, details: details, today: state.today), state)
}

private func submitDecisionDue(_ form: Form, _ state: inout AppState, id: Int64, meetingID: Int64?) throws(ChangeRefusal) -> [Effect] {
    guard let decision = state.snapshot.decisions.first(where: { $0.id == id }) else {
        throw ChangeRefusal("lēmuma Nr. \(id) vairs nav", "decision \(id) is gone")
    }
    guard let due = Day(form["due"].trimmingCharacters(in: .whitespaces)) else {
        throw ChangeRefusal("termiņam jābūt GGGG-MM-DD", "the due date must be YYYY-MM-DD")
    }
    if let taken = state.snapshot.meetings.first(where: { $0.id == decision.meeting }) {
        try ChangeRules.due(due, meetingDate: taken.date)
    }
    let meeting = meetingID.flatMap { m in state.snapshot.meetings.first { $0.id == m } }
    return [.save(.review(decision: DecisionID(id), meeting: meeting, .moved, due: due, today: state.today))]
}

/// After a reload: a draft whose saved meeting is gone (undone, or removed
/// by someone else) is a draft again. A new meeting's number comes with the
/// store's answer (`.saved(.meeting)`), never guessed from the snapshot.
func rebindDraft(_ state: inout AppState) {
    guard let id = state.draft?.meetingID, !state.snapshot.meetings.contains(where: { $0.id == id }) else { return }
    state.draft?.meetingID = nil
}

/// The next step of chair mode's review once the store saved what the
/// review did with `decision`: the next decision, or the first item after the last.
func advanceReview(_ state: inout AppState, after decision: Int64) {
    guard state.screen == .chair, var draft = state.draft, let reviewing = draft.reviewing, let view = state.currentAgendaView,
          view.review.indices.contains(reviewing), view.review[reviewing].id == decision else { return }
    if reviewing + 1 < view.review.count {
        draft.reviewing = reviewing + 1
    } else {
        draft.reviewing = nil
        draft.current = 0
    }
    state.draft = draft
}

/// The form `H` opens: what the minutes carry about the sitting, filled with
/// what is stored (a held meeting's details are edited with it), the
/// attendees proposed from the items' owners the first time.
func holdForm(_ stored: Meeting, draft: MeetingDraft, state: AppState) -> Form {
    let d = stored.details
    // Who was present is said by the chair, not guessed: the agenda's owners are only a hint.
    let owners = Array(Set(draft.items.compactMap { state.plan.activity($0)?.owners.first })).sorted()
    let proposed = d.attendees
    let held = stored.state == .held
    return Form(kind: .hold, title: held ? p("Sēdes Nr. \(stored.id) ziņas", "Meeting \(stored.id) details")
                                         : p("Sēde Nr. \(stored.id) notikusi", "Hold meeting \(stored.id)"), fields: [
        FormField(key: "place", label: p("Vieta", "Place"), text: d.place ?? "", hint: p("piem. Domes sēžu zāle", "e.g. the council hall")),
        FormField(key: "started", label: p("Sākums", "Started"), text: d.started?.description ?? "", hint: p("HH:MM", "HH:MM")),
        FormField(key: "ended", label: p("Beigas", "Ended"), text: d.ended?.description ?? "", hint: p("HH:MM", "HH:MM")),
        FormField(key: "chair", label: p("Vadīja", "Chair"), text: d.chair ?? "", hint: p("amats vai vārds; bez datiem par bērniem", "office or name; no data about children")),
        FormField(key: "secretary", label: p("Protokolēja", "Secretary"), text: d.secretary ?? ""),
        FormField(key: "attendees", label: p("Piedalījās", "Present"), text: proposed.joined(separator: ", "),
                  hint: owners.isEmpty ? p("iestāžu kodi, piem. SD, BT, IN; pārējās — nepiedalījās", "institution codes, e.g. SD, BT, IN; the rest are absent")
                                       : p("iestāžu kodi; darba kārtībā: \(owners.joined(separator: ", ")); pārējās — nepiedalījās",
                                           "institution codes; on the agenda: \(owners.joined(separator: ", ")); the rest are absent")),
        FormField(key: "guests", label: p("Uzaicinātie", "Guests"), text: d.guests ?? "", hint: p("loma vai iestāde", "role or institution")),
        FormField(key: "restricted", label: p("Pieejamība", "Access"),
                  choices: [Choice("no", state.text(p("vispārēja", "open"))),
                            Choice("yes", state.text(p("ierobežota (protokola 1. rindā)", "restricted (said on the minutes' first line)")))],
                  selected: d.restricted ? 1 : 0, hint: p("\(choiceKeys(state)) izvēlēties", "\(choiceKeys(state)) to choose")),
    ])
}
