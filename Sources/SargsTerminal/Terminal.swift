import CNcursesw
import Foundation
import SargsBoard
import SargsCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the terminal could not be started.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected).
    case notATerminal
    /// ncurses could not set up this terminal type (`TERM` unknown or unset).
    case cannotOpen(term: String)
    /// `start()` was called on a terminal that is already running.
    case alreadyStarted

    public var description: String { phrase.en }

    /// The refusal in both languages.
    public var phrase: Phrase {
        switch self {
        case .notATerminal:
            return Phrase(lv: "tāfelei vajag termināli: standarta ievadi un izvadi nedrīkst novirzīt",
                          en: "the board needs a terminal: standard input and output must not be redirected")
        case .cannotOpen(let term):
            return Phrase(lv: "termināļa veidu \"\(term)\" nevar izmantot; iestatiet TERM uz zināmu veidu, piem. xterm-256color",
                          en: "cannot use the terminal type \"\(term)\"; set TERM to a known type such as xterm-256color")
        case .alreadyStarted:
            return Phrase(lv: "terminālis jau ir palaists", en: "the terminal is already started")
        }
    }
}

/// The terminal through ncursesw: paints the cells of a `Canvas` that
/// changed since the last frame, reads keys, follows resizes and gives the
/// screen back on every way out (stop, exit, signals, crashes).
///
/// Use one `Terminal` from one thread (the main loop); it is deliberately not
/// `Sendable`. Only this file and its neighbours import ncurses.
public final class Terminal {
    /// How many colours the terminal shows (after `NO_COLOR` and any override).
    public private(set) var colorDepth: ColorDepth = .none
    /// Whether output is restricted to ASCII (the locale is not UTF-8, or asked for).
    public private(set) var asciiOnly = false
    /// Whether the locale decodes UTF-8 input; if not (LANG=C), sargs assembles it from bytes.
    private var utf8Locale = true
    /// Whether this is the Linux console (`TERM=linux…`), whose font has few symbols.
    public private(set) var linuxConsole = false
    /// The glyph set to render with: `.ascii` when `asciiOnly`, the console's own on the Linux console.
    public var glyphs: Glyphs { asciiOnly ? .ascii : linuxConsole ? .linuxConsole : .unicode }
    /// Whether the terminal went away (its reads end with EOF or EIO: the
    /// window was closed while SIGHUP was ignored). The loop should stop.
    public private(set) var isGone = false
    /// Reads in a row that failed long before their timeout.
    private var failedAtOnce = 0
    /// Whether `start()` succeeded and `stop()` has not been called.
    public private(set) var isRunning = false

    /// Cells handed to ncurses by the last `paint`.
    public private(set) var cellsWrittenLastFrame = 0

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var canUseDefaultColors = false
    private var maxPairs = 0

    /// The canvas on screen, to diff the next frame against.
    private var lastCanvas: Canvas?
    /// The theme last painted with, and its styles resolved for ncurses.
    private var lastTheme: Theme?
    private var paintStyles: [Role: PaintStyle] = [:]
    private var pairs: [ColorPairKey: Int16] = [:]
    private var asciiFolds: [String: String] = [:]
    private var wideCharacters: [wchar_t] = []
    private var keyCodes: [Int32: Key] = [:]
    /// The last click, to tell a double click (same cell, within 400 ms).
    private var lastClick: (x: Int, y: Int, time: UInt64)?
    /// Whether the terminal reports the mouse.
    public private(set) var mouseOn = false
    /// When `TERM` had no terminfo entry here: what it was, and the entry used instead.
    public private(set) var fallback: (wanted: String, used: String)?

    public init() {}

    deinit {
        if isRunning {
            stop()
        }
    }

    // MARK: Start and stop

