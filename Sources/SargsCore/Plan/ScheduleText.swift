import Foundation

/// A schedule in one short line, for forms and screens:
/// `once 2025-06`, `once 2025-02..2025-03`, `every quarter`,
/// `every quarter 2025-04..2026`, `every year due 03-01`, `ongoing quarter`, `as-needed`.
public enum ScheduleText {
    public static func format(_ schedule: Schedule) -> String {
        func range(_ from: DateBound?, _ to: DateBound?) -> String {
            if from == nil && to == nil { return "" }
            return " " + (from?.description ?? "") + ".." + (to?.description ?? "")
        }
        switch schedule {
        case .once(let from, let to):
            if from == to { return "once \(to)" }
            return "once " + (from?.description ?? "") + ".." + to.description
        case .every(let cadence, let from, let to, let due):
            return "every \(cadence.rawValue)" + range(from, to) + (due.map { " due \($0)" } ?? "")
        case .ongoing(let report, let from, let to):
            return "ongoing \(report.rawValue)" + range(from, to)
        case .asNeeded:
            return "as-needed"
        }
    }

    /// Reads the short line back; the refusal says what was expected.
    public static func parse(_ text: String) throws(ChangeRefusal) -> Schedule {
        var words = text.split(separator: " ").map(String.init)
        let usage = ChangeRefusal(
            "grafiks '\(text)' nav saprotams; piemēri: once 2025-06, once 2025-02..2025-03, every quarter, every year due 03-01, ongoing quarter, as-needed",
            "the schedule '\(text)' is not understood; examples: once 2025-06, once 2025-02..2025-03, every quarter, every year due 03-01, ongoing quarter, as-needed")
        func bounds(_ word: String) throws(ChangeRefusal) -> (DateBound?, DateBound?) {
            let parts = word.components(separatedBy: "..")
            guard parts.count == 2 else { throw usage }
            func bound(_ s: String) throws(ChangeRefusal) -> DateBound? {
                if s.isEmpty { return nil }
                guard let b = DateBound(s) else { throw usage }
                return b
            }
            return (try bound(parts[0]), try bound(parts[1]))
        }
        // "every year due 03-01", "every month 2025..2026 due 10": the due day inside each window.
        var due: DueDay?
        if words.count >= 2, words[words.count - 2] == "due" {
            guard words.first == "every", let parsed = DueDay(words[words.count - 1]) else { throw usage }
            due = parsed
            words.removeLast(2)
        }
        guard let kind = words.first else { throw usage }
        switch kind {
        case "once":
            guard words.count == 2 else { throw usage }
            if words[1].contains("..") {
                let (from, to) = try bounds(words[1])
                guard let to else { throw usage }
                return .once(from: from, to: to)
            }
            guard let bound = DateBound(words[1]) else { throw usage }
            return .once(from: bound, to: bound)
        case "every", "ongoing":
            let cadenceWord = words.count > 1 ? words[1] : "quarter"
            guard let cadence = Cadence(rawValue: cadenceWord), words.count <= 3 else { throw usage }
            let (from, to) = words.count == 3 ? try bounds(words[2]) : (nil, nil)
            if let due, !due.fits(cadence) {
                throw ChangeRefusal(
                    "termiņš '\(due)' der tikai pie \(due.month == nil ? "every month" : "every year")",
                    "the due day '\(due)' fits only \(due.month == nil ? "every month" : "every year")")
            }
            return kind == "every" ? .every(cadence, from: from, to: to, due: due) : .ongoing(report: cadence, from: from, to: to)
        case "as-needed":
            guard words.count == 1 else { throw usage }
            return .asNeeded
        default:
            throw usage
        }
    }

