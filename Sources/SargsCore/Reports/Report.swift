import Foundation

/// What was entered about a year after it ended (issue 27: a closed year
/// stays closed, but a record dated inside it may still come late, and the
/// report says so): by activity, the records dated in the year and the
/// waivers' window labels, entered on a day after its last.
public struct LateEntries: Hashable, Sendable {
    /// Records dated in the year, entered after it ended, by activity.
    public var records: [ActivityID: Int]
    /// Labels of windows waived after the year ended, by activity (the
    /// report counts those of its own windows).
    public var waivers: [ActivityID: Set<String>]
    /// Regular meetings dated in the year, marked held after it ended.
    public var meetings: Int

    /// Creates the entries; none by default.
    public init(records: [ActivityID: Int] = [:], waivers: [ActivityID: Set<String>] = [:], meetings: Int = 0) {
        self.records = records
        self.waivers = waivers
        self.meetings = meetings
    }
}

/// The yearly report (`sargs report --year Y`): for each goal and activity,
/// the state at the year's end (or today, in the current year), the windows
/// met, missed and waived among those that ended in the year, progress against
/// the target and the number of records in the year.
public struct YearReport: Hashable, Sendable {
    /// Windows of an `every`/`ongoing` activity that ended in the year, by state.
    public struct WindowCounts: Hashable, Sendable {
        /// Windows whose last day lies in the year and before `YearReport.windowsEndedBefore`.
        public var ended: Int
        /// Ended windows with a record inside.
        public var met: Int
        /// Ended windows neither met nor waived.
        public var missed: Int
        /// Ended windows a waiver names (and no record met).
        public var waived: Int

        /// Creates the counts.
        public init(ended: Int, met: Int, missed: Int, waived: Int) {
            self.ended = ended
            self.met = met
            self.missed = missed
            self.waived = waived
        }
    }

    /// One activity's line in the report.
    public struct ActivityLine: Hashable, Sendable {
        /// The activity's id.
        public var activity: ActivityID
        /// The activity's title.
        public var title: String
        /// The responsible institutions' codes.
        public var owners: [String]
        /// The kind of schedule (once, every, ongoing, as-needed).
        public var schedule: Schedule.Kind
        /// The state on the evaluation day.
        public var state: ActivityState
        /// Window counts; nil for `once` and `as-needed` activities.
        public var windows: WindowCounts?
        /// Target progress (all records up to the evaluation day); nil without a target.
        public var progress: Int?
        /// The target, if any.
        public var target: Target?
        /// Records dated in the year, up to the evaluation day.
        public var records: Int
        /// The sum of the counts of those records (a record without a count adds 0): how many
        /// people or places the year reached, with or without a target.
        public var total: Int
        /// The title in English, when the plan gives one.
        public var en: String?
        /// Of `records`, how many were entered after the year ended.
        public var lateRecords = 0
        /// Of the waived windows, how many were waived after the year ended.
        public var lateWaivers = 0

        /// The unit `total` and `progress` are counted in: the target's, nil without a target.
        public var unit: String? { target?.unit }

        /// The title in `language` (the plan's own when it has no English one).
        public func name(in language: Language) -> String { language == .en ? en ?? title : title }

        /// Creates a line.
        public init(activity: ActivityID, title: String, owners: [String], schedule: Schedule.Kind,
                    state: ActivityState, windows: WindowCounts?, progress: Int?, target: Target?, records: Int,
                    total: Int = 0, en: String? = nil) {
            self.activity = activity
            self.title = title
            self.owners = owners
            self.schedule = schedule
            self.state = state
            self.windows = windows
            self.progress = progress
            self.target = target
            self.records = records
            self.total = total
            self.en = en
        }
    }

    /// One goal's section: its activities in plan order.
    public struct GoalSection: Hashable, Sendable {
        /// The goal's number.
        public var number: Int
        /// The goal's level; nil for a goal without one.
        public var level: Level?
        /// The goal's title.
        public var title: String
        /// The goal's activities.
        public var activities: [ActivityLine]
        /// The title in English, when the plan gives one.
        public var en: String?

        /// Creates a section.
        public init(number: Int, level: Level?, title: String, activities: [ActivityLine], en: String? = nil) {
            self.number = number
            self.level = level
            self.title = title
            self.activities = activities
            self.en = en
        }

