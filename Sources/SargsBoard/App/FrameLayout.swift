/// Where the frame's parts stand on a screen of `width`×`height` (issue 28:
/// one home for the chrome's geometry, read by drawing, the mouse and
/// scrolling alike): the header row, the body every screen draws in, the
/// status line and the key bar.
public struct FrameLayout: Hashable, Sendable {
    /// The first row: what the board is and where.
    public let header: Rect
    /// The rows between the header and the status line.
    public let body: Rect
    /// The row of messages and the search line.
    public let status: Rect
    /// The last row: the keys that act here.
    public let keyBar: Rect

    /// The frame of a screen `width` columns by `height` rows (three rows of chrome).
    public init(width: Int, height: Int) {
        header = Rect(x: 0, y: 0, width: width, height: min(1, max(0, height)))
        body = Rect(x: 0, y: 1, width: width, height: max(0, height - 3))
        status = Rect(x: 0, y: max(0, height - 2), width: width, height: 1)
        keyBar = Rect(x: 0, y: max(0, height - 1), width: width, height: 1)
    }

    /// How far a list's page key moves: the body's rows, less the rows a
    /// list keeps above it (a title and a blank) and one row of overlap.
    public var page: Int { max(1, body.height - 3) }
}

extension AppState {
    /// The frame of this state's screen size.
    public var frame: FrameLayout { FrameLayout(width: width, height: height) }
}

extension AppState {
    /// What stands before a list's line: "▶ " on the line under the cursor,
    /// two blanks on the others; nothing for a screen reader, which follows
    /// the terminal's cursor and would read the arrow aloud (issue 30).
    func marker(_ selected: Bool) -> String {
        // Under 60 columns lists are drawn linear too (`ScrollingText.linear`): the highlight marks the line.
        screenReader || width < BoardMetrics.singleColumnBelow ? "" : (selected ? glyphs.arrowRight : " ") + " "
    }

    /// The role of a list's piece: highlighted on the line under the cursor;
    /// for a screen reader as on any line, so moving rewrites no line but
    /// those whose words change (a braille display, speakup, issue 30).
    func highlight(_ selected: Bool, _ role: Role) -> Role {
        selected && !screenReader ? .cardSelected : role
    }

    /// What stands between the parts of the header (" │ ") and of the
    /// status line's facts (" • "); for a screen reader ", ", read as a pause
    /// where the glyph would be read aloud (issue 30).
    func separator(_ glyph: String) -> String {
        screenReader ? ", " : " \(glyph) "
    }
}
