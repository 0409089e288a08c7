import SargsCore

/// What a command does on a screen, and why it cannot act now, written
/// once side by side (issue 28; lazygit's `Binding{Handler,
/// GetDisabledReason}`). The keys, help text and bar word of the command
/// stay in the one table, `KeyMap.standard`, so a rebinding, the help
/// screen and the man page read one place; the handler is the feature's.
struct Handler {
    /// Why the command cannot act now, in both languages; nil when it can.
    /// Asked by `perform` before `run`, by the key bar and by help.
    let reason: (AppState) -> Phrase?
    /// What the command does; run only when `reason` gave nil.
    let run: (inout AppState) -> [Effect]

    init(unless reason: @escaping (AppState) -> Phrase? = { _ in nil }, _ run: @escaping (inout AppState) -> [Effect]) {
        self.reason = reason
        self.run = run
    }

    /// A handler that changes only the state and asks for no effect.
    static func changing(unless reason: @escaping (AppState) -> Phrase? = { _ in nil },
                         _ change: @escaping (inout AppState) -> Void) -> Handler {
        Handler(unless: reason) { state in
            change(&state)
            return []
        }
    }
}

/// One screen of the board (issue 28): its title, what each command does
/// on it, its drawing into the body of the frame, and how many lines its
/// text has. A feature's folder, `SargsBoard/Features/<Screen>/`, holds all
/// of it; the router (`Screen.feature`, `Features/Screens.swift`) picks the
/// feature by the screen first (TCA's `Scope`), then the feature takes the
/// command. What no screen takes itself (moving between screens, help,
/// quit, undo, scrolling text) is `AppFeature`'s.
protocol Feature {
    /// The screen's name in the header and the man page.
    static var title: Phrase { get }
    /// The command that opens this screen over the current one, from
    /// anywhere (`AppFeature` takes it: `goTo`, then `opened`); nil for a
    /// screen reached otherwise (Enter on a card, a meeting, a decision).
    static var entry: Command? { get }
    /// What the screen asks for when it is opened (the journal reads the store).
    static func opened(_ state: inout AppState) -> [Effect]
    /// What `command` does on this screen; nil leaves it to `AppFeature`.
    static func handler(_ command: Command) -> Handler?
    /// Draws the screen into `area`, the frame's body (`FrameLayout.body`).
    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect)
    /// How many lines the screen's text has at `width` columns, from the
    /// feature's own lines (how far `AppFeature`'s scrolling goes); nil for a
    /// screen that keeps its own cursor in view and does not scroll.
    static func lineCount(_ state: AppState, width: Int) -> Int?
    /// The furthest `AppFeature`'s scrolling goes on a body of `width`×`height`:
    /// where the last line is at the bottom; nil for a screen that does not scroll.
    static func scrollLimit(_ state: AppState, width: Int, height: Int) -> Int?
    /// A click (or the wheel) in the body at `area`; nil when the screen has no use for it.
    static func click(_ state: inout AppState, _ event: MouseEvent, area: Rect) -> [Effect]?
    /// A new snapshot (a save, another person's change), seen by every
    /// feature whatever the screen: what it must let go of, what it asks to read.
    static func reloaded(_ state: inout AppState) -> [Effect]
    /// What the store saved, seen by every feature; it may add to the `notice` the status line shows.
    static func saved(_ state: inout AppState, _ saved: SavedChange, notice: inout Phrase)
    /// The store refused a save (its reason is already on the status line or in the form), seen by every feature.
    static func refused(_ state: inout AppState)
    /// Where the cursor stands in a list, in words ("jautājums 3 no 21"),
    /// said after the screen's name in the header for a screen reader
    /// (issue 30); nil on a screen without a list cursor.
    static func position(_ state: AppState) -> Phrase?
}

extension Feature {
    static var entry: Command? { nil }
    static func opened(_ state: inout AppState) -> [Effect] { [] }
    static func handler(_ command: Command) -> Handler? { nil }
    static func lineCount(_ state: AppState, width: Int) -> Int? { nil }
    static func scrollLimit(_ state: AppState, width: Int, height: Int) -> Int? {
        lineCount(state, width: width).map { max(0, $0 - max(1, height)) }
    }
    static func click(_ state: inout AppState, _ event: MouseEvent, area: Rect) -> [Effect]? { nil }
    static func reloaded(_ state: inout AppState) -> [Effect] { [] }
    static func saved(_ state: inout AppState, _ saved: SavedChange, notice: inout Phrase) {}
    static func refused(_ state: inout AppState) {}
    static func position(_ state: AppState) -> Phrase? { nil }
}

/// "kind n no count" / "kind n of count", the position said in a spoken header, for a
/// cursor (from 0, held within the list) in a list of `count`; nil for an empty list.
func spokenPosition(_ lv: String, _ en: String, cursor: Int, of count: Int) -> Phrase? {
    guard count > 0 else { return nil }
    let n = min(max(cursor, 0), count - 1) + 1
    return Phrase(lv: "\(lv) \(n) no \(count)", en: "\(en) \(n) of \(count)")
}

/// A screen that is lines of text, scrolled by `AppFeature`'s moving keys
/// (activity, meeting, decision, journal, indicators, help).
protocol TextFeature: Feature {
    /// The screen's lines at `width` columns: role-tagged pieces of text.
    static func lines(_ state: AppState, width: Int) -> [[(String, Role)]]
}

extension TextFeature {
    /// For a screen reader `state.scroll` is the line being read: the cursor stands on it and ↓ moves it
    /// a line at a time (each key reads the next line), the view following in steps; otherwise it is
    /// the first line shown.
    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        let lines = lines(state, width: area.width - 2)
        if state.screenReader {
            ScrollingText.render(count: lines.count, line: { lines[$0] }, scroll: ScrollingText.steppedScroll(focus: state.scroll, height: area.height),
                                 focus: state.scroll, state: state, into: &canvas, in: area)
        } else {
            ScrollingText.render(lines, scroll: state.scroll, state: state, into: &canvas, in: area)
        }
    }

    static func lineCount(_ state: AppState, width: Int) -> Int? { lines(state, width: width).count }

    /// For a screen reader the limit is the last line (the line being read); otherwise the first
    /// line from which the rest fills the body.
    static func scrollLimit(_ state: AppState, width: Int, height: Int) -> Int? {
        let count = lineCount(state, width: width) ?? 0
        return state.screenReader ? max(0, count - 1) : max(0, count - max(1, height))
    }
}

/// The handler of `command` where the board stands: the screen's feature
/// first, then the app's own bindings; nil when nothing here takes it.
func handler(for command: Command, in state: AppState) -> Handler? {
    state.screen.feature.handler(command) ?? AppFeature.handler(command)
}
