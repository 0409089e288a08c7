/// A change the rules refuse, with the sentence that says why.
public struct ChangeRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public var phrase: Phrase

    public init(_ lv: String, _ en: String) {
        phrase = Phrase(lv: lv, en: en)
    }

    public init(_ phrase: Phrase) {
        self.phrase = phrase
    }

    public var description: String { phrase.en }
}

/// The checks every change passes before it is saved, the same for the
/// command line and the board: one home for "what may be written".
public enum ChangeRules {
    /// The activity with this id, or a refusal naming it.
    public static func activity(_ id: ActivityID, in plan: Plan) throws(ChangeRefusal) -> Activity {
        guard let activity = plan.activity(id) else {
            throw ChangeRefusal("nav aktivitātes ar id '\(id)'", "there is no activity with the id '\(id)'")
        }
        return activity
    }

    /// A free-text field: no personal code, no control character, a line
    /// break only where `lines` is `.several` (SPEC §6; see `FreeText`).
    /// A change's text is at most `FreeText.limit(lines)` characters, the
    /// board's field limit, whoever writes it (issue 25: the one gate).
    public static func text(_ text: String, field: Phrase, lines: FreeText.Lines = .one) throws(ChangeRefusal) {
        if let problem = FreeText.problem(in: text, lines: lines) {
            throw ChangeRefusal(problem.phrase(field: field))
        }
        let limit = FreeText.limit(lines), count = text.count
        if count > limit {
            throw ChangeRefusal("\(field.lv) ir par garu: līdz \(limit) rakstzīmēm, nevis \(count); nekas netika saglabāts",
                                "\(field.en) is too long: up to \(limit) characters, not \(count); nothing was saved")
        }
    }

    /// Non-empty free text that passes `text(_:field:lines:)`.
    public static func requiredText(_ text: String, field: Phrase, lines: FreeText.Lines = .one) throws(ChangeRefusal) {
        if text.allSatisfy(\.isWhitespace) {
            throw ChangeRefusal("jāaizpilda: \(field.lv)", "\(field.en) is empty")
        }
        try self.text(text, field: field, lines: lines)
    }

    /// A count of people or places, or a target: a whole number in
    /// `Counts.range` (SPEC §6, "Numbers").
    public static func count(_ value: Int, field: Phrase) throws(ChangeRefusal) {
        if !Counts.range.contains(value) {
            throw ChangeRefusal(Counts.refusal(value, field: field))
        }
    }

    /// The author of a change (`--user`, `SARGS_USER`, the login name): one
    /// line without a personal code.
    public static func author(_ name: String) throws(ChangeRefusal) {
        try requiredText(name, field: Phrase(lv: "lietotāja vārds (--user)", en: "the user name (--user)"))
    }

    public static let noteField = Phrase(lv: "piezīme", en: "the note")
    /// Why a window is waived, or an activity blocked or dropped: the waive
    /// and status forms call the field "Iemesls", and so do their refusals.
    public static let reasonField = Phrase(lv: "iemesls", en: "the reason")

    /// A record: dated no later than today and no earlier than the plan start,
    /// a positive count, a note with no personal code.
    public static func record(_ record: Record, plan: Plan, today: Day) throws(ChangeRefusal) {
        _ = try activity(record.activity, in: plan)
        try recordDate(record.date, today: today, planStart: plan.period.first)
        if record.date > plan.period.last {
            throw ChangeRefusal("izpildes datums \(record.date) ir pēc plāna beigām (\(plan.period.last))",
                                "the record's date \(record.date) is after the plan ends (\(plan.period.last))")
        }
        if let count = record.count { try self.count(count, field: Phrase(lv: "skaitam", en: "the count")) }
        if let note = record.note { try text(note, field: noteField, lines: .several) }
        try author(record.author)
    }

    /// A record's date: not after today, not before the plan starts. The
    /// store runs it too, inside the transaction that writes the record.
    public static func recordDate(_ date: Day, today: Day, planStart: Day) throws(ChangeRefusal) {
        if date > today {
            throw ChangeRefusal("izpildes datums \(date) ir pēc šodienas (\(today))",
                                "the record's date \(date) is after today (\(today))")
        }
        if date < planStart {
            throw ChangeRefusal("izpildes datums \(date) ir pirms plāna sākuma (\(planStart))",
                                "the record's date \(date) is before the plan starts (\(planStart))")
        }
    }

