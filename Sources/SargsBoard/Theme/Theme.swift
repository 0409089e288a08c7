/// Roles → styles: the board paints meanings, the theme says how they look
/// (htop's `CRT.c` colour schemes, as data). Themes are read from
/// `Themes/*.yaml` by the terminal layer; `Theme.fallback` is used when no
/// theme file can be found.
public struct Theme: Hashable, Sendable {
    public var name: String
    /// The styles the theme gives. Roles missing here fall back (see `style(for:)`).
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    /// How `role` looks. A role the theme does not give takes its parent's
    /// style plus the attributes that keep its meaning visible (`Role.fallback`):
    /// `cardSelected` → the card, reversed and bold; `badge*`/`window*` → the
    /// card; `bandSecondary` → `bandPrimary` → `header` → `background` …;
    /// and `background` → the terminal's default.
    public func style(for role: Role) -> Style {
        if let style = styles[role] {
            return style
        }
        guard let fallback = role.fallback else {
            return .plain
        }
        return style(for: fallback.parent).adding(fallback.adding)
    }

    /// Every role's style, fallbacks resolved.
    public var resolved: [Role: Style] {
        Dictionary(uniqueKeysWithValues: Role.allCases.map { ($0, style(for: $0)) })
    }

    /// Whether the theme is drawn for a light terminal background: its own
    /// background colour says so, else its text (dark text is for a light
    /// background, as in `light`).
    public var isForLightBackground: Bool {
        if let index = style(for: .background).bg.paletteIndex { return Palette.luminance(Palette.rgb(index)) > 0.4 }
        for role in [Role.background, .card, .emphasis] {
            if let index = style(for: role).fg.paletteIndex { return Palette.luminance(Palette.rgb(index)) < 0.1 }
        }
        return false
    }

    /// The terminal's own colours as the theme expects them: white text on
    /// black, or (`isForLightBackground`) black text on white.
    var terminalDefaults: (fg: RGB, bg: RGB) { Theme.terminalDefaults(light: isForLightBackground) }

    static func terminalDefaults(light: Bool) -> (fg: RGB, bg: RGB) {
        light ? (RGB(r: 0, g: 0, b: 0), RGB(r: 255, g: 255, b: 255)) : (RGB(r: 229, g: 229, b: 229), RGB(r: 0, g: 0, b: 0))
    }

    /// The contrast of a role's text on its background (WCAG's ratio), the
    /// terminal's own colours standing in for `default` (those of a light
    /// terminal when `lightBackground`, else as the theme expects); nil when
    /// the role sets no colour (it is the terminal's own text).
    public func contrast(of role: Role, lightBackground: Bool? = nil) -> Double? {
        let style = style(for: role)
        guard style.fg != .default || style.bg != .default else { return nil }
        let defaults = lightBackground.map(Theme.terminalDefaults(light:)) ?? terminalDefaults
        let fg = style.fg.paletteIndex.map(Palette.rgb) ?? defaults.fg
        let bg = style.bg.paletteIndex.map(Palette.rgb) ?? defaults.bg
        return Palette.contrast(fg, bg)
    }

    /// The least contrast a role keeps when its colours are mapped to fewer:
    /// its own, up to this (WCAG's for large text and the parts of an interface).
    public static let keptContrast = 3.0

    /// The theme as a terminal of `depth` can show it, every role resolved:
    /// - `.twoFiftySix`: unchanged;
    /// - `.sixteen`, `.eight`: palette colours go to the nearest of the 16
    ///   (or 8) ANSI colours; a role whose text would then read worse than it
    ///   did, below `keptContrast` (a grey of the light theme was white on
    ///   white at 8 colours), gets black or white text, whichever reads better
    ///   on its background;
    /// - `.none`: colours dropped, attributes kept; a role that stood out by
    ///   its background is shown reversed, and the selected card always differs
    ///   from a card by reverse video (or bold underline if cards are reversed).
    public func adapted(to depth: ColorDepth) -> Theme {
        var adaptedStyles: [Role: Style] = [:]
        let all = resolved
        switch depth {
        case .twoFiftySix:
            adaptedStyles = all
        case .sixteen, .eight:
            for (role, style) in all {
                adaptedStyles[role] = fewerColours(style, depth: depth, keeping: contrast(of: role))
            }
        case .none:
            for (role, style) in all {
                var mono = Style(attributes: style.attributes)
                if style.bg != .default, !Theme.reverseExempt.contains(role),
                   mono.attributes.isDisjoint(with: [.reverse, .standout]) {
                    mono.attributes.insert(.reverse)
                }
                adaptedStyles[role] = mono
            }
            let card = adaptedStyles[.card] ?? .plain
            var selected = adaptedStyles[.cardSelected] ?? .plain
            let cardReversed = !card.attributes.isDisjoint(with: [.reverse, .standout])
            if cardReversed {
                if selected.attributes == card.attributes {
                    selected.attributes.subtract([.reverse, .standout])
                    selected.attributes.formUnion([.bold, .underline])
                }
            } else if selected.attributes.isDisjoint(with: [.reverse, .standout]) {
                selected.attributes.formUnion([.reverse, .bold])
            }
            adaptedStyles[.cardSelected] = selected
        }
        return Theme(name: name, styles: adaptedStyles)
    }

