/// A session of the cooperation group (sēde).
public struct Meeting: Hashable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case regular, emergency
    }

    public enum State: String, CaseIterable, Hashable, Sendable {
        case planned, held, cancelled
    }

    /// What the group did with an item when the chair called it.
    public enum Outcome: String, CaseIterable, Hashable, Sendable {
        case discussed, decision, deferred

        public var phrase: Phrase {
            switch self {
            case .discussed: return Phrase(lv: "izskatīts", en: "discussed")
            case .decision: return Phrase(lv: "pieņemts lēmums", en: "decision taken")
            case .deferred: return Phrase(lv: "atlikts uz nākamo sēdi", en: "deferred to the next meeting")
            }
        }
    }

    /// An activity on the meeting's prepared agenda, in the order the chair calls it.
    public struct Item: Hashable, Sendable {
        public var activity: ActivityID
        public var outcome: Outcome?
        /// Words the chair gave the outcome ("SD ziņos nākamajā sēdē"); one
        /// line, passes the personal-code guard; nil when none (issue 26).
        public var note: String?
        /// The chair put it on the agenda by hand (the sweep did not).
        public var added: Bool

        public init(activity: ActivityID, outcome: Outcome? = nil, note: String? = nil, added: Bool = false) {
            self.activity = activity
            self.outcome = outcome
            self.note = note
            self.added = added
        }
    }

    /// What the minutes carry about the sitting itself (SPEC §7 `meeting
    /// hold`): where and when it sat, who chaired and who took the minutes,
    /// who was present, the guests, and whether the minutes are restricted.
    /// Free texts are one line each and pass the personal-code guard.
    public struct Details: Hashable, Sendable {
        /// Institution codes of those present, in the order given.
        public var attendees: [String]
        public var place: String?
        public var started: ClockTime?
        public var ended: ClockTime?
        /// Who chaired, by role or name of office (no personal data about children or families).
        public var chair: String?
        /// Who took the minutes.
        public var secretary: String?
        /// Invited guests, by role or institution.
        public var guests: String?
        /// The minutes hold restricted-access information: their first line says so.
        public var restricted: Bool

        public init(attendees: [String] = [], place: String? = nil, started: ClockTime? = nil, ended: ClockTime? = nil,
                    chair: String? = nil, secretary: String? = nil, guests: String? = nil, restricted: Bool = false) {
            self.attendees = attendees
            self.place = place
            self.started = started
            self.ended = ended
            self.chair = chair
            self.secretary = secretary
            self.guests = guests
            self.restricted = restricted
        }

        /// Whether the sitting ended the day after it started: an end time
        /// before the start time (23:30–00:30, issue 27).
        public var endsNextDay: Bool {
            guard let started, let ended else { return false }
            return ended < started
        }

        /// How long the sitting lasted, in minutes (1…1440), when both times are known.
        public var length: Int? {
            guard let started, let ended else { return nil }
            let minutes = (ended.minutes - started.minutes + 1440) % 1440
            return minutes == 0 ? 1440 : minutes
        }

        /// The free texts with their names, for the guard and its refusals.
        public var texts: [(field: Phrase, text: String?)] {
            [(Phrase(lv: "sēdes vieta", en: "the place"), place),
             (Phrase(lv: "sēdes vadītājs", en: "the chair"), chair),
             (Phrase(lv: "protokolētājs", en: "the secretary"), secretary),
             (Phrase(lv: "uzaicinātie", en: "the guests"), guests)]
        }
    }

    public var id: Int64
    public var date: Day
    public var kind: Kind
    public var topic: String?
    public var state: State
    /// Attendees, place, times, chair, secretary, guests, restricted mark.
    public var details: Details
    /// The prepared agenda and each item's outcome (empty when none was prepared).
    public var items: [Item]
    /// Whether the agenda is stored with the meeting (issue 26): then
    /// `items` is the agenda every reader shows, even when empty; a meeting
    /// planned by an earlier version without one has its agenda computed.
    public var prepared: Bool
    /// Activities the sweep put on the agenda and the chair took off: they
    /// stay off when the agenda is computed again.
    public var removed: [ActivityID]

    /// Institution codes of those present, recorded when the meeting is held.
    public var attendees: [String] {
        get { details.attendees }
        set { details.attendees = newValue }
    }

    public init(id: Int64 = 0, date: Day, kind: Kind = .regular, topic: String? = nil,
                state: State = .planned, attendees: [String] = [], items: [Item] = []) {
        self.init(id: id, date: date, kind: kind, topic: topic, state: state,
                  details: Details(attendees: attendees), items: items)
    }

    /// A meeting; `prepared` defaults to whether it has items.
    public init(id: Int64, date: Day, kind: Kind, topic: String?, state: State, details: Details, items: [Item],
                prepared: Bool? = nil, removed: [ActivityID] = []) {
        self.id = id
        self.date = date
        self.kind = kind
        self.topic = topic
        self.state = state
        self.details = details
        self.items = items
        self.prepared = prepared ?? !items.isEmpty
        self.removed = removed
    }

    /// The calling order of agenda items: grouped under each item's first
    /// owner in the plan's order of institutions (an owner the plan does
    /// not list, or none, last), the given order within a group, so the
    /// chair calls each representative in turn. The board's agenda and
    /// `meeting new` store items in this order.
    public static func callingOrder(_ items: [ActivityID], in plan: Plan) -> [ActivityID] {
        // Each item's rank is looked up once (a plan of 10,000 activities has
        // thousands of items; a search per comparison took seconds).
        var rankOfCode: [String: Int] = [:]
        for (i, institution) in plan.allInstitutions.enumerated() where rankOfCode[institution.code] == nil {
            rankOfCode[institution.code] = i
        }
        let wanted = Set(items)
        var firstOwner: [ActivityID: String] = [:]
        for activity in plan.activities where wanted.contains(activity.id) { firstOwner[activity.id] = activity.owners.first }
        let last = rankOfCode.count
        let ranked = items.enumerated().map { (rank: firstOwner[$0.element].flatMap { rankOfCode[$0] } ?? last, offset: $0.offset, id: $0.element) }
        return ranked.sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.id)
    }

    /// The time the meeting is called for (`meeting new --time`), which is
    /// also when it started unless `meeting hold --started` said otherwise.
    public var time: ClockTime? { details.started }

    /// Another meeting of the same kind on the same date, not cancelled:
    /// the one that makes planning this one a mistake (issue 26).
    public func twin(among meetings: [Meeting]) -> Meeting? {
        meetings.first { $0.id != id && $0.date == date && $0.kind == kind && $0.state != .cancelled }
    }

    /// The plan's institutions not among the attendees (SPEC §8: present and absent), in plan order.
    public func absent(in plan: Plan) -> [String] {
        let present = Set(attendees)
        return plan.allInstitutions.map(\.code).filter { !present.contains($0) }
    }

    /// The next meeting after this one that is not cancelled, if any (the minutes name its date).
    public func next(among meetings: [Meeting]) -> Meeting? {
        meetings.filter { $0.state != .cancelled && $0.id != id && ($0.date, $0.id) > (date, id) }
            .min { ($0.date, $0.id) < ($1.date, $1.id) }
    }
}

