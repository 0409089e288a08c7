import Foundation
import SargsCore
import SargsPlanFile
import Testing
import TestSupport

/// Issue 24, "Inputs that are not what they seem", through the command line.
@Suite("Inputs that are not what they seem, end to end")
struct InputsEndToEndTests {
    static let table = [
        "MĒRĶIS;PREVENCIJAS AKTIVITĀTES;ĪSTENOŠANAS PERIODS;ATBILDĪGĀ INSTITŪCIJA;FINANŠU AVOTS",
        "PRIMĀRĀ PREVENCIJA;;;;",
        "1. Izglītošana;1.1. Apmācīti 20 skolotāji;reizi ceturksnī;SD;PB",
        ";1.2. Bukleti vecākiem;2026. gada martā;BT;VB",
    ]

    @Test("plan draft reads a CSV and a TSV whose lines end in a carriage return alone (old Mac exports)")
    func carriageReturnOnly() throws {
        for kind in ["csv", "tsv"] { try Self.draftCarriageReturnOnly(kind) }
    }

    static func draftCarriageReturnOnly(_ kind: String) throws {
        let s = SargsProcess(today: "2025-09-10")
        let input = s.directory + "/mac." + kind, draft = s.directory + "/draft.yaml"
        let separator = kind == "csv" ? ";" : "\t"
        try Data((table.map { $0.replacingOccurrences(of: ";", with: separator) }.joined(separator: "\r") + "\r").utf8)
            .write(to: URL(fileURLWithPath: input))
        let r = s.run(["plan", "draft", input, "--period", "2025..2027", "--municipality", "Cēsu novads", "-o", draft])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("2 activities, 1 goal"), "\(r.stderr)")
        let plan = try PlanFile.read(path: draft)
        #expect(plan.activities.map(\.title) == ["Apmācīti 20 skolotāji", "Bukleti vecākiem"])
        #expect(plan.activities[0].schedule == .every(.quarter, from: nil, to: nil))
        #expect(plan.activities[0].target?.count == 20)
    }

    @Test("a draft that finds no activity is an error (65) and writes nothing, to -o or to standard output")
    func noActivity() throws {
        let s = SargsProcess(today: "2025-09-10")
        let input = s.directory + "/empty.csv", draft = s.directory + "/draft.yaml"
        // A header and a band, but no row of an activity.
        try "MĒRĶIS,AKTIVITĀTES,PERIODS,INSTITŪCIJA,FINANŠU AVOTS\nPRIMĀRĀ PREVENCIJA,,,,\n"
            .write(toFile: input, atomically: true, encoding: .utf8)
        for output in [["-o", draft], []] {
            let r = s.run(["plan", "draft", input, "--period", "2025..2027", "--municipality", "Cēsu novads"] + output)
            #expect(r.status == 65, "\(r.stderr)")
            #expect(r.stdout.isEmpty, "\(r.stdout)")
            #expect(r.stderr.contains("no activity was found") && r.stderr.contains("nothing was written"), "\(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: draft))
        }
        let lv = s.run(["plan", "draft", input, "--period", "2025..2027", "--municipality", "Cēsu novads", "--lang", "lv"])
        #expect(lv.status == 65)
        #expect(lv.stderr.hasSuffix("tabulā nav atrasta neviena aktivitāte (zem virsraksta nav nevienas rindas); nekas netika ierakstīts\n"),
                "\(lv.stderr)")
        // Rows that hold no activity (no title) are counted.
        try "MĒRĶIS,AKTIVITĀTES,PERIODS,INSTITŪCIJA,FINANŠU AVOTS\n1. Izglītošana,,reizi gadā,SD,PB\n"
            .write(toFile: input, atomically: true, encoding: .utf8)
        let untitled = s.run(["plan", "draft", input, "--period", "2025..2027", "--municipality", "Cēsu novads", "--lang", "lv"])
        #expect(untitled.status == 65 && untitled.stderr.contains("(nolasīta 1 rinda zem virsraksta)"), "\(untitled.stderr)")
    }

    @Test("a period the draft cannot place exactly is marked for review in the plan file and listed by plan check")
    func inexactPeriod() throws {
        let s = SargsProcess(today: "2025-09-10")
        let input = s.directory + "/plan.csv", draft = s.directory + "/draft.yaml"
        try ("MĒRĶIS;AKTIVITĀTES;PERIODS;INSTITŪCIJA;FINANŠU AVOTS\n"
             + "1. Izglītošana;1.1. Vecāku sapulces;2027. gada pavasaris;SD;PB\n").write(toFile: input, atomically: true, encoding: .utf8)
        let r = s.run(["plan", "draft", input, "--period", "2025..2027", "--municipality", "Cēsu novads", "-o", draft])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(text.contains("# PĀRBAUDĪT: periods \"2027. gada pavasaris\""), "\(text)")
        #expect(!text.contains("once: 2027") && !text.contains("once: '2027'"), "\(text)")
        #expect(text.contains("title: Vecāku sapulces"), "\(text)")
        let check = s.run(["plan", "check", draft])
        #expect(check.status == 0 && check.stderr.contains("pavasaris"), "\(check.stderr)")
    }

    /// Runs sargs through sh; an argument with a backslash is a printf format (`\377` is the byte 0xFF).
    static func runBytes(_ s: SargsProcess, _ formats: [String], language: String = "en") -> SargsProcess.Result {
        let words = formats.map { $0.contains("\\") ? "\"$(printf '\($0)')\"" : "'\($0)'" }.joined(separator: " ")
        var env = s.environment
        env["SARGS_LANG"] = language
        return SargsProcess.execute("/bin/sh", ["-c", "exec \"$0\" \(words)", SargsProcess.binary], environment: env)
    }

    @Test("command-line text that is not valid UTF-8 is refused with its byte position (65), and nothing is saved with replacement characters")
    func notUTF8() throws {
        let s = SargsProcess.madona(today: "2025-07-01")
        let note = Self.runBytes(s, ["note", "2.1", "ab\\377c"])
        #expect(note.status == 65, "\(note.stderr)")
        #expect(note.stderr == "sargs: error: command-line argument 3 is not valid UTF-8 text: byte 3 is 0xFF; nothing was saved\n", "\(note.stderr)")
        let record = Self.runBytes(s, ["record", "2.1", "--note", "x\\303("], language: "lv")
        #expect(record.status == 65)
        #expect(record.stderr.contains("komandrindas 4. arguments (--note vērtība) nav derīgs UTF-8 teksts: 2. baits ir 0xC3"), "\(record.stderr)")
        // Before the command's name, in a value ArgumentParser would refuse, in --user: the same refusal.
        for formats in [["--user", "\\377", "note", "2.1", "x"], ["agenda", "--kind", "\\377"], ["meeting", "new", "--date", "2025-08-01", "--topic", "T\\200"]] {
            let r = Self.runBytes(s, formats)
            #expect(r.status == 65 && r.stderr.contains("is not valid UTF-8 text"), "\(formats): \(r.stderr)")
        }
        // Nothing was saved: no note, no record, no meeting, and nothing anywhere with U+FFFD.
        #expect(s.run(["log"]).stdout.isEmpty || !s.run(["log"]).stdout.contains("2.1"), "\(s.run(["log"]).stdout)")
        #expect(!s.run(["log", "--format", "json"]).stdout.contains("\u{FFFD}"))
        #expect(s.run(["meeting", "list", "--format", "json"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        // The author from the environment is text sargs saves too.
        var env = s.environment
        env["SARGS_LANG"] = "lv"
        let user = SargsProcess.execute("/bin/sh", ["-c", "SARGS_USER=\"$(printf 'ie\\377va')\" exec \"$0\" note 2.1 x", SargsProcess.binary],
                                        environment: env)
        #expect(user.status == 65, "\(user.stderr)")
        #expect(user.stderr == "sargs: error: vides mainīgais SARGS_USER nav derīgs UTF-8 teksts: 3. baits ir 0xFF; nekas netika saglabāts\n",
                "\(user.stderr)")
        // Text that is UTF-8 (a replacement character typed as such among it) is saved.
        #expect(s.run(["note", "2.1", "ok \u{FFFD} ā"]).status == 0)
    }
}
