import SargsCore

/// How the board's columns are made.
public enum Grouping: String, CaseIterable, Hashable, Sendable {
    case goal, owner, level, period, state

    public var phrase: Phrase {
        switch self {
        case .goal: return Phrase(lv: "mērķis", en: "goal")
        case .owner: return Phrase(lv: "iestāde", en: "owner")
        case .level: return Phrase(lv: "līmenis", en: "level")
        case .period: return Phrase(lv: "periods", en: "period")
        case .state: return Phrase(lv: "stāvoklis", en: "state")
        }
    }

    public var next: Grouping {
        let all = Grouping.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }
}

/// The period groups of SPEC §8: one-off by year, weekly, monthly, quarterly,
/// half-yearly, ongoing, as needed.
public enum PeriodGroup: Hashable, Sendable, Comparable {
    case once(year: Int)
    case weekly, monthly, quarterly, halfYearly, yearly, ongoing, asNeeded

    public init(_ schedule: Schedule, period: DayRange) {
        switch schedule {
        case .once: self = .once(year: schedule.span(in: period).last.year)
        case .every(.week, _, _, _): self = .weekly
        case .every(.month, _, _, _): self = .monthly
        case .every(.quarter, _, _, _): self = .quarterly
        case .every(.halfYear, _, _, _): self = .halfYearly
        case .every(.year, _, _, _): self = .yearly
        case .ongoing: self = .ongoing
        case .asNeeded: self = .asNeeded
        }
    }

    private var order: (Int, Int) {
        switch self {
        case .once(let year): return (0, year)
        case .weekly: return (1, 0)
        case .monthly: return (2, 0)
        case .quarterly: return (3, 0)
        case .halfYearly: return (4, 0)
        case .yearly: return (5, 0)
        case .ongoing: return (6, 0)
        case .asNeeded: return (7, 0)
        }
    }

    public static func < (a: PeriodGroup, b: PeriodGroup) -> Bool { a.order < b.order }

    public var phrase: Phrase {
        switch self {
        case .once(let year): return Phrase(lv: "Vienreizējas \(year)", en: "One-off \(year)")
        case .weekly: return Phrase(lv: "Katru nedēļu", en: "Weekly")
        case .monthly: return Phrase(lv: "Katru mēnesi", en: "Monthly")
        case .quarterly: return Phrase(lv: "Katru ceturksni", en: "Quarterly")
        case .halfYearly: return Phrase(lv: "Katru pusgadu", en: "Half-yearly")
        case .yearly: return Phrase(lv: "Katru gadu", en: "Yearly")
        case .ongoing: return Phrase(lv: "Pastāvīgi", en: "Ongoing")
        case .asNeeded: return Phrase(lv: "Pēc vajadzības", en: "As needed")
        }
    }
}

/// The state groups the board can group and filter by.
public enum StateGroup: String, CaseIterable, Hashable, Sendable {
    case overdue, open, upcoming, onTrack = "on-track", finished, asNeeded = "as-needed", done, dropped, blocked

    public init(_ state: ActivityState) {
        if state.isBlocked { self = .blocked; return }
        self = StateGroup(rawValue: state.code) ?? .onTrack
    }

    public var phrase: Phrase {
        switch self {
        case .overdue: return Phrase(lv: "Nokavētas", en: "Overdue")
        case .open: return Phrase(lv: "Atvērtas", en: "Open")
        case .upcoming: return Phrase(lv: "Gaidāmas", en: "Upcoming")
        case .onTrack: return Phrase(lv: "Laikā", en: "On track")
        case .finished: return Phrase(lv: "Pabeigtas", en: "Finished")
        case .asNeeded: return Phrase(lv: "Pēc vajadzības", en: "As needed")
        case .done: return Phrase(lv: "Izpildītas", en: "Done")
        case .dropped: return Phrase(lv: "Atmestas", en: "Dropped")
        case .blocked: return Phrase(lv: "Bloķētas", en: "Blocked")
        }
    }
}

/// What the board shows of the cards: an empty filter shows everything.
public struct Filter: Hashable, Sendable {
    public var owners: Set<String> = []
    /// Levels shown; `nil` stands for goals without a level ("bez līmeņa").
    public var levels: Set<Level?> = []
    public var periods: Set<PeriodGroup> = []
    public var states: Set<StateGroup> = []
    public var overdueOnly = false
    public var text = ""

    public init() {}

