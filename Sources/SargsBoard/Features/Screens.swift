import SargsCore

/// The screens of the board. A screen is a feature with a folder of its
/// own under `Features/`; adding one is a case here and a line in `feature`.
public enum Screen: String, CaseIterable, Hashable, Sendable {
    case board, activity, agenda, chair, meetings, meeting, decision, institutions, journal, indicators, help
}

extension Screen {
    /// The router (issue 28; TCA's `Scope`): a command goes to the screen's
    /// feature first, and only what the feature leaves goes to `AppFeature`.
    var feature: any Feature.Type {
        switch self {
        case .board: return BoardFeature.self
        case .activity: return ActivityFeature.self
        case .agenda: return AgendaFeature.self
        case .chair: return ChairFeature.self
        case .meetings: return MeetingsFeature.self
        case .meeting: return MeetingFeature.self
        case .decision: return DecisionFeature.self
        case .institutions: return InstitutionsFeature.self
        case .journal: return JournalFeature.self
        case .indicators: return IndicatorsFeature.self
        case .help: return HelpFeature.self
        }
    }

    /// The screen's name as the header shows it.
    public var title: Phrase { feature.title }
}
