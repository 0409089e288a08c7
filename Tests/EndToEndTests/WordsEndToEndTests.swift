import Foundation
import SargsCore
import Testing
import TestSupport

/// Issue 24, "Words": one language per run, in every line sargs writes.
@Suite("Words: one language per run")
struct WordsEndToEndTests {
    @Test("report --format csv has its headers and words in the run's language")
    func reportCSV() {
        let s = SargsProcess.madona(today: "2025-11-01")
        let lv = s.run(["report", "--year", "2025", "--format", "csv", "--lang", "lv"])
        #expect(lv.status == 0, "\(lv.stderr)")
        let rows = lv.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "\u{FEFF}gads;mērķis;līmenis;aktivitāte;nosaukums;atbildīgie;grafiks;stāvoklis;nokavētās dienas;bloķēta;"
            + "beigušies logi;izpildīti logi;nokavēti logi;atbrīvoti logi;progress;plānotais skaits;mērvienība;ieraksti;kopā gadā;pievienoti pēc gada beigām", "\(rows.first ?? "")")
        // No English word of the header or the machine names in a Latvian CSV.
        for english in ["year", "goal", "primary", "once", "every", "ongoing", "overdue", "on-track", "false", "true", "as-needed"] {
            #expect(!rows.contains { $0.split(separator: ";").contains(Substring(english)) }, "\(english) in the Latvian CSV")
        }
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("2025;") })
        #expect(rows.contains { $0.contains(";Primārā prevencija;") && $0.contains(";nē;") })
        let en = s.run(["report", "--year", "2025", "--format", "csv", "--lang", "en"])
        #expect(en.stdout.hasPrefix("\u{FEFF}year,goal,level,activity,title,owners,schedule,state,days_overdue,blocked,"), "\(en.stdout.prefix(200))")
        #expect(!en.stdout.split(separator: "\n")[0].contains("gads"))
    }

    /// Command lines ArgumentParser refuses, and the commands' own refusals of their options.
    static let badCommandLines: [[String]] = [
        ["record"], ["agenda", "--kind", "secret"], ["agenda", "--formt", "json"], ["agenda", "--zzzz"], ["frobnicate"],
        ["note", "2.1", "a", "b"], ["note", "2.1", "a", "b", "c"], ["record", "2.1", "--date"], ["record", "2.1", "--done=yes"],
        ["decision", "list", "--open", "--all"], ["meeting", "show", "abc"], ["report", "--year", "x"],
        ["meeting", "show", "1", "--format", "rtf"], ["--today", "x", "agenda"], ["--lang", "xx", "agenda"], ["init"],
        ["init", "plan.yaml", "--madona"], ["agenda", "--mail", "--date", "2025-07-01"], ["agenda", "--dry-run"],
        ["backup"], ["backup", "--dir", "/nonexistent", "--keep", "0"], ["backup", "x.sqlite", "--keep", "2"],
        ["digest", "--days", "999"], ["remind", "--before-meeting", "999"], ["--generate-completion-script", "tcsh"],
        ["meeting", "show", "1", "-f"], ["log", "--limit"], ["decision", "add", "--meeting", "1"],
    ]

    /// English words a refusal is made of (outside what it quotes).
    static let englishWords: Set<String> = ["missing", "expected", "argument", "unknown", "option", "unexpected",
                                            "value", "for", "the", "is", "invalid", "please", "provide", "one", "of", "did",
                                            "you", "mean", "does", "not", "take", "any", "but", "was", "specified", "flag",
                                            "had", "already", "been", "set", "with", "must", "be", "give", "either", "or",
                                            "goes", "at", "least", "from", "a", "date", "error", "can't", "generate",
                                            "completion", "scripts", "sends", "next", "planned", "meeting's", "own", "agenda"]

    /// The words of a message outside its quotes ('…', `…`) and option names, lower case.
    static func unquotedWords(_ message: String) -> [String] {
        var text = message
        for pattern in [/'[^']*'/, /`[^`]*`/, /--[a-z-]+/] { text = text.replacing(pattern, with: " ") }
        return text.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
    }

    @Test("every usage error is one line in the run's language: ArgumentParser's words and the commands' own, no English under Latvian")
    func usageErrors() {
        let s = SargsProcess.madona(today: "2025-07-01")
        for arguments in Self.badCommandLines {
            let lv = s.run(arguments, environment: ["SARGS_LANG": "lv"])
            #expect(lv.status == 64, "\(arguments): \(lv.status) \(lv.stderr)")
            #expect(lv.stderr.hasPrefix("sargs: error: ") && lv.stderr.split(separator: "\n").count == 1, "\(arguments): \(lv.stderr)")
            let english = Self.unquotedWords(String(lv.stderr.dropFirst("sargs: error: ".count))).filter(Self.englishWords.contains)
            #expect(english.isEmpty, "\(arguments): \(english) in \(lv.stderr)")
            let en = s.run(arguments, environment: ["SARGS_LANG": "en"])
            #expect(en.status == 64, "\(arguments): \(en.stderr)")
            let latvian = Self.unquotedWords(en.stderr).filter { $0.contains(where: { "āčēģīķļņšūž".contains($0) }) }
            #expect(latvian.isEmpty, "\(arguments): \(latvian) in \(en.stderr)")
        }
        // A suggestion is said in the sentence's language too.
        let suggestion = s.run(["agenda", "--formt", "json"], environment: ["SARGS_LANG": "lv"])
        #expect(suggestion.stderr == "sargs: error: nezināma opcija '--formt'; vai domājāt '--format'?\n", "\(suggestion.stderr)")
    }

    @Test("sargs --help lists every subcommand of every group, plan draft among them")
    func helpListsEverySubcommand() {
        let s = SargsProcess()
        let help = s.run(["--help"])
        #expect(help.status == 0)
        for group in ["plan", "meeting", "decision", "institution"] {
            // The group's own help names its subcommands; the top-level help names each as "group sub".
            let own = s.run(["help", group]).stdout
            let names = own.components(separatedBy: "SUBCOMMANDS:").last?.split(separator: "\n")
                .compactMap { line -> String? in
                    guard line.hasPrefix("  "), !line.hasPrefix("   "), !line.hasPrefix("  See "),
                          let word = line.split(separator: " ").first else { return nil }
                    return String(word)
                } ?? []
            #expect(!names.isEmpty, "\(own)")
            for name in names where name != "help" {
                #expect(help.stdout.contains("  \(group) \(name) "), "\(group) \(name) in sargs --help")
            }
        }
        #expect(help.stdout.contains("  plan draft "))
        #expect(s.run(["help", "plan"]).stdout.contains("draft one from a plan's table"))
    }

    @Test("the error before init suggests sargs init --madona, and init --madona works from any folder when sargs is run from the build")
    func beforeInit() throws {
        let s = SargsProcess(today: "2025-07-01")
        for language in ["lv", "en"] {
            let r = s.run(["agenda"], environment: ["SARGS_LANG": language])
            #expect(r.status == 69, "\(r.stderr)")
            #expect(r.stderr.contains("`sargs init --madona`"), "\(r.stderr)")
            var env = s.environment
            env.removeValue(forKey: "SARGS_DB")
            env["SARGS_LANG"] = language
            let implicit = SargsProcess.execute(SargsProcess.binary, ["agenda"], environment: env)
            #expect(implicit.status == 69 && implicit.stderr.contains("`sargs init --madona`"), "\(implicit.stderr)")
        }
        // Run by the path a person types after `swift build` (.build/debug/sargs, .build/release/sargs), from /tmp.
        for configuration in ["debug", "release"] {
            let binary = Fixtures.repositoryRoot + "/.build/\(configuration)/sargs"
            guard FileManager.default.isExecutableFile(atPath: binary) else { continue }
            let home = Fixtures.temporaryDirectory("sargs-home")
            var env = ProcessInfo.processInfo.environment
            for key in ["SARGS_DB", "SARGS_SHARE", "XDG_DATA_HOME"] { env.removeValue(forKey: key) }
            env["HOME"] = home
            env["SARGS_LANG"] = "en"
            let r = SargsProcess.execute("/bin/sh", ["-c", "cd /tmp && exec \"$0\" init --madona", binary], environment: env)
            #expect(r.status == 0, "\(configuration): \(r.stderr)")
            #expect(FileManager.default.fileExists(atPath: home + "/.local/share/sargs/madona-2025-2027.sqlite"), "\(configuration)")
        }
    }

    @Test("a refusal continues the line after 'sargs: error:' as a clause: no capital (\"Lēmums Nr. 7 jau…\") and no full stop mid-line")
    func refusalsContinueTheLine() {
        let s = SargsProcess.madona(today: "2025-07-01")
        #expect(s.run(["meeting", "new", "--date", "2025-07-01"]).stdout == "1\n")
        #expect(s.run(["decision", "add", "--meeting", "1", "--owner", "SD", "--due", "2025-08-01", "Sagatavot plānu"]).stdout == "1\n")
        #expect(s.run(["decision", "done", "1"]).status == 0)
        let lv = s.run(["decision", "done", "1"], environment: ["SARGS_LANG": "lv"])
        #expect(lv.status == 65)
        #expect(lv.stderr == "sargs: error: lēmums Nr. 1 jau ir izpildīts (2025-07-01)\n", "\(lv.stderr)")
        let en = s.run(["decision", "due", "1", "--date", "2025-09-01"])
        #expect(en.stderr.hasPrefix("sargs: error: decision 1 is already done") && !en.stderr.hasSuffix(".\n"), "\(en.stderr)")
        // Every refusal of these commands starts in lower case after the prefix.
        for arguments in [["decision", "done", "1"], ["decision", "due", "1", "--date", "2025-09-01"], ["meeting", "cancel", "9"],
                          ["record", "9.9"], ["undo"]] {
            for language in ["lv", "en"] {
                let r = s.run(arguments, environment: ["SARGS_LANG": language, "SARGS_USER": "someone-else"])
                let rest = r.stderr.dropFirst("sargs: error: ".count)
                #expect(r.status != 0 && rest.first?.isUppercase == false, "\(arguments) \(language): \(r.stderr)")
            }
        }
    }
}
