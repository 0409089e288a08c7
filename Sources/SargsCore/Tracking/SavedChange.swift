/// What a change saved, as the store answered it: the record, the meeting
/// or the decision with the id it was given. The board's status line and
/// the commands say the same `notice` for it (one sentence per kind).
public enum SavedChange: Hashable, Sendable {
    case record(Record)
    /// A record that also finished its one-off activity (`record --done`).
    case finished(Record)
    case status(ActivityID, Status)
    case note(ActivityID)
    case waiver(Waiver)
    case edit(Activity)
    case add(Activity)
    /// The undo entry (its `undoes` names the entry it reverted).
    case undo(JournalEntry)
    case meeting(Meeting)
    /// A saved meeting's date, kind, topic or items changed.
    case meetingUpdated(Meeting)
    case outcome(meeting: Int64, activity: ActivityID, Meeting.Outcome)
    /// A decision, and the outcome it gave its item when it names one.
    case decision(Decision)
    case held(meeting: Int64)
    /// The details of a meeting changed (`meeting edit`, the board's hold form on a held meeting).
    case meetingDetails(meeting: Int64, changed: Bool)
    case cancelled(meeting: Int64)
    case decisionDone(Int64)
    /// A decision's new due date.
    case decisionMoved(Int64, Day)
    /// A meeting's review left a decision open.
    case decisionKeptOpen(Int64)
    /// An institution's mailbox (nil: removed); `changed` false when it already was that.
    case institutionEmail(String, String?, changed: Bool)

    /// The one sentence that says what was saved.
    public var notice: Phrase {
        func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }
        switch self {
        case .institutionEmail(let code, let email, let changed):
            let shown = SafeText.line(code)
            if !changed { return p("\(shown): e-pasts jau ir tāds; nekas netika mainīts", "\(shown): the mailbox is already that; nothing changed") }
            return email.map { p("\(shown): e-pasts \(SafeText.line($0))", "\(shown): mailbox \(SafeText.line($0))") }
                ?? p("\(shown): e-pasts noņemts", "\(shown): mailbox removed")
        case .record(let r):
            let count = r.count.map { ", \($0)" } ?? ""
            return p("Izpilde pierakstīta: \(r.activity), \(r.date)\(count)", "Recorded: \(r.activity), \(r.date)\(count)")
        case .finished(let r):
            let count = r.count.map { ", \($0)" } ?? ""
            return p("Izpilde pierakstīta: \(r.activity), \(r.date)\(count); \(r.activity) izpildīta",
                     "Recorded: \(r.activity), \(r.date)\(count); \(r.activity) is done")
        case .status(let id, let status):
            return p("Statuss: \(id) → \(status.phrase.lv)", "Status: \(id) → \(status.phrase.en)")
        case .note(let id):
            return p("Piezīme pievienota: \(id)", "Note added: \(id)")
        case .waiver(let w):
            return p("Atbrīvots: \(w.activity) \(w.window)", "Waived: \(w.activity) \(w.window)")
        case .edit(let a):
            return p("Saglabāts: \(a.id)", "Saved: \(a.id)")
        case .add(let a):
            return p("Pievienota aktivitāte \(a.id)", "Added activity \(a.id)")
        case .undo(let entry):
            let what = Phrase(lv: JournalText.what(entry, .lv), en: JournalText.what(entry, .en))
            // The undo entry reads "atsaukums #N: …"; the notice names what was reverted.
            let lv = what.lv.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
            let en = what.en.drop { $0 != ":" }.dropFirst().trimmingCharacters(in: .whitespaces)
            return p("Atsaukts: \(lv)", "Undone: \(en)")
        case .meeting(let m):
            return p("Sēde saglabāta: Nr. \(m.id), \(m.date)", "Meeting \(m.id) saved: \(m.date)")
        case .meetingUpdated(let m):
            let n = m.items.count
            return p("Sēde Nr. \(m.id) saglabāta: \(m.date), \(m.kind.phrase.lv), \(n) \(Plural.form(n, .lv, one: "jautājums", other: "jautājumi"))",
                     "Meeting \(m.id) saved: \(m.date), \(m.kind.phrase.en), \(n) \(Plural.form(n, .en, one: "item", other: "items"))")
        case .outcome(_, let activity, let outcome):
            return p("\(activity): \(outcome.phrase.lv)", "\(activity): \(outcome.phrase.en)")
        case .decision(let d):
            return p("Lēmums Nr. \(d.id) saglabāts", "Decision \(d.id) saved")
        case .held(let id):
            return p("Sēde Nr. \(id) notikusi", "Meeting \(id) held")
        case .cancelled(let id):
            return p("Sēde Nr. \(id) atcelta", "Meeting \(id) cancelled")
        case .decisionDone(let id):
            return p("Lēmums Nr. \(id) izpildīts", "Decision \(id) done")
        case .decisionMoved(let id, let due):
            return p("Lēmuma Nr. \(id) jaunais termiņš: \(due)", "Decision \(id) is now due \(due)")
        case .decisionKeptOpen(let id):
            return p("Lēmums Nr. \(id) paliek atvērts", "Decision \(id) stays open")
        case .meetingDetails(let id, let changed):
            return changed ? p("Sēdes Nr. \(id) ziņas saglabātas", "Meeting \(id) details saved")
                           : p("Sēdes Nr. \(id) ziņas nemainījās; nekas netika ierakstīts", "Meeting \(id) details are unchanged; nothing was written")
        }
    }
}
