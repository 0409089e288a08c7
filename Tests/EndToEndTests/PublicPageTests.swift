import Foundation
import Testing
import TestSupport

/// Issue 30: `sargs export --format html` writes one self-contained page for
/// the members who never open a terminal; what the store holds is escaped,
/// nothing is loaded from elsewhere, and a file is never replaced unasked.
@Suite("The page for everyone (export --format html)", .serialized)
struct PublicPageTests {
    static let hostileTitle = "<img src=x onerror=alert(1)> & \"quoted\" 'single'"
    static let hostilePlace = "</p><script>alert(2)</script>"
    static let hostileDecision = "Izvērtēt </li><a href=\"https://example.com/x\">saiti</a>"

    /// A store on the Madona plan with a hostile activity, meeting and decision, and a held meeting.
    static func store() -> SargsProcess {
        let s = SargsProcess.madona(today: "2026-02-10")
        let added = s.run(["activity", "add", "--goal", "1", "--title", hostileTitle, "--period", "2026. gadā", "--owners", "SG"])
        precondition(added.status == 0, added.stderr)
        precondition(s.run(["meeting", "new", "--date", "2026-02-10", "--time", "10:00", "--place", hostilePlace]).status == 0)
        precondition(s.run(["meeting", "hold", "1", "--attendees", "SG,SD"]).status == 0)
        let decision = s.run(["decision", "add", "--meeting", "1", "--owner", "SD", "--due", "2026-03-01", hostileDecision])
        precondition(decision.status == 0, decision.stderr)
        return s
    }

    @Test func thePageHoldsTheFourPartsAndEscapesWhatTheStoreHolds() throws {
        let s = Self.store()
        let result = s.run(["export", "--format", "html", "--lang", "lv"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = result.stdout
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<html lang=\"lv\">"))
        for part in ["id=\"plan\"", "id=\"agenda\"", "id=\"decisions\"", "id=\"minutes\""] {
            #expect(page.contains(part), "\(part)")
        }
        // Nothing the store holds becomes markup.
        #expect(!page.lowercased().contains("<script"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<a href=\"https"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39;"))
        #expect(page.contains("&lt;/p&gt;&lt;script&gt;alert(2)&lt;/script&gt;"))
        #expect(page.contains("Izvērtēt &lt;/li&gt;&lt;a href=&quot;https://example.com/x&quot;&gt;saiti&lt;/a&gt;"))
        // Self-contained: no address outside the page besides what the data says, escaped.
        let outside = page.components(separatedBy: "href=\"").dropFirst().filter { !$0.hasPrefix("#") }
        #expect(outside.isEmpty, "\(outside.map { $0.prefix(40) })")
        #expect(!page.contains("src=\""))
        #expect(!page.contains("@import") && !page.contains("url("))
        // States in words, counts in Latvian grammar.
        #expect(page.contains("Nokavēta par 41 dienu"), "one day form after 41")
        #expect(page.contains("Nokavēta jau 316 dienas: 2025. g. IV cet. bez izpildes un vēl 3"), "a repeating activity: since its first missed window")
        // "par" takes the dative plural, "jau" the accusative: never "par … dienas" or "jau … dienām".
        #expect(page.range(of: #"par \d+ dienas"#, options: .regularExpression) == nil)
        #expect(page.range(of: #"jau \d+ dienām"#, options: .regularExpression) == nil)
    }

