/// A meeting on one line of `sargs meeting list`, as JSON, and as the
/// subject of the mail that carries its agenda.
public enum MeetingText {
    public static func line(_ m: Meeting, _ language: Language) -> String {
        let kind = m.kind.phrase.text(language), state = m.state.phrase.text(language)
        var text = "#\(m.id)  \(m.date)"
        if let time = m.time { text += " \(time)" }
        text += "  \(kind)  \(state)"
        if let topic = m.topic { text += "  \(SafeText.line(topic))" }
        if let place = m.details.place { text += "  @ \(SafeText.line(place))" }
        if !m.attendees.isEmpty { text += "  [\(SafeText.line(m.attendees.joined(separator: ", ")))]" }
        return text
    }

    /// `meeting list --format json`: the keys of earlier versions, then
    /// (issue 26) `time`, `place` and the stored agenda's item count (null
    /// when the meeting has no stored agenda).
    public static func json(_ m: Meeting) -> JSONValue {
        .object([("id", .int(Int(m.id))), ("date", .string(m.date.description)), ("kind", .string(m.kind.rawValue)),
                 ("topic", .optional(m.topic)), ("state", .string(m.state.rawValue)),
                 ("attendees", .array(m.attendees.map(JSONValue.string))),
                 ("time", .optional(m.time?.description)), ("place", .optional(m.details.place)),
                 ("agenda_items", m.prepared ? .int(m.items.count) : .null)])
    }

    /// The time a meeting is called for, after its date: " plkst. 14:00" /
    /// " at 14:00"; empty without one.
    public static func at(_ m: Meeting, _ language: Language) -> String {
        m.time.map { language == .lv ? " plkst. \($0)" : " at \($0)" } ?? ""
    }

    /// When and where, in words: "2025-04-24 plkst. 14:00, Domes zāle"
    /// (the place passes `escape`: `SafeText.line` for text, `SafeText.markdown` for Markdown).
    public static func when(_ m: Meeting, _ language: Language, escape: (String) -> String = SafeText.line) -> String {
        var text = m.date.description + at(m, language)
        if let place = m.details.place { text += ", " + escape(place) }
        return text
    }

    /// The subject of the mail with a meeting's agenda: its number, kind,
    /// topic, date, time and place ("sargs: kārtējās sēdes Nr. 3 darba
    /// kārtība — 2025-04-24 plkst. 14:00, Domes zāle").
    public static func agendaSubject(_ m: Meeting, _ language: Language) -> String {
        let topic = m.topic.map { " (" + SafeText.line($0) + ")" } ?? ""
        switch language {
        case .lv:
            let kind = m.kind == .regular ? "kārtējās" : "ārkārtas"
            return "sargs: \(kind) sēdes Nr. \(m.id)\(topic) darba kārtība — \(when(m, .lv))"
        case .en:
            return "sargs: agenda of \(m.kind.phrase.en) meeting \(m.id)\(topic) — \(when(m, .en))"
        }
    }
}
