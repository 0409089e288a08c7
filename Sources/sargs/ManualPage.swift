import ArgumentParser
import SargsBoard
import SargsCore

/// The man page's own sections (issue 24), which ArgumentParser's
/// `generate-manual` cannot make: the board's keys (from the key-binding
/// table itself, so the page never lists a key the board does not have),
/// ENVIRONMENT, FILES, sargs' own EXIT STATUS and EXAMPLES, as mdoc.
/// `sargs --manual-sections` prints them; `make manual` puts them in place of
/// generate-manual's generic EXIT STATUS.
enum ManualPage {
    static var sections: String {
        [keys, environment, files, exitStatus, examples].joined(separator: "\n")
    }

    /// A text line for mdoc: a line that would begin with a dot or an
    /// apostrophe (a request) is escaped, backslashes are doubled.
    static func text(_ line: String) -> String {
        let escaped = line.replacingOccurrences(of: "\\", with: "\\e")
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    /// A quoted argument of an mdoc macro.
    static func quoted(_ words: String) -> String {
        "\"" + words.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }

    // MARK: - The board's keys

    static var keys: String {
        var out = [".Sh \"BOARD KEYS\"",
                   text("The board (sargs, or sargs board) answers these keys; ? shows them on the board, in the interface's language."),
                   text("A key that cannot act where it is pressed says why on the status line.")]
        // Every context of the table, each named here (a new one does not compile until it is).
        func title(_ context: KeyContext) -> String {
            switch context {
            case .screens: return "On the screens"
            case .form: return "In a form"
            case .field: return "Inside a form's field (typing)"
            case .search: return "On the search line"
            case .confirm: return "When the board asks a question"
            }
        }
        for context in KeyContext.allCases {
            let title = title(context)
            let bindings = KeyMap.standard.bindings.filter { $0.context == context && !$0.keys.isEmpty }
            guard !bindings.isEmpty else { continue }
            out += [".Ss " + quoted(title), ".Bl -tag -width Ds"]
            for binding in bindings {
                out.append(".It Sy " + binding.keys.map { quoted($0.asciiName) }.joined(separator: " Ns , Sy "))
                var help = binding.help.en.prefix(1).uppercased() + binding.help.en.dropFirst() + "."
                if context == .screens, !binding.screens.isEmpty {
                    let names = Screen.allCases.filter(binding.screens.contains).map(\.title.en)
                    help += " Where: " + names.joined(separator: ", ") + "."
                }
                out.append(text(help))
            }
            out.append(".El")
        }
        return out.joined(separator: "\n")
    }

    // MARK: - Environment, files, exit status, examples

    static let environmentVariables: [(String, String)] = [
        ("SARGS_DB", "The store, as --db gives it."),
        ("SARGS_TODAY", "The date to act as today, YYYY-MM-DD, as --today gives it (default: the date in Europe/Riga)."),
        ("SARGS_USER", "Who makes a change, as --user gives it (default: USER or LOGNAME, the login name)."),
        ("SARGS_LANG", "The interface's language, lv (the default) or en, as --lang gives it."),
        ("SARGS_SHARE", "A folder holding data/ (the bundled plans) and Themes/, looked in first."),
        ("SARGS_THEMES", "Folders of theme files, separated by colons, looked in before the others."),
        ("SARGS_MOUSE", "0, no, off or false leaves the mouse to the terminal, as board --no-mouse does."),
        ("SARGS_SENDMAIL", "The command that sends mail (default: /usr/sbin/sendmail -t -oi)."),
        ("SARGS_SENDMAIL_TIMEOUT", "Seconds sendmail may take for one message (default 120)."),
        ("SARGS_MAIL_FROM", "The sender of reminders and agendas."),
        ("SARGS_PANDOC_TIMEOUT", "Seconds pandoc (and weasyprint, for a PDF) may take for a DOCX, ODT or PDF document (default 120)."),
        ("XDG_DATA_HOME", "Where stores are kept: XDG_DATA_HOME/sargs (default: ~/.local/share/sargs)."),
        ("XDG_CONFIG_HOME", "The user's themes are in XDG_CONFIG_HOME/sargs/themes (default: ~/.config/sargs/themes)."),
        ("NO_COLOR", "When set, the board draws without colour."),
        ("TERM", "The terminal's type; dumb, and terminals that cannot move the cursor, are refused."),
    ]

    static var environment: String {
        var out = [".Sh ENVIRONMENT", ".Bl -tag -width Ds"]
        for (name, what) in environmentVariables {
            out += [".It Ev " + name, text(what)]
        }
        return (out + [".El"]).joined(separator: "\n")
    }

    static var files: String {
        let entries: [(String, String)] = [
            ("~/.local/share/sargs/PLAN-ID.sqlite", "A plan's store (mode 0600, or 0660 for a group), with its -wal and -shm files beside it while it is in use."),
            ("PREFIX/share/sargs/data/*.yaml", "The bundled plans (the Madona plan for sargs init --madona)."),
            ("PREFIX/share/sargs/Themes/*.yaml", "The bundled themes; reference.docx or reference.odt there styles the documents for the council."),
            ("PREFIX/share/sargs/VERSION", "The package's version, as sargs --version says it."),
            ("~/.config/sargs/themes/", "The user's own themes."),
            ("sargs-protokols-N-DATE.md", "Minutes written by the board's m key, in the current folder."),
            ("/etc/default/sargs", "The store, the sender and the backup folder of the systemd timers (Debian package)."),
        ]
        var out = [".Sh FILES", ".Bl -tag -width Ds"]
        for (path, what) in entries {
            out += [".It Pa " + path, text(what)]
        }
        return (out + [".El"]).joined(separator: "\n")
    }

    static let exitStatuses: [(Int32, String)] = [
        (0, "Done."),
        (Failure.Code.usage.rawValue, "Usage: a command line sargs cannot read, an option out of its range, a file that is there already."),
        (Failure.Code.data.rawValue, "Bad data or input: a plan file, a value or a store row refused; command-line text that is not UTF-8."),
        (Failure.Code.noInput.rawValue, "An input file that does not exist."),
        (Failure.Code.unavailable.rawValue, "The store is unavailable: none yet, read-only for this account, another group's, locked; sendmail, pandoc or weasyprint missing or failing."),
        (Failure.Code.osError.rawValue, "A resource limit (open files, address space) below what sargs needs."),
        (Failure.Code.io.rawValue, "An I/O error: a full disk, an output that cannot be written."),
    ]

    static var exitStatus: String {
        var out = [".Sh \"EXIT STATUS\"",
                   "Errors are one line on standard error,",
                   ".Dq sargs: error: ... ,",
                   "in the interface's language, with one of these statuses:",
                   ".Bl -tag -width Ds"]
        for (code, what) in exitStatuses {
            out += [".It \(code)", text(what)]
        }
        return (out + [".El"]).joined(separator: "\n")
    }

    static let exampleList: [(String, String)] = [
        ("sargs init --madona", "Create the store from the bundled Madona plan (from any folder)."),
        ("sargs", "Open the board."),
        ("sargs record 5.2 --date 2025-03-10 --count 12 --note \"reids\"", "Record that activity 5.2 was carried out."),
        ("sargs agenda --format markdown", "The next meeting's agenda."),
        ("sargs meeting new --date 2025-09-15", "Plan a meeting; it prints its number."),
        ("sargs meeting show 3 --format docx -o protokols-3.docx", "The minutes of meeting 3 for the council."),
        ("sargs report --year 2025 --format csv --lang en", "The yearly report as a spreadsheet, in English."),
        ("sargs plan draft cesu-plans.docx -o cesis.yaml", "Draft a plan file from another municipality's plan."),
        ("SARGS_DB=/srv/sargs/madona.sqlite sargs remind --dry-run", "What each institution would be mailed."),
        ("sargs backup --dir /srv/sargs/backups --keep 30", "Copy the store while people work."),
    ]

    static var examples: String {
        var out = [".Sh EXAMPLES"]
        for (command, what) in exampleList {
            out += [text(what), ".Pp", ".Dl " + command.replacingOccurrences(of: "\"", with: "\\(dq"), ".Pp"]
        }
        out.removeLast()
        return out.joined(separator: "\n")
    }
}
