import GRDB
import SargsCore

/// The plan's tables: the plan row, goals with their results, activities in
/// plan order (`position`, 0-based, no gaps).
enum PlanRows {
    static let activityColumns = """
        id, goal, title, en, links, period, schedule, owners, funding, target_count, target_unit, status, status_note
        """

    // MARK: Writing

    static func insert(_ plan: Plan, into db: Database) throws {
        try db.execute(sql: """
            INSERT INTO plan (singleton, id, title, en, municipality, language, period_first, period_last,
                              institutions, funding, glossary, indicators)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                plan.id, plan.title, plan.en, plan.municipality, plan.language,
                plan.period.first.description, plan.period.last.description,
                JSON.array(plan.institutions.map(\.json)).text, JSON.array(plan.funding.map(\.json)).text,
                JSON.array(plan.glossary.map(\.json)).text, JSON.array(plan.indicators.map(\.json)).text,
            ])
        for (position, goal) in plan.goals.enumerated() {
            try db.execute(sql: "INSERT INTO goal (number, position, level, title, en) VALUES (?, ?, ?, ?, ?)",
                           arguments: [goal.number, position, goal.level?.rawValue, goal.title, goal.en])
            for (index, result) in goal.results.enumerated() {
                try db.execute(sql: "INSERT INTO goal_result (goal, position, id, text, en) VALUES (?, ?, ?, ?, ?)",
                               arguments: [goal.number, index, result.id, result.text, result.en])
            }
        }
        let goals = Set(plan.goals.map(\.number))
        var ids: Set<ActivityID> = []
        for (position, activity) in plan.activities.enumerated() {
            guard goals.contains(activity.goal) else {
                throw StoreError.invalid(Phrase(lv: "Aktivitāte \(activity.id) norāda mērķi \(activity.goal), kura plānā nav.",
                                                en: "Activity \(activity.id) names goal \(activity.goal), which the plan does not have."))
            }
            guard ids.insert(activity.id).inserted else {
                throw StoreError.invalid(Phrase(lv: "Plānā aktivitāte \(activity.id) ir divreiz.", en: "The plan has activity \(activity.id) twice."))
            }
            try insert(activity, at: Int64(position), db)
        }
    }

    static func insert(_ a: Activity, at position: Int64, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO activity (position, \(activityColumns))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [
            position, a.id, a.goal, a.title, a.en, StoredList.text(a.links), a.period, a.schedule.storedText,
            StoredList.text(a.owners), StoredFunding.json(a.funding, a.amounts).text, a.target?.count, a.target?.unit,
            a.status.rawValue, a.statusNote,
        ])
    }

    /// Writes every field of an existing activity (not its position).
    static func update(_ a: Activity, _ db: Database) throws {
        try db.execute(sql: """
            UPDATE activity SET goal = ?, title = ?, en = ?, links = ?, period = ?, schedule = ?, owners = ?,
                funding = ?, target_count = ?, target_unit = ?, status = ?, status_note = ?
            WHERE id = ?
            """, arguments: [
                a.goal, a.title, a.en, StoredList.text(a.links), a.period, a.schedule.storedText,
                StoredList.text(a.owners), StoredFunding.json(a.funding, a.amounts).text, a.target?.count, a.target?.unit,
                a.status.rawValue, a.statusNote, a.id,
            ])
    }

    /// Removes an activity and closes the gap in plan order.
    static func delete(_ id: ActivityID, _ db: Database) throws {
        let position = try position(of: id, db)
        try db.execute(sql: "DELETE FROM activity WHERE id = ?", arguments: [id])
        try shift(from: position + 1, by: -1, db)
    }

    // MARK: Plan order

    static func position(of id: ActivityID, _ db: Database) throws -> Int64 {
        guard let position = try Int64.fetchOne(db, sql: "SELECT position FROM activity WHERE id = ?",
                                                arguments: [id]) else {
            throw StoreError.unknownActivity(id)
        }
        return position
    }

    /// Moves every activity at `from` or later by `delta` places.
    static func shift(from position: Int64, by delta: Int64, _ db: Database) throws {
        try db.execute(sql: "UPDATE activity SET position = position + ? WHERE position >= ?",
                       arguments: [delta, position])
    }

    /// The place right after the last activity of `goal` and of the goals
    /// before it: where an activity joining that goal goes.
    static func insertionPoint(forGoal goal: Int, excluding id: ActivityID?, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: """
            SELECT COALESCE(MAX(a.position) + 1, 0) FROM activity a JOIN goal g ON g.number = a.goal
            WHERE g.position <= (SELECT position FROM goal WHERE number = ?) AND a.id IS NOT ?
            """, arguments: [goal, id]) ?? 0
    }

    /// Takes an activity out of plan order and puts it back at the place
    /// `target` computes (among the others); returns that place.
    static func move(_ id: ActivityID, _ db: Database, to target: (Database) throws -> Int64) throws -> Int64 {
        let from = try position(of: id, db)
        try db.execute(sql: "UPDATE activity SET position = -1 WHERE id = ?", arguments: [id])
        try shift(from: from + 1, by: -1, db)
        let count = try Int64.fetchOne(db, sql: "SELECT COUNT(*) FROM activity WHERE id IS NOT ?", arguments: [id]) ?? 0
        let to = min(max(0, try target(db)), count)
        try shift(from: to, by: 1, db)
        try db.execute(sql: "UPDATE activity SET position = ? WHERE id = ?", arguments: [to, id])
        return to
    }

    static func move(_ id: ActivityID, toEndOfGoal goal: Int, _ db: Database) throws -> Int64 {
        try move(id, db) { db in try insertionPoint(forGoal: goal, excluding: id, db) }
    }

    // MARK: Reading

    static func activityExists(_ id: ActivityID, _ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM activity WHERE id = ?)", arguments: [id]) ?? false
    }

    static func requireActivity(_ id: ActivityID, _ db: Database) throws {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM activity WHERE id = ?")
        guard try Int.fetchOne(statement, arguments: [id]) != nil else { throw StoreError.unknownActivity(id) }
    }

    static func requireGoal(_ number: Int, _ db: Database) throws {
        guard try Int.fetchOne(db, sql: "SELECT 1 FROM goal WHERE number = ?", arguments: [number]) != nil else {
            throw StoreError.invalid(Phrase(lv: "Plānā nav mērķa \(number).", en: "There is no goal \(number) in the plan."))
        }
    }

    static func activity(_ id: ActivityID, _ db: Database) throws -> Activity? {
        let statement = try db.cachedStatement(sql: "SELECT \(activityColumns) FROM activity WHERE id = ?")
        var reader = ActivityReader()
        var found: Activity?
        try eachRow(db, statement, arguments: [id]) { row in found = try reader.activity(row) }
        return found
    }

    /// Every activity in plan order, rows stepped without a `Row` each.
    static func allActivities(_ db: Database) throws -> [Activity] {
        var activities: [Activity] = []
        activities.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activity") ?? 0)
        let statement = try db.makeStatement(sql: "SELECT \(activityColumns) FROM activity ORDER BY position")
        var reader = ActivityReader()
        try eachRow(db, statement) { row in activities.append(try reader.activity(row)) }
        return activities
    }

    static let planColumns = """
        id, title, en, municipality, language, period_first, period_last, institutions, funding, glossary, indicators
        """
    static let goalColumns = "number, level, title, en"
    static let resultColumns = "goal, id, text, en"

    static func plan(_ db: Database) throws -> Plan {
        try plan(db, activities: nil)
    }

    /// The plan with only the activities `ids` names that it has (all when nil): what a rule reads of one change.
    static func plan(_ db: Database, activities ids: [ActivityID]?) throws -> Plan {
        guard let meta = try Row.fetchOne(db.cachedStatement(sql: "SELECT \(planColumns) FROM plan")) else {
            throw StoreError.unavailable(Phrase(lv: "glabātuvē nav plāna", en: "the store holds no plan"))
        }
        var results: [Int: [ExpectedResult]] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT \(resultColumns) FROM goal_result ORDER BY goal, position")) {
            let (goal, result) = try self.result(row)
            results[goal, default: []].append(result)
        }
        var goals: [Goal] = []
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT \(goalColumns) FROM goal ORDER BY position")) {
            goals.append(try goal(row, results: results))
        }
        let activities = try ids.map { try $0.compactMap { try activity($0, db) } } ?? allActivities(db)
        return try plan(meta, goals: goals, activities: activities)
    }

    // Each row as the readers above decode it (and `check`, row by row).

    /// The plan from its row of `planColumns`, with its goals and activities.
    static func plan(_ meta: Row, goals: [Goal], activities: [Activity]) throws -> Plan {
        let period = DayRange(try Day.required(meta.stored(5, "plan start"), "plan start"),
                              try Day.required(meta.stored(6, "plan end"), "plan end"))
        guard !period.isEmpty else { throw damaged("plan period \(period.first) – \(period.last), which ends before it starts") }
        return Plan(
            id: try meta.stored(0, "plan id"), title: try meta.stored(1, "plan title"), en: try meta.stored(2, "plan's English title"),
            municipality: try meta.stored(3, "municipality"), language: try meta.stored(4, "plan language"),
            period: period,
            institutions: try storedArray(meta.stored(7, "institutions"), "institutions", Institution.init(json:)),
            funding: try storedArray(meta.stored(8, "funding"), "funding", Funding.init(json:)),
            glossary: try storedArray(meta.stored(9, "glossary"), "glossary", GlossaryEntry.init(json:)),
            goals: goals, activities: activities,
            indicators: try storedArray(meta.stored(10, "indicators"), "indicators", Indicator.init(json:)))
    }

    /// A goal from its row of `goalColumns`.
    static func goal(_ row: Row, results: [Int: [ExpectedResult]]) throws -> Goal {
        let number: Int = try row.stored(0, "number of a goal")
        let levelText: String? = try row.stored(1, "level of goal \(number)")
        var level: Level?
        if let levelText {
            guard let known = Level(rawValue: levelText) else { throw damaged("level “\(levelText)” of goal \(number)") }
            level = known
        }
        return Goal(number: number, level: level, title: try row.stored(2, "title of goal \(number)"),
                    en: try row.stored(3, "English title of goal \(number)"), results: results[number] ?? [])
    }

    /// An expected result and its goal's number, from a row of `resultColumns`.
    static func result(_ row: Row) throws -> (goal: Int, result: ExpectedResult) {
        let goal: Int = try row.stored(0, "goal of an expected result")
        return (goal, ExpectedResult(id: try row.stored(1, "expected result of goal \(goal)"),
                                     text: try row.stored(2, "expected result of goal \(goal)"),
                                     en: try row.stored(3, "expected result of goal \(goal)")))
    }
}

/// Turns rows of `PlanRows.activityColumns` into activities. A plan of
/// 10,000 activities repeats a few dozen schedules and owner lists, so each
/// distinct stored text is parsed once.
struct ActivityReader {
    private var lists: [String: [String]] = ["[]": []]
    private var schedules: [String: Schedule] = [:]

    mutating func activity(_ row: RawRow) throws -> Activity {
        let id = row.text(0)
        let statusText = row.text(11)
        guard let status = Status(rawValue: statusText) else { throw damaged("status “\(statusText)” of \(id)") }
        let scheduleText = row.text(6)
        let schedule: Schedule
        if let known = schedules[scheduleText] {
            schedule = known
        } else {
            schedule = try Schedule.stored(scheduleText)
            schedules[scheduleText] = schedule
        }
        let funding = try self.funding(row.text(8), "funding of \(id)")
        return Activity(
            id: id, goal: Int(row.int64(1)), title: row.text(2), en: row.optionalText(3),
            links: try list(row.text(4), "links of \(id)"),
            period: row.text(5),
            schedule: schedule,
            owners: try list(row.text(7), "owners of \(id)"),
            funding: funding.codes, amounts: funding.amounts,
            // A target stored out of range (another SQLite tool) is held at the range's nearer end.
            target: row.optionalInt(9).map { Target(count: Counts.stored($0), unit: row.optionalText(10) ?? "") },
            status: status, statusNote: row.optionalText(12))
    }

    /// Plain code lists (nearly every row) go through `list`'s cache; a list with amounts is read whole.
    private mutating func funding(_ text: String, _ what: @autoclosure () -> String) throws
        -> (codes: [String], amounts: [String: Euros]) {
        if let known = lists[text] { return (known, [:]) }
        guard text.contains("{") else { return (try list(text, what()), [:]) }
        guard let json = JSON(parsing: text), let read = StoredFunding.read(json) else { throw damaged("\(what()) “\(text)”") }
        return read
    }

    private mutating func list(_ text: String, _ what: @autoclosure () -> String) throws -> [String] {
        if let known = lists[text] { return known }
        let parsed = try StoredList.read(text, what())
        lists[text] = parsed
        return parsed
    }
}
