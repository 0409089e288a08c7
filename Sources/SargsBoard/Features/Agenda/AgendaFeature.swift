import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The agenda view (SPEC §5, issue 26): the next meeting's agenda, prepared,
/// saved as a planned meeting, and the open decisions under it.
enum AgendaFeature: Feature {
    static let title = p("darba kārtība", "agenda")

    static func handler(_ command: Command) -> Handler? {
        let stored = MeetingReasons.stored()
        switch command {
        case .up, .down, .pageUp, .pageDown, .home, .end:
            return .withDraft { state, draft in moveCursor(&state, draft, command) }
        case .open: return .withDraft(openLine)
        case .chair: return .withDraft(before: stored, unless: MeetingReasons.noItems, startChairing)
        case .saveMeeting: return .withDraft(before: stored, saveDraft)
        case .meetingSettings: return .withDraft(before: stored, openMeetingSettings)
        case .addItem: return .withDraft(before: stored, openAddItem)
        case .removeItem:
            return .withDraft(before: stored, unless: MeetingReasons.first(MeetingReasons.noItems, MeetingReasons.onItem), removeItem)
        case .itemUp, .itemDown:
            return .withDraft(before: stored, unless: MeetingReasons.first(MeetingReasons.noItems, MeetingReasons.onItem)) { state, draft in
                moveItem(&state, draft, command)
            }
        case .cancelMeeting: return Handler(unless: MeetingReasons.first(stored, cancelReason), askToCancel)
        case .reviewDone, .reviewDue:
            return Handler(unless: MeetingReasons.first(stored, { decisionUnderCursor($0) == nil ? selectDecision($0) : nil })) { state in
                guard let decision = decisionUnderCursor(state) else { return [] }
                return review(&state, decision, meeting: nil, command)
            }
        case .minutes: return .minutes
        case .hold: return .hold
        default: return nil
        }
    }

