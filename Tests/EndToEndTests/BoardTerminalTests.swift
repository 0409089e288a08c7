import Foundation
import Testing
import SargsBoard
import TestSupport

/// The real binary in a real terminal (tmux), read as text as a person reads it.
@Suite("The board in a terminal", .serialized)
struct BoardTerminalTests {
    /// The board in Latvian (the default), colours as the terminal allows.
    func board(_ s: SargsProcess, width: Int, height: Int, extra: String = "") -> TmuxSession {
        TmuxSession(width: width, height: height, command: "\(SargsProcess.binary) \(extra)", environment: latvian(s))
    }

    func latvian(_ s: SargsProcess) -> [String: String] {
        var env = s.environment
        env["SARGS_LANG"] = "lv"
        env.removeValue(forKey: "NO_COLOR")
        return env
    }

    @Test func startMoveRecordSeeTheBadgeChangeAndCheckTheLog() {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = board(s, width: 100, height: 30)
        #expect(t.wait(for: "sargs").ok)
        #expect(t.screen.contains("PRIMĀRĀ PREVENCIJA"), "Latvian letters render: \(t.screen)")
        // Find 5.2 with the search, then open the record form.
        t.press(.search)
        t.type("reidus")
        t.press(.searchDone)
        // The badge names what 5.2 owes: the latest missed week and how many more (issue 27).
        let found = t.wait { $0.contains("5.2") && $0.contains("26. ned.") && $0.contains("+25") }
        #expect(found.ok, "\(found.screen)")
        t.press(.record)
        #expect(t.wait(for: "Izpilde: 5.2").ok)
        t.press(.fieldClear)
        t.type("2025-06-25")
        t.press(.formSave)
        let saved = t.wait { $0.contains("Izpilde pierakstīta: 5.2, 2025-06-25") }
        #expect(saved.ok, "\(saved.screen)")
        #expect(saved.screen.contains("● laikā"), "the badge changed: \(saved.screen)")
        #expect(!saved.screen.contains("+25"))
        let log = s.run(["log", "5.2"])
        #expect(log.stdout.contains("record") && log.stdout.contains("2025-06-25"), "\(log.stdout)")
        t.press(.quit)
    }

    @Test func aRefusedRecordKeepsWhatWasTyped() {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = board(s, width: 100, height: 30)
        #expect(t.wait(for: "sargs").ok)
        t.press(.record)
        #expect(t.wait(for: "Izpilde: 1.1").ok)
        t.press(.formNext); t.press(.formNext)
        t.type("Saruna ar 010203-12345")
        t.press(.formSave)
        let refused = t.wait(for: "personas kodu")
        #expect(refused.ok, "\(refused.screen)")
        #expect(refused.screen.contains("Saruna ar 010203-12345"), "the text stays in the form")
        t.press(.formCancel)
        #expect(t.wait { !$0.contains("Izpilde: 1.1") }.ok)
        #expect(!s.run(["log", "1.1"]).stdout.contains("record"))
    }

    @Test func followsResizesWithoutABrokenScreen() {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = board(s, width: 100, height: 30)
        #expect(t.wait(for: "sargs").ok)
        t.resize(width: 60, height: 20)
        let small = t.wait { screen in
            let lines = screen.components(separatedBy: "\n").filter { !$0.isEmpty }
            // Header first, the key bar last, cards between.
            return lines.first?.hasPrefix(" sargs") == true && lines.last?.contains("iziet") == true && screen.contains("1.1")
        }
        #expect(small.ok, "\(small.screen)")
        #expect(small.screen.components(separatedBy: "\n").allSatisfy { $0.count <= 60 })
        t.resize(width: 30, height: 10)
        #expect(t.wait(for: "par mazu").ok, "says plainly it is too small")
        t.resize(width: 100, height: 30)
        let big = t.wait { $0.contains("SEKUNDĀRĀ PREVENCIJA") && $0.contains("1.1") && !$0.contains("par mazu") }
        #expect(big.ok, "\(big.screen)")
        t.press(.quit)
    }

