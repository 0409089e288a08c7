import Testing
@testable import SargsBoard

@Suite("Display width")
struct DisplayWidthTests {
    @Test("Latvian letters take one column each", arguments: [
        "ā", "č", "ē", "ģ", "ī", "ķ", "ļ", "ņ", "š", "ū", "ž", "Ā", "Č", "Ē", "Ģ", "Ī", "Ķ", "Ļ", "Ņ", "Š", "Ū", "Ž",
    ])
    func latvianLetter(_ letter: String) {
        #expect(DisplayWidth.of(letter) == 1)
    }

    @Test func latvianText() {
        #expect("āčēģīķļņšūž".displayWidth == 11)
        #expect("Sadarbības grupa".displayWidth == 16)
        #expect("Bāriņtiesa".displayWidth == 10)
    }

    @Test("Wide, emoji, combining and control characters", arguments: [
        ("日本", 4), ("テキスト", 8), ("한국어", 6), ("ＡＢ", 4), ("👍", 2), ("🇱🇻", 2), ("❤️", 1), ("✈️", 1),
        ("e\u{301}", 1), ("a\u{0304}", 1), ("\u{301}", 0), ("\u{7}", 0), ("\t", 0), ("\u{200B}", 0),
        ("a日b", 4), ("", 0), ("▲ kavējas", 9), ("◀▶↓↑", 4),
    ])
    func widths(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func decomposedLatvianIsOneColumnPerLetter() {
        // "ā" typed as a + combining macron is one grapheme, one column.
        let decomposed = "a\u{0304}c\u{030C}e\u{0304}"
        #expect(decomposed.count == 3)
        #expect(decomposed.displayWidth == 3)
    }

    @Test("Truncation by display width", arguments: [
        ("Sadarbības grupa", 10, "Sadarbība…"),
        ("Sadarbības grupa", 16, "Sadarbības grupa"),
        ("Sadarbības grupa", 15, "Sadarbības gru…"),
        ("āčēģīķļņšūž", 5, "āčēģ…"),
        ("日本語テキスト", 5, "日本…"),
        ("日本語テキスト", 6, "日本…"),
        ("日本語テキスト", 7, "日本語…"),
        ("abc", 3, "abc"),
        ("abcd", 1, "…"),
        ("abcd", 0, ""),
        ("abcd", -3, ""),
        ("e\u{301}e\u{301}e\u{301}", 2, "é…"),
    ])
    func truncation(_ text: String, _ width: Int, _ expected: String) {
        let result = truncate(text, to: width)
        #expect(result == expected)
        #expect(result.displayWidth <= max(0, width))
    }

    @Test("The Latin fast path agrees with the grapheme path", arguments: [
        "Sadarbības grupa", "ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž", "tab\there", "C1\u{85}control", "", "x",
        "Bāriņtiesa, Sociālais dienests un Valsts policija",
    ])
    func latinFastPath(_ text: String) {
        #expect(DisplayWidth.isLatin(text))
        #expect(DisplayWidth.of(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        for width in 0...(text.count + 1) {
            #expect(DisplayWidth.truncate(text, to: width) == DisplayWidth.truncateGraphemes(text, to: width, ellipsis: "…"))
            #expect(DisplayWidth.truncate(text, to: width, ellipsis: "~")
                    == DisplayWidth.truncateGraphemes(text, to: width, ellipsis: "~"))
        }
        var fast = Canvas(width: 30, height: 1)
        var slow = Canvas(width: 30, height: 1)
        fast.put(text, x: 2, y: 0, role: .card, maxWidth: 20)
        var x = 2
        for character in text where DisplayWidth.of(character) > 0 && x < 22 {
            x += slow.put("\(character)日", x: x, y: 0, role: .card, maxWidth: 1) // one grapheme via the general path
        }
        #expect(fast == slow)
        #expect(!DisplayWidth.isLatin("a\u{301}"))
        #expect(!DisplayWidth.isLatin("日"))
    }

    @Test func asciiTruncationEndsWithTilde() {
        #expect(truncate("Madonas novads", to: 8, ascii: true) == "Madonas~")
        #expect(Glyphs.ascii.truncate("Madonas novads", to: 6) == "Madon~")
        #expect(Glyphs.unicode.truncate("Madonas novads", to: 6) == "Madon…")
    }

    @Test func everyGlyphIsOneColumn() {
        for glyphs in [Glyphs.unicode, Glyphs.ascii] {
            let all = [glyphs.ellipsis, glyphs.overdue, glyphs.open, glyphs.upcoming, glyphs.onTrack,
                       glyphs.finished, glyphs.done, glyphs.dropped, glyphs.blocked, glyphs.asNeeded,
                       glyphs.behindPace, glyphs.windowMet, glyphs.windowMissed, glyphs.windowWaived,
                       glyphs.windowOpen, glyphs.windowFuture, glyphs.arrowLeft, glyphs.arrowRight,
                       glyphs.arrowDown, glyphs.arrowUp, glyphs.horizontal, glyphs.vertical, glyphs.bullet]
                + glyphs.eighths
            for glyph in all {
                #expect(glyph.displayWidth == 1, "\(glyph)")
            }
        }
        #expect(Glyphs.ascii.overdue == "!")
        #expect(Glyphs.ascii.eighths.allSatisfy { $0.allSatisfy(\.isASCII) })
    }

    @Test func bars() {
        #expect(Glyphs.unicode.bar(fraction: 0.5, width: 4) == "██  ")
        #expect(Glyphs.unicode.bar(fraction: 1, width: 3) == "███")
        #expect(Glyphs.unicode.bar(fraction: 0.0625, width: 2) == "▏ ")
        #expect(Glyphs.unicode.bar(fraction: 0, width: 2) == "  ")
        #expect(Glyphs.ascii.bar(fraction: 0.5, width: 4) == "##  ")
        #expect(Glyphs.unicode.bar(fraction: .nan, width: 2) == "  ")
    }
}

