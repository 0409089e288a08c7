import Foundation

/// A calendar date with no time and no zone: the unit of every rule in the plan.
///
/// Arithmetic goes through `ordinal`, the number of days since 1970-01-01, so
/// no `Calendar` is consulted on the hot path.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day if the three numbers name a real date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the day with the given ordinal (days since 1970-01-01).
    public init(ordinal: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = m <= 2 ? y + 1 : y
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before).
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday: Monday 1 … Sunday 7.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// `YYYY-MM-DD`: the one codec of dates, for the commands, the plan
    /// files and the store alike (written without `String(format:)`, since
    /// the store writes and reads thousands).
    public var description: String {
        guard (0...9999).contains(year) else { return String(format: "%04d-%02d-%02d", year, month, day) }
        var bytes: [UInt8] = Array(repeating: UInt8(ascii: "-"), count: 10)
        var y = year
        for i in (0..<4).reversed() { bytes[i] = UInt8(48 + y % 10); y /= 10 }
        bytes[5] = UInt8(48 + month / 10); bytes[6] = UInt8(48 + month % 10)
        bytes[8] = UInt8(48 + day / 10); bytes[9] = UInt8(48 + day % 10)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, a real date); nil otherwise.
    public init?(_ text: String) {
        var text = text
        guard let day = text.withUTF8({ Day(utf8: $0) }) else { return nil }
        self = day
    }

    /// `YYYY-MM-DD` from its UTF-8 bytes (as a store column holds it).
    public init?(utf8 b: UnsafeBufferPointer<UInt8>) {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                let d = Int(b[i]) &- 48
                guard d >= 0, d <= 9 else { return nil }
                n = n * 10 + d
            }
            return n
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The local date of an instant in Europe/Riga (the plan's zone).
    public static func riga(_ instant: Date) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Riga") ?? .current
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}

/// A closed range of days, both ends inclusive.
public struct DayRange: Hashable, Sendable {
    public let first: Day
    public let last: Day

    public init(_ first: Day, _ last: Day) {
        self.first = first
        self.last = last
    }

    public var isEmpty: Bool { last < first }
    public var dayCount: Int { max(0, first.days(to: last) + 1) }
    public func contains(_ day: Day) -> Bool { first <= day && day <= last }
    /// Whether every day of `other` lies in this range (a schedule's span inside the plan period, SPEC §3).
    public func contains(_ other: DayRange) -> Bool { first <= other.first && other.last <= last }

    public func clamped(to other: DayRange) -> DayRange {
        DayRange(max(first, other.first), min(last, other.last))
    }
}
