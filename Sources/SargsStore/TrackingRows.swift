import GRDB
import SargsCore

/// Records, notes and waivers.
enum TrackingRows {
    /// `entered`: the day the record is entered (issue 27: a report says how
    /// many of its year's records came after the year ended).
    static func insert(_ r: SargsCore.Record, entered: Day, _ db: Database) throws -> Int64 {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO record (activity, date, count, note, author, entered) VALUES (?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [r.activity, r.date.description, r.count, r.note, r.author, entered.description])
        return db.lastInsertedRowID
    }

    /// Inserts many records with one prepared statement, setting their ids.
    static func insert(_ records: inout [SargsCore.Record], entered: Day, _ db: Database) throws {
        let statement = try db.makeStatement(sql: """
            INSERT INTO record (activity, date, count, note, author, entered) VALUES (?, ?, ?, ?, ?, ?)
            """)
        let day = entered.description
        for i in records.indices {
            let r = records[i]
            try statement.execute(arguments: [r.activity, r.date.description, r.count, r.note, r.author, day])
            records[i].id = db.lastInsertedRowID
        }
    }

    static func insert(_ n: Note, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO note (activity, text, author, time) VALUES (?, ?, ?, ?)",
                       arguments: [n.activity, n.text, n.author, Timestamp.text(n.time)])
        return db.lastInsertedRowID
    }

    static func insert(_ w: Waiver, entered: Day, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO waiver (activity, label, note, author, entered) VALUES (?, ?, ?, ?, ?)",
                       arguments: [w.activity, w.window, w.note, w.author, entered.description])
        return db.lastInsertedRowID
    }

    static let recordColumns = "id, activity, date, count, note, author"
    static let noteColumns = "id, activity, text, author, time"
    static let waiverColumns = "id, activity, label, note, author"

    /// Every record (in the order they were saved), or one activity's by date.
    static func records(_ db: Database, of activity: ActivityID?) throws -> [SargsCore.Record] {
        let columns = "SELECT \(recordColumns) FROM record"
        let statement: Statement
        let arguments: StatementArguments
        var records: [SargsCore.Record] = []
        if let activity {
            statement = try db.cachedStatement(sql: columns + " WHERE activity = ? ORDER BY date, id")
            arguments = [activity]
        } else {
            statement = try db.cachedStatement(sql: columns + " ORDER BY id")
            arguments = []
            records.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record") ?? 0)
        }
        try eachRow(db, statement, arguments: arguments) { row in records.append(try record(row)) }
        return records
    }

    static func notes(_ db: Database) throws -> [Note] {
        try Row.fetchAll(db, sql: "SELECT \(noteColumns) FROM note ORDER BY id").map(note)
    }

    static func waivers(_ db: Database) throws -> [Waiver] {
        try Row.fetchAll(db, sql: "SELECT \(waiverColumns) FROM waiver ORDER BY id").map(waiver)
    }

    // Each row as the readers above decode it (and `check`, row by row).

    /// A record from a stepped row of `recordColumns`.
    static func record(_ row: RawRow) throws -> SargsCore.Record {
        guard let date = row.day(2) else { throw damaged("date “\(row.text(2))” of record \(row.int64(0))") }
        return SargsCore.Record(id: row.int64(0), activity: row.text(1), date: date,
                                count: row.optionalInt(3).map(Counts.stored),
                                note: row.optionalText(4), author: row.text(5))
    }

    /// A note from a row of `noteColumns`.
    static func note(_ row: Row) throws -> Note {
        let id: Int64 = try row.stored(0, "number of a note")
        return Note(id: id, activity: try row.stored(1, "activity of note \(id)"), text: try row.stored(2, "text of note \(id)"),
                    author: try row.stored(3, "author of note \(id)"),
                    time: try Timestamp.required(row.stored(4, "time of note \(id)"), "time of note \(id)"))
    }

    /// A waiver from a row of `waiverColumns`.
    static func waiver(_ row: Row) throws -> Waiver {
        let id: Int64 = try row.stored(0, "number of a waiver")
        return Waiver(id: id, activity: try row.stored(1, "activity of waiver \(id)"), window: try row.stored(2, "window of waiver \(id)"),
                      note: try row.stored(3, "note of waiver \(id)"), author: try row.stored(4, "author of waiver \(id)"))
    }
}

