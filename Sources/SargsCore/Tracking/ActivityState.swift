import Foundation

/// Where a window of an activity stands as of a day (SPEC §4).
public enum WindowState: String, CaseIterable, Hashable, Sendable {
    /// A record of the activity, dated on or before the day, lies inside the window.
    case met
    /// A waiver names the window (and no record met it).
    case waived
    /// The window's due day (its last day unless the schedule names one) came
    /// before the day, and it is neither met nor waived.
    case missed
    /// The window contains the day and is not yet met or waived.
    case open
    /// The window starts after the day.
    case future

    /// The state's name in both languages.
    public var phrase: Phrase {
        switch self {
        case .met: return Phrase(lv: "izpildīts", en: "met")
        case .waived: return Phrase(lv: "atbrīvots", en: "waived")
        case .missed: return Phrase(lv: "nokavēts", en: "missed")
        case .open: return Phrase(lv: "atvērts", en: "open")
        case .future: return Phrase(lv: "gaidāms", en: "future")
        }
    }
}

/// The state of an activity as of a day, shown on its card (SPEC §4).
public enum ActivityState: Hashable, Sendable {
    /// Status `dropped`: never overdue.
    case dropped
    /// A `once` activity with status `done`.
    case done
    /// A `once` activity past its window, or an `every`/`ongoing` activity whose
    /// latest ended window is missed; `days` counts from the due day (the last
    /// day unless the schedule names one) of that
    /// window (for `every`/`ongoing`, of the earliest window in the unbroken
    /// run of missed windows that ends with the latest ended one).
    case overdue(days: Int)
    /// A `once` activity while the day is inside its window.
    case open
    /// A `once` activity before its window.
    case upcoming
    /// An `every`/`ongoing` activity whose latest ended window is not missed.
    case onTrack
    /// An `every`/`ongoing` activity after its `to`, its last window not missed.
    case finished
    /// An `as-needed` activity (never overdue), with its latest record on or before the day.
    case asNeeded(lastRecord: Day?)
    /// Status `blocked`: the computed state, kept, with the reason the group gave.
    indirect case blocked(ActivityState, reason: String?)

    /// The state with any `blocked` wrapper removed.
    public var computed: ActivityState {
        if case .blocked(let inner, _) = self { return inner.computed }
        return self
    }

    /// Whether the activity's status is `blocked`.
    public var isBlocked: Bool {
        if case .blocked = self { return true }
        return false
    }

    /// The reason an activity is blocked, if it is and the group gave one.
    public var blockedReason: String? {
        if case .blocked(_, let reason) = self { return reason }
        return nil
    }

    /// Whether the computed state is overdue.
    public var isOverdue: Bool { daysOverdue != nil }

    /// Days overdue of the computed state, nil when not overdue.
    public var daysOverdue: Int? {
        if case .overdue(let days) = computed { return days }
        return nil
    }

    /// A stable machine name of the computed state: `dropped`, `done`, `overdue`,
    /// `open`, `upcoming`, `on-track`, `finished`, `as-needed`.
    public var code: String {
        switch computed {
        case .dropped: return "dropped"
        case .done: return "done"
        case .overdue: return "overdue"
        case .open: return "open"
        case .upcoming: return "upcoming"
        case .onTrack: return "on-track"
        case .finished: return "finished"
        case .asNeeded: return "as-needed"
        case .blocked: return "blocked"  // unreachable: `computed` unwraps it
        }
    }

    /// The computed state's name in both languages (without the blocked mark).
    public var phrase: Phrase {
        switch computed {
        case .dropped: return Phrase(lv: "atmesta", en: "dropped")
        case .done: return Phrase(lv: "izpildīta", en: "done")
        case .overdue: return Phrase(lv: "nokavēta", en: "overdue")
        case .open: return Phrase(lv: "atvērta", en: "open")
        case .upcoming: return Phrase(lv: "gaidāma", en: "upcoming")
        case .onTrack: return Phrase(lv: "laikā", en: "on track")
        case .finished: return Phrase(lv: "pabeigta", en: "finished")
        case .asNeeded: return Phrase(lv: "pēc vajadzības", en: "as needed")
        case .blocked: return Phrase(lv: "bloķēta", en: "blocked")
        }
    }