/// What a meeting did with an earlier decision in its review (iepriekšējo
/// lēmumu izpildes kontrole): closed it, gave it a new due date, or left it
/// open. One per meeting and decision; the minutes list them.
public struct DecisionReview: Hashable, Sendable {
    public enum Outcome: String, CaseIterable, Hashable, Sendable {
        case done, moved, open

        public var phrase: Phrase {
            switch self {
            case .done: return Phrase(lv: "izpildīts", en: "done")
            case .moved: return Phrase(lv: "jauns termiņš", en: "new due date")
            case .open: return Phrase(lv: "paliek atvērts", en: "stays open")
            }
        }
    }

    public var meeting: Int64
    public var decision: Int64
    public var outcome: Outcome
    /// The due date before the review, and after it (the same unless moved).
    public var dueBefore: Day
    public var dueAfter: Day

    public init(meeting: Int64, decision: Int64, outcome: Outcome, dueBefore: Day, dueAfter: Day) {
        self.meeting = meeting
        self.decision = decision
        self.outcome = outcome
        self.dueBefore = dueBefore
        self.dueAfter = dueAfter
    }

    /// The decisions a regular meeting reviews, by due date (as it was when
    /// the review began) then number:
    /// those of earlier meetings still open, and those this meeting already
    /// reviewed (so the count "lēmums 2 / 5" holds while the chair closes
    /// them). An emergency meeting reviews none.
    public static func decisions(for meeting: Meeting, in snapshot: Snapshot) -> [Decision] {
        guard meeting.kind == .regular else { return [] }
        let reviewed = Dictionary(snapshot.reviews.filter { $0.meeting == meeting.id && meeting.id != 0 }.map { ($0.decision, $0.dueBefore) },
                                  uniquingKeysWith: { a, _ in a })
        let dates = Dictionary(snapshot.meetings.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        // Ordered by the due date each had when the review began: a new due date does not move it in the list.
        func due(_ d: Decision) -> Day { reviewed[d.id] ?? d.due }
        return snapshot.decisions.filter { d in
            guard d.meeting != meeting.id || meeting.id == 0 else { return false }
            if let from = dates[d.meeting], from > meeting.date { return false }
            return d.isOpen || reviewed[d.id] != nil
        }.sorted { (due($0), $0.id) < (due($1), $1.id) }
    }
}

/// An outcome of a meeting (lēmums): text, owner, due date, optional activity.
public struct Decision: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var meeting: Int64
    public var text: String
    public var owner: String
    public var due: Day
    public var activity: ActivityID?
    /// The day it was marked done; nil while open.
    public var doneOn: Day?

