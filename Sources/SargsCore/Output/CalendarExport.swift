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
        func event(uid: String, day: Day, summary: String, description: String?) {
            let next = day.adding(days: 1)
            lines += ["BEGIN:VEVENT", "UID:" + escape("\(uid)@\(plan.id).sargs"), "DTSTAMP:\(dtstamp)",
                      "DTSTART;VALUE=DATE:\(compact(day))", "DTEND;VALUE=DATE:\(compact(next))",
                      "SUMMARY:" + escape(summary)]
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
        for a in plan.activities where a.schedule.due != nil && a.status != .done && a.status != .dropped {
            for window in a.schedule.windows(in: plan.period) {
                event(uid: "due-\(a.id)-\(window.label)", day: window.due,
                      summary: (lv ? "Termiņš" : "Deadline") + " \(a.id) (\(window.label)): \(a.title)",
                      description: a.owners.joined(separator: ", ") + " · " + a.period)
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
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
    static func fold(_ line: String) -> String {
        if line.utf8.count <= 75 { return line }
        var out = String.UnicodeScalarView()
        var count = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if count + size > 75 {
                out.append(contentsOf: "\r\n ".unicodeScalars)
                count = 1
            }
            out.append(scalar)
            count += size
        }
        return String(out)
    }
}
