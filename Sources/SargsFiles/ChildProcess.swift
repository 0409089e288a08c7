import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Another program sargs runs (pandoc), bounded (issue 31): a document can
/// make it grow or spin, so it gets a wall-clock limit, a CPU limit, an
/// address-space limit (`ulimit -v` in the child, before it starts), a cap
/// on what it may print, and it dies with sargs: its process group is
/// killed on a timeout, on Ctrl-C, SIGTERM or SIGHUP (`Interruption`), and
/// by the kernel when sargs itself is killed (`setpriv --pdeathsig`).
public struct ChildProcess: Sendable {
    /// The bounds of one run.
    public struct Limits: Sendable {
        /// Wall-clock seconds before the process group is killed.
        public var seconds: Int
        /// Address space of the child in bytes (`ulimit -v`), nil for none.
        public var memory: Int?
        /// Bytes of standard output kept; past it the child is killed.
        public var output: Int

        public init(seconds: Int, memory: Int?, output: Int) {
            self.seconds = seconds
            self.memory = memory
            self.output = output
        }
    }

    /// How a run ended.
    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Killed after `Limits.seconds`.
        case timedOut
        /// Killed when its output passed `Limits.output`.
        case outputTooLarge
    }

    public struct Result: Sendable {
        public var ending: Ending
        public var output: [UInt8]
        public var errors: [UInt8]
        public var succeeded: Bool { ending == .exited(0) }
        /// The first line of standard error, made safe to show, at most 300 characters.
        public var firstErrorLine: String {
            let text = String(decoding: errors.prefix(4096), as: UTF8.self)
            let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let cleaned = String(line.unicodeScalars.map { $0.properties.generalCategory == .control ? "\u{FFFD}" : Character($0) })
            return cleaned.count > 300 ? String(cleaned.prefix(300)) + "…" : cleaned
        }
    }

    public var executable: String
    public var arguments: [String]
    public var limits: Limits
    /// Whether what the program left running in its process group is killed
    /// when it exits (pandoc: yes; a mail system delivering in the
    /// background: no). On a timeout or a signal the group goes either way.
    public var endsGroupOnExit = true

    public init(_ executable: String, _ arguments: [String], limits: Limits) {
        self.executable = executable
        self.arguments = arguments
        self.limits = limits
    }

    /// The command line that starts the child under its limits: a shell
    /// sets `ulimit -v` and `ulimit -t` and `exec`s the program, through
    /// `setpriv --pdeathsig KILL` where util-linux has it.
    var launch: (String, [String]) {
        var script = ""
        // Never above the hard limit this process already has (a shared server's limits.conf):
        // the child gets the smaller of the two, which `ulimit -v` can always set.
        if let memory = limits.memory {
            var current = rlimit()
            let hard = getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &current) == 0 && current.rlim_max != rlim_t.max
                ? Int(clamping: current.rlim_max) : Int.max
            script += "ulimit -v \(max(1, min(memory, hard) / 1024)) || exit 125; "
        }
        script += "ulimit -t \(max(1, limits.seconds)) 2>/dev/null; "
        // The child needs no folder of the caller's, and one this user may not enter (a colleague's
        // working folder, a 0700 checkout) must not stop it.
        script += "cd / || exit 125; exec \"$@\""
        var words = [executable] + arguments
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            words = ["/usr/bin/setpriv", "--pdeathsig", "KILL", "--"] + words
        }
        return ("/bin/sh", ["-c", script, "sh"] + words)
    }

    /// Runs the program with `input` on its standard input.
    ///
    /// Started with `posix_spawn` as the leader of a process group of its
    /// own, with only its three pipes (every other descriptor of sargs is
    /// closed on exec), and waited for with `waitpid`: its end is its own
    /// exit, whatever it left running in the background (a mail system
    /// delivering later holds nothing of sargs').
    /// - Throws: when it cannot be started at all.
    public func run(input: [UInt8]) throws -> Result {
        Interruption.install()
        // A child that stops reading must not end sargs: a write to its pipe is
        // then EPIPE. Only where nothing else took SIGPIPE (the commands
        // install a handler at start, which the child does not inherit).
        var current = sigaction()
        _ = sigaction(SIGPIPE, nil, &current)
        if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_DFL, to: Int.self) {
            _ = signal(SIGPIPE, SIG_IGN)
        }
        let (shell, words) = launch
        // Three pipes, every end closed on exec; the child's ends are duplicated onto 0, 1 and 2.
        var stdin: [Int32] = [-1, -1], stdout: [Int32] = [-1, -1], stderr: [Int32] = [-1, -1]
        func closedOnExec(_ fds: inout [Int32]) -> Bool {
            guard pipe(&fds) == 0 else { return false }
            return fds.allSatisfy { fcntl($0, F_SETFD, FD_CLOEXEC) == 0 }
        }
        guard closedOnExec(&stdin), closedOnExec(&stdout), closedOnExec(&stderr) else {
            let failure = errno
            for fd in stdin + stdout + stderr where fd >= 0 { close(fd) }
            throw ChildProcessError.cannotStart(errno: failure)
        }
        // Nothing else of sargs' reaches the child: a descriptor it inherited (the socket a parent's
        // Foundation watches its end by) would be held by whatever the child leaves running.
        Self.closeOnExecFromThree()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin[0], 0)
        posix_spawn_file_actions_adddup2(&actions, stdout[1], 1)
        posix_spawn_file_actions_adddup2(&actions, stderr[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group (Ctrl-C in the terminal does not reach it; sargs passes it on), the
        // default handling of every signal sargs ignores (SIGPIPE), no signal blocked.
        var defaults = sigset_t(), none = sigset_t()
        sigfillset(&defaults)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = ([shell] + words).map { strdup($0) } + [nil]
        defer { for word in argv { free(word) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, shell, &actions, &attributes, argv, environ)
        close(stdin[0])
        close(stdout[1])
        close(stderr[1])
        guard spawned == 0 else {
            close(stdin[1])
            close(stdout[0])
            close(stderr[0])
            throw ChildProcessError.cannotStart(errno: spawned)
        }
        let group = pid
        Interruption.childGroup.store(group, ordering: .releasing)
        defer { Interruption.childGroup.store(0, ordering: .releasing) }
        let stop: @Sendable () -> Void = { _ = kill(-group, SIGKILL) }

        let out = Sink(limit: limits.output), err = Sink(limit: 1 << 16)
        let readers = DispatchGroup()
        for (sink, fd) in [(out, stdout[0]), (err, stderr[0])] {
            DispatchQueue.global().async(group: readers) {
                if !sink.drain(fd) { stop() }
                close(fd)
            }
        }
        let writer = stdin[1]
        DispatchQueue.global().async(group: readers) {
            input.withUnsafeBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let n = write(writer, bytes.baseAddress! + offset, bytes.count - offset)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    offset += n
                }
            }
            close(writer)
        }
        // Its own exit, polled, until the wall-clock limit; then its group is killed and it is reaped.
        let deadline = DispatchTime.now() + .seconds(limits.seconds)
        var status: Int32 = 0
        var timedOut = false
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { break }
            if DispatchTime.now() >= deadline {
                timedOut = true
                stop()
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                break
            }
            usleep(5_000)
        }
        // A grandchild the program left behind may hold the pipes open: its
        // group goes too, or, when it may finish, is not waited for long.
        if endsGroupOnExit { _ = kill(-group, SIGKILL) }
        _ = readers.wait(timeout: .now() + 2)
        let ending: Ending
        if timedOut {
            ending = .timedOut
        } else if out.overflowed {
            ending = .outputTooLarge
        } else if status & 0x7f != 0 {
            ending = .signalled(status & 0x7f)
        } else {
            ending = .exited((status >> 8) & 0xff)
        }
        return Result(ending: ending, output: out.bytes, errors: err.bytes)
    }
}

extension ChildProcess {
    /// Marks every open descriptor from 3 up to close on exec (those listed in /proc/self/fd).
    static func closeOnExecFromThree() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for name in names {
            guard let fd = Int32(name), fd > 2 else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0, flags & FD_CLOEXEC == 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }
}

/// A program that could not be started at all.
public enum ChildProcessError: Error, CustomStringConvertible {
    case cannotStart(errno: Int32)

    public var description: String {
        switch self {
        case .cannotStart(let number): return String(cString: strerror(number))
        }
    }
}

/// What a child printed on one pipe, up to a limit.
private final class Sink: Sendable {
    private let collected = Mutex<[UInt8]>([])
    private let passed = Atomic<Bool>(false)
    let limit: Int

    init(limit: Int) { self.limit = limit }

    var bytes: [UInt8] { collected.withLock { $0 } }
    var overflowed: Bool { passed.load(ordering: .acquiring) }

    /// Reads `fd` to its end; false when the limit was passed (reading stops).
    func drain(_ fd: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return true }
            let over = collected.withLock { bytes -> Bool in
                bytes += buffer[..<n]
                return bytes.count > limit
            }
            if over {
                passed.store(true, ordering: .releasing)
                return false
            }
        }
    }
}
