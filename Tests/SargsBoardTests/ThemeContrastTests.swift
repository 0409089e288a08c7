import Foundation
@testable import SargsBoard
import SargsPlanFile
import SargsThemeFile
import Testing
import TestSupport

/// Every bundled theme keeps its contrast on a terminal of 8, 16 or 256
/// colours (issue 24): at TERM=xterm the light theme's grey was white on a
/// white terminal. Contrast is WCAG's ratio, the terminal's own colours
/// standing in for `default` as the theme expects them (black on white for
/// `light`, white on black otherwise).
@Suite("Themes keep their contrast at 8, 16 and 256 colours")
struct ThemeContrastTests {
    static let names = ["default", "light", "high-contrast", "mono"]

    static func theme(_ name: String) throws -> Theme {
        try ThemeFile.load(path: Fixtures.repositoryRoot + "/Themes/\(name).yaml")
    }

    @Test("each role reads at least as well as the theme made it, up to 3:1, in the colours the terminal has",
          arguments: names, [ColorDepth.eight, .sixteen, .twoFiftySix])
    func keepsContrast(_ name: String, _ depth: ColorDepth) throws {
        let theme = try Self.theme(name)
        let light = theme.isForLightBackground
        let adapted = theme.adapted(to: depth)
        let palette = depth == .eight ? 0..<8 : depth == .sixteen ? 0..<16 : 0..<256
        for role in Role.allCases {
            let style = adapted.style(for: role)
            for colour in [style.fg, style.bg] {
                if let index = colour.paletteIndex {
                    #expect(palette.contains(index), "\(name) at \(depth): \(role) uses \(colour)")
                }
            }
            guard let own = theme.contrast(of: role) else { continue }
            let shown = try #require(adapted.contrast(of: role, lightBackground: light))
            #expect(shown >= min(own, Theme.keptContrast) - 0.01,
                    "\(name) at \(depth): \(role) \(style) reads \(String(format: "%.2f", shown)):1, the theme's \(String(format: "%.2f", own)):1")
        }
    }

    @Test("the bundled themes' words read at 3:1 or better at 256 colours (only the frame and future windows are fainter)",
          arguments: names)
    func readableAsMade(_ name: String) throws {
        let theme = try Self.theme(name)
        for role in Role.allCases where role != .border && role != .windowFuture {
            if let contrast = theme.contrast(of: role) {
                #expect(contrast >= Theme.keptContrast, "\(name): \(role) \(String(format: "%.2f", contrast)):1")
            }
        }
    }

    @Test("the light theme is for a light background, the others for a dark one")
    func background() throws {
        #expect(try Self.theme("light").isForLightBackground)
        #expect(try !Self.theme("default").isForLightBackground)
        #expect(try !Self.theme("high-contrast").isForLightBackground)
        #expect(!Theme.fallback.isForLightBackground)
    }

    @Test("at TERM=xterm (8 colours) the light theme's greys are not white: dim text, dimmed cards, the border")
    func lightGreysAtEight() throws {
        let adapted = try Self.theme("light").adapted(to: .eight)
        for role in [Role.dim, .cardDim, .badgeDropped, .badgeUpcoming, .windowFuture, .border] {
            #expect(adapted.style(for: role).fg != .white, "\(role): \(adapted.style(for: role))")
        }
        // At 16 colours a grey stays a grey.
        let sixteen = try Self.theme("light").adapted(to: .sixteen)
        #expect(sixteen.style(for: .dim).fg == .brightBlack)
        #expect(try Self.theme("default").adapted(to: .sixteen).style(for: .dim).fg == .brightBlack)
    }
}
