import Foundation
import GRDB
import SargsCore
import SargsFiles

/// Why the store refused or could not do something. Every refusal happens
/// before anything is written: the transaction is rolled back.
public enum StoreError: Error, Equatable, Sendable {
    /// There is no store file at the path.
    case missing(path: String)
    /// The store cannot be used: not a sargs store, unreadable, newer than
    /// this program, or busy for longer than the timeout.
    case unavailable(Phrase)
    /// Reading or writing the file failed (the disk is full, an I/O error):
    /// the change, if any, was rolled back.
    case io(String)
    /// A change to a store the user may read but not write (its file, or
    /// the directory its WAL files live in): nothing was saved.
    case readOnly(path: String)
    /// `create` found a store already there and was not told to replace it.
    case alreadyExists(path: String)
    case unknownActivity(String)
    case unknownMeeting(Int64)
    case unknownDecision(Int64)
    /// Someone else changed `field` since the change was prepared; `yours`
    /// is the value this change would write, `theirs` the value stored now.
    case conflict(field: String, yours: String, theirs: String)
    /// An undo that would overwrite what someone changed since: `field`
    /// holds `now`, written by `by` (nil when not found) after the change
    /// being undone. Nothing was changed.
    case undoConflict(field: String, now: String, by: String?)
    case nothingToUndo(author: String)
    /// The change is refused as it stands (a personal code in a text, an id
    /// already taken, an undo that would remove what others rely on), said
    /// in both languages.
    case invalid(Phrase)
    /// A file sargs would not open, create or replace (a link another member
    /// planted beside the store, a full disk while a copy was written).
    case file(FileRefusal)
    /// The disk (or the user's quota) that holds the store is full: a read
    /// that needs its `-shm`, or a change, could not go on. Nothing was saved.
    case diskFull(path: String)

    /// One English sentence on one line, no "error:" prefix: `phrase.en`
    /// with a capital and a full stop.
    public var message: String {
        var text = phrase.en.split(whereSeparator: \.isNewline).joined(separator: " ")
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        return text.hasSuffix(".") ? text : text + "."
    }

    /// The refusal in both languages.
    public var phrase: Phrase {
        switch self {
        case .missing(let path):
            return Phrase(lv: "glabātuves '\(path)' nav; izveidojiet to ar `sargs init PLĀNS.yaml`",
                          en: "there is no store at '\(path)'; create it with `sargs init PLAN.yaml`")
        case .unavailable(let reason):
            return Phrase(lv: "glabātuve nav pieejama: \(reason.lv)", en: "the store is unavailable: \(reason.en)")
        case .io(let reason):
            return Phrase(lv: "glabātuvi nevar nolasīt vai ierakstīt: \(reason); nekas netika saglabāts",
                          en: "the store could not be read or written: \(reason); nothing was saved")
        case .readOnly(let path):
            return Phrase(lv: "glabātuvi '\(path)' jūs drīkstat lasīt, bet ne mainīt (jums tā ir tikai lasāma: fails, tā mape vai disks); nekas netika saglabāts",
                          en: "you may read the store '\(path)' but not change it (it is read-only for you: its file, its folder or the disk); nothing was saved")
        case .alreadyExists(let path):
            return Phrase(lv: "glabātuve '\(path)' jau ir; lai to aizstātu, lietojiet --force",
                          en: "a store already exists at '\(path)'; use --force to replace it")
        case .unknownActivity(let id):
            return Phrase(lv: "nav aktivitātes ar id '\(id)'", en: "there is no activity with the id '\(id)'")
        case .unknownMeeting(let id):
            return Phrase(lv: "nav sēdes Nr. \(id)", en: "there is no meeting \(id)")
        case .unknownDecision(let id):
            return Phrase(lv: "nav lēmuma Nr. \(id)", en: "there is no decision \(id)")
        case .conflict(let field, let yours, let theirs):
            return Phrase(lv: "kāds cits jau mainīja lauku '\(ConflictWords.field(field))': jūsu vērtība “\(ConflictWords.value(yours))”, viņu “\(ConflictWords.value(theirs))”; nekas netika saglabāts",
                          en: "someone else changed the \(field) since you began: yours is “\(yours)”, theirs is “\(theirs)”; nothing was saved")
        case .undoConflict(let field, let now, let by):
            let who = by.map { (lv: $0, en: $0) } ?? (lv: "kāds cits", en: "someone else")
            return Phrase(lv: "atsaukt nevar: pēc šīs izmaiņas \(who.lv) mainīja lauku '\(ConflictWords.field(field))' (tagad “\(ConflictWords.value(now))”), un atsaukums to pārrakstītu; nekas netika mainīts",
                          en: "cannot undo: after this change \(who.en) changed the \(ConflictWords.englishField(field)) (now “\(now)”), and the undo would overwrite it; nothing was changed")
        case .nothingToUndo(let author):
            return Phrase(lv: "lietotājam \(author) no šī konta nav neatsauktu izmaiņu (katrs konts atsauc tikai savas)",
                          en: "\(author) has no change left to undo from this account (each account undoes only its own)")
        case .invalid(let reason):
            return reason
        case .file(let refusal):
            return refusal.phrase
        case .diskFull(let path):
            let folder = ShellWord.quoted(Store.folder(of: path))
            return Phrase(lv: "diskā, kurā ir glabātuve '\(path)', nav vietas; atbrīvojiet vietu (cik tās ir, rāda: df -h \(folder)); nekas netika saglabāts",
                          en: "the disk holding the store '\(path)' is full; free some space (df -h \(folder) shows how much is left); nothing was saved")
        }
    }

