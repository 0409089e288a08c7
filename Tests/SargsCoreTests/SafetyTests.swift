import Foundation
import Testing
import TestSupport
@testable import SargsCore

/// SPEC §6's guard, control characters and numbers, checked in the core that
/// every writer and every field calls.
@Suite("Personal codes in any spelling")
struct PersonalCodeTests {
    static let refused: [String] = [
        "010203-12345",                       // the plain form
        "kods 010203-12345.",                 // inside text
        "010203 12345",                       // a space
        "010203\u{00A0}12345",                // a no-break space
        "010203\t12345",                      // a tab
        "010203–12345",                       // an en dash
        "010203—12345",                       // an em dash
        "010203\u{2212}12345",                // a minus sign
        "010203\u{2011}12345",                // a non-breaking hyphen
        "010203 - 12345",                     // a dash between spaces
        "０１０２０３-１２３４５",               // full-width digits
        "０１０２０３－１２３４５",               // full-width digits and dash
        "٠١٠٢٠٣-١٢٣٤٥",                       // Arabic-Indic digits
        "010203-1234\u{200B}5",               // a zero-width space inside
        "01\u{00AD}0203-12345",               // a soft hyphen inside
        "0102\u{2060}03\u{FEFF}-12345",       // a word joiner and a BOM inside
        "01020312345",                        // eleven digits, a valid DDMMYY
        "29020012345",                        // 29 February of a leap year
        "32123456789",                        // the form issued since 2017
        "321234-56789",                       // … with a hyphen
        "999999-12345",                       // a separator is refused whatever the date
        "x010203-12345y",                     // letters around do not hide it
        "kods 010203\n12345",                 // pasted from wrapped text
        "kods 010203\r\n12345",               // … from Windows
        "kods 010203-\n12345",                // a dash at the end of the line
        "0\u{332}1\u{332}0\u{332}2\u{332}0\u{332}3\u{332}-1\u{332}2\u{332}3\u{332}4\u{332}5\u{332}",  // a combining low line under each digit
        "010203-1234\u{20E3}5",               // a combining keycap inside
        "0\u{301}10203 12345",                // an accent on a digit
    ]

    static let allowed: [String] = [
        "rēķins 12345678901",                 // 123456 is not a date and does not begin with 32
        "31020012345",                        // 31 February
        "29021912345",                        // 29 February of a year not divisible by 4
        "00010112345",                        // day 0
        "01130012345",                        // month 13
        "tālrunis 29123456",                  // eight digits
        "010203123456",                       // twelve digits: another number
        "1010203-12345",                      // seven digits before the hyphen
        "010203-123456",                      // six after it
        "010203--12345",                      // two dashes: not one separator
        "2025-03-10, 30 pedagogi",
        "",
    ]

    @Test("refused in every spelling", arguments: refused)
    func refusedSpelling(_ text: String) {
        #expect(PersonalCode.contains(text))
        #expect(FreeText.problem(in: text, lines: .several) == .personalCode)
    }

    @Test("not a personal code", arguments: allowed)
    func allowedText(_ text: String) {
        #expect(!PersonalCode.contains(text))
        #expect(FreeText.problem(in: text, lines: .one) == nil)
    }

    @Test("the code found is given in its plain form")
    func normalisedForm() {
        #expect(PersonalCode.find(in: "０１０２０３–１２３４５") == "010203-12345")
        #expect(PersonalCode.find(in: "32123456789") == "32123456789")
    }

    @Test("every space-like and dash-like separator of Unicode is caught")
    func everySeparator() {
        var count = 0
        for value in 0x20...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let p = scalar.properties
            guard p.generalCategory == .spaceSeparator || p.generalCategory == .dashPunctuation || p.isDash else { continue }
            let text = "010203" + String(scalar) + "12345"
            #expect(PersonalCode.contains(text), "U+\(String(value, radix: 16)) between the parts")
            count += 1
        }
        #expect(count > 30)
    }

    @Test("digits of every script are digits")
    func everyScript() {
        var scripts = 0
        for value in 0x30...0x1FFFF {
            guard let zero = Unicode.Scalar(value), zero.properties.numericType == .decimal,
                  zero.properties.numericValue == 0 else { continue }
            let digits = (0...9).compactMap { Unicode.Scalar(value + $0) }.map(String.init)
            guard digits.count == 10 else { continue }
            let code = [0, 1, 0, 2, 0, 3].map { digits[$0] }.joined() + "-" + [1, 2, 3, 4, 5].map { digits[$0] }.joined()
            #expect(PersonalCode.contains(code), "digits from U+\(String(value, radix: 16))")
            scripts += 1
        }
        #expect(scripts > 40)
    }
}

