import Foundation
import SargsBoard
import SargsCore
import SargsPlanFile
import Testing
import TestSupport

/// `reduce` on the Madona plan as of 2025-07-01 with no records: keys pressed by
/// binding (`keyMap.key(.record)`), commands by name; the new state and the
/// effects asserted. Expected values come from the plan file and SPEC §4/§8,
/// worked out by hand (see BoardScreenTests for the overdue arithmetic).
@Suite("Reducer: navigation, grouping, filters, search and quick edits")
struct ReducerTests {
    static let today = Day(year: 2025, month: 7, day: 1)!
    static let author = "jaunatne"

    static func snapshot() throws -> Snapshot {
        Snapshot(plan: try PlanFile.read(path: Fixtures.madonaPlanPath))
    }

    static func board(width: Int = 80, height: Int = 24, language: Language = .lv) throws -> AppState {
        AppState(snapshot: try snapshot(), today: today, language: language, width: width, height: height, author: author)
    }

    /// The 23 activities overdue on 2025-07-01 (all but the open 1.1, 1.2, 3.3 and the as-needed 4.2, 7.1, 7.3).
    static let overdue: [ActivityID] = [
        "1.3", "1.4", "1.5",
        "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11",
        "3.1", "3.2", "3.4", "4.1", "4.3", "5.1", "5.2", "6.1", "7.2",
    ]

    // MARK: helpers

    @discardableResult
    static func press(_ state: inout AppState, _ command: Command, times: Int = 1) -> [Effect] {
        var effects: [Effect] = []
        for _ in 0..<times { effects += reduce(&state, .key(state.keyMap.key(command))) }
        return effects
    }

    @discardableResult
    static func press(_ state: inout AppState, key: Key, times: Int = 1) -> [Effect] {
        var effects: [Effect] = []
        for _ in 0..<times { effects += reduce(&state, .key(key)) }
        return effects
    }

    @discardableResult
    static func type(_ state: inout AppState, _ text: String) -> [Effect] {
        var effects: [Effect] = []
        for character in text { effects += reduce(&state, .key(.character(character))) }
        return effects
    }

    static func selected(_ state: AppState) -> ActivityID? { state.selectedActivity?.id }

    static func cards(_ state: AppState, _ column: Int) -> [ActivityID] {
        state.layout.columns[column].cards.map { state.plan.activities[$0].id }
    }

    /// Every card shown, column by column.
    static func shown(_ state: AppState) -> [ActivityID] {
        state.layout.columns.indices.flatMap { cards(state, $0) }
    }

    static func index(_ id: ActivityID, _ state: AppState) -> Int {
        state.plan.activities.firstIndex { $0.id == id }!
    }

    static func badge(_ id: ActivityID, _ state: AppState) -> ActivityState {
        state.layout.states[index(id, state)]
    }

    static func message(_ state: AppState) -> String? { state.message?.phrase.lv }

    // MARK: - Navigation

    @Test("The board starts on 1.1, seven goal columns, nothing hidden")
    func startsOnTheFirstCard() throws {
        let state = try Self.board()
        #expect(state.screen == .board && state.grouping == .goal)
        #expect(state.layout.columns.map(\.key) == (1...7).map { "goal:\($0)" })
        #expect(state.layout.columns.map(\.cards.count) == [5, 11, 4, 3, 2, 1, 3])
        #expect(state.layout.hidden == 0)
        #expect(state.column == 0 && state.row == 0 && Self.selected(state) == "1.1")
        #expect(state.layout.states.filter(\.isOverdue).count == 23)
    }

    @Test("Up and left stop at the first card and column")
    func upAndLeftClamp() throws {
        var state = try Self.board()
        #expect(Self.press(&state, .up).isEmpty)
        #expect(Self.press(&state, .left).isEmpty)
        #expect(Self.press(&state, key: .character("k")).isEmpty)
        #expect(state.column == 0 && state.row == 0 && Self.selected(state) == "1.1")
        // A key that moves nothing says so (issue 28's tester: no key does nothing without a word).
        #expect(state.message?.phrase.en == "Nothing further: this is the start")
        #expect(state.message?.kind == .notice)
        _ = Self.press(&state, .down)
        #expect(state.message == nil, "a move that moves says nothing")
    }

    @Test("Up and Left move back on the board; Up scrolls the help screen back")
    func upAndLeftMoveBack() throws {
        var state = try Self.board()
        Self.press(&state, .right, times: 2)
        Self.press(&state, .down, times: 2)
        #expect(Self.selected(state) == "3.3")
        #expect(Self.press(&state, .up).isEmpty)
        #expect(Self.selected(state) == "3.2", "Up did not move up")
        #expect(Self.press(&state, .left).isEmpty)
        #expect(state.column == 1 && Self.selected(state) == "2.2", "Left did not move left")
        #expect(Self.press(&state, key: .character("k")).isEmpty)
        #expect(Self.selected(state) == "2.1")
        #expect(Self.press(&state, key: .character("h")).isEmpty)
        #expect(state.column == 0 && Self.selected(state) == "1.1")
        Self.press(&state, .help)
        Self.press(&state, .down, times: 3)
        #expect(state.scroll == 3)
        Self.press(&state, .up)
        #expect(state.scroll == 2, "Up did not scroll the help screen back")
    }

    @Test("Down stops at the last card and scrolls the column so it stays in view")
    func downClampsAndScrolls() throws {
        var state = try Self.board()
        #expect(Self.press(&state, .down).isEmpty)
        #expect(Self.selected(state) == "1.2" && state.firstCard(in: 0) == 0)
        #expect(Self.press(&state, .down, times: 10).isEmpty)
        #expect(state.row == 4 && Self.selected(state) == "1.5")
        // Three cards fit at 80×24: 1.3, 1.4, 1.5 are shown.
        #expect(cardsPerColumn(state) == 3)
        #expect(state.firstCard(in: 0) == 2)
        Self.press(&state, .up, times: 3)
        #expect(Self.selected(state) == "1.2" && state.firstCard(in: 0) == 1)
    }

