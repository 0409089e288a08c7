import Foundation
import SargsBoard
import Testing
import TestSupport

/// The follow-up loop as a chair lives it, with the real binary in tmux:
/// decisions taken, the meeting held with its facts, the next meeting's
/// review closing one and moving the other, the minutes as a DOCX that
/// python-docx reads; and the yearly report as of the year's end.
@Suite("Follow-up, end to end", .serialized)
struct FollowUpEndToEndTests {
    func board(_ s: SargsProcess, width: Int = 100, height: Int = 30) -> TmuxSession {
        var env = s.environment
        env["SARGS_LANG"] = "lv"
        return TmuxSession(width: width, height: height, command: SargsProcess.binary, environment: env)
    }

    /// Reads a DOCX with Debian's python3-docx: every paragraph's text, one per line.
    func paragraphs(_ path: String) -> (status: Int32, text: String, error: String) {
        let script = "import sys, docx\nfor p in docx.Document(sys.argv[1]).paragraphs: print(p.text)"
        let r = SargsProcess.execute("/usr/bin/python3", ["-c", script, path], environment: [:])
        return (r.status, r.stdout, r.stderr)
    }

    @Test("two decisions, the meeting held with its facts; the next one reviews both; the minutes as DOCX carry it all")
    func followUpToTheDocument() throws {
        var s = SargsProcess.madona(today: "2025-09-10")
        #expect(s.run(["meeting", "new", "--date", "2025-09-10"]).stdout == "1\n")
        #expect(s.run(["decision", "add", "--meeting", "1", "--owner", "SD", "--due", "2025-10-20", "--activity", "2.1",
                       "Sagatavot materiālu skolām"]).stdout == "1\n")
        #expect(s.run(["decision", "add", "--meeting", "1", "--owner", "BT", "--due", "2025-11-30", "Informēt skolas"]).stdout == "2\n")
        var t = board(s)
        #expect(t.wait(for: "sargs").ok)
        t.press(.agenda)
        #expect(t.wait(for: "Pārskata periods").ok)
        t.press(.saveMeeting)
        #expect(t.wait(for: "Saglabāta kā sēde Nr. 1").ok)
        t.press(.hold)
        #expect(t.wait(for: "Sēde Nr. 1 notikusi").ok)
        t.type("Domes zāle"); t.press(.formNext); t.type("10:00"); t.press(.formNext); t.type("11:30"); t.press(.formNext)
        t.type("Grupas vadītāja"); t.press(.formNext); t.type("Jaunatnes lietu speciāliste"); t.press(.formNext)
        t.press(.fieldClear); t.type("SD, BT, IN")
        t.press(.formSave)
        let held = t.wait(for: "Sēde Nr. 1 notikusi; m — protokols")
        #expect(held.ok, "\(held.screen)")
        t.press(.quit)
        t.close()

        // The next meeting: its chair reviews both decisions first.
        s.today = "2025-12-10"
        #expect(s.run(["meeting", "new", "--date", "2025-12-10"]).stdout == "2\n")
        t = board(s)
        #expect(t.wait(for: "sargs").ok)
        t.press(.agenda)
        // Planned on the command line, its agenda is stored with it (issue 26): nothing unsaved that nobody made.
        #expect(t.wait(for: "Saglabāta kā sēde Nr. 2").ok, "\(t.screen)")
        t.press(.chair)
        let first = t.wait { $0.contains("lēmums 1 / 2") && $0.contains("Sagatavot materiālu skolām") }
        #expect(first.ok, "\(first.screen)")
        t.press(.reviewDone)
        let second = t.wait { $0.contains("lēmums 2 / 2") && $0.contains("Informēt skolas") && $0.contains("NOKAVĒTS 10 d.") }
        #expect(second.ok, "\(second.screen)")
        t.press(.reviewDue)
        #expect(t.wait(for: "Lēmums Nr. 2: jauns termiņš").ok)
        t.press(.fieldClear); t.type("2026-01-31")
        t.press(.formSave)
        #expect(t.wait(for: "Lēmuma Nr. 2 jaunais termiņš: 2026-01-31").ok)
        #expect(t.wait(for: "jautājums 1 /").ok, "after the review, the items")
        t.press(.hold)
        #expect(t.wait(for: "Sēde Nr. 2 notikusi").ok)
        t.type("Skola"); for _ in 0..<5 { t.press(.formNext) }; t.press(.fieldClear); t.type("SD, IN, VP")
        t.press(.formSave)
        #expect(t.wait(for: "Sēde Nr. 2 notikusi; m — protokols").ok)
        t.press(.quit)
        t.close()

        let list = s.run(["decision", "list", "--all", "--format", "json"])
        #expect(list.stdout.contains(#""closed_at": 2"#) && list.stdout.contains(#""due": "2026-01-31""#), "\(list.stdout)")
        let journal = s.run(["log"]).stdout
        #expect(journal.contains("due date of decision 2: 2025-11-30 → 2026-01-31"), "\(journal)")

        let file = s.directory + "/sede-2.docx"
        let written = s.run(["meeting", "show", "2", "--format", "docx", "-o", file])
        #expect(written.status == 0, "\(written.stderr)")
        let doc = paragraphs(file)
        #expect(doc.status == 0, "\(doc.error)")
        for text in ["Minutes no. 2", "Sagatavot materiālu skolām", "closed at this meeting", "Informēt skolas",
                     "due date moved from 30 November 2025 to 31 January 2026", "Present: SD (", "IN (", "VP (",
                     "Absent: SG (", "BT ("] {
            #expect(doc.text.contains(text), "\(text)\n\(doc.text)")
        }
        // Never over a file that is there, unless asked.
        let again = s.run(["meeting", "show", "2", "--format", "docx", "-o", file])
        #expect(again.status == 64 && again.stderr.contains("--force"), "\(again.stderr)")
        #expect(s.run(["meeting", "show", "2", "--format", "odt", "-o", s.directory + "/sede-2.odt"]).status == 0)
        // The first meeting's minutes carry its facts.
        let minutes = s.run(["meeting", "show", "1", "--format", "markdown", "--lang", "lv"]).stdout
        for text in ["- **Vieta:** Domes zāle", "- **Laiks:** 10:00–11:30", "- **Sēdi vadīja:** Grupas vadītāja",
                     "- **Protokolēja:** Jaunatnes lietu speciāliste", "- **Piedalījās:** SD (", "- **Nepiedalījās:** SG ("] {
            #expect(minutes.contains(text), "\(text)\n\(minutes)")
        }
    }

    @Test("without pandoc a document is refused with the package to install (69); text formats still work")
    func noPandoc() {
        let s = SargsProcess.madona(today: "2025-09-10")
        #expect(s.run(["meeting", "new", "--date", "2025-09-10"]).status == 0)
        let r = s.run(["meeting", "show", "1", "--format", "docx", "-o", s.directory + "/x.docx"], environment: ["PATH": "/nonexistent"])
        #expect(r.status == 69 && r.stderr.contains("apt-get install pandoc"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: s.directory + "/x.docx"))
        let missing = s.run(["report", "--year", "2025", "--format", "docx"])
        #expect(missing.status == 64 && missing.stderr.contains("-o"), "\(missing.stderr)")
    }

    @Test("the 2025 report as of the year's end: 1.4 met in Q4 is not overdue, 1.1 never done is")
    func yearEndReport() throws {
        let s = SargsProcess.madona(today: "2026-03-01")
        #expect(s.run(["record", "1.4", "--date", "2025-11-05", "--count", "2"]).status == 0)
        let r = s.run(["report", "--year", "2025", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["evaluated_on"] as? String == "2026-01-01")
        let activities = (json["goals"] as? [[String: Any]] ?? []).flatMap { $0["activities"] as? [[String: Any]] ?? [] }
        let byID = Dictionary(activities.map { ($0["activity"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byID["1.4"]?["state"] as? String != "overdue", "\(String(describing: byID["1.4"]))")
        #expect(byID["1.1"]?["state"] as? String == "overdue", "\(String(describing: byID["1.1"]))")
        #expect(byID["1.1"]?["days_overdue"] as? Int == 1)
        // A document of the report too.
        let file = s.directory + "/parskats.docx"
        #expect(s.run(["report", "--year", "2025", "--format", "docx", "-o", file]).status == 0)
        let doc = paragraphs(file)
        #expect(doc.status == 0 && doc.text.contains("Report for 2025"), "\(doc.text.prefix(300)) \(doc.error)")
    }

    @Test("hold and edit on the command line: every flag, every refusal in one line")
    func holdAndEditCommands() {
        let s = SargsProcess.madona(today: "2025-09-10")
        #expect(s.run(["meeting", "new", "--date", "2025-09-10"]).status == 0)
        #expect(s.run(["meeting", "new", "--date", "2025-12-10"]).status == 0)
        let future = s.run(["meeting", "hold", "2"])
        #expect(future.status == 65 && future.stderr.contains("in the future"), "\(future.stderr)")
        let times = s.run(["meeting", "hold", "1", "--started", "25:00"])
        #expect(times.status == 64 && times.stderr.contains("HH:MM"), "\(times.stderr)")
        let code = s.run(["meeting", "hold", "1", "--guests", "viesis 120397-12345"])
        #expect(code.status == 65 && code.stderr.contains("personal code"), "\(code.stderr)")
        let ok = s.run(["meeting", "hold", "1", "--attendees", "SD,bt", "--place", "Zāle", "--started", "9:00", "--ended", "10:15",
                        "--chair", "Vadītāja", "--secretary", "Sekretāre", "--guests", "Direktors", "--restricted"])
        #expect(ok.status == 0, "\(ok.stderr)")
        let again = s.run(["meeting", "hold", "1"])
        #expect(again.status == 65 && again.stderr.contains("meeting edit 1"), "\(again.stderr)")
        #expect(s.run(["meeting", "cancel", "1"]).status == 65)
        #expect(s.run(["meeting", "edit", "1", "--place", "", "--no-restricted"]).status == 0)
        let json = s.run(["meeting", "show", "1", "--format", "json"]).stdout
        #expect(json.contains(#""place": null"#) && json.contains(#""restricted": false"#) && json.contains(#""attendees": ["#), "\(json)")
        #expect(s.run(["meeting", "edit", "1"]).status == 64)
        let log = s.run(["log"]).stdout
        #expect(log.contains("edited the details of meeting 1: place, restricted access"), "\(log)")
    }
}

extension FollowUpEndToEndTests {
    @Test("a municipality's reference document (Themes/reference.docx beside the share) styles the document")
    func referenceDocument() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        #expect(s.run(["meeting", "new", "--date", "2025-09-10"]).status == 0)
        // A letterhead made from pandoc's own reference, its body font changed.
        let share = s.directory + "/share"
        try FileManager.default.createDirectory(atPath: share + "/Themes", withIntermediateDirectories: true)
        let reference = share + "/Themes/reference.docx"
        let made = SargsProcess.execute("/usr/bin/pandoc", ["-o", reference, "--print-default-data-file", "reference.docx"],
                                        environment: [:])
        #expect(made.status == 0, "\(made.stderr)")
        let style = """
            import sys, docx
            d = docx.Document(sys.argv[1])
            for name in ("Normal", "Body Text", "First Paragraph", "Compact"):
                if name in [s.name for s in d.styles]:
                    d.styles[name].font.name = "Sargs Letterhead Sans"
            d.save(sys.argv[1])
            """
        #expect(SargsProcess.execute("/usr/bin/python3", ["-c", style, reference], environment: [:]).status == 0)
        let file = s.directory + "/styled.docx"
        let r = s.run(["meeting", "show", "1", "--format", "docx", "-o", file], environment: ["SARGS_SHARE": share])
        #expect(r.status == 0, "\(r.stderr)")
        let read = "import sys, docx\nprint(docx.Document(sys.argv[1]).styles['Normal'].font.name)"
        let font = SargsProcess.execute("/usr/bin/python3", ["-c", read, file], environment: [:])
        #expect(font.stdout == "Sargs Letterhead Sans\n", "\(font.stdout) \(font.stderr)")
    }
}

extension FollowUpEndToEndTests {
    @Test("what the first review found on the command line: future years, formats, the store as -o, the closing date, line breaks in documents")
    func commandLineFindings() throws {
        let s = SargsProcess.madona(today: "2025-06-15")
        // A year not begun is not reported.
        let future = s.run(["report", "--year", "2026", "--format", "json"])
        #expect(future.status == 65 && future.stderr.contains("has not begun"), "\(future.stderr)")
        // An unknown format names every allowed one, on one line.
        let rtf = s.run(["meeting", "show", "1", "--format", "rtf"])
        #expect(rtf.status == 64 && rtf.stderr == "sargs: error: the value 'rtf' is not valid for the option '--format <format>'; use 'text', 'markdown', 'json', 'docx', 'odt' or 'pdf'\n", "\(rtf.stderr)")
        #expect(s.run(["meeting", "new", "--date", "2025-06-10"]).status == 0)
        #expect(s.run(["meeting", "new", "--date", "2028-01-01"]).status == 65, "outside the plan period")
        #expect(s.run(["decision", "add", "--meeting", "1", "--owner", "sd", "--due", "2025-07-01", "Pirmā rinda\nsmart -- \"pēdiņas\" ..."]).stdout == "1\n")
        // Closed by meeting 1's review: on that meeting's day, not today.
        #expect(s.run(["meeting", "new", "--date", "2025-06-12"]).status == 0)
        #expect(s.run(["decision", "done", "1", "--meeting", "2"]).status == 0)
        #expect(s.run(["decision", "list", "--all", "--format", "json"]).stdout.contains(#""done": "2025-06-12""#))
        // The store is never a document's file, --force or not.
        let over = s.run(["meeting", "show", "1", "--format", "markdown", "-o", s.database, "--force"])
        #expect(over.status == 64 && over.stderr.contains("is the store"), "\(over.stderr)")
        #expect(s.run(["meeting", "list"]).status == 0, "the store is whole")
        let missing = s.run(["meeting", "show", "1", "--format", "docx", "-o", s.directory + "/nav/m.docx"])
        #expect(missing.status == 74 && missing.stderr == "sargs: error: there is no folder \(s.directory)/nav\n", "\(missing.stderr)")
        // A decision's line break and its typing survive into the document.
        let file = s.directory + "/m1.docx"
        #expect(s.run(["meeting", "show", "1", "--format", "docx", "-o", file]).status == 0)
        let doc = paragraphs(file)
        let read = "import sys, docx\nfor p in docx.Document(sys.argv[1]).paragraphs:\n  print(repr(p.text))"
        let raw = SargsProcess.execute("/usr/bin/python3", ["-c", read, file], environment: [:]).stdout
        #expect(raw.contains(#"Pirmā rinda\nsmart -- "pēdiņas" ..."#), "\(raw)\n\(doc.text)")
    }
}
