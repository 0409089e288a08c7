import Foundation
import GRDB
import SargsCore

/// The append-only journal: one entry per change, in the change's own
/// transaction.
///
/// Actions and what `before`/`after` hold (JSON text):
/// - `init`: after = the plan's id, title and counts.
/// - `record`, `note`, `waive`: after = the saved row.
/// - `import`: after = `{"first", "last", "count"}`, the numbers of the records saved.
/// - `status`: `{"status", "note"}` before and after.
/// - `edit`: the changed fields only, before and after (plus `position` when
///   a change of goal moved the activity in plan order).
/// - `add`: after = the whole activity.
/// - `meeting` (new): after = the meeting; `hold`, `cancel`: `{"state",
///   "attendees", "place", "started", "ended", "chair", "secretary",
///   "guests", "restricted"}` (before v4: state and attendees only);
///   `details` (`meeting edit`): the changed keys of the same shape.
/// - `decision` (new): after = the decision; `done`, `due`, `reviewed`:
///   `{"due", "done_on", "review"}`, the review being the row of the meeting
///   that did it, or null (before v4: `done` held `{"done_on"}` only).
/// - `undo`: before/after swapped from the entry it reverts, named by `undoes`.
/// A row of the journal table, as GRDB's record types read and write it
/// (GRDB's guide: one record type per table). Reading goes column by column
/// through `Row.stored`, so a value of the wrong type in a row is a damaged
/// store named in words, never a crash; `entry()` checks the time.
struct JournalRecord: FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "journal"

    var id: Int64?
    var time: String
    var author: String
    var action: String
    var subject: String
    var before: String?
    var after: String?
    var undoes: Int64?
    var login: String?

    init(id: Int64?, time: String, author: String, action: String, subject: String, before: String?, after: String?,
         undoes: Int64?, login: String?) {
        (self.id, self.time, self.author, self.action, self.subject) = (id, time, author, action, subject)
        (self.before, self.after, self.undoes, self.login) = (before, after, undoes, login)
    }

    /// From a row of `Journal.columns`, in their order.
    init(row: Row) throws {
        let id: Int64 = try row.stored(0, "number of a journal entry")
        let what = "journal entry \(id)"
        self.init(id: id, time: try row.stored(1, "time of \(what)"), author: try row.stored(2, "author of \(what)"),
                  action: try row.stored(3, "action of \(what)"), subject: try row.stored(4, "subject of \(what)"),
                  before: try row.stored(5, "before of \(what)"), after: try row.stored(6, "after of \(what)"),
                  undoes: try row.stored(7, "undoes of \(what)"), login: try row.stored(8, "login of \(what)"))
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["time"] = time
        container["author"] = author
        container["action"] = action
        container["subject"] = subject
        container["before"] = before
        container["after"] = after
        container["undoes"] = undoes
        container["login"] = login
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }

    /// The entry as every reader sees it.
    /// - Throws: `StoreError` naming the entry when its time is not one.
    func entry() throws -> JournalEntry {
        let number = id ?? 0
        let what = "journal entry \(number)"
        return JournalEntry(id: number, time: try Timestamp.required(time, "time of \(what)"), author: author, action: action,
                            subject: subject, before: before, after: after, undoes: undoes, login: login)
    }
}

enum Journal {
    static let columns = "id, time, author, action, subject, before, after, undoes, login"

    /// The login account of this process (its effective user), recorded with every entry.
    static let login: String? = {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }()

    /// Journals `change` at `time` by `author`, its subject, before and after
    /// as the typed change writes them (issue 25: the one form of every entry).
    /// - Returns: the entry's number.
    @discardableResult
    static func append(_ db: Database, _ change: JournalChange, time: Date, author: String) throws -> Int64 {
        guard let action = change.kind, action != .undo else {
            throw StoreError.invalid(Phrase(lv: "Šādu izmaiņu žurnālā nevar ierakstīt: \(change.action).",
                                            en: "A change of this kind cannot be journaled: \(change.action)."))
        }
        return try append(db, time: time, author: author, action: action, subject: change.subject,
                          beforeText: change.before?.text, afterText: change.after?.text, undoes: nil)
    }

