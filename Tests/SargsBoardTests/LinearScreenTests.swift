import Foundation
@testable import SargsBoard
import SargsCore
@testable import SargsStore
import Testing
import TestSupport

/// Issue 30: every screen for a screen reader (one element a line, words
/// not glyphs, nothing cut) and on a phone's terminal (40×12, 50×20).
@Suite("Every screen for a screen reader and a small terminal")
struct LinearScreenTests {
    /// A board with two meetings and decisions (`FollowUpTests.twoMeetings`) on 2025-12-10.
    static func driver(width: Int, height: Int, screenReader: Bool, language: Language = .lv,
                       glyphs: Glyphs = .unicode) throws -> BoardDriver<MemoryServices> {
        let day = Day("2025-12-10")!
        let services = MemoryServices(store: try Store.seeded(FollowUpTests.twoMeetings()), today: day)
        let state = AppState(snapshot: try services.snapshot, today: day, language: language, glyphs: glyphs, width: width, height: height,
                             author: "chair", screenReader: screenReader)
        return BoardDriver(state, services: services)
    }

    /// Each screen, reached as a person reaches it, by its keys from the board.
    static let routes: [(Screen, [Command])] = [
        (.board, []), (.activity, [.open]), (.agenda, [.agenda]), (.chair, [.agenda, .chair]),
        (.meetings, [.meetings]), (.meeting, [.meetings, .open]), (.decision, [.agenda, .end, .open]),
        (.institutions, [.institutions]), (.journal, [.journal]), (.indicators, [.indicators]), (.help, [.help]),
    ]

    /// Box drawing, blocks, geometric shapes and marks: what a screen reader would read aloud as noise.
    static func decoration(in text: String) -> [Character] {
        text.filter { $0.unicodeScalars.contains { (0x2500...0x27BF).contains($0.value) } }
    }

    @Test("for a screen reader every screen has no frame, bar or glyph, keeps the cursor in the body, and its words whole",
          arguments: [(40, 12), (50, 20), (80, 24)])
    func screenReader(size: (Int, Int)) throws {
        for (screen, keys) in Self.routes {
            var board = try Self.driver(width: size.0, height: size.1, screenReader: true)
            for key in keys { board.press(key) }
            #expect(board.state.screen == screen, "\(keys) reach \(screen), not \(board.state.screen)")
            let canvas = board.frame()
            let text = canvas.lines.joined(separator: "\n")
            #expect(Self.decoration(in: text).isEmpty, "\(screen) at \(size): \(Self.decoration(in: text))\n\(text)")
            // Nothing cut at the right edge: no row of the body ends in the ellipsis of a cut.
            for row in canvas.lines.dropFirst().dropLast(2) {
                #expect(!row.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(screen) at \(size) cut a line:\n\(text)")
            }
            let cursor = try #require(canvas.cursor, "\(screen)")
            #expect(cursor.y >= 1 && cursor.y < size.1 - 1, "\(screen): \(cursor)")
            #expect(canvas.lines[size.1 - 1].contains("?"), "\(screen) at \(size): help stays on the key bar")
        }
    }

    @Test("on a small terminal every screen keeps its header, a key bar with help, and the cursor in the body",
          arguments: [(40, 12), (50, 20), (80, 24)])
    func smallTerminal(size: (Int, Int)) throws {
        for (screen, keys) in Self.routes {
            var board = try Self.driver(width: size.0, height: size.1, screenReader: false)
            for key in keys { board.press(key) }
            #expect(board.state.screen == screen)
            let canvas = board.frame()
            #expect(canvas.lines.allSatisfy { $0.displayWidth <= size.0 })
            #expect(!canvas.lines[0].trimmingCharacters(in: .whitespaces).isEmpty, "\(screen): a header")
            #expect(canvas.lines[size.1 - 1].contains("?"), "\(screen) at \(size): \(canvas.lines[size.1 - 1])")
            let cursor = try #require(canvas.cursor, "\(screen)")
            #expect(state(board).frame.body.contains(x: cursor.x, y: cursor.y), "\(screen) at \(size): \(cursor)")
        }
    }

