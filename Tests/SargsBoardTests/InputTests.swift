import Foundation
@testable import SargsBoard
import SargsCore
import Testing
import TestSupport

/// Input that is not a key: a paste is text inserted whole, never commands;
/// notes and decisions take several lines; the mouse selects, opens,
/// scrolls and presses the key bar.
@Suite("Paste, lines and the mouse")
struct InputTests {
    static let plan = LoopTests.plan

    func driver(width: Int = 120, height: Int = 40, today: String = "2025-07-01") throws -> (BoardDriver<MemoryServices>, MemoryServices) {
        try LoopTests.driver(Snapshot(plan: Self.plan), today: today, width: width, height: height)
    }

    @Test("a paste of two lines into the note form is one note with both lines; the pasted 'u' is text, not undo")
    func pasteIntoANote() throws {
        var (board, services) = try driver()
        board.state.select("1.1")
        board.press(.note)
        #expect(board.send(.paste("sarunāts ar skolu\nu")).isEmpty)
        #expect(board.state.form?["note"] == "sarunāts ar skolu\nu")
        board.press(.formSave)
        #expect(try services.snapshot.notes.map(\.text) == ["sarunāts ar skolu\nu"])
        #expect(board.state.message?.phrase.lv == "Piezīme pievienota: 1.1")
        // 200 lines, Windows line ends included: one note, every line.
        board.press(.note)
        let lines = (1...200).map { "rinda \($0)" }
        board.send(.paste(lines.joined(separator: "\r\n")))
        board.press(.formSave)
        #expect(try services.snapshot.notes.count == 2)
        #expect(try services.snapshot.notes.last?.text == lines.joined(separator: "\n"))
    }

    @Test("a paste longer than the field's limit is refused whole with the limit named; the field is as it was")
    func pasteOverTheLimit() throws {
        var (board, _) = try driver()
        board.state.select("1.1")
        board.press(.note)
        board.type("sākums")
        board.send(.paste(String(repeating: "x", count: FormField.multilineLimit)))
        #expect(board.state.form?["note"] == "sākums")
        #expect(board.state.form?.error?.lv == "ielīmētais teksts ir par garu: laukā var būt līdz 10000 rakstzīmēm, būtu 10006; nekas netika ielīmēts")
        // Typing stops at the limit too, and says so.
        board.state.form?.set("note", text: String(repeating: "y", count: FormField.multilineLimit))
        board.key(.character("z"))
        #expect(board.state.form?.error?.en == "the field holds up to 10000 characters")
        #expect(board.state.form?["note"].count == FormField.multilineLimit)
    }

    @Test("a one-line field takes a paste of several lines as one line; Ctrl-J there says why not")
    func oneLineField() throws {
        var (board, _) = try driver()
        board.state.select("1.1")
        board.press(.record)
        board.state.form?.set("date", text: "")
        board.send(.paste("2025-\n06-30"))
        #expect(board.state.form?["date"] == "2025- 06-30")
        board.key(.control("j"))
        #expect(board.state.form?.error?.lv == "šim laukam ir viena rinda; rindas var dalīt piezīmēs un lēmumos")
        // In the note field below it, Alt-Enter and Ctrl-J break the line.
        board.state.form?.focus = 2
        board.type("a")
        board.key(.altEnter)
        board.type("b")
        board.key(.control("j"))
        board.type("c")
        #expect(board.state.form?["note"] == "a\nb\nc")
        // The form grows with its lines and the bar names the key.
        let rows = board.lines.map { $0.replacingOccurrences(of: " ", with: "") }
        let note = try #require(rows.firstIndex { $0.contains("│Piezīmea│") }, "\(board.screen)")
        #expect(rows[note + 1].contains("│b│") && rows[note + 2].contains("│c│"), "\(board.screen)")
        #expect(board.lines.last?.contains("Alt-Enter jauna rinda") == true)
        board.state.form?.focus = 0
        #expect(board.lines.last?.contains("Alt-Enter") == false, "a one-line field's bar has no line break")
    }

    @Test("outside a field a paste runs nothing: on the board it searches its first line; elsewhere it says why")
    func pasteOutsideAField() throws {
        var (board, services) = try driver()
        let before = try services.snapshot
        #expect(board.send(.paste("reidus\nu\nx\nq")).isEmpty)
        #expect(board.state.searching && board.state.filter.text == "reidus u x q", "the search line is one line: the paste's lines joined")
        #expect(try services.snapshot == before)
        #expect(!board.state.quitting)
        board.press(.searchClear)
        board.state.select("1.1")
        board.press(.open)
        board.send(.paste("u"))
        #expect(board.state.message?.phrase.lv == "ielīmēt var laukā (formā) vai meklēšanā; nekas netika mainīts")
        #expect(board.state.screen == .activity)
        // A question waits: a paste never answers it.
        board.press(.undo)
        board.send(.undoFound(JournalEntry(id: 1, time: Date(), author: "chair", action: "note", subject: "1.1")))
        board.send(.paste("y"))
        #expect(board.state.confirmation != nil)
        #expect(board.state.message?.phrase.lv == "ielīmētais netika izmantots; atbildiet uz jautājumu: y — atsaukt, n — nē")
    }