    public var isEmpty: Bool {
        owners.isEmpty && levels.isEmpty && periods.isEmpty && states.isEmpty && !overdueOnly && text.isEmpty
    }
}

/// A question the board asks before it reverts, destroys or saves on the
/// person's behalf ("Atsaukt: izpilde 2.1: 2025-03-10? y — atsaukt, n — nē"):
/// it names what yes will do, and only the keys of its own answer it (never
/// a key that also moves); the effects run on yes, nothing happens on no.
public struct Confirmation: Hashable, Sendable {
    /// The question as shown, its answers and their keys included.
    public var question: Phrase
    /// What yes does, in a word or two ("atsaukt"): the named choice.
    public var action: Phrase
    public var onYes: [Effect]
    /// A command to carry out on yes, as answered (chair mode on an agenda not saved yet).
    public var then: Command?

    public init(question: Phrase, action: Phrase, onYes: [Effect], then: Command? = nil) {
        self.question = question
        self.action = action
        self.onYes = onYes
        self.then = then
    }
}

/// A line at the bottom that says what just happened.

public struct Message: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case notice, error }
    public var kind: Kind
    public var phrase: Phrase

    public init(_ kind: Kind, _ phrase: Phrase) {
        self.kind = kind
        self.phrase = phrase
    }
}

/// Everything the board shows and remembers; `reduce` is the only way it changes.
public struct AppState: Sendable {
    public private(set) var snapshot: Snapshot
    /// The rules, evaluated over `snapshot`; rebuilt whenever it changes.
    public private(set) var tracker: Tracker
    /// Every activity's state and groups as of `today`: made again when the
    /// snapshot or the day changes, not when the grouping or filter does.
    public internal(set) var facts: BoardFacts
    /// Counts the snapshots this state has had (caches made from one know which).
    public private(set) var generation = 0
    public internal(set) var today: Day
    public internal(set) var language: Language
    public var glyphs: Glyphs
    public internal(set) var keyMap: KeyMap
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// Who makes the changes (for undo and the journal).
    public internal(set) var author: String
    /// The store may be read but not changed (its file, folder or disk): every
    /// key that would change it says so instead of opening a form.
    public var readOnly = false
    /// For a screen reader or a braille display (issue 30, `--screen-reader`):
    /// the board one column at a time, a card a line with its state in words
    /// first (`LinearBoard`), forms without a drawn frame.
    public internal(set) var screenReader = false

    public internal(set) var screen: Screen = .board
    /// Where Esc goes back to.
    public internal(set) var screenStack: [Screen] = []
    public internal(set) var grouping: Grouping = .goal
    public internal(set) var filter = Filter()
    /// True while `/` search is taking keys.
    public internal(set) var searching = false

    /// The selected card: its column and its place in the column.
    public internal(set) var column = 0
    public internal(set) var row = 0
    /// The first column shown, for sideways scrolling.
    public internal(set) var firstColumn = 0
    /// The first card shown in each column, by column key.
    public internal(set) var firstRow: [String: Int] = [:]
    /// The scroll of long screens (activity, journal, help).
    public internal(set) var scroll = 0

    /// The columns and cards for the grouping and filter, states computed once.
    public private(set) var layout: BoardLayout = .empty

    public internal(set) var form: Form?
    /// A question waiting for its answer (`u` asks before it reverts).
    public internal(set) var confirmation: Confirmation?
    /// The command a yes was just given for (set while it runs).
    var answeredYes: Command?
    public var message: Message?

    // Each screen's own slice (issue 28), kept in the screen's feature folder.
    /// The agenda view and chair mode: the draft, its edits, its view.
    public internal(set) var agenda = AgendaScreenState()
    /// The activity screen: which activity, and its records.
    public internal(set) var activity = ActivityScreenState()
    /// The journal screen (and the activity screen's journal): the entries and the filter.
    public internal(set) var journal = JournalScreenState()
    public internal(set) var meetings = MeetingsScreenState()
    public internal(set) var institutions = InstitutionsScreenState()
    public internal(set) var meeting = MeetingScreenState()
    public internal(set) var decision = DecisionScreenState()
    public internal(set) var quitting = false

    public init(snapshot: Snapshot, today: Day, language: Language = .lv, glyphs: Glyphs = .unicode,
                keyMap: KeyMap = .standard, width: Int = 80, height: Int = 24, author: String = "", screenReader: Bool = false) {
        self.snapshot = snapshot
        self.tracker = Tracker(snapshot)
        self.facts = BoardFacts(plan: snapshot.plan, tracker: tracker, today: today)
        self.today = today
        self.language = language
        self.glyphs = glyphs
        self.keyMap = keyMap
        self.width = width
        self.height = height
        self.author = author
        self.screenReader = screenReader
        relayout()
    }

