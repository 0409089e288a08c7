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
    /// Whether the text may hold line breaks (notes and decision texts, SPEC §6).
    public var multiline = false
    /// The most characters the text may hold.
    public var limit: Int

    /// Whether the field is a choice turned with ← and →.
    public var isChoice: Bool {
        if case .choice = value { return true }
        return false
    }

    /// The limits of a text field: a line, and several lines.
    public static let lineLimit = FreeText.limit(.one)
    public static let multilineLimit = FreeText.limit(.several)

    public init(key: String, label: Phrase, text: String = "", hint: Phrase? = nil, multiline: Bool = false) {
        self.key = key
        self.label = label
        self.value = .text(text, cursor: text.count)
        self.hint = hint
        self.multiline = multiline
        self.limit = multiline ? FormField.multilineLimit : FormField.lineLimit
    }

    /// Inserts `text` at the cursor (a paste, or a line break): line breaks
    /// stay in a field of several lines and become spaces in a one-line
    /// field. Nothing changes, and the refusal says why, when the result
    /// would pass the field's limit or the field is a choice.
    /// `choiceKeys` names the keys that choose in a choice ("← →", from the key map).
    public mutating func insert(_ text: String, choiceKeys: String) -> Phrase? {
        guard case .text(var current, var cursor) = value else {
            return Phrase(lv: "izvēles laukā neko neielīmē; \(choiceKeys) izvēlas", en: "nothing is pasted into a choice; \(choiceKeys) chooses")
        }
        var normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if !multiline { normalized = normalized.replacingOccurrences(of: "\n", with: " ") }
        let total = current.count + normalized.count
        if total > limit {
            return Phrase(lv: "ielīmētais teksts ir par garu: laukā var būt līdz \(limit) rakstzīmēm, būtu \(total); nekas netika ielīmēts",
                          en: "the pasted text is too long: the field holds up to \(limit) characters, with the paste it would have \(total); nothing was pasted")
        }
        let i = current.index(current.startIndex, offsetBy: min(cursor, current.count))
        current.insert(contentsOf: normalized, at: i)
        cursor += normalized.count
        value = .text(current, cursor: cursor)
        return nil
    }

    /// Whether one more character would pass the limit.
    var isFull: Bool {
        if case .text(let text, _) = value { return text.count >= limit }
        return false
    }

    public init(key: String, label: Phrase, choices: [Choice], selected: Int = 0, hint: Phrase? = nil) {
        self.key = key
        self.label = label
        self.value = .choice(choices, selected: min(max(selected, 0), max(choices.count - 1, 0)))
        self.hint = hint
        self.limit = FormField.lineLimit
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

    /// Applies an editing key: a typed character is inserted; any other key
    /// is what the key map's `.field` context makes of it (issue 28). Returns
    /// false when the key is not an edit.
    mutating func edit(_ key: Key, keyMap: KeyMap) -> Bool {
        let command = keyMap.command(for: key, in: .field)
        switch value {
        case .text(var text, var cursor):
            if case .character(let c) = key {
                text.insert(c, at: text.index(text.startIndex, offsetBy: cursor))
                cursor += 1
                value = .text(text, cursor: cursor)
                return true
            }
            guard let command else { return false }
            switch command {
            case .fieldBackspace:
                guard cursor > 0 else { return true }
                text.remove(at: text.index(text.startIndex, offsetBy: cursor - 1))
                cursor -= 1
            case .fieldDelete:
                guard cursor < text.count else { return true }
                text.remove(at: text.index(text.startIndex, offsetBy: cursor))
            case .fieldLeft: cursor = max(0, cursor - 1)
            case .fieldRight: cursor = min(text.count, cursor + 1)
            case .fieldStart: cursor = 0
            case .fieldEnd: cursor = text.count
            case .fieldClear: text = ""; cursor = 0
            case .fieldDeleteWord:
                // The blanks before the cursor, then the word before them.
                let chars = Array(text)
                var start = cursor
                while start > 0, chars[start - 1].isWhitespace { start -= 1 }
                while start > 0, !chars[start - 1].isWhitespace { start -= 1 }
                text = String(chars[..<start] + chars[cursor...])
                cursor = start
            default: return false
            }
            value = .text(text, cursor: cursor)
            return true
        case .choice(let choices, var selected):
            guard !choices.isEmpty else { return false }
            switch command {
            case .fieldLeft?: selected = (selected - 1 + choices.count) % choices.count
            case .fieldRight?: selected = (selected + 1) % choices.count
            default:
                guard case .character(let c) = key else { return false }
                // Space is the next option, as in a text field it is a space.
                if c == " " {
                    selected = (selected + 1) % choices.count
                    break
                }
                // Typing a letter jumps to the next choice that starts with it.
                let lower = String(c).lowercased()
                let order = (1...choices.count).map { (selected + $0) % choices.count }
                guard let hit = order.first(where: { choices[$0].label.lowercased().hasPrefix(lower) || choices[$0].key.lowercased().hasPrefix(lower) }) else { return true }
                selected = hit
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
        /// An institution's mailbox (issue 15).
        case institutionEmail(String)
        /// The chair's words on an item marked discussed (issue 26).
        case outcomeWords(ActivityID)
    }

    public var kind: Kind
    public var title: Phrase
    public var fields: [FormField]
    public var focus = 0
    public var error: Phrase?
    /// Whether `error` came with the last key (a refused save): for a screen
    /// reader the cursor stands on it until the next key (issue 30).
    public var errorIsNew = false
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