    private func state(_ board: BoardDriver<MemoryServices>) -> AppState { board.state }

    @Test("on the Linux console every screen is drawn with characters its fonts hold", arguments: [(80, 24), (120, 40)])
    func linuxConsole(size: (Int, Int)) throws {
        for (screen, keys) in Self.routes {
            var board = try Self.driver(width: size.0, height: size.1, screenReader: false, glyphs: .linuxConsole)
            for key in keys { board.press(key) }
            #expect(LinuxConsoleFont.missing(in: board.screen).isEmpty, "\(screen): \(LinuxConsoleFont.missing(in: board.screen))\n\(board.screen)")
            board.press(.record)
            #expect(LinuxConsoleFont.missing(in: board.screen).isEmpty, "\(screen), a form: \(LinuxConsoleFont.missing(in: board.screen))")
        }
        let glyphs = Glyphs.linuxConsole
        let all = [glyphs.ellipsis, glyphs.overdue, glyphs.open, glyphs.upcoming, glyphs.onTrack, glyphs.finished, glyphs.done, glyphs.dropped,
                   glyphs.blocked, glyphs.asNeeded, glyphs.behindPace, glyphs.windowMet, glyphs.windowMissed, glyphs.windowWaived,
                   glyphs.windowOpen, glyphs.windowFuture, glyphs.arrowLeft, glyphs.arrowRight, glyphs.arrowDown, glyphs.arrowUp,
                   glyphs.horizontal, glyphs.vertical, glyphs.bullet, glyphs.cursor, glyphs.dash, glyphs.emDash].joined()
            + glyphs.corners.joined() + glyphs.eighths.joined()
        #expect(LinuxConsoleFont.missing(in: all).isEmpty, "\(LinuxConsoleFont.missing(in: all))")
        #expect(LinuxConsoleFont.missing(in: Glyphs.unicode.open + Glyphs.unicode.done) == ["○", "✓"], "the check can fail")
    }

    @Test("the agenda for a screen reader: the header says the position, every title is whole, the cursor follows the item")
    func agenda() throws {
        var board = try Self.driver(width: 60, height: 24, screenReader: true)
        board.press(.agenda)
        let count = board.state.draftOrder.count
        #expect(board.lines[0].contains("darba kārtība: jautājums 1 no \(count)"), "\(board.lines[0])")
        board.press(.down)
        #expect(board.lines[0].contains("darba kārtība: jautājums 2 no \(count)"), "\(board.lines[0])")
        // The item's whole title is on the screen, wrapped at words, not cut.
        let second = try #require(board.state.plan.activity(board.state.draftOrder[1]))
        let body = board.lines.dropFirst().joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(body.contains(second.name(in: .lv).split(separator: " ").joined(separator: " ")), "\(board.screen)")
        // The cursor on the line that starts with the item's id, the columns read with pauses.
        let canvas = board.frame()
        let cursor = try #require(canvas.cursor)
        #expect(String(Array(canvas.lines[cursor.y])[cursor.x...]).hasPrefix("\(second.id) — "), "\(board.screen)")
        board.press(.end)
        #expect(board.lines[0].contains("lēmums 2 no 2"), "the open decisions are counted apart: \(board.lines[0])")
    }

    @Test("a click on a wrapped agenda line in the linear view selects the item drawn there")
    func linearClick() throws {
        var board = try Self.driver(width: 44, height: 24, screenReader: true)
        board.press(.agenda)
        let canvas = board.frame()
        let third = board.state.draftOrder[2]
        let row = try #require(canvas.lines.firstIndex { $0.hasPrefix(" \(third) — ") })
        // The row under it is the same item's wrapped words: a click there selects it too.
        _ = board.send(.mouse(MouseEvent(.click, x: 5, y: row + 1)))
        #expect(board.state.agenda.draft?.cursor == 2, "\(board.screen)")
    }

