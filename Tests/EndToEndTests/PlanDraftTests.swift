import Foundation
import SargsCore
import SargsPlanDraft
import SargsPlanFile
import Testing
import TestSupport

/// Issue 16: a plan drafted from its own table. The Madona table, written
/// as a DOCX by pandoc from a table this test makes of the Madona file,
/// drafts back to the same schedules, owners, funding and targets; a CSV
/// with unknown names and wording is drafted with each place to review.
@Suite("Drafting a plan from its document", .serialized)
struct PlanDraftTests {
    static var pandoc: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pandoc") }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The Madona file's table 2 as HTML: the title paragraphs, the header,
    /// a band row per level, the goal named on its first activity only, the
    /// owners by their names, links on lines of their own.
    ///
    /// `onePerGoal` lays it out as the Madona original does: one row per
    /// goal, each cell a list of paragraphs in the same order, a link on a
    /// paragraph of its own after its activity, with a label before it.
    static func madonaHTML(_ plan: Plan, onePerGoal: Bool = false) -> String {
        var html = "<html><body><p>MADONAS NOVADA PAŠVALDĪBAS PREVENCIJAS PLĀNS</p><p>2025.-2027. GADAM</p>"
        html += "<p>BĒRNU SEKSUĀLAS IZMANTOŠANAS NOVĒRŠANAI</p><table><thead><tr><th>MĒRĶIS</th><th>PREVENCIJAS AKTIVITĀTES</th>"
        html += "<th>ĪSTENOŠANAS PERIODS</th><th>ATBILDĪGĀ INSTITŪCIJA</th><th>FINANŠU AVOTS</th></tr></thead><tbody>"
        var level: Level?
        for goal in plan.goals {
            if goal.level != level {
                level = goal.level
                let band = ["primary": "PRIMĀRĀ PREVENCIJA", "secondary": "SEKUNDĀRĀ PREVENCIJA", "tertiary": "TERCIĀRĀ PREVENCIJA"][goal.level?.rawValue ?? ""] ?? "BEZ LĪMEŅA"
                html += "<tr><td colspan=\"5\">\(band)</td></tr>"
            }
            if onePerGoal {
                let activities = plan.activities.filter { $0.goal == goal.number }
                func cell(_ paragraphs: [String]) -> String { "<td>" + paragraphs.map { "<p>\($0)</p>" }.joined() + "</td>" }
                html += "<tr><td>\(goal.number). \(escape(goal.title))</td>"
                html += cell(activities.flatMap { a in [escape(a.title)] + a.links.map { "Vairāk: " + escape($0) } })
                html += cell(activities.map { escape($0.period) })
                html += cell(activities.map { a in a.owners.map { escape(plan.institutionName($0, in: .lv)) }.joined(separator: ", ") })
                html += cell(activities.map { $0.funding.joined(separator: ", ") }) + "</tr>"
                continue
            }
            for (i, activity) in plan.activities.filter({ $0.goal == goal.number }).enumerated() {
                let goalCell = i == 0 ? "\(goal.number). \(escape(goal.title))" : ""
                let links = activity.links.map { "<br/>" + escape($0) }.joined()
                let owners = activity.owners.map { escape(plan.institutionName($0, in: .lv)) }.joined(separator: ", ")
                html += "<tr><td>\(goalCell)</td><td>\(escape(activity.title))\(links)</td><td>\(escape(activity.period))</td>"
                html += "<td>\(owners)</td><td>\(activity.funding.joined(separator: ", "))</td></tr>"
            }
        }
        return html + "</tbody></table></body></html>"
    }