    /// Takes over the screen.
    ///
    /// Sets the locale from the environment; when that locale is not UTF-8
    /// because it is missing on this machine or unset, tries `C.UTF-8`; when
    /// the user chose a non-UTF-8 locale (`LANG=C`), or `asciiOnly` is true,
    /// output is ASCII and `glyphs` is `.ascii` (non-ASCII text is folded:
    /// ā → a). Colours: none with `NO_COLOR` or a monochrome terminal, else 8
    /// or 256 as ncurses' `COLORS` says, never more than `colorDepthOverride`.
    ///
    /// A `TERM` this machine has no terminfo entry for (a current terminal
    /// over SSH: xterm-kitty, alacritty, foot …) falls back to
    /// `xterm-256color`, then `xterm`; `fallback` then names both. `dumb`
    /// and terminals that cannot move the cursor are refused. With `mouse`,
    /// clicks and the wheel are reported; bracketed paste is always asked for.
    public func start(asciiOnly: Bool = false, colorDepthOverride: ColorDepth? = nil, mouse: Bool = true, showCursor: Bool = false) throws {
        guard !isRunning else { throw TerminalError.alreadyStarted }
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }

        let utf8 = Terminal.prepareLocale()
        self.asciiOnly = asciiOnly || !utf8
        self.utf8Locale = utf8

        ScreenRestore.install()
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        linuxConsole = term == "linux" || term.hasPrefix("linux-")
        fallback = nil
        var opened = newterm(nil, sargs_stdout(), sargs_stdin())
        if opened == nil, !term.isEmpty, term != "dumb" {
            for candidate in ["xterm-256color", "xterm"] {
                opened = newterm(candidate, sargs_stdout(), sargs_stdin())
                if opened != nil {
                    fallback = (wanted: term, used: candidate)
                    break
                }
            }
        }
        guard let screen = opened else {
            throw TerminalError.cannotOpen(term: term)
        }
        guard sargs_has_cursor_addressing() != 0 else {
            // `dumb` and printing terminals: ncurses starts, but nothing can be drawn.
            endwin()
            delscreen(screen)
            ScreenRestore.restore()
            throw TerminalError.cannotOpen(term: term)
        }
        self.screen = screen
        set_term(screen)
        ScreenRestore.active = true
        isRunning = true
        window = sargs_stdscr()

        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        // The cursor is left where `paint` puts it, on the focused element (issue 30): a screen reader
        // or a braille display follows it even while it is not shown.
        leaveok(window, false)
        set_escdelay(25)
        // Shown for a screen reader (`showCursor`), where it marks the focus; hidden otherwise, still placed on it.
        curs_set(showCursor ? 1 : 0)
        // A paste arrives between ESC [200~ and ESC [201~: text, never keys.
        sargs_define_paste_keys()
        ScreenRestore.modes = mouse ? [.bracketedPaste, .mouse] : [.bracketedPaste]
        mouseOn = mouse && sargs_mouse_on() != 0
        ScreenRestore.enableModes()

