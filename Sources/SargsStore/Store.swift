import Foundation
import GRDB
import GRDBSQLite
import Synchronization
import SargsCore
import SargsFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One plan's SQLite database: the plan as imported and edited since, what
/// was recorded against it, and the journal of every change.
///
/// Several stores (in one process or many) may use one file at once. Every
/// change is one IMMEDIATE write transaction that checks, applies and
/// journals it, and is durable when the call returns (WAL, `synchronous=FULL`).
/// A writer waits up to `busyTimeout` for another to finish.
///
/// Reading never writes (SPEC §9): every read goes through a read-only
/// connection, which neither checkpoints nor deletes the WAL nor changes the
/// schema; the connection that writes is opened by the first change. So a
/// store the user may only read can be read, and a change to it is refused
/// with `StoreError.readOnly`.
public final class Store: Sendable {
    public let path: String
    /// The read-only connection every read goes through, opened by the
    /// first read (`reader()`): a store just created has none, and leaves no
    /// WAL files behind (a group may then read it as soon as its mode allows).
    private let readerConnection: Mutex<Reader?>
    /// The connection that writes, opened by the first change (`writer()`).
    private let writerConnection: Mutex<DatabaseQueue?>

    /// How long a change waits for another program's change to finish.
    static let busyTimeout: TimeInterval = 10

    private init(path: String, reader: Reader?) {
        self.path = path
        self.readerConnection = Mutex(reader)
        self.writerConnection = Mutex(nil)
    }

    /// A store held in memory only (a backup being checked before a
    /// restore): `path` names it in messages; reads and changes go to `memory`.
    init(path: String, memory: DatabaseQueue) {
        self.path = path
        self.readerConnection = Mutex(Reader(path: path, connection: memory, immutable: false))
        self.writerConnection = Mutex(memory)
    }

    // MARK: - Opening

    /// Creates the store for `plan` at `path`, the parent directory too if
    /// missing, readable by its owner only, or with `group` by that Unix
    /// group (the store 0660 in the group, a folder sargs makes 2770 and
    /// setgid, so the WAL files SQLite makes there join the group too).
    /// Refuses an existing file unless `force`, which replaces it (the name
    /// itself: a link there is replaced, never its target). Journals an
    /// `init` entry.
    ///
    /// The store is built whole in memory and put in place in one step
    /// (`SafeFile.put`): no file of a predictable name is ever opened in the
    /// folder, which every member of a group may write (issue 31), and a
    /// program killed midway leaves nothing at `path`.
    public static func create(at path: String, plan: Plan, force: Bool, author: String, now: Date,
                              group: gid_t? = nil) throws -> Store {
        try storeOperation(at: path) {
            try Guard.texts(plan.texts)
            for activity in plan.activities { try Guard.count(activity.target?.count, Self.targetField(activity.id)) }
            let files = FileManager.default
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty, !files.fileExists(atPath: directory) {
                // Every folder made on the way: the owner's only, or, for a
                // group, the group's (2770, setgid) so its members reach the store.
                var missing: [String] = []
                var walk = directory
                while !walk.isEmpty, walk != "/", !files.fileExists(atPath: walk) {
                    missing.insert(walk, at: 0)
                    walk = (walk as NSString).deletingLastPathComponent
                }
                for folder in missing {
                    do {
                        try SafeFile.makeFolder(folder, mode: group == nil ? 0o700 : 0o2770, group: group)
                    } catch let refusal as FileRefusal {
                        if let group, case .system(EPERM) = refusal.kind {
                            throw StoreError.unavailable(Phrase(lv: "mapi \(folder) nevar nodot grupai \(groupName(group)): to var tikai grupas dalībnieks vai root",
                                                                        en: "cannot give the folder \(folder) to the group \(groupName(group)): only a member of the group, or root, can"))
                        }
                        throw StoreError.unavailable(Phrase(lv: "mapi \(directory) nevar izveidot (\(refusal.phrase.lv))", en: "cannot create the directory \(directory) (\(refusal.phrase.en))"))
                    }
                }
            }
            if let refusal = SafeFile.untrustedLink(in: path) { throw StoreError.file(refusal) }
            if entryExists(path), !force { throw StoreError.alreadyExists(path: path) }
            // Replacing a store is changing it: one this user may only read
            // is not replaced, even where the folder would let a rename through.
            if entryExists(path), access(path, W_OK) != 0 { throw StoreError.readOnly(path: path) }
            // A store shared with a group stays shared when it is replaced.
            var group = group
            var existing = stat()
            if group == nil, stat(path, &existing) == 0, existing.st_mode & 0o060 != 0 { group = existing.st_gid }
            let bytes = try built(plan, author: author, now: now)
            // The store a forced init replaces is kept beside it, as restore keeps one.
            // Through SQLite's backup, so what still waits in its WAL file is kept too.
            if force, entryExists(path) {
                let kept = keptPath(for: path, at: now)
                if let old = try? Store.open(at: path) {
                    try old.backup(to: kept)
                } else {
                    // Not a store sargs can open: the file as it is (link(2) never follows a link).
                    guard link(path, kept) == 0 || errno == EEXIST else {
                        let reason = SystemError.phrase(errno)
                        throw StoreError.unavailable(Phrase(lv: "aizstāto glabātuvi nevar saglabāt kā \(kept): \(reason.lv)", en: "cannot keep the replaced store as \(kept): \(reason.en)"))
                    }
                }
            }
            try place(bytes, at: path, group: group, replacing: force)
            return Store(path: path, reader: nil)
        }
    }

    /// A new store for `plan`, built in memory: the schema, the plan and the
    /// `init` journal entry, as the bytes of a SQLite file in WAL mode.
    private static func built(_ plan: Plan, author: String, now: Date) throws -> [UInt8] {
        try fileBytes(of: try memoryQueue(plan, author: author, now: now), journal: .wal)
    }

