import SargsCore

/// What the journal screen shows (issue 28: its slice of `AppState`, at `state.journal`).
public struct JournalScreenState: Sendable {
    /// The entries the store gave for the open activity or the journal screen, newest first.
    public internal(set) var entries: [JournalEntry] = []
    /// Entries whose activity or author contains it are shown (`/` on the journal).
    public internal(set) var filter = ""

    public init() {}
}
