import Foundation
@testable import SargsBoard
import SargsCore
import Testing
import TestSupport

/// The indicators screen (`I`, issue 24): units are never cut away from
/// their labels, percentages and counts do not share one bar scale,
/// numbers use the language's decimal sign ("10,3") and counts agree in
/// number ("1 gadījums").
@Suite("Indicators: units, scales, decimal signs, agreement")
struct IndicatorsScreenTests {
    static func screen(width: Int = 80, height: Int = 24, language: Language = .lv) -> (state: AppState, lines: [String]) {
        var state = AppState(snapshot: Snapshot(plan: LoopTests.plan), today: Day("2025-07-01")!, language: language,
                             width: width, height: height, author: "tests")
        _ = reduce(&state, .key(state.keyMap.key(.indicators)))
        let lines = IndicatorsFeature.lines(state, width: width - 2).map { $0.map(\.0).joined() }
        return (state, lines)
    }

    /// How full a bar is, 0…1, read from its block characters.
    static func fill(_ line: String) -> Double {
        let eighths = Glyphs.unicode.eighths
        let cells = line.map(String.init).filter { eighths.dropFirst().contains($0) }
        let filled = cells.reduce(0) { $0 + (eighths.firstIndex(of: $1) ?? 0) }
        let bar = line.map(String.init)
        // The bar's width: from its first cell to the figure (the run of blocks and spaces after the label).
        guard let first = bar.firstIndex(where: { eighths.dropFirst().contains($0) }) else { return 0 }
        let width = bar[first...].prefix { eighths.contains($0) }.count - 1
        return Double(filled) / Double(8 * max(1, width))
    }

    @Test("every label is read whole at 80, 120 and 200 columns, its bracketed unit on one line", arguments: [80, 120, 200])
    func labelsWhole(_ width: Int) {
        let (state, lines) = Self.screen(width: width)
        // The titles and labels as read down the screen, without the bars and figures beside them.
        let pieces = IndicatorsFeature.lines(state, width: width - 2).compactMap(\.first?.0)
        let text = pieces.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(!text.contains("…"), "\(lines.joined(separator: "\n"))")
        for indicator in state.plan.indicators {
            #expect(text.contains(indicator.title), "\(indicator.title)")
            for value in indicator.values {
                #expect(text.contains(value.label), "“\(value.label)” is not whole:\n\(lines.joined(separator: "\n"))")
                if let open = value.label.lastIndex(of: "(") {
                    let unit = String(value.label[open...])
                    #expect(lines.contains { $0.contains(unit) }, "“\(unit)” is broken over lines")
                }
            }
        }
    }

    @Test("numbers use the language's decimal sign")
    func decimalSign() {
        let lv = Self.screen().lines.joined(separator: "\n")
        #expect(lv.contains("10,3 %") && lv.contains("55,5 %"), "\(lv)")
        #expect(!lv.contains("10.3") && !lv.contains("55.5"))
        let en = Self.screen(language: .en).lines.joined(separator: "\n")
        #expect(en.contains("10.3 %") && en.contains("55.5 %"), "\(en)")
    }

    @Test("a count agrees with its number: 1 gadījums, 2 gadījumi")
    func countsAgree() {
        let lines = Self.screen().lines
        let youngest = lines.first { $0.contains("līdz 5 gadiem") } ?? ""
        #expect(youngest.hasSuffix("1 gadījums"), "\(youngest)")
        #expect(lines.first { $0.contains("6–10 gadi") }?.hasSuffix("2 gadījumi") == true)
        #expect(!lines.joined().contains("1 gadījumi"))
    }

    @Test("Latvian agreement follows CLDR: 1, 21, 101, 0,1 singular; 11, 111, 0, 2 plural",
          arguments: [("1", true), ("21", true), ("101", true), ("0,1", true), ("10,21", true), ("11", false), ("111", false),
                      ("0", false), ("2", false), ("10,3", false), ("10,11", false)])
    func latvianOne(_ number: String, _ one: Bool) {
        #expect(IndicatorsFeature.latvianOne(number) == one)
    }

    @Test("the singular of a plural unit", arguments: [("gadījumi", "gadījums"), ("jaunieši", "jaunietis"), ("dienas", "diena"),
                                                       ("aktivitātes", "aktivitāte"), ("pedagogi", "pedagogs"), ("skolotāji", "skolotājs"),
                                                       ("mēneši", "mēnesis"), ("%", "%")])
    func singular(_ plural: String, _ one: String) {
        #expect(IndicatorsFeature.singular(plural) == one)
    }

    @Test("percentages are drawn against 100 %, not against a count beside them; a count alone in its unit has no bar")
    func scales() throws {
        let lines = Self.screen(width: 120).lines
        // The survey: 136 specialists and 10,3 % of them.
        let share = try #require(lines.first { $0.contains("10,3 %") })
        #expect(abs(Self.fill(share) - 0.103) < 0.02, "\(share): \(Self.fill(share))")
        let surveyed = try #require(lines.first { $0.contains("Aptaujātie speciālisti") })
        #expect(Self.fill(surveyed) == 0, "a lone count is not drawn against the percentage: \(surveyed)")
        // The national figures: 55,5 % and 85 % against 100, not against 300 cases.
        let offences = try #require(lines.first { $0.contains("55,5 %") })
        #expect(abs(Self.fill(offences) - 0.555) < 0.02, "\(offences): \(Self.fill(offences))")
        let known = try #require(lines.first { $0.contains("85 %") })
        #expect(abs(Self.fill(known) - 0.85) < 0.02, "\(known): \(Self.fill(known))")
        // Counts of one unit still share their scale: 6 and 8 cases.
        let year2022 = try #require(lines.first { $0.contains("2022") && $0.contains("6 gadījumi") })
        #expect(abs(Self.fill(year2022) - 0.75) < 0.02, "\(year2022): \(Self.fill(year2022))")
    }
}
