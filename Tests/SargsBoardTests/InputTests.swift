import Foundation
import SargsBoard
import SargsCore
import Testing
import TestSupport

/// Input that is not a key: a paste is text inserted whole, never commands;
/// notes and decisions take several lines; the mouse selects, opens,
/// scrolls and presses the key bar.
@Suite("Paste, lines and the mouse")
struct InputTests {
    static let plan = LoopTests.plan

    func driver(width: Int = 120, height: Int = 40, today: String = "2025-07-01") -> (BoardDriver<FakeServices>, FakeServices) {
        LoopTests.driver(Snapshot(plan: Self.plan), today: today, width: width, height: height)
    }

    @Test("a paste of two lines into the note form is one note with both lines; the pasted 'u' is text, not undo")
    func pasteIntoANote() throws {
        var (board, services) = driver()
        board.state.select("1.1")
        board.press(.note)
        #expect(board.send(.paste("sarunāts ar skolu\nu")).isEmpty)
        #expect(board.state.form?["note"] == "sarunāts ar skolu\nu")
        board.press(.formSave)
        #expect(services.store.snapshot.notes.map(\.text) == ["sarunāts ar skolu\nu"])
        #expect(board.state.message?.phrase.lv == "Piezīme pievienota: 1.1")
        // 200 lines, Windows line ends included: one note, every line.
        board.press(.note)
        let lines = (1...200).map { "rinda \($0)" }
        board.send(.paste(lines.joined(separator: "\r\n")))
        board.press(.formSave)
        #expect(services.store.snapshot.notes.count == 2)
        #expect(services.store.snapshot.notes.last?.text == lines.joined(separator: "\n"))
    }

    @Test("a paste longer than the field's limit is refused whole with the limit named; the field is as it was")
    func pasteOverTheLimit() throws {
        var (board, _) = driver()
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
        var (board, _) = driver()
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
        var (board, services) = driver()
        let before = services.store.snapshot
        #expect(board.send(.paste("reidus\nu\nx\nq")).isEmpty)
        #expect(board.state.searching && board.state.filter.text == "reidus")
        #expect(services.store.snapshot == before)
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
        board.send(.paste("j"))
        #expect(board.state.confirmation != nil)
        #expect(board.state.message?.phrase.lv == "ielīmētais netika izmantots: atbildiet j vai n")
    }

    @Test("the mouse on the board: a click selects the card under it, a double click opens it, the wheel moves in its column")
    func mouseOnTheBoard() throws {
        var (board, _) = driver(width: 100, height: 30)
        // Columns are 24 wide with a gap of 1; cards start on row 3 and are 6 rows apart.
        board.send(.mouse(MouseEvent(.click, x: 30, y: 4)))
        #expect(board.state.selectedActivity?.id == "2.1")
        board.send(.mouse(MouseEvent(.click, x: 3, y: 10)))
        #expect(board.state.selectedActivity?.id == "1.2")
        board.send(.mouse(MouseEvent(.wheelDown, x: 55, y: 12)))
        #expect(board.state.selectedActivity?.id == "3.2", "the wheel over column 3 moves in it")
        board.send(.mouse(MouseEvent(.wheelUp, x: 55, y: 12)))
        #expect(board.state.selectedActivity?.id == "3.1")
        // The blank row between cards selects nothing.
        board.send(.mouse(MouseEvent(.click, x: 30, y: 8)))
        #expect(board.state.selectedActivity?.id == "3.1")
        board.send(.mouse(MouseEvent(.doubleClick, x: 30, y: 4)))
        #expect(board.state.screen == .activity && board.state.openActivity == "2.1")
        // The wheel scrolls a long screen.
        board.send(.mouse(MouseEvent(.wheelDown, x: 10, y: 10)))
        #expect(board.state.scroll == 1)
    }

    @Test("the mouse on the agenda, a form and the key bar: select, open, focus, press")
    func mouseElsewhere() throws {
        var (board, _) = driver(width: 100, height: 30)
        board.press(.agenda)
        // Lines: heading, review, saved, blank, the first owner, then items (row 1 is the first line).
        let lines = try #require(board.state.currentAgendaView?.lines)
        let second = try #require(lines.firstIndex(of: .item(1)))
        board.send(.mouse(MouseEvent(.click, x: 5, y: 1 + second)))
        #expect(board.state.draft?.cursor == 1)
        board.send(.mouse(MouseEvent(.doubleClick, x: 5, y: 1 + second)))
        #expect(board.state.screen == .activity && board.state.openActivity == board.state.draftOrder[1])
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
