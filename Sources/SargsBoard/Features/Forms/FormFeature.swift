import Foundation
import SargsCore
import SargsPlanDraft

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

// The quick-edit forms: what each asks, its keys, and what a submit saves.

func makeForm(_ command: Command, for activity: Activity, state: AppState) -> Form? {
    let id = activity.id
    switch command {
    case .record:
        var fields = [
            FormField(key: "date", label: p("Datums", "Date"), text: state.today.description, hint: p("GGGG-MM-DD", "YYYY-MM-DD")),
            FormField(key: "count", label: p("Skaits", "Count"),
                      hint: activity.target.map { p("cik \($0.unit) (nav obligāts)", "how many \($0.unit) (optional)") }
                            ?? p("nav obligāts", "optional")),
            FormField(key: "note", label: p("Piezīme", "Note"), hint: newLine(state, p("bez personas datiem", "no personal data")), multiline: true),
        ]
        // A one-off in its window: is this record the work done? (`record --done`)
        if ChangeRules.recordMayFinish(activity, on: state.today, period: state.plan.period) {
            fields.append(FormField(key: "done", label: p("Izpildīta?", "Done?"),
                                    choices: [Choice("no", state.text(p("nē, vēl turpinās", "no, it goes on"))),
                                              Choice("yes", state.text(p("jā, aktivitāte pabeigta", "yes, the activity is finished")))],
                                    hint: p("\(choiceKeys(state)) izvēlēties; “jā” maina statusu uz “izpildīta”", "\(choiceKeys(state)) to choose; “yes” sets the status to done")))
        }
        return Form(kind: .record(id), title: p("Izpilde: \(id)", "Record: \(id)"), fields: fields)
    case .status:
        let choices = Status.allCases.map { Choice($0.rawValue, $0.phrase.text(state.language)) }
        return Form(kind: .status(id), title: p("Statuss: \(id)", "Status: \(id)"), fields: [
            FormField(key: "status", label: p("Statuss", "Status"), choices: choices,
                      selected: Status.allCases.firstIndex(of: activity.status) ?? 0, hint: p("\(choiceKeys(state)) izvēlēties", "\(choiceKeys(state)) to choose")),
            FormField(key: "note", label: p("Iemesls", "Reason"), text: activity.statusNote ?? "",
                      hint: newLine(state, p("kāpēc bloķēta vai atmesta", "why blocked or dropped")), multiline: true),
        ])
    case .note:
        return Form(kind: .note(id), title: p("Piezīme: \(id)", "Note: \(id)"), fields: [
            FormField(key: "note", label: p("Piezīme", "Note"), hint: newLine(state, p("bez personas datiem", "no personal data")), multiline: true),
        ])
    case .waive:
        let windows = missedWindows(activity, state).reversed().map { Choice($0.label, $0.label) }
        return Form(kind: .waive(id), title: p("Atbrīvot logu: \(id)", "Waive a window: \(id)"), fields: [
            FormField(key: "window", label: p("Logs", "Window"), choices: Array(windows), hint: p("nokavētie logi, jaunākais pirmais", "missed windows, latest first")),
            FormField(key: "note", label: p("Iemesls", "Reason"), hint: newLine(state, p("obligāts; bez personas datiem", "required; no personal data")),
                      multiline: true),
        ])
    case .edit:
        // The schedule field is left empty when the period wording reads as the
        // stored schedule (it is then the source); else it holds the short line,
        // which reads back exactly.
        let fromPeriod = ScheduleReading.read(activity.period, language: state.language, period: state.plan.period).schedule
        var form = Form(kind: .edit(original: activity), title: p("Labot: \(id)", "Edit: \(id)"), fields: [
            FormField(key: "title", label: p("Nosaukums", "Title"), text: activity.title),
            FormField(key: "period", label: p("Periods", "Period"), text: activity.period, hint: periodHint),
            FormField(key: "schedule", label: p("Grafiks", "Schedule"),
                      text: fromPeriod == activity.schedule ? "" : ScheduleText.format(activity.schedule), hint: scheduleHint),
            FormField(key: "effective", label: p("Spēkā no", "Effective from"), hint: effectiveHint),
            FormField(key: "owners", label: p("Atbildīgie", "Owners"), text: activity.owners.joined(separator: ", ")),
            FormField(key: "funding", label: p("Finansējums", "Funding"),
                      text: activity.funding.map { code in activity.amounts[code].map { "\(code) \($0)" } ?? code }.joined(separator: ", "),
                      hint: p("kodi, aiz koda var būt summa eiro: PB 1500, VB", "codes, a code may be followed by euros: PB 1500, VB")),
            FormField(key: "target", label: p("Mērķa skaits", "Target"), text: activity.target.map { "\($0.count) \($0.unit)" } ?? "",
                      hint: p("piem. 30 pedagogi; tukšs — bez mērķa", "e.g. 30 pedagogi; empty for none")),
        ])
        showScheduleBack(&form, state)
        return form
    default:
        return nil
    }
}