    /// The schedule in words, for screens: "katru nedēļu", "vienreiz: 2025-02 – 2025-03".
    public static func describe(_ schedule: Schedule, _ language: Language) -> String {
        let lv = language == .lv
        func cadence(_ c: Cadence) -> String {
            switch c {
            case .week: return lv ? "katru nedēļu" : "every week"
            case .month: return lv ? "katru mēnesi" : "every month"
            case .quarter: return lv ? "katru ceturksni" : "every quarter"
            case .halfYear: return lv ? "katru pusgadu" : "every half-year"
            case .year: return lv ? "katru gadu" : "every year"
            }
        }
        func range(_ from: DateBound?, _ to: DateBound?) -> String {
            switch (from, to) {
            case (nil, nil): return ""
            case (let from?, nil): return " (" + (lv ? "no " : "from ") + from.description + ")"
            case (nil, let to?): return " (" + (lv ? "līdz " : "until ") + to.description + ")"
            case (let from?, let to?): return " (" + from.description + " – " + to.description + ")"
            }
        }
        switch schedule {
        case .once(let from, let to):
            // `from` left out is the plan's start: "līdz 2025" says it without a dangling dash.
            let when = from == to ? to.description
                : from.map { $0.description + " – " + to.description } ?? ((lv ? "līdz " : "by ") + to.description)
            return (lv ? "vienreiz: " : "once: ") + when
        case .every(let c, let from, let to, let due):
            return cadence(c) + (due.map { " " + dueText($0, language) } ?? "") + range(from, to)
        case .ongoing(let report, let from, let to):
            return (lv ? "pastāvīgi, atskaite " : "ongoing, reported ") + cadence(report) + range(from, to)
        case .asNeeded:
            return lv ? "pēc vajadzības" : "as needed"
        }
    }

    /// What a form understood, said back before it saves (issue 27):
    /// "→ katru ceturksni, 2026-01 … 2027-12", "→ vienreiz, 2026-01 … 2026-06",
    /// "→ katru gadu līdz 1. martam, 2026-01 … 2027-12", "→ pēc vajadzības". The
    /// days are the schedule's span inside the plan `period`, written as
    /// months where they are whole months.
    public static func showBack(_ schedule: Schedule, period: DayRange, _ language: Language) -> String {
        let lv = language == .lv
        let span = schedule.span(in: period)
        let what: String
        switch schedule {
        case .asNeeded:
            return "→ " + (lv ? "pēc vajadzības (nekad nav nokavēta)" : "as needed (never overdue)")
        case .once:
            what = lv ? "vienreiz" : "once"
        case .every(let c, _, _, let due):
            what = describe(.every(c, from: nil, to: nil, due: due), language)
        case .ongoing(let report, _, _):
            what = describe(.ongoing(report: report, from: nil, to: nil), language)
        }
        return "→ " + what + ", " + spanText(span)
    }

    /// `2026-01 … 2027-06`, or days where a bound is not a month's edge.
    static func spanText(_ span: DayRange) -> String {
        let first = span.first, last = span.last
        let lastOfMonth = last.day == Day.daysIn(month: last.month, year: last.year)
        if first.day == 1 && lastOfMonth {
            let a = DateBound.month(first.year, first.month).description, b = DateBound.month(last.year, last.month).description
            return a == b ? a : a + " … " + b
        }
        return first == last ? first.description : first.description + " … " + last.description
    }

    /// A due day in words: "līdz 1. martam", "līdz 10. datumam"; "by 1 March", "by the 10th".
    public static func dueText(_ due: DueDay, _ language: Language) -> String {
        if let month = due.month {
            return language == .lv ? "līdz \(due.day). \(monthDative[month - 1])"
                                   : "by \(due.day) \(monthEnglish[month - 1])"
        }
        if language == .lv { return "līdz \(due.day). datumam" }
        let suffix: String
        switch (due.day % 100, due.day % 10) {
        case (11...13, _): suffix = "th"
        case (_, 1): suffix = "st"
        case (_, 2): suffix = "nd"
        case (_, 3): suffix = "rd"
        default: suffix = "th"
        }
        return "by the \(due.day)\(suffix)"
    }

    static let monthDative = ["janvārim", "februārim", "martam", "aprīlim", "maijam", "jūnijam", "jūlijam",
                              "augustam", "septembrim", "oktobrim", "novembrim", "decembrim"]
    static let monthEnglish = ["January", "February", "March", "April", "May", "June", "July", "August",
                               "September", "October", "November", "December"]
}
