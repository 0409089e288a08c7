import Foundation
import SargsCore
import SargsPlanDraft
import SargsPlanFile
import Testing
import TestSupport

/// Issue 16: Latvian period wording read into schedules. The Madona file's
/// 29 schedules are read back from their own wording (SPEC §3), every form
/// other plans use is read, and for each kind there is wording it must
/// refuse to guess.
@Suite("Reading the plan's period wording")
struct PeriodWordingTests {
    static let period = DayRange(Day(year: 2025, month: 1, day: 1)!, Day(year: 2027, month: 12, day: 31)!)

    static func b(_ text: String) -> DateBound { DateBound(text)! }

    static let cases: [(String, Schedule)] = [
        // SPEC §3's Madona wording.
        ("2025.g.", .once(from: b("2025"), to: b("2025"))),
        ("2025. gadā", .once(from: b("2025"), to: b("2025"))),
        ("2025. g. februāris – marts", .once(from: b("2025-02"), to: b("2025-03"))),
        ("2025.g. aprīlis – maijs", .once(from: b("2025-04"), to: b("2025-05"))),
        ("2025.g. jūnijs", .once(from: b("2025-06"), to: b("2025-06"))),
        ("Visu periodu reizi pusgadā", .every(.halfYear, from: nil, to: nil)),
        ("Visu periodu reizi sešos mēnešos", .every(.halfYear, from: nil, to: nil)),
        ("Visu periodu reizi ceturksnī", .every(.quarter, from: nil, to: nil)),
        ("Visu periodu reizi mēnesī", .every(.month, from: nil, to: nil)),
        ("Reizi mēnesī", .every(.month, from: nil, to: nil)),
        ("Reizi nedēļā", .every(.week, from: nil, to: nil)),
        ("2025.–2027.g.", .ongoing(report: .quarter, from: nil, to: nil)),
        ("Visu periodu", .ongoing(report: .quarter, from: nil, to: nil)),
        ("Regulāri visa perioda laikā", .ongoing(report: .quarter, from: nil, to: nil)),
        ("Visu periodu pēc nepieciešamības", .asNeeded),
        // Every year.
        ("ik gadu", .every(.year, from: nil, to: nil)),
        ("Katru gadu", .every(.year, from: nil, to: nil)),
        ("reizi gadā", .every(.year, from: nil, to: nil)),
        ("Ikgadēji", .every(.year, from: nil, to: nil)),
        ("2026.–2027. g. reizi gadā", .every(.year, from: b("2026"), to: nil)),
        // Every half-year.
        ("2 reizes gadā", .every(.halfYear, from: nil, to: nil)),
        ("divas reizes gadā", .every(.halfYear, from: nil, to: nil)),
        ("reizi pusgadā", .every(.halfYear, from: nil, to: nil)),
        ("katru pusgadu", .every(.halfYear, from: nil, to: nil)),
        ("2025.–2026. g. reizi pusgadā", .every(.halfYear, from: nil, to: b("2026"))),
        // Every quarter, month, week.
        ("reizi ceturksnī", .every(.quarter, from: nil, to: nil)),
        ("katru ceturksni", .every(.quarter, from: nil, to: nil)),
        ("4 reizes gadā", .every(.quarter, from: nil, to: nil)),
        ("2025.–2026. g. reizi ceturksnī", .every(.quarter, from: nil, to: b("2026"))),
        ("2026. gadā reizi ceturksnī", .every(.quarter, from: b("2026"), to: b("2026"))),
        ("katru mēnesi", .every(.month, from: nil, to: nil)),
        ("ik mēnesi", .every(.month, from: nil, to: nil)),
        ("Ikmēneša", .every(.month, from: nil, to: nil)),
        ("2025. gada septembris – decembris reizi mēnesī", .every(.month, from: b("2025-09"), to: b("2025-12"))),
        ("katru nedēļu", .every(.week, from: nil, to: nil)),
        ("ik nedēļu", .every(.week, from: nil, to: nil)),
        ("iknedēļas", .every(.week, from: nil, to: nil)),
        // Ongoing.
        ("pastāvīgi", .ongoing(report: .quarter, from: nil, to: nil)),
        ("Regulāri", .ongoing(report: .quarter, from: nil, to: nil)),
        ("nepārtraukti visā periodā", .ongoing(report: .quarter, from: nil, to: nil)),
        ("2025.–2026. g.", .ongoing(report: .quarter, from: nil, to: b("2026"))),
        ("2026.-2027.", .ongoing(report: .quarter, from: b("2026"), to: nil)),
        // As needed.
        ("pēc nepieciešamības", .asNeeded),
        ("Nepieciešamības gadījumā", .asNeeded),
        ("pēc pieprasījuma", .asNeeded),
        ("pēc vajadzības", .asNeeded),
        // A year, months in any case ending.
        ("2026", .once(from: b("2026"), to: b("2026"))),
        ("2027. gads", .once(from: b("2027"), to: b("2027"))),
        ("2025. gada februārī", .once(from: b("2025-02"), to: b("2025-02"))),
        ("2026. gada martā", .once(from: b("2026-03"), to: b("2026-03"))),
        ("2025. gada februāris–marts", .once(from: b("2025-02"), to: b("2025-03"))),
        ("2025. g. janvāris - jūnijs", .once(from: b("2025-01"), to: b("2025-06"))),
        ("2026. gada oktobrī–novembrī", .once(from: b("2026-10"), to: b("2026-11"))),
        ("2025.g. augusts", .once(from: b("2025-08"), to: b("2025-08"))),
        // Quarters and half-years.
        ("2025. gada I ceturksnis", .once(from: b("2025-01"), to: b("2025-03"))),
        ("2026. gada III ceturksnī", .once(from: b("2026-07"), to: b("2026-09"))),
        ("2025. g. 2. ceturksnī", .once(from: b("2025-04"), to: b("2025-06"))),
        ("2027. g. 4. ceturksnis", .once(from: b("2027-10"), to: b("2027-12"))),
        ("2025. gada II pusgads", .once(from: b("2025-07"), to: b("2025-12"))),
        ("2026. gada I pusgadā", .once(from: b("2026-01"), to: b("2026-06"))),
        // Deadlines.
        ("līdz 2026. gada 1. martam", .once(from: nil, to: b("2026-03-01"))),
        ("līdz 2025. gada beigām", .once(from: nil, to: b("2025"))),
        ("Līdz 2027. gada 30. jūnijam", .once(from: nil, to: b("2027-06-30"))),
        ("līdz 2026. gada septembrim", .once(from: nil, to: b("2026-09"))),
        ("līdz 2026. gada marta beigām", .once(from: nil, to: b("2026-03"))),
        // From a year on, days in figures or words, a count of times a year.
        ("Katru gadu, sākot ar 2026. gadu", .every(.year, from: b("2026"), to: nil)),
        ("no 2026. gada ik gadu", .every(.year, from: b("2026"), to: nil)),
        ("sākot ar 2026. gada martu reizi mēnesī", .every(.month, from: b("2026-03"), to: nil)),
        ("12 reizes gadā", .every(.month, from: nil, to: nil)),
        ("4 reizes gadā", .every(.quarter, from: nil, to: nil)),
        ("divas reizes gadā", .every(.halfYear, from: nil, to: nil)),
        ("15.05.2025.", .once(from: b("2025-05-15"), to: b("2025-05-15"))),
        ("2025-05-15", .once(from: b("2025-05-15"), to: b("2025-05-15"))),
        ("2025. gada 15. maijs", .once(from: b("2025-05-15"), to: b("2025-05-15"))),
        ("līdz 15.05.2026.", .once(from: nil, to: b("2026-05-15"))),
        ("15. 05. 2025.", .once(from: b("2025-05-15"), to: b("2025-05-15"))),
        ("15/05/2025", .once(from: b("2025-05-15"), to: b("2025-05-15"))),
        ("2025.05.15.", .once(from: b("2025-05-15"), to: b("2025-05-15"))),
        ("05.2025.", .once(from: b("2025-05"), to: b("2025-05"))),
        ("katru gadu no 2026. gada 15. marta", .every(.year, from: b("2026-03-15"), to: nil)),
        ("reizi gadā, sākot ar 2026. gada 15. martu", .every(.year, from: b("2026-03-15"), to: nil)),
        ("no 2026. gada 1. marta", .ongoing(report: .quarter, from: b("2026-03-01"), to: nil)),
        ("reizi ceturksnī no 2026. gada 1. aprīļa", .every(.quarter, from: b("2026-04-01"), to: nil)),
        ("reizi ceturksnī 2027. gada IV ceturksnī", .every(.quarter, from: b("2027-10"), to: nil)),
        // A due day inside each window (SPEC §3: `{every: year, due: 03-01}`).
        ("ik gadu līdz 1. martam", .every(.year, from: nil, to: nil, due: DueDay("03-01"))),
        ("Katru gadu līdz 15. septembrim", .every(.year, from: nil, to: nil, due: DueDay("09-15"))),
        ("reizi gadā līdz marta beigām", .every(.year, from: nil, to: nil, due: DueDay("03-31"))),
        ("reizi gadā līdz gada beigām", .every(.year, from: nil, to: nil)),
        ("2025.–2026. g. ik gadu līdz 1. martam", .every(.year, from: nil, to: b("2026"), due: DueDay("03-01"))),
        ("2026.–2027. g. ik gadu līdz 1. martam", .every(.year, from: b("2026"), to: nil, due: DueDay("03-01"))),
        ("katru mēnesi līdz 10. datumam", .every(.month, from: nil, to: nil, due: DueDay("10"))),
        ("reizi mēnesī līdz mēneša 5. datumam", .every(.month, from: nil, to: nil, due: DueDay("5"))),
        ("reizi mēnesī līdz mēneša beigām", .every(.month, from: nil, to: nil)),
        ("reizi ceturksnī līdz ceturkšņa beigām", .every(.quarter, from: nil, to: nil)),
    ]