    @Test("the meetings and institutions say the position in the header; the list has no arrow")
    func lists() throws {
        var board = try Self.driver(width: 80, height: 24, screenReader: true)
        board.press(.meetings)
        #expect(board.lines[0].contains("sēdes: sēde 1 no 2"), "\(board.lines[0])")
        #expect(!board.screen.contains("▶"))
        board.press(.back)
        board.press(.institutions)
        board.press(.down)
        #expect(board.lines[0].contains("iestādes: iestāde 2 no "), "\(board.lines[0])")
    }

    @Test("under 60 columns a form stacks each label over its value; for a screen reader the label stays beside it, the form is the whole screen, unframed")
    func stackedForm() throws {
        for (width, reader) in [(50, false), (80, true), (40, true)] {
            var board = try Self.driver(width: width, height: 24, screenReader: reader)
            board.state.select("2.1")
            board.press(.record)
            board.press(.formNext)
            let lines = board.lines
            let label = try #require(lines.firstIndex { $0.contains("Skaits") }, "\(board.screen)")
            let cursor = try #require(board.frame().cursor)
            if reader {
                // The line at the cursor names the field, empty as it is.
                #expect(cursor.y == label, "\(width): the cursor on the label's line:\n\(board.screen)")
                #expect(Self.decoration(in: board.screen).isEmpty, "\(board.screen)")
                // Nothing of the board behind the form is read beside its lines.
                #expect(!lines[1..<(lines.count - 2)].contains { $0.contains("Mērķis") || $0.contains("kartīte") }, "\(board.screen)")
            } else {
                #expect(cursor.y == label + 1, "the cursor in the value under its label:\n\(board.screen)")
                let date = try #require(lines.firstIndex { $0.contains("Datums") })
                #expect(!lines[date].contains("2025-12-10") && lines[date + 1].contains("2025-12-10"), "\(board.screen)")
            }
        }
    }

    @Test("for a screen reader a screen of text scrolls to its last wrapped line at 40×12, and no further", arguments: [Command.journal, .help, .indicators])
    func scrollsToTheEnd(_ entry: Command) throws {
        var board = try Self.driver(width: 40, height: 12, screenReader: true)
        board.press(entry)
        board.press(.end)
        #expect(!board.screen.contains("zemāk"), "nothing left below at the end:\n\(board.screen)")
        let end = board.state.scroll
        board.press(.down)
        #expect(board.state.scroll == end)
        #expect(board.state.message?.phrase.lv.contains("beigas") == true)
        board.press(.up)
        #expect(board.state.scroll == end - 1, "↑ after End moves at once")
    }

    @Test("for a screen reader moving the selection rewrites no card's line, only the words that change (the header, the spoken line, the status line)",
          arguments: [Screen.board, .agenda, .institutions])
    func moveRewritesNoCard(_ screen: Screen) throws {
        var board = try Self.driver(width: 80, height: 24, screenReader: true)
        switch screen {
        case .agenda: board.press(.agenda)
        case .institutions: board.press(.institutions)
        default: break
        }
        func row(_ canvas: Canvas, _ y: Int) -> [String] {
            (0..<canvas.width).map { "\(canvas.lines[y].dropFirst($0).first.map(String.init) ?? "")\(String(describing: canvas.role(atX: $0, y: y)))" }
        }
        let before = board.frame()
        board.press(.down)
        let after = board.frame()
        let changed = (0..<24).filter { row(before, $0) != row(after, $0) }
        let words = changed.filter { y in !(after.lines[y].hasPrefix(" Mērķis") || after.lines[y].contains("kartīte") || y == 0 || y >= 22) }
        let shown = words.map { "\(before.lines[$0])\n\(after.lines[$0])" }.joined(separator: "\n")
        #expect(words.isEmpty, "\(screen): rows \(words) changed:\n\(shown)")
        #expect(before.cursor?.y != after.cursor?.y, "the cursor moved")
    }

