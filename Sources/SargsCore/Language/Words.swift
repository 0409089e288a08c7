/// The words for the plan's and the meetings' states, one home for both
/// languages (the board, the commands and the documents say the same).
extension Status {
    /// "plānota" / "planned" … as a card, a form and a notice say it.
    public var phrase: Phrase {
        switch self {
        case .planned: return Phrase(lv: "plānota", en: "planned")
        case .active: return Phrase(lv: "notiek", en: "active")
        case .done: return Phrase(lv: "izpildīta", en: "done")
        case .blocked: return Phrase(lv: "bloķēta", en: "blocked")
        case .dropped: return Phrase(lv: "atmesta", en: "dropped")
        }
    }
}

extension Meeting.Kind {
    public var phrase: Phrase {
        switch self {
        case .regular: return Phrase(lv: "kārtējā", en: "regular")
        case .emergency: return Phrase(lv: "ārkārtas", en: "emergency")
        }
    }
}

extension Meeting.State {
    public var phrase: Phrase {
        switch self {
        case .planned: return Phrase(lv: "plānota", en: "planned")
        case .held: return Phrase(lv: "notikusi", en: "held")
        case .cancelled: return Phrase(lv: "atcelta", en: "cancelled")
        }
    }
}

extension Plan {
    /// An institution's name in the interface's language (its English name
    /// when asked for and known), or the code when the plan does not know it.
    public func institutionName(_ code: String, in language: Language) -> String {
        guard let institution = institution(code) else { return code }
        return language == .en ? institution.en ?? institution.name : institution.name
    }
}

extension Activity {
    /// The title in the interface's language: the English one when asked for
    /// and given, else the plan's own (SPEC §1: plan content stays in its language).
    public func name(in language: Language) -> String {
        language == .en ? en ?? title : title
    }
}

extension Goal {
    public func name(in language: Language) -> String {
        language == .en ? en ?? title : title
    }
}

extension Institution {
    public func name(in language: Language) -> String {
        language == .en ? en ?? name : name
    }
}

extension Funding {
    /// The source's name in the interface's language: the English one when asked for and given.
    public func name(in language: Language) -> String {
        language == .en ? en ?? name : name
    }
}