/// The keys that move through a choice's options, from the key-binding table ("← →").
func choiceKeys(_ state: AppState) -> String {
    state.keyName(.fieldLeft) + " " + state.keyName(.fieldRight)
}

/// A hint of a field of several lines: `words`, then the key that starts a
/// new line, named from the key-binding table (never a literal).
func newLine(_ state: AppState, _ words: Phrase) -> Phrase {
    let key = state.keyName(.formNewline)
    return p("\(words.lv); \(key) — jauna rinda", "\(words.en); \(key) for a new line")
}

func addForm(_ state: AppState) -> Form {
    let goals = state.plan.goals.map { Choice("\($0.number)", "\($0.number). \($0.name(in: state.language))") }
    let current = state.selectedActivity?.goal ?? state.plan.goals.first?.number ?? 1
    var form = Form(kind: .add, title: p("Jauna aktivitāte", "New activity"), fields: [
        FormField(key: "goal", label: p("Mērķis", "Goal"), choices: goals,
                  selected: state.plan.goals.firstIndex { $0.number == current } ?? 0),
        FormField(key: "title", label: p("Nosaukums", "Title")),
        FormField(key: "period", label: p("Periods", "Period"), hint: periodHint),
        FormField(key: "schedule", label: p("Grafiks", "Schedule"), hint: scheduleHint),
        FormField(key: "effective", label: p("Spēkā no", "Effective from"), hint: effectiveHint),
        FormField(key: "owners", label: p("Atbildīgie", "Owners"), hint: p("kodi, piem. SD, IN", "codes, e.g. SD, IN")),
        FormField(key: "funding", label: p("Finansējums", "Funding"), text: "PB"),
        FormField(key: "target", label: p("Mērķa skaits", "Target"), hint: p("piem. 30 pedagogi; tukšs — bez mērķa", "e.g. 30 pedagogi; empty for none")),
    ])
    showScheduleBack(&form, state)
    return form
}

// MARK: The schedule of the add and edit forms (issue 27)

private let periodHint = p("plāna formulējums, piem. “Reizi ceturksnī no 2026. gada janvāra”; no tā nolasa grafiku",
                           "the plan's wording, e.g. “Reizi ceturksnī no 2026. gada janvāra”; the schedule is read from it")
private let scheduleHint = p("tukšs — pēc perioda; vai piem. reizi ceturksnī, ik gadu līdz 1. martam, every quarter from 2026-01",
                             "empty: from the period; or e.g. every quarter from 2026-01, yearly by 1 March, reizi ceturksnī")
private let effectiveHint = p("GGGG-MM-DD, no kura grafiks ir spēkā (agrākie logi nepastāv); tukšs — šī loga sākums",
                              "YYYY-MM-DD the schedule applies from (earlier windows do not exist); empty: the start of the current window")

