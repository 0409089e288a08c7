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
    static func boardState(_ data: DataSet, today: Day, width: Int, height: Int) throws -> AppState {
        let snapshot = try Store.open(at: data.storePath).snapshot()
        var state = AppState(snapshot: snapshot, today: today, language: .en, glyphs: .unicode,
                             width: width, height: height, author: "bench")
        _ = reduce(&state, .resize(width: width, height: height))
        return state
    }

    /// One keystroke as the board loop handles it: reduce, a fresh canvas,
    /// render, diff against the previous frame. `keys` are pressed in order.
    static func keystrokes(_ state: inout AppState, keys: [Key]) -> (samples: Samples, cells: Samples) {
        var samples = Samples()
        var cells = Samples()
        var previous = Canvas(width: state.width, height: state.height)
        render(state, into: &previous)
        for key in keys {
            let t0 = nanoseconds()
            _ = reduce(&state, .key(key))
            var canvas = Canvas(width: state.width, height: state.height)
            render(state, into: &canvas)
            let runs = Canvas.diff(from: previous, to: canvas)
            let t1 = nanoseconds()
            previous = canvas
            samples.add(milliseconds(from: t0, to: t1))
            cells.add(Double(runs.reduce(0) { $0 + $1.cells.count }))
        }
        return (samples, cells)
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
    static func relayoutKeys(rounds: Int, seed: UInt64) -> [Key] {
        var random = SyntheticPlan.Random(seed: seed)
        let words = ["apmācība", "vecāki", "drošība", "skolas", "atbalsts"]
        var keys: [Key] = []
        for _ in 0..<rounds {
            keys.append(.character("/"))
            for c in random.pick(words).prefix(random.int(2...6)) { keys.append(.character(c)) }
            keys.append(.backspace)
            keys.append(.escape)
            keys.append(.character("o"))
            keys.append(.character("o"))
            keys.append(.character("g"))
        }
        return keys
    }

    /// One recorded change, committed durably: `Store.addRecord` on a copy of
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
                let (ms, _) = try timed { try store.addRecord(record, now: Date()) }
                samples.add(ms)
            }
        }()
        return samples
    }
}