    /// A record that also finishes its activity (`record --done`): only a
    /// one-off (`once`) activity that is not done or dropped is finished by a record.
    public static func finishing(_ activity: Activity) throws(ChangeRefusal) {
        guard activity.schedule.kind == .once else {
            throw ChangeRefusal("--done pabeidz tikai vienreizēju aktivitāti; \(activity.id) ir atkārtota — statusu maina “sargs status \(activity.id) done”",
                                "--done finishes only a one-off activity; \(activity.id) repeats — set its status with “sargs status \(activity.id) done”")
        }
        if activity.status == .done || activity.status == .dropped {
            throw ChangeRefusal("\(activity.id) jau ir \(activity.status.phrase.lv)", "\(activity.id) is already \(activity.status.phrase.en)")
        }
    }

    /// Whether recording `activity` on `day` should ask if it is now done:
    /// a one-off not yet done whose window holds the day (SPEC §7 `record --done`).
    public static func recordMayFinish(_ activity: Activity, on day: Day, period: DayRange) -> Bool {
        guard activity.schedule.kind == .once, activity.status != .done, activity.status != .dropped else { return false }
        return activity.schedule.span(in: period).contains(day) || activity.schedule.span(in: period).last < day
    }

    /// A waiver: names a window of the activity's schedule that is missed as of today.
    public static func waiver(_ waiver: Waiver, tracker: Tracker, today: Day) throws(ChangeRefusal) {
        let activity = try activity(waiver.activity, in: tracker.plan)
        if activity.schedule.kind == .once {
            throw ChangeRefusal("vienreizējai aktivitātei \(activity.id) nav atkārtotu logu, ko atbrīvot; ja tā netiks veikta — “sargs status \(activity.id) dropped”",
                                "the one-off activity \(activity.id) has no repeating windows to waive; if it will not be done: “sargs status \(activity.id) dropped”")
        }
        try requiredText(waiver.note, field: reasonField, lines: .several)
        try author(waiver.author)
        guard Window.parse(waiver.window) != nil else {
            throw ChangeRefusal(
                "'\(waiver.window)' nav loga apzīmējums; piemēri: 2025-W07, 2025-03, 2025-Q2, 2025-H1, 2025",
                "'\(waiver.window)' is not a window label; examples: 2025-W07, 2025-03, 2025-Q2, 2025-H1, 2025")
        }
        let windows = tracker.windows(of: activity, on: today)
        guard let entry = windows.first(where: { $0.window.label == waiver.window }) else {
            throw ChangeRefusal("aktivitātei \(activity.id) nav loga \(waiver.window)",
                                "activity \(activity.id) has no window \(waiver.window)")
        }
        guard entry.state == .missed else {
            throw ChangeRefusal(
                "logs \(waiver.window) aktivitātei \(activity.id) nav nokavēts (tas ir: \(entry.state.phrase.lv)); atbrīvot var tikai nokavētu logu",
                "the window \(waiver.window) of activity \(activity.id) is not missed (it is \(entry.state.phrase.en)); only a missed window can be waived")
        }
    }

    /// A status change, with an optional note.
    public static func status(_ id: ActivityID, note: String?, plan: Plan) throws(ChangeRefusal) {
        _ = try activity(id, in: plan)
        if let note { try text(note, field: reasonField, lines: .several) }
    }

