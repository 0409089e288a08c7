import Foundation

/// An entry saying an activity was carried out on a date (izpilde).
public struct Record: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var activity: ActivityID
    public var date: Day
    /// People trained, raids made…; nil adds nothing to the target progress.
    public var count: Int?
    public var note: String?
    public var author: String

    public init(id: Int64 = 0, activity: ActivityID, date: Day, count: Int? = nil, note: String? = nil,
                author: String = "") {
        self.id = id
        self.activity = activity
        self.date = date
        self.count = count
        self.note = note
        self.author = author
    }
}

/// The chair's word that a window of an activity is not expected (with a note).
public struct Waiver: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var activity: ActivityID
    /// The window's label: `2025-W07`, `2025-03`, `2025-Q2`, `2025-H1`, `2025`.
    public var window: String
    public var note: String
    public var author: String

    public init(id: Int64 = 0, activity: ActivityID, window: String, note: String, author: String = "") {
        self.id = id
        self.activity = activity
        self.window = window
        self.note = note
        self.author = author
    }
}

/// A free-text note on an activity.
public struct Note: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var activity: ActivityID
    public var text: String
    public var author: String
    public var time: Date

    public init(id: Int64 = 0, activity: ActivityID, text: String, author: String = "", time: Date = Date(timeIntervalSince1970: 0)) {
        self.id = id
        self.activity = activity
        self.text = text
        self.author = author
        self.time = time
    }
}

/// One append-only line of the journal: who changed what, before and after.
/// What a journal entry records (SPEC §6): one case per kind of change the
/// store journals, stored as its raw value in the `action` column. Every
/// reader and the undo switch over this type, so a new kind of change is
/// a new case the compiler asks each of them about.
public enum JournalAction: String, CaseIterable, Hashable, Sendable {
    case record, status, note, waive, edit, add, institution
    /// Records read from a file at once.
    case imported = "import"
    /// A meeting planned.
    case meeting
    /// A meeting's prepared items (or one item's outcome).
    case items
    /// A planned meeting's date, kind, topic and agenda, saved together.
    case settings
    case hold, cancel, details
    case decision, done, due, reviewed
    case undo
    /// The store made from a plan.
    case created = "init"
    /// A mail handed to the mail system.
    case remind
    /// The store replaced by a backup.
    case restore

    /// Whether `sargs undo` reverts it: not an undo, the store's making, a mail handed over or a restore.
    public var undoable: Bool {
        switch self {
        case .undo, .created, .remind, .restore: return false
        default: return true
        }
    }
}

public struct JournalEntry: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var time: Date
    public var author: String
    /// `record`, `status`, `note`, `waive`, `edit`, `add`, `meeting`, `decision`, `undo`, …
    public var action: String
    /// What was changed: an activity id, `meeting 3`, `decision 4`.
    public var subject: String
    public var before: String?
    public var after: String?
    /// For an undo entry, the entry it reverts.
    public var undoes: Int64?
    /// The login account of the program that made the change (nil in
    /// entries made before sargs kept it).
    public var login: String?
    /// For an undo entry, the action of the entry it reverts, as the store
    /// read it beside this one (nil when not read, or not an undo).
    public var reverted: JournalAction?

    /// The action as the type every reader switches over; nil for an
    /// action this version does not know (a later version wrote it).
    public var kind: JournalAction? { JournalAction(rawValue: action) }

    /// The author as the journal shows it: the name, and the account when it differs ("ieva (konts: root)").
    public func shownAuthor(_ language: Language) -> String {
        guard let login, login != author else { return author }
        return author + (language == .lv ? " (konts: \(login))" : " (account: \(login))")
    }

    public init(id: Int64 = 0, time: Date, author: String, action: JournalAction, subject: String,
                before: String? = nil, after: String? = nil, undoes: Int64? = nil, login: String? = nil,
                reverted: JournalAction? = nil) {
        self.init(id: id, time: time, author: author, action: action.rawValue, subject: subject, before: before, after: after,
                  undoes: undoes, login: login)
        self.reverted = reverted
    }

    /// An entry as stored, its action a name (one this version may not know).
    public init(id: Int64 = 0, time: Date, author: String, action: String, subject: String,
                before: String? = nil, after: String? = nil, undoes: Int64? = nil, login: String? = nil) {
        self.id = id
        self.time = time
        self.author = author
        self.action = action
        self.subject = subject
        self.before = before
        self.after = after
        self.undoes = undoes
        self.login = login
    }
}