@Suite("Canvas")
struct CanvasTests {
    @Test func newCanvasIsBlank() {
        let canvas = Canvas(width: 4, height: 2)
        #expect(canvas.lines == ["    ", "    "])
        #expect(canvas.role(atX: 3, y: 1) == .background)
        #expect(canvas.role(atX: 4, y: 1) == nil)
    }

    @Test func putWritesTextAndRole() {
        var canvas = Canvas(width: 8, height: 1)
        let used = canvas.put("šūž", x: 1, y: 0, role: .header)
        #expect(used == 3)
        #expect(canvas.lines == [" šūž    "])
        #expect(canvas.role(atX: 0, y: 0) == .background)
        #expect(canvas.role(atX: 1, y: 0) == .header)
        #expect(canvas.role(atX: 3, y: 0) == .header)
        #expect(canvas.role(atX: 4, y: 0) == .background)
    }

    @Test func putNeverWritesOutside() {
        var canvas = Canvas(width: 5, height: 2)
        #expect(canvas.put("abcdefgh", x: 3, y: 0, role: .card) == 2)
        #expect(canvas.put("above", x: 0, y: -1, role: .card) == 0)
        #expect(canvas.put("below", x: 0, y: 2, role: .card) == 0)
        #expect(canvas.put("right", x: 5, y: 1, role: .card) == 0)
        #expect(canvas.put("right", x: 99, y: 1, role: .card) == 0)
        #expect(canvas.lines == ["   ab", "     "])
        #expect(canvas.cells.count == 10)
    }

    @Test func putClipsOnTheLeft() {
        var canvas = Canvas(width: 5, height: 1)
        let used = canvas.put("abcd", x: -2, y: 0, role: .card)
        #expect(canvas.lines == ["cd   "])
        #expect(used == 4) // x + used is where the text ended
    }

    @Test func putStopsAtMaxWidth() {
        var canvas = Canvas(width: 10, height: 1)
        #expect(canvas.put("abcdef", x: 2, y: 0, role: .card, maxWidth: 3) == 3)
        #expect(canvas.put("xyz", x: 0, y: 0, role: .card, maxWidth: 0) == 0)
        #expect(canvas.lines == ["  abc     "])
    }

    @Test func putSkipsControlCharacters() {
        var canvas = Canvas(width: 6, height: 1)
        #expect(canvas.put("a\tb\nc", x: 0, y: 0, role: .card) == 3)
        #expect(canvas.lines == ["abc   "])
    }

    @Test func wideCharactersTakeTwoCells() {
        var canvas = Canvas(width: 6, height: 1)
        #expect(canvas.put("日本", x: 1, y: 0, role: .card) == 4)
        #expect(canvas.lines == [" 日本 "])
        #expect(canvas.cell(atX: 1, y: 0) == Cell("日", role: .card))
        #expect(canvas.cell(atX: 2, y: 0) == Cell("", role: .card))
        #expect(canvas.cell(atX: 2, y: 0)?.isTrailingHalf == true)
    }