    @Test("for a screen reader a form's refusal holds the cursor until the next key, without a glyph")
    func formRefusalAtTheCursor() throws {
        var board = try Self.driver(width: 80, height: 24, screenReader: true)
        board.state.select("2.4")
        board.press(.record)
        board.press(.formNext)
        board.type("0")
        board.press(.formSave)
        let canvas = board.frame()
        let cursor = try #require(canvas.cursor)
        #expect(canvas.lines[cursor.y].contains("skaitam jābūt") || canvas.lines[cursor.y].contains("jābūt veselam"), "\(board.screen)")
        #expect(!board.screen.contains("▲"))
        board.key(.backspace)
        let back = try #require(board.frame().cursor)
        #expect(board.lines[back.y].contains("Skaits"), "back in the field:\n\(board.screen)")
    }

    @Test("at 40 columns the board's bar keeps Enter and r (the screen's own keys) and chair mode's its outcomes, in both languages; help and quit stay")
    func phoneKeyBar() throws {
        for language in [Language.lv, .en] {
            var board = try Self.driver(width: 40, height: 12, screenReader: false, language: language)
            let bar = board.lines[11]
            #expect(bar.contains("Enter ") && bar.contains("r ") && bar.contains("? ") && bar.contains("q "), "\(language): \(bar)")
            board.press(.agenda)
            board.press(.chair)
            let chair = board.lines[11]
            #expect(!chair.contains("Esc ") && chair.contains("? ") && chair.contains("q "), "\(language): \(chair)")
        }
    }

    @Test("under 60 columns the agenda's lines wrap: each item's title whole, never two items read alike")
    func phoneAgenda() throws {
        var board = try Self.driver(width: 44, height: 20, screenReader: false)
        board.press(.agenda)
        for i in 0..<3 {
            let activity = try #require(board.state.plan.activity(board.state.draftOrder[i]))
            let words = board.lines.dropFirst().dropLast(2).joined(separator: " ").split(separator: " ").joined(separator: " ")
            #expect(words.contains(activity.name(in: .lv).split(separator: " ").joined(separator: " ")), "\(activity.id):\n\(board.screen)")
            board.press(.down)
        }
        #expect(!board.screen.contains("…"), "\(board.screen)")
    }

    @Test("a stacked form on a short screen draws no value over its frame")
    func stackedFormKeepsItsFrame() throws {
        var board = try Self.driver(width: 40, height: 12, screenReader: false)
        board.press(.filter)
        let canvas = board.frame()
        let bottom = try #require(canvas.lines.lastIndex { $0.contains("┘") })
        #expect(!canvas.lines[bottom].contains("(visi)"), "\(board.screen)")
    }

    @Test("for a screen reader ↓ on a screen of text moves the cursor to the next line, and the view follows it", arguments: [Command.help, .journal, .open])
    func readingLine(_ entry: Command) throws {
        var board = try Self.driver(width: 80, height: 24, screenReader: true)
        board.press(entry)
        let lines = board.state.screen.feature is any TextFeature.Type
            ? (board.state.screen.feature as! any TextFeature.Type).lines(board.state, width: 78) : []
        #expect(lines.count > 8, "\(lines.count)")
        for n in [1, 2, 7, 10, 24, lines.count - 1] where n < lines.count {
            while board.state.scroll < n {
                let before = board.state.scroll
                board.press(.down)
                if board.state.scroll == before { break }
            }
            let canvas = board.frame()
            let cursor = try #require(canvas.cursor)
            #expect(cursor.y >= 1 && cursor.y < 22)
            let want = Self.linear(lines[n])
            let here = String(Array(canvas.lines[cursor.y])[cursor.x...]).trimmingCharacters(in: .whitespaces)
            #expect(want.isEmpty ? here.isEmpty : want.hasPrefix(here.prefix(20)), "line \(n): “\(here)” for “\(want)”")
        }
    }

