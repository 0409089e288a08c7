import Foundation
import SargsCore
@testable import SargsStore
import Testing

/// The store's one door (issue 25): a change made through `apply` is
/// checked inside the transaction that writes it, whoever calls.
@Suite("The store's one door")
struct ApplyTests {
    let scratch = Scratch()

    @Test("a record dated after today, or before the plan starts, is refused by the store itself; nothing is written")
    func recordDateIsTheStoresRule() throws {
        let store = try scratch.store()
        let today = SamplePlan.day("2025-03-10"), now = SamplePlan.now.plus(60)
        let before = try Everything(store)
        for date in ["2025-03-11", "2024-12-31"] {
            let record = Record(activity: "2.1", date: SamplePlan.day(date), author: "ieva")
            #expect(throws: StoreError.self, "\(date)") { try store.apply(.record(record), author: "ieva", now: now, today: today) }
            #expect(throws: StoreError.self, "\(date)") { try store.apply(.recordFinishing(record), author: "ieva", now: now, today: today) }
        }
        #expect(try Everything(store) == before)
        let saved = try store.apply(.record(Record(activity: "2.1", date: today, count: 3, author: "ieva")), author: "ieva", now: now, today: today)
        #expect(saved.notice.en == "Recorded: 2.1, 2025-03-10, 3")
        #expect(try store.journal().first?.kind == .record)
    }

    @Test("the door answers with what was saved, as the notice the board and the command line show")
    func answersWithTheSavedChange() throws {
        let store = try scratch.store()
        let now = SamplePlan.now.plus(60), today = SamplePlan.day("2025-06-01")
        #expect(try store.apply(.status("2.1", .blocked, note: "Gaida telpas"), author: "ieva", now: now, today: today).notice.en
                == "Status: 2.1 → blocked")
        guard case .meeting(let meeting) = try store.apply(.newMeeting(Meeting(date: SamplePlan.day("2025-06-10"))),
                                                           author: "ieva", now: now, today: today) else {
            Issue.record("a new meeting answers with the meeting")
            return
        }
        #expect(try store.apply(.cancelMeeting(meeting.number), author: "ieva", now: now, today: today) == .cancelled(meeting: meeting.id))
        let latest = try #require(try store.latestUndoable(author: "ieva"))
        guard case .undo(let entry) = try store.apply(.undo(of: latest.number), author: "ieva", now: now, today: today) else {
            Issue.record("an undo answers with its entry")
            return
        }
        #expect(entry.reverted == .cancel)
    }
}
