import Foundation

/// A calendar window of a schedule (SPEC §4): an ISO week, month, quarter,
/// half-year or year, clipped to the schedule's `[from, to]`.
public struct Window: Hashable, Sendable, CustomStringConvertible {
    /// The window's length; nil only for the single window of a `once`
    /// schedule that is not one whole calendar window ("2025-02..2025-03").
    public let cadence: Cadence?
    /// The days of the window, clipped to the schedule it belongs to.
    public let range: DayRange
    /// `2025-W07`, `2025-03`, `2025-Q2`, `2025-H1` or `2025`: what a waiver names.
    public let label: String
    /// The day by which the window is due: its last day, or the day an
    /// `every` schedule names inside it (`due: 03-01`, SPEC §3). A window
    /// not met by then is missed once the day has passed.
    public let due: Day

    /// Creates a window from its parts; prefer `Cadence.window(containing:)`.
    /// `due` defaults to the last day of `range`.
    public init(cadence: Cadence?, range: DayRange, label: String, due: Day? = nil) {
        self.cadence = cadence
        self.range = range
        self.label = label
        self.due = due ?? range.last
    }

    /// The window's label.
    public var description: String { label }

    /// The first day of the window.
    public var first: Day { range.first }

    /// The last day of the window.
    public var last: Day { range.last }

    /// Whether the day lies inside the window.
    public func contains(_ day: Day) -> Bool { range.contains(day) }

    /// The cadence and whole (unclipped) calendar window a label names, or nil
    /// if the text is no window label (`2025-W54`, `2025-13`, `2025-Q5`…).
    public static func parse(_ label: String) -> Window? {
        let bytes = Array(label.utf8)
        guard bytes.count >= 4, let year = digits(bytes, 0, 4), year >= 1 else { return nil }
        if bytes.count == 4 { return Cadence.year.window(at: year) }
        guard bytes[4] == UInt8(ascii: "-") else { return nil }
        let cadence: Cadence
        let index: Int
        switch bytes.count {
        case 7 where bytes[5] == UInt8(ascii: "Q"):
            guard let q = digits(bytes, 6, 1), (1...4).contains(q) else { return nil }
            cadence = .quarter
            index = year * 4 + q - 1
        case 7 where bytes[5] == UInt8(ascii: "H"):
            guard let h = digits(bytes, 6, 1), (1...2).contains(h) else { return nil }
            cadence = .halfYear
            index = year * 2 + h - 1
        case 7:
            guard let m = digits(bytes, 5, 2), (1...12).contains(m) else { return nil }
            cadence = .month
            index = year * 12 + m - 1
        case 8 where bytes[5] == UInt8(ascii: "W"):
            guard let w = digits(bytes, 6, 2), w >= 1,
                  let jan4 = Day(year: year, month: 1, day: 4) else { return nil }
            // 4 January always lies in ISO week 1.
            let week1 = Cadence.week.index(of: jan4)
            cadence = .week
            index = week1 + w - 1
        default:
            return nil
        }
        let window = cadence.window(at: index)
        return window.label == label ? window : nil
    }

    private static func digits(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            let b = bytes[i]
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }
}

extension Cadence {
    /// The number of the window containing the day; consecutive windows have
    /// consecutive numbers (arithmetic on `Day.ordinal`, no `Calendar`).
    func index(of day: Day) -> Int {
        switch self {
        case .week:
            // 1969-12-29, ordinal -3, was a Monday: week 0 starts there.
            return Self.floorDivide(day.ordinal + 3, 7)
        case .month: return day.year * 12 + day.month - 1
        case .quarter: return day.year * 4 + (day.month - 1) / 3
        case .halfYear: return day.year * 2 + (day.month - 1) / 6
        case .year: return day.year
        }
    }

    /// The whole calendar window with the given number.
    func range(at index: Int) -> DayRange {
        switch self {
        case .week:
            let monday = index * 7 - 3
            return DayRange(Day(ordinal: monday), Day(ordinal: monday + 6))
        case .month:
            return Self.months(year: index / 12, first: index % 12 + 1, count: 1)
        case .quarter:
            return Self.months(year: index / 4, first: (index % 4) * 3 + 1, count: 3)
        case .halfYear:
            return Self.months(year: index / 2, first: (index % 2) * 6 + 1, count: 6)
        case .year:
            return Self.months(year: index, first: 1, count: 12)
        }
    }

