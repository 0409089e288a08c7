import Foundation

/// The agenda as people read it: grouped under each owner institution in
/// plan order, so the chair can call each representative in turn, each item
/// saying in words why it is there. Used by `sargs agenda` and the board.
public enum AgendaText {
    public struct OwnerGroup: Sendable {
        public var owner: String
        public var items: [Agenda.Item]
    }

    /// The items under their first (lead) owner, groups in the plan's order
    /// of institutions (codes the plan does not list after them, an item
    /// with no owner last): each item once, as the board's agenda groups them.
    /// A stored agenda (issue 26) keeps the chair's order: its items are
    /// grouped only where consecutive items share a lead owner.
    public static func byOwner(_ agenda: Agenda, plan: Plan) -> [OwnerGroup] {
        if agenda.meeting?.prepared == true {
            var groups: [OwnerGroup] = []
            for item in agenda.items {
                let owner = item.owners.first ?? ""
                if groups.last?.owner == owner { groups[groups.count - 1].items.append(item) }
                else { groups.append(OwnerGroup(owner: owner, items: [item])) }
            }
            return groups
        }
        return grouped(agenda.items, owners: \.owners, plan: plan).map { OwnerGroup(owner: $0.owner, items: $0.members) }
    }

    /// Anything with owners, under its lead owner, groups in the plan's order of institutions.
    static func grouped<T>(_ list: [T], owners: (T) -> [String], plan: Plan) -> [(owner: String, members: [T])] {
        var groups: [String: [T]] = [:]
        for element in list { groups[owners(element).first ?? "", default: []].append(element) }
        let known = plan.allInstitutions.map(\.code)
        let others = groups.keys.filter { !known.contains($0) }.sorted { ($0.isEmpty ? 1 : 0, $0) < ($1.isEmpty ? 1 : 0, $1) }
        return (known + others).compactMap { code in groups[code].map { (code, $0) } }
    }

    /// "nokavēts 92 d." · "3 no 11 nedēļām bez izpildes" · "12/30, jābūt 19".
    public static func why(_ item: Agenda.Item, language: Language) -> String {
        let lv = language == .lv
        var parts: [String] = []
        if item.added && item.reasons.isEmpty {
            return lv ? "iekļauts pēc sēdes vadītāja izvēles" : "put on the agenda by the chair"
        }
        for reason in item.reasons {
            switch reason {
            case .deadlinePassed:
                parts.append(lv ? "nokavēts \(item.daysOverdue) d." : "\(item.daysOverdue) days past the deadline")
            case .missed:
                let missed = item.missed ?? 0
                let expected = item.expected ?? 0
                let cadence = item.windows?.first.flatMap { Window.parse($0)?.cadence }
                // A named due day says by when in each window ("līdz 1. martam").
                let by = item.due.map { " " + ScheduleText.dueText($0, language) } ?? ""
                parts.append(lv ? "\(missed) no \(expected) \(unitLV(cadence, expected)) bez izpildes\(by)"
                                : "\(missed) of \(expected) \(unitEN(cadence, expected)) without a record\(by)")
            case .targetMissed:
                parts.append(lv ? "mērķis nesasniegts: \(item.progress ?? 0)/\(item.target ?? 0)"
                                : "target missed: \(item.progress ?? 0)/\(item.target ?? 0)")
            case .behindPace:
                let expected = item.expectedPace.map { lv ? ", jābūt \($0)" : ", expected \($0)" } ?? ""
                parts.append("\(item.progress ?? 0)/\(item.target ?? 0)\(expected)")
            }
        }
        return parts.joined(separator: "; ")
    }

    /// The window's name after "no N": genitive singular when N is CLDR's
    /// "one" ("1 no 1 ceturkšņa", "21 no 21 nedēļas"), else dative plural
    /// ("3 no 11 nedēļām").
    static func unitLV(_ cadence: Cadence?, _ n: Int) -> String {
        let one = Plural.isOne(n, .lv)
        switch cadence {
        case .week: return one ? "nedēļas" : "nedēļām"
        case .month: return one ? "mēneša" : "mēnešiem"
        case .quarter: return one ? "ceturkšņa" : "ceturkšņiem"
        case .halfYear: return one ? "pusgada" : "pusgadiem"
        case .year: return one ? "gada" : "gadiem"
        case nil: return one ? "loga" : "logiem"
        }
    }

    static func unitEN(_ cadence: Cadence?, _ n: Int) -> String {
        let s = n == 1 ? "" : "s"
        switch cadence {
        case .week: return "week" + s
        case .month: return "month" + s
        case .quarter: return "quarter" + s
        case .halfYear: return "half-year" + s
        case .year: return "year" + s
        case nil: return "window" + s
        }
    }

