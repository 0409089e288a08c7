import Foundation
import GRDB
import SargsCore

// How the plan's values are written into columns and journal entries, and
// read back. One home for each form: dates as `YYYY-MM-DD`, instants as UTC
// text to the millisecond, schedules and lists as canonical JSON.

/// A stored value that does not read back: the file was changed by hand or
/// by something other than sargs.
func damaged(_ what: String) -> StoreError {
    .unavailable(Phrase(lv: "glabātuvē ir vērtība, ko nevar nolasīt (" + what + "); tā, iespējams, mainīta ārpus sargs",
                        en: Damage.opening + what + Damage.closing))
}

/// The words around what `damaged` names, so that `check` can say which
/// value a reader refused (`Damage.what`).
enum Damage {
    static let opening = "the store holds a value it cannot read ("
    static let closing = "); it may have been changed outside sargs"

    /// What a reader's `damaged` error named ("status “paused” of 1.1"), or
    /// nil for any other error.
    static func what(_ error: any Error) -> String? {
        guard case StoreError.unavailable(let reason)? = error as? StoreError,
              reason.en.hasPrefix(opening), reason.en.hasSuffix(closing) else { return nil }
        return String(reason.en.dropFirst(opening.count).dropLast(closing.count))
    }
}

extension Row {
    /// The value of column `index` as a reader needs it: a NULL where a
    /// value must be, or a value of another type, is a damaged store (named
    /// `what`), never a crash.
    func stored<Value: DatabaseValueConvertible>(_ index: Int, _ what: @autoclosure () -> String) throws -> Value {
        do {
            return try decode(Value.self, atIndex: index)
        } catch {
            throw damaged("\(what()) “\(self[index] as DatabaseValue)”")
        }
    }
}

extension Day {
    /// A stored date (the core's one `YYYY-MM-DD` codec), or a damaged store.
    static func required(_ text: String, _ what: String) throws -> Day {
        guard let day = Day(text) else { throw damaged("\(what) “\(text)”") }
        return day
    }
}

extension Timestamp {
    static func required(_ text: String, _ what: String = "time") throws -> Date {
        guard let date = Timestamp.date(text) else { throw damaged("\(what) “\(text)”") }
        return date
    }
}

// MARK: - Lists

enum StoredList {
    static func text(_ list: [String]) -> String { JSON.strings(list).text }

    static func read(_ text: String, _ what: String) throws -> [String] {
        guard let list = JSON(parsing: text)?.stringList else { throw damaged("\(what) “\(text)”") }
        return list
    }
}

/// An activity's funding as stored and journaled: the codes as a list of
/// strings (`["PB","VB"]`), a code with an amount as an object with the
/// amount in cents (`[{"code":"PB","eur_cents":150000},"VB"]`, SPEC §3).
enum StoredFunding {
    static func json(_ funding: [String], _ amounts: [String: Euros]) -> JSON {
        guard !amounts.isEmpty else { return .strings(funding) }
        return .array(funding.map { code in
            guard let amount = amounts[code] else { return .string(code) }
            return .object([(key: "code", value: .string(code)), (key: "eur_cents", value: .int(amount.cents))])
        })
    }

    /// The codes and amounts; nil when the value is not of that shape (an
    /// amount out of range included).
    static func read(_ json: JSON) -> (codes: [String], amounts: [String: Euros])? {
        if let codes = json.stringList { return (codes, [:]) }
        guard let items = json.arrayValue else { return nil }
        var codes: [String] = [], amounts: [String: Euros] = [:]
        for item in items {
            if let code = item.stringValue { codes.append(code); continue }
            guard let code = item["code"].stringValue, let cents = item["eur_cents"].intValue,
                  let amount = Euros(cents: cents) else { return nil }
            codes.append(code)
            amounts[code] = amount
        }
        return (codes, amounts)
    }
}

// MARK: - Schedule