    /// Roles whose background colour does not become reverse video without
    /// colours: what is painted on a card (its background is the card's) and
    /// the help view (a whole screen in reverse video is hard to read).
    static let reverseExempt: Set<Role> = [
        .background, .card, .cardDim, .help, .helpKey,
        .badgeOpen, .badgeUpcoming, .badgeOnTrack, .badgeFinished, .badgeDone, .badgeDropped, .badgeAsNeeded,
        .windowMet, .windowWaived, .windowOpen, .windowFuture,
    ]

    /// A style in the 8 or 16 ANSI colours, its text as readable as it was
    /// (`contrast`, up to `keptContrast`) on the background the theme expects.
    func fewerColours(_ style: Style, depth: ColorDepth, keeping contrast: Double?) -> Style {
        func mapped(_ colour: Color) -> Color {
            guard let index = colour.paletteIndex else { return .default }
            return Color(paletteIndex: depth == .eight ? Palette.nearestEight(to: index) : Palette.nearestSixteen(to: index))
        }
        var result = Style(fg: mapped(style.fg), bg: mapped(style.bg), attributes: style.attributes)
        guard let contrast else { return result }
        let defaults = terminalDefaults
        let bg = result.bg.paletteIndex.map(Palette.rgb) ?? defaults.bg
        func reads(_ colour: Color) -> Double {
            Palette.contrast(colour.paletteIndex.map(Palette.rgb) ?? defaults.fg, bg)
        }
        if reads(result.fg) < min(contrast, Theme.keptContrast) - 0.005 {
            let white: Color = depth == .eight ? .white : .brightWhite
            result.fg = reads(.black) >= reads(white) ? .black : white
        }
        return result
    }

    // MARK: The built-in theme

    /// The theme used when no theme file is found; the same as `Themes/default.yaml`.
    public static let fallback = Theme(name: "default", styles: [
        .background: Style(),
        .header: Style(fg: .indexed(231), bg: .indexed(24), attributes: [.bold]),
        .statusBar: Style(fg: .indexed(252), bg: .indexed(236)),
        .border: Style(fg: .indexed(242)),
        .columnTitle: Style(fg: .indexed(153), attributes: [.bold]),

        .bandPrimary: Style(fg: .indexed(16), bg: .indexed(108), attributes: [.bold]),
        .bandSecondary: Style(fg: .indexed(16), bg: .indexed(179), attributes: [.bold]),
        .bandTertiary: Style(fg: .indexed(16), bg: .indexed(174), attributes: [.bold]),

        .card: Style(),
        .cardSelected: Style(fg: .indexed(16), bg: .indexed(214), attributes: [.bold]),
        .cardDim: Style(fg: .indexed(245)),

        .badgeOverdue: Style(fg: .indexed(231), bg: .indexed(160), attributes: [.bold]),
        .badgeOpen: Style(fg: .indexed(75)),
        .badgeUpcoming: Style(fg: .indexed(247)),
        .badgeOnTrack: Style(fg: .indexed(114)),
        .badgeFinished: Style(fg: .indexed(109)),
        .badgeDone: Style(fg: .indexed(108)),
        .badgeDropped: Style(fg: .indexed(244)),
        .badgeBlocked: Style(fg: .indexed(177), attributes: [.bold]),
        .badgeAsNeeded: Style(fg: .indexed(180)),

        .windowMet: Style(fg: .indexed(114)),
        .windowMissed: Style(fg: .indexed(203), attributes: [.bold]),
        .windowWaived: Style(fg: .indexed(180)),
        .windowOpen: Style(fg: .indexed(75), attributes: [.bold]),
        .windowFuture: Style(fg: .indexed(244)),

        .progress: Style(fg: .indexed(110)),
        .chart: Style(fg: .indexed(74)),
        .help: Style(fg: .indexed(252), bg: .indexed(235)),
        .helpKey: Style(fg: .indexed(222), bg: .indexed(235), attributes: [.bold]),
        .error: Style(fg: .indexed(231), bg: .indexed(124), attributes: [.bold]),
        .notice: Style(fg: .indexed(16), bg: .indexed(150)),
        .input: Style(fg: .indexed(231), bg: .indexed(238)),
        .dim: Style(fg: .indexed(245)),
        .emphasis: Style(fg: .indexed(230), attributes: [.bold]),
    ])
}
