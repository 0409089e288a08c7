import Foundation
import GRDB
import SargsCore
import Testing
import TestSupport
@testable import SargsStore
#if canImport(Glibc)
import Glibc
#endif

/// Reading never writes (SPEC §9, issue 14): a reader leaves the store's file
/// byte for byte, its modification time, its schema version and its WAL as
/// they were, whether or not a writer holds changes in the WAL.
@Suite("Reading never writes")
struct StoreReadingTests {
    /// What a reader must leave as it was.
    struct Files: Equatable {
        var bytes: Data
        var modified: [Int]
        var wal: Data
        var schemaVersion: Int

        init(_ path: String) throws {
            bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            var info = stat()
            stat(path, &info)
            modified = [info.st_mtim.tv_sec, info.st_mtim.tv_nsec]
            wal = FileManager.default.contents(atPath: path + "-wal") ?? Data()  // none and empty alike: nothing to replay
            // Read through a plain read-only connection of GRDB's, not the store's.
            var configuration = Configuration()
            configuration.readonly = true
            // A WAL store without its -wal and -shm in a folder this user may not
            // write can only be read as an immutable file (as the store reads it).
            let quiet = !FileManager.default.fileExists(atPath: path + "-wal") && !FileManager.default.fileExists(atPath: path + "-shm")
            schemaVersion = try DatabaseQueue(path: quiet ? Store.immutableURI(path) : path, configuration: configuration)
                .read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? -1 }
        }
    }

    /// Every read the store offers, once.
    static func readEverything(_ path: String) throws -> Snapshot {
        let reader = try Store.open(at: path)
        let snapshot = try reader.snapshot()
        _ = try reader.snapshotAndVersion()
        _ = try reader.plan()
        _ = try reader.records()
        _ = try reader.records(of: "2.2")
        _ = try reader.journal()
        _ = try reader.meetings()
        _ = try reader.version()
        _ = try reader.latestUndoable(author: "ieva")
        return snapshot
    }

    static func record(_ day: String) -> SargsCore.Record {
        SargsCore.Record(activity: "2.2", date: SamplePlan.day(day), count: 3, author: "ieva")
    }

    @Test("while a writer holds changes in the WAL, a reader sees them and leaves file, time, schema and WAL as they were")
    func readerBesideAWriter() throws {
        let scratch = Scratch()
        let writer = try scratch.store()
        try writer.addRecord(Self.record("2025-03-05"), now: SamplePlan.now)
        let before = try Files(scratch.storePath)
        #expect((before.wal.count) > 0, "the writer's change waits in the WAL")
        let seen = try Self.readEverything(scratch.storePath)
        #expect(seen.records.count(of: "2.2") == 1)
        #expect(try Files(scratch.storePath) == before)
        // The writer goes on writing after the reader has gone.
        try writer.addRecord(Self.record("2025-03-12"), now: SamplePlan.now)
        #expect(try Store.open(at: scratch.storePath).snapshot().records.count(of: "2.2") == 2)
    }

    @Test("after the last writer closed (no WAL), a reader leaves the file and the schema version as they were")
    func readerAlone() throws {
        let scratch = Scratch()
        do {
            let writer = try scratch.store()
            try writer.addRecord(Self.record("2025-03-05"), now: SamplePlan.now)
        }
        let before = try Files(scratch.storePath)
        #expect((before.wal.count) == 0, "the last writer checkpointed its changes into the file")
        for _ in 0..<3 { _ = try Self.readEverything(scratch.storePath) }
        #expect(try Files(scratch.storePath) == before)
    }

    @Test("a store opened for reading changes it when asked: the writer is opened then, and the change is journaled")
    func readerThenChange() throws {
        let scratch = Scratch()
        _ = try scratch.store()
        let store = try Store.open(at: scratch.storePath)
        #expect(try store.snapshot().records.count(of: "2.2") == 0)
        try store.addRecord(Self.record("2025-03-05"), now: SamplePlan.now)
        #expect(try store.snapshot().records.count(of: "2.2") == 1)
        #expect(try store.journal(limit: 1).first?.action == "record")
        #expect(try store.writerSynchronous() == 2)
    }

    @Test("a store made by an earlier sargs (schema v3) is brought up to date once, then read without writing")
    func earlierSchema() throws {
        let scratch = Scratch()
        do {
            var configuration = Configuration()
            configuration.journalMode = .wal
            let old = try DatabaseQueue(path: scratch.storePath, configuration: configuration)
            try Schema.migrator.migrate(old, upTo: "v3-record-digest")
            try old.write { db in
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
                try PlanRows.insert(SamplePlan.plan, into: db)
            }
        }
        chmod(scratch.storePath, 0o600)  // as sargs made them: only its owner may read it
        let store = try Store.open(at: scratch.storePath)
        #expect(try store.plan() == SamplePlan.plan)
        let applied = try store.reader().read { db in try Schema.migrator.appliedIdentifiers(db) }
        #expect(applied.contains("v4-meeting-minutes"))
        #expect(applied.contains("v6-goal-level-optional"))
        // The goal table was made again: its rows, and the rows that point at them, are all there.
        let integrity = try store.reader().read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
        #expect(integrity == 0)
        #expect(try store.snapshot().plan.goals.map(\.level) == SamplePlan.plan.goals.map(\.level))
        let upgraded = try Files(scratch.storePath)
        _ = try Self.readEverything(scratch.storePath)
        #expect(try Files(scratch.storePath).schemaVersion == upgraded.schemaVersion)
    }

    @Test("a file URI for the immutable fallback escapes what URIs give meaning to")
    func immutableURI() {
        #expect(Store.immutableURI("/srv/sargs/plāns #1?.sqlite")
                == "file:/srv/sargs/pl%C4%81ns%20%231%3F.sqlite?immutable=1")
        #expect(Store.immutableURI("/a/100%.sqlite") == "file:/a/100%25.sqlite?immutable=1")
    }

    @Test("a store the user may not write is read; a change is refused as read-only and writes nothing",
          .enabled(if: getuid() != 0, "root may write any file; EndToEndTests runs this as another user"))
    func readOnlyFile() throws {
        let scratch = Scratch()
        do { _ = try scratch.store() }
        chmod(scratch.storePath, 0o400)
        chmod(scratch.directory, 0o500)
        defer { chmod(scratch.directory, 0o700); chmod(scratch.storePath, 0o600) }
        let before = try Files(scratch.storePath)
        let store = try Store.open(at: scratch.storePath)
        #expect(!store.mayChange)
        #expect(try store.snapshot().plan == SamplePlan.plan)
        #expect(throws: StoreError.readOnly(path: scratch.storePath)) {
            try store.addRecord(Self.record("2025-03-05"), now: SamplePlan.now)
        }
        #expect(try Files(scratch.storePath) == before)
    }
}

extension StoreReadingTests {
    @Test("a forced init keeps the store it replaces whole, changes still in its WAL included")
    func forcedInitKeepsTheWAL() throws {
        let scratch = Scratch()
        let writer = try scratch.store()
        try writer.addRecord(Self.record("2025-03-05"), now: SamplePlan.now)
        #expect((try Files(scratch.storePath)).wal.count > 0, "the change waits in the WAL")
        _ = try Store.create(at: scratch.storePath, plan: SamplePlan.plan, force: true, author: "ieva", now: SamplePlan.now)
        let kept = try #require(try FileManager.default.contentsOfDirectory(atPath: scratch.directory)
            .first { $0.hasPrefix("plan.sqlite.replaced-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") })
        #expect(kept == "plan.sqlite.replaced-" + Store.stamp(SamplePlan.now, dashed: false), "named by the moment in Riga, as restore names it: \(kept)")
        #expect(try Store.open(at: scratch.directory + "/" + kept).snapshot().records.count(of: "2.2") == 1)
        #expect(try Store.open(at: scratch.storePath).snapshot().records.count(of: "2.2") == 0)
    }
}
