/// What a cell means, not how it looks. Screens paint roles; the theme turns
/// roles into colours and attributes. The raw values are the names used in
/// theme files (`Themes/*.yaml`), so renaming a case breaks theme files.
public enum Role: String, CaseIterable, Hashable, Sendable, Codable {
    // Screen furniture
    case background
    case header
    case statusBar
    case border
    case columnTitle
    // Level bands over the goal columns
    case bandPrimary
    case bandSecondary
    case bandTertiary
    // Cards
    case card
    case cardSelected
    case cardDim
    // State badges (a glyph and a word, never colour alone)
    case badgeOverdue
    case badgeOpen
    case badgeUpcoming
    case badgeOnTrack
    case badgeFinished
    case badgeDone
    case badgeDropped
    case badgeBlocked
    case badgeAsNeeded
    // The windows strip of an activity
    case windowMet
    case windowMissed
    case windowWaived
    case windowOpen
    case windowFuture
    // Everything else
    case progress
    case chart
    case help
    case helpKey
    case error
    case notice
    case input
    case dim
    case emphasis

    /// Where a theme without this role takes its style from, and the
    /// attributes added on the way so the meaning survives (a selected card
    /// that falls back to the card is still reversed). `nil` for `background`,
    /// which falls back to the terminal's default.
    public var fallback: (parent: Role, adding: Set<Attribute>)? {
        switch self {
        case .background:
            return nil
        case .cardSelected:
            return (.card, [.reverse, .bold])
        case .cardDim:
            return (.card, [.dim])
        case .badgeOverdue, .badgeBlocked:
            return (.card, [.bold])
        case .badgeOpen, .badgeUpcoming, .badgeOnTrack, .badgeFinished, .badgeDone,
             .badgeDropped, .badgeAsNeeded:
            return (.card, [])
        case .windowMissed:
            return (.card, [.bold])
        case .windowFuture:
            return (.card, [.dim])
        case .windowMet, .windowWaived, .windowOpen:
            return (.card, [])
        case .bandSecondary, .bandTertiary:
            return (.bandPrimary, [])
        case .bandPrimary, .statusBar:
            return (.header, [])
        case .header:
            return (.background, [.reverse])
        case .helpKey:
            return (.help, [.bold])
        case .error:
            return (.background, [.bold, .reverse])
        case .emphasis:
            return (.background, [.bold])
        case .dim:
            return (.background, [.dim])
        case .columnTitle:
            return (.background, [.bold])
        case .input:
            return (.background, [.underline])
        case .card, .border, .progress, .chart, .help, .notice:
            return (.background, [])
        }
    }
}
