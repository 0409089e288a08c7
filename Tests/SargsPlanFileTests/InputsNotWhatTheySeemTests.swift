import Foundation
import SargsCore
import SargsPlanDraft
import SargsPlanFile
import Testing
import TestSupport

/// Issue 24, "Inputs that are not what they seem", as the plan's table is
/// read: line ends of old Mac exports, periods the reader cannot place
/// exactly, and the table's own numbering before a title.
@Suite("Tables and wording that are not what they seem")
struct InputsNotWhatTheySeemTests {
    static let period = DayRange(Day(year: 2025, month: 1, day: 1)!, Day(year: 2027, month: 12, day: 31)!)
    static let header = ["MĒRĶIS", "PREVENCIJAS AKTIVITĀTES", "ĪSTENOŠANAS PERIODS", "ATBILDĪGĀ INSTITŪCIJA", "FINANŠU AVOTS"]

    /// The rows drafted; the draft's YAML must be a valid plan.
    static func draft(_ rows: [[String]]) throws -> (plan: Plan, reviews: [PlanDraft.Review]) {
        let lines = try PlanTable.lines(fromRows: [header] + rows)
        let draft = PlanDraft.make(lines, title: "Parauga plāns", municipality: "Parauga novads", period: period, id: "parauga-2025-2027")
        let plan = try PlanFile.parse(PlanFile.yaml(draft: draft), file: "draft.yaml")
        return (plan, draft.reviews)
    }

    // MARK: - Line ends

    static let rows = [
        header,
        ["1. Izglītošana", "Lekcijas skolās", "reizi gadā", "SD", "PB"],
        ["", "Apmācīti 30 pedagogi", "2026. gada martā", "IN", "VB"],
    ]

    @Test("a CSV or TSV whose lines end in a carriage return alone (old Mac exports) is read row by row, as with LF and CRLF")
    func lineEnds() throws {
        for end in ["\r", "\n", "\r\n"] { try Self.readRows(ending: end) }
    }

    static func readRows(ending end: String) throws {
        let csv = Self.rows.map { $0.map { "\"\($0)\"" }.joined(separator: ",") }.joined(separator: end) + end
        #expect(PlanTable.csvSeparator(csv) == ",")
        #expect(try PlanTable.delimitedRows(csv, separator: ",") == Self.rows, "\(end.debugDescription)")
        let semicolons = Self.rows.map { $0.joined(separator: ";") }.joined(separator: end)
        #expect(PlanTable.csvSeparator(semicolons) == ";", "the first line alone decides, whatever ends it")
        #expect(try PlanTable.delimitedRows(semicolons, separator: ";") == Self.rows)
        let tsv = Self.rows.map { $0.joined(separator: "\t") }.joined(separator: end)
        let read = try PlanTable.delimitedRows(tsv, separator: "\t", quotes: false)
        #expect(read == Self.rows)
        let lines = try PlanTable.lines(fromRows: read)
        let draft = PlanDraft.make(lines, title: "P", municipality: "Parauga novads", period: Self.period, id: "p-2025-2027")
        #expect(draft.plan.activities.map(\.id) == ["1.1", "1.2"])
    }

    @Test("a line break inside a quoted cell of a CR-only CSV stays a line break in the cell")
    func quotedLineBreak() throws {
        let csv = "MĒRĶIS,AKTIVITĀTES,PERIODS,INSTITŪCIJA,FINANŠU AVOTS\r\"1. Izglītošana\",\"Lekcijas\rskolās\",reizi gadā,SD,PB\r"
        let rows = try PlanTable.delimitedRows(csv, separator: ",")
        #expect(rows.count == 2)
        #expect(rows[1][1] == "Lekcijas\nskolās")
    }

    // MARK: - Periods

    /// Wording that names a time inside a year or month without its days.
    static let inexact: [(wording: String, word: String)] = [
        ("2027. gada pavasaris", "pavasaris"),
        ("2027. gada pavasarī", "pavasarī"),
        ("2026. gada rudenī", "rudenī"),
        ("2025. gada vasarā", "vasarā"),
        ("2026. gada ziemā", "ziemā"),
        ("2026. gada marta sākumā", "sākumā"),
        ("2025. gada beigās", "beigās"),
        ("2026. gada vidū", "vidū"),
        ("2026. gada otrajā pusē", "pusē"),
        ("ap 2026. gadu", "ap"),
        ("2026./2027. mācību gadā", "mācību"),
        ("2026. gada 10. nedēļā", "nedēļā"),
        ("2026. gada pirmajos mēnešos", "mēnešos"),
        ("ne vēlāk kā 2026. gadā", "vēlāk"),
        ("2027. gada izlaidumā", "izlaidumā"),
        ("reizi gadā pavasarī", "pavasarī"),
        ("2026.–2027. g. katru gadu rudenī", "rudenī"),
        ("Ziemassvētkos 2025. gadā", "ziemassvētkos"),
    ]

