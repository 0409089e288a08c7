import SargsCore

extension Glyphs {
    /// A dash between two years or dates ("2025–2027").
    public var dash: String { isASCII ? "-" : "–" }
    /// The text cursor in an input line.
    public var cursor: String { isASCII ? "_" : "▏" }
    /// The long dash around a quiet remark ("— nav kartīšu —").
    public var emDash: String { isASCII ? "-" : "—" }
}

/// The sizes the board is laid out with.
public enum BoardMetrics {
    /// Header, level band, column titles, status line and key bar.
    public static let chromeRows = 5
    /// A card's rows including the blank row under it.
    public static let cardHeight = 6
    public static let minColumnWidth = 22
    public static let columnGap = 1
    /// Below this the board only says it needs more room.
    public static let minWidth = 40
    public static let minHeight = 12
    /// Narrower than this the board shows one column at a time (issue 30: a phone over SSH).
    public static let singleColumnBelow = 60
}

extension Canvas {
    /// Writes `text` cut to `width` columns by display width, with the ellipsis
    /// of the glyph set when cut; pads the rest of the width in `role` when `pad`.
    @discardableResult
    mutating func text(_ text: String, x: Int, y: Int, width: Int, role: Role, glyphs: Glyphs, pad: Bool = false) -> Int {
        guard width > 0 else { return 0 }
        let cut = DisplayWidth.truncate(text, to: width, ellipsis: glyphs.ellipsis)
        let used = put(cut, x: x, y: y, role: role, maxWidth: width)
        if pad && used < width {
            fill(Rect(x: x + used, y: y, width: width - used, height: 1), role: role)
        }
        return used
    }

    /// Writes `text` right-aligned so it ends at `x + width`.
    @discardableResult
    mutating func rightText(_ text: String, x: Int, y: Int, width: Int, role: Role) -> Int {
        let w = min(text.displayWidth, width)
        return put(text, x: x + width - w, y: y, role: role, maxWidth: w)
    }
}

/// Breaks `text` into at most `lines` lines of `width` columns at spaces (a
/// word wider than a line is broken inside); the last line ends with the
/// ellipsis when text is left over.
func wrap(_ text: String, width: Int, lines: Int, glyphs: Glyphs) -> [String] {
    guard width > 0, lines > 0 else { return [] }
    var result: [String] = []
    // Each word's width is measured once; a line's width is their sum plus the spaces.
    var words: [String] = []
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
        // A dash standing alone stays at the end of the line before it, never starts one ("veikta —").
        if word.allSatisfy({ $0 == "—" || $0 == "–" || $0 == "-" }), let last = words.popLast() {
            words.append(last + " " + word)
        } else {
            words.append(String(word))
        }
    }
    var widths = words.map(\.displayWidth)
    var i = 0
    var current = ""
    var currentWidth = 0
    while i < words.count {
        let word = words[i]
        let candidateWidth = current.isEmpty ? widths[i] : currentWidth + 1 + widths[i]
        if candidateWidth <= width {
            current = current.isEmpty ? word : current + " " + word
            currentWidth = candidateWidth
            i += 1
            continue
        }
        if current.isEmpty {
            // A word wider than the line: break it at the line's width.
            let head = DisplayWidth.truncate(word, to: width, ellipsis: "")
            if head.isEmpty {
                i += 1
                continue
            }
            current = head
            words[i] = String(word.dropFirst(head.count))
            widths[i] = words[i].displayWidth
        }
        result.append(current)
        current = ""
        currentWidth = 0
        if result.count == lines { break }
    }
    if !current.isEmpty && result.count < lines { result.append(current) }
    if i < words.count, let last = result.popLast() {
        let rest = ([last] + words[i...]).joined(separator: " ")
        result.append(DisplayWidth.truncate(rest, to: width, ellipsis: glyphs.ellipsis))
    }
    return result
}

/// The badge of a state: a glyph and a word, never colour alone.
public struct Badge: Hashable, Sendable {
    public var glyph: String
    public var word: String
    public var role: Role

    /// Shorter words for narrow cards, longest first: the owed window and how
    /// many more without "bez izpildes", then without its year.
    public var shorterWords: [String] = []

    public var text: String { glyph + " " + word }

    /// `text`, or where it does not fit `width` columns, the longest shorter form that does.
    public func text(fitting width: Int) -> String {
        guard text.displayWidth > width else { return text }
        for shorter in shorterWords where (glyph + " " + shorter).displayWidth <= width { return glyph + " " + shorter }
        return shorterWords.last.map { glyph + " " + $0 } ?? text
    }

