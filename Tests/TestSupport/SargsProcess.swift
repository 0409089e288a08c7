import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `sargs` binary as a person would, with its own store.
public struct SargsProcess: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The directory with the built products (beside the test bundle).
    public static let productsDirectory: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On Linux the test binary sits at .build/debug/sargsPackageTests.xctest.
        if url.lastPathComponent.hasSuffix(".xctest") { url.deleteLastPathComponent() }
        return url.path
    }()

    public static var binary: String { productsDirectory + "/sargs" }

    /// Copies the built binary to `path` (mode 0755) through another process
    /// (`install`), so that no descriptor open for writing it ever lives in
    /// this test process: a child forked meanwhile by a test running beside
    /// would inherit one, and running the copy would fail with ETXTBSY
    /// ("Text file busy", exit 126).
    public static func copyBinary(to path: String) throws {
        let r = execute("/usr/bin/install", ["-m", "755", binary, path], environment: ["PATH": "/usr/bin:/bin"])
        guard r.status == 0 else { throw CopyFailed(message: r.stderr) }
    }

    public struct CopyFailed: Error { public var message: String }

    public let directory: String
    public var database: String { directory + "/store.sqlite" }
    public var today: String?
    public var user = "tester"

    /// A fresh directory for one test's store; `today` fixes the date.
    public init(today: String? = nil) {
        directory = Fixtures.temporaryDirectory("sargs-e2e")
        self.today = today
    }

    public var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["SARGS_DB"] = database
        env["SARGS_USER"] = user
        env["XDG_DATA_HOME"] = directory + "/xdg"
        env["SARGS_LANG"] = "en"
        if let today { env["SARGS_TODAY"] = today } else { env.removeValue(forKey: "SARGS_TODAY") }
        return env
    }

    /// Runs `sargs ARGS` and waits for it.
    @discardableResult
    public func run(_ arguments: [String], environment extra: [String: String] = [:]) -> Result {
        Self.execute(Self.binary, arguments, environment: environment.merging(extra) { $1 })
    }

    /// Runs a program and waits for it; `capture` false sends its output to
    /// /dev/null (for programs that leave a daemon holding the pipes, like tmux).
    public static func execute(_ path: String, _ arguments: [String], environment: [String: String],
                               capture: Bool = true) -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        guard capture else {
            return Result(status: spawnDetached(path, arguments, environment: environment), stdout: "", stderr: "")
        }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return Result(status: -1, stdout: "", stderr: "\(error)") }
        // Read both pipes before waiting so a full pipe cannot stall the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        process.waitUntilExit()
        group.wait()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// posix_spawn with every standard stream on /dev/null, then waitpid: for a
    /// program whose daemon outlives it (Foundation's Process did not reap it here).
    static func spawnDetached(_ path: String, _ arguments: [String], environment: [String: String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [Int32(0), 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The caller may be a thread with signals blocked; the child starts clean.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid = pid_t()
        guard posix_spawn(&pid, path, &actions, &attributes, argv, envp) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }

    /// A store made from the bundled Madona plan.
    public static func madona(today: String? = nil) -> SargsProcess {
        let sargs = SargsProcess(today: today)
        let result = sargs.run(["init", Fixtures.madonaPlanPath])
        precondition(result.status == 0, "init failed: \(result.stderr)")
        return sargs
    }
}
