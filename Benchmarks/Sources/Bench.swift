import Foundation
import SargsBoard
import SargsCore
#if canImport(Glibc)
import Glibc
#endif

/// `sargs-bench`: measures every row of SPEC §9 and prints one table.
///
///     sargs-bench --sargs .build/release/sargs [--data .build-bench] [--today YYYY-MM-DD]
///                 [--key SOURCE-HASH] [--task /usr/bin/task] [--quick]
///                 [--activities 10000] [--records 500000]
///
/// Progress goes to standard error; the table and its notes to standard output.
@main
struct Bench {
    struct Options {
        var sargs = ".build/release/sargs"
        var data = ".build-bench"
        var today = Day.riga(Date())
        var key = "dev"
        var task: String? = "/usr/bin/task"
        var quick = false
        var activities = 10_000
        var records = 500_000
        var madonaRecords = 1_000
        var plan = "data/madona-2025-2027.yaml"
        /// Sections to run (all when empty): start, keys, agenda, peer, madona-peer,
        /// commands, syscalls, profile, durable.
        var only: Set<String> = []
    }

    static func main() {
        do {
            let options = try parse(Array(CommandLine.arguments.dropFirst()))
            var bench = Bench(options: options)
            try bench.run()
        } catch {
            FileHandle.standardError.write(Data("sargs-bench: \(error)\n".utf8))
            exit(1)
        }
    }

    static func parse(_ arguments: [String]) throws -> Options {
        var o = Options()
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < arguments.count else { throw BenchFailure("\(arguments[i - 1]) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--sargs": o.sargs = try value()
            case "--data": o.data = try value()
            case "--today":
                let text = try value()
                guard let day = Day(text) else { throw BenchFailure("--today must be YYYY-MM-DD") }
                o.today = day
            case "--key": o.key = try value()
            case "--task": let t = try value(); o.task = t.isEmpty ? nil : t
            case "--no-peer": o.task = nil
            case "--quick": o.quick = true
            case "--activities": o.activities = Int(try value()) ?? o.activities
            case "--records": o.records = Int(try value()) ?? o.records
            case "--madona-records": o.madonaRecords = Int(try value()) ?? o.madonaRecords
            case "--plan": o.plan = try value()
            case "--only": o.only = Set(try value().split(separator: ",").map(String.init))
            default: throw BenchFailure("unknown option \(arguments[i])")
            }
            i += 1
        }
        o.sargs = URL(fileURLWithPath: o.sargs).standardizedFileURL.path
        o.data = URL(fileURLWithPath: o.data).standardizedFileURL.path
        return o
    }

    let options: Options
    var rows: [Row] = []
    var notes: [String] = []

    var scratch: String { options.data + "/scratch" }

    /// How many times to repeat a measurement (fewer with --quick).
    func runs(_ full: Int) -> Int { options.quick ? max(3, full / 4) : full }

    func wants(_ section: String) -> Bool { options.only.isEmpty || options.only.contains(section) }

