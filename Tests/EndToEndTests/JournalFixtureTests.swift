import Foundation
import Testing
import TestSupport

/// A store written before the typed journal of issue 25 (`Tests/Fixtures/
/// journal-v7`, made by `JournalFixtureMaker` with every kind of change, an
/// undo, a restore and an activity edit as the board saves it) reads,
/// prints and undoes as that version did: the journal in both languages and
/// as JSON, each undo's words one by one, and the state left after them.
@Suite("A store written by an earlier version")
struct JournalFixtureTests {
    static let folder = Fixtures.repositoryRoot + "/Tests/Fixtures/journal-v7"

    @Test("log (lv, en, json), every undo and the state after them are as the version that wrote the store printed them")
    func sameWordsSameUndo() throws {
        let work = Fixtures.temporaryDirectory("sargs-journal-fixture")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let store = work + "/store.sqlite", binary = work + "/sargs"
        try FileManager.default.copyItem(atPath: Self.folder + "/store.sqlite", toPath: store)
        chmod(store, 0o600)
        try SargsProcess.copyBinary(to: binary)
        let run = SargsProcess.execute("/bin/sh", [Self.folder + "/outputs.sh", binary, store, work],
                                       environment: ProcessInfo.processInfo.environment)
        #expect(run.status == 0, "\(run.stderr)")
        for name in ["log-lv.txt", "log-en.txt", "log.json", "undo.txt", "state.txt"] {
            let expected = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
            let actual = try String(contentsOfFile: work + "/" + name, encoding: .utf8)
            if actual != expected {
                let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
                let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
                let first = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
                Issue.record("\(name) differs from line \(first + 1): \(first < a.count ? String(a[first]) : "(end)") — was \(first < e.count ? String(e[first]) : "(end)")")
            }
        }
        #expect(try String(contentsOfFile: work + "/undo.txt", encoding: .utf8).split(separator: "\n").count == 26,
                "every change of both authors undone, then each says there is none left")
    }
}
