import Foundation
import SargsCore

/// Reads a plan's period wording ("Visu periodu reizi ceturksnī", "2025. gada
/// II pusgads", "līdz 2026. gada 1. martam") into a schedule (SPEC §3's
/// normalisation of the Madona wording, and the forms other municipalities'
/// plans use; issue 16). The one home of that reading: `plan draft` uses it,
/// and a test holds it to the Madona file's 29 schedules.
///
/// It reads what it can be sure of and refuses to guess: wording it cannot
/// read, or that says two different things, is `.unread` with the reason,
/// and a draft marks the cell for a person to decide.
public enum PeriodWording {
    /// What the wording says.
    public enum Reading: Hashable, Sendable {
        case schedule(Schedule)
        /// Not read; the reason in both languages.
        case unread(Phrase)

        public var schedule: Schedule? {
            if case .schedule(let s) = self { return s }
            return nil
        }
    }

    /// The wording read against the plan's period (a span as wide as the
    /// plan's is written without bounds, as the Madona file does).
    public static func read(_ wording: String, period: DayRange) -> Reading {
        let text = normalised(wording)
        guard !text.isEmpty else { return refuse("periods nav norādīts", "no period is given") }
        // "12 reizes gadā": a count of times a year is a cadence only where it is one window's.
        if let times = timesAYear(text), ![1, 2, 4, 12, 52].contains(times) {
            return refuse("\(times) reizes gadā neatbilst kalendāra logam (1, 2, 4, 12 vai 52 reizes)",
                          "\(times) times a year does not fit a calendar window (1, 2, 4, 12 or 52 times)")
        }
        let cadences = Set(cadencePhrases.filter { containsAny(text, $0.phrases) }.map(\.cadence))
        guard cadences.count <= 1 else {
            return refuse("periods nosauc vairākus biežumus", "the wording names more than one cadence")
        }
        if containsAny(text, asNeededPhrases) {
            // "Visu periodu pēc nepieciešamības": as needed. With a cadence too
            // ("pēc nepieciešamības, bet ne retāk kā reizi gadā") it says two things.
            guard cadences.isEmpty else {
                return refuse("periods saka gan \"pēc nepieciešamības\", gan biežumu; nav skaidrs, vai tas ir nokavējams",
                              "the wording says both \"as needed\" and a cadence; it is not clear whether it can be overdue")
            }
            return .schedule(.asNeeded)
        }
        let cadence = cadences.first
        // "2027. gada pavasaris", "marta sākumā": a time the reader cannot place
        // exactly is a place to decide, never the whole year or month around it.
        if let word = inexactWord(text, cadence: cadence) {
            return inexact(word)
        }
        let ongoing = containsAny(text, ongoingPhrases)
        // "ik gadu līdz 1. martam", "katru mēnesi līdz 10. datumam": a due day
        // inside each window, read from the words after "līdz" when they name no year.
        var spanText = text
        var due: DueDay?
        if let cadence, let range = text.range(of: "līdz "),
           years(in: String(text[range.upperBound...])).isEmpty {
            switch dueDay(String(text[range.upperBound...]), cadence: cadence) {
            case .failure(let reason): return .unread(reason.phrase)
            case .success(let found): due = found
            }
            spanText = String(text[..<range.lowerBound])
        }
        let span: Span?
        switch self.span(spanText, period: period) {
        case .failure(let reason): return .unread(reason.phrase)
        case .success(let found): span = found
        }
        if let span, span.deadline, cadence != nil {
            return refuse("periods nosauc gan biežumu, gan vienu termiņu ar gadu; nav skaidrs, vai tas ir viens pienākums vai vairāki",
                          "the wording names both a cadence and one dated deadline; it is not clear whether that is one duty or several")
        }
        // A span read from years alone holds only the words years are written with
        // ("2025. gadā", "sākot ar 2026. gadu"): any other word may name a part of
        // the year ("2027. gada Jāņos") that a whole year would widen.
        if let span, cadence == nil, span.isYears, let word = words(of: text).first(where: { !yearWords.contains($0) }) {
            return inexact(word)
        }
        let from = span.flatMap { $0.from == nil || $0.isPlanStart(period) ? nil : $0.from }
        let to = span.flatMap { $0.isPlanEnd(period) ? nil : $0.to }
        if let cadence {
            return .schedule(.every(cadence, from: from, to: to, due: due))
        }
        if let span {
            // A year range alone is work that goes on through it (SPEC §3: "2025.–2027.g." → ongoing).
            if span.isYearRange || span.onward { return .schedule(.ongoing(report: .quarter, from: from, to: to)) }
            return .schedule(.once(from: span.deadline ? nil : span.from, to: span.to))
        }
        if ongoing { return .schedule(.ongoing(report: .quarter, from: nil, to: nil)) }
        return refuse("periodu nevar nolasīt: \"\(SafeText.line(wording))\"", "the period cannot be read: \"\(SafeText.line(wording))\"")
    }

