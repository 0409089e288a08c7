import Foundation

/// A terminal colour: the terminal's own default, one of the 16 ANSI colours,
/// or an index into the 256-colour palette.
public enum Color: Hashable, Sendable, CustomStringConvertible {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    /// A 256-colour palette index (0–255; 0–15 are the ANSI colours above).
    case indexed(UInt8)

    /// The named colours in palette order (index 0–15).
    public static let named: [Color] = [
        .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white,
        .brightBlack, .brightRed, .brightGreen, .brightYellow, .brightBlue, .brightMagenta, .brightCyan, .brightWhite,
    ]

    /// The names theme files use, in palette order.
    public static let names: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "brightBlack", "brightRed", "brightGreen", "brightYellow", "brightBlue", "brightMagenta", "brightCyan", "brightWhite",
    ]

    /// The palette index a terminal uses, or nil for the default colour.
    public var paletteIndex: Int? {
        switch self {
        case .default: return nil
        case .indexed(let index): return Int(index)
        default: return Color.named.firstIndex(of: self)
        }
    }

    /// The colour for a palette index: a named colour for 0–15.
    public init(paletteIndex index: Int) {
        if index >= 0, index < 16 {
            self = Color.named[index]
        } else {
            self = .indexed(UInt8(clamping: index))
        }
    }

    /// Reads a theme file's colour: `default`, a name (`red`, `brightBlue`),
    /// a palette index `0`–`255`, or `#rrggbb` (mapped to the nearest of the 256).
    public init?(themeName: String) {
        if themeName == "default" {
            self = .default
        } else if let index = Color.names.firstIndex(of: themeName) {
            self = Color.named[index]
        } else if let number = Int(themeName), (0...255).contains(number), themeName.allSatisfy(\.isASCII) {
            self = Color(paletteIndex: number)
        } else if themeName.hasPrefix("#"), themeName.count == 7,
                  let value = UInt32(themeName.dropFirst(), radix: 16) {
            let rgb = RGB(r: Int(value >> 16 & 0xFF), g: Int(value >> 8 & 0xFF), b: Int(value & 0xFF))
            self = Color(paletteIndex: Palette.nearest256(to: rgb))
        } else {
            return nil
        }
    }

    /// The name a theme file would use for this colour.
    public var themeName: String {
        switch self {
        case .default: return "default"
        case .indexed(let index): return String(index)
        default: return Color.names[paletteIndex ?? 0]
        }
    }

    public var description: String { themeName }
}

/// A text attribute a terminal can show without colour.
public enum Attribute: String, CaseIterable, Hashable, Sendable, Comparable {
    case bold, dim, underline, reverse, italic, standout

    public static func < (lhs: Attribute, rhs: Attribute) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// How a role looks: foreground, background and attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    public var fg: Color
    public var bg: Color
    public var attributes: Set<Attribute>

    public init(fg: Color = .default, bg: Color = .default, attributes: Set<Attribute> = []) {
        self.fg = fg
        self.bg = bg
        self.attributes = attributes
    }

    /// The terminal's own colours, no attributes.
    public static let plain = Style()

    /// This style with `extra` attributes added.
    public func adding(_ extra: Set<Attribute>) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    public var description: String {
        "{fg: \(fg), bg: \(bg), attrs: [\(attributes.sorted().map(\.rawValue).joined(separator: ", "))]}"
    }
}

/// How many colours the terminal can show.
public enum ColorDepth: Int, Hashable, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    /// Attributes only (a monochrome terminal, or `NO_COLOR`).
    case none = 0
    /// The 8 ANSI colours.
    case eight = 8
    /// The 8 ANSI colours and their 8 bright forms (`xterm-16color`, the Linux console with 16).
    case sixteen = 16
    /// The 256-colour palette.
    case twoFiftySix = 256

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The depth for a terminal that reports `colors` colours (ncurses' `COLORS`).
    public init(colors: Int) {
        if colors >= 256 {
            self = .twoFiftySix
        } else if colors >= 16 {
            self = .sixteen
        } else if colors >= 8 {
            self = .eight
        } else {
            self = .none
        }
    }

    public var description: String {
        switch self {
        case .none: return "none"
        case .eight: return "8"
        case .sixteen: return "16"
        case .twoFiftySix: return "256"
        }
    }
}

