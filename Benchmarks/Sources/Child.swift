import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a child's standard stream goes.
enum Stream {
    case null
    case file(String)
    /// A descriptor of ours, duplicated onto the child's.
    case descriptor(Int32)
    /// A terminal device opened by path in the child (a pty slave).
    case terminal(String)
}

/// A program started with `posix_spawn`, timed from just before the spawn.
struct Child {
    let pid: pid_t
    /// `nanoseconds()` just before the spawn.
    let started: UInt64

    /// Starts `arguments[0]` (a path) with exactly `environment`. With `newSession`
    /// the child leads a new session, so a terminal it opens becomes its controlling one.
    static func spawn(_ arguments: [String], environment: [String: String],
                      stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null,
                      newSession: Bool = false) throws -> Child {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, stream) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch stream {
            case .null: posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_RDWR, 0)
            case .file(let path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .descriptor(let own): posix_spawn_file_actions_adddup2(&actions, own, fd)
            case .terminal(let path): posix_spawn_file_actions_addopen(&actions, fd, path, O_RDWR, 0)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc): not imported into Swift as a constant.
        if newSession { posix_spawnattr_setflags(&attributes, Int16(0x80)) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let started = nanoseconds()
        let code = posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, &envp)
        guard code == 0 else {
            throw BenchFailure("cannot start \(arguments[0]): \(String(cString: strerror(code)))")
        }
        return Child(pid: pid, started: started)
    }

    /// Waits for the exit; returns the exit status (128+signal when killed) and
    /// the milliseconds since the spawn.
    func wait() -> (status: Int32, ms: Double) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let ms = milliseconds(from: started, to: nanoseconds())
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), ms)
    }

    /// The exit status if the child has exited, without waiting.
    func poll() -> Int32? {
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        guard r == pid else { return nil }
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    func kill(_ signal: Int32 = SIGKILL) { _ = Glibc.kill(pid, signal) }

    /// The peak resident set of the running program since its `exec`
    /// (`VmHWM` in /proc/PID/status), in MiB. Unlike `ru_maxrss` from wait4,
    /// it does not include the spawning process's memory (posix_spawn shares
    /// our address space until the exec).
    func peakResidentMiB() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first.flatMap { Int($0) }
            return kb.map { Double($0) / 1024 }
        }
        return nil
    }

    /// Runs a program to its end with output thrown away; milliseconds from spawn to exit.
    static func time(_ arguments: [String], environment: [String: String]) throws -> Double {
        let child = try spawn(arguments, environment: environment)
        let (status, ms) = child.wait()
        guard status == 0 else { throw BenchFailure("\(arguments.joined(separator: " ")) exited with \(status)") }
        return ms
    }

    /// Runs a program with its standard output into a pipe made as small as
    /// Linux allows, so that, when the output is larger than the pipe, the
    /// program is still alive, blocked on its last writes, after all its
    /// work: its `VmHWM` read then is the peak of the run. Returns the output
    /// and that peak.
    static func outputAndPeak(_ arguments: [String], environment: [String: String]) throws -> (output: Data, peakMiB: Double?) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BenchFailure("pipe failed") }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], 1031 /* F_SETPIPE_SZ */, 4096)
        let child = try spawn(arguments, environment: environment, stdout: .descriptor(fds[1]))
        close(fds[1])
        var peak: Double?
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        var first = true
        while true {
            var pfd = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            // Until output starts, sample the peak every millisecond (a small
            // output may end the program before it could block).
            let ready = Glibc.poll(&pfd, 1, first ? 1 : 5000)
            if first {
                if let now = child.peakResidentMiB() { peak = Swift.max(peak ?? 0, now) }
                guard ready > 0 else { continue }
                // Output has started: give the writer time to fill the pipe and block.
                usleep(20_000)
                if let now = child.peakResidentMiB() { peak = Swift.max(peak ?? 0, now) }
                first = false
            }
            let n = read(fds[0], &buffer, buffer.count)
            if n <= 0 { break }
            output.append(contentsOf: buffer[0..<n])
        }
        close(fds[0])
        let (status, _) = child.wait()
        guard status == 0 else { throw BenchFailure("\(arguments.joined(separator: " ")) exited with \(status)") }
        return (output, peak)
    }
}

/// A pseudo-terminal of a given size: the board runs on its slave side and
/// this process reads every byte the board writes from the master side.
final class PseudoTerminal {
    let master: Int32
    let slavePath: String

    init(width: Int, height: Int) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw BenchFailure("cannot open /dev/ptmx") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        // TIOCSPTLCK and TIOCGPTN (Linux): unlock the slave, learn its number.
        guard ioctl(master, UInt(0x4004_5431), &unlock) == 0, ioctl(master, UInt(0x8004_5430), &number) == 0 else {
            close(master)
            throw BenchFailure("cannot set up a pseudo-terminal")
        }
        slavePath = "/dev/pts/\(number)"
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        // No echo: a key we send must not come back as output.
        let slave = open(slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        if slave >= 0 {
            var modes = termios()
            tcgetattr(slave, &modes)
            modes.c_lflag &= ~tcflag_t(ECHO | ECHONL)
            tcsetattr(slave, TCSANOW, &modes)
            close(slave)
        }
    }

    deinit { close(master) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads what the program writes until `quietMilliseconds` pass with
    /// nothing new — and, when `marker` is given, not before the output
    /// contains it — or until `timeoutMilliseconds`. Returns the bytes and the
    /// `nanoseconds()` of the last byte.
    func readBurst(marker: [UInt8]? = nil, quietMilliseconds: Int32 = 250,
                   timeoutMilliseconds: Double = 20_000) -> (bytes: [UInt8], lastByte: UInt64?, complete: Bool) {
        var bytes: [UInt8] = []
        var lastByte: UInt64?
        var buffer = [UInt8](repeating: 0, count: 65536)
        let start = nanoseconds()
        var seen = marker == nil
        while milliseconds(from: start, to: nanoseconds()) < timeoutMilliseconds {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = Glibc.poll(&pfd, 1, seen ? quietMilliseconds : 100)
            if ready <= 0 {
                if seen { return (bytes, lastByte, true) }
                continue
            }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { return (bytes, lastByte, seen) }
            lastByte = nanoseconds()
            bytes.append(contentsOf: buffer[0..<n])
            if !seen, let marker, bytes.count >= marker.count {
                // Search only the tail that could hold a new occurrence.
                let from = max(0, bytes.count - n - marker.count)
                seen = contains(bytes, marker, from: from)
            }
        }
        return (bytes, lastByte, false)
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8], from: Int) -> Bool {
        guard haystack.count >= needle.count else { return false }
        var i = from
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }
}
