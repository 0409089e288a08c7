import Foundation
import SargsBoard
import Testing
import TestSupport

/// Input in a real terminal (tmux): pastes are text, the terminals people
/// use over SSH are drawn, the mouse clicks, and every mode is given back.
@Suite("Paste, terminals and the mouse in a terminal", .serialized)
struct InputTerminalTests {
    func environment(_ s: SargsProcess) -> [String: String] {
        var env = s.environment
        env["SARGS_LANG"] = "lv"
        return env
    }

    func board(_ s: SargsProcess, width: Int = 100, height: Int = 30, command: String? = nil) -> TmuxSession {
        TmuxSession(width: width, height: height, command: command ?? SargsProcess.binary, environment: environment(s))
    }

    /// The journal's entries, as `sargs log --format json` gives them.
    func journal(_ s: SargsProcess) throws -> [[String: Any]] {
        let r = s.run(["log", "--format", "json"])
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]], "\(r.stderr)")
    }

    @Test("a paste of 2 and of 200 lines into the note form is one note each, all lines kept, nothing else done; on the board it changes nothing")
    func pastes() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = board(s)
        #expect(t.wait(for: "sargs").ok)
        // On the board, outside a form: no command runs (u, x, q …), the first line is searched.
        t.paste("reidus\nu\nx\nq")
        let searching = t.wait(for: "Meklēt: reidus u x q")
        #expect(searching.ok, "\(searching.screen)")
        #expect(try journal(s).count == 1, "only the store's creation")
        t.press(.searchClear)
        t.press(.note)
        #expect(t.wait(for: "Piezīme: 1.1").ok, "\(t.screen)")
        t.paste("sarunāts ar skolu\nu")
        #expect(t.wait(for: "sarunāts ar skolu").ok)
        t.press(.formSave)
        #expect(t.wait(for: "Piezīme pievienota: 1.1").ok)
        t.press(.note)
        #expect(t.wait(for: "Piezīme: 1.1").ok)
        let lines = (1...200).map { "rinda \($0): sarunāts" }
        t.paste(lines.joined(separator: "\n"))
        #expect(t.wait(for: "rinda 200: sarunāts").ok, "\(t.screen)")
        t.press(.formSave)
        #expect(t.wait(for: "Piezīme pievienota: 1.1").ok)
        t.press(.quit)
        let entries = try journal(s)
        #expect(entries.count == 3, "creation and two notes, no undo, no other change: \(entries.map { $0["action"] ?? "" })")
        let notes = entries.filter { $0["action"] as? String == "note" }.compactMap { $0["after"] as? String }
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }.compactMap { $0["text"] as? String }
        #expect(Set(notes) == [lines.joined(separator: "\n"), "sarunāts ar skolu\nu"])
    }

    @Test("terminals the server may not describe are drawn (as their nearest kin, with a notice); dumb is refused",
          arguments: ["xterm-kitty", "alacritty", "foot", "sargs-unknown-terminal"])
    func terminalFallback(_ term: String) {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = board(s, command: "sh -c 'TERM=\(term) \(SargsProcess.binary)'")
        let drawn = t.wait { $0.contains("PRIMĀRĀ PREVENCIJA") && $0.contains("q iziet") }
        #expect(drawn.ok, "\(drawn.screen)")
        let described = SargsProcess.execute("/usr/bin/infocmp", [term], environment: ProcessInfo.processInfo.environment).status == 0
        if !described {
            #expect(drawn.screen.contains("Termināļa veids \(term) šeit nav aprakstīts; zīmē kā xterm-256color"), "\(drawn.screen)")
        }
        t.press(.quit)
    }

    @Test("a click selects the card under it, a double click opens it, the wheel moves; --no-mouse leaves the mouse to the terminal")
    func clicks() {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = board(s)
        #expect(t.wait(for: "sargs").ok)
        #expect(t.format("mouse_standard_flag") == "1" || t.format("mouse_any_flag") == "1")
        // At 100 columns the columns are 24 wide; 2.1 is the first card of the second.
        t.click(x: 30, y: 4)
        #expect(t.wait(for: "2.1 • Primārā prevencija").ok, "\(t.screen)")
        t.click(x: 30, y: 4)
        t.click(x: 30, y: 4)
        #expect(t.wait(for: "2.1  Materiāla par pozitīvas disciplinēšanas").ok, "\(t.screen)")
        t.press(.quit)
        t.close()
        let off = board(s, command: "\(SargsProcess.binary) --no-mouse")
        #expect(off.wait(for: "sargs").ok)
        #expect(off.format("mouse_any_flag") == "0" && off.format("mouse_standard_flag") == "0")
        off.press(.quit)
    }

    @Test("after a paste and clicks, q, SIGTERM and SIGHUP give the terminal back: no bracketed paste, no mouse, sane",
          arguments: ["q", "TERM", "HUP", "QUIT"])
    func modesRestored(_ way: String) throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        let pidFile = s.directory + "/pid"
        // After the board, `cat -v` shows what a paste looks like to the next program.
        let t = board(s, command: "sh -c 'echo $$ > \(pidFile); \(SargsProcess.binary); stty -a | tr \" \" \"\\n\" | grep -x -e icanon -e echo; echo ENDED; exec cat -v'")
        #expect(t.wait(for: "sargs").ok)
        t.press(.note)
        #expect(t.wait(for: "Piezīme: 1.1").ok)
        t.paste("teksts\notrā rinda")
        #expect(t.wait(for: "otrā rinda").ok)
        t.press(.formCancel)
        t.click(x: 30, y: 4)
        #expect(t.wait(for: "2.1 • Primārā prevencija").ok)
        switch way {
        case "q":
            t.press(.quit)
        default:
            // The board is the shell's child; signal it.
            let shell = (try? String(contentsOfFile: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let children = SargsProcess.execute("/usr/bin/pgrep", ["-P", shell], environment: ProcessInfo.processInfo.environment)
            let pid = try #require(Int32(children.stdout.split(separator: "\n").first ?? ""), "no board under \(shell)")
            kill(pid, way == "TERM" ? SIGTERM : way == "QUIT" ? SIGQUIT : SIGHUP)
        }
        let ended = t.wait(for: "ENDED")
        #expect(ended.ok, "\(ended.screen)")
        #expect(ended.screen.contains("icanon") && ended.screen.contains("echo"), "the line discipline is back: \(ended.screen)")
        #expect(t.format("mouse_any_flag") == "0" && t.format("mouse_standard_flag") == "0")
        #expect(t.format("alternate_on") == "0")
        t.paste("pēc")
        let after = t.wait(for: "pēc")
        #expect(after.ok && !after.screen.contains("[200~"), "no bracketed paste after the board: \(after.screen)")
    }
}

