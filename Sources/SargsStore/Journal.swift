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

    @discardableResult
    static func append(_ db: Database, time: Date, author: String, action: JournalAction, subject: String,
                       before: JSON?, after: JSON?) throws -> Int64 {
        try append(db, time: time, author: author, action: action, subject: subject,
                   beforeText: before?.text, afterText: after?.text, undoes: nil)
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
    static func revert(_ entry: JournalEntry, _ db: Database) throws {
        let before = try payload(entry.before, entry)
        let after = try payload(entry.after, entry)
        let notUndone = StoreError.invalid(Phrase(lv: "Izmaiņu veidu “\(entry.action)” nevar atsaukt.",
                                                  en: "A change of kind “\(entry.action)” cannot be undone."))
        guard let action = entry.kind else { throw notUndone }
        switch action {
        case .record:
            if let previous = after["status_before"].stringValue {
                // `record --done` finished the activity: its status goes back with the record.
                guard let status = Status(rawValue: previous) else { throw damaged("journal entry \(entry.id)") }
                let current = try String.fetchOne(db, sql: "SELECT status FROM activity WHERE id = ?", arguments: [entry.subject])
                try expect(.object(["status": .string(current)]), equals: .object(["status": after["status"]]),
                           restoring: .object(["status": .string(previous)]))
                try db.execute(sql: "UPDATE activity SET status = ? WHERE id = ?", arguments: [status.rawValue, entry.subject])
            }
            try db.execute(sql: "DELETE FROM record WHERE id = ?", arguments: [try id(after, entry)])
        case .imported:
            guard let first = after["first"].int64Value, let last = after["last"].int64Value else {
                throw damaged("journal entry \(entry.id)")
            }
            try db.execute(sql: "DELETE FROM record WHERE id BETWEEN ? AND ?", arguments: [first, last])
        case .note:
            try db.execute(sql: "DELETE FROM note WHERE id = ?", arguments: [try id(after, entry)])
        case .waive:
            try db.execute(sql: "DELETE FROM waiver WHERE id = ?", arguments: [try id(after, entry)])
        case .status:
            try revertStatus(entry.subject, before: before, after: after, db)
        case .edit:
            try revertEdit(entry.subject, before: before, after: after, db)
        case .institution:
            try Mailboxes.revert(entry.subject, before: before, after: after, db)
        case .add:
            try revertAdd(entry.subject, after: after, db)
        case .meeting:
            let meetingID = try id(after, entry)
            let meeting = try MeetingRows.require(meetingID, db)
            try expect(MeetingRows.stateJSON(meeting),
                       equals: .object(["state": .string(after["state"].stringValue ?? Meeting.State.planned.rawValue),
                                        "attendees": .strings(after["attendees"].stringList ?? [])]))
            if try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM decision WHERE meeting = ?1) OR EXISTS (SELECT 1 FROM decision_review WHERE meeting = ?1)
                """, arguments: [meetingID]) == true {
                throw StoreError.invalid(Phrase(
                    lv: "Sēdei Nr. \(meetingID) tagad ir lēmumi, tāpēc to nevar izņemt; vispirms atsauciet vai paturiet tos.",
                    en: "Meeting \(meetingID) has decisions now, so it cannot be removed; undo or keep them first."))
            }
            try db.execute(sql: "DELETE FROM meeting WHERE id = ?", arguments: [meetingID])
        case .hold, .cancel, .details:
            let meetingID = try subjectNumber(entry)
            let meeting = try MeetingRows.require(meetingID, db)
            try expect(MeetingRows.stateJSON(meeting), equals: after, restoring: before)
            guard let restored = MeetingRows.apply(before, to: meeting) else { throw damaged("journal entry \(entry.id)") }
            // A cancelled meeting planned again may not make a twin of one planned on its date since.
            if meeting.state == .cancelled, restored.state != .cancelled { try Store.refuseTwin(of: restored, db) }
            try MeetingRows.set(meetingID, state: restored.state, details: restored.details, db)
        case .items:
            let meetingID = try subjectNumber(entry)
            let meeting = try MeetingRows.require(meetingID, db)
            try expect(MeetingRows.itemsJSON(meeting.items), equals: after, restoring: before)
            guard let items = MeetingRows.items(from: before) else { throw damaged("journal entry \(entry.id)") }
            try MeetingRows.setItems(meetingID, items, db)
        case .decision:
            let decisionID = try id(after, entry)
            let current = try doneOn(decisionID, db)
            try expect(.object(["done_on": current]), equals: .object(["done_on": after["done_on"]]))
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM decision_review WHERE decision = ?)",
                                 arguments: [decisionID]) == true {
                throw StoreError.invalid(Phrase(
                    lv: "Lēmums Nr. \(decisionID) jau ir izskatīts sēdē, tāpēc to nevar izņemt; vispirms atsauciet izskatīšanu.",
                    en: "Decision \(decisionID) has been reviewed at a meeting, so it cannot be removed; undo the review first."))
            }
            if !after["items"].isNull, let meetingID = after["meeting"].int64Value {
                // The outcome the decision set on its item goes back with it.
                let meeting = try MeetingRows.require(meetingID, db)
                try expect(.object(["items": MeetingRows.itemsJSON(meeting.items)]), equals: .object(["items": after["items"]]),
                           restoring: before)
                guard let items = MeetingRows.items(from: before["items"]) else { throw damaged("journal entry \(entry.id)") }
                try MeetingRows.setItems(meetingID, items, db)
            }
            try db.execute(sql: "DELETE FROM decision WHERE id = ?", arguments: [decisionID])
        case .settings:
            let meetingID = try subjectNumber(entry)
            let meeting = try MeetingRows.require(meetingID, db)
            try expect(MeetingRows.settingsJSON(meeting), equals: after, restoring: before)
            guard let date = before["date"].stringValue.flatMap(Day.init), let kind = before["kind"].stringValue.flatMap(Meeting.Kind.init),
                  let items = MeetingRows.items(from: before["items"]) else { throw damaged("journal entry \(entry.id)") }
            if date != meeting.date || kind != meeting.kind, meeting.state != .cancelled {
                var back = meeting
                back.date = date
                back.kind = kind
                try Store.refuseTwin(of: back, db)
            }
            try db.execute(sql: "UPDATE meeting SET date = ?, kind = ?, topic = ? WHERE id = ?",
                           arguments: [date.description, kind.rawValue, before["topic"].stringValue, meetingID])
            try MeetingRows.setItems(meetingID, items, db)
            // Entries written before issue 26 carry neither key: no removals then, and the agenda was stored.
            try MeetingRows.setRemoved(meetingID, before["removed"].stringList ?? [], db)
            if case .bool(false) = before["prepared"] { try MeetingRows.setPrepared(meetingID, false, db) }
        case .done, .due, .reviewed:
            // Entries written before reviews existed hold only `done_on`: the keys an entry has are what it changed.
            let decisionID = try subjectNumber(entry)
            let decision = try MeetingRows.requireDecision(decisionID, db)
            let reviewMeeting = after["review"]["meeting"].int64Value ?? before["review"]["meeting"].int64Value
            let review = try reviewMeeting.flatMap { try MeetingRows.review(meeting: $0, decision: decisionID, db) }
            try expect(MeetingRows.decisionStateJSON(decision, review: review), equals: after, restoring: before)
            if before.keys.contains("done_on") {
                try db.execute(sql: "UPDATE decision SET done_on = ? WHERE id = ?",
                               arguments: [before["done_on"].stringValue, decisionID])
            }
            if before.keys.contains("due") {
                guard let due = before["due"].stringValue.flatMap(Day.init) else { throw damaged("journal entry \(entry.id)") }
                try db.execute(sql: "UPDATE decision SET due = ? WHERE id = ?", arguments: [due.description, decisionID])
            }
            if before.keys.contains("review"), let reviewMeeting {
                if case .object = before["review"] {
                    guard let outcome = before["review"]["outcome"].stringValue.flatMap(DecisionReview.Outcome.init),
                          let from = before["review"]["due_before"].stringValue.flatMap(Day.init),
                          let to = before["review"]["due_after"].stringValue.flatMap(Day.init) else {
                        throw damaged("journal entry \(entry.id)")
                    }
                    try MeetingRows.setReview(DecisionReview(meeting: reviewMeeting, decision: decisionID, outcome: outcome,
                                                             dueBefore: from, dueAfter: to), db)
                } else {
                    try db.execute(sql: "DELETE FROM decision_review WHERE meeting = ? AND decision = ?",
                                   arguments: [reviewMeeting, decisionID])
                }
            }
        case .undo, .created, .remind, .restore:
            throw notUndone
        }
    }

    private static func revertStatus(_ activity: ActivityID, before: JSON, after: JSON, _ db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT status, status_note FROM activity WHERE id = ?",
                                         arguments: [activity]) else {
            throw StoreError.unknownActivity(activity)
        }
        let current: JSON = .object(["status": .string(row[0] as String), "note": .string(row[1] as String?)])
        try expect(current, equals: after, restoring: before)
        guard let status = before["status"].stringValue.flatMap(Status.init(rawValue:)) else {
            throw damaged("status in the journal")
        }
        try db.execute(sql: "UPDATE activity SET status = ?, status_note = ? WHERE id = ?",
                       arguments: [status.rawValue, before["note"].stringValue, activity])
    }

    private static func revertEdit(_ activity: ActivityID, before: JSON, after: JSON, _ db: Database) throws {
        guard let stored = try PlanRows.activity(activity, db) else { throw StoreError.unknownActivity(activity) }
        var restored = stored
        for key in after.keys where key != "position" {
            guard let field = ActivityField(rawValue: key) else { throw damaged("field “\(key)” in the journal") }
            let current = field.value(of: stored)
            if current != after[key] {
                throw StoreError.conflict(field: key, yours: before[key].display, theirs: current.display)
            }
            guard field.set(before[key], on: &restored) else { throw damaged("\(key) in the journal") }
        }
        if restored.goal != stored.goal {
            try PlanRows.requireGoal(restored.goal, db)
            if let position = before["position"].int64Value {
                _ = try PlanRows.move(activity, db) { _ in position }
            } else {
                _ = try PlanRows.move(activity, toEndOfGoal: restored.goal, db)
            }
        }
        try PlanRows.update(restored, db)
    }

    private static func revertAdd(_ activity: ActivityID, after: JSON, _ db: Database) throws {
        guard let stored = try PlanRows.activity(activity, db) else { throw StoreError.unknownActivity(activity) }
        for field in ActivityField.allCases {
            let current = field.value(of: stored)
            if current != after[field.rawValue] {
                throw StoreError.conflict(field: field.rawValue, yours: after[field.rawValue].display,
                                          theirs: current.display)
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

    /// Refuses the undo unless `current` still equals what the entry wrote.
    /// The conflict names the first field that differs: yours is what the
    /// undo would restore, theirs what is stored now.
    private static func expect(_ current: JSON, equals written: JSON, restoring previous: JSON? = nil) throws {
        for key in written.keys where current[key] != written[key] {
            throw StoreError.conflict(field: name(key), yours: (previous ?? written)[key].display,
                                      theirs: current[key].display)
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

    private static func id(_ payload: JSON, _ entry: JournalEntry) throws -> Int64 {
        guard let id = payload["id"].int64Value else { throw damaged("journal entry \(entry.id)") }
        return id
    }

    /// The number in a subject such as "meeting 3".
    private static func subjectNumber(_ entry: JournalEntry) throws -> Int64 {
        guard let last = entry.subject.split(separator: " ").last, let id = Int64(last) else {
            throw damaged("journal entry \(entry.id)")
        }
        return id
    }
}
