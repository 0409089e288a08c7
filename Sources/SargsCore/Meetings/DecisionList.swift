/// `sargs decision list` (SPEC §7): decisions by due date, then number,
/// each with its owner, due date, overdue mark, the meeting that took it,
/// and when done, the day and the meeting that closed it.
public struct DecisionList: Sendable {
    public struct Entry: Sendable {
        public var decision: Decision
        /// The date of the meeting that took it (nil: that meeting is gone).
        public var meetingDate: Day?
        /// Open and due before today.
        public var overdue: Bool
        /// The meeting whose review closed it, if one did.
        public var closedAt: Int64?
    }

    public let entries: [Entry]
    public let openOnly: Bool

    /// The decisions of `snapshot` as of `today`: open ones only unless
    /// `openOnly` is false, those of `owner` only when given.
    public init(snapshot: Snapshot, today: Day, openOnly: Bool, owner: String? = nil) {
        let dates = Dictionary(snapshot.meetings.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        let closed = Dictionary(snapshot.reviews.filter { $0.outcome == .done }.map { ($0.decision, $0.meeting) },
                                uniquingKeysWith: { a, _ in a })
        self.openOnly = openOnly
        self.entries = snapshot.decisions
            .filter { (!openOnly || $0.isOpen) && (owner == nil || $0.owner == owner) }
            .sorted { ($0.isOpen ? 0 : 1, $0.due, $0.id) < ($1.isOpen ? 0 : 1, $1.due, $1.id) }
            .map { Entry(decision: $0, meetingDate: dates[$0.meeting], overdue: $0.isOpen && $0.due < today,
                         closedAt: $0.isOpen ? nil : closed[$0.id]) }
    }

    /// One decision a line; a text's line breaks continue indented.
    public func text(_ language: Language) -> String {
        let lv = language == .lv
        if entries.isEmpty {
            return (openOnly ? (lv ? "Atvērtu lēmumu nav." : "No open decisions.") : (lv ? "Lēmumu nav." : "No decisions.")) + "\n"
        }
        var out = ""
        for e in entries {
            let d = e.decision
            var line = "\(lv ? "Nr." : "No.") \(d.id)  [\(SafeText.line(d.owner))]  \(lv ? "termiņš" : "due") \(d.due)"
            if e.overdue { line += lv ? " NOKAVĒTS" : " OVERDUE" }
            if let done = d.doneOn {
                line += lv ? "  izpildīts \(done)" : "  done \(done)"
                if let m = e.closedAt { line += lv ? " (sēdē Nr. \(m))" : " (at meeting \(m))" }
            }
            line += "  " + (lv ? "sēde Nr. \(d.meeting)" : "meeting \(d.meeting)") + (e.meetingDate.map { ", \($0)" } ?? "")
            if let activity = d.activity { line += "  " + (lv ? "aktivitāte " : "activity ") + SafeText.line(activity) }
            out += line + "\n    " + SafeText.indented(d.text, by: "    ") + "\n"
        }
        return out
    }

    public var json: JSONValue {
        .array(entries.map { e in
            let d = e.decision
            return .object([("id", .int(Int(d.id))), ("meeting", .int(Int(d.meeting))),
                            ("meeting_date", .optional(e.meetingDate?.description)), ("text", .string(d.text)),
                            ("owner", .string(d.owner)), ("due", .string(d.due.description)),
                            ("activity", .optional(d.activity)), ("overdue", .bool(e.overdue)),
                            ("done", .optional(d.doneOn?.description)),
                            ("closed_at", e.closedAt.map { .int(Int($0)) } ?? .null)])
        })
    }
}