    @Test("at least 60 phrasings read into their schedules")
    func phrasings() {
        #expect(Self.cases.count >= 60)
        for (wording, expected) in Self.cases {
            let reading = PeriodWording.read(wording, period: Self.period)
            #expect(reading == .schedule(expected), "\(wording): \(reading)")
        }
    }

    /// For each kind, wording it must not guess.
    static let refusals: [(kind: String, wording: String)] = [
        ("empty", ""),
        ("two cadences", "reizi mēnesī un reizi gadā"),
        ("a due day inside a quarter", "reizi ceturksnī līdz 15. datumam"),
        ("a count of times a year that is no calendar window", "3 reizes gadā"),
        ("as needed and a cadence at once", "pēc nepieciešamības, bet ne retāk kā reizi gadā"),
        ("as needed and a cadence, the other way round", "ik gadu; pēc pieprasījuma"),
        ("two separate years", "2025. gadā un 2027. gadā"),
        ("a day that does not exist", "2025. gada 31. februāris"),
        ("a date in figures that does not exist", "31.02.2025."),
        ("a quarter without a year in a plan of several years", "2. ceturksnī"),
        ("a date in figures whose month does not exist", "15.13.2025."),
        ("a half-year without a year in a plan of several years", "II pusgadā"),
        ("a yearly due day without a month", "ik gadu līdz 15. datumam"),
        ("a yearly due day that does not exist", "ik gadu līdz 30. februārim"),
        ("a monthly due day naming a month", "katru mēnesi līdz 10. martam"),
        ("a cadence with one dated deadline", "katru gadu līdz 2026. gada 1. martam"),
        ("a deadline without a year", "līdz 1. martam"),
        ("a deadline without a month", "līdz 2026. gadam"),
        ("a deadline on a day that does not exist", "līdz 2026. gada 31. februārim"),
        ("a quarter that does not exist", "2025. gada V ceturksnis"),
        ("a half-year that does not exist", "2025. gada III pusgads"),
        ("months without a year in a plan of several years", "februāris–marts"),
        ("months backwards", "2025. gada decembris–marts"),
        ("years backwards", "2027.–2025. g."),
        ("too many years", "2025., 2026. un 2027. gadā"),
        ("words it does not know", "kad būs laiks"),
        ("a bare word", "reizi"),
    ]

