import SargsCore
#if canImport(Glibc)
import Glibc
#endif

/// What sargs needs of the limits the shell starts it under (`ulimit -n`,
/// `ulimit -v`, `ulimit -f`), settled before any command runs: a soft limit
/// below what sargs needs is raised (never past the hard one), and a hard
/// limit below it ends the run with one line that names the limit, exit 71,
/// instead of what the libraries do when they run short: libdispatch and
/// CoreFoundation halt (SIGILL) when they cannot make their epoll, eventfd
/// or wake-up sockets; libdispatch sleeps for ever when it cannot start a
/// thread; Foundation's `Process` refuses to start a program ("Bad file
/// descriptor") while descriptor 251 is past the limit.
///
/// The minimums were measured on the release build (static Swift runtime)
/// with only standard input, output and error open, on the Madona store
/// and the 10k/500k benchmark store (see the numbers beside each).
enum ResourceLimits {
    /// A program a command line has sargs start.
    enum Program: String {
        case pandoc, sendmail
    }

    /// The soft `ulimit -n` sargs asks for when it is lower (hard limit allowing).
    static let openFilesWanted = 256
    /// Descriptors sargs opens itself, with room to spare: `note`, `undo`
    /// and `backup` peaked at 6 beyond the standard three (the store, its
    /// -wal and -shm, a backup, libdispatch's epoll and eventfd).
    static let ownOpenFiles = 29
    /// Foundation's `Process` (pandoc, sendmail) lists descriptors up to 251
    /// to close in the child, and fails (EBADF) under a soft limit of 251 or
    /// less: measured, a limit of 251 fails and 252 starts pandoc.
    static let openFilesForPrograms = 256

    /// The least address space (`ulimit -v`) every command runs in. Measured
    /// in KB as `ulimit -v` counts: the static binary does not load at 72000;
    /// every command ran from 84000 (at 80000 the store's queue hung,
    /// libdispatch unable to start a thread); the board on the 10k/500k
    /// store failed to allocate at 120000 and ran from 140000 on. 256 MB
    /// leaves a margin, for more threads on a machine with more cores too.
    static let addressSpace = 256 << 20
    /// pandoc runs under `ulimit -v` of 2 GB (`Document.swift`), which a
    /// lower hard limit refuses; on its own it starts reliably from 1.1 GB
    /// (below that it fails or not by the size, its runtime's reservations).
    static let addressSpaceForPandoc = 2 << 30

    /// Settles the limits and signals for the command line `arguments` (the
    /// global options already after the command); ends the run with exit 71
    /// when a hard limit is below what the command needs.
    static func prepare(_ arguments: [String], language: Language) {
        catchSignals()
        let program = program(arguments)
        if let refusal = openFiles(for: program) ?? addressSpace(for: program) {
            CommandLineRunner.fail(refusal.text(language), code: Failure.Code.osError.rawValue)
        }
        raiseFileSize()
    }

    /// The program `arguments` will have sargs start: pandoc for a DOCX,
    /// ODT or PDF (`--format docx|odt|pdf`, `plan draft FILE.docx|.odt`,
    /// `meeting send`, which attaches the minutes' PDF), sendmail for
    /// `remind`.
    static func program(_ arguments: [String]) -> Program? {
        let words = arguments.prefix { !$0.hasPrefix("-") }
        if words.first == "remind" { return .sendmail }
        if words.starts(with: ["meeting", "send"]) { return .pandoc }
        for (i, argument) in arguments.enumerated() {
            let format = argument == "--format" ? arguments.dropFirst(i + 1).first
                : argument.hasPrefix("--format=") ? String(argument.dropFirst("--format=".count)) : nil
            if let format, ["docx", "odt", "pdf"].contains(format.lowercased()) { return .pandoc }
        }
        if words.starts(with: ["plan", "draft"]),
           arguments.dropFirst(2).contains(where: { [".docx", ".odt"].contains(where: $0.lowercased().hasSuffix) }) {
            return .pandoc
        }
        return nil
    }

    // MARK: Open files

