/// A bound of a schedule as the plan file writes it: a year, a month or a day.
/// A year or month bound covers the whole year or month.
public enum DateBound: Hashable, Sendable, CustomStringConvertible {
    case year(Int)
    case month(Int, Int)
    case day(Day)

    public var firstDay: Day {
        switch self {
        case .year(let y): return Day(year: y, month: 1, day: 1)!
        case .month(let y, let m): return Day(year: y, month: m, day: 1)!
        case .day(let d): return d
        }
    }

    public var lastDay: Day {
        switch self {
        case .year(let y): return Day(year: y, month: 12, day: 31)!
        case .month(let y, let m): return Day(year: y, month: m, day: Day.daysIn(month: m, year: y))!
        case .day(let d): return d
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var description: String {
        switch self {
        case .year(let y): return String(format: "%04d", y)
        case .month(let y, let m): return String(format: "%04d-%02d", y, m)
        case .day(let d): return d.description
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts.first?.count == 4, let y = Int(parts[0]), y >= 1 else { return nil }
        switch parts.count {
        case 1:
            self = .year(y)
        case 2:
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            self = .month(y, m)
        case 3:
            guard let d = Day(text) else { return nil }
            self = .day(d)
        default:
            return nil
        }
    }
}
