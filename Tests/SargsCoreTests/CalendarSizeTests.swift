import Foundation
import SargsCore
import Testing

/// The calendar of a plan whose title is 5 MB. Folding it at 75 octets
/// copied the whole line at every break (47 s for one export, release build);
/// the calendar it wrote was right, so what is checked here is that it still
/// is: no line over 75 octets, no character cut, the title whole once unfolded.
@Suite("The calendar of a plan with a 5 MB title")
struct CalendarSizeTests {
    /// 5 MB of title: one-octet letters, two-octet Latvian ones, a four-octet
    /// emoji, and the characters iCalendar escapes (`;`, `,`, `\`).
    static let title: String = {
        let unit = "Madonas novada plāns; bērnu, drošība\\ 🙂 "
        let text = String(repeating: unit, count: (5 << 20) / unit.utf8.count + 1)
        var bytes = Array(text.utf8.prefix(5 << 20))
        while let last = bytes.last, last & 0xC0 == 0x80 || last >= 0xC0 { bytes.removeLast() }  // no cut character
        return String(decoding: bytes, as: UTF8.self)
    }()

    /// The lines of `ics` (split at CRLF), as bytes.
    static func lines(_ ics: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i + 1 < ics.count {
            if ics[i] == 0x0D && ics[i + 1] == 0x0A {
                lines.append(ics[start..<i])
                start = i + 2
                i += 2
            } else {
                i += 1
            }
        }
        lines.append(ics[start...])
        return lines
    }

    /// RFC 5545 §3.1: a line that starts with a space continues the one before.
    static func unfold(_ lines: [ArraySlice<UInt8>]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for line in lines {
            if line.first == 0x20, !out.isEmpty {
                out[out.count - 1] += line.dropFirst()
            } else {
                out.append(Array(line))
            }
        }
        return out
    }

    /// A TEXT value with its escapes (`\\`, `\;`, `\,`, `\n`) undone.
    static func unescape(_ value: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.count)
        var escaped = false
        for byte in value {
            if escaped {
                out.append(byte == UInt8(ascii: "n") ? 0x0A : byte)
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @Test("is written, every line at most 75 octets and whole UTF-8, and unfolding gives the title back")
    func fiveMegabyteTitle() throws {
        #expect(Self.title.utf8.count >= (5 << 20) - 4)
        var plan = testPlan([activity("1.1", Sched.once("2025")), activity("1.2", Sched.once("2026"))])
        plan.title = Self.title
        let ics = Array(CalendarExport.ics(Snapshot(plan: plan), stamp: Date(timeIntervalSince1970: 0), language: .lv).utf8)
        #expect(ics.suffix(2) == [0x0D, 0x0A])
        let lines = Self.lines(ics).dropLast()  // after the last CRLF: nothing
        #expect(lines.count > (5 << 20) / 75)
        let long = lines.first { $0.count > 75 }
        #expect(long == nil, "a line of \(long?.count ?? 0) octets")
        // A fold never splits a character: each line is UTF-8 on its own.
        #expect(lines.allSatisfy { String(validating: $0, as: UTF8.self) != nil })
        #expect(!lines.contains { $0.contains(0x0A) || $0.contains(0x0D) })
        let unfolded = Self.unfold(Array(lines))
        let name = Array("X-WR-CALNAME:".utf8)
        let calendarName = try #require(unfolded.first { $0.starts(with: name) })
        #expect(Self.unescape(calendarName.dropFirst(name.count)) == Self.title)
        // The rest of the calendar is as it was: the events, whole.
        #expect(unfolded.filter { $0 == Array("BEGIN:VEVENT".utf8) }.count == 2)
        #expect(unfolded.last == Array("END:VCALENDAR".utf8))
    }
}