    @Test("for each kind, wording it refuses to guess, with a reason")
    func refusals() {
        for (kind, wording) in Self.refusals {
            let reading = PeriodWording.read(wording, period: Self.period)
            guard case .unread(let reason) = reading else {
                Issue.record("\(kind): '\(wording)' was read as \(reading)")
                continue
            }
            #expect(!reason.lv.isEmpty && !reason.en.isEmpty && reason.lv != reason.en, "\(kind)")
        }
    }

    @Test("the Madona plan's 29 schedules are read back from their own wording")
    func madona() throws {
        let plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        #expect(plan.activities.count == 29)
        for activity in plan.activities {
            let reading = PeriodWording.read(activity.period, period: plan.period)
            #expect(reading == .schedule(activity.schedule), "\(activity.id) '\(activity.period)': \(reading) ≠ \(activity.schedule)")
        }
    }
}

/// Issue 16: the institution and funding columns read into codes, a title's
/// count into a target.
@Suite("Reading the plan table's words")
struct PlanWordsTests {
    static let institutions = Institution.standard

    @Test("owners from codes or names in any case ending; unknown names kept apart", arguments: [
        ("Sociālais dienests", ["SD"], [String]()), ("sociālajam dienestam", ["SD"], []), ("SD", ["SD"], []),
        ("Bāriņtiesa", ["BT"], []), ("bāriņtiesai", ["BT"], []), ("Valsts policija", ["VP"], []),
        ("Valsts policijai, Pašvaldības policijai", ["VP", "PP"], []), ("izglītības iestādes", ["IN"], []),
        ("Izglītības nodaļa, Jauniešu centri", ["IN", "JC"], []), ("SD, Izglītības nodaļa", ["SD", "IN"], []),
        ("Sadarbības grupa", ["SG"], []), ("Valsts probācijas dienests", ["VPD"], []),
        ("Attīstības nodaļa un SD", ["AN", "SD"], []), ("SD; SD", ["SD"], []),
        ("Biedrība “Centrs Dardedze”", [], ["Biedrība “Centrs Dardedze”"]), ("Policija", [], ["Policija"]),
        // After a new user's review: codes in any case, the municipality's name before, remarks in brackets,
        // "un" inside quotes, a dash for nothing, slashes.
        ("sd, bt", ["SD", "BT"], []), ("Ziedkalnes novada Sociālais dienests", ["SD"], []),
        ("Ziedkalnes novada pašvaldības Bāriņtiesa", ["BT"], []), ("SD (vadošā), BT", ["SD", "BT"], []),
        ("Biedrība \"Drošs un mīlēts\", BT", ["BT"], ["Biedrība \"Drošs un mīlēts\""]), ("-", [], []),
        ("SD/BT", ["SD", "BT"], []), ("Nodibinājums X, SD", ["SD"], ["Nodibinājums X"]),
        ("Bērnu un jauniešu centrs", [], ["Bērnu un jauniešu centrs"]),
        ("Izglītības, kultūras un sporta pārvalde, SD", ["SD"], ["Izglītības, kultūras un sporta pārvalde"]),
        ("sociālajam dienestam un bāriņtiesai", ["SD", "BT"], []), ("S\u{200B}D", [], ["S\u{200B}D"]),
        ("Biedrība Nr69, Biedrība Nr699", [], ["Biedrība Nr69", "Biedrība Nr699"]),
    ])
    func owners(cell: String, codes: [String], unknown: [String]) {
        let read = PlanWords.owners(cell, institutions: Self.institutions)
        #expect(read.codes == codes, "\(cell)")
        #expect(read.unknown == unknown, "\(cell)")
    }