    /// A new or edited activity, against the plan it joins.
    public static func activityFields(_ activity: Activity, plan: Plan) throws(ChangeRefusal) {
        try requiredText(activity.title, field: Phrase(lv: "nosaukums", en: "the title"))
        try requiredText(activity.period, field: Phrase(lv: "periods", en: "the period"))
        guard plan.goal(activity.goal) != nil else {
            throw ChangeRefusal("plānā nav mērķa \(activity.goal)", "the plan has no goal \(activity.goal)")
        }
        if activity.owners.isEmpty {
            throw ChangeRefusal("aktivitātei jābūt vismaz vienai atbildīgajai iestādei", "an activity needs at least one owner")
        }
        try institutions(activity.owners, plan: plan)
        let funding = Set(plan.allFunding.map(\.code))
        for code in activity.funding where !funding.contains(code) {
            throw ChangeRefusal("nezināms finanšu avota kods '\(code)'", "unknown funding code '\(code)'")
        }
        // The plan file lists each code once (SPEC §3); a change may not store what it would refuse.
        for (codes, lv, en) in [(activity.owners, "atbildīgo iestāžu", "the owners"), (activity.funding, "finansējuma", "the funding")] {
            if let repeated = codes.enumerated().first(where: { codes[..<$0.offset].contains($0.element) })?.element {
                throw ChangeRefusal("kods '\(repeated)' \(lv) sarakstā atkārtojas", "the code '\(repeated)' is repeated in \(en)")
            }
        }
        for code in activity.amounts.keys where !activity.funding.contains(code) {
            throw ChangeRefusal("summa kodam '\(code)', kas nav finansējumā", "an amount for '\(code)', which is not in the funding")
        }
        if let en = activity.en { try text(en, field: Phrase(lv: "angļu nosaukums", en: "the English title")) }
        for link in activity.links { try text(link, field: Phrase(lv: "saite", en: "a link")) }
        if let target = activity.target {
            try count(target.count, field: Phrase(lv: "mērķa skaitam", en: "the target count"))
            try requiredText(target.unit, field: Phrase(lv: "mērķa mērvienība", en: "the target unit"))
        }
        try scheduleSpan(activity.schedule, period: plan.period)
        if let note = activity.statusNote { try text(note, field: noteField, lines: .several) }
    }

    /// A schedule's days: it starts before it ends, inside the plan's period.
    public static func scheduleSpan(_ schedule: Schedule, period: DayRange) throws(ChangeRefusal) {
        let span = schedule.span(in: period)
        if span.isEmpty {
            throw ChangeRefusal("grafiks beidzas pirms tas sākas (\(span.first) … \(span.last))",
                                "the schedule ends before it starts (\(span.first) … \(span.last))")
        }
        if !period.contains(span) {
            throw ChangeRefusal("grafiks iziet ārpus plāna perioda (\(period.first) … \(period.last))",
                                "the schedule lies outside the plan period (\(period.first) … \(period.last))")
        }
    }

    /// A new schedule, or a changed one, takes effect in a year that is not
    /// over (issue 27: a year that is over is closed, and its report stays as
    /// it was): its span must not begin before 1 January of `today`'s year,
    /// and the plan's period must not be over. A schedule left as it was
    /// (`original`), and `as-needed`, which has no windows, pass.
    public static func openYears(_ schedule: Schedule, was original: Schedule?, period: DayRange, today: Day) throws(ChangeRefusal) {
        guard schedule != original, schedule.kind != .asNeeded else { return }
        let yearStart = Day(year: today.year, month: 1, day: 1)!
        if yearStart > period.last {
            throw ChangeRefusal("plāna periods beidzās \(period.last); tā grafikus vairs nemaina",
                                "the plan's period ended on \(period.last); its schedules no longer change")
        }
        let first = schedule.span(in: period).first
        guard first < yearStart else { return }
        let one = first.year == today.year - 1
        let lv = one ? "\(first.year). gads ir noslēgts, tā pārskats vairs nemainās"
                     : "\(first.year).–\(today.year - 1). gadi ir noslēgti, to pārskati vairs nemainās"
        let en = one ? "\(first.year) is closed and its report no longer changes"
                     : "\(first.year)–\(today.year - 1) are closed and their reports no longer change"
        throw ChangeRefusal("\(lv): grafiks nevar sākties \(first); tam jābūt spēkā no \(yearStart) vai vēlāk (“Spēkā no”, --from)",
                            "\(en): the schedule cannot start on \(first); it must take effect on \(yearStart) or later (“Effective from”, --from)")
    }

