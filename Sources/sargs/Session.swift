import Foundation
import SargsCore
import SargsPlanFile
import SargsStore
import SargsFiles

/// What a command that works on a store has in hand: the store, the day it
/// acts on, who acts, and the language it speaks.
struct Session {
    let store: Store
    let today: Day
    let author: String
    let language: Language

    /// Opens the store the options name (see `GlobalOptions.storePath`).
    static func open(_ global: GlobalOptions) throws -> Session {
        let path = try StoreLocation.existing(global)
        let store = try guarded { try Store.open(at: path) }
        return Session(store: store, today: try global.resolvedToday(), author: try global.author, language: global.language)
    }

    var now: Date { Date() }

    func say(_ lv: String, _ en: String) {
        Output.print(language == .lv ? lv : en)
    }

    func say(_ phrase: Phrase) {
        Output.print(phrase.text(language))
    }

    /// A line for the person, on standard error: where standard output is
    /// kept for what a script reads (`meeting new` prints its number alone).
    func tell(_ phrase: Phrase) {
        FileHandle.standardError.write(Data((SafeText.line(phrase.text(language)) + "\n").utf8))
    }

    /// Runs a store call, turning its refusals into failures with exit codes.
    @discardableResult
    static func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw Failure(error.exitCode, CommandLineRunner.continuingLine(error.phrase))
        } catch let refusal as ChangeRefusal {
            throw Failure(.data, refusal.phrase)
        }
    }

    func guarded<T>(_ body: () throws -> T) throws -> T {
        try Session.guarded(body)
    }

    /// Makes `change` through the store's one door, by this session's author, now.
    @discardableResult
    func apply(_ change: Change) throws -> SavedChange {
        try store.apply(change, author: author, now: now, today: today)
    }

    /// The meeting numbered `id` as stored; `StoreError.unknownMeeting` when there is none.
    func meeting(_ id: Int64) throws -> Meeting {
        guard let meeting = try store.meetings().first(where: { $0.id == id }) else { throw StoreError.unknownMeeting(id) }
        return meeting
    }
}

/// Where the store of a plan lives when the options do not say.
enum StoreLocation {
    /// A store in a folder this account may not enter (a group's store) is
    /// not "no store": the refusal that says so, or nil.
    static func unreachable(_ path: String) -> Failure? {
        var info = stat()
        guard stat(path, &info) != 0, errno == EACCES else { return nil }
        return Failure(.unavailable, Phrase(
            lv: "šim kontam nav piekļuves glabātuvei '\(path)' (tās mapei); ja jums jāstrādā ar to, lūdziet administratoram pievienot jūs tās grupai",
            en: "this account may not reach the store '\(path)' (its folder); if you should work with it, ask the administrator to add you to its group"))
    }

    /// The store named by `--db`/`SARGS_DB`, else the only store in the data
    /// directory, else the Madona one. Refuses when there is none yet.
    static func existing(_ global: GlobalOptions) throws -> String {
        if let explicit = global.explicitStorePath {
            guard FileManager.default.fileExists(atPath: explicit) else {
                if let failure = unreachable(explicit) { throw failure }
                throw Failure(.unavailable, Phrase(
                    lv: "glabātuves '\(explicit)' nav; izveidojiet to ar `sargs init PLĀNS.yaml` vai `sargs init --madona`",
                    en: "there is no store at '\(explicit)'; create it with `sargs init PLAN.yaml` or `sargs init --madona`"))
            }
            return explicit
        }
        let directory = (global.storePath() as NSString).deletingLastPathComponent
        let stores = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasSuffix(".sqlite") }.sorted()
        if stores.count == 1 { return directory + "/" + stores[0] }
        if stores.contains(PlanLocation.defaultPlanID + ".sqlite") { return global.storePath() }
        if stores.isEmpty {
            throw Failure(.unavailable, Phrase(
                lv: "vēl nav nevienas glabātuves (\(directory)); izveidojiet to ar `sargs init PLĀNS.yaml` vai `sargs init --madona`",
                en: "there is no store yet (\(directory)); create one with `sargs init PLAN.yaml` or `sargs init --madona`"))
        }
        let list = stores.joined(separator: ", ")
        throw Failure(.usage, Phrase(lv: "vairākas glabātuves (\(list)); izvēlieties ar --db",
                                     en: "several stores (\(list)); choose one with --db"))
    }
}

extension StoreError {
    var exitCode: Failure.Code {
        switch self {
        case .missing, .unavailable, .readOnly: return .unavailable
        case .io, .diskFull: return .io
        case .file(let refusal):
            if refusal.diskFull { return .io }
            if refusal.kind == .exists { return .usage }
            if case .system = refusal.kind { return .io }
            return .unavailable
        default: return .data
        }
    }
}