    @Test("a period the reader cannot place exactly is not read as the whole year or month around it: it is unread, with the word named; exact wording around the same words is still read")
    func inexactPeriods() {
        for (wording, word) in Self.inexact {
            let reading = PeriodWording.read(wording, period: Self.period)
            guard case .unread(let reason) = reading else {
                Issue.record("'\(wording)' was read as \(reading)")
                continue
            }
            #expect(reason.lv.contains("\"\(word)\""), "\(wording): \(reason.lv)")
            #expect(!reason.lv.isEmpty && !reason.en.isEmpty && reason.lv != reason.en)
        }
        // A deadline at a year's end, a half-year, cadences in months and weeks, a year on its own.
        let exact: [(String, Schedule)] = [
            ("līdz 2025. gada beigām", .once(from: nil, to: DateBound("2025")!)),
            ("2026. gada II pusgads", .once(from: DateBound("2026-07")!, to: DateBound("2026-12")!)),
            ("reizi sešos mēnešos", .every(.halfYear, from: nil, to: nil)),
            ("reizi mēnesī līdz mēneša 5. datumam", .every(.month, from: nil, to: nil, due: DueDay("5"))),
            ("reizi nedēļā", .every(.week, from: nil, to: nil)),
            ("sākot ar 2026. gadu", .ongoing(report: .quarter, from: DateBound("2026")!, to: nil)),
            ("2027. gadā", .once(from: DateBound("2027")!, to: DateBound("2027")!)),
            ("2025.–2026. gg.", .ongoing(report: .quarter, from: nil, to: DateBound("2026")!)),
        ]
        for (wording, schedule) in exact {
            #expect(PeriodWording.read(wording, period: Self.period) == .schedule(schedule), "\(wording)")
        }
    }

    @Test("a drafted activity with such a period is marked for review and not given the whole year")
    func draftedInexactPeriod() throws {
        let (plan, reviews) = try Self.draft([["1. Izglītošana", "Vecāku sapulces", "2027. gada pavasaris", "SD", "PB"]])
        let activity = try #require(plan.activities.first)
        #expect(activity.schedule == .asNeeded, "\(activity.schedule)")
        #expect(activity.period == "2027. gada pavasaris")
        #expect(reviews.contains { $0.activity == "1.1" && $0.field == "schedule" && $0.message.lv.contains("pavasaris") }, "\(reviews)")
    }

    // MARK: - Titles

    @Test("titles drop the table's own numbering; an ordinal that is part of the title stays")
    func numbering() throws {
        let (plan, reviews) = try Self.draft([
            ["1. Izglītošana", "1.1. Apmācīti 30 skolu pedagogi", "reizi gadā", "SD", "PB"],
            ["", "1.2 Lekcijas vecākiem", "reizi gadā", "SD", "PB"],
            ["", "3) Informatīvi materiāli", "reizi gadā", "SD", "PB"],
            ["", "b) Konsultācijas", "reizi gadā", "SD", "PB"],
            ["", "5. Nodarbības jauniešiem", "reizi gadā", "SD", "PB"],
            ["", "1. klašu skolēnu drošības stundas", "reizi gadā", "SD", "PB"],
            ["", "10.000 bukletu izplatīšana", "reizi gadā", "SD", "PB"],
            ["2. Atbalsts", "2.1.1. Supervīzijas speciālistiem", "reizi gadā", "SD", "PB"],
            ["", "3.4. Vasaras nometne", "reizi gadā", "SD", "PB"],
            ["", "2.3.Lekcijas skolotājiem", "reizi gadā", "SD", "PB"],
        ])
        #expect(plan.activities.map(\.title) == [
            "Apmācīti 30 skolu pedagogi", "Lekcijas vecākiem", "Informatīvi materiāli", "Konsultācijas",
            "Nodarbības jauniešiem", "1. klašu skolēnu drošības stundas", "10.000 bukletu izplatīšana",
            "Supervīzijas speciālistiem", "Vasaras nometne", "Lekcijas skolotājiem",
        ])
        // The count in a numbered title is still the target.
        #expect(plan.activities.first?.target?.count == 30, "\(String(describing: plan.activities.first?.target))")
        // A number that names another goal is dropped too, but said.
        #expect(reviews.contains { $0.activity == "2.2" && $0.message.lv.contains("3.4.") }, "\(reviews.map(\.message.lv))")
        #expect(!reviews.contains { $0.activity == "1.1" && $0.field == "title" })
    }
}
