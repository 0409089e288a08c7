import Foundation
import SargsBoard
import SargsCore
import SargsPlanFile
import Testing
import TestSupport

/// Search folds text through a table rather than Foundation per keystroke,
/// and the board reuses each activity's state across filters: both must give
/// exactly what the slow, obvious way gives.
@Suite("Search and filters over cached facts")
struct SearchTests {
    static func foundation(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    @Test("each scalar up to U+2FFF folds as Foundation folds it; combining marks fold to nothing")
    func everyScalar() {
        var differ: [String] = []
        for v in UInt32(0x20)..<0x3000 {
            guard let scalar = Unicode.Scalar(v) else { continue }
            // Alone, Foundation keeps a combining mark; after its letter (the
            // only way text holds one), it drops it, and so does the table.
            if (0x300..<0x370).contains(v) {
                if !BoardLayout.fold(String(scalar)).isEmpty { differ.append(String(v, radix: 16)) }
                continue
            }
            let text = String(scalar)
            if BoardLayout.fold(text) != Self.foundation(text) { differ.append(String(v, radix: 16)) }
        }
        #expect(differ.isEmpty, "scalars folded differently: \(differ.prefix(20))")
    }

    @Test("Latvian and mixed text, precomposed or with combining marks, folds as Foundation folds it")
    func strings() {
        let pieces = ["Sociālais", "DIENESTS", "ģimene", "ĶĪŠU", "ž", "Ļ", "ņ", "a\u{0304}", "E\u{030C}", " ", "-", "5.2",
                      "Ötö", "ß", "Жук", "日本", "İ", "Ø"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(BoardLayout.fold(text) == Self.foundation(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(BoardLayout.fold("Sociālā DIENESTA ĢIMENES") == "sociala dienesta gimenes")
    }

    @Test("a layout over reused facts equals a layout computed afresh, for 400 random filters")
    func reusedFacts() throws {
        let plan = SyntheticPlan.plan(activities: 300, seed: 5)
        let today = Day(year: 2026, month: 3, day: 14)!
        let records = SyntheticPlan.records(for: plan, count: 3_000, until: today, seed: 6)
        let tracker = Tracker(Snapshot(plan: plan, records: records))
        var facts = BoardFacts(plan: plan, tracker: tracker, today: today)
        facts.prepareSearch(plan)
        var rng = SystemRandomNumberGenerator()
        let words = plan.activities.prefix(40).flatMap { $0.title.split(separator: " ").map(String.init) }
        let owners = Array(Set(plan.activities.flatMap(\.owners)))
        for _ in 0..<400 {
            var filter = Filter()
            if Bool.random(using: &rng) {
                let word = words.randomElement(using: &rng)!
                let cut = word.dropFirst(Int.random(in: 0...min(2, word.count - 1), using: &rng))
                filter.text = Bool.random(using: &rng) ? cut.uppercased() : String(cut)
            }
            if Int.random(in: 0...3, using: &rng) == 0 { filter.owners = [owners.randomElement(using: &rng)!] }
            if Int.random(in: 0...3, using: &rng) == 0 { filter.overdueOnly = true }
            if Int.random(in: 0...3, using: &rng) == 0 { filter.states = [StateGroup.allCases.randomElement(using: &rng)!] }
            let grouping = Grouping.allCases.randomElement(using: &rng)!
            let reused = BoardLayout(plan: plan, facts: facts, grouping: grouping, filter: filter, language: .lv)
            let fresh = BoardLayout(plan: plan, tracker: tracker, today: today, grouping: grouping, filter: filter, language: .lv)
            #expect(reused.columns == fresh.columns)
            #expect(reused.hidden == fresh.hidden)
            // The slow, obvious search: Foundation's folding of the joined fields.
            if !filter.text.isEmpty, filter == { var f = Filter(); f.text = filter.text; return f }() {
                let needle = Self.foundation(filter.text)
                let expected = plan.activities.filter { a in
                    Self.foundation([a.id, a.title, a.en ?? "", a.period, a.owners.joined(separator: " ")].joined(separator: " "))
                        .contains(needle)
                }.count
                #expect(plan.activities.count - reused.hidden == expected, "search “\(filter.text)”")
            }
        }
    }

    @Test("typing, Backspace and Esc in a search give the cards a fresh search gives, 300 random keys at a time")
    func typingAgainstFresh() throws {
        let plan = SyntheticPlan.plan(activities: 400, seed: 21)
        let today = Day(year: 2026, month: 5, day: 2)!
        var state = AppState(snapshot: Snapshot(plan: plan), today: today, width: 200, height: 60)
        let letters = Array("apmācībdrošvecksoliet ĀŠ.2")
        var rng = SystemRandomNumberGenerator()
        _ = reduce(&state, .key(.character("/")))
        for _ in 0..<300 {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0..<6: _ = reduce(&state, .key(.character(letters.randomElement(using: &rng)!)))
            case 6..<9: _ = reduce(&state, .key(.backspace))
            default:
                _ = reduce(&state, .key(.escape))
                _ = reduce(&state, .key(.character("/")))
            }
            let fresh = BoardLayout(plan: plan, tracker: state.tracker, today: today, grouping: state.grouping,
                                    filter: state.filter, language: state.language)
            #expect(state.layout.columns == fresh.columns, "search “\(state.filter.text)”")
            // And the cards are those whose text contains the search, as Foundation folds and finds it.
            let needle = Self.foundation(state.filter.text)
            let expected = needle.isEmpty ? plan.activities.count : plan.activities.filter { a in
                Self.foundation([a.id, a.title, a.en ?? "", a.period, a.owners.joined(separator: " ")].joined(separator: " "))
                    .contains(needle)
            }.count
            #expect(plan.activities.count - state.layout.hidden == expected, "search “\(state.filter.text)”")
        }
    }

    @Test("a new day recomputes the states; a new grouping or filter does not")
    func factsFollowTheDay() throws {
        let plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        var state = AppState(snapshot: Snapshot(plan: plan), today: Day(year: 2025, month: 3, day: 31)!)
        let before = state.facts.states
        _ = reduce(&state, .command(.group))
        _ = reduce(&state, .command(.overdueOnly))
        #expect(state.facts.states == before)
        _ = reduce(&state, .dayChanged(Day(year: 2025, month: 4, day: 1)!))
        #expect(state.facts.day == Day(year: 2025, month: 4, day: 1)!)
        #expect(state.facts.states != before, "quarterly activities become overdue on 1 April")
        #expect(state.layout.states == state.facts.states)
    }
}
