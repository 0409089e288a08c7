import SargsCore

/// What the activity screen shows (issue 28: its slice of `AppState`, at `state.activity`).
public struct ActivityScreenState: Sendable {
    /// The activity the screen shows.
    public internal(set) var id: ActivityID?
    /// The records the store gave for it, by date (with their notes and authors).
    public internal(set) var records: [Record] = []

    public init() {}
}
