import Foundation
import SargsBoard
import SargsCore
import SargsPlanFile
import Testing
import TestSupport

/// Issue 27, a card that says why, read off the screen at the three sizes
/// the board is looked at: an overdue repeating activity names the window it
/// owes (shorter on a narrow card), a one-off carried out but not marked
/// finished says so instead of turning overdue, and a status the badge does
/// not say ("notiek") stands on the card.
@Suite("Badges that say why, at 80×24, 120×40 and 200×60")
struct BadgeScreenTests {
    static let today = Day("2025-07-01")!

    static func state(width: Int, height: Int, language: Language = .lv) throws -> AppState {
        var plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        // 1.3 (quarterly) is being done: its status says so, beside what it owes.
        if let i = plan.activities.firstIndex(where: { $0.id == "1.3" }) { plan.activities[i].status = .active }
        // 1.1 (once, 2025) was carried out in March and not marked finished.
        let records = [Record(id: 1, activity: "1.1", date: Day("2025-03-12")!, author: "tests")]
        return AppState(snapshot: Snapshot(plan: plan, records: records), today: today, language: language,
                        width: width, height: height, author: "tests")
    }

    /// The lines that must stand on the screen, whole (trailing spaces too).
    static let expected: [Int: [String]] = [
        80: [
            " ○ nav pabeigta             ▲ nokavēta 92 d.           ▲ 2025. g. II cet. +1    ",
            " ▲ II cet. +1      notiek   ▲ 2025. g. II cet. +1      ○ atvērta                ",
        ],
        120: [
            " ○ nav pabeigta          ▲ nokavēta 92 d.        noteikumiem             DARI                    ▲ 2025. g. jūnijs +5   ",
            " 1.3 IN            0/3   2.3 SD,IN               kuri audzina bērnus     grupām                  ▲ 26. ned. +25         ",
            " ▲ II cet. +1   notiek   ▲ 2025. g. II cet. +1   pusgadā                                                                ",
        ],
        200: [
            " ○ nav pabeigta                                          ceturksnī                   ▲ 2025. g. II cet. +1                                   pārstāvjiem, kuri audzina   Visu periodu pēc               ",
            " 2025.g.                                                 g.v. Sargeņģeļa programmu   Visu periodu pēc            ▲ 2025. g. 26. ned. +25                                 plānu darbam ar bērniem ar     ",
            " ▲ II cet. +1       notiek   Apmācīti 30 skolu           vidē                        cieņpilnām attiecībām                                                               kas veikušas BSI               ",
        ],
    ]

    @Test("the three sizes: the owed window, shorter where the card is narrow; 'nav pabeigta'; 'notiek' beside the badge",
          arguments: [(80, 24), (120, 40), (200, 60)])
    func sizes(_ width: Int, _ height: Int) throws {
        let state = try Self.state(width: width, height: height)
        var canvas = Canvas(width: width, height: height)
        render(state, into: &canvas)
        let lines = (0..<height).map { canvas.line($0) }
        for line in Self.expected[width] ?? [] {
            #expect(lines.contains(line), "\(width)×\(height): missing\n\(line)\n in\n\(lines.joined(separator: "\n"))")
        }
        // Never "nokavēta" for the one-off carried out, never a badge cut with "…".
        #expect(!lines.contains { $0.hasPrefix(" ▲ nokavēta") && $0.contains("1.1") })
        #expect(!lines.contains { $0.contains("▲") && $0.contains("cet…") })
    }

    @Test("in English at 120×40: 'not finished', 'Q2 2025 +1', 'active'")
    func english() throws {
        let state = try Self.state(width: 120, height: 40, language: .en)
        var canvas = Canvas(width: 120, height: 40)
        render(state, into: &canvas)
        let text = (0..<40).map { canvas.line($0) }.joined(separator: "\n")
        #expect(text.contains("○ not finished"), "\(text)")
        #expect(text.contains("active"), "\(text)")
        #expect(!text.contains("notiek") && !text.contains("nav pabeigta"))
    }
}

/// Issue 27, the add and edit forms: what saving would refuse is said under
/// the field before Enter, and on a short screen the fields scroll so the
/// focused one and the refusal stay in view.
@Suite("The add and edit forms over time")
struct FormOverTimeTests {
    static func board(_ today: String, width: Int = 120, height: Int = 40, records: [Record] = []) throws -> AppState {
        let plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        return AppState(snapshot: Snapshot(plan: plan, records: records), today: Day(today)!, language: .lv,
                        width: width, height: height, author: "tests")
    }

    static func hint(_ state: AppState, _ key: String) -> String {
        state.form?.fields.first { $0.key == key }?.hint?.lv ?? ""
    }

