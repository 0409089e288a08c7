import Foundation
import SargsCore
@testable import SargsStore
import Testing
import TestSupport

/// The typed journal (issue 25): every entry a store holds reads as a
/// `JournalChange`, and writing that change again gives the stored text
/// byte for byte, so the store's writers and its readers share one form.
@Suite("The typed journal")
struct JournalChangeTests {
    static let fixture = Fixtures.repositoryRoot + "/Tests/Fixtures/journal-v7/store.sqlite"

    /// Journal actions added after the fixture was written (it is never made again: `make.sh`).
    static let newerThanFixture: Set<JournalAction> = []

    /// The fixture store of every kind of change, written before the typed journal.
    func fixtureStore() throws -> (Store, String) {
        let work = Fixtures.temporaryDirectory("sargs-journal-change")
        let path = work + "/store.sqlite"
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: path)
        chmod(path, 0o600)
        return (try Store.open(at: path), work)
    }

    @Test("each entry of a store written by the version before reads typed, and writes back the same bytes")
    func fixtureEntriesRoundTrip() throws {
        let (store, work) = try fixtureStore()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let entries = try store.journal()
        #expect(entries.count > 20)
        var kinds = Set<JournalAction>()
        for entry in entries {
            let change = entry.change
            if case .unreadable = change { Issue.record("entry \(entry.id) (\(entry.action)) does not read: \(entry.after ?? "")") }
            if case .unknown = change { Issue.record("entry \(entry.id) has an unknown action \(entry.action)") }
            #expect(change.action == entry.action, "entry \(entry.id)")
            #expect(change.subject == entry.subject, "entry \(entry.id)")
            if case .undo(let of, _, let reverting) = change {
                #expect(of == entry.undoes)
                #expect(reverting != nil, "undo \(entry.id) says what it reverts")
            }
            #expect(change.before?.text == entry.before, "before of entry \(entry.id) (\(entry.action))")
            #expect(change.after?.text == entry.after, "after of entry \(entry.id) (\(entry.action))")
            if let kind = change.kind { kinds.insert(kind) }
        }
        // The fixture holds every kind of change there was when it was made; a kind added since is in
        // `newerThanFixture`, and its rows are held to their bytes by the contract tests (ChangeContractTests).
        #expect(kinds == Set(JournalAction.allCases).subtracting(Self.newerThanFixture),
                "kinds missing: \(Set(JournalAction.allCases).subtracting(kinds).subtracting(Self.newerThanFixture))")
    }

    @Test("entries as versions before 4 and before issue 26 wrote them still read and undo")
    func olderShapes() throws {
        let hold = JournalEntry(time: SamplePlan.now, author: "ieva", action: .hold, subject: "meeting 2",
                                before: #"{"state":"planned","attendees":[]}"#, after: #"{"state":"held","attendees":["SD","PP"]}"#)
        guard case .hold(2, let before, let after) = hold.change else { Issue.record("\(hold.change)"); return }
        #expect(before == [.state(.planned), .attendees([])])
        #expect(after == [.state(.held), .attendees(["SD", "PP"])])
        let done = JournalEntry(time: SamplePlan.now, author: "ieva", action: .done, subject: "decision 4",
                                before: #"{"done_on":null}"#, after: #"{"done_on":"2025-06-02"}"#)
        guard case .done(4, let b, let a) = done.change else { Issue.record("\(done.change)"); return }
        #expect(b == [.doneOn(nil)] && a == [.doneOn(Day("2025-06-02")!)])
        #expect(JournalText.sentence(done, .lv) == "ieva atzīmēja lēmumu Nr. 4 kā izpildītu")
        let settings = JournalEntry(time: SamplePlan.now, author: "ieva", action: .settings, subject: "meeting 1",
                                    before: #"{"date":"2025-09-15","kind":"regular","topic":null,"items":[]}"#,
                                    after: #"{"date":"2025-09-22","kind":"regular","topic":null,"items":[{"activity":"1.1","outcome":null}]}"#)
        guard case .settings(1, let from, let to) = settings.change else { Issue.record("\(settings.change)"); return }
        #expect(from.removed.isEmpty && from.prepared && to.items == [Meeting.Item(activity: "1.1")])
        #expect(settings.change.before?.text == settings.before && settings.change.after?.text == settings.after)
    }

    @Test("a damaged value or an action of a later version reads as such, is said by its name, and is not undone")
    func damagedAndUnknown() throws {
        let damaged = JournalEntry(time: SamplePlan.now, author: "ieva", action: .record, subject: "1.1",
                                   after: #"{"id":"seven","activity":"1.1"}"#)
        #expect(damaged.change == .unreadable(.record, subject: "1.1"))
        #expect(JournalText.sentence(damaged, .en) == "ieva record 1.1 (entry damaged)")
        let later = JournalEntry(time: SamplePlan.now, author: "ieva", action: "merge", subject: "plan bta")
        #expect(later.change == .unknown(action: "merge", subject: "plan bta"))
        #expect(later.change.kind == nil)
        #expect(JournalText.sentence(later, .lv) == "ieva merge plan bta")
    }

    @Test("a mail's kind reads and writes as the journal names it")
    func mailKinds() {
        for text in ["digest", "agenda", "agenda 3", "minutes 3", "cancel 12", "meeting 4", "weekly 2", "minutes"] {
            #expect(JournalChange.MailKind(text).text == text)
        }
        #expect(JournalChange.MailKind("cancel 12") == .cancellation(meeting: 12))
        #expect(JournalChange.MailKind("minutes") == .other("minutes"))
    }
}

@Suite("Undo of a meeting's items")
struct ItemsUndoTests {
    @Test("an undo of one item's outcome refuses when someone else marked another item since, and writes nothing")
    func itemsConflict() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        let today = Day("2025-06-02")!
        guard case .meeting(let meeting) = try store.apply(.newMeeting(Meeting(date: Day("2025-06-02")!, kind: .regular)),
                                                          author: "ieva", now: SamplePlan.now, today: today) else {
            Issue.record("no meeting"); return
        }
        try store.apply(.outcome(meeting: meeting.number, activity: "1.1", .discussed), author: "ieva", now: SamplePlan.now.plus(1), today: today)
        try store.apply(.outcome(meeting: meeting.number, activity: "1.2", .discussed), author: "juris", now: SamplePlan.now.plus(2), today: today)
        let before = try Everything(store)
        let latest = try #require(try store.latestUndoable(author: "ieva"))
        #expect(throws: StoreError.self) {
            try store.apply(.undo(of: latest.number), author: "ieva", now: SamplePlan.now.plus(3), today: today)
        }
        #expect(try Everything(store) == before, "the other member's outcome stays, nothing is journaled")
    }
}