    mutating func run() throws {
        let o = options
        try? FileManager.default.removeItem(atPath: scratch)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let maker = DataSetMaker(directory: o.data + "/data", today: o.today, sourceKey: o.key)
        note("data sets (cached in \(o.data)/data) …")
        let madona = try maker.madona(planPath: o.plan, records: o.madonaRecords, seed: 3)
        let large = try maker.synthetic(activities: o.activities, records: o.records, seed: 1)
        notes.append("today: \(o.today) (SARGS_TODAY for every run)")
        notes.append(madona.describe)
        notes.append(large.describe)

        if wants("start") {
            try measureStart(madona, budget: 40, memoryBudget: 30, runs: 30)
            try measureStart(large, budget: 250, memoryBudget: 150, runs: 10)
        }
        if wants("keys") { try measureKeys(large) }
        if wants("agenda") || wants("peer") { try measureAgenda(madona, large) }
        if wants("peer") || wants("madona-peer") { try madonaPeer(madona) }
        if wants("commands") { try everyCommand(large) }
        if wants("syscalls") { try syscalls(madona) }
        if wants("profile") {
            note("profile, \(large.name) …")
            notes += try Profile.lines(large, today: o.today)
        }
        if wants("durable") {
            note("durable changes …")
            for data in [madona, large] {
                let samples = try InProcess.durableChanges(data, scratch: scratch, today: o.today, runs: runs(200))
                rows.append(.limit("one recorded change committed durably (Store.apply: gate, record, journal; WAL, synchronous=FULL), \(data.name)",
                                   .ms, atMost: 5, budget: "≤ 5 ms median", samples: samples))
            }
        }

        printTable(rows)
        print("")
        for line in notes { print("- " + line) }
        let over = rows.filter { $0.pass == false }
        print("")
        print(over.isEmpty ? "every row with a budget is within it" : "OVER BUDGET: " + over.map(\.what).joined(separator: "; "))
        try? FileManager.default.removeItem(atPath: scratch)
    }

    /// Start to first frame (in-process steps and the whole binary in a pty),
    /// the bytes of one cursor move and the board's peak memory.
    mutating func measureStart(_ data: DataSet, budget: Double, memoryBudget: Double, runs full: Int) throws {
        note("board start, \(data.name) …")
        let steps = try InProcess.start(data, today: options.today, width: 120, height: 40, runs: runs(full))
        let pty = try boardInTerminal(data, width: 120, height: 40, runs: runs(full / 2))
        rows.append(.limit("board start → first frame, \(data.name), whole process in a pty (exec → last byte of frame 1)",
                           .ms, atMost: budget, budget: "≤ \(Int(budget)) ms", samples: pty.firstFrame))
        rows.append(.limit("board start → first frame, \(data.name), in-process (open+snapshot+state+render+diff)",
                           .ms, atMost: budget, budget: "≤ \(Int(budget)) ms", samples: steps.total))
        notes.append(String(format: "start steps %@ (median ms): Store.open %.2f, Store.snapshot %.2f, AppState (tracker+layout) %.2f, first frame render+diff %.2f",
                            data.name, steps.open.median, steps.snapshot.median, steps.state.median, steps.frame.median))
        rows.append(.limit("bytes written for one cursor move (j), 120×40, \(data.name)", .bytes, atMost: 1024,
                           budget: "≤ 1 KiB", samples: pty.cursorBytes, showP99: false))
        rows.append(.limit("resident memory (VmHWM), board after frame 1 + a move, \(data.name)", .mib,
                           atMost: memoryBudget, budget: "≤ \(Int(memoryBudget)) MB", samples: pty.peakMiB, showP99: false))
        notes.append(String(format: "frame 1 of %@ at 120×40: %.0f bytes", data.name, pty.firstFrameBytes.median))
    }