    /// Replaces the snapshot (after a save, or another person's change).
    public mutating func replace(snapshot: Snapshot) {
        // The selection, by id: the new plan may have activities added or removed before it.
        let selectedID = selectedActivity?.id
        // The folded search text outlives a snapshot whose activities are the same.
        let searchText = snapshot.plan.activities == self.snapshot.plan.activities ? facts.searchText : nil
        self.snapshot = snapshot
        tracker = Tracker(snapshot)
        facts = BoardFacts(plan: plan, tracker: tracker, today: today)
        facts.searchText = searchText
        generation += 1
        relayout(keeping: selectedID.flatMap { id in plan.activities.firstIndex { $0.id == id } })
    }

    /// Recomputes the columns after the day, grouping or filter changed,
    /// keeping the selection on the same activity where it is still shown.
    public mutating func relayout() {
        relayout(keeping: selectedIndex)
    }

    /// Recomputes the columns, keeping the selection on the activity at
    /// `selected` (an index into `plan.activities`) where it is still shown.
    private mutating func relayout(keeping selected: Int?) {
        if facts.day != today {
            // A new day, the same plan: new states, the same search text.
            let searchText = facts.searchText
            facts = BoardFacts(plan: plan, tracker: tracker, today: today)
            facts.searchText = searchText
        }
        let matches = filter.text.isEmpty ? nil : facts.textMatches(BoardLayout.foldedBytes(filter.text), plan: plan)
        layout = BoardLayout(plan: plan, facts: facts, grouping: grouping, filter: filter, language: language,
                             textMatches: matches)
        if let selected {
            let before = (column, row)
            select(index: selected)
            // Filtered away: the first card still shown in its column.
            if (column, row) == before, selectedIndex != selected { row = 0 }
        }
        clampSelection()
        if selectedActivity == nil, let first = layout.columns.firstIndex(where: { !$0.cards.isEmpty }),
           layout.columns.indices.contains(column), layout.columns[column].cards.isEmpty {
            // The selected card was filtered away and its column is empty: go to the first card shown.
            column = first
            row = 0
        }
    }

    /// The index in `plan.activities` of the selected card, if the column has cards.
    var selectedIndex: Int? {
        guard layout.columns.indices.contains(column) else { return nil }
        let cards = layout.columns[column].cards
        return cards.indices.contains(row) ? cards[row] : nil
    }

    /// The activity under the selection, if the column has cards.
    public var selectedActivity: Activity? {
        guard layout.columns.indices.contains(column) else { return nil }
        let cards = layout.columns[column].cards
        guard cards.indices.contains(row) else { return nil }
        return plan.activities[cards[row]]
    }

    /// Moves the selection to the first card of an activity, if it is shown.
    public mutating func select(_ id: ActivityID) {
        if let index = plan.activities.firstIndex(where: { $0.id == id }) { select(index: index) }
    }

    /// Moves the selection to the first card of the activity at `index` in `plan.activities`, if it is shown.
    mutating func select(index: Int) {
        for (c, col) in layout.columns.enumerated() {
            if let r = col.cards.firstIndex(of: index) {
                column = c
                row = r
                return
            }
        }
    }

    /// Keeps the selection inside the columns and cards that exist.
    public mutating func clampSelection() {
        column = layout.columns.isEmpty ? 0 : min(max(column, 0), layout.columns.count - 1)
        let count = layout.columns.indices.contains(column) ? layout.columns[column].cards.count : 0
        row = count == 0 ? 0 : min(max(row, 0), count - 1)
    }

    public var plan: Plan { snapshot.plan }

    /// The key of a command as the interface names it in hints ("p", "Enter").
    public func keyName(_ command: Command) -> String {
        let key = keyMap.key(command)
        return glyphs.isASCII ? key.asciiName : key.displayName
    }

    /// The meetings as the meetings view lists them: by date, then number.
    public var meetingsInOrder: [Meeting] {
        snapshot.meetings.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    public func text(_ phrase: Phrase) -> String { phrase.text(language) }

    public func state(of activity: Activity) -> ActivityState {
        tracker.state(of: activity, on: today)
    }
}
