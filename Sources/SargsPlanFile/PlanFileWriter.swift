import Foundation
import SargsCore
import Yams

extension PlanFile {
    /// The plan as a plan file that `parse` reads back to an equal plan.
    public static func yaml(_ plan: Plan) -> String {
        let header = "# \(plan.title)\n# sargs plan file, format \(formatVersion) (see docs/plan-file.md)\n"
        let body = (try? Yams.serialize(node: document(plan).node(Tree.Tags()), indent: 2, width: -1, allowUnicode: true)) ?? ""
        return header + body
    }

    /// The plan as JSON, with the same keys as the YAML file.
    public static func json(_ plan: Plan) -> String {
        document(plan).json.serialized(pretty: true) + "\n"
    }

    static func document(_ plan: Plan) -> Tree {
        var top: [(String, Tree)] = [
            ("sargs", .int(formatVersion)),
            ("id", .text(plan.id)),
            ("title", .text(plan.title)),
        ]
        if let en = plan.en { top.append(("en", .text(en))) }
        top += [
            ("municipality", .text(plan.municipality)),
            ("language", .text(plan.language)),
            ("period", .map([("from", .plain(plan.period.first.description)),
                             ("to", .plain(plan.period.last.description))], flow: true)),
        ]
        if !plan.institutions.isEmpty {
            top.append(("institutions", .list(plan.institutions.map { coded($0.code, $0.name, $0.en, email: $0.email) })))
        }
        if !plan.funding.isEmpty {
            top.append(("funding", .list(plan.funding.map { coded($0.code, $0.name, $0.en) })))
        }
        if !plan.glossary.isEmpty {
            top.append(("glossary", .list(plan.glossary.map { entry in
                var pairs: [(String, Tree)] = [("abbr", .text(entry.abbreviation)), ("text", .text(entry.text))]
                if let en = entry.en { pairs.append(("en", .text(en))) }
                return .map(pairs, flow: true)
            })))
        }
        top.append(("goals", .list(plan.goals.map { goal in
            // A goal without a level has no `level:` key (SPEC §3).
            var pairs: [(String, Tree)] = [("number", .int(goal.number))]
            if let level = goal.level { pairs.append(("level", .plain(level.rawValue))) }
            pairs.append(("title", .text(goal.title)))
            if let en = goal.en { pairs.append(("en", .text(en))) }
            pairs.append(("results", .list(goal.results.map { result in
                var r: [(String, Tree)] = [("id", .quoted(result.id)), ("text", .text(result.text))]
                if let en = result.en { r.append(("en", .text(en))) }
                return .map(r, flow: false)
            })))
            pairs.append(("activities", .list(plan.activities(of: goal.number).map(activity))))
            return .map(pairs, flow: false)
        })))
        if !plan.indicators.isEmpty {
            top.append(("indicators", .list(plan.indicators.map { indicator in
                var pairs: [(String, Tree)] = [("id", .text(indicator.id)), ("title", .text(indicator.title))]
                if let en = indicator.en { pairs.append(("en", .text(en))) }
                pairs.append(("source", .text(indicator.source)))
                if let year = indicator.year { pairs.append(("year", .quoted(year))) }
                if let unit = indicator.unit { pairs.append(("unit", .text(unit))) }
                pairs.append(("values", .list(indicator.values.map { value in
                    var v: [(String, Tree)] = [("label", .quoted(value.label)), ("value", .number(value.value))]
                    if let en = value.en { v.append(("en", .text(en))) }
                    return .map(v, flow: true)
                })))
                return .map(pairs, flow: false)
            })))
        }
        return .map(top, flow: false)
    }

    private static func coded(_ code: String, _ name: String, _ en: String?, email: String? = nil) -> Tree {
        var pairs: [(String, Tree)] = [("code", .plain(code)), ("name", .text(name))]
        if let en { pairs.append(("en", .text(en))) }
        if let email { pairs.append(("email", .plain(email))) }
        return .map(pairs, flow: true)
    }

    private static func activity(_ a: Activity) -> Tree {
        var pairs: [(String, Tree)] = [("id", .quoted(a.id)), ("title", .text(a.title))]
        if let en = a.en { pairs.append(("en", .text(en))) }
        pairs += [
            ("links", .list(a.links.map(Tree.text), flow: a.links.isEmpty)),
            ("period", .text(a.period)),
            ("schedule", schedule(a.schedule)),
            ("owners", .list(a.owners.map(Tree.plain), flow: true)),
            // A code with an amount is written {code: PB, eur: 1500} (SPEC §3); the rest stay plain.
            ("funding", .list(a.funding.map { code in
                guard let amount = a.amounts[code] else { return Tree.plain(code) }
                return .map([("code", .plain(code)), ("eur", .number(Double(amount.cents) / 100))], flow: true)
            }, flow: true)),
        ]
        if let target = a.target {
            pairs.append(("target", .map([("count", .int(target.count)), ("unit", .text(target.unit))], flow: true)))
        }
        if a.status != .planned { pairs.append(("status", .plain(a.status.rawValue))) }
        if let note = a.statusNote { pairs.append(("status_note", .text(note))) }
        return .map(pairs, flow: false)
    }

