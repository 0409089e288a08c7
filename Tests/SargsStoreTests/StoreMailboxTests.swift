import Foundation
import SargsCore
import Testing
import TestSupport
@testable import SargsStore

/// Issue 15 in the store: an institution's mailbox is a change like any
/// other (journaled, undoable, refused when wrong), and a reminder sent is
/// journaled so the same one is not sent twice on one day.
@Suite("The store: mailboxes and reminders")
struct StoreMailboxTests {
    @Test("setting a mailbox: the plan's own institution or a standard one, journaled, undone; refusals write nothing")
    func setAndUndo() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        #expect(try store.setInstitutionEmail("SD", email: "sd@example.lv", author: "ieva", now: SamplePlan.now))
        #expect(try store.plan().institution("SD")?.email == "sd@example.lv")
        // BT is a standard institution the sample plan does not declare: it becomes one of the plan's.
        #expect(try store.setInstitutionEmail("BT", email: "bt@example.lv", author: "ieva", now: SamplePlan.now))
        let plan = try store.plan()
        #expect(plan.institutions.map(\.code) == ["NVO", "SD", "BT"])
        #expect(plan.institution("BT")?.name == "Bāriņtiesa")
        #expect(try !store.setInstitutionEmail("BT", email: "bt@example.lv", author: "ieva", now: SamplePlan.now),
                "the same address again changes nothing")
        let entries = try store.journal(limit: 2)
        #expect(entries.map(\.action) == ["institution", "institution"])
        #expect(JournalText.sentence(entries[0], .en).contains("set the e-mail of BT to bt@example.lv"))

        let before = try Everything(store)
        #expect(throws: StoreError.self) { try store.setInstitutionEmail("XX", email: "x@example.lv", author: "ieva", now: SamplePlan.now) }
        #expect(throws: StoreError.self) { try store.setInstitutionEmail("SD", email: "sd@example.lv\r\nBcc: x@y.lv", author: "ieva", now: SamplePlan.now) }
        #expect(try Everything(store) == before)

        _ = try store.undo(author: "ieva", now: SamplePlan.now)
        #expect(try store.plan().institution("BT")?.email == nil)
        #expect(try store.setInstitutionEmail("SD", email: nil, author: "ieva", now: SamplePlan.now))
        #expect(try store.plan().institution("SD")?.email == nil)
    }

    @Test("a reminder sent is journaled with its fingerprint; the same one is found that day (or any day), another is not; it is never undone")
    func reminders() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        let day = SamplePlan.day("2025-06-20")
        #expect(try !store.reminderSent(to: "SD", fingerprint: "abc", on: day))
        try store.recordReminder(to: "SD", address: "sd@example.lv", kind: "digest", items: ["2.3", "decision 1"],
                                 fingerprint: "abc", day: day, author: "ieva", now: SamplePlan.now)
        #expect(try store.reminderSent(to: "SD", fingerprint: "abc", on: day))
        #expect(try store.reminderSent(to: "SD", fingerprint: "abc", on: nil))
        #expect(try !store.reminderSent(to: "SD", fingerprint: "abc", on: day.adding(days: 1)))
        #expect(try !store.reminderSent(to: "SD", fingerprint: "other", on: day))
        #expect(try !store.reminderSent(to: "BT", fingerprint: "abc", on: day))
        let entry = try #require(try store.journal(limit: 1).first)
        #expect(JournalText.sentence(entry, .lv).contains("nodeva pasta sistēmai atgādinājumu SD uz sd@example.lv (2 punkti)"))
        #expect(try store.latestUndoable(author: "ieva") == nil, "a sent mail is not a change one undoes")
    }
}