    @Test("Right and left scroll the columns sideways; the selected column is always visible",
          arguments: [(80, 24, 3), (120, 40, 5), (200, 60, 7)])
    func sidewaysScrolling(width: Int, height: Int, fit: Int) throws {
        var state = try Self.board(width: width, height: height)
        #expect(state.visibleColumns == 0..<fit)
        for expected in 1...6 {
            #expect(Self.press(&state, .right).isEmpty)
            #expect(state.column == expected)
            #expect(state.visibleColumns.contains(state.column), "column \(state.column) in \(state.visibleColumns)")
            #expect(state.visibleColumns.count == fit)
        }
        Self.press(&state, .right, times: 3)
        #expect(state.column == 6 && state.visibleColumns == (7 - fit)..<7)
        for expected in stride(from: 5, through: 0, by: -1) {
            Self.press(&state, .left)
            #expect(state.column == expected)
            #expect(state.visibleColumns.contains(state.column), "column \(state.column) in \(state.visibleColumns)")
        }
        #expect(state.visibleColumns == 0..<fit)
    }

    @Test("Moving to a shorter column keeps the row where it can, else the last card")
    func sidewaysKeepsTheRow() throws {
        var state = try Self.board()
        Self.press(&state, .down, times: 4)
        #expect(Self.selected(state) == "1.5")
        Self.press(&state, .right)
        #expect(Self.selected(state) == "2.5")
        Self.press(&state, .right)  // goal 3 has 4 cards
        #expect(Self.selected(state) == "3.4")
        Self.press(&state, .right)  // goal 4 has 3
        #expect(Self.selected(state) == "4.3")
        Self.press(&state, .right, times: 2)  // goal 6 has 1
        #expect(Self.selected(state) == "6.1")
    }

    @Test("Page down/up move by a screenful less one; Home and End go to the ends")
    func pageHomeEnd() throws {
        var state = try Self.board()
        Self.press(&state, .right)  // goal 2: 2.1 … 2.11
        #expect(Self.press(&state, .pageDown).isEmpty)
        #expect(Self.selected(state) == "2.3")
        Self.press(&state, .pageDown, times: 10)
        #expect(Self.selected(state) == "2.11" && state.firstCard(in: 1) == 8)
        Self.press(&state, .pageUp)
        #expect(Self.selected(state) == "2.9")
        #expect(Self.press(&state, .home).isEmpty)
        #expect(Self.selected(state) == "2.1" && state.firstCard(in: 1) == 0)
        #expect(Self.press(&state, .end).isEmpty)
        #expect(Self.selected(state) == "2.11" && state.firstCard(in: 1) == 8)
        // At 120×40 five cards fit: a page is four.
        var tall = try Self.board(width: 120, height: 40)
        Self.press(&tall, .right)
        Self.press(&tall, .pageDown)
        #expect(Self.selected(tall) == "2.5")
    }

    // MARK: - Grouping