    /// A line as the linear drawing shows its first row's words.
    static func linear(_ pieces: [(String, Role)]) -> String {
        LinearText.rows(pieces, width: 78).first.map { $0.map(\.0).joined() }?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    @Test("for a screen reader a new message holds the cursor until the next key; the board's position is in the header")
    func messageAndPosition() throws {
        var board = try Self.driver(width: 80, height: 24, screenReader: true)
        #expect(board.lines[0].contains("mērķis 1 no 7, kartīte 1 no "), "\(board.lines[0])")
        board.press(.down)
        #expect(board.lines[0].contains("kartīte 2 no "), "\(board.lines[0])")
        board.state.select("2.1")
        board.press(.record)
        board.press(.formSave)
        let canvas = board.frame()
        let cursor = try #require(canvas.cursor)
        #expect(canvas.lines[cursor.y].contains("Izpilde pierakstīta"), "\(board.screen)")
        board.press(.down)
        let after = board.frame()
        #expect(after.cursor.map { after.lines[$0.y].contains("Izpilde pierakstīta") } == false, "back on the focus:\n\(board.screen)")
    }

}

/// Issue 30: a line of a screen wrapped for a screen reader.
@Suite("Lines for a screen reader")
struct LinearTextTests {
    static func text(_ rows: [[(String, Role)]]) -> [String] { rows.map { $0.map(\.0).joined() } }

    @Test("every word is kept, wrapped under an indent; column gaps are pauses; decoration goes")
    func wrapping() {
        let rows = Self.text(LinearText.rows([("▶ ", .cardSelected), ("2.1   ", .emphasis), ("▲ nokavēts 316 d.", .badgeOverdue),
                                              ("  Materiāla par pozitīvas disciplinēšanas pamatprincipiem izstrāde", .dim)], width: 40))
        #expect(rows == ["2.1 — nokavēts 316 d. — Materiāla par", "  pozitīvas disciplinēšanas", "  pamatprincipiem izstrāde"], "\(rows)")
        #expect(rows.allSatisfy { $0.displayWidth <= 40 })
    }

    @Test("a line's own indent stays, an empty line is one empty row, a word wider than the row is broken, not lost")
    func edges() {
        #expect(Self.text(LinearText.rows([], width: 20)) == [""])
        #expect(Self.text(LinearText.rows([("   ", .background)], width: 20)) == [""])
        #expect(Self.text(LinearText.rows([("    Nr. 1 · SD", .dim)], width: 20)) == ["    Nr. 1 — SD"])
        let long = String(repeating: "x", count: 25)
        let rows = Self.text(LinearText.rows([("a " + long, .background)], width: 10))
        #expect(rows.joined().filter { $0 == "x" }.count == 25, "\(rows)")
        #expect(rows.allSatisfy { $0.displayWidth <= 10 }, "\(rows)")
        // An address too long for a row breaks after a "/" where it can.
        let link = Self.text(LinearText.rows([("Saite  https://sirdsapzinasskola.lv/attiecibu-pamats/", .dim)], width: 30))
        #expect(link == ["Saite —", "  https://sirdsapzinasskola.", "  lv/attiecibu-pamats/"], "\(link)")
        // A percent sign never starts a row.
        #expect(Self.text(LinearText.rows([("Piekrīt, ka zināšanas ir — 10,3 %", .dim)], width: 31)) == ["Piekrīt, ka zināšanas ir —", "  10,3 %"])
        // A bar between a label and its value is decoration; the value stays.
        #expect(Self.text(LinearText.rows([("  2022 ", .dim), ("█████▍", .chart), (" 6 gadījumi", .progress)], width: 40)) == ["  2022 6 gadījumi"])
    }

    @Test("the roles stay with their words")
    func roles() {
        let rows = LinearText.rows([("Stāvoklis     ", .dim), ("nokavēta", .badgeOverdue)], width: 40)
        let words = rows[0].filter { !$0.0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(words.map(\.0) == ["Stāvoklis", "—", "nokavēta"])
        #expect(words.first?.1 == .dim && words.last?.1 == .badgeOverdue)
    }
}
