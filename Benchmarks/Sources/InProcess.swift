import Foundation
import SargsBoard
import SargsCore
import SargsStore
import TestSupport

/// The measurements made inside this process, calling the same library
/// functions the `sargs` binary calls, in the same order.
enum InProcess {
    /// The board's start as `BoardCommand.run` does it, minus argument
    /// parsing, theme loading and ncurses: open the store, read the snapshot,
    /// build the state at the terminal's size, render the first frame and diff
    /// it against nothing (every row is written). Returns the total and each step.
    struct StartSteps {
        var total = Samples()
        var open = Samples()
        var snapshot = Samples()
        var state = Samples()
        var frame = Samples()
    }

    static func start(_ data: DataSet, today: Day, width: Int, height: Int, runs: Int) throws -> StartSteps {
        var steps = StartSteps()
        var sink = 0
        for _ in 0..<runs {
            let t0 = nanoseconds()
            let store = try Store.open(at: data.storePath)
            let t1 = nanoseconds()
            let snapshot = try store.snapshot()
            let t2 = nanoseconds()
            var state = AppState(snapshot: snapshot, today: today, language: .en, glyphs: .unicode,
                                 width: width, height: height, author: "bench")
            _ = reduce(&state, .resize(width: width, height: height))
            sink &+= Int(try store.version())
            let t3 = nanoseconds()
            var canvas = Canvas(width: width, height: height)
            render(state, into: &canvas)
            let runs = Canvas.diff(from: nil, to: canvas)
            sink &+= runs.count
            let t4 = nanoseconds()
            steps.total.add(milliseconds(from: t0, to: t4))
            steps.open.add(milliseconds(from: t0, to: t1))
            steps.snapshot.add(milliseconds(from: t1, to: t2))
            steps.state.add(milliseconds(from: t2, to: t3))
            steps.frame.add(milliseconds(from: t3, to: t4))
        }
        if sink == -1 { note("") }
        return steps
    }

    /// The state the board would show for a data set at a size.
    static func boardState(_ data: DataSet, today: Day, width: Int, height: Int, screenReader: Bool = false) throws -> AppState {
        let snapshot = try Store.open(at: data.storePath).snapshot()
        var state = AppState(snapshot: snapshot, today: today, language: .en, glyphs: .unicode,
                             width: width, height: height, author: "bench", screenReader: screenReader)
        _ = reduce(&state, .resize(width: width, height: height))
        return state
    }

    /// What the board loop does after the first frame while no key comes:
    /// `.idle` every 250 ms, each doing one piece of the work that can wait.
    static func settle(_ state: inout AppState) {
        for _ in 0..<4 { _ = reduce(&state, .idle) }
    }

    /// One keystroke as the board loop handles it: reduce, a fresh canvas,
    /// render, diff against the previous frame. `keys` are pressed in order.
    static func keystrokes(_ state: inout AppState, keys: [Key], seconds: Double? = nil)
        -> (samples: Samples, cells: Samples, reduce: Samples, render: Samples, diff: Samples) {
        let deadline = seconds.map { nanoseconds() + UInt64($0 * 1e9) }
        var samples = Samples(), cells = Samples()
        var reduceSamples = Samples(), renderSamples = Samples(), diffSamples = Samples()
        var previous = Canvas(width: state.width, height: state.height)
        render(state, into: &previous)
        for key in keys {
            let t0 = nanoseconds()
            _ = reduce(&state, .key(key))
            let t1 = nanoseconds()
            var canvas = Canvas(width: state.width, height: state.height)
            render(state, into: &canvas)
            let t2 = nanoseconds()
            let runs = Canvas.diff(from: previous, to: canvas)
            let t3 = nanoseconds()
            previous = canvas
            samples.add(milliseconds(from: t0, to: t3))
            reduceSamples.add(milliseconds(from: t0, to: t1))
            renderSamples.add(milliseconds(from: t1, to: t2))
            diffSamples.add(milliseconds(from: t2, to: t3))
            cells.add(Double(runs.reduce(0) { $0 + $1.cells.count }))
            if let deadline, nanoseconds() > deadline { break }
        }
        return (samples, cells, reduceSamples, renderSamples, diffSamples)
    }

    /// Cursor movement as people move: mostly down and up, some sideways,
    /// now and then a page or the ends of a column.
    static func navigationKeys(count: Int, seed: UInt64) -> [Key] {
        var random = SyntheticPlan.Random(seed: seed)
        return (0..<count).map { _ in
            switch random.int(0...99) {
            case 0..<35: return .down
            case 35..<60: return .up
            case 60..<75: return .right
            case 75..<90: return .left
            case 90..<94: return .pageDown
            case 94..<97: return .pageUp
            case 97..<98: return .home
            default: return .end
            }
        }
    }

