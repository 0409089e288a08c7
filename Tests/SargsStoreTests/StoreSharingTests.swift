import Dispatch
import Foundation
import SargsCore
@testable import SargsStore
import Synchronization
import Testing

@Suite("Several people at once: two stores on one file")
struct StoreSharingTests {
    let scratch = Scratch()
    let a: Store
    let b: Store

    init() throws {
        a = try scratch.store()
        b = try Store.open(at: scratch.storePath)
    }

    @Test("an edit of a field someone else changed since the form opened is a conflict; other fields are fine")
    func editConflict() throws {
        let formA = try #require(try a.plan().activity("2.3"))     // A opens the form
        let formB = try #require(try b.plan().activity("2.3"))
        var editB = formB
        editB.title = "Atbalsta grupas vecākiem un aizbildņiem"
        try b.editActivity(editB, basedOn: formB, author: "juris", now: .now)

        var editA = formA
        editA.title = "Atbalsta grupas ģimenēm"
        try expectRefused(a, .conflict(field: "title", yours: "Atbalsta grupas ģimenēm",
                                       theirs: "Atbalsta grupas vecākiem un aizbildņiem")) {
            try a.editActivity(editA, basedOn: formA, author: "anna", now: .now)
        }

        // A changes another field from the same stale form: saved, and B's
        // title is kept.
        var otherField = formA
        otherField.owners = ["SD", "JC"]
        try a.editActivity(otherField, basedOn: formA, author: "anna", now: .now)
        let stored = try #require(try b.plan().activity("2.3"))
        #expect(stored.title == editB.title)
        #expect(stored.owners == ["SD", "JC"])

        // Both setting the same value is no conflict: nothing is overwritten.
        var same = formA
        same.title = editB.title
        try a.editActivity(same, basedOn: formA, author: "anna", now: .now)
    }

    @Test("a change by one store shows in the other's version() and reads")
    func versionFollowsOthers() throws {
        let v0 = try a.version()
        #expect(try b.version() == v0)
        _ = try b.addNote("3.2", text: "No otra", author: "juris", now: .now)
        let v1 = try a.version()
        #expect(v1 != v0)
        #expect(try a.snapshot().notes.map(\.text) == ["No otra"])
        try a.setStatus("3.2", to: .active, note: nil, author: "anna", now: .now)
        #expect(try b.version() != v1)
        #expect(try b.version() == a.version())
        _ = try b.undo(author: "juris", now: .now)
        #expect(try a.version() > v1)
    }

    @Test("two stores adding 500 records each at the same time: 1,000 records, every one journaled, no error")
    func concurrentWriters() throws {
        let errors = Mutex<[String]>([])
        let stores = [a, b]
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let store = stores[i]
            let author = i == 0 ? "anna" : "juris"
            for n in 0..<500 {
                do {
                    let day = Day(year: 2025, month: 1 + n % 12, day: 1 + n % 28)!
                    _ = try store.addRecord(Record(activity: n % 2 == 0 ? "2.1" : "3.2", date: day, count: 1,
                                                   note: "ieraksts \(n)", author: author), now: .now)
                    if n % 50 == 0 { _ = try store.version() }
                } catch {
                    errors.withLock { $0.append("\(author) \(n): \(error)") }
                }
            }
        }
        #expect(errors.withLock { $0 } == [])
        let records = try a.records()
        #expect(records.count == 1000)
        #expect(Set(records.map(\.id)).count == 1000)
        #expect(records.filter { $0.author == "anna" }.count == 500)
        #expect(try b.snapshot().records == RecordIndex(records))
        let journal = try b.journal(subject: nil, author: nil, limit: nil)
        #expect(journal.count == 1001)
        #expect(journal.filter { $0.action == "record" }.count == 1000)
        #expect(try a.version() == journal.first?.id)
    }
}
