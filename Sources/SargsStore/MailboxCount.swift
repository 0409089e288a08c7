import Foundation
import GRDB
import SargsCore

extension Store {
    /// How many institutions of the store at `path` have a mailbox, read
    /// as `check` reads a store: a plain read-only connection, the file
    /// read as it is (immutable) when it has no WAL files or a planted one,
    /// so looking makes no `-wal` or `-shm` and follows no link (issue 26:
    /// `check` looks at the mail path only for a store that sends mail).
    /// - Returns: the count, or nil when the store or its plan cannot be read
    ///   (`check` reports that itself).
    public static func mailboxCount(at path: String) -> Int? {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let real = realPath(path)
        let quiet = !entryExists(real + "-wal") && !entryExists(real + "-shm") || StoreCheck.anyPlanted(path)
        guard let queue = try? DatabaseQueue(path: quiet ? immutableURI(real) : path, configuration: configuration),
              let plan = try? queue.read({ db in try PlanRows.plan(db) }) else { return nil }
        return plan.allInstitutions.filter { $0.email != nil }.count
    }
}
