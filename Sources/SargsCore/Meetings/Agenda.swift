import Foundation

/// The agenda of a meeting of the cooperation group on a date (SPEC §5).
public struct Agenda: Hashable, Sendable {
    /// The number of regular meetings a year the group must hold.
    public static let requiredMeetingsPerYear = 4

    /// Why an activity is on a regular agenda, in the order SPEC §5 lists them.
    public enum Reason: String, CaseIterable, Hashable, Sendable {
        /// A `once` activity not done whose last day is before the agenda date.
        case deadlinePassed = "deadline-passed"
        /// An `every`/`ongoing` activity with a missed window that ended since the last review.
        case missed
        /// A target whose `to` is before the agenda date, not reached, activity not done.
        case targetMissed = "target-missed"
        /// Behind the even pace toward the target (SPEC §4).
        case behindPace = "behind-pace"

        /// The reason's name in both languages.
        public var phrase: Phrase {
            switch self {
            case .deadlinePassed: return Phrase(lv: "termiņš pagājis", en: "deadline passed")
            case .missed: return Phrase(lv: "nokavēti logi", en: "missed windows")
            case .targetMissed: return Phrase(lv: "mērķis nav sasniegts", en: "target missed")
            case .behindPace: return Phrase(lv: "atpaliek no tempa", en: "behind pace")
            }
        }
    }

    /// An activity on a regular agenda, with all its reasons.
    public struct Item: Hashable, Sendable {
        /// The activity's id.
        public var activity: ActivityID
        /// The activity's title (not in the JSON shape of §5).
        public var title: String
        /// The activity's goal number.
        public var goal: Int
        /// The level of the activity's goal.
        public var level: Level?
        /// The responsible institutions' codes.
        public var owners: [String]
        /// Every reason that applies, in the order of `Reason.allCases`.
        public var reasons: [Reason]
        /// The largest of the reasons' day counts (0 for behind-pace alone).
        public var daysOverdue: Int
        /// Missed windows that ended in `[review_from, date)`; nil for activities without windows.
        public var missed: Int?
        /// Windows that ended in `[review_from, date)`; nil for activities without windows.
        public var expected: Int?
        /// Labels of the missed windows counted in `missed`; nil for activities without windows.
        public var windows: [String]?
        /// The latest record dated on or before the agenda date.
        public var lastRecord: Day?
        /// Target progress as of the agenda date; nil without a target.
        public var progress: Int?
        /// The target's count; nil without a target.
        public var target: Int?
        /// Why the activity is blocked, if its status is `blocked`.
        public var blockedReason: String?
        /// The even-pace figure of §4 on the agenda date, when the activity has a
        /// target and the date lies in its span (not in the JSON shape of §5).
        public var expectedPace: Int?
        /// The day inside each window the schedule names as due, if it names one
        /// (so "missed" reads "by 1 March"; not in the JSON shape of §5).
        public var due: DueDay?
        /// The chair put it on a stored agenda by hand: the sweep does not
        /// list it (its `reasons` are then empty; issue 26).
        public var added = false

        /// An emergency agenda's service as an item the chair calls (no reasons of the sweep).
        public init(service: Service) {
            self.init(activity: service.activity, title: service.title, goal: service.goal, level: service.level, owners: service.owners,
                      reasons: [], daysOverdue: 0, missed: nil, expected: nil, windows: nil, lastRecord: service.lastRecord,
                      progress: nil, target: nil)
        }

        /// Creates an item.
        public init(activity: ActivityID, title: String, goal: Int, level: Level?, owners: [String],
                    reasons: [Reason], daysOverdue: Int, missed: Int?, expected: Int?, windows: [String]?,
                    lastRecord: Day?, progress: Int?, target: Int?, blockedReason: String? = nil,
                    expectedPace: Int? = nil, due: DueDay? = nil) {
            self.activity = activity
            self.title = title
            self.goal = goal
            self.level = level
            self.owners = owners
            self.reasons = reasons
            self.daysOverdue = daysOverdue
            self.missed = missed
            self.expected = expected
            self.windows = windows
            self.lastRecord = lastRecord
            self.progress = progress
            self.due = due
            self.target = target
            self.blockedReason = blockedReason
            self.expectedPace = expectedPace
        }
    }