    /// One keystroke at 200×60: moving, re-filtering, and the agenda screen.
    mutating func measureKeys(_ large: DataSet) throws {
        let today = options.today
        note("keystrokes, \(large.name) at 200×60 …")
        var state = try InProcess.boardState(large, today: today, width: 200, height: 60)
        let navigationKeys = InProcess.navigationKeys(count: runs(5000), seed: 5)
        let navigation = InProcess.keystrokes(&state, keys: navigationKeys)
        rows.append(.limit("one keystroke (↑↓←→ PgUp PgDn Home End): reduce+render+diff, 200×60, \(large.name)", .ms,
                           atMost: 4, budget: "p99 ≤ 4 ms", samples: navigation.samples, p99IsTheBudget: true))
        var byKey: [String: Samples] = [:]
        for (key, ms) in zip(navigationKeys, navigation.samples.values) { byKey[key.displayName, default: Samples()].add(ms) }
        notes.append("navigation keys at 200×60, \(large.name) (median/p99 ms): " + byKey.sorted { $0.key < $1.key }
            .map { String(format: "%@ %.2f/%.2f", $0.key, $0.value.median, $0.value.p99) }.joined(separator: ", ")
            + String(format: "; cells changed per key: median %.0f, p99 %.0f", navigation.cells.median, navigation.cells.p99))

        // Typed ahead, before the board was ever idle: the first search letter
        // folds every activity's text, and A computes the agenda there and then.
        var eager = try InProcess.boardState(large, today: today, width: 200, height: 60)
        let firstLetter = InProcess.keystrokes(&eager, keys: [.character("/"), .character("a")]).samples.values.last ?? 0
        var eagerAgenda = try InProcess.boardState(large, today: today, width: 200, height: 60)
        let eagerOpening = InProcess.keystrokes(&eagerAgenda, keys: [.character("A")]).samples.values.last ?? 0
        notes.append(String(format: "typed ahead at 200×60, %@ (before the board's first idle moment): the first search letter %.1f ms, opening the agenda (A) %.1f ms; the board loop does both ahead when no key comes for 250 ms (Action.idle), and the rows above and below are measured after that, as a person meets them",
                            large.name, firstLetter, eagerOpening))

        var relayoutState = try InProcess.boardState(large, today: today, width: 200, height: 60)
        InProcess.settle(&relayoutState)
        let relayoutKeys = InProcess.relayoutKeys(rounds: runs(40), seed: 6)
        let relayout = InProcess.keystrokes(&relayoutState, keys: relayoutKeys.map(\.key))
        rows.append(.limit("one keystroke that re-filters (/ typing, Esc, o, g): reduce+render+diff, 200×60, \(large.name)", .ms,
                           atMost: 4, budget: "p99 ≤ 4 ms", samples: relayout.samples, p99IsTheBudget: true))
        var byKind: [String: Samples] = [:]
        for (key, ms) in zip(relayoutKeys, relayout.samples.values) { byKind[key.kind, default: Samples()].add(ms) }
        notes.append("re-filtering keys at 200×60, \(large.name) (median/p99 ms): " + byKind.sorted { $0.key < $1.key }
            .map { String(format: "%@ %.1f/%.1f", $0.key, $0.value.median, $0.value.p99) }.joined(separator: ", "))
        notes.append(String(format: "where a keystroke's time goes at 200×60, %@ (median/p99 ms): moving: reduce %.2f/%.2f, render %.2f/%.2f, diff %.2f/%.2f; re-filtering: reduce %.2f/%.2f, render %.2f/%.2f, diff %.2f/%.2f",
                            large.name, navigation.reduce.median, navigation.reduce.p99, navigation.render.median, navigation.render.p99,
                            navigation.diff.median, navigation.diff.p99, relayout.reduce.median, relayout.reduce.p99,
                            relayout.render.median, relayout.render.p99, relayout.diff.median, relayout.diff.p99))

        // The same moves for a screen reader (issue 30): the linear board, a card a line at 80×24.
        var linear = try InProcess.boardState(large, today: today, width: 80, height: 24, screenReader: true)
        InProcess.settle(&linear)
        let linearMoves = InProcess.keystrokes(&linear, keys: InProcess.navigationKeys(count: runs(2000), seed: 7), seconds: 30)
        rows.append(.limit("one keystroke (↑↓←→ PgUp PgDn Home End) with --screen-reader: reduce+render+diff, 80×24, \(large.name)", .ms,
                           atMost: 4, budget: "p99 ≤ 4 ms", samples: linearMoves.samples, p99IsTheBudget: true))

        // The agenda screen (A, then ↓), at most 30 s of keys.
        var agendaState = try InProcess.boardState(large, today: today, width: 200, height: 60)
        InProcess.settle(&agendaState)
        let opening = InProcess.keystrokes(&agendaState, keys: [.character("A")])
        rows.append(.limit("one keystroke: open the agenda screen (A), 200×60, \(large.name)", .ms, atMost: 4,
                           budget: "p99 ≤ 4 ms", samples: opening.samples, p99IsTheBudget: true, showP99: false))
        let agendaKeys = InProcess.keystrokes(&agendaState, keys: Array(repeating: .down, count: runs(40)), seconds: 30)
        rows.append(.limit("one keystroke on the agenda screen (↓), 200×60, \(large.name)", .ms, atMost: 4,
                           budget: "p99 ≤ 4 ms", samples: agendaKeys.samples, p99IsTheBudget: true))
    }

