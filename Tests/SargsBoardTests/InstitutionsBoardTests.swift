import Foundation
@testable import SargsBoard
import SargsCore
import Testing
import TestSupport

/// Issue 15 on the board: `E` lists the institutions with their mailboxes;
/// Enter changes the one under the cursor, checked like the command line.
@Suite("The institutions screen")
struct InstitutionsBoardTests {
    static func driver(width: Int = 100, height: Int = 30, readOnly: Bool = false) throws -> BoardDriver<NoServices> {
        var state = try BoardScreenTests.state(width: width, height: height)
        state.readOnly = readOnly
        _ = reduce(&state, .resize(width: width, height: height))
        var driver = BoardDriver(state)
        _ = driver.press(.institutions)
        return driver
    }

    @Test("E lists every institution with its mailbox or its lack; the cursor moves and stays in the list")
    func list() throws {
        var board = try Self.driver()
        #expect(board.state.screen == .institutions)
        let screen = board.screen
        #expect(screen.contains("Iestādes un to e-pasti"))
        #expect(screen.contains("SD    Sociālais dienests"), "\(screen)")
        #expect(screen.contains("(nav e-pasta)"))
        _ = board.press(.end)
        #expect(board.state.institutions.cursor == board.state.plan.allInstitutions.count - 1)
        _ = board.press(.down)
        #expect(board.state.institutions.cursor == board.state.plan.allInstitutions.count - 1)
        _ = board.press(.home)
        #expect(board.state.institutions.cursor == 0)
        for size in [(80, 24), (120, 40), (200, 60)] {
            let small = try Self.driver(width: size.0, height: size.1)
            #expect(small.lines[0].contains("iestādes"), "\(small.lines[0])")
            #expect(small.lines.contains { $0.contains("VPD") }, "every institution in view at \(size)")
        }
    }

    @Test("Enter opens the mailbox form; a valid address is saved, an empty one removes it, a wrong one is refused in the form")
    func edit() throws {
        var board = try Self.driver()
        let sd = try #require(board.state.plan.allInstitutions.firstIndex { $0.code == "SD" })
        for _ in 0..<sd { _ = board.press(.down) }
        _ = board.press(.open)
        #expect(board.state.form?.kind == .institutionEmail("SD"))
        board.type("sd at example.lv")
        #expect(board.press(.formSave).isEmpty)
        #expect(board.state.form?.error?.en.contains("is not an e-mail address") == true)
        _ = board.key(.control("u"))
        board.type("socialais.dienests@example.lv")
        #expect(board.press(.formSave) == [.save(.institutionEmail("SD", "socialais.dienests@example.lv"))])

        var again = try Self.driver()
        _ = again.press(.open)
        #expect(again.state.form?.kind == .institutionEmail("SG"))
        #expect(again.press(.formSave) == [.save(.institutionEmail("SG", nil))], "an empty address removes it")
    }

    @Test("on a store that may only be read, Enter says why instead of opening the form")
    func readOnly() throws {
        var board = try Self.driver(readOnly: true)
        #expect(board.press(.open).isEmpty)
        #expect(board.state.form == nil)
        #expect(board.state.message?.phrase.lv.contains("tikai lasīt") == true)
    }

    @Test("a saved mailbox says so on the status line")
    func notice() {
        #expect(SavedChange.institutionEmail("SD", "sd@example.lv", changed: true).notice.lv == "SD: e-pasts sd@example.lv")
        #expect(SavedChange.institutionEmail("SD", nil, changed: true).notice.en == "SD: mailbox removed")
        #expect(SavedChange.institutionEmail("SD", "sd@example.lv", changed: false).notice.en.contains("nothing changed"))
    }
}
