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

private func reduceAction(_ state: inout AppState, _ action: Action) -> [Effect] {
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
        state.form = nil
        var notice = saved.notice
        switch saved {
        case .meeting(let meeting):
            // The store's answer names the new meeting: the draft that asked for it is now that meeting.
            if state.draft?.meetingID == nil, state.draft?.date == meeting.date { state.draft?.meetingID = meeting.id }
        case .held:
            // The next step, with the key that takes it (from the bindings, so a rebinding never lies).
            let key = state.keyName(.minutes)
            notice = Phrase(lv: notice.lv + "; \(key) — protokols", en: notice.en + "; \(key) writes the minutes")
        default:
            break
        }
        state.message = Message(.notice, notice)
        return []
    case .notice(let phrase):
        state.message = Message(.notice, phrase)
        return []
    case .undoFound(let entry):
        guard let entry else {
            state.message = Message(.error, p("jums nav neatsauktu izmaiņu", "you have no change left to undo"))
            return []
        }
        let yes = state.keyName(.confirmYes), no = state.keyName(.confirmNo)
        state.confirmation = Confirmation(
            question: p("Atsaukt: \(JournalText.what(entry, .lv))? \(yes)/\(no)", "Undo: \(JournalText.what(entry, .en))? \(yes)/\(no)"),
            onYes: [.save(.undo(of: entry.id))])
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
        if state.confirmation != nil { return reduceConfirmation(&state, key) }
        if state.form != nil { return reduceForm(&state, key) }
        if state.searching { return reduceSearch(&state, key) }
        if state.message != nil { state.message = nil }
        guard let command = state.keyMap.command(for: key, on: state.screen) else {
            // A key the screen has no use for says so, rather than nothing.
            if key != .resize {
                let help = state.keyName(.help)
                state.message = Message(.error, p("\(key.displayName): šeit šim taustiņam nav nozīmes; \(help) — palīdzība",
                                                  "\(key.displayName) does nothing here; \(help) for help"))
            }
            return []
        }
        return perform(&state, command)
    case .command(let command):
        if state.message != nil { state.message = nil }
        return perform(&state, command)
    }
}

/// What the activity screen asks of the store: the activity's journal and its whole records.
private func loads(of id: ActivityID) -> [Effect] {
    [.loadJournal(subject: id), .loadRecords(id)]
}