    /// The word for the blocked mark in both languages.
    public static let blockedPhrase = Phrase(lv: "bloķēta", en: "blocked")
}

/// Progress toward a target against the even pace of SPEC §4.
public struct Pace: Hashable, Sendable {
    /// Sum of the counts of records dated on or before the day.
    public let progress: Int
    /// The target's count.
    public let target: Int
    /// ⌊target × (D − from + 1) / (to − from + 1)⌋.
    public let expected: Int

    /// Creates a pace from its three numbers.
    public init(progress: Int, target: Int, expected: Int) {
        self.progress = progress
        self.target = target
        self.expected = expected
    }

    /// Whether progress is below the expected figure.
    public var isBehind: Bool { progress < expected }
}

/// The windows of an activity that ended in a span of days, and which of them were missed.
public struct WindowTally: Hashable, Sendable {
    /// How many windows ended (last day) in the span.
    public let ended: Int
    /// The missed ones among them, in order.
    public let missed: [Window]

    /// Creates a tally.
    public init(ended: Int, missed: [Window]) {
        self.ended = ended
        self.missed = missed
    }
}

/// Evaluates the rules of SPEC §4 for any activity and day; built once from a
/// snapshot (its record index, and waivers per activity), then every question
/// is a binary search or a little arithmetic.
public struct Tracker: Sendable {
    /// The plan the snapshot holds (its period fills in schedule defaults).
    public let plan: Plan
    /// Every record's day and count, by activity.
    public let records: RecordIndex
    /// Labels of waived windows, per activity.
    private let waived: [ActivityID: Set<String>]

    /// One activity's records and waivers.
    struct Track {
        let records: RecordIndex.Track
        /// Labels of waived windows.
        let waived: Set<String>
    }

    /// Builds the tracker from everything recorded in the snapshot.
    public init(_ snapshot: Snapshot) {
        self.init(plan: snapshot.plan, index: snapshot.records, waivers: snapshot.waivers)
    }

    /// Builds the tracker from a plan, its records and its waivers (records of
    /// activities not in the plan are kept too, under their ids).
    public init(plan: Plan, records: [Record], waivers: [Waiver]) {
        self.init(plan: plan, index: RecordIndex(records), waivers: waivers)
    }

    /// Builds the tracker from a plan, the index of its records and its waivers.
    public init(plan: Plan, index: RecordIndex, waivers: [Waiver]) {
        self.plan = plan
        self.records = index
        var waived: [ActivityID: Set<String>] = [:]
        for waiver in waivers { waived[waiver.activity, default: []].insert(waiver.window) }
        self.waived = waived
    }

    private func track(_ activity: Activity) -> Track {
        Track(records: records.track(activity.id), waived: waived.isEmpty ? [] : waived[activity.id] ?? [])
    }

    /// The activity's `[from, to]` inside the plan period.
    public func span(of activity: Activity) -> DayRange {
        activity.schedule.span(in: plan.period)
    }

    // MARK: Records

    /// Target progress as of the day: the sum of counts of records dated on or before it.
    public func progress(of activity: Activity, on day: Day) -> Int {
        track(activity).records.sumBefore(day.ordinal + 1)
    }

    /// The sum of counts of the activity's records dated inside `range`.
    public func progress(of activity: Activity, in range: DayRange) -> Int {
        guard !range.isEmpty else { return 0 }
        let t = track(activity)
        return t.records.sumBefore(range.last.ordinal + 1) - t.records.sumBefore(range.first.ordinal)
    }

    /// The number of the activity's records dated inside `range`.
    public func recordCount(of activity: Activity, in range: DayRange) -> Int {
        guard !range.isEmpty else { return 0 }
        let t = track(activity)
        return t.records.countBefore(range.last.ordinal + 1) - t.records.countBefore(range.first.ordinal)
    }

    /// The date of the activity's latest record dated on or before the day.
    public func lastRecord(of activity: Activity, on day: Day) -> Day? {
        track(activity).records.latestBefore(day.ordinal + 1).map { Day(ordinal: $0) }
    }