    /// The rules a new or changed schedule passes (issue 27), one sequence for
    /// the gate and for the form that says them before saving: its days lie
    /// in the plan (`scheduleSpan`), it starts in a year not over
    /// (`openYears`, against `original`), and it erases nothing the stored
    /// activity (`owing`) owes (`keepsOwedWindows`).
    public static func scheduleChange(_ schedule: Schedule, was original: Schedule?, owing stored: Activity?, tracker: Tracker,
                                      today: Day) throws(ChangeRefusal) {
        try scheduleSpan(schedule, period: tracker.plan.period)
        try openYears(schedule, was: original, period: tracker.plan.period, today: today)
        guard let stored else { return }
        var changed = stored
        changed.schedule = schedule
        try keepsOwedWindows(changed, was: stored, tracker: tracker, today: today)
    }

    /// A schedule changed from `original` replaces the old schedule's windows
    /// (issue 27): none it owes may go with them. Every window of this year
    /// that the old schedule has missed (no record, no waiver; a one-off past
    /// its deadline, not done or dropped) must be recorded or waived, with
    /// the group's reason, before the schedule changes, whether it lies
    /// before the new start or is replaced after it; a window not ended yet
    /// but ending before a later start is still asked for by the old
    /// schedule, so the change waits until it takes effect. `tracker` holds
    /// the activity's records and waivers.
    public static func keepsOwedWindows(_ activity: Activity, was original: Activity, tracker: Tracker, today: Day) throws(ChangeRefusal) {
        guard activity.schedule != original.schedule, original.schedule.kind != .asNeeded else { return }
        if original.schedule.kind == .once, original.status == .done || original.status == .dropped { return }
        let period = tracker.plan.period
        // As needed has no start of its own: it takes over today.
        let start = activity.schedule.kind == .asNeeded ? today : activity.schedule.span(in: period).first
        let yearStart = Day(year: today.year, month: 1, day: 1)!
        var missed: [String] = [], pending: [String] = []
        for (window, state) in tracker.windows(of: original, on: today) where window.last >= yearStart {
            switch state {
            case .missed: missed.append(window.label)
            case .open, .future: if window.first < start && window.last < start { pending.append(window.label) }
            case .met, .waived: break
            }
        }
        func names(_ labels: [String], _ language: Language) -> String {
            labels.map { WindowWords.name($0, language) }.joined(separator: ", ")
        }
        if !missed.isEmpty {
            let one = missed.count == 1
            // A one-off is not waived: it is recorded, or its status says it will not be done.
            let remedy = original.schedule.kind == .once
                ? Phrase(lv: "vispirms ierakstiet izpildi vai mainiet statusu (s; sargs status)", en: "first record it or set its status (s; sargs status)")
                : Phrase(lv: "vispirms ierakstiet izpildi vai atbrīvojiet \(one ? "to" : "tos") ar iemeslu (w; sargs waive)",
                         en: "first record \(one ? "it" : "them") or waive \(one ? "it" : "them") with a reason (w; sargs waive)")
            throw ChangeRefusal(
                "grafika maiņa no \(start) izdzēstu \(original.id) \(one ? "nokavēto logu" : "nokavētos logus") \(names(missed, .lv)); \(remedy.lv)",
                "changing the schedule from \(start) would erase the missed \(one ? "window" : "windows") \(names(missed, .en)) of \(original.id); \(remedy.en)")
        }
        if !pending.isEmpty {
            throw ChangeRefusal(
                "līdz \(start) vecais grafiks vēl prasa \(pending.count == 1 ? "logu" : "logus") \(names(pending, .lv)); grafiku var mainīt, kad \(pending.count == 1 ? "tas beidzies" : "tie beigušies"), vai no agrāka datuma",
                "until \(start) the old schedule still asks for \(names(pending, .en)); change the schedule once \(pending.count == 1 ? "it has" : "they have") ended, or from an earlier day")
        }
    }

    /// A meeting's topic; an emergency meeting needs one.
    public static func meeting(_ meeting: Meeting, plan: Plan) throws(ChangeRefusal) {
        if !plan.period.contains(meeting.date) {
            throw ChangeRefusal("sēdes datums \(meeting.date) ir ārpus plāna perioda (\(plan.period.first)–\(plan.period.last))",
                                "the meeting's date \(meeting.date) is outside the plan period (\(plan.period.first)–\(plan.period.last))")
        }
        if let topic = meeting.topic { try text(topic, field: Phrase(lv: "sēdes tēma", en: "the meeting topic")) }
        if meeting.kind == .emergency, (meeting.topic ?? "").allSatisfy(\.isWhitespace) {
            throw ChangeRefusal("ārkārtas sēdei vajag tēmu", "an emergency meeting needs a topic")
        }
    }

