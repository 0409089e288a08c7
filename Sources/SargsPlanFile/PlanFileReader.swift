import Foundation
import SargsCore
import SargsFiles
import Yams

/// Reads and writes plan files (SPEC §3).
public enum PlanFile {
    /// The format version this program writes and reads.
    public static let formatVersion = 1

    /// Reads a plan file from disk. A file that cannot be read is a `FileProblem`;
    /// a file that can be read but is not a valid plan is a `LocatedError`.
    public static func read(path: String) throws -> Plan {
        try parse(try TextFile.read(path: path), file: path)
    }

    /// Parses the text of a plan file; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(LocatedError) -> Plan {
        let root = try LocatedNode.document(text, file: file)
        return try PlanReader(file: file).plan(root)
    }
}

/// A text file (a plan or a theme) read as UTF-8.
public enum TextFile {
    /// The file's text. A file that cannot be read is a `FileProblem` (exit
    /// 66 when missing, else 74); a file that can be read but is not UTF-8
    /// text (binary, UTF-16, a NUL byte, a broken sequence) is bad data: a
    /// `LocatedError` at the line and column of the first bad byte (exit 65).
    ///
    /// Only a regular file is read (a FIFO or `/dev/zero` behind a link is
    /// refused without waiting on it), and at most `limit` bytes: a larger
    /// one is a `FileRefusal` naming the limit (exit 65).
    public static func read(path: String, limit: Int = TextFile.limit) throws -> String {
        let bytes: [UInt8]
        do {
            bytes = try SafeFile.read(path, limit: limit)
        } catch let refusal as FileRefusal {
            guard case .system(let code) = refusal.kind else { throw refusal }
            throw FileProblem(path: path, missing: code == ENOENT || code == ENOTDIR)
        }
        return try decode(bytes, file: path)
    }

    /// The largest text file sargs reads (64 MB; a plan of 10,000 activities is about 5 MB).
    public static let limit = 64 << 20

    /// `bytes` as UTF-8 text, or the located first bad byte.
    public static func decode(_ bytes: [UInt8], file: String) throws(LocatedError) -> String {
        // Most files are valid text without a control character: checked at
        // once; only a file that is not is walked scalar by scalar to say where.
        if var text = String(validating: bytes, as: UTF8.self),
           !text.unicodeScalars.contains(where: { $0.value != 0x09 && $0.value != 0x0D && $0.value != 0x0A
                                                  && $0.value != 0x85 && FreeText.isRefusedControl($0.value) }) {
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // a UTF-8 byte-order mark
            return text
        }
        return try locatedDecode(bytes, file: file)
    }

    /// `decode` for a file with a fault: the first bad byte or control
    /// character, with its line and column.
    static func locatedDecode(_ bytes: [UInt8], file: String) throws(LocatedError) -> String {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, column = 1
        func refuse(_ byte: UInt8) -> LocatedError {
            let hex = String(byte, radix: 16, uppercase: true)
            let shown = "0x" + (hex.count < 2 ? "0" : "") + hex
            let what = byte == 0 || (offset == 0 && (byte == 0xFF || byte == 0xFE))
                ? Phrase(lv: "fails nav UTF-8 teksts (binārs vai UTF-16): baits \(shown)",
                         en: "the file is not UTF-8 text (binary or UTF-16): byte \(shown)")
                : Phrase(lv: "fails nav derīgs UTF-8 teksts: baits \(shown)",
                         en: "the file is not valid UTF-8 text: byte \(shown)")
            return LocatedError(file: file, line: line, column: column, phrase: what)
        }
        /// A raw control character in the text: refused where it stands (a text
        /// field would refuse it anyway, and YAML's own error names no place).
        func control(_ value: UInt32) -> LocatedError {
            let hex = String(value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            return LocatedError(file: file, line: line, column: column,
                                phrase: Phrase(lv: "failā ir vadības rakstzīme \(code)", en: "the file holds the control character \(code)"))
        }
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 {
                    let byte = encoded.first!
                    if byte == 0 { throw refuse(0) }
                    if byte == 0x0A { line += 1; column = 1; offset += 1; continue }
                    if byte != 0x09 && byte != 0x0D && FreeText.isRefusedControl(UInt32(byte)) { throw control(UInt32(byte)) }
                } else if encoded.count == 2, let scalar = Unicode.UTF8.decode(encoded).value as UInt32?,
                          FreeText.isRefusedControl(scalar), scalar != 0x85 {
                    throw control(scalar)
                }
                offset += encoded.count
                column += 1
            case .error:
                throw refuse(bytes[offset])
            case .emptyInput:
                break loop
            }
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // a UTF-8 byte-order mark
        return text
    }
}

