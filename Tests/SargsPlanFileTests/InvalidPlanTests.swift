import Foundation
import SargsCore
import SargsPlanFile
import Testing
import TestSupport

/// A small valid plan; each case below breaks one line of it.
let validPlan = """
sargs: 1
id: tiny
title: Mazs plāns
municipality: Parauga novads
period: {from: 2025, to: 2026}
goals:
  - number: 1
    level: primary
    title: Izglītošana
    results:
      - {id: "1.1", text: Izglītoti bērni}
    activities:
      - id: "1.1"
        title: Apmācīti 30 pedagogi
        links: []
        period: Regulāri visa perioda laikā
        schedule: {ongoing: {report: quarter}}
        owners: [IN]
        funding: [PB, VB]
        target: {count: 30, unit: pedagogi}
      - id: "1.2"
        title: Materiāla izstrāde
        period: 2025. g. februāris – marts
        schedule: {once: {from: 2025-02, to: 2025-03}}
        owners: [SG]
        funding: [PB]
"""

/// Replaces the first occurrence of `old` (which must exist) in the valid plan.
func broken(_ old: String, _ new: String) -> String {
    precondition(validPlan.contains(old), "the fixture lacks \(old)")
    guard let range = validPlan.range(of: old) else { return validPlan }
    return validPlan.replacingCharacters(in: range, with: new)
}

struct InvalidCase: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { name }
}

@Suite("Invalid plan files are refused at the offending node")
struct InvalidPlanTests {
    @Test func theValidFixtureIsValid() throws {
        let plan = try PlanFile.parse(validPlan, file: "tiny.yaml")
        #expect(plan.activities.map(\.id) == ["1.1", "1.2"])
    }

