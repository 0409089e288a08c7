import Foundation
import Testing
import SargsCore
import SargsPlanDraft

/// Issue 16, SPEC §3: an amount in euros per funding source, and goals
/// without a level.
@Suite("Amounts in euros")
struct EurosTests {
    @Test("the plan file's amounts, read exactly, written back the same", arguments: [
        ("1500", 150_000, "1500", "1\u{00A0}500 EUR", "EUR 1,500"),
        ("1500.5", 150_050, "1500.50", "1\u{00A0}500,50 EUR", "EUR 1,500.50"),
        ("1500.05", 150_005, "1500.05", "1\u{00A0}500,05 EUR", "EUR 1,500.05"),
        ("0", 0, "0", "0 EUR", "EUR 0"),
        ("0.99", 99, "0.99", "0,99 EUR", "EUR 0.99"),
        ("999", 99_900, "999", "999 EUR", "EUR 999"),
        ("1234567.8", 123_456_780, "1234567.80", "1\u{00A0}234\u{00A0}567,80 EUR", "EUR 1,234,567.80"),
        ("1000000000", 100_000_000_000, "1000000000", "1\u{00A0}000\u{00A0}000\u{00A0}000 EUR", "EUR 1,000,000,000"),
    ] as [(String, Int, String, String, String)])
    func reads(text: String, cents: Int, written: String, lv: String, en: String) throws {
        let amount = try #require(Euros(text))
        #expect(amount.cents == cents)
        #expect(amount.description == written)
        #expect(Euros(amount.description) == amount)
        #expect(amount.text(.lv) == lv)
        #expect(amount.text(.en) == en)
    }

    @Test("what is not an amount", arguments: ["", "-5", "+5", "1,5", "1 500", "1e3", "1500.555", "1500.", ".5", "1000000000.01",
                                                "999999999999999", "99999999999999999999999", "nan", "inf", "١٥٠٠", "15 00", "0x10"])
    func refuses(text: String) {
        #expect(Euros(text) == nil, "\(text)")
    }

    @Test("a sum is exact, and nil rather than past the bound")
    func sums() {
        #expect(Euros.sum(["0.10", "0.20"].compactMap(Euros.init)) == Euros("0.30"))
        #expect(Euros.sum([Euros]()) == Euros("0"))
        #expect(Euros.sum(["1000000000", "0.01"].compactMap(Euros.init)) == nil)
    }

    @Test("an activity's amounts follow its funding codes")
    func activityAmounts() {
        var a = activity("1.1", .asNeeded)
        a.funding = ["PB", "VB"]
        a.amounts = ["PB": Euros("1500")!]
        #expect(a.fundingText(.lv) == "PB 1\u{00A0}500 EUR, VB")
        #expect(a.fundingText(.en) == "PB EUR 1,500, VB")
        a.funding = ["VB"]
        #expect(a.amounts.isEmpty)
        let made = Activity(id: "1.2", goal: 1, title: "T", period: "—", schedule: .asNeeded, owners: ["SD"], funding: ["VB"],
                            amounts: ["PB": Euros("1")!, "VB": Euros("2")!])
        #expect(made.amounts == ["VB": Euros("2")!])
    }