@Suite("Control characters in, escaped out")
struct ControlCharacterTests {
    static let refusedEverywhere: [UInt32] = [0x00, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F,
                                              0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]

    @Test("refused in every field", arguments: refusedEverywhere)
    func refused(_ value: UInt32) {
        let text = "Tēma" + String(Unicode.Scalar(value)!) + "x"
        #expect(FreeText.problem(in: text, lines: .one) == .control(value))
        #expect(FreeText.problem(in: text, lines: .several) == .control(value))
        #expect(throws: ChangeRefusal.self) { try ChangeRules.text(text, field: Phrase(lv: "tēma", en: "the topic")) }
    }

    @Test("a tab everywhere, a line break only in notes and decisions")
    func tabsAndLines() {
        #expect(FreeText.problem(in: "a\tb", lines: .one) == nil)
        for br in ["\n", "\r\n", "\r", "\u{2028}", "\u{2029}"] {
            #expect(FreeText.problem(in: "a\(br)b", lines: .one) == .lineBreak)
            #expect(FreeText.problem(in: "a\(br)b", lines: .several) == nil)
        }
        let meeting = Meeting(date: Day("2025-03-01")!, kind: .emergency, topic: "a\nb")
        #expect(throws: ChangeRefusal.self) { try ChangeRules.meeting(meeting, plan: Madona.plan()) }
        let decision = Decision(meeting: 1, text: "pirmā rinda\notrā rinda", owner: "SD", due: Day("2025-04-01")!)
        #expect(throws: Never.self) { try ChangeRules.decision(decision, plan: Madona.plan()) }
    }

    @Test("the refusal names the character and the field")
    func refusalWords() throws {
        let phrase = FreeText.Problem.control(0x1B).phrase(field: Phrase(lv: "tēma", en: "the topic"))
        #expect(phrase.en.contains("the topic") && phrase.en.contains("U+001B"))
        #expect(phrase.lv.contains("tēma") && phrase.lv.contains("U+001B"))
    }

    /// Bytes no writer may let out: C0 but tab and line feed, DEL, C1.
    static func badBytes(_ text: String, allowing allowed: Set<UInt8> = [0x09, 0x0A]) -> [String] {
        var bad: [String] = []
        let bytes = Array(text.utf8)
        for (i, b) in bytes.enumerated() {
            if (b < 0x20 && !allowed.contains(b)) || b == 0x7F { bad.append("0x\(String(b, radix: 16)) at \(i)") }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { bad.append("C1 at \(i)") }
        }
        for scalar in text.unicodeScalars where (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
            bad.append("bidi U+\(String(scalar.value, radix: 16))")
        }
        return bad
    }

    /// Random text mixing Latvian letters, digits, punctuation, and every kind of control.
    static func hostile(_ rng: inout SplitMix) -> String {
        let pieces: [String] = ["Tēma", "ā", "š", " ", "\n", "\r\n", "\r", "\t", "\u{1B}]0;owned\u{07}", "\u{1B}[2J",
                                "\u{0}", "\u{7F}", "\u{85}", "\u{9B}31m", "\u{202E}", "\u{2066}", "\u{2028}", "|", ",",
                                ";", "\"", "\\", "=cmd", "-1", "@x", "# h", "*", "👍🏽", "🇱🇻"]
        let n = Int(rng.next() % 8) + 1
        return (0..<n).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
    }