    @Test func inEnglishAndToAFileNeverReplacedUnasked() throws {
        let s = Self.store()
        let file = s.directory + "/page.html"
        let written = s.run(["export", "--format", "html", "-o", file, "--lang", "en"])
        #expect(written.status == 0, "\(written.stderr)")
        let page = try String(contentsOfFile: file, encoding: .utf8)
        #expect(page.contains("<html lang=\"en\">"))
        #expect(page.contains("Open decisions"))
        #expect(page.contains("Overdue 41 days"))
        let again = s.run(["export", "--format", "html", "-o", file])
        #expect(again.status == 64, "an existing file is not replaced: \(again.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == page)
        let forced = s.run(["export", "--format", "html", "-o", file, "--force", "--lang", "lv"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("<html lang=\"lv\">"))
    }

    @Test("a meeting with restricted-access minutes: the page says so and shows neither its minutes nor its decisions; the next one if restricted shows only its date")
    func restrictedMinutesStayOff() throws {
        let s = Self.store()
        let secret = "Uzaicināta: lietas vadītāja"
        #expect(s.run(["meeting", "edit", "1", "--restricted", "--guests", secret]).status == 0)
        #expect(s.run(["meeting", "new", "--date", "2026-02-20", "--place", "Slēgtā telpa"]).status == 0)
        #expect(s.run(["meeting", "edit", "2", "--restricted"]).status == 0)
        let page = s.run(["export", "--format", "html", "--lang", "lv"]).stdout
        #expect(page.contains("Sēdes protokols satur ierobežotas pieejamības informāciju, tāpēc šajā lapā nav rādīts"), "\(page)")
        #expect(!page.contains(secret) && !page.contains("lietas vadītāja"))
        #expect(!page.contains("Izvērtēt &lt;/li&gt;"), "the restricted meeting's decision is not shown")
        #expect(page.contains("1 lēmums no sēdēm ar ierobežotas pieejamības informāciju šeit nav rādīts; to var uzzināt sadarbības grupā."), "\(page)")
        #expect(!page.contains("Slēgtā telpa"), "the next meeting's place stays off")
        #expect(page.contains("<strong>Sēde Nr. 2</strong>, 2026-02-20"))
        let english = s.run(["export", "--format", "html", "--lang", "en"]).stdout
        #expect(english.contains("1 decision from meetings with restricted-access information is not shown here"), "\(english)")
    }

    @Test("the page is written readable by all (0644 less the umask), never group- or world-writable; a folder's path is refused")
    func pageForEveryoneIsReadable() throws {
        let s = Self.store()
        for (mask, mode) in [("022", 0o644), ("077", 0o600), ("000", 0o644)] {
            let file = s.directory + "/page-\(mask).html"
            let run = SargsProcess.execute("/bin/sh", ["-c", "umask \(mask) && exec \"$0\" export --format html -o \"$1\"", SargsProcess.binary, file],
                                           environment: s.environment)
            #expect(run.status == 0, "\(run.stderr)")
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? Int) == mode, "umask \(mask): \(attributes[.posixPermissions] ?? "")")
        }
        let slash = s.run(["export", "--format", "html", "-o", s.directory + "/nosuch/"])
        #expect(slash.status == 64 && !FileManager.default.fileExists(atPath: s.directory + "/nosuch"), "\(slash.stderr)")
        let lock = s.run(["export", "--format", "html", "-o", s.database + ".remind-lock", "--force"])
        #expect(lock.status == 64, "the lock that lets one remind run at a time is the store's: \(lock.stderr)")
    }

    /// axe-core, unpacked by `make` (`make axe`) from PyPI's axe-playwright-python wheel.
    static let axe = Fixtures.repositoryRoot + "/.build/axe/axe.min.js"
    static let canCheck = ["/usr/bin/chromium", "/usr/bin/chromedriver"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
        && FileManager.default.fileExists(atPath: axe)
        && SargsProcess.execute("/usr/bin/python3", ["-c", "import selenium"], environment: [:]).status == 0

    @Test("axe-core finds no violation; nothing is fetched; no width from 360 to 1280 px scrolls sideways",
          .enabled(if: canCheck, "needs chromium, chromium-driver, python3-selenium and axe-core (make installs them)"))
    func accessibleAtEveryWidth() throws {
        let s = Self.store()
        let file = s.directory + "/page.html"
        #expect(s.run(["export", "--format", "html", "-o", file, "--lang", "lv"]).status == 0)
        let script = Fixtures.repositoryRoot + "/Tests/Scripts/page_check.py"
        let run = SargsProcess.execute("/usr/bin/python3", [script, file, Self.axe, s.directory], environment: ProcessInfo.processInfo.environment)
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
        let violations = report["violations"] as? [[String: Any]] ?? [["missing": true]]
        #expect(violations.isEmpty, "\(violations)")
        #expect((report["requests"] as? [String])?.isEmpty == true, "\(report["requests"] ?? "")")
        // Every activity's title in the same weight, whatever its state; its state in words in bold.
        let weights = report["weights"] as? [String: [String]] ?? [:]
        #expect(weights["titles"] == ["400"] && weights["states"] == ["700"], "\(weights)")
        let widths = report["widths"] as? [String: [String: Int]] ?? [:]
        for width in [360, 768, 1280] {
            #expect(widths["\(width)"]?["scroll_width"] == width, "\(width): \(widths)")
            let shot = s.directory + "/page-\(width).png"
            let size = (try? FileManager.default.attributesOfItem(atPath: shot)[.size] as? Int) ?? 0
            #expect(size > 10_000, "\(shot)")
        }
    }
}
