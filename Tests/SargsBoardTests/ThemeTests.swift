import SargsThemeFile
import Testing
@testable import SargsBoard

@Suite("Theme")
struct ThemeTests {
    @Test func fallbackThemeGivesEveryRole() {
        for role in Role.allCases {
            #expect(Theme.fallback.styles[role] != nil, "\(role)")
        }
        #expect(Theme.fallback.name == "default")
    }

    @Test func selectedCardAndOverdueStandOutInTheFallback() {
        let theme = Theme.fallback
        #expect(theme.style(for: .cardSelected) != theme.style(for: .card))
        #expect(theme.style(for: .cardSelected).bg != .default)
        #expect(theme.style(for: .badgeOverdue).bg != theme.style(for: .badgeOnTrack).bg)
        #expect(theme.style(for: .badgeOverdue).attributes.contains(.bold))
    }

    @Test func roleNamesAreTheThemeFileNames() {
        #expect(Role(rawValue: "cardSelected") == .cardSelected)
        #expect(Role(rawValue: "badgeAsNeeded") == .badgeAsNeeded)
        #expect(Role.allCases.count == Set(Role.allCases.map(\.rawValue)).count)
    }

    @Test func missingRolesFallBackToTheirParent() {
        let card = Style(fg: .red, bg: .indexed(236))
        let theme = Theme(name: "partial", styles: [.card: card, .header: Style(fg: .white, bg: .blue)])
        #expect(theme.style(for: .card) == card)
        #expect(theme.style(for: .badgeDone) == card)
        #expect(theme.style(for: .windowMet) == card)
        #expect(theme.style(for: .badgeOverdue) == card.adding([.bold]))
        #expect(theme.style(for: .cardSelected) == card.adding([.reverse, .bold]))
        #expect(theme.style(for: .cardDim) == card.adding([.dim]))
        // bandTertiary → bandSecondary's parent bandPrimary → header
        #expect(theme.style(for: .bandTertiary) == Style(fg: .white, bg: .blue))
        #expect(theme.style(for: .statusBar) == Style(fg: .white, bg: .blue))
    }

    @Test func anEmptyThemeIsPlainButStillShowsMeaning() {
        let empty = Theme(name: "empty", styles: [:])
        #expect(empty.style(for: .background) == .plain)
        #expect(empty.style(for: .card) == .plain)
        #expect(empty.style(for: .help) == .plain)
        #expect(empty.style(for: .cardSelected).attributes.contains(.reverse))
        #expect(empty.style(for: .header).attributes.contains(.reverse))
        #expect(empty.style(for: .error).attributes.isSuperset(of: [.bold, .reverse]))
        #expect(empty.style(for: .cardSelected) != empty.style(for: .card))
    }

    @Test func aGivenStyleWinsOverTheFallback() {
        let theme = Theme(name: "t", styles: [.card: Style(fg: .green), .cardSelected: Style(fg: .black, bg: .yellow)])
        #expect(theme.style(for: .cardSelected) == Style(fg: .black, bg: .yellow))
    }

    @Test func twoFiftySixKeepsColoursAndResolvesEveryRole() {
        let adapted = Theme.fallback.adapted(to: .twoFiftySix)
        #expect(adapted.styles.count == Role.allCases.count)
        #expect(adapted.style(for: .cardSelected) == Theme.fallback.style(for: .cardSelected))
        let partial = Theme(name: "p", styles: [.card: Style(fg: .red)]).adapted(to: .twoFiftySix)
        #expect(partial.styles[.badgeDone] == Style(fg: .red))
    }

    @Test func eightColoursUseOnlyTheEightAnsiColours() {
        let adapted = Theme.fallback.adapted(to: .eight)
        for role in Role.allCases {
            let style = adapted.style(for: role)
            for colour in [style.fg, style.bg] {
                if let index = colour.paletteIndex {
                    #expect((0..<8).contains(index), "\(role): \(colour)")
                }
            }
            // Text never vanishes into its background.
            if style.bg != .default {
                #expect(style.fg != style.bg, "\(role)")
            }
            #expect(style.attributes == Theme.fallback.style(for: role).attributes, "\(role)")
        }
        #expect(adapted.style(for: .cardSelected).bg == .yellow)
        #expect(adapted.style(for: .cardSelected).fg == .black)
        #expect(adapted.style(for: .badgeOverdue).bg == .red)
        #expect(adapted.style(for: .error).bg == .red)
    }