        /// The title in `language` (the plan's own when it has no English one).
        public func name(in language: Language) -> String { language == .en ? en ?? title : title }
    }

    /// The calendar year reported on.
    public var year: Int
    /// The one day every column is evaluated on: the year as of its last
    /// day's end, that is 1 January of the next year (so a window that ends on
    /// 31 December has ended, and a one-off of the year not done is overdue),
    /// or today while the year is not over.
    public var evaluatedOn: Day
    /// Whether the year is over on the day the report is made.
    public var yearIsOver: Bool
    /// Windows count when their last day is before this day: 1 January of the
    /// next year, or today in the current year (a window ending today has not ended).
    public var windowsEndedBefore: Day
    /// The plan's id.
    public var planID: String
    /// The plan's title.
    public var planTitle: String
    /// The plan's title in English, when it gives one.
    public var planTitleEN: String?
    /// The municipality the plan is of ("Madonas novads"), for the page header.
    public var municipality: String
    /// Every goal of the plan, in order.
    public var goals: [GoalSection]
    /// Held regular meetings dated in the year, up to the evaluation day.
    public var meetingsHeld: Int
    /// Quarters of the year with a held regular meeting by the evaluation
    /// day: what the rule of four counts (issue 26).
    public var quartersHeld: Int
    /// Regular meetings required a year.
    public var meetingsRequired: Int

    /// Records dated in the year and entered after it ended, in all.
    public var lateRecords: Int { goals.reduce(0) { $0 + $1.activities.reduce(0) { $0 + $1.lateRecords } } }
    /// Regular meetings of the year marked held after it ended.
    public var lateMeetings: Int
    /// Windows of the year waived after it ended, in all.
    public var lateWaivers: Int { goals.reduce(0) { $0 + $1.activities.reduce(0) { $0 + $1.lateWaivers } } }

    /// Builds the report for `year` as known on `today`; `late` names what
    /// was entered after the year ended (the store's `yearSnapshot`, whose
    /// plan is the one the year was closed with).
    public init(snapshot: Snapshot, year: Int, today: Day, tracker: Tracker? = nil, late: LateEntries = LateEntries()) {
        let tracker = tracker ?? Tracker(snapshot)
        let plan = snapshot.plan
        let yearFirst = Day(year: year, month: 1, day: 1)!
        let yearLast = Day(year: year, month: 12, day: 31)!
        // One date for every column: the first day after the year, or today while the year runs.
        let evaluatedOn = max(yearFirst, min(today, yearLast.adding(days: 1)))
        let cutoff = evaluatedOn
        let recordSpan = DayRange(yearFirst, min(today, yearLast))  // empty for a year still to come
        self.yearIsOver = today > yearLast

        self.year = year
        self.evaluatedOn = evaluatedOn
        self.windowsEndedBefore = cutoff
        self.planID = plan.id
        self.planTitle = plan.title
        self.planTitleEN = plan.en
        self.municipality = plan.municipality
        self.meetingsRequired = Agenda.requiredMeetingsPerYear
        self.meetingsHeld = snapshot.meetings.count(where: {
            $0.kind == .regular && $0.state == .held && recordSpan.contains($0.date)
        })
        self.quartersHeld = MeetingYear.quartersHeld(snapshot.meetings, on: recordSpan.last)
        self.lateMeetings = min(late.meetings, meetingsHeld)

        self.goals = plan.goals.map { goal in
            let lines = plan.activities.filter { $0.goal == goal.number }.map { activity in
                var counts: WindowCounts?
                var lateWaivers = 0
                let waivedLate = late.waivers[activity.id] ?? []
                if activity.schedule.cadence != nil {
                    var c = WindowCounts(ended: 0, met: 0, missed: 0, waived: 0)
                    for window in activity.schedule.windows(in: plan.period)
                    where window.due >= yearFirst && window.due <= yearLast && window.due < cutoff {
                        c.ended += 1
                        switch tracker.state(of: window, for: activity, on: cutoff) {
                        case .met: c.met += 1
                        case .waived:
                            c.waived += 1
                            if waivedLate.contains(window.label) { lateWaivers += 1 }
                        case .missed: c.missed += 1
                        case .open, .future: break  // cannot happen for an ended window
                        }
                    }
                    counts = c
                }
                var line = ActivityLine(
                    activity: activity.id, title: activity.title, owners: activity.owners,
                    schedule: activity.schedule.kind, state: tracker.state(of: activity, on: evaluatedOn),
                    windows: counts,
                    progress: activity.target == nil ? nil : tracker.progress(of: activity, on: recordSpan.last),
                    target: activity.target,
                    records: tracker.recordCount(of: activity, in: recordSpan),
                    total: tracker.progress(of: activity, in: recordSpan),
                    en: activity.en)
                line.lateRecords = min(late.records[activity.id] ?? 0, line.records)
                line.lateWaivers = lateWaivers
                return line
            }
            return GoalSection(number: goal.number, level: goal.level, title: goal.title, activities: lines, en: goal.en)
        }
    }

