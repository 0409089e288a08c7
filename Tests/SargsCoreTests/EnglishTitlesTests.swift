import Foundation
import Testing
import SargsCore

/// Under `--lang en` what the plan gives in English is read in English
/// (SPEC §1; issue 26: an English CSV and agenda kept the Latvian titles).
@Suite("Titles in the run's language")
struct EnglishTitlesTests {
    @Test("the agenda, the digest and the report's CSV use the plan's English titles under en, the Latvian ones under lv")
    func englishWhereThePlanGivesIt() throws {
        var plan = Madona.plan()
        plan.en = "Sample plan in English"
        let index = try #require(plan.activities.firstIndex { $0.id == "5.2" })
        plan.activities[index].en = "Regular raids where young people gather"
        let snapshot = Snapshot(plan: plan)
        let item = plan.activities[index]
        let english = try #require(item.en)
        let agenda = Agenda(snapshot: snapshot, date: day("2025-07-01"))
        let en = AgendaText.render(agenda, snapshot: snapshot, language: .en, markdown: false)
        #expect(en.contains(english) && !en.contains(item.title), "\(en)")
        if let planEN = plan.en { #expect(en.contains(planEN)) }
        let lv = AgendaText.render(agenda, snapshot: snapshot, language: .lv, markdown: false)
        #expect(lv.contains(item.title) && lv.contains(plan.title))
        let digest = try #require(Digest.all(snapshot: snapshot, date: day("2025-07-01")).first { $0.institution.code == "VP" })
        #expect(DigestText.render(digest, plan: plan, language: .en, markdown: false).contains(english))
        let csv = YearReport(snapshot: snapshot, year: 2025, today: day("2025-07-01")).csv(.en)
        #expect(csv.contains(english) && !csv.contains(item.title))
    }
}