    /// `sargs agenda --format json` on both plans, its memory, and the peer beside it.
    mutating func measureAgenda(_ madona: DataSet, _ large: DataSet) throws {
        note("agenda, \(madona.name) and \(large.name) …")
        let madonaAgenda = try agenda(madona, runs: runs(20))
        rows.append(.info("sargs agenda --format json, \(madona.name), whole process", .ms, samples: madonaAgenda.times))
        let largeAgenda = try agenda(large, runs: runs(15))
        rows.append(.limit("sargs agenda --format json, \(large.name), whole process", .ms, atMost: 150,
                           budget: "≤ 150 ms", samples: largeAgenda.times))
        rows.append(.limit("resident memory (VmHWM), agenda, \(madona.name)", .mib, atMost: 30, budget: "≤ 30 MB",
                           samples: madonaAgenda.peak, showP99: false))
        rows.append(.limit("resident memory (VmHWM), agenda, \(large.name)", .mib, atMost: 150, budget: "≤ 150 MB",
                           samples: largeAgenda.peak, showP99: false))
        notes.append("agenda \(madona.name): \(madonaAgenda.items) items, \(madonaAgenda.bytes) bytes of JSON; \(large.name): \(largeAgenda.items) items, \(largeAgenda.bytes) bytes")
        guard wants("peer") else { return }
        if let task = options.task, FileManager.default.isExecutableFile(atPath: task) {
            try peer(task, large, sargsAgenda: largeAgenda.times)
        } else {
            notes.append("peer: Taskwarrior not found; ratio row skipped")
        }
    }

    // MARK: - The real binary

    func sargsEnvironment(_ data: DataSet) -> [String: String] {
        [
            "SARGS_DB": data.storePath, "SARGS_TODAY": options.today.description, "SARGS_USER": "bench",
            "SARGS_LANG": "en", "LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": scratch,
            "XDG_DATA_HOME": scratch + "/xdg", "PATH": "/usr/bin:/bin",
        ]
    }

    struct TerminalRuns {
        var firstFrame = Samples()
        var firstFrameBytes = Samples()
        var cursorBytes = Samples()
        var peakMiB = Samples()
    }

    /// `sargs board` on a pseudo-terminal: the time from exec to the last
    /// byte of the first frame, the bytes one `j` makes it write, and its peak
    /// resident memory; then `q`.
    func boardInTerminal(_ data: DataSet, width: Int, height: Int, runs: Int) throws -> TerminalRuns {
        // The last word of the key bar, which ends the first frame.
        var state = try InProcess.boardState(data, today: options.today, width: width, height: height)
        state.glyphs = .unicode
        var canvas = Canvas(width: width, height: height)
        render(state, into: &canvas)
        let bar = canvas.line(height - 1).trimmingCharacters(in: .whitespaces)
        let marker = Array((bar.split(separator: " ").last.map(String.init) ?? "sargs").utf8)
        var result = TerminalRuns()
        for i in 0...runs {
            let terminal = try PseudoTerminal(width: width, height: height)
            let child = try Child.spawn([options.sargs, "board"], environment: sargsEnvironment(data),
                                        stdin: .terminal(terminal.slavePath), stdout: .terminal(terminal.slavePath),
                                        stderr: .terminal(terminal.slavePath), newSession: true)
            let frame = terminal.readBurst(marker: marker)
            guard frame.complete, let last = frame.lastByte else {
                child.kill()
                _ = child.wait()
                throw BenchFailure("the board showed no first frame: \(String(decoding: frame.bytes.suffix(400), as: UTF8.self))")
            }
            terminal.send("j")
            let move = terminal.readBurst(quietMilliseconds: 300)
            let peak = child.peakResidentMiB()
            terminal.send("q")
            _ = terminal.readBurst(quietMilliseconds: 2000, timeoutMilliseconds: 5000)
            var status = child.poll()
            let deadline = nanoseconds() + 5_000_000_000
            while status == nil && nanoseconds() < deadline {
                usleep(10_000)
                status = child.poll()
            }
            if status == nil {
                child.kill()
                _ = child.wait()
                throw BenchFailure("the board did not quit on q")
            }
            if i == 0 { continue } // the first run warms the page cache
            result.firstFrame.add(milliseconds(from: child.started, to: last))
            result.firstFrameBytes.add(Double(frame.bytes.count))
            result.cursorBytes.add(Double(move.bytes.count))
            if let peak { result.peakMiB.add(peak) }
        }
        return result
    }

