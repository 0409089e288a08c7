import Foundation
import SargsCore
import Yams

/// A refusal of a YAML file, located at the offending node:
/// `FILE:LINE:COLUMN: message`.
public struct LocatedError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var phrase: Phrase

    public init(file: String, line: Int, column: Int, phrase: Phrase) {
        self.file = file
        self.line = line
        self.column = column
        self.phrase = phrase
    }

    /// `FILE:LINE:COLUMN: message`, one line, with whatever the file held
    /// made safe to print (SPEC §6).
    public func text(_ language: Language) -> String {
        SafeText.line("\(file):\(line):\(column): \(phrase.text(language))")
    }

    public var description: String { text(.en) }

    /// The same error kept inside the text: libyaml may name the line after
    /// the last one (the end of the input); that is the end of the last line.
    func inside(_ text: String) -> LocatedError {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var copy = self
        var count = lines.count
        if count > 1, lines.last?.isEmpty == true { count -= 1 }
        if copy.line > count {
            copy.line = max(count, 1)
            copy.column = (lines.indices.contains(copy.line - 1) ? lines[copy.line - 1].unicodeScalars.count : 0) + 1
        }
        return copy
    }

    /// For a repeated key: the second occurrence at the first one's
    /// indentation (the offending node), found from where libyaml pointed.
    func atRepeat(of key: String, in text: String) -> LocatedError {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func indent(_ line: String) -> Int { line.prefix { $0 == " " || $0 == "-" }.count }
        func isKey(_ line: String) -> Bool {
            let body = line.drop { $0 == " " || $0 == "-" }
            return body.hasPrefix(key + ":") || body.hasPrefix("\"" + key + "\":")
        }
        let start = max(0, line - 1)
        guard let first = lines.indices.dropFirst(start).first(where: { isKey(lines[$0]) }) else { return self }
        let depth = indent(lines[first])
        for i in (first + 1)..<lines.count {
            let trimmed = lines[i].trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if indent(lines[i]) < depth { break }
            if indent(lines[i]) == depth && isKey(lines[i]) {
                var copy = self
                copy.line = i + 1
                copy.column = depth + 1
                return copy
            }
        }
        return self
    }
}

/// A YAML node together with the file it came from, so that every refusal
/// can name where it stands.
public struct LocatedNode {
    let node: Node
    let file: String

    var line: Int { node.mark?.line ?? 1 }
    var column: Int { node.mark?.column ?? 1 }

    func error(_ lv: String, _ en: String) -> LocatedError {
        LocatedError(file: file, line: line, column: column, phrase: Phrase(lv: lv, en: en))
    }

    /// Parses a whole document; a syntax error is located where libyaml found it.
    static func document(_ text: String, file: String) throws(LocatedError) -> LocatedNode {
        let node: Node?
        do {
            // The basic resolver: every scalar is read as text by the reader itself,
            // so the default resolver's regular expressions would be wasted work.
            node = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw LocatedNode.syntaxError(error, file: file, text: text).inside(text)
        } catch {
            throw LocatedError(file: file, line: 1, column: 1,
                               phrase: Phrase(lv: "nevar nolasīt YAML: \(error)", en: "cannot read YAML: \(error)"))
        }
        guard let node else {
            throw LocatedError(file: file, line: 1, column: 1,
                               phrase: Phrase(lv: "fails ir tukšs", en: "the file is empty"))
        }
        try boundExpansion(node, text: text, file: file)
        return LocatedNode(node: node, file: file)
    }

    /// Refuses a document whose aliases (`*name`) make it far larger than
    /// the file (issue 31: 20,000 aliases of a 1 MB text in a 1.6 MB file
    /// are 20 GB once expanded): the texts may come to 4 times the file and
    /// 1 MB more, in at most 2,000,000 nodes. The walk stops at the limit,
    /// so a document of nested aliases costs no more than that to refuse.
    public static func boundExpansion(_ root: Node, text: String, file: String) throws(LocatedError) {
        let byteLimit = text.utf8.count * 4 + (1 << 20), nodeLimit = 2_000_000
        var bytes = 0, nodes = 0
        var stack = [root]
        while let node = stack.popLast() {
            nodes += 1
            switch node {
            case .scalar(let scalar): bytes += scalar.string.utf8.count
            case .mapping(let mapping):
                for (key, value) in mapping { stack.append(key); stack.append(value) }
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            default: break
            }
            if bytes > byteLimit || nodes > nodeLimit {
                let mb = max(1, byteLimit >> 20)
                throw LocatedError(file: file, line: 1, column: 1, phrase: Phrase(
                    lv: "faila aizstājvārdi (*nosaukums) to izvērš daudz lielāku par pašu failu: vairāk nekā \(mb) MB teksta vai \(nodeLimit) mezglu; sargs tādu nelasa",
                    en: "the file's aliases (*name) expand it far beyond the file itself: more than \(mb) MB of text or \(nodeLimit) nodes; sargs does not read it"))
            }
        }
    }

