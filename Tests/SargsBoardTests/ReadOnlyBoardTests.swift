import Foundation
@testable import SargsBoard
import SargsCore
import SargsPlanFile
import Testing
import TestSupport

/// The board on a store the user may only read (SPEC §9, issue 14): it shows
/// everything, says "read only" in its header, and every key that would change
/// the store says why not instead of opening a form that could not be saved.
@Suite("The board on a read-only store")
struct ReadOnlyBoardTests {
    static func driver(readOnly: Bool, width: Int = 120, height: Int = 40) throws -> BoardDriver<NoServices> {
        var state = try BoardScreenTests.state(width: width, height: height)
        state.readOnly = readOnly
        _ = reduce(&state, .resize(width: width, height: height))
        return BoardDriver(state)
    }

    /// Each command that changes the store, and the screen where it otherwise works.
    static let changing: [(Command, Screen)] = Command.allCases.filter(\.changesStore).map { command in
        switch command {
        case .record, .status, .note, .waive, .edit, .add, .undo: return (command, .board)
        default: return (command, .agenda)
        }
    }

    @Test("every changing command is refused with the reason, nothing opened, nothing asked of the store")
    func changesAreRefused() throws {
        #expect(Self.changing.count >= 20)
        for (command, screen) in Self.changing {
            var board = try Self.driver(readOnly: true)
            if screen == .agenda { _ = board.press(.agenda) }
            // By name: the chair's keys (1 2 3, o) are not bound outside chair mode, which is refused too.
            let effects = board.send(.command(command))
            #expect(effects.isEmpty, "\(command)")
            #expect(board.state.form == nil, "\(command)")
            #expect(board.state.confirmation == nil, "\(command)")
            #expect(board.state.screen == screen, "\(command)")
            #expect(board.state.message?.phrase.lv.contains("tikai lasīt") == true, "\(command): \(String(describing: board.state.message))")
        }
    }

    @Test("a store that may be changed opens the same forms (the refusal comes from read-only, not the screen)")
    func writableOpensForms() throws {
        var board = try Self.driver(readOnly: false)
        _ = board.press(.note)
        #expect(board.state.form != nil)
        var agenda = try Self.driver(readOnly: false)
        _ = agenda.press(.agenda)
        _ = agenda.press(.meetingSettings)
        #expect(agenda.state.form != nil)
    }

    @Test("the header says read only on every screen; reading keys still work", arguments: [(80, 24), (120, 40), (200, 60)])
    func headerAndReading(size: (Int, Int)) throws {
        var board = try Self.driver(readOnly: true, width: size.0, height: size.1)
        _ = board.press(.right)
        _ = board.press(.open)
        #expect(board.state.screen == .activity)
        #expect(board.lines[0].contains("tikai lasīt"), "\(board.lines[0])")
        _ = board.press(.back)
        #expect(board.state.screen == .board)
        #expect(board.lines[0].contains("nokavētas:"), "the overdue count comes first: \(board.lines[0])")
        if size.0 >= 120 { #expect(board.lines[0].contains("tikai lasīt")) }
        // At every width the key bar says it, and offers no key that would change the store.
        let bar = board.lines[board.lines.count - 1]
        #expect(bar.hasSuffix("TIKAI LASĪT "), "\(bar)")
        for key in ["r ", "s ", "n ", "w ", "u "] { #expect(!bar.contains(" " + key), "\(key) in \(bar)") }
        let writable = try Self.driver(readOnly: false, width: size.0, height: size.1)
        #expect(!writable.lines[0].contains("tikai lasīt"))
        #expect(writable.lines[writable.lines.count - 1].contains(" r "), "the bar offers r where one may change")
        #expect(!writable.lines[writable.lines.count - 1].contains("TIKAI LASĪT"))
    }
}