/// Meetings with their attendees, and decisions.
enum MeetingRows {
    static func insert(_ m: Meeting, _ db: Database) throws -> Int64 {
        try db.execute(sql: "INSERT INTO meeting (date, kind, topic, state, prepared) VALUES (?, ?, ?, ?, ?)",
                       arguments: [m.date.description, m.kind.rawValue, m.topic, m.state.rawValue, m.prepared ? 1 : 0])
        let id = db.lastInsertedRowID
        try set(id, state: m.state, details: m.details, db)
        try setItems(id, m.items, db)
        try setRemoved(id, m.removed, db)
        return id
    }

    /// Replaces the activities the chair took off a meeting's agenda.
    static func setRemoved(_ meeting: Int64, _ removed: [ActivityID], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM meeting_removed WHERE meeting = ?", arguments: [meeting])
        for activity in Set(removed) {
            try db.execute(sql: "INSERT INTO meeting_removed (meeting, activity) VALUES (?, ?)", arguments: [meeting, activity])
        }
    }

    /// Marks whether the meeting's agenda is stored with it.
    static func setPrepared(_ meeting: Int64, _ prepared: Bool, _ db: Database) throws {
        try db.execute(sql: "UPDATE meeting SET prepared = ? WHERE id = ?", arguments: [prepared ? 1 : 0, meeting])
    }

    static func setAttendees(_ id: Int64, _ attendees: [String], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM meeting_attendee WHERE meeting = ?", arguments: [id])
        for (position, code) in attendees.enumerated() {
            try db.execute(sql: "INSERT INTO meeting_attendee (meeting, position, institution) VALUES (?, ?, ?)",
                           arguments: [id, position, code])
        }
    }

