import Foundation

/// A real terminal for end-to-end runs: tmux on a private socket; keys go
/// in with send-keys and the screen comes back as text with capture-pane.
public final class TmuxSession: @unchecked Sendable {
    public let socket: String
    public let name = "e2e"

    /// Starts `command` (a shell line) in a new session of the given size.
    /// `term` is the terminal sargs is told it runs in: tmux's own, or
    /// another that tmux can stand in for (`linux`, the Linux console).
    public init(width: Int, height: Int, command: String, environment: [String: String] = [:], term: String = "tmux-256color") {
        socket = Fixtures.temporaryDirectory("tmux") + "/sock"
        // Exactly the environment given (nothing inherited from the tmux server).
        var full = environment.isEmpty ? ProcessInfo.processInfo.environment : environment
        full["TERM"] = term
        if full["LANG"] == nil { full["LANG"] = "C.UTF-8" }
        let env = full.sorted { $0.key < $1.key }.map { "\($0.key)=\(TmuxSession.quote($0.value))" }.joined(separator: " ")
        let line = "env -i \(env) \(command)"
        // The server this starts outlives the call: it must not hold our pipes.
        _ = SargsProcess.execute("/usr/bin/tmux", ["-S", socket, "new-session", "-d", "-s", name, "-x", "\(width)",
                                                   "-y", "\(height)", line],
                                 environment: ProcessInfo.processInfo.environment, capture: false)
        tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { close() }

    /// Ends the tmux server and the program in it.
    public func close() {
        _ = SargsProcess.spawnDetached("/usr/bin/tmux", ["-S", socket, "kill-server"],
                                       environment: ProcessInfo.processInfo.environment)
    }

    public static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    public func tmux(_ arguments: [String]) -> String {
        let r = SargsProcess.execute("/usr/bin/tmux", ["-S", socket] + arguments, environment: ProcessInfo.processInfo.environment)
        return r.stdout
    }

    /// Sends keys in tmux's names ("Enter", "Escape", "Down", "C-u") or literal text.
    public func send(_ keys: String...) {
        tmux(["send-keys", "-t", name] + keys)
    }

    public func type(_ text: String) {
        tmux(["send-keys", "-t", name, "-l", text])
    }

    /// Pastes `text` as a terminal does: bracketed when the program asked for it (`paste-buffer -p`).
    public func paste(_ text: String) {
        tmux(["set-buffer", "-b", "sargs-test", "--", text])
        tmux(["paste-buffer", "-p", "-d", "-b", "sargs-test", "-t", name])
    }

    /// A press and release of the first mouse button at a cell (0-based), as
    /// an xterm-compatible terminal reports it (X10 encoding, mode 1000).
    public func click(x: Int, y: Int) {
        let cx = String(33 + x, radix: 16), cy = String(33 + y, radix: 16)
        tmux(["send-keys", "-t", name, "-H", "1b", "5b", "4d", "20", cx, cy])
        tmux(["send-keys", "-t", name, "-H", "1b", "5b", "4d", "23", cx, cy])
    }

    /// A pane format value, e.g. "mouse_any_flag".
    public func format(_ variable: String) -> String {
        tmux(["display-message", "-p", "-t", name, "#{\(variable)}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var screen: String { tmux(["capture-pane", "-p", "-t", name]) }
    public var lines: [String] { screen.components(separatedBy: "\n") }

    public func resize(width: Int, height: Int) {
        tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen satisfies `condition`, up to `seconds`; returns the last screen.
    @discardableResult
    public func wait(seconds: Double = 5, until condition: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(seconds)
        var last = screen
        while Date() < deadline {
            last = screen
            if condition(last) { return (true, last) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        last = screen
        return (condition(last), last)
    }

    @discardableResult
    public func wait(seconds: Double = 5, for text: String) -> (ok: Bool, screen: String) {
        wait(seconds: seconds) { $0.contains(text) }
    }

    /// The pid of the program running in the pane.
    public var panePID: Int32? { Int32(tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) }

    public var paneDead: Bool { tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).hasPrefix("1") }
}
