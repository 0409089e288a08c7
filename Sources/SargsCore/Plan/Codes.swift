/// A prevention level (prevencijas līmenis).
public enum Level: String, CaseIterable, Hashable, Sendable, Comparable {
    case primary, secondary, tertiary

    public var lv: String {
        switch self {
        case .primary: return "Primārā prevencija"
        case .secondary: return "Sekundārā prevencija"
        case .tertiary: return "Terciārā prevencija"
        }
    }

    public var en: String {
        switch self {
        case .primary: return "Primary prevention"
        case .secondary: return "Secondary prevention"
        case .tertiary: return "Tertiary prevention"
        }
    }

    public static func < (a: Level, b: Level) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The name of a goal's level, or "Bez līmeņa" / "No level" for a goal without one (SPEC §3).
    public static func name(_ level: Level?, _ language: Language) -> String {
        guard let level else { return language == .lv ? "Bez līmeņa" : "No level" }
        return language == .lv ? level.lv : level.en
    }
}

/// An institution responsible for activities (atbildīgā institūcija).
public struct Institution: Hashable, Sendable {
    public var code: String
    public var name: String
    public var en: String?
    /// The institution's mailbox (never a person's), where `sargs remind`
    /// sends its digest; a valid `EmailAddress` (SPEC §3).
    public var email: String?

    public init(code: String, name: String, en: String? = nil, email: String? = nil) {
        self.code = code
        self.name = name
        self.en = en
        self.email = email
    }

    /// The institutions every Latvian cooperation group has (SPEC §3), in the
    /// order the board lists them.
    public static let standard: [Institution] = [
        Institution(code: "SG", name: "Sadarbības grupa", en: "Cooperation group"),
        Institution(code: "IN", name: "Izglītības nodaļa", en: "Education department"),
        Institution(code: "SD", name: "Sociālais dienests", en: "Social service"),
        Institution(code: "BT", name: "Bāriņtiesa", en: "Orphan's court"),
        Institution(code: "VP", name: "Valsts policija", en: "State police"),
        Institution(code: "PP", name: "Pašvaldības policija", en: "Municipal police"),
        Institution(code: "AN", name: "Attīstības nodaļa", en: "Development department"),
        Institution(code: "JC", name: "Jauniešu centri", en: "Youth centres"),
        Institution(code: "VPD", name: "Valsts probācijas dienests", en: "State probation service"),
    ]
}

/// A source of funding (finanšu avots).
public struct Funding: Hashable, Sendable {
    public var code: String
    public var name: String
    public var en: String?

    public init(code: String, name: String, en: String? = nil) {
        self.code = code
        self.name = name
        self.en = en
    }

    public static let standard: [Funding] = [
        Funding(code: "PB", name: "Pašvaldības budžets", en: "Municipal budget"),
        Funding(code: "VB", name: "Valsts budžets", en: "State budget"),
        Funding(code: "ESF", name: "Eiropas Sociālais fonds", en: "European Social Fund"),
    ]
}
