/// One terminal cell: one grapheme and what it means.
///
/// A wide character (2 columns) is stored as its grapheme in the left cell
/// and `""` in the right one, the "trailing half", which painters skip.
public struct Cell: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var role: Role

    public init(_ text: String = " ", role: Role = .background) {
        self.text = text
        self.role = role
    }

    public init(text: String, role: Role) {
        self.init(text, role: role)
    }

    public static let blank = Cell(" ", role: .background)

    /// The right half of a wide character.
    public var isTrailingHalf: Bool { text.isEmpty }

    public var description: String { "\(text.isEmpty ? "∅" : text)[\(role.rawValue)]" }
}

/// A frame of the board: a grid of cells that screens paint into and the
/// terminal copies to the screen, writing only what changed since the last
/// frame (ratatui's buffer diff).
///
/// Nothing is ever written outside the grid: text is clipped at the edges, a
/// wide character that does not fit whole is not written, and overwriting
/// half of a wide character blanks its other half.
public struct Canvas: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]
    /// Where the terminal's own cursor stands once the frame is painted
    /// (issue 30): on the focused element (the selected card's id, the
    /// line under a list's cursor, a field's insertion point, the question),
    /// set by the drawing that draws it, so a screen reader or a braille
    /// display that follows the cursor reads what is selected. Nil: the top left.
    public var cursor: Cursor?

    /// A cell's column and row, from the top left.
    public struct Cursor: Hashable, Sendable {
        public var x: Int
        public var y: Int

        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    /// Sets the cursor on (x, y), held inside the canvas.
    public mutating func focus(x: Int, y: Int) {
        guard width > 0, height > 0 else { return }
        cursor = Cursor(x: min(max(x, 0), width - 1), y: min(max(y, 0), height - 1))
    }

    public init(width: Int, height: Int, role: Role = .background) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: Cell(" ", role: role), count: self.width * self.height)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y), or nil outside the canvas.
    public func cell(atX x: Int, y: Int) -> Cell? {
        guard x >= 0, x < width, y >= 0, y < height else { return nil }
        return cells[y * width + x]
    }

    /// The role at (x, y), or nil outside the canvas.
    public func role(atX x: Int, y: Int) -> Role? {
        cell(atX: x, y: y)?.role
    }

    /// The text rows, one string per row, padded with spaces to the width
    /// (trailing halves of wide characters are skipped).
    public var lines: [String] {
        (0..<height).map(line)
    }

    /// The text of row `y` (empty outside the canvas).
    public func line(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var result = ""
        result.reserveCapacity(width)
        let start = y * width
        for index in start..<(start + width) where !cells[index].text.isEmpty {
            result += cells[index].text
        }
        return result
    }

    // MARK: Painting

    /// Writes `text` from column `x` of row `y` and returns the number of
    /// columns it advanced (so `x += canvas.put(…)` continues after it).
    ///
    /// Clipped at the canvas edges and after `maxWidth` columns; a wide
    /// character that does not fit whole is not written and ends the text.
    /// Control characters and other zero-width characters are skipped. Text
    /// left of column 0 is skipped but counted.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: Role, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, !text.isEmpty else { return 0 }
        var limit = width
        if let maxWidth {
            limit = min(limit, x + max(0, maxWidth))
        }
        if DisplayWidth.isLatin(text) {
            return putLatin(text, x: x, y: y, role: role, limit: limit)
        }
        var column = x
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if characterWidth == 0 {
                continue
            }
            if column + characterWidth > limit {
                break
            }
            if column < 0 {
                column += characterWidth
                continue
            }
            if let cells = DisplayWidth.replacement(for: character, width: characterWidth) {
                for (i, cell) in cells.enumerated() { write(cell, width: 1, x: column + i, y: y, role: role) }
            } else {
                write(String(character), width: characterWidth, x: column, y: y, role: role)
            }
            column += characterWidth
        }
        return max(0, column - x)
    }

    /// `put` for text where every scalar is one grapheme one column wide (or
    /// a control character): cells are written straight from the scalars.
    private mutating func putLatin(_ text: String, x: Int, y: Int, role: Role, limit: Int) -> Int {
        let start = y * width
        let strings = DisplayWidth.latinStrings
        var column = x
        var first = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard value >= 0x20, value < 0x7F || value >= 0xA0 else { continue }
            if column >= limit {
                break
            }
            if column >= 0 {
                if first {
                    // The text may start on the right half of a wide character…
                    if column > 0, cells[start + column].text.isEmpty {
                        cells[start + column - 1].text = " "
                    }
                    first = false
                }
                cells[start + column] = Cell(strings[Int(value)], role: role)
            }
            column += 1
        }
        if !first, column < width, cells[start + column].text.isEmpty {
            // …and end on its left half.
            cells[start + column].text = " "
        }
        return max(0, column - x)
    }

    /// Fills `rect` (clipped to the canvas) with `text` — a one-column
    /// character, a space by default — in `role`.
    public mutating func fill(_ rect: Rect, role: Role, with text: String = " ") {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let filler = DisplayWidth.of(text) == 1 && text.count == 1 ? text : " "
        let cell = Cell(filler, role: role)
        for y in area.y..<area.maxY {
            let start = y * width
            repairBoundaries(from: area.x, to: area.maxX, rowStart: start)
            for index in (start + area.x)..<(start + area.maxX) {
                cells[index] = cell
            }
        }
    }

    /// Fills the whole canvas with spaces in `role`.
    public mutating func clear(role: Role = .background) {
        fill(bounds, role: role)
        cursor = nil
    }

    /// Gives every cell of `rect` (clipped) the role `role`, keeping its text
    /// (to highlight what is already drawn, e.g. a selected row).
    public mutating func setRole(_ role: Role, in rect: Rect) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            let start = y * width
            for index in (start + area.x)..<(start + area.maxX) {
                cells[index].role = role
            }
        }
    }

    /// Writes one grapheme of `characterWidth` (1 or 2) columns at (x, y),
    /// which the caller has checked to fit.
    private mutating func write(_ grapheme: String, width characterWidth: Int, x: Int, y: Int, role: Role) {
        let start = y * width
        repairBoundaries(from: x, to: x + characterWidth, rowStart: start)
        cells[start + x] = Cell(grapheme, role: role)
        if characterWidth == 2 {
            cells[start + x + 1] = Cell("", role: role)
        }
    }

    /// Before columns `from ..< to` of a row are overwritten: a wide character
    /// cut in half by either edge leaves a space in its surviving half.
    private mutating func repairBoundaries(from: Int, to: Int, rowStart start: Int) {
        if from > 0, from < width, cells[start + from].text.isEmpty {
            cells[start + from - 1].text = " "
        }
        if to < width, to > 0, cells[start + to].text.isEmpty {
            cells[start + to].text = " "
        }
    }

    // MARK: Diff

    /// Consecutive changed cells of one row: paint `cells` from column `x` of `row`.
    public struct Run: Hashable, Sendable, CustomStringConvertible {
        public var row: Int
        public var x: Int
        public var cells: [Cell]

        public init(row: Int, x: Int, cells: [Cell]) {
            self.row = row
            self.x = x
            self.cells = cells
        }

        public var text: String { cells.map(\.text).joined() }
        public var description: String { "Run(row: \(row), x: \(x), \"\(text)\")" }
    }

    /// The runs of cells that differ between `old` and `new`, row by row, left
    /// to right. With no `old`, or one of a different size, every row is one
    /// run. Equal rows are skipped after one comparison; a run never starts on
    /// the trailing half of a wide character (it starts on the character).
    public static func diff(from old: Canvas?, to new: Canvas) -> [Run] {
        let width = new.width
        guard let old, old.width == width, old.height == new.height else {
            return (0..<new.height).compactMap { row in
                width == 0 ? nil : Run(row: row, x: 0, cells: Array(new.cells[(row * width)..<((row + 1) * width)]))
            }
        }
        var runs: [Run] = []
        old.cells.withUnsafeBufferPointer { before in
            new.cells.withUnsafeBufferPointer { after in
                for row in 0..<new.height {
                    let start = row * width
                    let end = start + width
                    var index = start
                    while index < end, before[index] == after[index] {
                        index += 1
                    }
                    if index == end {
                        continue
                    }
                    var x = index - start
                    while x < width {
                        if before[start + x] == after[start + x] {
                            x += 1
                            continue
                        }
                        var runStart = x
                        if x > 0, after[start + x].text.isEmpty {
                            runStart = x - 1
                        }
                        var runEnd = x + 1
                        while runEnd < width, before[start + runEnd] != after[start + runEnd] {
                            runEnd += 1
                        }
                        runs.append(Run(row: row, x: runStart, cells: Array(after[(start + runStart)..<(start + runEnd)])))
                        x = runEnd
                    }
                }
            }
        }
        return runs
    }
}