    private static func syntaxError(_ error: YamlError, file: String, text: String) -> LocatedError {
        func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> LocatedError {
            let detail = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            return LocatedError(file: file, line: mark.line, column: mark.column,
                                phrase: Phrase(lv: "YAML sintakses kļūda: \(detail)", en: "YAML syntax error: \(detail)"))
        }
        switch error {
        case let .scanner(context, problem, mark, _): return located(mark, problem, context)
        case let .parser(context, problem, mark, _): return located(mark, problem, context)
        case let .composer(context, problem, mark, _): return located(mark, problem, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            return LocatedError(file: file, line: context.mark.line, column: context.mark.column,
                                phrase: Phrase(lv: "atslēga '\(key)' atkārtojas", en: "the key '\(key)' is repeated"))
                .atRepeat(of: key, in: text)
        case let .reader(problem, _, _, _):
            return LocatedError(file: file, line: 1, column: 1,
                                phrase: Phrase(lv: "nederīgs teksts: \(problem)", en: "invalid text: \(problem)"))
        default:
            return LocatedError(file: file, line: 1, column: 1,
                                phrase: Phrase(lv: "YAML kļūda: \(error)", en: "YAML error: \(error)"))
        }
    }

    var isNull: Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        switch s.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// The node as a mapping with unique scalar keys. `what.lv` is in the
    /// dative ("mērķim", "finanšu avotam"): "… jābūt … kartei", "… trūkst atslēgas".
    func mapping(_ what: Phrase) throws(LocatedError) -> LocatedMapping {
        guard case .mapping(let mapping) = node else {
            throw error("\(what.lv) jābūt atslēgu un vērtību kartei", "\(what.en) must be a mapping of keys to values")
        }
        var keys: [String] = []
        var keyNodes: [LocatedNode] = []
        var values: [LocatedNode] = []
        keys.reserveCapacity(mapping.count)
        keyNodes.reserveCapacity(mapping.count)
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            let keyNode = LocatedNode(node: key, file: file)
            guard case .scalar(let scalar) = key else {
                throw keyNode.error("atslēgai jābūt vienkāršam tekstam", "a key must be plain text")
            }
            if keys.contains(scalar.string) {
                throw keyNode.error("atslēga '\(scalar.string)' atkārtojas", "the key '\(scalar.string)' is repeated")
            }
            keys.append(scalar.string)
            keyNodes.append(keyNode)
            values.append(LocatedNode(node: value, file: file))
        }
        return LocatedMapping(node: self, what: what, keys: keys, keyNodes: keyNodes, values: values)
    }

    /// The node as a list; a null node is an empty list. `what.lv` is in the nominative ("saites").
    func sequence(_ what: Phrase) throws(LocatedError) -> [LocatedNode] {
        if isNull { return [] }
        guard case .sequence(let sequence) = node else {
            throw error("\(what.lv) nav saraksts", "\(what.en) must be a list")
        }
        return sequence.map { LocatedNode(node: $0, file: file) }
    }

