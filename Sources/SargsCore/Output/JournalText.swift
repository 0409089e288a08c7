import Foundation

/// Times as people in the plan's municipality read them: Europe/Riga, one
/// home for the zone and the formats.
public enum RigaTime {
    public static let zone = TimeZone(identifier: "Europe/Riga") ?? .current

    private static func formatter(_ format: String) -> DateFormatter {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = zone
        f.dateFormat = format
        return f
    }

    private static let minutes = formatter("yyyy-MM-dd HH:mm")
    private static let seconds = formatter("yyyy-MM-dd HH:mm:ss")

    /// "2025-03-10 14:02" (or with seconds).
    public static func text(_ instant: Date, seconds withSeconds: Bool = false) -> String {
        (withSeconds ? seconds : minutes).string(from: instant)
    }
}

/// The journal as people read it (SPEC §6: time, author, action, what):
/// one sentence per entry in the interface's language, the same on the
/// board's journal screen, in `sargs log` and in the question `u` asks.
/// `sargs log --format json` keeps the stored before and after.
public enum JournalText {
    /// What an entry changed, as a noun phrase: "izpilde 2.1: 2025-03-10, 12",
    /// "statuss 2.1: plānota → bloķēta", "sēde Nr. 3 (2025-12-15)".
    public static func what(_ e: JournalEntry, _ language: Language) -> String {
        SafeText.line(words(e).what.text(language))
    }

    /// "ieva pierakstīja izpildi 2.1: 2025-03-10, 12".
    public static func sentence(_ e: JournalEntry, _ language: Language) -> String {
        SafeText.line(e.shownAuthor(language) + " " + words(e).did.text(language))
    }

    /// A line of `sargs log`: "#12  2025-03-10 14:02:05  " and the sentence.
    public static func line(_ e: JournalEntry, _ language: Language) -> String {
        "#\(e.id)  \(RigaTime.text(e.time, seconds: true))  " + sentence(e, language)
    }

    public static func json(_ e: JournalEntry) -> JSONValue {
        .object([
            ("id", .int(Int(e.id))), ("time", .string(ISO8601DateFormatter().string(from: e.time))),
            ("author", .string(e.author)), ("login", .optional(e.login)), ("action", .string(e.action)), ("subject", .string(e.subject)),
            ("before", .optional(e.before)), ("after", .optional(e.after)),
            ("undoes", e.undoes.map { .int(Int($0)) } ?? .null),
        ])
    }