    static func openFiles(for program: Program?) -> Phrase? {
        var limit = rlimit()
        guard getrlimit(resource(RLIMIT_NOFILE), &limit) == 0 else { return nil }
        let hard = Int(clamping: limit.rlim_max)
        // Descriptors handed down by the shell count against the limit too.
        let need = ownOpenFiles + (hard < 1024 ? openDescriptors(below: hard) : 3)
        let needed = program == nil ? need : max(need, openFilesForPrograms)
        if limit.rlim_cur < rlim_t(max(openFilesWanted, needed)) {
            limit.rlim_cur = min(rlim_t(max(openFilesWanted, needed)), limit.rlim_max)
            _ = setrlimit(resource(RLIMIT_NOFILE), &limit)
        }
        _ = getrlimit(resource(RLIMIT_NOFILE), &limit)
        let allowed = Int(clamping: limit.rlim_cur)
        guard allowed < needed else { return nil }
        let raise = max(openFilesWanted, needed)
        if let program {
            return Phrase(lv: "lai palaistu \(program.rawValue), sargs vajag atvērto failu robežu (ulimit -n) vismaz \(needed), bet šī čaula atļauj \(allowed); palieliniet robežu: ulimit -n \(raise)",
                          en: "sargs needs at least \(needed) open files to run \(program.rawValue) and this shell allows \(allowed) (ulimit -n); raise it with: ulimit -n \(raise)")
        }
        return Phrase(lv: "sargs vajag atvērto failu robežu (ulimit -n) vismaz \(needed), bet šī čaula atļauj \(allowed); palieliniet robežu: ulimit -n \(raise)",
                      en: "sargs needs at least \(needed) open files and this shell allows \(allowed) (ulimit -n); raise it with: ulimit -n \(raise)")
    }

    /// How many descriptors below `limit` are open now (fcntl only: no
    /// descriptor is needed to count them).
    static func openDescriptors(below limit: Int) -> Int {
        var count = 0
        for fd in 0..<Int32(clamping: limit) where fcntl(fd, F_GETFD) != -1 { count += 1 }
        return count
    }

    // MARK: Address space

    static func addressSpace(for program: Program?) -> Phrase? {
        var limit = rlimit()
        guard getrlimit(resource(RLIMIT_AS), &limit) == 0 else { return nil }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(resource(RLIMIT_AS), &limit)
            _ = getrlimit(resource(RLIMIT_AS), &limit)
        }
        let needed = program == .pandoc ? addressSpaceForPandoc : addressSpace
        guard limit.rlim_cur < rlim_t(needed) else { return nil }
        let allowed = Int(limit.rlim_cur)
        let (need, have, kilobytes) = ("\(needed >> 20) MB", "\(allowed >> 20) MB", needed >> 10)
        if let program {
            return Phrase(lv: "lai palaistu \(program.rawValue), sargs vajag vismaz \(need) adrešu telpas, bet šī čaula atļauj \(have) (ulimit -v \(allowed >> 10)); palieliniet robežu: ulimit -v \(kilobytes)",
                          en: "sargs needs at least \(need) of address space to run \(program.rawValue) and this shell allows \(have) (ulimit -v \(allowed >> 10)); raise it with: ulimit -v \(kilobytes)")
        }
        return Phrase(lv: "sargs vajag vismaz \(need) adrešu telpas, bet šī čaula atļauj \(have) (ulimit -v \(allowed >> 10)); palieliniet robežu: ulimit -v \(kilobytes)",
                      en: "sargs needs at least \(need) of address space and this shell allows \(have) (ulimit -v \(allowed >> 10)); raise it with: ulimit -v \(kilobytes)")
    }

    // MARK: File size

    /// A soft `ulimit -f` below the hard one is raised to it; what the hard
    /// one still refuses is a write that fails (EFBIG, exit 74), not SIGXFSZ.
    static func raiseFileSize() {
        var limit = rlimit()
        guard getrlimit(resource(RLIMIT_FSIZE), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(resource(RLIMIT_FSIZE), &limit)
    }

    // MARK: Signals

    /// SIGPIPE and SIGXFSZ no longer end sargs silently: the write that
    /// raised them fails instead (EPIPE, EFBIG), and its caller says so
    /// (`Output.write`: exit 74). A handler rather than SIG_IGN, so that the
    /// programs sargs starts begin with the default actions. Where nothing
    /// can be said any more it ends quietly with exit 74: standard error is
    /// a pipe nobody reads (a message there would be one more SIGPIPE, and
    /// Foundation's FileHandle.write traps on its EPIPE), or standard output
    /// is one whose reader left (`sargs log | head`: the reader has what it
    /// wanted, and a message would be noise).
    static func catchSignals() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            guard signal == SIGPIPE else { return }
            for fd: Int32 in [2, 1] {
                var poll = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                if Glibc.poll(&poll, 1, 0) == 1 && poll.revents & Int16(POLLERR) != 0 { _exit(74) }  // Failure.Code.io
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        _ = sigaction(SIGPIPE, &action, nil)
        _ = sigaction(SIGXFSZ, &action, nil)
    }

    static func resource(_ resource: __rlimit_resource) -> __rlimit_resource_t {
        __rlimit_resource_t(resource.rawValue)
    }
}