    /// Whether a waiver names the window label for the activity.
    public func isWaived(_ label: String, for activity: Activity) -> Bool {
        track(activity).waived.contains(label)
    }

    // MARK: Windows

    /// The state of one of the activity's windows as of the day.
    public func state(of window: Window, for activity: Activity, on day: Day) -> WindowState {
        let t = track(activity)
        return Self.state(first: window.first.ordinal, last: window.last.ordinal, due: window.due.ordinal,
                          on: day.ordinal, track: t) {
            window.label
        }
    }

    /// `due` is the window's due day (its last day unless the schedule names one).
    private static func state(first: Int, last: Int, due: Int, on day: Int, track: Track,
                              label: () -> String) -> WindowState {
        if track.records.hasRecord(from: first, through: min(last, day)) { return .met }
        if !track.waived.isEmpty && track.waived.contains(label()) { return .waived }
        if due < day { return .missed }
        if first > day { return .future }
        return .open
    }

    /// Every window of the activity's schedule with its state as of the day, in order
    /// (none for `as-needed`; the single window for `once`).
    public func windows(of activity: Activity, on day: Day) -> [(window: Window, state: WindowState)] {
        let t = track(activity)
        return activity.schedule.windows(in: plan.period).map { window in
            (window, Self.state(first: window.first.ordinal, last: window.last.ordinal, due: window.due.ordinal,
                                on: day.ordinal, track: t) { window.label })
        }
    }

    /// The `every`/`ongoing` windows whose due day (the last day unless the
    /// schedule names one) lies in `[from, day)`, and
    /// the missed ones among them as of `day` (SPEC §5). Empty for other schedules.
    public func tally(of activity: Activity, from start: Day, on day: Day) -> WindowTally {
        guard let cadence = activity.schedule.cadence else { return WindowTally(ended: 0, missed: []) }
        let span = span(of: activity)
        let t = track(activity)
        let begin = max(start, span.first)
        guard !span.isEmpty, begin <= span.last, begin < day else { return WindowTally(ended: 0, missed: []) }
        let dayOrdinal = day.ordinal, spanFirst = span.first.ordinal, spanLast = span.last.ordinal
        var ended = 0
        var missed: [Window] = []
        var i = cadence.index(of: begin)
        let top = cadence.index(of: span.last)
        let namedDue = activity.schedule.due
        while i <= top {
            let whole = cadence.range(at: i)
            let first = max(whole.first.ordinal, spanFirst), last = min(whole.last.ordinal, spanLast)
            let due = Self.due(namedDue, first: first, last: last)
            if due >= dayOrdinal { break }
            let index = i
            i += 1
            // A window whose due day came before the start ended before it.
            if due < begin.ordinal { continue }
            ended += 1
            let state = Self.state(first: first, last: last, due: due, on: dayOrdinal, track: t) { cadence.label(at: index) }
            if state == .missed {
                let w = cadence.window(at: index, clippedTo: span)
                missed.append(Window(cadence: w.cadence, range: w.range, label: w.label, due: Day(ordinal: due)))
            }
        }
        return WindowTally(ended: ended, missed: missed)
    }

    // MARK: States

    /// The state of the activity as of the day, exactly as SPEC §4.
    public func state(of activity: Activity, on day: Day) -> ActivityState {
        switch activity.status {
        case .dropped:
            return .dropped
        case .blocked:
            return .blocked(computedState(of: activity, on: day), reason: activity.statusNote)
        case .planned, .active, .done:
            return computedState(of: activity, on: day)
        }
    }

    private func computedState(of activity: Activity, on day: Day) -> ActivityState {
        let span = span(of: activity)
        switch activity.schedule {
        case .asNeeded:
            return .asNeeded(lastRecord: lastRecord(of: activity, on: day))
        case .once:
            if activity.status == .done { return .done }
            if day > span.last { return .overdue(days: span.last.days(to: day)) }
            if day >= span.first { return .open }
            return .upcoming
        case .every(let cadence, _, _, _), .ongoing(let cadence, _, _):
            if let days = overdueDays(of: activity, cadence: cadence, span: span, on: day) {
                return .overdue(days: days)
            }
            return day > span.last ? .finished : .onTrack
        }
    }

