import SargsCore
import SargsPlanFile
import Testing
import TestSupport

@Suite("Writing then reading gives back an equal plan")
struct RoundTripTests {
    @Test func madona() throws {
        let plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        let again = try PlanFile.parse(PlanFile.yaml(plan), file: "export.yaml")
        #expect(again == plan)
    }

    @Test func madonaWithEditsAndStatuses() throws {
        var plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        plan.activities[0].status = .done
        plan.activities[3].status = .blocked
        plan.activities[3].statusNote = "Nav finansējuma: 2.10 nav 2.1"
        plan.activities[5].title = "true"
        plan.activities[6].title = "2.10"
        plan.activities[7].links = ["https://example.org/a: b"]
        let again = try PlanFile.parse(PlanFile.yaml(plan), file: "export.yaml")
        #expect(again == plan)
    }

    @Test(arguments: [1, 7, 50, 400] as [Int], [1, 2, 3] as [UInt64])
    func generated(activities: Int, seed: UInt64) throws {
        let plan = SyntheticPlan.plan(activities: activities, seed: seed)
        let text = PlanFile.yaml(plan)
        let again = try PlanFile.parse(text, file: "generated.yaml")
        #expect(again == plan)
        #expect(PlanFile.yaml(again) == text)
    }

    @Test func idsAreAlwaysQuoted() throws {
        let plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        let text = PlanFile.yaml(plan)
        #expect(text.contains("id: \"2.10\""))
        #expect(!text.contains("id: 2.10"))
    }

    @Test func jsonHasTheSameKeys() throws {
        let plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        let json = PlanFile.json(plan)
        #expect(json.contains("\"id\": \"madona-2025-2027\""))
        #expect(json.contains("\"schedule\": {\n"))
        #expect(json.contains("\"every\": \"week\""))
    }
}