    struct AgendaRuns {
        var times = Samples()
        var peak = Samples()
        var items = 0
        var bytes = 0
    }

    func agenda(_ data: DataSet, runs: Int) throws -> AgendaRuns {
        let arguments = [options.sargs, "agenda", "--format", "json"]
        let environment = sargsEnvironment(data)
        var result = AgendaRuns()
        // Once with the output kept: it must be the agenda, and its peak memory.
        for _ in 0..<3 {
            let (output, peak) = try Child.outputAndPeak(arguments, environment: environment)
            guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any],
                  let items = object["items"] as? [Any] else {
                throw BenchFailure("sargs agenda --format json gave no agenda: \(String(decoding: output.prefix(300), as: UTF8.self))")
            }
            result.items = items.count
            result.bytes = output.count
            if let peak { result.peak.add(peak) }
        }
        for _ in 0..<runs {
            result.times.add(try Child.time(arguments, environment: environment))
        }
        return result
    }

    /// Taskwarrior's `task overdue` on the same plan, beside the agenda times just taken.
    mutating func peer(_ binary: String, _ data: DataSet, sargsAgenda: Samples) throws {
        let tw = Taskwarrior(binary: binary, directory: options.data + "/taskwarrior-\(data.plan.id)-\(options.today)-\(options.key)")
        note("peer: Taskwarrior import of \(data.plan.activities.count) tasks …")
        let prepared = try tw.prepare(plan: data.plan)
        if let ms = prepared.importMs { notes.append(String(format: "peer: task import of %d tasks took %.1f s", prepared.tasks, ms / 1000)) }
        note("peer: first task overdue (expands recurrences) …")
        let expansion = try tw.overdue()
        let counts = tw.counts()
        notes.append(String(format: "peer: %d tasks, %d recurring; first `task overdue` of the run (recurrence expansion when new) %.1f s; pending after expansion %@, overdue %@",
                            prepared.tasks, prepared.recurring, expansion / 1000,
                            counts.pending.map(String.init) ?? "?", counts.overdue.map(String.init) ?? "?"))
        var plain = Samples()
        var noGC = Samples()
        for _ in 0..<runs(6) {
            note("peer: task overdue …")
            plain.add(try tw.overdue())
            noGC.add(try tw.overdue(["rc.gc=off"]))
        }
        rows.append(.info("peer: task overdue, \(data.name) plan (Taskwarrior defaults), whole process", .ms, samples: plain))
        rows.append(.info("peer: task overdue rc.gc=off, \(data.name) plan, whole process", .ms, samples: noGC))
        // The faster of the two configurations is the peer.
        let peerMedian = min(plain.median, noGC.median)
        let ratio = peerMedian / sargsAgenda.median
        rows.append(Row(what: "sargs agenda vs peer (faster peer median / sargs median), \(data.name)", budget: "≥ 10×",
                        unit: .ratio, median: ratio, p99: nil, pass: ratio >= 10, runs: min(plain.count, sargsAgenda.count)))
    }
}
