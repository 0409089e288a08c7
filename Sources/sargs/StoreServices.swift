import Foundation
import SargsBoard
import SargsCore
import SargsStore

/// The store, as the board's services: each change one `Store` call (one
/// transaction, one journal entry), answered with what was saved.
struct StoreServices: BoardServices {
    let store: Store

    func save(_ change: Change, author: String) throws -> SavedChange {
        let now = Date()
        switch change {
        case .record(let record):
            return .record(try store.addRecord(record, now: now))
        case .status(let id, let status, let note):
            try store.setStatus(id, to: status, note: note, author: author, now: now)
            return .status(id, status)
        case .note(let id, let text):
            _ = try store.addNote(id, text: text, author: author, now: now)
            return .note(id)
        case .waiver(let waiver):
            return .waiver(try store.addWaiver(waiver, now: now))
        case .edit(let edited, let original):
            try store.editActivity(edited, basedOn: original, author: author, now: now)
            return .edit(edited)
        case .add(let activity):
            try store.addActivity(activity, author: author, now: now)
            return .add(activity)
        case .undo(let expected):
            return .undo(try store.undo(author: author, expecting: expected, now: now))
        case .newMeeting(let meeting):
            return .meeting(try store.addMeeting(meeting, author: author, now: now))
        case .updateMeeting(let meeting, let base):
            return .meetingUpdated(try store.updateMeeting(meeting, basedOn: base, author: author, now: now))
        case .outcome(let id, let activity, let outcome, let note):
            try store.setOutcome(id, activity: activity, outcome: outcome, note: note, author: author, now: now)
            return .outcome(meeting: id, activity: activity, outcome)
        case .decision(let decision):
            return .decision(try store.addDecision(decision, settingOutcome: decision.activity != nil, author: author, now: now))
        case .hold(let id, let details, let today):
            try store.holdMeeting(id, details: details, today: today, author: author, now: now)
            return .held(meeting: id)
        case .editMeeting(let id, let details):
            return .meetingDetails(meeting: id, changed: try store.editMeeting(id, details: details, author: author, now: now))
        case .institutionEmail(let code, let email):
            let changed = try store.setInstitutionEmail(code, email: email, author: author, now: now)
            return .institutionEmail(code, email, changed: changed)
        case .cancelMeeting(let id):
            try store.cancelMeeting(id, author: author, now: now)
            return .cancelled(meeting: id)
        case .review(let decision, let meeting, .done, _, let today):
            // Done at the meeting that reviewed it, else on the day it is marked.
            try store.completeDecision(decision, on: min(meeting?.date ?? today, today), at: meeting?.id, author: author, now: now)
            return .decisionDone(decision)
        case .review(let decision, let meeting, .moved, let due, _):
            try store.moveDecision(decision, to: due, at: meeting?.id, author: author, now: now)
            return .decisionMoved(decision, due)
        case .review(let decision, let meeting, .open, _, _):
            guard let meeting else { return .decisionKeptOpen(decision) }
            try store.keepDecisionOpen(decision, at: meeting.id, author: author, now: now)
            return .decisionKeptOpen(decision)
        case .recordFinishing(let record):
            return .finished(try store.addRecord(record, finishing: true, now: now))
        }
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