    /// The schema, the plan and the `init` journal entry in a new in-memory
    /// queue: what `built` writes out as a file and `inMemory` keeps.
    static func memoryQueue(_ plan: Plan, author: String, now: Date) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "sargs.build"
        let memory = try DatabaseQueue(configuration: configuration)
        try Schema.migrator.migrate(memory)
        try memory.write { db in
            try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
            try PlanRows.insert(plan, into: db)
            _ = try Journal.append(db, .created(plan: plan.id, title: plan.title, goals: plan.goals.count,
                                                activities: plan.activities.count), time: now, author: author)
        }
        return memory
    }

    /// How a SQLite file journals: bytes 18 and 19 of its header (1: a
    /// rollback journal beside it, 2: WAL), SQLite's file format.
    enum JournalKind: UInt8 {
        case rollback = 1
        case wal = 2
    }

    /// The bytes of the database `queue` holds, as a file in `journal` mode
    /// (`sqlite3_serialize`).
    static func fileBytes(of queue: DatabaseQueue, journal: JournalKind) throws -> [UInt8] {
        try queue.writeWithoutTransaction { db -> [UInt8] in
            var size: sqlite3_int64 = 0
            guard let data = sqlite3_serialize(db.sqliteConnection, "main", &size, 0) else {
                throw StoreError.io("cannot copy the database out of memory")
            }
            defer { sqlite3_free(data) }
            var bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: Int(size)))
            if bytes.count >= 100 {
                bytes[18] = journal.rawValue
                bytes[19] = journal.rawValue
            }
            return bytes
        }
    }

    /// Puts the finished store at `path` (`SafeFile.put`: written under a
    /// fresh name, then linked or renamed there). Without `replacing`, a
    /// store that appeared there meanwhile wins; with it, the old store and
    /// its -wal and -shm files are replaced.
    private static func place(_ bytes: [UInt8], at path: String, group: gid_t?, replacing: Bool) throws {
        if replacing {
            for file in companionFiles(path).dropFirst() where unlink(file) != 0 && errno != ENOENT {
                let reason = SystemError.phrase(errno)
                throw StoreError.unavailable(Phrase(lv: "\(file) nevar aizstāt: \(reason.lv)", en: "cannot replace \(file): \(reason.en)"))
            }
        }
        do {
            try SafeFile.put(bytes, at: path, mode: group == nil ? 0o600 : 0o660, group: group, replacing: replacing)
        } catch let refusal as FileRefusal {
            switch refusal.kind {
            case .exists: throw StoreError.alreadyExists(path: path)
            case .system(EPERM) where group != nil:
                throw StoreError.unavailable(Phrase(lv: "glabātuvi nevar nodot grupai \(groupName(group!)); to var tikai grupas dalībnieks vai root",
                                                    en: "cannot give the store to the group \(groupName(group!)); only a member of the group, or root, can"))
            default: throw StoreError.file(refusal)
            }
        }
    }

    /// Opens an existing store. Refuses a missing file, a file that is not a
    /// sargs store, and a store written by a newer version of this program.
    public static func open(at path: String) throws -> Store {
        try storeOperation(at: path) {
            // A link to the store that another member could have put in the
            // group's folder (or swapped the store for) is not followed.
            if let refusal = SafeFile.untrustedLink(in: path) { throw StoreError.file(refusal) }
            var info = stat()
            guard stat(path, &info) == 0 else {
                if errno == ENOENT || errno == ENOTDIR { throw StoreError.missing(path: path) }
                let reason = SystemError.phrase(errno)
                throw StoreError.unavailable(Phrase(lv: "\(path) nevar nolasīt: \(reason.lv)", en: "cannot read \(path): \(reason.en)"))
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw StoreError.unavailable(Phrase(lv: "\(path) nav fails", en: "\(path) is not a file"))
            }
            // A store every user of the server may read would show the group's work to all of them.
            if info.st_mode & 0o007 != 0 {
                let files = ([path] + [path + "-wal", path + "-shm"].filter(entryExists)).map(ShellWord.path).joined(separator: " ")
                let mode = String(info.st_mode & 0o777, radix: 8)
                throw StoreError.unavailable(Phrase(lv: "\(path) var atvērt ikviens šī servera lietotājs (režīms \(mode)); noņemiet to ar: chmod o-rwx \(files)",
                                                    en: "every user of this server may open \(path) (mode \(mode)); take that away with: chmod o-rwx \(files)"))
            }
            // A store shared with a group: the WAL files SQLite makes must be
            // the group's from the first moment, whatever this member's umask.
            if info.st_mode & 0o060 != 0 { Store.allowGroupInUmask() }
            // Look before SQLite touches the file: a text file or an empty
            // file is not a store.
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw StoreError.unavailable(Phrase(lv: "\(path) nevar nolasīt", en: "cannot read \(path)"))
            }
            let header = (try? handle.read(upToCount: 16)) ?? Data()
            try? handle.close()
            guard header == Data("SQLite format 3\0".utf8) else {
                throw StoreError.unavailable(Phrase(lv: "\(path) nav sargs glabātuve", en: "\(path) is not a sargs store"))
            }
            // The read-only connection checks what the file is: it neither
            // switches a foreign database to WAL nor writes to a sargs one.
            let reader = try openReader(path)
            let completed = try reader.read { db in try sargsSchema(db, path: path) }
            let store = Store(path: path, reader: reader)
            if !completed { try store.upgrade() }
            return store
        }
    }

    /// What a database is, read once for `open` and for a backup being
    /// restored: a sargs store (its application id and first migration), not
    /// one a newer sargs wrote. Returns whether every migration of this
    /// version is applied.
    /// - Throws: `StoreError.unavailable` naming `path` otherwise.
    static func sargsSchema(_ db: Database, path: String) throws -> Bool {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let applied = try Schema.migrator.appliedIdentifiers(db)
        guard applicationID == Schema.applicationID, applied.contains("v1-plan") else {
            throw StoreError.unavailable(Phrase(lv: "\(path) nav sargs glabātuve", en: "\(path) is not a sargs store"))
        }
        guard try !Schema.migrator.hasBeenSuperseded(db) else {
            throw StoreError.unavailable(Phrase(lv: "\(path) ir rakstījusi jaunāka sargs versija", en: "\(path) was written by a newer version of sargs"))
        }
        return try Schema.migrator.hasCompletedMigrations(db)
    }

    /// Brings a store made by an earlier sargs up to this version's schema,
    /// once, through the connection that writes (the one time opening a
    /// store writes to it). Another program may be doing the same at once.
    /// - Throws: `StoreError.unavailable` when the user may not write it.
    private func upgrade() throws {
        do {
            let writer = try writer()
            try Schema.migrator.migrate(writer)
        } catch {
            if (try? reader().read(Schema.migrator.hasCompletedMigrations)) == true { return }
            if case StoreError.readOnly = error {
                throw StoreError.unavailable(Phrase(lv: "\(path) izveidoja vecāka sargs versija; tā vienreiz jāatjaunina lietotājam, kas drīkst to mainīt (jebkura izmaiņa vai `sargs board`)",
                                                    en: "\(path) was made by an earlier version of sargs and must be brought up to date once by a user who may change it (any change, or `sargs board`)"))
            }
            throw error
        }
    }

    /// The read-only connection of `open`. A WAL store whose `-wal` and
    /// `-shm` files the user can neither find nor create (a folder they may
    /// not write, no program writing at the moment) is read as an immutable
    /// file, opened afresh for every read so that it sees later changes.
    /// A writer that closes removes its `-wal` a moment before its `-shm`: a
    /// reader that meets that moment tries again (up to half a second).
    static func openReader(_ path: String) throws -> Reader {
        // SQLite finds the WAL files beside the link's target, not the link.
        let real = realPath(path)
        try refuseForeignCompanions(real)
        alignCompanionModes(real)
        func connect(_ name: String) throws -> DatabaseQueue {
            var configuration = Configuration()
            configuration.readonly = true
            configuration.busyMode = .timeout(busyTimeout)
            configuration.label = "sargs.reader"
            configuration.prepareDatabase { db in
                // Reads of the big tables map the file instead of copying it
                // page by page.
                try db.execute(sql: "PRAGMA mmap_size = 268435456")
            }
            let queue = try DatabaseQueue(path: name, configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") }
            return queue
        }
        var attempt = 0
        while true {
            do {
                let connection = try connect(path)
                alignCompanionModes(real)  // the connection may have made them just now
                return Reader(path: path, connection: connection, immutable: false)
            } catch let error as DatabaseError where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode) {
                let wal = entryExists(real + "-wal"), shm = entryExists(real + "-shm")
                if !wal && !shm { return Reader(path: path, connection: try connect(immutableURI(real)), immutable: true) }
                attempt += 1
                if attempt < 25 {
                    usleep(20_000)
                    continue
                }
                throw StoreError.unavailable(unreadableReason(real, wal: wal, shm: shm))
            }
        }
    }

    /// Why a store with WAL files beside it cannot be read, naming the file and the fix.
    private static func unreadableReason(_ path: String, wal: Bool, shm: Bool) -> Phrase {
        for file in [path + "-shm", path + "-wal"] where entryExists(file) && access(file, R_OK | W_OK) != 0 {
            var info = stat()
            stat(file, &info)
            let mode = String(info.st_mode & 0o777, radix: 8)
            return Phrase(lv: "\(path) nevar nolasīt: šis lietotājs nedrīkst lietot \(file) (režīms \(mode)); dodiet tam glabātuves atļaujas vai, kad neviens glabātuvi nelieto, lai tās īpašnieks to vienreiz atver",
                          en: "\(path) cannot be read: this user may not use \(file) (mode \(mode)); give it the store's own permissions, or, when no one is using the store, let its owner open it once")
        }
        if wal && !shm {
            return Phrase(lv: "\(path) nevar nolasīt: tai ir WAL fails, bet nav -shm faila, un šajā mapē nedrīkst rakstīt; lai tās īpašnieks to vienreiz atver (tas ieraksta WAL glabātuvē) vai nokopējiet to mapē, kurā drīkstat rakstīt",
                          en: "\(path) cannot be read: it has a WAL file but no -shm file, and this folder may not be written; let its owner open it once (that folds the WAL into the store), or copy it into a folder you may write")
        }
        return Phrase(lv: "\(path) šeit nevar nolasīt (tās mapē vai WAL failos šis lietotājs nedrīkst rakstīt)",
                      en: "\(path) cannot be read here (its folder or its WAL files are not writable for this user)")
    }

    /// Lets the group bits through this process's umask (a store shared with
    /// a group: SQLite creates its `-wal` and `-shm` under the umask and only
    /// then gives them the store's mode; a member reading them in between
    /// would be refused).
    static func allowGroupInUmask() {
        let current = umask(0o077)
        umask(current & ~0o070)
    }

    /// The path with symbolic links resolved (the path itself when it cannot be).
    static func realPath(_ path: String) -> String { SafeFile.realPath(path) }

    /// The files beside the store at `path` that are its own: SQLite's WAL,
    /// shared-memory and journal files and the lock of `remind` (the same
    /// list `store check` looks at), for a writer that must never write over them.
    public static func ownFiles(beside path: String) -> [String] { StoreCheck.companions(path) }

    /// SQLite gives `-wal` and `-shm` the store's mode when it creates them;
    /// a store whose mode changed since (`chmod 640` to share it with a
    /// group) would keep WAL files only its owner may use, and a member who
    /// makes them outside a setgid folder gives them their own group. The
    /// files' owner gives them the store's mode and, for a store shared with
    /// a group, its group again, on the files opened without following a
    /// link (`SafeFile.setMode`): every name in a group's folder may have
    /// been put there by another member (issue 31).
    static func alignCompanionModes(_ path: String) {
        var store = stat()
        guard stat(path, &store) == 0 else { return }
        let shared = store.st_mode & 0o060 != 0
        for file in [path + "-wal", path + "-shm"] {
            SafeFile.setMode(file, mode: store.st_mode & 0o666, group: shared ? store.st_gid : nil)
        }
    }

    /// Refuses a `-wal` or `-shm` beside the store that is not a regular
    /// file of one name (a symbolic link or a hard link another member
    /// planted): SQLite would write to it and sargs would give it the
    /// store's mode. Nothing is opened; the refusal names the file and how
    /// to remove it.
    static func refuseForeignCompanions(_ path: String) throws {
        for file in [path + "-wal", path + "-shm", path + "-journal"] {
            if let refusal = SafeFile.problem(at: file) { throw StoreError.file(refusal) }
        }
    }

    /// `file:` URI of `path` with `immutable=1` (SQLite reads it without
    /// locks or a `-shm` file); characters special to URIs are escaped.
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
        return "file:" + escaped + "?immutable=1"
    }

    /// The read-only connection, opened on first use (see `openReader`).
    func reader() throws -> Reader {
        try readerConnection.withLock { connection in
            if let connection { return connection }
            let opened = try Store.openReader(path)
            connection = opened
            return opened
        }
    }

    /// Whether this user may change the store: write its file, and create
    /// its WAL files beside it or write those that are there (`access(2)`,
    /// which root always passes).
    public var mayChange: Bool {
        let directory = (path as NSString).deletingLastPathComponent
        guard access(path, W_OK) == 0 else { return false }
        return access(directory.isEmpty ? "." : directory, W_OK | X_OK) == 0
            || (access(path + "-wal", W_OK) == 0 && access(path + "-shm", W_OK) == 0)
    }

    /// The connection that writes, opened on first use: `synchronous=FULL`
    /// (a change survives a power cut), foreign keys on, WAL as the file has it.
    /// - Throws: `StoreError.readOnly` when the user may not write the store.
    func writer() throws -> DatabaseQueue {
        try writerConnection.withLock { connection in
            if let connection { return connection }
            guard access(path, W_OK) == 0 else { throw StoreError.readOnly(path: path) }
            try Store.refuseForeignCompanions(Store.realPath(path))
            var configuration = Configuration()
            configuration.busyMode = .timeout(Store.busyTimeout)
            configuration.foreignKeysEnabled = true
            configuration.label = "sargs.writer"
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            Store.alignCompanionModes(Store.realPath(path))
            connection = queue
            return queue
        }
    }

    /// The folder that holds `path` ("." for a bare name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// Whether the file system that holds `path` has no room left for this
    /// user (less than 64 KB: SQLite's `-shm` grows by 32 KB).
    public static func diskIsFull(at path: String) -> Bool {
        var info = statvfs()
        guard statvfs(folder(of: path), &info) == 0 else { return false }
        let blocks = geteuid() == 0 ? info.f_bfree : info.f_bavail
        return UInt64(blocks) * UInt64(info.f_frsize) < 64 * 1024
    }

    static func companionFiles(_ path: String) -> [String] {
        [path, path + "-wal", path + "-shm", path + "-journal"]
    }

    static func entryExists(_ path: String) -> Bool { SafeFile.entry(path) != .missing }

    /// `PRAGMA synchronous` of the connection that writes (2 is FULL).
    func writerSynchronous() throws -> Int {
        try writer().writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
    }

    // MARK: - Reading

    /// The current plan, edits and statuses included, activities in plan order.
    public func plan() throws -> Plan {
        try storeOperation(at: path) {
            try reader().read { db in try PlanRows.plan(db) }
        }
    }

    /// The plan and everything recorded against it, read in one transaction.
    public func snapshot() throws -> Snapshot {
        try storeOperation(at: path) {
            try reader().read { db in try Store.snapshot(db) }
        }
    }

    /// The snapshot and the store's version (`version()`), read in one
    /// transaction: a change that lands between two reads could otherwise
    /// be marked as seen and never shown.
    public func snapshotAndVersion() throws -> (snapshot: Snapshot, version: Int64) {
        try storeOperation(at: path) {
            try reader().read { db in (try Store.snapshot(db), try Store.version(db)) }
        }
    }

    static func snapshot(_ db: Database) throws -> Snapshot {
        Snapshot(plan: try PlanRows.plan(db),
                 records: try RecordDigests.index(db),
                 waivers: try TrackingRows.waivers(db),
                 notes: try TrackingRows.notes(db),
                 meetings: try MeetingRows.meetings(db),
                 decisions: try MeetingRows.decisions(db),
                 reviews: try MeetingRows.reviews(db))
    }

    private static func version(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM journal") ?? 0
    }

    /// Every record, in the order they were saved.
    public func records() throws -> [SargsCore.Record] {
        try storeOperation(at: path) {
            try reader().read { db in try TrackingRows.records(db, of: nil) }
        }
    }

    /// The records of one activity, by date.
    public func records(of activity: ActivityID) throws -> [SargsCore.Record] {
        try storeOperation(at: path) {
            try reader().read { db in
                try PlanRows.requireActivity(activity, db)
                return try TrackingRows.records(db, of: activity)
            }
        }
    }

    /// The journal, newest first, optionally of one subject ("2.4",
    /// "meeting 3") and/or one author, at most `limit` entries.
    public func journal(subject: String? = nil, author: String? = nil, limit: Int? = nil) throws -> [JournalEntry] {
        try storeOperation(at: path) {
            try reader().read { db in try Journal.entries(db, subject: subject, author: author, limit: limit) }
        }
    }

    /// A number that changes whenever any program commits a change: the
    /// latest journal entry's id (a restore's entry comes after every id the
    /// replaced store had). Cheap enough to poll every two seconds.
    public func version() throws -> Int64 {
        try storeOperation(at: path) {
            try reader().read { db in try Store.version(db) }
        }
    }

    /// The author's latest change that `undo` would revert, or nil.
    public func latestUndoable(author: String) throws -> JournalEntry? {
        try storeOperation(at: path) {
            try reader().read { db in try Journal.latestUndoable(by: author, db) }
        }
    }

    /// Every meeting, by date.
    public func meetings() throws -> [Meeting] {
        try storeOperation(at: path) {
            try reader().read { db in try MeetingRows.meetings(db) }
        }
    }

    // MARK: - Changes

    /// Runs one change: one write transaction, rolled back if `body` throws.
    func change<T>(_ body: (Database) throws -> T) throws -> T {
        // Inside a change of this store already (`apply` checks the rules in
        // the transaction that writes, then makes the change): join it.
        if let open = OpenTransaction.current, open.store == ObjectIdentifier(self) { return try body(open.database) }
        return try storeOperation(at: path) {
            try writer().write { db in
                let result = try OpenTransaction.$current.withValue(OpenTransaction(db, self)) { try body(db) }
                try RecordDigests.refreshStale(db)
                return result
            }
        }
    }

    /// Saves that an activity was carried out; returns it with its number.
    ///
    /// With `finishing`, a one-off activity is also marked done in the same
    /// transaction and journal entry (`record --done`; its undo removes the
    /// record and gives the status back). A repeating activity, or one done
    /// or dropped, is refused then.
    @discardableResult
    ///
    /// With `today`, its date is checked inside the transaction that writes
    /// it (`ChangeRules.recordDate`: not after today, not before the plan
    /// starts), whoever calls.
    func addRecord(_ record: SargsCore.Record, finishing: Bool = false, today: Day? = nil, now: Date) throws -> SargsCore.Record {
        try Guard.text(record.note, Phrase(lv: "izpildes piezīme", en: "the record's note"), lines: .several)
        try Guard.count(record.count, Phrase(lv: "izpildes skaitam", en: "the record's count"))
        return try change { db in
            try PlanRows.requireActivity(record.activity, db)
            if let today {
                let start = try String.fetchOne(db, sql: "SELECT period_first FROM plan").flatMap(Day.init)
                try Guard.rule { () throws(ChangeRefusal) in
                    try ChangeRules.recordDate(record.date, today: today, planStart: start ?? record.date)
                }
            }
            // A record dated in a closed year counts in that year's report, which reads the activities the year
            // was closed with (issue 27): one the plan did not have then would be in no report at all.
            let year = record.date.year
            if let today, year < today.year,
               try Int.fetchOne(db, sql: "SELECT 1 FROM closed_year WHERE year = ?", arguments: [year]) != nil,
               try Int.fetchOne(db, sql: "SELECT 1 FROM closed_activity WHERE year = ? AND id = ?", arguments: [year, record.activity]) == nil {
                let id = record.activity, date = record.date
                try Guard.rule { () throws(ChangeRefusal) in
                    throw ChangeRefusal(
                        "\(id) \(year). gadā plānā nebija (tā pievienota vēlāk), tāpēc izpilde, kas datēta \(date), neparādītos neviena gada pārskatā; nekas netika saglabāts",
                        "\(id) was not in the plan in \(year) (it was added later), so a record dated \(date) would be in no year's report; nothing was saved")
                }
            }
            var saved = record
            saved.id = try TrackingRows.insert(record, entered: today ?? Day.riga(now), db)
            var finished: Status?
            if finishing {
                guard let activity = try PlanRows.activity(record.activity, db) else { throw StoreError.unknownActivity(record.activity) }
                try Guard.rule { () throws(ChangeRefusal) in try ChangeRules.finishing(activity) }
                try db.execute(sql: "UPDATE activity SET status = 'done' WHERE id = ?", arguments: [record.activity])
                finished = activity.status
            }
            _ = try Journal.append(db, .record(saved, finished: finished), time: now, author: record.author)
            return saved
        }
    }

    /// Saves many records as one change (one transaction, one `import`
    /// journal entry naming the range of numbers given; one undo removes them
    /// all). For loading a history, and for the benchmark's synthetic data.
    /// The records' own ids are ignored.
    @discardableResult
    public func importRecords(_ records: [SargsCore.Record], author: String, now: Date) throws -> [SargsCore.Record] {
        for record in records {
            try Guard.text(record.note, Phrase(lv: "aktivitātes \(record.activity) izpildes piezīme", en: "the note of a record of \(record.activity)"),
                           lines: .several)
            try Guard.count(record.count, Phrase(lv: "aktivitātes \(record.activity) izpildes skaitam", en: "the count of a record of \(record.activity)"))
        }
        guard !records.isEmpty else { return [] }
        return try change { db in
            var known: Set<ActivityID> = []
            var saved = records
            for i in saved.indices where !known.contains(saved[i].activity) {
                try PlanRows.requireActivity(saved[i].activity, db)
                known.insert(saved[i].activity)
            }
            try TrackingRows.insert(&saved, entered: Day.riga(now), db)
            let plan = try String.fetchOne(db, sql: "SELECT id FROM plan") ?? ""
            _ = try Journal.append(db, .imported(plan: plan, first: saved[0].id, last: saved[saved.count - 1].id, count: saved.count),
                                   time: now, author: author)
            return saved
        }
    }

    /// Sets an activity's status and its note (nil clears the note).
    func setStatus(_ activity: ActivityID, to status: Status, note: String?, author: String, now: Date) throws {
        try Guard.text(note, Phrase(lv: "statusa piezīme", en: "the status note"), lines: .several)
        try change { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT status, status_note FROM activity WHERE id = ?",
                                             arguments: [activity]) else {
                throw StoreError.unknownActivity(activity)
            }
            let stored: String = try row.stored(0, "status of activity \(activity)")
            guard let current = Status(rawValue: stored) else { throw damaged("status “\(stored)” of activity \(activity)") }
            let before = JournalChange.StatusSetting(status: current, note: try row.stored(1, "status note of activity \(activity)"))
            let after = JournalChange.StatusSetting(status: status, note: note)
            if before == after { return }  // the same status and note: nothing changes, nothing is journaled
            try db.execute(sql: "UPDATE activity SET status = ?, status_note = ? WHERE id = ?",
                           arguments: [status.rawValue, note, activity])
            _ = try Journal.append(db, .status(activity, before: before, after: after), time: now, author: author)
        }
    }

    /// Adds a free-text note to an activity, timed `now`.
    @discardableResult
    func addNote(_ activity: ActivityID, text: String, author: String, now: Date) throws -> Note {
        try Guard.text(text, ChangeRules.noteField, lines: .several)
        return try change { db in
            try PlanRows.requireActivity(activity, db)
            var note = Note(activity: activity, text: text, author: author, time: Timestamp.normalized(now))
            note.id = try TrackingRows.insert(note, db)
            _ = try Journal.append(db, .note(note), time: now, author: author)
            return note
        }
    }

    /// Saves the chair's word that a window is not expected.
    @discardableResult
    func addWaiver(_ waiver: Waiver, today: Day? = nil, now: Date) throws -> Waiver {
        try Guard.text(waiver.note, ChangeRules.reasonField, lines: .several)
        return try change { db in
            try PlanRows.requireActivity(waiver.activity, db)
            var saved = waiver
            saved.id = try TrackingRows.insert(waiver, entered: today ?? Day.riga(now), db)
            _ = try Journal.append(db, .waive(saved), time: now, author: waiver.author)
            return saved
        }
    }

    /// Saves the fields this edit changes from `original` (the activity as
    /// the form showed it). A field that someone else changed since and that
    /// this edit changes to something else is a `.conflict`, and nothing is
    /// written; fields this edit leaves alone keep whatever is stored now.
    func editActivity(_ edited: Activity, basedOn original: Activity, author: String, now: Date) throws {
        guard edited.id == original.id else {
            throw StoreError.invalid(Phrase(lv: "Aktivitāte patur savu id: \(original.id) nevar kļūt par \(edited.id).",
                                            en: "An activity keeps its id: \(original.id) cannot become \(edited.id)."))
        }
        try Guard.texts(edited.texts)
        try Guard.count(edited.target?.count, Self.targetField(edited.id))
        try change { db in
            guard let stored = try PlanRows.activity(original.id, db) else {
                throw StoreError.unknownActivity(original.id)
            }
            var merged = stored
            var changes: [JournalChange.ActivityFieldChange] = []
            for field in ActivityField.allCases {
                let yours = field.value(of: edited)
                let base = field.value(of: original)
                let theirs = field.value(of: stored)
                guard yours != base, yours != theirs else { continue }
                if theirs != base {
                    throw StoreError.conflict(field: field.rawValue, yours: yours.display, theirs: theirs.display)
                }
                _ = field.set(yours, on: &merged)
                changes.append(JournalChange.ActivityFieldChange(field: field, before: theirs, after: yours))
            }
            guard !changes.isEmpty else { return }
            var moved: JournalChange.Moved?
            if merged.goal != stored.goal {
                try PlanRows.requireGoal(merged.goal, db)
                let from = try PlanRows.position(of: stored.id, db)
                let to = try PlanRows.move(stored.id, toEndOfGoal: merged.goal, db)
                moved = JournalChange.Moved(from: from, to: to)
            }
            try PlanRows.update(merged, db)
            _ = try Journal.append(db, .edit(stored.id, changes, position: moved), time: now, author: author)
        }
    }

    /// Adds a new activity at the end of its goal. Its id must be new and
    /// its goal must exist.
    func addActivity(_ activity: Activity, author: String, now: Date) throws {
        try Guard.texts(activity.texts)
        try Guard.count(activity.target?.count, Self.targetField(activity.id))
        try change { db in
            if try PlanRows.activityExists(activity.id, db) {
                throw StoreError.invalid(Phrase(lv: "Plānā jau ir aktivitāte \(activity.id).",
                                                en: "There is already an activity \(activity.id) in the plan."))
            }
            try PlanRows.requireGoal(activity.goal, db)
            let position = try PlanRows.insertionPoint(forGoal: activity.goal, excluding: nil, db)
            try PlanRows.shift(from: position, by: 1, db)
            try PlanRows.insert(activity, at: position, db)
            _ = try Journal.append(db, .add(activity.id, activity.fields), time: now, author: author)
        }
    }

    /// Plans a meeting; returns it with its number.
    @discardableResult
    ///
    /// The agenda is stored as the meeting carries it (`prepared`, items,
    /// removals). Refuses a second meeting of the same kind on one date
    /// that is not cancelled (issue 26), naming the one there, and texts
    /// the guard refuses (place, topic, item words).
    func addMeeting(_ meeting: Meeting, author: String, now: Date) throws -> Meeting {
        try Guard.text(meeting.topic, Self.topicField)
        try Guard.text(meeting.details.place, Phrase(lv: "sēdes vieta", en: "the meeting's place"))
        for item in meeting.items { try Guard.text(item.note, Self.outcomeWordsField) }
        return try change { db in
            try Self.refuseTwin(of: meeting, db)
            for item in meeting.items { try PlanRows.requireActivity(item.activity, db) }
            var saved = meeting
            saved.id = try MeetingRows.insert(meeting, db)
            _ = try Journal.append(db, .meeting(JournalChange.PlannedMeeting(saved)), time: now, author: author)
            return saved
        }
    }

    /// Refuses `meeting` when another meeting of its kind, not cancelled, is on its date (`ChangeRules.twin`).
    static func refuseTwin(of meeting: Meeting, _ db: Database) throws {
        let meetings = try MeetingRows.meetings(db)
        try Guard.rule { () throws(ChangeRefusal) in try ChangeRules.twin(meeting, among: meetings) }
    }

    /// Replaces the prepared agenda of a meeting (items in calling order, with
    /// any outcomes they carry); one journal entry with the list before and after.
    func setMeetingItems(_ id: Int64, items: [Meeting.Item], author: String, now: Date) throws {
        try change { db in
            let meeting = try MeetingRows.require(id, db)
            for item in items { try PlanRows.requireActivity(item.activity, db) }
            try MeetingRows.setItems(id, items, db)
            try MeetingRows.setPrepared(id, true, db)
            _ = try Journal.append(db, .items(meeting: id, before: meeting.items, after: items), time: now, author: author)
        }
    }

    /// Changes a planned meeting's date, kind, topic and prepared items
    /// together (the agenda view's `p`), in one transaction and one journal
    /// entry (`settings` when the date, kind or topic changed, else `items`).
    /// Refuses a meeting that is held or cancelled. Returns the meeting as stored.
    @discardableResult
    func updateMeeting(_ meeting: Meeting, basedOn base: Meeting? = nil, author: String, now: Date) throws -> Meeting {
        try Guard.text(meeting.topic, Self.topicField)
        for item in meeting.items { try Guard.text(item.note, Self.outcomeWordsField) }
        var meeting = meeting
        meeting.prepared = true  // what is saved here is the stored agenda
        return try change { db in
            let stored = try MeetingRows.require(meeting.id, db)
            if let base, MeetingRows.settingsJSON(stored) != MeetingRows.settingsJSON(base) {
                // Someone else saved this meeting since the draft read it: nothing is overwritten silently.
                throw StoreError.conflict(field: "agenda of meeting \(meeting.id)",
                                          yours: "\(meeting.date), \(meeting.items.count) items",
                                          theirs: "\(stored.date), \(stored.items.count) items")
            }
            if MeetingRows.settingsJSON(stored) == MeetingRows.settingsJSON(meeting) { return stored }  // nothing to save, nothing journaled
            guard stored.state == .planned else {
                throw StoreError.invalid(Phrase(
                    lv: "Sēde Nr. \(meeting.id) ir \(stored.state.phrase.lv); mainīt var tikai plānotas sēdes darba kārtību.",
                    en: "Meeting \(meeting.id) is \(stored.state.phrase.en); only a planned meeting's agenda can change."))
            }
            for item in meeting.items { try PlanRows.requireActivity(item.activity, db) }
            let settingsChanged = stored.date != meeting.date || stored.kind != meeting.kind || stored.topic != meeting.topic
            if stored.date != meeting.date || stored.kind != meeting.kind { try Self.refuseTwin(of: meeting, db) }
            try db.execute(sql: "UPDATE meeting SET date = ?, kind = ?, topic = ? WHERE id = ?",
                           arguments: [meeting.date.description, meeting.kind.rawValue, meeting.topic, meeting.id])
            try MeetingRows.setItems(meeting.id, meeting.items, db)
            try MeetingRows.setRemoved(meeting.id, meeting.removed, db)
            try MeetingRows.setPrepared(meeting.id, true, db)
            // Removals and the stored mark travel in `settings`, so that an undo puts them back too.
            if settingsChanged || stored.removed.sorted() != meeting.removed.sorted() || !stored.prepared {
                _ = try Journal.append(db, .settings(meeting: meeting.id, before: JournalChange.MeetingSettings(stored),
                                                     after: JournalChange.MeetingSettings(meeting)), time: now, author: author)
            } else {
                _ = try Journal.append(db, .items(meeting: meeting.id, before: stored.items, after: meeting.items), time: now, author: author)
            }
            return try MeetingRows.require(meeting.id, db)
        }
    }

    /// Records what the group did with one item of a meeting (chair mode).
    /// `note`: the chair's words on the outcome (issue 26), one line the guard passes; nil keeps none.
    func setOutcome(_ id: Int64, activity: ActivityID, outcome: Meeting.Outcome?, note: String? = nil,
                           author: String, now: Date) throws {
        try Guard.text(note, Self.outcomeWordsField)
        try change { db in
            let meeting = try MeetingRows.require(id, db)
            var items = meeting.items
            if let i = items.firstIndex(where: { $0.activity == activity }) {
                items[i].outcome = outcome
                items[i].note = note
            } else {
                try PlanRows.requireActivity(activity, db)
                items.append(Meeting.Item(activity: activity, outcome: outcome, note: note, added: true))
            }
            try MeetingRows.setItems(id, items, db)
            _ = try Journal.append(db, .items(meeting: id, before: meeting.items, after: items), time: now, author: author)
        }
    }

    /// Marks a planned meeting held, with what the minutes carry (SPEC §7
    /// `meeting hold`): attendees, place, times, chair, secretary, guests,
    /// restricted mark. Refuses a meeting dated after `today`, a held one
    /// (`editMeeting` changes it) and a cancelled one; the texts pass the
    /// guard. One journal entry `hold`.
    func holdMeeting(_ id: Int64, details: Meeting.Details, today: Day, author: String, now: Date) throws {
        try change { db in
            let meeting = try MeetingRows.require(id, db)
            let plan = try PlanRows.plan(db)
            try Guard.rule { () throws(ChangeRefusal) in
                try ChangeRules.hold(meeting, today: today)
                try ChangeRules.details(details, plan: plan)
            }
            var held = meeting
            held.state = .held
            held.details = details
            try MeetingRows.set(id, state: .held, details: details, db)
            // The day it was marked held: a year's report says which of its meetings came late (issue 27).
            try db.execute(sql: "UPDATE meeting SET held_on = ? WHERE id = ?", arguments: [today.description, id])
            _ = try Journal.append(db, .hold(meeting: id, before: SittingField.all(of: meeting), after: SittingField.all(of: held)),
                                   time: now, author: author)
        }
    }

    /// Changes what the minutes carry about a planned or held meeting
    /// (`meeting edit`): one journal entry `details` with the changed keys
    /// before and after; nothing is written when nothing changed. Returns
    /// whether anything changed.
    @discardableResult
    func editMeeting(_ id: Int64, details: Meeting.Details, author: String, now: Date) throws -> Bool {
        return try change { db in
            let meeting = try MeetingRows.require(id, db)
            let plan = try PlanRows.plan(db)
            try Guard.rule { () throws(ChangeRefusal) in
                try ChangeRules.edit(meeting)
                try ChangeRules.details(details, plan: plan)
            }
            var edited = meeting
            edited.details = details
            let changed = SittingField.changed(from: meeting, to: edited)
            guard !changed.after.isEmpty else { return false }
            try MeetingRows.set(id, state: meeting.state, details: details, db)
            _ = try Journal.append(db, .details(meeting: id, before: changed.before, after: changed.after), time: now, author: author)
            return true
        }
    }

    /// Marks a planned meeting cancelled; a held or cancelled one is refused.
    func cancelMeeting(_ id: Int64, author: String, now: Date) throws {
        try change { db in
            let meeting = try MeetingRows.require(id, db)
            try Guard.rule { () throws(ChangeRefusal) in try ChangeRules.cancel(meeting) }
            var cancelled = meeting
            cancelled.state = .cancelled
            try MeetingRows.set(id, state: .cancelled, details: meeting.details, db)
            _ = try Journal.append(db, .cancel(meeting: id, before: SittingField.all(of: meeting), after: SittingField.all(of: cancelled)),
                                   time: now, author: author)
        }
    }

    /// Saves a decision of a meeting; returns it with its number.
    ///
    /// With `settingOutcome`, the decision's item in its meeting gets the
    /// outcome `decision` in the same transaction and journal entry (its
    /// undo removes both).
    @discardableResult
    func addDecision(_ decision: Decision, settingOutcome: Bool = false, author: String, now: Date) throws -> Decision {
        try Guard.text(decision.text, Phrase(lv: "lēmuma teksts", en: "the decision's text"), lines: .several)
        return try change { db in
            let meeting = try MeetingRows.require(decision.meeting, db)
            if meeting.state == .cancelled {
                throw StoreError.invalid(Phrase(lv: "Sēde Nr. \(meeting.id) ir atcelta; tai lēmumu nav.",
                                                en: "Meeting \(meeting.id) is cancelled; it takes no decisions."))
            }
            try Guard.rule { () throws(ChangeRefusal) in try ChangeRules.due(decision.due, meetingDate: meeting.date) }
            if let activity = decision.activity { try PlanRows.requireActivity(activity, db) }
            var saved = decision
            saved.id = try MeetingRows.insert(decision, db)
            var outcome: JournalChange.ItemsChange?
            if settingOutcome, let activity = decision.activity {
                var items = meeting.items
                if let i = items.firstIndex(where: { $0.activity == activity }) {
                    // Words given for another outcome ("izskatīts: SD ziņos …") do not describe the decision:
                    // the minutes would say "pieņemts lēmums: SD ziņos …". The decision's own text says it.
                    if items[i].outcome != .decision { items[i].note = nil }
                    items[i].outcome = .decision
                } else {
                    items.append(Meeting.Item(activity: activity, outcome: .decision))
                }
                try MeetingRows.setItems(meeting.id, items, db)
                outcome = JournalChange.ItemsChange(before: meeting.items, after: items)
            }
            _ = try Journal.append(db, .decision(saved, outcome: outcome), time: now, author: author)
            return saved
        }
    }

    /// Marks a decision done on `day`; with `meeting`, as that meeting's
    /// review did it (the minutes list it as closed there). One journal
    /// entry `done`. A decision already done is refused.
    func completeDecision(_ id: Int64, on day: Day, at meeting: Int64? = nil, author: String, now: Date) throws {
        try reviewDecision(id, at: meeting, action: .done, author: author, now: now) { d, _ throws in
            guard d.isOpen else {
                throw StoreError.invalid(Phrase(lv: "Lēmums Nr. \(id) jau ir izpildīts (\(d.doneOn?.description ?? "")).",
                                                en: "Decision \(id) is already done (\(d.doneOn?.description ?? "")).")) }
            d.doneOn = day
            return .done
        }
    }

    /// Gives an open decision a new due date (the old one stays in the
    /// journal, and in the review of `meeting` when given). A date before
    /// the decision's meeting is refused. One journal entry `due`.
    func moveDecision(_ id: Int64, to due: Day, at meeting: Int64? = nil, author: String, now: Date) throws {
        try reviewDecision(id, at: meeting, action: .due, author: author, now: now) { d, takenOn throws in
            guard d.isOpen else {
                throw StoreError.invalid(Phrase(lv: "Lēmums Nr. \(id) jau ir izpildīts; tā termiņu vairs nemaina.",
                                                en: "Decision \(id) is already done; its due date no longer changes.")) }
            try Guard.rule { () throws(ChangeRefusal) in try ChangeRules.due(due, meetingDate: takenOn) }
            d.due = due
            return .moved
        }
    }

    /// Records that `meeting` reviewed an open decision and left it open.
    func keepDecisionOpen(_ id: Int64, at meeting: Int64, author: String, now: Date) throws {
        try reviewDecision(id, at: meeting, action: .reviewed, author: author, now: now) { d, _ throws in
            // A decision that is done cannot be "left open": that would be a contradiction in the minutes.
            guard d.isOpen else {
                throw StoreError.invalid(Phrase(lv: "Lēmums Nr. \(id) jau ir izpildīts; atvērts tas nevar palikt.",
                                                en: "Decision \(id) is already done; it cannot stay open."))
            }
            return .open
        }
    }

    /// One change of a decision's state, with the review row of `meeting`
    /// (nil: outside a meeting); `body` changes the decision given the date
    /// of the meeting that took it and says what the review did.
    private func reviewDecision(_ id: Int64, at meeting: Int64?, action: JournalAction, author: String, now: Date,
                                _ body: (inout Decision, Day) throws -> DecisionReview.Outcome) throws {
        try change { db in
            let decision = try MeetingRows.requireDecision(id, db)
            let takenAt = try MeetingRows.require(decision.meeting, db)
            if let meeting {
                let reviewing = try MeetingRows.require(meeting, db)
                guard reviewing.id != decision.meeting, reviewing.kind == .regular, reviewing.state != .cancelled else {
                    throw StoreError.invalid(Phrase(
                        lv: "Sēde Nr. \(meeting) nevar izskatīt lēmumu Nr. \(id): to izskata nākamā kārtējā sēde, kas nav atcelta.",
                        en: "Meeting \(meeting) cannot review decision \(id): a later regular meeting that is not cancelled does."))
                }
            }
            let oldReview = try meeting.flatMap { try MeetingRows.review(meeting: $0, decision: id, db) }
            var changed = decision
            var outcome = try body(&changed, takenAt.date)
            // Left open after a new due date at the same meeting: it was still moved there.
            if outcome == .open, oldReview?.outcome == .moved { outcome = .moved }
            let review = meeting.map { DecisionReview(meeting: $0, decision: id, outcome: outcome,
                                                      dueBefore: oldReview?.dueBefore ?? decision.due, dueAfter: changed.due) }
            try db.execute(sql: "UPDATE decision SET due = ?, done_on = ? WHERE id = ?",
                           arguments: [changed.due.description, changed.doneOn?.description, id])
            if let review { try MeetingRows.setReview(review, db) }
            let before = DecisionField.all(of: decision, review: oldReview), after = DecisionField.all(of: changed, review: review)
            let entry: JournalChange
            switch action {
            case .done: entry = .done(decision: id, before: before, after: after)
            case .due: entry = .due(decision: id, before: before, after: after)
            default: entry = .reviewed(decision: id, before: before, after: after)
            }
            _ = try Journal.append(db, entry, time: now, author: author)
        }
    }

    /// Reverts `author`'s latest change that is not undone yet, by a new
    /// `undo` entry; the history itself is never rewritten. Returns that entry.
    ///
    /// With `expecting`, the undo goes ahead only if that entry is still the
    /// latest one to undo (what the board asked the person about); otherwise
    /// it is refused and nothing is written.
    @discardableResult
    func undo(author: String, expecting: Int64? = nil, today: Day? = nil, now: Date) throws -> JournalEntry {
        try change { db in
            guard let target = try Journal.latestUndoable(by: author, db) else {
                throw StoreError.nothingToUndo(author: author)
            }
            if let expecting, target.id != expecting {
                throw StoreError.invalid(Phrase(
                    lv: "Jūsu pēdējā izmaiņa vairs nav tā, par kuru jautāja (#\(expecting)); nekas netika atsaukts. Atsauciet vēlreiz, lai redzētu, kas tā ir tagad.",
                    en: "Your latest change is no longer the one you were asked about (#\(expecting)); nothing was undone. Undo again to see what it is now."))
            }
            // A change made in a year of the plan now over belongs to that closed year (issue 27):
            // undone, it would change the year's report (a record, a waiver, a meeting held, a schedule).
            if let today, case let made = Day.riga(target.time), made.year < today.year,
               let first = try String.fetchOne(db, sql: "SELECT period_first FROM plan").flatMap(Day.init), made.year >= first.year {
                throw StoreError.invalid(Phrase(
                    lv: "Šī izmaiņa (\(target.subject), \(made)) izdarīta \(made.year). gadā, kas ir noslēgts; to vairs neatsauc, lai gada pārskats paliek, kāds tas bija. Ja kas jālabo, dariet to ar jaunu izmaiņu.",
                    en: "This change (\(target.subject), \(made)) was made in \(made.year), which is closed; it is no longer undone, so that the year's report stays as it was. If something needs correcting, make a new change."))
            }
            do {
                try Undo.revert(target, db)
            } catch StoreError.undoConflict(let field, let now, nil) {
                // Who changed it since: the latest change to the same subject after the one undone, by someone else.
                let by = try String.fetchOne(db, sql: """
                    SELECT author FROM journal WHERE subject = ? AND id > ? AND action != 'undo' AND author != ? ORDER BY id DESC LIMIT 1
                    """, arguments: [target.subject, target.id, author])
                throw StoreError.undoConflict(field: field, now: now, by: by)
            }
            var entry = JournalEntry(time: Timestamp.normalized(now), author: author, action: .undo,
                                     subject: target.subject, before: target.after, after: target.before,
                                     undoes: target.id, login: Journal.login, reverted: target.kind)
            entry.id = try Journal.append(db, time: now, author: author, action: .undo, subject: target.subject,
                                          beforeText: target.after, afterText: target.before, undoes: target.id)
            return entry
        }
    }
}