    @Test("the funding column's amounts, in the ways plans write them", arguments: [
        ("Pašvaldības budžets – 1 500 EUR", [PlanWords.FundingEntry(name: "Pašvaldības budžets", code: "PB", amount: Euros("1500"))], 0),
        ("PB 1500,50 €; VB", [.init(name: "PB", code: "PB", amount: Euros("1500.50")), .init(name: "VB", code: "VB", amount: nil)], 0),
        ("VB (€ 2000)", [.init(name: "VB", code: "VB", amount: Euros("2000"))], 0),
        ("PB, 300 eiro", [.init(name: "PB", code: "PB", amount: Euros("300"))], 0),
        ("ESF+ 9.2.1.1", [.init(name: "ESF+ 9.2.1.1", code: nil, amount: nil)], 0),
        ("PB 100 EUR, PB 200 EUR", [.init(name: "PB", code: "PB", amount: Euros("100"))], 1),
        ("500 EUR", [], 1),
        ("PB 12.345 EUR", [.init(name: "PB", code: "PB", amount: nil)], 1),
        ("PB, 12.345 EUR", [.init(name: "PB", code: "PB", amount: nil)], 1),
        ("PB 1,500 EUR", [.init(name: "PB", code: "PB", amount: Euros("1500"))], 0),
        ("PB 1500,555 EUR", [.init(name: "PB", code: "PB", amount: nil)], 1),
        ("PB -500 EUR", [.init(name: "PB", code: "PB", amount: nil)], 1),
        ("PB 1500", [.init(name: "PB", code: "PB", amount: Euros("1500"))], 0),
        ("-", [], 0), ("nav", [], 0),
        ("PB/VB", [.init(name: "PB", code: "PB", amount: nil), .init(name: "VB", code: "VB", amount: nil)], 0),
        ("PB+VB", [.init(name: "PB", code: "PB", amount: nil), .init(name: "VB", code: "VB", amount: nil)], 0),
        ("ESF+", [.init(name: "ESF+", code: "ESF", amount: nil)], 0),
        ("pašvaldības budžeta līdzekļi", [.init(name: "pašvaldības budžeta līdzekļi", code: "PB", amount: nil)], 0),
        ("municipal budget", [.init(name: "municipal budget", code: "PB", amount: nil)], 0),
        ("PB 1500 EUR gadā", [.init(name: "PB", code: "PB", amount: Euros("1500"))], 0),
        ("PB 1,500.50 EUR", [.init(name: "PB", code: "PB", amount: Euros("1500.50"))], 0),
        ("PB 1.500,50 EUR", [.init(name: "PB", code: "PB", amount: Euros("1500.50"))], 0),
        ("PB 1 000 000 000 EUR", [.init(name: "PB", code: "PB", amount: Euros("1000000000"))], 0),
        ("PB 1 000 000 001 EUR", [.init(name: "PB", code: "PB", amount: nil)], 1),
        ("PB 1,5 milj. EUR", [.init(name: "PB", code: "PB", amount: nil)], 1),
        ("PB 1\u{2009}500 EUR, VB 20 EUR", [.init(name: "PB", code: "PB", amount: Euros("1500")),
                                         .init(name: "VB", code: "VB", amount: Euros("20"))], 0),
        ("ESF+ 9.2.1.1, PB 300 EUR", [.init(name: "ESF+ 9.2.1.1", code: nil, amount: nil), .init(name: "PB", code: "PB", amount: Euros("300"))], 0),
        ("Projekta līdzekļi 2 000 EUR, PB", [.init(name: "Projekta līdzekļi", code: nil, amount: Euros("2000")),
                                            .init(name: "PB", code: "PB", amount: nil)], 0),
    ] as [(String, [PlanWords.FundingEntry], Int)])
    func draftAmounts(cell: String, entries: [PlanWords.FundingEntry], unread: Int) {
        let read = PlanWords.fundingSources(cell, sources: Funding.standard)
        #expect(read.entries == entries.filter { $0.code != nil || $0.name != "" }, "\(cell)")
        #expect(read.unread.count == unread, "\(cell): \(read.unread)")
        #expect(read.leftover == (cell.hasSuffix("gadā") ? [cell] : []), "\(cell)")
    }
}

@Suite("Goals without a level")
struct GoalLevelTests {
    @Test("a goal without a level is named in both languages")
    func names() {
        #expect(Level.name(nil, .lv) == "Bez līmeņa")
        #expect(Level.name(nil, .en) == "No level")
        #expect(Level.name(.secondary, .lv) == "Sekundārā prevencija")
    }

    @Test("plan check's summary counts goals without a level, and sums the amounts per source")
    func summary() {
        var plan = testPlan([
            Activity(id: "1.1", goal: 1, title: "A", period: "—", schedule: .asNeeded, owners: ["SD"], funding: ["PB", "VB"],
                     amounts: ["PB": Euros("1500")!, "VB": Euros("99.50")!]),
            Activity(id: "2.1", goal: 2, title: "B", period: "—", schedule: .asNeeded, owners: ["SD"], funding: ["PB"],
                     amounts: ["PB": Euros("250.25")!]),
            Activity(id: "3.1", goal: 3, title: "C", period: "—", schedule: .asNeeded, owners: ["SD"], funding: ["ESF"]),
        ])
        plan.goals[2].level = nil
        let summary = PlanSummary(plan: plan)
        #expect(summary.levels.last.map { ($0.level, $0.goals, $0.activities) } ?? (.primary, 0, 0) == (nil, 1, 1))
        #expect(summary.funding.map(\.code) == ["PB", "VB", "ESF"])
        #expect(summary.funding.map(\.amount) == [Euros("1750.25"), Euros("99.50"), nil])
        let text = summary.text(.lv)
        #expect(text.contains("Bez līmeņa"))
        #expect(text.contains("summa norādīta 2 no 2: 1\u{00A0}750,25 EUR"))
        #expect(summary.text(.en).contains("amount given for 1 of 1: EUR 99.50"))
        let plain = PlanSummary(plan: testPlan([]))
        #expect(!plain.text(.lv).contains("Bez līmeņa"))
    }
}