    /// A `once` activity whose last day comes within 91 days of the agenda date.
    public struct Upcoming: Hashable, Sendable {
        /// The activity's id.
        public var activity: ActivityID
        /// The activity's title.
        public var title: String
        /// The last day of its window.
        public var due: Day

        /// Creates an upcoming deadline.
        public init(activity: ActivityID, title: String, due: Day) {
            self.activity = activity
            self.title = title
            self.due = due
        }
    }

    /// An open decision as the agenda lists it.
    public struct OpenDecision: Hashable, Sendable {
        /// The decision's number.
        public var id: Int64
        /// What was decided.
        public var text: String
        /// The responsible institution's code.
        public var owner: String
        /// The due date.
        public var due: Day
        /// Whether the due date is before the agenda date.
        public var overdue: Bool
        /// The activity it concerns, if any.
        public var activity: ActivityID?
        /// That activity's state on the agenda's date and its last record
        /// before it, so the chair closes the decision on facts (issue 27).
        public var activityState: ActivityState?
        public var lastRecord: Day?

        /// Creates an agenda line for a decision.
        public init(id: Int64, text: String, owner: String, due: Day, overdue: Bool, activity: ActivityID? = nil,
                    activityState: ActivityState? = nil, lastRecord: Day? = nil) {
            self.id = id
            self.text = text
            self.owner = owner
            self.due = due
            self.overdue = overdue
            self.activity = activity
            self.activityState = activityState
            self.lastRecord = lastRecord
        }
    }

    /// A tertiary-level or as-needed activity on an emergency agenda.
    public struct Service: Hashable, Sendable {
        /// The activity's id.
        public var activity: ActivityID
        /// The activity's title.
        public var title: String
        /// The activity's goal number.
        public var goal: Int
        /// The level of the activity's goal.
        public var level: Level?
        /// The responsible institutions' codes.
        public var owners: [String]
        /// The latest record dated on or before the agenda date.
        public var lastRecord: Day?
        /// Records dated in `[date − 365, date]`.
        public var records365: Int

        /// Creates an emergency agenda line.
        public init(activity: ActivityID, title: String, goal: Int, level: Level?, owners: [String],
                    lastRecord: Day?, records365: Int) {
            self.activity = activity
            self.title = title
            self.goal = goal
            self.level = level
            self.owners = owners
            self.lastRecord = lastRecord
            self.records365 = records365
        }
    }

    /// The meeting date D.
    public var date: Day
    /// Regular or emergency.
    public var kind: Meeting.Kind
    /// The meeting's topic (an emergency's reason), if given.
    public var topic: String?
    /// R: the latest held regular meeting before D, else the plan start.
    public var reviewFrom: Day
    /// The overdue sweep of a regular agenda, by days overdue then plan order; empty for an emergency.
    public var items: [Item]
    /// `once` activities not done due in `[D, D + 91]`, by due date then plan order; empty for an emergency.
    public var upcoming: [Upcoming]
    /// Tertiary-level and as-needed activities of an emergency agenda; empty for a regular one.
    public var services: [Service]
    /// Every open decision, by due date then number.
    public var decisions: [OpenDecision]
    /// Held regular meetings in D's calendar year dated on or before D.
    public var meetingsHeld: Int
    /// Always `requiredMeetingsPerYear`.
    public var meetingsRequired: Int
    /// Quarters of D's year with a held regular meeting dated on or before
    /// D: what the rule of four counts (issue 26; `quarters_held` in JSON).
    public var quartersHeld: Int
    /// The planned meeting whose stored agenda this is, nil for an agenda computed for a date.
    public var meeting: Meeting?
    /// Items the sweep lists today that the stored agenda lacks and the
    /// chair did not take off: the plan changed since the agenda was
    /// saved. Adding them is the chair's act (`meeting edit N --refresh`,
    /// the board's question), never done silently. Empty for a computed agenda.
    public var notOnStored: [Item] = []
    /// For an emergency meeting's stored agenda: services the chair has
    /// neither chosen nor taken off (a service added to the plan since).
    public var notOnStoredServices: [Service] = []

