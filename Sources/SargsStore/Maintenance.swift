import Foundation
import GRDB
import GRDBSQLite
import SargsCore
import SargsFiles
#if canImport(Glibc)
import Glibc
#endif

/// Backups, restores and checks of a store (issue 17): what a server's
/// administrator runs while people work.
extension Store {
    // MARK: - Backup

    /// Copies the store, as of one moment, to a new file at `path` through
    /// SQLite's online backup while boards and commands go on writing. The
    /// copy is 0600, or 0640 with the store's group when the store is shared
    /// with a group. Refuses an existing file (`StoreError.alreadyExists`).
    ///
    /// The copy is made in memory and put in place whole (`SafeFile.put`):
    /// no name in the folder is opened that another member could have
    /// planted, and a backup that is killed or fills the disk leaves no torn
    /// copy and no orphan file (Ctrl-C and SIGTERM wait until it is done).
    public func backup(to path: String) throws {
        try storeOperation(at: path) {
            try Interruption.whole {
                let memory = try DatabaseQueue()
                try reader().backup(to: memory)
                let bytes = try Store.fileBytes(of: memory, journal: .rollback)
                var info = stat()
                let shared = stat(self.path, &info) == 0 && info.st_mode & 0o070 != 0
                do {
                    do {
                        try SafeFile.put(bytes, at: path, mode: shared ? 0o640 : 0o600, group: shared ? info.st_gid : nil,
                                         replacing: false)
                    } catch let refusal as FileRefusal where shared && refusal.kind == .system(EPERM) {
                        // Not a member of the store's group (root's cron, say): the owner's alone.
                        try SafeFile.put(bytes, at: path, mode: 0o600, replacing: false)
                    }
                } catch let refusal as FileRefusal where refusal.kind == .exists {
                    throw StoreError.alreadyExists(path: path)
                }
            }
        }
    }

