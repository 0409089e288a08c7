/// The languages the interface speaks: Latvian by default, English on request.
public enum Language: String, CaseIterable, Hashable, Sendable {
    case lv, en
}

/// A sentence the program says to a person, in both of its languages.
public struct Phrase: Hashable, Sendable, CustomStringConvertible {
    public var lv: String
    public var en: String

    public init(lv: String, en: String) {
        self.lv = lv
        self.en = en
    }

    public func text(_ language: Language) -> String {
        language == .lv ? lv : en
    }

    /// English, for logs and debugging.
    public var description: String { en }

    /// Both texts with their first letter upper case (a phrase that begins a sentence).
    public var capitalized: Phrase {
        Phrase(lv: lv.prefix(1).uppercased() + lv.dropFirst(), en: en.prefix(1).uppercased() + en.dropFirst())
    }
}

/// Words that agree with a number, by CLDR's plural rules: Latvian "one"
/// for numbers ending in 1 but not in 11 ("1 diena", "21 diena", "11
/// dienas"), English "one" for 1 alone ("1 quarter", "21 quarters").
public enum Plural {
    public static func isOne(_ n: Int, _ language: Language) -> Bool {
        switch language {
        case .lv: return abs(n) % 10 == 1 && abs(n) % 100 != 11
        case .en: return n == 1
        }
    }

    /// `one` or `other`, as `n` asks in `language`.
    public static func form(_ n: Int, _ language: Language, one: String, other: String) -> String {
        isOne(n, language) ? one : other
    }
}