    /// The entry's change as a noun phrase and as what its author did.
    static func words(_ e: JournalEntry) -> (what: Phrase, did: Phrase) {
        let before = e.before.flatMap(JSONValue.init(parsing:)) ?? .null
        let after = e.after.flatMap(JSONValue.init(parsing:)) ?? .null
        let s = e.subject
        func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }
        guard let kind = e.kind else {
            // An action a later version wrote: said by its name.
            return (p("\(e.action) \(s)", "\(e.action) \(s)"), p("\(e.action) \(s)", "\(e.action) \(s)"))
        }
        switch kind {
        case .undo:
            // An undo swaps before and after: the reverted change is read from them, under the
            // action of the entry it reverts, which the store reads beside it.
            guard let revertedAction = e.reverted else {
                let number = e.undoes.map { " #\($0)" } ?? ""
                return (p("atsaukums\(number)", "undo\(number)"), p("atsauca\(number)", "undid\(number)"))
            }
            let reverted = JournalEntry(id: e.undoes ?? 0, time: e.time, author: e.author, action: revertedAction,
                                        subject: s, before: e.after, after: e.before)
            let inner = words(reverted).what
            let number = e.undoes.map { " #\($0)" } ?? ""
            return (p("atsaukums\(number): \(inner.lv)", "undo\(number): \(inner.en)"),
                    p("atsauca\(number): \(inner.lv)", "undid\(number): \(inner.en)"))
        case .record:
            let detail = recordDetail(after)
            let done: (lv: String, en: String) = after["status"].stringValue == Status.done.rawValue ? ("; pabeigta", "; finished") : ("", "")
            return (p("izpilde \(s)\(detail)\(done.lv)", "record \(s)\(detail)\(done.en)"),
                    p("pierakstīja izpildi \(s)\(detail)\(done.lv)", "recorded \(s)\(detail)\(done.en)"))
        case .imported:
            let count = after["count"].intValue ?? 0
            return (p("\(count) izpilžu imports", "an import of \(count) records"),
                    p("importēja \(count) izpildes", "imported \(count) records"))
        case .status:
            let from = before["status"].stringValue.flatMap(Status.init(rawValue:))
            let to = after["status"].stringValue.flatMap(Status.init(rawValue:))
            let change = [from?.phrase, to?.phrase].compactMap { $0 }
            let lv = change.map(\.lv).joined(separator: " → "), en = change.map(\.en).joined(separator: " → ")
            return (p("statuss \(s): \(lv)", "status of \(s): \(en)"), p("mainīja statusu \(s): \(lv)", "set the status of \(s): \(en)"))
        case .note:
            return (p("piezīme \(s)", "a note on \(s)"), p("pievienoja piezīmi \(s)", "added a note to \(s)"))
        case .waive:
            let window = after["window"].stringValue ?? ""
            return (p("atbrīvojums \(s) \(window)", "waiver of \(s) \(window)"),
                    p("atbrīvoja \(s) logu \(window)", "waived window \(window) of \(s)"))
        case .edit:
            let names = after.keys.map { Self.activityFieldName($0) }
            let lv = names.map(\.lv).joined(separator: ", "), en = names.map(\.en).joined(separator: ", ")
            return (p("labojums \(s): \(lv)", "edit of \(s): \(en)"), p("laboja \(s): \(lv)", "edited \(s): \(en)"))
        case .add:
            return (p("aktivitāte \(s)", "activity \(s)"), p("pievienoja aktivitāti \(s)", "added activity \(s)"))
        case .meeting:
            let date = after["date"].stringValue.map { " (\($0))" } ?? ""
            let n = number(s)
            return (p("sēde Nr. \(n)\(date)", "meeting \(n)\(date)"), p("ieplānoja sēdi Nr. \(n)\(date)", "planned meeting \(n)\(date)"))
        case .items:
            let n = number(s)
            // One item's outcome (chair mode) reads as the board said it: "2.1: izskatīts".
            if let (activity, outcome) = oneOutcome(before, after) {
                return (p("sēde Nr. \(n), \(activity): \(outcome.phrase.lv)", "meeting \(n), \(activity): \(outcome.phrase.en)"),
                        p("sēdē Nr. \(n) atzīmēja \(activity): \(outcome.phrase.lv)", "marked in meeting \(n) \(activity): \(outcome.phrase.en)"))
            }
            return (p("sēdes Nr. \(n) darba kārtība", "the agenda of meeting \(n)"),
                    p("sagatavoja sēdes Nr. \(n) darba kārtību", "prepared the agenda of meeting \(n)"))
        case .settings:
            let n = number(s)
            let date = after["date"].stringValue ?? ""
            let dateChanged = before["date"] != after["date"] || before["kind"] != after["kind"]
            let topicChanged = before["topic"] != after["topic"]
            let (lv, en) = dateChanged && topicChanged ? ("datums un tēma", "the date and topic")
                : dateChanged ? ("datums", "the date") : topicChanged ? ("tēma", "the topic") : ("darba kārtība", "the agenda")
            let (lvAcc, enDid) = dateChanged && topicChanged ? ("datumu un tēmu", "the date and topic")
                : dateChanged ? ("datumu", "the date") : topicChanged ? ("tēmu", "the topic") : ("darba kārtību", "the agenda")
            return (p("sēdes Nr. \(n) \(lv) (\(date))", "\(en) of meeting \(n) (\(date))"),
                    p("mainīja sēdes Nr. \(n) \(lvAcc) (\(date))", "changed \(enDid) of meeting \(n) (\(date))"))
        case .hold:
            let n = number(s)
            return (p("sēde Nr. \(n) notikusi", "meeting \(n) held"), p("atzīmēja sēdi Nr. \(n) kā notikušu", "marked meeting \(n) held"))
        case .cancel:
            let n = number(s)
            return (p("sēde Nr. \(n) atcelta", "meeting \(n) cancelled"), p("atcēla sēdi Nr. \(n)", "cancelled meeting \(n)"))
        case .decision:
            let n = number(s)
            let activity = after["activity"].stringValue.map { " (\($0))" } ?? ""
            return (p("lēmums Nr. \(n)\(activity)", "decision \(n)\(activity)"),
                    p("pieņēma lēmumu Nr. \(n)\(activity)", "took decision \(n)\(activity)"))
        case .done:
            let n = number(s)
            let at: (lv: String, en: String) = after["review"]["meeting"].intValue.map { (" sēdē Nr. \($0)", " at meeting \($0)") } ?? ("", "")
            return (p("lēmums Nr. \(n) izpildīts\(at.lv)", "decision \(n) done\(at.en)"),
                    p("atzīmēja lēmumu Nr. \(n) kā izpildītu\(at.lv)", "marked decision \(n) done\(at.en)"))
        case .due:
            let n = number(s)
            let from = before["due"].stringValue ?? "", to = after["due"].stringValue ?? ""
            return (p("lēmuma Nr. \(n) termiņš: \(from) → \(to)", "due date of decision \(n): \(from) → \(to)"),
                    p("mainīja lēmuma Nr. \(n) termiņu: \(from) → \(to)", "moved the due date of decision \(n): \(from) → \(to)"))
        case .reviewed:
            let n = number(s)
            let m = after["review"]["meeting"].intValue.map(String.init) ?? ""
            return (p("lēmums Nr. \(n) izskatīts sēdē Nr. \(m), paliek atvērts", "decision \(n) reviewed at meeting \(m), left open"),
                    p("izskatīja lēmumu Nr. \(n) sēdē Nr. \(m) un atstāja atvērtu", "reviewed decision \(n) at meeting \(m) and left it open"))
        case .details:
            let n = number(s)
            let fields = after.keys.filter { before[$0] != after[$0] }
            let names = fields.map { Self.detailName($0) }
            let lv = names.map(\.lv).joined(separator: ", "), en = names.map(\.en).joined(separator: ", ")
            return (p("sēdes Nr. \(n) ziņas: \(lv)", "details of meeting \(n): \(en)"),
                    p("laboja sēdes Nr. \(n) ziņas: \(lv)", "edited the details of meeting \(n): \(en)"))
        case .institution:
            let address = after["email"].stringValue.map(SafeText.line)
            return address.map { (p("\(s) e-pasts: \($0)", "e-mail of \(s): \($0)"), p("iestādei \(s) norādīja e-pastu \($0)", "set the e-mail of \(s) to \($0)")) }
                ?? (p("\(s) e-pasts noņemts", "e-mail of \(s) removed"), p("noņēma iestādes \(s) e-pastu", "removed the e-mail of \(s)"))
        case .restore:
            let from = SafeText.line(after["from"].stringValue ?? "")
            let kept = SafeText.line(after["kept"].stringValue ?? "")
            return (p("atjaunošana no \(from)", "a restore from \(from)"),
                    p("atjaunoja glabātuvi no \(from) (iepriekšējā saglabāta: \(kept))", "restored the store from \(from) (the replaced one kept: \(kept))"))
        case .remind:
            let to = SafeText.line(after["to"].stringValue ?? "")
            let count = after["items"].arrayValue?.count ?? 0
            // The kind of mail, with its meeting's number where it has one ("agenda 3", "minutes 3", "cancel 3", "meeting 3").
            let words = (after["kind"].stringValue ?? "digest").split(separator: " ")
            let kind = words.first.map(String.init) ?? "digest"
            let number = words.dropFirst().first.map { " Nr. \($0)" } ?? "", numberEN = words.dropFirst().first.map { " \($0)" } ?? ""
            let (lvKind, enKind): (String, String)
            switch kind {
            case "agenda": (lvKind, enKind) = (number.isEmpty ? "darba kārtību" : "sēdes\(number) darba kārtību", "the agenda" + (numberEN.isEmpty ? "" : " of meeting\(numberEN)"))
            case "minutes": (lvKind, enKind) = ("sēdes\(number) protokolu", "the minutes of meeting\(numberEN)")
            case "cancel": (lvKind, enKind) = ("ziņu, ka sēde\(number) atcelta", "word that meeting\(numberEN) is cancelled")
            case "meeting": (lvKind, enKind) = ("atgādinājumu par sēdi\(number)", "a reminder of meeting\(numberEN)")
            default: (lvKind, enKind) = ("atgādinājumu", "a reminder")
            }
            // Items are counted where the mail lists them (a reminder, an agenda), not for minutes or a cancellation.
            let listed = kind != "minutes" && kind != "cancel"
            let lvItems = listed ? Plural.form(count, .lv, one: "\(count) punkts", other: "\(count) punkti") : nil
            let enItems = listed ? Plural.form(count, .en, one: "\(count) item", other: "\(count) items") : nil
            return (p("\(lvKind) \(s) (\(to)\(lvItems.map { ", " + $0 } ?? ""))", "\(enKind) to \(s) (\(to)\(enItems.map { ", " + $0 } ?? ""))"),
                    p("nodeva pasta sistēmai \(lvKind) \(s) uz \(to)\(lvItems.map { " (" + $0 + ")" } ?? "")",
                      "handed \(enKind) for \(s) at \(to) to the mail system\(enItems.map { " (" + $0 + ")" } ?? "")"))
        case .created:
            return (p("glabātuve no plāna \(s)", "the store from plan \(s)"), p("izveidoja glabātuvi no plāna \(s)", "created the store from plan \(s)"))
        }
    }

    /// A meeting detail's name, as `meeting edit` journals it.
    /// An activity's field as the journal stores it (`funding`), named in each language.
    private static func activityFieldName(_ key: String) -> Phrase {
        switch key {
        case "goal": return Phrase(lv: "mērķis", en: "goal")
        case "title": return Phrase(lv: "nosaukums", en: "title")
        case "en": return Phrase(lv: "angļu nosaukums", en: "English title")
        case "links": return Phrase(lv: "saites", en: "links")
        case "period": return Phrase(lv: "periods", en: "period")
        case "schedule": return Phrase(lv: "grafiks", en: "schedule")
        case "owners": return Phrase(lv: "atbildīgie", en: "owners")
        case "funding": return Phrase(lv: "finansējums", en: "funding")
        case "target": return Phrase(lv: "mērķa skaits", en: "target")
        case "status": return Phrase(lv: "statuss", en: "status")
        case "status_note": return Phrase(lv: "statusa piezīme", en: "status note")
        default: return Phrase(lv: key, en: key)
        }
    }

    private static func detailName(_ key: String) -> Phrase {
        switch key {
        case "attendees": return Phrase(lv: "dalībnieki", en: "attendees")
        case "place": return Phrase(lv: "vieta", en: "place")
        case "started": return Phrase(lv: "sākuma laiks", en: "start time")
        case "ended": return Phrase(lv: "beigu laiks", en: "end time")
        case "chair": return Phrase(lv: "vadītājs", en: "chair")
        case "secretary": return Phrase(lv: "protokolētājs", en: "secretary")
        case "guests": return Phrase(lv: "uzaicinātie", en: "guests")
        case "restricted": return Phrase(lv: "ierobežota pieejamība", en: "restricted access")
        default: return Phrase(lv: key, en: key)
        }
    }

    /// The activity and outcome when an items change set exactly one item's outcome.
    private static func oneOutcome(_ before: JSONValue, _ after: JSONValue) -> (ActivityID, Meeting.Outcome)? {
        guard let old = before.arrayValue, let new = after.arrayValue else { return nil }
        let oldOutcomes = Dictionary(old.compactMap { item in item["activity"].stringValue.map { ($0, item["outcome"].stringValue) } },
                                     uniquingKeysWith: { a, _ in a })
        var changed: [(ActivityID, Meeting.Outcome)] = []
        for item in new {
            guard let activity = item["activity"].stringValue else { continue }
            let outcome = item["outcome"].stringValue
            if oldOutcomes[activity] != .some(outcome), let o = outcome.flatMap(Meeting.Outcome.init) { changed.append((activity, o)) }
        }
        return changed.count == 1 && old.count == new.count ? changed[0] : nil
    }

    private static func recordDetail(_ record: JSONValue) -> String {
        var parts: [String] = []
        if let date = record["date"].stringValue { parts.append(date) }
        if let count = record["count"].intValue { parts.append(String(count)) }
        return parts.isEmpty ? "" : ": " + parts.joined(separator: ", ")
    }

    /// "meeting 3" → "3".
    private static func number(_ subject: String) -> String {
        subject.split(separator: " ").last.map(String.init) ?? subject
    }
}