    /// A backup into `directory` named after the store and the moment in
    /// Riga, as people read it, with its offset from UTC
    /// (`NAME-2026-12-01T051500+0200.sqlite`), then only the newest `keep`
    /// backups of this store kept there (by the moment each name says;
    /// names an earlier sargs gave in UTC, `…T031500Z.sqlite`, count too).
    /// - Returns: the new backup's path and the paths removed.
    public func backup(into directory: String, keep: Int, now: Date) throws -> (path: String, removed: [String]) {
        let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        let target = (directory as NSString).appendingPathComponent("\(base)-\(Store.stamp(now, dashed: true)).sqlite")
        // The folder once, not through a link someone else could have put
        // there; the old copies are looked at and removed through it.
        let folder = try storeOperation(at: directory) { try SafeFile.openFolder(directory) }
        defer { _ = close(folder) }
        try backup(to: target)
        let newName = (target as NSString).lastPathComponent
        let prefix = base + "-"
        let dated = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".sqlite") && $0 != newName }
            .compactMap { name -> (name: String, moment: Date)? in
                let middle = String(name.dropFirst(prefix.count).dropLast(".sqlite".count))
                // A name dated after now was not made by a backup: never counted, never removed.
                guard let moment = Store.moment(of: middle), moment <= now else { return nil }
                return (name, moment)
            }
            .filter { Store.isSargsStore(named: $0.name, in: folder) }
            .sorted { ($0.moment, $0.name) < ($1.moment, $1.name) }
        var removed: [String] = []
        for entry in dated.dropLast(max(0, keep - 1)) where unlinkat(folder, entry.name, 0) == 0 {
            removed.append((directory as NSString).appendingPathComponent(entry.name))
        }
        return (target, removed)
    }

    /// Whether `name` in the folder `folder` is a regular file of one name
    /// that begins as a sargs store does (SQLite's header, sargs'
    /// application id): only such files are ever removed by a rotation.
    static func isSargsStore(named name: String, in folder: Int32) -> Bool {
        let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1 else { return false }
        var header = [UInt8](repeating: 0, count: 72)
        guard pread(fd, &header, 72, 0) == 72, header.prefix(16).elementsEqual("SQLite format 3\0".utf8) else { return false }
        let id = Int32(bitPattern: UInt32(header[68]) << 24 | UInt32(header[69]) << 16 | UInt32(header[70]) << 8 | UInt32(header[71]))
        return id == Schema.applicationID
    }

    /// The moment in Riga for a file's name, with its offset from UTC (so
    /// the hour the clocks go back is not named twice): `20261201T051500+0200`,
    /// or with `dashed` `2026-12-01T051500+0200` (a dated backup).
    static func stamp(_ now: Date, dashed: Bool) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = RigaTime.zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: now)
        let offset = RigaTime.zone.secondsFromGMT(for: now) / 60
        let sign = offset < 0 ? "-" : "+"
        return String(format: dashed ? "%04d-%02d-%02dT%02d%02d%02d" : "%04d%02d%02dT%02d%02d%02d",
                      c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
            + String(format: "%@%02d%02d", sign, abs(offset) / 60, abs(offset) % 60)
    }

    /// The moment a dated name says: `2026-12-01T051500+0200` (Riga, as this
    /// sargs names it) or `2026-12-01T031500Z` (UTC, as earlier ones did); nil
    /// for anything else.
    static func moment(of stamp: String) -> Date? {
        let digits = Array(stamp.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= digits.count, digits[range].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return Int(String(decoding: digits[range], as: UTF8.self))
        }
        guard digits.count >= 18, digits[4] == 0x2D, digits[7] == 0x2D, digits[10] == 0x54,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(13..<15), let second = number(15..<17) else { return nil }
        let offsetSeconds: Int
        if digits.count == 18, digits[17] == 0x5A {
            offsetSeconds = 0
        } else if digits.count == 22, digits[17] == 0x2B || digits[17] == 0x2D, let hours = number(18..<20), let minutes = number(20..<22) {
            offsetSeconds = (digits[17] == 0x2D ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offsetSeconds) ?? TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    /// Where a store replaced at `now` (by restore or a forced init) is kept:
    /// `PATH.replaced-STAMP`, with `-2`, `-3`… when that name is taken.
    static func keptPath(for path: String, at now: Date) -> String {
        let stamped = path + ".replaced-" + stamp(now, dashed: false)
        var kept = stamped, n = 2
        while entryExists(kept) { kept = stamped + "-\(n)"; n += 1 }
        return kept
    }

    // MARK: - Restore

    /// What a copy holds, checked before it may replace a store: the bytes
    /// of a SQLite file, opened in memory (nothing is written anywhere),
    /// brought up to this version's schema there.
    /// - Throws: `StoreError.unavailable` naming what is wrong with it.
    static func checkedCopy(_ bytes: [UInt8], named path: String) throws -> Store {
        guard bytes.count >= 100, bytes.prefix(16).elementsEqual("SQLite format 3\0".utf8) else {
            throw StoreError.unavailable(Phrase(lv: "\(path) nav sargs glabātuve", en: "\(path) is not a sargs store"))
        }
        let memory = try storeOperation(at: path) { () throws -> DatabaseQueue in
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.label = "sargs.copy"
            let memory = try DatabaseQueue(configuration: configuration)
            try memory.writeWithoutTransaction { db in
                guard let buffer = sqlite3_malloc64(sqlite3_uint64(bytes.count)) else { throw StoreError.io("out of memory") }
                var copy = bytes
                copy[18] = 1; copy[19] = 1  // a WAL copy is read as a plain file in memory
                copy.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: copy.count) }
                let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE)
                let code = sqlite3_deserialize(db.sqliteConnection, "main", buffer.assumingMemoryBound(to: UInt8.self),
                                               sqlite3_int64(bytes.count), sqlite3_int64(bytes.count), flags)
                guard code == SQLITE_OK else { throw StoreError.unavailable(Phrase(lv: "\(path) nav sargs glabātuve (SQLite \(code))", en: "\(path) is not a sargs store (SQLite \(code))")) }
            }
            return memory
        }
        let copy = Store(path: path, memory: memory)
        let integrity = try storeOperation(at: path) {
            try copy.reader().read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        }
        guard integrity == ["ok"] else {
            let found = integrity.prefix(3).joined(separator: "; ")
            throw StoreError.unavailable(Phrase(lv: "\(path) ir bojāta: \(found)", en: "\(path) is damaged: \(found)"))
        }
        let completed = try storeOperation(at: path) { try copy.reader().read { db in try sargsSchema(db, path: path) } }
        if !completed { try storeOperation(at: path) { try Schema.migrator.migrate(memory) } }
        _ = try copy.snapshot()
        // Each closed year's activities, as its report reads them (issue 27).
        try storeOperation(at: path) {
            try copy.reader().read { db in
                for year in try Int.fetchAll(db, sql: "SELECT year FROM closed_year") { _ = try ClosedYears.plan(year: year, db) }
            }
        }
        return copy
    }

    /// Replaces this store's content with the copy at `path`, checked first
    /// (integrity, schema, plan), through SQLite's online backup, so boards
    /// and commands that have the store open see the restored content. The
    /// store as it was is kept beside it first (`PATH.replaced-STAMP`), and
    /// the restore is journaled in the restored store.
    ///
    /// The backup is read into memory (a regular file, at most
    /// `restoreLimit` bytes) and never changed; the copy in memory is
    /// checked, brought up to this version, given its `restore` journal
    /// entry, and only then copied into the store in one transaction: a
    /// restore that is killed leaves the store as it was or restored and
    /// journaled, never between, and leaves no file behind.
    /// - Returns: where the replaced store was kept.
    public func restore(from path: String, author: String, now: Date) throws -> String {
        try restore(from: try backupCopy(path), named: path, author: author, now: now)
    }

    /// The backup at `path` read into memory and checked as `restore` needs
    /// it: not this store itself, a sound sargs store of this plan. Nothing
    /// is written anywhere.
    /// - Throws: `StoreError.invalid` naming what is wrong with the backup.
    public func backupCopy(_ path: String) throws -> Store {
        guard Store.realPath(path) != Store.realPath(self.path) else {
            throw StoreError.invalid(Phrase(lv: "glabātuvi nevar atjaunot no tās pašas", en: "a store cannot be restored from itself"))
        }
        var source = stat(), target = stat()
        if stat(path, &source) == 0, stat(self.path, &target) == 0, source.st_ino == target.st_ino, source.st_dev == target.st_dev {
            throw StoreError.invalid(Phrase(lv: "glabātuvi nevar atjaunot no tās pašas", en: "a store cannot be restored from itself"))
        }
        let bytes: [UInt8]
        do {
            bytes = try SafeFile.read(path, limit: Store.restoreLimit)
        } catch let refusal as FileRefusal {
            throw StoreError.invalid(Phrase(lv: "kopiju nevar nolasīt: \(refusal.phrase.lv)", en: "the backup cannot be read: \(refusal.phrase.en)"))
        }
        let copy: Store
        do {
            copy = try Store.checkedCopy(bytes, named: path)
        } catch let error as StoreError {
            // The copy is the bad input, not the store.
            if case .unavailable(let reason) = error {
                throw StoreError.invalid(Phrase(lv: "kopija nav derīga: \(reason.lv)",
                                                en: "the backup is not sound: \(reason.en)"))
            }
            throw error
        }
        let mine = try plan().id, theirs = try copy.plan().id
        guard mine == theirs else {
            throw StoreError.invalid(Phrase(lv: "kopija \(path) ir cita plāna (\(theirs)), ne šī (\(mine)); nekas netika mainīts",
                                            en: "the backup \(path) holds another plan (\(theirs)), not this one (\(mine)); nothing was changed"))
        }
        return copy
    }

    /// What this store's journal holds that `copy`'s does not: the changes a
    /// restore from it would take away (later records, notes, meetings, and
    /// who made them), oldest first.
    public func changesMissing(from copy: Store) throws -> [JournalEntry] {
        let theirs = Set(try copy.journal().map { JournalKey($0) })
        return try journal().filter { !theirs.contains(JournalKey($0)) }.sorted { $0.id < $1.id }
    }

    /// An entry as two journals would both hold it.
    private struct JournalKey: Hashable {
        var id: Int64, time: Date, author: String, action: String, subject: String
        init(_ e: JournalEntry) { (id, time, author, action, subject) = (e.id, e.time, e.author, e.action, e.subject) }
    }

    /// Replaces this store's content with `copy` (from `backupCopy`), named
    /// `path` in the journal, as `restore(from:author:now:)` says.
    public func restore(from copy: Store, named path: String, author: String, now: Date) throws -> String {
        try Interruption.whole {
            try Guard.author(author)
            // Kept beside the store itself (a --db that is a link keeps nothing in the link's folder).
            let kept = Store.keptPath(for: Store.realPath(self.path), at: now)
            try backup(to: kept)
            let lastBefore = try version()
            // The restore's own entry goes into the copy before it is copied in:
            // the store is never restored without it.
            _ = try copy.change { db in
                let entries = try Int.fetchOne(db, sql: "SELECT MAX(id) FROM journal") ?? 0
                // After every id the replaced store had, so a board that knew it sees a change.
                let next = max(lastBefore, Int64(entries)) + 1
                let from = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
                let restore = JournalChange.restore(from: from, kept: kept, entries: entries)
                var entry = JournalRecord(id: next, time: Timestamp.text(now), author: author, action: JournalAction.restore.rawValue,
                                          subject: restore.subject, before: nil, after: restore.after?.text, undoes: nil, login: Journal.login)
                try entry.insert(db)
            }
            try storeOperation(at: self.path) {
                try copy.reader().backup(to: try writer())
            }
            return kept
        }
    }

    /// The largest backup `restore` reads (1 GiB).
    public static let restoreLimit = 1 << 30

    // MARK: - Check

    /// One thing `check` found wrong, and the command that fixes it.
    public struct Finding: Hashable, Sendable {
        public var problem: Phrase
        public var fix: String?

        public init(_ problem: Phrase, fix: String? = nil) {
            self.problem = problem
            self.fix = fix
        }
    }

    /// Checks the store file at `path` without changing anything, through a
    /// plain read-only connection (not `open`, which would give the WAL
    /// files the store's mode before they are looked at): the modes and
    /// groups of the store, its WAL files and its folder, SQLite's integrity
    /// check, the schema version, every row the readers read, decoded as
    /// they decode it (`StoreCheck.rows`), and the record digests against
    /// the records.
    public static func check(at path: String) -> [Finding] {
        var findings = checkFiles(path)
        let quotedPath = StoreCheck.shellQuoted(path)
        let restore = "sargs restore BACKUP.sqlite --db \(quotedPath)"
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let queue: DatabaseQueue
        do {
            // Without WAL files there is nothing being written: read the file as
            // it is, immutable, so that looking makes no -wal or -shm. A WAL file
            // someone planted (a link, not a file) is never opened: the store
            // file is read alone, immutable, too.
            let real = realPath(path)
            let quiet = !entryExists(real + "-wal") && !entryExists(real + "-shm") || StoreCheck.anyPlanted(path)
            queue = try DatabaseQueue(path: quiet ? immutableURI(real) : path, configuration: configuration)
        } catch {
            if Store.diskIsFull(at: path) {
                // A whole store on a full disk needs room, not a restore.
                return findings + [Finding(StoreError.diskFull(path: path).phrase, fix: "df -h \(ShellWord.quoted(Store.folder(of: path)))")]
            }
            return findings + [Finding(Phrase(lv: "glabātuvi nevar atvērt: \(error)", en: "the store cannot be opened: \(error)"), fix: restore)]
        }
        do {
            let integrity = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(20)") }
            if integrity != ["ok"] {
                findings.append(Finding(Phrase(lv: "SQLite integritātes pārbaude: " + integrity.prefix(3).joined(separator: "; "),
                                               en: "SQLite's integrity check: " + integrity.prefix(3).joined(separator: "; ")),
                                        fix: restore))
                // Damaged pages: nothing more is read. A NULL or a CHECK constraint
                // broken: the rows are read, and each bad one named.
                guard StoreCheck.onlyValues(integrity) else { return findings }
            }
            let (applicationID, applied, completed, superseded) = try queue.read { db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Schema.migrator.appliedIdentifiers(db),
                 try Schema.migrator.hasCompletedMigrations(db), try Schema.migrator.hasBeenSuperseded(db))
            }
            guard applicationID == Schema.applicationID, applied.contains("v1-plan") else {
                return findings + [Finding(Phrase(lv: "\(path) nav sargs glabātuve", en: "\(path) is not a sargs store"))]
            }
            if superseded {
                findings.append(Finding(Phrase(lv: "glabātuvi rakstījusi jaunāka sargs versija", en: "a newer version of sargs wrote the store"),
                                        fix: "install that version of sargs"))
            } else if !completed {
                findings.append(Finding(Phrase(lv: "shēma ir vecāka: ir \(applied.sorted().joined(separator: ", "))",
                                               en: "the schema is older: it has \(applied.sorted().joined(separator: ", "))"),
                                        fix: "sargs board --db \(quotedPath)"))
                return findings
            }
            // A store a newer sargs wrote may hold values this one does not know: not read.
            if !superseded { findings += try queue.read { db in try StoreCheck.schemaObjects(db, fix: restore) } }
            let rows = superseded ? StoreCheck.Report() : try queue.read { db in StoreCheck.rows(db, fix: restore) }
            findings += rows.findings
            // The digests are compared with the records only when both can be read.
            guard rows.troubled.isDisjoint(with: ["record", "record_digest", "record_stale"]) else { return findings }
            let stale = try queue.read { db in try staleDigests(db) }
            if !stale.isEmpty {
                let list = stale.prefix(5).joined(separator: ", ")
                findings.append(Finding(Phrase(lv: "izpilžu kopsavilkumi neatbilst izpildēm: \(list)",
                                               en: "the record digests do not match the records: \(list)"),
                                        fix: "sargs check --repair --db \(quotedPath)"))
            }
        } catch {
            if Store.diskIsFull(at: path) {
                findings.append(Finding(StoreError.diskFull(path: path).phrase, fix: "df -h \(ShellWord.quoted(Store.folder(of: path)))"))
            } else {
                findings.append(Finding(Phrase(lv: "glabātuve ir bojāta: \(error)", en: "the store is damaged: \(error)"), fix: restore))
            }
        }
        return findings
    }

    /// Activities whose stored digest differs from their records (or whose
    /// records changed behind sargs' back and are marked stale).
    static func staleDigests(_ db: Database) throws -> [String] {
        var wrong = Set(try String.fetchAll(db, sql: "SELECT activity FROM record_stale"))
        let activities = try String.fetchAll(db, sql: "SELECT DISTINCT activity FROM record UNION SELECT activity FROM record_digest")
        for activity in activities where !wrong.contains(activity) {
            let expected = RecordIndex.packed(try RecordDigests.entriesFromRecords(db, of: activity))
            let stored = try Data.fetchOne(db, sql: "SELECT entries FROM record_digest WHERE activity = ?", arguments: [activity])
            if (stored.map { [UInt8]($0) } ?? []) != expected { wrong.insert(activity) }
        }
        return wrong.sorted()
    }

    /// Rebuilds every record digest from the records (`check --repair`).
    public func repairDigests() throws {
        _ = try change { db in try RecordDigests.rebuildAll(db) }
    }

    /// The files' side: others may not read the store; a store shared with a
    /// group has its WAL files in the same group and mode, in a folder the
    /// group may write, setgid so new files join the group. A WAL file that
    /// is a symbolic link, not a regular file, or a file with other names
    /// (someone may have planted it) is looked at with `lstat`, never
    /// followed, and its fix is to remove it.
    static func checkFiles(_ link: String) -> [Finding] {
        // The store's own file and folder: a --db that is a link to a group's
        // store is judged where the store lies, never the link's folder.
        let path = Store.realPath(link)
        var findings: [Finding] = []
        var store = stat()
        guard stat(path, &store) == 0 else { return [Finding(Phrase(lv: "nav faila \(path)", en: "there is no file \(path)"))] }
        let mode = store.st_mode & 0o777
        let q = StoreCheck.shellQuoted
        if mode & 0o007 != 0 {
            findings.append(Finding(Phrase(lv: "glabātuvi var lasīt ikviens servera lietotājs (režīms \(String(mode, radix: 8)))",
                                           en: "every user of the server may read the store (mode \(String(mode, radix: 8)))"),
                                    fix: "chmod o-rwx \(q(path)) \(q(path + "-wal")) \(q(path + "-shm"))"))
        }
        let shared = mode & 0o060 == 0o060
        let group = groupName(store.st_gid)
        // The store's folder, looked at once for every finding below.
        let folder = Store.folder(of: path)
        var folderInfo = stat()
        let folderKnown = stat(folder, &folderInfo) == 0
        // A setgid folder of another group says which group the store is meant for.
        let folderClaimsAnotherGroup = folderKnown && folderInfo.st_mode & 0o2000 != 0 && folderInfo.st_gid != store.st_gid
        let storeNotOpenToFolder = folderKnown && folderInfo.st_mode & 0o2000 != 0 && (folderInfo.st_gid != store.st_gid || !shared)
        // The WAL files are judged against the store as its own fixes leave it
        // (others' bits gone; the group a setgid folder names), so no fix
        // below undoes another, or hands the WAL files a mode being taken away.
        var intendedMode = mode & 0o770, intendedGroup = store.st_gid, intendedShared = shared
        if storeNotOpenToFolder { (intendedMode, intendedGroup, intendedShared) = (0o660, folderInfo.st_gid, true) }
        for file in StoreCheck.companions(path) {
            var info = stat()
            guard lstat(file, &info) == 0 else { continue }
            if let planted = StoreCheck.planted(file, info) {
                findings.append(Finding(planted, fix: "rm -- \(q(file))"))
                continue
            }
            if info.st_mode & 0o777 != intendedMode & 0o666 {
                findings.append(Finding(Phrase(lv: "\(file) režīms \(String(info.st_mode & 0o777, radix: 8)), glabātuvei \(String(intendedMode, radix: 8))",
                                               en: "\(file) has mode \(String(info.st_mode & 0o777, radix: 8)), the store \(String(intendedMode, radix: 8))"),
                                        fix: "chmod \(String(intendedMode & 0o666, radix: 8)) \(q(file))"))
            }
            if intendedShared, info.st_gid != intendedGroup {
                findings.append(Finding(Phrase(lv: "\(file) pieder grupai \(groupName(info.st_gid)), glabātuve — \(groupName(intendedGroup))",
                                               en: "\(file) belongs to the group \(groupName(info.st_gid)), the store to \(groupName(intendedGroup))"),
                                        fix: "chgrp \(groupName(intendedGroup)) \(q(file))"))
            }
        }
        if folderKnown, folderInfo.st_mode & 0o002 != 0 {
            findings.append(Finding(Phrase(lv: "mapē \(folder) ikviens var rakstīt (glabātuvi var aizvākt vai aizstāt)",
                                           en: "everyone may write in \(folder) (the store could be moved away or replaced)"),
                                    fix: "chmod o-w \(q(folder))"))
        }
        // The store joins the folder's group, and the folder is not also told to
        // join the store's (two fixes undoing each other).
        if storeNotOpenToFolder {
            findings.append(Finding(Phrase(lv: "mape \(folder) ir grupas \(groupName(folderInfo.st_gid)), bet glabātuve nav tai atvērta",
                                           en: "the folder \(folder) is the group \(groupName(folderInfo.st_gid))'s, but the store is not open to it"),
                                    fix: "chgrp \(groupName(folderInfo.st_gid)) \(q(path)) && chmod 660 \(q(path))"))
        }
        if shared, !folderClaimsAnotherGroup, folderKnown, folderInfo.st_gid != store.st_gid || folderInfo.st_mode & 0o2070 != 0o2070 {
            findings.append(Finding(Phrase(lv: "mapē \(folder) grupa \(group) nevar veidot failus (vajag setgid un 2770)",
                                           en: "the group \(group) cannot create files in \(folder) (it needs setgid and 2770)"),
                                    fix: "chgrp \(group) \(q(folder)) && chmod 2770 \(q(folder))"))
        }
        return findings
    }

    /// The name of group `gid`, or the number.
    static func groupName(_ gid: gid_t) -> String {
        guard let entry = getgrgid(gid) else { return String(gid) }
        return String(cString: entry.pointee.gr_name)
    }
}