    // MARK: Rendering

    /// The state as words: phrase, days overdue, last record, blocked reason.
    public static func stateText(_ state: ActivityState, _ language: Language) -> String {
        var text = state.phrase.text(language)
        switch state.computed {
        case .overdue(let days):
            text += language == .lv ? ", \(days) d." : ", " + Plural.form(days, .en, one: "\(days) day", other: "\(days) days")
        case .asNeeded(let last?):
            text += language == .lv ? ", pēdējoreiz \(DocumentWords.date(last, .lv, .locative))" : ", last \(DocumentWords.date(last, .en))"
        default:
            break
        }
        if state.isBlocked {
            text = ActivityState.blockedPhrase.text(language) + (state.blockedReason.map { " (\($0))" } ?? "") + "; " + text
        }
        return text
    }

    /// The running header of the report's pages: the municipality, and
    /// "Pārskats par 2025. gadu" / "Report for 2025".
    public func pageHeader(_ language: Language) -> DocumentWords.PageHeader {
        DocumentWords.PageHeader(left: municipality, right: language == .lv ? "Pārskats par \(year). gadu" : "Report for \(year)")
    }

    /// The report as a Markdown document, headings and words in the given
    /// language, laid out to be read on A4 (issue 26): per goal a list, one
    /// item per activity: its number, title and owners, then its state, its
    /// windows met, missed and waived, and what its records hold (how many
    /// records in the year, the sum of their counts with the target's unit
    /// whether or not there is a target, and progress against the target).
    /// No table: seven columns do not fit a page's width.
    public func markdown(_ language: Language = .lv) -> String {
        let lv = language == .lv
        var out = lv ? "# Pārskats par \(year). gadu\n\n" : "# Report for \(year)\n\n"
        out += "**\(cell(lv ? planTitle : planTitleEN ?? planTitle))**\n\n"
        let asOf = yearIsOver ? (lv ? "\(year). gada beigās" : "the end of \(year)") : DocumentWords.date(evaluatedOn, language, .locative)
        out += lv
            ? "Stāvoklis \(asOf). Ceturkšņi ar sadarbības grupas kārtējo sēdi \(year). gadā: \(quartersHeld) no \(meetingsRequired)"
                + (meetingsHeld > quartersHeld ? " (notikušas \(meetingsHeld) \(Plural.form(meetingsHeld, .lv, one: "sēde", other: "sēdes")))" : "") + ".\n"
            : "As of \(asOf). Quarters with a regular meeting of the cooperation group in \(year): \(quartersHeld) of \(meetingsRequired)"
                + (meetingsHeld > quartersHeld ? " (\(meetingsHeld) meetings held)" : "") + ".\n"
        if let lateText = lateText(language) { out += lateText + "\n" }
        let all = goals.flatMap(\.activities)
        out += "\n" + summary(all, language) + "\n"
        for goal in goals {
            out += lv ? "\n## \(goal.number). mērķis. \(cell(goal.name(in: language)))\n\n"
                      : "\n## Goal \(goal.number). \(cell(goal.name(in: language)))\n\n"
            out += "*\(cell(Level.name(goal.level, language)))*\n\n"
            if goal.activities.isEmpty { out += lv ? "Aktivitāšu nav.\n" : "No activities.\n" }
            for line in goal.activities {
                out += "- **\(cell(line.activity))** \(cell(line.name(in: language)))"
                if !line.owners.isEmpty { out += " — \(cell(line.owners.joined(separator: ", ")))" }
                out += "\\\n  " + sentence((lv ? "Stāvoklis: " : "State: ") + cell(Self.stateText(line.state, language)))
                if let w = line.windows { out += " " + windowsText(w, language) + "." }
                out += "\\\n  " + recordsText(line, language) + "\n"
            }
        }
        return out
    }