    @Test("Nearest of eight", arguments: [
        (Color.indexed(214), Color.yellow), (.indexed(160), .red), (.indexed(196), .red), (.indexed(28), .green),
        (.indexed(21), .blue), (.indexed(51), .cyan), (.indexed(201), .magenta), (.indexed(16), .black),
        (.indexed(231), .white), (.indexed(236), .black), (.indexed(250), .white), (.brightRed, .red),
        (.brightBlack, .white), (.blue, .blue), (.default, .default),
    ])
    func nearestOfEight(_ colour: Color, _ expected: Color) {
        let theme = Theme(name: "t", styles: [.card: Style(fg: colour)])
        #expect(theme.adapted(to: .eight).style(for: .card).fg == expected)
    }

    @Test func noColoursKeepsAttributesAndTheSelection() {
        let adapted = Theme.fallback.adapted(to: .none)
        for role in Role.allCases {
            let style = adapted.style(for: role)
            #expect(style.fg == .default && style.bg == .default, "\(role)")
            #expect(style.attributes.isSuperset(of: Theme.fallback.style(for: role).attributes), "\(role)")
        }
        let selected = adapted.style(for: .cardSelected)
        #expect(selected.attributes.contains(.reverse))
        #expect(selected != adapted.style(for: .card))
        // Bars that stood out by their background are reversed.
        #expect(adapted.style(for: .header).attributes.contains(.reverse))
        #expect(adapted.style(for: .statusBar).attributes.contains(.reverse))
        #expect(adapted.style(for: .badgeOverdue).attributes.contains(.reverse))
        #expect(!adapted.style(for: .help).attributes.contains(.reverse))
    }

    @Test func noColoursStillSeparatesASelectionFromReversedCards() {
        let theme = Theme(name: "odd", styles: [
            .card: Style(attributes: [.reverse]),
            .cardSelected: Style(attributes: [.reverse]),
        ])
        let adapted = theme.adapted(to: .none)
        #expect(adapted.style(for: .cardSelected) != adapted.style(for: .card))

        let colourOnly = Theme(name: "colour only", styles: [
            .card: Style(fg: .white),
            .cardSelected: Style(fg: .black, bg: .yellow),
        ])
        #expect(colourOnly.adapted(to: .none).style(for: .cardSelected).attributes.contains(.reverse))
    }

    @Test("Colour names", arguments: ["default", "red", "brightBlue", "214", "0", "255", "#ff0000", "#5f87af"])
    func colourNamesRead(_ name: String) {
        #expect(Color(themeName: name) != nil)
    }

    @Test("Bad colour names", arguments: ["purple", "Red", "256", "-1", "#ff00", "#gggggg", "", "bright"])
    func badColourNames(_ name: String) {
        #expect(Color(themeName: name) == nil)
    }

    @Test func colourNamesRoundTrip() {
        #expect(Color(themeName: "3") == .yellow)
        #expect(Color(themeName: "#ff0000") == .indexed(196))
        #expect(Color(themeName: "#5f87af") == .indexed(67))
        for colour in Color.named + [.default, .indexed(214)] {
            #expect(Color(themeName: colour.themeName) == colour)
        }
    }

    @Test func colourDepthFromTheTerminal() {
        #expect(ColorDepth(colors: 256) == .twoFiftySix)
        #expect(ColorDepth(colors: 16_777_216) == .twoFiftySix)
        #expect(ColorDepth(colors: 16) == .sixteen)
        #expect(ColorDepth(colors: 88) == .sixteen)
        #expect(ColorDepth(colors: 8) == .eight)
        #expect(ColorDepth(colors: 2) == ColorDepth.none)
        #expect(ColorDepth.none < .eight && .eight < .sixteen && .sixteen < .twoFiftySix)
    }
}