    // MARK: - Phrases

    static let asNeededPhrases = ["pēc nepieciešamības", "nepieciešamības gadījumā", "pēc pieprasījuma", "pēc vajadzības",
                                  "ja nepieciešams"]
    static let ongoingPhrases = ["pastāvīgi", "visu periodu", "visa perioda", "regulāri", "nepārtraukti", "visā periodā"]
    static let cadencePhrases: [(cadence: Cadence, phrases: [String])] = [
        (.week, ["reizi nedēļā", "katru nedēļu", "ik nedēļu", "iknedēļas", "reizi nedēļas laikā", "52 reizes gadā"]),
        (.month, ["reizi mēnesī", "katru mēnesi", "ik mēnesi", "ikmēneša", "reizi mēneša laikā", "12 reizes gadā", "divpadsmit reizes gadā"]),
        (.quarter, ["reizi ceturksnī", "katru ceturksni", "ik ceturksni", "reizi ceturkšņa laikā", "4 reizes gadā", "četras reizes gadā", "četrreiz gadā"]),
        (.halfYear, ["reizi pusgadā", "katru pusgadu", "ik pusgadu", "2 reizes gadā", "divas reizes gadā", "divreiz gadā", "reizi sešos mēnešos",
                     "reizi pusgada laikā"]),
        (.year, ["ik gadu", "katru gadu", "reizi gadā", "ikgadēj", "reizi gada laikā"]),
    ]

    /// Beginnings of words that name a time inside a span without saying
    /// which days: seasons, holidays, "the beginning", "the middle", "at the
    /// end", "the second half", "around", "at the latest", a school term.
    static let inexactStems = ["pavasar", "vasar", "ruden", "rudeņ", "ziem", "lieldien", "jāņ", "līgo", "svētk", "brīvlaik",
                               "sākum", "vidū", "vidus", "vidum", "beigās", "puse", "pusē", "pusi", "semestr", "mācību",
                               "dekād", "aptuven", "apmēram", "orientējoš", "vēlāk", "agrāk", "drīz", "tuvāk"]
    /// Words that name such a time whole.
    static let inexactWords: Set<String> = ["ap", "vidu", "pus"]

    /// The words of the wording that name a time it cannot place exactly;
    /// "nedēļa" and "mēnesis" only where they are not the cadence's
    /// ("2026. gada 10. nedēļā" against "reizi nedēļā", "reizi sešos mēnešos").
    static func inexactWord(_ text: String, cadence: Cadence?) -> String? {
        for word in words(of: text) {
            if inexactWords.contains(word) || inexactStems.contains(where: { word.hasPrefix($0) }) { return word }
            if word.hasPrefix("nedēļ"), cadence != .week { return word }
            if word.hasPrefix("mēneš") || word.hasPrefix("mēnes"), cadence != .month && cadence != .halfYear { return word }
        }
        return nil
    }

    /// The words years are written with, and what a span of years may say besides.
    static let yearWords: Set<String> = ["g", "gg", "gads", "gadā", "gada", "gadam", "gadu", "gadi", "gados", "gadiem", "gadus",
                                         "no", "sākot", "ar", "līdz", "beigām", "un", "visu", "visa", "visā", "periodu",
                                         "perioda", "periodā", "plāna", "laikā", "laiku", "regulāri", "pastāvīgi", "nepārtraukti"]

