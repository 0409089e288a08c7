import Foundation

/// Instants as UTC text to the millisecond, `2025-03-01T09:15:30.123Z`: it
/// sorts as it reads, and a `Date` read back equals the one returned when it
/// was written.
public enum Timestamp {
    public static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The instant as the store keeps it (to the millisecond).
    public static func normalized(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds(date)) / 1000)
    }

    public static func text(_ date: Date) -> String {
        let ms = milliseconds(date)
        let perDay: Int64 = 86_400_000
        var dayNumber = ms / perDay
        var rest = ms % perDay
        if rest < 0 { rest += perDay; dayNumber -= 1 }
        let day = Day(ordinal: Int(dayNumber))
        let h = rest / 3_600_000, m = rest / 60_000 % 60, s = rest / 1000 % 60, f = rest % 1000
        return day.description + "T" + pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2) + "." + pad(f, 3) + "Z"
    }

    public static func date(_ text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = Day(String(parts[0])) else { return nil }
        var clock = Substring(parts[1])
        guard clock.hasSuffix("Z") else { return nil }
        clock = clock.dropLast()
        let fields = clock.split(separator: ":")
        guard fields.count == 3, let h = Int64(fields[0]), let m = Int64(fields[1]) else { return nil }
        let secondParts = fields[2].split(separator: ".")
        guard let s = Int64(secondParts[0]) else { return nil }
        var f: Int64 = 0
        if secondParts.count == 2 {
            guard secondParts[1].count == 3, let ms = Int64(secondParts[1]) else { return nil }
            f = ms
        }
        let ms = Int64(day.ordinal) * 86_400_000 + h * 3_600_000 + m * 60_000 + s * 1000 + f
        return Date(timeIntervalSince1970: Double(ms) / 1000)
    }


    private static func pad(_ n: Int64, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}