    /// "1 ieraksts pievienots pēc gada beigām." (and the waivers likewise), or
    /// nil when nothing about the year came after it ended.
    func lateText(_ language: Language) -> String? {
        let records = lateRecords, waivers = lateWaivers, meetings = lateMeetings
        guard records > 0 || waivers > 0 || meetings > 0 else { return nil }
        var parts: [String] = []
        if records > 0 {
            parts.append(language == .lv
                ? Plural.form(records, .lv, one: "\(records) ieraksts pievienots", other: "\(records) ieraksti pievienoti")
                : Plural.form(records, .en, one: "1 record added", other: "\(records) records added"))
        }
        if waivers > 0 {
            parts.append(language == .lv
                ? Plural.form(waivers, .lv, one: "\(waivers) atbrīvojums pievienots", other: "\(waivers) atbrīvojumi pievienoti")
                : Plural.form(waivers, .en, one: "1 waiver added", other: "\(waivers) waivers added"))
        }
        if meetings > 0 {
            parts.append(language == .lv
                ? Plural.form(meetings, .lv, one: "\(meetings) sēde atzīmēta kā notikusi", other: "\(meetings) sēdes atzīmētas kā notikušas")
                : Plural.form(meetings, .en, one: "1 meeting marked held", other: "\(meetings) meetings marked held"))
        }
        // "a, b un c": commas between, the last joined by "un" / "and".
        func list(_ and: String) -> String {
            parts.count <= 2 ? parts.joined(separator: " \(and) ") : parts.dropLast().joined(separator: ", ") + " \(and) " + parts.last!
        }
        return language == .lv ? list("un") + " pēc gada beigām." : list("and") + " after the year ended."
    }

    /// "29 aktivitātes: 10 izpildītas, 5 nokavētas, …": how many activities are in each state.
    func summary(_ lines: [ActivityLine], _ language: Language) -> String {
        var counts: [(String, Int)] = []
        for line in lines {
            let word = line.state.phrase.text(language)
            if let i = counts.firstIndex(where: { $0.0 == word }) { counts[i].1 += 1 } else { counts.append((word, 1)) }
        }
        let n = lines.count
        let head = language == .lv ? Plural.form(n, .lv, one: "\(n) aktivitāte", other: "\(n) aktivitātes")
                                   : Plural.form(n, .en, one: "\(n) activity", other: "\(n) activities")
        let parts = counts.map { language == .lv ? "\($0.0): \($0.1)" : "\($0.0): \($0.1)" }
        return head + (parts.isEmpty ? "." : " (" + parts.joined(separator: "; ") + ").")
    }

    /// "Logi: 3 izpildīti, 1 nokavēts, 0 atbrīvoti no 4 beigušajiem" / "Windows: 3 met, 1 missed, 0 waived of 4 ended".
    func windowsText(_ w: WindowCounts, _ language: Language) -> String {
        switch language {
        case .lv:
            let met = Plural.form(w.met, .lv, one: "\(w.met) izpildīts", other: "\(w.met) izpildīti")
            let missed = Plural.form(w.missed, .lv, one: "\(w.missed) nokavēts", other: "\(w.missed) nokavēti")
            let waived = Plural.form(w.waived, .lv, one: "\(w.waived) atbrīvots", other: "\(w.waived) atbrīvoti")
            let ended = Plural.form(w.ended, .lv, one: "no \(w.ended) beigušā", other: "no \(w.ended) beigušajiem")
            return w.ended == 0 ? "Neviens logs \(year). gadā vēl nav beidzies" : "Logi: \(met), \(missed), \(waived) \(ended)"
        case .en:
            return w.ended == 0 ? "No window ended in \(year) yet"
                : "Windows: \(w.met) met, \(w.missed) missed, \(w.waived) waived of \(w.ended) ended"
        }
    }

    /// `text` ending with one full stop ("nokavēta, 3 d." gets none more).
    func sentence(_ text: String) -> String { text.hasSuffix(".") ? text : text + "." }