    @Test func quittingLeavesACleanShell() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = TmuxSession(width: 80, height: 24, command: "bash --norc --noprofile", environment: latvian(s))
        t.send("PS1='$ '", "Enter")
        t.type("\(SargsProcess.binary); stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon | tr '\\n' ' '; echo; echo after-$((40+2))")
        t.send("Enter")
        #expect(t.wait(for: "Enter atvērt").ok)
        t.press(.quit)
        let after = t.wait(for: "after-42")
        #expect(after.ok, "\(after.screen)")
        #expect(after.screen.contains("icanon echo") || after.screen.contains("echo icanon"), "terminal modes restored: \(after.screen)")
        #expect(!after.screen.contains("Enter atvērt"), "the board's screen is gone")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = TmuxSession(width: 80, height: 24, command: "bash --norc --noprofile", environment: latvian(s))
        t.send("PS1='$ '", "Enter")
        t.type("timeout --foreground -s TERM 2 \(SargsProcess.binary); echo status=$?; stty -a | tr ' ' '\\n' | grep -x -e echo -e icanon | tr '\\n' ' '; echo; echo after-$((40+2))")
        t.send("Enter")
        let after = t.wait(seconds: 10, for: "after-42")
        #expect(after.ok, "\(after.screen)")
        #expect(after.screen.contains("icanon echo") || after.screen.contains("echo icanon"), "\(after.screen)")
        #expect(after.screen.contains("status=124"), "timeout's TERM ended the board")
    }

    @Test func aClosedTerminalEndsTheBoardEvenWithSIGHUPIgnored() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        let pidFile = s.directory + "/board.pid"
        let t = TmuxSession(width: 80, height: 24,
                            command: "sh -c 'trap \"\" HUP; echo $$ > \(pidFile); exec \(SargsProcess.binary)'",
                            environment: latvian(s))
        #expect(t.wait(for: "Enter atvērt").ok)
        let pid = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        t.close()  // the terminal goes away; SIGHUP is ignored, so only the reads can tell
        let deadline = Date().addingTimeInterval(5)
        while kill(pid, 0) == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let alive = kill(pid, 0) == 0
        if alive { kill(pid, SIGKILL) }
        #expect(!alive, "the board still runs after its terminal closed")
    }

    @Test("TERM=dumb and other terminals without cursor addressing are refused as a usage error (64), before a store is made",
          arguments: ["dumb"])
    func refusedTerminalType(_ term: String) {
        let s = SargsProcess(today: "2025-07-01")
        let errors = s.directory + "/stderr.txt", status = s.directory + "/status.txt"
        let t = TmuxSession(width: 200, height: 24,
                            command: "sh -c 'TERM=\(term) \(SargsProcess.binary) 2> \(errors); echo $? > \(status)'",
                            environment: latvian(s))
        let deadline = Date().addingTimeInterval(5)
        while !FileManager.default.fileExists(atPath: status), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.05)
        let said = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        let code = (try? String(contentsOfFile: status, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(said.hasPrefix("sargs: error: termināļa veidu \"\(term)\" nevar izmantot"), "\(said)")
        #expect(said.split(separator: "\n").count == 1, "one line, in the interface's language: \(said)")
        #expect(code == "64", "exit status \(code ?? "none")")
        #expect(!FileManager.default.fileExists(atPath: s.database), "a store was made for a board that never opened")
        t.close()
    }

    /// The screen without its spaces and line ends, so a sentence the status line wraps (a long path broken
    /// inside, at 80 columns) reads as one: compare with `flat` of the sentence.
    static func flat(_ screen: String) -> String {
        screen.filter { $0 != " " && $0 != "\n" }
    }

    @Test("the first start says where it made the store and how the next start finds it, on the board and after it")
    func firstStartSaysWhereTheStoreIs() throws {
        let s = SargsProcess(today: "2025-09-10")
        // The default place: no --db, no SARGS_DB; the next `sargs` finds it by itself.
        var env = latvian(s)
        env.removeValue(forKey: "SARGS_DB")
        let made = s.directory + "/xdg/sargs/madona-2025-2027.sqlite"
        let t = TmuxSession(width: 80, height: 24, command: "bash --norc --noprofile", environment: env)
        t.send("PS1='$ '", "Enter")
        #expect(t.wait(for: "$ ").ok)
        t.type("\(SargsProcess.binary) board --plan \(Fixtures.madonaPlanPath); echo after-$((40+2))")
        t.send("Enter")
        let said = "Glabātuve izveidota: \(made) (7 mērķi, 29 aktivitātes); nākamreiz `sargs` to atradīs pats"
        let board = t.wait { Self.flat($0).contains(Self.flat(said)) }
        #expect(board.ok, "\(board.screen)")
        #expect(board.screen.components(separatedBy: "\n").allSatisfy { $0.count <= 80 })
        t.press(.quit)
        let after = t.wait(for: "after-42")
        #expect(after.ok && Self.flat(after.screen).contains(Self.flat(said)),
                "said again in the shell: \(after.screen)")
        var next = s.environment
        next.removeValue(forKey: "SARGS_DB")
        #expect(SargsProcess.execute(SargsProcess.binary, ["log"], environment: next).status == 0, "the next start finds it")
        t.close()
        // A store named with --db: the next start needs the same --db, said as a command to paste.
        let other = SargsProcess(today: "2025-09-10")
        let path = other.directory + "/mana glabātuve.sqlite"
        var plain = latvian(other)
        plain.removeValue(forKey: "SARGS_DB")
        let u = TmuxSession(width: 120, height: 40, command: "\(SargsProcess.binary) board --db '\(path)'", environment: plain)
        let named = u.wait { Self.flat($0).contains(Self.flat("Glabātuve izveidota: \(path) (7 mērķi, 29 aktivitātes); nākamreiz: sargs --db '\(path)'")) }
        #expect(named.ok, "\(named.screen)")
        u.press(.quit)
        u.close()
    }

    @Test("at TERM=xterm (8 colours) the light theme's grey status line is not white on a light terminal")
    func lightThemeAtEightColours() {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = TmuxSession(width: 80, height: 24, command: "sh -c 'TERM=xterm exec \(SargsProcess.binary) --theme light'",
                            environment: latvian(s))
        #expect(t.wait(for: "Sadarbības grupa").ok, "\(t.screen)")
        // The status line's facts are the dim role: tmux gives its colours as the terminal got them.
        let coloured = t.tmux(["capture-pane", "-p", "-e", "-t", t.name]).components(separatedBy: "\n")
        let status = coloured.first { $0.contains("Sadarbības grupa") } ?? ""
        #expect(status.contains("\u{1B}[30m") && !status.contains("\u{1B}[37m") && !status.contains("\u{1B}[97m"),
                "\(status.replacingOccurrences(of: "\u{1B}", with: "ESC"))")
        t.press(.quit)
    }

    @Test("at 80×24 the unknown-terminal notice and the minutes' file name are read whole, wrapped, never cut")
    func statusLinesReadWholeAt80() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = TmuxSession(width: 80, height: 24, command: "sh -c 'TERM=sargs-unknown-terminal exec \(SargsProcess.binary)'",
                            environment: latvian(s))
        let notice = "Termināļa veids sargs-unknown-terminal šeit nav aprakstīts; zīmē kā xterm-256color (uzstādiet ncurses-term)"
        let drawn = t.wait { Self.flat($0).contains(Self.flat(notice)) }
        #expect(drawn.ok, "\(drawn.screen)")
        t.press(.quit)
        t.close()
        // The minutes: a folder in the way of the first name, so the notice names both.
        let folder = Fixtures.temporaryDirectory("minutes")
        try FileManager.default.createDirectory(atPath: folder + "/sargs-protokols-1-2025-07-01.md", withIntermediateDirectories: false)
        let u = TmuxSession(width: 80, height: 24, command: "sh -c 'cd \(folder) && exec \(SargsProcess.binary)'", environment: latvian(s))
        #expect(u.wait(for: "sargs").ok)
        u.press(.agenda)
        #expect(u.wait(for: "SG · Sadarbības grupa (2)").ok)
        u.press(.saveMeeting)
        #expect(u.wait(for: "Nr. 1").ok)
        u.press(.minutes)
        let said = "Protokols ierakstīts: sargs-protokols-1-2025-07-01-2.md (šajā mapē) (mape \(folder)/sargs-protokols-1-2025-07-01.md jau ir, tāpēc cits nosaukums)"
        let written = u.wait { Self.flat($0).contains(Self.flat(said)) }
        #expect(written.ok, "\(written.screen)")
        u.press(.back)
        u.press(.quit)
    }

    @Test func aMeetingsNewDateIsStoredAndUAsksBeforeItReverts() {
        let s = SargsProcess.madona(today: "2025-11-01")
        #expect(s.run(["meeting", "new", "--date", "2025-12-15"]).stdout == "1\n")
        var env = latvian(s)
        env["SARGS_TODAY"] = "2026-01-20"
        let t = TmuxSession(width: 120, height: 40, command: SargsProcess.binary, environment: env)
        #expect(t.wait(for: "sargs").ok)
        t.press(.agenda)
        #expect(t.wait(for: "2025-12-15").ok)
        t.press(.meetingSettings)
        #expect(t.wait(for: "Datums").ok)
        t.press(.fieldClear)
        t.type("2026-01-22")
        t.press(.formSave)
        t.press(.saveMeeting)
        let saved = t.wait(for: "Sēde Nr. 1 saglabāta: 2026-01-22")
        #expect(saved.ok, "\(saved.screen)")
        #expect(s.run(["meeting", "list"], environment: ["SARGS_LANG": "lv"]).stdout.contains("#1  2026-01-22"))
        // u names what it would revert and waits; j (down) answers nothing, n keeps it.
        t.press(.back)
        t.press(.undo)
        let asked = t.wait(for: "Atsaukt: sēdes Nr. 1 datums (2026-01-22)? y — atsaukt, n — nē")
        #expect(asked.ok, "\(asked.screen)")
        t.type("j")
        #expect(t.wait(for: "j neatbild uz jautājumu").ok)
        #expect(s.run(["meeting", "list"]).stdout.contains("2026-01-22"))
        t.press(.confirmNo)
        #expect(t.wait(for: "Nekas netika mainīts").ok)
        #expect(s.run(["meeting", "list"]).stdout.contains("2026-01-22"))
        t.press(.undo)
        #expect(t.wait(for: "? y — atsaukt").ok)
        t.press(.confirmYes)
        #expect(t.wait(for: "Atsaukts: sēdes Nr. 1").ok)
        #expect(s.run(["meeting", "list"]).stdout.contains("#1  2025-12-15"))
        t.press(.quit)
    }

    @Test func anotherPersonsChangeShowsWithinTwoSeconds() {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = board(s, width: 120, height: 40)
        #expect(t.wait { $0.contains("2.4") && $0.contains("0/30") }.ok)
        let r = s.run(["record", "2.4", "--date", "2025-06-30", "--count", "7"])
        #expect(r.status == 0)
        let seen = t.wait(seconds: 2.5) { $0.contains("7/30") }
        #expect(seen.ok, "\(seen.screen)")
        t.press(.quit)
    }

    @Test func chairAMeetingFromTheBoard() {
        let s = SargsProcess.madona(today: "2025-07-01")
        let t = board(s, width: 100, height: 30)
        #expect(t.wait(for: "sargs").ok)
        t.press(.agenda)
        #expect(t.wait(for: "SG · Sadarbības grupa (2)").ok)
        t.press(.chair)
        #expect(t.wait(for: "tiks saglabāta kā plānota sēde").ok)
        t.press(.confirmYes)
        let chair = t.wait { $0.contains("1 / 24") && $0.contains("Sēde saglabāta: Nr. 1") }
        #expect(chair.ok, "\(chair.screen)")
        t.press(.decided)
        #expect(t.wait(for: "Lēmums: 2.1").ok)
        t.type("Sagatavot materiālu līdz septembrim")
        t.press(.formSave)
        #expect(t.wait(for: "Lēmums Nr. 1 saglabāts").ok)
        t.press(.hold)
        #expect(t.wait(for: "Piedalījās").ok)
        t.press(.formSave)
        let held = t.wait(for: "Sēde Nr. 1 notikusi")
        #expect(held.ok, "\(held.screen)")
        t.press(.back); t.press(.back); t.press(.quit)
        let minutes = s.run(["meeting", "show", "1", "--format", "markdown"])
        #expect(minutes.stdout.contains("Sagatavot materiālu līdz septembrim"), "\(minutes.stdout)")
        #expect(minutes.stdout.contains("2.1"))
        let next = s.run(["agenda", "--format", "json"], environment: ["SARGS_TODAY": "2025-07-02"])
        #expect(next.stdout.contains("\"review_from\": \"2025-07-01\""), "\(next.stdout.prefix(200))")
    }

    @Test func minutesAreNewFilesNeverOverwritten() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        let folder = Fixtures.temporaryDirectory("minutes")
        // A folder with the minutes' name is in the way; a file with the second name is there already.
        try FileManager.default.createDirectory(atPath: folder + "/sargs-protokols-1-2025-07-01.md", withIntermediateDirectories: false)
        try "kept".write(toFile: folder + "/sargs-protokols-1-2025-07-01-2.md", atomically: false, encoding: .utf8)
        let t = TmuxSession(width: 120, height: 40, command: "sh -c 'cd \(folder) && umask 022 && exec \(SargsProcess.binary)'",
                            environment: latvian(s))
        #expect(t.wait(for: "sargs").ok)
        t.press(.agenda)
        #expect(t.wait(for: "SG · Sadarbības grupa (2)").ok)
        t.press(.saveMeeting)
        #expect(t.wait(for: "Nr. 1").ok)
        t.press(.minutes)
        let first = t.wait(for: "Protokols ierakstīts")
        #expect(first.ok, "\(first.screen)")
        #expect(first.screen.contains("mape"), "the folder in the way is named: \(first.screen)")
        t.press(.minutes)
        #expect(t.wait(for: "-4.md").ok)
        t.press(.back); t.press(.quit)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == ["sargs-protokols-1-2025-07-01-2.md", "sargs-protokols-1-2025-07-01-3.md",
                          "sargs-protokols-1-2025-07-01-4.md", "sargs-protokols-1-2025-07-01.md"])
        #expect(try String(contentsOfFile: folder + "/sargs-protokols-1-2025-07-01-2.md", encoding: .utf8) == "kept")
        for name in ["-3", "-4"] {
            let path = folder + "/sargs-protokols-1-2025-07-01\(name).md"
            let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0
            #expect(mode == 0o600, "\(path) has mode \(String(mode, radix: 8))")
            #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# Protokols"))
        }
    }

    @Test func englishAndASCIIFallback() {
        let s = SargsProcess.madona(today: "2025-07-01")
        var env = s.environment
        env["SARGS_LANG"] = "en"
        env["LANG"] = "C"
        env["LC_ALL"] = "C"
        let t = TmuxSession(width: 100, height: 30, command: SargsProcess.binary, environment: env)
        let shown = t.wait { $0.contains("PRIMARY PREVENTION") }
        #expect(shown.ok, "\(shown.screen)")
        #expect(shown.screen.contains("! overdue 177 d") || shown.screen.contains("! overdue"), "\(shown.screen)")
        #expect(!shown.screen.contains("▲"))
        t.press(.quit)
    }
}
