import Foundation
import SargsBoard
import SargsCore

/// The board as tests drive it: keys pressed by the name of their binding
/// (so a rebinding breaks no test), text typed, effects run by the board's
/// own `EffectRunner` when services are given, frames rendered and read as
/// lines and roles (ratatui's `Buffer::with_lines`, lazygit's
/// `input.Press(keys.…)`).
public struct BoardDriver<Services: BoardServices> {
    public var state: AppState
    public var runner: EffectRunner<Services>?
    /// The effects of the last press or key, as `reduce` asked for them.
    public private(set) var lastEffects: [Effect] = []

    public init(_ state: AppState, services: Services? = nil) {
        self.state = state
        runner = services.map { EffectRunner(services: $0, version: 0) }
    }

    /// Presses the first key of a binding, as a person would on this screen.
    @discardableResult
    public mutating func press(_ command: Command) -> [Effect] {
        key(state.keyMap.key(command))
    }

    /// Sends one key; with services, runs what it asks for.
    @discardableResult
    public mutating func key(_ key: Key) -> [Effect] {
        send(.key(key))
    }

    /// Types text into a form or the search line, one character a key.
    public mutating func type(_ text: String) {
        for character in text { key(.character(character)) }
    }

    /// Sends any action (a resize, an answer, an idle moment).
    @discardableResult
    public mutating func send(_ action: Action) -> [Effect] {
        lastEffects = reduce(&state, action)
        runner?.run(lastEffects, &state)
        return lastEffects
    }

    /// The frame as the terminal would get it.
    public func frame() -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        render(state, into: &canvas)
        return canvas
    }

    /// The frame's rows as text.
    public var lines: [String] { frame().lines }

    /// The whole frame as one text, rows joined by newlines.
    public var screen: String { lines.joined(separator: "\n") }

    /// The roles of row `y`, cell by cell.
    public func roles(row y: Int) -> [Role] {
        let canvas = frame()
        return (0..<canvas.width).compactMap { canvas.role(atX: $0, y: y) }
    }
}

extension BoardDriver where Services == NoServices {
    /// A driver that only reduces: effects are returned, not run.
    public init(_ state: AppState) {
        self.state = state
        runner = nil
    }
}

/// No services: for drivers whose tests answer effects by hand.
public struct NoServices: BoardServices {
    public func save(_ change: Change, author: String) throws -> SavedChange { throw Unavailable() }
    public func load() throws -> (snapshot: Snapshot, version: Int64) { throw Unavailable() }
    public func version() throws -> Int64 { 0 }
    public func journal(subject: String?) throws -> [JournalEntry] { [] }
    public func records(of activity: ActivityID) throws -> [Record] { [] }
    public func latestUndoable(author: String) throws -> JournalEntry? { nil }
    public func writeMinutes(meeting: Int64, language: Language) throws -> Phrase { throw Unavailable() }
    public func refusal(for error: any Error) -> Phrase { Phrase(lv: "\(error)", en: "\(error)") }
    struct Unavailable: Error {}
}

extension TmuxSession {
    /// Presses the first key of a board binding, by its name, in tmux's words.
    public func press(_ command: Command, keyMap: KeyMap = .standard) {
        let key = keyMap.key(command)
        if case .character(let c) = key {
            tmux(["send-keys", "-t", name, "-l", String(c)])
        } else {
            tmux(["send-keys", "-t", name, TmuxSession.name(of: key)])
        }
    }

    /// tmux's name of a key.
    public static func name(of key: Key) -> String {
        switch key {
        case .character(let c): return String(c)
        case .control(let c): return "C-\(c)"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .enter: return "Enter"
        case .altEnter: return "M-Enter"
        case .escape: return "Escape"
        case .backspace: return "BSpace"
        case .delete: return "DC"
        case .insert: return "IC"
        case .tab: return "Tab"
        case .backTab: return "BTab"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PPage"
        case .pageDown: return "NPage"
        case .function(let n): return "F\(n)"
        }
    }
}
