import Foundation
@testable import SargsBoard
import SargsCore
import SargsPlanFile
import Testing
import TestSupport

/// The screens of the board rendered into a Canvas and compared line by line
/// with what a user should see: the Madona plan, no records, 2025-07-01.
///
/// The expected lines were worked out by hand from the plan and the rules of
/// SPEC §4 and §8, then checked against a render: as of 2025-07-01 the
/// quarterly and ongoing activities have missed 2025-Q1 and 2025-Q2 and are
/// overdue 92 days (from 31 March), the monthly ones 151 days (from 31
/// January), the half-yearly ones 1 day (from 30 June), 5.2 (weekly) 177 days
/// (from 5 January, the end of 2025-W01 clipped to the plan), the once-2025
/// ones are open; 23 of 29 are overdue. At 80 columns three columns of 26 fit
/// (3 cards each), at 120 columns five of 23 and 24 (5 cards each).
@Suite("Board screens: the Madona plan, line by line")
struct BoardScreenTests {
    static let today = Day(year: 2025, month: 7, day: 1)!

    static func state(width: Int, height: Int, language: Language = .lv, glyphs: Glyphs = .unicode,
                      plan edit: (inout Plan) -> Void = { _ in }) throws -> AppState {
        var plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        edit(&plan)
        return AppState(snapshot: Snapshot(plan: plan), today: today, language: language, glyphs: glyphs,
                        width: width, height: height, author: "tests")
    }

