import ArgumentParser
import Foundation
import SargsCore
import SargsPlanFile
import SargsStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the store from a plan file.",
        discussion: "The store goes to --db, $SARGS_DB, or $XDG_DATA_HOME/sargs/PLAN-ID.sqlite.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The plan file (YAML).", completion: .file(extensions: ["yaml", "yml"])) var file: String?
    @Flag(help: "Use the bundled Madona plan.") var madona = false
    @Flag(help: "Replace a store that is already there.") var force = false
    @Option(help: "Share the store with this Unix group: the store 0660 in the group, a folder sargs makes 2770 (setgid).")
    var group: String?

    func validate() throws {
        if madona == (file != nil) {
            throw Failure(.usage, Phrase(lv: "norādiet vai nu plāna FAILU, vai --madona", en: "give either a plan FILE or --madona"))
        }
    }

    func run() throws {
        let path = try file ?? PlanLocation.bundledPlan().orFail(Failure(.noInput, Phrase(
            lv: "komplektā iekļautais Madonas plāns nav atrodams; norādiet plāna failu",
            en: "the bundled Madona plan cannot be found; give a plan file")))
        let plan = try PlanFile.read(path: path)
        let storePath = global.storePath(planID: plan.id)
        var gid: gid_t?
        if let group {
            guard !group.trimmingBlanks.isEmpty else { throw Failure(.usage, Phrase(lv: "--group vajag grupas nosaukumu", en: "--group needs a group's name")) }
            if let number = UInt32(group), let entry = getgrgid(number) {
                gid = entry.pointee.gr_gid
            } else if UInt32(group) != nil {
                throw Failure(.data, Phrase(lv: "serverī nav grupas ar numuru \(group)", en: "there is no group numbered \(group) on this server"))
            } else if let entry = getgrnam(group) {
                gid = entry.pointee.gr_gid
            } else {
                throw Failure(.data, Phrase(lv: "serverī nav grupas '\(SafeText.line(group))'; izveidojiet to ar `groupadd \(SafeText.line(group))`",
                                            en: "there is no group '\(SafeText.line(group))' on this server; create it with `groupadd \(SafeText.line(group))`"))
            }
        }
        try Session.guarded {
            _ = try Store.create(at: storePath, plan: plan, force: force, author: try global.author, now: Date(), group: gid)
        }
        let g = plan.goals.count, a = plan.activities.count
        Output.print(global.language == .lv
              ? "Glabātuve izveidota: \(storePath) (" + Plural.form(g, .lv, one: "\(g) mērķis", other: "\(g) mērķi") + ", "
                + Plural.form(a, .lv, one: "\(a) aktivitāte", other: "\(a) aktivitātes") + ")"
              : "Store created: \(storePath) (" + Plural.form(g, .en, one: "\(g) goal", other: "\(g) goals") + ", "
                + Plural.form(a, .en, one: "\(a) activity", other: "\(a) activities") + ")")
    }
}

extension Optional {
    func orFail(_ failure: @autoclosure () -> Failure) throws -> Wrapped {
        guard let self else { throw failure() }
        return self
    }
}

/// Parses a `--date`/`--due` value, refusing anything but YYYY-MM-DD.
func parseDay(_ text: String, option: String) throws -> Day {
    guard let day = Day(text) else {
        throw Failure(.usage, Phrase(lv: "\(option) jābūt datumam GGGG-MM-DD, nevis '\(text)'",
                                     en: "\(option) must be a date YYYY-MM-DD, not '\(text)'"))
    }
    return day
}

struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record that an activity was carried out.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The activity id, e.g. 5.2.", completion: Completions.activities) var id: String
    @Option(help: "The day it was carried out (default: today).") var date: String?
    @Option(parsing: .unconditional, help: "How many people or places it reached: 1 to 1,000,000,000.") var count: String?
    @Option(help: "A note (no personal data).") var note: String?
    @Flag(help: "A one-off activity is finished by this record: its status becomes done.") var done = false

    func run() throws {
        let session = try Session.open(global)
        let day = try date.map { try parseDay($0, option: "--date") } ?? session.today
        let number = try count.map { text throws -> Int in
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw Failure(.usage, Counts.refusal(text: text, field: Phrase(lv: "--count vērtībai", en: "--count")))
            }
            return n
        }
        let record = Record(activity: id, date: day, count: number, note: note, author: session.author)
        // The store checks it (ChangeRules.check) in the transaction that writes it.
        let saved = try session.guarded { try session.apply(done ? .recordFinishing(record) : .record(record)) }
        session.say(saved.notice)
    }
}