    /// Builds the agenda of SPEC §5 for the date; pass a tracker already built
    /// from the same snapshot to save building it again.
    public init(snapshot: Snapshot, date: Day, kind: Meeting.Kind = .regular, topic: String? = nil,
                tracker: Tracker? = nil) {
        let tracker = tracker ?? Tracker(snapshot)
        let plan = snapshot.plan
        var levels: [Int: Level] = [:]
        for goal in plan.goals where levels[goal.number] == nil { levels[goal.number] = goal.level }

        self.date = date
        self.kind = kind
        self.topic = topic
        self.reviewFrom = Agenda.reviewFrom(meetings: snapshot.meetings, before: date, planStart: plan.period.first)
        self.meetingsHeld = Agenda.meetingsHeld(snapshot.meetings, on: date)
        self.meetingsRequired = Agenda.requiredMeetingsPerYear
        self.quartersHeld = MeetingYear.quartersHeld(snapshot.meetings, on: date)
        self.meeting = nil
        self.decisions = snapshot.decisions
            .filter(\.isOpen)
            .sorted { ($0.due, $0.id) < ($1.due, $1.id) }
            .map { d in
                let activity = d.activity.flatMap(plan.activity)
                return OpenDecision(id: d.id, text: d.text, owner: d.owner, due: d.due, overdue: d.due < date, activity: d.activity,
                                    activityState: activity.map { tracker.state(of: $0, on: date) },
                                    lastRecord: activity.flatMap { tracker.lastRecord(of: $0, on: date) })
            }

        switch kind {
        case .regular:
            self.items = Agenda.sweep(plan: plan, levels: levels, tracker: tracker, from: reviewFrom, on: date)
            self.upcoming = Agenda.upcoming(plan: plan, on: date)
            self.services = []
        case .emergency:
            self.items = []
            self.upcoming = []
            let year = DayRange(date.adding(days: -365), date)
            self.services = plan.activities.compactMap { activity in
                let level = levels[activity.goal]
                guard level == .tertiary || activity.schedule.kind == .asNeeded else { return nil }
                return Service(activity: activity.id, title: activity.title, goal: activity.goal, level: level,
                               owners: activity.owners, lastRecord: tracker.lastRecord(of: activity, on: date),
                               records365: tracker.recordCount(of: activity, in: year))
            }
        }
    }

