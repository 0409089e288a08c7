import Foundation
import GRDB
import SargsCore
import SargsFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `Store.check(at:)` adds to SQLite's own checks: every row the
/// readers read, decoded by the readers' own functions (`PlanRows.goal`,
/// `ActivityReader`, `TrackingRows.record`, `MeetingRows.meeting`,
/// `Journal.entry`…), so that a store every reader refuses (broken JSON in a
/// schedule, a status this version does not know, a dropped table, a date
/// that is no date) is never "all is well"; and the WAL files someone
/// planted beside the store (a symbolic link, not a file, a file with other
/// names), which sargs never follows.
enum StoreCheck {
    /// How many bad rows of one table are named; the rest are counted.
    static let shownPerTable = 20

    /// What reading every table found: the findings, and the tables that
    /// could not be read whole (missing, or a row refused).
    struct Report {
        var findings: [Store.Finding] = []
        var troubled: Set<String> = []
    }

    /// The schema's tables, indexes, triggers and views against those this
    /// version's migrations make (built in memory): a trigger dropped behind
    /// sargs' back (the one that marks changed records, the one that keeps
    /// the journal append-only) silently changes what the store does, so a
    /// missing, changed or added object is a finding.
    static func schemaObjects(_ db: Database, fix: String) throws -> [Store.Finding] {
        let expected = try DatabaseQueue()
        try Schema.migrator.migrate(expected)
        let sql = "SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'"
        func objects(_ db: Database) throws -> [String: (type: String, table: String, sql: String)] {
            var found: [String: (type: String, table: String, sql: String)] = [:]
            for row in try Row.fetchAll(db, sql: sql) {
                let type: String = row[0], name: String = row[1], table: String = row[2], text: String = row[3]
                found[name] = (type, table, text)
            }
            return found
        }
        let want = try expected.read(objects), have = try objects(db)
        var findings: [Store.Finding] = []
        for name in want.keys.sorted() {
            let (type, table, text) = want[name]!
            // A missing table (and what hangs on it) is the rows' finding already.
            if type == "table" || have[table] == nil { continue }
            guard let there = have[name] else {
                findings.append(Store.Finding(Phrase(lv: "glabātuvē nav \(genitive(type)) \(name)", en: "the store lacks the \(typeName(type, .en)) \(name)"), fix: fix))
                continue
            }
            // Tables may have grown columns differently spelled by earlier migrations: their names suffice.
            if type != "table", there.sql != text {
                findings.append(Store.Finding(Phrase(lv: "glabātuvē mainīts \(typeName(type, .lv)) \(name)", en: "the store's \(typeName(type, .en)) \(name) was changed"), fix: fix))
            }
        }
        for name in have.keys.sorted() where want[name] == nil && have[name]!.type != "table" {
            let type = have[name]!.type
            findings.append(Store.Finding(Phrase(lv: "glabātuvē ir svešs \(typeName(type, .lv)) \(name)", en: "the store holds a foreign \(typeName(type, .en)) \(name)"), fix: fix))
        }
        return findings
    }

    /// "nav trigera X": the Latvian genitive after "nav".
    private static func genitive(_ type: String) -> String {
        ["trigger": "trigera", "index": "indeksa", "view": "skata", "table": "tabulas"][type] ?? type
    }

    private static func typeName(_ type: String, _ language: Language) -> String {
        switch (type, language) {
        case ("trigger", .lv): return "trigeris"
        case ("index", .lv): return "indekss"
        case ("view", .lv): return "skats"
        case ("table", .lv): return "tabula"
        default: return type
        }
    }

    /// Reads every table the readers read, each row decoded as they decode
    /// it; each refused row is a finding naming its table, its key and what
    /// is wrong, with `fix`.
    static func rows(_ db: Database, fix: String) -> Report {
        var report = Report()
        let tables = (try? Set(String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))) ?? []