    /// Keys that change what the board shows and so rebuild its columns:
    /// typing a search letter by letter, clearing it, overdue-only, regrouping.
    static func relayoutKeys(rounds: Int, seed: UInt64) -> [(key: Key, kind: String)] {
        var random = SyntheticPlan.Random(seed: seed)
        let words = ["apmācība", "vecāki", "drošība", "skolas", "atbalsts"]
        var keys: [(key: Key, kind: String)] = []
        for _ in 0..<rounds {
            keys.append((.character("/"), "/ (start a search)"))
            for c in random.pick(words).prefix(random.int(2...6)) { keys.append((.character(c), "a search letter")) }
            keys.append((.backspace, "Backspace in the search"))
            keys.append((.escape, "Esc (clear the search)"))
            keys.append((.character("o"), "o (overdue only)"))
            keys.append((.character("o"), "o (overdue only)"))
            keys.append((.character("g"), "g (regroup)"))
        }
        return keys
    }

    /// One recorded change, committed durably: `Store.apply(.record…)` (the gate, the record and its journal entry) on a copy of
    /// the store, `runs` times, each for a random activity today.
    static func durableChanges(_ data: DataSet, scratch: String, today: Day, runs: Int) throws -> Samples {
        let copy = scratch + "/durable-\(UUID().uuidString).sqlite"
        try copyStore(data.storePath, to: copy)
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: copy + suffix) } }
        var samples = Samples()
        var random = SyntheticPlan.Random(seed: 11)
        try {
            let store = try Store.open(at: copy)
            let activities = data.plan.activities
            for i in 0..<runs {
                let activity = activities[random.int(0...(activities.count - 1))]
                let record = Record(activity: activity.id, date: today, count: i % 3 == 0 ? 2 : nil,
                                    note: i % 5 == 0 ? "Nodarbība notika" : nil, author: "bench")
                let (ms, _) = try timed { try store.apply(.record(record), author: "bench", now: Date(), today: today) }
                samples.add(ms)
            }
        }()
        return samples
    }
}

/// Where the time of the heavy steps goes, for a data set (notes under the table).
enum Profile {
    static func lines(_ data: DataSet, today: Day) throws -> [String] {
        func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
            var samples = Samples()
            for _ in 0..<runs { samples.add(try timed(body).ms) }
            return samples.median
        }
        let store = try Store.open(at: data.storePath)
        let runs = 3
        let planMs = try median(runs) { _ = try store.plan() }
        var snapshot: Snapshot?
        let snapshotMs = try median(runs) { snapshot = try store.snapshot() }
        guard let snapshot else { return [] }
        var tracker: Tracker?
        let trackerMs = median(runs) { tracker = Tracker(snapshot) }
        guard let tracker else { return [] }
        let plan = snapshot.plan
        let statesMs = median(runs) { _ = plan.activities.map { tracker.state(of: $0, on: today) } }
        var lines = [
            String(format: "profile %@: Store.snapshot %.0f ms = Store.plan (PlanRows.plan, %d activities) %.0f ms + records, waivers, notes, meetings (%d records) %.0f ms",
                   data.name, snapshotMs, plan.activities.count, planMs, snapshot.records.count, snapshotMs - planMs),
            String(format: "profile %@: Tracker.init %.0f ms; the state of every activity (Tracker.state × %d) %.0f ms",
                   data.name, trackerMs, plan.activities.count, statesMs),
        ]
        var facts = BoardFacts(plan: plan, tracker: tracker, today: today)
        let factsMs = median(runs) { facts = BoardFacts(plan: plan, tracker: tracker, today: today) }
        var layouts: [String] = []
        for grouping in Grouping.allCases {
            let ms = median(runs) {
                _ = BoardLayout(plan: plan, facts: facts, grouping: grouping, filter: Filter(), language: .en)
            }
            layouts.append(String(format: "%@ %.1f ms", grouping.rawValue, ms))
        }
        let prepareMs = median(1) { facts.prepareSearch(plan) }
        var search = Filter()
        search.text = "apm"
        let searchMs = median(runs) {
            _ = BoardLayout(plan: plan, facts: facts, grouping: .goal, filter: search, language: .en)
        }
        lines.append(String(format: "profile %@: BoardFacts (every state and group, once per snapshot and day) %.1f ms; BoardLayout over them by ", data.name, factsMs)
                     + layouts.joined(separator: ", ")
                     + String(format: "; folding the search text of %d activities (once, at the first search) %.1f ms; a search over it %.1f ms",
                              plan.activities.count, prepareMs, searchMs))
        var agenda: Agenda?
        let agendaMs = median(runs) { agenda = Agenda(snapshot: snapshot, date: today, kind: .regular, topic: nil, tracker: tracker) }
        let jsonMs = median(runs) { _ = agenda?.json() }
        lines.append(String(format: "profile %@: Agenda.init %.0f ms, Agenda.json %.0f ms", data.name, agendaMs, jsonMs))
        return lines
    }
}