/// The guard at the store's edge (SPEC §6): a text with a personal code, a
/// control character or (in a one-line field) a line break, and a count or
/// target outside `Counts.range`, are refused before anything is written,
/// whoever calls the store. The same checks as `ChangeRules`, from the
/// core's `FreeText` and `Counts`.
enum Guard {
    /// `field` names the text as the interface does, in both languages
    /// ("sēdes tēma" / "the meeting's topic"): the refusal is a sentence
    /// about it in the run's language, never an English name inside Latvian.
    static func text(_ text: String?, _ field: Phrase, lines: FreeText.Lines = .one) throws {
        guard let text, let problem = FreeText.problem(in: text, lines: lines) else { return }
        switch problem {
        case .personalCode: throw StoreError.personalCode(in: field)
        case .lineBreak, .control: throw StoreError.invalid(problem.phrase(field: field.capitalized))
        }
    }

    /// Runs a rule of the core; its refusal becomes the store's.
    static func rule(_ body: () throws(ChangeRefusal) -> Void) throws {
        do { try body() } catch { throw StoreError.invalid(error.phrase) }
    }

    static func texts(_ texts: [FreeTextField]) throws {
        for field in texts { try Guard.text(field.text, field.name, lines: field.lines) }
    }

    /// `field` in the dative in Latvian ("izpildes skaitam jābūt…").
    static func count(_ value: Int?, _ field: Phrase) throws {
        guard let value, !Counts.range.contains(value) else { return }
        throw StoreError.invalid(Counts.refusal(value, field: field.capitalized))
    }

