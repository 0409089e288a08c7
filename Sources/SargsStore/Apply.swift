import Foundation
import SargsCore

extension Store {
    /// Makes `change` (issue 25: the one door of every change, the board's
    /// and the commands'): one transaction and one journal entry at `now`,
    /// by `author`; the same checks whoever asks, a record's date against
    /// `today` among them (none when nil: a tool loading history).
    /// - Returns: what was saved, which says itself (`SavedChange.notice`).
    /// - Throws: `StoreError` (a refusal in both languages, a conflict with
    ///   someone else's change, an unavailable store).
    @discardableResult
    public func apply(_ change: Change, author: String, now: Date, today: Day?) throws -> SavedChange {
        switch change {
        case .record(let record):
            return .record(try addRecord(record, today: today, now: now))
        case .recordFinishing(let record):
            return .finished(try addRecord(record, finishing: true, today: today, now: now))
        case .status(let id, let status, let note):
            try setStatus(id, to: status, note: note, author: author, now: now)
            return .status(id, status)
        case .note(let id, let text):
            _ = try addNote(id, text: text, author: author, now: now)
            return .note(id)
        case .waiver(let waiver):
            return .waiver(try addWaiver(waiver, now: now))
        case .edit(let edited, let original):
            try editActivity(edited, basedOn: original, author: author, now: now)
            return .edit(edited)
        case .add(let activity):
            try addActivity(activity, author: author, now: now)
            return .add(activity)
        case .undo(let expected):
            return .undo(try undo(author: author, expecting: expected, now: now))
        case .newMeeting(let meeting):
            return .meeting(try addMeeting(meeting, author: author, now: now))
        case .updateMeeting(let meeting, let base):
            return .meetingUpdated(try updateMeeting(meeting, basedOn: base, author: author, now: now))
        case .outcome(let id, let activity, let outcome, let note):
            try setOutcome(id, activity: activity, outcome: outcome, note: note, author: author, now: now)
            return .outcome(meeting: id, activity: activity, outcome)
        case .decision(let decision, let settingOutcome):
            return .decision(try addDecision(decision, settingOutcome: settingOutcome && decision.activity != nil, author: author, now: now))
        case .hold(let id, let details, let today):
            try holdMeeting(id, details: details, today: today, author: author, now: now)
            return .held(meeting: id)
        case .editMeeting(let id, let details):
            return .meetingDetails(meeting: id, changed: try editMeeting(id, details: details, author: author, now: now))
        case .institutionEmail(let code, let email):
            let changed = try setInstitutionEmail(code, email: email, author: author, now: now)
            return .institutionEmail(code, email, changed: changed)
        case .cancelMeeting(let id):
            try cancelMeeting(id, author: author, now: now)
            return .cancelled(meeting: id)
        case .review(let decision, let meeting, .done, _, let today):
            // Done at the meeting that reviewed it, else on the day it is marked.
            try completeDecision(decision, on: min(meeting?.date ?? today, today), at: meeting?.id, author: author, now: now)
            return .decisionDone(decision)
        case .review(let decision, let meeting, .moved, let due, _):
            try moveDecision(decision, to: due, at: meeting?.id, author: author, now: now)
            return .decisionMoved(decision, due)
        case .review(let decision, let meeting, .open, _, _):
            guard let meeting else { return .decisionKeptOpen(decision) }
            try keepDecisionOpen(decision, at: meeting.id, author: author, now: now)
            return .decisionKeptOpen(decision)
        }
    }
}
