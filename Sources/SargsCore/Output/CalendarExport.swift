import Foundation

/// Planned meetings, decision due dates, one-off deadlines and the due days
/// recurring duties name inside their windows (`due:`) as an
/// iCalendar file (RFC 5545), so the group's calendars show them.
public enum CalendarExport {
    public static func ics(_ snapshot: Snapshot, stamp: Date, language: Language) -> String {
        let lv = language == .lv
        let plan = snapshot.plan
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let dtstamp = formatter.string(from: stamp)
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//sargs//" + escape(plan.id) + "//LV", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escape(plan.title)]
        func event(uid: String, day: Day, summary: String, description: String?, rule: String? = nil) {
            let next = day.adding(days: 1)
            lines += ["BEGIN:VEVENT", "UID:" + escape("\(uid)@\(plan.id).sargs"), "DTSTAMP:\(dtstamp)",
                      "DTSTART;VALUE=DATE:\(compact(day))", "DTEND;VALUE=DATE:\(compact(next))"]
            if let rule { lines.append("RRULE:" + rule) }
            lines.append("SUMMARY:" + escape(summary))
            if let description { lines.append("DESCRIPTION:" + escape(description)) }
            lines.append("END:VEVENT")
        }
        for m in snapshot.meetings where m.state == .planned {
            let kind = m.kind == .regular ? (lv ? "Sadarbības grupas sēde" : "Cooperation group meeting")
                                          : (lv ? "Ārkārtas sēde" : "Emergency meeting")
            event(uid: "meeting-\(m.id)", day: m.date, summary: kind + (m.topic.map { ": \($0)" } ?? ""), description: nil)
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

    /// Escapes text values (RFC 5545 §3.3.11): TEXT allows no control
    /// character but HTAB, so `SafeText` replaces the rest first and a line
    /// break is written `\n`.
    static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in SafeText.clean(text, keeping: [.lines, .tabs]).unicodeScalars {
            switch scalar {
            case "\\": out.append("\\"); out.append("\\")
            case ";": out.append("\\"); out.append(";")
            case ",": out.append("\\"); out.append(",")
            case "\n": out.append("\\"); out.append("n")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Folds lines longer than 75 octets, never inside a UTF-8 character.
    /// Built as bytes in one buffer: appending the break to a
    /// `String.UnicodeScalarView` copied the whole line each time, which
    /// made a 5 MB title take 47 s.
    static func fold(_ line: String) -> String {
        let utf8 = line.utf8
        if utf8.count <= 75 { return line }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 74 * 3 + 3)
        var count = 0
        for byte in utf8 {
            // A character starts at a byte that is not a continuation (10xxxxxx);
            // its lead byte gives its length.
            if byte & 0xC0 != 0x80 {
                let size = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                if count + size > 75 {
                    out += [0x0D, 0x0A, 0x20]  // CRLF and the space that continues the line
                    count = 1
                }
            }
            out.append(byte)
            count += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
