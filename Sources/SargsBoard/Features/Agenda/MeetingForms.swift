import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

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
    guard var draft = state.agenda.draft else { throw ChangeRefusal(MeetingReasons.noDraft(state)) }
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
    let timeOrPlaceChanged = draft.time != time || draft.place != place
    state.agenda.draft?.time = time
    state.agenda.draft?.place = place
    if draft.date == date && draft.kind == kind && draft.topic == meeting.topic {
        if effects.isEmpty {
            // A draft not saved yet keeps its new time and place until `p` saves it; said so, not "nothing changed".
            let save = state.keyName(.saveMeeting)
            state.message = Message(.notice, timeOrPlaceChanged
                ? p("Sēdes laiks un vieta mainīti; \(save) — saglabāt", "The meeting's time and place are changed; \(save) saves")
                : p("Nekas nav mainīts", "Nothing changed"))
        }
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
    state.agenda.draft = draft
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
    guard let draft = state.agenda.draft, let id = draft.meetingID else {
        throw ChangeRefusal("sēde vēl nav saglabāta", "the meeting is not saved yet")
    }
    let words = form["words"].trimmingCharacters(in: .whitespaces)
    let effects = try checked(.outcome(meeting: MeetingID(id), activity: activity, .discussed, note: words.isEmpty ? nil : words), state)
    let order = state.draftOrder
    if order.indices.contains(draft.current), order[draft.current] == activity {
        state.agenda.draft?.current = min(draft.current + 1, order.count - 1)
    }
    return effects
}

private func submitAddedItem(_ form: Form, _ state: inout AppState) throws(ChangeRefusal) -> [Effect] {
    let id = form["id"].trimmingCharacters(in: .whitespaces)
    _ = try ChangeRules.activity(id, in: state.plan)
    guard state.agenda.draft?.items.contains(id) == false else {
        throw ChangeRefusal("\(id) jau ir darba kārtībā", "\(id) is already on the agenda")
    }
    recordEdit(&state)
    state.agenda.draft?.items.append(id)
    state.agenda.draft?.added.append(id)
    state.agenda.draft?.removed.remove(id)
    return []
}

private func submitDecision(_ form: Form, _ state: inout AppState, activity: ActivityID) throws(ChangeRefusal) -> [Effect] {
    guard let draft = state.agenda.draft, let meeting = draft.meetingID else {
        throw ChangeRefusal("sēde vēl nav saglabāta", "the meeting is not saved yet")
    }
    guard let due = Day(form["due"].trimmingCharacters(in: .whitespaces)) else {
        throw ChangeRefusal("termiņam jābūt GGGG-MM-DD", "the due date must be YYYY-MM-DD")
    }
    let decision = Decision(meeting: meeting, text: form["text"].trimmingCharacters(in: .whitespacesAndNewlines),
                            owner: form["owner"], due: due, activity: activity)
    let effects = try checked(.decision(decision), state)
    state.agenda.draft?.current = min(draft.current + 1, max(0, draft.items.count - 1))
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
            throw ChangeRefusal("\(label.lv): laikam jābūt SS:MM (00:00–23:59), nevis “\(t)”", "\(label.en): the time must be HH:MM (00:00–23:59), not “\(t)”")
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
    // The same date is no new due date: nothing is journaled.
    if due == decision.due, meetingID == nil {
        state.message = Message(.notice, p("lēmuma Nr. \(id) termiņš jau ir \(due); nekas netika mainīts",
                                           "decision \(id) is already due on \(due); nothing was changed"))
        return []
    }
    let meeting = meetingID.flatMap { m in state.snapshot.meetings.first { $0.id == m } }
    return [.save(.review(decision: DecisionID(id), meeting: meeting, .moved, due: due, today: state.today))]
}

/// After a reload: a draft whose saved meeting is gone (undone, or removed
/// by someone else) is a draft again. A new meeting's number comes with the
/// store's answer (`.saved(.meeting)`), never guessed from the snapshot.
func rebindDraft(_ state: inout AppState) {
    guard let id = state.agenda.draft?.meetingID, !state.snapshot.meetings.contains(where: { $0.id == id }) else { return }
    state.agenda.draft?.meetingID = nil
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
