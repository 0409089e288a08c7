import SargsCore

extension Glyphs {
    /// A dash between two years or dates ("2025–2027").
    public var dash: String { isASCII ? "-" : "–" }
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

    /// The line under row `y` of a list drawn by `render(list:…)` (a click); nil for a row with no line.
    static func line(at y: Int, list: (lines: [[(String, Role)]], cursorLine: Int?), state: AppState, area: Rect) -> Int? {
        line(at: y, count: list.lines.count, line: { list.lines[$0] }, scroll: scroll(cursorLine: list.cursorLine, height: area.height),
             focus: list.cursorLine, state: state, area: area)
    }

    /// The first line offered to a linear screen whose cursor stands on line `focus`: the view moves in
    /// steps of a quarter of `height`, not with every key, so a braille display keeps its lines while
    /// the cursor moves down them (the placement keeps the focus in view).
    static func steppedScroll(focus: Int, height: Int) -> Int {
        let step = max(1, height / 4)
        return max(0, focus - step - focus % step)
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
        if linear(state, focus: focus, area: area) {
            renderLinear(count: count, line: line, scroll: scroll, focus: focus, state: state, into: &canvas, in: area)
            return
        }
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

    /// Whether lines are drawn linear (wrapped, not cut): for a screen reader, and for a list with a
    /// cursor under 60 columns (a phone: the agenda's titles whole, not "Materiāla pa…" twice).
    static func linear(_ state: AppState, focus: Int?, area: Rect) -> Bool {
        state.screenReader || (focus != nil && area.width < BoardMetrics.singleColumnBelow)
    }

    /// The same for a screen reader (issue 30, `--screen-reader`): no line
    /// is cut; each wraps at words under a two-column indent (`LinearText`).
    /// The line `focus` stays whole in view, the terminal's cursor at its
    /// start; what is below is said in words on a row of its own ("vēl 3
    /// rindas zemāk").
    static func renderLinear(count: Int, line: (Int) -> [(String, Role)], scroll: Int, focus: Int?, state: AppState,
                             into canvas: inout Canvas, in area: Rect) {
        let placement = linearPlacement(count: count, line: line, scroll: scroll, focus: focus, area: area)
        let focused = focus.flatMap { f in placement.placed.contains { $0.index == f } ? f : nil } ?? placement.placed.first?.index
        for placed in placement.placed {
            if placed.index == focused { canvas.focus(x: area.x + 1, y: placed.y) }
            for (r, row) in placed.rows.enumerated() where placed.y + r < area.maxY {
                var x = area.x + 1
                // No highlight of the selected line (`AppState.highlight`): the cursor marks it.
                for (text, role) in row {
                    x += canvas.text(text, x: x, y: placed.y + r, width: area.maxX - x - 1, role: role, glyphs: state.glyphs)
                }
            }
        }
        let below = count - placement.next
        if below > 0 {
            let words = state.language == .lv
                ? Plural.form(below, .lv, one: "vēl \(below) rinda zemāk", other: "vēl \(below) rindas zemāk")
                : Plural.form(below, .en, one: "\(below) more line below", other: "\(below) more lines below")
            let y = min(placement.placed.last.map { $0.y + $0.rows.count } ?? area.y, area.maxY - 1)
            canvas.text(words, x: area.x + 1, y: y, width: area.width - 2, role: .emphasis, glyphs: state.glyphs, pad: true)
        }
    }

    /// Where each line shown of a linear screen stands: its index, its first
    /// row and its wrapped rows; `next`, the first line not shown.
    static func linearPlacement(count: Int, line: (Int) -> [(String, Role)], scroll: Int, focus: Int?, area: Rect)
        -> (placed: [(index: Int, y: Int, rows: [[(String, Role)]])], next: Int) {
        let width = max(1, area.width - 2)
        var cache: [Int: [[(String, Role)]]] = [:]
        func rows(_ i: Int) -> [[(String, Role)]] {
            if let made = cache[i] { return made }
            let made = LinearText.rows(line(i), width: width)
            cache[i] = made
            return made
        }
        guard count > 0, area.height > 0 else { return ([], 0) }
        var first = max(0, min(scroll, count - 1))
        if let focus, focus >= 0, focus < count {
            if focus < first { first = focus }
            // The focused line whole in view, with a row left for what is below.
            func through(_ from: Int) -> Int { (from...focus).reduce(0) { $0 + rows($1).count } }
            while first < focus, through(first) > max(1, area.height - 1) { first += 1 }
        }
        // No empty rows at the end while lines above would fill them.
        var used = 0, last = first
        while last < count, used < area.height {
            used += rows(last).count
            last += 1
        }
        if last == count {
            while first > 0, used + rows(first - 1).count <= area.height {
                first -= 1
                used += rows(first).count
            }
        }
        var placed: [(index: Int, y: Int, rows: [[(String, Role)]])] = []
        var y = area.y, i = first
        while i < count {
            let lineRows = rows(i)
            // The last row is kept for the words on what is below, unless this line is the last and fits.
            let room = area.maxY - y - (i == count - 1 ? 0 : 1)
            if lineRows.count > room, !placed.isEmpty { break }
            placed.append((i, y, lineRows))
            y += lineRows.count
            i += 1
            if y >= area.maxY { break }
        }
        return (placed, i)
    }

    /// The line under row `y` of a screen drawn by `render(count:line:scroll:focus:…)`
    /// with the same arguments (a click); nil for a row with no line.
    static func line(at y: Int, count: Int, line: (Int) -> [(String, Role)], scroll: Int, focus: Int?, state: AppState, area: Rect) -> Int? {
        if linear(state, focus: focus, area: area) {
            return linearPlacement(count: count, line: line, scroll: scroll, focus: focus, area: area).placed
                .first { y >= $0.y && y < $0.y + $0.rows.count }?.index
        }
        let first = max(0, min(scroll, count - area.height))
        let index = first + y - area.y
        return index >= 0 && index < count && y < area.maxY ? index : nil
    }
}

/// A line of role-tagged pieces wrapped at words for a screen reader
/// (issue 30): a gap of blanks between columns reads as a pause (" — "),
/// decoration is left out (a word only of box drawing, blocks, shapes or
/// marks: bars, badges' and windows' glyphs, whose words stand beside
/// them), a separator dot reads as the pause too; its own indent is kept,
/// the rows after the first under two more columns; a word wider than the
/// row is broken. An empty line stays one empty row.
enum LinearText {
    /// Whether a word is decoration only: box drawing, block elements,
    /// geometric shapes, symbols and dingbats (U+2500–U+27BF), and the
    /// circled operators the Linux console's glyphs use (U+2295–U+229C).
    static func decorative(_ word: String) -> Bool {
        word.unicodeScalars.allSatisfy { (0x2500...0x27BF).contains($0.value) || (0x2295...0x229C).contains($0.value) }
    }