    @Test("SafeText: nothing to act on comes out, clean text comes out unchanged, twice is once")
    func safeTextProperty() {
        var rng = SplitMix(seed: 0x5AFE)
        for _ in 0..<3000 {
            let text = Self.hostile(&rng)
            let line = SafeText.line(text)
            #expect(Self.badBytes(line, allowing: []).isEmpty, "\(line.debugDescription)")
            #expect(!line.contains("\n"))
            let lines = SafeText.clean(text, keeping: .lines)
            #expect(Self.badBytes(lines, allowing: [0x0A]).isEmpty, "\(lines.debugDescription)")
            #expect(SafeText.clean(lines, keeping: .lines) == lines)
            #expect(SafeText.line(line) == line)
            if FreeText.problem(in: text, lines: .one) == nil { #expect(SafeText.clean(text, keeping: .tabs) == text) }
        }
        #expect(SafeText.indented("a\nb\r\nc", by: "  ") == "a\n  b\n  c")
    }

    @Test("every writer: text, Markdown, CSV, iCal, JSON hold no control byte whatever the store holds")
    func everyWriter() {
        var rng = SplitMix(seed: 0xC0DE)
        var checked = 0
        for round in 0..<150 {
            var plan = Madona.plan()
            plan.title = Self.hostile(&rng)
            for i in plan.activities.indices {
                plan.activities[i].title = Self.hostile(&rng)
                if i % 3 == 0 { plan.activities[i].status = .blocked; plan.activities[i].statusNote = Self.hostile(&rng) }
            }
            let meetings = [
                Meeting(id: 1, date: Day("2025-03-10")!, kind: .regular, topic: Self.hostile(&rng), state: .held,
                        attendees: ["SD", Self.hostile(&rng)], items: [.init(activity: "1.1", outcome: .discussed)]),
                Meeting(id: 2, date: Day("2025-12-10")!, kind: .emergency, topic: Self.hostile(&rng)),
            ]
            let decisions = [Decision(id: 1, meeting: 1, text: Self.hostile(&rng), owner: "SD", due: Day("2025-04-01")!, activity: "1.1"),
                             Decision(id: 2, meeting: 1, text: Self.hostile(&rng), owner: Self.hostile(&rng), due: Day("2026-01-01")!)]
            let snapshot = Snapshot(plan: plan, records: [Record(activity: "1.3", date: Day("2025-02-01")!, count: 2)],
                                    meetings: meetings, decisions: decisions)
            let date = Day("2025-11-26")!
            let language: Language = round % 2 == 0 ? .lv : .en
            let regular = Agenda(snapshot: snapshot, date: date)
            let emergency = Agenda(snapshot: snapshot, date: date, kind: .emergency, topic: Self.hostile(&rng))
            let report = YearReport(snapshot: snapshot, year: 2025, today: date)
            let minutes = Minutes(meeting: meetings[0], snapshot: snapshot)
            let entry = JournalEntry(id: 1, time: Date(timeIntervalSince1970: 1_750_000_000), author: Self.hostile(&rng),
                                     action: "note", subject: Self.hostile(&rng), before: Self.hostile(&rng), after: Self.hostile(&rng))
            var outputs: [(String, String, Set<UInt8>)] = [
                ("agenda text", AgendaText.render(regular, snapshot: snapshot, language: language, markdown: false), [0x0A]),
                ("agenda markdown", AgendaText.render(regular, snapshot: snapshot, language: language, markdown: true), [0x0A]),
                ("emergency text", AgendaText.render(emergency, snapshot: snapshot, language: language, markdown: false), [0x0A]),
                ("agenda json", String(decoding: regular.jsonBytes(), as: UTF8.self), []),
                ("minutes markdown", minutes.markdown(language), [0x0A]),
                ("minutes text", minutes.text(language), [0x0A]),
                ("minutes json", minutes.jsonValue.serialized(pretty: true), [0x0A]),
                ("report markdown", report.markdown(language), [0x0A]),
                ("report csv", report.csv(), [0x0A, 0x09]),
                ("report json", report.json(), []),
                ("ics", CalendarExport.ics(snapshot, stamp: Date(timeIntervalSince1970: 0), language: language), [0x0A, 0x0D, 0x09]),
                ("journal line", JournalText.line(entry, language), []),
                ("journal json", JournalText.json(entry).serialized(), []),
            ]
            outputs += meetings.map { ("meeting line", MeetingText.line($0, language), []) }
            for (name, output, allowed) in outputs {
                let bad = Self.badBytes(output, allowing: allowed)
                #expect(bad.isEmpty, "\(name): \(bad.prefix(3))")
                checked += 1
            }
            // A line break in a decision continues its Markdown list item on an indented line.
            for line in minutes.markdown(language).split(separator: "\n") where !line.isEmpty {
                let fixed = ["Nākamā sēde: ", "Next meeting: ", "Atvērtu iepriekšējo lēmumu nav.", "No earlier decisions were open.",
                             "Lēmumu nav.", "No decisions.", "Sēde notika ", "The meeting was held ", "Sēde paredzēta ",
                             "The meeting is planned ", "Sēde, kas bija paredzēta ", "The meeting planned for ", ":::",
                             "Sēdi vadīja: ", "Chaired by: ", "Protokolēja: ", "Minutes taken by: "]
                let starts = ["#", "-", " ", "|", "**"].contains { line.hasPrefix($0) } || line.first!.isNumber
                    || line == Substring(SafeText.markdown(plan.title)) || fixed.contains { line.hasPrefix($0) }
                #expect(starts, "a line of the minutes that starts outside any item: \(line.debugDescription)")
            }
            // A CSV cell never starts a formula.
            for cell in Self.csvCells(report.csv()) {
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains { cell.hasPrefix($0) }, "\(cell.debugDescription)")
            }
        }
        print("writers checked: \(checked) outputs of hostile text")
    }

