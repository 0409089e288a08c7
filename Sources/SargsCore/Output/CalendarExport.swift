import Foundation

/// Planned meetings, decision due dates, one-off deadlines and the due days
/// recurring duties name inside their windows (`due:`) as an
/// iCalendar file (RFC 5545), so the group's calendars show them.
public enum CalendarExport {
    /// `revisions`: for each meeting, how many changes the journal holds
    /// about it after its planning (a new time, place, date or the
    /// cancellation): its `SEQUENCE`, so a calendar that imported it takes
    /// the newer one (RFC 5545 §3.8.7.4). Without it, 0, and 1 when cancelled.
    public static func ics(_ snapshot: Snapshot, stamp: Date, language: Language, revisions: [Int64: Int] = [:]) -> String {
        let lv = language == .lv
        let plan = snapshot.plan
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let dtstamp = formatter.string(from: stamp)
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//sargs//" + escape(plan.id) + "//LV", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escape(plan.title)]
        func event(uid: String, span: [String], summary: String, description: String?, rule: String? = nil, location: String? = nil,
                   cancelled: Bool? = nil, sequence: Int = 0) {
            lines += ["BEGIN:VEVENT", "UID:" + escape("\(uid)@\(plan.id).sargs"), "DTSTAMP:\(dtstamp)"] + span
            if let cancelled { lines += [cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED", "SEQUENCE:\(max(sequence, cancelled ? 1 : 0))"] }
            if let rule { lines.append("RRULE:" + rule) }
            lines.append("SUMMARY:" + escape(summary))
            if let location { lines.append("LOCATION:" + escape(location)) }
            if let description { lines.append("DESCRIPTION:" + escape(description)) }
            lines.append("END:VEVENT")
        }
        func event(uid: String, day: Day, summary: String, description: String?, rule: String? = nil, location: String? = nil,
                   cancelled: Bool? = nil, sequence: Int = 0) {
            event(uid: uid, span: ["DTSTART;VALUE=DATE:\(compact(day))", "DTEND;VALUE=DATE:\(compact(day.adding(days: 1)))"],
                  summary: summary, description: description, rule: rule, location: location, cancelled: cancelled, sequence: sequence)
        }
        // A planned meeting: its number, kind and topic; at its time in
        // Europe/Riga when it has one, else all day; its place; and the
        // items of its stored agenda (issue 26), the one every reader shows.
        // Every meeting: a cancelled one as cancelled (SEQUENCE 1), so a calendar that
        // imported it when it was planned takes it off; a held one stays where it was.
        let planned = snapshot.meetings
        if planned.contains(where: { $0.time != nil }) { lines += rigaTimeZone }
        let needsSweep = planned.contains { $0.kind != .regular || !$0.prepared }
        let tracker = needsSweep ? Tracker(snapshot) : nil
        let byID = Dictionary(plan.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for m in planned {
            let kind = m.kind == .regular ? (lv ? "kārtējā" : "regular") : (lv ? "ārkārtas" : "emergency")
            let cancelled = m.state == .cancelled
            let summary = (lv ? "Sadarbības grupas sēde Nr. \(m.id) (\(kind))" : "Cooperation group meeting \(m.id) (\(kind))")
                + (m.topic.map { ": \($0)" } ?? "") + (cancelled ? (lv ? " — ATCELTA" : " — CANCELLED") : "")
            let listed: [String]
            if m.kind == .regular, m.prepared {
                // A regular meeting's stored agenda is its items in calling order, as `Agenda(snapshot:meeting:)`
                // gives them: read from the plan, without a sweep of every activity for each meeting (SPEC §9).
                listed = m.items.compactMap { item in byID[item.activity].map { "\($0.id) \($0.title)" } }
            } else {
                let agenda = Agenda(snapshot: snapshot, meeting: m, tracker: tracker)
                listed = m.kind == .regular ? agenda.items.map { "\($0.activity) \($0.title)" }
                                            : agenda.services.map { "\($0.activity) \($0.title)" } + agenda.items.map { "\($0.activity) \($0.title)" }
            }
            let description = (lv ? "Darba kārtība" : "Agenda") + " (\(listed.count)):\n" + listed.joined(separator: "\n")
            guard let time = m.time else {
                event(uid: "meeting-\(m.id)", day: m.date, summary: summary, description: description, location: m.details.place,
                      cancelled: cancelled, sequence: revisions[m.id] ?? 0)
                continue
            }
            let start = "\(compact(m.date))T\(clock(time))"
            var span = ["DTSTART;TZID=Europe/Riga:\(start)"]
            if let end = m.details.ended, end != time {
                // An end before the start is the next day's (issue 27).
                let endDay = end > time ? m.date : m.date.adding(days: 1)
                span.append("DTEND;TZID=Europe/Riga:\(compact(endDay))T\(clock(end))")
            } else {
                span.append("DURATION:PT2H")
            }
            event(uid: "meeting-\(m.id)", span: span, summary: summary, description: description, location: m.details.place,
                  cancelled: cancelled, sequence: revisions[m.id] ?? 0)
        }
        for d in snapshot.decisions where d.isOpen {
            event(uid: "decision-\(d.id)", day: d.due, summary: (lv ? "Lēmuma termiņš" : "Decision due") + " [\(d.owner)]: \(d.text)",
                  description: d.activity.map { (lv ? "Aktivitāte " : "Activity ") + $0 })
        }
        for a in plan.activities where a.schedule.kind == .once && a.status != .done && a.status != .dropped {
            let last = a.schedule.span(in: plan.period).last
            event(uid: "deadline-\(a.id)", day: last, summary: (lv ? "Termiņš" : "Deadline") + " \(a.id): \(a.title)",
                  description: a.owners.joined(separator: ", ") + " · " + a.period)
        }
        for a in plan.activities where a.status != .done && a.status != .dropped {
            guard case .every(let cadence, _, _, let due?) = a.schedule else { continue }
            let windows = a.schedule.windows(in: plan.period)
            let summary = (lv ? "Termiņš" : "Deadline") + " \(a.id): \(a.title)"
            let description = a.owners.joined(separator: ", ") + " · " + a.period
            // The windows due on the named day itself are one recurring event
            // (RFC 5545 RRULE); a window a schedule's bounds cut short, due on
            // its last day instead, is an event of its own.
            let (rule, regular) = Self.recurrence(due, cadence: cadence, windows: windows)
            if let rule, let first = regular.first {
                event(uid: "due-\(a.id)", day: windows[first].due, summary: summary, description: description,
                      rule: rule + ";COUNT=\(regular.count)")
            }
            for (i, window) in windows.enumerated() where !(rule != nil && regular.contains(i)) {
                event(uid: "due-\(a.id)-\(window.label)", day: window.due,
                      summary: (lv ? "Termiņš" : "Deadline") + " \(a.id) (\(window.label)): \(a.title)", description: description)
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// The RRULE (without COUNT) that gives a due day in every window, and
    /// the indices of the windows it covers: a contiguous run due on the
    /// named day itself. nil where RFC 5545 cannot say "that day, or the
    /// month's last if shorter" plainly (the 29th or 30th of every month,
    /// 29 February every year): those are events one by one.
    static func recurrence(_ due: DueDay, cadence: Cadence, windows: [Window]) -> (rule: String?, covered: Range<Int>) {
        let rule: String
        switch (cadence, due.month) {
        case (.month, nil) where due.day <= 28: rule = "FREQ=MONTHLY;BYMONTHDAY=\(due.day)"
        case (.month, nil) where due.day == 31: rule = "FREQ=MONTHLY;BYMONTHDAY=-1"
        case (.year, let month?) where !(month == 2 && due.day == 29): rule = "FREQ=YEARLY"
        default: return (nil, 0..<0)
        }
        // A window is regular when its due day is the named day of its month (clamped for BYMONTHDAY=-1).
        func regular(_ w: Window) -> Bool {
            let month = due.month ?? w.due.month
            let named = Day(year: w.due.year, month: month, day: min(due.day, Day.daysIn(month: month, year: w.due.year)))
            return w.due == named && (due.month == nil || w.due.month == month)
        }
        guard let first = windows.firstIndex(where: regular) else { return (nil, 0..<0) }
        var end = first
        while end < windows.count && regular(windows[end]) { end += 1 }
        return (rule, first..<end)
    }

    static func compact(_ day: Day) -> String { String(format: "%04d%02d%02d", day.year, day.month, day.day) }

    /// HHMMSS of a local time.
    static func clock(_ time: ClockTime) -> String { String(format: "%02d%02d00", time.minutes / 60, time.minutes % 60) }

    /// Europe/Riga as RFC 5545 §3.6.5 describes a zone: EET, and EEST from
    /// the last Sunday of March 03:00 to the last Sunday of October 04:00
    /// local time (the EU rule since 1996), so that a client without the
    /// zone's database still puts the meeting at the right hour.
    static let rigaTimeZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Riga",
        "BEGIN:STANDARD", "DTSTART:19701025T040000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
        "TZOFFSETFROM:+0300", "TZOFFSETTO:+0200", "TZNAME:EET", "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:19700329T030000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
        "TZOFFSETFROM:+0200", "TZOFFSETTO:+0300", "TZNAME:EEST", "END:DAYLIGHT",
        "END:VTIMEZONE",
    ]

    /// Escapes text values (RFC 5545 §3.3.11): TEXT allows no control
    /// character but HTAB, so `SafeText` replaces the rest first and a line
    /// break is written `\n`.
    /// Built as bytes in one buffer, as `fold` is: appending scalar by
    /// scalar to a `String.UnicodeScalarView` was half of the calendar's
    /// time at 10k activities (SPEC §9). The four characters escaped are
    /// ASCII, so no byte of a longer UTF-8 character is ever one of them.
    static func escape(_ text: String) -> String {
        var clean = SafeText.clean(text, keeping: [.lines, .tabs])
        // The bytes in place, not through the UTF-8 view's iterator (every value of every event).
        return clean.withUTF8(escaped)
    }

    private static func escaped(_ clean: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(clean.count + clean.count / 16 + 4)
        for byte in clean {
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0x0A:
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(ascii: "n"))
            default:
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folds lines longer than 75 octets, never inside a UTF-8 character.
    /// Built as bytes in one buffer: appending the break to a
    /// `String.UnicodeScalarView` copied the whole line each time, which
    /// made a 5 MB title take 47 s.
    static func fold(_ line: String) -> String {
        if line.utf8.count <= 75 { return line }
        var line = line
        return line.withUTF8(folded)
    }

    private static func folded(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 74 * 3 + 3)
        var count = 0
        for byte in utf8 {
            // A character starts at a byte that is not a continuation (10xxxxxx);
            // its lead byte gives its length.
            if byte & 0xC0 != 0x80 {
                let size = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if count + size > 75 {
                    // CRLF and the space that continues the line (three appends: no array made each time).
                    out.append(0x0D)
                    out.append(0x0A)
                    out.append(0x20)
                    count = 1
                }
            }
            out.append(byte)
            count += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