    public var isOpen: Bool { doneOn == nil }

    public init(id: Int64 = 0, meeting: Int64, text: String, owner: String, due: Day,
                activity: ActivityID? = nil, doneOn: Day? = nil) {
        self.id = id
        self.meeting = meeting
        self.text = text
        self.owner = owner
        self.due = due
        self.activity = activity
        self.doneOn = doneOn
    }
}

/// A year of meetings against the rule of at least four regular ones, one a quarter.
public struct MeetingYear: Hashable, Sendable {
    public var year: Int
    /// Regular meetings held in the year.
    public var held: Int
    /// Quarters of the year with a held regular meeting (what the rule counts).
    public var quarters: Int
    public var required: Int
    /// Quarters (1–4) that are over on the day asked and had no held regular meeting.
    public var quartersWithout: [Int]

    /// One entry for every year that has a meeting; a quarter counts as
    /// "without a meeting" only once it is over on `today`.
    ///
    /// With the plan's `period`, every year of it that has begun by `today`
    /// has an entry too, meetings or not (a year with none is 0 of 4).
    public static func summary(_ meetings: [Meeting], today: Day, period: DayRange? = nil) -> [MeetingYear] {
        var years = Set(meetings.map(\.date.year))
        if let period, period.first <= today {
            for year in period.first.year...max(period.first.year, min(today.year, period.last.year)) { years.insert(year) }
        }
        return years.sorted().map { year in
            let held = meetings.filter { $0.kind == .regular && $0.state == .held && $0.date.year == year }
            let quarters = Set(held.map { ($0.date.month - 1) / 3 + 1 })
            let over = (1...4).filter { q in Day(year: year, month: q * 3, day: q == 1 || q == 4 ? 31 : 30).map { $0 < today } ?? false }
            return MeetingYear(year: year, held: held.count, quarters: quarters.count, required: Agenda.requiredMeetingsPerYear,
                               quartersWithout: over.filter { !quarters.contains($0) })
        }
    }

    /// The quarters of `date`'s year with a held regular meeting dated on or
    /// before `date`: the group must meet at least once a quarter, so two
    /// meetings in one quarter count once toward the four (issue 26).
    public static func quartersHeld(_ meetings: [Meeting], on date: Day) -> Int {
        Set(meetings.filter { $0.kind == .regular && $0.state == .held && $0.date.year == date.year && $0.date <= date }
            .map { ($0.date.month - 1) / 3 }).count
    }


    /// "2025: ceturkšņi ar kārtējo sēdi 3 no 4 (notikušas 4 sēdes); ceturkšņi bez sēdes: II cet."
    /// (in English "…; quarters without one: Q2"): the quarters named as each language names them.
    public func text(_ language: Language) -> String {
        let missing = quartersWithout.map { WindowWords.short("\(year)-Q\($0)", language) }.joined(separator: ", ")
        switch language {
        case .lv:
            let more = held > quarters ? " (notikušas \(held) \(Plural.form(held, .lv, one: "sēde", other: "sēdes")))" : ""
            return "\(year): ceturkšņi ar kārtējo sēdi \(quarters) no \(required)\(more)" + (missing.isEmpty ? "" : "; ceturkšņi bez sēdes: \(missing)")
        case .en:
            let more = held > quarters ? " (\(held) meetings held)" : ""
            return "\(year): quarters with a regular meeting \(quarters) of \(required)\(more)" + (missing.isEmpty ? "" : "; quarters without one: \(missing)")
        }
    }
}
