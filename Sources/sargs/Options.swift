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
        if let lang, Language(rawValue: lang) == nil {
            throw ValidationError("--lang must be lv or en, not '\(lang)'")
        }
        if let today, Day(today) == nil {
            throw ValidationError("--today must be a date YYYY-MM-DD, not '\(today)'")
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
