/// The meetings view's cursor (issue 28: its slice of `AppState`, at `state.meetings`).
public struct MeetingsScreenState: Hashable, Sendable {
    /// The meeting under the cursor: an index into `AppState.meetingsInOrder`.
    public internal(set) var cursor = 0

    public init() {}
}
