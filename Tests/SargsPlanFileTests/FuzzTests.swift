import Foundation
import SargsCore
import SargsPlanFile
import Testing
import TestSupport

/// Mutated copies of the Madona plan file: each is either read as a plan or
/// refused with `FILE:LINE:COLUMN` pointing inside the file; none crashes.
@Suite("Fuzz: mutated plan files")
struct FuzzTests {
    static let count = 2_000

    @Test func mutatedPlanFilesAreReadOrRefusedAtAPlaceInTheFile() throws {
        let original = try String(contentsOfFile: Fixtures.madonaPlanPath, encoding: .utf8)
        _ = try PlanFile.parse(original, file: "madona.yaml")
        var mutator = PlanMutator(original: original, seed: 0x5A46)
        var accepted = 0, refused = 0
        var kinds: [String: Int] = [:]
        var failures: [String] = []
        let started = Date()
        for i in 0..<Self.count {
            let (kind, bytes) = mutator.nextBytes()
            kinds[kind, default: 0] += 1
            let name = "mutant-\(i).yaml"
            // As `PlanFile.read` takes a file: bytes first, then text, then the plan.
            var text = String(decoding: bytes, as: UTF8.self)
            do {
                text = try TextFile.decode(bytes, file: name)
                let plan = try PlanFile.parse(text, file: name)
                accepted += 1
                // What is accepted is a plan the rest of the program can use.
                if plan.goals.isEmpty { failures.append("\(name) (\(kind)): accepted with no goals") }
                for activity in plan.activities where plan.goal(activity.goal) == nil {
                    failures.append("\(name) (\(kind)): activity \(activity.id) of a missing goal")
                }
                // …and one that holds nothing the guard refuses (SPEC §6).
                for activity in plan.activities {
                    for text in [activity.title, activity.period] + activity.links
                        where FreeText.problem(in: text, lines: .one) != nil {
                        failures.append("\(name) (\(kind)): accepted \(text.debugDescription) in \(activity.id)")
                    }
                    if let count = activity.target?.count, !Counts.range.contains(count) {
                        failures.append("\(name) (\(kind)): accepted the target \(count)")
                    }
                }
            } catch {
                refused += 1
                if let problem = FuzzTests.misplaced(error, in: text, file: name) {
                    failures.append("\(name) (\(kind)): \(problem)")
                }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        let summary = kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("fuzz: \(Self.count) mutated plan files, \(accepted) accepted, \(refused) refused with FILE:LINE:COLUMN (\(summary)), \(String(format: "%.1f", seconds)) s")
        #expect(refused > Self.count / 4, "most mutations break the plan")
        #expect(accepted > Self.count / 20, "some mutations leave a valid plan")
        #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    }

    /// Why a refusal does not point inside the file, if it does not.
    static func misplaced(_ error: LocatedError, in text: String, file: String) -> String? {
        let lines = yamlLines(text)
        guard error.file == file else { return "names the file \(error.file)" }
        guard error.line >= 1, error.line <= lines.count else {
            return "line \(error.line) outside 1…\(lines.count): \(error)"
        }
        let line = lines[error.line - 1]
        // Columns count characters; bytes would be allowed too (never more than the line).
        var view = String.UnicodeScalarView()
        view.append(contentsOf: line)
        let longest = max(line.count, String(view).utf8.count)
        guard error.column >= 1, error.column <= longest + 1 else {
            return "column \(error.column) outside line \(error.line) of \(line.count) characters: \(error)"
        }
        let shown = error.description
        guard shown.hasPrefix("\(file):\(error.line):\(error.column): "), shown.count > file.count + 8 else {
            return "not shown as FILE:LINE:COLUMN: message: \(shown)"
        }
        return nil
    }

    /// The file's lines as YAML counts them: broken at LF, CR, CR LF, NEL, LS and PS.
    static func yamlLines(_ text: String) -> [[Unicode.Scalar]] {
        var lines: [[Unicode.Scalar]] = [[]]
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousCR:
                previousCR = false
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append([])
                previousCR = scalar == "\r"
            default:
                lines[lines.count - 1].append(scalar)
                previousCR = false
            }
        }
        return lines
    }
}

/// Makes mutants of a plan file: byte flips, deleted, duplicated and swapped
/// lines, swapped values, random codes, dates and counts, broken
/// indentation, YAML punctuation, truncation.
struct PlanMutator {
    let original: String
    let lines: [String]
    var random: SyntheticPlan.Random

    init(original: String, seed: UInt64) {
        self.original = original
        self.lines = original.components(separatedBy: "\n")
        self.random = SyntheticPlan.Random(seed: seed)
    }

    static let kinds = ["byte flip", "line deletion", "line duplication", "line swap", "value swap", "random code",
                        "random date", "random count", "indentation", "punctuation", "truncation", "hostile text", "several"]

    /// Mutants as files are read: most as text, some as raw bytes (invalid
    /// UTF-8, UTF-16, NUL) that never were text.
    mutating func nextBytes() -> (kind: String, bytes: [UInt8]) {
        switch random.int(0...19) {
        case 0:
            var bytes = Array(original.utf8)
            for _ in 0..<random.int(1...4) { bytes[index(bytes.count, &random)] = UInt8(random.int(0x80...0xFF)) }
            return ("raw bytes", bytes)
        case 1:
            let head = Array(original.utf8.prefix(random.int(0...400)))
            return ("utf-16", (random.chance(50) ? [0xFF, 0xFE] : []) + head.flatMap { [$0, 0] })
        default:
            let (kind, text) = next()
            return (kind, Array(text.utf8))
        }
    }

