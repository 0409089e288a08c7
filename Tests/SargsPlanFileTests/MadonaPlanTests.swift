import Foundation
import SargsCore
import SargsPlanFile
import Testing
import TestSupport

@Suite("The bundled Madona plan")
struct MadonaPlanTests {
    let plan: Plan

    init() throws {
        plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
    }

    @Test func hasSevenGoalsWithTheirActivities() {
        #expect(plan.goals.map(\.number) == [1, 2, 3, 4, 5, 6, 7])
        #expect(plan.goals.map { plan.activities(of: $0.number).count } == [5, 11, 4, 3, 2, 1, 3])
        #expect(plan.activities.count == 29)
        #expect(plan.period == DayRange(Day("2025-01-01")!, Day("2027-12-31")!))
    }

    @Test func goalsSitOnTheirLevels() {
        #expect(plan.goals.map(\.level) == [.primary, .primary, .secondary, .secondary, .secondary, .secondary, .tertiary])
    }

    @Test func expectedResultsUseTheSecondOfTheDoubledNumbers() {
        #expect(plan.goal(3)?.results.map(\.id) == ["3.1", "3.2"])
        #expect(plan.goal(4)?.results.map(\.id) == ["4.1"])
        #expect(plan.goal(5)?.results.map(\.id) == ["5.1", "5.2"])
        #expect(plan.goals.allSatisfy { goal in goal.results.allSatisfy { $0.id.hasPrefix("\(goal.number).") } })
    }

    @Test func activityIdsArePositionsWithinTheirGoal() {
        for goal in plan.goals {
            let ids = plan.activities(of: goal.number).map(\.id)
            #expect(ids == (1...ids.count).map { "\(goal.number).\($0)" })
        }
    }

    /// The normalisation of SPEC §3, applied to the plan's own wording.
    static func expectedSchedule(for wording: String) -> Schedule? {
        let w = wording.lowercased()
        if w.contains("pēc nepieciešamības") { return .asNeeded }
        if w.contains("pusgadā") || w.contains("sešos mēnešos") { return .every(.halfYear, from: nil, to: nil) }
        if w.contains("ceturksnī") { return .every(.quarter, from: nil, to: nil) }
        if w.contains("mēnesī") { return .every(.month, from: nil, to: nil) }
        if w.contains("nedēļā") { return .every(.week, from: nil, to: nil) }
        if w.contains("februāris – marts") { return .once(from: .month(2025, 2), to: .month(2025, 3)) }
        if w.contains("aprīlis – maijs") { return .once(from: .month(2025, 4), to: .month(2025, 5)) }
        if w.contains("jūnijs") { return .once(from: .month(2025, 6), to: .month(2025, 6)) }
        if w == "2025.–2027.g." || w == "visu periodu" || w == "regulāri visa perioda laikā" {
            return .ongoing(report: .quarter, from: nil, to: nil)
        }
        if w == "2025.g." || w == "2025. gadā" { return .once(from: .year(2025), to: .year(2025)) }
        return nil
    }

    @Test func everyScheduleFollowsTheNormalisationOfItsWording() {
        for activity in plan.activities {
            let expected = Self.expectedSchedule(for: activity.period)
            #expect(expected != nil, "no rule covers the wording '\(activity.period)' of \(activity.id)")
            #expect(activity.schedule == expected, "\(activity.id): '\(activity.period)'")
        }
    }

    @Test(arguments: [
        ("1.1", "2025.g."), ("2.1", "2025. g. februāris – marts"), ("2.2", "2025.g. aprīlis – maijs"),
        ("2.3", "Visu periodu reizi ceturksnī"), ("2.4", "Regulāri visa perioda laikā"), ("2.9", "2025.g. jūnijs"),
        ("3.3", "2025. gadā"), ("3.4", "Visu periodu reizi mēnesī"), ("4.1", "Visu periodu"),
        ("4.2", "Visu periodu pēc nepieciešamības"), ("4.3", "Visu periodu reizi sešos mēnešos"),
        ("5.2", "Reizi nedēļā"), ("1.3", "2025.–2027.g."), ("1.5", "Visu periodu reizi pusgadā"),
    ])
    func periodWordingIsKeptVerbatim(id: String, wording: String) {
        #expect(plan.activity(id)?.period == wording)
    }

    @Test func aNumberInATitleIsTheTarget() {
        let expected: [String: Int] = ["1.3": 3, "1.4": 10, "2.4": 30, "2.5": 19, "2.6": 30, "2.7": 10,
                                       "2.8": 15, "2.10": 30, "2.11": 10, "3.3": 50]
        #expect(Dictionary(uniqueKeysWithValues: plan.activities.compactMap { a in a.target.map { (a.id, $0.count) } })
                == expected)
        for (id, count) in expected {
            #expect(plan.activity(id)!.title.contains("\(count) "), "\(id) title names \(count)")
        }
    }

    @Test(arguments: [
        ("1.5", ["IN", "JC"], ["PB", "ESF"]), ("2.4", ["IN"], ["PB", "VB"]),
        ("2.9", ["SD", "IN", "AN", "BT", "VP"], ["PB"]), ("3.1", ["SD", "IN", "BT", "VP"], ["PB"]),
        ("5.2", ["VP", "PP"], ["PB", "VB"]), ("7.3", ["SD", "VPD"], ["VB"]), ("1.1", ["SG"], ["PB"]),
    ])
    func ownersAndFundingUseTheCodes(id: String, owners: [String], funding: [String]) {
        #expect(plan.activity(id)?.owners == owners)
        #expect(plan.activity(id)?.funding == funding)
    }

    @Test func linksAreOutOfTheTitles() {
        #expect(plan.activities.allSatisfy { !$0.title.contains("http") })
        #expect(plan.activity("1.1")?.links.count == 2)
        #expect(plan.activity("2.10")?.links == ["https://www.manadrosiba.lv/"])
    }

    @Test func glossaryHasThePlansListAndTheUnlistedCodes() {
        let abbreviations = Set(plan.glossary.map(\.abbreviation))
        for code in ["BEA", "BSI", "CAP", "GRT", "KSU", "PII", "UNICEF", "STOP 4/7",
                     "BT", "PP", "VPD", "PB", "VB", "ESF", "IN", "AN", "JC", "SG", "SD", "VP"] {
            #expect(abbreviations.contains(code), "glossary lacks \(code)")
        }
    }

    @Test func indicatorsCarryThePlansFigures() throws {
        let cases = try #require(plan.indicators.first { $0.id == "cases-registered" })
        #expect(cases.values.map(\.value) == [6, 8])
        let ages = try #require(plan.indicators.first { $0.id == "cases-2023-by-age" })
        #expect(ages.values.map(\.value) == [1, 2, 5])
        #expect(plan.indicators.contains { $0.values.contains { $0.value == 136 } })
    }

    @Test func levelsGoalsAndInstitutionsHaveEnglishTitles() {
        #expect(plan.goals.allSatisfy { $0.en != nil })
        #expect(plan.institutions.allSatisfy { $0.en != nil })
        #expect(plan.activities.allSatisfy { $0.en != nil })
    }

    @Test func holdsNoPersonalCode() throws {
        let text = try String(contentsOfFile: Fixtures.madonaPlanPath, encoding: .utf8)
        #expect(PersonalCode.find(in: text) == nil)
    }
}
