import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// Chair mode (SPEC §5): the earlier decisions reviewed first, then one item
/// at a time, each with its outcome, on the meeting's day.
enum ChairFeature: Feature {
    static let title = p("sēdes vadīšana", "chairing the meeting")

    static func handler(_ command: Command) -> Handler? {
        let stored = MeetingReasons.stored()
        switch command {
        // ←/→ one step, Home/End to the first (the review's first decision) and the last item.
        case .left, .right, .home, .end: return .withDraft { state, draft in step(&state, draft, command) }
        case .discussed: return outcome(markDiscussed)
        case .deferred: return outcome(markDeferred)
        case .decided: return outcome(openDecisionForm)
        case .reviewDone, .reviewDue, .reviewOpen:
            return Handler(unless: MeetingReasons.first(stored, MeetingReasons.onItsDay, reviewReason)) { state in
                guard let draft = state.agenda.draft, let reviewing = draft.reviewing, let view = state.currentAgendaView,
                      view.review.indices.contains(reviewing) else { return [] }
                return review(&state, view.review[reviewing], meeting: view.meeting, command)
            }
        case .minutes: return .minutes
        case .hold: return .hold
        default: return nil
        }
    }

    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        ChairScreen.render(state, into: &canvas, in: area)
    }

    /// The review goes on once the store has what it did (a refusal leaves the chair on the decision).
    static func saved(_ state: inout AppState, _ saved: SavedChange, notice: inout Phrase) {
        switch saved {
        case .decisionDone(let id), .decisionMoved(let id, _), .decisionKeptOpen(let id): advanceReview(&state, after: id)
        default: break
        }
    }

    /// Chair mode opened on an agenda whose save ("save and chair") the store refused: back to the agenda,
    /// which still shows what was not saved; chair mode never runs a meeting that is not the one stored.
    static func refused(_ state: inout AppState) {
        guard state.screen == .chair, state.draftMeeting == nil || state.draftHasUnsavedChanges else { return }
        state.screen = state.screenStack.popLast() ?? .agenda
        state.scroll = 0
    }

    /// The wheel steps through the review and the items; a click does nothing here.
    static func click(_ state: inout AppState, _ event: MouseEvent, area: Rect) -> [Effect]? {
        guard event.kind == .wheelUp || event.kind == .wheelDown else { return [] }
        return perform(&state, event.kind == .wheelUp ? .left : .right)
    }

    /// An outcome of the item at hand: the stored meeting, its day, then the item.
    private static func outcome(_ run: @escaping (inout AppState, MeetingDraft) -> [Effect]) -> Handler {
        Handler(unless: MeetingReasons.first(MeetingReasons.stored(), MeetingReasons.onItsDay, outcomeReason)) { state in
            guard let draft = state.agenda.draft else { return [] }
            return run(&state, draft)
        }
    }

    private static func outcomeReason(_ state: AppState) -> Phrase? {
        guard let draft = state.agenda.draft, draft.meetingID != nil else { return MeetingReasons.notSavedYet }
        if draft.reviewing != nil {
            let done = state.keyName(.reviewDone), due = state.keyName(.reviewDue), open = state.keyName(.reviewOpen)
            return p("vispirms iepriekšējie lēmumi: \(done) — izpildīts, \(due) — jauns termiņš, \(open) — paliek atvērts",
                     "earlier decisions first: \(done) done, \(due) new due date, \(open) stays open")
        }
        return state.draftOrder.indices.contains(draft.current) ? nil : p("nav jautājuma, ko izskatīt", "there is no item to decide on")
    }

    private static func reviewReason(_ state: AppState) -> Phrase? {
        if state.currentAgendaView?.review.isEmpty ?? true {
            return p("šai sēdei nav iepriekšējo lēmumu, ko izskatīt", "this meeting has no earlier decisions to review")
        }
        guard let draft = state.agenda.draft, let reviewing = draft.reviewing, let view = state.currentAgendaView,
              view.review.indices.contains(reviewing) else {
            return p("tagad izskata jautājumus, nevis lēmumus; \(state.keyName(.left)) — atpakaļ pie lēmumiem",
                     "items are being called, not decisions; \(state.keyName(.left)) goes back to the decisions")
        }
        if draft.meetingID == nil { return MeetingReasons.notSavedYet }
        let d = view.review[reviewing]
        return d.isOpen ? nil : p("lēmums Nr. \(d.id) jau ir izpildīts; \(state.keyName(.right)) — nākamais",
                                  "decision \(d.id) is already done; \(state.keyName(.right)) goes on")
    }

    private static func step(_ state: inout AppState, _ draft: MeetingDraft, _ command: Command) -> [Effect] {
        var draft = draft
        guard let view = state.currentAgendaView else { return [] }
        // The review of earlier decisions comes before the items: one line of steps through both.
        let here = draft.reviewing ?? view.review.count + draft.current
        let last = view.review.count + max(0, view.order.count - 1)
        let position = switch command {
        case .home: 0
        case .end: last
        case .left: here - 1
        default: here + 1
        }
        let clamped = min(max(position, 0), last)
        if clamped < view.review.count {
            draft.reviewing = clamped
        } else {
            draft.reviewing = nil
            draft.current = clamped - view.review.count
        }
        state.agenda.draft = draft
        return []
    }

    private static func markDiscussed(_ state: inout AppState, _ draft: MeetingDraft) -> [Effect] {
        // "izskatīts" alone is allowed; the chair is offered a line for what was agreed (issue 26).
        let activity = state.draftOrder[draft.current]
        let saved = draft.savedMeeting(in: state.snapshot)?.items.first { $0.activity == activity }
        state.form = Form(kind: .outcomeWords(activity), title: p("\(activity): izskatīts", "\(activity): discussed"), fields: [
            FormField(key: "words", label: p("Kas nolemts", "What was agreed"), text: saved?.note ?? "",
                      hint: p("neobligāti, piem. SD ziņos nākamajā sēdē; \(state.keyName(.formSave)) — saglabāt",
                              "optional, e.g. SD reports at the next meeting; \(state.keyName(.formSave)) saves")),
        ])
        return []
    }

    private static func markDeferred(_ state: inout AppState, _ draft: MeetingDraft) -> [Effect] {
        guard let id = draft.meetingID else { return [] }
        let order = state.draftOrder
        state.agenda.draft?.current = min(draft.current + 1, order.count - 1)
        return [.save(.outcome(meeting: MeetingID(id), activity: order[draft.current], .deferred))]
    }

    private static func openDecisionForm(_ state: inout AppState, _ draft: MeetingDraft) -> [Effect] {
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
}

/// The next step of chair mode's review once the store saved what the
/// review did with `decision`: the next decision, or the first item after the last.
func advanceReview(_ state: inout AppState, after decision: Int64) {
    guard state.screen == .chair, var draft = state.agenda.draft, let reviewing = draft.reviewing, let view = state.currentAgendaView,
          view.review.indices.contains(reviewing), view.review[reviewing].id == decision else { return }
    if reviewing + 1 < view.review.count {
        draft.reviewing = reviewing + 1
    } else {
        draft.reviewing = nil
        draft.current = 0
    }
    state.agenda.draft = draft
}