    /// Days from the last day of the earliest window in the run of missed
    /// windows ending with the latest window that ended before the day; nil if
    /// that latest window is not missed (or none has ended).
    private func overdueDays(of activity: Activity, cadence: Cadence, span: DayRange, on day: Day) -> Int? {
        missedRun(of: activity, cadence: cadence, span: span, on: day).map { day.ordinal - $0.earliestDue }
    }

    /// A one-off activity with a record in its span but not marked done or
    /// dropped (issue 27): the card says so and offers to finish it.
    public func recordedNotFinished(_ activity: Activity, on day: Day) -> Bool {
        guard activity.schedule.kind == .once, activity.status != .done, activity.status != .dropped else { return false }
        // Any record in its span, whatever came after it (a record dated past the deadline is not the work due).
        let span = span(of: activity)
        return recordCount(of: activity, in: DayRange(span.first, min(span.last, day))) > 0
    }

    /// What an overdue repeating activity owes (issue 27: a card that says
    /// why): the labels of the run of missed windows that ends with the
    /// latest window ended before the day, the latest first; empty when it
    /// owes none, or for a one-off (whose deadline is what it owes).
    public func owed(of activity: Activity, on day: Day) -> [String] {
        guard activity.status != .dropped, let cadence = activity.schedule.cadence,
              activity.schedule.kind != .once else { return [] }
        return missedRun(of: activity, cadence: cadence, span: span(of: activity), on: day)?.labels ?? []
    }

    /// The run of missed windows ending with the latest window that ended
    /// before the day (labels, latest first) and the earliest one's due
    /// day; nil if that latest window is not missed (or none has ended).
    private func missedRun(of activity: Activity, cadence: Cadence, span: DayRange, on day: Day) -> (labels: [String], earliestDue: Int)? {
        guard !span.isEmpty else { return nil }
        let dayOrdinal = day.ordinal, spanFirst = span.first.ordinal, spanLast = span.last.ordinal
        let lastEnded = min(dayOrdinal - 1, spanLast)
        guard lastEnded >= spanFirst else { return nil }
        let bottom = cadence.index(of: span.first)
        let namedDue = activity.schedule.due
        func bounds(_ i: Int) -> (first: Int, last: Int, due: Int) {
            let whole = cadence.range(at: i)
            let first = max(whole.first.ordinal, spanFirst), last = min(whole.last.ordinal, spanLast)
            return (first, last, Self.due(namedDue, first: first, last: last))
        }
        var i = cadence.index(of: Day(ordinal: lastEnded))
        // The latest window whose due day came before the day.
        if bounds(i).due > lastEnded { i -= 1 }
        let t = track(activity)
        var earliestMissedDue: Int?
        var labels: [String] = []
        while i >= bottom {
            let (first, last, due) = bounds(i)
            let index = i
            let state = Self.state(first: first, last: last, due: due, on: dayOrdinal, track: t) { cadence.label(at: index) }
            guard state == .missed else { break }
            earliestMissedDue = due
            labels.append(cadence.label(at: index))
            i -= 1
        }
        return earliestMissedDue.map { (labels, $0) }
    }

    /// The ordinal of a window's due day: the named day inside `[first, last]`, or `last`.
    private static func due(_ named: DueDay?, first: Int, last: Int) -> Int {
        guard let named else { return last }
        return named.deadline(first: Day(ordinal: first), last: Day(ordinal: last)).ordinal
    }

    // MARK: Pace

    /// Progress against the even pace toward the target as of the day; nil when
    /// the activity has no target, is done or dropped, or the day is outside its `[from, to]`.
    public func pace(of activity: Activity, on day: Day) -> Pace? {
        guard let target = activity.target, activity.status != .done, activity.status != .dropped else { return nil }
        let span = span(of: activity)
        guard span.contains(day) else { return nil }
        let expected = Counts.share(of: target.count, span.first.days(to: day) + 1, in: span.dayCount)
        return Pace(progress: progress(of: activity, on: day), target: target.count, expected: expected)
    }

    /// Whether the activity is behind pace as of the day (SPEC §4).
    public func isBehindPace(_ activity: Activity, on day: Day) -> Bool {
        pace(of: activity, on: day)?.isBehind ?? false
    }
}