    static func position(_ state: AppState) -> Phrase? {
        guard let draft = state.agenda.draft, let view = state.currentAgendaView else { return nil }
        let items = view.order.count, decisions = view.lineOfDecision.count
        if draft.cursor < items { return spokenPosition("jautājums", "item", cursor: draft.cursor, of: items) }
        if draft.cursor - items < decisions { return spokenPosition("lēmums", "decision", cursor: draft.cursor - items, of: decisions) }
        return nil
    }

    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        AgendaScreen.render(state, into: &canvas, in: area)
    }

    static func reloaded(_ state: inout AppState) -> [Effect] {
        rebindDraft(&state)
        // What chair mode marks (an item's outcome and words) is never the preparation's edit: the draft's
        // base takes it from the store, so a later save of the agenda is not refused as someone else's change.
        if let stored = state.draftMeeting, let base = state.agenda.draft?.base {
            let marks = Dictionary(stored.items.map { ($0.activity, $0) }, uniquingKeysWith: { a, _ in a })
            var rebased = base
            rebased.items = base.items.map { item in
                var item = item
                item.outcome = marks[item.activity]?.outcome
                item.note = marks[item.activity]?.note
                return item
            }
            if rebased != base { state.agenda.draft?.base = rebased }
        }
        return []
    }

    /// The store's answer names the new meeting; a hold is followed by the key for the minutes.
    static func saved(_ state: inout AppState, _ saved: SavedChange, notice: inout Phrase) {
        switch saved {
        case .meeting(let meeting):
            // The store's answer names the new meeting: the draft that asked for it is now that meeting.
            if state.agenda.draft?.meetingID == nil, state.agenda.draft?.date == meeting.date {
                state.agenda.draft?.meetingID = meeting.id
                state.agenda.draft?.base = meeting
            }
            // What is saved is undone in the store (after a question), no longer as a preparation edit.
            state.agenda.history = []
        case .meetingUpdated(let meeting):
            if state.agenda.draft?.meetingID == meeting.id {
                state.agenda.draft?.base = meeting
                // Items the store added (the question "add them?") join the draft; nothing of the draft is dropped.
                let stored = meeting.items.map(\.activity)
                if let items = state.agenda.draft?.items, Set(items).isSubset(of: Set(stored)), items.count < stored.count {
                    state.agenda.draft?.items = stored
                }
            }
            state.agenda.history = []
        case .held:
            // The next step, with the key that takes it (from the bindings, so a rebinding never lies).
            let key = state.keyName(.minutes)
            notice = Phrase(lv: notice.lv + "; \(key) — protokols", en: notice.en + "; \(key) writes the minutes")
        default:
            break
        }
    }

    private static func cancelReason(_ state: AppState) -> Phrase? {
        guard let stored = state.draftMeeting else {
            return p("šī darba kārtība nav saglabāta sēde; nav ko atcelt", "this agenda is not a saved meeting; there is nothing to cancel")
        }
        return stored.state == .planned ? nil : p("sēde Nr. \(stored.id) ir \(stored.state.phrase.lv)", "meeting \(stored.id) is \(stored.state.phrase.en)")
    }

    /// The open decision under the agenda's cursor (the list under the items), as stored.
    private static func decisionUnderCursor(_ state: AppState) -> Decision? {
        guard let draft = state.agenda.draft, let view = state.currentAgendaView,
              view.agenda.decisions.indices.contains(draft.cursor - view.order.count) else { return nil }
        let id = view.agenda.decisions[draft.cursor - view.order.count].id
        return state.snapshot.decisions.first { $0.id == id }
    }

    private static func selectDecision(_ state: AppState) -> Phrase {
        if state.currentAgendaView?.agenda.decisions.isEmpty ?? true {
            return p("atvērtu lēmumu nav", "there are no open decisions")
        }
        return p("izvēlieties lēmumu sarakstā “Atvērtie lēmumi” (\(state.keyName(.end)))",
          "select a decision under “Open decisions” (\(state.keyName(.end)))")
    }

    /// `A`, from any screen: the agenda of the next meeting, or the preparation left with Esc.
    static func open(_ state: inout AppState) -> [Effect] {
        // A preparation with edits is kept when the view is left (Esc) and found again; otherwise the agenda is fresh.
        if state.agenda.draft == nil || (state.screen != .agenda && state.screen != .activity && state.agenda.history.isEmpty) {
            state.agenda.draft = state.nextDraft()
            state.agenda.history = []
        }
        goTo(&state, .agenda)
        // The plan changed since the agenda was saved: adding what is new is the chair's act, asked, never silent (issue 26).
        if let stored = state.draftMeeting, stored.state == .planned, stored.prepared, !state.draftHasUnsavedChanges {
            let agenda = Agenda(snapshot: state.snapshot, meeting: stored, tracker: state.tracker)
            let new = agenda.notOnStored.map(\.activity) + agenda.notOnStoredServices.map(\.activity)
            // Asked once: after "n", the same news is not asked about again on this board.
            let declined = state.agenda.declinedNews[stored.id] ?? []
            if !new.isEmpty, !Set(new).isSubset(of: declined) {
                state.agenda.declinedNews[stored.id, default: []].formUnion(new)
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

    private static func startChairing(_ state: inout AppState, _ draft: MeetingDraft) -> [Effect] {
        var draft = draft
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
        state.agenda.draft = draft
        goTo(&state, .chair)
        if draft.meetingID == nil { return [.save(.newMeeting(draft.meeting(in: state.snapshot)))] }
        return unsaved ? [.save(.updateMeeting(draft.meeting(in: state.snapshot), basedOn: draft.base))] : []
    }

    private static func askToCancel(_ state: inout AppState) -> [Effect] {
        guard let stored = state.draftMeeting else { return [] }
        ask(&state, p("Atcelt sēdi Nr. \(stored.id) (\(stored.date))?", "Cancel meeting \(stored.id) (\(stored.date))?"),
            yes: p("atcelt sēdi", "cancel it"), onYes: [.save(.cancelMeeting(stored.number))])
        return []
    }

    private static func saveDraft(_ state: inout AppState, _ draft: MeetingDraft) -> [Effect] {
        let meeting = draft.meeting(in: state.snapshot)
        // A saved meeting keeps its number; its date, kind, topic and items are stored together.
        return [.save(draft.meetingID == nil ? .newMeeting(meeting) : .updateMeeting(meeting, basedOn: draft.base))]
    }

    private static func openMeetingSettings(_ state: inout AppState, _ draft: MeetingDraft) -> [Effect] {
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

    private static func openAddItem(_ state: inout AppState, _ draft: MeetingDraft) -> [Effect] {
        state.form = Form(kind: .addItem, title: p("Pievienot jautājumu", "Add an item"), fields: [
            FormField(key: "id", label: p("Aktivitāte", "Activity"), hint: p("id, piem. 2.4", "id, e.g. 2.4")),
        ])
        return []
    }

    private static func removeItem(_ state: inout AppState, _ draft: MeetingDraft) -> [Effect] {
        var draft = draft
        let order = state.draftOrder
        recordEdit(&state)
        let id = order[draft.cursor]
        draft.items.removeAll { $0 == id }
        if draft.added.contains(id) { draft.added.removeAll { $0 == id } } else { draft.removed.insert(id) }
        draft.cursor = min(draft.cursor, max(0, draft.items.count - 1))
        state.agenda.draft = draft
        state.message = Message(.notice, p("Izņemts no darba kārtības: \(id)", "Removed from the agenda: \(id)"))
        return []
    }

    private static func moveItem(_ state: inout AppState, _ draft: MeetingDraft, _ command: Command) -> [Effect] {
        var draft = draft
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
        state.agenda.draft = draft
        return []
    }

    private static func moveCursor(_ state: inout AppState, _ draft: MeetingDraft, _ command: Command) -> [Effect] {
        var draft = draft
        // The agenda's list has two rows more above it than a plain list.
        let step = cursorStep(command, page: max(1, state.frame.page - 2))
        let count = state.currentAgendaView?.selectableCount ?? draft.items.count
        draft.cursor = min(max(draft.cursor &+ step, 0), max(0, count - 1))
        state.agenda.draft = draft
        return []
    }

    private static func openLine(_ state: inout AppState, _ draft: MeetingDraft) -> [Effect] {
        // Enter on an item opens its activity; Esc comes back to the agenda.
        guard let view = state.currentAgendaView else { return [] }
        if draft.cursor >= view.order.count, view.agenda.decisions.indices.contains(draft.cursor - view.order.count) {
            // A decision opens in its own view; Esc comes back to the agenda.
            state.decision.id = view.agenda.decisions[draft.cursor - view.order.count].id
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

    /// A click selects the line under it (a double click opens it); the wheel moves the cursor.
    static func click(_ state: inout AppState, _ event: MouseEvent, area: Rect) -> [Effect]? {
        switch event.kind {
        case .wheelUp: return perform(&state, .up)
        case .wheelDown: return perform(&state, .down)
        case .click, .doubleClick:
            guard let draft = state.agenda.draft, let view = state.currentAgendaView else { return [] }
            guard let index = AgendaScreen.line(at: event.y, view, draft, state, area: area) else { return [] }
            switch view.lines[index] {
            case .item(let i): state.agenda.draft?.cursor = i
            case .decision(let i): state.agenda.draft?.cursor = view.order.count + i
            default: return []
            }
            return event.kind == .doubleClick ? perform(&state, .open) : []
        }
    }
}

extension Handler {
    /// `m` in the agenda and chair mode: the minutes of the stored meeting, as it is stored.
    static var minutes: Handler {
        .withDraft(unless: MeetingReasons.first(MeetingReasons.saved, MeetingReasons.noUnsavedEdits)) { _, draft in
            draft.meetingID.map { [.writeMinutes($0)] } ?? []
        }
    }

    /// `H` in the agenda and chair mode: the meeting held (a held one's details edited).
    static var hold: Handler {
        .withDraft(before: MeetingReasons.stored(heldMayChange: true),
                   unless: MeetingReasons.first(MeetingReasons.saved, MeetingReasons.notInFuture), holdDraftMeeting)
    }
}

/// What a review does with `decision` (`v` done, `o` open, `t` a new due date
/// through a form); `meeting` is the meeting that reviews it in chair mode.
func review(_ state: inout AppState, _ decision: Decision, meeting: Meeting?, _ command: Command) -> [Effect] {
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

/// Remembers the draft before an edit of the preparation, for `u`.
func recordEdit(_ state: inout AppState) {
    if let draft = state.agenda.draft { state.agenda.history.append(draft) }
}

private func holdDraftMeeting(_ state: inout AppState, _ draft: MeetingDraft) -> [Effect] {
    guard let stored = state.draftMeeting else { return [] }
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