extension Schedule {
    /// The schedule in the plan file's own shape, as canonical JSON:
    /// `{"once":{"from":"2025-02","to":"2025-03"}}`, `{"every":"quarter","from":"2025-04"}`,
    /// `{"ongoing":{"report":"quarter"}}`, `"as-needed"`. Bounds keep their
    /// precision (year, month or day).
    var json: JSON {
        func bounds(_ from: DateBound?, _ to: DateBound?) -> [(key: String, value: JSON)] {
            var members: [(key: String, value: JSON)] = []
            if let from { members.append((key: "from", value: JSON.string(from.description))) }
            if let to { members.append((key: "to", value: JSON.string(to.description))) }
            return members
        }
        switch self {
        case .once(let from, let to):
            return .object([(key: "once", value: JSON.object(bounds(from, to)))])
        case .every(let cadence, let from, let to, let due):
            let dueMember = due.map { [(key: "due", value: JSON.string($0.description))] } ?? []
            return .object([(key: "every", value: JSON.string(cadence.rawValue))] + bounds(from, to) + dueMember)
        case .ongoing(let report, let from, let to):
            return .object([(key: "ongoing", value: JSON.object(
                [(key: "report", value: JSON.string(report.rawValue))] + bounds(from, to)))])
        case .asNeeded:
            return .string(Schedule.Kind.asNeeded.rawValue)
        }
    }

    init?(json: JSON) {
        func bound(_ value: JSON) -> DateBound?? {
            if value.isNull { return .some(nil) }
            guard let text = value.stringValue, let b = DateBound(text) else { return nil }
            return .some(b)
        }
        if json.stringValue == Schedule.Kind.asNeeded.rawValue {
            self = .asNeeded
            return
        }
        let keys = json.keys
        if keys.first == "once" {
            let body = json["once"]
            guard let from = bound(body["from"]), let toBound = bound(body["to"]), let to = toBound else { return nil }
            self = .once(from: from, to: to)
        } else if keys.first == "every" {
            guard let cadence = json["every"].stringValue.flatMap(Cadence.init(rawValue:)),
                  let from = bound(json["from"]), let to = bound(json["to"]) else { return nil }
            var due: DueDay?
            if !json["due"].isNull {
                guard let text = json["due"].stringValue, let d = DueDay(text), d.fits(cadence) else { return nil }
                due = d
            }
            self = .every(cadence, from: from, to: to, due: due)
        } else if keys.first == "ongoing" {
            let body = json["ongoing"]
            guard let report = body["report"].stringValue.flatMap(Cadence.init(rawValue:)),
                  let from = bound(body["from"]), let to = bound(body["to"]) else { return nil }
            self = .ongoing(report: report, from: from, to: to)
        } else {
            return nil
        }
    }

    var storedText: String { json.text }

    static func stored(_ text: String) throws -> Schedule {
        guard let json = JSON(parsing: text), let schedule = Schedule(json: json) else {
            throw damaged("schedule “\(text)”")
        }
        return schedule
    }
}

// MARK: - Activity fields

/// The fields of an activity that a change can touch, by the names the
/// journal and conflict messages use. The id is not among them: it never
/// changes once given.
extension ActivityField {

    func value(of a: Activity) -> JSON {
        switch self {
        case .goal: return .int(a.goal)
        case .title: return .string(a.title)
        case .en: return .string(a.en)
        case .links: return .strings(a.links)
        case .period: return .string(a.period)
        case .schedule: return a.schedule.json
        case .owners: return .strings(a.owners)
        case .funding: return StoredFunding.json(a.funding, a.amounts)
        case .target:
            guard let t = a.target else { return .null }
            return .object(["count": .int(t.count), "unit": .string(t.unit)])
        case .status: return .string(a.status.rawValue)
        case .statusNote: return .string(a.statusNote)
        }
    }

    /// Sets the field from its journal value; nil if the value does not fit.
    func set(_ value: JSON, on a: inout Activity) -> Bool {
        switch self {
        case .goal:
            guard let g = value.intValue else { return false }
            a.goal = g
        case .title:
            guard let s = value.stringValue else { return false }
            a.title = s
        case .en:
            guard value.isNull || value.stringValue != nil else { return false }
            a.en = value.stringValue
        case .links:
            guard let l = value.stringList else { return false }
            a.links = l
        case .period:
            guard let s = value.stringValue else { return false }
            a.period = s
        case .schedule:
            guard let s = Schedule(json: value) else { return false }
            a.schedule = s
        case .owners:
            guard let l = value.stringList else { return false }
            a.owners = l
        case .funding:
            guard let (codes, amounts) = StoredFunding.read(value) else { return false }
            a.funding = codes
            a.amounts = amounts
        case .target:
            if value.isNull {
                a.target = nil
            } else {
                guard let count = value["count"].intValue, let unit = value["unit"].stringValue else { return false }
                a.target = Target(count: count, unit: unit)
            }
        case .status:
            guard let s = value.stringValue.flatMap(Status.init(rawValue:)) else { return false }
            a.status = s
        case .statusNote:
            guard value.isNull || value.stringValue != nil else { return false }
            a.statusNote = value.stringValue
        }
        return true
    }
}

