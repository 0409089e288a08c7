import Foundation
import Testing
import TestSupport

/// Random command lines, careless and hostile, against a real store: every
/// one ends within five seconds, none crashes, and each refusal is one line
/// `sargs: error: …` with a documented exit status (SPEC §6).
@Suite("Fuzz: command-line arguments")
struct CommandFuzzTests {
    static let count = 2_000

    /// Each command with the flags it takes and the kinds of value they want.
    static let commands: [(path: [String], positionals: [String], flags: [String: String])] = [
        (["board"], [], ["--plan": "file", "--theme": "word"]),
        (["init"], ["file"], ["--force": "", "--madona": ""]),
        (["plan", "check"], ["file"], [:]),
        (["plan", "export"], [], ["--format": "word"]),
        (["record"], ["id"], ["--date": "date", "--count": "number", "--note": "text"]),
        (["status"], ["id", "status"], ["--note": "text"]),
        (["note"], ["id", "text"], [:]),
        (["waive"], ["id", "window"], ["--note": "text"]),
        (["agenda"], [], ["--date": "date", "--kind": "word", "--topic": "text", "--format": "word"]),
        (["meeting", "new"], [], ["--date": "date", "--kind": "word", "--topic": "text"]),
        (["meeting", "list"], [], ["--format": "word"]),
        (["meeting", "show"], ["number"], ["--format": "word"]),
        (["meeting", "hold"], ["number"], ["--attendees": "codes"]),
        (["meeting", "cancel"], ["number"], [:]),
        (["decision", "add"], ["text"], ["--meeting": "number", "--owner": "codes", "--due": "date", "--activity": "id"]),
        (["decision", "done"], ["number"], [:]),
        (["report"], [], ["--year": "number", "--format": "word"]),
        (["export"], [], ["--format": "word"]),
        (["log"], ["id"], ["--author": "text", "--limit": "number", "--format": "word"]),
        (["undo"], [], [:]),
        (["frobnicate"], [], [:]),
    ]

    static let values: [String: [String]] = [
        // Read, never written: `init` and `board --plan` read the plan before they create anything.
        "file": ["/nonexistent/plan.yaml", Fixtures.madonaPlanPath, "/dev/null", "/etc", "", "-", "plan\u{1B}.yaml"],
        "word": ["text", "json", "markdown", "csv", "ics", "yaml", "regular", "emergency", "mono", "default", "secret", "", "JSON", "\u{202E}x"],
        "date": ["2025-06-01", "2025-07-01", "2025-02-29", "2024-12-31", "2030-01-01", "2025-13-01", "01.06.2025", "", "-1", "9999-99-99"],
        "number": ["1", "2", "0", "-1", "-5", "3000000000", "9000000000000000000", "99999999999999999999", "1.5", "x", "", "1e3", "2025", "１"],
        "text": ["sarunāts ar skolu", "010203-12345", "010203 12345", "０１０２０３–１２３４５", "010203-1234\u{200B}5",
                 "rēķins 12345678901", "Tēma\u{1B}]0;owned\u{07}", "\u{1B}[2J", "a\nb", "a\r\nb", "\u{202E}abc", "\u{85}x",
                 "", " ", String(repeating: "garš ", count: 400), "🇱🇻 👍🏽", "=HYPERLINK(\"x\")", "--", "-x"],
        "id": ["1.1", "2.4", "5.2", "9.9", "1.10", "", "1", "x", "-1", "1.1\u{1B}", "meeting 1", "decision 1"],
        "status": ["planned", "active", "done", "blocked", "dropped", "DONE", "", "x"],
        "window": ["2025-W14", "2025-Q1", "2025-03", "2025-H1", "2025", "2030-Q1", "2025-W99", "x", ""],
        "codes": ["SD", "SD,BT", "sd", "XX", "", ",", "SD,,BT", "VPD", "\u{1B}"],
    ]

    /// The global options; every path they name lies inside the test's own directory.
    static func globals(_ directory: String) -> [(String, [String])] {
        [("--db", [directory + "/missing/store.sqlite", directory + "/folder", ""]),
         ("--today", ["2025-07-01", "2025-02-30", "x", "2031-01-01"]),
         ("--user", ["ieva", "010203-12345", "a\u{1B}b", ""]), ("--lang", ["lv", "en", "de", ""])]
    }

    struct Case: Sendable {
        var arguments: [String]
    }

