/// The institutions screen's cursor (issue 28: its slice of `AppState`, at `state.institutions`).
public struct InstitutionsScreenState: Hashable, Sendable {
    /// The institution under the cursor: an index into `plan.allInstitutions`.
    public internal(set) var cursor = 0

    public init() {}
}