    @Test("g cycles goal → owner → level → period → state → goal")
    func regroupingCycles() throws {
        var state = try Self.board()
        #expect(Self.press(&state, .group).isEmpty)
        #expect(state.grouping == .owner)
        #expect(Self.message(state) == "Grupēts pēc: iestāde")
        #expect(state.layout.columns.map(\.key) == ["SG", "IN", "SD", "BT", "VP", "PP", "AN", "JC", "VPD"].map { "owner:\($0)" })
        #expect(state.layout.columns.map(\.cards.count) == [4, 12, 12, 4, 4, 2, 4, 1, 1])
        #expect(Self.cards(state, 5) == ["5.1", "5.2"])
        #expect(state.layout.columns.allSatisfy { $0.level == nil })

        Self.press(&state, .group)
        #expect(state.grouping == .level)
        #expect(state.layout.columns.map(\.key) == ["level:primary", "level:secondary", "level:tertiary"])
        #expect(state.layout.columns.map(\.cards.count) == [16, 10, 3])
        #expect(state.layout.columns.map(\.level) == [.primary, .secondary, .tertiary])

        Self.press(&state, .group)
        #expect(state.grouping == .period)
        #expect(state.layout.columns.allSatisfy { $0.key.hasPrefix("period:") })
        #expect(state.layout.columns.map(\.title) == ["Vienreizējas 2025", "Katru nedēļu", "Katru mēnesi", "Katru ceturksni",
                                                      "Katru pusgadu", "Pastāvīgi", "Pēc vajadzības"])
        #expect(state.layout.columns.map(\.cards.count) == [7, 1, 2, 2, 3, 11, 3])
        #expect(Self.cards(state, 0) == ["1.1", "1.2", "2.1", "2.2", "2.9", "3.3", "7.2"])
        #expect(Self.cards(state, 1) == ["5.2"])

        Self.press(&state, .group)
        #expect(state.grouping == .state)
        #expect(state.layout.columns.map(\.key) == ["state:overdue", "state:open", "state:as-needed"])
        #expect(Self.cards(state, 0) == Self.overdue)
        #expect(Self.cards(state, 1) == ["1.1", "1.2", "3.3"])
        #expect(Self.cards(state, 2) == ["4.2", "7.1", "7.3"])

        Self.press(&state, .group)
        #expect(state.grouping == .goal)
        #expect(state.layout.columns.map(\.key) == (1...7).map { "goal:\($0)" })
        #expect(Self.message(state) == "Grupēts pēc: mērķis")
    }

    @Test("Regrouping keeps the selected activity selected and in view")
    func regroupingKeepsTheSelection() throws {
        var state = try Self.board()
        Self.press(&state, .right, times: 2)
        Self.press(&state, .down)
        #expect(Self.selected(state) == "3.2")
        for _ in 0..<4 {
            Self.press(&state, .group)
            #expect(Self.selected(state) == "3.2", "grouped by \(state.grouping)")
            #expect(state.visibleColumns.contains(state.column))
        }
        // By state 3.2 (overdue 1 day) sits in the overdue column at its place in plan order.
        #expect(state.grouping == .state && state.column == 0 && state.row == 15)
        #expect(state.firstCard(in: 0) <= 15 && 15 < state.firstCard(in: 0) + cardsPerColumn(state))
    }

    // MARK: - Filters

    @Test("o shows overdue only, and again shows all")
    func overdueOnly() throws {
        var state = try Self.board()
        #expect(Self.press(&state, .overdueOnly).isEmpty)
        #expect(state.filter.overdueOnly)
        #expect(Self.shown(state) == Self.overdue)
        #expect(state.layout.hidden == 6)
        #expect(Self.message(state) == "Rāda tikai nokavētās")
        // 1.1 (open) was filtered away: the selection is on the first card shown in its column.
        #expect(Self.selected(state) == "1.3")
        Self.press(&state, .overdueOnly)
        #expect(!state.filter.overdueOnly && state.layout.hidden == 0 && Self.shown(state).count == 29)
        #expect(Self.message(state) == "Rāda visas")
        #expect(Self.selected(state) == "1.3")
    }

    @Test("x clears every filter at once; with none it says so instead of doing nothing")
    func clearFilters() throws {
        var state = try Self.board()
        Self.press(&state, .overdueOnly)
        Self.press(&state, .search)
        Self.type(&state, "KSU")
        Self.press(&state, key: .enter)
        #expect(state.filter.overdueOnly && state.filter.text == "KSU" && !state.searching)
        #expect(Self.shown(state) == ["2.4", "2.5", "2.6", "2.7", "2.8"])
        #expect(Self.press(&state, .clearFilters).isEmpty)
        #expect(state.filter.isEmpty && state.layout.hidden == 0)
        #expect(Self.message(state) == "Filtri notīrīti")
        #expect(Self.press(&state, .clearFilters).isEmpty)
        #expect(state.message == Message(.error, Phrase(lv: "filtru nav", en: "there is no filter")))
    }

    @Test("The filter form applies an owner and a level")
    func filterFormOwnerAndLevel() throws {
        var state = try Self.board()
        #expect(Self.press(&state, .filter).isEmpty)
        #expect(state.form?.kind == .filter)
        #expect(state.form?.fields.map(\.key) == ["owner", "level", "period", "state", "text"])
        Self.type(&state, "v")  // jumps to the first owner starting with V: VP · Valsts policija
        #expect(state.form?["owner"] == "VP")
        Self.press(&state, key: .tab)
        Self.type(&state, "s")  // Sekundārā prevencija
        #expect(state.form?["level"] == "secondary")
        #expect(Self.press(&state, key: .enter).isEmpty)
        #expect(state.form == nil)
        #expect(state.filter.owners == ["VP"] && state.filter.levels == [.secondary])
        // VP owns 2.9 (goal 2, primary), 3.1, 5.1 and 5.2 (secondary).
        #expect(Self.shown(state) == ["3.1", "5.1", "5.2"])
        #expect(state.layout.hidden == 26)
        // Reopened, the form shows the filter in force.
        Self.press(&state, .filter)
        #expect(state.form?["owner"] == "VP" && state.form?["level"] == "secondary")
        Self.press(&state, key: .escape)
        #expect(state.form == nil && state.filter.owners == ["VP"])
    }

    @Test("The filter form applies a period and a state")
    func filterFormPeriodAndState() throws {
        var state = try Self.board()
        Self.press(&state, .filter)
        Self.press(&state, key: .tab, times: 2)
        Self.press(&state, key: .right, times: 2)  // (visi) → Vienreizējas 2025 → Katru nedēļu
        #expect(state.form?.fields[2].shown == "Katru nedēļu")
        Self.press(&state, key: .enter)
        #expect(state.filter.periods == [.weekly])
        #expect(Self.shown(state) == ["5.2"])
        #expect(Self.selected(state) == "5.2")
        #expect(state.visibleColumns.contains(state.column))

        Self.press(&state, .clearFilters)
        Self.press(&state, .filter)
        Self.press(&state, key: .tab, times: 3)
        Self.press(&state, key: .right, times: 2)  // (visi) → Nokavētas → Atvērtas
        #expect(state.form?["state"] == "open")
        Self.press(&state, key: .enter)
        #expect(state.filter.states == [.open])
        #expect(Self.shown(state) == ["1.1", "1.2", "3.3"])
    }

    @Test("/ searches as you type, ignoring case and Latvian diacritics; Esc clears it")
    func incrementalSearch() throws {
        var state = try Self.board()
        #expect(Self.press(&state, .search).isEmpty)
        #expect(state.searching)
        Self.type(&state, "dži")
        // "dzi" is also in "audzina" (2.3, 3.2, 6.1): the list narrows as letters come.
        #expect(Self.shown(state) == ["1.3", "1.4", "2.3", "3.2", "6.1"])
        Self.type(&state, "m")
        #expect(state.filter.text == "džim")
        #expect(Self.shown(state) == ["1.3", "1.4"])
        #expect(state.layout.hidden == 27)
        #expect(state.searching)
        // Letters that are keys elsewhere (j, k, q) are text while searching.
        Self.press(&state, key: .backspace)
        #expect(Self.shown(state) == ["1.3", "1.4", "2.3", "3.2", "6.1"])
        Self.press(&state, key: .escape)
        #expect(!state.searching && state.filter.text.isEmpty && state.layout.hidden == 0)
        #expect(!state.quitting)
        // Without diacritics, and in capitals, the same cards.
        Self.press(&state, .search)
        Self.type(&state, "DZIMBAS")
        #expect(Self.shown(state) == ["1.3", "1.4"])
        Self.type(&state, "q")
        #expect(!state.quitting && Self.shown(state).isEmpty)
        Self.press(&state, key: .backspace)
        Self.press(&state, key: .enter)
        #expect(!state.searching && state.filter.text == "DZIMBAS" && Self.shown(state) == ["1.3", "1.4"])
    }

    @Test("A card filtered away moves the selection to the first card shown in its column")
    func filteredAwaySelectionInItsColumn() throws {
        var state = try Self.board()
        Self.press(&state, .down)
        #expect(Self.selected(state) == "1.2")
        // 1.2 (open) is hidden by "overdue only"; goal 1 now shows 1.3, 1.4, 1.5.
        Self.press(&state, .overdueOnly)
        #expect(Self.selected(state) == "1.3")
    }

    @Test("A card filtered away from a column left empty moves the selection to the first card shown")
    func filteredAwaySelection() throws {
        var state = try Self.board()
        Self.press(&state, .right, times: 4)
        Self.press(&state, .down)
        #expect(Self.selected(state) == "5.2")
        Self.press(&state, .search)
        Self.type(&state, "džim")
        #expect(Self.selected(state) == "1.3")
        #expect(state.column == 0 && state.row == 0)
        #expect(state.visibleColumns.contains(state.column))
    }

    // MARK: - Screens

    @Test("Enter opens the activity (and asks for its journal); Esc goes back")
    func openAndBack() throws {
        var state = try Self.board()
        Self.press(&state, .right)
        Self.press(&state, .down, times: 2)
        #expect(Self.press(&state, .open) == [.loadJournal(subject: "2.3"), .loadRecords("2.3")])
        #expect(state.screen == .activity && state.activity.id == "2.3" && state.screenStack == [.board])
        let entry = JournalEntry(time: .init(timeIntervalSince1970: 0), author: "a", action: "note", subject: "2.3")
        #expect(reduce(&state, .journalLoaded([entry])).isEmpty)
        #expect(state.journal.entries == [entry])
        // Quick edits on the activity screen act on the open activity.
        Self.press(&state, .record)
        #expect(state.form?.kind == .record("2.3"))
        Self.press(&state, key: .escape)
        #expect(state.form == nil && state.screen == .activity)
        #expect(Self.press(&state, .back).isEmpty)
        #expect(state.screen == .board && state.screenStack.isEmpty)
        #expect(Self.selected(state) == "2.3")
    }

    @Test("? opens help over the board and Esc returns")
    func helpAndBack() throws {
        var state = try Self.board()
        #expect(Self.press(&state, .help).isEmpty)
        #expect(state.screen == .help && state.screenStack == [.board])
        Self.press(&state, .back)
        #expect(state.screen == .board)
        // Only the runner ends the program (Bubble Tea's Quit is a command): reduce asks for it.
        #expect(Self.press(&state, .quit) == [.quit])
        #expect(!state.quitting)
    }

    // MARK: - Record

    static func boardOn(_ id: ActivityID, width: Int = 80, height: Int = 24) throws -> AppState {
        var state = try board(width: width, height: height)
        state.select(id)
        state.followSelection()
        #expect(selected(state) == id)
        return state
    }

    @Test("r records today by default")
    func recordToday() throws {
        var state = try Self.boardOn("5.2")
        #expect(Self.press(&state, .record).isEmpty)
        let form = try #require(state.form)
        #expect(form.kind == .record("5.2"))
        #expect(form.fields.map(\.key) == ["date", "count", "note"])
        #expect(form["date"] == "2025-07-01" && form["count"] == "" && form["note"] == "")
        let effects = Self.press(&state, key: .enter)
        #expect(effects == [.save(.record(Record(activity: "5.2", date: Self.today, author: Self.author)))])
        #expect(state.form?.saving == true)
        // The store answers: the form closes and the notice shows.
        let saved = Record(id: 41, activity: "5.2", date: Self.today, author: Self.author)
        #expect(reduce(&state, .saved(.record(saved))).isEmpty)
        #expect(state.form == nil)
        #expect(state.message == Message(.notice, SavedChange.record(saved).notice))
        #expect(state.message?.phrase.lv == "Izpilde pierakstīta: 5.2, 2025-07-01")
    }

    @Test("r with an earlier date, a count and a note")
    func recordWithCountAndNote() throws {
        var state = try Self.boardOn("2.4")
        Self.press(&state, .record)
        Self.press(&state, key: .control("u"))
        Self.type(&state, "2025-06-12")
        Self.press(&state, key: .tab)
        Self.type(&state, "12")
        Self.press(&state, key: .tab)
        Self.type(&state, "Apmācība Lubānā")
        let effects = Self.press(&state, key: .enter)
        #expect(effects == [.save(.record(Record(activity: "2.4", date: Day(year: 2025, month: 6, day: 12)!, count: 12,
                                                 note: "Apmācība Lubānā", author: Self.author)))])
    }

    /// A refused record: which field, what is typed, and words the refusal must contain.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var field: Int
        var typed: String
        var says: [String]
        var testDescription: String { "\(["date", "count", "note"][field]) '\(typed)'" }
    }

    @Test("A refused record keeps the form open with the error and the typed text, and saves nothing", arguments: [
        Refusal(field: 0, typed: "2025-07-02", says: ["2025-07-02", "pēc šodienas"]),
        Refusal(field: 0, typed: "2024-12-31", says: ["2024-12-31", "pirms plāna sākuma", "2025-01-01"]),
        Refusal(field: 0, typed: "1.07.2025", says: ["GGGG-MM-DD"]),
        Refusal(field: 1, typed: "0", says: ["no 1 līdz 1 000 000 000, nevis 0"]),
        Refusal(field: 1, typed: "-3", says: ["no 1 līdz 1 000 000 000, nevis -3"]),
        Refusal(field: 1, typed: "9000000000000000000", says: ["no 1 līdz 1 000 000 000, nevis 9000000000000000000"]),
        Refusal(field: 1, typed: "99999999999999999999", says: ["no 1 līdz 1 000 000 000, nevis '99999999999999999999'"]),
        Refusal(field: 1, typed: "trīs", says: ["veselam skaitlim"]),
        Refusal(field: 2, typed: "Bērns 010203-12345 klasē", says: ["personas kod"]),
        Refusal(field: 2, typed: "kods 01020312345", says: ["personas kod"]),
    ])
    func recordRefusals(_ refusal: Refusal) throws {
        var state = try Self.boardOn("5.2")
        Self.press(&state, .record)
        Self.press(&state, key: .tab, times: refusal.field)
        if refusal.field == 0 { Self.press(&state, key: .control("u")) }
        Self.type(&state, refusal.typed)
        let effects = Self.press(&state, key: .enter)
        #expect(effects.isEmpty)
        let form = try #require(state.form)
        #expect(form.kind == .record("5.2") && !form.saving)
        let error = try #require(form.error)
        for word in refusal.says { #expect(error.lv.contains(word), "refusal: \(error.lv)") }
        #expect(form.fields[refusal.field].string == refusal.typed)
        #expect(form.focus == refusal.field)
        #expect(state.message == nil)
        // Typing again clears the error; fixing the field saves.
        Self.press(&state, key: .control("u"))
        #expect(state.form?.error == nil)
        let fixed: String = refusal.field == 0 ? "2025-06-30" : refusal.field == 1 ? "4" : "Reids parkā"
        Self.type(&state, fixed)
        let saved = Self.press(&state, key: .enter)
        #expect(saved.count == 1)
        if case .save(.record(let record)) = saved.first {
            #expect(record.activity == "5.2")
            switch refusal.field {
            case 0: #expect(record.date == Day(year: 2025, month: 6, day: 30)!)
            case 1: #expect(record.count == 4)
            default: #expect(record.note == "Reids parkā")
            }
        } else {
            Issue.record("expected a record, got \(saved)")
        }
    }

    // MARK: - Status, note, waive

    @Test("s changes the status to blocked with a reason")
    func statusBlocked() throws {
        var state = try Self.boardOn("5.2")
        #expect(Self.press(&state, .status).isEmpty)
        let form = try #require(state.form)
        #expect(form.kind == .status("5.2"))
        #expect(form["status"] == "planned" && form.fields[0].shown == "plānota")
        Self.press(&state, key: .right, times: 3)  // planned → active → done → blocked
        #expect(state.form?["status"] == "blocked" && state.form?.fields[0].shown == "bloķēta")
        Self.press(&state, key: .tab)
        Self.type(&state, "Policijai trūkst darbinieku")
        #expect(Self.press(&state, key: .enter) == [.save(.status("5.2", .blocked, note: "Policijai trūkst darbinieku"))])
    }

    @Test("s: a reason with a personal code is refused and kept")
    func statusRefused() throws {
        var state = try Self.boardOn("5.2")
        Self.press(&state, .status)
        Self.press(&state, key: .left)  // planned → dropped
        Self.press(&state, key: .tab)
        Self.type(&state, "sk. 010203-12345")
        #expect(Self.press(&state, key: .enter).isEmpty)
        #expect(state.form?.error?.lv.contains("personas kod") == true)
        #expect(state.form?["note"] == "sk. 010203-12345" && state.form?["status"] == "dropped")
        // Without a reason the status alone is saved.
        Self.press(&state, key: .control("u"))
        #expect(Self.press(&state, key: .enter) == [.save(.status("5.2", .dropped, note: nil))])
    }

    @Test("n adds a note; an empty note is refused")
    func note() throws {
        var state = try Self.boardOn("3.1")
        Self.press(&state, .note)
        #expect(state.form?.kind == .note("3.1"))
        #expect(Self.press(&state, key: .enter).isEmpty)
        #expect(state.form?.error?.lv == "jāaizpilda: piezīme")
        Self.type(&state, "Vecāku grupa sāksies septembrī")
        #expect(Self.press(&state, key: .enter) == [.save(.note("3.1", "Vecāku grupa sāksies septembrī"))])
    }

    @Test("w offers only the missed windows, latest first, and needs a reason")
    func waive() throws {
        var state = try Self.boardOn("2.3")
        #expect(Self.press(&state, .waive).isEmpty)
        let form = try #require(state.form)
        #expect(form.kind == .waive("2.3"))
        guard case .choice(let choices, let selected) = form.fields[0].value else {
            Issue.record("the window field is not a choice")
            return
        }
        // 2.3 is quarterly: 2025-Q1 and 2025-Q2 are missed; 2025-Q3 is open and not offered.
        #expect(choices.map(\.key) == ["2025-Q2", "2025-Q1"])
        #expect(selected == 0)
        Self.press(&state, key: .tab)
        #expect(Self.press(&state, key: .enter).isEmpty)
        #expect(state.form?.error?.lv == "jāaizpilda: iemesls", "the field's own name, as the form shows it")
        Self.type(&state, "Nebija telpu")
        Self.press(&state, key: .backTab)
        Self.press(&state, key: .right)
        #expect(state.form?["window"] == "2025-Q1")
        #expect(Self.press(&state, key: .enter)
                == [.save(.waiver(Waiver(activity: "2.3", window: "2025-Q1", note: "Nebija telpu", author: Self.author)))])
    }

    @Test("w on 5.2 (weekly) offers its 26 missed weeks, 2025-W26 first")
    func waiveWeekly() throws {
        var state = try Self.boardOn("5.2")
        Self.press(&state, .waive)
        guard case .choice(let choices, _)? = state.form?.fields[0].value else {
            Issue.record("no window choice")
            return
        }
        #expect(choices.count == 26)
        #expect(choices.first?.key == "2025-W26" && choices.last?.key == "2025-W01")
    }

    @Test("w is disabled with a reason when nothing is missed", arguments: ["1.1", "3.3", "4.2"])
    func waiveDisabled(_ id: ActivityID) throws {
        var state = try Self.boardOn(id)
        #expect(Self.press(&state, .waive).isEmpty)
        #expect(state.form == nil)
        if state.plan.activity(id)?.schedule.kind == .once {
            // A one-off has no windows to waive at all: the reason says what to do instead.
            #expect(state.message?.phrase.lv.hasPrefix("vienreizējai aktivitātei nav atkārtotu logu") == true)
        } else {
            #expect(state.message == Message(.error, Phrase(lv: "aktivitātei \(id) nav nokavētu logu",
                                                            en: "activity \(id) has no missed window")))
        }
        // The next key clears the message.
        Self.press(&state, .down)
        #expect(state.message == nil)
    }

    // MARK: - Edit and add

    @Test("e: a changed title saves the edited activity with the original")
    func editTitle() throws {
        var state = try Self.boardOn("1.1")
        let original = try #require(state.plan.activity("1.1"))
        #expect(Self.press(&state, .edit).isEmpty)
        #expect(state.form?.kind == .edit(original: original))
        #expect(state.form?["title"] == "Materiāla par drošām cieņpilnām attiecībām izstrāde")
        // The period "2025.g." reads as the stored schedule, so the schedule field is left to it (issue 27).
        #expect(state.form?["period"] == "2025.g." && state.form?["schedule"] == "")
        #expect(state.form?["owners"] == "SG" && state.form?["funding"] == "PB")
        Self.press(&state, key: .control("u"))
        Self.type(&state, "Materiāls par drošām attiecībām")
        var edited = original
        edited.title = "Materiāls par drošām attiecībām"
        #expect(Self.press(&state, key: .enter) == [.save(.edit(edited, original: original))])
    }

    @Test("e then Enter with nothing changed saves nothing and closes the form",
          arguments: ["1.1", "1.3", "1.5", "2.1", "2.4", "2.9", "2.10", "3.3", "4.2", "5.2", "6.1", "7.3"])
    func editUnchanged(_ id: ActivityID) throws {
        var state = try Self.boardOn(id)
        Self.press(&state, .edit)
        #expect(state.form != nil)
        let effects = Self.press(&state, key: .enter)
        #expect(effects.isEmpty, "\(id): \(effects)")
        #expect(state.form == nil)
    }

    @Test("e: an unknown owner code is refused and kept")
    func editRefused() throws {
        var state = try Self.boardOn("5.1")
        Self.press(&state, .edit)
        Self.press(&state, key: .tab, times: 4)
        Self.press(&state, key: .control("u"))
        Self.type(&state, "VP, XX")
        #expect(Self.press(&state, key: .enter).isEmpty)
        #expect(state.form?.error?.lv == "nezināms iestādes kods 'XX'")
        #expect(state.form?["owners"] == "VP, XX")
    }

    @Test("e: the funding field takes an amount in euros after a code, shows it back, and refuses one it cannot read")
    func editAmounts() throws {
        var state = try Self.boardOn("1.1")
        let original = try #require(state.plan.activity("1.1"))
        Self.press(&state, .edit)
        Self.press(&state, key: .tab, times: 5)
        Self.press(&state, key: .control("u"))
        Self.type(&state, "pb 1500.5, VB")
        var edited = original
        edited.funding = ["PB", "VB"]
        edited.amounts = ["PB": Euros("1500.50")!]
        #expect(Self.press(&state, key: .enter) == [.save(.edit(edited, original: original))])

        for (typed, error) in [("PB 1.555", "the amount 1.555 (PB) is not valid"),
                               ("1500 PB", "the amount 1500 in the funding does not follow a funding code"),
                               ("PB 5 6", "the amount 6 in the funding does not follow a funding code")] {
            var again = try Self.boardOn("1.1")
            Self.press(&again, .edit)
            Self.press(&again, key: .tab, times: 5)
            Self.press(&again, key: .control("u"))
            Self.type(&again, typed)
            #expect(Self.press(&again, key: .enter).isEmpty, "\(typed)")
            #expect(again.form?.error?.en.hasPrefix(error) == true, "\(typed): \(String(describing: again.form?.error))")
        }

        var shown = try BoardScreenTests.state(width: 80, height: 24) { plan in
            plan.activities[0].funding = ["PB", "VB"]
            plan.activities[0].amounts = ["VB": Euros("20")!]
        }
        shown.select("1.1")
        Self.press(&shown, .edit)
        #expect(shown.form?["funding"] == "PB, VB 20")
    }

    @Test("a adds an activity with the next id in the selected card's goal")
    func add() throws {
        var state = try Self.boardOn("2.3")
        #expect(Self.press(&state, .add).isEmpty)
        #expect(state.form?.kind == .add)
        #expect(state.form?["goal"] == "2" && state.form?["schedule"] == "" && state.form?["funding"] == "PB")
        Self.press(&state, key: .tab)
        Self.type(&state, "Vecāku vakari skolās")
        Self.press(&state, key: .tab)
        Self.type(&state, "Reizi ceturksnī")
        // The schedule is read from the period and said back, from the start of today's quarter (issue 27).
        #expect(state.form?.fields[3].hint?.lv.hasPrefix("→ katru ceturksni, 2025-07 … 2027-12 (spēkā no 2025-07-01) · ") == true,
                "\(String(describing: state.form?.fields[3].hint))")
        Self.press(&state, key: .tab, times: 3)
        Self.type(&state, "sd, in")
        Self.press(&state, key: .tab, times: 2)
        Self.type(&state, "25 vecāki")
        let expected = Activity(id: "2.12", goal: 2, title: "Vecāku vakari skolās", period: "Reizi ceturksnī",
                                schedule: .every(.quarter, from: .month(2025, 7), to: nil), owners: ["SD", "IN"], funding: ["PB"],
                                target: Target(count: 25, unit: "vecāki"))
        #expect(Self.press(&state, key: .enter) == [.save(.add(expected))])
    }

    @Test("a: choosing another goal numbers the activity in that goal; an empty title is refused")
    func addInAnotherGoal() throws {
        var state = try Self.board()
        Self.press(&state, .add)
        #expect(state.form?["goal"] == "1")
        #expect(Self.press(&state, key: .enter).isEmpty)
        #expect(state.form?.error != nil && state.form?.kind == .add)
        Self.press(&state, key: .right, times: 4)  // goal 5
        #expect(state.form?["goal"] == "5")
        Self.press(&state, key: .tab)
        Self.type(&state, "Reidi pie skolām")
        Self.press(&state, key: .tab)
        Self.type(&state, "Reizi mēnesī")
        Self.press(&state, key: .tab)
        Self.press(&state, key: .control("u"))
        Self.type(&state, "every month")
        Self.press(&state, key: .tab, times: 2)
        Self.type(&state, "PP")
        let effects = Self.press(&state, key: .enter)
        let expected = Activity(id: "5.3", goal: 5, title: "Reidi pie skolām", period: "Reizi mēnesī",
                                schedule: .every(.month, from: .month(2025, 7), to: nil), owners: ["PP"], funding: ["PB"])
        #expect(effects == [.save(.add(expected))])
    }

    @Test("u finds what it would revert, names it and asks; only y reverts, and only that entry")
    func undo() throws {
        var state = try Self.board()
        #expect(Self.press(&state, .undo) == [.findUndo])
        #expect(state.form == nil && state.screen == .board)
        let entry = JournalEntry(id: 12, time: Date(timeIntervalSince1970: 0), author: Self.author, action: "record",
                                 subject: "2.1", after: #"{"id":3,"activity":"2.1","date":"2025-03-10","count":null,"note":null,"author":"a"}"#)
        #expect(reduce(&state, .undoFound(entry)).isEmpty)
        #expect(state.confirmation?.question.lv == "Atsaukt: izpilde 2.1: 2025-03-10? y — atsaukt, n — nē")
        // Another key repeats the question and does nothing.
        #expect(Self.press(&state, key: .character("x")).isEmpty)
        #expect(state.confirmation != nil)
        // n: nothing happens.
        #expect(Self.press(&state, key: .character("n")).isEmpty)
        #expect(state.confirmation == nil)
        _ = reduce(&state, .undoFound(entry))
        // j moves down elsewhere: here it answers nothing.
        #expect(Self.press(&state, key: .character("j")).isEmpty)
        #expect(state.confirmation != nil)
        #expect(Self.press(&state, key: .character("y")) == [.save(.undo(of: 12))])
        #expect(state.confirmation == nil)
        // Nothing to undo: said so.
        _ = reduce(&state, .undoFound(nil))
        #expect(state.message?.kind == .error)
    }

    // MARK: - Answers from the store

    @Test("A refusal from the store lands in the open form and keeps the text; Enter tries again")
    func refusedFromTheStore() throws {
        var state = try Self.boardOn("3.1")
        Self.press(&state, .note)
        Self.type(&state, "Runāts ar direktori")
        #expect(Self.press(&state, key: .enter) == [.save(.note("3.1", "Runāts ar direktori"))])
        #expect(state.form?.saving == true)
        // While saving, keys do not change the form.
        Self.type(&state, "xyz")
        #expect(state.form?["note"] == "Runāts ar direktori")
        let busy = Phrase(lv: "datubāze ir aizņemta", en: "the database is busy")
        #expect(reduce(&state, .refused(busy)).isEmpty)
        #expect(state.form?.error == busy && state.form?.saving == false)
        #expect(state.form?["note"] == "Runāts ar direktori")
        #expect(state.message == nil)
        #expect(Self.press(&state, key: .enter) == [.save(.note("3.1", "Runāts ar direktori"))])
    }

    @Test("A refusal with no form open shows as an error message")
    func refusedWithoutAForm() throws {
        var state = try Self.board()
        Self.press(&state, .undo)
        let nothing = Phrase(lv: "nav ko atsaukt", en: "nothing to undo")
        #expect(reduce(&state, .refused(nothing)).isEmpty)
        #expect(state.message == Message(.error, nothing))
    }

    @Test("A reloaded snapshot with a record of 5.2 in the last ended week puts it on track")
    func reloadedChangesTheBadge() throws {
        var state = try Self.boardOn("5.2")
        #expect(Self.badge("5.2", state) == .overdue(days: 177))
        var snapshot = try Self.snapshot()
        // 2025-06-25 is in 2025-W26 (23–29 June), the latest week that ended before 1 July.
        snapshot.records = RecordIndex([Record(id: 1, activity: "5.2", date: Day(year: 2025, month: 6, day: 25)!, author: "policija")])
        #expect(reduce(&state, .reloaded(snapshot)).isEmpty)
        #expect(Self.badge("5.2", state) == .onTrack)
        #expect(state.layout.states.filter(\.isOverdue).count == 22)
        #expect(Self.selected(state) == "5.2")
        // A record in the open week (W27) alone does not: W26 is still missed, the run began in W01.
        snapshot.records = RecordIndex([Record(id: 2, activity: "5.2", date: Self.today, author: "policija")])
        _ = reduce(&state, .reloaded(snapshot))
        #expect(Self.badge("5.2", state) == .overdue(days: 177))
    }

    @Test("A reload whose plan gained an activity before the selected one keeps the selection on it")
    func reloadKeepsTheSelectionByID() throws {
        var state = try Self.boardOn("5.2")
        var snapshot = try Self.snapshot()
        let at = try #require(snapshot.plan.activities.firstIndex { $0.id == "5.1" })
        var added = snapshot.plan.activities[at]
        added.id = "5.9"
        added.title = "Jauna aktivitāte"
        snapshot.plan.activities.insert(added, at: at)
        _ = reduce(&state, .reloaded(snapshot))
        #expect(Self.selected(state) == "5.2")
        // And one removed before it.
        snapshot.plan.activities.removeAll { $0.id == "5.9" || $0.id == "5.1" }
        _ = reduce(&state, .reloaded(snapshot))
        #expect(Self.selected(state) == "5.2")
    }

    @Test("A reload on the activity screen reloads its journal; a vanished activity returns to the board")
    func reloadedOnTheActivityScreen() throws {
        var state = try Self.boardOn("2.4")
        Self.press(&state, .open)
        let snapshot = try Self.snapshot()
        #expect(reduce(&state, .reloaded(snapshot)) == [.loadJournal(subject: "2.4"), .loadRecords("2.4")])
        var without = snapshot
        without.plan.activities.removeAll { $0.id == "2.4" }
        #expect(reduce(&state, .reloaded(without)).isEmpty)
        #expect(state.screen == .board && state.activity.id == nil)
        #expect(Self.shown(state).count == 28)
    }

    @Test("At midnight the states roll over")
    func dayChanged() throws {
        var state = try Self.board()
        #expect(reduce(&state, .dayChanged(Day(year: 2025, month: 7, day: 2)!)).isEmpty)
        #expect(state.today == Day(year: 2025, month: 7, day: 2)!)
        #expect(Self.badge("1.5", state) == .overdue(days: 2))
        #expect(Self.badge("5.2", state) == .overdue(days: 178))
        #expect(Self.badge("1.1", state) == .open)
        // After the year 2025 the once-2025 activities are overdue from 31 December.
        _ = reduce(&state, .dayChanged(Day(year: 2026, month: 1, day: 1)!))
        #expect(Self.badge("1.1", state) == .overdue(days: 1))
        #expect(Self.badge("3.3", state) == .overdue(days: 1))
        // 2.3 (quarterly): Q1–Q4 2025 missed, overdue from 31 March 2025: 276 days.
        #expect(Self.badge("2.3", state) == .overdue(days: 276))
    }

    @Test("Resizing to any size, tiny ones included, never crashes and keeps the selection valid",
          arguments: [(0, 0), (1, 1), (39, 11), (40, 12), (41, 5), (10, 200), (300, 3), (-5, -5), (80, 24)])
    func resize(width: Int, height: Int) throws {
        var state = try Self.boardOn("2.7")
        #expect(reduce(&state, .resize(width: width, height: height)).isEmpty)
        #expect(state.width == max(width, 0) && state.height == max(height, 0))
        #expect(Self.selected(state) == "2.7")
        for command: Command in [.down, .right, .pageDown, .end, .left, .home, .up, .open, .back, .group, .help, .back] {
            _ = reduce(&state, .command(command))
            var canvas = Canvas(width: state.width, height: state.height)
            render(state, into: &canvas)
            #expect(canvas.lines.count == state.height)
            #expect(state.layout.columns.isEmpty || state.visibleColumns.contains(state.column))
        }
        Self.press(&state, .record)
        var canvas = Canvas(width: state.width, height: state.height)
        render(state, into: &canvas)
        // Below the smallest size no key acts unseen: the form opens only where it can be seen.
        let seen = state.width >= BoardMetrics.minWidth && state.height >= BoardMetrics.minHeight
        #expect((state.form != nil) == seen, "\(width)×\(height)")
    }

    @Test("A command that cannot act says why instead of doing nothing")
    func disabledCommands() throws {
        var state = try Self.board()
        // Search leaves goal 2's column empty.
        Self.press(&state, .search)
        Self.type(&state, "džim")
        Self.press(&state, key: .enter)
        Self.press(&state, .right)
        #expect(state.column == 1 && state.selectedActivity == nil)
        #expect(Self.press(&state, .open).isEmpty)
        #expect(state.screen == .board)
        #expect(state.message == Message(.error, Phrase(lv: "šajā kolonnā nav kartīšu", en: "this column has no cards")))
        for command: Command in [.record, .status, .note, .edit, .waive] {
            #expect(Self.press(&state, command).isEmpty)
            #expect(state.form == nil)
            #expect(state.message == Message(.error, Phrase(lv: "nav izvēlētas aktivitātes", en: "no activity is selected")),
                    "\(command)")
        }
        // By command name too.
        #expect(reduce(&state, .command(.record)).isEmpty)
        #expect(state.message?.kind == .error)
    }
}
