/// The symbols the board draws, in a UTF-8 set and an ASCII fallback for
/// terminals whose locale is not UTF-8 (as htop does). Every glyph is one
/// column wide in both sets, so layouts do not depend on the set.
public struct Glyphs: Hashable, Sendable {
    /// Ends text cut to fit ("…" / "~").
    public var ellipsis: String

    // State badges
    public var overdue: String
    public var open: String
    public var upcoming: String
    public var onTrack: String
    public var finished: String
    public var done: String
    public var dropped: String
    public var blocked: String
    public var asNeeded: String
    public var behindPace: String

    // The windows strip
    public var windowMet: String
    public var windowMissed: String
    public var windowWaived: String
    public var windowOpen: String
    public var windowFuture: String

    // Arrows: hidden columns to the left/right, hidden cards below/above
    public var arrowLeft: String
    public var arrowRight: String
    public var arrowDown: String
    public var arrowUp: String

    // Lines
    public var horizontal: String
    public var vertical: String
    /// Corners of a frame: top left, top right, bottom left, bottom right.
    public var corners: [String]
    public var bullet: String

    /// Bar-chart cells filled 0/8 … 8/8: `eighths[0]` is a space, `eighths[8]` a full block.
    public var eighths: [String]
    /// The text cursor in an input line.
    public var cursor: String

    public static let unicode = Glyphs(
        ellipsis: "…",
        overdue: "▲", open: "○", upcoming: "◇", onTrack: "●", finished: "◎", done: "✓",
        dropped: "✗", blocked: "■", asNeeded: "◆", behindPace: "▼",
        windowMet: "●", windowMissed: "✗", windowWaived: "◌", windowOpen: "○", windowFuture: "·",
        arrowLeft: "◀", arrowRight: "▶", arrowDown: "↓", arrowUp: "↑",
        horizontal: "─", vertical: "│", corners: ["┌", "┐", "└", "┘"], bullet: "•",
        eighths: [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], cursor: "▏"
    )

    /// For the Linux console (`TERM=linux`), whose fonts hold 512 glyphs at
    /// most: the UTF-8 set where Debian's console fonts for Latvian
    /// (console-setup's Lat7 and Uni2, Terminus and Fixed) have the glyph,
    /// another of theirs where they do not (○ ◇ ◎ ◆ ◌ ✓ and the eighth
    /// blocks are not in them), so nothing is drawn as the font's
    /// replacement character (issue 30).
    public static let linuxConsole = Glyphs(
        ellipsis: "…",
        overdue: "▲", open: "☐", upcoming: "▸", onTrack: "●", finished: "◈", done: "☑",
        dropped: "✗", blocked: "■", asNeeded: "♦", behindPace: "▼",
        windowMet: "●", windowMissed: "✗", windowWaived: "⊘", windowOpen: "☐", windowFuture: "·",
        arrowLeft: "◀", arrowRight: "▶", arrowDown: "↓", arrowUp: "↑",
        horizontal: "─", vertical: "│", corners: ["┌", "┐", "└", "┘"], bullet: "•",
        eighths: [" ", " ", " ", "░", "░", "▒", "▒", "█", "█"], cursor: "▮"
    )

    public static let ascii = Glyphs(
        ellipsis: "~",
        overdue: "!", open: "o", upcoming: "-", onTrack: "*", finished: "=", done: "v",
        dropped: "x", blocked: "#", asNeeded: "+", behindPace: "_",
        windowMet: "#", windowMissed: "x", windowWaived: "w", windowOpen: "o", windowFuture: ".",
        arrowLeft: "<", arrowRight: ">", arrowDown: "v", arrowUp: "^",
        horizontal: "-", vertical: "|", corners: ["+", "+", "+", "+"], bullet: "*",
        eighths: [" ", " ", " ", " ", "#", "#", "#", "#", "#"], cursor: "_"
    )

    /// One cell's text on a terminal that shows only ASCII: the one table of
    /// ASCII fallbacks beside the glyph sets. Letters lose their diacritics
    /// (ā → a), a few symbols get a look-alike (… → ~, → → >), anything else
    /// is "?".
    public static func asciiFold(_ text: String) -> String {
        let symbols: [String: String] = [
            "…": "~", "–": "-", "—": "-", "‘": "'", "’": "'", "‚": ",", "“": "\"", "”": "\"", "„": "\"",
            "«": "\"", "»": "\"", "·": ".", "•": "*", "×": "x", "→": ">", "←": "<", "↑": "^", "↓": "v",
            "▶": ">", "◀": "<", "█": "#", "─": "-", "│": "|", "✓": "v", "✗": "x", "\u{00A0}": " ",
        ]
        if let symbol = symbols[text] {
            return symbol
        }
        let kept = text.decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F
        }
        guard let first = kept.first else { return "?" }
        return String(Character(first))
    }

    /// Whether this is the ASCII set.
    public var isASCII: Bool { self == .ascii }

    /// A horizontal bar `width` columns wide filled to `fraction` (0…1), in
    /// eighths of a cell; the rest is spaces.
    public func bar(fraction: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let totalEighths = Int((clamped * Double(width * 8)).rounded())
        let full = totalEighths / 8
        let partial = totalEighths % 8
        var result = String(repeating: eighths[8], count: full)
        if full < width {
            result += eighths[partial]
            result += String(repeating: " ", count: width - full - 1)
        }
        return result
    }

    /// `text` cut to `width` columns with this set's ellipsis.
    public func truncate(_ text: String, to width: Int) -> String {
        DisplayWidth.truncate(text, to: width, ellipsis: ellipsis)
    }
}
