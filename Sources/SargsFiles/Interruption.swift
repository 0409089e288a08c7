import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What Ctrl-C, SIGTERM, SIGHUP and SIGQUIT do to a command while it puts
/// a file in place or runs another program (issue 31):
///
/// - inside `whole { … }` (a backup, a restore, a document put in place)
///   the signal waits until the work is done or undone, then ends the
///   program as it would have: no torn copy, no orphan file;
/// - while a child runs (`ChildProcess`), its whole process group is
///   killed first: pandoc never outlives sargs.
///
/// The handlers only read and write atomics and call async-signal-safe
/// functions (`kill`, `signal`, `raise`).
public enum Interruption {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
    private static let installed = Atomic<Bool>(false)
    /// How many `whole` sections are running.
    static let depth = Atomic<Int32>(0)
    /// A signal that came during a `whole` section, delivered after it.
    static let pending = Atomic<Int32>(0)
    /// The process group of the child being run, 0 when none.
    static let childGroup = Atomic<Int32>(0)

    /// Installs the handlers once. The board installs its own (it gives
    /// the terminal back); the commands call this.
    public static func install() {
        guard !installed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for number in signals {
            // A signal ignored from the start (nohup) stays ignored.
            var old = sigaction()
            _ = sigaction(number, nil, &old)
            #if canImport(Glibc)
            let ignored = unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
            #else
            let ignored = unsafeBitCast(old.__sigaction_u.__sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
            #endif
            if ignored { continue }
            sigaddset(&unblock, number)
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = interruptionHandler
            #else
            action.__sigaction_u.__sa_handler = interruptionHandler
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            _ = sigaction(number, &action, nil)
        }
        // A parent that blocked them (a test runner, a service manager) would
        // leave Ctrl-C and SIGTERM pending for ever: this thread takes them.
        _ = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// Runs `body` with termination signals held until it returns or
    /// throws; then a signal that came meanwhile ends the program.
    public static func whole<T>(_ body: () throws -> T) rethrows -> T {
        install()
        depth.add(1, ordering: .acquiringAndReleasing)
        defer {
            if depth.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
                let signal = pending.exchange(0, ordering: .acquiringAndReleasing)
                if signal != 0 { deliver(signal) }
            }
        }
        return try body()
    }

    /// Ends the program by `number` as its default action would.
    static func deliver(_ number: Int32) {
        let group = childGroup.load(ordering: .acquiring)
        if group > 0 { _ = kill(-group, SIGKILL) }
        _ = signal(number, SIG_DFL)
        _ = raise(number)
    }
}

private func interruptionHandler(_ number: Int32) {
    let group = Interruption.childGroup.load(ordering: .acquiring)
    if group > 0 { _ = kill(-group, SIGKILL) }
    if Interruption.depth.load(ordering: .acquiring) > 0 {
        Interruption.pending.store(number, ordering: .releasing)
        return
    }
    _ = signal(number, SIG_DFL)
    _ = raise(number)
}
