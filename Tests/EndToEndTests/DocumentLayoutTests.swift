import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Issue 26, documents for the council: A4 with a running header and page
/// numbers in DOCX, ODT and PDF; every minutes item keeps its lines under
/// it at 40 items (the DOCX's list levels, read by python-docx); the
/// Madona report on at most 6 A4 pages; totals without a target in every
/// format; a PDF never fetches what the data names; without weasyprint
/// the PDF is refused with the package to install (69).
///
/// The tools come with `make` (pandoc, weasyprint, poppler-utils,
/// python3-docx); a test that needs one that is missing says which and is skipped.
@Suite("Documents laid out for A4", .serialized)
struct DocumentLayoutTests {
    static func onPath(_ name: String) -> Bool {
        ["/usr/bin", "/bin", "/usr/local/bin"].contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }
    static let hasPandoc = onPath("pandoc")
    static let hasWeasyprint = onPath("weasyprint")
    static let hasPoppler = onPath("pdfinfo") && onPath("pdftotext")
    static let hasPythonDocx = SargsProcess.execute("/usr/bin/python3", ["-c", "import docx, sqlite3, zipfile"], environment: [:]).status == 0
    static let forPDF = hasPandoc && hasWeasyprint && hasPoppler
    static let pdfReason: Comment = "needs pandoc, weasyprint and poppler-utils (make installs them)"

