import Foundation
import SargsCore
import Testing
@testable import SargsStore

@Suite("The store's text forms: JSON, schedules, dates, instants")
struct StoredValueTests {
    @Test("JSON text reads back to the same value", arguments: [
        #"null"#, #"true"#, #"[]"#, #"{}"#, #"-42"#, #"0.30000000000000004"#, #"1e+20"#, #"5.0"#,
        #"["SG","BT"]"#, #"{"a":{"b":[1,2,{"c":null}]},"d":"ē\"\\\n\t\u0001"}"#,
    ])
    func jsonRoundTrip(text: String) throws {
        let value = try #require(JSON(parsing: text))
        #expect(JSON(parsing: value.text) == value)
    }

    @Test func jsonEscapes() throws {
        let value: JSON = .strings(["a\"b", "c\\d", "line\nnext", "tab\t", "\u{01}", "Ķegums 😀", "/"])
        #expect(value.text == #"["a\"b","c\\d","line\nnext","tab\t","\u0001","Ķegums 😀","/"]"#)
        #expect(JSON(parsing: value.text) == value)
        #expect(JSON(parsing: #"["\u0136egums \ud83d\ude00 \/"]"#) == .strings(["Ķegums 😀 /"]))
    }

    @Test("malformed JSON is refused", arguments: ["", "[", "[1,]", "{\"a\" 1}", "\"open", "nul", "[1] x", "\"\\ud83d\""])
    func jsonMalformed(text: String) {
        #expect(JSON(parsing: text) == nil)
    }

    @Test("every schedule form keeps its bounds' precision", arguments: [
        Schedule.once(from: nil, to: .year(2025)),
        .once(from: .month(2025, 2), to: .month(2025, 3)),
        .once(from: .day(Day(year: 2025, month: 2, day: 3)!), to: .day(Day(year: 2025, month: 2, day: 28)!)),
        .every(.week, from: nil, to: nil),
        .every(.halfYear, from: .year(2026), to: .month(2027, 6)),
        .ongoing(report: .quarter, from: nil, to: nil),
        .ongoing(report: .month, from: .day(Day(year: 2025, month: 9, day: 15)!), to: .year(2026)),
        .asNeeded,
    ])
    func scheduleRoundTrip(schedule: Schedule) throws {
        #expect(try Schedule.stored(schedule.storedText) == schedule)
    }

    @Test func scheduleText() {
        #expect(Schedule.every(.quarter, from: .month(2025, 4), to: nil).storedText == #"{"every":"quarter","from":"2025-04"}"#)
        #expect(Schedule.once(from: nil, to: .year(2025)).storedText == #"{"once":{"to":"2025"}}"#)
        #expect(Schedule.ongoing(report: .quarter, from: nil, to: nil).storedText == #"{"ongoing":{"report":"quarter"}}"#)
        #expect(Schedule.asNeeded.storedText == #""as-needed""#)
    }

    @Test func instants() {
        let date = Date(timeIntervalSince1970: 1_740_000_000.123_4)
        #expect(Timestamp.text(date) == "2025-02-19T21:20:00.123Z")
        #expect(Timestamp.date("2025-02-19T21:20:00.123Z") == Timestamp.normalized(date))
        #expect(Timestamp.text(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59.500Z")
        #expect(Timestamp.date(Timestamp.text(Date(timeIntervalSince1970: -0.5))) == Date(timeIntervalSince1970: -0.5))
    }

    @Test func days() {
        #expect(Day("2024-02-29") == Day(year: 2024, month: 2, day: 29))
        #expect(Day("2025-02-29") == nil)
        #expect(Day("2025-2-01") == nil)
        #expect(Day("2025-02-0x") == nil)
        // One codec: what the commands accepted and the store refused is gone ("+1" was a month).
        #expect(Day("2025-+1-01") == nil && Day("2025-01-+1") == nil && Day("２０２５-01-01") == nil)
        for text in ["0001-01-01", "2025-12-31", "9999-12-31"] { #expect(Day(text)?.description == text) }
    }
}