    @Test("the lead owner stays first, unknown or not; a standard institution written by another name keeps it")
    func ownerOrder() {
        let entries = PlanWords.ownerEntries("Nodibinājums X, SD", institutions: Self.institutions)
        #expect(entries.map(\.name) == ["Nodibinājums X", "SD"])
        #expect(PlanWords.ownerEntries("Izglītības pārvalde", institutions: Self.institutions).first?.ownName == "Izglītības pārvalde")
        #expect(PlanWords.ownerEntries("izglītības pārvaldei", institutions: Self.institutions).first?.ownName == nil)
        #expect(PlanWords.ownerEntries("skolas", institutions: Self.institutions).first.map { ($0.code, $0.ownName) }! == ("IN", nil))
    }

    @Test("a title's count: groups of three, no telephone numbers, and none when it counts two things", arguments: [
        ("Informēti 1 500 vecāki", Target(count: 1500, unit: "vecāki") as Target?),
        ("Uzticības tālrunis 116111 bērniem", nil), ("3 PII, 25 pedagogi", nil),
        ("2 semināri un 40 dalībnieki", Target(count: 40, unit: "dalībnieki")),
    ])
    func titleCounts(title: String, target: Target?) {
        #expect(PlanWords.target(in: title) == target, "\(title)")
    }

    @Test("funding from codes or names; ESF+ is ESF; unknown sources kept apart")
    func funding() {
        let sources = Funding.standard
        #expect(PlanWords.funding("PB, ESF", sources: sources).codes == ["PB", "ESF"])
        #expect(PlanWords.funding("pašvaldības budžets", sources: sources).codes == ["PB"])
        #expect(PlanWords.funding("Valsts budžets; ESF+", sources: sources).codes == ["VB", "ESF"])
        let project = PlanWords.funding("projekta līdzekļi", sources: sources)
        #expect(project.codes.isEmpty && project.unknown == ["projekta līdzekļi"])
        #expect(PlanWords.code(for: "projekta līdzekļi", taken: ["PB"]) == "PL")
        #expect(PlanWords.code(for: "Latvijas Sarkanais Krusts", taken: []) == "LSK")
        #expect(PlanWords.code(for: "Latvijas Sarkanais Krusts", taken: ["LSK"]) == "LSK2")
    }

    @Test("the Madona file's targets are read from its own titles (and only those titles have one)")
    func madonaTargets() throws {
        let plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        var withTarget = 0
        for activity in plan.activities {
            #expect(PlanWords.target(in: activity.title) == activity.target, "\(activity.id) '\(activity.title)'")
            if activity.target != nil { withTarget += 1 }
        }
        #expect(withTarget == 10)
    }
}
