import Foundation
@testable import SargsBoard
import SargsCore
import Testing
import TestSupport

/// Issue 30: every screen leaves the terminal's cursor on its focus, inside
/// the body, where the drawing put what is selected.
@Suite("The cursor on every screen")
struct CursorTests {
    static func frame(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        render(state, into: &canvas)
        return canvas
    }

    @Test("each screen reached by its key puts the cursor in the body", arguments: [(80, 24), (120, 40), (200, 60)])
    func everyScreen(size: (Int, Int)) throws {
        let commands: [Command] = [.open, .agenda, .meetings, .institutions, .journal, .indicators, .help]
        for command in commands {
            var state = try BoardScreenTests.state(width: size.0, height: size.1)
            _ = reduce(&state, .command(command))
            let canvas = Self.frame(state)
            let cursor = try #require(canvas.cursor, "\(state.screen)")
            #expect(state.frame.body.contains(x: cursor.x, y: cursor.y), "\(state.screen): \(cursor)")
        }
    }

    @Test("the board's cursor is on the selected card's id, and follows it")
    func boardCursorOnTheCard() throws {
        var state = try BoardScreenTests.state(width: 120, height: 40)
        for _ in 0..<3 {
            let canvas = Self.frame(state)
            let cursor = try #require(canvas.cursor)
            let id = try #require(state.selectedActivity?.id)
            let row = canvas.lines[cursor.y]
            let text = String(Array(row)[cursor.x...])
            #expect(text.hasPrefix(id + " "), "\(text)")
            _ = reduce(&state, .command(.down))
        }
    }
}