    @Test("the Madona table as a DOCX drafts back to the Madona file's schedules, owners, funding and targets, a row per activity or per goal",
          .enabled(if: pandoc, "needs pandoc (make installs it)"), arguments: [false, true])
    func madonaFromDOCX(onePerGoal: Bool) throws {
        let plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
        let s = SargsProcess(today: "2025-09-10")
        let html = s.directory + "/madona.html", docx = s.directory + "/madona.docx", draft = s.directory + "/draft.yaml"
        try Self.madonaHTML(plan, onePerGoal: onePerGoal).write(toFile: html, atomically: true, encoding: .utf8)
        let made = SargsProcess.execute("/usr/bin/pandoc", ["-f", "html", "-t", "docx", "-o", docx, html], environment: [:])
        #expect(made.status == 0, "\(made.stderr)")
        let r = s.run(["plan", "draft", docx, "-o", draft])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("29 activities, 7 goals; nothing to review"), "\(r.stderr)")
        let drafted = try PlanFile.read(path: draft)
        #expect(drafted.id == "madona-2025-2027")
        #expect(drafted.municipality == "Madonas novads")
        #expect(drafted.period == plan.period)
        #expect(drafted.goals.map(\.level) == plan.goals.map(\.level))
        #expect(drafted.activities.count == 29)
        for (mine, theirs) in zip(drafted.activities, plan.activities) {
            #expect(mine.id == theirs.id)
            #expect(mine.schedule == theirs.schedule, "\(theirs.id) '\(theirs.period)'")
            #expect(mine.owners == theirs.owners, "\(theirs.id)")
            #expect(mine.funding == theirs.funding, "\(theirs.id)")
            #expect(mine.target == theirs.target, "\(theirs.id)")
            #expect(mine.links == theirs.links, "\(theirs.id)")
            #expect(mine.title.split(separator: " ") == theirs.title.split(separator: " "), "\(theirs.id)")
            #expect(mine.period == theirs.period)
        }
        #expect(s.run(["plan", "check", draft]).status == 0)
    }

    @Test("one row per goal with amounts, due days and a goal without a level drafts into the grown format; counts that disagree are reviewed",
          .enabled(if: pandoc, "needs pandoc (make installs it)"))
    func grownFormat() throws {
        let s = SargsProcess(today: "2026-02-01")
        let html = s.directory + "/plan.html", docx = s.directory + "/plan.docx", draft = s.directory + "/draft.yaml"
        let head = "<th>MĒRĶIS</th><th>PREVENCIJAS AKTIVITĀTES</th><th>ĪSTENOŠANAS PERIODS</th><th>ATBILDĪGĀ INSTITŪCIJA</th><th>FINANŠU AVOTS</th>"
        try """
        <html><body><p>PARAUGA NOVADA PAŠVALDĪBAS PREVENCIJAS PLĀNS 2026.-2028. GADAM</p>
        <table><thead><tr>\(head)</tr></thead><tbody>
        <tr><td colspan="5">BEZ LĪMEŅA</td></tr>
        <tr><td>1. Izglītošana</td><td><p>Apmācīti 20 skolotāji</p><p>Vairāk: https://example.org/a</p><p>Bukleti vecākiem</p>
        <p>Pārskats domei</p></td><td><p>reizi ceturksnī</p><p>2026. gada II pusgads</p><p>ik gadu līdz 1. martam</p></td>
        <td><p>Sociālais dienests</p><p>Bāriņtiesa</p><p>Sadarbības grupa</p></td><td><p>PB 1 500 EUR</p><p>VB</p><p>PB, ESF 300,50 €</p></td></tr>
        <tr><td colspan="5">PRIMĀRĀ PREVENCIJA</td></tr>
        <tr><td>2. Atbalsts</td><td><p>Konsultācijas</p><p>Grupas</p></td><td><p>pēc pieprasījuma</p><p>katru mēnesi līdz 10. datumam</p>
        <p>2027. g.</p></td><td>SD</td><td>PB</td></tr>
        </tbody></table></body></html>
        """.write(toFile: html, atomically: true, encoding: .utf8)
        #expect(SargsProcess.execute("/usr/bin/pandoc", ["-f", "html", "-t", "docx", "-o", docx, html], environment: [:]).status == 0)
        let r = s.run(["plan", "draft", docx, "-o", draft])
        #expect(r.status == 0, "\(r.stderr)")
        let plan = try PlanFile.read(path: draft)
        #expect(plan.goals.map(\.level) == [nil, .primary])
        #expect(plan.activities.map(\.id) == ["1.1", "1.2", "1.3", "2.1"])
        #expect(plan.activities[0].links == ["https://example.org/a"])
        #expect(plan.activities[0].title == "Apmācīti 20 skolotāji")
        #expect(plan.activities[0].amounts == ["PB": Euros("1500")!])
        #expect(plan.activities.map(\.owners) == [["SD"], ["BT"], ["SG"], ["SD"]])
        #expect(plan.activities[2].schedule == .every(.year, from: nil, to: nil, due: DueDay("03-01")))
        #expect(plan.activities[2].funding == ["PB", "ESF"])
        #expect(plan.activities[2].amounts == ["ESF": Euros("300.50")!])
        // Three periods for two titles: one activity, marked for a person to split.
        let check = s.run(["plan", "check", draft])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("3 periods but 2 activity titles") || check.stderr.contains("3 periodi, bet 2 aktivitāšu"), "\(check.stderr)")
        #expect(check.stdout.contains("Bez līmeņa") || check.stdout.contains("No level"), "\(check.stdout)")
        // Once its due day has passed, the duty due by 1 March is on the agenda.
        let store = s.directory + "/draft.sqlite"
        #expect(s.run(["init", draft, "--db", store]).status == 0)
        let agenda = s.run(["agenda", "--db", store, "--today", "2026-03-05", "--format", "json"])
        #expect(agenda.status == 0, "\(agenda.stderr)")
        #expect(agenda.stdout.contains("\"1.3\""), "\(agenda.stdout)")
    }

    /// A municipality's child-rights protection programme in the shape of the general programme (issue 29):
    /// directions instead of levels, measures, owners outside the nine standard codes, yearly deadlines.
    static let programme: [(direction: String, measures: [(title: String, when: String, owners: String)])] = [
        ("1. Bērnu tiesību ievērošanas uzraudzība", [
            ("1.1. Sagatavot pārskatu par bērnu tiesību stāvokli novadā", "katru gadu līdz 1. martam", "Sociālais dienests"),
            ("1.2. Apzināt bērnus, kuri neapmeklē izglītības iestādi", "reizi mēnesī", "Parauga vidusskola, Izglītības nodaļa"),
            ("1.3. Izvērtēt bāriņtiesas lēmumu izpildi", "reizi pusgadā", "Bāriņtiesa")]),
        ("2. Vardarbības pret bērniem novēršana", [
            ("2.1. Nodrošināt preventīvas nodarbības skolēniem", "reizi ceturksnī", "Biedrība “Drošā bērnība”"),
            ("2.2. Veikt reidus sabiedriskās vietās", "reizi nedēļā", "Pašvaldības policija"),
            ("2.3. Informēt vecākus par palīdzības iespējām", "ik gadu līdz 15. septembrim", "Parauga vidusskola")]),
        ("3. Atbalsts ģimenēm ar bērniem", [
            ("3.1. Nodrošināt ģimenes asistenta pakalpojumu", "pastāvīgi", "Sociālais dienests"),
            ("3.2. Organizēt atbalsta grupas vecākiem", "reizi ceturksnī", "Biedrība “Drošā bērnība”, Sociālais dienests"),
            ("3.3. Izstrādāt informatīvu materiālu ģimenēm", "2027. gada I pusgads", "Sadarbības grupa")]),
        ("4. Brīvā laika un drošas vides nodrošināšana", [
            ("4.1. Uzturēt jauniešu centru darbu", "pastāvīgi", "Jauniešu centri"),
            ("4.2. Pārbaudīt rotaļu laukumu drošību", "reizi gadā", "Pašvaldības policija, Attīstības nodaļa"),
            ("4.3. Sagatavot pārskatu domei par programmas izpildi", "katru gadu līdz 1. decembrim", "Sadarbības grupa")]),
    ]

    @Test("a child-rights programme of 4 directions and 12 measures drafts from its DOCX: directions as goals without a level (said once), measures, a school and an NGO as new institutions, yearly deadlines",
          .enabled(if: pandoc, "needs pandoc (make installs it)"))
    func programmeOfDirections() throws {
        let s = SargsProcess(today: "2026-03-05")
        let html = s.directory + "/programma.html", docx = s.directory + "/programma.docx", draft = s.directory + "/programma.yaml"
        var rows = ""
        for direction in Self.programme {
            for (i, measure) in direction.measures.enumerated() {
                rows += "<tr><td>\(i == 0 ? direction.direction : "")</td><td>\(measure.title)</td><td>\(measure.when)</td><td>\(measure.owners)</td><td>PB</td></tr>\n"
            }
        }
        try """
        <html><body><p>Parauga novada Bērnu tiesību aizsardzības programma 2026.–2028. gadam</p>
        <table><thead><tr><th>Rīcības virziens</th><th>Pasākums</th><th>Izpildes termiņš</th><th>Atbildīgie</th><th>Finansējuma avots</th></tr></thead>
        <tbody>\(rows)</tbody></table></body></html>
        """.write(toFile: html, atomically: true, encoding: .utf8)
        #expect(SargsProcess.execute("/usr/bin/pandoc", ["-f", "html", "-t", "docx", "-o", docx, html], environment: [:]).status == 0)
        let r = s.run(["plan", "draft", docx, "-o", draft])
        #expect(r.status == 0, "\(r.stderr)")
        let plan = try PlanFile.read(path: draft)
        #expect(plan.title == "Parauga novada Bērnu tiesību aizsardzības programma 2026.–2028. gadam")
        #expect(plan.municipality == "Parauga novads")
        #expect(plan.goals.count == 4 && plan.goals.allSatisfy { $0.level == nil })
        #expect(plan.goals.map(\.title).first == "Bērnu tiesību ievērošanas uzraudzība")
        #expect(plan.activities.count == 12)
        #expect(plan.activities.map(\.id).prefix(4) == ["1.1", "1.2", "1.3", "2.1"])
        #expect(plan.activities[0].title == "Sagatavot pārskatu par bērnu tiesību stāvokli novadā")
        #expect(plan.activities[0].schedule == .every(.year, from: nil, to: nil, due: DueDay("03-01")))
        #expect(plan.activities[5].schedule == .every(.year, from: nil, to: nil, due: DueDay("09-15")))
        // The school and the NGO become institutions of their own; the municipal police is PP.
        let school = try #require(plan.institutions.first { $0.name == "Parauga vidusskola" })
        let ngo = try #require(plan.institutions.first { $0.name == "Biedrība “Drošā bērnība”" })
        #expect(plan.activities[1].owners == [school.code, "IN"])
        #expect(plan.activities[3].owners == [ngo.code])
        #expect(plan.activities[4].owners == ["PP"])
        // One review says the goals have no level (not one for each), and each new institution is one.
        let check = s.run(["plan", "check", draft])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.components(separatedBy: "bez līmeņa").count - 1 == 1, "\(check.stderr)")
        #expect(check.stderr.contains("Parauga vidusskola") && check.stderr.contains("Drošā bērnība"), "\(check.stderr)")
        // A store from it: the yearly duty due by 1 March is on the agenda on 5 March.
        let store = s.directory + "/programma.sqlite"
        #expect(s.run(["init", draft, "--db", store]).status == 0)
        let agenda = s.run(["agenda", "--db", store, "--format", "json"])
        #expect(agenda.status == 0, "\(agenda.stderr)")
        #expect(agenda.stdout.contains("\"1.1\""), "\(agenda.stdout)")
    }

    @Test("-o never writes over the store, another SQLite file, the input or an empty name; flags are checked like any text")
    func outputs() throws {
        let s = SargsProcess(today: "2025-09-10")
        let csv = s.directory + "/plans.csv", store = s.directory + "/z.sqlite", copy = s.directory + "/kopija.db"
        try "MĒRĶIS;PREVENCIJAS AKTIVITĀTES;ĪSTENOŠANAS PERIODS;ATBILDĪGĀ INSTITŪCIJA;FINANŠU AVOTS\n1. Izglītošana;Lekcijas;reizi gadā;SD;PB 1 500,50 EUR\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let base = ["plan", "draft", csv, "--period", "2025..2027", "--municipality", "Z novads"]
        let first = s.run(base + ["-o", s.directory + "/z.yaml"])
        #expect(first.status == 0, "\(first.stderr)")
        let plan = try PlanFile.read(path: s.directory + "/z.yaml")
        #expect(plan.activities.first?.funding == ["PB"], "a semicolon CSV is read by its own separator")
        #expect(plan.activities.first?.amounts == ["PB": Euros("1500.50")!])
        #expect(s.run(["init", s.directory + "/z.yaml", "--db", store]).status == 0)
        _ = SargsProcess.execute("/bin/cp", [store, copy], environment: [:])
        let before = try Data(contentsOf: URL(fileURLWithPath: store))
        for (target, words) in [(store, "is the store"), (copy, "is a SQLite database"), (csv, "is the input file"), ("", "is empty")] {
            let r = s.run(base + ["-o", target, "--force", "--db", store])
            #expect(r.status == 64, "\(target): \(r.stderr)")
            #expect(r.stderr.contains(words), "\(target): \(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: store)) == before)
        let badTitle = s.run(base + ["--title", "Plāns\u{1B}[2J"])
        #expect(badTitle.status == 64 && !badTitle.stderr.contains("\u{1B}"), "\(badTitle.stderr)")
        #expect(s.run(base + ["--period", "25..27"]).status == 64)
        try "MĒRĶIS,PREVENCIJAS AKTIVITĀTES,ĪSTENOŠANAS PERIODS,ATBILDĪGĀ INSTITŪCIJA,FINANŠU AVOTS\n1. X,\"Lekcijas,reizi gadā,SD,PB\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let unclosed = s.run(base)
        #expect(unclosed.status == 65 && unclosed.stderr.contains("never closed"), "\(unclosed.stderr)")
    }

    @Test("a merged funding cell's amount goes to its first activity only; -o onto a FIFO is refused, not waited on",
          .enabled(if: pandoc, "needs pandoc (make installs it)"))
    func mergedFunding() throws {
        let s = SargsProcess(today: "2025-09-10")
        let html = s.directory + "/plan.html", docx = s.directory + "/plan.docx", draft = s.directory + "/draft.yaml"
        try """
        <html><body><p>PARAUGA NOVADA PAŠVALDĪBAS PREVENCIJAS PLĀNS 2025.-2027. GADAM</p><table><thead><tr><th>MĒRĶIS</th>
        <th>PREVENCIJAS AKTIVITĀTES</th><th>ĪSTENOŠANAS PERIODS</th><th>ATBILDĪGĀ INSTITŪCIJA</th><th>FINANŠU AVOTS</th></tr></thead><tbody>
        <tr><td rowspan="3">1. Izglītošana</td><td>Lekcijas</td><td>reizi gadā</td><td>SD</td><td rowspan="3">PB 1 500 EUR</td></tr>
        <tr><td>Bukleti</td><td>2025. g.</td><td>BT</td></tr>
        <tr><td>Semināri</td><td>2026. g.</td><td>SG</td></tr>
        </tbody></table></body></html>
        """.write(toFile: html, atomically: true, encoding: .utf8)
        #expect(SargsProcess.execute("/usr/bin/pandoc", ["-f", "html", "-t", "docx", "-o", docx, html], environment: [:]).status == 0)
        let r = s.run(["plan", "draft", docx, "-o", draft])
        #expect(r.status == 0, "\(r.stderr)")
        let plan = try PlanFile.read(path: draft)
        #expect(plan.activities.map(\.funding) == [["PB"], ["PB"], ["PB"]])
        #expect(plan.activities.map { $0.amounts["PB"] } == [Euros("1500"), nil, nil])
        #expect(s.run(["plan", "check", draft]).stderr.contains("šūna ir apvienota"))
        let fifo = s.directory + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let refused = s.run(["plan", "draft", docx, "-o", fifo, "--force"])
        #expect(refused.status == 64 && refused.stderr.contains("not a regular file"), "\(refused.stderr)")
    }

    @Test("board --plan on a file changed since its store was made says so, with the command to start again")
    func changedFile() throws {
        let s = SargsProcess(today: "2025-09-10")
        let csv = s.directory + "/plans.csv", draft = s.directory + "/draft.yaml"
        // Several amounts: a dictionary's order must not make the same plan look different.
        try "Goal,Activity,Period,Owner,Funding\n1. Izglītošana,Lekcijas,reizi gadā,SD,\"PB 1 500 EUR, VB 200 EUR, ESF 10 EUR\"\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(s.run(["plan", "draft", csv, "--period", "2025..2026", "--municipality", "Cēsu novads", "-o", draft]).status == 0)
        var env = s.environment
        env["SARGS_LANG"] = "lv"
        for _ in 0..<3 {
            let t = TmuxSession(width: 120, height: 40, command: SargsProcess.binary + " board --plan " + draft, environment: env)
            defer { t.close() }
            #expect(t.wait(for: "Lekcijas").ok, "\(t.screen)")
            #expect(!t.screen.contains("cits plāns"), "\(t.screen)")
        }
        let text = try String(contentsOfFile: draft, encoding: .utf8).replacingOccurrences(of: "title: Lekcijas", with: "title: Lekcijas skolās")
        try text.write(toFile: draft, atomically: true, encoding: .utf8)
        let t = TmuxSession(width: 200, height: 40, command: SargsProcess.binary + " board --plan " + draft, environment: env)
        defer { t.close() }
        #expect(t.wait(for: "cits plāns nekā failā").ok, "\(t.screen)")
        #expect(t.screen.contains("No faila: sargs init"))
    }

    @Test("a CSV with an unknown institution, unknown wording and funding: drafted, each place marked, plan check lists them; a missing column is exit 65")
    func csvWithReviews() throws {
        let s = SargsProcess(today: "2025-09-10")
        let csv = s.directory + "/plans.csv", draft = s.directory + "/draft.yaml"
        try """
        Goal,Activity,Period,Funding,Owner
        PRIMĀRĀ PREVENCIJA,,,,
        1. Izglītošana,Apmācīti 20 skolotāji,reizi ceturksnī,PB,"sociālajam dienestam, Biedrība Drošība"
        ,Bukleti,kad būs laiks,projekta līdzekļi,Bāriņtiesa
        """.write(toFile: csv, atomically: true, encoding: .utf8)
        let r = s.run(["plan", "draft", csv, "--period", "2025..2026", "--municipality", "Cēsu novads", "-o", draft])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("2 activities, 1 goal; 3 places to review"), "\(r.stderr)")
        let check = s.run(["plan", "check", draft])
        #expect(check.status == 0)
        let warnings = check.stderr.split(separator: "\n")
        #expect(warnings.count == 3, "\(check.stderr)")
        #expect(warnings.allSatisfy { $0.hasPrefix("\(draft):") })
        #expect(check.stderr.contains("Biedrība Drošība") && check.stderr.contains("kad būs laiks") && check.stderr.contains("projekta līdzekļi"))
        // The board opened on the draft says how many places are still to review.
        var env = s.environment
        env["SARGS_LANG"] = "lv"
        let t = TmuxSession(width: 120, height: 40, command: SargsProcess.binary + " board --plan " + draft, environment: env)
        defer { t.close() }
        #expect(t.wait(for: "Plānā 3 vietas jāpārbauda").ok, "\(t.screen)")
        let drafted = try PlanFile.read(path: draft)
        #expect(drafted.activities[0].schedule == .every(.quarter, from: nil, to: nil))
        #expect(drafted.activities[0].owners.first == "SD")
        #expect(drafted.activities[0].target == Target(count: 20, unit: "skolotāji"))
        #expect(drafted.activities[1].schedule == .asNeeded)

        try "Goal,Activity,Owner,Funding\n1. X,Y,SD,PB\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let missing = s.run(["plan", "draft", csv, "--period", "2025..2026", "--municipality", "Cēsu novads"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no column period"), "\(missing.stderr)")
    }
}
