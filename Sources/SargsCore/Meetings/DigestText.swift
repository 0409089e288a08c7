import Foundation

/// A digest as text, Markdown, JSON and a mail subject (issue 15). Every
/// text from data passes `SafeText`; the subject holds only counts and dates,
/// so nothing in a plan or a note can reach a mail header.
public enum DigestText {
    /// "sargs: 3 nokavētas aktivitātes, 1 lēmums līdz 12.03." — one line, no
    /// text from the plan or the store. `meeting` adds the meeting it reminds of.
    public static func subject(_ digest: Digest, language: Language, meeting: Meeting? = nil) -> String {
        let lv = language == .lv
        func short(_ day: Day) -> String {
            lv ? String(format: "%02d.%02d.", day.day, day.month) : day.description
        }
        var parts: [String] = []
        if let meeting {
            let at = MeetingText.at(meeting, language)
            parts.append(lv ? "sēde \(short(meeting.date))\(at)" : "meeting on \(short(meeting.date))\(at)")
        }
        let n = digest.overdue.count
        if n > 0 {
            parts.append(lv ? Plural.form(n, .lv, one: "\(n) nokavēta aktivitāte", other: "\(n) nokavētas aktivitātes")
                            : Plural.form(n, .en, one: "\(n) overdue activity", other: "\(n) overdue activities"))
        }
        let lateDecisions = digest.openDecisions.filter(\.overdue).count
        if lateDecisions > 0 {
            parts.append(lv ? Plural.form(lateDecisions, .lv, one: "\(lateDecisions) nokavēts lēmums", other: "\(lateDecisions) nokavēti lēmumi")
                            : Plural.form(lateDecisions, .en, one: "\(lateDecisions) overdue decision", other: "\(lateDecisions) overdue decisions"))
        }
        let soonDecisions = digest.dueSoon.filter { $0.kind == .decision }
        if let last = soonDecisions.map(\.due).max() {
            let k = soonDecisions.count
            parts.append(lv ? Plural.form(k, .lv, one: "\(k) lēmums", other: "\(k) lēmumi") + " līdz \(short(last))"
                            : Plural.form(k, .en, one: "\(k) decision", other: "\(k) decisions") + " due by \(short(last))")
        }
        let deadlines = digest.dueSoon.filter { $0.kind == .activity }
        if let last = deadlines.map(\.due).max() {
            let k = deadlines.count
            parts.append(lv ? Plural.form(k, .lv, one: "\(k) termiņš", other: "\(k) termiņi") + " līdz \(short(last))"
                            : Plural.form(k, .en, one: "\(k) deadline", other: "\(k) deadlines") + " by \(short(last))")
        }
        let otherOpen = digest.openDecisions.count - lateDecisions
        if parts.isEmpty || (parts.count == (meeting == nil ? 0 : 1) && otherOpen > 0) {
            if otherOpen > 0 {
                parts.append(lv ? Plural.form(otherOpen, .lv, one: "\(otherOpen) atvērts lēmums", other: "\(otherOpen) atvērti lēmumi")
                                : Plural.form(otherOpen, .en, one: "\(otherOpen) open decision", other: "\(otherOpen) open decisions"))
            }
        }
        if parts.isEmpty { parts.append(lv ? "nekas nav nokavēts" : "nothing is overdue") }
        return "sargs: " + parts.joined(separator: ", ")
    }

