import Foundation

/// How journal entries read on the command line.
public enum JournalText {
    static let timeFormat: DateFormatter = {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/Riga")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return f
    }()

    public static func line(_ e: JournalEntry) -> String {
        let undoes = e.undoes.map { " (atsauc #\($0))" } ?? ""
        let change = [e.before.map { "\($0)" }, e.after.map { "→ \($0)" }].compactMap { $0 }.joined(separator: " ")
        return SafeText.line("#\(e.id)  \(timeFormat.string(from: e.time))  \(e.author)  \(e.action)  \(e.subject)\(undoes)  \(change)")
    }

    public static func json(_ e: JournalEntry) -> JSONValue {
        .object([
            ("id", .int(Int(e.id))), ("time", .string(ISO8601DateFormatter().string(from: e.time))),
            ("author", .string(e.author)), ("action", .string(e.action)), ("subject", .string(e.subject)),
            ("before", .optional(e.before)), ("after", .optional(e.after)),
            ("undoes", e.undoes.map { .int(Int($0)) } ?? .null),
        ])
    }
}
