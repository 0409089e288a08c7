/// The plan and everything recorded against it, as read from the store at
/// one moment. Every rule (states, agenda, report) is a function of a
/// snapshot and a day.
///
/// Records are held as their index (day and count by activity): a record's
/// note and author are read from the store for the one activity shown.
public struct Snapshot: Hashable, Sendable {
    public var plan: Plan
    public var records: RecordIndex
    public var waivers: [Waiver]
    public var notes: [Note]
    public var meetings: [Meeting]
    public var decisions: [Decision]
    /// What each meeting's review did with earlier decisions.
    public var reviews: [DecisionReview]

    public init(plan: Plan, records: RecordIndex, waivers: [Waiver] = [], notes: [Note] = [],
                meetings: [Meeting] = [], decisions: [Decision] = [], reviews: [DecisionReview] = []) {
        self.plan = plan
        self.records = records
        self.waivers = waivers
        self.notes = notes
        self.meetings = meetings
        self.decisions = decisions
        self.reviews = reviews
    }

    /// A snapshot of whole records (tests and tools that make their own).
    public init(plan: Plan, records: [Record] = [], waivers: [Waiver] = [], notes: [Note] = [],
                meetings: [Meeting] = [], decisions: [Decision] = [], reviews: [DecisionReview] = []) {
        self.init(plan: plan, records: RecordIndex(records), waivers: waivers, notes: notes,
                  meetings: meetings, decisions: decisions, reviews: reviews)
    }
}