    @Test("a start in a closed year, a schedule past the plan, and a change that would erase owed windows are said before saving")
    func saidBeforeSaving() throws {
        var state = try Self.board("2026-02-10")
        ReducerTests.press(&state, .add)
        ReducerTests.press(&state, key: .tab, times: 2)
        ReducerTests.type(&state, "Reizi mēnesī")
        #expect(Self.hint(state, "period").hasPrefix("→ katru mēnesi, 2026-02 … 2027-12 (spēkā no 2026-02-01) · "), "\(Self.hint(state, "period"))")
        ReducerTests.press(&state, key: .tab, times: 2)
        ReducerTests.type(&state, "2025-06-01")
        #expect(Self.hint(state, "effective").hasPrefix("✗ 2025. gads ir noslēgts"), "\(Self.hint(state, "effective"))")
        ReducerTests.press(&state, key: .tab)
        ReducerTests.press(&state, key: .backTab)
        ReducerTests.press(&state, key: .backTab)
        ReducerTests.type(&state, "every quarter 2026-01..2028-06")
        #expect(Self.hint(state, "schedule").hasPrefix("✗ grafiks iziet ārpus plāna perioda"), "\(Self.hint(state, "schedule"))")

        // 5.1 (monthly) owes January to March 2026: changing it to quarterly from April would erase them.
        var edit = try Self.board("2026-05-10")
        edit.select("5.1")
        ReducerTests.press(&edit, .edit)
        ReducerTests.press(&edit, key: .tab, times: 2)
        ReducerTests.type(&edit, "reizi ceturksnī")
        #expect(Self.hint(edit, "schedule").hasPrefix("✗ grafika maiņa no 2026-04-01 izdzēstu 5.1 nokavētos logus 2026. g. janvāris, 2026. g. februāris, 2026. g. marts"), "\(Self.hint(edit, "schedule"))")
        #expect(ReducerTests.press(&edit, key: .enter).isEmpty)
        #expect(edit.form?.error?.lv.contains("vispirms ierakstiet izpildi vai atbrīvojiet tos ar iemeslu (w; sargs waive)") == true)
    }

    @Test("at 41×12 the form scrolls to the focused field and keeps the refusal in view, and says how many fields are above")
    func shortScreen() throws {
        var state = try Self.board("2026-02-10", width: 41, height: 12)
        ReducerTests.press(&state, .add)
        ReducerTests.press(&state, key: .tab)
        ReducerTests.type(&state, "Vakari")
        ReducerTests.press(&state, key: .tab)
        ReducerTests.type(&state, "Reizi mēnesī")
        ReducerTests.press(&state, key: .tab, times: 3)
        ReducerTests.press(&state, key: .enter)
        var canvas = Canvas(width: 41, height: 12)
        render(state, into: &canvas)
        let text = (0..<12).map { canvas.line($0) }.joined(separator: "\n")
        #expect(text.contains("Atbildīgie"), "the focused field in view:\n\(text)")
        #expect(text.contains("aktivitātei jābūt vismaz vienai"), "the refusal in view:\n\(text)")
        #expect(text.contains("↑ 5") && text.contains("+1 ↓"), "the fields out of view are counted (under 60 columns each label stands over its value):\n\(text)")
        #expect(canvas.line(3).contains("Atbildīgie"), "the first field in view starts under the title, no gap of a field cut above:\n\(text)")
    }

    @Test("a period changed in the edit form while the schedule field holds another is said, not silently ignored")
    func periodNotRead() throws {
        var edit = try Self.board("2026-02-10")
        edit.select("2.3")
        ReducerTests.press(&edit, .edit)
        ReducerTests.press(&edit, key: .tab, times: 2)
        ReducerTests.press(&edit, key: .control("u"))
        ReducerTests.type(&edit, "every month")
        ReducerTests.press(&edit, key: .backTab)
        ReducerTests.press(&edit, key: .control("u"))
        ReducerTests.type(&edit, "Reizi pusgadā")
        #expect(Self.hint(edit, "period").contains("periods saka “katru pusgadu”, bet grafiks ņemts no lauka “Grafiks”"), "\(Self.hint(edit, "period"))")
    }
}

/// Issue 27, from a new user's check: a one-off recorded in its span and
/// again after its deadline still says it was carried out and offers `d`;
/// a repeating activity marked done still names the window it owes; a
/// blocked card keeps the word "bloķēta" however narrow.
@Suite("Cards that keep saying why")
struct CardsKeepSayingWhyTests {
    @Test("the badges of those cases, on a card 24 columns wide")
    func badges() throws {
        var plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        func set(_ id: String, _ status: Status, _ note: String? = nil) {
            if let i = plan.activities.firstIndex(where: { $0.id == id }) { plan.activities[i].status = status; plan.activities[i].statusNote = note }
        }
        set("1.3", .done)
        set("1.4", .blocked, "Nav telpu")
        let records = [Record(id: 1, activity: "1.2", date: Day("2025-06-20")!, author: "t"),
                       Record(id: 2, activity: "1.2", date: Day("2026-02-01")!, author: "t")]
        let state = AppState(snapshot: Snapshot(plan: plan, records: records), today: Day("2026-02-02")!, language: .lv,
                             width: 80, height: 24, author: "t")
        let tracker = state.tracker
        let once = try #require(plan.activity("1.2")), done = try #require(plan.activity("1.3")), blocked = try #require(plan.activity("1.4"))
        #expect(tracker.recordedNotFinished(once, on: state.today))
        let owed = tracker.owed(of: done, on: state.today)
        #expect(owed.first == "2025-Q4", "\(owed)")
        let badge = Badge(tracker.state(of: blocked, on: state.today), owed: tracker.owed(of: blocked, on: state.today), glyphs: .unicode, language: .lv)
        #expect(badge.text(fitting: 12).contains("bloķēta"), "\(badge.text(fitting: 12))")
        #expect(badge.text(fitting: 24).hasPrefix("■▲ bloķēta"), "\(badge.text(fitting: 24))")
    }
}
