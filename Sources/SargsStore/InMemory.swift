import Foundation
import GRDB
import SargsCore

extension Store {
    /// The name an in-memory store goes by in messages (SQLite's own name for one).
    public static let memoryPath = ":memory:"

    /// A store for `plan` held in memory only (issue 25: the tests' store,
    /// in place of a fake that imitated this one). It is built as `create`
    /// builds a store's file, by the same steps (`memoryQueue`): the schema
    /// through `Schema.migrator`, the plan through `PlanRows.insert`, and an
    /// `init` journal entry by `author` at `now`; the plan's texts and
    /// targets pass the same guard first. Then it is kept in GRDB's
    /// in-memory `DatabaseQueue`, which every read and every change goes
    /// through: `apply`, `snapshot`, `journal`, `latestUndoable` and the
    /// rest check, write and journal exactly as they do on a file. Nothing
    /// touches the disk, and the store is gone with the value.
    ///
    /// Its `path` is `Store.memoryPath`, which messages name; `mayChange`
    /// (a question about a file's permissions) answers false.
    ///
    /// Records to start from (a history, the benchmark's or a test's) go in
    /// with `importRecords`, one `import` entry; anything else through `apply`.
    /// - Parameters:
    ///   - plan: the plan the store holds.
    ///   - author: who the `init` entry names.
    ///   - now: the time of the `init` entry.
    /// - Returns: the store, open for reading and changing.
    /// - Throws: `StoreError.invalid` (as `create` refuses a plan) when a
    ///   text of the plan holds a personal code or a control character, or
    ///   a target is outside `Counts.range`, or `author` is such a text;
    ///   another `StoreError` when SQLite fails.
    public static func inMemory(plan: Plan, author: String = "sargs", now: Date) throws -> Store {
        try storeOperation(at: memoryPath) {
            try Guard.texts(plan.texts)
            for activity in plan.activities { try Guard.count(activity.target?.count, Self.targetField(activity.id)) }
            return Store(path: memoryPath, memory: try memoryQueue(plan, author: author, now: now))
        }
    }
}