/// Says back, under the period, schedule and effective fields, what the
/// form's schedule is read as ("→ katru ceturksni, 2026-01 … 2027-12"), or
/// why it cannot be read, as the person types.
func showScheduleBack(_ form: inout Form, _ state: AppState) {
    let original: Activity?
    switch form.kind {
    case .add: original = nil
    case .edit(let o): original = o
    default: return
    }
    var said: Phrase
    do {
        let (asTyped, schedule) = try ScheduleReading.resolved(
            schedule: form["schedule"], period: form["period"], effective: form["effective"], original: original?.schedule,
            plan: state.plan, today: state.today, language: state.language)
        // What saving would refuse is said here too, not only after Enter: the gate's own schedule rules.
        try ChangeRules.scheduleChange(schedule, was: original?.schedule, owing: original, tracker: state.tracker, today: state.today)
        // A start moved later by the day it takes effect is said so.
        let start = schedule.span(in: state.plan.period).first
        let moved = schedule != original?.schedule && asTyped.span(in: state.plan.period).first < start
        said = Phrase(lv: ScheduleText.showBack(schedule, period: state.plan.period, .lv) + (moved ? " (spēkā no \(start))" : ""),
                      en: ScheduleText.showBack(schedule, period: state.plan.period, .en) + (moved ? " (in force from \(start))" : ""))
        // A period that says something else than the schedule typed is not read: said, so no one thinks it was.
        if !form["schedule"].allSatisfy(\.isWhitespace),
           let fromPeriod = ScheduleReading.read(form["period"], language: state.language, period: state.plan.period).schedule,
           fromPeriod != asTyped {
            let other = Phrase(lv: ScheduleText.describe(fromPeriod, .lv), en: ScheduleText.describe(fromPeriod, .en))
            said = Phrase(lv: said.lv + "; periods saka “\(other.lv)”, bet grafiks ņemts no lauka “Grafiks” — notīriet to, lai to nolasītu no perioda",
                          en: said.en + "; the period says “\(other.en)”, but the schedule is taken from “Schedule” — empty it to read it from the period")
        }
    } catch {
        // Nothing typed yet in a new activity: the hints alone.
        if original == nil, form["period"].allSatisfy(\.isWhitespace), form["schedule"].allSatisfy(\.isWhitespace) {
            said = Phrase(lv: "", en: "")
        } else {
            said = Phrase(lv: "✗ " + error.phrase.lv, en: "✗ " + error.phrase.en)
        }
    }
    for (key, base) in [("period", periodHint), ("schedule", scheduleHint), ("effective", effectiveHint)] {
        guard let i = form.fields.firstIndex(where: { $0.key == key }) else { continue }
        form.fields[i].hint = said.lv.isEmpty ? base : Phrase(lv: said.lv + " · " + base.lv, en: said.en + " · " + base.en)
    }
}

/// The schedule the add or edit form says (issue 27): `ScheduleReading.resolve`
/// on the schedule, period and “Spēkā no” fields.
func formSchedule(_ form: Form, plan: Plan, today: Day, language: Language, original: Schedule?) throws(ChangeRefusal) -> Schedule {
    try ScheduleReading.resolve(schedule: form["schedule"], period: form["period"], effective: form["effective"],
                                original: original, plan: plan, today: today, language: language)
}

func filterForm(_ state: AppState) -> Form {
    let all = p("(visi)", "(all)").text(state.language)
    let plan = state.plan
    let owners = [Choice("", all)] + plan.allInstitutions
        .filter { i in plan.activities.contains { $0.owners.contains(i.code) } }
        .map { Choice($0.code, "\($0.code) · \($0.name(in: state.language))") }
    // "Bez līmeņa" is a choice when the plan has goals without a level.
    let levels = [Choice("", all)] + Level.allCases.map { Choice($0.rawValue, Level.name($0, state.language)) }
        + (plan.goals.contains { $0.level == nil } ? [Choice("none", Level.name(nil, state.language))] : [])
    let periodGroups = Set(plan.activities.map { PeriodGroup($0.schedule, period: plan.period) }).sorted()
    let periods = [Choice("", all)] + periodGroups.map { Choice("\($0)", $0.phrase.text(state.language)) }
    let states = [Choice("", all)] + StateGroup.allCases.map { Choice($0.rawValue, $0.phrase.text(state.language)) }
    func index(_ choices: [Choice], _ key: String?) -> Int { choices.firstIndex { $0.key == key } ?? 0 }
    var form = Form(kind: .filter, title: p("Filtrs", "Filter"), fields: [
        FormField(key: "owner", label: p("Iestāde", "Owner"), choices: owners, selected: index(owners, state.filter.owners.first)),
        FormField(key: "level", label: p("Līmenis", "Level"), choices: levels, selected: index(levels, state.filter.levels.first.map { $0?.rawValue ?? "none" })),
        FormField(key: "period", label: p("Periods", "Period"), choices: periods,
                  selected: index(periods, state.filter.periods.first.map { "\($0)" })),
        FormField(key: "state", label: p("Stāvoklis", "State"), choices: states, selected: index(states, state.filter.states.first?.rawValue)),
        FormField(key: "text", label: p("Teksts", "Text"), text: state.filter.text),
    ])
    let apply = state.keyName(.formSave)
    form.fields[0].hint = p("\(choiceKeys(state)) izvēlēties, \(apply) — lietot", "\(choiceKeys(state)) to choose, \(apply) to apply")
    return form
}