    @discardableResult
    static func append(_ db: Database, time: Date, author: String, action: JournalAction, subject: String,
                       beforeText: String?, afterText: String?, undoes: Int64?) throws -> Int64 {
        try Guard.author(author)
        var record = JournalRecord(id: nil, time: Timestamp.text(time), author: author, action: action.rawValue, subject: subject,
                                   before: beforeText, after: afterText, undoes: undoes, login: login)
        try record.insert(db)
        return record.id ?? db.lastInsertedRowID
    }

    /// An entry from a row of `columns` (and `check`, row by row).
    static func entry(from row: Row) throws -> JournalEntry {
        try JournalRecord(row: row).entry()
    }

    static func entries(_ db: Database, subject: String?, author: String?, limit: Int?) throws -> [JournalEntry] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let subject {
            // An activity's journal includes the decisions about it: taken, moved, closed, reviewed.
            conditions.append("""
                (subject = ? OR (action = 'decision' AND json_extract(after, '$.activity') = ?)
                 OR subject IN (SELECT 'decision ' || id FROM decision WHERE activity = ?))
                """)
            arguments += [subject, subject, subject]
        }
        if let author {
            conditions.append("author = ?")
            arguments += [author]
        }
        var sql = "SELECT \(columns) FROM journal"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY id DESC"
        if let limit {
            sql += " LIMIT ?"
            arguments += [max(0, limit)]
        }
        return try withReverted(JournalRecord.fetchAll(db, sql: sql, arguments: arguments).map { try $0.entry() }, db)
    }

    /// `entries` with each undo entry's `reverted` set: the action of the entry it reverts, read in one query.
    static func withReverted(_ entries: [JournalEntry], _ db: Database) throws -> [JournalEntry] {
        let targets = entries.compactMap(\.undoes)
        guard !targets.isEmpty else { return entries }
        var actions: [Int64: JournalAction] = [:]
        for chunk in stride(from: 0, to: targets.count, by: 500).map({ Array(targets[$0..<min($0 + 500, targets.count)]) }) {
            let marks = chunk.map { _ in "?" }.joined(separator: ", ")
            for row in try Row.fetchAll(db, sql: "SELECT id, action FROM journal WHERE id IN (\(marks))", arguments: StatementArguments(chunk)) {
                let id: Int64 = try row.stored(0, "number of a journal entry")
                let action: String = try row.stored(1, "action of journal entry \(id)")
                actions[id] = JournalAction(rawValue: action)
            }
        }
        return entries.map { entry in
            var entry = entry
            entry.reverted = entry.undoes.flatMap { actions[$0] }
            return entry
        }
    }

    /// The author's latest change that no undo entry reverts yet; undo and
    /// init entries are not changes one can undo.
    static func latestUndoable(by author: String, _ db: Database) throws -> JournalEntry? {
        try JournalRecord.fetchOne(db, sql: """
            SELECT \(columns) FROM journal j
            WHERE j.author = ? AND j.action NOT IN (\(JournalAction.allCases.filter { !$0.undoable }.map { "'\($0.rawValue)'" }.joined(separator: ", ")))
              AND (j.login IS NULL OR j.login = ?)
              AND NOT EXISTS (SELECT 1 FROM journal u WHERE u.undoes = j.id)
            ORDER BY j.id DESC LIMIT 1
            """, arguments: [author, login]).map { try $0.entry() }
    }
}

