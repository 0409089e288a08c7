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
        script += "exec \"$@\""
        var words = [executable] + arguments
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            words = ["/usr/bin/setpriv", "--pdeathsig", "KILL", "--"] + words
        }
        return ("/bin/sh", ["-c", script, "sh"] + words)
    }

    /// Runs the program with `input` on its standard input.
    /// - Throws: when it cannot be started at all.
    public func run(input: [UInt8]) throws -> Result {
        Interruption.install()
        // A child that stops reading must not end sargs: a write to its pipe is
        // then EPIPE. Only where nothing else took SIGPIPE (the commands
        // install a handler at start, which pandoc does not inherit).
        var current = sigaction()
        _ = sigaction(SIGPIPE, nil, &current)
        if unsafeBitCast(current.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_DFL, to: Int.self) {
            _ = signal(SIGPIPE, SIG_IGN)
        }
        let (shell, words) = launch
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = words
        // The child reads standard input and writes standard output; it needs no
        // folder of the caller's, and one this user may not enter (a colleague's
        // working folder, a 0700 checkout) would stop it from starting at all.
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        let pid = process.processIdentifier
        // Foundation starts the child as the leader of a process group of its
        // own, which the terminal's Ctrl-C does not reach: sargs passes it on.
        let group = getpgid(pid) == pid ? pid : 0
        Interruption.childGroup.store(group, ordering: .releasing)
        defer { Interruption.childGroup.store(0, ordering: .releasing) }
        let stop: @Sendable () -> Void = {
            if group > 0 { _ = kill(-group, SIGKILL) } else { _ = kill(pid, SIGKILL) }
        }

        let out = Sink(limit: limits.output), err = Sink(limit: 1 << 16)
        let readers = DispatchGroup()
        for (sink, pipe) in [(out, stdout), (err, stderr)] {
            let fd = pipe.fileHandleForReading.fileDescriptor
            DispatchQueue.global().async(group: readers) {
                if !sink.drain(fd) { stop() }
            }
        }
        let writer = stdin.fileHandleForWriting.fileDescriptor
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
            try? stdin.fileHandleForWriting.close()
        }
        var timedOut = false
        if finished.wait(timeout: .now() + .seconds(limits.seconds)) == .timedOut {
            timedOut = true
            stop()
            finished.wait()
        }
        // A grandchild the program left behind may hold the pipes open: its
        // group goes too, or, when it may finish, is not waited for long.
        if group > 0 && endsGroupOnExit { _ = kill(-group, SIGKILL) }
        _ = readers.wait(timeout: .now() + 2)
        let ending: Ending
        if timedOut {
            ending = .timedOut
        } else if out.overflowed {
            ending = .outputTooLarge
        } else if process.terminationReason == .uncaughtSignal {
            ending = .signalled(process.terminationStatus)
        } else {
            ending = .exited(process.terminationStatus)
        }
        return Result(ending: ending, output: out.bytes, errors: err.bytes)
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
