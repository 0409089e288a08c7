import Foundation
@testable import SargsBoard
import SargsCore
import Testing
import TestSupport

/// Found by the user who tried issue 28's board: chair mode's own marks are
/// not "someone else's change", and a refused "save and chair" does not
/// leave chair mode running on a meeting that is not stored.
@Suite("Chair mode and the stored agenda")
struct ChairFlowTests {
    @Test("an outcome marked in chair mode does not make the agenda's next save a conflict")
    func ownMarksAreNotAConflict() throws {
        var (board, services) = try LoopTests.driver(Snapshot(plan: LoopTests.plan), today: "2026-02-10")
        board.press(.agenda)
        board.press(.saveMeeting)
        #expect(board.state.agenda.draft?.meetingID != nil, "\(String(describing: board.state.message))")
        board.press(.chair)
        #expect(board.state.screen == .chair)
        board.press(.discussed)
        board.press(.formSave)
        #expect(try services.snapshot.meetings.first?.items.contains { $0.outcome == .discussed } == true)
        board.press(.back)
        #expect(board.state.screen == .agenda)
        board.press(.meetingSettings)
        board.press(.fieldClear)
        board.type("2026-02-12")
        board.press(.formSave)
        board.press(.saveMeeting)
        let message = board.state.message?.phrase.en ?? ""
        #expect(!message.contains("someone else"), "\(message)")
        #expect(try services.snapshot.meetings.first?.date == Day("2026-02-12"), "\(message)")
        // The outcome marked in chair mode is still there.
        #expect(try services.snapshot.meetings.first?.items.contains { $0.outcome == .discussed } == true)
    }

    @Test("in chair mode Home goes to the first item and End to the last; a move past either end says so")
    func homeAndEnd() throws {
        var (board, _) = try LoopTests.driver(Snapshot(plan: LoopTests.plan), today: "2026-02-10")
        board.press(.agenda)
        board.press(.saveMeeting)
        board.press(.down)
        board.press(.down)
        board.press(.chair)
        #expect(board.state.screen == .chair)
        let count = board.state.draftOrder.count
        board.press(.end)
        #expect(board.state.agenda.draft?.current == count - 1)
        #expect(board.screen.contains("jautājums \(count) / \(count)"), "\(board.screen)")
        board.press(.right)
        #expect(board.state.message?.phrase.lv.contains("Tālāk nav") == true, "\(String(describing: board.state.message))")
        board.press(.home)
        #expect(board.state.agenda.draft?.current == 0)
        #expect(board.screen.contains("jautājums 1 / \(count)"), "\(board.screen)")
    }

    @Test("a refused 'save and chair' stays on the agenda, which still shows what was not saved")
    func refusedSaveStaysOnTheAgenda() throws {
        // A regular meeting on the day, held: a second regular agenda for the same day cannot be saved.
        var (board, _) = try LoopTests.driver(Snapshot(plan: LoopTests.plan), today: "2026-02-10")
        board.press(.agenda)
        board.press(.saveMeeting)
        board.press(.chair)
        board.press(.hold)
        board.press(.formSave)
        board.press(.back)
        board.press(.back)
        board.press(.agenda)
        #expect(board.state.agenda.draft?.meetingID == nil, "a fresh agenda")
        board.press(.chair)
        #expect(board.state.confirmation != nil, "asks before saving")
        board.press(.confirmYes)
        #expect(board.state.message?.kind == .error, "\(String(describing: board.state.message))")
        #expect(board.state.screen == .agenda, "not chair mode on a meeting that is not stored")
    }
}
