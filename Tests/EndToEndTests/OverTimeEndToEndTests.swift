import Foundation
import Testing
import SargsBoard
import TestSupport

/// Issue 27, the newcomer's path: in February 2026 an activity is added on
/// the board with a Latvian period, and the closed 2025 report is the same,
/// in every format, before and after; the new activity owes nothing from
/// before it began.
@Suite("A plan that changes mid-way, in a real terminal", .serialized)
struct OverTimeEndToEndTests {
    @Test func addAnActivityIn2026WithALatvianPeriodAndThe2025ReportStaysAsItWas() throws {
        let s = SargsProcess.madona(today: "2026-02-10")
        // Two records of 2025, entered in 2025.
        for (id, date) in [("2.2", "2025-05-05"), ("5.1", "2025-09-01")] {
            let r = s.run(["record", id, "--date", date, "--today", date])
            #expect(r.status == 0, "\(r.stderr)")
        }
        func reports(_ year: String) -> [String] {
            ["markdown", "json", "csv"].map { s.run(["report", "--year", year, "--format", $0], environment: ["SARGS_LANG": "lv"]).stdout }
        }
        let before = reports("2025")
        #expect(before[0].contains("# Pārskats par 2025. gadu") && !before[0].contains("pēc gada beigām"), "\(before[0])")

        var env = s.environment
        env["SARGS_LANG"] = "lv"
        env.removeValue(forKey: "NO_COLOR")
        let t = TmuxSession(width: 120, height: 40, command: SargsProcess.binary, environment: env)
        defer { t.close() }
        #expect(t.wait(for: "PRIMĀRĀ PREVENCIJA").ok)
        t.press(.add)
        #expect(t.wait(for: "Jauna aktivitāte").ok)
        t.press(.formNext)
        t.type("Vecāku vakari skolās")
        t.press(.formNext)
        t.type("Reizi ceturksnī no 2026. gada janvāra")
        // What was understood is said back before saving.
        let said = t.wait(for: "→ katru ceturksni, 2026-01 … 2027-12")
        #expect(said.ok, "\(said.screen)")
        t.press(.formNext); t.press(.formNext); t.press(.formNext)
        t.type("SD")
        t.press(.formSave)
        let saved = t.wait(for: "Pievienota aktivitāte 1.6")
        #expect(saved.ok, "\(saved.screen)")
        t.press(.quit)

        // 2025 is closed: every format of its report is as it was.
        let after = reports("2025")
        for (format, (a, b)) in zip(["markdown", "json", "csv"], zip(before, after)) {
            #expect(a == b, "the 2025 report (\(format)) changed:\n\(a)\n---\n\(b)")
        }
        // 2026 has the activity, owing nothing from before January 2026.
        let json = s.run(["report", "--year", "2026", "--format", "json"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let lines = (object["goals"] as? [[String: Any]] ?? []).flatMap { $0["activities"] as? [[String: Any]] ?? [] }
        let added = try #require(lines.first { $0["activity"] as? String == "1.6" })
        #expect(added["state"] as? String == "on-track", "\(added)")
        #expect((added["windows"] as? [String: Int])?["ended"] == 0, "\(added)")
        let export = s.run(["plan", "export"]).stdout
        #expect(export.contains("Reizi ceturksnī no 2026. gada janvāra"), "the plan's wording kept")
        // Read later, the window of 2026's first quarter is owed; none of 2025.
        let april = s.run(["report", "--year", "2026", "--format", "json", "--today", "2026-04-15"]).stdout
        let aprilObject = try #require(try JSONSerialization.jsonObject(with: Data(april.utf8)) as? [String: Any])
        let aprilLine = try #require((aprilObject["goals"] as? [[String: Any]] ?? []).flatMap { $0["activities"] as? [[String: Any]] ?? [] }
            .first { $0["activity"] as? String == "1.6" })
        #expect(aprilLine["windows"] as? [String: Int] == ["ended": 1, "met": 0, "missed": 1, "waived": 0], "\(aprilLine)")
        #expect(aprilLine["days_overdue"] as? Int == 15, "due 2026-03-31, read on 2026-04-15: \(aprilLine)")
        let log = s.run(["log", "1.6"], environment: ["SARGS_LANG": "lv"]).stdout
        #expect(log.contains("1.6"), "\(log)")
    }

    @Test func activityAddAndEditOnTheCommandLineTakeEffectFromADay() throws {
        let s = SargsProcess.madona(today: "2026-02-10")
        let lv = ["SARGS_LANG": "lv"]
        let before = s.run(["report", "--year", "2025", "--format", "json"]).stdout
        let added = s.run(["activity", "add", "--goal", "2", "--title", "Vecāku vakari", "--period", "Reizi ceturksnī no 2026. gada janvāra",
                           "--owners", "sd, in", "--target", "25 vecāki"], environment: lv)
        #expect(added.status == 0 && added.stdout == "2.12\n", "\(added.stdout) \(added.stderr)")
        #expect(added.stderr.contains("Pievienota aktivitāte 2.12 → katru ceturksni, 2026-01 … 2027-12"), "\(added.stderr)")
        // A schedule changed from a day inside its quarter; the global options may stand before the group's name.
        let edited = s.run(["--lang", "en", "activity", "edit", "2.4", "--schedule", "every month", "--from", "2026-02-15"])
        #expect(edited.status == 0 && edited.stdout.contains("→ every month, 2026-02-15 … 2027-12-31"), "\(edited.stdout) \(edited.stderr)")
        let exported = s.run(["plan", "export"]).stdout
        #expect(exported.contains("2026-02-15"), "the day is kept in the plan: \(exported)")
        // Refused, with exit 65 and a line that says why: a closed year, an unreadable period, --from alone.
        for (arguments, words) in [
            (["activity", "add", "--goal", "2", "--title", "X", "--period", "Reizi mēnesī", "--from", "2025-11-01", "--owners", "SD"],
             "2025. gads ir noslēgts"),
            (["activity", "add", "--goal", "2", "--title", "X", "--period", "dažreiz", "--owners", "SD"], "norādiet to ar --schedule"),
            (["activity", "edit", "2.3", "--from", "2026-03-01"], "--from attiecas tikai uz grafika maiņu"),
            (["activity", "add", "--goal", "2", "--title", "X", "--period", "Reizi mēnesī", "--from", "2028-01-01", "--owners", "SD"],
             "ārpus plāna perioda"),
            (["activity", "edit", "9.9", "--title", "Y"], "nav aktivitātes ar id '9.9'"),
        ] {
            let r = s.run(arguments, environment: lv)
            #expect(r.status == 65 && r.stderr.contains(words) && r.stderr.split(separator: "\n").count == 1,
                    "\(arguments): \(r.status) \(r.stderr)")
        }
        #expect(s.run(["report", "--year", "2025", "--format", "json"]).stdout == before)
        let log = s.run(["log", "2.4"], environment: lv).stdout
        #expect(log.contains("laboja 2.4: grafiks"), "\(log)")
        // What is so already changes nothing and writes nothing.
        let entries = s.run(["log", "--format", "json"]).stdout
        let unchanged = s.run(["activity", "edit", "2.4", "--owners", "in"], environment: lv)
        #expect(unchanged.status == 0 && unchanged.stdout == "Nekas nav mainīts: 2.4 jau ir tāda.\n", "\(unchanged.stdout)")
        #expect(s.run(["log", "--format", "json"]).stdout == entries)
    }
}