    /// The refusal for a text that holds something shaped like a Latvian
    /// personal code. The code itself is not repeated.
    static func personalCode(in field: Phrase) -> StoreError {
        .invalid(FreeText.Problem.personalCode.phrase(field: field.capitalized))
    }
}

extension StoreError: CustomStringConvertible {
    public var description: String { message }
}

extension StoreError: LocalizedError {
    public var errorDescription: String? { message }
}

/// Runs a store operation, turning SQLite's errors into `StoreError`.
func storeOperation<T>(at path: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw error
    } catch let refusal as FileRefusal {
        throw StoreError.file(refusal)
    } catch let error as DatabaseError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            let seconds = Int(Store.busyTimeout)
            throw StoreError.unavailable(Phrase(lv: "\(path) cita programma turēja aizslēgtu ilgāk par " + Plural.form(seconds, .lv, one: "\(seconds) sekundi", other: "\(seconds) sekundēm"),
                                                en: "\(path) stayed locked by another program for longer than \(seconds) seconds"))
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            throw StoreError.unavailable(Phrase(lv: "\(path) nav sargs glabātuve vai ir bojāta", en: "\(path) is not a sargs store or is damaged"))
        case .SQLITE_READONLY:
            throw StoreError.readOnly(path: path)
        case .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            throw StoreError.unavailable(Phrase(lv: "\(path) nevar atvērt (\(error.message ?? "nav atļaujas"))", en: "\(path) cannot be opened (\(error.message ?? "permission denied"))"))
        case .SQLITE_FULL:
            throw StoreError.diskFull(path: path)
        case .SQLITE_IOERR:
            // SQLite says "disk I/O error" when the -shm cannot grow on a full disk.
            if Store.diskIsFull(at: path) { throw StoreError.diskFull(path: path) }
            throw StoreError.io("\(path): \(error.message ?? "disk I/O error") (SQLite \(error.extendedResultCode.rawValue))")
        case .SQLITE_CONSTRAINT:
            let detail = error.message ?? "constraint failed"
            throw StoreError.invalid(Phrase(lv: "Izmaiņa pārkāpj glabātuves noteikumu (\(detail)); nekas netika saglabāts.",
                                            en: "The change breaks a rule of the store (\(detail)); nothing was saved."))
        default:
            let detail = error.message ?? "SQLite \(error.resultCode.rawValue)"
            throw StoreError.unavailable(Phrase(lv: "\(path): \(detail)", en: "\(path): \(detail)"))
        }
    } catch {
        throw StoreError.unavailable(Phrase(lv: "\(path): \(error)", en: "\(path): \(error)"))
    }
}

/// The Latvian words for what a conflict names: the store's field names
/// and the values it shows ("status" is "statuss", "planned" is "plānota"),
/// so a Latvian refusal holds no English (issue 24).
enum ConflictWords {
    static func field(_ field: String) -> String {
        let words = ["status": "statuss", "status note": "statusa piezīme", "status_note": "statusa piezīme", "note": "piezīme",
                     "done date": "izpildes datums", "done_on": "izpildes datums", "due": "termiņš", "title": "nosaukums",
                     "en": "nosaukums angliski", "links": "saites", "period": "periods", "schedule": "grafiks", "owners": "atbildīgie",
                     "funding": "finansējums", "target": "plānotais skaits", "goal": "mērķis", "text": "teksts",
                     "state": "stāvoklis", "attendees": "dalībnieki", "place": "vieta", "started": "sākuma laiks",
                     "ended": "beigu laiks", "chair": "vadītājs", "secretary": "protokolētājs", "guests": "uzaicinātie",
                     "restricted": "ierobežota pieejamība", "items": "darba kārtības jautājumi", "date": "datums",
                     "kind": "veids", "topic": "tēma", "removed": "izņemtie jautājumi", "prepared": "saglabātā darba kārtība",
                     "review": "izskatīšana sēdē"]
        if let word = words[field] { return word }
        if field.hasPrefix("e-mail of ") { return "e-pasts (" + field.dropFirst("e-mail of ".count) + ")" }
        if field.hasPrefix("agenda of meeting ") { return "sēdes Nr. " + field.dropFirst("agenda of meeting ".count) + " darba kārtība" }
        return field
    }

    /// A field's name in English words (the journal's keys are not all words).
    static func englishField(_ field: String) -> String {
        let words = ["done_on": "done date", "status_note": "status note", "due": "due date", "items": "agenda items",
                     "started": "start time", "ended": "end time", "en": "English title", "target": "target",
                     "restricted": "restricted mark", "removed": "items taken off", "prepared": "stored agenda"]
        return words[field] ?? field
    }

    static func value(_ value: String) -> String {
        if let status = Status(rawValue: value) { return status.phrase.lv }
        if let state = Meeting.State(rawValue: value) { return state.phrase.lv }
        switch value {
        case "none": return "nav"
        case "yes", "true": return "jā"
        case "no", "false": return "nē"
        default: return value
        }
    }
}
