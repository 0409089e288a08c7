/// The length of a calendar window.
public enum Cadence: String, CaseIterable, Hashable, Sendable {
    case week, month, quarter
    case halfYear = "half-year"
    case year
}

/// The machine-readable side of an activity's period (SPEC §3).
public enum Schedule: Hashable, Sendable {
    /// A single window. `from` nil means the plan start.
    case once(from: DateBound?, to: DateBound)
    /// Once in every window of the cadence; nil bounds mean the plan period.
    /// `due`, if given, is the day inside each window by which it is due
    /// (`{every: year, due: 03-01}`); nil means the window's last day.
    case every(Cadence, from: DateBound?, to: DateBound?, due: DueDay? = nil)
    /// Continuous work, reported at least once per `report` window.
    case ongoing(report: Cadence, from: DateBound?, to: DateBound?)
    /// A service provided when needed; never overdue.
    case asNeeded

    public enum Kind: String, CaseIterable, Sendable {
        case once, every, ongoing
        case asNeeded = "as-needed"
    }

    public var kind: Kind {
        switch self {
        case .once: return .once
        case .every: return .every
        case .ongoing: return .ongoing
        case .asNeeded: return .asNeeded
        }
    }

    /// The cadence of the windows that are checked, if any.
    public var cadence: Cadence? {
        switch self {
        case .every(let c, _, _, _): return c
        case .ongoing(let c, _, _): return c
        case .once, .asNeeded: return nil
        }
    }

    /// The day inside each window by which an `every` schedule is due, if it names one.
    public var due: DueDay? {
        if case .every(_, _, _, let due) = self { return due }
        return nil
    }

    /// The days the schedule spans inside a plan period: `[from, to]` with
    /// defaults filled in. `as-needed` spans the whole period.
    public func span(in period: DayRange) -> DayRange {
        switch self {
        case .once(let from, let to):
            return DayRange(from?.firstDay ?? period.first, to.lastDay)
        case .every(_, let from, let to, _), .ongoing(_, let from, let to):
            return DayRange(from?.firstDay ?? period.first, to?.lastDay ?? period.last)
        case .asNeeded:
            return period
        }
    }
}

/// The day inside each window of an `every` schedule by which the duty is
/// due (SPEC §3): a month and day for a yearly schedule (`03-01`, "ik gadu
/// līdz 1. martam"), a day of the month for a monthly one (`10`, "katru
/// mēnesi līdz 10. datumam"). A day past the end of a short month (31 in
/// April, 29 February in a common year) means that month's last day.
public struct DueDay: Hashable, Sendable, CustomStringConvertible {
    /// 1...12 for a yearly schedule; nil for a monthly one.
    public let month: Int?
    /// 1...31 (1...29 in February).
    public let day: Int

    /// A month and day (`month` nil: a day of every month); nil when the day
    /// cannot fall in that month in any year.
    public init?(month: Int?, day: Int) {
        if let month {
            guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: 2024) else { return nil }
        } else {
            guard (1...31).contains(day) else { return nil }
        }
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD` (a yearly due day) or `D`/`DD` (a monthly one); nil otherwise.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ (1...2).contains($0.utf8.count) && $0.utf8.allSatisfy { (48...57).contains($0) } }) else {
            return nil
        }
        if parts.count == 2 {
            guard parts[0].utf8.count == 2, parts[1].utf8.count == 2 else { return nil }
            self.init(month: Int(parts[0])!, day: Int(parts[1])!)
        } else {
            self.init(month: nil, day: Int(parts[0])!)
        }
    }

    /// `MM-DD` or the day number, as the plan file writes it.
    public var description: String {
        let d = day < 10 ? "0\(day)" : "\(day)"
        guard let month else { return "\(day)" }
        return (month < 10 ? "0\(month)" : "\(month)") + "-" + d
    }

    /// The cadence the due day is written for: a month and day for `year`,
    /// a day alone for `month`.
    public func fits(_ cadence: Cadence) -> Bool {
        month == nil ? cadence == .month : cadence == .year
    }

    /// The due day inside `window`, a window of the cadence it fits, clipped
    /// to the schedule: the named day of the calendar window that contains
    /// the window's first day, or the window's last day when the named day
    /// falls outside the clipped window (a schedule that starts after it, or
    /// ends before it).
    public func deadline(first: Day, last: Day) -> Day {
        let month = self.month ?? first.month
        let day = Day(year: first.year, month: month, day: min(self.day, Day.daysIn(month: month, year: first.year)))!
        return day < first || day > last ? last : day
    }
}

/// A number of people or institutions an activity aims to reach.
public struct Target: Hashable, Sendable {
    public var count: Int
    public var unit: String

    public init(count: Int, unit: String) {
        self.count = count
        self.unit = unit
    }
}

// MARK: - Taking effect mid-plan (issue 27)

extension DateBound {
    /// The coarsest bound that begins on `day`: the year when it is 1
    /// January, the month when it is a month's first day, else the day.
    public static func starting(_ day: Day) -> DateBound {
        if day.month == 1 && day.day == 1 { return .year(day.year) }
        if day.day == 1 { return .month(day.year, day.month) }
        return .day(day)
    }
}

extension Schedule {
    /// The schedule as it applies from `day` on (issue 27: an activity added,
    /// or a schedule changed, mid-plan takes effect from a date): its start
    /// is the later of its own and `day`, so its windows before `day` do
    /// not exist (a window `day` falls inside begins on `day`). `as-needed`
    /// has no windows and is returned as it is; so is a schedule that starts
    /// on or after `day` already.
    public func effective(from day: Day, in period: DayRange) -> Schedule {
        guard day > span(in: period).first else { return self }
        let start = DateBound.starting(day)
        switch self {
        case .once(_, let to): return .once(from: start, to: to)
        case .every(let cadence, _, let to, let due): return .every(cadence, from: start, to: to, due: due)
        case .ongoing(let report, _, let to): return .ongoing(report: report, from: start, to: to)
        case .asNeeded: return self
        }
    }

    /// The day a change to this schedule takes effect unless the person says
    /// otherwise (issue 27): the first day of the window `today` falls in
    /// (of the cadence for a repeating schedule; the one window of a one-off),
    /// never before the schedule's own start nor before 1 January of
    /// `today`'s year (a year that is over is closed); the schedule's start
    /// when `today` is before it.
    public func defaultEffectiveDay(on today: Day, in period: DayRange) -> Day {
        let span = span(in: period)
        guard today > span.first else { return span.first }
        // Never in a year that is over (it is closed): at the earliest 1 January of today's year.
        let yearStart = Day(year: today.year, month: 1, day: 1)!
        guard let cadence else { return max(span.first, yearStart) }
        return max(span.first, yearStart, cadence.window(containing: min(today, span.last)).first)
    }
}
