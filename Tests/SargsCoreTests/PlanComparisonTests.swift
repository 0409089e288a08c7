import Foundation
import Testing
import SargsCore

/// Issue 25: whether a plan file's plan is the store's (`sargs board
/// --plan FILE` says so when it is not): statuses and mailboxes, which the
/// board and the commands change, aside; values, not descriptions, compared.
@Suite("Plan comparison")
struct PlanComparisonTests {
    static func plan() -> Plan {
        var plan = Madona.plan()
        plan.institutions = [Institution(code: "VPD", name: "Valsts probācijas dienests", en: "State probation service")]
        plan.funding = [Funding(code: "NVO", name: "Nevalstiskās organizācijas")]
        return plan
    }

    static func changed(_ change: (inout Plan) -> Void) -> Plan {
        var plan = plan()
        change(&plan)
        return plan
    }

    @Test("a plan is the same as itself and as an equal copy")
    func same() {
        #expect(Self.plan().sameContent(as: Self.plan()))
    }

    @Test("a status or a status note changed on the board is the same plan, both ways")
    func statuses() {
        let moved = Self.changed { plan in
            plan.activities[0].status = .done
            plan.activities[3].status = .blocked
            plan.activities[3].statusNote = "Nav finansējuma"
        }
        #expect(moved != Self.plan(), "the plans differ as values")
        #expect(moved.sameContent(as: Self.plan()))
        #expect(Self.plan().sameContent(as: moved))
    }

    @Test("a mailbox set, on a standard institution or one of the plan's own, is the same plan")
    func mailboxes() {
        let mailed = Self.changed { plan in
            plan.institutions[0].email = "vpd@example.lv"
            plan.institutions.append(Institution(code: "SD", name: "Sociālais dienests", en: "Social service", email: "sd@example.lv"))
        }
        #expect(mailed.sameContent(as: Self.plan()))
        #expect(Self.plan().sameContent(as: mailed))
    }

    @Test("a changed title, municipality, period, goal, funding, institution or activity is another plan",
          arguments: [
            "id", "title", "municipality", "period", "goal title", "goal level", "funding name", "institution name",
            "institution added", "activity title", "activity owners", "activity schedule", "activity target",
            "activity amount", "activity added", "activities reordered",
          ])
    func differences(what: String) {
        let other = Self.changed { plan in
            switch what {
            case "id": plan.id = "cits"
            case "title": plan.title += " (grozīts)"
            case "municipality": plan.municipality = "Cesu novads"
            case "period": plan.period = days("2025-01-01", "2028-12-31")
            case "goal title": plan.goals[2].title = "Cits mērķis"
            case "goal level": plan.goals[0].level = nil
            case "funding name": plan.funding[0].name = "NVO fondi"
            case "institution name": plan.institutions[0].name = "Probācijas dienests"
            case "institution added": plan.institutions.append(Institution(code: "KC", name: "Kultūras centrs"))
            case "activity title": plan.activities[5].title = "Cita aktivitāte"
            case "activity owners": plan.activities[5].owners.append("BT")
            case "activity schedule": plan.activities[5].schedule = .asNeeded
            case "activity target": plan.activities[2].target = Target(count: 4, unit: "cilvēki")
            case "activity amount": plan.activities[5].amounts = ["PB": Euros(cents: 150_000)!]
            case "activity added": plan.activities.append(activity("7.4", .asNeeded))
            case "activities reordered": plan.activities.swapAt(0, 1)
            default: Issue.record("no change named \(what)")
            }
        }
        #expect(!other.sameContent(as: Self.plan()), "\(what)")
        #expect(!Self.plan().sameContent(as: other), "\(what)")
    }

    @Test("amounts are compared as values: the order a dictionary was built in, or prints in, does not matter")
    func dictionaryOrder() {
        let codes = ["PB", "VB", "ESF", "NVO", "AA", "AB", "AC", "AD"]
        func with(_ order: [String], capacity: Int) -> Plan {
            Self.changed { plan in
                plan.activities[5].funding = codes
                var amounts = [String: Euros](minimumCapacity: capacity)
                for code in order { amounts[code] = Euros(cents: 100 * (codes.firstIndex(of: code)! + 1))! }
                plan.activities[5].amounts = amounts
            }
        }
        let reference = with(codes, capacity: 0)
        var descriptions = Set<String>()
        for capacity in [0, 16, 64, 256, 1024] {
            for order in [codes, codes.reversed(), codes.sorted(), codes.shuffled()] {
                let plan = with(order, capacity: capacity)
                descriptions.insert("\(plan.activities[5].amounts)")
                #expect(plan.sameContent(as: reference))
            }
        }
        #expect(descriptions.count > 1, "the dictionaries printed in more than one order (else this test would prove nothing)")
        // One amount more or less is another plan.
        var fewer = reference
        fewer.activities[5].amounts["AD"] = nil
        #expect(!fewer.sameContent(as: reference))
    }

    @Test("as before the move to the core: the English title, language, glossary, indicators and English names are not compared")
    func notCompared() {
        let other = Self.changed { plan in
            plan.en = "Another title"
            plan.language = "en"
            plan.glossary = [GlossaryEntry(abbreviation: "SG", text: "Sadarbības grupa")]
            plan.indicators = [Indicator(id: "i1", title: "Rādītājs", source: "VID", values: [])]
            plan.institutions[0].en = "Probation service"
        }
        #expect(other.sameContent(as: Self.plan()))
    }
}