    /// What careless or hostile people put in a text: controls, bidi
    /// overrides, personal codes in other spellings, huge numbers.
    static let hostile = ["\\e]0;owned\\a", "\\e[2J", "\\u202E", "\\u2066", "\\x85", "\\x07", "\\0",
                          "010203 12345", "010203–12345", "０１０２０３-１２３４５", "010203-1234\\u200B5", "32123456789",
                          "rēķins 12345678901", "\\n", "\\t"]

    mutating func next() -> (kind: String, text: String) {
        let kind = random.pick(Self.kinds)
        if kind == "several" {
            var text = original
            for _ in 0..<random.int(2...5) { text = mutate(text, kind: random.pick(Array(Self.kinds.dropLast()))) }
            return (kind, text)
        }
        return (kind, mutate(original, kind: kind))
    }

    func index(_ count: Int, _ random: inout SyntheticPlan.Random) -> Int { random.int(0...max(0, count - 1)) }

    mutating func mutate(_ text: String, kind: String) -> String {
        var lines = text.components(separatedBy: "\n")
        switch kind {
        case "byte flip":
            var bytes = Array(text.utf8)
            for _ in 0..<random.int(1...4) where !bytes.isEmpty {
                bytes[index(bytes.count, &random)] = UInt8(random.int(0...255))
            }
            return String(decoding: bytes, as: UTF8.self)
        case "line deletion":
            for _ in 0..<random.int(1...3) where !lines.isEmpty { lines.remove(at: index(lines.count, &random)) }
        case "line duplication":
            let i = index(lines.count, &random)
            lines.insert(lines[i], at: i + random.int(0...1))
        case "line swap":
            let i = index(lines.count, &random), j = index(lines.count, &random)
            lines.swapAt(i, j)
        case "value swap":
            let keyed = lines.indices.filter { lines[$0].contains(": ") }
            guard keyed.count > 1 else { break }
            let i = random.pick(keyed), j = random.pick(keyed)
            let a = lines[i].components(separatedBy: ": "), b = lines[j].components(separatedBy: ": ")
            lines[i] = a[0] + ": " + b.dropFirst().joined(separator: ": ")
            lines[j] = b[0] + ": " + a.dropFirst().joined(separator: ": ")
        case "random code":
            let owned = lines.indices.filter { lines[$0].contains("owners:") || lines[$0].contains("funding:") || lines[$0].contains("code:") }
            guard !owned.isEmpty else { break }
            let i = random.pick(owned)
            let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            let code = String((0..<random.int(0...4)).map { _ in random.pick(letters) })
            lines[i] = replaceFirst(in: lines[i], pattern: "[A-Z]{2,3}", with: random.chance(10) ? "\"\"" : code)
        case "random date":
            let dated = lines.indices.filter { lines[$0].range(of: "[0-9]{4}(-[0-9]{2})?", options: .regularExpression) != nil }
            guard !dated.isEmpty else { break }
            let i = random.pick(dated)
            let forms = [
                String(format: "%04d-%02d-%02d", random.int(1990...2100), random.int(0...13), random.int(0...32)),
                String(format: "%04d-%02d", random.int(2020...2030), random.int(0...13)),
                "\(random.int(0...3000))", "2025-02-29", "2024-02-29", "20251", "2025-1", "-2025",
            ]
            lines[i] = replaceFirst(in: lines[i], pattern: "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", with: random.pick(forms))
        case "random count":
            let counted = lines.indices.filter { lines[$0].range(of: "[0-9]+", options: .regularExpression) != nil }
            guard !counted.isEmpty else { break }
            let i = random.pick(counted)
            let values = ["0", "-1", "\(random.int(1...1000))", "99999999999999999999", "1.5", "x", "null", "[]", "{}", "~", "1e9"]
            lines[i] = replaceFirst(in: lines[i], pattern: "[0-9]+", with: random.pick(values))
        case "indentation":
            let i = index(lines.count, &random)
            if random.chance(50), lines[i].hasPrefix(" ") {
                lines[i].removeFirst(min(random.int(1...4), lines[i].prefix { $0 == " " }.count))
            } else {
                lines[i] = String(repeating: random.chance(10) ? "\t" : " ", count: random.int(1...5)) + lines[i]
            }
        case "punctuation":
            let i = index(lines.count, &random)
            let junk = [":", "- ", "{", "}", "[", "]", "&a ", "*a", "!!binary ", "? ", "|", ">", "'", "\"", "#", "%YAML 1.1", "---", "...", "\u{0}", "\u{FEFF}", "\r"]
            var line = Array(lines[i])
            line.insert(contentsOf: Array(random.pick(junk)), at: random.int(0...line.count))
            lines[i] = String(line)
        case "hostile text":
            let texts = lines.indices.filter { lines[$0].contains("title: ") || lines[$0].contains("period: ") }
            guard !texts.isEmpty else { break }
            let i = random.pick(texts)
            let key = lines[i].components(separatedBy: ": ")[0]
            lines[i] = key + ": \"Teksts " + random.pick(Self.hostile) + " beigas\""
            if random.chance(30) {
                let counted = lines.indices.filter { lines[$0].contains("count: ") }
                if !counted.isEmpty {
                    let j = random.pick(counted)
                    lines[j] = replaceFirst(in: lines[j], pattern: "[0-9]+",
                                            with: random.pick(["1000000001", "9000000000000000000", "30000000000000000", "1000000000"]))
                }
            }
        case "truncation":
            let scalars = Array(text.unicodeScalars)
            var cut = String.UnicodeScalarView()
            cut.append(contentsOf: scalars.prefix(index(scalars.count, &random)))
            return String(cut)
        default:
            break
        }
        return lines.joined(separator: "\n")
    }

    private func replaceFirst(in line: String, pattern: String, with replacement: String) -> String {
        guard let range = line.range(of: pattern, options: .regularExpression) else { return line }
        return line.replacingCharacters(in: range, with: replacement)
    }
}