extension InputTerminalTests {
    @Test("after Ctrl-Z and fg a paste is still text, not keys")
    func pasteAfterSuspend() {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = board(s, command: "bash --norc --noprofile -i")
        #expect(t.wait(for: "bash-").ok, "the shell's prompt: \(t.screen)")
        t.type(SargsProcess.binary)
        t.send("Enter")
        #expect(t.wait(for: "PRIMĀRĀ PREVENCIJA").ok)
        t.send("C-z")
        #expect(t.wait(for: "Stopped").ok, "\(t.screen)")
        t.type("fg")
        t.send("Enter")
        #expect(t.wait(for: "PRIMĀRĀ PREVENCIJA").ok)
        t.paste("xu")
        let after = t.wait(for: "Meklēt: xu")
        #expect(after.ok, "a bracketed paste again: \(after.screen)")
        t.press(.searchClear)
        t.press(.quit)
    }

    @Test("with LANG=C a paste of Latvian text keeps every letter")
    func pasteInTheCLocale() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        var env = environment(s)
        env["LANG"] = "C"
        env["LC_ALL"] = "C"
        let t = TmuxSession(width: 100, height: 30, command: SargsProcess.binary, environment: env)
        #expect(t.wait(for: "PRIMARA PREVENCIJA").ok, "\(t.screen)")
        t.press(.note)
        #expect(t.wait(for: "Piezime: 1.1").ok, "\(t.screen)")
        t.paste("sarunāts ar skolu: ļoti labi")
        t.press(.formSave)
        #expect(t.wait(for: "1.1").ok)
        // The save has landed when the journal has it.
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !s.run(["log", "--format", "json"]).stdout.contains("sarunāts ar skolu") { usleep(20_000) }
        t.press(.quit)
        let log = s.run(["log", "--format", "json"]).stdout
        #expect(log.contains("sarunāts ar skolu: ļoti labi"), "\(log)")
    }
}