    @Test("the mouse on the board: a click selects the card under it, a double click opens it, the wheel moves in its column")
    func mouseOnTheBoard() throws {
        var (board, _) = try driver(width: 100, height: 30)
        // Columns are 24 wide with a gap of 1; the column titles take two rows, so cards start on row 4, 6 rows apart.
        board.send(.mouse(MouseEvent(.click, x: 30, y: 4)))
        #expect(board.state.selectedActivity?.id == "2.1")
        board.send(.mouse(MouseEvent(.click, x: 3, y: 10)))
        #expect(board.state.selectedActivity?.id == "1.2")
        board.send(.mouse(MouseEvent(.wheelDown, x: 55, y: 12)))
        #expect(board.state.selectedActivity?.id == "3.2", "the wheel over column 3 moves in it")
        board.send(.mouse(MouseEvent(.wheelUp, x: 55, y: 12)))
        #expect(board.state.selectedActivity?.id == "3.1")
        // The blank row between cards selects nothing.
        board.send(.mouse(MouseEvent(.click, x: 30, y: 9)))
        #expect(board.state.selectedActivity?.id == "3.1")
        board.send(.mouse(MouseEvent(.doubleClick, x: 30, y: 4)))
        #expect(board.state.screen == .activity && board.state.activity.id == "2.1")
        // The wheel scrolls a long screen.
        board.send(.mouse(MouseEvent(.wheelDown, x: 10, y: 10)))
        #expect(board.state.scroll == 1)
    }

    @Test("the mouse on the agenda, a form and the key bar: select, open, focus, press")
    func mouseElsewhere() throws {
        var (board, _) = try driver(width: 100, height: 30)
        board.press(.agenda)
        // Lines: heading, review, saved, blank, the first owner, then items (row 1 is the first line).
        let lines = try #require(board.state.currentAgendaView?.lines)
        let second = try #require(lines.firstIndex(of: .item(1)))
        board.send(.mouse(MouseEvent(.click, x: 5, y: 1 + second)))
        #expect(board.state.agenda.draft?.cursor == 1)
        board.send(.mouse(MouseEvent(.doubleClick, x: 5, y: 1 + second)))
        #expect(board.state.screen == .activity && board.state.activity.id == board.state.draftOrder[1])
        board.press(.back)
        // A form: a click on a field focuses it.
        board.press(.meetingSettings)
        let topicRow = try #require(board.lines.firstIndex { $0.contains("│ Tēma") })
        board.send(.mouse(MouseEvent(.click, x: 40, y: topicRow)))
        #expect(board.state.form?.focus == 2)
        board.press(.formCancel)
        // The key bar: a click on "? palīdzība" opens help.
        let bar = board.lines.last ?? ""
        let x = try #require(bar.range(of: "? palīdzība").map { bar.distance(from: bar.startIndex, to: $0.lowerBound) })
        board.send(.mouse(MouseEvent(.click, x: x + 2, y: 29)))
        #expect(board.state.screen == .help)
    }
}

extension InputTests {
    @Test("what the first review of input found: tabs and the cursor, ↑ ↓ in a note, scrolling back after End, the hidden-columns signal, reasons and decisions of several lines")
    func inputFindings() throws {
        var (board, _) = try driver(width: 100, height: 30)
        // A tab shows as a space and the cursor stands on the character it is on.
        board.state.select("1.1")
        board.press(.record)
        board.state.form?.focus = 2
        board.send(.paste("a\tbcdefgh"))
        board.key(.left)
        board.key(.left)
        let row = try #require(board.lines.first { $0.contains("Piezīme") })
        #expect(row.contains("a bcdefgh"), "\(row)")
        // ↑ and ↓ move between a note's lines before they leave the field.
        board.state.form?.set("note", text: "pirmā\notrā\ntrešā")
        board.key(.up)
        #expect(board.state.form?.focus == 2)
        if case .text(_, let cursor)? = board.state.form?.fields[2].value { #expect(cursor == 10, "end of the second line") }
        board.key(.up)
        board.key(.up)
        #expect(board.state.form?.focus == 1, "from the first line ↑ goes to the field above")
        board.press(.formCancel)
        // After End, ↑ scrolls back at once.
        board.press(.help)
        board.press(.end)
        let end = board.state.scroll
        board.press(.up)
        #expect(board.state.scroll == end - 1 && end > 0)
        board.press(.back)
        // "2 ▶" on the band row: a click shows the next hidden column.
        let hidden = board.state.visibleColumns.upperBound
        board.send(.mouse(MouseEvent(.click, x: 98, y: 1)))
        #expect(board.state.column == hidden)
    }

    @Test("a status reason and a chair-mode decision of several lines keep every line")
    func severalLines() throws {
        var snapshot = Snapshot(plan: Self.plan)
        let i = try #require(snapshot.plan.activities.firstIndex { $0.id == "2.1" })
        snapshot.plan.activities[i].status = .blocked
        snapshot.plan.activities[i].statusNote = "Nav finansējuma\nGaidām domes lēmumu"
        snapshot.meetings = [Meeting(id: 1, date: Day("2025-06-01")!, state: .held)]
        snapshot.decisions = [Decision(id: 1, meeting: 1, text: "rinda viens\nrinda divi\nrinda trīs", owner: "SG",
                                       due: Day("2025-08-01")!, activity: "2.1")]
        var (board, _) = try LoopTests.driver(snapshot, today: "2025-07-01", width: 120, height: 40)
        board.state.select("2.1")
        board.press(.open)
        let screen = board.screen
        #expect(screen.contains("Iemesls       Nav finansējuma") && screen.contains("              Gaidām domes lēmumu"), "\(screen)")
        board.press(.back)
        board.press(.agenda)
        board.press(.chair)
        board.press(.confirmYes)
        board.press(.right)  // past the review of decision 1
        let index = try #require(board.state.draftOrder.firstIndex(of: "2.1"))
        for _ in 0..<index { board.press(.right) }
        #expect(board.screen.contains("rinda viens / rinda divi / rinda trīs"), "\(board.screen)")
    }
}
