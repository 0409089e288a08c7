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
}