    private static func name(_ code: String, plan: Plan, _ language: Language) -> String {
        guard let institution = plan.institution(code) else { return SafeText.line(code) }
        return SafeText.line(institution.name(in: language))
    }

    /// Plain text (`markdown` false) or Markdown. Every text from data passes
    /// `SafeText`; a line break in a decision continues on an indented line.
    /// `forChair` (the terminal, the board) adds the line that names what the
    /// plan made overdue since the agenda was saved and the command that adds
    /// it; the agenda mailed to the institutions leaves it out.
    public static func render(_ agenda: Agenda, snapshot: Snapshot, language: Language,
                              markdown: Bool, forChair: Bool = true) -> String {
        let lv = language == .lv
        let plan = snapshot.plan
        var out = ""
        let kind = agenda.kind == .regular ? (lv ? "Kārtējās sēdes" : "Regular meeting")
                                           : (lv ? "Ārkārtas sēdes" : "Emergency meeting")
        let number = agenda.meeting.map { lv ? "Sēdes Nr. \($0.id) d" : "Agenda of meeting \($0.id), " }
        let title = number.map { lv ? "\($0)arba kārtība \(agenda.date)" : "\($0)\(agenda.date)" }
            ?? (lv ? "\(kind) darba kārtība \(agenda.date)" : "\(kind) agenda, \(agenda.date)")
        out += markdown ? "# \(title)\n\n" : "\(title)\n\(String(repeating: "=", count: title.count))\n"
        // In Markdown each of these lines is its own paragraph (else they run together).
        let end = markdown ? "\n\n" : "\n"
        func esc(_ text: String) -> String { markdown ? SafeText.markdown(text) : SafeText.line(text) }
        // Titles in the run's language where the plan gives them (SPEC §1: else the plan's own).
        // Looked up once per item: a dictionary, not a search of the plan's activities each time (10k × 4k, SPEC §9).
        let byID = Dictionary(plan.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func named(_ id: ActivityID, _ title: String) -> String { byID[id]?.name(in: language) ?? title }
        out += esc(language == .en ? plan.en ?? plan.title : plan.title) + end
        if let meeting = agenda.meeting {
            let kindWord = meeting.kind == .regular ? (lv ? "kārtējā sēde" : "regular meeting") : (lv ? "ārkārtas sēde" : "emergency meeting")
            out += (lv ? "Sēde: " : "Meeting: ") + "\(kindWord), \(meeting.date)" + MeetingText.at(meeting, language) + end
            if let place = meeting.details.place { out += (lv ? "Vieta: " : "Place: ") + esc(place) + end }
        }
        if let topic = agenda.topic { out += (lv ? "Tēma: " : "Topic: ") + esc(topic) + end }
        out += lv ? "Pārskata periods: \(agenda.reviewFrom) – \(agenda.date)" + end
                  : "Review period: \(agenda.reviewFrom) – \(agenda.date)" + end
        out += lv ? "Ceturkšņi ar kārtējo sēdi \(agenda.date.year). gadā: \(agenda.quartersHeld) no \(agenda.meetingsRequired)" + end
                  : "Quarters with a regular meeting in \(agenda.date.year): \(agenda.quartersHeld) of \(agenda.meetingsRequired)" + end
        let notOn = agenda.notOnStored.map(\.activity) + agenda.notOnStoredServices.map(\.activity)
        if forChair, let meeting = agenda.meeting, !notOn.isEmpty {
            let n = notOn.count
            let ids = notOn.map { esc($0) }.joined(separator: ", ")
            out += (lv ? "Kopš darba kārtība saglabāta, plānā \(Plural.form(n, .lv, one: "nokavēts vēl \(n) jautājums", other: "nokavēti vēl \(n) jautājumi")) (\(ids)); "
                        + "pievienot: `sargs meeting edit \(meeting.id) --refresh`"
                       : "Since the agenda was saved, the plan has \(n) more overdue \(n == 1 ? "item" : "items") (\(ids)); "
                        + "to add \(n == 1 ? "it" : "them"): `sargs meeting edit \(meeting.id) --refresh`") + end
        }

        func heading(_ text: String) {
            out += markdown ? "\n## \(text)\n\n" : "\n\(text)\n\(String(repeating: "-", count: text.count))\n"
        }
        let bullet = markdown ? "- " : "  "
        switch agenda.kind {
        case .regular:
            if agenda.items.isEmpty {
                heading(lv ? "Nokavētais" : "Overdue")
                out += bullet + (agenda.meeting?.prepared == true ? (lv ? "Darba kārtībā nav jautājumu." : "The agenda has no items.")
                                 : (lv ? "Nekas nav nokavēts." : "Nothing is overdue.")) + "\n"
            }
            for group in byOwner(agenda, plan: plan) {
                heading("\(esc(group.owner)) — \(esc(name(group.owner, plan: plan, language))) (\(group.items.count))")
                for item in group.items {
                    let why = self.why(item, language: language)
                    let activity = esc(item.activity)
                    let id = markdown ? "**\(activity)**" : activity.padded(to: 5)
                    let name = named(item.activity, item.title)
                    let title = markdown ? SafeText.markdown(name) : SafeText.line(name)
                    out += "\(bullet)\(id) \(title) — \(why)"
                    let coOwners = item.owners.dropFirst()
                    if !coOwners.isEmpty {
                        let names = esc(coOwners.joined(separator: ", "))
                        out += lv ? " (līdzatbildīgie: \(names))" : " (with \(names))"
                    }
                    if let last = item.lastRecord { out += lv ? " (pēdējā izpilde \(last))" : " (last record \(last))" }
                    if let reason = item.blockedReason.map(esc) {
                        out += lv ? " [bloķēta: \(reason)]" : " [blocked: \(reason)]"
                    }
                    out += "\n"
                }
            }
            if !agenda.upcoming.isEmpty {
                heading(lv ? "Tuvākie termiņi (91 diena)" : "Coming deadlines (91 days)")
                for u in agenda.upcoming {
                    out += "\(bullet)\(esc(u.activity)) \(esc(named(u.activity, u.title))) — \(lv ? "līdz" : "due") \(u.due)\n"
                }
            }
        case .emergency:
            // The tertiary and as-needed services, under their lead owner as the board shows them.
            out += lv ? "\nTerciārās prevencijas un pēc vajadzības sniegtie pakalpojumi\n" : "\nTertiary and as-needed services\n"
            for group in grouped(agenda.services, owners: \.owners, plan: plan) {
                heading("\(esc(group.owner)) — \(esc(name(group.owner, plan: plan, language))) (\(group.members.count))")
                for s in group.members {
                    let last = s.lastRecord.map { lv ? "pēdējā izpilde \($0)" : "last record \($0)" } ?? (lv ? "nav izpilžu" : "no records")
                    let title = markdown ? SafeText.markdown(named(s.activity, s.title)) : SafeText.line(named(s.activity, s.title))
                    out += "\(bullet)\(esc(s.activity)) \(title) — \(last); \(lv ? "365 dienās" : "in 365 days"): \(s.records365)"
                    let coOwners = s.owners.dropFirst()
                    if !coOwners.isEmpty {
                        let names = esc(coOwners.joined(separator: ", "))
                        out += lv ? " (līdzatbildīgie: \(names))" : " (with \(names))"
                    }
                    out += "\n"
                }
            }
        }
        if agenda.kind == .emergency, !agenda.items.isEmpty {
            heading(lv ? "Citi jautājumi" : "Other items")
            for item in agenda.items {
                let title = markdown ? SafeText.markdown(named(item.activity, item.title)) : SafeText.line(named(item.activity, item.title))
                out += "\(bullet)\(esc(item.activity)) \(title) — \(why(item, language: language))\n"
            }
        }
        heading(lv ? "Atvērtie lēmumi" : "Open decisions")
        if agenda.decisions.isEmpty { out += bullet + (lv ? "Nav." : "None.") + "\n" }
        for d in agenda.decisions {
            let late = d.overdue ? (lv ? " — NOKAVĒTS" : " — OVERDUE") : ""
            let text = markdown ? SafeText.markdownIndented(d.text, by: "  ") : SafeText.indented(d.text, by: "  ")
            out += "\(bullet)\(lv ? "Nr." : "No.") \(d.id) [\(esc(d.owner))] \(text) — \(lv ? "līdz" : "due") \(d.due)\(late)"
                + (d.activity.map { " — " + esc($0) + ": " + Self.facts(d, language) } ?? "") + "\n"
        }
        return out
    }

    /// An open decision's activity as the review needs it: its state and its
    /// last record ("nokavēta 30 d., pēdējā izpilde 2025-10-01"; issue 27).
    static func facts(_ d: Agenda.OpenDecision, _ language: Language) -> String {
        let lv = language == .lv
        var parts: [String] = []
        if let state = d.activityState {
            if let days = state.daysOverdue {
                parts.append(lv ? "nokavēta \(days) d." : "overdue \(days) d")
            } else {
                parts.append(state.computed.phrase.text(language))
            }
            if state.isBlocked { parts[parts.count - 1] = ActivityState.blockedPhrase.text(language) + ", " + parts[parts.count - 1] }
        }
        parts.append(d.lastRecord.map { lv ? "pēdējā izpilde \($0)" : "last record \($0)" } ?? (lv ? "izpildes nav" : "no record"))
        return parts.joined(separator: lv ? ", " : ", ")
    }
}
