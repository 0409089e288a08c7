/// A key the user pressed, decoded by the terminal layer. The board reduces
/// on keys, never on terminal codes.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character, Latvian letters and other non-ASCII text included.
    case character(Character)
    /// Ctrl and a letter, given as the lowercase letter (`.control("r")` is Ctrl-R).
    /// Ctrl-I, Ctrl-M/Ctrl-J and Ctrl-H arrive as `.tab`, `.enter` and `.backspace`.
    case control(Character)
    case up, down, left, right
    case enter, escape, backspace, delete, insert
    /// Alt-Enter (Esc then Enter): a line break in a field of several lines, as Ctrl-J is.
    case altEnter
    case tab, backTab
    case home, end, pageUp, pageDown
    /// A function key, F1 = `.function(1)`.
    case function(Int)

    /// The key as help text shows it: "↑", "Enter", "Ctrl-R", "F1", "a".
    public var displayName: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let letter): return "Ctrl-" + String(letter).uppercased()
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .enter: return "Enter"
        case .altEnter: return "Alt-Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let number): return "F\(number)"
        }
    }

    /// The key as help text shows it without non-ASCII arrows ("Up", "Left").
    public var asciiName: String {
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return displayName
        }
    }

    public var description: String { displayName }

    /// The printable character, if this key is one.
    public var character: Character? {
        if case .character(let character) = self { return character }
        return nil
    }

    /// The key for a control code 0x01–0x1A (Ctrl-A … Ctrl-Z), with the
    /// control codes terminals also send for Tab, Enter and Backspace. Enter
    /// is carriage return (the board turns the terminal's newline mapping
    /// off); a line feed is Ctrl-J, the line break of a field of several lines.
    public static func fromControlCode(_ code: UInt32) -> Key? {
        switch code {
        case 0x09: return .tab
        case 0x0D: return .enter
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x01...0x1A:
            return .control(Character(Unicode.Scalar(UInt8(0x60 + code))))
        default: return nil
        }
    }
}

/// A press of the mouse where the terminal reported it (cells, 0-based).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The first button pressed once; a second press on the same cell soon after is a `doubleClick`.
        case click, doubleClick
        case wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(_ kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}

/// What the terminal gives the board: a key, a paste (bracketed by the
/// terminal, so it is text, never keys), or the mouse.
public enum Input: Hashable, Sendable {
    case key(Key)
    case paste(String)
    case mouse(MouseEvent)
    /// The terminal changed size (issue 28: an event, not a key); the loop
    /// reads the new size and reduces `Action.resize`.
    case resize
}