    /// The cells of a CSV text (RFC 4180), quotes removed.
    static func csvCells(_ csv: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false, wasQuote = false
        for c in csv {
            if quoted {
                if c == "\"" { quoted = false; wasQuote = true } else { cell.append(c) }
            } else if c == "\"" {
                if wasQuote { cell.append("\"") }
                quoted = true
            } else if c == "," || c == "\n" {
                cells.append(cell); cell = ""; wasQuote = false
            } else {
                cell.append(c); wasQuote = false
            }
        }
        return cells
    }

    @Test("a CSV cell that starts like a formula is prefixed with '")
    func csvFormula() {
        var plan = Madona.plan()
        let titles = ["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "plain"]
        for (i, title) in titles.enumerated() { plan.activities[i].title = title }
        let csv = YearReport(snapshot: Snapshot(plan: plan), year: 2025, today: Day("2025-06-01")!).csv()
        #expect(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\","))
        #expect(csv.contains(",'+1,") && csv.contains(",'-1,") && csv.contains(",'@SUM(A1),"))
        #expect(csv.contains(",\"'\tx\",") && csv.contains(",\"'\nx\","))
        #expect(csv.contains(",plain,"))
    }
}

@Suite("Numbers that cannot crash")
struct NumberTests {
    @Test("counts and targets: 1 to 1,000,000,000", arguments: [0, -1, 1_000_000_001, 3_000_000_000, Int.max, Int.min])
    func outOfRange(_ value: Int) {
        #expect(throws: ChangeRefusal.self) { try ChangeRules.count(value, field: Phrase(lv: "skaitam", en: "the count")) }
        let record = Record(activity: "2.4", date: Day("2025-03-01")!, count: value)
        #expect(throws: ChangeRefusal.self) { try ChangeRules.record(record, plan: Madona.plan(), today: Day("2025-06-01")!) }
        var a = Madona["2.4"]
        a.target = Target(count: value, unit: "pedagogi")
        #expect(throws: ChangeRefusal.self) { try ChangeRules.activityFields(a, plan: Madona.plan()) }
    }

    @Test("the refusal names the range")
    func refusalRange() {
        #expect(Counts.refusal(9_000_000_000_000_000_000, field: Phrase(lv: "skaitam", en: "the count")).en
            == "the count must be a whole number from 1 to 1,000,000,000, not 9000000000000000000")
    }

    @Test("the even share is exact and never overflows")
    func share() {
        var rng = SplitMix(seed: 42)
        for _ in 0..<2000 {
            let total = Int(rng.next() % 1_000_000_000) + 1
            let whole = Int(rng.next() % 1100) + 1
            let part = Int(rng.next() % UInt64(whole)) + 1
            #expect(Counts.share(of: total, part, in: whole) == total * part / whole)
        }
        #expect(Counts.share(of: Int.max, 1_000, in: 1_000) == Int.max)
        #expect(Counts.share(of: 9_000_000_000_000_000_000, 500, in: 1_000) == 4_500_000_000_000_000_000)
        #expect(Counts.share(of: 5, 3, in: 0) == 0)
    }

    @Test("stored values out of range: every reader still answers")
    func storedValues() {
        var plan = Madona.plan()
        for i in plan.activities.indices where plan.activities[i].target != nil {
            plan.activities[i].target = Target(count: i % 2 == 0 ? Int.max : -5, unit: "x")
        }
        let records = [Record(activity: "2.4", date: Day("2025-02-01")!, count: Int.max),
                       Record(activity: "2.4", date: Day("2025-02-02")!, count: Int.max),
                       Record(activity: "2.6", date: Day("2025-02-02")!, count: Int.min),
                       Record(activity: "2.6", date: Day("2025-02-03")!, count: 3_000_000_000)]
        let snapshot = Snapshot(plan: plan, records: records)
        let day = Day("2025-11-26")!
        let tracker = Tracker(snapshot)
        for activity in plan.activities {
            _ = tracker.state(of: activity, on: day)
            _ = tracker.pace(of: activity, on: day)
        }
        #expect(tracker.progress(of: plan.activity("2.4")!, on: day) == 2 * Counts.range.upperBound)
        #expect(tracker.progress(of: plan.activity("2.6")!, on: day) == Counts.range.upperBound)
        let agenda = Agenda(snapshot: snapshot, date: day)
        #expect(!agenda.items.isEmpty)
        _ = AgendaText.render(agenda, snapshot: snapshot, language: .lv, markdown: true)
        _ = YearReport(snapshot: snapshot, year: 2025, today: day).csv()
    }
}