/// Why a command cannot be used now, shown instead of silently doing nothing.
public func disabledReason(_ command: Command, in state: AppState) -> Phrase? {
    if let reason = meetingDisabledReason(command, in: state) { return reason }
    switch command {
    case .record, .status, .note, .edit:
        return target(state) == nil ? p("nav izvēlētas aktivitātes", "no activity is selected") : nil
    case .waive:
        guard let activity = target(state) else { return p("nav izvēlētas aktivitātes", "no activity is selected") }
        if missedWindows(activity, state).isEmpty {
            return p("aktivitātei \(activity.id) nav nokavētu logu", "activity \(activity.id) has no missed window")
        }
        return nil
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

private func perform(_ state: inout AppState, _ command: Command) -> [Effect] {
    if let reason = disabledReason(command, in: state) {
        state.message = Message(.error, reason)
        return []
    }
    if let effects = performMeeting(&state, command) { return effects }
    switch command {
    case .up: move(&state, rows: -1)
    case .down: move(&state, rows: 1)
    case .pageUp: move(&state, rows: -max(1, cardsPerColumn(state) - 1))
    case .pageDown: move(&state, rows: max(1, cardsPerColumn(state) - 1))
    case .home: move(&state, rows: Int.min / 2)
    case .end: move(&state, rows: Int.max / 2)
    case .left: moveColumn(&state, by: -1)
    case .right: moveColumn(&state, by: 1)
    case .open:
        guard let activity = state.selectedActivity else { return [] }
        if state.openActivity != activity.id { state.openRecords = [] }
        state.openActivity = activity.id
        goTo(&state, .activity)
        return loads(of: activity.id)
    case .back:
        state.screen = state.screenStack.popLast() ?? .board
        state.scroll = 0
        if state.screen == .activity, let id = state.openActivity { return loads(of: id) }
    case .record, .status, .note, .waive, .edit:
        guard let activity = target(state) else { return [] }
        state.form = makeForm(command, for: activity, state: state)
    case .add:
        state.form = addForm(state)
    case .undo:
        // In the agenda view the preparation's own last edit goes back first;
        // elsewhere the store's latest change, after a yes.
        if state.screen == .agenda, let previous = state.draftHistory.popLast() {
            state.draft = previous
            state.message = Message(.notice, p("Atsaukta pēdējā darba kārtības izmaiņa", "The agenda's last edit is undone"))
            return []
        }
        return [.findUndo]
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
    case .journal:
        goTo(&state, .journal)
        return [.loadJournal(subject: nil)]
    case .indicators: goTo(&state, .indicators)
    case .help: goTo(&state, .help)
    case .quit:
        state.quitting = true
        return [.quit]
    default:
        break
    }
    return []
}

/// How many cards fit one under another in a column of the current size.
public func cardsPerColumn(_ state: AppState) -> Int {
    max(1, (state.height - BoardMetrics.chromeRows) / BoardMetrics.cardHeight)
}

private func move(_ state: inout AppState, rows: Int) {
    if state.screen != .board {
        state.scroll = max(0, state.scroll &+ rows)
        return
    }
    guard state.layout.columns.indices.contains(state.column) else { return }
    let count = state.layout.columns[state.column].cards.count
    guard count > 0 else { return }
    state.row = min(max(state.row &+ rows, 0), count - 1)
}

private func moveColumn(_ state: inout AppState, by delta: Int) {
    guard state.screen == .board, !state.layout.columns.isEmpty else { return }
    let next = min(max(state.column + delta, 0), state.layout.columns.count - 1)
    guard next != state.column else { return }
    state.column = next
    state.clampSelection()
}

/// A yes/no question: yes runs what it asked about, no (or Esc) drops it;
/// any other key repeats the question.
private func reduceConfirmation(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard let confirmation = state.confirmation else { return [] }
    switch state.keyMap.command(for: key, in: .confirm) {
    case .confirmYes?:
        state.confirmation = nil
        state.message = nil
        return confirmation.onYes
    case .confirmNo?:
        state.confirmation = nil
        state.message = Message(.notice, p("Nekas netika mainīts", "Nothing was changed"))
    default:
        let yes = state.keyName(.confirmYes), no = state.keyName(.confirmNo)
        state.message = Message(.error, p("atbildiet \(yes) (jā) vai \(no) (nē)", "answer \(yes) (yes) or \(no) (no)"))
    }
    return []
}

private func reduceSearch(_ state: inout AppState, _ key: Key) -> [Effect] {
    // On the journal the text filters entries (activity or author); on the board, cards.
    let journal = state.screen == .journal
    var text = journal ? state.journalFilter : state.filter.text
    switch (state.keyMap.command(for: key, in: .search), key) {
    case (.searchDone?, _):
        state.searching = false
        return []
    case (.searchClear?, _):
        state.searching = false
        text = ""
    case (_, .backspace):
        if !text.isEmpty { text.removeLast() }
    case (_, .character(let c)):
        text.append(c)
    case (_, .control("u")):
        text = ""
    case (_, .up), (_, .down), (_, .left), (_, .right):
        state.searching = false
        return reduceAction(&state, .key(key))
    default:
        return []
    }
    if journal {
        state.journalFilter = text
        state.scroll = 0
    } else if text != state.filter.text {
        state.filter.text = text
        state.relayout()
    }
    return []
}

// MARK: - Forms

private func makeForm(_ command: Command, for activity: Activity, state: AppState) -> Form? {
    let id = activity.id
    switch command {
    case .record:
        return Form(kind: .record(id), title: p("Izpilde: \(id)", "Record: \(id)"), fields: [
            FormField(key: "date", label: p("Datums", "Date"), text: state.today.description, hint: p("GGGG-MM-DD", "YYYY-MM-DD")),
            FormField(key: "count", label: p("Skaits", "Count"),
                      hint: activity.target.map { p("cik \($0.unit) (nav obligāts)", "how many \($0.unit) (optional)") }
                            ?? p("nav obligāts", "optional")),
            FormField(key: "note", label: p("Piezīme", "Note"), hint: p("bez personas datiem", "no personal data")),
        ])
    case .status:
        let choices = Status.allCases.map { Choice($0.rawValue, $0.phrase.text(state.language)) }
        return Form(kind: .status(id), title: p("Statuss: \(id)", "Status: \(id)"), fields: [
            FormField(key: "status", label: p("Statuss", "Status"), choices: choices,
                      selected: Status.allCases.firstIndex(of: activity.status) ?? 0, hint: p("← → izvēlēties", "← → to choose")),
            FormField(key: "note", label: p("Iemesls", "Reason"), text: activity.statusNote ?? "",
                      hint: p("kāpēc bloķēta vai atmesta", "why blocked or dropped")),
        ])
    case .note:
        return Form(kind: .note(id), title: p("Piezīme: \(id)", "Note: \(id)"), fields: [
            FormField(key: "note", label: p("Piezīme", "Note"), hint: p("bez personas datiem", "no personal data")),
        ])
    case .waive:
        let windows = missedWindows(activity, state).reversed().map { Choice($0.label, $0.label) }
        return Form(kind: .waive(id), title: p("Atbrīvot logu: \(id)", "Waive a window: \(id)"), fields: [
            FormField(key: "window", label: p("Logs", "Window"), choices: Array(windows), hint: p("nokavētie logi, jaunākais pirmais", "missed windows, latest first")),
            FormField(key: "note", label: p("Iemesls", "Reason"), hint: p("obligāts; bez personas datiem", "required; no personal data")),
        ])
    case .edit:
        return Form(kind: .edit(original: activity), title: p("Labot: \(id)", "Edit: \(id)"), fields: [
            FormField(key: "title", label: p("Nosaukums", "Title"), text: activity.title),
            FormField(key: "period", label: p("Periods", "Period"), text: activity.period, hint: p("plāna formulējums", "the plan's wording")),
            FormField(key: "schedule", label: p("Grafiks", "Schedule"), text: ScheduleText.format(activity.schedule),
                      hint: p("once 2025-06 · every quarter · ongoing quarter · as-needed", "once 2025-06 · every quarter · ongoing quarter · as-needed")),
            FormField(key: "owners", label: p("Atbildīgie", "Owners"), text: activity.owners.joined(separator: ", ")),
            FormField(key: "funding", label: p("Finansējums", "Funding"), text: activity.funding.joined(separator: ", ")),
            FormField(key: "target", label: p("Mērķa skaits", "Target"), text: activity.target.map { "\($0.count) \($0.unit)" } ?? "",
                      hint: p("piem. 30 pedagogi; tukšs — bez mērķa", "e.g. 30 pedagogi; empty for none")),
        ])
    default:
        return nil
    }
}

private func addForm(_ state: AppState) -> Form {
    let goals = state.plan.goals.map { Choice("\($0.number)", "\($0.number). \($0.title)") }
    let current = state.selectedActivity?.goal ?? state.plan.goals.first?.number ?? 1
    return Form(kind: .add, title: p("Jauna aktivitāte", "New activity"), fields: [
        FormField(key: "goal", label: p("Mērķis", "Goal"), choices: goals,
                  selected: state.plan.goals.firstIndex { $0.number == current } ?? 0),
        FormField(key: "title", label: p("Nosaukums", "Title")),
        FormField(key: "period", label: p("Periods", "Period"), hint: p("plāna formulējums", "the plan's wording")),
        FormField(key: "schedule", label: p("Grafiks", "Schedule"), text: "ongoing quarter",
                  hint: p("once 2025-06 · every quarter · ongoing quarter · as-needed", "once 2025-06 · every quarter · ongoing quarter · as-needed")),
        FormField(key: "owners", label: p("Atbildīgie", "Owners"), hint: p("kodi, piem. SD, IN", "codes, e.g. SD, IN")),
        FormField(key: "funding", label: p("Finansējums", "Funding"), text: "PB"),
        FormField(key: "target", label: p("Mērķa skaits", "Target"), hint: p("piem. 30 pedagogi; tukšs — bez mērķa", "e.g. 30 pedagogi; empty for none")),
    ])
}

private func filterForm(_ state: AppState) -> Form {
    let all = p("(visi)", "(all)").text(state.language)
    let plan = state.plan
    let owners = [Choice("", all)] + plan.allInstitutions
        .filter { i in plan.activities.contains { $0.owners.contains(i.code) } }
        .map { Choice($0.code, "\($0.code) · \($0.name(in: state.language))") }
    let levels = [Choice("", all)] + Level.allCases.map { Choice($0.rawValue, state.language == .en ? $0.en : $0.lv) }
    let periodGroups = Set(plan.activities.map { PeriodGroup($0.schedule, period: plan.period) }).sorted()
    let periods = [Choice("", all)] + periodGroups.map { Choice("\($0)", $0.phrase.text(state.language)) }
    let states = [Choice("", all)] + StateGroup.allCases.map { Choice($0.rawValue, $0.phrase.text(state.language)) }
    func index(_ choices: [Choice], _ key: String?) -> Int { choices.firstIndex { $0.key == key } ?? 0 }
    var form = Form(kind: .filter, title: p("Filtrs", "Filter"), fields: [
        FormField(key: "owner", label: p("Iestāde", "Owner"), choices: owners, selected: index(owners, state.filter.owners.first)),
        FormField(key: "level", label: p("Līmenis", "Level"), choices: levels, selected: index(levels, state.filter.levels.first?.rawValue)),
        FormField(key: "period", label: p("Periods", "Period"), choices: periods,
                  selected: index(periods, state.filter.periods.first.map { "\($0)" })),
        FormField(key: "state", label: p("Stāvoklis", "State"), choices: states, selected: index(states, state.filter.states.first?.rawValue)),
        FormField(key: "text", label: p("Teksts", "Text"), text: state.filter.text),
    ])
    let apply = state.keyName(.formSave)
    form.fields[0].hint = p("← → izvēlēties, \(apply) — lietot", "← → to choose, \(apply) to apply")
    return form
}

private func reduceForm(_ state: inout AppState, _ key: Key) -> [Effect] {
    guard var form = state.form else { return [] }
    defer { if state.form != nil { state.form = form } }
    if form.saving { return [] }
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
        }
    default:
        if form.fields.indices.contains(form.focus) {
            _ = form.fields[form.focus].edit(key)
            form.error = nil
        }
    }
    return []
}