func reduceForm(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var form = state.form else { return [] }
    defer { if state.form != nil { state.form = form } }
    if form.saving { return [] }
    // A refusal is new for one key only.
    form.errorIsNew = false
    // In a field of several lines ↑ and ↓ move between its lines first, then to the next field.
    if key == .up || key == .down, form.fields.indices.contains(form.focus), form.fields[form.focus].multiline,
       case .text(let text, let cursor) = form.fields[form.focus].value {
        let width = FormLayout(form, state: state, width: state.width, height: state.height).valueWidth
        if let moved = FormLayout.cursor(cursor, movedBy: key == .up ? -1 : 1, in: text, width: width) {
            form.fields[form.focus].value = .text(text, cursor: moved)
            return []
        }
    }
    switch state.keyMap.command(for: key, in: .form) {
    case .formCancel?:
        state.form = nil
        return []
    case .formNext?:
        form.focus = (form.focus + 1) % max(form.fields.count, 1)
    case .formPrevious?:
        form.focus = (form.focus - 1 + form.fields.count) % max(form.fields.count, 1)
    case .formSave?:
        form.error = nil
        do {
            let effects = try submit(form, &state)
            if effects.isEmpty {
                state.form = nil
            } else {
                form.saving = true
            }
            return effects
        } catch {
            form.error = error.phrase
            form.errorIsNew = true
        }
    case .formNewline?:
        guard form.fields.indices.contains(form.focus) else { return [] }
        guard form.fields[form.focus].multiline else {
            form.error = Phrase(lv: "šim laukam ir viena rinda; rindas var dalīt piezīmēs un lēmumos",
                                en: "this field is one line; notes and decisions take several lines")
            return []
        }
        form.error = form.fields[form.focus].insert("\n", choiceKeys: choiceKeys(state))
    default:
        if form.fields.indices.contains(form.focus) {
            if key.character != nil, form.fields[form.focus].isFull {
                let limit = form.fields[form.focus].limit
                form.error = Phrase(lv: "laukā var būt līdz \(limit) rakstzīmēm", en: "the field holds up to \(limit) characters")
                return []
            }
            if form.fields[form.focus].edit(key, keyMap: state.keyMap) {
                showScheduleBack(&form, state)
                form.error = nil
            } else if form.fields[form.focus].isChoice, key.character != nil {
                // A choice is turned, not typed into: a letter says so rather than vanishing.
                form.error = p("šeit izvēlas ar \(choiceKeys(state)), nevis raksta", "here \(choiceKeys(state)) choose; typing does not")
            } else {
                form.error = nil
            }
        }
    }
    return []
}