    static let cases: [InvalidCase] = [
        InvalidCase(name: "YAML syntax", text: broken("owners: [IN]", "owners: [IN"),
                    line: 19, column: 16, message: "YAML syntax error"),
        InvalidCase(name: "unknown institution", text: broken("owners: [IN]", "owners: [IN, XX]"),
                    line: 18, column: 22, message: "unknown institution code 'XX' in activity 1.1"),
        InvalidCase(name: "unknown funding", text: broken("funding: [PB, VB]", "funding: [PB, EU]"),
                    line: 19, column: 23, message: "unknown funding code 'EU' in activity 1.1"),
        InvalidCase(name: "unknown level", text: broken("level: primary", "level: primarry"),
                    line: 8, column: 12, message: "unknown level code 'primarry'"),
        InvalidCase(name: "duplicate id", text: broken("id: \"1.2\"", "id: \"1.1\""),
                    line: 21, column: 13, message: "duplicate activity id '1.1'"),
        InvalidCase(name: "bad date", text: broken("to: 2025-03}", "to: 2025-13}"),
                    line: 24, column: 46, message: "bad date '2025-13'"),
        InvalidCase(name: "window outside the period", text: broken("to: 2025-03}", "to: 2027-03}"),
                    line: 24, column: 19, message: "lies outside the plan period 2025-01-01…2026-12-31"),
        InvalidCase(name: "window ends before it starts", text: broken("from: 2025-02, to: 2025-03", "from: 2025-04, to: 2025-03"),
                    line: 24, column: 19, message: "ends before it starts"),
        InvalidCase(name: "a due day that does not exist",
                    text: broken("schedule: {ongoing: {report: quarter}}", "schedule: {every: year, due: 02-30}"),
                    line: 17, column: 38, message: "the due day '02-30' is not valid"),
        InvalidCase(name: "a day number as a yearly due day",
                    text: broken("schedule: {ongoing: {report: quarter}}", "schedule: {every: year, due: 10}"),
                    line: 17, column: 38, message: "the due day '10' fits only every: month, not every: year"),
        InvalidCase(name: "a due day on a quarterly schedule",
                    text: broken("schedule: {ongoing: {report: quarter}}", "schedule: {every: quarter, due: 03-01}"),
                    line: 17, column: 41, message: "the due day '03-01' fits only every: year, not every: quarter"),
        InvalidCase(name: "a due day on ongoing work",
                    text: broken("schedule: {ongoing: {report: quarter}}", "schedule: {ongoing: {report: quarter, due: 10}}"),
                    line: 17, column: 47, message: "due"),
        InvalidCase(name: "a negative amount", text: broken("funding: [PB, VB]", "funding: [{code: PB, eur: -5}, VB]"),
                    line: 19, column: 35, message: "the amount '-5' (activity 1.1, PB) is not valid"),
        InvalidCase(name: "an amount with a decimal comma", text: broken("funding: [PB, VB]", "funding: [{code: PB, eur: \"1,5\"}]"),
                    line: 19, column: 35, message: "the amount '1,5' (activity 1.1, PB) is not valid"),
        InvalidCase(name: "an amount with three decimals", text: broken("funding: [PB, VB]", "funding: [{code: PB, eur: 1.555}]"),
                    line: 19, column: 35, message: "the amount '1.555'"),
        InvalidCase(name: "an amount past the bound", text: broken("funding: [PB, VB]", "funding: [{code: PB, eur: 1e20}]"),
                    line: 19, column: 35, message: "the amount '1e20'"),
        InvalidCase(name: "an unknown code with an amount", text: broken("funding: [PB, VB]", "funding: [{code: EU, eur: 5}]"),
                    line: 19, column: 26, message: "unknown funding code 'EU' in activity 1.1"),
        InvalidCase(name: "a code repeated with an amount", text: broken("funding: [PB, VB]", "funding: [PB, {code: PB, eur: 5}]"),
                    line: 19, column: 30, message: "the code 'PB' is repeated in activity 1.1"),
        InvalidCase(name: "an unknown key beside an amount", text: broken("funding: [PB, VB]", "funding: [{code: PB, euro: 5}]"),
                    line: 19, column: 30, message: "euro"),
        InvalidCase(name: "an amount without its code", text: broken("funding: [PB, VB]", "funding: [{eur: 5}]"),
                    line: 19, column: 19, message: "code"),
        InvalidCase(name: "a level left empty is no level, a wrong one is refused",
                    text: broken("level: primary", "level: [primary]"), line: 8, column: 12, message: "the level must be text"),
        InvalidCase(name: "empty title", text: broken("title: Materiāla izstrāde", "title: \"  \""),
                    line: 22, column: 16, message: "the title of activity 1.2 is empty"),
        InvalidCase(name: "null title", text: broken("title: Materiāla izstrāde", "title:"),
                    line: 22, column: 15, message: "the title of activity 1.2 is empty"),
        InvalidCase(name: "zero count", text: broken("count: 30", "count: 0"),
                    line: 20, column: 25, message: "must be a whole number from 1 to 1,000,000,000, not 0"),
        InvalidCase(name: "negative count", text: broken("count: 30", "count: -4"),
                    line: 20, column: 25, message: "must be a whole number from 1 to 1,000,000,000, not -4"),
        InvalidCase(name: "count not a number", text: broken("count: 30", "count: trīsdesmit"),
                    line: 20, column: 25, message: "must be a whole number from 1 to 1,000,000,000, not 'trīsdesmit'"),
        InvalidCase(name: "unknown schedule form", text: broken("{ongoing: {report: quarter}}", "{sometimes: true}"),
                    line: 17, column: 20, message: "unknown schedule form 'sometimes'"),
        InvalidCase(name: "unknown schedule word", text: broken("{ongoing: {report: quarter}}", "weekly"),
                    line: 17, column: 19, message: "unknown schedule form 'weekly'"),
        InvalidCase(name: "unknown cadence", text: broken("{ongoing: {report: quarter}}", "{every: fortnight}"),
                    line: 17, column: 27, message: "unknown cadence 'fortnight'"),
        InvalidCase(name: "unknown key", text: broken("links: []", "linx: []"),
                    line: 15, column: 9, message: "unknown key 'linx' in an activity"),
        InvalidCase(name: "missing owners", text: broken("        owners: [SG]\n", ""),
                    line: 21, column: 9, message: "activity 1.2 lacks the key 'owners'"),
        InvalidCase(name: "empty owners", text: broken("owners: [SG]", "owners: []"),
                    line: 25, column: 17, message: "activity 1.2 has no owner"),
        InvalidCase(name: "id under the wrong goal", text: broken("id: \"1.2\"", "id: \"2.2\""),
                    line: 21, column: 13, message: "activity '2.2' stands under goal 1"),
        InvalidCase(name: "unquoted id that is not GOAL.POSITION", text: broken("id: \"1.2\"", "id: 1.2.3"),
                    line: 21, column: 13, message: "must be GOAL.POSITION"),
        InvalidCase(name: "personal code in a title", text: broken("title: Materiāla izstrāde", "title: Sarunas ar 010203-12345"),
                    line: 22, column: 16, message: "contains a personal code"),
        InvalidCase(name: "period the wrong way round", text: broken("period: {from: 2025, to: 2026}", "period: {from: 2026, to: 2025}"),
                    line: 5, column: 9, message: "the plan period ends before it starts"),
        InvalidCase(name: "unknown status", text: broken("        funding: [PB]", "        funding: [PB]\n        status: paused"),
                    line: 27, column: 17, message: "unknown status 'paused'"),
        InvalidCase(name: "goals not a list",
                    text: "sargs: 1\nid: x\ntitle: T\nmunicipality: M\nperiod: {from: 2025, to: 2026}\ngoals: 1\n",
                    line: 6, column: 8, message: "goals must be a list"),
        InvalidCase(name: "duplicate key", text: broken("        funding: [PB]", "        funding: [PB]\n        funding: [VB]"),
                    line: 27, column: 9, message: "the key 'funding' is repeated"),
        InvalidCase(name: "unknown format version", text: broken("sargs: 1", "sargs: 7"),
                    line: 1, column: 8, message: "format version 7 is not known"),
        InvalidCase(name: "empty file", text: "", line: 1, column: 1, message: "the file is empty"),
        InvalidCase(name: "an institution's e-mail of a wrong form",
                    text: broken("period: {from: 2025, to: 2026}\n",
                                 "period: {from: 2025, to: 2026}\ninstitutions:\n  - {code: SD, name: Sociālais dienests, email: \"sd at example.lv\"}\n"),
                    line: 7, column: 49, message: "the e-mail of SD: 'sd at example.lv' is not an e-mail address"),
        InvalidCase(name: "an e-mail on a funding source",
                    text: broken("period: {from: 2025, to: 2026}\n",
                                 "period: {from: 2025, to: 2026}\nfunding:\n  - {code: FM, name: Fonds, email: fm@example.lv}\n"),
                    line: 7, column: 29, message: "unknown key 'email'"),
    ]

