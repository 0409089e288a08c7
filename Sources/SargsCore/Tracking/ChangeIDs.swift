import Foundation

/// A number that names one kind of thing (issue 25): `Kind` keeps a
/// meeting's number from standing where a decision's or a journal entry's
/// belongs, though all three are stored as `Int64`.
public struct Numbered<Kind>: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ number: Int64) { rawValue = number }
    public init(integerLiteral number: Int64) { rawValue = number }
    public var description: String { String(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// What a `Numbered` number names; never made.
public enum MeetingNumber {}
public enum DecisionNumber {}
public enum EntryNumber {}

/// A meeting's number as a change names it.
public typealias MeetingID = Numbered<MeetingNumber>
/// A decision's number as a change names it.
public typealias DecisionID = Numbered<DecisionNumber>
/// A journal entry's number as an undo names it (`Change.undo(of:)`).
public typealias EntryID = Numbered<EntryNumber>

extension Meeting {
    /// Its number, typed.
    public var number: MeetingID { MeetingID(id) }
}

extension Decision {
    /// Its number, typed.
    public var number: DecisionID { DecisionID(id) }
}

extension JournalEntry {
    /// Its number, typed.
    public var number: EntryID { EntryID(id) }
}