/// Turns a filled form into a change, refused here with the same rules the
/// command line uses; a filter form applies at once and saves nothing.
func submit(_ form: Form, _ state: inout AppState) throws(ChangeRefusal) -> [Effect] {
    let plan = state.plan
    if let effects = try submitMeetingForm(form, &state) { return effects }
    if case .institutionEmail(let code) = form.kind { return try submitInstitutionEmail(code, form) }
    func optionalText(_ key: String) -> String? {
        let value = form[key].trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
    switch form.kind {
    case .record(let id):
        guard let date = Day(form["date"].trimmingCharacters(in: .whitespaces)) else {
            throw ChangeRefusal("datumam jābūt GGGG-MM-DD, nevis '\(form["date"])'", "the date must be YYYY-MM-DD, not '\(form["date"])'")
        }
        var count: Int?
        if let text = optionalText("count") {
            guard let n = Int(text) else {
                throw ChangeRefusal(Counts.refusal(text: text, field: Phrase(lv: "skaitam", en: "the count")))
            }
            count = n
        }
        let record = Record(activity: id, date: date, count: count, note: optionalText("note"), author: state.author)
        return try checked(form["done"] == "yes" ? .recordFinishing(record) : .record(record), state)
    case .status(let id):
        guard let status = Status(rawValue: form["status"]) else { return [] }
        let note = optionalText("note")
        // The same status and reason is no change: said, not saved (the journal holds only changes).
        if let activity = state.plan.activity(id), activity.status == status, activity.statusNote == note {
            state.message = Message(.notice, p("\(id) statuss jau ir “\(status.phrase.lv)”; nekas netika mainīts",
                                               "\(id) is already “\(status.phrase.en)”; nothing was changed"))
            return []
        }
        return try checked(.status(id, status, note: note), state)
    case .note(let id):
        let text = form["note"].trimmingCharacters(in: .whitespacesAndNewlines)
        return try checked(.note(id, text), state)
    case .waive(let id):
        let waiver = Waiver(activity: id, window: form["window"], note: form["note"].trimmingCharacters(in: .whitespaces),
                            author: state.author)
        return try checked(.waiver(waiver), state)
    case .edit(let original):
        var edited = original
        try fill(&edited, from: form, plan: plan)
        edited.schedule = try formSchedule(form, plan: plan, today: state.today, language: state.language, original: original.schedule)
        try ChangeRules.activityFields(edited, plan: plan)
        if edited == original { return [] }
        return try checked(.edit(edited, original: original), state)
    case .add:
        let goal = Int(form["goal"]) ?? 1
        var activity = Activity(id: plan.nextActivityID(in: goal), goal: goal, title: "", period: "",
                                schedule: .asNeeded, owners: [], funding: [])
        try fill(&activity, from: form, plan: plan)
        activity.schedule = try formSchedule(form, plan: plan, today: state.today, language: state.language, original: nil)
        return try checked(.add(activity), state)
    case .filter:
        var filter = Filter()
        filter.overdueOnly = state.filter.overdueOnly
        if let owner = optionalText("owner") { filter.owners = [owner] }
        if form["level"] == "none" {
            filter.levels = [nil]
        } else if let level = Level(rawValue: form["level"]) {
            filter.levels = [level]
        }
        let periodKey = form["period"]
        if !periodKey.isEmpty,
           let group = Set(plan.activities.map { PeriodGroup($0.schedule, period: plan.period) }).first(where: { "\($0)" == periodKey }) {
            filter.periods = [group]
        }
        if let group = StateGroup(rawValue: form["state"]) { filter.states = [group] }
        filter.text = form["text"]
        state.filter = filter
        state.relayout()
        return []
    default:
        return []
    }
}

/// Copies the edit/add form's fields into an activity, refusing what does not
/// parse (`ActivityText`: the command line reads them the same way).
func fill(_ activity: inout Activity, from form: Form, plan: Plan) throws(ChangeRefusal) {
    activity.title = form["title"].trimmingCharacters(in: .whitespaces)
    activity.period = form["period"].trimmingCharacters(in: .whitespaces)
    activity.owners = try ActivityText.owners(form["owners"])
    let funding = try ActivityText.funding(form["funding"])
    activity.funding = funding.codes
    activity.amounts = funding.amounts
    activity.target = try ActivityText.target(form["target"])
}

/// `change` through the one gate (`ChangeRules.check`) on the board's
/// snapshot, then asked of the store, which runs the gate again as it writes.
func checked(_ change: Change, _ state: AppState) throws(ChangeRefusal) -> [Effect] {
    try ChangeRules.check(change, in: state.snapshot, today: state.today)
    return [.save(change)]
}
