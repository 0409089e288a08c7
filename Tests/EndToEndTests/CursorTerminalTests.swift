import Foundation
import Testing
import SargsBoard
import TestSupport

/// Issue 30: the terminal's own cursor stands on the focused element and
/// moves with it, as a screen reader or a braille display follows it. Read
/// from tmux (`#{cursor_x},#{cursor_y}`) and checked against the text drawn there.
@Suite("The terminal's cursor on the focus", .serialized)
struct CursorTerminalTests {
    /// The board in Latvian, for a screen reader or not, in tmux's terminal or another (`linux`).
    func board(_ s: SargsProcess, width: Int = 80, height: Int = 24, screenReader: Bool = false, term: String = "tmux-256color") -> TmuxSession {
        var env = s.environment
        env["SARGS_LANG"] = "lv"
        if screenReader { env["SARGS_SCREEN_READER"] = "1" }
        return TmuxSession(width: width, height: height, command: SargsProcess.binary, environment: env, term: term)
    }

    /// The cursor's cell, and the text of its row from there on.
    func atCursor(_ t: TmuxSession) -> (x: Int, y: Int, text: String) {
        let x = Int(t.format("cursor_x")) ?? -1, y = Int(t.format("cursor_y")) ?? -1
        let lines = t.lines
        guard lines.indices.contains(y) else { return (x, y, "") }
        let row = Array(lines[y])
        return (x, y, x >= 0 && x <= row.count ? String(row[x...]) : "")
    }

