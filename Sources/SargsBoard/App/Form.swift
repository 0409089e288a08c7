import SargsCore

/// One option of a choice field.
public struct Choice: Hashable, Sendable {
    public var key: String
    public var label: String

    public init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }
}

/// A field of a quick-edit form.
public struct FormField: Hashable, Sendable {
    public enum Value: Hashable, Sendable {
        /// Free text with a cursor (a position in characters).
        case text(String, cursor: Int)
        case choice([Choice], selected: Int)
    }

    public var key: String
    public var label: Phrase
    public var value: Value
    /// A line under the field (what it expects).
    public var hint: Phrase?

    public init(key: String, label: Phrase, text: String = "", hint: Phrase? = nil) {
        self.key = key
        self.label = label
        self.value = .text(text, cursor: text.count)
        self.hint = hint
    }

    public init(key: String, label: Phrase, choices: [Choice], selected: Int = 0, hint: Phrase? = nil) {
        self.key = key
        self.label = label
        self.value = .choice(choices, selected: min(max(selected, 0), max(choices.count - 1, 0)))
        self.hint = hint
    }

    /// The text typed, or the key of the choice made.
    public var string: String {
        switch value {
        case .text(let text, _): return text
        case .choice(let choices, let selected): return choices.indices.contains(selected) ? choices[selected].key : ""
        }
    }

    /// The text shown in the field.
    public var shown: String {
        switch value {
        case .text(let text, _): return text
        case .choice(let choices, let selected): return choices.indices.contains(selected) ? choices[selected].label : ""
        }
    }

    /// Applies an editing key; returns false when the key is not an edit.
    mutating func edit(_ key: Key) -> Bool {
        switch value {
        case .text(var text, var cursor):
            switch key {
            case .character(let c):
                let i = text.index(text.startIndex, offsetBy: cursor)
                text.insert(c, at: i)
                cursor += 1
            case .backspace:
                guard cursor > 0 else { return true }
                let i = text.index(text.startIndex, offsetBy: cursor - 1)
                text.remove(at: i)
                cursor -= 1
            case .delete:
                guard cursor < text.count else { return true }
                text.remove(at: text.index(text.startIndex, offsetBy: cursor))
            case .left: cursor = max(0, cursor - 1)
            case .right: cursor = min(text.count, cursor + 1)
            case .home, .control("a"): cursor = 0
            case .end, .control("e"): cursor = text.count
            case .control("u"): text = ""; cursor = 0
            default: return false
            }
            value = .text(text, cursor: cursor)
            return true
        case .choice(let choices, var selected):
            guard !choices.isEmpty else { return false }
            switch key {
            case .left: selected = (selected - 1 + choices.count) % choices.count
            case .right, .character(" "): selected = (selected + 1) % choices.count
            case .character(let c):
                // Typing a letter jumps to the next choice that starts with it.
                let lower = String(c).lowercased()
                let order = (1...choices.count).map { (selected + $0) % choices.count }
                guard let hit = order.first(where: { choices[$0].label.lowercased().hasPrefix(lower) || choices[$0].key.lowercased().hasPrefix(lower) }) else { return true }
                selected = hit
            default: return false
            }
            value = .choice(choices, selected: selected)
            return true
        }
    }
}

/// A quick edit in progress. What was typed stays until the save succeeds
/// or the user leaves with Esc; a refusal is shown in the form.
public struct Form: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case record(ActivityID)
        case status(ActivityID)
        case note(ActivityID)
        case waive(ActivityID)
        case edit(original: Activity)
        case add
        case filter
        case meetingSettings
        case addItem
        case decision(ActivityID)
        /// Holding the meeting, or (held already) editing what its minutes carry.
        case hold
        /// A new due date for a decision, in `meeting`'s review or (nil) on its own.
        case decisionDue(Int64, meeting: Int64?)
    }

    public var kind: Kind
    public var title: Phrase
    public var fields: [FormField]
    public var focus = 0
    public var error: Phrase?
    /// True between submitting and the store's answer.
    public var saving = false

    public init(kind: Kind, title: Phrase, fields: [FormField]) {
        self.kind = kind
        self.title = title
        self.fields = fields
    }

    public subscript(key: String) -> String {
        fields.first { $0.key == key }?.string ?? ""
    }

    public mutating func set(_ key: String, text: String) {
        if let i = fields.firstIndex(where: { $0.key == key }) {
            fields[i].value = .text(text, cursor: text.count)
        }
    }
}
