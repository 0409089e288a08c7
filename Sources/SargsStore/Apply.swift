import Foundation
import GRDB
import SargsCore

extension Store {
    /// Makes `change` (issue 25: the one door of every change, the board's
    /// and the commands'): one transaction that first runs the one gate,
    /// `ChangeRules.check`, on what the change names as stored now (so no
    /// caller skips it, and two callers cannot both pass it on a state that
    /// one of them then changes), then writes the change and one journal
    /// entry at `now` (the caller's clock: tests fix it) by `author`.
    /// - Returns: what was saved, which says itself (`SavedChange.notice`).
    /// - Throws: `StoreError` (a refusal in both languages, a conflict with
    ///   someone else's change, an unavailable store).
    @discardableResult
    public func apply(_ change: Change, author: String, now: Date, today: Day) throws -> SavedChange {
        try self.change { db in
            // The one gate (`ChangeRules.check`), on what the change names as stored now.
            let facts = try Self.facts(for: change, db)
            // A year over by today is closed before anything changes in it (issue 27).
            try ClosedYears.close(before: today, db)
            try Guard.rule { () throws(ChangeRefusal) in try ChangeRules.check(change, in: facts, today: today) }
            return try make(change, author: author, now: now, today: today)
        }
    }

    /// Makes `change`, inside `apply`'s transaction (each method below joins it).
    private func make(_ change: Change, author: String, now: Date, today: Day) throws -> SavedChange {
        switch change {
        // A record and a waiver are the author's who makes them, whatever the value says.
        case .record(var record):
            record.author = author
            return .record(try addRecord(record, today: today, now: now))
        case .recordFinishing(var record):
            record.author = author
            return .finished(try addRecord(record, finishing: true, today: today, now: now))
        case .status(let id, let status, let note):
            try setStatus(id, to: status, note: note, author: author, now: now)
            return .status(id, status)
        case .note(let id, let text):
            _ = try addNote(id, text: text, author: author, now: now)
            return .note(id)
        case .waiver(var waiver):
            waiver.author = author
            return .waiver(try addWaiver(waiver, today: today, now: now))
        case .edit(let edited, let original):
            try editActivity(edited, basedOn: original, author: author, now: now)
            return .edit(edited)
        case .add(let activity):
            try addActivity(activity, author: author, now: now)
            return .add(activity)
        case .undo(let expected):
            return .undo(try undo(author: author, expecting: expected.rawValue, today: today, now: now))
        case .newMeeting(let meeting):
            return .meeting(try addMeeting(meeting, author: author, now: now))
        case .updateMeeting(let meeting, let base):
            return .meetingUpdated(try updateMeeting(meeting, basedOn: base, author: author, now: now))
        case .outcome(let meeting, let activity, let outcome, let note):
            let id = meeting.rawValue
            try setOutcome(id, activity: activity, outcome: outcome, note: note, author: author, now: now)
            return .outcome(meeting: id, activity: activity, outcome)
        case .decision(let decision, let settingOutcome):
            return .decision(try addDecision(decision, settingOutcome: settingOutcome && decision.activity != nil, author: author, now: now))
        case .hold(let meeting, let details, let today):
            let id = meeting.rawValue
            try holdMeeting(id, details: details, today: today, author: author, now: now)
            return .held(meeting: id)
        case .editMeeting(let meeting, let details):
            let id = meeting.rawValue
            return .meetingDetails(meeting: id, changed: try editMeeting(id, details: details, author: author, now: now))
        case .institutionEmail(let code, let email):
            let changed = try setInstitutionEmail(code, email: email, author: author, now: now)
            return .institutionEmail(code, email, changed: changed)
        case .cancelMeeting(let meeting):
            let id = meeting.rawValue
            try cancelMeeting(id, author: author, now: now)
            return .cancelled(meeting: id)
        case .review(let number, let meeting, .done, _, let today):
            let decision = number.rawValue
            // Done at the meeting that reviewed it, else on the day it is marked.
            try completeDecision(decision, on: min(meeting?.date ?? today, today), at: meeting?.id, author: author, now: now)
            return .decisionDone(decision)
        case .review(let number, let meeting, .moved, let due, _):
            let decision = number.rawValue
            try moveDecision(decision, to: due, at: meeting?.id, author: author, now: now)
            return .decisionMoved(decision, due)
        case .review(let number, let meeting, .open, _, _):
            let decision = number.rawValue
            guard let meeting else { return .decisionKeptOpen(decision) }
            try keepDecisionOpen(decision, at: meeting.id, author: author, now: now)
            return .decisionKeptOpen(decision)
        }
    }

    /// What `ChangeRules.check` reads of `change`, from the transaction that
    /// will write it: the plan with only the activities the change names,
    /// the meetings (a group holds a few a year), the decision it names, and
    /// for a waiver the activity's records and waivers. Never the whole plan
    /// of thousands of activities for one record (SPEC §9).
    static func facts(for change: Change, _ db: Database) throws -> Snapshot {
        var activities: [ActivityID] = []
        var decisions: [Int64] = []
        var needsMeetings = false
        var trackingOf: ActivityID?
        switch change {
        case .record(let r), .recordFinishing(let r): activities = [r.activity]
        case .status(let id, _, _), .note(let id, _): activities = [id]
        case .waiver(let w):
            activities = [w.activity]
            trackingOf = w.activity
        case .edit(_, let original):
            activities = [original.id]
            trackingOf = original.id
        case .add(let a): activities = [a.id]
        case .undo, .institutionEmail: break
        case .newMeeting(let m), .updateMeeting(let m, _):
            activities = m.items.map(\.activity)
            needsMeetings = true
        case .outcome(_, let a, _, _):
            activities = [a]
            needsMeetings = true
        case .decision(let d, _):
            activities = d.activity.map { [$0] } ?? []
            needsMeetings = true
        case .hold, .editMeeting, .cancelMeeting: needsMeetings = true
        case .review(let id, _, _, _, _):
            decisions = [id.rawValue]
            needsMeetings = true
        }
        let plan = try PlanRows.plan(db, activities: activities)
        var facts = Snapshot(plan: plan, records: [SargsCore.Record]())
        if needsMeetings { facts.meetings = try MeetingRows.meetings(db) }
        for id in decisions { facts.decisions += try MeetingRows.decisions(db, id: id) }
        if let trackingOf {
            facts.records = RecordIndex(try TrackingRows.records(db, of: trackingOf))
            facts.waivers = try TrackingRows.waivers(db).filter { $0.activity == trackingOf }
        }
        return facts
    }
}

/// The write transaction this thread is in, so that a change made inside
/// `apply` (which checks the rules in the transaction that writes) joins it
/// instead of opening a second one: GRDB's queue is not reentrant. Bound
/// only for the body of `Store.change`, on the thread that runs it.
final class OpenTransaction: @unchecked Sendable {
    /// Used only on the thread whose task-local binding holds it, inside the transaction.
    let database: Database
    let store: ObjectIdentifier

    init(_ database: Database, _ store: Store) {
        self.database = database
        self.store = ObjectIdentifier(store)
    }

    @TaskLocal static var current: OpenTransaction?
}
