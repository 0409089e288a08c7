import Foundation
import SargsBoard
import SargsCore
@testable import SargsStore

/// The real store in memory (`Store.inMemory`, issue 25) as the board's
/// services, the way the executable's `StoreServices` runs them: each
/// change through `Store.apply`, refusals as the store words them; the
/// runner then reads the snapshot again (`.reloaded`) and reports `.saved`.
/// The journal, the undo and the records are the store's own.
final class MemoryServices: BoardServices {
    let store: Store
    /// The day the store checks a change against (`--today` in the executable).
    var today: Day
    private(set) var saves = 0, refusals = 0
    /// What the store refused, in its words, in order.
    private(set) var refused: [String] = []
    /// The first change the board should not have asked for (see `check`).
    var problem: String?
    /// Asked before every save with the store's snapshot as it is then:
    /// why the board should not have asked for the change, if it should not.
    var check: ((Change, Snapshot, Day) -> String?)?
    /// The time of the next change: a second after the last, so the journal's times are the same every run.
    private var clock: Date

    init(store: Store, today: Day) {
        self.store = store
        self.today = today
        clock = Seed.now
    }

    func save(_ change: Change, author: String) throws -> SavedChange {
        if problem == nil, let check, let why = check(change, try store.snapshot(), today) {
            problem = "the board asked to save an invalid change \(change): \(why)"
        }
        clock += 1
        do {
            let saved = try store.apply(change, author: author, now: clock, today: today)
            saves += 1
            return saved
        } catch {
            refusals += 1
            refused.append(refusal(for: error).en)
            throw error
        }
    }

    func load() throws -> (snapshot: Snapshot, version: Int64) { try store.snapshotAndVersion() }
    func version() throws -> Int64 { try store.version() }
    func journal(subject: String?) throws -> [JournalEntry] { try store.journal(subject: subject, author: nil, limit: 500) }
    func records(of activity: ActivityID) throws -> [Record] { try store.records(of: activity) }
    func latestUndoable(author: String) throws -> JournalEntry? { try store.latestUndoable(author: author) }

    /// The minutes are the executable's file (`MinutesFile`): here only the notice, for a meeting the store holds.
    func writeMinutes(meeting: Int64, language: Language) throws -> Phrase {
        guard try store.meetings().contains(where: { $0.id == meeting }) else { throw StoreError.unknownMeeting(meeting) }
        return Phrase(lv: "Protokols: sede-\(meeting).md", en: "Minutes: meeting-\(meeting).md")
    }

    func refusal(for error: any Error) -> Phrase {
        switch error {
        case let error as StoreError: return error.phrase
        case let refusal as ChangeRefusal: return refusal.phrase
        default: return Phrase(lv: "\(error)", en: "\(error)")
        }
    }

    /// The store's snapshot now.
    var snapshot: Snapshot {
        get throws { try store.snapshot() }
    }
}

/// How a test's starting point is put into the store.
enum Seed {
    /// Who made the starting point: never a board's author, so `u` on the board has nothing of it to undo.
    static let author = "sagatavots"
    static let now = Date(timeIntervalSince1970: 1_735_000_000)

    struct Unreachable: Error, CustomStringConvertible {
        var description: String
    }
}

