/// The decision screen's decision (issue 28: its slice of `AppState`, at `state.decision`).
public struct DecisionScreenState: Hashable, Sendable {
    /// The number of the decision shown.
    public internal(set) var id: Int64?

    public init() {}
}