/// An sRGB colour of the xterm palette.
struct RGB: Hashable, Sendable {
    var r: Int
    var g: Int
    var b: Int

    func distanceSquared(to other: RGB) -> Int {
        // Weighted towards green, as the eye is (the "redmean" approximation, integer form).
        let meanRed = (r + other.r) / 2
        let dr = r - other.r
        let dg = g - other.g
        let db = b - other.b
        return ((512 + meanRed) * dr * dr >> 8) + 4 * dg * dg + ((767 - meanRed) * db * db >> 8)
    }
}

/// The xterm 256-colour palette and mappings between depths.
enum Palette {
    static let ansi: [RGB] = [
        RGB(r: 0, g: 0, b: 0), RGB(r: 205, g: 0, b: 0), RGB(r: 0, g: 205, b: 0), RGB(r: 205, g: 205, b: 0),
        RGB(r: 0, g: 0, b: 238), RGB(r: 205, g: 0, b: 205), RGB(r: 0, g: 205, b: 205), RGB(r: 229, g: 229, b: 229),
        RGB(r: 127, g: 127, b: 127), RGB(r: 255, g: 0, b: 0), RGB(r: 0, g: 255, b: 0), RGB(r: 255, g: 255, b: 0),
        RGB(r: 92, g: 92, b: 255), RGB(r: 255, g: 0, b: 255), RGB(r: 0, g: 255, b: 255), RGB(r: 255, g: 255, b: 255),
    ]

    static func rgb(_ index: Int) -> RGB {
        if index < 16 {
            return ansi[max(0, index)]
        }
        if index < 232 {
            let cube = index - 16
            let steps = [0, 95, 135, 175, 215, 255]
            return RGB(r: steps[cube / 36], g: steps[cube / 6 % 6], b: steps[cube % 6])
        }
        let level = 8 + 10 * (index - 232)
        return RGB(r: level, g: level, b: level)
    }

    static func nearest256(to target: RGB) -> Int {
        var best = 16
        var bestDistance = Int.max
        for index in 16..<256 {
            let distance = rgb(index).distanceSquared(to: target)
            if distance < bestDistance {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// The nearest of the 8 ANSI colours (0–7) to a palette colour: greys go
    /// to black or white by lightness, other colours to the closest hue.
    static func nearestEight(to index: Int) -> Int {
        if index < 8 { return index }
        if index < 16 { return index == 8 ? 7 : index - 8 }
        let colour = rgb(index)
        let high = max(colour.r, colour.g, colour.b)
        let low = min(colour.r, colour.g, colour.b)
        if high - low < 32 || high < 48 {
            return high >= 96 ? 7 : 0
        }
        // Hue in degrees.
        let delta = Double(high - low)
        var hue: Double
        if high == colour.r {
            hue = 60 * (Double(colour.g - colour.b) / delta)
        } else if high == colour.g {
            hue = 60 * (Double(colour.b - colour.r) / delta + 2)
        } else {
            hue = 60 * (Double(colour.r - colour.g) / delta + 4)
        }
        if hue < 0 { hue += 360 }
        switch hue {
        case ..<30, 330...: return 1   // red
        case ..<90: return 3           // yellow
        case ..<150: return 2          // green
        case ..<210: return 6          // cyan
        case ..<270: return 4          // blue
        default: return 5              // magenta
        }
    }

    /// Whether an ANSI colour (0–7) reads as light, for picking text on it.
    static func isLight(_ ansiIndex: Int) -> Bool {
        [2, 3, 6, 7].contains(ansiIndex)
    }

    /// The nearest of the 16 ANSI colours (0–15) to a palette colour, as the eye measures (redmean).
    static func nearestSixteen(to index: Int) -> Int {
        if index < 16 { return max(0, index) }
        let target = rgb(index)
        return (0..<16).min { rgb($0).distanceSquared(to: target) < rgb($1).distanceSquared(to: target) } ?? 0
    }

    /// WCAG's relative luminance of a palette colour, 0 (black) … 1 (white).
    static func luminance(_ colour: RGB) -> Double {
        func channel(_ value: Int) -> Double {
            let v = Double(value) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)
    }

    /// WCAG's contrast ratio of two colours: 1 (none) … 21 (black on white).
    static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}
