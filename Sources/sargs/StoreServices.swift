import Foundation
import SargsBoard
import SargsCore
import SargsStore

/// The store, as the board's services: each change through `Store.apply`
/// (one transaction, one journal entry), answered with what was saved.
struct StoreServices: BoardServices {
    let store: Store
    /// The day the store checks a change against: the one `--today` or
    /// `SARGS_TODAY` fixed, else Riga's date at the moment of the change.
    var today: @Sendable () -> Day = { Day.riga(Date()) }

    /// The board's changes go through the store's one door, at the moment the runner saves them.
    func save(_ change: Change, author: String) throws -> SavedChange {
        try store.apply(change, author: author, now: Date(), today: today())
    }

    func load() throws -> (snapshot: Snapshot, version: Int64) { try store.snapshotAndVersion() }
    func version() throws -> Int64 { try store.version() }
    func journal(subject: String?) throws -> [JournalEntry] { try store.journal(subject: subject, author: nil, limit: 500) }
    func records(of activity: ActivityID) throws -> [Record] { try store.records(of: activity) }
    func latestUndoable(author: String) throws -> JournalEntry? { try store.latestUndoable(author: author) }

    func writeMinutes(meeting: Int64, language: Language) throws -> Phrase {
        let (path, note) = try MinutesFile.write(meeting: meeting, store: store, language: language)
        let also = note.map { Phrase(lv: " (\($0.lv))", en: " (\($0.en))") } ?? Phrase(lv: "", en: "")
        // The status line is one row: the file's name, the folder said in words when it is the current one.
        let name = (path as NSString).lastPathComponent
        let here = (path as NSString).deletingLastPathComponent == FileManager.default.currentDirectoryPath
        let shown = here ? Phrase(lv: "\(name) (šajā mapē)", en: "\(name) (in this folder)") : Phrase(lv: path, en: path)
        return Phrase(lv: "Protokols ierakstīts: \(shown.lv)\(also.lv)", en: "Minutes written: \(shown.en)\(also.en)")
    }

    func refusal(for error: any Error) -> Phrase {
        switch error {
        case let error as StoreError: return error.phrase
        case let problem as NewFile.Problem: return problem.phrase
        case let refusal as ChangeRefusal: return refusal.phrase
        default: return Phrase(lv: "\(error)", en: "\(error)")
        }
    }
}