    /// The node as text (any scalar, whatever YAML would resolve it to). `what.lv` is in the nominative.
    func string(_ what: Phrase) throws(LocatedError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error("\(what.lv) nav teksts", "\(what.en) must be text")
        }
        return scalar.string
    }

    /// The node as non-empty text after trimming that a free-text field
    /// accepts (`FreeText`: no personal code, no control character, a line
    /// break only where `lines` is `.several`).
    func text(_ what: Phrase, lines: FreeText.Lines = .one) throws(LocatedError) -> String {
        if isNull { throw error("\(what.lv) ir tukšs", "\(what.en) is empty") }
        let value = try string(what).trimmingBlanks
        if value.isEmpty { throw error("\(what.lv) ir tukšs", "\(what.en) is empty") }
        if let problem = FreeText.problem(in: value, lines: lines) {
            let phrase = problem.phrase(field: what)
            throw error(phrase.lv, phrase.en)
        }
        return value
    }

    /// The node as a count or a target: a whole number in `Counts.range`.
    func count(_ what: Phrase) throws(LocatedError) -> Int {
        let raw = try string(what)
        guard let value = Int(raw) else {
            let phrase = Counts.refusal(text: raw, field: what)
            throw error(phrase.lv, phrase.en)
        }
        guard Counts.range.contains(value) else {
            let phrase = Counts.refusal(value, field: what)
            throw error(phrase.lv, phrase.en)
        }
        return value
    }

    func int(_ what: Phrase) throws(LocatedError) -> Int {
        let raw = try string(what)
        guard let value = Int(raw) else {
            throw error("\(what.lv) nav vesels skaitlis, bet '\(raw)'", "\(what.en) must be a whole number, not '\(raw)'")
        }
        return value
    }

    func number(_ what: Phrase) throws(LocatedError) -> Double {
        let raw = try string(what)
        guard let value = Double(raw), value.isFinite else {
            throw error("\(what.lv) nav skaitlis, bet '\(raw)'", "\(what.en) must be a number, not '\(raw)'")
        }
        return value
    }

    func dateBound(_ what: Phrase) throws(LocatedError) -> DateBound {
        let raw = try string(what)
        guard let bound = DateBound(raw) else {
            throw error("nederīgs datums '\(raw)' (\(what.lv)); jābūt GGGG, GGGG-MM vai GGGG-MM-DD",
                        "bad date '\(raw)' (\(what.en)); expected YYYY, YYYY-MM or YYYY-MM-DD")
        }
        return bound
    }
}

/// A mapping whose keys are checked against the ones a place allows.
/// Keys, their nodes and the values are kept side by side: a lookup compares
/// strings and copies one node, not every pair it passes (a 10,000-activity
/// plan file makes some 100,000 lookups).
struct LocatedMapping {
    let node: LocatedNode
    var what: Phrase
    /// The keys in file order.
    let keys: [String]
    let keyNodes: [LocatedNode]
    let values: [LocatedNode]

    /// The node of the first key, where a refusal of the whole mapping points.
    var firstKeyNode: LocatedNode? { keyNodes.first }

    func optional(_ key: String) -> LocatedNode? {
        guard let i = keys.firstIndex(of: key), !values[i].isNull else { return nil }
        return values[i]
    }

    func require(_ key: String) throws(LocatedError) -> LocatedNode {
        guard let i = keys.firstIndex(of: key) else {
            throw node.error("\(what.lv) trūkst atslēgas '\(key)'", "\(what.en) lacks the key '\(key)'")
        }
        return values[i]
    }

    /// Refuses a key the place does not know (a typo would otherwise be lost).
    func allowOnly(_ allowed: [String]) throws(LocatedError) {
        for (i, key) in keys.enumerated() where !allowed.contains(key) {
            let list = allowed.joined(separator: ", ")
            // "{code: PB, eur: 1500,50}": YAML reads the comma as the end of the value and "50" as a key.
            if i > 0, !key.isEmpty, key.allSatisfy(\.isNumber) {
                throw keyNodes[i].error("nezināma atslēga '\(key)' (\(what.lv)): vai skaitlī ir komats? Decimāldaļu atdala ar punktu, piem. \(keys[i - 1]): 1500.50",
                                        "unknown key '\(key)' in \(what.en): is there a comma inside a number? Decimals follow a point, such as \(keys[i - 1]): 1500.50")
            }
            throw keyNodes[i].error("nezināma atslēga '\(key)' (\(what.lv)); atļautās: \(list)",
                                    "unknown key '\(key)' in \(what.en); allowed: \(list)")
        }
    }

    /// The same mapping under another name (what refusals call it).
    func named(_ what: Phrase) -> LocatedMapping {
        LocatedMapping(node: node, what: what, keys: keys, keyNodes: keyNodes, values: values)
    }
}