extension Store {
    /// An in-memory store holding `snapshot` (and `records`, the whole
    /// records behind its index), reached through the store's own door:
    /// the plan by `inMemory`, the records by one import, and meetings,
    /// decisions and reviews by `apply`, numbered as the snapshot numbers
    /// them (a number the store would skip is taken by a meeting or
    /// decision planned and undone, as AUTOINCREMENT never gives it again).
    /// - Throws: `Seed.Unreachable` when the store, read back, does not hold
    ///   exactly `snapshot` (a state the store cannot reach so); `StoreError`
    ///   when it refuses a step.
    static func seeded(_ snapshot: Snapshot, records: [Record] = []) throws -> Store {
        guard snapshot.notes.isEmpty, snapshot.waivers.isEmpty else {
            throw Seed.Unreachable(description: "notes and waivers are not seeded; save them through apply in the test")
        }
        let store = try Store.inMemory(plan: snapshot.plan, author: Seed.author, now: Seed.now)
        // The day a step is checked against when it has none of its own: the plan's last.
        let lastDay = snapshot.plan.period.last
        @discardableResult
        func apply(_ change: Change, today: Day? = nil) throws -> SavedChange {
            try store.apply(change, author: Seed.author, now: Seed.now, today: today ?? lastDay)
        }
        func undoLatest() throws {
            guard let latest = try store.latestUndoable(author: Seed.author) else {
                throw Seed.Unreachable(description: "nothing to undo after a filler")
            }
            try apply(.undo(of: latest.number))
        }
        if !records.isEmpty { try store.importRecords(records, author: Seed.author, now: Seed.now) }

        // Meetings by number; a filler on a date no meeting of the snapshot has.
        let dates = Set(snapshot.meetings.map(\.date))
        var fillerDate = snapshot.plan.period.first
        while dates.contains(fillerDate) { fillerDate = fillerDate.adding(days: 1) }
        var next: Int64 = 1
        for meeting in snapshot.meetings.sorted(by: { $0.id < $1.id }) {
            while next < meeting.id {
                try apply(.newMeeting(Meeting(date: fillerDate)))
                try undoLatest()
                next += 1
            }
            var planned = meeting
            planned.state = .planned
            if meeting.state == .held { planned.details = Meeting.Details() }
            guard case .meeting(let saved) = try apply(.newMeeting(planned)), saved.id == meeting.id else {
                throw Seed.Unreachable(description: "meeting \(meeting.id) was not numbered \(meeting.id)")
            }
            switch meeting.state {
            case .planned: break
            case .held: try apply(.hold(meeting: meeting.number, details: meeting.details, today: meeting.date))
            case .cancelled: try apply(.cancelMeeting(meeting.number))
            }
            next = meeting.id + 1
        }

        // Decisions by number, with the due date they were taken with (a review may have moved it).
        next = 1
        for decision in snapshot.decisions.sorted(by: { $0.id < $1.id }) {
            while next < decision.id {
                try apply(.decision(Decision(meeting: decision.meeting, text: "-", owner: decision.owner, due: decision.due),
                                    settingOutcome: false))
                try undoLatest()
                next += 1
            }
            var taken = decision
            taken.doneOn = nil
            taken.due = snapshot.reviews.filter { $0.decision == decision.id }.min { $0.meeting < $1.meeting }?.dueBefore ?? decision.due
            guard case .decision(let saved) = try apply(.decision(taken, settingOutcome: false)), saved.id == decision.id else {
                throw Seed.Unreachable(description: "decision \(decision.id) was not numbered \(decision.id)")
            }
            next = decision.id + 1
        }
        // Each review at its meeting, on the meeting's day; then a decision done outside any meeting's review.
        for review in snapshot.reviews.sorted(by: { ($0.meeting, $0.decision) < ($1.meeting, $1.decision) }) {
            guard let meeting = snapshot.meetings.first(where: { $0.id == review.meeting }) else {
                throw Seed.Unreachable(description: "a review at meeting \(review.meeting), which the snapshot does not hold")
            }
            try apply(.review(decision: DecisionID(review.decision), meeting: meeting, review.outcome, due: review.dueAfter, today: meeting.date))
        }
        for decision in snapshot.decisions where decision.doneOn != nil {
            guard !snapshot.reviews.contains(where: { $0.decision == decision.id && $0.outcome == .done }), let day = decision.doneOn else { continue }
            try apply(.review(decision: decision.number, meeting: nil, .done, due: decision.due, today: day))
        }

        let stored = try store.snapshot()
        let parts: [(String, Bool)] = [
            ("plan", stored.plan == snapshot.plan), ("records", stored.records == snapshot.records),
            ("meetings", stored.meetings == snapshot.meetings), ("decisions", stored.decisions == snapshot.decisions),
            ("reviews", stored.reviews == snapshot.reviews),
        ]
        if let differing = parts.first(where: { !$0.1 }) {
            throw Seed.Unreachable(description: "the store holds other \(differing.0) than the snapshot: \(Self.difference(stored, snapshot, differing.0))")
        }
        return store
    }

    private static func difference(_ stored: Snapshot, _ wanted: Snapshot, _ part: String) -> String {
        switch part {
        case "meetings": return "stored \(stored.meetings), wanted \(wanted.meetings)"
        case "decisions": return "stored \(stored.decisions), wanted \(wanted.decisions)"
        case "reviews": return "stored \(stored.reviews), wanted \(wanted.reviews)"
        default: return part
        }
    }
}