    /// Plain text (`markdown` false) or Markdown, in `language`. Empty
    /// sections are left out; `plan` gives titles and institution names.
    public static func render(_ digest: Digest, plan: Plan, language: Language, markdown: Bool) -> String {
        let lv = language == .lv
        var out = ""
        let code = SafeText.line(digest.institution.code)
        let name = SafeText.line(digest.institution.name(in: language))
        let title = lv ? "\(code) — \(name): atgādinājums \(digest.date)" : "\(code) — \(name): reminder, \(digest.date)"
        func esc(_ text: String) -> String { markdown ? SafeText.markdown(text) : SafeText.line(text) }
        out += markdown ? "# \(markdown ? SafeText.markdown(title) : title)\n\n"
                        : "\(title)\n\(String(repeating: "=", count: title.count))\n"
        // Titles in the run's language where the plan gives them (SPEC §1: else the plan's own).
        func named(_ id: ActivityID, _ title: String) -> String { plan.activity(id)?.name(in: language) ?? title }
        out += esc(language == .en ? plan.en ?? plan.title : plan.title) + (markdown ? "\n\n" : "\n")
        func heading(_ text: String) {
            out += markdown ? "\n## \(text)\n\n" : "\n\(text)\n\(String(repeating: "-", count: text.count))\n"
        }
        let bullet = markdown ? "- " : "  "

        if !digest.overdue.isEmpty {
            heading(lv ? "Nokavētās aktivitātes (\(digest.overdue.count))" : "Overdue activities (\(digest.overdue.count))")
            out += (lv ? "Pārskata periods \(digest.reviewFrom) – \(digest.date)" : "Review period \(digest.reviewFrom) – \(digest.date)")
                + (markdown ? "\n\n" : "\n")
            for item in digest.overdue {
                let id = markdown ? "**\(SafeText.line(item.activity))**" : SafeText.line(item.activity).padded(to: 5)
                out += "\(bullet)\(id) \(esc(named(item.activity, item.title))) — \(AgendaText.why(item, language: language))"
                let others = item.owners.filter { $0 != digest.institution.code }
                if !others.isEmpty {
                    let names = SafeText.line(others.joined(separator: ", "))
                    out += lv ? " (kopā ar \(names))" : " (with \(names))"
                }
                if let reason = item.blockedReason.map(SafeText.line) {
                    out += lv ? " [bloķēta: \(reason)]" : " [blocked: \(reason)]"
                }
                out += "\n"
            }
        }
        if !digest.dueSoon.isEmpty {
            let n = digest.days
            let span = n == 0 ? (lv ? "šodien" : "today")
                : lv ? Plural.form(n, .lv, one: "tuvākajā \(n) dienā", other: "tuvākajās \(n) dienās")
                     : Plural.form(n, .en, one: "in the next \(n) day", other: "in the next \(n) days")
            heading(lv ? "Termiņi \(span) (\(digest.dueSoon.count))" : "Due \(span) (\(digest.dueSoon.count))")
            for due in digest.dueSoon {
                switch due.kind {
                case .activity:
                    out += "\(bullet)\(due.due)  \(SafeText.line(due.id)) \(esc(named(due.id, due.text)))\n"
                case .decision:
                    let text = markdown ? SafeText.markdownIndented(due.text, by: "  ") : SafeText.indented(due.text, by: "  ")
                    out += "\(bullet)\(due.due)  \(lv ? "lēmums Nr." : "decision") \(due.id): \(text)\n"
                }
            }
        }
        if !digest.openDecisions.isEmpty {
            heading(lv ? "Atvērtie lēmumi (\(digest.openDecisions.count))" : "Open decisions (\(digest.openDecisions.count))")
            for d in digest.openDecisions {
                let late = d.overdue ? (lv ? " — NOKAVĒTS" : " — OVERDUE") : ""
                let text = markdown ? SafeText.markdownIndented(d.text, by: "  ") : SafeText.indented(d.text, by: "  ")
                out += "\(bullet)\(lv ? "Nr." : "No.") \(d.id) \(text) — \(lv ? "līdz" : "due") \(d.due)\(late)\n"
            }
        }
        if let meeting = digest.nextMeeting {
            out += markdown ? "\n" : "\n"
            out += lv ? "Nākamā sēde: Nr. \(meeting.id), \(meeting.date)" : "Next meeting: no. \(meeting.id), \(meeting.date)"
            out += MeetingText.at(meeting, language)
            out += lv ? " (\(meeting.kind.phrase.lv))" : " (\(meeting.kind.phrase.en))"
            if let topic = meeting.topic { out += (lv ? ", tēma: " : ", topic: ") + esc(topic) }
            if let place = meeting.details.place.map(SafeText.line), !place.isEmpty { out += ", \(esc(place))" }
            out += "\n"
            // What the institution will be called on, from the meeting's stored agenda (issue 26).
            if !digest.onNextAgenda.isEmpty {
                let n = digest.onNextAgenda.count
                // A paragraph of its own in Markdown, and the list after a blank line.
                out += (markdown ? "\n" : "") + (lv ? "Jūsu jautājumi tās darba kārtībā (\(n)):" : "Your items on its agenda (\(n)):") + "\n"
                if markdown { out += "\n" }
                for item in digest.onNextAgenda {
                    out += "\(bullet)\(esc(item.activity)) \(esc(named(item.activity, item.title)))\n"
                }
            }
        }
        return out
    }

    /// The digest as JSON: the institution, the day, the horizon and the
    /// sections (empty ones as empty lists), keys in a fixed order.
    public static func json(_ digest: Digest) -> JSONValue {
        let overdue = JSONValue.array(digest.overdue.map { item in
            .object([("activity", .string(item.activity)), ("title", .string(item.title)),
                     ("owners", .array(item.owners.map { .string($0) })),
                     ("reasons", .array(item.reasons.map { .string($0.rawValue) })),
                     ("days_overdue", .int(item.daysOverdue)),
                     ("missed", item.missed.map { .int($0) } ?? .null), ("expected", item.expected.map { .int($0) } ?? .null),
                     ("progress", item.progress.map { .int($0) } ?? .null), ("target", item.target.map { .int($0) } ?? .null)])
        })
        let due = JSONValue.array(digest.dueSoon.map { d in
            .object([("kind", .string(d.kind.rawValue)), ("id", .string(d.id)), ("text", .string(d.text)),
                     ("due", .string(d.due.isoText))])
        })
        let decisions = JSONValue.array(digest.openDecisions.map { d in
            .object([("id", .int(Int(d.id))), ("text", .string(d.text)), ("due", .string(d.due.isoText)),
                     ("overdue", .bool(d.overdue))])
        })
        let meeting: JSONValue = digest.nextMeeting.map { m in
            .object([("id", .int(Int(m.id))), ("date", .string(m.date.isoText)), ("kind", .string(m.kind.rawValue)),
                     ("time", .optional(m.time?.description)), ("place", .optional(m.details.place)),
                     ("items", .array(digest.onNextAgenda.map { .string($0.activity) }))])
        } ?? .null
        return .object([
            ("institution", .object([("code", .string(digest.institution.code)), ("name", .string(digest.institution.name)),
                                     ("email", .string(digest.institution.email))])),
            ("date", .string(digest.date.isoText)), ("days", .int(digest.days)),
            ("review_from", .string(digest.reviewFrom.isoText)),
            ("overdue", overdue), ("due_soon", due), ("open_decisions", decisions), ("next_meeting", meeting),
        ])
    }
}
