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
        words(e.change)
    }

    /// A change as a noun phrase and as what its author did, read from its
    /// typed values (issue 25): an undo says the change it reverts.
    static func words(_ change: JournalChange) -> (what: Phrase, did: Phrase) {
        let s = change.subject
        func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }
        switch change {
        case .unknown(let action, _):
            // An action a later version wrote: said by its name.
            return (p("\(action) \(s)", "\(action) \(s)"), p("\(action) \(s)", "\(action) \(s)"))
        case .unreadable(let action, _):
            // A known action whose values are damaged: said by its name, marked so.
            return (p("\(action.rawValue) \(s) (ieraksts bojāts)", "\(action.rawValue) \(s) (entry damaged)"),
                    p("\(action.rawValue) \(s) (ieraksts bojāts)", "\(action.rawValue) \(s) (entry damaged)"))
        case .undo(let of, _, let reverting):
            let number = of.map { " #\($0)" } ?? ""
            guard let reverting else {
                return (p("atsaukums\(number)", "undo\(number)"), p("atsauca\(number)", "undid\(number)"))
            }
            let inner = words(reverting).what
            return (p("atsaukums\(number): \(inner.lv)", "undo\(number): \(inner.en)"),
                    p("atsauca\(number): \(inner.lv)", "undid\(number): \(inner.en)"))
        case .record(let record, let finished):
            var parts = [record.date.description]
            if let count = record.count { parts.append(String(count)) }
            let detail = ": " + parts.joined(separator: ", ")
            let done: (lv: String, en: String) = finished != nil ? ("; pabeigta", "; finished") : ("", "")
            return (p("izpilde \(s)\(detail)\(done.lv)", "record \(s)\(detail)\(done.en)"),
                    p("pierakstīja izpildi \(s)\(detail)\(done.lv)", "recorded \(s)\(detail)\(done.en)"))
        case .imported(_, _, _, let count):
            return (p("\(count) izpilžu imports", "an import of \(count) records"),
                    p("importēja \(count) izpildes", "imported \(count) records"))
        case .status(_, let from, let to):
            let lv = from.status.phrase.lv + " → " + to.status.phrase.lv, en = from.status.phrase.en + " → " + to.status.phrase.en
            return (p("statuss \(s): \(lv)", "status of \(s): \(en)"), p("mainīja statusu \(s): \(lv)", "set the status of \(s): \(en)"))
        case .note:
            return (p("piezīme \(s)", "a note on \(s)"), p("pievienoja piezīmi \(s)", "added a note to \(s)"))
        case .waive(let waiver):
            let window = waiver.window
            return (p("atbrīvojums \(s) \(window)", "waiver of \(s) \(window)"),
                    p("atbrīvoja \(s) logu \(window)", "waived window \(window) of \(s)"))
        case .edit(_, let changes, _):
            let names = changes.map(\.field.name)
            let lv = names.map(\.lv).joined(separator: ", "), en = names.map(\.en).joined(separator: ", ")
            return (p("labojums \(s): \(lv)", "edit of \(s): \(en)"), p("laboja \(s): \(lv)", "edited \(s): \(en)"))
        case .add:
            return (p("aktivitāte \(s)", "activity \(s)"), p("pievienoja aktivitāti \(s)", "added activity \(s)"))
        case .meeting(let m):
            let date = " (\(m.date))", n = m.id
            return (p("sēde Nr. \(n)\(date)", "meeting \(n)\(date)"), p("ieplānoja sēdi Nr. \(n)\(date)", "planned meeting \(n)\(date)"))
        case .items(let n, let before, let after):
            // One item's outcome (chair mode) reads as the board said it: "2.1: izskatīts".
            if let (activity, outcome) = oneOutcome(before, after) {
                return (p("sēde Nr. \(n), \(activity): \(outcome.phrase.lv)", "meeting \(n), \(activity): \(outcome.phrase.en)"),
                        p("sēdē Nr. \(n) atzīmēja \(activity): \(outcome.phrase.lv)", "marked in meeting \(n) \(activity): \(outcome.phrase.en)"))
            }
            return (p("sēdes Nr. \(n) darba kārtība", "the agenda of meeting \(n)"),
                    p("sagatavoja sēdes Nr. \(n) darba kārtību", "prepared the agenda of meeting \(n)"))
        case .settings(let n, let before, let after):
            let date = after.date.description
            let dateChanged = before.date != after.date || before.kind != after.kind
            let topicChanged = before.topic != after.topic
            let (lv, en) = dateChanged && topicChanged ? ("datums un tēma", "the date and topic")
                : dateChanged ? ("datums", "the date") : topicChanged ? ("tēma", "the topic") : ("darba kārtība", "the agenda")
            let (lvAcc, enDid) = dateChanged && topicChanged ? ("datumu un tēmu", "the date and topic")
                : dateChanged ? ("datumu", "the date") : topicChanged ? ("tēmu", "the topic") : ("darba kārtību", "the agenda")
            return (p("sēdes Nr. \(n) \(lv) (\(date))", "\(en) of meeting \(n) (\(date))"),
                    p("mainīja sēdes Nr. \(n) \(lvAcc) (\(date))", "changed \(enDid) of meeting \(n) (\(date))"))
        case .hold(let n, _, _):
            return (p("sēde Nr. \(n) notikusi", "meeting \(n) held"), p("atzīmēja sēdi Nr. \(n) kā notikušu", "marked meeting \(n) held"))
        case .cancel(let n, _, _):
            return (p("sēde Nr. \(n) atcelta", "meeting \(n) cancelled"), p("atcēla sēdi Nr. \(n)", "cancelled meeting \(n)"))
        case .decision(let d, _):
            let n = d.id
            let activity = d.activity.map { " (\($0))" } ?? ""
            return (p("lēmums Nr. \(n)\(activity)", "decision \(n)\(activity)"),
                    p("pieņēma lēmumu Nr. \(n)\(activity)", "took decision \(n)\(activity)"))
        case .done(let n, _, let after):
            let at: (lv: String, en: String) = reviewMeeting(after).map { (" sēdē Nr. \($0)", " at meeting \($0)") } ?? ("", "")
            return (p("lēmums Nr. \(n) izpildīts\(at.lv)", "decision \(n) done\(at.en)"),
                    p("atzīmēja lēmumu Nr. \(n) kā izpildītu\(at.lv)", "marked decision \(n) done\(at.en)"))
        case .due(let n, let before, let after):
            let from = due(before), to = due(after)
            return (p("lēmuma Nr. \(n) termiņš: \(from) → \(to)", "due date of decision \(n): \(from) → \(to)"),
                    p("mainīja lēmuma Nr. \(n) termiņu: \(from) → \(to)", "moved the due date of decision \(n): \(from) → \(to)"))
        case .reviewed(let n, _, let after):
            let m = reviewMeeting(after).map(String.init) ?? ""
            return (p("lēmums Nr. \(n) izskatīts sēdē Nr. \(m), paliek atvērts", "decision \(n) reviewed at meeting \(m), left open"),
                    p("izskatīja lēmumu Nr. \(n) sēdē Nr. \(m) un atstāja atvērtu", "reviewed decision \(n) at meeting \(m) and left it open"))
        case .details(let n, let before, let after):
            let names = zip(before, after).filter { $0.0 != $0.1 }.map(\.1.name)
            let lv = names.map(\.lv).joined(separator: ", "), en = names.map(\.en).joined(separator: ", ")
            return (p("sēdes Nr. \(n) ziņas: \(lv)", "details of meeting \(n): \(en)"),
                    p("laboja sēdes Nr. \(n) ziņas: \(lv)", "edited the details of meeting \(n): \(en)"))
        case .institution(_, _, let email):
            let address = email.map(SafeText.line)
            return address.map { (p("\(s) e-pasts: \($0)", "e-mail of \(s): \($0)"), p("iestādei \(s) norādīja e-pastu \($0)", "set the e-mail of \(s) to \($0)")) }
                ?? (p("\(s) e-pasts noņemts", "e-mail of \(s) removed"), p("noņēma iestādes \(s) e-pastu", "removed the e-mail of \(s)"))
        case .restore(let from, let kept, _):
            let from = SafeText.line(from), kept = SafeText.line(kept)
            return (p("atjaunošana no \(from)", "a restore from \(from)"),
                    p("atjaunoja glabātuvi no \(from) (iepriekšējā saglabāta: \(kept))", "restored the store from \(from) (the replaced one kept: \(kept))"))
        case .remind(_, let reminder):
            let to = SafeText.line(reminder.to)
            let count = reminder.items.count
            // The kind of mail, with its meeting's number where it has one.
            let (lvKind, enKind): (String, String)
            // Items are counted where the mail lists them (a reminder, an agenda), not for minutes or a cancellation.
            var listed = true
            switch reminder.kind {
            case .agenda(nil): (lvKind, enKind) = ("darba kārtību", "the agenda")
            case .agenda(let n?): (lvKind, enKind) = ("sēdes Nr. \(n) darba kārtību", "the agenda of meeting \(n)")
            case .minutes(let n): (lvKind, enKind) = ("sēdes Nr. \(n) protokolu", "the minutes of meeting \(n)"); listed = false
            case .cancellation(let n): (lvKind, enKind) = ("ziņu, ka sēde Nr. \(n) atcelta", "word that meeting \(n) is cancelled"); listed = false
            case .meetingReminder(let n): (lvKind, enKind) = ("atgādinājumu par sēdi Nr. \(n)", "a reminder of meeting \(n)")
            case .digest, .other: (lvKind, enKind) = ("atgādinājumu", "a reminder")
            }
            let lvItems = listed ? Plural.form(count, .lv, one: "\(count) punkts", other: "\(count) punkti") : nil
            let enItems = listed ? Plural.form(count, .en, one: "\(count) item", other: "\(count) items") : nil
            return (p("\(lvKind) \(s) (\(to)\(lvItems.map { ", " + $0 } ?? ""))", "\(enKind) to \(s) (\(to)\(enItems.map { ", " + $0 } ?? ""))"),
                    p("nodeva pasta sistēmai \(lvKind) \(s) uz \(to)\(lvItems.map { " (" + $0 + ")" } ?? "")",
                      "handed \(enKind) for \(s) at \(to) to the mail system\(enItems.map { " (" + $0 + ")" } ?? "")"))
        case .created(let plan, _, _, _):
            return (p("glabātuve no plāna \(plan)", "the store from plan \(plan)"), p("izveidoja glabātuvi no plāna \(plan)", "created the store from plan \(plan)"))
        }
    }

    private static func reviewMeeting(_ fields: [DecisionField]) -> Int64? {
        for case .review(let review?) in fields { return review.meeting }
        return nil
    }

    private static func due(_ fields: [DecisionField]) -> String {
        for case .due(let day) in fields { return day.description }
        return ""
    }

    /// The activity and outcome when an items change set exactly one item's outcome.
    private static func oneOutcome(_ old: [Meeting.Item], _ new: [Meeting.Item]) -> (ActivityID, Meeting.Outcome)? {
        let oldOutcomes = Dictionary(old.map { ($0.activity, $0.outcome) }, uniquingKeysWith: { a, _ in a })
        var changed: [(ActivityID, Meeting.Outcome)] = []
        for item in new where oldOutcomes[item.activity] != .some(item.outcome) {
            if let o = item.outcome { changed.append((item.activity, o)) }
        }
        return changed.count == 1 && old.count == new.count ? changed[0] : nil
    }

}