    /// The label of the window with the given number (ISO week-year for weeks).
    func label(at index: Int) -> String {
        switch self {
        case .week:
            // The ISO week-year is the year of the week's Thursday.
            let thursday = index * 7
            let isoYear = Day(ordinal: thursday).year
            let jan1 = Day(year: isoYear, month: 1, day: 1)!.ordinal
            let week = (thursday - jan1) / 7 + 1
            return ASCII.string(8) { buffer in
                ASCII.put(isoYear, width: 4, into: buffer, at: 0)
                buffer[4] = UInt8(ascii: "-")
                buffer[5] = UInt8(ascii: "W")
                ASCII.put(week, width: 2, into: buffer, at: 6)
            }
        case .month:
            return ASCII.string(7) { buffer in
                ASCII.put(index / 12, width: 4, into: buffer, at: 0)
                buffer[4] = UInt8(ascii: "-")
                ASCII.put(index % 12 + 1, width: 2, into: buffer, at: 5)
            }
        case .quarter, .halfYear:
            let per = self == .quarter ? 4 : 2
            return ASCII.string(7) { buffer in
                ASCII.put(index / per, width: 4, into: buffer, at: 0)
                buffer[4] = UInt8(ascii: "-")
                buffer[5] = UInt8(ascii: self == .quarter ? "Q" : "H")
                ASCII.put(index % per + 1, width: 1, into: buffer, at: 6)
            }
        case .year:
            return ASCII.string(4) { buffer in ASCII.put(index, width: 4, into: buffer, at: 0) }
        }
    }

    /// The whole window with the given number.
    func window(at index: Int) -> Window {
        Window(cadence: self, range: range(at: index), label: label(at: index))
    }

    /// The whole window with the given number, clipped to `bounds`.
    func window(at index: Int, clippedTo bounds: DayRange) -> Window {
        Window(cadence: self, range: range(at: index).clamped(to: bounds), label: label(at: index))
    }

    /// The whole (unclipped) calendar window of this cadence that contains the day.
    public func window(containing day: Day) -> Window {
        window(at: index(of: day))
    }

    /// The calendar windows of this cadence that intersect `range`, clipped to
    /// it, in order; together they cover `range` with no gap or overlap.
    public func windows(intersecting range: DayRange) -> [Window] {
        guard !range.isEmpty else { return [] }
        let lo = index(of: range.first), hi = index(of: range.last)
        var result: [Window] = []
        result.reserveCapacity(hi - lo + 1)
        for i in lo...hi { result.append(window(at: i, clippedTo: range)) }
        return result
    }

    private static func months(year: Int, first: Int, count: Int) -> DayRange {
        let last = first + count - 1
        return DayRange(Day(year: year, month: first, day: 1)!,
                        Day(year: year, month: last, day: Day.daysIn(month: last, year: year))!)
    }

    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

extension Schedule {
    /// The windows of the schedule inside a plan period (SPEC §4): for `every`
    /// and `ongoing` the calendar windows of its cadence intersecting its
    /// `[from, to]`, clipped; for `once` its single window; none for `as-needed`.
    public func windows(in period: DayRange) -> [Window] {
        switch self {
        case .asNeeded:
            return []
        case .once:
            return [onceWindow(in: period)]
        case .every(let cadence, _, _, let due?):
            return cadence.windows(intersecting: span(in: period)).map { w in
                Window(cadence: w.cadence, range: w.range, label: w.label, due: due.deadline(first: w.first, last: w.last))
            }
        case .every(let cadence, _, _, nil), .ongoing(let cadence, _, _):
            return cadence.windows(intersecting: span(in: period))
        }
    }

    /// The single window of a `once` schedule: its span, labelled as the
    /// calendar window it is if it is one (`2025`, `2025-06`), else by its
    /// bounds (`2025-02..2025-03`); for another schedule, its whole span.
    public func onceWindow(in period: DayRange) -> Window {
        let span = span(in: period)
        for cadence in [Cadence.year, .halfYear, .quarter, .month, .week] {
            let whole = cadence.window(containing: span.first)
            if whole.range == span { return whole }
        }
        let label: String
        if case .once(let from, let to) = self {
            label = "\(from?.description ?? span.first.isoText)..\(to.description)"
        } else {
            label = "\(span.first.isoText)..\(span.last.isoText)"
        }
        return Window(cadence: nil, range: span, label: label)
    }
}

extension Day {
    /// `YYYY-MM-DD`, written without `String(format:)` (fast on long lists).
    public var isoText: String {
        ASCII.string(10) { buffer in
            ASCII.put(year, width: 4, into: buffer, at: 0)
            buffer[4] = UInt8(ascii: "-")
            ASCII.put(month, width: 2, into: buffer, at: 5)
            buffer[7] = UInt8(ascii: "-")
            ASCII.put(day, width: 2, into: buffer, at: 8)
        }
    }
}

/// Short ASCII strings built byte by byte (labels and dates fit a small string).
enum ASCII {
    static func string(_ count: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            fill(buffer)
            return count
        }
    }

    /// Writes `value` as exactly `width` decimal digits, zero-padded.
    static func put(_ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        var v = value
        var i = start + width - 1
        while i >= start {
            buffer[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            i -= 1
        }
    }
}