    @Test func wideCharacterAtTheLastColumnIsNotWritten() {
        var canvas = Canvas(width: 5, height: 1)
        #expect(canvas.put("ab日", x: 2, y: 0, role: .card) == 2)
        #expect(canvas.lines == ["  ab "])
        #expect(canvas.cell(atX: 4, y: 0) == Cell(" ", role: .background))

        var exact = Canvas(width: 5, height: 1)
        #expect(exact.put("日", x: 3, y: 0, role: .card) == 2)
        #expect(exact.lines == ["   日"])
        #expect(exact.cell(atX: 4, y: 0)?.text == "")

        var tooFar = Canvas(width: 5, height: 1)
        #expect(tooFar.put("日", x: 4, y: 0, role: .card) == 0)
        #expect(tooFar.lines == ["     "])
    }

    @Test func wideCharacterCutByMaxWidthIsNotWritten() {
        var canvas = Canvas(width: 8, height: 1)
        #expect(canvas.put("a日b", x: 0, y: 0, role: .card, maxWidth: 2) == 1)
        #expect(canvas.lines == ["a       "])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("日本", x: 0, y: 0, role: .card)
        canvas.put("x", x: 1, y: 0, role: .header)   // right half of 日
        #expect(canvas.lines == [" x本  "])
        canvas.put("y", x: 2, y: 0, role: .header)   // left half of 本
        #expect(canvas.lines == [" xy   "])
        #expect(canvas.cells.allSatisfy { !$0.text.isEmpty })

        var other = Canvas(width: 6, height: 1)
        other.put("a日", x: 0, y: 0, role: .card)
        other.put("語", x: 0, y: 0, role: .card)      // covers "a" and the left half of 日
        #expect(other.lines == ["語    "])
    }

    @Test func fillIsClippedAndKeepsWideCharactersWhole() {
        var canvas = Canvas(width: 6, height: 3)
        canvas.put("日本語", x: 0, y: 1, role: .card)
        canvas.fill(Rect(x: 3, y: -1, width: 10, height: 3), role: .header, with: ".")
        #expect(canvas.lines == ["   ...", "日 ...", "      "])
        #expect(canvas.role(atX: 5, y: 0) == .header)
        #expect(canvas.role(atX: 2, y: 2) == .background)
        #expect(canvas.cells.count == 18)
    }

    @Test func setRoleKeepsText() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("abcd", x: 0, y: 0, role: .card)
        canvas.setRole(.cardSelected, in: Rect(x: 1, y: 0, width: 2, height: 5))
        #expect(canvas.lines == ["abcd"])
        #expect((0..<4).map { canvas.role(atX: $0, y: 0) } == [.card, .cardSelected, .cardSelected, .card])
    }

    @Test func linesSkipTrailingHalves() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("ķ日", x: 0, y: 0, role: .card)
        #expect(canvas.lines == ["ķ日 "])
        #expect(canvas.lines[0].displayWidth == 4)
    }
}

@Suite("Canvas diff")
struct CanvasDiffTests {
    func canvas(_ rows: [String], width: Int) -> Canvas {
        var canvas = Canvas(width: width, height: rows.count)
        for (y, row) in rows.enumerated() {
            canvas.put(row, x: 0, y: y, role: .card)
        }
        return canvas
    }

    @Test func equalCanvasesHaveNoRuns() {
        let a = canvas(["hello", "world"], width: 5)
        #expect(Canvas.diff(from: a, to: a).isEmpty)
    }

    @Test func noOldCanvasMeansEverything() {
        let a = canvas(["ab", "cd", "ef"], width: 2)
        let runs = Canvas.diff(from: nil, to: a)
        #expect(runs.map(\.row) == [0, 1, 2])
        #expect(runs.allSatisfy { $0.x == 0 && $0.cells.count == 2 })
        #expect(runs.map(\.text) == ["ab", "cd", "ef"])
    }

    @Test func differentSizeMeansEverything() {
        let small = canvas(["ab"], width: 2)
        let large = canvas(["ab", "cd"], width: 2)
        #expect(Canvas.diff(from: small, to: large).count == 2)
        let wider = canvas(["ab "], width: 3)
        #expect(Canvas.diff(from: small, to: wider) == [Canvas.Run(row: 0, x: 0, cells: wider.cells)])
    }