extension Activity {
    /// Every field of the activity as the store keeps it (the journal's `add`).
    var fields: [ActivityField: JSON] {
        Dictionary(uniqueKeysWithValues: ActivityField.allCases.map { ($0, $0.value(of: self)) })
    }

    /// Every free text of the activity, named for a refusal message.
    var texts: [FreeTextField] {
        [FreeTextField(name: Phrase(lv: "aktivitātes \(id) nosaukums", en: "the title of \(id)"), text: title),
         FreeTextField(name: Phrase(lv: "aktivitātes \(id) angliskais nosaukums", en: "the English title of \(id)"), text: en),
         FreeTextField(name: Phrase(lv: "aktivitātes \(id) perioda apraksts", en: "the period wording of \(id)"), text: period),
         FreeTextField(name: Phrase(lv: "aktivitātes \(id) statusa piezīme", en: "the status note of \(id)"), text: statusNote, lines: .several),
         FreeTextField(name: Phrase(lv: "aktivitātes \(id) mērķa mērvienība", en: "the target unit of \(id)"), text: target?.unit)]
    }
}

// MARK: - The plan's reference lists

extension Institution {
    var json: JSON {
        var pairs: [(key: String, value: JSON)] = [("code", .string(code)), ("name", .string(name)), ("en", .string(en))]
        if let email { pairs.append(("email", .string(email))) }
        return .object(pairs)
    }

    init?(json: JSON) {
        guard let code = json["code"].stringValue, let name = json["name"].stringValue else { return nil }
        // An address that is no longer of a valid form is not used (no stored value crashes a reader).
        let email = json["email"].stringValue.flatMap { EmailAddress.isValid($0) ? $0 : nil }
        self.init(code: code, name: name, en: json["en"].stringValue, email: email)
    }
}

extension Funding {
    var json: JSON { .object(["code": .string(code), "name": .string(name), "en": .string(en)]) }

    init?(json: JSON) {
        guard let code = json["code"].stringValue, let name = json["name"].stringValue else { return nil }
        self.init(code: code, name: name, en: json["en"].stringValue)
    }
}

extension GlossaryEntry {
    var json: JSON { .object(["abbreviation": .string(abbreviation), "text": .string(text), "en": .string(en)]) }

    init?(json: JSON) {
        guard let abbreviation = json["abbreviation"].stringValue, let text = json["text"].stringValue else { return nil }
        self.init(abbreviation: abbreviation, text: text, en: json["en"].stringValue)
    }
}

extension Indicator {
    var json: JSON {
        .object(["id": .string(id), "title": .string(title), "en": .string(en), "source": .string(source),
                 "year": .string(year), "unit": .string(unit),
                 "values": .array(values.map {
                     .object(["label": .string($0.label), "value": .double($0.value), "en": .string($0.en)])
                 })])
    }

    init?(json: JSON) {
        guard let id = json["id"].stringValue, let title = json["title"].stringValue,
              let source = json["source"].stringValue, let items = json["values"].arrayValue else { return nil }
        var values: [Value] = []
        for item in items {
            guard let label = item["label"].stringValue, let value = item["value"].doubleValue else { return nil }
            values.append(Value(label: label, value: value, en: item["en"].stringValue))
        }
        self.init(id: id, title: title, en: json["en"].stringValue, source: source,
                  year: json["year"].stringValue, unit: json["unit"].stringValue, values: values)
    }
}

/// A JSON array column of one of the reference lists.
func storedArray<T>(_ text: String, _ what: String, _ make: (JSON) -> T?) throws -> [T] {
    guard let items = JSON(parsing: text)?.arrayValue else { throw damaged("\(what) “\(text)”") }
    var result: [T] = []
    for item in items {
        guard let value = make(item) else { throw damaged("\(what) “\(item.text)”") }
        result.append(value)
    }
    return result
}