    /// Writes a meeting's state and details (attendees, place, times, chair, secretary, guests, restricted).
    static func set(_ id: Int64, state: Meeting.State, details: Meeting.Details, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE meeting SET state = ?, place = ?, started = ?, ended = ?, chair = ?, secretary = ?, guests = ?,
                restricted = ? WHERE id = ?
            """, arguments: [state.rawValue, details.place, details.started?.description, details.ended?.description,
                             details.chair, details.secretary, details.guests, details.restricted ? 1 : 0, id])
        try setAttendees(id, details.attendees, db)
    }

    /// The part of a meeting that holding, cancelling or `meeting edit`
    /// changes, as the journal writes it (`SittingField`).
    static func stateJSON(_ m: Meeting) -> JSON {
        SittingField.json(SittingField.all(of: m))
    }

    static func require(_ id: Int64, _ db: Database) throws -> Meeting {
        guard let meeting = try meetings(db, id: id).first else { throw StoreError.unknownMeeting(id) }
        return meeting
    }

    static let meetingColumns = "id, date, kind, topic, state, place, started, ended, chair, secretary, guests, restricted, prepared"
    static let attendeeColumns = "meeting, institution"
    static let itemColumns = "meeting, activity, outcome, note, added"
    static let removedColumns = "meeting, activity"

    /// Every meeting by date (or the one numbered `id`).
    static func meetings(_ db: Database, id: Int64? = nil) throws -> [Meeting] {
        let filter = id == nil ? "" : "WHERE meeting = ?"
        var attendees: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT \(attendeeColumns) FROM meeting_attendee \(filter) ORDER BY meeting, position
            """, arguments: id.map { [$0] } ?? []) {
            let (meeting, institution) = try attendee(row)
            attendees[meeting, default: []].append(institution)
        }
        var items: [Int64: [Meeting.Item]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT \(itemColumns) FROM meeting_item \(filter) ORDER BY meeting, position
            """, arguments: id.map { [$0] } ?? []) {
            let (meeting, item) = try self.item(row)
            items[meeting, default: []].append(item)
        }
        var removed: [Int64: [ActivityID]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT \(removedColumns) FROM meeting_removed \(filter) ORDER BY meeting, activity
            """, arguments: id.map { [$0] } ?? []) {
            let (meeting, activity) = try self.removed(row)
            removed[meeting, default: []].append(activity)
        }
        let meetingFilter = id == nil ? "" : "WHERE id = ?"
        return try Row.fetchAll(db, sql: """
            SELECT \(meetingColumns) FROM meeting \(meetingFilter) ORDER BY date, id
            """, arguments: id.map { [$0] } ?? []).map { row in
            try meeting(row, attendees: attendees, items: items, removed: removed)
        }
    }

    // Each row as the readers decode it (and `check`, row by row).

    /// A meeting from a row of `meetingColumns`, with its attendees and items.
    static func meeting(_ row: Row, attendees: [Int64: [String]], items: [Int64: [Meeting.Item]],
                        removed: [Int64: [ActivityID]] = [:]) throws -> Meeting {
        let id: Int64 = try row.stored(0, "number of a meeting")
        let kindText: String = try row.stored(2, "kind of meeting \(id)"), stateText: String = try row.stored(4, "state of meeting \(id)")
        guard let kind = Meeting.Kind(rawValue: kindText) else { throw damaged("kind “\(kindText)” of meeting \(id)") }
        guard let state = Meeting.State(rawValue: stateText) else { throw damaged("state “\(stateText)” of meeting \(id)") }
        // A time another tool wrote badly is shown as not recorded, never a crash.
        let started: String? = try row.stored(6, "start of meeting \(id)"), ended: String? = try row.stored(7, "end of meeting \(id)")
        let restricted: Int64? = try row.stored(11, "restricted mark of meeting \(id)")
        let details = Meeting.Details(attendees: attendees[id] ?? [], place: try row.stored(5, "place of meeting \(id)"),
                                      started: started.flatMap(ClockTime.init), ended: ended.flatMap(ClockTime.init),
                                      chair: try row.stored(8, "chair of meeting \(id)"),
                                      secretary: try row.stored(9, "secretary of meeting \(id)"),
                                      guests: try row.stored(10, "guests of meeting \(id)"), restricted: (restricted ?? 0) != 0)
        let prepared: Int64? = try row.stored(12, "stored-agenda mark of meeting \(id)")
        return Meeting(id: id, date: try Day.required(row.stored(1, "date of meeting \(id)"), "date of meeting \(id)"), kind: kind,
                       topic: try row.stored(3, "topic of meeting \(id)"), state: state, details: details, items: items[id] ?? [],
                       prepared: (prepared ?? 0) != 0, removed: removed[id] ?? [])
    }

    /// A meeting's number and one activity taken off its agenda, from a row of `removedColumns`.
    static func removed(_ row: Row) throws -> (meeting: Int64, activity: ActivityID) {
        let meeting: Int64 = try row.stored(0, "meeting of an item taken off an agenda")
        return (meeting, try row.stored(1, "activity taken off the agenda of meeting \(meeting)"))
    }

    /// A meeting's number and one attendee, from a row of `attendeeColumns`.
    static func attendee(_ row: Row) throws -> (meeting: Int64, institution: String) {
        let meeting: Int64 = try row.stored(0, "meeting of an attendee")
        return (meeting, try row.stored(1, "attendee of meeting \(meeting)"))
    }

    /// A meeting's number and one item, from a row of `itemColumns` (an
    /// outcome this version does not know is read as none).
    static func item(_ row: Row) throws -> (meeting: Int64, item: Meeting.Item) {
        let meeting: Int64 = try row.stored(0, "meeting of an agenda item")
        let outcome: String? = try row.stored(2, "outcome of an item of meeting \(meeting)")
        let added: Int64? = try row.stored(4, "hand-added mark of an item of meeting \(meeting)")
        return (meeting, Meeting.Item(activity: try row.stored(1, "activity of an item of meeting \(meeting)"),
                                      outcome: outcome.flatMap(Meeting.Outcome.init),
                                      note: try row.stored(3, "outcome words of an item of meeting \(meeting)"),
                                      added: (added ?? 0) != 0))
    }

    /// Replaces a meeting's prepared items (with their outcomes).
    static func setItems(_ meeting: Int64, _ items: [Meeting.Item], _ db: Database) throws {
        try db.execute(sql: "DELETE FROM meeting_item WHERE meeting = ?", arguments: [meeting])
        for (position, item) in items.enumerated() {
            try db.execute(sql: "INSERT INTO meeting_item (meeting, position, activity, outcome, note, added) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [meeting, position, item.activity, item.outcome?.rawValue, item.note, item.added ? 1 : 0])
        }
    }

    /// What `updateMeeting` changes, as the journal writes it (`JournalChange.MeetingSettings`).
    static func settingsJSON(_ m: Meeting) -> JSON {
        JournalChange.json(JournalChange.MeetingSettings(m))
    }

    static func insert(_ d: Decision, _ db: Database) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO decision (meeting, text, owner, due, activity, done_on) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [d.meeting, d.text, d.owner, d.due.description, d.activity, d.doneOn?.description])
        return db.lastInsertedRowID
    }

    /// The decision numbered `id`.
    static func requireDecision(_ id: Int64, _ db: Database) throws -> Decision {
        guard let d = try decisions(db, id: id).first else { throw StoreError.unknownDecision(id) }
        return d
    }

    /// Every review of a decision, by meeting and decision.
    static func reviews(_ db: Database) throws -> [DecisionReview] {
        try reviews(db, filter: "", arguments: [])
    }

    /// Every review, or those a `WHERE` clause keeps.
    private static func reviews(_ db: Database, filter: String, arguments: StatementArguments) throws -> [DecisionReview] {
        try Row.fetchAll(db, sql: """
            SELECT \(reviewColumns) FROM decision_review \(filter) ORDER BY meeting, decision
            """, arguments: arguments).map(review)
    }

    static let reviewColumns = "meeting, decision, outcome, due_before, due_after"

    /// A review from a row of `reviewColumns`.
    static func review(_ row: Row) throws -> DecisionReview {
        let meeting: Int64 = try row.stored(0, "meeting of a review"), decision: Int64 = try row.stored(1, "decision of a review")
        let what = "review of decision \(decision) at meeting \(meeting)"
        let outcome: String = try row.stored(2, "outcome of the \(what)")
        guard let o = DecisionReview.Outcome(rawValue: outcome) else { throw damaged("outcome “\(outcome)” of the \(what)") }
        return DecisionReview(meeting: meeting, decision: decision, outcome: o,
                              dueBefore: try Day.required(row.stored(3, "due date before the \(what)"), "due date before the \(what)"),
                              dueAfter: try Day.required(row.stored(4, "due date after the \(what)"), "due date after the \(what)"))
    }

    static func review(meeting: Int64, decision: Int64, _ db: Database) throws -> DecisionReview? {
        try reviews(db, filter: "WHERE meeting = ? AND decision = ?", arguments: [meeting, decision]).first
    }

    /// The part of a decision that `done`, `due` and a review change, as the
    /// journal writes it: due date, done date, and the review at `meeting` (`DecisionField`).
    static func decisionStateJSON(_ d: Decision, review: DecisionReview?) -> JSON {
        DecisionField.json(DecisionField.all(of: d, review: review))
    }

    static func setReview(_ r: DecisionReview, _ db: Database) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO decision_review (meeting, decision, outcome, due_before, due_after) VALUES (?, ?, ?, ?, ?)
            """, arguments: [r.meeting, r.decision, r.outcome.rawValue, r.dueBefore.description, r.dueAfter.description])
    }

    /// Every decision by number, or the one numbered `id`.
    static func decisions(_ db: Database, id: Int64? = nil) throws -> [Decision] {
        try Row.fetchAll(db, sql: """
            SELECT \(decisionColumns) FROM decision \(id == nil ? "" : "WHERE id = ?") ORDER BY id
            """, arguments: id.map { [$0] } ?? []).map(decision)
    }

    static let decisionColumns = "id, meeting, text, owner, due, activity, done_on"

    /// A decision from a row of `decisionColumns`.
    static func decision(_ row: Row) throws -> Decision {
        let id: Int64 = try row.stored(0, "number of a decision")
        let done: String? = try row.stored(6, "done date of decision \(id)")
        return Decision(id: id, meeting: try row.stored(1, "meeting of decision \(id)"), text: try row.stored(2, "text of decision \(id)"),
                        owner: try row.stored(3, "owner of decision \(id)"),
                        due: try Day.required(row.stored(4, "due date of decision \(id)"), "due date of decision \(id)"),
                        activity: try row.stored(5, "activity of decision \(id)"),
                        doneOn: try done.map { try Day.required($0, "done date of decision \(id)") })
    }
}
