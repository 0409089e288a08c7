import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// Why a command of the agenda view or chair mode cannot act now, each
/// reason written once and named by the handlers that need it
/// (`AgendaFeature`, `ChairFeature`, `DecisionFeature`).
enum MeetingReasons {
    /// A held or cancelled meeting (here or by someone else) is a record, not
    /// a preparation; `heldMayChange` lets a held meeting's details be edited.
    static func stored(heldMayChange: Bool = false) -> (AppState) -> Phrase? {
        { state in
            guard state.screen == .agenda || state.screen == .chair, let stored = state.draftMeeting, stored.state != .planned,
                  !(heldMayChange && stored.state == .held) else { return nil }
            return p("sēde Nr. \(stored.id) ir \(stored.state.phrase.lv); tās darba kārtību vairs nemaina",
                     "meeting \(stored.id) is \(stored.state.phrase.en); its agenda no longer changes")
        }
    }

    /// In chair mode what the meeting did is marked on its day: a review or an
    /// outcome marked before it would say that a meeting closed a decision
    /// before it sat (the chair may walk through the agenda early, but not record).
    static func onItsDay(_ state: AppState) -> Phrase? {
        guard let stored = state.draftMeeting, stored.state == .planned, stored.date > state.today else { return nil }
        return p("sēde ir \(stored.date); tās iznākumus un lēmumu izskatīšanu atzīmē sēdes dienā (šodien \(state.today))",
                 "the meeting is on \(stored.date); what it did is marked on its day (today is \(state.today))")
    }

    /// No agenda is open: the key that opens one.
    static func noDraft(_ state: AppState) -> Phrase {
        let agenda = state.keyName(.agenda)
        return p("darba kārtība nav atvērta; \(agenda) — atvērt", "no agenda is open; \(agenda) opens it")
    }

    static func noItems(_ state: AppState, _ draft: MeetingDraft) -> Phrase? {
        draft.items.isEmpty ? p("darba kārtībā nav neviena jautājuma", "the agenda has no items") : nil
    }

    /// The cursor stands on an item of the agenda, not on a decision under it.
    static func onItem(_ state: AppState, _ draft: MeetingDraft) -> Phrase? {
        state.draftOrder.indices.contains(draft.cursor) ? nil
            : p("izvēlēts lēmums, nevis jautājums; \(state.keyName(.open)) to atver", "a decision is selected, not an item; \(state.keyName(.open)) opens it")
    }

    /// The agenda is a stored meeting.
    static func saved(_ state: AppState, _ draft: MeetingDraft) -> Phrase? {
        let save = state.keyName(.saveMeeting)
        return draft.meetingID == nil ? p("vispirms saglabājiet sēdi (\(save))", "save the meeting first (\(save))") : nil
    }

    /// What the agenda shows is what is stored.
    static func noUnsavedEdits(_ state: AppState, _ draft: MeetingDraft) -> Phrase? {
        let save = state.keyName(.saveMeeting)
        return state.draftHasUnsavedChanges ? p("darba kārtībā ir nesaglabātas izmaiņas; vispirms saglabājiet (\(save))",
                                                "the agenda has changes not saved; save them first (\(save))") : nil
    }

    /// A meeting in the future cannot be marked held.
    static func notInFuture(_ state: AppState, _ draft: MeetingDraft) -> Phrase? {
        guard state.draftMeeting?.state == .planned, draft.date > state.today else { return nil }
        return p("sēde ir plānota \(draft.date); nākotnes sēdi nevar atzīmēt kā notikušu",
                 "the meeting is planned for \(draft.date); a meeting in the future cannot be held")
    }

    static let notSavedYet = p("sēde vēl nav saglabāta", "the meeting is not saved yet")

    /// The first reason of several, in order.
    static func first(_ reasons: (AppState) -> Phrase?...) -> (AppState) -> Phrase? {
        { state in
            for reason in reasons { if let phrase = reason(state) { return phrase } }
            return nil
        }
    }

    /// The first reason of several that need the draft (which the handler has made sure of).
    static func first(_ reasons: (AppState, MeetingDraft) -> Phrase?...) -> (AppState, MeetingDraft) -> Phrase? {
        { state, draft in
            for reason in reasons { if let phrase = reason(state, draft) { return phrase } }
            return nil
        }
    }
}

extension Handler {
    /// A handler that needs the agenda's draft (issue 28): a missing draft is
    /// its reason, said by `perform`, never a key that silently does nothing;
    /// the stored meeting's reason (`before`) comes first, then what the
    /// command needs of the draft.
    static func withDraft(before: @escaping (AppState) -> Phrase? = { _ in nil },
                          unless reason: @escaping (AppState, MeetingDraft) -> Phrase? = { _, _ in nil },
                          _ run: @escaping (inout AppState, MeetingDraft) -> [Effect]) -> Handler {
        Handler(unless: { state in
            guard let draft = state.agenda.draft else { return MeetingReasons.noDraft(state) }
            return before(state) ?? reason(state, draft)
        }) { state in
            guard let draft = state.agenda.draft else { return [] }
            return run(&state, draft)
        }
    }
}
