import ArgumentParser
import Foundation
import SargsCore

/// The options every command takes (SPEC §7), with their environment variables.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The store file (default: $SARGS_DB, else $XDG_DATA_HOME/sargs/PLAN-ID.sqlite).",
            completion: .file(extensions: ["sqlite"]))
    var db: String?

    @Option(name: .long, help: "The date to act as today, YYYY-MM-DD (default: $SARGS_TODAY, else the date in Europe/Riga).")
    var today: String?

    @Option(name: .long, help: "Who makes the change (default: $SARGS_USER, else the login name).")
    var user: String?

    @Option(name: .long, help: "Interface language: lv or en (default: $SARGS_LANG, else lv).", completion: .list(["lv", "en"]))
    var lang: String?

    var environment: [String: String] { Environment.variables }

    var language: Language {
        Language(rawValue: lang ?? environment["SARGS_LANG"] ?? "lv") ?? .lv
    }

    func validate() throws {
        // Text that is not UTF-8 would be read with replacement characters and saved so.
        if let refusal = CommandLineText.notUTF8() { throw refusal }
        if let lang, Language(rawValue: lang) == nil {
            throw Failure(.usage, Phrase(lv: "--lang jābūt lv vai en, nevis '\(lang)'", en: "--lang must be lv or en, not '\(lang)'"))
        }
        if let today, Day(today) == nil {
            throw Failure(.usage, Phrase(lv: "--today jābūt datumam GGGG-MM-DD, nevis '\(today)'",
                                         en: "--today must be a date YYYY-MM-DD, not '\(today)'"))
        }
    }

    /// Today in Europe/Riga, or the date the user set.
    func resolvedToday() throws -> Day {
        if let today { return Day(today)! }
        if let value = environment["SARGS_TODAY"], !value.isEmpty {
            guard let day = Day(value) else {
                throw Failure(.usage, Phrase(lv: "SARGS_TODAY jābūt datumam GGGG-MM-DD, nevis '\(value)'",
                                             en: "SARGS_TODAY must be a date YYYY-MM-DD, not '\(value)'"))
            }
            return day
        }
        return Day.riga(Date())
    }

    /// Who makes the change: `--user`, `SARGS_USER`, else the login name;
    /// refused (exit 65) when it holds a personal code or a control character.
    var author: String {
        get throws {
            let name = resolvedAuthor
            try Session.guarded { try ChangeRules.author(name) }
            return name
        }
    }

    private var resolvedAuthor: String {
        if let user, !user.isEmpty { return user }
        if let value = environment["SARGS_USER"], !value.isEmpty { return value }
        if let value = environment["USER"] ?? environment["LOGNAME"], !value.isEmpty { return value }
        return NSUserName()
    }

    /// `--db` or `SARGS_DB`, when one is given.
    var explicitStorePath: String? {
        if let db, !db.isEmpty { return db }
        if let value = environment["SARGS_DB"], !value.isEmpty { return value }
        return nil
    }

    /// The store path: `--db`, `SARGS_DB`, or the default for the plan id.
    func storePath(planID: String = PlanLocation.defaultPlanID) -> String {
        explicitStorePath ?? PlanLocation.defaultStorePath(planID: planID, environment: environment)
    }
}

/// The process's environment, read once: `ProcessInfo.environment` builds a
/// new dictionary on every call, and a command consults it several times.
enum Environment {
    static let variables = ProcessInfo.processInfo.environment
}

/// The command line and environment as the kernel holds them: Swift's
/// `CommandLine.arguments` and Foundation's environment decode leniently (a
/// byte that is not UTF-8 becomes U+FFFD), so text that is not UTF-8 is found
/// in the raw bytes of `/proc/self/cmdline` and `/proc/self/environ`.
enum CommandLineText {
    /// The refusal of the first argument that is not valid UTF-8 (exit 65),
    /// naming its place and its first bad byte; nil when every one is text.
    static func notUTF8() -> Failure? {
        environmentNotUTF8() ?? argumentsNotUTF8()
    }

    /// The variables whose text sargs reads (and may save: the author).
    static let environmentNames = ["SARGS_DB", "SARGS_TODAY", "SARGS_USER", "SARGS_LANG", "SARGS_SHARE", "SARGS_THEMES",
                                   "SARGS_MAIL_FROM", "SARGS_SENDMAIL", "USER", "LOGNAME"]

    /// The refusal of the first of `environmentNames` that is not valid UTF-8.
    static func environmentNotUTF8() -> Failure? {
        guard environmentNames.contains(where: { Environment.variables[$0]?.unicodeScalars.contains("\u{FFFD}") == true }),
              let handle = FileHandle(forReadingAtPath: "/proc/self/environ") else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd() else { return nil }
        for entry in [UInt8](data).split(separator: 0) {
            guard let equals = entry.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = String(decoding: entry[..<equals], as: UTF8.self)
            let value = Array(entry[(equals + 1)...])
            guard environmentNames.contains(name), let offset = firstBadByte(value) else { continue }
            let byte = hexByte(value[offset])
            return Failure(.data, Phrase(
                lv: "vides mainīgais \(name) nav derīgs UTF-8 teksts: \(offset + 1). baits ir \(byte); nekas netika saglabāts",
                en: "the environment variable \(name) is not valid UTF-8 text: byte \(offset + 1) is \(byte); nothing was saved"))
        }
        return nil
    }

    /// "0xFF".
    static func hexByte(_ byte: UInt8) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "0x" + (hex.count < 2 ? "0" : "") + hex
    }

    /// The refusal of the first argument that is not valid UTF-8.
    static func argumentsNotUTF8() -> Failure? {
        // Only an argument that holds a replacement character can have been
        // decoded from bytes that were not UTF-8 (one typed as U+FFFD is text).
        guard CommandLine.arguments.dropFirst().contains(where: { $0.unicodeScalars.contains("\u{FFFD}") }),
              let raw = rawArguments() else { return nil }
        for (index, bytes) in raw.enumerated().dropFirst() {
            guard let offset = firstBadByte(bytes) else { continue }
            let byte = hexByte(bytes[offset])
            let option = index > 1 && raw[index - 1].first == UInt8(ascii: "-")
                ? String(decoding: raw[index - 1], as: UTF8.self) : nil
            return Failure(.data, Phrase(
                lv: "komandrindas \(index). arguments\(option.map { " (\($0) vērtība)" } ?? "") nav derīgs UTF-8 teksts: "
                    + "\(offset + 1). baits ir \(byte); nekas netika saglabāts",
                en: "command-line argument \(index)\(option.map { " (the value of \($0))" } ?? "") is not valid UTF-8 text: "
                    + "byte \(offset + 1) is \(byte); nothing was saved"))
        }
        return nil
    }

    /// argv[0], argv[1] … as bytes, or nil when `/proc` cannot say.
    static func rawArguments() -> [[UInt8]]? {
        guard let handle = FileHandle(forReadingAtPath: "/proc/self/cmdline") else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd(), !data.isEmpty else { return nil }
        var bytes = [UInt8](data)
        if bytes.last == 0 { bytes.removeLast() }
        return bytes.split(separator: 0, omittingEmptySubsequences: false).map(Array.init)
    }

    /// The offset of the first byte that does not begin a valid UTF-8 sequence.
    static func firstBadByte(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}