/// Reverting one journal entry. Every revert first checks that what the
/// entry wrote is still what is stored: if someone changed it since, the
/// undo is a `.conflict` and nothing is written, so no one's later change is
/// overwritten silently.
enum Undo {
    /// Reverts `entry`, switching over its typed change (issue 25).
    /// - Throws: `StoreError.conflict` when what the entry wrote was changed
    ///   since, `.invalid` for a change that cannot be undone (or whose undo
    ///   would lose what came after it), `.damaged` for an unreadable entry.
    static func revert(_ entry: JournalEntry, _ db: Database) throws {
        let notUndone = StoreError.invalid(Phrase(lv: "Izmaiņu veidu “\(entry.action)” nevar atsaukt.",
                                                  en: "A change of kind “\(entry.action)” cannot be undone."))
        switch entry.change {
        case .record(let record, let finished):
            if let previous = finished {
                // `record --done` finished the activity: its status goes back with the record.
                let current = try String.fetchOne(db, sql: "SELECT status FROM activity WHERE id = ?", arguments: [record.activity])
                try expect(.object(["status": .string(current)]), equals: .object(["status": .string(Status.done.rawValue)]),
                           restoring: .object(["status": .string(previous.rawValue)]))
                try db.execute(sql: "UPDATE activity SET status = ? WHERE id = ?", arguments: [previous.rawValue, record.activity])
            }
            try db.execute(sql: "DELETE FROM record WHERE id = ?", arguments: [record.id])
        case .imported(_, let first, let last, _):
            try db.execute(sql: "DELETE FROM record WHERE id BETWEEN ? AND ?", arguments: [first, last])
        case .note(let note):
            try db.execute(sql: "DELETE FROM note WHERE id = ?", arguments: [note.id])
        case .waive(let waiver):
            try db.execute(sql: "DELETE FROM waiver WHERE id = ?", arguments: [waiver.id])
        case .status(let activity, let before, let after):
            try revertStatus(activity, before: before, after: after, db)
        case .edit(let activity, let changes, let position):
            try revertEdit(activity, changes, position: position, db)
        case .institution(let code, let before, let after):
            try Mailboxes.revert(code, before: before, after: after, db)
        case .add(let activity, let fields):
            try refuseLaterChanges(to: entry, Phrase(lv: "Aktivitāti \(activity)", en: "Activity \(activity)"), db)
            try revertAdd(activity, fields: fields, db)
        case .meeting(let planned):
            try refuseLaterChanges(to: entry, Phrase(lv: "Sēdi Nr. \(planned.id)", en: "Meeting \(planned.id)"), db)
            let meeting = try MeetingRows.require(planned.id, db)
            try expect(MeetingRows.stateJSON(meeting),
                       equals: SittingField.json([.state(planned.state), .attendees(planned.attendees)]))
            if try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM decision WHERE meeting = ?1) OR EXISTS (SELECT 1 FROM decision_review WHERE meeting = ?1)
                """, arguments: [planned.id]) == true {
                throw StoreError.invalid(Phrase(
                    lv: "Sēdei Nr. \(planned.id) tagad ir lēmumi, tāpēc to nevar izņemt; vispirms atsauciet vai paturiet tos.",
                    en: "Meeting \(planned.id) has decisions now, so it cannot be removed; undo or keep them first."))
            }
            try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [planned.id])
        case .hold(let id, let before, let after), .cancel(let id, let before, let after), .details(let id, let before, let after):
            let meeting = try MeetingRows.require(id, db)
            try expect(MeetingRows.stateJSON(meeting), equals: SittingField.json(after), restoring: SittingField.json(before))
            var restored = meeting
            for field in before { field.apply(to: &restored) }
            // A cancelled meeting planned again may not make a twin of one planned on its date since.
            if meeting.state == .cancelled, restored.state != .cancelled { try Store.refuseTwin(of: restored, db) }
            try MeetingRows.set(id, state: restored.state, details: restored.details, db)
        case .items(let id, let before, let after):
            let meeting = try MeetingRows.require(id, db)
            // Compared as one value: someone else's change of any item since is a conflict.
            try expect(.object(["items": JournalChange.json(meeting.items)]), equals: .object(["items": JournalChange.json(after)]),
                       restoring: .object(["items": JournalChange.json(before)]))
            try MeetingRows.setItems(id, before, db)
        case .decision(let decision, let outcome):
            try refuseLaterChanges(to: entry, Phrase(lv: "Lēmumu Nr. \(decision.id)", en: "Decision \(decision.id)"), db)
            let current = try doneOn(decision.id, db)
            try expect(.object(["done_on": current]), equals: .object(["done_on": .string(decision.doneOn?.description)]))
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM decision_review WHERE decision = ?)",
                                 arguments: [decision.id]) == true {
                throw StoreError.invalid(Phrase(
                    lv: "Lēmums Nr. \(decision.id) jau ir izskatīts sēdē, tāpēc to nevar izņemt; vispirms atsauciet izskatīšanu.",
                    en: "Decision \(decision.id) has been reviewed at a meeting, so it cannot be removed; undo the review first."))
            }
            if let outcome {
                // The outcome the decision set on its item goes back with it.
                let meeting = try MeetingRows.require(decision.meeting, db)
                try expect(.object(["items": JournalChange.json(meeting.items)]), equals: .object(["items": JournalChange.json(outcome.after)]),
                           restoring: .object(["items": JournalChange.json(outcome.before)]))
                try MeetingRows.setItems(decision.meeting, outcome.before, db)
            }
            try db.execute(sql: "DELETE FROM decision WHERE id = ?", arguments: [decision.id])
        case .settings(let id, let before, let after):
            let meeting = try MeetingRows.require(id, db)
            try expect(MeetingRows.settingsJSON(meeting), equals: JournalChange.json(after), restoring: JournalChange.json(before))
            if before.date != meeting.date || before.kind != meeting.kind, meeting.state != .cancelled {
                var back = meeting
                back.date = before.date
                back.kind = before.kind
                try Store.refuseTwin(of: back, db)
            }
            try db.execute(sql: "UPDATE meeting SET date = ?, kind = ?, topic = ? WHERE id = ?",
                           arguments: [before.date.description, before.kind.rawValue, before.topic, id])
            try MeetingRows.setItems(id, before.items, db)
            // Entries written before issue 26 carry neither removals nor the mark: none then, and the agenda was stored.
            try MeetingRows.setRemoved(id, before.removed, db)
            if !before.prepared { try MeetingRows.setPrepared(id, false, db) }
        case .done(let id, let before, let after), .due(let id, let before, let after), .reviewed(let id, let before, let after):
            // Entries written before reviews existed hold only the done date: the fields an entry has are what it changed.
            let decision = try MeetingRows.requireDecision(id, db)
            func reviewMeeting(_ fields: [DecisionField]) -> Int64? {
                for case .review(let review?) in fields { return review.meeting }
                return nil
            }
            let meetingOfReview = reviewMeeting(after) ?? reviewMeeting(before)
            let review = try meetingOfReview.flatMap { try MeetingRows.review(meeting: $0, decision: id, db) }
            try expect(MeetingRows.decisionStateJSON(decision, review: review), equals: DecisionField.json(after),
                       restoring: DecisionField.json(before))
            for field in before {
                switch field {
                case .doneOn(let day):
                    try db.execute(sql: "UPDATE decision SET done_on = ? WHERE id = ?", arguments: [day?.description, id])
                case .due(let day):
                    try db.execute(sql: "UPDATE decision SET due = ? WHERE id = ?", arguments: [day.description, id])
                case .review(let earlier):
                    guard let meetingOfReview else { continue }
                    if var earlier {
                        earlier.meeting = meetingOfReview
                        try MeetingRows.setReview(earlier, db)
                    } else {
                        try db.execute(sql: "DELETE FROM decision_review WHERE meeting = ? AND decision = ?",
                                       arguments: [meetingOfReview, id])
                    }
                }
            }
        case .unreadable:
            throw damaged("journal entry \(entry.id)")
        case .undo, .created, .remind, .restore, .unknown:
            throw notUndone
        }
    }

    private static func revertStatus(_ activity: ActivityID, before: JournalChange.StatusSetting, after: JournalChange.StatusSetting,
                                     _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, status_note FROM activity WHERE id = ?",
                                         arguments: [activity]) else {
            throw StoreError.unknownActivity(activity)
        }
        let current: JSON = .object(["status": .string(row[0] as String), "note": .string(row[1] as String?)])
        try expect(current, equals: JournalChange.json(after), restoring: JournalChange.json(before))
        try db.execute(sql: "UPDATE activity SET status = ?, status_note = ? WHERE id = ?",
                       arguments: [before.status.rawValue, before.note, activity])
    }

    private static func revertEdit(_ activity: ActivityID, _ changes: [JournalChange.ActivityFieldChange],
                                   position: JournalChange.Moved?, _ db: Database) throws {
        guard let stored = try PlanRows.activity(activity, db) else { throw StoreError.unknownActivity(activity) }
        var restored = stored
        for change in changes {
            let current = change.field.value(of: stored)
            if current != change.after {
                throw StoreError.undoConflict(field: change.field.rawValue, now: current.display, by: nil)
            }
            guard change.field.set(change.before, on: &restored) else { throw damaged("\(change.field.rawValue) in the journal") }
        }
        if restored.goal != stored.goal {
            try PlanRows.requireGoal(restored.goal, db)
            if let position {
                _ = try PlanRows.move(activity, db) { _ in position.from }
            } else {
                _ = try PlanRows.move(activity, toEndOfGoal: restored.goal, db)
            }
        }
        try PlanRows.update(restored, db)
    }

    private static func revertAdd(_ activity: ActivityID, fields: [ActivityField: JSON], _ db: Database) throws {
        guard let stored = try PlanRows.activity(activity, db) else { throw StoreError.unknownActivity(activity) }
        for field in ActivityField.allCases {
            let current = field.value(of: stored), written = fields[field] ?? .null
            if current != written {
                throw StoreError.undoConflict(field: field.rawValue, now: current.display, by: nil)
            }
        }
        let used = try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM record WHERE activity = ?1) OR EXISTS (SELECT 1 FROM note WHERE activity = ?1)
                OR EXISTS (SELECT 1 FROM waiver WHERE activity = ?1) OR EXISTS (SELECT 1 FROM decision WHERE activity = ?1)
            """, arguments: [activity]) ?? false
        if used {
            throw StoreError.invalid(Phrase(
                lv: "Aktivitātei \(activity) tagad ir izpildes, piezīmes, atbrīvojumi vai lēmumi, tāpēc to nevar izņemt.",
                en: "Activity \(activity) has records, notes, waivers or decisions now, so it cannot be removed."))
        }
        try PlanRows.delete(activity, db)
    }

    private static func doneOn(_ decision: Int64, _ db: Database) throws -> JSON {
        guard let row = try Row.fetchOne(db, sql: "SELECT done_on FROM decision WHERE id = ?", arguments: [decision]) else {
            throw StoreError.unknownDecision(decision)
        }
        return .string(row[0] as String?)
    }

    /// Refuses to take away what `entry` made (a meeting, a decision, an
    /// activity) while a later change to it, by anyone, is not undone: the
    /// undo would take that change with it, and its own undo would then find
    /// nothing. Names who made it and what it was.
    private static func refuseLaterChanges(to entry: JournalEntry, _ made: Phrase, _ db: Database) throws {
        guard let later = try JournalRecord.fetchOne(db, sql: """
            SELECT \(Journal.columns) FROM journal j
            WHERE j.subject = ? AND j.id > ? AND j.action NOT IN ('undo', 'remind')
              AND NOT EXISTS (SELECT 1 FROM journal u WHERE u.undoes = j.id)
            ORDER BY j.id LIMIT 1
            """, arguments: [entry.subject, entry.id]).map({ try $0.entry() }) else { return }
        throw StoreError.invalid(Phrase(
            lv: "\(made.lv) pēc tam mainīja \(later.author) (#\(later.id): \(JournalText.what(later, .lv))), tāpēc to nevar izņemt; vispirms jāatsauc tā izmaiņa; nekas netika mainīts",
            en: "\(made.en) was changed since by \(later.author) (#\(later.id): \(JournalText.what(later, .en))), so it cannot be removed; that change must be undone first; nothing was changed"))
    }

    /// Refuses the undo unless `current` still equals what the entry wrote.
    /// The conflict names the first field that differs: yours is what the
    /// undo would restore, theirs what is stored now.
    private static func expect(_ current: JSON, equals written: JSON, restoring previous: JSON? = nil) throws {
        for key in written.keys where current[key] != written[key] {
            throw StoreError.undoConflict(field: name(key), now: current[key].display, by: nil)
        }
    }

    private static func name(_ key: String) -> String {
        switch key {
        case "note": return "status note"
        case "done_on": return "done date"
        default: return key
        }
    }

    /// What an entry's `before` or `after` holds (`check` reads every entry's so).
    static func payload(_ text: String?, _ entry: JournalEntry) throws -> JSON {
        guard let text else { return .null }
        guard let json = JSON(parsing: text) else { throw damaged("journal entry \(entry.id): its before or after is not JSON") }
        return json
    }
}
