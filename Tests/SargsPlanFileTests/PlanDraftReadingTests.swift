import Foundation
import SargsCore
import SargsPlanDraft
import SargsPlanFile
import Testing
import TestSupport

/// Issue 16, after a new user's review: what a plan's table may hold that the
/// draft must neither keep nor lose without saying so. Every draft here is
/// also a plan file `plan check` accepts.
@Suite("Drafting from awkward tables")
struct PlanDraftReadingTests {
    static let period = DayRange(Day(year: 2025, month: 1, day: 1)!, Day(year: 2027, month: 12, day: 31)!)
    static let header = ["MĒRĶIS", "PREVENCIJAS AKTIVITĀTES", "ĪSTENOŠANAS PERIODS", "ATBILDĪGĀ INSTITŪCIJA", "FINANŠU AVOTS"]

    /// The rows drafted, the draft's YAML parsed back (it must be valid), and the review messages.
    static func draft(_ rows: [[String]]) throws -> (plan: Plan, reviews: [String], yaml: String) {
        let lines = try PlanTable.lines(fromRows: [header] + rows)
        let draft = PlanDraft.make(lines, title: "Parauga plāns", municipality: "Parauga novads", period: period, id: "parauga-2025-2027")
        let yaml = PlanFile.yaml(draft: draft)
        let plan = try PlanFile.parse(yaml, file: "draft.yaml")
        return (plan, draft.reviews.map(\.message.en), yaml)
    }

    @Test("a personal code or a control character in any cell is never kept, and is reviewed", arguments: [0, 1, 2, 3, 4])
    func personalCodes(column: Int) throws {
        var row = ["1. Izglītošana", "Lekcijas skolās", "reizi gadā", "SD", "PB"]
        row[column] += " 010101-12345\u{07}"
        let (plan, reviews, yaml) = try Self.draft([row])
        #expect(!yaml.contains("010101") && !yaml.contains("12345"), "\(yaml)")
        #expect(!yaml.unicodeScalars.contains { $0.value == 7 })
        #expect(reviews.contains { $0.contains("personal code") }, "\(reviews)")
        #expect(reviews.contains { $0.contains("control characters") }, "\(reviews)")
        #expect(plan.activities.count == 1)
    }

    @Test("a personal code whose parts are apart by a run of spaces or tabs (one space once the cell is written) is masked too, in every column",
          arguments: [" 010203  12345", " 010203\t\t12345", " 010203 \u{2003} - 12345", " 010203   -   12345"])
    func personalCodesApartBySpaces(_ written: String) throws {
        for column in 0..<5 {
            var row = ["1. Izglītošana", "Lekcijas skolās", "reizi gadā", "SD", "PB"]
            row[column] += written
            let (_, reviews, yaml) = try Self.draft([row])
            #expect(!yaml.contains("010203") && !yaml.contains("12345"), "column \(column): \(yaml)")
            #expect(reviews.contains { $0.contains("personal code") }, "column \(column): \(reviews)")
        }
    }

    @Test("a row without a title is reviewed, not dropped; a goal's own row is not; repeated headers and column numbers are passed over")
    func lostRows() throws {
        let (plan, reviews, _) = try Self.draft([
            ["1", "2", "3", "4", "5"],
            ["1. Izglītošana", "", "", "", ""],
            ["", "Lekcijas", "reizi gadā", "SD", "PB"],
            ["", "", "2026. g.", "BT", "VB"],
            Self.header,
            ["2. Atbalsts", "Konsultācijas", "pēc pieprasījuma", "SD", "PB"],
        ])
        #expect(plan.goals.map(\.number) == [1, 2])
        #expect(plan.goals.first?.title == "Izglītošana")
        #expect(plan.activities.map(\.id) == ["1.1", "2.1"])
        #expect(reviews.filter { $0.contains("has no activity title") }.count == 1, "\(reviews)")
        #expect(reviews.contains { $0.contains("2026. g. · BT · VB") })
    }

