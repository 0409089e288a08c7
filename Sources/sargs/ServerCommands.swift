import ArgumentParser
import Foundation
import SargsCore
import SargsStore

/// `sargs backup FILE` or `sargs backup --dir D [--keep N]` (issue 17).
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the store while people work (SQLite's online backup).",
        discussion: "The copy is 0600, or 0640 in the store's group. With --dir, the copy is named by the moment and only the newest --keep copies stay.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new file (never an existing one).", completion: .file()) var file: String?
    @Option(help: "A folder for dated copies instead of FILE.", completion: .directory) var dir: String?
    @Option(help: "With --dir: how many dated copies to keep (default 14).") var keep: Int?

    func validate() throws {
        if (file == nil) == (dir == nil) {
            throw Failure(.usage, Phrase(lv: "norādiet vai nu FAILU, vai --dir D", en: "give either a FILE or --dir D"))
        }
        if let keep, keep < 1 { throw Failure(.usage, Phrase(lv: "--keep jābūt vismaz 1, nevis \(keep)", en: "--keep must be at least 1, not \(keep)")) }
        if keep != nil && dir == nil { throw Failure(.usage, Phrase(lv: "--keep lieto kopā ar --dir", en: "--keep goes with --dir")) }
    }

    func run() throws {
        let session = try Session.open(global)
        if let dir {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Failure(.noInput, Phrase(lv: "mapes '\(SafeText.line(dir))' nav", en: "there is no folder '\(SafeText.line(dir))'"))
            }
            let (path, removed) = try backingUp(session) { try session.store.backup(into: dir, keep: keep ?? 14, now: session.now) }
            session.say("Kopija: \(path)" + (removed.isEmpty ? "" : "; dzēstas vecākas: \(removed.count)"),
                        "Backup: \(path)" + (removed.isEmpty ? "" : "; older ones removed: \(removed.count)"))
        } else if let file {
            try backingUp(session) { try session.store.backup(to: file) }
            session.say("Kopija: \(file)", "Backup: \(file)")
        }
    }
}

extension BackupCommand {
    /// A backup never replaces a file: said as such (not as a store that is there).
    func backingUp<T>(_ session: Session, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch StoreError.alreadyExists(let path) {
            throw Failure(.usage, Phrase(lv: "\(path) jau ir; kopija nekad neaizstāj failu, izvēlieties citu nosaukumu",
                                         en: "\(path) is already there; a backup never replaces a file, choose another name"))
        } catch let error as StoreError {
            // A refusal of a planted name stays what it is (69); the rest is the copy failing (74).
            var code = Failure.Code.io
            if case .file(let refusal) = error, error.exitCode == .unavailable || refusal.kind == .exists { code = error.exitCode }
            throw Failure(code, Phrase(lv: "kopiju nevar ierakstīt: \(error.phrase.lv)", en: "the backup cannot be written: \(error.phrase.en)"))
        }
    }
}

/// `sargs restore FILE`: the copy checked, the store replaced, the old one kept.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Replace the store with a backup, checked first; the replaced store is kept beside it (journaled).")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The backup to restore.", completion: .file(extensions: ["sqlite"])) var file: String
    @Flag(help: "Restore without asking, even over changes the backup lacks (for scripts).") var yes = false

    func run() throws {
        let session = try Session.open(global)
        guard FileManager.default.fileExists(atPath: file) else {
            throw Failure(.noInput, Phrase(lv: "kopijas '\(SafeText.line(file))' nav", en: "there is no backup '\(SafeText.line(file))'"))
        }
        let copy = try session.guarded { try session.store.backupCopy(file) }
        // What the restore would take away is named, and the person asked.
        let lost = try session.guarded { try session.store.changesMissing(from: copy) }
        if !lost.isEmpty {
            let question = Self.question(lost, file: file)
            guard try Confirmation.ask(question, language: session.language, yes: yes) else {
                session.say("Nekas netika mainīts.", "Nothing was changed.")
                return
            }
        }
        let kept = try session.guarded { try session.store.restore(from: copy, named: file, author: session.author, now: session.now) }
        session.say("Atjaunots no \(file); iepriekšējā glabātuve saglabāta: \(kept)",
                    "Restored from \(file); the replaced store is kept: \(kept)")
    }
}