/// A plan file that could not be read at all.
public struct FileProblem: Error, Hashable, Sendable {
    public var path: String
    /// True when there is no such file (exit 66); false for any other I/O failure.
    public var missing: Bool

    public var phrase: Phrase {
        missing
            ? Phrase(lv: "fails '\(path)' nav atrodams", en: "the file '\(path)' does not exist")
            : Phrase(lv: "failu '\(path)' nevar nolasīt", en: "the file '\(path)' cannot be read")
    }
}

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The validation of a plan file, node by node, so every refusal is located.
struct PlanReader {
    let file: String

    func plan(_ root: LocatedNode) throws(LocatedError) -> Plan {
        let map = try root.mapping(p("plāna failam", "a plan file"))
        try map.allowOnly(["sargs", "id", "title", "en", "municipality", "language", "period",
                           "institutions", "funding", "glossary", "goals", "indicators"])
        if let version = map.optional("sargs") {
            let number = try version.int(p("formāta versijai", "the format version"))
            guard number == PlanFile.formatVersion else {
                throw version.error("formāta versija \(number) nav zināma; šī programma lasa versiju \(PlanFile.formatVersion)",
                                    "format version \(number) is not known; this program reads version \(PlanFile.formatVersion)")
            }
        }
        let idNode = try map.require("id")
        let id = try idNode.text(p("plāna id", "the plan id"))
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }),
              id.first != "." else {
            throw idNode.error("plāna id '\(id)' drīkst saturēt tikai latīņu burtus, ciparus, '-', '_' un '.'",
                               "the plan id '\(id)' may hold only ASCII letters, digits, '-', '_' and '.'")
        }
        let title = try map.require("title").text(p("plāna nosaukums", "the plan title"))
        let en = try map.optional("en")?.text(p("angļu nosaukums", "the English title"))
        let municipality = try map.require("municipality").text(p("pašvaldības nosaukums", "the municipality"))
        let language = try map.optional("language")?.text(p("valoda", "the language")) ?? "lv"

        let periodNode = try map.require("period")
        let periodMap = try periodNode.mapping(p("plāna periodam", "the plan period"))
        try periodMap.allowOnly(["from", "to"])
        let from = try periodMap.require("from").dateBound(p("perioda sākums", "period start"))
        let to = try periodMap.require("to").dateBound(p("perioda beigas", "period end"))
        let period = DayRange(from.firstDay, to.lastDay)
        guard !period.isEmpty else {
            throw periodNode.error("plāna periods beidzas pirms tas sākas", "the plan period ends before it starts")
        }

        let institutions = try codedEntries(map.optional("institutions"), what: p("iestāde", "an institution"), mailbox: true)
            .map { Institution(code: $0.code, name: $0.name, en: $0.en, email: $0.email) }
        let funding = try codedEntries(map.optional("funding"), what: p("finanšu avots", "a funding source"), mailbox: false)
            .map { Funding(code: $0.code, name: $0.name, en: $0.en) }
        let glossary = try glossaryEntries(map.optional("glossary"))

        var context = Context(period: period,
                              institutions: Set((Institution.standard + institutions).map(\.code)),
                              funding: Set((Funding.standard + funding).map(\.code)))

        let goalNodes = try map.require("goals").sequence(p("mērķi", "goals"))
        guard !goalNodes.isEmpty else {
            throw map.node.error("plānā nav neviena mērķa", "the plan has no goals")
        }
        var goals: [Goal] = []
        var activities: [Activity] = []
        for goalNode in goalNodes {
            let (goal, own) = try self.goal(goalNode, context: &context)
            if goals.contains(where: { $0.number == goal.number }) {
                throw goalNode.error("mērķis \(goal.number) atkārtojas", "goal \(goal.number) appears twice")
            }
            goals.append(goal)
            activities += own
        }
        let indicators = try self.indicators(map.optional("indicators"))
        return Plan(id: id, title: title, en: en, municipality: municipality, language: language,
                    period: period, institutions: institutions, funding: funding, glossary: glossary,
                    goals: goals, activities: activities, indicators: indicators)
    }

    struct Context {
        var period: DayRange
        var institutions: Set<String>
        var funding: Set<String>
        var activityIDs: Set<String> = []
    }

    /// Institutions and funding sources: code, name, English name, and for
    /// an institution (`mailbox`) its e-mail address.
    private func codedEntries(_ node: LocatedNode?, what: Phrase, mailbox: Bool) throws(LocatedError)
        -> [(code: String, name: String, en: String?, email: String?)] {
        guard let node else { return [] }
        var result: [(code: String, name: String, en: String?, email: String?)] = []
        for item in try node.sequence(what) {
            let map = try item.mapping(what)
            try map.allowOnly(mailbox ? ["code", "name", "en", "email"] : ["code", "name", "en"])
            let codeNode = try map.require("code")
            let code = try codeNode.text(p("kods", "the code"))
            guard code.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
                throw codeNode.error("kodam '\(code)' jābūt no lielajiem latīņu burtiem un cipariem",
                                     "the code '\(code)' must be ASCII capital letters and digits")
            }
            if result.contains(where: { $0.code == code }) {
                throw codeNode.error("kods '\(code)' atkārtojas", "the code '\(code)' appears twice")
            }
            let name = try map.require("name").text(p("nosaukums", "the name"))
            let en = try map.optional("en")?.text(p("angļu nosaukums", "the English name"))
            var email: String?
            if mailbox, let node = map.optional("email") {
                let field = p("iestādes \(code) e-pasts", "the e-mail of \(code)")
                let address = try node.text(field)
                guard EmailAddress.isValid(address) else {
                    let phrase = EmailAddress.refusal(address, field: field)
                    throw node.error(phrase.lv, phrase.en)
                }
                email = address
            }
            result.append((code, name, en, email))
        }
        return result
    }

    private func glossaryEntries(_ node: LocatedNode?) throws(LocatedError) -> [GlossaryEntry] {
        guard let node else { return [] }
        var result: [GlossaryEntry] = []
        for item in try node.sequence(p("saīsinājumi", "the glossary")) {
            let map = try item.mapping(p("saīsinājumam", "a glossary entry"))
            try map.allowOnly(["abbr", "text", "en"])
            let abbr = try map.require("abbr").text(p("saīsinājums", "the abbreviation"))
            let text = try map.require("text").text(p("skaidrojums", "the explanation"))
            let en = try map.optional("en")?.text(p("angļu skaidrojums", "the English explanation"))
            result.append(GlossaryEntry(abbreviation: abbr, text: text, en: en))
        }
        return result
    }

    private func goal(_ node: LocatedNode, context: inout Context) throws(LocatedError) -> (Goal, [Activity]) {
        let map = try node.mapping(p("mērķim", "a goal"))
        try map.allowOnly(["number", "level", "title", "en", "results", "activities"])
        let numberNode = try map.require("number")
        let number = try numberNode.int(p("mērķa numurs", "the goal number"))
        guard number > 0 else {
            throw numberNode.error("mērķa numuram jābūt pozitīvam", "the goal number must be positive")
        }
        // A goal may have no level (SPEC §3): the key left out, or empty.
        var level: Level?
        if let levelNode = map.optional("level"), !levelNode.isNull {
            let levelCode = try levelNode.string(p("līmenis", "the level"))
            guard let known = Level(rawValue: levelCode) else {
                throw levelNode.error("nezināms prevencijas līmenis '\(levelCode)'; jābūt primary, secondary vai tertiary (vai bez level: mērķim bez līmeņa)",
                                      "unknown level code '\(levelCode)'; expected primary, secondary or tertiary (or no level: for a goal without one)")
            }
            level = known
        }
        let title = try map.require("title").text(p("mērķa nosaukums", "the goal title"))
        let en = try map.optional("en")?.text(p("angļu nosaukums", "the English title"))
        var results: [ExpectedResult] = []
        if let resultsNode = map.optional("results") {
            for item in try resultsNode.sequence(p("sagaidāmie rezultāti", "expected results")) {
                let rmap = try item.mapping(p("sagaidāmajam rezultātam", "an expected result"))
                try rmap.allowOnly(["id", "text", "en"])
                let rid = try rmap.require("id").text(p("rezultāta id", "the result id"))
                let text = try rmap.require("text").text(p("rezultāta teksts", "the result text"))
                let ren = try rmap.optional("en")?.text(p("angļu teksts", "the English text"))
                results.append(ExpectedResult(id: rid, text: text, en: ren))
            }
        }
        var activities: [Activity] = []
        if let list = map.optional("activities") {
            for item in try list.sequence(p("aktivitātes", "activities")) {
                activities.append(try activity(item, goal: number, context: &context))
            }
        }
        return (Goal(number: number, level: level, title: title, en: en, results: results), activities)
    }

    private func activity(_ node: LocatedNode, goal: Int, context: inout Context) throws(LocatedError) -> Activity {
        var map = try node.mapping(p("aktivitātei", "an activity"))
        try map.allowOnly(["id", "title", "en", "links", "period", "schedule", "owners", "funding", "target",
                           "status", "status_note"])
        let idNode = try map.require("id")
        let id = try idNode.string(p("aktivitātes id", "the activity id"))
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let g = Int(parts[0]), let n = Int(parts[1]), n > 0,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            throw idNode.error("aktivitātes id '\(id)' jābūt formā MĒRĶIS.NUMURS, piemēram \"2.4\"",
                               "the activity id '\(id)' must be GOAL.POSITION, for example \"2.4\"")
        }
        guard g == goal else {
            throw idNode.error("aktivitāte '\(id)' atrodas mērķī \(goal); tās id jāsākas ar \(goal).",
                               "activity '\(id)' stands under goal \(goal); its id must start with \(goal).")
        }
        guard !context.activityIDs.contains(id) else {
            throw idNode.error("aktivitātes id '\(id)' atkārtojas", "duplicate activity id '\(id)'")
        }
        context.activityIDs.insert(id)
        let what = p("aktivitātes \(id)", "activity \(id)")
        map = map.named(p("aktivitātei \(id)", "activity \(id)"))

        let title = try map.require("title").text(p("aktivitātes \(id) nosaukums", "the title of activity \(id)"))
        let en = try map.optional("en")?.text(p("aktivitātes \(id) angļu nosaukums", "the English title of activity \(id)"))
        var links: [String] = []
        if let linksNode = map.optional("links") {
            for link in try linksNode.sequence(p("saites", "links")) {
                links.append(try link.text(p("saite", "a link")))
            }
        }
        let period = try map.require("period").text(p("aktivitātes \(id) īstenošanas periods", "the period wording of activity \(id)"))
        let schedule = try self.schedule(try map.require("schedule"), activity: id, period: context.period)

        let ownersNode = try map.require("owners")
        let owners = try codes(ownersNode, known: context.institutions,
                               kind: p("iestādes", "institution"), what: what)
        guard !owners.isEmpty else {
            throw ownersNode.error("aktivitātei \(id) nav atbildīgās iestādes", "activity \(id) has no owner")
        }
        let (funding, amounts) = try map.optional("funding").map { node throws(LocatedError) in
            try self.funding(node, known: context.funding, what: what)
        } ?? ([], [:])

        var target: Target?
        if let targetNode = map.optional("target") {
            let tmap = try targetNode.mapping(p("mērķa skaitam", "a target"))
            try tmap.allowOnly(["count", "unit"])
            let countNode = try tmap.require("count")
            let count = try countNode.count(p("aktivitātes \(id) mērķa skaitam", "the target count of activity \(id)"))
            let unit = try tmap.require("unit").text(p("mērķa mērvienība", "the target unit"))
            target = Target(count: count, unit: unit)
        }
        var status = Status.planned
        if let statusNode = map.optional("status") {
            let word = try statusNode.string(p("statuss", "the status"))
            guard let value = Status(rawValue: word) else {
                let all = Status.allCases.map(\.rawValue).joined(separator: ", ")
                throw statusNode.error("nezināms statuss '\(word)'; jābūt \(all)", "unknown status '\(word)'; expected \(all)")
            }
            status = value
        }
        let statusNote = try map.optional("status_note")?.text(p("statusa piezīme", "the status note"), lines: .several)
        return Activity(id: id, goal: goal, title: title, en: en, links: links, period: period,
                        schedule: schedule, owners: owners, funding: funding, amounts: amounts, target: target,
                        status: status, statusNote: statusNote)
    }

    private func codes(_ node: LocatedNode, known: Set<String>, kind: Phrase, what: Phrase) throws(LocatedError) -> [String] {
        var result: [String] = []
        for item in try node.sequence(p("kodi", "codes")) {
            result.append(try code(item, known: known, kind: kind, what: what, after: result))
        }
        return result
    }

    /// One code of a list: known, and not already in `after`.
    private func code(_ item: LocatedNode, known: Set<String>, kind: Phrase, what: Phrase,
                      after earlier: [String]) throws(LocatedError) -> String {
        let code = try item.string(p("kods", "a code"))
        guard known.contains(code) else {
            let list = known.sorted().joined(separator: ", ")
            throw item.error("nezināms \(kind.lv) kods '\(code)' (\(what.lv)); zināmie: \(list)",
                             "unknown \(kind.en) code '\(code)' in \(what.en); known codes: \(list)")
        }
        guard !earlier.contains(code) else {
            throw item.error("kods '\(code)' atkārtojas (\(what.lv))", "the code '\(code)' is repeated in \(what.en)")
        }
        return code
    }

    /// An activity's funding (SPEC §3): codes (`[PB, VB]`), each of which may
    /// instead be written with its amount in euros (`{code: PB, eur: 1500}`).
    private func funding(_ node: LocatedNode, known: Set<String>, what: Phrase) throws(LocatedError)
        -> (codes: [String], amounts: [String: Euros]) {
        let kind = p("finanšu avota", "funding")
        var codes: [String] = []
        var amounts: [String: Euros] = [:]
        for item in try node.sequence(p("finansējums", "funding")) {
            guard case .mapping = item.node else {
                codes.append(try code(item, known: known, kind: kind, what: what, after: codes))
                continue
            }
            let entry = try item.mapping(p("finanšu avotam", "a funding source"))
            try entry.allowOnly(["code", "eur"])
            let code = try self.code(try entry.require("code"), known: known, kind: kind, what: what, after: codes)
            codes.append(code)
            if let eurNode = entry.optional("eur"), !eurNode.isNull {
                let text = try eurNode.string(p("summa eiro", "the amount in euros"))
                guard let amount = Euros(text) else {
                    throw eurNode.error(
                        "summa '\(SafeText.line(text))' (\(what.lv), \(code)) nav derīga; jābūt skaitlim eiro no 0 līdz 1000000000 ar ne vairāk kā diviem cipariem aiz punkta, piemēram 1500 vai 1500.50",
                        "the amount '\(SafeText.line(text))' (\(what.en), \(code)) is not valid; expected euros from 0 to 1000000000 with at most two decimals after a point, such as 1500 or 1500.50")
                }
                amounts[code] = amount
            }
        }
        return (codes, amounts)
    }

    /// Reads one of the schedule forms of SPEC §3 and checks it lies in the plan period.
    func schedule(_ node: LocatedNode, activity id: String, period: DayRange) throws(LocatedError) -> Schedule {
        let forms = "once, every, ongoing, as-needed"
        let schedule: Schedule
        if case .scalar(let scalar) = node.node {
            switch scalar.string {
            case "ongoing": schedule = .ongoing(report: .quarter, from: nil, to: nil)
            case "as-needed": schedule = .asNeeded
            default:
                throw node.error("nezināma grafika forma '\(scalar.string)'; jābūt \(forms)",
                                 "unknown schedule form '\(scalar.string)'; expected one of \(forms)")
            }
        } else {
            let map = try node.mapping(p("grafikam", "a schedule"))
            guard let form = map.keys.first(where: { ["once", "every", "ongoing", "as-needed"].contains($0) }) else {
                let first = map.keys.first ?? ""
                throw (map.firstKeyNode ?? node).error(
                    "nezināma grafika forma '\(first)'; jābūt \(forms)",
                    "unknown schedule form '\(first)'; expected one of \(forms)")
            }
            let value = try map.require(form)
            switch form {
            case "once":
                try map.allowOnly(["once"])
                if case .scalar = value.node {
                    let bound = try value.dateBound(p("vienreizējais logs", "the single window"))
                    schedule = .once(from: bound, to: bound)
                } else {
                    let wmap = try value.mapping(p("vienreizējam logam", "a single window"))
                    try wmap.allowOnly(["from", "to"])
                    let from = try wmap.optional("from")?.dateBound(p("sākums", "from"))
                    let to = try wmap.require("to").dateBound(p("beigas", "to"))
                    schedule = .once(from: from, to: to)
                }
            case "every":
                try map.allowOnly(["every", "from", "to", "due"])
                let word = try value.string(p("biežums", "the cadence"))
                guard let cadence = Cadence(rawValue: word) else {
                    throw value.error("nezināms biežums '\(word)'; jābūt week, month, quarter, half-year vai year",
                                      "unknown cadence '\(word)'; expected week, month, quarter, half-year or year")
                }
                let from = try map.optional("from")?.dateBound(p("sākums", "from"))
                let to = try map.optional("to")?.dateBound(p("beigas", "to"))
                var due: DueDay?
                if let dueNode = map.optional("due") {
                    let text = try dueNode.string(p("termiņš katrā logā", "the due day in each window"))
                    guard let parsed = DueDay(text) else {
                        throw dueNode.error("termiņš '\(SafeText.line(text))' nav derīgs; jābūt MM-DD (ik gadu) vai dienas numuram 1–31 (ik mēnesi)",
                                            "the due day '\(SafeText.line(text))' is not valid; expected MM-DD (every year) or a day number 1–31 (every month)")
                    }
                    guard parsed.fits(cadence) else {
                        throw dueNode.error("termiņš '\(parsed)' der tikai pie \(parsed.month == nil ? "every: month" : "every: year"), ne pie every: \(cadence.rawValue)",
                                            "the due day '\(parsed)' fits only \(parsed.month == nil ? "every: month" : "every: year"), not every: \(cadence.rawValue)")
                    }
                    due = parsed
                }
                schedule = .every(cadence, from: from, to: to, due: due)
            case "ongoing":
                try map.allowOnly(["ongoing"])
                var report = Cadence.quarter
                var from: DateBound?
                var to: DateBound?
                if !value.isNull {
                    let omap = try value.mapping(p("pastāvīgam darbam", "ongoing work"))
                    try omap.allowOnly(["report", "from", "to"])
                    if let reportNode = omap.optional("report") {
                        let word = try reportNode.string(p("atskaites biežums", "the report cadence"))
                        guard let cadence = Cadence(rawValue: word) else {
                            throw reportNode.error("nezināms biežums '\(word)'; jābūt week, month, quarter, half-year vai year",
                                                   "unknown cadence '\(word)'; expected week, month, quarter, half-year or year")
                        }
                        report = cadence
                    }
                    from = try omap.optional("from")?.dateBound(p("sākums", "from"))
                    to = try omap.optional("to")?.dateBound(p("beigas", "to"))
                }
                schedule = .ongoing(report: report, from: from, to: to)
            default:
                try map.allowOnly(["as-needed"])
                schedule = .asNeeded
            }
        }
        let span = schedule.span(in: period)
        if span.isEmpty {
            throw node.error("aktivitātes \(id) logs beidzas pirms tas sākas (\(span.first)…\(span.last))",
                             "the window of activity \(id) ends before it starts (\(span.first)…\(span.last))")
        }
        if !period.contains(span) {
            throw node.error("aktivitātes \(id) logs \(span.first)…\(span.last) iziet ārpus plāna perioda \(period.first)…\(period.last)",
                             "the window \(span.first)…\(span.last) of activity \(id) lies outside the plan period \(period.first)…\(period.last)")
        }
        return schedule
    }

    private func indicators(_ node: LocatedNode?) throws(LocatedError) -> [Indicator] {
        guard let node else { return [] }
        var result: [Indicator] = []
        for item in try node.sequence(p("rādītāji", "indicators")) {
            let map = try item.mapping(p("rādītājam", "an indicator"))
            try map.allowOnly(["id", "title", "en", "source", "year", "unit", "values"])
            let idNode = try map.require("id")
            let id = try idNode.text(p("rādītāja id", "the indicator id"))
            if result.contains(where: { $0.id == id }) {
                throw idNode.error("rādītāja id '\(id)' atkārtojas", "the indicator id '\(id)' appears twice")
            }
            let title = try map.require("title").text(p("rādītāja nosaukums", "the indicator title"))
            let en = try map.optional("en")?.text(p("angļu nosaukums", "the English title"))
            let source = try map.require("source").text(p("avots", "the source"))
            let year = try map.optional("year")?.text(p("gads", "the year"))
            let unit = try map.optional("unit")?.text(p("mērvienība", "the unit"))
            var values: [Indicator.Value] = []
            for valueNode in try map.require("values").sequence(p("vērtības", "values")) {
                let vmap = try valueNode.mapping(p("vērtībai", "a value"))
                try vmap.allowOnly(["label", "value", "en"])
                let label = try vmap.require("label").text(p("vērtības nosaukums", "the value label"))
                let value = try vmap.require("value").number(p("vērtība", "the value"))
                let ven = try vmap.optional("en")?.text(p("angļu nosaukums", "the English label"))
                values.append(Indicator.Value(label: label, value: value, en: ven))
            }
            result.append(Indicator(id: id, title: title, en: en, source: source, year: year, unit: unit, values: values))
        }
        return result
    }
}