    @Test func findsExactlyTheChangedRuns() {
        let old = canvas(["abcdefgh", "12345678", "ABCDEFGH"], width: 8)
        var new = old
        new.put("XY", x: 2, y: 0, role: .card)         // row 0: cols 2–3
        new.put("Z", x: 7, y: 0, role: .card)          // row 0: col 7
        new.put("2", x: 1, y: 1, role: .cardSelected)  // row 1: same text, new role
        let runs = Canvas.diff(from: old, to: new)
        #expect(runs == [
            Canvas.Run(row: 0, x: 2, cells: [Cell("X", role: .card), Cell("Y", role: .card)]),
            Canvas.Run(row: 0, x: 7, cells: [Cell("Z", role: .card)]),
            Canvas.Run(row: 1, x: 1, cells: [Cell("2", role: .cardSelected)]),
        ])
    }

    @Test func writingTheSameTextChangesNothing() {
        let old = canvas(["abcdef"], width: 6)
        var new = old
        new.put("cd", x: 2, y: 0, role: .card)
        #expect(Canvas.diff(from: old, to: new).isEmpty)
    }

    @Test func aChangedTrailingHalfStartsTheRunAtItsCharacter() {
        var old = Canvas(width: 6, height: 1)
        old.put("日", x: 2, y: 0, role: .card)
        var new = old
        new.setRole(.header, in: Rect(x: 3, y: 0, width: 1, height: 1)) // only the right half's role
        let runs = Canvas.diff(from: old, to: new)
        #expect(runs.count == 1)
        #expect(runs.first?.x == 2)
        #expect(runs.first?.cells.first?.text == "日")
    }

    @Test func movingASelectionChangesTwoRegions() {
        var old = canvas(["card one", "card two"], width: 8)
        old.setRole(.cardSelected, in: Rect(x: 0, y: 0, width: 8, height: 1))
        var new = canvas(["card one", "card two"], width: 8)
        new.setRole(.cardSelected, in: Rect(x: 0, y: 1, width: 8, height: 1))
        let runs = Canvas.diff(from: old, to: new)
        #expect(runs.map(\.row) == [0, 1])
        #expect(runs.allSatisfy { $0.cells.count == 8 })
        #expect(runs[0].cells.allSatisfy { $0.role == .card })
        #expect(runs[1].cells.allSatisfy { $0.role == .cardSelected })
    }

    @Test func applyingTheRunsToTheOldCanvasGivesTheNewOne() {
        var old = Canvas(width: 12, height: 3)
        old.put("Sadarbība 日本", x: 0, y: 0, role: .card)
        old.put("ābols", x: 3, y: 2, role: .header)
        var new = Canvas(width: 12, height: 3)
        new.put("Sadarbībai 本", x: 0, y: 0, role: .card)
        new.put("ābele", x: 3, y: 2, role: .header)
        new.put("x", x: 11, y: 1, role: .error)
        var applied = old
        for run in Canvas.diff(from: old, to: new) {
            for (offset, cell) in run.cells.enumerated() where !cell.text.isEmpty {
                applied.put(cell.text, x: run.x + offset, y: run.row, role: cell.role)
            }
            for (offset, cell) in run.cells.enumerated() where cell.text.isEmpty {
                applied.setRole(cell.role, in: Rect(x: run.x + offset, y: run.row, width: 1, height: 1))
            }
        }
        #expect(applied == new)
    }
}

@Suite("Rect")
struct RectTests {
    let rect = Rect(x: 2, y: 1, width: 20, height: 10)

    @Test func insets() {
        #expect(rect.inset(dx: 1, dy: 2) == Rect(x: 3, y: 3, width: 18, height: 6))
        #expect(rect.inset(top: 1, left: 2, bottom: 3, right: 4) == Rect(x: 4, y: 2, width: 14, height: 6))
        #expect(rect.inset(dx: 50).width == 0)
    }

    @Test func splits() {
        let (top, rest) = rect.splitTop(3)
        #expect(top == Rect(x: 2, y: 1, width: 20, height: 3))
        #expect(rest == Rect(x: 2, y: 4, width: 20, height: 7))
        let (above, bottom) = rect.splitBottom(1)
        #expect(bottom == Rect(x: 2, y: 10, width: 20, height: 1))
        #expect(above.height == 9)
        let (left, right) = rect.splitLeft(25)
        #expect(left == rect)
        #expect(right.isEmpty)
        #expect(rect.splitRight(5).right == Rect(x: 17, y: 1, width: 5, height: 10))
    }