extension RestoreCommand {
    /// "The store holds 3 changes the backup lacks: … They would be gone (the store is kept beside it)."
    static func question(_ lost: [JournalEntry], file: String) -> Phrase {
        let authors = Array(Set(lost.map(\.author))).sorted().joined(separator: ", ")
        let shown = lost.suffix(5).map { entry in (JournalText.line(entry, .lv), JournalText.line(entry, .en)) }
        let more = lost.count - shown.count
        let n = lost.count
        let lv = "Glabātuvē ir " + Plural.form(n, .lv, one: "\(n) izmaiņa, kuras", other: "\(n) izmaiņas, kuru")
            + " kopijā \(SafeText.line(file)) nav (\(authors)): " + shown.map(\.0).joined(separator: "; ")
            + (more > 0 ? Plural.form(more, .lv, one: "; un vēl \(more) izmaiņa", other: "; un vēl \(more) izmaiņas") : "")
            + ". Pēc atjaunošanas to vairs nebūs glabātuvē (pašreizējā glabātuve tiks saglabāta blakus)."
        let en = "The store holds " + Plural.form(n, .en, one: "\(n) change", other: "\(n) changes")
            + " the backup \(SafeText.line(file)) lacks (\(authors)): " + shown.map(\.1).joined(separator: "; ")
            + (more > 0 ? Plural.form(more, .en, one: "; and \(more) more", other: "; and \(more) more") : "")
            + ". After the restore they will not be in the store (the current store is kept beside it)."
        return Phrase(lv: lv, en: en)
    }
}

/// `sargs check [--repair]`: what is wrong with the store, and the command that fixes it.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check the store: integrity, schema, every row sargs reads, record digests, file modes and groups, and the mail path.",
        discussion: "Exit 0 when all is well, 65 with each problem and the command that fixes it (a row sargs cannot read, a missing table, a WAL file that is a link are problems too; so is, when an institution has a mailbox, a mail path that cannot leave the server: no sendmail, Debian's exim4 in its local-only default, msmtp without settings).")
    @OptionGroup var global: GlobalOptions
    @Flag(help: "Rebuild the record digests from the records (the one repair sargs makes itself).") var repair = false

    func run() throws {
        let path = try StoreLocation.existing(global)
        let language = global.language
        if repair {
            let session = try Session.open(global)
            try session.guarded { try session.store.repairDigests() }
            session.say("Izpilžu kopsavilkumi pārbūvēti.", "The record digests were rebuilt.")
        }
        let findings = Store.check(at: path)
        // The mail path matters to a store that mails its institutions (issue 26).
        let mail = (Store.mailboxCount(at: path) ?? 0) > 0 ? MailPath.findings(language) : []
        guard !findings.isEmpty || !mail.isEmpty else {
            Output.print(language == .lv ? "\(path): viss kārtībā" : "\(path): all is well")
            return
        }
        for finding in findings + mail {
            Output.print("- " + SafeText.line(finding.problem.text(language)))
            if let fix = finding.fix { Output.print((language == .lv ? "  labojums: " : "  fix: ") + SafeText.line(fix)) }
        }
        let n = findings.count
        var said: [Phrase] = []
        if n > 0 {
            said.append(Phrase(lv: Plural.form(n, .lv, one: "glabātuvē atrasta \(n) problēma", other: "glabātuvē atrastas \(n) problēmas"),
                               en: Plural.form(n, .en, one: "\(n) problem found in the store", other: "\(n) problems found in the store")))
        }
        if !mail.isEmpty {
            said.append(Phrase(lv: "pasts no šī servera neiziet", en: "mail cannot leave this server"))
        }
        throw Failure(.data, Phrase(lv: said.map(\.lv).joined(separator: "; "), en: said.map(\.en).joined(separator: "; ")))
    }
}