    /// The wording's words: runs of letters, lower case (the text is normalised).
    static func words(of text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter }).map(String.init)
    }

    /// The reading of wording that names a time it cannot place exactly.
    static func inexact(_ word: String) -> Reading {
        refuse("\"\(word)\" nenosauc laiku, ko var nolasīt precīzi (periods netiek paplašināts līdz visam gadam vai mēnesim); norādiet mēnešus vai datumus",
               "\"\(word)\" names no time that can be read exactly (the period is not widened to the whole year or month); give the months or dates")
    }

    /// Month names by their stem, so every case ending matches
    /// ("februāris", "februārī", "februāra").
    static let monthStems = ["janvār", "februār", "mart", "aprīl", "maij", "jūnij", "jūlij", "august", "septembr",
                             "oktobr", "novembr", "decembr"]
    /// Stems a month takes in other case endings ("aprīļa", "aprīļos").
    static let otherMonthStems: [(stem: String, month: Int)] = [("aprīļ", 4)]

    // MARK: - Spans

    /// The span the wording names: years, months, a quarter, a half-year, a deadline.
    struct Span {
        var from: DateBound?
        var to: DateBound
        /// "līdz …": from the plan's start.
        var deadline = false
        /// Two or more whole years ("2025.–2027.g.").
        var isYearRange = false
        /// "sākot ar …", "no …": from a bound on to the plan's end.
        var onward = false

        /// Whether the span is whole years only (no month, no day).
        var isYears: Bool {
            func year(_ bound: DateBound?) -> Bool { if case .year = bound { return true } else { return bound == nil } }
            return year(from) && year(to)
        }

        func isPlanStart(_ period: DayRange) -> Bool { from?.firstDay == period.first }
        func isPlanEnd(_ period: DayRange) -> Bool { to.lastDay == period.last }
    }

    static func span(_ text: String, period: DayRange) -> Result<Span?, PhraseError> {
        let years = Self.years(in: text)
        let months = monthsIn(text)
        let oneYearPlan = period.first.year == period.last.year ? period.first.year : nil
        // A date written in figures: "15.05.2025.", "15. 05. 2025.", "15/05/2025", "2025-05-15",
        // "2025.05.15."; "līdz 15.05.2025." is a deadline, "no 15.05.2025." a start.
        var figures: (year: Int, month: Int, day: Int?)?
        if let g = Patterns.dottedDate.firstMatch(in: text)?.groups,
           let d = g[0].flatMap({ Int($0) }), let m = g[1].flatMap({ Int($0) }), let y = g[2].flatMap({ Int($0) }) {
            figures = (y, m, d)
        } else if let g = Patterns.isoDate.firstMatch(in: text)?.groups,
                  let y = g[0].flatMap({ Int($0) }), let m = g[1].flatMap({ Int($0) }), let d = g[2].flatMap({ Int($0) }) {
            figures = (y, m, d)
        } else if let g = Patterns.monthYear.firstMatch(in: text)?.groups,
                  let m = g[0].flatMap({ Int($0) }), let y = g[1].flatMap({ Int($0) }) {
            figures = (y, m, nil)  // "05.2025."
        }
        if let figures {
            let bound: DateBound
            if let d = figures.day {
                guard let day = Day(year: figures.year, month: figures.month, day: d) else {
                    return .failure(PhraseError(p("datums nav derīgs", "the date is not valid")))
                }
                bound = .day(day)
            } else {
                guard (1...12).contains(figures.month), (1...9999).contains(figures.year) else {
                    return .failure(PhraseError(p("mēnesis nav derīgs", "the month is not valid")))
                }
                bound = .month(figures.year, figures.month)
            }
            if text.contains("līdz ") { return .success(Span(to: bound, deadline: true)) }
            if startsThen(text) { return .success(Span(from: bound, to: .year(period.last.year), onward: true)) }
            return .success(Span(from: bound, to: bound))
        }
        // A deadline: "līdz 2026. gada 1. martam", "līdz 2025. gada beigām", "līdz 2026. gada martam".
        if let range = text.range(of: "līdz ") {
            let rest = String(text[range.upperBound...])
            let restYears = Self.years(in: rest)
            guard let year = restYears.first else { return .failure(PhraseError(p("termiņam nav gada", "the deadline has no year"))) }
            let restMonths = monthsIn(rest)
            if rest.contains("beigām") || rest.contains("beigas") {
                if let month = restMonths.first { return .success(Span(to: .month(year, month), deadline: true)) }
                return .success(Span(to: .year(year), deadline: true))
            }
            guard let month = restMonths.first else {
                return .failure(PhraseError(p("termiņam nav mēneša", "the deadline has no month")))
            }
            let dayNumbers = numbers(in: rest).filter { (1...31).contains($0) }
            if let d = dayNumbers.first {
                guard let day = Day(year: year, month: month, day: d) else {
                    return .failure(PhraseError(p("termiņa datums nav derīgs", "the deadline's date is not valid")))
                }
                return .success(Span(to: .day(day), deadline: true))
            }
            return .success(Span(to: .month(year, month), deadline: true))
        }
        // A quarter: "2025. gada I ceturksnis", "2. ceturksnī".
        if text.contains("ceturksn") && (!containsAny(text, ["reizi ceturksnī", "katru ceturksni", "ik ceturksni"])
                                         || ordinal(before: "ceturksn", in: text) != nil) {
            guard let q = ordinal(before: "ceturksn", in: text), (1...4).contains(q) else {
                return .failure(PhraseError(p("ceturksnis nav nolasāms (I–IV)", "the quarter cannot be read (I–IV)")))
            }
            guard let year = years.first ?? oneYearPlan else {
                return .failure(PhraseError(p("ceturksnim nav gada", "the quarter has no year")))
            }
            return .success(Span(from: .month(year, q * 3 - 2), to: .month(year, q * 3)))
        }
        // A half-year: "2025. gada II pusgads".
        if text.contains("pusgad") && (!containsAny(text, ["reizi pusgadā", "katru pusgadu", "ik pusgadu", "pusgada laikā"])
                                       || ordinal(before: "pusgad", in: text) != nil) {
            guard let h = ordinal(before: "pusgad", in: text), (1...2).contains(h) else {
                return .failure(PhraseError(p("pusgads nav nolasāms (I vai II)", "the half-year cannot be read (I or II)")))
            }
            guard let year = years.first ?? oneYearPlan else {
                return .failure(PhraseError(p("pusgadam nav gada", "the half-year has no year")))
            }
            return .success(Span(from: .month(year, h * 6 - 5), to: .month(year, h * 6)))
        }
        if !months.isEmpty {
            guard let year = years.first ?? (period.first.year == period.last.year ? period.first.year : nil) else {
                return .failure(PhraseError(p("mēnesim nav gada", "the month has no year")))
            }
            guard years.count <= 1, months.count <= 2 else {
                return .failure(PhraseError(p("mēneši un gadi nav viennozīmīgi", "the months and years are not clear")))
            }
            let first = months[0], last = months.last!
            guard first <= last else {
                return .failure(PhraseError(p("mēnešu secība ir otrādi", "the months run backwards")))
            }
            // "2025. gada 15. maijs": a day of the month, written before it.
            if months.count == 1, let m = Patterns.dayOfMonth.firstMatch(in: text),
               monthsIn(String(text[m.range])).first == first, let d = m.groups[0].flatMap({ Int($0) }), !yearRange.contains(d) {
                guard let day = Day(year: year, month: first, day: d) else {
                    return .failure(PhraseError(p("datums nav derīgs", "the date is not valid")))
                }
                // "no 2026. gada 15. marta": from that day on.
                if startsThen(text) { return .success(Span(from: .day(day), to: .year(period.last.year), onward: true)) }
                return .success(Span(from: .day(day), to: .day(day)))
            }
            if startsThen(text) { return .success(Span(from: .month(year, first), to: .year(period.last.year), onward: true)) }
            return .success(Span(from: .month(year, first), to: .month(year, last)))
        }
        switch years.count {
        case 0: return .success(nil)
        case 1:
            // "sākot ar 2026. gadu", "no 2026. gada": from that year on.
            if startsThen(text) { return .success(Span(from: .year(years[0]), to: .year(period.last.year), onward: true)) }
            return .success(Span(from: .year(years[0]), to: .year(years[0])))
        case 2:
            guard years[0] < years[1] else {
                return .failure(PhraseError(p("gadu secība ir otrādi", "the years run backwards")))
            }
            // "2025. gadā un 2027. gadā" names two years, not the span between them.
            if let a = text.range(of: String(years[0])), let b = text.range(of: String(years[1]), range: a.upperBound..<text.endIndex),
               !text[a.upperBound..<b.lowerBound].contains("-") {
                return .failure(PhraseError(p("periods nosauc divus atsevišķus gadus, nevis laiku starp tiem",
                                              "the wording names two separate years, not the time between them")))
            }
            return .success(Span(from: .year(years[0]), to: .year(years[1]), isYearRange: true))
        default:
            return .failure(PhraseError(p("pārāk daudz gadu", "too many years")))
        }
    }

    /// Whether the wording says "from then on": "sākot ar …", "no 2026. gada".
    static func startsThen(_ text: String) -> Bool {
        text.contains("sākot") || Patterns.fromYear.matches(text)
    }

    /// The patterns the wording is read with, compiled once.
    enum Patterns {
        /// "15.05.2025.", "15. 05. 2025.", "15/05/2025"
        static let dottedDate = TextPattern("(?:^|[^0-9.])([0-9]{1,2})[./] ?([0-9]{1,2})[./] ?([0-9]{4})(?![0-9])")
        /// "2025-05-15", "2025.05.15."
        static let isoDate = TextPattern("(?:^|[^0-9])([0-9]{4})[-.]([0-9]{1,2})[-.]([0-9]{1,2})(?![0-9])")
        /// "05.2025.", "05/2025"
        static let monthYear = TextPattern("(?:^|[^0-9.])([0-9]{1,2})[./] ?([0-9]{4})(?![0-9])")
        /// "15. maijs": a day number before a word
        static let dayOfMonth = TextPattern("(?:^|[^0-9])([0-9]{1,2})\\. ?[a-zāčēģīķļņšūž]+")
        /// "no 2026"
        static let fromYear = TextPattern("(?:^|[^a-zāčēģīķļņšūž])no [0-9]{4}")
    }

    /// The due day in the words after "līdz", for a cadence: "1. martam"
    /// (yearly: 03-01), "marta beigām" (03-31), "10. datumam" or "mēneša
    /// 10. datumam" (monthly: 10). "… beigām" of the window itself is its
    /// last day, the default: nil. Any other cadence, or words that name no
    /// such day, are refused.
    static func dueDay(_ rest: String, cadence: Cadence) -> Result<DueDay?, PhraseError> {
        let months = monthsIn(rest)
        let days = numbers(in: rest)
        let atEnd = rest.contains("beigām") || rest.contains("beigas")
        switch cadence {
        case .year:
            if atEnd && months.isEmpty { return .success(nil) }  // "līdz gada beigām"
            guard months.count == 1, days.count <= 1 else {
                return .failure(PhraseError(p("termiņam katrā gadā jānosauc viens datums (\"līdz 1. martam\")",
                                              "a yearly due day must name one date (\"by 1 March\")")))
            }
            let month = months[0]
            let day = days.first ?? (atEnd ? Day.daysIn(month: month, year: 2023) : 0)
            guard let due = DueDay(month: month, day: day) else {
                return .failure(PhraseError(p("termiņa datums katrā gadā nav derīgs", "the yearly due date is not valid")))
            }
            return .success(due)
        case .month:
            if atEnd && days.isEmpty { return .success(nil) }  // "līdz mēneša beigām"
            guard months.isEmpty, days.count == 1, let due = DueDay(month: nil, day: days[0]) else {
                return .failure(PhraseError(p("termiņam katrā mēnesī jānosauc viena diena (\"līdz 10. datumam\")",
                                              "a monthly due day must name one day (\"by the 10th\")")))
            }
            return .success(due)
        case .week, .quarter, .halfYear:
            if atEnd && days.isEmpty && months.isEmpty { return .success(nil) }
            return .failure(PhraseError(p("termiņu katra loga iekšienē plāna formāts pazīst tikai gadam un mēnesim",
                                          "the plan format knows a due day inside each window only for years and months")))
        }
    }

    // MARK: - Pieces

    /// Lower case, one kind of dash, one space.
    static func normalised(_ text: String) -> String {
        var out = text.lowercased()
        for dash in ["–", "—", "‒", "−"] { out = out.replacingOccurrences(of: dash, with: "-") }
        out = out.replacingOccurrences(of: "\u{00A0}", with: " ")
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Whether one of the phrases stands in the text at the start of a word
    /// ("2 reizes gadā" is not inside "12 reizes gadā").
    static func containsAny(_ text: String, _ phrases: [String]) -> Bool {
        phrases.contains { phrase in
            var start = text.startIndex
            while let range = text.range(of: phrase, range: start..<text.endIndex) {
                if range.lowerBound == text.startIndex { return true }
                let before = text[text.index(before: range.lowerBound)]
                if !before.isLetter && !before.isNumber { return true }
                start = text.index(after: range.lowerBound)
            }
            return false
        }
    }

    /// N of "N reizes gadā" (digits or a word up to twelve), if the text says it.
    static func timesAYear(_ text: String) -> Int? {
        guard let range = text.range(of: " reizes gadā") ?? text.range(of: " reizes gada laikā") else { return nil }
        let word = text[..<range.lowerBound].split(separator: " ").last.map(String.init) ?? ""
        let words = ["divas": 2, "trīs": 3, "četras": 4, "piecas": 5, "sešas": 6, "septiņas": 7, "astoņas": 8,
                     "deviņas": 9, "desmit": 10, "vienpadsmit": 11, "divpadsmit": 12]
        return Int(word) ?? words[word]
    }

    /// The numbers a plan's wording takes for years.
    static let yearRange = 1990...2100

    /// The years in the text, in order ("2025.–2027. g." → 2025, 2027).
    public static func years(in text: String) -> [Int] {
        numbers(in: text).filter { yearRange.contains($0) }
    }

    /// The whole numbers in the text, in order ("2025.-2027." → 2025, 2027).
    public static func numbers(in text: String) -> [Int] {
        var result: [Int] = []
        var current = ""
        for c in text {
            if c.isASCII && c.isNumber { current.append(c) } else if !current.isEmpty { result.append(Int(current) ?? 0); current = "" }
        }
        if !current.isEmpty { result.append(Int(current) ?? 0) }
        return result
    }

    /// The months the text names, 1–12, in order.
    static func monthsIn(_ text: String) -> [Int] {
        var found: [(position: String.Index, month: Int)] = []
        for (stem, month) in monthStems.enumerated().map({ ($1, $0 + 1) }) + otherMonthStems {
            var start = text.startIndex
            while let range = text.range(of: stem, range: start..<text.endIndex) {
                // A word's start: not inside another word ("smart" is not March).
                let atStart = range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter
                if atStart { found.append((range.lowerBound, month)) }
                start = range.upperBound
            }
        }
        return found.sorted { $0.position < $1.position }.map(\.month)
    }

    /// The number written just before `word`: a Roman numeral ("II pusgads")
    /// or a number with a dot ("2. ceturksnī").
    /// At the first occurrence of `word` that has one ("reizi ceturksnī 2027. gada IV ceturksnī" → 4).
    static func ordinal(before word: String, in text: String) -> Int? {
        var start = text.startIndex
        while let range = text.range(of: word, range: start..<text.endIndex) {
            start = range.upperBound
            let before = text[..<range.lowerBound].split(separator: " ")
            guard let last = before.last else { continue }
            let token = last.trimmingCharacters(in: CharacterSet(charactersIn: "."))
            if let n = Int(token) { return n }
            switch token {
            case "i": return 1
            case "ii": return 2
            case "iii": return 3
            case "iv": return 4
            default: continue
            }
        }
        return nil
    }

    static func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

    static func refuse(_ lv: String, _ en: String) -> Reading { .unread(Phrase(lv: lv, en: en)) }

    /// A reason the span cannot be read, carried through `Result`.
    struct PhraseError: Error {
        var phrase: Phrase
        init(_ phrase: Phrase) { self.phrase = phrase }
    }
}
