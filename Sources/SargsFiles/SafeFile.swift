import Foundation
import SargsCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file sargs would not open, create, change or replace, and why, in
/// both languages (issue 31: on a shared server every name in the store's
/// folder is writable by every member of its group).
public struct FileRefusal: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A symbolic link where sargs expects a file of its own: never followed.
        case symbolicLink
        /// A folder, a FIFO, a device, a socket.
        case notRegular
        /// A folder, a FIFO, a device or a socket where sargs keeps a file of
        /// its own (beside the store): someone put it there.
        case foreign(folder: Bool)
        /// A regular file with more than one name (a hard link someone made).
        case manyLinks
        /// A file sargs would read as its own settings (a reference document)
        /// that belongs to another account than root or the one running.
        case ownedByOther
        /// The name is taken and the command may not replace it.
        case exists
        /// The file is larger than `limit` bytes.
        case tooLarge(limit: Int)
        /// A symbolic link on the way, in a folder others may change.
        case untrustedLink(folder: String)
        /// The system refused (`errno`).
        case system(Int32)
    }

    public var path: String
    public var kind: Kind

    public init(_ path: String, _ kind: Kind) {
        self.path = path
        self.kind = kind
    }

    /// Whether the disk (or the user's quota) is full.
    public var diskFull: Bool {
        if case .system(let code) = kind { return code == ENOSPC || code == EDQUOT }
        return false
    }

    /// One sentence naming the file, what it is and what to do.
    public var phrase: Phrase {
        let shown = SafeText.line(path)
        switch kind {
        case .symbolicLink:
            return Phrase(lv: "\(shown) ir simboliska saite, nevis fails; sargs saitēm neseko un to neatvēra (vai kāds to ielika?); pārbaudiet un izdzēsiet to: rm -- \(ShellWord.quoted(path))",
                          en: "\(shown) is a symbolic link, not a file; sargs does not follow links and did not open it (did someone plant it?); check it and remove it: rm -- \(ShellWord.quoted(path))")
        case .notRegular:
            return Phrase(lv: "\(shown) nav parasts fails (mape, FIFO vai ierīce); sargs to neatvēra",
                          en: "\(shown) is not a regular file (a folder, a FIFO or a device); sargs did not open it")
        case .foreign(let folder):
            let remove = (folder ? "rm -r -- " : "rm -- ") + ShellWord.quoted(path)
            return Phrase(lv: "\(shown) nav parasts fails (mape, FIFO vai ierīce), lai gan tur sargs glabā savu failu; sargs to neatvēra (vai kāds to ielika?); pārbaudiet un izdzēsiet to: \(remove)",
                          en: "\(shown) is not a regular file (a folder, a FIFO or a device) where sargs keeps a file of its own; sargs did not open it (did someone plant it?); check it and remove it: \(remove)")
        case .ownedByOther:
            return Phrase(lv: "\(shown) pieder citam kontam (ne root, ne jums); sargs to nelasa, jo tā saturs nonāktu jūsu dokumentā; lai to lietotu, tam jāpieder jums vai root",
                          en: "\(shown) belongs to another account (neither root nor you); sargs does not read it, as its content would go into your document; to use it, it must be yours or root's")
        case .manyLinks:
            return Phrase(lv: "\(shown) ir fails ar vairākiem nosaukumiem (cieta saite; vai kāds to ielika?); sargs to neatvēra; pārbaudiet un izdzēsiet to: rm -- \(ShellWord.quoted(path))",
                          en: "\(shown) is a file with more than one name (a hard link; did someone plant it?); sargs did not open it; check it and remove it: rm -- \(ShellWord.quoted(path))")
        case .exists:
            return Phrase(lv: "\(shown) jau ir; lai to aizstātu, pievienojiet --force",
                          en: "\(shown) is already there; add --force to replace it")
        case .untrustedLink(let folder):
            let real = ShellWord.quoted(SafeFile.realPath(path))
            return Phrase(lv: "\(shown) ir simboliska saite mapē \(SafeText.line(folder)), kurā var rakstīt arī citi; sargs tai neseko (vai kāds to ielika?); norādiet īsto ceļu: \(real)",
                          en: "\(shown) is a symbolic link in \(SafeText.line(folder)), a folder others may write too; sargs does not follow it (did someone plant it?); give the real path instead: \(real)")
        case .tooLarge(let limit):
            let size = ByteCount.text(limit)
            return Phrase(lv: "\(shown) ir lielāks par \(size.lv), ko sargs lasa; nekas netika nolasīts",
                          en: "\(shown) is larger than the \(size.en) sargs reads; nothing was read")
        case .system(let code):
            if code == ENOSPC || code == EDQUOT {
                return Phrase(lv: "\(shown) nevar ierakstīt: diskā nav vietas; nekas netika ierakstīts",
                              en: "cannot write \(shown): the disk is full; nothing was written")
            }
            let reason = SystemError.phrase(code)
            return Phrase(lv: "\(shown): \(reason.lv)", en: "\(shown): \(reason.en)")
        }
    }
}

