/// The minutes of a meeting (protokols): date, kind, attendees, each item
/// with its outcome, and the decisions — the document the group files.
/// Every text from data passes `SafeText`: one-line fields stay on their
/// line, a decision's line breaks continue on indented lines.
public struct Minutes: Sendable {
    public let meeting: Meeting
    public let plan: Plan
    public let decisions: [Decision]

    public init(meeting: Meeting, snapshot: Snapshot) {
        self.meeting = meeting
        self.plan = snapshot.plan
        self.decisions = snapshot.decisions.filter { $0.meeting == meeting.id }.sorted { $0.id < $1.id }
    }

    private func kindText(_ lv: Bool) -> String {
        meeting.kind == .regular ? (lv ? "Kārtējā sēde" : "Regular meeting") : (lv ? "Ārkārtas sēde" : "Emergency meeting")
    }

    private func stateText(_ lv: Bool) -> String {
        switch meeting.state {
        case .planned: return lv ? "plānota" : "planned"
        case .held: return lv ? "notikusi" : "held"
        case .cancelled: return lv ? "atcelta" : "cancelled"
        }
    }

    private func attendeeText(_ lv: Bool) -> String {
        if meeting.attendees.isEmpty { return lv ? "nav norādīti" : "not recorded" }
        return meeting.attendees.map { code in
            guard let i = plan.institution(code) else { return SafeText.line(code) }
            return SafeText.line("\(code) (\(i.name(in: lv ? .lv : .en)))")
        }.joined(separator: ", ")
    }

    /// A decision on one item; its text's line breaks continue after `indent`.
    private func decisionLine(_ d: Decision, _ lv: Bool, indent: String) -> String {
        var line = "#\(d.id) [\(SafeText.line(d.owner))] \(SafeText.indented(d.text, by: indent)) — \(lv ? "termiņš" : "due") \(d.due)"
        if let activity = d.activity.map(SafeText.line) { line += lv ? " (aktivitāte \(activity))" : " (activity \(activity))" }
        if let done = d.doneOn { line += lv ? " — izpildīts \(done)" : " — done \(done)" }
        return line
    }

    public func markdown(_ language: Language) -> String {
        let lv = language == .lv
        var out = "# \(lv ? "Protokols" : "Minutes"): \(kindText(lv)) Nr. \(meeting.id), \(meeting.date)\n\n"
        out += "\(SafeText.line(plan.title))\n\n"
        out += "- **\(lv ? "Datums" : "Date"):** \(meeting.date)\n"
        out += "- **\(lv ? "Veids" : "Kind"):** \(kindText(lv))\n"
        out += "- **\(lv ? "Stāvoklis" : "State"):** \(stateText(lv))\n"
        if let topic = meeting.topic { out += "- **\(lv ? "Tēma" : "Topic"):** \(SafeText.line(topic))\n" }
        out += "- **\(lv ? "Piedalījās" : "Present"):** \(attendeeText(lv))\n"
        if !meeting.items.isEmpty {
            out += "\n## \(lv ? "Darba kārtība" : "Agenda")\n\n"
            for (i, item) in meeting.items.enumerated() {
                let title = SafeText.line(plan.activity(item.activity).map { $0.name(in: language) } ?? "")
                let owners = SafeText.line(plan.activity(item.activity)?.owners.joined(separator: ", ") ?? "")
                let outcome = item.outcome.map { $0.phrase.text(language) } ?? (lv ? "nav izskatīts" : "not reached")
                out += "\(i + 1). **\(SafeText.line(item.activity))** \(title) (\(owners)) — \(outcome)\n"
                for d in decisions where d.activity == item.activity {
                    out += "   - " + decisionLine(d, lv, indent: "     ") + "\n"
                }
            }
        }
        out += "\n## \(lv ? "Lēmumi" : "Decisions")\n\n"
        if decisions.isEmpty { out += lv ? "Lēmumu nav.\n" : "No decisions.\n" }
        for d in decisions { out += "- " + decisionLine(d, lv, indent: "  ") + "\n" }
        return out
    }

    public func text(_ language: Language) -> String {
        let lv = language == .lv
        var out = "\(kindText(lv)) #\(meeting.id)  \(meeting.date)  \(stateText(lv))\n"
        if let topic = meeting.topic { out += (lv ? "Tēma: " : "Topic: ") + SafeText.line(topic) + "\n" }
        out += (lv ? "Piedalījās: " : "Present: ") + attendeeText(lv) + "\n"
        for (i, item) in meeting.items.enumerated() {
            let outcome = item.outcome.map { $0.phrase.text(language) } ?? (lv ? "nav izskatīts" : "not reached")
            out += "  \(i + 1). \(SafeText.line(item.activity)) — \(outcome)\n"
        }
        out += lv ? "Lēmumi:\n" : "Decisions:\n"
        if decisions.isEmpty { out += lv ? "  nav\n" : "  none\n" }
        for d in decisions { out += "  " + decisionLine(d, lv, indent: "    ") + "\n" }
        return out
    }

    public var jsonValue: JSONValue {
        .object([
            ("id", .int(Int(meeting.id))), ("date", .string(meeting.date.description)),
            ("kind", .string(meeting.kind.rawValue)), ("topic", .optional(meeting.topic)),
            ("state", .string(meeting.state.rawValue)), ("attendees", .array(meeting.attendees.map(JSONValue.string))),
            ("items", .array(meeting.items.map { .object([("activity", .string($0.activity)), ("outcome", .optional($0.outcome?.rawValue))]) })),
            ("decisions", .array(decisions.map { d in
                .object([("id", .int(Int(d.id))), ("text", .string(d.text)), ("owner", .string(d.owner)),
                         ("due", .string(d.due.description)), ("activity", .optional(d.activity)),
                         ("done", .optional(d.doneOn?.description))])
            })),
        ])
    }
}