    /// `owed`: the windows an overdue repeating activity owes, the latest
    /// first (`Tracker.owed`): the badge names the latest and counts the
    /// rest ("▲ 2025. g. III cet. bez izpildes +2", issue 27), not only days.
    public init(_ state: ActivityState, owed: [String] = [], recordedNotFinished: Bool = false, glyphs: Glyphs, language: Language) {
        let lv = language == .lv
        if recordedNotFinished, !state.isBlocked {
            // Carried out, not marked finished: said so, not "overdue" (issue 27); `d` finishes it.
            glyph = glyphs.open
            word = lv ? "izpilde ierakstīta, nav atzīmēta kā pabeigta" : "recorded, not marked finished"
            shorterWords = lv ? ["ierakstīta, nav pabeigta", "nav pabeigta"] : ["recorded, not finished", "not finished"]
            role = .badgeOpen
            return
        }
        switch state.computed {
        case .overdue(let days):
            glyph = glyphs.overdue
            if let latest = owed.first {
                let more = owed.count > 1 ? " +\(owed.count - 1)" : ""
                let name = WindowWords.name(latest, language)
                word = (lv ? "\(name) bez izpildes" : "\(name) not recorded") + more
                shorterWords = [name + more, WindowWords.short(latest, language) + more]
            } else {
                word = lv ? "nokavēta \(days) d." : "overdue \(days) d"
            }
            role = .badgeOverdue
        case .open: glyph = glyphs.open; word = state.phrase.text(language); role = .badgeOpen
        case .upcoming: glyph = glyphs.upcoming; word = state.phrase.text(language); role = .badgeUpcoming
        case .onTrack: glyph = glyphs.onTrack; word = state.phrase.text(language); role = .badgeOnTrack
        case .finished: glyph = glyphs.finished; word = state.phrase.text(language); role = .badgeFinished
        case .done: glyph = glyphs.done; word = state.phrase.text(language); role = .badgeDone
        case .dropped: glyph = glyphs.dropped; word = state.phrase.text(language); role = .badgeDropped
        case .asNeeded(let last):
            glyph = glyphs.asNeeded
            word = state.phrase.text(language) + (last.map { " · \($0)" } ?? "")
            role = .badgeAsNeeded
        case .blocked:
            glyph = glyphs.blocked; word = ActivityState.blockedPhrase.text(language); role = .badgeBlocked
        }
        if state.isBlocked {
            let blocked = ActivityState.blockedPhrase.text(language)
            glyph = glyphs.blocked + glyph
            // On a narrow card the word "bloķēta" stays, whatever else gives way.
            shorterWords = shorterWords.map { blocked + ", " + $0 } + [blocked]
            word = blocked + ", " + word
            role = .badgeBlocked
        }
    }
}

extension WindowState {
    func glyph(_ glyphs: Glyphs) -> String {
        switch self {
        case .met: return glyphs.windowMet
        case .missed: return glyphs.windowMissed
        case .waived: return glyphs.windowWaived
        case .open: return glyphs.windowOpen
        case .future: return glyphs.windowFuture
        }
    }

    var role: Role {
        switch self {
        case .met: return .windowMet
        case .missed: return .windowMissed
        case .waived: return .windowWaived
        case .open: return .windowOpen
        case .future: return .windowFuture
        }
    }
}

/// Lines of role-tagged text, scrolled, with a "+N ↓" signal.
enum ScrollingText {
    /// A list with a cursor, scrolled so the line under the cursor stays in view
    /// (the meetings view and the institutions screen; a click reads the same scroll).
    static func render(list: (lines: [[(String, Role)]], cursorLine: Int?), state: AppState, into canvas: inout Canvas, in area: Rect) {
        render(count: list.lines.count, line: { list.lines[$0] }, scroll: scroll(cursorLine: list.cursorLine, height: area.height),
               focus: list.cursorLine, state: state, into: &canvas, in: area)
    }

    /// The first line shown of a list whose cursor stands on `cursorLine`, in `height` rows.
    static func scroll(cursorLine: Int?, height: Int) -> Int {
        max(0, cursorLine.map { $0 - height + 2 } ?? 0)
    }

    static func render(_ lines: [[(String, Role)]], scroll: Int, state: AppState, into canvas: inout Canvas, in area: Rect) {
        render(count: lines.count, line: { lines[$0] }, scroll: scroll, state: state, into: &canvas, in: area)
    }

    /// The same for `count` lines made on demand: only those in view are made.
    /// The "+N ↓" signal never stands over text: a last line that would
    /// reach it gives its row to the signal (and is counted among those below).
    /// The terminal's cursor stands at the start of line `focus` (a list's
    /// cursor line) when it is in view, else of the first line shown.
    static func render(count: Int, line: (Int) -> [(String, Role)], scroll: Int, focus: Int? = nil, state: AppState,
                       into canvas: inout Canvas, in area: Rect) {
        guard area.height > 0 else { return }
        let first = max(0, min(scroll, count - area.height))
        let focused = focus.flatMap { $0 >= first && $0 < first + area.height ? $0 : nil } ?? first
        canvas.focus(x: area.x + 1, y: area.y + focused - first)
        var below = count - first - area.height
        for i in 0..<min(area.height, max(0, count - first)) {
            let pieces = line(first + i)
            if below > 0, i == area.height - 1 {
                let signal = "+\(below) \(state.glyphs.arrowDown)".displayWidth
                let used = pieces.reduce(0) { $0 + $1.0.displayWidth }
                if area.x + 1 + used + 1 > area.maxX - signal - 1 {
                    below += 1
                    break
                }
            }
            var x = area.x + 1
            for (text, role) in pieces {
                x += canvas.text(text, x: x, y: area.y + i, width: area.maxX - x - 1, role: role, glyphs: state.glyphs)
            }
        }
        if below > 0 {
            let label = "+\(below) \(state.glyphs.arrowDown)"
            canvas.put(label, x: area.maxX - label.displayWidth - 1, y: area.maxY - 1, role: .emphasis)
        }
    }
}
