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

/// Issue 30: the linear board of `--screen-reader`, and one column on a narrow screen.
@Suite("The board for a screen reader and a phone")
struct LinearBoardTests {
    static func state(width: Int = 80, height: Int = 24, screenReader: Bool = true) throws -> AppState {
        let base = try BoardScreenTests.state(width: width, height: height)
        return AppState(snapshot: base.snapshot, today: base.today, width: width, height: height, screenReader: screenReader)
    }

    @Test("a card a line, its state in words first, the cursor on the selected one, a spoken line on top")
    func linearBoard() throws {
        var state = try Self.state()
        let canvas = CursorTests.frame(state)
        let body = canvas.lines[1..<(state.height - 2)].joined(separator: "\n")
        #expect(body.contains("Mērķis 1 no 7: 1. "), "\(body)")
        #expect(body.contains("kartīte 1 no 5"))
        // No box, band or glyph in the body: a screen reader reads words only.
        for glyph in ["│", "─", "▲", "●", "◀", "▶", "┌"] { #expect(!body.contains(glyph), "\(glyph)\n\(body)") }
        let cursor = try #require(canvas.cursor)
        let line = String(Array(canvas.lines[cursor.y])[cursor.x...])
        let first = try #require(state.plan.activity("1.1"))
        let words = StateWords.sentence(first, state.state(of: first), tracker: state.tracker, on: state.today, .lv)
        #expect(line.hasPrefix(words + " — 1.1 "), "\(line)")
        _ = reduce(&state, .command(.right))
        _ = reduce(&state, .command(.down))
        let next = CursorTests.frame(state)
        #expect(next.lines.joined().contains("Mērķis 2 no 7"))
        #expect(next.lines.joined().contains("kartīte 2 no 11"))
        let moved = try #require(next.cursor)
        #expect(String(Array(next.lines[moved.y])[moved.x...]).contains(" 2.2 "), "\(next.lines[moved.y])")
    }

    @Test("a click on a card's line selects it; a double click opens it")
    func linearClick() throws {
        var state = try Self.state()
        let canvas = CursorTests.frame(state)
        let row = try #require(canvas.lines.firstIndex { $0.contains(" 1.3 ") })
        _ = reduce(&state, .mouse(MouseEvent(.click, x: 10, y: row)))
        #expect(state.selectedActivity?.id == "1.3")
        _ = reduce(&state, .mouse(MouseEvent(.doubleClick, x: 10, y: row)))
        #expect(state.screen == .activity)
        #expect(state.activity.id == "1.3")
    }

    @Test("under 60 columns one column at a time, its titles whole; from 60 side by side", arguments: [40, 50, 59, 60, 80])
    func narrow(width: Int) throws {
        let state = try Self.state(width: width, height: 20, screenReader: false)
        #expect(state.visibleColumns.count == (width < 60 ? 1 : state.columnFit.count))
        if width >= 60 { #expect(state.visibleColumns.count > 1) }
    }
}

/// Issue 30: on a phone's 40 columns the key bar keeps the way out of a form, a search and a question.
@Suite("The key bar at 40 columns")
struct NarrowKeyBarTests {
    @Test("a form's bar at 40×12 keeps Esc and its word")
    func formKeepsEsc() throws {
        var state = try BoardScreenTests.state(width: 40, height: 12)
        _ = reduce(&state, .command(.record))
        #expect(state.form != nil)
        let bar = CursorTests.frame(state).lines[11]
        #expect(bar.contains("Esc atcelt"), "\(bar)")
        #expect(bar.contains("Enter saglabāt"), "\(bar)")
    }
}
