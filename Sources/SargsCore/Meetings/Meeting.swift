/// A session of the cooperation group (sēde).
public struct Meeting: Hashable, Sendable, Identifiable {
    public enum Kind: String, CaseIterable, Hashable, Sendable {
        case regular, emergency
    }

    public enum State: String, CaseIterable, Hashable, Sendable {
        case planned, held, cancelled
    }

    /// What the group did with an item when the chair called it.
    public enum Outcome: String, CaseIterable, Hashable, Sendable {
        case discussed, decision, deferred

        public var phrase: Phrase {
            switch self {
            case .discussed: return Phrase(lv: "izskatīts", en: "discussed")
            case .decision: return Phrase(lv: "pieņemts lēmums", en: "decision taken")
            case .deferred: return Phrase(lv: "atlikts uz nākamo sēdi", en: "deferred to the next meeting")
            }
        }
    }

    /// An activity on the meeting's prepared agenda, in the order the chair calls it.
    public struct Item: Hashable, Sendable {
        public var activity: ActivityID
        public var outcome: Outcome?

        public init(activity: ActivityID, outcome: Outcome? = nil) {
            self.activity = activity
            self.outcome = outcome
        }
    }

    public var id: Int64
    public var date: Day
    public var kind: Kind
    public var topic: String?
    public var state: State
    /// Institution codes of those present, recorded when the meeting is held.
    public var attendees: [String]
    /// The prepared agenda and each item's outcome (empty when none was prepared).
    public var items: [Item]

    public init(id: Int64 = 0, date: Day, kind: Kind = .regular, topic: String? = nil,
                state: State = .planned, attendees: [String] = [], items: [Item] = []) {
        self.id = id
        self.date = date
        self.kind = kind
        self.topic = topic
        self.state = state
        self.attendees = attendees
        self.items = items
    }
}

/// An outcome of a meeting (lēmums): text, owner, due date, optional activity.
public struct Decision: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var meeting: Int64
    public var text: String
    public var owner: String
    public var due: Day
    public var activity: ActivityID?
    /// The day it was marked done; nil while open.
    public var doneOn: Day?

    public var isOpen: Bool { doneOn == nil }

    public init(id: Int64 = 0, meeting: Int64, text: String, owner: String, due: Day,
                activity: ActivityID? = nil, doneOn: Day? = nil) {
        self.id = id
        self.meeting = meeting
        self.text = text
        self.owner = owner
        self.due = due
        self.activity = activity
        self.doneOn = doneOn
    }
}

/// A year of meetings against the rule of at least four regular ones, one a quarter.
public struct MeetingYear: Hashable, Sendable {
    public var year: Int
    /// Regular meetings held in the year.
    public var held: Int
    public var required: Int
    /// Quarters (1–4) with no held regular meeting.
    public var quartersWithout: [Int]

    /// One entry for every year that has a meeting.
    public static func summary(_ meetings: [Meeting]) -> [MeetingYear] {
        Set(meetings.map(\.date.year)).sorted().map { year in
            let held = meetings.filter { $0.kind == .regular && $0.state == .held && $0.date.year == year }
            let quarters = Set(held.map { ($0.date.month - 1) / 3 + 1 })
            return MeetingYear(year: year, held: held.count, required: Agenda.requiredMeetingsPerYear,
                               quartersWithout: (1...4).filter { !quarters.contains($0) })
        }
    }

    /// "2025: notikušas kārtējās sēdes 3 no 4; ceturkšņi bez sēdes: Q2".
    public func text(_ language: Language) -> String {
        let missing = quartersWithout.map { "Q\($0)" }.joined(separator: ", ")
        switch language {
        case .lv:
            return "\(year): notikušas kārtējās sēdes \(held) no \(required)" + (missing.isEmpty ? "" : "; ceturkšņi bez sēdes: \(missing)")
        case .en:
            return "\(year): regular meetings held \(held) of \(required)" + (missing.isEmpty ? "" : "; quarters without one: \(missing)")
        }
    }
}