    /// The agenda stored with `meeting` (issue 26): its items in the order the
    /// chair saved them, each with the reasons the sweep gives it on the
    /// meeting's date (none for an item added by hand), and the sweep's
    /// items that the stored agenda lacks in `notOnStored`. A meeting
    /// without a stored agenda (planned by an earlier version) gets the
    /// computed one. Upcoming deadlines, services and decisions are always
    /// as of now: they are reported, not chosen.
    public init(snapshot: Snapshot, meeting: Meeting, tracker: Tracker? = nil) {
        let tracker = tracker ?? Tracker(snapshot)
        self.init(snapshot: snapshot, date: meeting.date, kind: meeting.kind, topic: meeting.topic, tracker: tracker)
        self.meeting = meeting
        // The decisions open at this meeting are those of earlier meetings: a held meeting's
        // agenda read later does not list the decisions it took itself, nor later ones.
        let dates = Dictionary(snapshot.meetings.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        let takenOn = Dictionary(snapshot.decisions.compactMap { d in dates[d.meeting].map { (d.id, $0) } }, uniquingKeysWith: { a, _ in a })
        decisions = decisions.filter { takenOn[$0.id].map { $0 < meeting.date } ?? true }
        guard meeting.prepared else { return }
        let computed = Dictionary(items.map { ($0.activity, $0) }, uniquingKeysWith: { a, _ in a })
        let plan = snapshot.plan
        var levels: [Int: Level] = [:]
        for goal in plan.goals where levels[goal.number] == nil { levels[goal.number] = goal.level }
        var stored: [Item] = []
        // An emergency agenda's stored items are the services the chair chose, in her order.
        let serviceByID = Dictionary(services.map { ($0.activity, $0) }, uniquingKeysWith: { a, _ in a })
        if meeting.kind == .emergency {
            let on = Set(meeting.items.map(\.activity)).union(meeting.removed)
            let chosen = meeting.items.compactMap { serviceByID[$0.activity] }
            notOnStoredServices = meeting.state == .planned ? services.filter { !on.contains($0.activity) } : []
            services = chosen
        }
        for saved in meeting.items where serviceByID[saved.activity] == nil || meeting.kind == .regular {
            if var item = computed[saved.activity] {
                item.added = saved.added
                stored.append(item)
            } else if let activity = plan.activity(saved.activity) {
                var item = Item(activity: activity.id, title: activity.title, goal: activity.goal, level: levels[activity.goal],
                                owners: activity.owners, reasons: [], daysOverdue: 0, missed: nil, expected: nil, windows: nil,
                                lastRecord: tracker.lastRecord(of: activity, on: meeting.date),
                                progress: activity.target.map { _ in tracker.progress(of: activity, on: meeting.date) },
                                target: activity.target?.count,
                                blockedReason: activity.status == .blocked ? activity.statusNote : nil, due: activity.schedule.due)
                item.added = true
                stored.append(item)
            }
            // An item whose activity is no longer in the plan is left out: nothing to call.
        }
        let on = Set(meeting.items.map(\.activity)).union(meeting.removed)
        notOnStored = meeting.state == .planned ? items.filter { !on.contains($0.activity) } : []
        items = stored
    }

    /// R of SPEC §5: the date of the latest held regular meeting dated before
    /// `date`, or the plan start if there is none (emergency meetings never count).
    public static func reviewFrom(meetings: [Meeting], before date: Day, planStart: Day) -> Day {
        meetings
            .filter { $0.kind == .regular && $0.state == .held && $0.date < date }
            .map(\.date)
            .max() ?? planStart
    }

    /// Held regular meetings in the date's calendar year dated on or before it.
    public static func meetingsHeld(_ meetings: [Meeting], on date: Day) -> Int {
        meetings.count(where: {
            $0.kind == .regular && $0.state == .held && $0.date.year == date.year && $0.date <= date
        })
    }

    /// The items of a regular agenda: every activity not dropped with a reason.
    private static func sweep(plan: Plan, levels: [Int: Level], tracker: Tracker,
                              from start: Day, on date: Day) -> [Item] {
        var items: [(order: Int, item: Item)] = []
        for (order, activity) in plan.activities.enumerated() where activity.status != .dropped {
            let span = tracker.span(of: activity)
            var reasons: [Reason] = []
            var days = 0
            var tally: WindowTally?

            switch activity.schedule {
            case .once:
                if activity.status != .done && span.last < date {
                    reasons.append(.deadlinePassed)
                    days = max(days, span.last.days(to: date))
                }
            case .every, .ongoing:
                let t = tracker.tally(of: activity, from: start, on: date)
                tally = t
                if let earliest = t.missed.first {
                    reasons.append(.missed)
                    days = max(days, earliest.due.days(to: date))
                }
            case .asNeeded:
                break
            }

            var progress: Int?
            var pace: Pace?
            if let target = activity.target {
                let done = tracker.progress(of: activity, on: date)
                progress = done
                if span.last < date && done < target.count && activity.status != .done {
                    reasons.append(.targetMissed)
                    days = max(days, span.last.days(to: date))
                }
                pace = tracker.pace(of: activity, on: date)
                if pace?.isBehind == true {
                    reasons.append(.behindPace)
                }
            }

            guard !reasons.isEmpty else { continue }
            let item = Item(
                activity: activity.id, title: activity.title, goal: activity.goal, level: levels[activity.goal],
                owners: activity.owners, reasons: reasons, daysOverdue: days,
                missed: tally.map { $0.missed.count }, expected: tally.map(\.ended),
                windows: tally.map { $0.missed.map(\.label) },
                lastRecord: tracker.lastRecord(of: activity, on: date),
                progress: progress, target: activity.target?.count,
                blockedReason: activity.status == .blocked ? activity.statusNote : nil,
                expectedPace: pace?.expected, due: activity.schedule.due)
            items.append((order, item))
        }
        items.sort { a, b in
            a.item.daysOverdue != b.item.daysOverdue ? a.item.daysOverdue > b.item.daysOverdue : a.order < b.order
        }
        return items.map(\.item)
    }

    /// `once` activities not done (nor dropped) whose last day lies in `[date, date + 91]`.
    private static func upcoming(plan: Plan, on date: Day) -> [Upcoming] {
        let horizon = DayRange(date, date.adding(days: 91))
        var result: [(order: Int, entry: Upcoming)] = []
        for (order, activity) in plan.activities.enumerated() {
            guard case .once = activity.schedule, activity.status != .done, activity.status != .dropped else { continue }
            let due = activity.schedule.span(in: plan.period).last
            if horizon.contains(due) {
                result.append((order, Upcoming(activity: activity.id, title: activity.title, due: due)))
            }
        }
        result.sort { a, b in a.entry.due != b.entry.due ? a.entry.due < b.entry.due : a.order < b.order }
        return result.map(\.entry)
    }

    // MARK: JSON

    /// The agenda in the JSON shape of SPEC §5, keys in the order of its example.
    public var jsonValue: JSONValue {
        func day(_ d: Day?) -> JSONValue { d.map { .string($0.isoText) } ?? .null }
        func level(_ l: Level?) -> JSONValue { l.map { .string($0.rawValue) } ?? .null }
        func int(_ i: Int?) -> JSONValue { i.map { .int($0) } ?? .null }
        let decisions = JSONValue.array(self.decisions.map { d in
            .object([("id", .int(Int(d.id))), ("text", .string(d.text)), ("owner", .string(d.owner)),
                     ("due", day(d.due)), ("overdue", .bool(d.overdue))])
        })
        let items = JSONValue.array(self.items.map { item in
            .object([
                ("activity", .string(item.activity)),
                ("goal", .int(item.goal)),
                ("level", level(item.level)),
                ("owners", .array(item.owners.map { .string($0) })),
                ("reasons", .array(item.reasons.map { .string($0.rawValue) })),
                ("days_overdue", .int(item.daysOverdue)),
                ("missed", int(item.missed)),
                ("expected", int(item.expected)),
                ("windows", item.windows.map { .array($0.map { .string($0) }) } ?? .null),
                ("last_record", day(item.lastRecord)),
                ("progress", int(item.progress)),
                ("target", int(item.target)),
            ] + (item.added ? [("added", .bool(true))] : []))
        })
        let upcoming = JSONValue.array(self.upcoming.map { u in
            .object([("activity", .string(u.activity)), ("due", day(u.due))])
        })
        // Keys added by issue 26 (SPEC §5 allows more keys): the stored
        // agenda's meeting, its time and place, what the plan added since.
        // The agenda computed for a date keeps §5's example byte for byte.
        var stored: [(String, JSONValue)] = []
        if let meeting {
            stored.append(("quarters_held", .int(quartersHeld)))
            stored.append(("meeting", .int(Int(meeting.id))))
            stored.append(("time", meeting.time.map { .string($0.description) } ?? .null))
            stored.append(("place", meeting.details.place.map { .string($0) } ?? .null))
            stored.append(("stored", .bool(meeting.prepared)))
            stored.append(("not_on_stored", .array((notOnStored.map(\.activity) + notOnStoredServices.map(\.activity)).map { .string($0) })))
        }
        switch kind {
        case .regular:
            return .object([
                ("date", day(date)), ("kind", .string(kind.rawValue)), ("review_from", day(reviewFrom)),
                ("items", items), ("upcoming", upcoming), ("decisions", decisions),
                ("meetings_held", .int(meetingsHeld)), ("meetings_required", .int(meetingsRequired)),
            ] + stored)
        case .emergency:
            let services = JSONValue.array(self.services.map { s in
                .object([
                    ("activity", .string(s.activity)),
                    ("goal", .int(s.goal)),
                    ("level", level(s.level)),
                    ("owners", .array(s.owners.map { .string($0) })),
                    ("last_record", day(s.lastRecord)),
                    ("records_365", .int(s.records365)),
                ])
            })
            return .object([
                ("date", day(date)), ("kind", .string(kind.rawValue)), ("topic", topic.map { .string($0) } ?? .null),
                ("review_from", day(reviewFrom)), ("services", services),
                ("items", items), ("upcoming", upcoming), ("decisions", decisions),
                ("meetings_held", .int(meetingsHeld)), ("meetings_required", .int(meetingsRequired)),
            ] + stored)
        }
    }

    /// The agenda as one line of JSON in the shape of SPEC §5.
    public func json() -> String { jsonValue.serialized() }

    /// The same as UTF-8 bytes, for writing straight to the output.
    public func jsonBytes() -> [UInt8] { jsonValue.serializedBytes() }
}
