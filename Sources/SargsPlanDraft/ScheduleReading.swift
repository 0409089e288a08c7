import Foundation
import SargsCore

/// Reads a schedule as a person types it in a form or on the command line
/// (issue 27): in the interface's language first, with the same reader
/// `plan draft` uses for a plan's own wording ("Reizi ceturksnī no 2026.
/// gada janvāra", "ik gadu līdz 1. martam"), or in English ("every quarter
/// from 2026-01", "yearly by 1 March", "once by 2026-06"), or in the short
/// line the plan file and `ScheduleText.format` write ("every quarter
/// 2026-01..2027-12"). What it understood is said back with
/// `ScheduleText.showBack`.
public enum ScheduleReading {
    /// The schedule the text says, read against the plan's period; `.unread`
    /// with the interface language's reader's reason and examples when no
    /// reader understands it.
    public static func read(_ text: String, language: Language, period: DayRange) -> PeriodWording.Reading {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            return .unread(Phrase(lv: "grafiks nav norādīts; \(examples.lv)", en: "no schedule is given; \(examples.en)"))
        }
        // What a one-line field may hold, before anything reads it: no personal
        // code (never echoed back), no control, at most `FreeText.limit(.one)` characters.
        let field = Phrase(lv: "grafiks", en: "the schedule")
        if let problem = FreeText.problem(in: trimmed, lines: .one) { return .unread(problem.phrase(field: field)) }
        let limit = FreeText.limit(.one)
        if trimmed.count > limit {
            return .unread(Phrase(lv: "grafiks ir par garu: līdz \(limit) rakstzīmēm, ir \(trimmed.count)",
                                  en: "the schedule is too long: up to \(limit) characters, it has \(trimmed.count)"))
        }
        if let short = try? ScheduleText.parse(trimmed) { return .schedule(short) }
        let latvian = PeriodWording.read(trimmed, period: period)
        let english = English.read(trimmed, period: period)
        // The interface's language first, unless the words are plainly English
        // (the Latvian reader passes over words it does not know: "by 2026-06-30"
        // is a deadline, not the one day).
        let englishFirst = language == .en || English.looksEnglish(trimmed)
        let readings = englishFirst ? [english, latvian] : [latvian, english]
        if let understood = readings.first(where: { $0.schedule != nil }) { return understood }
        // The reason of the reader of the interface's language, unless the text
        // is plainly the other language's (an English reader cannot say why a
        // Latvian wording fails).
        let reason: Phrase
        switch (latvian, english) {
        case (.unread(let lv), .unread(let en)):
            let looksEnglish = English.looksEnglish(trimmed)
            reason = looksEnglish ? en : lv
        default:
            reason = Phrase(lv: "grafiks nav saprotams", en: "the schedule is not understood")
        }
        return .unread(Phrase(lv: reason.lv + "; " + examples.lv, en: reason.en + "; " + examples.en))
    }

    /// The schedule a form or a command says (issue 27): `schedule` read in
    /// the interface's language, or, when it is empty, the `period` wording;
    /// a new schedule, or one changed from `original`, takes effect from the
    /// `effective` day (`YYYY-MM-DD`; empty: the start of the window `today`
    /// falls in), so its windows before that day do not exist. A schedule
    /// read as `original` is returned as it is.
    ///
    /// - Throws: `ChangeRefusal` when neither text can be read, the day is
    ///   not a date inside the plan period and on or before the schedule's
    ///   end, or a day is given for a schedule that did not change.
    public static func resolve(schedule typedText: String, period wordingText: String, effective effectiveText: String,
                               original: Schedule?, plan: Plan, today: Day, language: Language,
                               names: Names = .form) throws(ChangeRefusal) -> Schedule {
        try resolved(schedule: typedText, period: wordingText, effective: effectiveText, original: original, plan: plan,
                     today: today, language: language, names: names).schedule
    }

    /// `resolve`, with the schedule as the text says it before the day it
    /// takes effect moved its start (`read`), for what a form says back.
    public static func resolved(schedule typedText: String, period wordingText: String, effective effectiveText: String,
                                original: Schedule?, plan: Plan, today: Day, language: Language,
                                names: Names = .form) throws(ChangeRefusal) -> (read: Schedule, schedule: Schedule) {
        let schedule = names.schedule, from = names.effective
        let typed = typedText.trimmingCharacters(in: .whitespacesAndNewlines)
        let wording = wordingText.trimmingCharacters(in: .whitespacesAndNewlines)
        let read: Schedule
        if typed.isEmpty {
            // The period's own words are the period's: a refusal of them names it, not the schedule.
            if let problem = FreeText.problem(in: wording, lines: .one) {
                throw ChangeRefusal(problem.phrase(field: Phrase(lv: "periods", en: "the period")))
            }
            guard !wording.isEmpty else {
                throw ChangeRefusal("grafiks nav norādīts, un periods ir tukšs; \(examples.lv)",
                                    "no schedule is given and the period is empty; \(examples.en)")
            }
            switch Self.read(wording, language: language, period: plan.period) {
            case .schedule(let s): read = s
            case .unread(let why):
                // "periodu nevar nolasīt: …" says it already; a reason of another kind is the period's.
                let plain = why.lv.hasPrefix("periodu nevar nolasīt")
                throw ChangeRefusal((plain ? "" : "grafiku nevar nolasīt no perioda: ") + why.lv + "; " + schedule.lv,
                                    (plain ? "" : "the schedule cannot be read from the period: ") + why.en + "; " + schedule.en)
            }
        } else {
            switch Self.read(typed, language: language, period: plan.period) {
            case .schedule(let s): read = s
            case .unread(let why): throw ChangeRefusal(Phrase(lv: names.field.lv + ": " + why.lv, en: names.field.en + ": " + why.en))
            }
        }
        let effectiveText = effectiveText.trimmingCharacters(in: .whitespaces)
        if let original, read == original {
            guard effectiveText.isEmpty else {
                throw ChangeRefusal("\(from.lv) attiecas tikai uz grafika maiņu, bet grafiks nav mainīts",
                                    "\(from.en) applies only to a changed schedule, and the schedule is unchanged")
            }
            return (read, original)
        }
        let day: Day
        if effectiveText.isEmpty {
            day = read.defaultEffectiveDay(on: today, in: plan.period)
        } else {
            guard let given = Day(effectiveText) else {
                throw ChangeRefusal("\(from.lv) jābūt datumam GGGG-MM-DD, nevis “\(SafeText.line(effectiveText))”",
                                    "\(from.en) must be a date YYYY-MM-DD, not “\(SafeText.line(effectiveText))”")
            }
            day = given
        }
        let span = read.span(in: plan.period)
        if span.isEmpty {
            throw ChangeRefusal("grafiks beidzas pirms tas sākas (\(span.first) … \(span.last))",
                                "the schedule ends before it starts (\(span.first) … \(span.last))")
        }
        if effectiveText.isEmpty && day > span.last {
            // Nothing of it is left in a year that is not over: say which rule, not the day no one typed.
            try ChangeRules.openYears(read, was: original, period: plan.period, today: today)
        }
        guard plan.period.contains(day) else {
            throw ChangeRefusal("\(from.lv) \(day) ir ārpus plāna perioda (\(plan.period.first) … \(plan.period.last))",
                                "\(from.en) \(day) is outside the plan period (\(plan.period.first) … \(plan.period.last))")
        }
        guard day <= span.last else {
            throw ChangeRefusal("\(from.lv) \(day) ir pēc grafika beigām (\(span.last))",
                                "\(from.en) \(day) is after the schedule ends (\(span.last))")
        }
        return (read, read.effective(from: day, in: plan.period))
    }

    /// What the schedule and its day are called where they are typed.
    public struct Names: Sendable {
        /// How to give the schedule itself: "ierakstiet to laukā “Grafiks”".
        public var schedule: Phrase
        /// The day's name: "“Spēkā no”", "--from".
        public var effective: Phrase
        /// The schedule's own name: "Grafiks", "--schedule".
        public var field: Phrase
        /// The add and edit forms' fields.
        public static let form = Names(schedule: Phrase(lv: "ierakstiet to laukā “Grafiks”", en: "type it in “Schedule”"),
                                       effective: Phrase(lv: "“Spēkā no”", en: "“Effective from”"),
                                       field: Phrase(lv: "Grafiks", en: "Schedule"))
        /// `sargs activity add|edit`'s options.
        public static let commandLine = Names(schedule: Phrase(lv: "norādiet to ar --schedule", en: "give it with --schedule"),
                                              effective: Phrase(lv: "--from", en: "--from"),
                                              field: Phrase(lv: "--schedule", en: "--schedule"))
    }

    /// What a person may type, in each language.
    public static let examples = Phrase(
        lv: "piemēri: reizi ceturksnī, katru mēnesi no 2026. gada janvāra, ik gadu līdz 1. martam, līdz 2026. gada 30. jūnijam, pastāvīgi, pēc nepieciešamības",
        en: "examples: every quarter, every month from 2026-01, yearly by 1 March, once by 2026-06, ongoing, as needed")

    /// The English reader: a cadence ("every quarter", "quarterly", "twice a
    /// year"), "ongoing", "as needed" or "once", with bounds "from D",
    /// "until D" / "by D" (D: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a month
    /// name and year), and a due day inside each window ("by 1 March",
    /// "by the 10th"). It refuses what it cannot be sure of.
    enum English {
        static let cadences: [(Cadence, [String])] = [
            (.week, ["every week", "weekly", "once a week"]),
            (.month, ["every month", "monthly", "once a month"]),
            (.quarter, ["every quarter", "quarterly", "once a quarter", "every three months"]),
            (.halfYear, ["every half-year", "every half year", "half-yearly", "twice a year", "every six months", "every 6 months"]),
            (.year, ["every year", "yearly", "annually", "once a year"]),
        ]
        static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]
        static let words: Set<String> = ["every", "once", "ongoing", "from", "until", "by", "needed", "as", "weekly",
                                         "monthly", "quarterly", "yearly", "annually", "the", "reported", "continuous"]

        static func looksEnglish(_ text: String) -> Bool {
            text.lowercased().split(whereSeparator: { !$0.isLetter }).contains { words.contains(String($0)) }
        }

        static func refuse(_ lv: String, _ en: String) -> PeriodWording.Reading { .unread(Phrase(lv: lv, en: en)) }

        static func read(_ raw: String, period: DayRange) -> PeriodWording.Reading {
            var text = " " + raw.lowercased().replacingOccurrences(of: ",", with: " ")
                .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") + " "
            if text.contains(" as needed ") || text.contains(" as-needed ") || text.contains(" when needed ") {
                return .schedule(.asNeeded)
            }
            let found = cadences.filter { entry in entry.1.contains { text.contains(" \($0) ") } }.map(\.0)
            guard found.count <= 1 else { return refuse("grafiks nosauc vairākus biežumus", "the schedule names more than one cadence") }
            for entry in cadences { for phrase in entry.1 { text = text.replacingOccurrences(of: " \(phrase) ", with: " ") } }
            let ongoing = text.contains(" ongoing ") || text.contains(" continuous ")
            text = text.replacingOccurrences(of: " ongoing ", with: " ").replacingOccurrences(of: " continuous ", with: " ")
                .replacingOccurrences(of: " reported ", with: " ")
            let once = text.contains(" once ")
            text = text.replacingOccurrences(of: " once ", with: " ")
            // Bounds and a due day: "from X", "until X", "by X".
            var from: DateBound?, to: DateBound?, due: DueDay?
            var tokens = text.split(separator: " ").map(String.init)
            func bound(at i: Int) -> (DateBound, Int)? {
                guard i < tokens.count else { return nil }
                if let b = DateBound(tokens[i]) { return (b, 1) }
                // "March 2026", "1 March 2026"
                if i + 1 < tokens.count, let m = months.firstIndex(of: tokens[i]), let y = Int(tokens[i + 1]), y >= 1000 {
                    return (.month(y, m + 1), 2)
                }
                if i + 2 < tokens.count, let d = Int(tokens[i]), let m = months.firstIndex(of: tokens[i + 1]), let y = Int(tokens[i + 2]),
                   let day = Day(year: y, month: m + 1, day: d) {
                    return (.day(day), 3)
                }
                return nil
            }
            var i = 0
            var rest: [String] = []
            while i < tokens.count {
                let word = tokens[i]
                if word == "from" || word == "starting", let (b, n) = bound(at: i + 1) {
                    from = b; i += 1 + n; continue
                }
                if ["until", "to", "through", "till"].contains(word), let (b, n) = bound(at: i + 1) {
                    to = b; i += 1 + n; continue
                }
                if word == "by" {
                    if let (b, n) = bound(at: i + 1) { to = b; i += 1 + n; continue }
                    // "by 1 March", "by March 1": a day of each year; "by the 10th": of each month.
                    var j = i + 1
                    if j < tokens.count, tokens[j] == "the" { j += 1 }
                    // A day that no such month has ("30 February", "the 32nd") is refused, never dropped.
                    var named: (month: Int?, day: Int, next: Int)?
                    if j + 1 < tokens.count, let d = Int(tokens[j]), let m = months.firstIndex(of: tokens[j + 1]) {
                        named = (m + 1, d, j + 2)
                    } else if j + 1 < tokens.count, let m = months.firstIndex(of: tokens[j]), let d = Int(tokens[j + 1]) {
                        named = (m + 1, d, j + 2)
                    } else if j < tokens.count, let d = Int(tokens[j].trimmingCharacters(in: .letters)),
                              ["st", "nd", "rd", "th", ""].contains(tokens[j].drop(while: \.isNumber)) {
                        named = (nil, d, j + 1)
                    }
                    if let named {
                        guard let found = DueDay(month: named.month, day: named.day) else {
                            let what = named.month.map { "\(named.day) \(months[$0 - 1].capitalized)" } ?? "the \(named.day)"
                            return refuse("termiņš “by \(what)”: tādas dienas nav", "the due day “by \(what)” does not exist")
                        }
                        due = found; i = named.next; continue
                    }
                    return refuse("“by” neseko datums", "“by” is not followed by a date")
                }
                if word == "in", let (b, n) = bound(at: i + 1), once {
                    from = b; to = b; i += 1 + n; continue
                }
                if let (b, n) = bound(at: i), once, to == nil {
                    from = b; to = b; i += n; continue
                }
                rest.append(word)
                i += 1
            }
            tokens = rest.filter { $0 != "and" }
            guard tokens.isEmpty else {
                let word = SafeText.line(tokens.joined(separator: " "))
                return refuse("grafikā nav saprotams: “\(word)”", "not understood in the schedule: “\(word)”")
            }
            if let due, let cadence = found.first, !due.fits(cadence) {
                return refuse("termiņš “\(due)” der tikai pie \(due.month == nil ? "ikmēneša" : "ikgadēja") grafika",
                              "the due day “\(due)” fits only a \(due.month == nil ? "monthly" : "yearly") schedule")
            }
            // Bounds as wide as the plan's are left out, as the plan file writes them.
            if from?.firstDay == period.first { from = nil }
            if to?.lastDay == period.last, !once { to = nil }
            if let cadence = found.first {
                if once { return refuse("grafiks saka gan “once”, gan biežumu", "the schedule says both “once” and a cadence") }
                if ongoing { return .schedule(.ongoing(report: cadence, from: from, to: to)) }
                return .schedule(.every(cadence, from: from, to: to, due: due))
            }
            if due != nil { return refuse("termiņš katrā logā prasa biežumu", "a due day in each window needs a cadence") }
            if ongoing { return .schedule(.ongoing(report: .quarter, from: from, to: to)) }
            if once || (to != nil && from == nil) || (from != nil && to != nil) {
                guard let to else { return refuse("vienreizējai aktivitātei vajag termiņu", "a one-off needs a deadline (“once by 2026-06”)") }
                return .schedule(.once(from: from, to: to))
            }
            return refuse("grafikā nav biežuma", "the schedule names no cadence")
        }
    }
}