extension Status: ExpressibleByArgument {}

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Set an activity's status: planned, active, done, blocked or dropped.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The activity id.", completion: Completions.activities) var id: String
    @Argument(help: "planned, active, done, blocked or dropped.") var status: Status
    @Option(help: "Why (for blocked or dropped); no personal data.") var note: String?

    func run() throws {
        let session = try Session.open(global)
        let saved = try session.guarded { try session.apply(.status(id, status, note: note)) }
        session.say(saved.notice)
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "note", abstract: "Add a note to an activity.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The activity id.", completion: Completions.activities) var id: String
    @Argument(help: "The note (no personal data).") var text: String

    func run() throws {
        let session = try Session.open(global)
        let saved = try session.guarded { try session.apply(.note(id, text)) }
        session.say(saved.notice)
    }
}

struct WaiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waive", abstract: "Waive a missed window of an activity, with a note.",
        discussion: "Windows are written 2025-W07, 2025-03, 2025-Q2, 2025-H1 or 2025.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The activity id.", completion: Completions.activities) var id: String
    @Argument(help: "The window label, e.g. 2025-W14.") var window: String
    @Option(help: "Why the window is waived (required; no personal data).") var note: String

    func run() throws {
        let session = try Session.open(global)
        let waiver = Waiver(activity: id, window: window, note: note, author: session.author)
        let saved = try session.guarded { try session.apply(.waiver(waiver)) }
        session.say(saved.notice)
    }
}

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo", abstract: "Revert your latest change that is not yet undone (named first, and asked).")

    @OptionGroup var global: GlobalOptions
    @Flag(help: "Undo without asking (for scripts).") var yes = false

    func run() throws {
        let session = try Session.open(global)
        guard session.store.mayChange else { throw Failure(.unavailable, StoreError.readOnly(path: session.store.path).phrase) }
        // As the board does: the change is named, and undone only if the person says so.
        guard let target = try session.guarded({ try session.store.latestUndoable(author: session.author) }) else {
            throw Failure(.data, StoreError.nothingToUndo(author: session.author).phrase)
        }
        let restore = try session.guarded { try session.store.journal() }.first { $0.kind == .restore && $0.id > target.id }
        var question = Phrase(lv: "Atsaukt #\(target.id): \(JournalText.what(target, .lv))?", en: "Undo #\(target.id): \(JournalText.what(target, .en))?")
        if let restore {
            // Never across a restore silently: the change was made in the store as it was before it.
            question = Phrase(lv: question.lv + " Šī izmaiņa ir veikta pirms atjaunošanas no kopijas (#\(restore.id), \(RigaTime.text(restore.time))).",
                              en: question.en + " This change was made before the store was restored from a backup (#\(restore.id), \(RigaTime.text(restore.time))).")
        }
        guard try Confirmation.ask(question, language: session.language, yes: yes) else {
            session.say("Nekas netika atsaukts.", "Nothing was undone.")
            return
        }
        let undone = try session.guarded { try session.apply(.undo(of: target.number)) }
        session.say(undone.notice)
    }
}

enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "Show the journal, newest first.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Only this activity (or subject, e.g. 'meeting 3').", completion: Completions.activities) var id: String?
    @Option(help: "Only changes by this author.") var author: String?
    @Option(help: "At most this many entries.") var limit: Int?
    @Option(help: "text or json.") var format: ListFormat = .text

    func run() throws {
        let session = try Session.open(global)
        if let id, id.wholeMatch(of: /(meeting|decision) [0-9]+/) == nil {
            // An activity id: one the plan knows, else it is a typo, not an empty journal.
            try session.guarded { _ = try ChangeRules.activity(id, in: try session.store.plan()) }
        }
        if let limit, limit < 1 {
            throw Failure(.usage, Phrase(lv: "--limit jābūt veselam skaitlim no 1, nevis \(limit)",
                                         en: "--limit must be a whole number from 1, not \(limit)"))
        }
        let entries = try session.guarded { try session.store.journal(subject: id, author: author, limit: limit) }
        switch format {
        case .json:
            Output.print(JSONValue.array(entries.map(JournalText.json)).serialized(pretty: true))
        case .text:
            for entry in entries { Output.print(JournalText.line(entry, session.language)) }
            if entries.isEmpty { session.say("Žurnālā nav ierakstu.", "The journal has no entries.") }
        }
    }
}