    @Test func columnsShareTheWidth() {
        let columns = rect.columns(3, gap: 1)
        #expect(columns.map(\.width) == [6, 6, 6])
        #expect(columns.map(\.x) == [2, 9, 16])
        #expect(columns.last?.maxX == rect.maxX)
        let uneven = Rect(width: 10, height: 1).columns(3)
        #expect(uneven.map(\.width) == [4, 3, 3])
        #expect(Rect(width: 10, height: 7).rows(2, gap: 1).map(\.height) == [3, 3])
    }

    @Test func intersectionAndCentering() {
        #expect(rect.intersection(Rect(x: 0, y: 0, width: 5, height: 5)) == Rect(x: 2, y: 1, width: 3, height: 4))
        #expect(rect.intersection(Rect(x: 100, y: 0, width: 5, height: 5)).isEmpty)
        #expect(rect.centered(width: 10, height: 4) == Rect(x: 7, y: 4, width: 10, height: 4))
        #expect(Rect(x: 0, y: 0, width: -3, height: 2).width == 0)
    }
}

@Suite("Keys")
struct KeyTests {
    @Test func controlCodes() {
        #expect(Key.fromControlCode(0x01) == .control("a"))
        #expect(Key.fromControlCode(0x12) == .control("r"))
        #expect(Key.fromControlCode(0x09) == .tab)
        #expect(Key.fromControlCode(0x0D) == .enter)
        // With the terminal's newline mapping off, Enter is a carriage return; a line feed is Ctrl-J (a line break in a note).
        #expect(Key.fromControlCode(0x0A) == .control("j"))
        #expect(Key.fromControlCode(0x7F) == .backspace)
        #expect(Key.fromControlCode(0x08) == .backspace)
        #expect(Key.fromControlCode(0x1B) == .escape)
        #expect(Key.fromControlCode(0x41) == nil)
    }

    @Test func displayNames() {
        #expect(Key.control("r").displayName == "Ctrl-R")
        #expect(Key.character("ā").displayName == "ā")
        #expect(Key.character(" ").displayName == "Space")
        #expect(Key.function(1).displayName == "F1")
        #expect(Key.up.asciiName == "Up")
    }
}

/// A terminal cell holds one spacing character and up to four non-spacing
/// ones; ncurses drops the rest. Clusters that do not fit are replaced whole.
@Suite("Grapheme clusters in cells")
struct GraphemeCellTests {
    /// What ncurses' setcchar keeps of a cell's text: at most five scalars, stopping at a second spacing one.
    static func writable(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count <= 5 && scalars.dropFirst().allSatisfy { DisplayWidth.of($0) == 0 }
    }

    @Test("flags, skin tones and ZWJ sequences: same width, never a fragment", arguments: [
        ("🇱🇻", ["L", "V"]),
        ("👍🏽", ["\u{FFFD}", "\u{FFFD}"]),
        ("👨‍👩‍👧", ["\u{FFFD}", "\u{FFFD}"]),
        ("🏳️‍🌈", ["\u{FFFD}", "\u{FFFD}"]),
        ("❤️", ["❤"]),
        ("✈️E", ["✈", "E"]),
        ("é", ["é"]),
        ("1️⃣", ["1\u{20E3}"]),
    ])
    func replaced(_ c: (String, [String])) {
        var canvas = Canvas(width: 10, height: 1)
        let advanced = canvas.put(c.0, x: 0, y: 0, role: .card)
        #expect(advanced == DisplayWidth.of(c.0))
        #expect((0..<c.1.count).map { canvas.cell(atX: $0, y: 0)?.text } == c.1)
    }

    @Test("every cell of random emoji text can be written whole, and widths add up")
    func randomClusters() {
        let pieces = ["🇱🇻", "🇪🇪", "👍", "👍🏽", "👨‍👩‍👧", "❤️", "e\u{301}", "ā", "日", "\u{200D}", "🏽", "x", " ", "👩🏿‍💻", "1️⃣"]
        var seed: UInt64 = 7
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<6 {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            var canvas = Canvas(width: 40, height: 1)
            let advanced = canvas.put(text, x: 0, y: 0, role: .card)
            #expect(advanced == DisplayWidth.of(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            for x in 0..<40 {
                let cell = canvas.cell(atX: x, y: 0)?.text ?? ""
                #expect(Self.writable(cell), "cell \(x) of \(text): \(cell.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }
}
