import Foundation
import Testing
import TestSupport

/// The commands of SPEC §7 run as a person runs them, each on its own store.
@Suite("Commands and their refusals")
struct CommandTests {
    /// How the journal names the login account beside a `--user` name that differs from it (issue 17).
    func account(_ language: String) -> String {
        let login = NSUserName()
        return language == "lv" ? " (konts: \(login))" : " (account: \(login))"
    }

    func journalCount(_ s: SargsProcess) -> Int {
        let log = s.run(["log", "--format", "json"])
        guard let data = log.stdout.data(using: .utf8),
              let entries = try? JSONSerialization.jsonObject(with: data) as? [Any] else { return -1 }
        return entries.count
    }

    @Test func initCreatesAPrivateStore() throws {
        let s = SargsProcess.madona()
        let attributes = try FileManager.default.attributesOfItem(atPath: s.database)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let again = s.run(["init", Fixtures.madonaPlanPath])
        #expect(again.status == 65)
        #expect(again.stderr.hasPrefix("sargs: error: "))
        #expect(s.run(["init", Fixtures.madonaPlanPath, "--force"]).status == 0)
    }

    @Test func initMadonaWorksWithoutAPath() {
        let s = SargsProcess()
        let r = s.run(["init", "--madona"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: s.database))
    }