    static func schedule(_ schedule: Schedule) -> Tree {
        func bounds(_ from: DateBound?, _ to: DateBound?) -> [(String, Tree)] {
            var pairs: [(String, Tree)] = []
            if let from { pairs.append(("from", .plain(from.description))) }
            if let to { pairs.append(("to", .plain(to.description))) }
            return pairs
        }
        switch schedule {
        case .once(let from, let to):
            if from == to { return .map([("once", .plain(to.description))], flow: true) }
            return .map([("once", .map(bounds(from, to), flow: true))], flow: true)
        case .every(let cadence, let from, let to, let due):
            // A monthly due day is a number; a yearly one, MM-DD, is plain text YAML reads back as text.
            let dueTree: [(String, Tree)] = due.map { [("due", $0.month == nil ? .int($0.day) : .plain($0.description))] } ?? []
            return .map([("every", .plain(cadence.rawValue))] + bounds(from, to) + dueTree, flow: true)
        case .ongoing(let report, let from, let to):
            return .map([("ongoing", .map([("report", .plain(report.rawValue))] + bounds(from, to), flow: true))],
                        flow: true)
        case .asNeeded:
            return .plain("as-needed")
        }
    }
}

/// What a plan file holds, before it is YAML or JSON.
indirect enum Tree {
    /// Text written plain where YAML would read it back as the same text.
    case text(String)
    /// Text always double-quoted (ids: 2.10 is not 2.1).
    case quoted(String)
    /// A word or date that needs no quotes (codes, bounds).
    case plain(String)
    case int(Int)
    case number(Double)
    case list([Tree], flow: Bool = false)
    case map([(String, Tree)], flow: Bool)

    /// The tags scalars are written with. Explicit, so that Yams does not
    /// run its resolver's regular expressions over every value to find one
    /// (the emitter leaves the tag out either way); made once per file.
    struct Tags {
        let str = Tag(.str)
        let int = Tag(.int)
        let float = Tag(.float)
        /// Explicit too: an implicit tag is resolved in place (a shared
        /// one would become !!map for every node after the first mapping).
        let seq = Tag(.seq)
        let map = Tag(.map)
    }

    func node(_ tags: Tags) -> Node {
        switch self {
        case .text(let s):
            return .scalar(.init(s, tags.str, Tree.needsQuotes(s) ? .doubleQuoted : .plain))
        case .quoted(let s):
            return .scalar(.init(s, tags.str, .doubleQuoted))
        case .plain(let s):
            return .scalar(.init(s, tags.str, .plain))
        case .int(let i):
            return .scalar(.init(String(i), tags.int, .plain))
        case .number(let d):
            return .scalar(.init(Tree.numberText(d), tags.float, .plain))
        case .list(let items, let flow):
            return .sequence(.init(items.map { $0.node(tags) }, tags.seq, flow ? .flow : .block))
        case .map(let pairs, let flow):
            return .mapping(.init(pairs.map { (Node.scalar(.init($0.0, tags.str)), $0.1.node(tags)) }, tags.map,
                                  flow ? .flow : .block))
        }
    }

    var json: JSONValue {
        switch self {
        case .text(let s), .quoted(let s), .plain(let s): return .string(s)
        case .int(let i): return .int(i)
        case .number(let d): return .double(d)
        case .list(let items, _): return .array(items.map(\.json))
        case .map(let pairs, _): return .object(pairs.map { ($0.0, $0.1.json) })
        }
    }

    static func numberText(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    /// True for text a YAML reader would take for something other than a
    /// string (a number, a boolean, null), or that has surrounding blanks.
    static func needsQuotes(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return true }
        if first.properties.isWhitespace || last.properties.isWhitespace { return true }
        // The words YAML 1.1 reads as booleans or null, in any case.
        if s.utf8.count <= 5 {
            let lower = s.lowercased()
            if ["y", "n", "yes", "no", "true", "false", "on", "off", "null", "~"].contains(lower) { return true }
        }
        if Double(s) != nil || Int(s) != nil { return true }  // "inf" and "nan" too, as before
        guard "0123456789+-.".unicodeScalars.contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { "0123456789-:.+ TtZz".unicodeScalars.contains($0) }
    }
}