    static func author(_ author: String) throws {
        try text(author, Phrase(lv: "autora vārds", en: "the author's name"))
    }
}

/// A free text with its name in the interface's words, for the guard.
struct FreeTextField {
    var name: Phrase
    var text: String?
    var lines: FreeText.Lines = .one
}

extension Store {
    /// Names of fields that several changes guard, as the interface says them.
    static let topicField = Phrase(lv: "sēdes tēma", en: "the meeting's topic")
    static let outcomeWordsField = Phrase(lv: "iznākuma vārdi", en: "the outcome's words")
    /// An activity's target, in the dative in Latvian ("mērķa skaitam jābūt…").
    static func targetField(_ id: ActivityID) -> Phrase { Phrase(lv: "aktivitātes \(id) mērķa skaitam", en: "the target of \(id)") }
}

extension Plan {
    /// Every free text of the plan, named for a refusal message.
    var texts: [FreeTextField] {
        var texts = [FreeTextField(name: Phrase(lv: "plāna nosaukums", en: "the plan's title"), text: title),
                     FreeTextField(name: Phrase(lv: "plāna angliskais nosaukums", en: "the plan's English title"), text: en)]
        for goal in goals {
            texts += [FreeTextField(name: Phrase(lv: "\(goal.number). mērķa nosaukums", en: "the title of goal \(goal.number)"), text: goal.title),
                      FreeTextField(name: Phrase(lv: "\(goal.number). mērķa angliskais nosaukums", en: "the English title of goal \(goal.number)"),
                                    text: goal.en)]
            for result in goal.results {
                let name = Phrase(lv: "sagaidāmais rezultāts \(result.id)", en: "expected result \(result.id)")
                texts += [FreeTextField(name: name, text: result.text), FreeTextField(name: name, text: result.en)]
            }
        }
        for activity in activities { texts += activity.texts }
        for entry in glossary {
            texts.append(FreeTextField(name: Phrase(lv: "saīsinājuma \(entry.abbreviation) skaidrojums", en: "the glossary entry \(entry.abbreviation)"),
                                       text: entry.text))
        }
        for indicator in indicators {
            texts.append(FreeTextField(name: Phrase(lv: "rādītāja \(indicator.id) nosaukums", en: "the title of indicator \(indicator.id)"),
                                       text: indicator.title))
        }
        return texts
    }
}

/// The store's read-only connection (see `Store.openReader`). An immutable
/// one (no `-shm` could be made) is opened afresh for every read, so a
/// board left open sees what others saved since.
final class Reader: Sendable {
    let path: String
    let connection: DatabaseQueue
    let immutable: Bool

    init(path: String, connection: DatabaseQueue, immutable: Bool) {
        self.path = path
        self.connection = connection
        self.immutable = immutable
    }

    /// Runs `body` in one read transaction.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        guard immutable else { return try connection.read(body) }
        return try Store.openReader(path).connection.read(body)
    }

    /// Copies the store, as of one moment, into `destination`.
    func backup(to destination: some DatabaseWriter) throws {
        try connection.backup(to: destination)
    }
}
