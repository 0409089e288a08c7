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
    case every(Cadence, from: DateBound?, to: DateBound?)
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
        case .every(let c, _, _): return c
        case .ongoing(let c, _, _): return c
        case .once, .asNeeded: return nil
        }
    }

    /// The days the schedule spans inside a plan period: `[from, to]` with
    /// defaults filled in. `as-needed` spans the whole period.
    public func span(in period: DayRange) -> DayRange {
        switch self {
        case .once(let from, let to):
            return DayRange(from?.firstDay ?? period.first, to.lastDay)
        case .every(_, let from, let to), .ongoing(_, let from, let to):
            return DayRange(from?.firstDay ?? period.first, to?.lastDay ?? period.last)
        case .asNeeded:
            return period
        }
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