/// Turns a filled form into a change, refused here with the same rules the
/// command line uses; a filter form applies at once and saves nothing.
private func submit(_ form: Form, _ state: inout AppState) throws(ChangeRefusal) -> [Effect] {
    let plan = state.plan
    if let effects = try submitMeetingForm(form, &state) { return effects }
    func optionalText(_ key: String) -> String? {
        let value = form[key].trimmingCharacters(in: .whitespaces)
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
        try ChangeRules.record(record, plan: plan, today: state.today)
        return [.save(.record(record))]
    case .status(let id):
        guard let status = Status(rawValue: form["status"]) else { return [] }
        let note = optionalText("note")
        try ChangeRules.status(id, note: note, plan: plan)
        return [.save(.status(id, status, note: note))]
    case .note(let id):
        let text = form["note"].trimmingCharacters(in: .whitespaces)
        try ChangeRules.requiredText(text, field: ChangeRules.noteField)
        return [.save(.note(id, text))]
    case .waive(let id):
        let waiver = Waiver(activity: id, window: form["window"], note: form["note"].trimmingCharacters(in: .whitespaces),
                            author: state.author)
        try ChangeRules.waiver(waiver, tracker: state.tracker, today: state.today)
        return [.save(.waiver(waiver))]
    case .edit(let original):
        var edited = original
        try fill(&edited, from: form, plan: plan)
        try ChangeRules.activityFields(edited, plan: plan)
        if edited == original { return [] }
        return [.save(.edit(edited, original: original))]
    case .add:
        let goal = Int(form["goal"]) ?? 1
        let taken = plan.activities(of: goal).compactMap { Int($0.id.split(separator: ".").last ?? "") }
        var activity = Activity(id: "\(goal).\((taken.max() ?? 0) + 1)", goal: goal, title: "", period: "",
                                schedule: .asNeeded, owners: [], funding: [])
        try fill(&activity, from: form, plan: plan)
        try ChangeRules.activityFields(activity, plan: plan)
        return [.save(.add(activity))]
    case .filter:
        var filter = Filter()
        filter.overdueOnly = state.filter.overdueOnly
        if let owner = optionalText("owner") { filter.owners = [owner] }
        if let level = Level(rawValue: form["level"]) { filter.levels = [level] }
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

/// Copies the edit/add form's fields into an activity, refusing what does not parse.
private func fill(_ activity: inout Activity, from form: Form, plan: Plan) throws(ChangeRefusal) {
    func codes(_ key: String) -> [String] {
        form[key].split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.uppercased() }.filter { !$0.isEmpty }
    }
    activity.title = form["title"].trimmingCharacters(in: .whitespaces)
    activity.period = form["period"].trimmingCharacters(in: .whitespaces)
    activity.schedule = try ScheduleText.parse(form["schedule"])
    activity.owners = codes("owners")
    activity.funding = codes("funding")
    let target = form["target"].trimmingCharacters(in: .whitespaces)
    if target.isEmpty {
        activity.target = nil
    } else {
        let parts = target.split(separator: " ", maxSplits: 1)
        guard let count = Int(parts[0]) else {
            // Digits too many for a number: say the range; anything else: say the shape.
            if parts[0].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
                throw ChangeRefusal(Counts.refusal(text: String(parts[0]), field: Phrase(lv: "mērķa skaitam", en: "the target count")))
            }
            throw ChangeRefusal("mērķim jābūt skaitlim un mērvienībai, piem. '30 pedagogi'", "the target must be a number and a unit, e.g. '30 pedagogi'")
        }
        activity.target = Target(count: count, unit: parts.count > 1 ? String(parts[1]) : "")
    }
}
