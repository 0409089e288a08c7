import Foundation

/// What one institution owes, as of a day (issue 15, SPEC §7 `sargs digest`):
/// its overdue activities with the agenda's reasons (SPEC §5, the review
/// period since the last held regular meeting), its one-off deadlines and
/// decision due dates within `days`, its other open decisions, and the next
/// planned meeting. An activity belongs to each of its owners; a decision to
/// its one owner.
public struct Digest: Hashable, Sendable {
    /// A one-off deadline, the due day a recurring duty names inside a window
    /// (`due:`, SPEC §3), or a decision's due date within the horizon.
    public struct Due: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable { case activity, decision }
        public var kind: Kind
        /// The activity's id, or the decision's number as text.
        public var id: String
        /// The activity's title or the decision's text.
        public var text: String
        public var due: Day

        public init(kind: Kind, id: String, text: String, due: Day) {
            self.kind = kind
            self.id = id
            self.text = text
            self.due = due
        }
    }

    /// The institution the digest is for (its code, names and mailbox).
    public var institution: Institution
    /// The day it is made as of.
    public var date: Day
    /// The horizon in days (`--days`, default 14).
    public var days: Int
    /// Its overdue activities, in the agenda's order (most days overdue first).
    public var overdue: [Agenda.Item]
    /// Its one-off deadlines, named due days of windows not yet met or waived,
    /// and decision due dates in `[date, date + days]`, by date.
    public var dueSoon: [Due]
    /// Its other open decisions (overdue ones first, then by due date).
    public var openDecisions: [Agenda.OpenDecision]
    /// The next planned meeting on or after `date`, if any.
    public var nextMeeting: Meeting?
    /// The institution's items on that meeting's stored agenda (issue 26),
    /// in the chair's order: what it will be called on to answer for.
    public var onNextAgenda: [Agenda.Item] = []
    /// The agenda's review period start (R of SPEC §5).
    public var reviewFrom: Day

    /// The default horizon of `sargs digest` and `sargs remind`.
    public static let defaultDays = 14

    /// True when there is nothing the institution owes (the next meeting alone is not something).
    public var isEmpty: Bool { overdue.isEmpty && dueSoon.isEmpty && openDecisions.isEmpty }

    /// The ids the digest names: activities, then `decision N` for decisions.
    public var itemIDs: [String] {
        let named = overdue.map(\.activity) + dueSoon.map { $0.kind == .activity ? $0.id : "decision \($0.id)" }
            + openDecisions.map { "decision \($0.id)" }
        // The items on the next meeting's agenda that the reminder names, once each.
        let seen = Set(named)
        return named + onNextAgenda.map(\.activity).filter { !seen.contains($0) }
    }

    /// The digest of every institution of the plan (standard ones and the
    /// plan's own, in the board's order) as of `date`, empty ones included.
    /// - Parameters:
    ///   - days: the horizon for deadlines and due dates, at least 0.
    ///   - tracker: one already built from the same snapshot, to save building it again.
    ///   - meeting: the planned meeting the digests lead to (a reminder before it); the next planned one when nil.
    public static func all(snapshot: Snapshot, date: Day, days: Int = defaultDays, tracker: Tracker? = nil,
                           meeting: Meeting? = nil) -> [Digest] {
        // One tracker serves the agenda and the due days of the windows below.
        let tracker = tracker ?? Tracker(snapshot)
        let agenda = Agenda(snapshot: snapshot, date: date, kind: .regular, tracker: tracker)
        let plan = snapshot.plan
        let horizon = DayRange(date, date.adding(days: max(0, days)))
        let next = meeting ?? snapshot.meetings.filter { $0.state == .planned && $0.date >= date }
            .min { ($0.date, $0.id) < ($1.date, $1.id) }
        // The meeting's own agenda, as stored with it: what each institution will be called on.
        let nextAgenda = next.map { Agenda(snapshot: snapshot, meeting: $0, tracker: tracker) }
        var deadlines: [(order: Int, activity: Activity, due: Day)] = []
        for (order, activity) in plan.activities.enumerated() where activity.status != .done && activity.status != .dropped {
            switch activity.schedule {
            case .once:
                let due = activity.schedule.span(in: plan.period).last
                if horizon.contains(due) { deadlines.append((order, activity, due)) }
            case .every(_, _, _, _?):
                // A named due day ("ik gadu līdz 1. martam") is a deadline of its own in each window.
                for (window, state) in tracker.windows(of: activity, on: date)
                where horizon.contains(window.due) && (state == .open || state == .future) {
                    deadlines.append((order, activity, window.due))
                }
            case .every, .ongoing, .asNeeded:
                break
            }
        }
        // An overdue one-off is already under "overdue"; its deadline is not repeated. A recurring
        // duty's coming due day is a new one, listed even when an earlier window is overdue.
        let overdueIDs = Set(agenda.items.map(\.activity))
        return plan.allInstitutions.map { institution in
            let code = institution.code
            let decisions = agenda.decisions.filter { $0.owner == code }
            let soonDecisions = decisions.filter { !$0.overdue && horizon.contains($0.due) }
            var due = deadlines.filter {
                $0.activity.owners.contains(code) && ($0.activity.schedule.kind != .once || !overdueIDs.contains($0.activity.id))
            }
                .map { Due(kind: .activity, id: $0.activity.id, text: $0.activity.title, due: $0.due) }
            due += soonDecisions.map { Due(kind: .decision, id: String($0.id), text: $0.text, due: $0.due) }
            due.sort { ($0.due, $0.kind == .decision ? 1 : 0) < ($1.due, $1.kind == .decision ? 1 : 0) }
            let soonIDs = Set(soonDecisions.map(\.id))
            var digest = Digest(institution: institution, date: date, days: max(0, days),
                                overdue: agenda.items.filter { $0.owners.contains(code) },
                                dueSoon: due,
                                openDecisions: decisions.filter { !soonIDs.contains($0.id) },
                                nextMeeting: next, reviewFrom: agenda.reviewFrom)
            digest.onNextAgenda = (nextAgenda.map { $0.items + $0.services.map(Agenda.Item.init(service:)) } ?? [])
                .filter { $0.owners.contains(code) }
            return digest
        }
    }

    public init(institution: Institution, date: Day, days: Int, overdue: [Agenda.Item], dueSoon: [Due],
                openDecisions: [Agenda.OpenDecision], nextMeeting: Meeting?, reviewFrom: Day) {
        self.institution = institution
        self.date = date
        self.days = days
        self.overdue = overdue
        self.dueSoon = dueSoon
        self.openDecisions = openDecisions
        self.nextMeeting = nextMeeting
        self.reviewFrom = reviewFrom
    }
}