/// What the system said (`errno`), in the run's language for the reasons
/// people meet; the C library's English words for the rest.
public enum SystemError {
    public static func phrase(_ code: Int32) -> Phrase {
        switch code {
        case EACCES, EPERM: return Phrase(lv: "nav atļaujas", en: "permission denied")
        case ENOENT: return Phrase(lv: "nav tāda faila vai mapes", en: "no such file or folder")
        case ENOTDIR: return Phrase(lv: "ceļā ir kaut kas, kas nav mape", en: "a part of the path is not a folder")
        case EISDIR: return Phrase(lv: "tā ir mape", en: "it is a folder")
        case EROFS: return Phrase(lv: "failu sistēma ir tikai lasāma", en: "the file system is read-only")
        case ENOSPC, EDQUOT: return Phrase(lv: "diskā nav vietas", en: "the disk is full")
        case EMFILE, ENFILE: return Phrase(lv: "atvērts pārāk daudz failu (ulimit -n)", en: "too many open files (ulimit -n)")
        case ENAMETOOLONG: return Phrase(lv: "nosaukums ir pārāk garš", en: "the name is too long")
        case EIO: return Phrase(lv: "diska ievades vai izvades kļūda", en: "a disk input/output error")
        case ETXTBSY, EBUSY: return Phrase(lv: "fails ir aizņemts", en: "the file is busy")
        default:
            let words = String(cString: strerror(code))
            return Phrase(lv: words, en: words)
        }
    }
}

/// A size in bytes as people read it: "20 MB", "512 KB".
enum ByteCount {
    static func text(_ bytes: Int) -> Phrase {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return Phrase(lv: "\(bytes >> 20) MB", en: "\(bytes >> 20) MB") }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return Phrase(lv: "\(bytes >> 10) KB", en: "\(bytes >> 10) KB") }
        return Phrase(lv: "\(bytes) B", en: "\(bytes) B")
    }
}

/// A word for a POSIX shell, always in single quotes (a single quote inside
/// written `'\''`), so a command printed for a person to paste names exactly
/// that file (spaces, quotes, a leading dash, `$`).
public enum ShellWord {
    public static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A path as a word no command reads as an option: quoted, and a
    /// relative one that begins with a dash written `./-…`.
    public static func path(_ path: String) -> String {
        quoted(path.hasPrefix("-") ? "./" + path : path)
    }
}

/// Who may read a file sargs writes for people (minutes, reports,
/// documents): its permission bits and, for a store shared with a group,
/// that group (never the writer's own primary group, whose other members
/// are not the store's).
public struct FileAccess: Sendable, Equatable, ExpressibleByIntegerLiteral {
    public var mode: mode_t
    public var group: gid_t?

    public init(mode: mode_t, group: gid_t? = nil) {
        self.mode = mode
        self.group = group
    }

    public init(integerLiteral value: UInt32) {
        self.init(mode: mode_t(value))
    }

    /// A file meant for everyone to read (the page for everyone, issue 30):
    /// 0644 less the process's umask, as any program gives a file it writes;
    /// never writable by the group or others, whatever the umask.
    public static var forEveryone: FileAccess {
        let mask = umask(0o022)
        umask(mask)
        return FileAccess(mode: 0o644 & ~mask)
    }

    /// As the store at `storePath` is read: 0600, or for a store open to its
    /// group the store's group bits (0640 or 0660) and its group, when this
    /// process may give a file to that group (root or a member); else 0600.
    public static func beside(store storePath: String) -> FileAccess {
        var info = stat()
        guard stat(storePath, &info) == 0, info.st_mode & 0o060 != 0 else { return FileAccess(mode: 0o600) }
        guard geteuid() == 0 || isMember(of: info.st_gid) else { return FileAccess(mode: 0o600) }
        return FileAccess(mode: mode_t(info.st_mode) & 0o660 | 0o600, group: info.st_gid)
    }