        colorDepth = .none
        let environment = ProcessInfo.processInfo.environment
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if !noColor, has_colors() {
            start_color()
            canUseDefaultColors = use_default_colors() == sargs_ok()
            colorDepth = ColorDepth(colors: Int(sargs_colors()))
            maxPairs = Int(sargs_color_pairs())
        }
        if let colorDepthOverride {
            colorDepth = min(colorDepth, colorDepthOverride)
        }
        keyCodes = Terminal.makeKeyCodes()
        lastCanvas = nil
        lastTheme = nil
        pairs = [:]
    }

    /// Gives the screen back (`endwin`), exactly once.
    public func stop() {
        guard isRunning else { return }
        isRunning = false
        ScreenRestore.restore()
        if let screen {
            delscreen(screen)
        }
        screen = nil
        window = nil
    }

    // MARK: Size and painting

    /// The screen size in columns and rows.
    public var size: (width: Int, height: Int) {
        guard isRunning else { return (0, 0) }
        return (Int(sargs_cols()), Int(sargs_lines()))
    }

    /// Repaints everything on the next `paint` (after a resize, or to redraw a
    /// garbled screen): the screen is cleared and every cell written.
    public func forceFullRepaint() {
        lastCanvas = nil
        if isRunning {
            clearok(sargs_stdscr(), true)
        }
    }

    /// Shows `canvas`, writing only the cells that differ from the last
    /// painted canvas, in `theme` adapted to the terminal's colours; then one
    /// `doupdate()`. Cells beyond the screen are dropped.
    public func paint(_ canvas: Canvas, theme: Theme) {
        guard isRunning, let window else { return }
        if lastTheme != theme {
            prepare(theme)
            lastTheme = theme
            lastCanvas = nil
        }
        let runs = Canvas.diff(from: lastCanvas, to: canvas)
        let cursorMoved = canvas.cursor != lastCanvas?.cursor || lastCanvas == nil
        lastCanvas = canvas
        cellsWrittenLastFrame = 0
        // Nothing changed, not even the focus: nothing is written (a braille display must not flicker).
        guard !runs.isEmpty || cursorMoved else { return }
        let (columns, rows) = (Int(sargs_cols()), Int(sargs_lines()))
        var cell = cchar_t()
        for run in runs where run.row < rows {
            var x = run.x
            for item in run.cells {
                defer { x += 1 }
                guard x < columns else { break }
                var text = item.text
                if text.isEmpty {
                    // The right half of a wide character: the left half covers it,
                    // except in ASCII where the wide character became one "?".
                    guard asciiOnly else { continue }
                    text = "?"
                } else if asciiOnly {
                    text = asciiFold(text)
                }
                let style = paintStyles[item.role] ?? PaintStyle(attributes: 0, pair: 0)
                wideCharacters.removeAll(keepingCapacity: true)
                for scalar in text.unicodeScalars.prefix(Int(CCHARW_MAX)) {
                    wideCharacters.append(wchar_t(bitPattern: scalar.value))
                }
                wideCharacters.append(0)
                wideCharacters.withUnsafeBufferPointer { buffer in
                    _ = setcchar(&cell, buffer.baseAddress, style.attributes, style.pair, nil)
                }
                _ = mvwadd_wch(window, Int32(run.row), Int32(x), &cell)
                cellsWrittenLastFrame += 1
            }
        }
        // The terminal's cursor on the focused element (issue 30), where a screen reader follows it.
        let cursor = canvas.cursor ?? Canvas.Cursor(x: 0, y: 0)
        if rows > 0, columns > 0 {
            wmove(window, Int32(min(max(cursor.y, 0), rows - 1)), Int32(min(max(cursor.x, 0), columns - 1)))
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Resolves every role of `theme` (adapted to the colour depth) to
    /// ncurses attributes and a colour pair, allocating pairs as needed.
    private func prepare(_ theme: Theme) {
        let adapted = theme.adapted(to: colorDepth)
        paintStyles = [:]
        for role in Role.allCases {
            let style = adapted.style(for: role)
            paintStyles[role] = PaintStyle(attributes: Terminal.attributes(style.attributes), pair: pair(for: style))
        }
    }

    private func pair(for style: Style) -> Int16 {
        guard colorDepth != .none else { return 0 }
        var fg = Int16(style.fg.paletteIndex ?? -1)
        var bg = Int16(style.bg.paletteIndex ?? -1)
        if !canUseDefaultColors {
            if fg < 0 { fg = 7 }
            if bg < 0 { bg = 0 }
        }
        if fg < 0, bg < 0 {
            return 0
        }
        let key = ColorPairKey(fg: fg, bg: bg)
        if let pair = pairs[key] {
            return pair
        }
        let next = pairs.count + 1
        guard next < maxPairs, next <= Int(Int16.max) else { return 0 }
        guard init_pair(Int16(next), fg, bg) == sargs_ok() else { return 0 }
        pairs[key] = Int16(next)
        return Int16(next)
    }

    private static func attributes(_ attributes: Set<Attribute>) -> attr_t {
        var result = sargs_a_normal()
        for attribute in attributes {
            switch attribute {
            case .bold: result |= sargs_a_bold()
            case .dim: result |= sargs_a_dim()
            case .underline: result |= sargs_a_underline()
            case .reverse: result |= sargs_a_reverse()
            case .italic: result |= sargs_a_italic()
            case .standout: result |= sargs_a_standout()
            }
        }
        return result
    }

    /// One cell's text as ASCII: letters lose their diacritics (ā → a),
    /// a few symbols get an ASCII look-alike, anything else becomes "?".
    private func asciiFold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text
        }
        if let folded = asciiFolds[text] {
            return folded
        }
        let folded = Glyphs.asciiFold(text)
        asciiFolds[text] = folded
        return folded
    }

    // MARK: Keys

    /// Waits up to `timeoutMilliseconds` for what the person does: a key, a
    /// paste (everything between the terminal's paste markers, read whole,
    /// line ends as "\n"), or the mouse (a second click on the same cell
    /// within 400 ms is a double click). Nil when nothing came in time.
    public func readInput(timeoutMilliseconds: Int?) -> Input? {
        guard isRunning, let window else { return nil }
        guard let (result, value) = read(window, timeoutMilliseconds: timeoutMilliseconds) else { return nil }
        if result == sargs_key_code_yes() {
            let code = Int32(bitPattern: UInt32(value))
            if code == sargs_key_paste_start() { return .paste(readPaste(window)) }
            if code == sargs_key_paste_end() { return nil }  // an end without a start: nothing to insert
            if code == sargs_key_mouse() { return mouseEvent() }
            if code == sargs_key_alt_enter() { return .key(.altEnter) }
            if code == sargs_key_resize() {
                forceFullRepaint()
                return .resize
            }
            return keyCodes[code].map(Input.key)
        }
        let code = UInt32(value)
        if code < 0x20 || code == 0x7F {
            return Key.fromControlCode(code).map(Input.key)
        }
        guard let scalar = Unicode.Scalar(code) else { return nil }
        return .key(.character(Character(scalar)))
    }

    /// One `wget_wch`, with the hung-up terminal noticed; nil on a timeout.
    private func read(_ window: UnsafeMutablePointer<WINDOW>, timeoutMilliseconds: Int?) -> (Int32, wint_t)? {
        wtimeout(window, Int32(clamping: timeoutMilliseconds ?? -1))
        var value: wint_t = 0
        let asked = DispatchTime.now().uptimeNanoseconds
        let result = utf8Locale ? wget_wch(window, &value) : readBytes(window, &value)
        if result == sargs_err() {
            // A timeout, or the terminal is gone (closed, hung up with
            // SIGHUP ignored): then reads fail at once, for ever.
            let waited = DispatchTime.now().uptimeNanoseconds - asked
            let expected = UInt64(max(timeoutMilliseconds ?? 1000, 1)) * 1_000_000
            failedAtOnce = waited < expected / 4 ? failedAtOnce + 1 : 0
            if Terminal.inputHungUp() || failedAtOnce >= 50 { isGone = true }
            return nil
        }
        failedAtOnce = 0
        return (result, value)
    }

    /// `wget_wch` for a locale that cannot decode UTF-8 (LANG=C): keys as
    /// ncurses gives them, text assembled from its UTF-8 bytes, so a Latvian
    /// letter or a paste is not lost.
    private func readBytes(_ window: UnsafeMutablePointer<WINDOW>, _ value: inout wint_t) -> Int32 {
        let first = wgetch(window)
        if first == sargs_err() { return sargs_err() }
        if first >= sargs_key_min() {
            value = wint_t(first)
            return sargs_key_code_yes()
        }
        let lead = UInt8(truncatingIfNeeded: first)
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        var bytes = [lead]
        wtimeout(window, 50)
        while bytes.count < length {
            let next = wgetch(window)
            guard next != sargs_err(), next < 0x100 else { break }
            bytes.append(UInt8(next))
        }
        let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
        value = wint_t(scalar.value)
        return sargs_ok()
    }

    /// The text of a paste, up to its end marker (or one second of silence,
    /// if a terminal never sends it). Carriage returns become "\n".
    private func readPaste(_ window: UnsafeMutablePointer<WINDOW>) -> String {
        var scalars = String.UnicodeScalarView()
        var previousCR = false
        // More than any field holds is read to its end (so none of it becomes keys) but not kept.
        let keep = 100_000
        var kept = 0
        while let (result, value) = read(window, timeoutMilliseconds: 1000) {
            if kept > keep {
                if result == sargs_key_code_yes(), Int32(bitPattern: UInt32(value)) == sargs_key_paste_end() { break }
                continue
            }
            if result == sargs_key_code_yes() {
                if Int32(bitPattern: UInt32(value)) == sargs_key_paste_end() { break }
                continue  // a key code inside a paste (an arrow's sequence): not text
            }
            let code = UInt32(value)
            if code == 0x0A && previousCR { previousCR = false; continue }
            previousCR = code == 0x0D
            if let scalar = Unicode.Scalar(code == 0x0D ? 0x0A : code) { scalars.append(scalar); kept += 1 }
        }
        return String(scalars)
    }

    /// The pending mouse event as the board reads it; nil for buttons it does not use.
    private func mouseEvent() -> Input? {
        var x: Int32 = 0, y: Int32 = 0
        let kind = sargs_mouse_event(&x, &y)
        switch kind {
        case 4: return .mouse(MouseEvent(.wheelUp, x: Int(x), y: Int(y)))
        case 5: return .mouse(MouseEvent(.wheelDown, x: Int(x), y: Int(y)))
        case 1:
            let now = DispatchTime.now().uptimeNanoseconds
            let double = lastClick.map { $0.x == Int(x) && $0.y == Int(y) && now - $0.time < 400_000_000 } ?? false
            lastClick = double ? nil : (Int(x), Int(y), now)
            return .mouse(MouseEvent(double ? .doubleClick : .click, x: Int(x), y: Int(y)))
        default:
            return nil
        }
    }

    /// Whether standard input has hung up or is no longer readable: poll
    /// says so without waiting, or a read returns end of file or an error.
    static func inputHungUp() -> Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return errno != EINTR }
        let revents = Int32(descriptor.revents)
        if revents & (Int32(POLLHUP) | Int32(POLLERR) | Int32(POLLNVAL)) != 0 { return true }
        return false
    }

    private static func makeKeyCodes() -> [Int32: Key] {
        var codes: [Int32: Key] = [
            sargs_key_up(): .up, sargs_key_down(): .down, sargs_key_left(): .left, sargs_key_right(): .right,
            sargs_key_home(): .home, sargs_key_end(): .end, sargs_key_ppage(): .pageUp, sargs_key_npage(): .pageDown,
            sargs_key_a1(): .home, sargs_key_c1(): .end, sargs_key_a3(): .pageUp, sargs_key_c3(): .pageDown,
            sargs_key_shome(): .home, sargs_key_send(): .end,
            sargs_key_enter(): .enter, sargs_key_backspace(): .backspace, sargs_key_dc(): .delete,
            sargs_key_ic(): .insert, sargs_key_btab(): .backTab,
        ]
        for number in 1...24 {
            codes[sargs_key_f(Int32(number))] = .function(number)
        }
        return codes
    }

    // MARK: Locale

    /// Sets the locale and says whether it is UTF-8.
    static func prepareLocale() -> Bool {
        _ = setlocale(sargs_lc_all(), "")
        if isUTF8Codeset() {
            return true
        }
        let environment = ProcessInfo.processInfo.environment
        let requested = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        let wantsUTF8 = requested.map { $0.lowercased().contains("utf-8") || $0.lowercased().contains("utf8") } ?? true
        guard wantsUTF8 else {
            return false // the user chose a non-UTF-8 locale: honour it with ASCII
        }
        for name in ["C.UTF-8", "C.utf8"] where setlocale(sargs_lc_all(), name) != nil {
            if isUTF8Codeset() {
                return true
            }
        }
        return false
    }

    private static func isUTF8Codeset() -> Bool {
        guard let codeset = sargs_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}

/// A role ready for ncurses.
private struct PaintStyle {
    var attributes: attr_t
    var pair: Int16
}

private struct ColorPairKey: Hashable {
    var fg: Int16
    var bg: Int16
}