    /// What the records hold: "Izpilde 2025. gadā: 4 ieraksti, kopā 25 jaunieši; mērķis — 50 jaunieši,
    /// kopš plāna sākuma 25 (50 %)". (It begins with a word: a line that began "2025. " would start a numbered list.)
    func recordsText(_ line: ActivityLine, _ language: Language) -> String {
        let lv = language == .lv
        var text = lv ? "Izpilde \(year). gadā: " : "In \(year): "
        if line.records == 0 {
            text += lv ? "ierakstu nav" : "no records"
        } else {
            text += lv ? Plural.form(line.records, .lv, one: "\(line.records) ieraksts", other: "\(line.records) ieraksti")
                       : Plural.form(line.records, .en, one: "1 record", other: "\(line.records) records")
            if line.lateRecords > 0 {
                let n = line.lateRecords
                text += lv ? " (" + Plural.form(n, .lv, one: "\(n) pievienots", other: "\(n) pievienoti") + " pēc gada beigām)"
                           : " (\(n) added after the year ended)"
            }
            if line.total > 0 {
                text += (lv ? ", kopā " : ", in all ") + cell(DocumentWords.count(line.total, unit: line.unit, language))
            }
        }
        if let target = line.target {
            let done = line.progress ?? 0
            let share = DocumentWords.percent(done, of: target.count, language)
            let goal = cell(DocumentWords.count(target.count, unit: target.unit, language))
            text += lv ? "; mērķis — \(goal), kopš plāna sākuma \(done) (\(share))"
                       : "; target \(goal), \(done) since the plan began (\(share))"
        }
        return text + "."
    }

    /// Data inside the report's Markdown: one line, safe to print, and nothing in it
    /// Markdown (`SafeText.markdown`: bars, brackets, `!`, `<`, backticks
    /// escaped), so a title or note like `![x](/etc/shadow)` stays text and
    /// pandoc never embeds a file or fetches an address for it.
    private func cell(_ text: String) -> String {
        SafeText.markdown(text)
    }

    /// The report as CSV (RFC 4180 quoting, `\n` line ends), one activity a
    /// row, header first (the last column, `total` / `kopā gadā`, the sum of
    /// the year's record counts, with or without a target), in one language: English headers and the machine
    /// names of levels, schedules and states (as JSON has them), or Latvian
    /// headers and Latvian words for them, as a spreadsheet is read.
    public func csv(_ language: Language = .en) -> String {
        let lv = language == .lv
        let separator = Self.csvSeparator(language)
        // A byte-order mark: a spreadsheet then reads the file as UTF-8, not the desktop's code page.
        var out = "\u{FEFF}" + (lv ? Self.csvHeaderLV : Self.csvHeaderEN).joined(separator: String(separator)) + "\n"
        for goal in goals {
            for line in goal.activities {
                let fields: [String] = [
                    String(year), String(goal.number),
                    lv ? Level.name(goal.level, .lv) : goal.level?.rawValue ?? "", line.activity, line.name(in: language),
                    line.owners.joined(separator: " "), lv ? Self.scheduleWord(line.schedule) : line.schedule.rawValue,
                    lv ? line.state.phrase.lv : line.state.code,
                    line.state.daysOverdue.map(String.init) ?? "", line.state.isBlocked ? (lv ? "jā" : "true") : (lv ? "nē" : "false"),
                    line.windows.map { String($0.ended) } ?? "", line.windows.map { String($0.met) } ?? "",
                    line.windows.map { String($0.missed) } ?? "", line.windows.map { String($0.waived) } ?? "",
                    line.progress.map(String.init) ?? "", line.target.map { String($0.count) } ?? "",
                    line.target?.unit ?? "", String(line.records), String(line.total), String(line.lateRecords),
                ]
                out += fields.map { Self.csvField($0, separator: separator) }.joined(separator: String(separator)) + "\n"
            }
        }
        return out
    }

    /// Between a CSV's cells: `;` in Latvian, where spreadsheets read `,` as
    /// the decimal sign (what a Latvian desktop's spreadsheet expects), `,` in English.
    public static func csvSeparator(_ language: Language) -> Character { language == .lv ? ";" : "," }

