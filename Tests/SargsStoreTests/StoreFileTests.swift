import Foundation
import SargsCore
import TestSupport
import Testing
import GRDB
@testable import SargsStore

@Suite("The store file: create, open, round trip")
struct StoreFileTests {
    @Test("create then plan() gives back the same plan, every schedule form and bound precision included")
    func planRoundTrip() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        #expect(try store.plan() == SamplePlan.plan)
        // And through a fresh open, as another program would see it.
        let reopened = try Store.open(at: scratch.storePath)
        #expect(try reopened.plan() == SamplePlan.plan)
        #expect(try reopened.snapshot() == Snapshot(plan: SamplePlan.plan))
    }

    @Test("a larger generated plan round-trips too")
    func syntheticPlanRoundTrip() throws {
        let scratch = Scratch()
        let plan = SyntheticPlan.plan(activities: 400, seed: 7)
        let store = try scratch.store(plan)
        #expect(try store.plan() == plan)
    }

    @Test("a goal without a level, due days and amounts in euros are stored and read back (SPEC §3)")
    func formatGrowthRoundTrip() throws {
        var plan = SamplePlan.plan
        plan.goals[0].level = nil
        plan.activities[0].schedule = .every(.year, from: nil, to: nil, due: DueDay("03-01"))
        plan.activities[1].schedule = .every(.month, from: nil, to: DateBound("2026"), due: DueDay("31"))
        plan.activities[0].funding = ["PB", "VB"]
        plan.activities[0].amounts = ["PB": Euros("1500")!, "VB": Euros("0.01")!]
        let scratch = Scratch()
        _ = try scratch.store(plan)
        let reopened = try Store.open(at: scratch.storePath)
        #expect(try reopened.plan() == plan)
    }

    @Test("stored funding of another shape is a damaged store, not a crash", arguments: [
        #"[{"code":"PB"}]"#, #"[{"code":"PB","eur_cents":-1}]"#, #"[{"code":"PB","eur_cents":100000000001}]"#,
        #"[{"code":"PB","eur_cents":"5"}]"#, #"[5]"#, #"{"PB":5}"#,
    ])
    func damagedFunding(text: String) throws {
        let scratch = Scratch()
        _ = try scratch.store()
        let raw = try DatabaseQueue(path: scratch.storePath)
        try raw.write { db in try db.execute(sql: "UPDATE activity SET funding = ? WHERE id = '1.1'", arguments: [text]) }
        try raw.close()
        #expect(throws: StoreError.self) { try Store.open(at: scratch.storePath).plan() }
    }

    @Test("a store of another group in a setgid group folder is told to join the folder's group, and only that",
          .enabled(if: getuid() == 0, "changing a file's group to any group needs root"))
    func oneGroupFix() throws {
        let scratch = Scratch()
        _ = try scratch.store()
        let folder = (scratch.storePath as NSString).deletingLastPathComponent
        // The folder is the group's (gid 65534, nogroup), setgid; the store is shared with another (gid 0).
        #expect(chown(folder, 0, 65534) == 0)
        #expect(chmod(folder, 0o2770) == 0)
        #expect(chown(scratch.storePath, 0, 0) == 0)
        #expect(chmod(scratch.storePath, 0o660) == 0)
        let fixes = Store.checkFiles(scratch.storePath).compactMap(\.fix)
        let chgrps = fixes.filter { $0.hasPrefix("chgrp") }
        #expect(chgrps.count == 1, "\(fixes)")
        #expect(chgrps.first?.contains(scratch.storePath) == true)
        #expect(!chgrps.contains { $0.contains("chgrp root") })
    }

    @Test("create journals one init entry by its author")
    func initEntry() throws {
        let scratch = Scratch()
        let store = try scratch.store(author: "ieva")
        let journal = try store.journal(subject: nil, author: nil, limit: nil)
        #expect(journal.count == 1)
        #expect(journal.first?.action == "init")
        #expect(journal.first?.author == "ieva")
        #expect(journal.first?.subject == SamplePlan.plan.id)
        #expect(journal.first?.time == Date(timeIntervalSince1970: 1_740_000_000.123))
        #expect(try store.version() == journal.first?.id)
    }

    @Test("the file, its -wal and -shm are readable by the owner only; a missing parent directory is made")
    func ownerOnly() throws {
        let scratch = Scratch()
        let path = scratch.directory + "/deeper/still/plan.sqlite"
        let store = try Store.create(at: path, plan: SamplePlan.plan, force: false, author: "ieva", now: SamplePlan.now)
        try store.addNote("1.1", text: "Sagatavots", author: "ieva", now: SamplePlan.now)
        #expect(fileMode(path) == 0o600)
        #expect(fileMode(path + "-wal") == 0o600)
        #expect(fileMode(path + "-shm") == 0o600)
        #expect(store.path == path)
    }

    @Test("a backup opens as a store with the same plan, records and journal; it refuses to overwrite")
    func backup() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        _ = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-04-01"), author: "ieva"), now: .now)
        let copyPath = scratch.directory + "/copy.sqlite"
        try store.backup(to: copyPath)
        #expect(fileMode(copyPath) == 0o600)
        let copy = try Store.open(at: copyPath)
        #expect(try copy.snapshot() == store.snapshot())
        #expect(try copy.journal(subject: nil, author: nil, limit: nil) == store.journal(subject: nil, author: nil, limit: nil))
        #expect(throws: StoreError.alreadyExists(path: copyPath)) { try store.backup(to: copyPath) }
    }

    @Test("the writer commits with synchronous=FULL in WAL mode")
    func durability() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        #expect(try store.writerSynchronous() == 2)
        let reopened = try Store.open(at: scratch.storePath)
        #expect(try reopened.writerSynchronous() == 2)
        let mode = try reopened.reader().read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test("create refuses an existing store unless forced; force replaces it")
    func createExisting() throws {
        let scratch = Scratch()
        let first = try scratch.store()
        try first.addNote("1.1", text: "Pirmā", author: "ieva", now: SamplePlan.now)
        #expect(throws: StoreError.alreadyExists(path: scratch.storePath)) {
            try Store.create(at: scratch.storePath, plan: SamplePlan.plan, force: false, author: "ieva", now: SamplePlan.now)
        }
        #expect(try first.snapshot().notes.count == 1)

        var other = SamplePlan.plan
        other.title = "Cits plāns"
        other.activities.removeLast()
        let replaced = try Store.create(at: scratch.storePath, plan: other, force: true, author: "juris", now: SamplePlan.now)
        #expect(try replaced.plan() == other)
        #expect(try replaced.snapshot().notes.isEmpty)
        #expect(try replaced.journal(subject: nil, author: nil, limit: nil).map(\.action) == ["init"])
        #expect(fileMode(scratch.storePath) == 0o600)
    }

    @Test("create refuses a plan with a personal code in any text, and leaves no file", arguments: 0..<3)
    func createRefusesPersonalCode(place: Int) throws {
        let scratch = Scratch()
        var plan = SamplePlan.plan
        switch place {
        case 0: plan.activities[1].title = "Bukleti 010101-12345"
        case 1: plan.goals[0].results[1].text = "Skolās 01010112345"
        default: plan.activities[7].statusNote = "Gaida 010101-12345"
        }
        #expect {
            try Store.create(at: scratch.storePath, plan: plan, force: false, author: "ieva", now: SamplePlan.now)
        } throws: { error in
            guard case StoreError.invalid(let message) = error else { return false }
            return message.en.contains("personal code") && message.lv.contains("personas kodu")
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.storePath))
    }

    @Test("opening a missing path is .missing")
    func openMissing() {
        let scratch = Scratch()
        let path = scratch.directory + "/nothing-here.sqlite"
        #expect(throws: StoreError.missing(path: path)) { try Store.open(at: path) }
        #expect(throws: StoreError.missing(path: scratch.directory + "/no/dir.sqlite")) {
            try Store.open(at: scratch.directory + "/no/dir.sqlite")
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("opening a text file, an empty file, a directory or a foreign SQLite database is .unavailable, and the file is left as it was",
          arguments: ["text", "empty", "directory", "foreign"])
    func openNotAStore(kind: String) throws {
        let scratch = Scratch()
        let path = scratch.directory + "/not-a-store"
        switch kind {
        case "text": try Data("plan: not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        case "empty": try Data().write(to: URL(fileURLWithPath: path))
        case "directory": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        default:
            // SQLite, but not sargs: a store whose application id is cleared.
            do {
                _ = try Store.create(at: path, plan: SamplePlan.plan, force: false, author: "ieva", now: SamplePlan.now)
                let foreign = try DatabaseQueue(path: path)
                try foreign.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA application_id = 0")
                    try db.execute(sql: "PRAGMA journal_mode = DELETE")
                }
            }
        }
        let before = kind == "directory" ? nil : try? Data(contentsOf: URL(fileURLWithPath: path))
        #expect {
            try Store.open(at: path)
        } throws: { error in
            guard case StoreError.unavailable(let reason) = error else { return false }
            return !reason.en.isEmpty && !reason.lv.isEmpty && !(error as! StoreError).message.hasPrefix("error")
        }
        if let before {
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        }
    }

    @Test("opening a store written by a newer sargs (an unknown migration) is .unavailable")
    func openNewer() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        try store.writer().write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
        }
        #expect {
            try Store.open(at: scratch.storePath)
        } throws: { error in
            guard case StoreError.unavailable(let reason) = error else { return false }
            return reason.en.contains("newer") && reason.lv.contains("jaunāka")
        }
    }

    @Test("a conflict in a Latvian refusal names its field and values in Latvian")
    func conflictWords() {
        let status = StoreError.conflict(field: "status", yours: "planned", theirs: "blocked").phrase
        #expect(status.lv.contains("'statuss'") && status.lv.contains("“plānota”") && status.lv.contains("“bloķēta”"), "\(status.lv)")
        #expect(status.en.contains("status") && status.en.contains("planned"))
        let mail = StoreError.conflict(field: "e-mail of SD", yours: "a@b.lv", theirs: "none").phrase.lv
        #expect(mail.contains("'e-pasts (SD)'") && mail.contains("“nav”") && !mail.contains("e-mail"), "\(mail)")
        let done = StoreError.conflict(field: "done date", yours: "none", theirs: "2025-03-01").phrase.lv
        #expect(done.contains("'izpildes datums'") && !done.contains("done"), "\(done)")
    }

    @Test("every error has a one-sentence message without an error: prefix")
    func messages() {
        let errors: [StoreError] = [
            .missing(path: "/tmp/x.sqlite"), .unavailable(Phrase(lv: "tā ir aizslēgta", en: "it is locked")), .diskFull(path: "/tmp/x.sqlite"), .alreadyExists(path: "/tmp/x.sqlite"),
            .unknownActivity("9.9"), .unknownMeeting(7), .unknownDecision(8),
            .conflict(field: "title", yours: "A", theirs: "B"), .nothingToUndo(author: "ieva"),
            .invalid(Phrase(lv: "Piezīme satur personas kodu.", en: "The note contains what looks like a personal code.")),
        ]
        for error in errors {
            #expect(!error.message.isEmpty)
            #expect(!error.message.lowercased().hasPrefix("error"))
            #expect(!error.message.contains("\n"))
            #expect(error.message.hasSuffix("."))
        }
        #expect(StoreError.conflict(field: "title", yours: "A", theirs: "B").message.contains("“A”"))
        #expect(StoreError.conflict(field: "title", yours: "A", theirs: "B").message.contains("“B”"))
        #expect(!StoreError.conflict(field: "status_note", yours: "one\ntwo", theirs: "x\r\ny").message.contains("\n"))
    }
}