    static func frame(_ state: AppState) -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        render(state, into: &canvas)
        return canvas
    }

    /// Compares every line; on a mismatch says which line and shows both.
    static func expectLines(_ canvas: Canvas, _ expected: [String], rows: Range<Int>? = nil,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = rows ?? 0..<canvas.height
        #expect(expected.count == rows.count, "expected \(rows.count) lines, the test gives \(expected.count)",
                sourceLocation: sourceLocation)
        for (row, want) in zip(rows, expected) {
            // The golden lines themselves must fill the width, or the test has a typo.
            #expect(want.displayWidth == canvas.width, "golden line \(row) is \(want.displayWidth) columns wide",
                    sourceLocation: sourceLocation)
            let got = canvas.line(row)
            #expect(got == want, "line \(row):\n got: |\(got)|\nwant: |\(want)|", sourceLocation: sourceLocation)
        }
    }

    /// The text of cells `xs` of row `y`, trailing halves of wide characters skipped.
    static func text(_ canvas: Canvas, y: Int, _ xs: Range<Int>) -> String {
        xs.compactMap { canvas.cell(atX: $0, y: y) }.map(\.text).joined()
    }

    /// The roles of cells `xs` of row `y`, as a set.
    static func roles(_ canvas: Canvas, y: Int, _ xs: Range<Int>) -> Set<Role> {
        Set(xs.compactMap { canvas.role(atX: $0, y: y) })
    }

    // MARK: - The board

    @Test("80×24: three goal columns, level bands, cut titles, badges, signals, key bar")
    func board80x24() throws {
        let state = try Self.state(width: 80, height: 24)
        let canvas = Self.frame(state)
        Self.expectLines(canvas, [
            " sargs │ Madonas novads 2025–2027 │ 2025-07-01 │ grupa: mērķis │ nokavētas: 23  ",
            " PRIMĀRĀ PREVENCIJA                                    SEKUNDĀRĀ PREVENCIJA  4 ▶",
            "1. Bērnu un jauniešu       2. Vecāku un               3. Intervences            ",
            "izglītošana seksuālās… (5) sabiedrības izglītoš… (11) programmu izstrāde un… (4)",
            " 1.1 SG                     2.1 SG                     3.1 SD,IN,BT,VP          ",
            " Materiāla par drošām       Materiāla par pozitīvas    Diskusiju grupas         ",
            " cieņpilnām attiecībām i…   disciplinēšanas pamatpr…   vecākiem par vecāku pie… ",
            " 2025.g.                    2025. g. februāris – ma…   Visu periodu reizi cetu… ",
            " ○ atvērta                  ▲ nokavēta 92 d.           ▲ 2025. g. II cet. +1    ",
            "                                                                                ",
            " 1.2 SG                     2.2 SG                     3.2 SD,IN                ",
            " Materiāla par drošām       Materiāla par pozitīvas    Nodrošināt vecākiem,     ",
            " cieņpilnām attiecībām i…   disciplinēšanas pamatpr…   kuri audzina bērnus līd… ",
            " 2025.g.                    2025.g. aprīlis – maijs    Visu periodu reizi pusg… ",
            " ○ atvērta                  ▲ nokavēta 31 d.           ▲ 2025. g. 1. pusg.      ",
            "                                                                                ",
            " 1.3 IN               0/3   2.3 SD,IN                  3.3 AN              0/50 ",
            " Turpināt nodrošināt        Nodrošināt CAP un BEA      Izglītoti 50 jaunieši    ",
            " Džimbas drošības progra…   vecākiem kuri audzina b…   par vardarbību digitāla… ",
            " 2025.–2027.g.              Visu periodu reizi cetu…   2025. gadā               ",
            " ▲ 2025. g. II cet. +1      ▲ 2025. g. II cet. +1      ○ atvērta                ",
            "                     +2 ↓                       +8 ↓                       +1 ↓ ",
            " 1.1 • Primārā prevencija • Sadarbības grupa                                    ",
            " Enter atvērt  r izpilde  s statuss  n piezīme  w atbrīvot  ? palīdzība  q iziet",
        ])

        // The column titles take two rows (the row under the cards would be left blank). The selected card (1.1, top left) is painted as selected, every cell of it.
        for y in 4..<9 {
            #expect(Self.roles(canvas, y: y, 0..<26) == [.cardSelected], "row \(y) of the selected card")
        }
        // The card below it is not.
        #expect(!Self.roles(canvas, y: 10, 0..<26).contains(.cardSelected))
        #expect(Self.roles(canvas, y: 14, 1..<10) == [.badgeOpen])
        // 1.3's overdue badge: a glyph and what it owes (the latest missed quarter, and one more
        // before it), in the overdue role, not colour alone (issue 27).
        #expect(Self.text(canvas, y: 20, 1..<22) == "▲ 2025. g. II cet. +1")
        #expect(Self.roles(canvas, y: 20, 1..<17) == [.badgeOverdue])
        #expect(canvas.cell(atX: 1, y: 20) == Cell("▲", role: .badgeOverdue))
        // 2.2 is overdue from the end of its May window: 31 days.
        #expect(Self.text(canvas, y: 14, 28..<44) == "▲ nokavēta 31 d.")
        #expect(Self.roles(canvas, y: 14, 28..<44) == [.badgeOverdue])
        // Level bands: goals 1 and 2 are primary (the band runs across the gap), goal 3 secondary.
        #expect(Self.roles(canvas, y: 1, 0..<54) == [.bandPrimary])
        #expect(Self.roles(canvas, y: 1, 54..<76) == [.bandSecondary])
        #expect(Self.text(canvas, y: 1, 77..<80) == "4 ▶")
        // Progress: 3.3 is behind pace (0 of 50, ⌊50 × 182 / 365⌋ = 24 expected), 1.3 is not (⌊3 × 182 / 1095⌋ = 0).
        #expect(Self.text(canvas, y: 16, 75..<79) == "0/50")
        #expect(Self.roles(canvas, y: 16, 75..<79) == [.badgeOverdue])
        #expect(Self.text(canvas, y: 16, 22..<25) == "0/3")
        #expect(Self.roles(canvas, y: 16, 22..<25) == [.progress])
        // Hidden cards below: 1.4 and 1.5.
        #expect(Self.text(canvas, y: 21, 21..<25) == "+2 ↓")
        #expect(Self.roles(canvas, y: 21, 21..<25) == [.emphasis])
        // Chrome.
        #expect(Self.roles(canvas, y: 0, 0..<80) == [.header])
        #expect(Self.roles(canvas, y: 23, 1..<6) == [.helpKey])
        #expect(canvas.role(atX: 7, y: 23) == .statusBar)
    }

    @Test("120×40: five goal columns of five cards, +6 ↓ under goal 2, 2 ▶ for goals 6 and 7")
    func board120x40() throws {
        let state = try Self.state(width: 120, height: 40)
        let canvas = Self.frame(state)
        Self.expectLines(canvas, [
            " sargs │ Madonas novads 2025–2027 │ 2025-07-01 │ grupa: mērķis │ nokavētas: 23                                          ",
            " PRIMĀRĀ PREVENCIJA                              SEKUNDĀRĀ PREVENCIJA                                                2 ▶",
            "1. Bērnu un             2. Vecāku un            3. Intervences          4. Intervences          5. Situācijas           ",
            "jauniešu izglītoša… (5) sabiedrības izglī… (11) programmu izstrāde… (4) pakalpojumu pieeja… (3) prevencijas nodroši… (2)",
            " 1.1 SG                  2.1 SG                  3.1 SD,IN,BT,VP         4.1 SD,AN               5.1 VP,PP              ",
            " Materiāla par drošām    Materiāla par           Diskusiju grupas        Iesaistīt jauniešus     Apzināt jaunas vietas, ",
            " cieņpilnām attiecībā…   pozitīvas disciplinē…   vecākiem par vecāku     (15-29 gadus vecus)     kur pulcējas jaunieši  ",
            " 2025.g.                 2025. g. februāris –…   pienākumiem un          programmā PROTI un      Reizi mēnesī           ",
            " ○ atvērta               ▲ nokavēta 92 d.        noteikumiem             DARI                    ▲ 2025. g. jūnijs +5   ",
            "                                                 jauniešiem              Visu periodu                                   ",
            " 1.2 SG                  2.2 SG                  Visu periodu reizi      ▲ 2025. g. II cet. +1   5.2 VP,PP              ",
            " Materiāla par drošām    Materiāla par           ceturksnī                                       Nodrošināt regulārus   ",
            " cieņpilnām attiecībā…   pozitīvas disciplinē…   ▲ 2025. g. II cet. +1   4.2 SD                  reidus bērnu un        ",
            " 2025.g.                 2025.g. aprīlis – ma…                           Pakalpojuma “Ģimenes    jauniešu pulcēšanās    ",
            " ○ atvērta               ▲ nokavēta 31 d.        3.2 SD,IN               asistents” sniegšana    vietās                 ",
            "                                                 Nodrošināt vecākiem,    ģimenēm no riska        Reizi nedēļā           ",
            " 1.3 IN            0/3   2.3 SD,IN               kuri audzina bērnus     grupām                  ▲ 26. ned. +25         ",
            " Turpināt nodrošināt     Nodrošināt CAP un BEA   līdz 3 g.v.             Visu periodu pēc                               ",
            " Džimbas drošības pro…   vecākiem kuri audzin…   Sargeņģeļa programmu    nepieciešamības                                ",
            " 2025.–2027.g.           Visu periodu reizi c…   Visu periodu reizi      ◆ pēc vajadzības                               ",
            " ▲ 2025. g. II cet. +1   ▲ 2025. g. II cet. +1   pusgadā                                                                ",
            "                                                 ▲ 2025. g. 1. pusg.     4.3 IN,BT                                      ",
            " 1.4 IN           0/10   2.4 IN           0/30                           Izglītojoši pasākumi                           ",
            " Nodrošināt Džimbas      Apmācīti 30 skolu       3.3 AN           0/50   bērniem un jauniešiem                          ",
            " drošības programmu 1…   pedagogi un speciāli…   Izglītoti 50 jaunieši   ar GRT par drošām un                           ",
            " 2025.–2027.g.           Regulāri visa period…   par vardarbību          cieņpilnām attiecībām                          ",
            " ▲ 2025. g. II cet. +1   ▲ 2025. g. II cet. +1   digitālajā vidē         Visu periodu reizi                             ",
            "                                                 2025. gadā              sešos mēnešos                                  ",
            " 1.5 IN,JC               2.5 AN           0/19   ○ atvērta               ▲ 2025. g. 1. pusg.                            ",
            " Nodrošināt apmācības    Apmācīti 19                                                                                    ",
            " jauniešiem (kā izvai…   darbinieki darbā ar …   3.4 IN                                                                 ",
            " Visu periodu reizi p…   Regulāri visa period…   Ieviest un nodrošināt                                                  ",
            " ▲ 2025. g. 1. pusg.     ▲ 2025. g. II cet. +1   skolās un PII                                                          ",
            "                                          +6 ↓   “Veselības mācību”                                                     ",
            "                                                 Visu periodu reizi                                                     ",
            "                                                 mēnesī                                                                 ",
            "                                                 ▲ 2025. g. jūnijs +5                                                   ",
            "                                                                                                                        ",
            " 1.1 • 1. Bērnu un jauniešu izglītošana seksuālās izmantošanas mazināšanai • Primārā prevencija • Sadarbības grupa      ",
            " Enter atvērt  r izpilde  s statuss  n piezīme  w atbrīvot  u atsaukt  / meklēt  f filtrs  ? palīdzība  q iziet         ",
        ])
        for y in 4..<9 {
            #expect(Self.roles(canvas, y: y, 0..<23) == [.cardSelected], "row \(y) of the selected card")
        }
        // 5.2: weekly, overdue from the end of 2025-W01 (5 January): 177 days.
        #expect(Self.text(canvas, y: 16, 97..<111) == "▲ 26. ned. +25", "a narrow card names the week without its year, and the count whole")
        #expect(Self.roles(canvas, y: 16, 97..<111) == [.badgeOverdue])
        // 4.2 is as-needed: never overdue, its own glyph and word.
        #expect(Self.text(canvas, y: 19, 73..<89) == "◆ pēc vajadzības")
        #expect(Self.roles(canvas, y: 19, 73..<89) == [.badgeAsNeeded])
        #expect(Self.roles(canvas, y: 1, 48..<117) == [.bandSecondary])
    }

    @Test("English interface: bands, badges, status line and key bar in English")
    func board80x24English() throws {
        let state = try Self.state(width: 80, height: 24, language: .en)
        let canvas = Self.frame(state)
        Self.expectLines(canvas, [
            " sargs │ Madonas novads 2025–2027 │ 2025-07-01 │ group: goal │ overdue: 23      ",
            " PRIMARY PREVENTION                                    SECONDARY PREVENTION  4 ▶",
            "1. Educating children      2. Educating parents       3. Developing and         ",
            "and young people to r… (5) and the public to re… (11) providing interventio… (4)",
            " 1.1 SG                     2.1 SG                     3.1 SD,IN,BT,VP          ",
            " Developing material on     Developing material on     Discussion groups for    ",
            " safe, respectful relati…   the basic principles of…   parents on parents' dut… ",
            " 2025.g.                    2025. g. februāris – ma…   Visu periodu reizi cetu… ",
            " ○ open                     ▲ overdue 92 d             ▲ Q2 2025 +1             ",
            "                                                                                ",
            " 1.2 SG                     2.2 SG                     3.2 SD,IN                ",
            " Distributing material on   Distributing material on   Provide the Guardian     ",
            " safe, respectful relati…   the basic principles of…   Angel (Sargeņģelis) pro… ",
            " 2025.g.                    2025.g. aprīlis – maijs    Visu periodu reizi pusg… ",
            " ○ open                     ▲ overdue 31 d             ▲ H1 2025 not recorded   ",
            "                                                                                ",
            " 1.3 IN               0/3   2.3 SD,IN                  3.3 AN              0/50 ",
            " Continue the Jimba         Provide CAP and BEA for    50 young people educated ",
            " safety programme in 3 p…   parents raising childre…   about violence in the d… ",
            " 2025.–2027.g.              Visu periodu reizi cetu…   2025. gadā               ",
            " ▲ Q2 2025 +1               ▲ Q2 2025 +1               ○ open                   ",
            "                     +2 ↓                       +8 ↓                       +1 ↓ ",
            " 1.1 • Primary prevention • Cooperation group                                   ",
            " Enter open  r record  s status  n note  w waive  u undo  ? help  q quit        ",
        ])
        #expect(Self.roles(canvas, y: 20, 1..<13) == [.badgeOverdue])
    }

    @Test("ASCII glyphs: ! for overdue, ~ for a cut, > and v for hidden columns and cards")
    func board80x24ASCII() throws {
        let state = try Self.state(width: 80, height: 24, glyphs: .ascii)
        let canvas = Self.frame(state)
        // Row 0 is left to asciiLeavesNoUnicodePunctuation (its "2025–2027").
        Self.expectLines(canvas, [
            " PRIMĀRĀ PREVENCIJA                                    SEKUNDĀRĀ PREVENCIJA  4 >",
            "1. Bērnu un jauniešu       2. Vecāku un               3. Intervences            ",
            "izglītošana seksuālās~ (5) sabiedrības izglītoš~ (11) programmu izstrāde un~ (4)",
            " 1.1 SG                     2.1 SG                     3.1 SD,IN,BT,VP          ",
            " Materiāla par drošām       Materiāla par pozitīvas    Diskusiju grupas         ",
            " cieņpilnām attiecībām i~   disciplinēšanas pamatpr~   vecākiem par vecāku pie~ ",
            " 2025.g.                    2025. g. februāris – ma~   Visu periodu reizi cetu~ ",
            " o atvērta                  ! nokavēta 92 d.           ! 2025. g. II cet. +1    ",
            "                                                                                ",
            " 1.2 SG                     2.2 SG                     3.2 SD,IN                ",
            " Materiāla par drošām       Materiāla par pozitīvas    Nodrošināt vecākiem,     ",
            " cieņpilnām attiecībām i~   disciplinēšanas pamatpr~   kuri audzina bērnus līd~ ",
            " 2025.g.                    2025.g. aprīlis – maijs    Visu periodu reizi pusg~ ",
            " o atvērta                  ! nokavēta 31 d.           ! 2025. g. 1. pusg.      ",
            "                                                                                ",
            " 1.3 IN               0/3   2.3 SD,IN                  3.3 AN              0/50 ",
            " Turpināt nodrošināt        Nodrošināt CAP un BEA      Izglītoti 50 jaunieši    ",
            " Džimbas drošības progra~   vecākiem kuri audzina b~   par vardarbību digitāla~ ",
            " 2025.–2027.g.              Visu periodu reizi cetu~   2025. gadā               ",
            " ! 2025. g. II cet. +1      ! 2025. g. II cet. +1      o atvērta                ",
            "                     +2 v                       +8 v                       +1 v ",
            " 1.1 * Primārā prevencija * Sadarbības grupa                                    ",
            " Enter atvērt  r izpilde  s statuss  n piezīme  w atbrīvot  ? palīdzība  q iziet",
        ], rows: 1..<24)
        #expect(canvas.cell(atX: 1, y: 20) == Cell("!", role: .badgeOverdue))
        #expect(Self.roles(canvas, y: 20, 1..<17) == [.badgeOverdue])
        #expect(!canvas.lines.joined().contains("▲"))
        #expect(!canvas.lines.joined().contains("…"))
        // Latvian letters are the plan's and stay.
        #expect(canvas.line(5).contains("Materiāla par drošām"))
    }

    @Test("Scrolled to 5.2: ◀ 2 and 2 ▶ name the hidden columns, and the band still names its level")
    func boardScrolledSideways() throws {
        var state = try Self.state(width: 80, height: 24)
        state.select("5.2")
        state.followSelection()
        #expect(state.visibleColumns == 2..<5)
        let canvas = Self.frame(state)
        Self.expectLines(canvas, [
            "3. Intervences             4. Intervences             5. Situācijas             ",
            "programmu izstrāde un… (4) pakalpojumu pieejamīb… (3) prevencijas nodrošinā… (2)",
            " 3.1 SD,IN,BT,VP            4.1 SD,AN                  5.1 VP,PP                ",
            " Diskusiju grupas           Iesaistīt jauniešus        Apzināt jaunas vietas,   ",
            " vecākiem par vecāku pie…   (15-29 gadus vecus) pro…   kur pulcējas jaunieši    ",
            " Visu periodu reizi cetu…   Visu periodu               Reizi mēnesī             ",
            " ▲ 2025. g. II cet. +1      ▲ 2025. g. II cet. +1      ▲ 2025. g. jūnijs +5     ",
            "                                                                                ",
            " 3.2 SD,IN                  4.2 SD                     5.2 VP,PP                ",
            " Nodrošināt vecākiem,       Pakalpojuma “Ģimenes       Nodrošināt regulārus     ",
            " kuri audzina bērnus līd…   asistents” sniegšana ģi…   reidus bērnu un jauniešu ",
            " Visu periodu reizi pusg…   Visu periodu pēc nepiec…   pulcēšanās vietās        ",
            " ▲ 2025. g. 1. pusg.        ◆ pēc vajadzības           Reizi nedēļā             ",
            "                                                       ▲ 2025. g. 26. ned. +25  ",
            " 3.3 AN              0/50   4.3 IN,BT                                           ",
            " Izglītoti 50 jaunieši      Izglītojoši pasākumi                                ",
            " par vardarbību digitāla…   bērniem un jauniešiem a…                            ",
            " 2025. gadā                 Visu periodu reizi sešo…                            ",
            " ○ atvērta                  ▲ 2025. g. 1. pusg.                                 ",
            "                     +1 ↓                                                       ",
            " 5.2 • Sekundārā prevencija • Valsts policija, Pašvaldības policija             ",
            " Enter atvērt  r izpilde  s statuss  n piezīme  w atbrīvot  ? palīdzība  q iziet",
        ], rows: 2..<24)
        let band = canvas.line(1)
        #expect(band.hasPrefix("◀ 2"))
        #expect(band.hasSuffix("2 ▶"))
        // The band over goal 3 must still say which level it is: the "◀ 2" signal
        // may not be written over it ("◀ 2KUNDĀRĀ PREVENCIJA").
        #expect(band.contains("SEKUNDĀRĀ PREVENCIJA"), "band row: |\(band)|")
        // 5.2 is selected (column 5, second card): its cells are selected.
        #expect(Self.roles(canvas, y: 10, 54..<80) == [.cardSelected])
    }

    @Test("A title with wide characters is cut by display width, with …, never half a character")
    func wideTitleCutByDisplayWidth() throws {
        // 1.1 retitled: CJK words (2 columns a character) between Latvian ones.
        let state = try Self.state(width: 80, height: 24) { plan in
            plan.activities[0].title = "Drošība 安全な 関係に par 資料作成と配布の計画書です"
        }
        let canvas = Self.frame(state)
        // Inner width 24: "Drošība 安全な 関係に" is 21 columns; line 2 is cut at 22
        // columns ("計" ends at 22, "画" would end at 24 and leave no room for "…").
        #expect(Self.text(canvas, y: 5, 0..<26) == " Drošība 安全な 関係に    ")
        #expect(Self.text(canvas, y: 6, 0..<26) == " par 資料作成と配布の計…  ")
        #expect("par 資料作成と配布の計…".displayWidth == 23)
        // Each wide character takes its cell and a trailing half.
        #expect(canvas.cell(atX: 5, y: 6)?.text == "資")
        #expect(canvas.cell(atX: 6, y: 6)?.isTrailingHalf == true)
        #expect(canvas.cell(atX: 23, y: 6)?.text == "…")
        // The rest of the board is untouched.
        #expect(canvas.line(11) == " Materiāla par drošām       Materiāla par pozitīvas    Nodrošināt vecākiem,     ")
    }

    @Test("A title of one long word with no spaces (CJK) is cut with …, not silently")
    func wideTitleWithoutSpacesIsNotCutSilently() throws {
        let title = "安全な関係についての資料作成と配布"  // 17 characters, 34 columns, no spaces
        let state = try Self.state(width: 80, height: 24) { plan in plan.activities[0].title = title }
        let canvas = Self.frame(state)
        let line1 = Self.text(canvas, y: 5, 1..<25).trimmingTrailingSpaces
        let line2 = Self.text(canvas, y: 6, 1..<25).trimmingTrailingSpaces
        // 24 columns a line, two lines: either the whole title shows over the two
        // lines, or what shows ends with "…". Today line 1 shows the first 12
        // characters, line 2 is empty and the last 5 characters are dropped unsignalled.
        #expect(line1 + line2 == title || (line1 + line2).hasSuffix("…"), "title rows: |\(line1)| |\(line2)|")
    }

    // MARK: - Other screens

    @Test("A stored target too large for the card never covers the id and owners; hostile titles show no control",
          arguments: [(80, 24), (120, 40), (200, 60)])
    func storedValuesOnCards(_ size: (Int, Int)) throws {
        let state = try Self.state(width: size.0, height: size.1) { plan in
            let i = plan.activities.firstIndex { $0.id == "1.3" }!
            plan.activities[i].target = Target(count: 9_000_000_000_000_000_000, unit: "x")
            let j = plan.activities.firstIndex { $0.id == "1.1" }!
            plan.activities[j].title = "Tēma \u{1B}]0;owned\u{07} \u{202E}abc \u{85}x 🇱🇻 👍🏽"
        }
        var lines = Self.frame(state).lines
        let row = try #require(lines.first { $0.contains(" 1.3 ") })
        defer { _ = lines }
        #expect(row.contains("1.3 IN"), "\(row)")
        #expect(!lines.joined().unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E })
        #expect(lines.joined().contains("LV"))
        // An indicator stored far beyond any count draws; it does not crash the screen.
        var huge = try Self.state(width: size.0, height: size.1) { plan in
            for i in plan.indicators.indices {
                for j in plan.indicators[i].values.indices { plan.indicators[i].values[j].value = j % 2 == 0 ? 1e308 : -1e300 }
            }
        }
        _ = reduce(&huge, .key(huge.keyMap.key(.indicators)))
        lines = Self.frame(huge).lines
        #expect(lines.joined().contains("1e+308"))
    }

    @Test("The activity screen wraps a long title at words, first line included, and loses no word",
          arguments: [(80, 24), (120, 40), (200, 60)])
    func activityTitleWraps(_ size: (Int, Int)) throws {
        // In English the plan's own title follows the English one, wrapped too, never cut.
        var english = try Self.state(width: size.0, height: size.1, language: .en)
        english.select("1.5")
        _ = reduce(&english, .command(.open))
        let original = try #require(english.plan.activity("1.5")).title
        let shown = Self.frame(english).lines.map { $0.trimmingCharacters(in: .whitespaces) }.prefix { !$0.hasPrefix("State") }
        #expect(!shown.joined().contains("…"), "\(shown)")
        #expect(shown.joined(separator: " ").contains(original), "\(shown)")
        var state = try Self.state(width: size.0, height: size.1)
        state.select("2.4")
        _ = reduce(&state, .command(.open))
        let title = try #require(state.plan.activity("2.4")).title
        let canvas = Self.frame(state)
        var rows: [String] = []
        for y in 1..<8 {
            let line = canvas.line(y).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { break }
            rows.append(line.hasPrefix("2.4") ? String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces) : line)
        }
        #expect(!rows.joined().contains("…"), "\(rows)")
        #expect(rows.joined(separator: " ") == title, "\(rows)")
    }

    @Test("The activity screen of 5.2 at 80×24: state, fields, the window strip, counts, scroll signal")
    func activityScreen80x24() throws {
        var state = try Self.state(width: 80, height: 24)
        state.select("5.2")
        _ = reduce(&state, .command(.open))
        #expect(state.screen == .activity && state.activity.id == "5.2")
        let canvas = Self.frame(state)
        Self.expectLines(canvas, [
            " sargs │ Madonas novads 2025–2027 │ 2025-07-01 │ aktivitāte                     ",
            " 5.2  Nodrošināt regulārus reidus bērnu un jauniešu pulcēšanās vietās           ",
            "                                                                                ",
            " Stāvoklis     ▲ 2025. g. 26. ned. bez izpildes +25                             ",
            " Statuss       plānota                                                          ",
            " Mērķis        5. Situācijas prevencijas nodrošināšana augsta riska vietās      ",
            " Līmenis       Sekundārā prevencija                                             ",
            " Atbildīgie    VP Valsts policija, PP Pašvaldības policija                      ",
            " Finansējums   PB, VB                                                           ",
            " Periods       Reizi nedēļā                                                     ",
            " Grafiks       katru nedēļu                                                     ",
            "                                                                                ",
            " Logi                                                                           ",
            " ✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗○··················································· ",
            " ·············································································· ",
            " ·                                                                              ",
            " 2025-W01 … 2027-W52                                                            ",
            " ✗ nokavēts 26   ○ atvērts 1   · gaidāms 130                                    ",
            " Nokavēti: … 2025-W21, 2025-W22, 2025-W23, 2025-W24, 2025-W25, 2025-W26         ",
            "                                                                                ",
            " Izpildes (0)                                                                   ",
            " Vēl nav nevienas.                                                        +12 ↓ ",
            "                                                                                ",
            " Esc atpakaļ  r izpilde  s statuss  n piezīme  w atbrīvot  ? palīdzība  q iziet ",
        ])
        #expect(Self.roles(canvas, y: 3, 15..<32) == [.badgeOverdue])
        // The strip: 26 missed weeks (W01–W26), the open W27, then 130 future weeks of 157.
        #expect(Self.roles(canvas, y: 13, 1..<27) == [.windowMissed])
        #expect(canvas.cell(atX: 27, y: 13) == Cell("○", role: .windowOpen))
        #expect(Self.roles(canvas, y: 13, 28..<79) == [.windowFuture])
        #expect(Self.roles(canvas, y: 14, 1..<79) == [.windowFuture])
    }

    @Test("The activity screen of 5.2 at 120×40 shows every section")
    func activityScreen120x40() throws {
        var state = try Self.state(width: 120, height: 40)
        state.select("5.2")
        _ = reduce(&state, .command(.open))
        let canvas = Self.frame(state)
        Self.expectLines(canvas, [
            " sargs │ Madonas novads 2025–2027 │ 2025-07-01 │ aktivitāte                                                             ",
            " 5.2  Nodrošināt regulārus reidus bērnu un jauniešu pulcēšanās vietās                                                   ",
            "                                                                                                                        ",
            " Stāvoklis     ▲ 2025. g. 26. ned. bez izpildes +25                                                                     ",
            " Statuss       plānota                                                                                                  ",
            " Mērķis        5. Situācijas prevencijas nodrošināšana augsta riska vietās                                              ",
            " Līmenis       Sekundārā prevencija                                                                                     ",
            " Atbildīgie    VP Valsts policija, PP Pašvaldības policija                                                              ",
            " Finansējums   PB, VB                                                                                                   ",
            " Periods       Reizi nedēļā                                                                                             ",
            " Grafiks       katru nedēļu                                                                                             ",
            "                                                                                                                        ",
            " Logi                                                                                                                   ",
            " ✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗✗○··························································································· ",
            " ·······································                                                                                ",
            " 2025-W01 … 2027-W52                                                                                                    ",
            " ✗ nokavēts 26   ○ atvērts 1   · gaidāms 130                                                                            ",
            " Nokavēti: … 2025-W17, 2025-W18, 2025-W19, 2025-W20, 2025-W21, 2025-W22, 2025-W23, 2025-W24, 2025-W25, 2025-W26         ",
            "                                                                                                                        ",
            " Izpildes (0)                                                                                                           ",
            " Vēl nav nevienas.                                                                                                      ",
            "                                                                                                                        ",
            " Piezīmes (0)                                                                                                           ",
            " Nav piezīmju.                                                                                                          ",
            "                                                                                                                        ",
            " Lēmumi (0)                                                                                                             ",
            " Par šo aktivitāti lēmumu nav.                                                                                          ",
            "                                                                                                                        ",
            " Sēdēs (0)                                                                                                              ",
            " Nav bijusi nevienā darba kārtībā.                                                                                      ",
            "                                                                                                                        ",
            " Žurnāls                                                                                                                ",
            " Nav ierakstu.                                                                                                          ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
            "                                                                                                                        ",
        ], rows: 0..<39)
    }

    @Test("The activity screen asks the store for the records, lists them newest first, and ignores another's")
    func activityScreenRecords() throws {
        let plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        let records = [
            Record(id: 1, activity: "5.2", date: Day(year: 2025, month: 6, day: 2)!, count: 2, note: "Parks", author: "pp"),
            Record(id: 3, activity: "5.2", date: Day(year: 2025, month: 6, day: 20)!, author: "vp"),
            Record(id: 2, activity: "5.2", date: Day(year: 2025, month: 6, day: 9)!, note: "Stacija", author: "pp"),
        ]
        var state = AppState(snapshot: Snapshot(plan: plan, records: records + [Record(id: 4, activity: "2.1", date: Self.today)]),
                             today: Self.today, width: 80, height: 40, author: "tests")
        state.select("5.2")
        #expect(reduce(&state, .command(.open)) == [.loadJournal(subject: "5.2"), .loadRecords("5.2")])
        func section(_ canvas: Canvas) -> [String] {
            let lines = (0..<canvas.height).map { canvas.line($0).trimmingCharacters(in: .whitespaces) }
            guard let start = lines.firstIndex(where: { $0.hasPrefix("Izpildes") }) else { return [] }
            return Array(lines[start...].prefix { !$0.isEmpty })
        }
        _ = reduce(&state, .recordsLoaded("2.1", [Record(id: 4, activity: "2.1", date: Self.today, note: "cits", author: "x")]))
        #expect(section(Self.frame(state)) == ["Izpildes (3)"])
        let inOrder = records.sorted { $0.date < $1.date }
        _ = reduce(&state, .recordsLoaded("5.2", inOrder))
        #expect(section(Self.frame(state)) == [
            "Izpildes (3)",
            "2025-06-20  vp",
            "2025-06-09  Stacija  pp",
            "2025-06-02  +2  Parks  pp",
        ])
    }

    @Test("The activity screen in ASCII and the header leave no Unicode punctuation of their own")
    func asciiLeavesNoUnicodePunctuation() throws {
        var state = try Self.state(width: 80, height: 24, glyphs: .ascii)
        state.select("5.2")
        _ = reduce(&state, .command(.open))
        let canvas = Self.frame(state)
        // Nothing in 5.2's plan text has "…" or "–": both come from the screen code.
        for (row, line) in canvas.lines.enumerated() {
            #expect(!line.contains("…"), "line \(row): |\(line)|")
            #expect(!line.contains("–"), "line \(row): |\(line)|")
        }
    }

    @Test("Help is made from the key-binding table: every binding's keys and help text appear", arguments: Language.allCases)
    func helpScreenFromKeyMap(_ language: Language) throws {
        var state = try Self.state(width: 120, height: 24, language: language)
        _ = reduce(&state, .key(state.keyMap.key(.help)))
        #expect(state.screen == .help)
        // Scroll through the whole screen, collecting what shows.
        var seen: [String] = []
        for _ in 0..<200 {
            let canvas = Self.frame(state)
            seen += (1..<(canvas.height - 2)).map(canvas.line)
            if !canvas.line(canvas.height - 3).contains("↓") { break }
            _ = reduce(&state, .command(.pageDown))
        }
        let text = seen.joined(separator: "\n")
        for binding in KeyMap.standard.bindings {
            let help = binding.help.text(language)
            let keys = binding.keys.map(\.displayName).joined(separator: " / ")
            #expect(seen.contains { $0.contains(keys) && $0.contains(help) }, "\(binding.command): '\(keys)' '\(help)' not on one line")
        }
        #expect(text.contains(language == .lv ? "nekādu vārdu un personas kodu" : "no names, no personal codes"))
    }

    @Test("Help at 80×24: the first lines of the key table")
    func helpScreen80x24() throws {
        var state = try Self.state(width: 80, height: 24)
        _ = reduce(&state, .key(state.keyMap.key(.help)))
        let canvas = Self.frame(state)
        Self.expectLines(canvas, [
            " sargs │ Madonas novads 2025–2027 │ 2025-07-01 │ palīdzība                      ",
            " Visur                                                                          ",
            "   ↑ / k         uz augšu                                                       ",
            "   ↓ / j         uz leju                                                        ",
            "   ← / h         pa kreisi (iepriekšējā kolonna; sēdes vadīšanā iepriekšējais   ",
            "                 jautājums)                                                     ",
            "   → / l         pa labi (nākamā kolonna; sēdes vadīšanā nākamais jautājums)    ",
            "   PgUp          lapu uz augšu                                                  ",
            "   PgDn          lapu uz leju                                                   ",
            "   Home          uz sākumu                                                      ",
            "   End           uz beigām                                                      ",
            "   u             atsaukt savu pēdējo izmaiņu                                    ",
            "   A             sēdes darba kārtība                                            ",
            "   M             sēdes                                                          ",
            "   J             izmaiņu žurnāls                                                ",
        ], rows: 0..<15)
        // Grouped by where keys work: the board's own keys under their heading.
        let all = HelpFeature.lines(state, width: state.width - 2).map { $0.map(\.0).joined() }
        let board = try #require(all.firstIndex(of: "Tāfelē"))
        let agenda = try #require(all.firstIndex(of: "Darba kārtībā"))
        #expect(board < agenda)
        #expect(all[(board + 1)..<agenda].contains { $0.contains("notīrīt visus filtrus") })
        #expect(all[agenda...].contains { $0.contains("izņemt jautājumu") })
        #expect(all.contains("Formās (ievadītais paliek, līdz to saglabā vai atceļ)"))
        // "  ↑ / k" padded to 16 columns from x 1, then the help text.
        #expect(Self.roles(canvas, y: 2, 1..<17) == [.helpKey])
        #expect(Self.roles(canvas, y: 2, 17..<25) == [.help])
    }

    @Test("The record form over the board: today by default, the hint under the focused field")
    func recordFormOverlay() throws {
        var state = try Self.state(width: 80, height: 24)
        state.select("5.2")
        _ = reduce(&state, .key(state.keyMap.key(.record)))
        #expect(state.form != nil)
        let canvas = Self.frame(state)
        // The box: 72 × 10, centred (x 4…75, y 7…16), framed in every theme.
        Self.expectLines(canvas, [
            " Vis┌─ Izpilde: 5.2 ───────────────────────────────────────────────────────┐    ",
            " ▲ 2│                                                                      │    ",
            "    │ Datums   2025-07-01                                                  │    ",
            " 3.2│          GGGG-MM-DD                                                  │    ",
            " Nod│ Skaits                                                               │    ",
            " kur│                                                                      │ešu ",
            " Vis│ Piezīme                                                              │    ",
            " ▲ 2│                                                                      │    ",
            "    │                                                                      │25  ",
            " 3.3└──────────────────────────────────────────────────────────────────────┘    ",
        ], rows: 7..<17)
        #expect(Self.roles(canvas, y: 12, 4..<5) == [.border])
        #expect(canvas.line(23) == " Enter saglabāt  Tab nākamais lauks  Esc atcelt                                 ")
        #expect(Self.roles(canvas, y: 7, 7..<19) == [.header])
        #expect(Self.roles(canvas, y: 9, 15..<25) == [.input])
        // The cursor sits after the date.
        #expect(canvas.cell(atX: 25, y: 9) == Cell(" ", role: .cardSelected))
    }

    @Test("A refused record keeps the form and what was typed, and says why with a glyph and words")
    func refusedRecordInTheForm() throws {
        var state = try Self.state(width: 80, height: 24)
        state.select("5.2")
        _ = reduce(&state, .key(state.keyMap.key(.record)))
        _ = reduce(&state, .key(.tab))
        _ = reduce(&state, .key(.character("0")))
        let effects = reduce(&state, .key(.enter))
        #expect(effects.isEmpty)
        let canvas = Self.frame(state)
        // With the error the box is 12 rows: y 6…17; the error on row 16.
        #expect(canvas.line(8) == " ▲ 2│ Datums   2025-07-01                                                  │    ")
        #expect(Self.text(canvas, y: 10, 6..<20) == "Skaits   0    ")
        #expect(Self.text(canvas, y: 16, 6..<71) == "▲ skaitam jābūt veselam skaitlim no 1 līdz 1 000 000 000, nevis 0")
        #expect(Self.roles(canvas, y: 16, 6..<45) == [.error])
    }

    @Test("A long refusal (an edit conflict with both values) is wrapped in the form, never cut",
          arguments: [(80, 24), (120, 40), (200, 60)])
    func longRefusalWraps(_ size: (Int, Int)) throws {
        var state = try Self.state(width: size.0, height: size.1)
        state.select("5.2")
        _ = reduce(&state, .key(state.keyMap.key(.record)))
        let yours = String(repeating: "jūsu garais nosaukums ", count: 3) + "BEIGAS-JŪSU"
        let theirs = String(repeating: "viņu garais nosaukums ", count: 3) + "BEIGAS-VIŅU"
        _ = reduce(&state, .refused(Phrase(lv: "kāds cits jau mainīja lauku 'title': jūsu vērtība “\(yours)”, viņu “\(theirs)”; nekas netika saglabāts",
                                          en: "conflict")))
        let text = Self.frame(state).lines.joined(separator: "\n")
        #expect(text.contains("BEIGAS-JŪSU") && text.contains("BEIGAS-VIŅU") && text.contains("saglabāts"), "\(text)")
    }

    @Test("Below 40×12 the board says so plainly", arguments: [Language.lv, .en])
    func tooSmall(_ language: Language) throws {
        let state = try Self.state(width: 39, height: 11, language: language)
        let canvas = Self.frame(state)
        let expected = language == .lv
            ? ["Logs ir par mazu:", "39×11;", "vajag vismaz 40×12."]
            : ["The window is too small:", "39×11;", "sargs needs 40×12."]
        Self.expectLines(canvas, expected.map { $0 + String(repeating: " ", count: 39 - $0.displayWidth) }
                         + Array(repeating: String(repeating: " ", count: 39), count: 8))
        #expect(Self.roles(canvas, y: 0, 0..<17) == [.emphasis])
        // At 40×12 the board is drawn; its header keeps the count whole, giving up what only orients.
        let fits = Self.frame(try Self.state(width: 40, height: 12, language: language))
        #expect(fits.line(0).hasPrefix(" 2025-07-01 │ ") && fits.line(0).contains(language == .lv ? "nokavētas: 23" : "overdue: 23"),
                "\(fits.line(0))")
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// SPEC §3: a goal the plan gives no level sits under a "BEZ LĪMEŅA" band,
/// and grouping by level gives it a column of its own.
@Suite("Goals without a level on the board")
struct NoLevelBoardTests {
    @Test("grouped by level, the goals without one have the last column; by goal, their own band", arguments: [80, 120, 200])
    func columns(width: Int) throws {
        var state = try BoardScreenTests.state(width: width, height: 40) { plan in
            for i in plan.goals.indices where plan.goals[i].number >= 6 { plan.goals[i].level = nil }
        }
        state.grouping = .level
        state.relayout()
        #expect(state.layout.columns.map(\.key) == ["level:primary", "level:secondary", "level:none"])
        #expect(state.layout.columns.last?.title == "Bez līmeņa")
        let noLevel = state.layout.columns.last?.cards.map { state.plan.activities[$0].goal }
        #expect(Set(noLevel ?? []) == [6, 7])

        state.grouping = .goal
        state.relayout()
        #expect(state.layout.columns.filter(\.hasBand).count == 7)
        state.select("7.1")
        state.followSelection()
        let screen = BoardScreenTests.frame(state).lines.joined(separator: "\n")
        #expect(screen.contains("BEZ LĪMEŅA"), "\(screen)")
        #expect(screen.contains("Bez līmeņa"), "the status line names the level of the selected card")
    }

    @Test("the filter form offers 'Bez līmeņa' when the plan has such goals, and filters by it")
    func filter() throws {
        var state = try BoardScreenTests.state(width: 120, height: 40) { plan in
            for i in plan.goals.indices where plan.goals[i].number >= 6 { plan.goals[i].level = nil }
        }
        _ = reduce(&state, .key(state.keyMap.key(.filter)))
        var choices: [String] = []
        if case .choice(let list, _)? = state.form?.fields.first(where: { $0.key == "level" })?.value { choices = list.map(\.label) }
        #expect(choices.last == "Bez līmeņa", "\(choices)")
        _ = reduce(&state, .key(.tab))
        _ = reduce(&state, .key(.character("b")))
        #expect(state.form?["level"] == "none")
        _ = reduce(&state, .key(.enter))
        #expect(state.filter.levels == [nil])
        let shown = state.layout.columns.flatMap(\.cards).map { state.plan.activities[$0].goal }
        #expect(!shown.isEmpty && Set(shown) == [6, 7])
        #expect(BoardScreenTests.frame(state).lines.joined().contains("Bez līmeņa"))
    }
}