    /// The CSV's column names, in English (machine-friendly, as in JSON) and in Latvian.
    public static let csvHeaderEN = ["year", "goal", "level", "activity", "title", "owners", "schedule", "state", "days_overdue",
                                     "blocked", "windows_ended", "windows_met", "windows_missed", "windows_waived", "progress",
                                     "target", "unit", "records", "total", "late_records"]
    public static let csvHeaderLV = ["gads", "mērķis", "līmenis", "aktivitāte", "nosaukums", "atbildīgie", "grafiks", "stāvoklis",
                                     "nokavētās dienas", "bloķēta", "beigušies logi", "izpildīti logi", "nokavēti logi",
                                     "atbrīvoti logi", "progress", "plānotais skaits", "mērvienība", "ieraksti", "kopā gadā",
                                     "pievienoti pēc gada beigām"]

    /// A kind of schedule in Latvian words, for the Latvian CSV.
    static func scheduleWord(_ kind: Schedule.Kind) -> String {
        switch kind {
        case .once: return "vienreizēja"
        case .every: return "atkārtota"
        case .ongoing: return "pastāvīga"
        case .asNeeded: return "pēc vajadzības"
        }
    }

    /// One CSV cell (RFC 4180): safe to print (`SafeText`, line breaks and
    /// tabs kept inside quotes), and, since the report is opened in a
    /// spreadsheet, a cell that begins with `=`, `+`, `-`, `@`, a tab or a
    /// carriage return is prefixed with `'` so it is never read as a formula
    /// (SPEC §6).
    static func csvField(_ raw: String, separator: Character = ",") -> String {
        var text = raw
        if let first = raw.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + raw }
        text = SafeText.clean(text, keeping: [.lines, .tabs])
        guard text.contains(where: { $0 == separator || $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r\n" || $0 == "\t" }) else { return text }
        return "\"" + text.replacing(scalar: "\"", with: "\"\"") + "\""
    }

    /// The report as a JSON value, keys in a fixed order; each activity's
    /// `total` is the sum of the year's record counts, with or without a target.
    public var jsonValue: JSONValue {
        func int(_ i: Int?) -> JSONValue { i.map { .int($0) } ?? .null }
        return .object([
            ("year", .int(year)),
            ("evaluated_on", .string(evaluatedOn.isoText)),
            ("plan", .string(planID)),
            ("meetings_held", .int(meetingsHeld)),
            ("meetings_required", .int(meetingsRequired)),
            ("goals", .array(goals.map { goal in
                .object([
                    ("goal", .int(goal.number)),
                    ("level", goal.level.map { .string($0.rawValue) } ?? .null),
                    ("title", .string(goal.title)),
                    ("activities", .array(goal.activities.map { line in
                        .object([
                            ("activity", .string(line.activity)),
                            ("title", .string(line.title)),
                            ("owners", .array(line.owners.map { .string($0) })),
                            ("schedule", .string(line.schedule.rawValue)),
                            ("state", .string(line.state.code)),
                            ("days_overdue", int(line.state.daysOverdue)),
                            ("blocked", .bool(line.state.isBlocked)),
                            ("blocked_reason", line.state.blockedReason.map { .string($0) } ?? .null),
                            ("windows", line.windows.map { w in
                                .object([("ended", .int(w.ended)), ("met", .int(w.met)),
                                         ("missed", .int(w.missed)), ("waived", .int(w.waived))])
                            } ?? .null),
                            ("progress", int(line.progress)),
                            ("target", int(line.target?.count)),
                            ("unit", line.target.map { .string($0.unit) } ?? .null),
                            ("records", .int(line.records)),
                            ("total", .int(line.total)),
                            ("late_records", .int(line.lateRecords)),
                            ("late_waivers", .int(line.lateWaivers)),
                        ])
                    })),
                ])
            })),
            // Added by issue 26 after the keys of earlier versions: what the rule of four counts.
            ("quarters_held", .int(quartersHeld)),
            // Added by issue 27: what was entered about the year after it ended.
            ("late_records", .int(lateRecords)),
            ("late_waivers", .int(lateWaivers)),
            ("late_meetings", .int(lateMeetings)),
        ])
    }

    /// The report as one line of JSON.
    public func json() -> String { jsonValue.serialized() }
}
