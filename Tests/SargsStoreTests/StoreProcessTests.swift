import Foundation
import GRDB
import SargsCore
import Testing
@testable import SargsStore

/// Real processes on one store: this test binary starts copies of itself
/// that run only `writerProcess`, which writes records until told count is
/// reached (or until it is killed).
@Suite("Several processes at once", .serialized)
struct StoreProcessTests {
    static let pathVariable = "SARGS_STORE_TEST_WRITER_DB"
    static let authorVariable = "SARGS_STORE_TEST_WRITER_AUTHOR"
    static let countVariable = "SARGS_STORE_TEST_WRITER_COUNT"

    /// The child's side: skipped in an ordinary run (it is an entry point for
    /// the tests below, not a test that could fail).
    @Test("writer process (runs only when a test below starts it)",
          .enabled(if: ProcessInfo.processInfo.environment["SARGS_STORE_TEST_WRITER_DB"] != nil))
    func writerProcess() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment[Self.pathVariable] else { return }
        let author = environment[Self.authorVariable] ?? "writer"
        let count = Int(environment[Self.countVariable] ?? "0") ?? 0
        let store = try Store.open(at: path)
        var n = 0
        while count == 0 || n < count {
            _ = try store.addRecord(Record(activity: n % 2 == 0 ? "2.1" : "3.2", date: SamplePlan.day("2025-06-01"),
                                           count: 1, note: "\(author) \(n)", author: author), now: .now)
            n += 1
        }
    }

    #if os(Linux)
    static func startWriter(_ path: String, author: String, count: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments = ["--testing-library", "swift-testing", "--filter", "SargsStoreTests.StoreProcessTests/writerProcess"]
        var environment = ProcessInfo.processInfo.environment
        environment[pathVariable] = path
        environment[authorVariable] = author
        environment[countVariable] = String(count)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("two writer processes make 500 changes each while this one writes too: nothing lost, nothing fails")
    func threeWriters() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        let children = try ["anna", "juris"].map { try Self.startWriter(scratch.storePath, author: $0, count: 500) }
        for n in 0..<200 {
            _ = try store.addRecord(Record(activity: "2.2", date: SamplePlan.day("2025-06-02"), note: "\(n)",
                                           author: "ieva"), now: .now)
        }
        for child in children {
            child.waitUntilExit()
            #expect(child.terminationStatus == 0)
        }
        let records = try store.records()
        #expect(records.count == 1_200)
        #expect(try store.snapshot().records == RecordIndex(records))
        for (author, count) in [("anna", 500), ("juris", 500), ("ieva", 200)] {
            #expect(records.filter { $0.author == author }.count == count)
            #expect(try store.journal(subject: nil, author: author, limit: nil).filter { $0.action == "record" }.count == count)
        }
        #expect(try store.journal(subject: nil, author: nil, limit: nil).count == 1_201)
    }

    @Test("a writer killed with SIGKILL in the middle of a burst leaves a whole store: every record journaled, writable")
    func killedWriter() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        let child = try Self.startWriter(scratch.storePath, author: "juris", count: 0)
        let start = try store.version()
        let deadline = Date().addingTimeInterval(20)
        while try store.version() < start + 150, Date() < deadline {
            usleep(5_000)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)

        let reopened = try Store.open(at: scratch.storePath)
        let records = try reopened.records()
        #expect(try reopened.snapshot().records == RecordIndex(records))
        let journaled = try reopened.journal(subject: nil, author: "juris", limit: nil)
        #expect(records.count >= 150)
        #expect(journaled.count == records.count)
        #expect(Set(journaled.compactMap { JSON(parsing: $0.after ?? "")?["id"].int64Value }) == Set(records.map(\.id)))
        let check = try reopened.reader().read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"])
        _ = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-06-03"), author: "ieva"), now: .now)
        _ = try reopened.undo(author: "juris", now: .now)
        #expect(try store.snapshot().records.count == records.count)
    }
    #endif
}