/// The guard's fast path skips the normalising scan for a text with fewer
/// than eleven digit-like scalars (issue 14: most Latvian text). It may only
/// do so if every scalar that normalises to digits is counted, with as many
/// digits as it can become: checked here over every assigned scalar.
@Suite("The personal-code guard's fast path")
struct PersonalCodeFastPathTests {
    @Test("every scalar whose NFKC form holds decimal digits is digit-like, and holds at most the bound")
    func everyScalar() {
        var checked = 0
        var digitLike = 0
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let category = scalar.properties.generalCategory
            if category == .unassigned || category == .surrogate || category == .privateUse { continue }
            checked += 1
            let normalised = String(Character(scalar)).precomposedStringWithCompatibilityMapping
            let digits = normalised.unicodeScalars.filter { $0.properties.numericType == .decimal }.count
            guard digits > 0 else { continue }
            digitLike += 1
            #expect(PersonalCode.mayBecomeDigits(scalar), "U+\(String(value, radix: 16, uppercase: true))")
            #expect(digits <= PersonalCode.mostDigitsPerScalar, "U+\(String(value, radix: 16, uppercase: true))")
        }
        #expect(checked > 100_000)
        #expect(digitLike > 500, "the walk meets many digit forms: \(digitLike)")
    }

    @Test("ordinary Latvian text takes the fast path; a code in compatibility digits does not")
    func latvianIsFast() {
        for letter in "āčēģīķļņšūžĀČĒ" as String {
            let scalar = letter.unicodeScalars.first!
            #expect(PersonalCode.mayBecomeDigits(scalar) == letter.isUppercase, "\(letter)")
        }
        // Eleven digits as circled and fullwidth forms are still found.
        #expect(PersonalCode.contains("kods ⓪①⓪①⓪①-①②③④⑤"))
        #expect(PersonalCode.contains("kods ０１０１０１－１２３４５"))
        #expect(!PersonalCode.contains("Sociālais dienests un bāriņtiesa sadarbojas ar skolām"))
    }
}

@Suite("Trimming blanks")
struct BlankTests {
    @Test("trims what Foundation's whitespacesAndNewlines trims, scalar by scalar", arguments: [
        "", " ", "a", " a ", "\u{00A0}Sociālais\u{2003}", "\t\n rinda \r\n", "\u{2028}x\u{2029}", "\u{85}y\u{3000}",
        " \u{301}a", "a\u{301} ", "x\u{200B}", "\u{FEFF}z", "  iekšā  atstarpes  ",
    ])
    func sameAsFoundation(text: String) {
        #expect(text.trimmingBlanks == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
    }
}

extension BlankTests {
    @Test("the blank set is Foundation's whitespacesAndNewlines, over every scalar")
    func everyScalar() {
        let foundation = CharacterSet.whitespacesAndNewlines
        var differing: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if String.isBlank(scalar) != foundation.contains(scalar) { differing.append(String(value, radix: 16)) }
        }
        #expect(differing.isEmpty, "\(differing)")
    }
}

/// The writers' escaping, rewritten scalar by scalar for speed (issue 14),
/// gives what the `replacingOccurrences` chains it replaced gave.
@Suite("Escaping rewritten without NSString")
struct EscapingRewriteTests {
    static func previousEscape(_ text: String) -> String {
        SafeText.clean(text, keeping: [.lines, .tabs]).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func previousFold(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }

    static func texts() -> [String] {
        var random = SyntheticPlan.Random(seed: 21)
        let alphabet = Array("ab ;,\\\n\r\t|\"āž€😀\u{301}\u{7}\u{202E}") + ["\r\n"]
        var texts = ["", "a", ";", ",,", "\\;", "\r\n", "x\r\ny", "Sēde; lēmums, \"termiņš\"\n2. rinda", String(repeating: "ā", count: 80)]
        for _ in 0..<3_000 {
            let length = random.int(0...120)
            texts.append(String((0..<length).map { _ in alphabet[random.int(0...(alphabet.count - 1))] }))
        }
        return texts
    }

    @Test("iCalendar escaping and folding, CSV quotes and Markdown bars: the same output as before")
    func sameOutput() {
        for text in Self.texts() {
            #expect(CalendarExport.escape(text) == Self.previousEscape(text), "\(text.debugDescription)")
            #expect(CalendarExport.fold(text) == Self.previousFold(text), "\(text.debugDescription)")
            #expect(text.replacing(scalar: "\"", with: "\"\"") == text.replacingOccurrences(of: "\"", with: "\"\""))
            #expect(text.replacing(scalar: "|", with: "\\|") == text.replacingOccurrences(of: "|", with: "\\|"))
        }
    }
}