    static func cases(directory: String) -> [Case] {
        var random = SyntheticPlan.Random(seed: 0xF022)
        var cases: [Case] = []
        for _ in 0..<count {
            let command = random.pick(commands)
            var arguments = command.path
            for kind in command.positionals where random.chance(85) {
                arguments.append(random.pick(values[kind]!))
            }
            for (flag, kind) in command.flags.sorted(by: { $0.key < $1.key }) where random.chance(45) {
                if kind.isEmpty { arguments.append(flag); continue }
                let value = random.pick(values[kind]!)
                if random.chance(20) { arguments.append(flag + "=" + value) } else { arguments += [flag, value] }
                if random.chance(5) { arguments.removeLast() }  // a flag left without its value
            }
            if random.chance(8) { arguments.append(random.pick(["--nope", "-q", "--", "extra", "--help", "-h"])) }
            if random.chance(25) {
                let (flag, options) = random.pick(globals(directory))
                let pair = [flag, random.pick(options)]
                if random.chance(50) { arguments = pair + arguments } else { arguments += pair }
            }
            if random.chance(5), arguments.count > 1 {
                arguments.swapAt(random.int(0...(arguments.count - 1)), random.int(0...(arguments.count - 1)))
            }
            cases.append(Case(arguments: arguments))
        }
        return cases
    }

    /// Bytes no output may hold: C0 but tab, line feed and carriage return (iCalendar's CRLF), DEL, C1.
    static func controlBytes(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for (i, b) in bytes.enumerated() {
            if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F { return true }
            if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return true }
        }
        return text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
    }

    @Test func everyCommandLineEndsWithAnAnswerOrOneLineOfRefusal() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        #expect(s.run(["record", "5.2", "--date", "2025-06-25", "--count", "3"]).status == 0)
        #expect(s.run(["meeting", "new", "--date", "2025-06-30"]).status == 0)
        #expect(s.run(["decision", "add", "--meeting", "1", "--owner", "SD", "--due", "2025-09-01", "Sagatavot plānu"]).status == 0)
        try FileManager.default.createDirectory(atPath: s.directory + "/folder", withIntermediateDirectories: true)
        let cases = Self.cases(directory: s.directory)
        let documented: Set<Int32> = [0, 64, 65, 66, 69, 74]
        let lock = NSLock()
        nonisolated(unsafe) var failures: [String] = []
        nonisolated(unsafe) var statuses: [Int32: Int] = [:]
        let started = Date()
        // Two at a time: the machine has two cores, and writers share the store as people do.
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for i in stride(from: worker, to: cases.count, by: 2) {
                let arguments = cases[i].arguments
                let r = SargsProcess.execute("/usr/bin/timeout", ["-k", "5", "120", SargsProcess.binary] + arguments,
                                             environment: s.environment)
                var problem: String?
                if r.status == 124 || r.status == 137 {
                    problem = "hung (did not end within 120 s)"
                } else if r.status >= 128 {
                    problem = "ended by signal \(r.status - 128)"
                } else if !documented.contains(r.status) {
                    problem = "exit status \(r.status)"
                } else if r.status != 0 {
                    let lines = r.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    if lines.count != 1 || !r.stderr.hasPrefix("sargs: error: ") || !r.stderr.hasSuffix("\n") {
                        problem = "refusal not one line: \(r.stderr.debugDescription)"
                    }
                }
                if problem == nil, Self.controlBytes(r.stdout) || Self.controlBytes(r.stderr) {
                    problem = "a control character in the output: \(r.stdout.prefix(200).debugDescription) \(r.stderr.debugDescription)"
                }
                lock.lock()
                statuses[r.status, default: 0] += 1
                if let problem { failures.append("\(arguments.map(\.debugDescription).joined(separator: " ")): \(problem)") }
                lock.unlock()
            }
        }
        let seconds = Date().timeIntervalSince(started)
        let summary = statuses.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", ")
        print("fuzz: \(cases.count) command lines (exit statuses: \(summary)), \(failures.count) failures, \(String(format: "%.1f", seconds)) s")
        #expect(failures.isEmpty, "\(failures.prefix(15).joined(separator: "\n"))")
        #expect(statuses[0, default: 0] > cases.count / 20, "some command lines are valid")
        #expect(statuses.keys.filter { $0 != 0 }.count >= 3, "refusals of several kinds")
        // Whatever was refused or accepted, the store is whole and readable.
        #expect(s.run(["agenda", "--format", "json"], environment: ["SARGS_TODAY": "2025-07-01"]).status == 0)
    }
}