        // The plan's one row, its goals and their expected results.
        var planRows = 0
        scan(db, "plan", columns: PlanRows.planColumns, order: "singleton", tables: tables, fix: fix, into: &report,
             key: { _ in Phrase(lv: "plāns", en: "the plan") }) { row in
            planRows += 1
            _ = try PlanRows.plan(row, goals: [], activities: [])
        }
        if planRows == 0, tables.contains("plan"), !report.troubled.contains("plan") {
            report.troubled.insert("plan")
            report.findings.append(Store.Finding(Phrase(lv: "tabulā plan nav plāna", en: "the table plan holds no plan"), fix: fix))
        }
        scan(db, "goal", columns: PlanRows.goalColumns, order: "position", tables: tables, fix: fix, into: &report,
             key: { row in Phrase(lv: "mērķis \(key(row, 0))", en: "goal \(key(row, 0))") }) { row in
            _ = try PlanRows.goal(row, results: [:])
        }
        scan(db, "goal_result", columns: PlanRows.resultColumns, order: "goal, position", tables: tables, fix: fix, into: &report,
             key: { row in Phrase(lv: "mērķa \(key(row, 0)) rezultāts \(key(row, 1))", en: "result \(key(row, 1)) of goal \(key(row, 0))") }) { row in
            _ = try PlanRows.result(row)
        }

        // Activities and records, stepped as the readers step them.
        var activities = ActivityReader()
        scanSteps(db, "activity", columns: PlanRows.activityColumns, order: "position", tables: tables, fix: fix, into: &report,
                  key: { row in Phrase(lv: "aktivitāte \(row.text(0))", en: "activity \(row.text(0))") }) { row in
            _ = try activities.activity(row)
        }
        // A closed year's activities are read by its report (issue 27).
        var closed = ActivityReader()
        scanSteps(db, "closed_activity", columns: PlanRows.activityColumns, order: "year, position", tables: tables, fix: fix, into: &report,
                  key: { row in Phrase(lv: "slēgtā gada aktivitāte \(row.text(0))", en: "closed year's activity \(row.text(0))") }) { row in
            _ = try closed.activity(row)
        }
        scanSteps(db, "record", columns: TrackingRows.recordColumns, order: "id", tables: tables, fix: fix, into: &report,
                  key: { row in Phrase(lv: "izpilde Nr. \(row.int64(0)) (aktivitāte \(row.text(1)))",
                                       en: "record \(row.int64(0)) (activity \(row.text(1)))") }) { row in
            _ = try TrackingRows.record(row)
        }
        scan(db, "note", columns: TrackingRows.noteColumns, order: "id", tables: tables, fix: fix, into: &report,
             key: { row in Phrase(lv: "piezīme Nr. \(key(row, 0))", en: "note \(key(row, 0))") }) { row in
            _ = try TrackingRows.note(row)
        }
        scan(db, "waiver", columns: TrackingRows.waiverColumns, order: "id", tables: tables, fix: fix, into: &report,
             key: { row in Phrase(lv: "atbrīvojums Nr. \(key(row, 0))", en: "waiver \(key(row, 0))") }) { row in
            _ = try TrackingRows.waiver(row)
        }