    /// A meeting of the same kind already on the meeting's date, not
    /// cancelled (issue 26): one date has one agenda of each kind. Says
    /// which meeting is there and how to change or cancel it.
    public static func twin(_ meeting: Meeting, among meetings: [Meeting]) throws(ChangeRefusal) {
        guard let twin = meeting.twin(among: meetings) else { return }
        let kind = meeting.kind.phrase
        if twin.state == .held {
            // A held meeting is a record: it is neither re-planned nor cancelled.
            let other = meeting.kind == .regular
            throw ChangeRefusal(
                "\(meeting.date) jau notika \(kind.lv) sēde Nr. \(twin.id); vienā dienā var būt viena šāda sēde — izvēlieties citu datumu" + (other ? " vai ārkārtas sēdi (--kind emergency)" : ""),
                "\(meeting.date) already had \(kind.en) meeting \(twin.id), held; one date has one meeting of a kind — choose another date" + (other ? " or an emergency meeting (--kind emergency)" : ""))
        }
        throw ChangeRefusal(
            "\(meeting.date) jau ir \(kind.lv) sēde Nr. \(twin.id) (\(twin.state.phrase.lv)); vienā dienā var būt viena šāda sēde — mainiet tās darba kārtību vai atceliet to (sargs meeting cancel \(twin.id))",
            "\(meeting.date) already has \(kind.en) meeting \(twin.id) (\(twin.state.phrase.en)); one date has one meeting of a kind — change its agenda or cancel it (sargs meeting cancel \(twin.id))")
    }

    /// Institution codes (owners, attendees, a decision's owner): each one the plan knows.
    public static func institutions(_ codes: [String], plan: Plan) throws(ChangeRefusal) {
        let known = Set(plan.allInstitutions.map(\.code))
        for code in codes where !known.contains(code) {
            throw ChangeRefusal("nezināms iestādes kods '\(code)'", "unknown institution code '\(code)'")
        }
    }

    /// A decision: text without personal data, a known owner, a known
    /// activity, and (given its meeting's date) a due date not before it.
    public static func decision(_ decision: Decision, plan: Plan, meetingDate: Day? = nil) throws(ChangeRefusal) {
        try requiredText(decision.text, field: Phrase(lv: "lēmuma teksts", en: "the decision text"), lines: .several)
        try institutions([decision.owner], plan: plan)
        if let id = decision.activity { _ = try activity(id, in: plan) }
        if let meetingDate { try due(decision.due, meetingDate: meetingDate) }
    }

    /// A decision's due date: not before the date of the meeting that took it.
    public static func due(_ due: Day, meetingDate: Day) throws(ChangeRefusal) {
        if due < meetingDate {
            throw ChangeRefusal("termiņš \(due) ir pirms sēdes datuma \(meetingDate)",
                                "the due date \(due) is before the meeting's date \(meetingDate)")
        }
    }

    /// What the minutes carry about a sitting: one-line texts without
    /// personal data, known institutions, an end other than the start (an
    /// end before it is the next day: `Meeting.Details.endsNextDay`).
    public static func details(_ details: Meeting.Details, plan: Plan) throws(ChangeRefusal) {
        for (field, value) in details.texts { if let value { try text(value, field: field) } }
        try institutions(details.attendees, plan: plan)
        // An end before the start is the next day (a sitting from 23:30 to 00:30, issue 27): at most
        // 24 hours. One at the very minute it started has no length: a slip, said so.
        if let started = details.started, let ended = details.ended, ended == started {
            throw ChangeRefusal("beigu laiks \(ended) sakrīt ar sākuma laiku; ja sēde beidzās nākamajā dienā tajā pašā laikā, tā ilga 24 stundas — pārbaudiet laikus",
                                "the end time \(ended) is the start time; a sitting that ended at the same time the next day lasted 24 hours — check the times")
        }
    }

