/// A meeting on one line of `sargs meeting list`, and as JSON.
public enum MeetingText {
    public static func line(_ m: Meeting, _ language: Language) -> String {
        let kind = m.kind.phrase.text(language), state = m.state.phrase.text(language)
        var text = "#\(m.id)  \(m.date)  \(kind)  \(state)"
        if let topic = m.topic { text += "  \(SafeText.line(topic))" }
        if !m.attendees.isEmpty { text += "  [\(SafeText.line(m.attendees.joined(separator: ", ")))]" }
        return text
    }

    public static func json(_ m: Meeting) -> JSONValue {
        .object([("id", .int(Int(m.id))), ("date", .string(m.date.description)), ("kind", .string(m.kind.rawValue)),
                 ("topic", .optional(m.topic)), ("state", .string(m.state.rawValue)),
                 ("attendees", .array(m.attendees.map(JSONValue.string)))])
    }
}