    @Test("goal cells: 'mērķis' after the number, a sub-goal, a number met twice with another title")
    func goalCells() throws {
        let (plan, reviews, _) = try Self.draft([
            ["3.mērķis: Sadarbība", "Sanāksmes", "reizi ceturksnī", "SG", "PB"],
            ["3.1. Apakšmērķis", "Apmācības", "reizi gadā", "SD", "PB"],
            ["3. Cits nosaukums", "Bukleti", "2025. g.", "SD", "PB"],
        ])
        #expect(plan.goals.map(\.title) == ["Sadarbība"])
        for (cell, number, title) in [("Mērķis 5: X5", 5, "X5"), ("7) X7", 7, "X7"), ("1. Mērķis 1", 1, "Mērķis 1"),
                                      ("2.  Divas   atstarpes", 2, "Divas atstarpes")] {
            let (plan, _, _) = try Self.draft([[cell, "Lekcijas", "reizi gadā", "SD", "PB"]])
            #expect(plan.goals.map(\.number) == [number], "\(cell)")
            #expect(plan.goals.map(\.title) == [title], "\(cell)")
        }
        #expect(plan.activities.map(\.id) == ["3.1", "3.2", "3.3"])
        #expect(reviews.contains { $0.contains("is a sub-goal") }, "\(reviews)")
        #expect(reviews.contains { $0.contains("twice with different titles") }, "\(reviews)")
    }

    @Test("what plan check would refuse is reviewed instead: a window outside the period, an empty period, a target out of range")
    func validDrafts() throws {
        let (plan, reviews, _) = try Self.draft([
            ["1. Izglītošana", "Lekcijas", "2029. g.", "SD", "PB"],
            ["", "Bukleti", "", "SD", "PB"],
            ["", "Apmācīti 2000000000 pedagogi (tālrunis 116111)", "reizi gadā", "SD", "PB"],
        ])
        #expect(plan.activities.map(\.schedule) == [.asNeeded, .asNeeded, .every(.year, from: nil, to: nil)])
        #expect(plan.activities[1].period == "(nav norādīts)")
        #expect(plan.activities[2].target == nil)
        #expect(reviews.contains { $0.contains("lies outside the plan period") })
        #expect(plan.activities[0].period == "2029. g.")
    }

    @Test("digits of other scripts and full-width forms in dates, amounts and counts are read or reviewed, never a crash")
    func otherDigits() throws {
        let (plan, _, _) = try Self.draft([
            ["١. Izglītošana", "Apmācīti ١٥ pedagogi", "١٥.٠٥.٢٠٢٥.", "SD", "PB ١٥٠٠ EUR"],
            ["", "Bukleti", "２０２５-０５-１５", "SD", "PB １５００ €"],
            ["", "Lekcijas", "2025. gada ١٥. maijs", "SD", "PB 1 ٥٠٠ EUR"],
        ])
        #expect(plan.activities.count == 3)
    }

    @Test("links end before the punctuation around them; a goal's review stands above the goal")
    func linksAndPlaces() throws {
        let (plan, _, yaml) = try Self.draft([
            ["1. Izglītošana", "Bukleti (https://x.lv/a). Skat. https://y.lv/b, https://", "reizi gadā", "SD", "PB"],
            ["2.1. Apakšmērķis", "Lekcijas", "reizi gadā", "SD", "PB"],
        ])
        #expect(plan.activities[0].links == ["https://x.lv/a", "https://y.lv/b"])
        let (more, _, yaml2) = try Self.draft([
            ["1. Izglītošana", "Wiki https://example.org/wiki/A_(B) un https://example.org/lieta?pk=010101-12345", "reizi gadā", "SD", "PB"],
        ])
        #expect(more.activities[0].links == ["https://example.org/wiki/A_(B)"])
        #expect(more.activities[0].title == "Wiki un")
        #expect(!yaml2.contains("12345") && !yaml2.contains("pk="))
        let lines = yaml.components(separatedBy: "\n")
        let goal2 = try #require(lines.firstIndex(of: "- number: 2"))
        #expect(lines[goal2 - 1].trimmingBlanks.hasPrefix("# PĀRBAUDĪT: mērķa šūna"), "\(lines[goal2 - 1])")
    }

    @Test("the plan file's refusals read as Latvian whatever the field: a label in the nominative, a mapping in the dative")
    func refusalsInLatvian() {
        func lv(_ text: String) -> String {
            do { _ = try PlanFile.parse(text, file: "p.yaml"); return "" } catch { return error.phrase.lv }
        }
        let base = validPlan
        #expect(lv(base.replacingOccurrences(of: "links: []", with: "links: {a: b}")) .contains("saites nav saraksts"))
        #expect(lv(base.replacingOccurrences(of: "funding: [PB, VB]", with: "funding: [{eur: 5}]")).contains("finanšu avotam trūkst atslēgas 'code'"))
        let comma = lv(base.replacingOccurrences(of: "funding: [PB, VB]", with: "funding: [{code: PB, eur: 1500,50}]"))
        #expect(comma.contains("vai skaitlī ir komats"), "\(comma)")
    }

