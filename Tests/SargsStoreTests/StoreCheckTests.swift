import Foundation
import GRDB
import SargsCore
import Testing
@testable import SargsStore
#if canImport(Glibc)
import Glibc
#endif

/// `check` reads every row the readers read (issue: "`sargs check` said all
/// is well on stores every reader refuses"), and reports a WAL file someone
/// planted beside the store without following it.
@Suite("check: every row the readers read, and planted WAL files")
struct StoreCheckTests {
    /// One way a store can be damaged behind sargs' back, the reader that
    /// refuses it, and the words check's finding must have.
    struct Damage: Sendable, CustomTestStringConvertible {
        var name: String
        var sql: [String]
        var read: @Sendable (Store) throws -> Void
        var says: [String]
        var testDescription: String { name }
    }

    static let plan: @Sendable (Store) throws -> Void = { _ = try $0.plan() }
    static let snapshot: @Sendable (Store) throws -> Void = { _ = try $0.snapshot() }

    static let damages: [Damage] = [
        Damage(name: "broken JSON in a schedule", sql: [#"UPDATE activity SET schedule = '{"every":"quarter"' WHERE id = '2.1'"#],
               read: plan, says: ["table activity", "activity 2.1", "schedule"]),
        Damage(name: "an unknown status", sql: ["UPDATE activity SET status = 'paused' WHERE id = '2.2'"],
               read: plan, says: ["table activity", "activity 2.2", "status “paused”"]),
        Damage(name: "an owner list that is not a list", sql: [#"UPDATE activity SET owners = '"IN"' WHERE id = '1.2'"#],
               read: plan, says: ["activity 1.2", "owners"]),
        Damage(name: "funding with a negative amount", sql: [#"UPDATE activity SET funding = '[{"code":"PB","eur_cents":-1}]' WHERE id = '1.1'"#],
               read: plan, says: ["activity 1.1", "funding"]),
        Damage(name: "a dropped table", sql: ["DROP TABLE waiver"], read: snapshot, says: ["no table waiver"]),
        Damage(name: "a dropped digest table", sql: ["DROP TABLE record_stale"], read: snapshot, says: ["no table record_stale"]),
        Damage(name: "a dropped column", sql: ["ALTER TABLE meeting DROP COLUMN guests"],
               read: { _ = try $0.meetings() }, says: ["table meeting cannot be read", "guests"]),
        Damage(name: "no plan", sql: ["DELETE FROM plan"], read: plan, says: ["holds no plan"]),
        Damage(name: "broken JSON in the plan's institutions", sql: [#"UPDATE plan SET institutions = '[{"code":'"#],
               read: plan, says: ["table plan", "the plan", "institutions"]),
        Damage(name: "a plan period that ends before it starts", sql: ["UPDATE plan SET period_last = '2024-01-01'"],
               read: plan, says: ["the plan", "plan period"]),
        Damage(name: "a goal's unknown level", sql: ["UPDATE goal SET level = 'quaternary' WHERE number = 2"],
               read: plan, says: ["table goal", "goal 2", "quaternary"]),
        Damage(name: "a record's date that is no date", sql: ["UPDATE record SET date = '2025-02-30' WHERE id = 1"],
               read: { _ = try $0.records() }, says: ["table record", "record 1 (activity 2.2)", "2025-02-30"]),
        Damage(name: "a note's time", sql: ["UPDATE note SET time = 'yesterday' WHERE id = 1"],
               read: snapshot, says: ["table note", "note 1", "yesterday"]),
        Damage(name: "a meeting's unknown kind", sql: ["UPDATE meeting SET kind = 'secret' WHERE id = 1"],
               read: { _ = try $0.meetings() }, says: ["table meeting", "meeting 1", "kind “secret”"]),
        Damage(name: "a meeting's date", sql: ["UPDATE meeting SET date = '12.06.2025' WHERE id = 2"],
               read: { _ = try $0.meetings() }, says: ["meeting 2", "12.06.2025"]),
        Damage(name: "a decision's due date", sql: ["UPDATE decision SET due = '2025-13-01' WHERE id = 1"],
               read: snapshot, says: ["table decision", "decision 1", "2025-13-01"]),
        Damage(name: "a review's unknown outcome", sql: ["UPDATE decision_review SET outcome = 'forgotten'"],
               read: snapshot, says: ["table decision_review", "review of decision 1 at meeting 2", "forgotten"]),
        Damage(name: "a journal entry's time",
               sql: ["INSERT INTO journal (time, author, action, subject) VALUES ('noon', 'ieva', 'note', '1.1')"],
               read: { _ = try $0.journal() }, says: ["table journal", "time of journal entry", "noon"]),
        Damage(name: "a journal entry that is not JSON",
               sql: [#"INSERT INTO journal (time, author, action, subject, after) VALUES ('2025-06-20T10:00:00.000Z', 'ieva', 'note', '1.1', '{"id":')"#],
               read: { try $0.undo(author: "ieva", now: SamplePlan.now.plus(9999)) }, says: ["table journal", "not JSON"]),
    ]

    /// A store with a row in every table: records, a note, a waiver, two
    /// meetings, a decision and the later meeting's review of it.
    static func fullStore(_ path: String) throws -> Store {
        let store = try Store.create(at: path, plan: SamplePlan.plan, force: false, author: "ieva", now: SamplePlan.now)
        var now = SamplePlan.now
        func next() -> Date { now = now.plus(60); return now }
        _ = try store.addRecord(Record(activity: "2.2", date: SamplePlan.day("2025-03-05"), count: 4, author: "ieva"), now: next())
        _ = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-04-05"), author: "ieva"), now: next())
        _ = try store.addNote("1.1", text: "Plakāti gatavi", author: "ieva", now: next())
        _ = try store.addWaiver(Waiver(activity: "2.1", window: "2025-Q1", note: "Nav vajadzīgs", author: "ieva"), now: next())
        let first = try store.addMeeting(Meeting(date: SamplePlan.day("2025-03-12"), topic: "Pārskats"), author: "ieva", now: next())
        try store.setMeetingItems(first.id, items: [Meeting.Item(activity: "2.2")], author: "ieva", now: next())
        try store.holdMeeting(first.id, attendees: ["SD", "NVO"], author: "ieva", now: next())
        let decision = try store.addDecision(Decision(meeting: first.id, text: "Sagatavot bukletus", owner: "SD",
                                                      due: SamplePlan.day("2025-06-01"), activity: "1.2"),
                                             author: "ieva", now: next())
        let second = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-12")), author: "ieva", now: next())
        try store.keepDecisionOpen(decision.id, at: second.id, author: "ieva", now: next())
        return store
    }

    /// Runs `sql` on the file through a plain connection, CHECK constraints
    /// off (as another SQLite tool might leave it).
    static func damage(_ path: String, _ sql: [String]) throws {
        let raw = try DatabaseQueue(path: path)
        try raw.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            for statement in sql { try db.execute(sql: statement) }
        }
        try raw.close()
    }

    @Test("each kind of damage a reader refuses is a finding naming the table, the row and what is wrong, in both languages, with a fix",
          arguments: StoreCheckTests.damages)
    func damaged(_ damage: Damage) throws {
        let scratch = Scratch()
        _ = try Self.fullStore(scratch.storePath)
        #expect(Store.check(at: scratch.storePath) == [], "a sound store with a row in every table is all well")
        try Self.damage(scratch.storePath, damage.sql)

        // The damage is real: the store's own reader refuses it.
        #expect(throws: (any Error).self, "the reader refuses \(damage.name)") { try damage.read(try Store.open(at: scratch.storePath)) }

        let findings = Store.check(at: scratch.storePath)
        let found = findings.first { finding in damage.says.allSatisfy { finding.problem.en.contains($0) } }
        #expect(found != nil, "\(damage.name): \(findings.map(\.problem.en))")
        if let found {
            #expect(found.fix == "sargs restore BACKUP.sqlite --db '\(scratch.storePath)'")
            #expect(found.problem.lv != found.problem.en && !found.problem.lv.isEmpty)
        }
    }

    /// A value of another type, or a NULL where the schema said NOT NULL (its
    /// constraint taken away and put back by another tool).
    static let mistypedValues: [Damage] = [
        Damage(name: "a restricted mark that is no number", sql: ["UPDATE meeting SET restricted = 'yes' WHERE id = 1"],
               read: { _ = try $0.meetings() }, says: ["table meeting", "meeting 1", "restricted mark"]),
        Damage(name: "a NULL decision text",
               sql: ["PRAGMA writable_schema = ON",
                     "UPDATE sqlite_master SET sql = replace(sql, 'text TEXT NOT NULL', 'text TEXT') WHERE name = 'decision'"],
               read: snapshot, says: ["table decision", "decision 1", "text of decision 1"]),
    ]

    @Test("a value of another type or a NULL is refused by the reader, never a crash, and check names the row",
          arguments: StoreCheckTests.mistypedValues)
    func mistyped(_ damage: Damage) throws {
        let scratch = Scratch()
        _ = try Self.fullStore(scratch.storePath)
        try Self.damage(scratch.storePath, damage.sql)
        if damage.sql.contains("PRAGMA writable_schema = ON") {
            try Self.damage(scratch.storePath, ["UPDATE decision SET text = NULL WHERE id = 1"])
            try Self.damage(scratch.storePath, [
                "PRAGMA writable_schema = ON",
                "UPDATE sqlite_master SET sql = replace(sql, 'text TEXT,', 'text TEXT NOT NULL,') WHERE name = 'decision'",
            ])
        }
        #expect(throws: (any Error).self, "the reader refuses \(damage.name)") { try damage.read(try Store.open(at: scratch.storePath)) }
        let findings = Store.check(at: scratch.storePath)
        #expect(findings.contains { finding in damage.says.allSatisfy { finding.problem.en.contains($0) } },
                "\(damage.name): \(findings.map(\.problem.en))")
    }

    @Test("many bad rows of one table: the first 20 are named, the rest counted")
    func capped() throws {
        let scratch = Scratch()
        let store = try Self.fullStore(scratch.storePath)
        let many = (1...25).map { Record(activity: "3.1", date: SamplePlan.day("2025-05-01"), count: $0, author: "ieva") }
        _ = try store.importRecords(many, author: "ieva", now: SamplePlan.now.plus(9999))
        try Self.damage(scratch.storePath, ["UPDATE record SET date = 'soon' WHERE activity = '3.1'"])
        #expect(throws: (any Error).self) { try Store.open(at: scratch.storePath).records() }

        let findings = Store.check(at: scratch.storePath).filter { $0.problem.en.contains("table record") }
        #expect(findings.count == 21, "\(findings.map(\.problem.en))")
        #expect(findings.prefix(20).allSatisfy { $0.problem.en.contains("activity 3.1") && $0.problem.en.contains("“soon”") })
        #expect(findings.last?.problem.en == "and 5 more rows of the table record cannot be read")
        #expect(findings.last?.problem.lv == "tabulā record vēl 5 rindas nav nolasāmas")
    }

    enum Planted: String, CaseIterable, Sendable {
        case symbolicLink, hardLink, fifo
    }

    @Test("a WAL file someone planted beside the store (a link, a file with two names, not a file) is reported with rm, never followed",
          arguments: StoreCheckTests.Planted.allCases)
    func planted(_ kind: Planted) throws {
        let scratch = Scratch()
        // A folder whose name needs quoting for the shell.
        let folder = scratch.directory + "/it's here"
        #expect(mkdir(folder, 0o700) == 0)
        let path = folder + "/plan.sqlite"
        _ = try Self.fullStore(path)
        let target = scratch.directory + "/precious.txt"
        let bytes = Data("someone's own file, not sargs'\n".utf8)
        #expect(FileManager.default.createFile(atPath: target, contents: bytes))
        #expect(chmod(target, 0o644) == 0)

        let file: String
        switch kind {
        case .symbolicLink:
            file = path + "-shm"
            #expect(symlink(target, file) == 0)
        case .hardLink:
            file = path + "-wal"
            #expect(link(target, file) == 0)
        case .fifo:
            file = path + "-shm"
            #expect(mkfifo(file, 0o600) == 0)
        }

        let findings = Store.check(at: path)
        let expectedWords = ["symbolicLink": "symbolic link", "hardLink": "2 names", "fifo": "not a regular file"][kind.rawValue]!
        let found = findings.first { $0.problem.en.contains(expectedWords) }
        #expect(found != nil, "\(findings.map(\.problem.en))")
        #expect(found?.problem.en.hasPrefix(file) == true)
        #expect(found?.fix == "rm -- '\(scratch.directory)/it'\\''s here/plan.sqlite\(file.suffix(4))'", "\(found?.fix ?? "")")
        // Nothing else is wrong: the store file itself was read, rows and all.
        #expect(findings.count == 1, "\(findings.map(\.problem.en))")

        // The planted file, and what it points to, are as they were.
        var info = stat()
        #expect(lstat(file, &info) == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == bytes)
        #expect(fileMode(target) == 0o644)
        if kind == .symbolicLink { #expect(info.st_mode & S_IFMT == S_IFLNK) }
    }
}

/// Issue 31: a trigger dropped or added behind sargs' back changes what the
/// store does without a value out of place: check compares the schema with
/// the one this version makes.
@Suite("check: the schema's objects")
struct StoreSchemaCheckTests {
    @Test("a dropped trigger (records marked stale, the append-only journal), a changed index and a foreign trigger are each reported; a whole store is not",
          arguments: ["DROP TRIGGER record_stale_insert", "DROP TRIGGER journal_no_update",
                      "CREATE TRIGGER sneaky AFTER INSERT ON record BEGIN DELETE FROM record WHERE 0; END"])
    func schemaObjects(_ sql: String) throws {
        let scratch = Scratch()
        _ = try scratch.store()
        #expect(Store.check(at: scratch.storePath).isEmpty, "a store as sargs made it is whole")
        let raw = try DatabaseQueue(path: scratch.storePath)
        try raw.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try raw.close()
        let findings = Store.check(at: scratch.storePath)
        let name = sql.split(separator: " ")[2]
        #expect(findings.contains { $0.problem.en.contains(String(name)) && $0.fix?.contains("sargs restore") == true }, "\(findings)")
        #expect(findings.allSatisfy { !$0.problem.lv.contains("the store") })
    }
}