        // Meetings, with their attendees and items, decisions and reviews.
        scan(db, "meeting", columns: MeetingRows.meetingColumns, order: "id", tables: tables, fix: fix, into: &report,
             key: { row in Phrase(lv: "sēde Nr. \(key(row, 0))", en: "meeting \(key(row, 0))") }) { row in
            let meeting = try MeetingRows.meeting(row, attendees: [:], items: [:])
            // A time another tool wrote badly is read as none; here it is named.
            for (index, what) in [(6, "start"), (7, "end")] {
                if let text: String = try row.stored(index, "\(what) of meeting \(meeting.id)"), ClockTime(text) == nil {
                    throw damaged("\(what) time “\(SafeText.line(text))” of meeting \(meeting.id)")
                }
            }
        }
        scan(db, "meeting_attendee", columns: MeetingRows.attendeeColumns, order: "meeting, position", tables: tables, fix: fix,
             into: &report, key: { row in Phrase(lv: "sēdes Nr. \(key(row, 0)) dalībnieks", en: "an attendee of meeting \(key(row, 0))") }) { row in
            _ = try MeetingRows.attendee(row)
        }
        scan(db, "meeting_item", columns: MeetingRows.itemColumns, order: "meeting, position", tables: tables, fix: fix,
             into: &report, key: { row in Phrase(lv: "sēdes Nr. \(key(row, 0)) punkts \(key(row, 1))",
                                                 en: "item \(key(row, 1)) of meeting \(key(row, 0))") }) { row in
            _ = try MeetingRows.item(row)
        }
        scan(db, "meeting_removed", columns: MeetingRows.removedColumns, order: "meeting, activity", tables: tables, fix: fix,
             into: &report, key: { row in Phrase(lv: "no sēdes Nr. \(key(row, 0)) darba kārtības izņemtais \(key(row, 1))",
                                                 en: "\(key(row, 1)) taken off the agenda of meeting \(key(row, 0))") }) { row in
            _ = try MeetingRows.removed(row)
        }
        // An agenda's item or removal must name an activity of the plan (a reader leaves it out).
        if tables.contains("meeting_item"), tables.contains("meeting_removed"), tables.contains("activity") {
            let strays = (try? Row.fetchAll(db, sql: """
                SELECT meeting, activity, 'item' FROM meeting_item WHERE activity NOT IN (SELECT id FROM activity)
                UNION ALL SELECT meeting, activity, 'removed' FROM meeting_removed WHERE activity NOT IN (SELECT id FROM activity)
                ORDER BY 1, 2
                """)) ?? []
            for row in strays.prefix(shownPerTable) {
                let meeting = key(row, 0), activity = SafeText.line(key(row, 1))
                report.findings.append(Store.Finding(Phrase(
                    lv: "sēdes Nr. \(meeting) darba kārtībā ir aktivitāte “\(activity)”, kuras plānā nav",
                    en: "the agenda of meeting \(meeting) names an activity “\(activity)” the plan does not have"), fix: fix))
            }
            if !strays.isEmpty { report.troubled.insert("meeting_item") }
        }
        // Closed years (issue 27): each a year of the plan with the activities it was closed with; a
        // row entered late names its day. What the report would silently read wrong is named here.
        if tables.contains("closed_year"), tables.contains("closed_activity"), tables.contains("plan"), tables.contains("goal") {
            let strays = (try? Row.fetchAll(db, sql: """
                SELECT year, 'no-year' FROM closed_activity WHERE year NOT IN (SELECT year FROM closed_year) GROUP BY year
                UNION ALL SELECT year, 'outside' FROM closed_year
                    WHERE typeof(year) != 'integer' OR year < CAST(substr((SELECT period_first FROM plan), 1, 4) AS INTEGER)
                       OR year > CAST(substr((SELECT period_last FROM plan), 1, 4) AS INTEGER)
                UNION ALL SELECT year, 'empty' FROM closed_year
                    WHERE year NOT IN (SELECT year FROM closed_activity) AND EXISTS (SELECT 1 FROM activity)
                UNION ALL SELECT DISTINCT year, 'goal' FROM closed_activity WHERE goal NOT IN (SELECT number FROM goal)
                ORDER BY 1, 2
                """)) ?? []
            for row in strays.prefix(shownPerTable) {
                let year = SafeText.line(key(row, 0))
                let words: Phrase
                switch row[1] as String? ?? "" {
                case "no-year": words = Phrase(lv: "slēgtā gada \(year) aktivitātēm nav gada ieraksta", en: "the activities of closed year \(year) have no year row")
                case "outside": words = Phrase(lv: "slēgtais gads \(year) nav plāna periodā", en: "closed year \(year) is not in the plan period")
                case "empty": words = Phrase(lv: "slēgtajam gadam \(year) nav aktivitāšu, lai gan plānā tās ir", en: "closed year \(year) has no activities though the plan has some")
                default: words = Phrase(lv: "slēgtā gada \(year) aktivitāte norāda mērķi, kura plānā nav", en: "an activity of closed year \(year) names a goal the plan does not have")
                }
                report.findings.append(Store.Finding(words, fix: fix))
            }
            if !strays.isEmpty { report.troubled.insert("closed_activity") }
        }
        for table in ["record", "waiver"] where tables.contains(table) {
            let bad = (try? Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM \(table) WHERE entered IS NOT NULL
                    AND (typeof(entered) != 'text' OR entered NOT GLOB \(ClosedYears.isoDay))
                """)) ?? 0
            if bad > 0 {
                report.findings.append(Store.Finding(Phrase(
                    lv: "\(table == "record" ? "izpildēm" : "atbrīvojumiem"): \(bad) ar ievadīšanas dienu, kas nav datums",
                    en: "\(table == "record" ? "records" : "waivers"): \(bad) with an entry day that is not a date"), fix: fix))
                report.troubled.insert(table)
            }
        }
        scan(db, "decision", columns: MeetingRows.decisionColumns, order: "id", tables: tables, fix: fix, into: &report,
             key: { row in Phrase(lv: "lēmums Nr. \(key(row, 0))", en: "decision \(key(row, 0))") }) { row in
            _ = try MeetingRows.decision(row)
        }
        scan(db, "decision_review", columns: MeetingRows.reviewColumns, order: "meeting, decision", tables: tables, fix: fix,
             into: &report, key: { row in Phrase(lv: "lēmuma Nr. \(key(row, 1)) izskatīšana sēdē Nr. \(key(row, 0))",
                                                 en: "the review of decision \(key(row, 1)) at meeting \(key(row, 0))") }) { row in
            _ = try MeetingRows.review(row)
        }

        // The journal: each entry as `log` reads it, and its before and after as `undo` does.
        scan(db, "journal", columns: Journal.columns, order: "id", tables: tables, fix: fix, into: &report,
             key: { row in Phrase(lv: "žurnāla ieraksts Nr. \(key(row, 0))", en: "journal entry \(key(row, 0))") }) { row in
            let entry = try Journal.entry(from: row)
            _ = try Undo.payload(entry.before, entry)
            _ = try Undo.payload(entry.after, entry)
        }

        // The record digests: their content is compared with the records by
        // `Store.staleDigests`; here only that the tables are there and read.
        scan(db, "record_digest", columns: "activity, entries", order: "activity", tables: tables, fix: fix, into: &report,
             key: { row in Phrase(lv: "aktivitātes \(key(row, 0)) kopsavilkums", en: "the digest of activity \(key(row, 0))") }) { _ in }
        scan(db, "record_stale", columns: "activity", order: "activity", tables: tables, fix: fix, into: &report,
             key: { row in Phrase(lv: "aktivitāte \(key(row, 0))", en: "activity \(key(row, 0))") }) { _ in }
        return report
    }

    // MARK: - Reading a table row by row

    /// One table's bad rows: the first `shownPerTable` named, the rest counted.
    private struct TableFindings {
        let table: String
        let fix: String
        var findings: [Store.Finding] = []
        var more = 0

        mutating func refused(_ key: Phrase, _ error: any Error) {
            guard findings.count < StoreCheck.shownPerTable else { more += 1; return }
            let what = StoreCheck.what(error)
            findings.append(Store.Finding(Phrase(lv: "tabulas \(table) rinda (\(key.lv)) nav nolasāma: \(what)",
                                                 en: "a row of the table \(table) (\(key.en)) cannot be read: \(what)"),
                                          fix: fix))
        }

        func close(into report: inout Report) {
            guard !findings.isEmpty else { return }
            report.troubled.insert(table)
            report.findings += findings
            if more > 0 {
                report.findings.append(Store.Finding(
                    Phrase(lv: Plural.form(more, .lv, one: "tabulā \(table) vēl \(more) rinda nav nolasāma",
                                           other: "tabulā \(table) vēl \(more) rindas nav nolasāmas"),
                           en: Plural.form(more, .en, one: "and \(more) more row of the table \(table) cannot be read",
                                           other: "and \(more) more rows of the table \(table) cannot be read")),
                    fix: fix))
            }
        }
    }

    /// Reads `columns` of every row of `table` through `Row`s, as the readers
    /// of the smaller tables do, and hands each row to `decode`.
    private static func scan(_ db: Database, _ table: String, columns: String, order: String, tables: Set<String>, fix: String,
                             into report: inout Report, key: (Row) -> Phrase, _ decode: (Row) throws -> Void) {
        guard present(table, tables, fix: fix, into: &report) else { return }
        var bad = TableFindings(table: table, fix: fix)
        do {
            let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM \(table) ORDER BY \(order)")
            while let row = try rows.next() {
                do { try decode(row) } catch { bad.refused(key(row), error) }
            }
        } catch {
            unreadable(table, error, fix: fix, into: &report)
        }
        bad.close(into: &report)
    }

    /// The same for the big tables, stepped without a `Row` each (`eachRow`),
    /// as `PlanRows.allActivities` and `TrackingRows.records` read them.
    private static func scanSteps(_ db: Database, _ table: String, columns: String, order: String, tables: Set<String>, fix: String,
                                  into report: inout Report, key: (RawRow) -> Phrase, _ decode: (RawRow) throws -> Void) {
        guard present(table, tables, fix: fix, into: &report) else { return }
        var bad = TableFindings(table: table, fix: fix)
        do {
            let statement = try db.makeStatement(sql: "SELECT \(columns) FROM \(table) ORDER BY \(order)")
            try eachRow(db, statement) { row in
                do { try decode(row) } catch { bad.refused(key(row), error) }
            }
        } catch {
            unreadable(table, error, fix: fix, into: &report)
        }
        bad.close(into: &report)
    }

    /// Whether `table` is there; a missing one is a finding.
    private static func present(_ table: String, _ tables: Set<String>, fix: String, into report: inout Report) -> Bool {
        guard !tables.contains(table) else { return true }
        report.troubled.insert(table)
        report.findings.append(Store.Finding(Phrase(lv: "glabātuvē nav tabulas \(table), ko sargs lasa",
                                                    en: "the store has no table \(table), which sargs reads"), fix: fix))
        return false
    }

    /// A table that cannot be read at all (a column missing, a damaged page).
    private static func unreadable(_ table: String, _ error: any Error, fix: String, into report: inout Report) {
        report.troubled.insert(table)
        let what = what(error)
        report.findings.append(Store.Finding(Phrase(lv: "tabulu \(table) nevar nolasīt: \(what)",
                                                    en: "the table \(table) cannot be read: \(what)"), fix: fix))
    }

    /// What a reader refused, in its own words, on one line.
    static func what(_ error: any Error) -> String {
        let text: String
        if let named = Damage.what(error) {
            text = named
        } else if let error = error as? DatabaseError {
            text = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        } else if let error = error as? StoreError {
            text = error.phrase.en
        } else {
            text = "\(error)"
        }
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 200 ? String(line.prefix(200)) + "…" : line
    }

    /// A column's value as a row's key, read whatever it holds.
    static func key(_ row: Row, _ index: Int) -> String {
        switch (row[index] as DatabaseValue).storage {
        case .null: return "NULL"
        case .int64(let n): return String(n)
        case .double(let x): return String(x)
        case .string(let s): return s
        case .blob(let data): return "x'" + data.map { String(format: "%02x", $0) }.joined() + "'"
        }
    }

    // MARK: - SQLite's integrity check

    /// Whether every line of `PRAGMA integrity_check` is about a value (a
    /// NULL or a CHECK constraint), not about the file's pages: then the
    /// rows can still be read, and are, so that each bad one is named.
    static func onlyValues(_ integrity: [String]) -> Bool {
        integrity.allSatisfy { $0.hasPrefix("NULL value in ") || $0.hasPrefix("CHECK constraint failed in ") }
    }

    // MARK: - The WAL files

    /// The WAL files SQLite uses beside the store at `path`: beside the
    /// name given, and beside the file a link there points to.
    static func companions(_ path: String) -> [String] {
        var bases = [path]
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            let real = Store.realPath(path)
            if real != path { bases.append(real) }
        }
        return bases.flatMap { [$0 + "-wal", $0 + "-shm", $0 + "-journal", $0 + ".remind-lock"] }
    }

    /// What is wrong with the WAL file `file` whose `lstat` is `info`, if
    /// someone may have planted it: a symbolic link, anything but a regular
    /// file, a file with another name too. The link is never followed.
    static func planted(_ file: String, _ info: stat) -> Phrase? {
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            let target = linkTarget(file).map { SafeText.line($0) } ?? "?"
            return Phrase(lv: "\(file) ir simboliska saite (uz \(target)), nevis fails; sargs tai neseko, un to var būt ielicis kāds cits",
                          en: "\(file) is a symbolic link (to \(target)), not a file; sargs does not follow it, and someone else may have planted it")
        case S_IFREG:
            guard info.st_nlink > 1 else { return nil }
            return Phrase(lv: "\(file) ir fails ar \(info.st_nlink) nosaukumiem (cietās saites); sargs to neaiztiek, un to var būt ielicis kāds cits",
                          en: "\(file) is a file with \(info.st_nlink) names (hard links); sargs does not touch it, and someone else may have planted it")
        default:
            return Phrase(lv: "\(file) nav parasts fails; sargs to neaiztiek, un to var būt ielicis kāds cits",
                          en: "\(file) is not a regular file; sargs does not touch it, and someone else may have planted it")
        }
    }

    /// Whether any WAL file beside the store at `path` is planted (then
    /// `check` reads the store file alone, immutable, and opens none of them).
    static func anyPlanted(_ path: String) -> Bool {
        companions(path).contains { file in
            var info = stat()
            return lstat(file, &info) == 0 && planted(file, info) != nil
        }
    }

    /// Where the link `file` points (the link read, not followed).
    private static func linkTarget(_ file: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(file, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `word` for a POSIX shell (`ShellWord.quoted`, the one home).
    static func shellQuoted(_ word: String) -> String { ShellWord.quoted(word) }
}
