import Foundation
import SargsCore
@testable import SargsPlanFile
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

/// The writer's quoting rule, rewritten without Foundation's string bridging
/// for speed (issue 14), decides exactly as the rule it replaced.
@Suite("Plan file writer: quoting")
struct QuotingTests {
    /// The rule as it was, kept as the oracle.
    static func previousRule(_ s: String) -> Bool {
        if s.isEmpty || s != s.trimmingCharacters(in: .whitespacesAndNewlines) { return true }
        let lower = s.lowercased()
        if ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"].contains(lower) { return true }
        if Double(s) != nil || Int(s) != nil { return true }
        if let first = s.first, "0123456789+-.".contains(first), s.allSatisfy({ "0123456789-:.+ TtZz".contains($0) }) {
            return true
        }
        return false
    }

    static let samples: [String] = [
        "", " ", "a", "Y", "yes", "Yes", "NO", "off", "On", "null", "Null", "~", "true ", " false", "nullx", "yess",
        "1", "-1", "+1", "1.5", ".5", "1e3", "0x1F", "inf", "-inf", "nan", "NaN", "Infinity", ".inf", "2025-03-01",
        "2025-03-01T10:00:00Z", "10:30", "1 2", "1a", "-", ".", "+", "2.10", "4.714", "Reizi gadā", "Āboli", "ē",
        "\u{00A0}Sociālais dienests", "dienests\u{2003}", "\tTab", "rinda\n", "\u{2028}", "x\u{3000}", "SD", "VP,PP",
        "“Drošs bērns”", "#1", "a: b", "- item", "1.1.", "12:", "T", "Z", "1T", "+-", "0.0.0", "١٢",
    ]

    @Test("the rewritten rule quotes exactly what the previous one did")
    func sameDecisions() {
        var random = SyntheticPlan.Random(seed: 11)
        let alphabet = Array("aYnN0123456789.-+:eE TtZz\u{00A0}\t\nĀē~xo")
        var strings = Self.samples
        for _ in 0..<5_000 {
            let length = random.int(0...6)
            strings.append(String((0..<length).map { _ in alphabet[random.int(0...(alphabet.count - 1))] }))
        }
        var quoted = 0
        for s in strings {
            #expect(Tree.needsQuotes(s) == Self.previousRule(s), "\(s.debugDescription)")
            if Self.previousRule(s) { quoted += 1 }
        }
        #expect(quoted > 100 && quoted < strings.count - 100, "the samples exercise both answers")
    }
}

@Suite("Due days inside each window in the plan file")
struct DueDayPlanFileTests {
    @Test("a yearly and a monthly due day are read, and plan export writes them back")
    func roundTrip() throws {
        var text = broken("schedule: {ongoing: {report: quarter}}", "schedule: {every: year, due: 03-01}")
        text = text.replacingOccurrences(of: "schedule: {once: {from: 2025-02, to: 2025-03}}",
                                         with: "schedule: {every: month, from: 2025-02, due: 31}")
        let plan = try PlanFile.parse(text, file: "tiny.yaml")
        #expect(plan.activities.map(\.schedule.due) == [DueDay("03-01"), DueDay("31")])
        let yaml = PlanFile.yaml(plan)
        #expect(yaml.contains("schedule: {every: year, due: 03-01}"))
        #expect(yaml.contains("schedule: {every: month, from: 2025-02, due: 31}"))
        #expect(try PlanFile.parse(yaml, file: "export.yaml") == plan)
    }
}

@Suite("Amounts in euros and goals without a level in the plan file")
struct AmountPlanFileTests {
    @Test("amounts beside plain codes and a goal without a level are read, and plan export writes them back")
    func roundTrip() throws {
        var text = broken("funding: [PB, VB]", "funding: [{code: PB, eur: 1500.5}, VB]")
        text = text.replacingOccurrences(of: "    level: primary\n", with: "")
        text = text.replacingOccurrences(of: "        funding: [PB]", with: "        funding: [{code: PB, eur: 0.05}, {code: ESF}]")
        let plan = try PlanFile.parse(text, file: "tiny.yaml")
        #expect(plan.goals.first?.level == nil)
        #expect(plan.activities[0].funding == ["PB", "VB"])
        #expect(plan.activities[0].amounts == ["PB": Euros("1500.50")!])
        #expect(plan.activities[1].funding == ["PB", "ESF"])
        #expect(plan.activities[1].amounts == ["PB": Euros("0.05")!])
        let yaml = PlanFile.yaml(plan)
        #expect(yaml.contains("funding: [{code: PB, eur: 1500.5}, VB]"))
        #expect(yaml.contains("funding: [{code: PB, eur: 0.05}, ESF]"))
        #expect(!yaml.contains("level:"))
        #expect(try PlanFile.parse(yaml, file: "export.yaml") == plan)
        #expect(try PlanFile.parse(PlanFile.json(plan), file: "export.json") == plan)
    }

    @Test("every amount in cents survives the plan file", arguments: [1, 5, 10, 29, 99, 101, 150_050, 123_456_789, 99_999_999_999, 100_000_000_000])
    func cents(cents: Int) throws {
        let amount = try #require(Euros(cents: cents))
        let text = broken("funding: [PB, VB]", "funding: [{code: PB, eur: \(amount)}]")
        let plan = try PlanFile.parse(text, file: "tiny.yaml")
        #expect(plan.activities[0].amounts["PB"] == amount)
        #expect(try PlanFile.parse(PlanFile.yaml(plan), file: "export.yaml") == plan)
    }
}

@Suite("Institutions' mailboxes in the plan file")
struct MailboxPlanFileTests {
    @Test("an institution's email is read, and plan export writes it back")
    func roundTrip() throws {
        let text = broken("period: {from: 2025, to: 2026}\n", """
            period: {from: 2025, to: 2026}
            institutions:
              - {code: SD, name: Sociālais dienests, email: socialais.dienests@example.lv}
              - {code: NVO, name: Biedrība}

            """)
        let plan = try PlanFile.parse(text, file: "tiny.yaml")
        #expect(plan.institution("SD")?.email == "socialais.dienests@example.lv")
        #expect(plan.institution("NVO")?.email == nil)
        let yaml = PlanFile.yaml(plan)
        #expect(yaml.contains("email: socialais.dienests@example.lv"))
        #expect(try PlanFile.parse(yaml, file: "export.yaml") == plan)
    }
}

extension QuotingTests {
    @Test("no tag is written: every value is a plain or quoted scalar, list or map as YAML reads it")
    func noTags() throws {
        let plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        let yaml = PlanFile.yaml(plan)
        #expect(!yaml.contains("!!"))
        #expect(yaml.contains("\ngoals:\n"))
        #expect(yaml.contains("  owners: [") || yaml.contains("    owners: ["))
        let large = PlanFile.yaml(SyntheticPlan.plan(activities: 300, seed: 4))
        #expect(!large.contains("!!"))
    }
}