    @Test func defaultStoreLivesUnderXDGDataHome() throws {
        let s = SargsProcess()
        var env = s.environment
        env.removeValue(forKey: "SARGS_DB")
        let r = SargsProcess.execute(SargsProcess.binary, ["init", Fixtures.madonaPlanPath], environment: env)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: s.directory + "/xdg/sargs/madona-2025-2027.sqlite"))
        let record = SargsProcess.execute(SargsProcess.binary, ["record", "5.2", "--today", "2025-03-03"], environment: env)
        #expect(record.status == 0, "\(record.stderr)")
    }

    @Test func planCheck() {
        let s = SargsProcess()
        let ok = s.run(["plan", "check", Fixtures.madonaPlanPath])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("Goals: 7, activities: 29"))
        let text = (try? String(contentsOfFile: Fixtures.madonaPlanPath, encoding: .utf8)) ?? ""
        let bad = s.directory + "/bad.yaml"
        try? text.replacingOccurrences(of: "owners: [VP, PP]", with: "owners: [VP, XX]")
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = s.run(["plan", "check", bad])
        #expect(refused.status == 65)
        #expect(refused.stderr.range(of: #"^sargs: error: .*bad\.yaml:\d+:\d+: unknown institution code 'XX'"#,
                                     options: .regularExpression) != nil, "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(s.run(["plan", "check", s.directory + "/none.yaml"]).status == 66)
    }

    @Test func recordAndItsRefusals() {
        let s = SargsProcess.madona(today: "2025-07-01")
        let before = journalCount(s)
        #expect(s.run(["record", "5.2", "--date", "2025-06-25", "--count", "3", "--note", "Reids parkā"]).status == 0)
        #expect(journalCount(s) == before + 1)
        let refusals: [([String], Int32, String)] = [
            (["record", "9.9"], 65, "no activity with the id '9.9'"),
            (["record", "5.2", "--date", "2025-07-02"], 65, "after today"),
            (["record", "5.2", "--date", "2024-12-31"], 65, "before the plan starts"),
            (["record", "5.2", "--count", "0"], 65, "from 1 to 1,000,000,000, not 0"),
            (["record", "5.2", "--count=-2"], 65, "from 1 to 1,000,000,000, not -2"),
            (["record", "5.2", "--count", "-1"], 65, "from 1 to 1,000,000,000, not -1"),
            (["record", "5.2", "--count", "3000000000"], 65, "from 1 to 1,000,000,000, not 3000000000"),
            (["record", "5.2", "--note", "bērns 010203 12345"], 65, "personal code"),
            (["record", "5.2", "--note", "bērns ０１０２０３–１２３４５"], 65, "personal code"),
            (["record", "5.2", "--note", "Tēma\u{1B}]0;owned\u{07}"], 65, "U+001B"),
            (["record", "5.2", "--user", "010203-12345"], 65, "personal code"),
            (["record", "5.2", "--note", "bērns 010203-12345"], 65, "personal code"),
            (["record", "5.2", "--note", "kods 01020312345"], 65, "personal code"),
            (["record", "5.2", "--date", "2025-13-01"], 64, "YYYY-MM-DD"),
            (["record"], 64, "the argument '<id>' is missing"),
        ]
        for (args, status, message) in refusals {
            let r = s.run(args)
            #expect(r.status == status, "\(args): \(r.stderr)")
            #expect(r.stderr.hasPrefix("sargs: error: ") && r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
        #expect(journalCount(s) == before + 1, "a refused command wrote nothing")
    }

    @Test func statusNoteAndTheirRefusals() {
        let s = SargsProcess.madona(today: "2025-07-01")
        #expect(s.run(["status", "2.1", "done"]).status == 0)
        #expect(s.run(["status", "2.2", "blocked", "--note", "Nav finansējuma"]).status == 0)
        #expect(s.run(["status", "2.2", "paused"]).status == 64)
        #expect(s.run(["status", "2.2", "blocked", "--note", "par 010203-12345"]).status == 65)
        #expect(s.run(["note", "1.1", "Materiāls gatavs līdz rudenim"]).status == 0)
        #expect(s.run(["note", "1.1", "010203-12345"]).status == 65)
        #expect(s.run(["note", "1.99", "teksts"]).status == 65)
        let agenda = s.run(["agenda", "--format", "json"]).stdout
        #expect(!agenda.contains("\"activity\": \"2.1\""), "done activity is off the agenda")
        let log = s.run(["log", "2.2"]).stdout
        #expect(log.contains("status") && log.contains("blocked"))
    }

    @Test func waiveOnlyAMissedWindow() {
        let s = SargsProcess.madona(today: "2025-07-01")
        #expect(s.run(["waive", "5.2", "2025-W14", "--note", "Lieldienas"]).status == 0)
        let json = s.run(["agenda", "--format", "json"]).stdout
        #expect(json.contains("\"missed\": 25"))
        let refusals: [([String], String)] = [
            (["waive", "5.2", "2025-W14", "--note", "vēlreiz"], "not missed"),
            (["waive", "5.2", "2025-W27", "--note", "nākotnē"], "not missed"),
            (["waive", "5.2", "2025-W99", "--note", "x"], "not a window label"),
            (["waive", "5.2", "2025-03", "--note", "x"], "has no window"),
            (["waive", "5.2", "sometime", "--note", "x"], "not a window label"),
            (["waive", "5.2", "2025-W15", "--note", "010203-12345"], "personal code"),
            (["waive", "8.1", "2025-W15", "--note", "x"], "no activity"),
        ]
        for (args, message) in refusals {
            let r = s.run(args)
            #expect(r.status == 65, "\(args): \(r.stderr)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
        #expect(s.run(["waive", "5.2", "2025-W15"]).status == 64, "--note is required")
    }

    @Test func undoRevertsOnlyMyLatestChange() {
        var s = SargsProcess.madona(today: "2025-07-01")
        #expect(s.run(["record", "5.2", "--date", "2025-06-25"]).status == 0)
        #expect(s.run(["record", "5.1", "--date", "2025-06-20"]).status == 0)
        var other = s
        other.user = "other"
        #expect(other.run(["record", "3.4", "--date", "2025-06-20"]).status == 0)
        // Named and asked, as the board asks: without a terminal and without --yes, nothing is undone.
        let asked = s.run(["undo"])
        #expect(asked.status == 64 && asked.stderr.contains("error: undo #3: record 5.1: 2025-06-20?") && asked.stderr.contains("--yes"), "\(asked.stderr)")
        #expect(s.run(["undo", "--yes"]).status == 0)
        let json = s.run(["agenda", "--format", "json"]).stdout
        #expect(json.contains("\"activity\": \"5.1\""), "5.1 is missed again after the undo")
        #expect(json.contains("\"missed\": 5, \"expected\": 6, \"windows\": [\"2025-01\", \"2025-02\", \"2025-03\", \"2025-04\", \"2025-05\"], \"last_record\": \"2025-06-20\""),
                "the other author's record of 3.4 stays")
        #expect(s.run(["undo", "--yes"]).status == 0)
        s.user = "nobody"
        let none = s.run(["undo"])
        #expect(none.status == 65)
        #expect(none.stderr.contains("no change left to undo"))
        let log = s.run(["log"]).stdout
        #expect(log.components(separatedBy: "undid #").count - 1 == 2, "two compensating entries, history kept: \(log)")
        #expect(log.contains("tester\(account("en")) undid #3: record 5.1: 2025-06-20"), "\(log)")
        let logJSON = s.run(["log", "--format", "json"]).stdout
        #expect(logJSON.components(separatedBy: "\"action\": \"undo\"").count - 1 == 2, "the JSON keeps the stored entries")
        let latvian = s.run(["log", "--lang", "lv"]).stdout
        #expect(latvian.contains("tester\(account("lv")) atsauca #3: izpilde 5.1: 2025-06-20") && !latvian.contains("undid"), "\(latvian)")
    }

    @Test("undo after a restore names the restore it would reach across, and asks")
    func undoAcrossARestore() {
        let s = SargsProcess.madona(today: "2025-07-01")
        #expect(s.run(["note", "2.1", "before the backup"]).status == 0)
        let copy = s.directory + "/copy.sqlite"
        #expect(s.run(["backup", copy]).status == 0)
        #expect(s.run(["note", "2.1", "after the backup"]).status == 0)
        #expect(s.run(["restore", copy, "--yes"]).status == 0)
        let asked = s.run(["undo"])
        #expect(asked.status == 64 && asked.stderr.contains("a note on 2.1") && asked.stderr.contains("before the store was restored from a backup"),
                "\(asked.stderr)")
        let latvian = s.run(["undo"], environment: ["SARGS_LANG": "lv"])
        #expect(latvian.stderr.contains("pirms atjaunošanas no kopijas") && latvian.stderr.contains("pievienojiet --yes"), "\(latvian.stderr)")
        #expect(s.run(["undo", "--yes"]).status == 0)
    }

    @Test("the store's refusals are in the run's language, not English inside Latvian")
    func storeRefusalsInOneLanguage() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        let text = s.directory + "/not-a-store.sqlite"
        try "plain text".write(toFile: text, atomically: true, encoding: .utf8)
        let english = ["is not", "every user", "cannot", "the store", "backup"]
        let restore = s.run(["restore", text, "--yes"], environment: ["SARGS_LANG": "lv"])
        #expect(restore.status == 65 && restore.stderr.contains("nav sargs glabātuve"), "\(restore.stderr)")
        #expect(!english.contains { restore.stderr.contains($0) }, "\(restore.stderr)")
        chmod(s.database, 0o664)
        let open = s.run(["agenda"], environment: ["SARGS_LANG": "lv"])
        #expect(open.status == 69 && open.stderr.contains("var atvērt ikviens"), "\(open.stderr)")
        #expect(!english.contains { open.stderr.contains($0) }, "\(open.stderr)")
        let inEnglish = s.run(["agenda"])
        #expect(inEnglish.stderr.contains("every user of this server may open"), "\(inEnglish.stderr)")
        chmod(s.database, 0o600)
    }

    @Test("commands printed for pasting name paths no command reads as an option, and check's fixes never undo one another")
    func pastableCommands() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        let csv = s.directory + "/t.csv"
        try "MĒRĶIS;PREVENCIJAS AKTIVITĀTES;ĪSTENOŠANAS PERIODS;ATBILDĪGĀ INSTITŪCIJA;FINANŠU AVOTS\n1. Izglītošana;Lekcijas;reizi gadā;SD;PB\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let draft = SargsProcess.execute("/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", s.directory, SargsProcess.binary, "plan", "draft", csv,
                                                      "--period", "2025..2027", "--municipality", "Z novads", "-o=-dash 'v2'.yaml"], environment: s.environment)
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stderr.contains("(sargs plan check './-dash '\\''v2'\\''.yaml')"), "\(draft.stderr)")
        // A store every user may read, with a WAL file that took its mode: the fix takes others' bits from both.
        _ = s.run(["note", "2.1", "x"])
        chmod(s.database, 0o644)
        #expect(FileManager.default.createFile(atPath: s.database + "-wal", contents: Data()))
        chmod(s.database + "-wal", 0o644)
        let check = s.run(["check"])
        #expect(check.stdout.contains("chmod o-rwx") && !check.stdout.contains("chmod 644"), "\(check.stdout)")
        chmod(s.database, 0o600)
    }

    @Test("the board's own options after a global option with a value are the board's (sargs --db X --theme mono)")
    func boardOptionsAfterGlobals() {
        let s = SargsProcess.madona(today: "2025-07-01")
        for arguments in [["--db", s.database, "--theme", "mono"], ["--today", "2025-07-01", "--plan", Fixtures.madonaPlanPath], ["--lang", "lv", "--theme", "mono"]] {
            let run = s.run(arguments, environment: ["TERM": "dumb"])
            // Parsed: refused only for want of a terminal, not for a missing value.
            #expect(run.status == 64 && !run.stderr.contains("--theme <theme>") && !run.stderr.contains("--plan <plan>")
                    && !run.stderr.contains("trūkst vērtības") && !run.stderr.contains("needs a value"), "\(arguments): \(run.stderr)")
        }
    }

    @Test func aMissingOrBrokenStoreIsUnavailable() throws {
        let s = SargsProcess(today: "2025-07-01")
        let missing = s.run(["record", "5.2"])
        #expect(missing.status == 69)
        #expect(missing.stderr.contains("sargs init"))
        try "not a database".write(toFile: s.database, atomically: true, encoding: .utf8)
        #expect(s.run(["log"]).status == 69)
    }

    @Test func exportThenInitReproducesThePlanWithEdits() {
        let s = SargsProcess.madona(today: "2025-07-01")
        #expect(s.run(["status", "1.1", "done"]).status == 0)
        #expect(s.run(["status", "2.2", "blocked", "--note", "Gaida finansējumu"]).status == 0)
        let exported = s.run(["plan", "export"])
        #expect(exported.status == 0)
        let file = s.directory + "/export.yaml"
        try? exported.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let copy = SargsProcess(today: "2025-07-01")
        #expect(copy.run(["init", file]).status == 0)
        #expect(copy.run(["plan", "export"]).stdout == exported.stdout)
        #expect(copy.run(["plan", "export", "--format", "json"]).stdout == s.run(["plan", "export", "--format", "json"]).stdout)
        #expect(exported.stdout.contains("status: blocked"))
        #expect(exported.stdout.contains("status_note: Gaida finansējumu"))
    }

    @Test func meetingsMoveReviewFromAndEmergencyOnesDoNot() {
        let s = SargsProcess.madona(today: "2025-11-26")
        let regular = s.run(["meeting", "new", "--date", "2025-09-10"])
        #expect(regular.status == 0)
        let id = regular.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(id) != nil, "prints the number alone: \(regular.stdout)")
        let emergency = s.run(["meeting", "new", "--date", "2025-10-01", "--kind", "emergency", "--topic", "Incidents skolā"])
        let eid = emergency.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(s.run(["meeting", "new", "--date", "2025-10-02", "--kind", "emergency"]).status == 65, "needs a topic")
        #expect(s.run(["meeting", "hold", eid, "--attendees", "SD,BT"]).status == 0)
        #expect(s.run(["agenda", "--format", "json"]).stdout.contains("\"review_from\": \"2025-01-01\""))
        #expect(s.run(["meeting", "hold", id, "--attendees", "SD,BT,IN,PP,AN"]).status == 0)
        let agenda = s.run(["agenda", "--format", "json"]).stdout
        #expect(agenda.contains("\"review_from\": \"2025-09-10\""))
        #expect(agenda.contains("\"meetings_held\": 1"))
        #expect(s.run(["meeting", "hold", "99"]).status == 65)
        #expect(s.run(["meeting", "hold", id, "--attendees", "XX"]).status == 65)
        let decision = s.run(["decision", "add", "--meeting", id, "--owner", "SD", "--due", "2025-10-01", "--activity", "2.3",
                              "Organizēt CAP grupu"])
        #expect(decision.status == 0, "\(decision.stderr)")
        let did = decision.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(did) != nil)
        #expect(s.run(["agenda", "--format", "json"]).stdout.contains("\"overdue\": true"))
        #expect(s.run(["decision", "add", "--meeting", id, "--owner", "SD", "--due", "2025-10-01", "par 010203-12345"]).status == 65)
        #expect(s.run(["decision", "add", "--meeting", id, "--owner", "ZZ", "--due", "2025-10-01", "teksts"]).status == 65)
        let minutes = s.run(["meeting", "show", id, "--format", "markdown"]).stdout
        #expect(minutes.contains("Organizēt CAP grupu"))
        #expect(minutes.contains("SD"))
        #expect(s.run(["decision", "done", did]).status == 0)
        #expect(!s.run(["agenda", "--format", "json"]).stdout.contains("Organizēt CAP grupu"))
        #expect(s.run(["meeting", "list"]).stdout.contains("quarters without one"))
        let cancel = s.run(["meeting", "new", "--date", "2025-12-10"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(s.run(["meeting", "cancel", cancel]).status == 0)
    }

    @Test func emergencyAgendaListsTertiaryAndAsNeededServices() {
        let s = SargsProcess.madona(today: "2025-07-01")
        #expect(s.run(["record", "7.1", "--date", "2025-03-01"]).status == 0)
        let json = s.run(["agenda", "--kind", "emergency", "--topic", "Sarunas ar skolu", "--format", "json"]).stdout
        #expect(json.contains("\"kind\": \"emergency\""))
        for id in ["4.2", "7.1", "7.2", "7.3"] { #expect(json.contains("\"activity\": \"\(id)\""), "\(id)") }
        #expect(!json.contains("\"activity\": \"5.2\""))
        #expect(s.run(["agenda", "--kind", "emergency", "--topic", "010203-12345"]).status == 65)
    }

    @Test func reportAndCalendar() throws {
        let s = SargsProcess.madona(today: "2025-12-31")
        #expect(s.run(["record", "2.4", "--date", "2025-03-10", "--count", "12"]).status == 0)
        let json = s.run(["report", "--year", "2025", "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"2.4\""))
        #expect(s.run(["report", "--year", "2025", "--format", "csv"]).stdout.split(separator: "\n").count >= 30)
        #expect(s.run(["report", "--year", "2031"]).status == 65)
        _ = s.run(["meeting", "new", "--date", "2026-03-04"])
        let ics = s.run(["export", "--format", "ics"])
        #expect(ics.status == 0)
        #expect(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
        let file = s.directory + "/plan.ics"
        try ics.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let script = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        events = [c for c in cal.walk('VEVENT')]
        print(len(events))
        print(sum(1 for e in events if str(e.get('uid')).startswith('meeting-')))
        """
        let parsed = SargsProcess.execute("/usr/bin/python3", ["-c", script, file], environment: [:])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let lines = parsed.stdout.split(separator: "\n")
        #expect(lines.first.flatMap { Int($0) } ?? 0 >= 8, "one-off deadlines and the meeting: \(parsed.stdout)")
        #expect(lines.last == "1")
    }

    @Test func usageErrorsAreOneLineWithStatus64() {
        let s = SargsProcess.madona()
        for args in [["frobnicate"], ["agenda", "--kind", "secret"], ["record", "5.2", "--count", "many"], ["--lang", "de", "log"]] {
            let r = s.run(args)
            #expect(r.status == 64, "\(args): \(r.stderr)")
            #expect(r.stderr.hasPrefix("sargs: error: ") && r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
        #expect(s.run(["--help"]).status == 0)
    }

    @Test func outputThatCannotBeWrittenIsAnError() {
        let s = SargsProcess.madona(today: "2025-07-01")
        for command in ["report --year 2025 --format csv", "agenda --format json", "log", "export --format ics", "plan export"] {
            let r = SargsProcess.execute("/bin/sh", ["-c", "\"\(SargsProcess.binary)\" \(command) > /dev/full"], environment: s.environment)
            #expect(r.status == 74, "\(command): \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix("sargs: error: the output cannot be written"), "\(command): \(r.stderr)")
        }
    }

    @Test func globalOptionsAnywhereTheLaterWins() {
        var s = SargsProcess.madona(today: "2025-07-01")
        s.user = "tester"
        #expect(s.run(["--user", "alice", "note", "2.4", "pirmā", "--user", "bob"]).status == 0)
        #expect(s.run(["log", "2.4"]).stdout.contains("bob\(account("en")) added a note to 2.4"))
        #expect(s.run(["meeting", "--db", s.database, "list"]).status == 0, "an option between a group and its command")
        #expect(s.run(["--today", "2025-07-01", "agenda", "--today", "2025-08-01", "--format", "json"]).stdout
            .contains("\"date\": \"2025-08-01\""))
        // A note has lines; a personal code across a line break is still refused.
        #expect(s.run(["note", "2.4", "sarunāts\nar skolu"]).status == 0)
        #expect(s.run(["record", "2.4", "--note", "kods 010203\r\n12345"]).status == 65)
    }

    @Test func latvianIsTheDefault() {
        let s = SargsProcess.madona(today: "2025-07-01")
        let r = s.run(["record", "9.9"], environment: ["SARGS_LANG": "lv"])
        #expect(r.stderr.contains("nav aktivitātes"))
        #expect(s.run(["agenda"], environment: ["SARGS_LANG": "lv"]).stdout.contains("Pārskata periods"))
        // Usage errors too, in the interface's language; the same events read the same on the board and here.
        let lv = ["SARGS_LANG": "lv"]
        for (args, says) in [(["record"], "trūkst argumenta"), (["agenda", "--kind", "secret"], "nav derīga"),
                             (["frobnicate"], "negaidīts arguments"), (["--today", "x", "agenda"], "--today jābūt datumam")] {
            let r = s.run(args, environment: lv)
            #expect(r.status == 64 && r.stderr.contains(says), "\(args): \(r.stderr)")
        }
        #expect(s.run(["status", "2.1", "blocked"], environment: lv).stdout == "Statuss: 2.1 → bloķēta\n")
        #expect(s.run(["meeting", "new", "--date", "2025-07-01"]).status == 0)
        #expect(s.run(["meeting", "list"], environment: lv).stdout.contains("#1  2025-07-01  kārtējā  plānota"))
        #expect(s.run(["log", "2.1"], environment: lv).stdout.contains("tester\(account("lv")) mainīja statusu 2.1: plānota → bloķēta"))
    }
}