    @Test("text in a sixth column is reviewed, not silently dropped; names of -pils towns keep their s")
    func otherColumns() throws {
        let lines = try PlanTable.lines(fromRows: [Self.header + ["PIEZĪMES"],
                                                   ["1. Izglītošana", "Lekcijas", "reizi gadā", "SD", "PB", "jāsaskaņo ar domi"]])
        let draft = PlanDraft.make(lines, title: "P", municipality: "Z novads", period: Self.period, id: "z-2025-2027")
        #expect(draft.reviews.contains { $0.message.en.contains("outside the five columns") && $0.message.en.contains("jāsaskaņo ar domi") })
        #expect(PlanDraft.planID(municipality: "Daugavpils valstspilsēta", period: Self.period) == "daugavpils-2025-2027")
        #expect(PlanDraft.planID(municipality: "Smiltenes novads", period: Self.period) == "smiltene-2025-2027")
        #expect(PlanDraft.defaultTitle(municipality: "Z novads", period: DayRange(Day(year: 2026, month: 1, day: 1)!, Day(year: 2026, month: 12, day: 31)!))
                == "Z novada pašvaldības prevencijas plāns 2026. gadam")
    }

    @Test("a CSV's separator is found from its first line; quotes keep separators; an unclosed quote is refused")
    func delimited() throws {
        #expect(PlanTable.csvSeparator("MĒRĶIS;AKTIVITĀTES;PERIODS\n1;2;3") == ";")
        #expect(PlanTable.csvSeparator("\"a;b\",c\n") == ",")
        #expect(try PlanTable.delimitedRows("a;\"b;c\"\n", separator: ";") == [["a", "b;c"]])
        #expect(try PlanTable.delimitedRows("a\t\"b\" c\n", separator: "\t", quotes: false) == [["a", "\"b\" c"]])
        #expect(throws: PlanTable.Problem.self) { try PlanTable.delimitedRows("a,\"b\nc,d\n", separator: ",") }
    }

    @Test("a table without its header row is read in the standard order, for review")
    func standardOrder() throws {
        let lines = try PlanTable.lines(fromRows: [["1. Izglītošana", "Lekcijas", "reizi gadā", "SD", "PB"]], standardOrder: true)
        #expect(lines == [.row(PlanDraft.Row(goal: "1. Izglītošana", activity: "Lekcijas", period: "reizi gadā", owners: "SD", funding: "PB"))])
        #expect(throws: PlanTable.Problem.self) { try PlanTable.lines(fromRows: [["1. Izglītošana", "Lekcijas", "reizi gadā", "SD", "PB"]]) }
    }

    @Test("a title from a heading: the paragraph that names the plan and what continues it in capitals, not what follows")
    func titles() {
        #expect(PlanTable.title(from: ["APSTIPRINĀTS ar domes 2024. gada 12. decembra lēmumu", "CĒSU NOVADA PAŠVALDĪBAS PREVENCIJAS PLĀNS",
                                      "2025.-2027. GADAM", "Ievads teksts."]) == "Cēsu novada pašvaldības prevencijas plāns 2025.–2027. gadam")
        #expect(PlanDraft.titleFacts("RĪGAS VALSTSPILSĒTAS PAŠVALDĪBAS PLĀNS 2026.-2028. GADAM").municipality == "Rīgas valstspilsēta")
        #expect(PlanDraft.titleFacts("Prevencijas plāns Tukuma novadā 2025–2027").municipality == "Tukuma novads")
        let period = DayRange(Day(year: 2025, month: 1, day: 1)!, Day(year: 2027, month: 12, day: 31)!)
        #expect(PlanDraft.defaultTitle(municipality: "Cēsu novads", period: period) == "Cēsu novada pašvaldības prevencijas plāns 2025.–2027. gadam")
        #expect(PlanDraft.isBand("PRIMARY PREVENTION"))
    }
}