    static func rows(_ pieces: [(String, Role)], width: Int) -> [[(String, Role)]] {
        words(pieces).map { rowsOf($0.words, indent: $0.indent, width: width) } ?? [[]]
    }

    /// The line's words (each its segments of one role) and its indent; nil for a line of blanks.
    private static func words(_ pieces: [(String, Role)]) -> (words: [[(String, Role)]], indent: Int)? {
        var words: [[(String, Role)]] = []
        var indent = 0, leading = true, inWord = false, blanks = 0
        for (text, role) in pieces {
            for character in text {
                if character == " " {
                    if leading { indent += 1 } else { blanks += 1 }
                    inWord = false
                    continue
                }
                leading = false
                if !inWord {
                    // A column gap (two blanks or more) is a pause (pauses in a row are made one below).
                    if blanks >= 2, !words.isEmpty { words.append([("—", .dim)]) }
                    words.append([])
                    blanks = 0
                }
                inWord = true
                if let lastRole = words[words.count - 1].last?.1, lastRole == role {
                    words[words.count - 1][words[words.count - 1].count - 1].0.append(character)
                } else {
                    words[words.count - 1].append((String(character), role))
                }
            }
        }
        // Decoration out; a separator dot is the pause; no pause twice, first or last.
        func text(_ word: [(String, Role)]) -> String { word.map(\.0).joined() }
        var kept: [[(String, Role)]] = []
        for word in words {
            let said = text(word)
            if decorative(said) { continue }
            let pause = ["·", "•", "—", "|"].contains(said)
            let afterPause = kept.last.map { text($0) == "—" } ?? true
            if pause, afterPause { continue }
            // A percent sign stays with its number ("10,3 %"), as a dash with its word in `wrap`.
            if said == "%", !afterPause {
                kept[kept.count - 1].append((" %", word[0].1))
                continue
            }
            kept.append(pause ? [("—", word[0].1)] : word)
        }
        while kept.last.map({ text($0) == "—" }) == true { kept.removeLast() }
        return kept.isEmpty ? nil : (kept, indent)
    }

    private static func rowsOf(_ words: [[(String, Role)]], indent: Int, width: Int) -> [[(String, Role)]] {
        let indent = min(indent, max(0, width / 2))
        var out: [[(String, Role)]] = []
        var row: [(String, Role)] = [(String(repeating: " ", count: indent), .background)]
        var used = indent
        var rowIndent = indent
        func newRow() {
            out.append(row)
            rowIndent = min(indent + 2, max(0, width / 2))
            row = [(String(repeating: " ", count: rowIndent), .background)]
            used = rowIndent
        }
        for var word in words {
            var wordWidth = word.reduce(0) { $0 + $1.0.displayWidth }
            if used > rowIndent, used + 1 + wordWidth > width { newRow() }
            while rowIndent + wordWidth > width {
                // A word wider than a row: as much as fits, then the rest on the next.
                if used > rowIndent {
                    row.append((" ", word[0].1))
                    used += 1
                }
                var head: [(String, Role)] = []
                var room = width - used
                while room > 0, !word.isEmpty {
                    let (text, role) = word[0]
                    var cut = DisplayWidth.truncate(text, to: room, ellipsis: "")
                    // An address breaks after a "/", "-" or "." where one is in the row's second half.
                    var atMark = false
                    if cut.count < text.count, let mark = cut.lastIndex(where: { "/-.".contains($0) }),
                       cut.distance(from: cut.startIndex, to: mark) >= cut.count / 2 {
                        cut = String(cut[...mark])
                        atMark = true
                    }
                    if cut.isEmpty { break }
                    head.append((cut, role))
                    room -= cut.displayWidth
                    if cut.count == text.count { word.removeFirst() } else { word[0].0 = String(text.dropFirst(cut.count)) }
                    if atMark { break }
                }
                if head.isEmpty { break }
                row += head
                newRow()
                wordWidth = word.reduce(0) { $0 + $1.0.displayWidth }
            }
            guard !word.isEmpty else { continue }
            if used > rowIndent {
                row.append((" ", word[0].1))
                used += 1
            }
            row += word
            used += wordWidth
        }
        if used > rowIndent || out.isEmpty { out.append(row) }
        return out
    }
}
