import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gives the screen back (`endwin`) on every way out of the process: a
/// normal `stop()`, `exit()` (atexit), termination signals (INT, TERM, HUP,
/// QUIT) and crashes (SEGV, ABRT, BUS, ILL, FPE, TRAP — a Swift runtime trap is
/// SIGILL or SIGTRAP). After restoring, a signal goes on to whatever handled
/// it before (the default action, or the Swift runtime's backtracer), so the
/// exit status and crash reports stay what they would have been.
///
/// The state is process-wide because signal handlers and atexit cannot reach
/// an instance; it is plain memory written only by the thread that drives the
/// terminal and read by handlers, as C programs use `volatile sig_atomic_t`.
enum ScreenRestore {
    /// ncurses owns the screen and `endwin()` has not been called since.
    nonisolated(unsafe) static var active = false
    nonisolated(unsafe) private static var installed = false
    /// The handlers in place before ours, by signal number.
    nonisolated(unsafe) private static var previous: UnsafeMutablePointer<sigaction>?

    static let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    static let crashSignals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP]
    private static let slots = 65

    /// Terminal modes the board turns on beyond ncurses' own.
    struct Modes: OptionSet {
        let rawValue: UInt8
        static let bracketedPaste = Modes(rawValue: 1)
        static let mouse = Modes(rawValue: 2)
    }

    /// The modes to turn on at start and resume, and off on every way out.
    nonisolated(unsafe) static var modes: Modes = []

    /// Asks the terminal for bracketed paste (the mouse is ncurses' `mousemask`).
    static func enableModes() {
        if modes.contains(.bracketedPaste) { writeRaw("\u{1B}[?2004h") }
    }

    /// `endwin()` if the screen is still ours; safe to call any number of
    /// times, and from a signal handler: bracketed paste and every mouse
    /// reporting mode are switched off with write(2) first.
    static func restore() {
        guard active else { return }
        active = false
        if modes.contains(.mouse) { writeRaw("\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l") }
        if modes.contains(.bracketedPaste) { writeRaw("\u{1B}[?2004l") }
        endwin()
    }

    /// Writes `text` (ASCII) to standard output at once, without buffers.
    private static func writeRaw(_ text: StaticString) {
        text.withUTF8Buffer { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }

    /// Installs the signal handlers and the atexit hook, once per process.
    static func install() {
        guard !installed else { return }
        installed = true
        // A parent may hand us a blocked signal mask (a thread pool's, say):
        // then resizes and Ctrl-C would never arrive. Unblock what we rely on.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for signalNumber in terminationSignals + [SIGWINCH, SIGCONT, SIGTSTP] { sigaddset(&wanted, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        let saved = UnsafeMutablePointer<sigaction>.allocate(capacity: slots)
        saved.initialize(repeating: sigaction(), count: slots)
        previous = saved
        for signalNumber in terminationSignals + crashSignals where signalNumber < slots {
            var action = handling(restoreAndPassOn, flags: 0)
            var old = sigaction()
            guard sigaction(signalNumber, &action, &old) == 0 else { continue }
            saved[Int(signalNumber)] = old
            if isIgnored(old) {
                // Ignored on purpose (nohup, a background job): keep it that way.
                _ = sigaction(signalNumber, &old, nil)
            }
        }
        // After Ctrl-Z and fg: ask again for bracketed paste (ncurses gives back only its own modes).
        var resume = handling(enableAfterContinue, flags: Int32(SA_RESTART))
        _ = sigaction(SIGCONT, &resume, nil)
        atexit(restoreAtExit)
    }

    /// A `sigaction` that runs `handler`, with no signal blocked besides its own.
    private static func handling(_ handler: @convention(c) (Int32) -> Void, flags: Int32) -> sigaction {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        return action
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        if action.sa_flags & Int32(SA_SIGINFO) != 0 {
            return false
        }
        #if canImport(Glibc)
        let handler = action.__sigaction_handler.sa_handler
        #else
        let handler = action.__sigaction_u.__sa_handler
        #endif
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == 1 // SIG_IGN
    }

    fileprivate static func passOn(_ signalNumber: Int32) {
        restore()
        if terminationSignals.contains(signalNumber) {
            // Ctrl-C, kill, a hang-up, Ctrl-\: the board ends as the signal's default says
            // (the Swift runtime would take SIGQUIT for a crash and wait at the terminal).
            _ = signal(signalNumber, SIG_DFL)
        } else if let previous, signalNumber >= 0, Int(signalNumber) < slots {
            _ = sigaction(signalNumber, previous + Int(signalNumber), nil)
        } else {
            _ = signal(signalNumber, SIG_DFL)
        }
        // Blocked while this handler runs; delivered to the previous handler on return.
        raise(signalNumber)
    }
}

private func restoreAndPassOn(_ signalNumber: Int32) {
    ScreenRestore.passOn(signalNumber)
}

private func restoreAtExit() {
    ScreenRestore.restore()
}

private func enableAfterContinue(_ signalNumber: Int32) {
    if ScreenRestore.active { ScreenRestore.enableModes() }
}