    /// Waits until the text at the cursor satisfies `condition` (the cursor moves in the frame that draws it).
    func waitAtCursor(_ t: TmuxSession, _ condition: (String) -> Bool) -> (ok: Bool, text: String) {
        let deadline = Date().addingTimeInterval(5)
        var last = ""
        while Date() < deadline {
            last = atCursor(t).text
            if condition(last) { return (true, last) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return (false, last)
    }

    /// The id the status line names for the selected card (" 1.1 • …").
    func selectedID(_ t: TmuxSession) -> String {
        // The status line is the row above the key bar: row 22 of 24.
        let status = t.lines.count > 22 ? t.lines[22] : ""
        return status.split(separator: " ").first.map(String.init) ?? ""
    }

    @Test func theSelectedCardHoldsTheCursorAndItMovesWithIt() {
        let s = SargsProcess.madona(today: "2026-02-10")
        let t = board(s)
        #expect(t.wait(for: "1.1").ok)
        var moves = 0
        var expected = selectedID(t)
        for command in [Command.down, .down, .right, .down, .right, .end, .home] {
            t.press(command)
            // The selection changes (the status line names the new card), and the cursor reads the same id; a
            // key that moves nothing says so on the status line instead, and the cursor stays on the card.
            if t.wait(seconds: 2, until: { _ in selectedID(t) != expected }).ok {
                let now = selectedID(t)
                if now.first?.isNumber == true {
                    expected = now
                    moves += 1
                }
            }
            let id = expected
            let here = waitAtCursor(t) { $0.hasPrefix(id + " ") }
            #expect(here.ok, "after \(command): the cursor reads “\(here.text)”, the card is \(id)\n\(t.screen)")
        }
        #expect(moves >= 5, "the keys moved the selection")
        t.press(.quit)
    }

    @Test func aFormsFieldHoldsTheCursorAtTheInsertionPoint() {
        let s = SargsProcess.madona(today: "2026-02-10")
        let t = board(s)
        #expect(t.wait(for: "1.1").ok)
        t.press(.note)
        #expect(t.wait(for: "Piezīme: 1.1").ok)
        let before = atCursor(t)
        t.type("abc")
        #expect(t.wait(for: "abc").ok)
        let after = waitAtCursor(t) { _ in atCursor(t).x == before.x + 3 }
        #expect(after.ok, "typing moves the cursor: \(before) then \(atCursor(t))")
        #expect(atCursor(t).y == before.y)
        // The line of the field holds what was typed, just left of the cursor.
        let row = Array(t.lines[before.y])
        #expect(String(row[(before.x)..<(before.x + 3)]) == "abc", "\(t.lines[before.y])")
        t.press(.formCancel)
        let back = waitAtCursor(t) { $0.hasPrefix("1.1 ") }
        #expect(back.ok, "the card again: “\(back.text)”")
        t.press(.quit)
    }

    @Test func theAgendasLineTheSearchAndAQuestionHoldTheCursor() {
        let s = SargsProcess.madona(today: "2026-02-10")
        let t = board(s)
        #expect(t.wait(for: "1.1").ok)
        t.press(.agenda)
        #expect(t.wait(for: "darba kārtība").ok)
        let line = waitAtCursor(t) { $0.hasPrefix("▶") }
        #expect(line.ok, "the agenda's selected line: “\(line.text)”\n\(t.screen)")
        t.press(.down)
        let moved = waitAtCursor(t) { $0.hasPrefix("▶") }
        #expect(moved.ok && atCursor(t).y > 0)
        t.press(.back)
        #expect(t.wait { !$0.contains("darba kārtība") }.ok)
        t.press(.search)
        t.type("dro")
        #expect(t.wait(for: "Meklēt: dro").ok)
        let search = atCursor(t)
        #expect(search.y == 22, "the search line: \(search)")
        #expect(String(Array(t.lines[22])[..<search.x]).hasSuffix("dro"), "\(t.lines[22])")
        t.press(.searchClear)
        t.press(.quit)
    }

    @Test func everyOtherScreenHoldsTheCursorOnItsFocus() {
        let s = SargsProcess.madona(today: "2026-02-10")
        #expect(s.run(["meeting", "new", "--date", "2026-03-10"]).status == 0)
        let t = board(s)
        #expect(t.wait(for: "1.1").ok)
        // Each screen, by its key from the board, and the text the cursor must stand at.
        let screens: [(Command, String, (String) -> Bool)] = [
            (.open, "aktivitāte", { $0.hasPrefix("1.1 ") }),
            (.meetings, "sēdes", { $0.hasPrefix("▶ #1") }),
            (.institutions, "iestādes", { $0.hasPrefix("▶ SG ") }),
            (.journal, "žurnāls", { $0.hasPrefix("Izmaiņu žurnāls") }),
            (.indicators, "rādītāji", { $0.hasPrefix("Valsts policijā") }),
            (.help, "palīdzība", { $0.hasPrefix("Tāfelē") || $0.hasPrefix("Visur") }),
        ]
        for (command, title, focus) in screens {
            t.press(command)
            #expect(t.wait(for: title).ok, "\(title)\n\(t.screen)")
            let here = waitAtCursor(t, focus)
            #expect(here.ok, "\(title): the cursor reads “\(here.text)”\n\(t.screen)")
            t.press(.back)
            #expect(waitAtCursor(t) { $0.hasPrefix("1.1 ") }.ok, "back on the board's card after \(title)")
        }
        // Within a list the cursor follows the selection.
        t.press(.institutions)
        #expect(waitAtCursor(t) { $0.hasPrefix("▶ SG ") }.ok)
        t.press(.down)
        #expect(waitAtCursor(t) { $0.hasPrefix("▶ IN ") }.ok, "\(t.screen)")
        t.press(.back)
        // Chair mode: the item at hand.
        t.press(.agenda)
        #expect(t.wait(for: "darba kārtība").ok)
        // The planned meeting's agenda: chair mode opens at once.
        t.press(.chair)
        #expect(t.wait(for: "sēdes vadīšana").ok, "\(t.screen)")
        #expect(waitAtCursor(t) { $0.hasPrefix("2.1 ") }.ok, "chair mode's item: “\(atCursor(t).text)”\n\(t.screen)")
        t.press(.right)
        #expect(waitAtCursor(t) { $0.hasPrefix("2.2 ") }.ok, "the next item: “\(atCursor(t).text)”\n\(t.screen)")
        t.press(.quit)
    }

    @Test func aQuestionHoldsTheCursor() {
        let s = SargsProcess.madona(today: "2026-02-10")
        #expect(s.run(["record", "1.1", "--date", "2026-02-01"]).status == 0)
        let t = board(s)
        #expect(t.wait(for: "1.1").ok)
        t.press(.undo)
        #expect(t.wait(for: "Atsaukt").ok)
        let question = waitAtCursor(t) { $0.hasPrefix("Atsaukt") }
        #expect(question.ok, "“\(question.text)”\n\(t.screen)")
        t.press(.confirmNo)
        t.press(.quit)
    }
}

/// Issue 30: `--screen-reader` in a real terminal.
@Suite("The board with --screen-reader", .serialized)
struct ScreenReaderTerminalTests {
    @Test func theCursorIsShownOnTheSelectedCardsLine() {
        let s = SargsProcess.madona(today: "2026-02-10")
        let t = CursorTerminalTests().board(s, screenReader: true)
        #expect(t.wait(for: "kartīte 1 no 5").ok, "\(t.screen)")
        #expect(t.format("cursor_flag") == "1", "the cursor is shown")
        let cursor = CursorTerminalTests()
        let first = cursor.waitAtCursor(t) { $0.hasPrefix("Nokavēta par 41 dienu — 1.1 ") }
        #expect(first.ok, "“\(first.text)”")
        t.press(.down)
        let second = cursor.waitAtCursor(t) { $0.hasPrefix("Nokavēta par 41 dienu — 1.2 ") }
        #expect(second.ok, "“\(second.text)”\n\(t.screen)")
        #expect(t.screen.contains("kartīte 2 no 5"))
        t.press(.quit)
    }

    @Test func theAgendaAFormAndAMessageAreReadAtTheCursor() {
        let s = SargsProcess.madona(today: "2026-02-10")
        let t = CursorTerminalTests().board(s, screenReader: true)
        let cursor = CursorTerminalTests()
        #expect(t.wait(for: "kartīte 1 no 5").ok, "\(t.screen)")
        t.press(.agenda)
        #expect(t.wait(for: "darba kārtība: jautājums 1 no ").ok, "\(t.screen)")
        #expect(cursor.waitAtCursor(t) { $0.hasPrefix("2.1 — SG — nokavēts") }.ok, "“\(cursor.atCursor(t).text)”\n\(t.screen)")
        t.press(.down)
        #expect(t.wait(for: "darba kārtība: jautājums 2 no ").ok)
        #expect(cursor.waitAtCursor(t) { $0.hasPrefix("2.2 — SG — nokavēts") }.ok, "“\(cursor.atCursor(t).text)”\n\(t.screen)")
        t.press(.back)
        // A form: the line at the cursor names its field; a save's message is read where the cursor goes.
        t.press(.record)
        #expect(t.wait(for: "Izpilde: 1.1").ok, "\(t.screen)")
        #expect(cursor.waitAtCursor(t) { _ in t.lines[cursor.atCursor(t).y].contains("Datums") }.ok, "\(t.screen)")
        t.press(.formSave)
        #expect(cursor.waitAtCursor(t) { $0.hasPrefix("Izpilde pierakstīta: 1.1") }.ok, "“\(cursor.atCursor(t).text)”\n\(t.screen)")
        t.press(.down)
        let back = cursor.waitAtCursor(t) { !$0.hasPrefix("Izpilde pierakstīta") && !$0.isEmpty }
        #expect(back.ok, "back on a card: “\(back.text)”")
        t.press(.quit)
    }
}

/// Issue 30: the board on the Linux console (`TERM=linux`: 8 colours, a
/// font of 512 glyphs), drawn with what its fonts hold.
@Suite("The board on the Linux console", .serialized)
struct LinuxConsoleTerminalTests {
    @Test func everyScreenIsDrawnWithTheConsolesGlyphs() {
        let s = SargsProcess.madona(today: "2026-02-10")
        let t = CursorTerminalTests().board(s, term: "linux")
        #expect(t.wait(for: "nokavētas: 26").ok, "\(t.screen)")
        #expect(t.wait(for: "▲ nokavēta").ok, "the badges in the console's glyphs:\n\(t.screen)")
        #expect(LinuxConsoleFont.missing(in: t.screen).isEmpty, "\(LinuxConsoleFont.missing(in: t.screen))\n\(t.screen)")
        // The cursor on the selected card, as in any terminal.
        let cursor = CursorTerminalTests()
        #expect(cursor.waitAtCursor(t) { $0.hasPrefix("1.1 ") }.ok, "\(t.screen)")
        for (key, title) in [(Command.open, "aktivitāte"), (.agenda, "darba kārtība"), (.meetings, "sēdes"), (.institutions, "iestādes"),
                             (.journal, "žurnāls"), (.indicators, "rādītāji"), (.help, "palīdzība")] {
            t.press(key)
            #expect(t.wait(for: title).ok, "\(title)\n\(t.screen)")
            if key == .help {
                // The legend of the badges, at the end of help: each glyph one the console draws.
                t.press(.end)
                #expect(t.wait(for: "☐ atvērta").ok, "\(t.screen)")
            }
            #expect(LinuxConsoleFont.missing(in: t.screen).isEmpty, "\(title): \(LinuxConsoleFont.missing(in: t.screen))\n\(t.screen)")
            t.press(.back)
            #expect(t.wait(for: "nokavētas: 26").ok, "\(t.screen)")
        }
        t.press(.record)
        #expect(t.wait(for: "Izpilde: 1.1").ok, "\(t.screen)")
        #expect(LinuxConsoleFont.missing(in: t.screen).isEmpty, "the form: \(LinuxConsoleFont.missing(in: t.screen))\n\(t.screen)")
        t.press(.quit)
    }
}
