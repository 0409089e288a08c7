import Foundation

/// A meeting's number as a change names it (issue 25): a `Change` that
/// takes a meeting cannot be given a decision's or a journal entry's number.
public struct MeetingID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ number: Int64) { rawValue = number }
    public init(integerLiteral number: Int64) { rawValue = number }
    public var description: String { String(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A decision's number as a change names it.
public struct DecisionID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ number: Int64) { rawValue = number }
    public init(integerLiteral number: Int64) { rawValue = number }
    public var description: String { String(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// A journal entry's number as an undo names it (`Change.undo(of:)`).
public struct EntryID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    public let rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ number: Int64) { rawValue = number }
    public init(integerLiteral number: Int64) { rawValue = number }
    public var description: String { String(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

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
