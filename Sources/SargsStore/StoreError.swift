import Foundation
import GRDB
import SargsCore

/// Why the store refused or could not do something. Every refusal happens
/// before anything is written: the transaction is rolled back.
public enum StoreError: Error, Equatable, Sendable {
    /// There is no store file at the path.
    case missing(path: String)
    /// The store cannot be used: not a sargs store, unreadable, newer than
    /// this program, or busy for longer than the timeout.
    case unavailable(String)
    /// Reading or writing the file failed (the disk is full, an I/O error):
    /// the change, if any, was rolled back.
    case io(String)
    /// `create` found a store already there and was not told to replace it.
    case alreadyExists(path: String)
    case unknownActivity(String)
    case unknownMeeting(Int64)
    case unknownDecision(Int64)
    /// Someone else changed `field` since the change was prepared; `yours`
    /// is the value this change would write, `theirs` the value stored now.
    case conflict(field: String, yours: String, theirs: String)
    case nothingToUndo(author: String)
    /// The change is refused as it stands (a personal code in a text, an id
    /// already taken, an undo that would remove what others rely on).
    case invalid(String)

    /// One English sentence on one line, no "error:" prefix.
    public var message: String {
        sentence.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private var sentence: String {
        switch self {
        case .missing(let path):
            return "There is no sargs store at \(path); create it from a plan file with `sargs init FILE`."
        case .unavailable(let reason):
            return "The store is unavailable: \(reason)."
        case .io(let reason):
            return "The store could not be read or written: \(reason); nothing was saved."
        case .alreadyExists(let path):
            return "A store already exists at \(path); use --force to replace it."
        case .unknownActivity(let id):
            return "There is no activity \(id) in the plan."
        case .unknownMeeting(let id):
            return "There is no meeting \(id)."
        case .unknownDecision(let id):
            return "There is no decision \(id)."
        case .conflict(let field, let yours, let theirs):
            return "Someone else changed the \(field) since you began: yours is “\(yours)”, theirs is “\(theirs)”; nothing was saved."
        case .nothingToUndo(let author):
            return "\(author) has no change left to undo."
        case .invalid(let reason):
            return reason
        }
    }

    /// The refusal for a text that holds something shaped like a Latvian
    /// personal code. The code itself is not repeated.
    static func personalCode(in what: String) -> StoreError {
        .invalid("The \(what) contains what looks like a personal code; case data stays in the institutions' own systems, so nothing was saved.")
    }
}

extension StoreError: CustomStringConvertible {
    public var description: String { message }
}

extension StoreError: LocalizedError {
    public var errorDescription: String? { message }
}

/// Runs a store operation, turning SQLite's errors into `StoreError`.
func storeOperation<T>(at path: String, _ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        throw error
    } catch let error as DatabaseError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            throw StoreError.unavailable("\(path) stayed locked by another program for longer than \(Int(Store.busyTimeout)) seconds")
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            throw StoreError.unavailable("\(path) is not a sargs store or is damaged")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_AUTH:
            throw StoreError.unavailable("\(path) cannot be opened for writing (\(error.message ?? "permission denied"))")
        case .SQLITE_FULL:
            throw StoreError.io("the disk holding \(path) is full")
        case .SQLITE_IOERR:
            throw StoreError.io("\(path): \(error.message ?? "disk I/O error")")
        case .SQLITE_CONSTRAINT:
            throw StoreError.invalid("The change breaks a rule of the store (\(error.message ?? "constraint failed")); nothing was saved.")
        default:
            throw StoreError.unavailable("\(path): \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
        }
    } catch {
        throw StoreError.unavailable("\(path): \(error)")
    }
}
