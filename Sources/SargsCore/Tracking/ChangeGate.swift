import Foundation

extension ChangeRules {
    /// The one gate every change passes (issue 25): the board runs it on its
    /// snapshot before it asks to save, the store runs it again inside the
    /// transaction that writes (`Store.apply`), so no caller can skip it.
    ///
    /// It reads only what `change` names in `facts`: the plan's goals,
    /// institutions, funding and period, the activity, meeting or decision
    /// the change is about, the meetings (for a twin on one date), and for
    /// a waiver that activity's records and waivers. A snapshot holding
    /// those is enough (the store reads no more: `Store.facts`); what the
    /// change names but `facts` lacks is refused as unknown.
    ///
    /// What the store alone can know (a conflict with someone else's change,
    /// whether an undo's entry is still the latest) it checks itself.
    /// - Throws: the refusal, in both languages, naming the field or rule.
    public static func check(_ change: Change, in facts: Snapshot, today: Day) throws(ChangeRefusal) {
        let plan = facts.plan
        func meeting(_ id: MeetingID) throws(ChangeRefusal) -> Meeting {
            guard let meeting = facts.meetings.first(where: { $0.number == id }) else {
                throw ChangeRefusal("nav sēdes Nr. \(id)", "there is no meeting \(id)")
            }
            return meeting
        }
        func decision(_ id: DecisionID) throws(ChangeRefusal) -> Decision {
            guard let decision = facts.decisions.first(where: { $0.number == id }) else {
                throw ChangeRefusal("nav lēmuma Nr. \(id)", "there is no decision \(id)")
            }
            return decision
        }
        switch change {
        case .record(let r):
            try record(r, plan: plan, today: today)
        case .recordFinishing(let r):
            try record(r, plan: plan, today: today)
            try finishing(try activity(r.activity, in: plan))
        case .status(let id, _, let note):
            try status(id, note: note, plan: plan)
        case .note(let id, let text):
            _ = try activity(id, in: plan)
            try requiredText(text, field: noteField, lines: .several)
        case .waiver(let w):
            try waiver(w, tracker: Tracker(facts), today: today)
        case .edit(let edited, let original):
            guard edited.id == original.id else {
                throw ChangeRefusal("aktivitāte patur savu id: \(original.id) nevar kļūt par \(edited.id)",
                                    "an activity keeps its id: \(original.id) cannot become \(edited.id)")
            }
            _ = try activity(original.id, in: plan)
            try activityFields(edited, plan: plan)
            // The stored activity, with its records and waivers, is what the old schedule owed.
            try scheduleChange(edited.schedule, was: original.schedule, owing: plan.activity(original.id), tracker: Tracker(facts), today: today)
        case .add(let a):
            if plan.activity(a.id) != nil {
                throw ChangeRefusal("plānā jau ir aktivitāte \(a.id)", "there is already an activity \(a.id) in the plan")
            }
            try activityFields(a, plan: plan)
            try scheduleChange(a.schedule, was: nil, owing: nil, tracker: Tracker(facts), today: today)
        case .undo:
            break
        case .newMeeting(let m):
            if m.state != .planned {
                throw ChangeRefusal("jauna sēde ir plānota; notikušu to atzīmē ar “sargs meeting hold”",
                                    "a new meeting is planned; it is marked held with “sargs meeting hold”")
            }
            try self.meeting(m, plan: plan)
            try details(m.details, plan: plan)
            try agendaItems(m.items, plan: plan)
            try twin(m, among: facts.meetings)
        case .updateMeeting(let m, _):
            let stored = try meeting(m.number)
            try self.meeting(m, plan: plan)
            try agendaItems(m.items, plan: plan)
            if stored.date != m.date || stored.kind != m.kind { try twin(m, among: facts.meetings) }
        case .outcome(let id, let a, _, let note):
            _ = try meeting(id)
            _ = try activity(a, in: plan)
            if let note { try text(note, field: outcomeWordsField) }
        case .decision(let d, _):
            let taken = try meeting(MeetingID(d.meeting))
            if taken.state == .cancelled {
                throw ChangeRefusal("sēde Nr. \(taken.id) ir atcelta; tai lēmumu nav", "meeting \(taken.id) is cancelled; it takes no decisions")
            }
            if taken.date > today {
                throw ChangeRefusal("sēde Nr. \(taken.id) ir plānota \(taken.date); lēmumus pieņem sēdē, ne agrāk (šodien \(today))",
                                    "meeting \(taken.id) is planned for \(taken.date); decisions are taken at the meeting, not before (today is \(today))")
            }
            try self.decision(d, plan: plan, meetingDate: taken.date)
        case .hold(let id, let held, let day):
            try hold(try meeting(id), today: day)
            try details(held, plan: plan)
        case .editMeeting(let id, let edited):
            try edit(try meeting(id))
            try details(edited, plan: plan)
        case .cancelMeeting(let id):
            try cancel(try meeting(id))
        case .review(let id, let at, let outcome, let due, _):
            let d = try decision(id)
            if let at {
                let reviewing = try meeting(at.number), taken = try meeting(MeetingID(d.meeting))
                // A review is what a later sitting did: after the one that took it, and not before it sits.
                if reviewing.date <= taken.date {
                    throw ChangeRefusal("sēde Nr. \(reviewing.id) (\(reviewing.date)) nav pēc sēdes Nr. \(taken.id) (\(taken.date)), kas pieņēma lēmumu Nr. \(d.id); to izskata vēlāka sēde",
                                        "meeting \(reviewing.id) (\(reviewing.date)) is not after meeting \(taken.id) (\(taken.date)), which took decision \(d.id); a later meeting reviews it")
                }
                if reviewing.date > today {
                    throw ChangeRefusal("sēde Nr. \(reviewing.id) ir \(reviewing.date); tās lēmumu izskatīšanu atzīmē sēdes dienā vai vēlāk (šodien \(today))",
                                        "meeting \(reviewing.id) is on \(reviewing.date); its review of decisions is marked on that day or later (today is \(today))")
                }
            }
            if outcome == .moved { try self.due(due, meetingDate: try meeting(MeetingID(d.meeting)).date) }
        case .institutionEmail(let code, let email):
            try institutions([code], plan: plan)
            if let email { try text(email, field: Phrase(lv: "e-pasta adrese", en: "the e-mail address")) }
            if let email, !EmailAddress.isValid(email) {
                throw ChangeRefusal("'\(SafeText.line(email))' nav e-pasta adrese", "'\(SafeText.line(email))' is not an e-mail address")
            }
        }
    }

    /// The chair's words on an outcome (issue 26).
    public static let outcomeWordsField = Phrase(lv: "iznākuma vārdi", en: "the outcome's words")

    /// A stored agenda's items: activities the plan has, words that pass the guard.
    public static func agendaItems(_ items: [Meeting.Item], plan: Plan) throws(ChangeRefusal) {
        for item in items {
            _ = try activity(item.activity, in: plan)
            if let note = item.note { try text(note, field: outcomeWordsField) }
        }
    }
}
