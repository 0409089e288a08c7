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

    /// The theme as a terminal of `depth` can show it, every role resolved:
    /// - `.twoFiftySix`: unchanged;
    /// - `.eight`: palette colours go to the nearest of the 8 ANSI colours,
    ///   and text that would vanish into its background gets black or white;
    /// - `.none`: colours dropped, attributes kept; a role that stood out by
    ///   its background is shown reversed, and the selected card always differs
    ///   from a card by reverse video (or bold underline if cards are reversed).
    public func adapted(to depth: ColorDepth) -> Theme {
        var adaptedStyles: [Role: Style] = [:]
        let all = resolved
        switch depth {
        case .twoFiftySix:
            adaptedStyles = all
        case .eight:
            for (role, style) in all {
                adaptedStyles[role] = Theme.toEight(style)
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

    static func toEight(_ style: Style) -> Style {
        func eight(_ colour: Color) -> Color {
            guard let index = colour.paletteIndex else { return .default }
            return Color(paletteIndex: Palette.nearestEight(to: index))
        }
        var result = Style(fg: eight(style.fg), bg: eight(style.bg), attributes: style.attributes)
        // Keep the text readable when both colours land on the same side.
        if let bg = result.bg.paletteIndex, style.fg != style.bg {
            let fgIndex = result.fg.paletteIndex
            let clash: Bool
            if let fgIndex {
                clash = fgIndex == bg || Palette.isLight(fgIndex) == Palette.isLight(bg)
            } else {
                clash = false
            }
            if clash {
                result.fg = Palette.isLight(bg) ? .black : .white
            }
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
