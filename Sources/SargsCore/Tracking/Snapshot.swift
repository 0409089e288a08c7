/// The plan and everything recorded against it, as read from the store at
/// one moment. Every rule (states, agenda, report) is a function of a
/// snapshot and a day.
public struct Snapshot: Hashable, Sendable {
    public var plan: Plan
    public var records: [Record]
    public var waivers: [Waiver]
    public var notes: [Note]
    public var meetings: [Meeting]
    public var decisions: [Decision]

    public init(plan: Plan, records: [Record] = [], waivers: [Waiver] = [], notes: [Note] = [],
                meetings: [Meeting] = [], decisions: [Decision] = []) {
        self.plan = plan
        self.records = records
        self.waivers = waivers
        self.notes = notes
        self.meetings = meetings
        self.decisions = decisions
    }
}