    /// A Madona store on 2026-01-15 with meeting 1 (2025-04-24) held, with a chair and a decision.
    static func madonaWithMeeting() -> SargsProcess {
        let s = SargsProcess.madona(today: "2026-01-15")
        #expect(s.run(["meeting", "new", "--date", "2025-04-24"]).status == 0)
        let held = s.run(["meeting", "hold", "1", "--attendees", "SD,IN,BT", "--place", "Domes zāle", "--started", "10:00",
                          "--ended", "11:30", "--chair", "Grupas vadītāja"])
        #expect(held.status == 0, "\(held.stderr)")
        #expect(s.run(["decision", "add", "--meeting", "1", "--owner", "SD", "--due", "2025-06-30", "--activity", "2.3",
                       "Atrast speciālistu CAP nodarbībām"]).status == 0)
        return s
    }

    /// Writes `arguments` (a document command) to `name` in the test's folder and returns the path.
    static func document(_ s: SargsProcess, _ name: String, _ arguments: [String], language: String = "lv") -> String {
        let path = s.directory + "/" + name
        let run = s.run(arguments + ["-o", path], environment: ["SARGS_LANG": language])
        #expect(run.status == 0, "\(name): \(run.stderr)")
        return path
    }

    static func python(_ script: String, _ arguments: [String]) -> SargsProcess.Result {
        let r = SargsProcess.execute("/usr/bin/python3", ["-c", script] + arguments, environment: [:])
        #expect(r.status == 0, "\(r.stderr)")
        return r
    }

    /// pdfinfo's page count and page size in points.
    static func pdfInfo(_ path: String) -> (pages: Int, width: Double, height: Double) {
        let info = SargsProcess.execute("/usr/bin/pdfinfo", [path], environment: [:]).stdout
        var pages = 0, width = 0.0, height = 0.0
        for line in info.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            if line.hasPrefix("Pages:"), words.count > 1 { pages = Int(words[1]) ?? 0 }
            if line.hasPrefix("Page size:"), words.count > 4 { width = Double(words[2]) ?? 0; height = Double(words[4]) ?? 0 }
        }
        return (pages, width, height)
    }

    static func pdfText(_ path: String) -> String {
        SargsProcess.execute("/usr/bin/pdftotext", ["-layout", path, "-"], environment: [:]).stdout
    }

    // MARK: 40 items

    @Test("40 agenda items: in the minutes' DOCX every item's lines sit one list level under it (python-docx)",
          .enabled(if: hasPandoc && hasPythonDocx, "needs pandoc and python3-docx (make installs them)"))
    func fortyItems() throws {
        let s = SargsProcess(today: "2025-06-20")
        var yaml = """
            sargs: 1
            id: cetrdesmit
            title: Plāns ar 40 aktivitātēm
            municipality: Parauga novads
            period: {from: 2025, to: 2027}
            goals:
              - number: 1
                level: primary
                title: Mērķis 1
                activities:

            """
        for n in 1...40 {
            yaml += "      - {id: \"1.\(n)\", title: \"Aktivitāte \(n)\", period: 2025, schedule: {once: 2025-03}, owners: [SD], funding: [PB]}\n"
        }
        try yaml.write(toFile: s.directory + "/plan.yaml", atomically: true, encoding: .utf8)
        #expect(s.run(["init", s.directory + "/plan.yaml"]).status == 0)
        #expect(s.run(["meeting", "new", "--date", "2025-06-10"]).status == 0)
        // The 40 items as the chair's saved agenda holds them (the table the board writes).
        _ = Self.python("""
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("DELETE FROM meeting_item WHERE meeting = 1")
            for n in range(1, 41):
                db.execute("INSERT INTO meeting_item (meeting, position, activity, outcome) VALUES (1, ?, ?, 'discussed')", (n, "1.%d" % n))
            db.commit()
            """, [s.database])
        #expect(s.run(["decision", "add", "--meeting", "1", "--owner", "SD", "--due", "2025-09-01", "--activity", "1.40",
                       "Pirmā rinda\notrā rinda"]).status == 0)
        let docx = Self.document(s, "m.docx", ["meeting", "show", "1", "--format", "docx"])
        // Each paragraph: its list level (-1 outside a list) and its text.
        let read = Self.python("""
            import sys, docx
            for p in docx.Document(sys.argv[1]).paragraphs:
                numPr = p._p.pPr.numPr if p._p.pPr is not None else None
                level = numPr.ilvl.val if numPr is not None and numPr.ilvl is not None else -1
                print("%d\\t%s" % (level, p.text.replace("\\n", " ")))
            """, [docx])
        let paragraphs: [(level: Int, text: String)] = read.stdout.split(separator: "\n").map {
            let parts = $0.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return (Int(parts[0]) ?? -9, parts.count > 1 ? String(parts[1]) : "")
        }
        for n in 1...40 {
            let head = "1.\(n) Aktivitāte \(n) (SD)"
            guard let at = paragraphs.firstIndex(where: { $0.text == head }) else {
                Issue.record("item \(n) is missing: \(paragraphs.map(\.text).prefix(60))")
                continue
            }
            let item = paragraphs[at]
            #expect(item.level >= 0, "item \(n) is not a list item")
            // Its lines: up to the next item or the next heading.
            let lines = paragraphs[(at + 1)...].prefix { !($0.text.hasPrefix("1.") && $0.text.hasSuffix("(SD)")) && $0.text != "Lēmumi" }
            let under = lines.filter { $0.text.hasPrefix("Iekļauts") || $0.text.hasPrefix("Iznākums") || $0.text.hasPrefix("Lēmums") }
            #expect(under.count >= 2, "item \(n): \(Array(lines))")
            for line in under {
                #expect(line.level > item.level, "item \(n) (level \(item.level)): '\(line.text)' is at level \(line.level)")
            }
        }
        // The decision of item 40 keeps its second line.
        #expect(paragraphs.contains { $0.text.hasPrefix("Lēmums Nr. 1 [SD] Pirmā rinda") && $0.text.contains("otrā rinda") && $0.level > 0 })
    }

    // MARK: A4

    @Test("A4 with the office's margins, a header with the municipality and the meeting, page numbers: DOCX and ODT",
          .enabled(if: hasPandoc && hasPythonDocx, "needs pandoc and python3-docx (make installs them)"))
    func a4DocxAndOdt() throws {
        let s = Self.madonaWithMeeting()
        for (name, arguments, header) in [
            ("m.docx", ["meeting", "show", "1", "--format", "docx"], "Madonas novads\tProtokols Nr. 1, 2025. gada 24. aprīlis"),
            ("r.docx", ["report", "--year", "2025", "--format", "docx"], "Madonas novads\tPārskats par 2025. gadu"),
        ] {
            let path = Self.document(s, name, arguments)
            let read = Self.python("""
                import sys, re, zipfile, docx
                z = zipfile.ZipFile(sys.argv[1])
                body = z.read("word/document.xml").decode()
                sect = re.findall(r"<w:sectPr.*?</w:sectPr>", body, re.S)[-1]
                size = re.search(r"<w:pgSz [^>]*>", sect).group(0)
                margins = re.search(r"<w:pgMar [^>]*>", sect).group(0)
                attr = lambda tag, name: re.search(r'w:%s="(\\d+)"' % name, tag).group(1)
                print("size", attr(size, "w"), attr(size, "h"))
                print("margins", attr(margins, "left"), attr(margins, "right"), attr(margins, "top"), attr(margins, "bottom"))
                section = docx.Document(sys.argv[1]).sections[0]
                print("header", "|".join(p.text for p in section.header.paragraphs))
                footer = "".join(p._p.xml for p in section.footer.paragraphs)
                print("footer", "PAGE" in footer and "NUMPAGES" in footer)
                """, [path])
            let lines = read.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains("size 11906 16838"), "\(name): \(read.stdout)")
            #expect(lines.contains("margins 1701 1134 1134 1134"), "\(name): 30 mm left, 20 mm the others: \(read.stdout)")
            #expect(lines.contains("header " + header), "\(name): \(read.stdout)")
            #expect(lines.contains("footer True"), "\(name): \(read.stdout)")
        }
        for (name, arguments) in [("m.odt", ["meeting", "show", "1", "--format", "odt"]), ("r.odt", ["report", "--year", "2025", "--format", "odt"])] {
            let path = Self.document(s, name, arguments)
            let read = Self.python("""
                import sys, re, zipfile
                styles = zipfile.ZipFile(sys.argv[1]).read("styles.xml").decode()
                layout = re.search(r"<style:page-layout-properties[^>]*>", styles).group(0)
                print(re.search(r'fo:page-width="([^"]*)"', layout).group(1), re.search(r'fo:page-height="([^"]*)"', layout).group(1),
                      re.search(r'fo:margin-left="([^"]*)"', layout).group(1))
                print("Madonas novads" in styles, "page-count" in styles)
                """, [path])
            #expect(read.stdout == "21.0cm 29.7cm 3.0cm\nTrue True\n", "\(name): \(read.stdout)")
        }
    }

    @Test("PDF: A4 (595.28 × 841.89 pt), the header on every page, 'page / pages' at the foot, Latvian dates and signature lines",
          .enabled(if: forPDF, pdfReason))
    func a4Pdf() throws {
        let s = Self.madonaWithMeeting()
        let minutes = Self.document(s, "m.pdf", ["meeting", "show", "1", "--format", "pdf"])
        let info = Self.pdfInfo(minutes)
        #expect(abs(info.width - 595.28) < 0.05 && abs(info.height - 841.89) < 0.05, "\(info)")
        let text = Self.pdfText(minutes)
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: true).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        #expect(pages.count == info.pages)
        for (i, page) in pages.enumerated() {
            #expect(page.contains("Madonas novads") && page.contains("Protokols Nr. 1, 2025. gada 24. aprīlis"), "page \(i + 1): \(page)")
            // pdftotext drops the spaces around the slash: "1/3".
            let unspaced = page.filter { !$0.isWhitespace }
            #expect(unspaced.hasSuffix("\(i + 1)/\(info.pages)"), "page \(i + 1): \(page)")
        }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Sēde notika 2025. gada 24. aprīlī."), "\(words)")
        #expect(words.contains("Sēdi vadīja:") && words.contains("(paraksts) Grupas vadītāja") && words.contains("(vārds, uzvārds)"), "\(words)")
        let report = Self.document(s, "r.pdf", ["report", "--year", "2025", "--format", "pdf"], language: "en")
        let reportInfo = Self.pdfInfo(report)
        #expect(abs(reportInfo.width - 595.28) < 0.05 && abs(reportInfo.height - 841.89) < 0.05, "\(reportInfo)")
        #expect(Self.pdfText(report).contains("Report for 2025"))
        // The file is the store's kind of private: not readable by others.
        var info2 = stat()
        #expect(stat(report, &info2) == 0 && info2.st_mode & 0o007 == 0)
    }

    // MARK: The report

    /// Records through 2025 for every activity of the Madona plan, a blocked one, a waived window.
    static func madonaYear() throws -> SargsProcess {
        let s = Self.madonaWithMeeting()
        let export = s.run(["plan", "export", "--format", "json"])
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
        let goals = try #require(plan["goals"] as? [[String: Any]])
        let ids = goals.flatMap { ($0["activities"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String } }
        #expect(ids.count == 29, "\(ids)")
        var recorded = 0
        for (i, id) in ids.enumerated() {
            for month in ["02", "05", "08", "11"] where (i + Int(month)!) % 3 != 0 {
                if s.run(["record", id, "--date", "2025-\(month)-1\(i % 9)", "--count", String(3 + i * 2 + Int(month)!)]).status == 0 { recorded += 1 }
            }
        }
        #expect(recorded > 60, "\(recorded) records")
        #expect(s.run(["status", "2.3", "blocked", "--note", "Nav speciālista; meklējam ar kaimiņu novadu"]).status == 0)
        #expect(s.run(["waive", "5.2", "2025-W14", "--note", "Lieldienu brīvdienas"]).status == 0)
        return s
    }

    @Test("the Madona report for a year with records fits on at most 6 A4 pages, in Latvian and in English",
          .enabled(if: forPDF, pdfReason))
    func madonaReportPages() throws {
        let s = try Self.madonaYear()
        for language in ["lv", "en"] {
            let path = Self.document(s, "r-\(language).pdf", ["report", "--year", "2025", "--format", "pdf"], language: language)
            let info = Self.pdfInfo(path)
            print("Madona report 2025 (\(language)): \(info.pages) A4 pages")
            #expect(info.pages >= 2 && info.pages <= 6, "\(language): \(info.pages) pages")
            let text = Self.pdfText(path)
            for id in ["1.1", "2.11", "5.2", "7.1"] { #expect(text.contains(id), "\(language): \(id) missing") }
        }
    }

    @Test("totals without a target in every format: Markdown, JSON, CSV, DOCX, PDF ('kopā 25', '21 jaunietis')",
          .enabled(if: hasPandoc && hasPythonDocx, "needs pandoc and python3-docx (make installs them)"))
    func totalsEverywhere() throws {
        let s = SargsProcess.madona(today: "2026-01-15")
        // 2.1 has no target: 25 in two records; 5.1 none either: 16 places in one; 3.3 counts young people against 50.
        for (id, date, count) in [("2.1", "2025-03-10", "10"), ("2.1", "2025-10-02", "15"), ("5.1", "2025-06-10", "16"),
                                  ("3.3", "2025-05-05", "21")] {
            let r = s.run(["record", id, "--date", date, "--count", count])
            #expect(r.status == 0, "\(id): \(r.stderr)")
        }
        let lv = ["SARGS_LANG": "lv"]
        let markdown = s.run(["report", "--year", "2025"], environment: lv).stdout
        // Entered on 2026-01-15, after 2025 ended: the report says so (issue 27).
        #expect(markdown.contains("4 ieraksti pievienoti pēc gada beigām."), "\(markdown)")
        #expect(markdown.contains("Izpilde 2025. gadā: 2 ieraksti (2 pievienoti pēc gada beigām), kopā 25."), "\(markdown)")
        #expect(markdown.contains("Izpilde 2025. gadā: 1 ieraksts (1 pievienots pēc gada beigām), kopā 16."))
        #expect(markdown.contains("kopā 21 jaunietis; mērķis — 50 jaunieši"))
        let json = s.run(["report", "--year", "2025", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let lines = (object["goals"] as? [[String: Any]] ?? []).flatMap { $0["activities"] as? [[String: Any]] ?? [] }
        let totals = Dictionary(uniqueKeysWithValues: lines.compactMap { line in
            (line["activity"] as? String).map { ($0, line["total"] as? Int ?? -1) }
        })
        #expect(totals["2.1"] == 25 && totals["5.1"] == 16 && totals["3.3"] == 21 && totals["1.1"] == 0, "\(totals)")
        #expect(lines.allSatisfy { $0["records"] != nil && $0["progress"] != nil && $0["target"] != nil && $0["unit"] != nil },
                "no key removed")
        let csv = s.run(["report", "--year", "2025", "--format", "csv"], environment: lv).stdout
        #expect(csv.hasPrefix("\u{FEFF}gads;"))
        let rows = csv.split(separator: "\n").map { $0.split(separator: ";", omittingEmptySubsequences: false) }
        let column = try #require(rows.first?.firstIndex(of: "kopā gadā"))
        #expect(rows.first?.last == "pievienoti pēc gada beigām")
        #expect(rows.first { $0.count > 3 && $0[3] == "2.1" }.map { [$0[column], $0.last] } == ["25", "2"])
        let docx = Self.document(s, "r.docx", ["report", "--year", "2025", "--format", "docx"])
        let text = Self.python("import sys, docx\nfor p in docx.Document(sys.argv[1]).paragraphs: print(p.text)", [docx]).stdout
        #expect(text.contains("Izpilde 2025. gadā: 2 ieraksti (2 pievienoti pēc gada beigām), kopā 25."), "\(text)")
        #expect(text.contains("kopā 21 jaunietis"))
        if Self.forPDF {
            let pdf = Self.pdfText(Self.document(s, "r.pdf", ["report", "--year", "2025", "--format", "pdf"]))
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(pdf.contains("2 ieraksti (2 pievienoti pēc gada beigām), kopā 25.") && pdf.contains("kopā 16."), "\(pdf)")
        }
    }

    // MARK: Nothing fetched

    @Test("a note or decision naming an image at a local address or file:///etc/passwd: the PDF fetches and embeds nothing",
          .enabled(if: forPDF, pdfReason))
    func nothingFetched() throws {
        // A listening socket: a fetch would leave a connection waiting in its backlog.
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(listener >= 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) == 0 && listen(listener, 8) == 0
                && getsockname(listener, $0, &length) == 0 }
        }
        try #require(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        _ = fcntl(listener, F_SETFL, fcntl(listener, F_GETFL) | O_NONBLOCK)

        let s = Self.madonaWithMeeting()
        let hostile = "![x](http://127.0.0.1:\(port)/a.png) ![p](file:///etc/passwd) <img src=\"http://127.0.0.1:\(port)/b.png\"> [l](http://127.0.0.1:\(port)/c)"
        #expect(s.run(["status", "2.2", "blocked", "--note", hostile]).status == 0)
        #expect(s.run(["decision", "add", "--meeting", "1", "--owner", "IN", "--due", "2025-09-01", hostile]).status == 0)
        // 2026's report: 2025's was closed by the first change of 2026 (issue 27), before the note was written.
        for (name, arguments) in [("r.pdf", ["report", "--year", "2026", "--format", "pdf"]),
                                  ("m.pdf", ["meeting", "show", "1", "--format", "pdf"])] {
            let path = Self.document(s, name, arguments)
            let text = Self.pdfText(path)
            #expect(text.contains("127.0.0.1:\(port)/a.png"), "\(name): the address stays text")
            #expect(!text.contains("root:x:0:0"), "\(name): /etc/passwd was embedded")
            let images = SargsProcess.execute("/usr/bin/pdfimages", ["-list", path], environment: [:]).stdout
            #expect(images.split(separator: "\n").count <= 2, "\(name): \(images)")
        }
        let accepted = accept(listener, nil, nil)
        if accepted >= 0 { close(accepted) }
        #expect(accepted < 0 && (errno == EAGAIN || errno == EWOULDBLOCK), "something connected to 127.0.0.1:\(port)")
    }

    @Test("without weasyprint a PDF is refused with the package to install (69) and no file; DOCX still made",
          .enabled(if: hasPandoc, "needs pandoc (make installs it)"))
    func noWeasyprint() throws {
        let s = Self.madonaWithMeeting()
        let bin = s.directory + "/bin"
        mkdir(bin, 0o755)
        let pandoc = try #require(["/usr/bin/pandoc", "/usr/local/bin/pandoc", "/bin/pandoc"].first { FileManager.default.isExecutableFile(atPath: $0) })
        symlink(pandoc, bin + "/pandoc")
        let path = ["PATH": bin]
        for (language, words) in [("en", "PDF documents are made by weasyprint, which is not installed; install it: sudo apt-get install weasyprint"),
                                  ("lv", "PDF dokumentus veido weasyprint, bet tas nav uzstādīts; uzstādiet to: sudo apt-get install weasyprint")] {
            let run = s.run(["meeting", "show", "1", "--format", "pdf", "-o", s.directory + "/m.pdf"], environment: path.merging(["SARGS_LANG": language]) { $1 })
            #expect(run.status == 69 && run.stderr == "sargs: error: \(words)\n", "\(run.status) \(run.stderr)")
        }
        #expect(s.run(["report", "--year", "2025", "--format", "pdf", "-o", s.directory + "/r.pdf"], environment: path).status == 69)
        #expect(!FileManager.default.fileExists(atPath: s.directory + "/m.pdf") && !FileManager.default.fileExists(atPath: s.directory + "/r.pdf"))
        #expect(s.run(["meeting", "show", "1", "--format", "docx", "-o", s.directory + "/m.docx"], environment: path).status == 0)
    }
}