    /// Holding `meeting` (as stored) on `today`: a planned meeting whose date has come.
    public static func hold(_ meeting: Meeting, today: Day) throws(ChangeRefusal) {
        switch meeting.state {
        case .held:
            throw ChangeRefusal("sēde Nr. \(meeting.id) jau ir notikusi; tās ziņas maina ar “sargs meeting edit \(meeting.id)”",
                                "meeting \(meeting.id) is already held; change its details with “sargs meeting edit \(meeting.id)”")
        case .cancelled:
            throw ChangeRefusal("sēde Nr. \(meeting.id) ir atcelta; atceltu sēdi nevar atzīmēt kā notikušu",
                                "meeting \(meeting.id) is cancelled; a cancelled meeting cannot be held")
        case .planned:
            if meeting.date > today {
                throw ChangeRefusal("sēde Nr. \(meeting.id) ir plānota \(meeting.date); nākotnes sēdi nevar atzīmēt kā notikušu (šodien \(today))",
                                    "meeting \(meeting.id) is planned for \(meeting.date); a meeting in the future cannot be held (today is \(today))")
            }
        }
    }

    /// Cancelling `meeting` (as stored): only a planned meeting.
    public static func cancel(_ meeting: Meeting) throws(ChangeRefusal) {
        switch meeting.state {
        case .held:
            throw ChangeRefusal("sēde Nr. \(meeting.id) ir notikusi; notikušu sēdi nevar atcelt",
                                "meeting \(meeting.id) is held; a held meeting cannot be cancelled")
        case .cancelled:
            throw ChangeRefusal("sēde Nr. \(meeting.id) jau ir atcelta", "meeting \(meeting.id) is already cancelled")
        case .planned:
            break
        }
    }

    /// Editing the details of `meeting` (as stored): planned or held, not cancelled.
    public static func edit(_ meeting: Meeting) throws(ChangeRefusal) {
        if meeting.state == .cancelled {
            throw ChangeRefusal("sēde Nr. \(meeting.id) ir atcelta; tās ziņas vairs nemaina",
                                "meeting \(meeting.id) is cancelled; its details no longer change")
        }
    }
}

/// Counts of people or places and targets (SPEC §6, "Numbers"): whole
/// numbers from 1 to 1,000,000,000. Sums of counts are kept in 64 bits and
/// saturate instead of overflowing, so no stored value crashes a reader.
public enum Counts {
    public static let range: ClosedRange<Int> = 1...1_000_000_000

    /// The refusal of `value` for `field`, naming the range; `field.lv` is
    /// the field's name in the dative ("skaitam", "mērķa skaitam").
    public static func refusal(_ value: Int, field: Phrase) -> Phrase {
        Phrase(lv: "\(field.lv) jābūt veselam skaitlim no 1 līdz 1 000 000 000, nevis \(value)",
               en: "\(field.en) must be a whole number from 1 to 1,000,000,000, not \(value)")
    }

    /// The refusal of a text that is not a whole number at all.
    public static func refusal(text: String, field: Phrase) -> Phrase {
        Phrase(lv: "\(field.lv) jābūt veselam skaitlim no 1 līdz 1 000 000 000, nevis '\(SafeText.line(text))'",
               en: "\(field.en) must be a whole number from 1 to 1,000,000,000, not '\(SafeText.line(text))'")
    }

    /// A count as a reader takes it from the store: a stored value outside
    /// `0...range.upperBound` (written by another SQLite tool, an old
    /// version) is held at the nearer end, so sums of counts stay far from
    /// overflowing.
    @inlinable
    public static func held(_ value: Int) -> Int {
        min(max(value, 0), range.upperBound)
    }

    /// A count or target as a reader takes it from the store: held inside `range`.
    @inlinable
    public static func stored(_ value: Int) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }

    /// ⌊total × part / whole⌋ without overflow, for any `total` (SPEC §4's
    /// even pace: `part` days of `whole`); 0 when `whole` is not positive.
    public static func share(of total: Int, _ part: Int, in whole: Int) -> Int {
        guard whole > 0 else { return 0 }
        let part = min(max(part, 0), whole)
        let product = total.multipliedFullWidth(by: part)
        return whole.dividingFullWidth(product).quotient
    }

    /// `a + b`, held at `Int.max` (or `Int.min`) instead of overflowing.
    @inlinable
    public static func sum(_ a: Int, _ b: Int) -> Int {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? Int.max : Int.min) : value
    }
}