    @Test(arguments: cases)
    func refused(_ c: InvalidCase) {
        do {
            let plan = try PlanFile.parse(c.text, file: "plans/bad.yaml")
            Issue.record("accepted a plan with \(plan.activities.count) activities")
        } catch {
            #expect(error.file == "plans/bad.yaml")
            #expect((error.line, error.column) == (c.line, c.column), "\(error.description)")
            #expect(error.phrase.en.contains(c.message), "\(error.phrase.en)")
            #expect(error.description.hasPrefix("plans/bad.yaml:\(error.line):\(error.column): "))
            #expect(!error.phrase.lv.isEmpty && error.phrase.lv != error.phrase.en)
        }
    }

    @Test func atLeastFifteenDistinctRefusals() {
        #expect(Set(Self.cases.map(\.message)).count >= 15)
    }
}

/// Files that are not UTF-8 text are bad data, located at their first bad byte (SPEC §6).
@Suite("Plan files that are not UTF-8 text")
struct PlanFileEncodingTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var bytes: [UInt8]
        var line: Int
        var column: Int
        var says: String
    }

    static let cases: [Case] = [
        Case(description: "UTF-16 with a byte-order mark", bytes: [0xFF, 0xFE] + Array("sargs: 1\n".utf8).flatMap { [$0, 0] },
             line: 1, column: 1, says: "not UTF-8 text (binary or UTF-16)"),
        Case(description: "UTF-16 without a mark", bytes: Array("sargs: 1\n".utf8).flatMap { [$0, 0] },
             line: 1, column: 2, says: "not UTF-8 text (binary or UTF-16)"),
        Case(description: "Latin-1 in the third line", bytes: Array("sargs: 1\nid: x\ntitle: M".utf8) + [0xE2, 0x6A] + Array("ls\n".utf8),
             line: 3, column: 9, says: "not valid UTF-8"),
        Case(description: "a truncated sequence at the end", bytes: Array("sargs: 1\nid: ā".utf8) + [0xC4],
             line: 2, column: 6, says: "byte 0xC4"),
        Case(description: "binary", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00],
             line: 1, column: 1, says: "control character U+007F"),
        Case(description: "a NUL after text", bytes: Array("sargs: 1\nid: x".utf8) + [0x00],
             line: 2, column: 6, says: "byte 0x00"),
        Case(description: "a raw ESC in a title", bytes: Array("sargs: 1\ntitle: Tēma ".utf8) + [0x1B] + Array("]0;x".utf8),
             line: 2, column: 13, says: "control character U+001B"),
    ]

    @Test("refused with FILE:LINE:COLUMN of the first bad byte", arguments: cases)
    func located(_ c: Case) throws {
        let path = Fixtures.temporaryDirectory("encoding") + "/plan.yaml"
        try Data(c.bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try PlanFile.read(path: path)
            Issue.record("read a plan from \(c.description)")
        } catch let error as LocatedError {
            #expect(error.file == path)
            #expect((error.line, error.column) == (c.line, c.column), "\(error)")
            #expect(error.phrase.en.contains(c.says), "\(error)")
        }
    }

    @Test("a UTF-8 byte-order mark is read past")
    func byteOrderMark() throws {
        let path = Fixtures.temporaryDirectory("encoding") + "/plan.yaml"
        try Data([0xEF, 0xBB, 0xBF] + Array(validPlan.utf8)).write(to: URL(fileURLWithPath: path))
        #expect(try PlanFile.read(path: path).id == "tiny")
    }

    @Test("control characters, personal codes in any spelling and counts out of range are refused where they stand",
          arguments: [
            ("title: Apmācīti 30 pedagogi", "title: \"Apmācīti \\e]0;x\\a pedagogi\"", 14, "U+001B"),
            ("title: Apmācīti 30 pedagogi", "title: \"Apmācīti \\u202E pedagogi\"", 14, "U+202E"),
            ("title: Apmācīti 30 pedagogi", "title: \"Apmācīti\\npedagogi\"", 14, "line breaks"),
            ("title: Apmācīti 30 pedagogi", "title: Apmācīti ０１０２０３–１２３４５", 14, "personal code"),
            ("title: Apmācīti 30 pedagogi", "title: \"Apmācīti 010203-1234\\u200B5\"", 14, "personal code"),
            ("count: 30", "count: 30000000000000000", 20, "from 1 to 1,000,000,000, not 30000000000000000"),
            ("count: 30", "count: 99999999999999999999999", 20, "from 1 to 1,000,000,000, not '99999999999999999999999'"),
          ])
    func refusedTexts(_ c: (String, String, Int, String)) {
        let text = broken(c.0, c.1)
        do {
            _ = try PlanFile.parse(text, file: "plan.yaml")
            Issue.record("accepted \(c.1)")
        } catch {
            #expect(error.line == c.2, "\(error)")
            #expect(error.phrase.en.contains(c.3), "\(error)")
            #expect(!error.text(.en).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, "the message is safe to print")
        }
    }
}
