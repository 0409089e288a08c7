import Foundation
@testable import SargsBoard
import SargsCore
import SargsPlanFile
import Testing
import TestSupport

/// What the board says is read whole (issue 24): the header's counts follow
/// the filter; status lines, refusals and hints wrap or shorten at words,
/// never cut at 80 columns; "+N ↓" never stands over text; form values line
/// up around choice fields; the journal shows entry numbers; titles use the
/// room they have.
@Suite("Screen text: counts that follow the filter, nothing cut, nothing covered")
struct ScreenTextTests {
    static let plan = LoopTests.plan
    static let today = Day("2025-07-01")!

    static func state(width: Int = 80, height: Int = 24, language: Language = .lv, plan: Plan = Self.plan) -> AppState {
        AppState(snapshot: Snapshot(plan: plan), today: today, language: language, width: width, height: height, author: "tests")
    }

    static func frame(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        render(state, into: &canvas)
        return canvas
    }

    /// Every word of `sentence` is on `screen`, none of them cut.
    static func expectWhole(_ sentence: String, on screen: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let flat = screen.filter { $0 != " " && $0 != "\n" }
        #expect(flat.contains(sentence.filter { $0 != " " }), "“\(sentence)” is not whole on the screen:\n\(screen)",
                sourceLocation: sourceLocation)
    }

    /// Every word of `sentence` is on `screen` whole (for text inside a box, between other text).
    static func expectWords(_ sentence: String, on screen: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let shown = Set(screen.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "│" }).map(String.init))
        for word in sentence.split(separator: " ").map(String.init) {
            #expect(shown.contains(word), "“\(word)” of “\(sentence)” is not whole on the screen:\n\(screen)", sourceLocation: sourceLocation)
        }
    }

    // MARK: The header

    @Test("the header's overdue count is the filter's: AN owns 4 activities, 3 of them overdue; 25 hidden")
    func headerCountsFollowTheFilter() {
        var state = Self.state()
        #expect(Self.frame(state).line(0).contains("nokavētas: 23"))
        state.filter.owners = ["AN"]
        state.relayout()
        // AN: 2.5, 2.9, 4.1 overdue on 2025-07-01 (ReducerTests.overdue), 3.3 open.
        let header = Self.frame(state).line(0)
        #expect(header.contains("nokavētas: 3 │ filtrs: AN (25 paslēptas)"), "\(header)")
        // Overdue only: the count is what is shown.
        state.filter = Filter()
        state.filter.overdueOnly = true
        state.relayout()
        #expect(Self.frame(state).line(0).contains("nokavētas: 23"))
    }

    @Test("the hidden count agrees in number: 21 paslēpta, 25 paslēptas")
    func hiddenCountAgrees() {
        var plan = Self.plan
        plan.activities = Array(plan.activities.prefix(22))
        var state = Self.state(width: 120, plan: plan)
        state.filter.owners = ["JC"]  // JC owns 1.5 alone
        state.relayout()
        #expect(Self.frame(state).line(0).contains("filtrs: JC (21 paslēpta)"), "\(Self.frame(state).line(0))")
    }

    @Test("at 80 columns a long filter keeps the header's count and filter whole; the plan's name gives way first",
          arguments: [Language.lv, .en])
    func headerShortensByParts(_ language: Language) {
        var state = Self.state(language: language)
        state.filter.owners = ["AN"]
        state.filter.overdueOnly = true
        state.filter.text = "jauniešu"
        state.relayout()
        let header = Self.frame(state).line(0)
        let hidden = state.layout.hidden
        let filter = language == .lv ? "filtrs: tikai nokavētās, AN, “jauniešu” (\(hidden) paslēptas)"
                                     : "filter: overdue only, AN, “jauniešu” (\(hidden) hidden)"
        #expect(header.contains(filter), "\(header)")
        #expect(header.contains(language == .lv ? "nokavētas: \(state.layout.overdueShown)" : "overdue: \(state.layout.overdueShown)"))
        #expect(!header.contains("…") && !header.contains("Madonas"), "\(header)")
    }

    // MARK: The status line

    @Test("a refusal longer than the line (w on a one-off) wraps at words at 80 columns", arguments: [Language.lv, .en])
    func refusalWraps(_ language: Language) throws {
        var state = Self.state(language: language)
        state.select("1.1")
        _ = reduce(&state, .key(state.keyMap.key(.waive)))
        let said = try #require(state.message).phrase.text(language)
        #expect(said.displayWidth > 78, "the test needs a sentence longer than a line")
        let canvas = Self.frame(state)
        Self.expectWhole(said, on: canvas.lines.joined(separator: "\n"))
        // Wrapped at spaces, over rows above the key bar, none cut.
        let rows = statusRows(state, width: 80)
        #expect(rows.count >= 2 && rows.allSatisfy { !$0.text.contains("…") && $0.text.displayWidth <= 80 }, "\(rows)")
        #expect(rows.map { $0.text.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == said)
        #expect(canvas.line(23).contains("palīdzība") || canvas.line(23).contains("help"), "the key bar stays")
    }

    @Test("a notice as long as the terminal's (an unknown TERM) and a minutes file in a long folder read whole at 80×24")
    func noticesWrap() {
        var state = Self.state()
        let notices = [
            "Termināļa veids xterm-kitty-with-a-long-name šeit nav aprakstīts; zīmē kā xterm-256color (uzstādiet ncurses-term)",
            "Protokols ierakstīts: sargs-protokols-12-2025-12-10-3.md (šajā mapē) (/srv/sargs/protokoli/sargs-protokols-12-2025-12-10.md jau ir un netika pārrakstīts)",
        ]
        for notice in notices {
            state.message = Message(.notice, Phrase(lv: notice, en: notice))
            Self.expectWhole(notice, on: Self.frame(state).lines.joined(separator: "\n"))
        }
    }

    // MARK: Forms

    /// The hold form of meeting 2 (FollowUpTests), at 80×24, focused on `field`.
    static func holdForm(focus field: String) throws -> BoardDriver<MemoryServices> {
        var (board, _) = try LoopTests.driver(FollowUpTests.twoMeetings(), today: "2025-12-10", width: 80, height: 24)
        board.press(.agenda)
        board.press(.hold)
        let form = try #require(board.state.form)
        board.state.form?.focus = try #require(form.fields.firstIndex { $0.key == field })
        return board
    }

    @Test("the hold form's attendee hint (the agenda's owners) wraps under the field at 80 columns")
    func attendeeHintWraps() throws {
        let board = try Self.holdForm(focus: "attendees")
        let hint = try #require(board.state.form?.fields[board.state.form!.focus].hint?.lv)
        #expect(hint.displayWidth > 50, "the test needs a hint wider than the field")
        Self.expectWords(hint, on: board.screen)
    }

    @Test("values start in one column, a choice's too; its ◀ stands in the gap, clear of the label")
    func choiceValuesAlign() throws {
        var board = try Self.holdForm(focus: "place")
        board.type("Domes zāle")
        let lines = board.lines
        let place = try #require(lines.first { $0.contains("Vieta") })
        let access = try #require(lines.first { $0.contains("Pieejamība") })
        let valueColumn = try #require(place.range(of: "Domes zāle")).lowerBound.utf16Offset(in: place)
        #expect(access.range(of: "vispārēja")?.lowerBound.utf16Offset(in: access) == valueColumn, "\(place)\n\(access)")
        // Focused, the choice shows its arrows; the value does not move, and a space parts ◀ from the label.
        let last = (board.state.form?.fields.count ?? 1) - 1
        board.state.form?.focus = last
        let focused = try #require(board.lines.first { $0.contains("Pieejamība") })
        #expect(focused.range(of: "vispārēja")?.lowerBound.utf16Offset(in: focused) == valueColumn, "\(focused)")
        #expect(focused.contains("Pieejamība ") && focused.contains("◀ vispārēja ▶"), "\(focused)")
    }

    @Test("in a note longer than its field, +N ↓ and ↑ N stand under the label, never over the text")
    func formSignalsBesideTheText() throws {
        var state = Self.state()
        state.select("2.3")
        _ = reduce(&state, .key(state.keyMap.key(.note)))
        let text = (1...30).map { "rinda \($0)" }.joined(separator: "\n")
        state.form?.fields[0].value = .text(text, cursor: text.count / 2)
        let layout = FormLayout(try #require(state.form), state: state, width: 80, height: 24)
        let canvas = Self.frame(state)
        let rows = layout.fieldRows[0]
        var signals = ""
        for y in rows {
            let value = (layout.valueX..<(layout.valueX + layout.valueWidth)).compactMap { canvas.cell(atX: $0, y: y)?.text }.joined()
            #expect(!value.contains("↓") && !value.contains("↑"), "row \(y): |\(value)|")
            signals += (layout.box.x..<layout.valueX).compactMap { canvas.cell(atX: $0, y: y)?.text }.joined()
        }
        #expect(signals.contains("↓") && signals.contains("↑"), "\(canvas.lines.joined(separator: "\n"))")
    }

    // MARK: Scrolled text

    @Test("+N ↓ never stands over a line: a last line that would reach it gives its row to the signal")
    func scrollSignalNeverCoversText() {
        let state = Self.state()
        var canvas = Canvas(width: 80, height: 10)
        let long = (0..<30).map { [("line \($0) " + String(repeating: "x", count: 70), Role.background)] }
        ScrollingText.render(long, scroll: 0, state: state, into: &canvas, in: Rect(x: 0, y: 0, width: 80, height: 10))
        #expect(canvas.line(9).trimmingCharacters(in: .whitespaces) == "+21 ↓", "|\(canvas.line(9))|")
        #expect(canvas.line(8).contains("line 8 xxx"))
        // A short last line keeps its row beside the signal.
        canvas = Canvas(width: 80, height: 10)
        let short = (0..<30).map { [("line \($0)", Role.background)] }
        ScrollingText.render(short, scroll: 0, state: state, into: &canvas, in: Rect(x: 0, y: 0, width: 80, height: 10))
        #expect(canvas.line(9).hasPrefix(" line 9 ") && canvas.line(9).contains("+20 ↓"), "|\(canvas.line(9))|")
    }

    @Test("on the board a column scrolled down says ↑N beside its count, never over the first card")
    func boardUpSignal() {
        var state = Self.state()
        state.select("2.6")
        state.followSelection()
        let canvas = Self.frame(state)
        let first = state.firstCard(in: 1)
        #expect(first > 0)
        #expect(canvas.line(3).contains("↑\(first) (11)"), "\(canvas.line(3))")
        #expect(!canvas.lines.dropFirst(4).joined().contains("↑"))
    }

    @Test("help wraps a key's text and the reason it cannot act now under its column at 80 columns, never cut")
    func helpWraps() throws {
        var state = Self.state()
        state.select("1.1")  // a one-off: w says why it cannot act, at length
        _ = reduce(&state, .key(state.keyMap.key(.help)))
        let lines = HelpFeature.lines(state, width: state.width - 2).map { $0.map(\.0).joined() }
        for line in lines {
            #expect(line.displayWidth <= 78, "|\(line)| is \(line.displayWidth) columns")
        }
        let reason = try #require(disabledReason(.waive, in: { var s = state; s.screen = .board; return s }()))
        Self.expectWhole("(" + reason.lv + ")", on: lines.joined(separator: "\n"))
    }

    @Test("an activity's fields wrap under themselves at 80 columns: a goal's long name is read whole")
    func activityFieldsWrap() throws {
        var state = Self.state()
        state.select("1.1")
        _ = reduce(&state, .key(state.keyMap.key(.open)))
        let goal = try #require(state.plan.goal(1))
        Self.expectWhole("1. " + goal.title, on: Self.frame(state).lines.joined(separator: "\n"))
    }

    // MARK: The journal

    @Test("the journal screen shows each entry's number, so “atsauca #10” can be found")
    func journalShowsNumbers() {
        var state = Self.state()
        _ = reduce(&state, .key(state.keyMap.key(.journal)))
        let record = JournalEntry(id: 10, time: Date(timeIntervalSince1970: 1_750_000_000), author: "ieva", action: "record",
                                  subject: "2.1", after: #"{"id":3,"activity":"2.1","date":"2025-03-10","count":null,"note":null,"author":"ieva"}"#)
        let undo = JournalEntry(id: 11, time: Date(timeIntervalSince1970: 1_750_000_100), author: "ieva", action: "undo", subject: "2.1",
                                before: record.after, after: nil, undoes: 10)
        _ = reduce(&state, .journalLoaded([undo, record]))
        let lines = Self.frame(state).lines
        #expect(lines.contains { $0.hasPrefix(" #11  ") && $0.contains("atsauca #10") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.hasPrefix(" #10  ") && $0.contains("pierakstīja izpildi 2.1") }, "\(lines.joined(separator: "\n"))")
    }

    // MARK: Titles

    @Test("at 200×60 a column whose cards all fit shows every title and period whole; column titles take two rows")
    func titlesUseTheRoom() throws {
        let state = Self.state(width: 200, height: 60)
        let canvas = Self.frame(state)
        let screen = canvas.lines.joined(separator: "\n")
        #expect(state.columnTitleRows == 2)
        for (slot, index) in state.visibleColumns.enumerated() {
            let column = state.layout.columns[index]
            guard column.cards.count * BoardMetrics.cardHeight < state.cardsAreaHeight else { continue }
            let x = slot * (state.columnFit.width + BoardMetrics.columnGap)
            let width = state.columnWidth(slot: slot)
            let text = (0..<canvas.height).map { y in (x..<(x + width)).compactMap { canvas.cell(atX: $0, y: y)?.text }.joined() }
            let cards = text.dropFirst(4).joined(separator: "\n")
            #expect(!cards.contains("…"), "column \(column.title):\n\(cards)")
            for card in column.cards {
                let activity = state.plan.activities[card]
                Self.expectWhole(activity.title, on: cards)
                Self.expectWhole(activity.period, on: cards)
            }
        }
        // A click finds a taller card where it is drawn; the blank row above it selects nothing.
        var clicked = state
        let row = try #require(canvas.lines.firstIndex { $0.contains(" 3.2 SD,IN") })
        let x = try #require(canvas.lines[row].range(of: " 3.2 SD,IN")).lowerBound.utf16Offset(in: canvas.lines[row]) + 2
        _ = reduce(&clicked, .mouse(MouseEvent(.click, x: x, y: row - 1)))
        #expect(clicked.selectedActivity?.id == "1.1")
        _ = reduce(&clicked, .mouse(MouseEvent(.click, x: x, y: row)))
        #expect(clicked.selectedActivity?.id == "3.2")
        _ = reduce(&clicked, .mouse(MouseEvent(.click, x: x, y: row + 4)))
        #expect(clicked.selectedActivity?.id == "3.2", "a taller card is one card down to its last row")
        // The goal's whole name is on the status line when it fits.
        #expect(screen.contains("1.1 • 1. Bērnu un jauniešu izglītošana seksuālās izmantošanas mazināšanai • Primārā prevencija"))
    }
}