    /// Whether this process is in group `gid` (its own or a supplementary one).
    static func isMember(of gid: gid_t) -> Bool {
        if getegid() == gid { return true }
        let count = getgroups(0, nil)
        guard count > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let n = getgroups(count, &groups)
        return groups.prefix(max(0, Int(n))).contains(gid)
    }
}

/// Every way sargs creates, opens, changes the mode of, or replaces a file
/// in a folder others may write (SPEC §9, issue 31). Names are never
/// trusted: a symbolic link is never followed where sargs expects its own
/// file (`O_NOFOLLOW`), a new file is never one that was there (`O_EXCL`),
/// modes and groups are changed on the open descriptor (`fchmod`,
/// `fchown`), never through a name, and a file put in place is written
/// whole under a fresh `mkstemp` name first and then linked or renamed
/// there, so a link at the name is replaced, never its target.
public enum SafeFile {
    /// What is at a name, without following a link there (`lstat`).
    public enum Entry: Sendable, Equatable {
        case missing
        case regular(mode: mode_t, owner: uid_t, group: gid_t)
        case symbolicLink
        case notRegular
        case manyLinks
    }

    /// What is at `path`, the last name not followed.
    public static func entry(_ path: String) -> Entry {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return .symbolicLink
        case S_IFREG: return info.st_nlink > 1 ? .manyLinks : .regular(mode: info.st_mode & 0o7777, owner: info.st_uid, group: info.st_gid)
        default: return .notRegular
        }
    }

    /// The refusal for what is at `path` where sargs keeps a file of its own
    /// (beside the store), nil for a regular file with one name or nothing.
    public static func problem(at path: String) -> FileRefusal? {
        switch entry(path) {
        case .missing, .regular: return nil
        case .symbolicLink: return FileRefusal(path, .symbolicLink)
        case .notRegular:
            var info = stat()
            return FileRefusal(path, .foreign(folder: lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR))
        case .manyLinks: return FileRefusal(path, .manyLinks)
        }
    }

    /// Opens an existing regular file. Without `followLinks` a symbolic
    /// link at the last name is refused (`O_NOFOLLOW`); with `singleLink` a
    /// file with more than one name is refused. A FIFO or a device is
    /// refused without waiting on it (opened `O_NONBLOCK`, then looked at
    /// with `fstat`). The caller closes the descriptor.
    /// - Throws: `FileRefusal`.
    public static func open(_ path: String, writing: Bool = false, followLinks: Bool = false,
                            singleLink: Bool = true) throws -> Int32 {
        var flags = (writing ? O_RDWR : O_RDONLY) | O_NONBLOCK | O_CLOEXEC | O_NOCTTY
        if !followLinks { flags |= O_NOFOLLOW }
        let fd = retrying { systemOpen(path, flags, 0) }
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP, !followLinks { throw FileRefusal(path, .symbolicLink) }
            throw FileRefusal(path, .system(code))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            _ = close(fd)
            throw FileRefusal(path, .system(code))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            _ = close(fd)
            throw FileRefusal(path, .notRegular)
        }
        if singleLink, info.st_nlink > 1 {
            _ = close(fd)
            throw FileRefusal(path, .manyLinks)
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// Gives the file at `path` the permission bits `mode` and, when given,
    /// the group `group`, on the very file looked at: a symbolic link, a
    /// file that is not regular or has another name is left alone and named
    /// in the refusal; a file of another owner is left alone (nil) unless
    /// the process runs as root. Nothing at `path` is not a refusal.
    ///
    /// The file is opened `O_PATH | O_NOFOLLOW`, not for reading: closing a
    /// descriptor that was opened for reading or writing would drop every
    /// POSIX lock this process holds on the file, and SQLite holds its locks
    /// on `-shm` that way (another process would then think it alone and
    /// truncate the file under this one). The group is changed with
    /// `fchownat(AT_EMPTY_PATH)`, the mode through `/proc/self/fd/N`, both
    /// on that descriptor.
    @discardableResult
    public static func setMode(_ path: String, mode: mode_t, group: gid_t? = nil) -> FileRefusal? {
        let fd = retrying { systemOpen(path, openPath | O_NOFOLLOW | O_CLOEXEC, 0) }
        guard fd >= 0 else { return nil }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return FileRefusal(path, .symbolicLink)
        case S_IFREG: if info.st_nlink > 1 { return FileRefusal(path, .manyLinks) }
        default: return FileRefusal(path, .notRegular)
        }
        guard info.st_uid == geteuid() || geteuid() == 0 else { return nil }
        if let group, info.st_gid != group { _ = fchownat(fd, "", UInt32.max, group, atEmptyPath) }
        if info.st_mode & 0o7777 != mode { _ = fchmodat(AT_FDCWD, "/proc/self/fd/\(fd)", mode, 0) }
        return nil
    }

    /// Creates a new, empty file at `path` with exactly `mode` (whatever the
    /// umask) and, when given, the group `group`. Never opens a file or a
    /// link that is there (`O_CREAT | O_EXCL | O_NOFOLLOW`). The caller
    /// closes the descriptor.
    /// - Throws: `FileRefusal` (`.exists` when the name is taken).
    public static func create(_ path: String, mode: mode_t, group: gid_t? = nil) throws -> Int32 {
        let fd = retrying { systemOpen(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0o600) }
        guard fd >= 0 else {
            let code = errno
            throw FileRefusal(path, code == EEXIST ? .exists : .system(code))
        }
        if let group, fchown(fd, UInt32.max, group) != 0 {
            let code = errno
            _ = close(fd)
            _ = unlink(path)
            throw FileRefusal(path, .system(code))
        }
        _ = fchmod(fd, mode)
        return fd
    }

    /// Writes every byte of `bytes` to `fd`.
    /// - Throws: `FileRefusal` naming `path` (`.system(ENOSPC)` on a full disk).
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw FileRefusal(path, .system(n == 0 ? EIO : errno)) }
            offset += n
        }
    }

    /// Puts `bytes` at `path` whole or not at all: written under a fresh
    /// `mkstemp` name beside it (`.NAME.sargs-XXXXXX`), flushed to disk,
    /// given `mode` and `group` on its descriptor, and then linked to
    /// `path` (refused when the name is taken) or, with `replacing`, renamed
    /// over it (a link at `path` is replaced itself, never its target). A
    /// failure (a full disk, a killed program) leaves nothing at `path`: no
    /// empty and no half-written file.
    /// - Throws: `FileRefusal` (`.exists` without `replacing`; `.notRegular`
    ///   for a folder in the way).
    public static func put(_ bytes: [UInt8], at path: String, access: FileAccess, replacing: Bool) throws {
        try put(bytes, at: path, mode: access.mode, group: access.group, replacing: replacing)
    }

    public static func put(_ bytes: [UInt8], at path: String, mode: mode_t, group: gid_t? = nil,
                           replacing: Bool) throws {
        try put(at: path, mode: mode, group: group, replacing: replacing) { fd, temporary in
            try bytes.withUnsafeBytes { try writeAll(fd, $0, path: temporary) }
        }
    }

    private static func put(at path: String, mode: mode_t, group: gid_t?, replacing: Bool,
                            _ fill: (Int32, String) throws -> Void) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        // The folder is opened once, its path checked for links others could
        // have planted, and every step after works on that descriptor.
        let directory = try openFolder(folder.isEmpty ? "." : folder)
        defer { _ = close(directory) }
        removeAbandoned(in: folder, name: name)
        // An unnamed file in the folder (Linux's O_TMPFILE) has no name to
        // leave behind if sargs is killed while writing it; where the file
        // system has none, a fresh random name made with O_EXCL.
        var fd: Int32 = -1
        var named: String?
        if access("/proc/self/fd", X_OK) == 0 {
            fd = retrying { openat(directory, ".", openTemporaryFile | O_WRONLY | O_CLOEXEC, 0o600) }
        }
        if fd < 0 {
            (fd, named) = try freshName(in: directory, for: name, path: path) { candidate in
                openat(directory, candidate, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            }
        }
        defer {
            _ = close(fd)
            if let named { _ = unlinkat(directory, named, 0) }
        }
        do {
            try fill(fd, path)
            if let group, fchown(fd, UInt32.max, group) != 0 { throw FileRefusal(path, .system(errno)) }
            guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { throw FileRefusal(path, .system(errno)) }
        }
        let unnamed = "/proc/self/fd/\(fd)"
        if replacing {
            // renameat(2) replaces the name, a link there included, never its target.
            if named == nil {
                // The unnamed file gets a fresh name for the moment of the rename.
                (_, named) = try freshName(in: directory, for: name, path: path) { candidate in
                    linkat(AT_FDCWD, unnamed, directory, candidate, AT_SYMLINK_FOLLOW) == 0 ? 0 : -1
                }
            }
            guard let source = named, renameat(directory, source, directory, name) == 0 else {
                let code = errno
                throw FileRefusal(path, code == EISDIR ? .notRegular : .system(code))
            }
            named = nil
        } else {
            // link(2) never follows a link at `path` and refuses a name that is taken.
            let linked = named.map { linkat(directory, $0, directory, name, 0) }
                ?? linkat(AT_FDCWD, unnamed, directory, name, AT_SYMLINK_FOLLOW)
            guard linked == 0 else {
                let code = errno
                throw FileRefusal(path, code == EEXIST ? .exists : .system(code))
            }
        }
        _ = fsync(directory)
    }

    /// A fresh `.NAME.sargs-PID-RANDOM` in `directory`: `make` is tried with
    /// new names while it fails because the name is taken.
    private static func freshName(in directory: Int32, for name: String, path: String,
                                  _ make: (String) -> Int32) throws -> (Int32, String) {
        for _ in 0..<100 {
            let candidate = "." + name + ".sargs-\(getpid())-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            let result = make(candidate)
            if result >= 0 { return (result, candidate) }
            guard errno == EEXIST else { throw FileRefusal(path, .system(errno)) }
        }
        throw FileRefusal(path, .system(EEXIST))
    }

    /// Opens the folder `path` (`O_DIRECTORY`), refusing one reached through
    /// a symbolic link that someone else could have put there
    /// (`untrustedLink`), checked again after the opening so that a link
    /// swapped in between is seen.
    /// - Throws: `FileRefusal`.
    public static func openFolder(_ path: String) throws -> Int32 {
        if let refusal = untrustedLink(in: path) { throw refusal }
        let fd = retrying { systemOpen(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0) }
        guard fd >= 0 else { throw FileRefusal(path, errno == ENOTDIR ? .notRegular : .system(errno)) }
        var opened = stat(), named = stat()
        if let refusal = untrustedLink(in: path) {
            _ = close(fd)
            throw refusal
        }
        guard fstat(fd, &opened) == 0, stat(path, &named) == 0, opened.st_dev == named.st_dev, opened.st_ino == named.st_ino else {
            _ = close(fd)
            throw FileRefusal(path, .untrustedLink(folder: path))
        }
        return fd
    }

    /// The first symbolic link on the way to `path` (any component, the
    /// last included, and the links their targets pass through) that sits
    /// in a folder someone other than this user (and root) may change: a
    /// folder its group or others may write, unless it is sticky and the
    /// link is this user's or root's, or a folder another user owns. Such a
    /// link could have been planted to send sargs elsewhere (issue 31); nil
    /// when there is none.
    public static func untrustedLink(in path: String) -> FileRefusal? {
        var budget = 40
        return untrustedLink(in: path, budget: &budget)
    }

    private static func untrustedLink(in path: String, budget: inout Int) -> FileRefusal? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var walked = ""
        for component in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            let parent = walked.isEmpty ? "/" : walked
            let current = walked + "/" + component
            var info = stat()
            guard lstat(current, &info) == 0 else { return nil }  // not there (yet): nothing to follow
            if info.st_mode & S_IFMT == S_IFLNK {
                budget -= 1
                guard budget > 0 else { return FileRefusal(current, .system(ELOOP)) }
                var folder = stat()
                guard stat(parent, &folder) == 0 else { return nil }
                let me = geteuid()
                let othersWrite = folder.st_mode & 0o022 != 0
                let stickyAndMine = folder.st_mode & 0o1000 != 0 && (info.st_uid == me || info.st_uid == 0)
                let foreignOwner = folder.st_uid != me && folder.st_uid != 0
                if (othersWrite && !stickyAndMine) || foreignOwner {
                    return FileRefusal(current, .untrustedLink(folder: parent))
                }
                var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlink(current, &buffer, buffer.count - 1)
                guard n > 0 else { return nil }
                let target = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                let resolved = target.hasPrefix("/") ? target : parent + (parent == "/" ? "" : "/") + target
                if let refusal = untrustedLink(in: resolved, budget: &budget) { return refusal }
                walked = realPath(resolved)
            } else {
                walked = current
            }
        }
        return nil
    }

    /// `path` with its links resolved (itself when it cannot be).
    public static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Removes what a `put` killed midway left in `folder`: this user's
    /// `.NAME.sargs-PID-XXXXXX` files whose process is gone (a SIGKILL
    /// cannot be caught; the next put into the folder tidies up).
    static func removeAbandoned(in folder: String, name: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        for entry in names where entry.hasPrefix(".") {
            guard let marker = entry.range(of: ".sargs-", options: .backwards) else { continue }
            let digits = entry[marker.upperBound...].prefix { $0.isNumber }
            guard let pid = Int32(digits), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            let file = (folder.isEmpty ? "" : folder + "/") + entry
            guard case .regular(_, let owner, _) = self.entry(file), owner == geteuid() else { continue }
            _ = unlink(file)
        }
    }

    /// Reads the regular file at `path` (following links: the caller names
    /// it), at most `limit` bytes. A FIFO or a device is refused without
    /// waiting on it.
    /// - Throws: `FileRefusal` (`.tooLarge` past the limit).
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = try open(path, followLinks: true, singleLink: false)
        defer { _ = close(fd) }
        return try readAll(fd, path: path, limit: limit)
    }

    /// The rest of open file `fd` (named `path` in a refusal), at most `limit` bytes.
    private static func readAll(_ fd: Int32, path: String, limit: Int) throws -> [UInt8] {
        var info = stat()
        if fstat(fd, &info) == 0, Int(info.st_size) > limit { throw FileRefusal(path, .tooLarge(limit: limit)) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw FileRefusal(path, .system(errno)) }
            if n == 0 { return bytes }
            bytes += buffer[..<n]
            if bytes.count > limit { throw FileRefusal(path, .tooLarge(limit: limit)) }
        }
    }

    /// Reads a file sargs takes settings from (a municipality's reference
    /// document) in a folder other members may write: the name itself must
    /// be a regular file with one name (no link followed), owned by root or
    /// by this account, and no link on the way may sit in a folder someone
    /// else may change; at most `limit` bytes.
    /// - Throws: `FileRefusal` (`.symbolicLink`, `.notRegular`, `.manyLinks`,
    ///   `.ownedByOther`, `.untrustedLink`, `.tooLarge`).
    public static func readTrusted(_ path: String, limit: Int) throws -> [UInt8] {
        if let refusal = untrustedLink(in: (path as NSString).deletingLastPathComponent) { throw refusal }
        let fd = try open(path, followLinks: false, singleLink: true)
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileRefusal(path, .system(errno)) }
        guard info.st_uid == 0 || info.st_uid == geteuid() else { throw FileRefusal(path, .ownedByOther) }
        return try readAll(fd, path: path, limit: limit)
    }

    /// Makes a folder at `path` with `mode` and, when given, `group`, the
    /// mode and group set on the folder opened without following a link.
    /// - Throws: `FileRefusal`.
    public static func makeFolder(_ path: String, mode: mode_t, group: gid_t?) throws {
        guard mkdir(path, 0o700) == 0 else { throw FileRefusal(path, .system(errno)) }
        let fd = systemOpen(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0)
        guard fd >= 0 else { throw FileRefusal(path, errno == ELOOP ? .symbolicLink : .system(errno)) }
        defer { _ = close(fd) }
        if let group, fchown(fd, UInt32.max, group) != 0 { throw FileRefusal(path, .system(errno)) }
        _ = fchmod(fd, mode)
    }

    private static func retrying(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result < 0 && errno == EINTR { continue }
            return result
        }
    }
}

/// Linux's `O_PATH` and `AT_EMPTY_PATH` (<fcntl.h>, behind _GNU_SOURCE,
/// which the Glibc module does not define).
private let openPath: Int32 = 0o10000000
/// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`): an unnamed file in a folder.
private let openTemporaryFile: Int32 = 0o20000000 | O_DIRECTORY
private let atEmptyPath: Int32 = 0x1000

private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
    return Glibc.open(path, flags, mode)
    #else
    return Darwin.open(path, flags, mode)
    #endif
}
