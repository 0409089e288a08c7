import ArgumentParser
import Foundation
import SargsBoard
import SargsCore
import SargsFiles
import SargsPlanFile
import SargsThemeFile
import SargsStore
import SargsTerminal

struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Open the board (the default command); creates the store from the plan on first use.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The plan file to create the store from on first use (default: the bundled Madona plan).",
            completion: .file(extensions: ["yaml", "yml"]))
    var plan: String?
    @Option(help: "A theme name (default, light, high-contrast, mono) or a theme file.",
            completion: .list(["default", "light", "high-contrast", "mono"]))
    var theme: String?
    @Flag(help: "Draw with ASCII characters only.") var ascii = false
    @Flag(help: "Leave the mouse to the terminal (text selection as usual); also SARGS_MOUSE=0.") var noMouse = false
    @Flag(help: "For a screen reader or a braille display: the cursor shown on the focus, the board a card a line with its state in words first, no drawn frames; also SARGS_SCREEN_READER=1.")
    var screenReader = false

    /// `--screen-reader`, or SARGS_SCREEN_READER set to 1, yes, on or true.
    private var screenReaderOn: Bool {
        screenReader || ["1", "yes", "on", "true"].contains(Environment.variables["SARGS_SCREEN_READER"]?.lowercased() ?? "")
    }

    func run() throws {
        let language = global.language
        let fixedToday = try global.today.map { _ in try global.resolvedToday() }
            ?? (Environment.variables["SARGS_TODAY"].flatMap { $0.isEmpty ? nil : $0 } != nil
                ? try global.resolvedToday() : nil)
        // A bad theme and a terminal the board cannot draw on are refused before anything is created.
        let loadedTheme = try loadTheme()
        let terminal = Terminal()
        do {
            let mouseOff = noMouse || ["0", "no", "off", "false"].contains(Environment.variables["SARGS_MOUSE"]?.lowercased() ?? "")
            try terminal.start(asciiOnly: ascii, mouse: !mouseOff, showCursor: screenReaderOn)
        } catch let error as TerminalError {
            // TERM=dumb, a terminal without cursor addressing, output redirected: how sargs was started (64).
            throw Failure(error == .alreadyStarted ? .io : .usage, error.phrase)
        }
        var created: Phrase?
        do {
            defer { terminal.stop() }
            let (store, fileDiffers, wasCreated) = try openOrCreateStore()
            if wasCreated { created = createdNotice(store) }
            try runBoard(store: store, fileDiffers: fileDiffers, created: created, terminal: terminal, theme: loadedTheme,
                         fixedToday: fixedToday, language: language)
        }
        // The first start says again, once the screen is the shell's, where the store was made.
        if let created { Output.print(created.text(language)) }
    }

    /// The board on `store` until it is quit.
    private func runBoard(store: Store, fileDiffers: Bool, created: Phrase?, terminal: Terminal, theme loadedTheme: Theme,
                          fixedToday: Day?, language: Language) throws {
        let (snapshot, version) = try Session.guarded { try store.snapshotAndVersion() }
        let today = fixedToday ?? Day.riga(Date())
        let size = terminal.size
        var state = AppState(snapshot: snapshot, today: today, language: language, glyphs: terminal.glyphs,
                             width: size.width, height: size.height, author: try global.author, screenReader: screenReaderOn)
        state.readOnly = !store.mayChange
        // What the start has to say, each said whole (the status line wraps): the first start first.
        var notices: [Phrase] = created.map { [$0] } ?? []
        // A drafted plan still to be reviewed says so on opening.
        if let plan, let text = try? String(contentsOfFile: plan, encoding: .utf8) {
            let n = PlanFile.reviewComments(in: text).count
            if n > 0 {
                notices.append(Phrase(
                    lv: "Plānā " + Plural.form(n, .lv, one: "\(n) vieta jāpārbauda", other: "\(n) vietas jāpārbauda")
                        + " (# PĀRBAUDĪT): sargs plan check \(ShellWord.path(plan))",
                    en: "The plan has " + Plural.form(n, .en, one: "\(n) place to review", other: "\(n) places to review")
                        + " (# PĀRBAUDĪT): sargs plan check \(ShellWord.path(plan))"))
            }
        }
        if fileDiffers, let plan {
            // The store was made earlier; what changed in the file since is not in it.
            notices.append(Phrase(
                lv: "Glabātuvē cits plāns nekā failā. No faila: sargs init \(ShellWord.path(plan)) --db \(ShellWord.path(store.path)) --force",
                en: "The store holds another plan than the file. From the file: sargs init \(ShellWord.path(plan)) --db \(ShellWord.path(store.path)) --force"))
        }
        if state.readOnly {
            notices.append(Phrase(
                lv: "Glabātuvi \(store.path) drīkst tikai lasīt (jums tā ir tikai lasāma: fails, tā mape vai disks): izmaiņas nav iespējamas",
                en: "The store \(store.path) may only be read (it is read-only for you: its file, its folder or the disk): nothing can be changed"))
        }
        if let fallback = terminal.fallback {
            // A terminal this machine has no description of is drawn as its nearest kin, and says so.
            notices.append(Phrase(
                lv: "Termināļa veids \(fallback.wanted) šeit nav aprakstīts; zīmē kā \(fallback.used) (uzstādiet ncurses-term)",
                en: "The terminal type \(fallback.wanted) is not described here; drawing as \(fallback.used) (install ncurses-term)"))
        }
        _ = reduce(&state, .resize(width: size.width, height: size.height))
        if !notices.isEmpty {
            state.message = Message(.notice, Phrase(lv: notices.map(\.lv).joined(separator: " · "),
                                                    en: notices.map(\.en).joined(separator: " · ")))
        }
        let themeForTerminal = loadedTheme.adapted(to: terminal.colorDepth)
        var loop = BoardLoop(store: store, version: version, terminal: terminal, theme: themeForTerminal, fixedToday: fixedToday)
        loop.run(&state)
    }

    /// Where the first start made the store and how the next start finds it:
    /// by itself (the only store in the data folder, or the Madona one), else
    /// with the same `--db` or `SARGS_DB`.
    private func createdNotice(_ store: Store) -> Phrase {
        let path = store.path, plan = try? store.plan()
        let g = plan?.goals.count ?? 0, a = plan?.activities.count ?? 0
        let what = Phrase(lv: Plural.form(g, .lv, one: "\(g) mērķis", other: "\(g) mērķi") + ", "
                              + Plural.form(a, .lv, one: "\(a) aktivitāte", other: "\(a) aktivitātes"),
                          en: Plural.form(g, .en, one: "\(g) goal", other: "\(g) goals") + ", "
                              + Plural.form(a, .en, one: "\(a) activity", other: "\(a) activities"))
        let shown = SafeText.line(path), command = "sargs --db " + ShellWord.quoted(shown)
        let again: Phrase
        if global.db?.isEmpty == false {
            again = Phrase(lv: "nākamreiz: \(command)", en: "next time: \(command)")
        } else if global.explicitStorePath != nil {
            again = Phrase(lv: "nākamreiz ar to pašu SARGS_DB vai: \(command)", en: "next time with the same SARGS_DB, or: \(command)")
        } else if (try? StoreLocation.existing(global)) == path {
            again = Phrase(lv: "nākamreiz `sargs` to atradīs pats", en: "next time `sargs` finds it by itself")
        } else {
            again = Phrase(lv: "mapē ir arī citas glabātuves; nākamreiz: \(command)",
                           en: "the folder holds other stores too; next time: \(command)")
        }
        return Phrase(lv: "Glabātuve izveidota: \(shown) (\(what.lv)); \(again.lv)",
                      en: "Store created: \(shown) (\(what.en)); \(again.en)")
    }

    /// The store the options name; created from the plan file when it is not there yet.
    /// `fileDiffers`: the store was there already and its plan is not the
    /// `--plan` file's (`Plan.sameContent(as:)`: statuses and mailboxes aside); `created`: it was made now.
    private func openOrCreateStore() throws -> (store: Store, fileDiffers: Bool, created: Bool) {
        var path = global.explicitStorePath
        var planForCreation: Plan?
        if let file = plan {
            let parsed = try PlanFile.read(path: file)
            planForCreation = parsed
            path = path ?? global.storePath(planID: parsed.id)
        }
        if path == nil {
            path = (try? StoreLocation.existing(global)) ?? global.storePath()
        }
        let storePath = path!
        if let failure = StoreLocation.unreachable(storePath) { throw failure }
        if !FileManager.default.fileExists(atPath: storePath) {
            if planForCreation == nil {
                guard let bundled = PlanLocation.bundledPlan() else {
                    throw Failure(.noInput, Phrase(lv: "nav ne glabātuves, ne plāna; norādiet --plan FAILS",
                                                   en: "there is neither a store nor a plan; give --plan FILE"))
                }
                planForCreation = try PlanFile.read(path: bundled)
            }
            return (try Session.guarded {
                try Store.create(at: storePath, plan: planForCreation!, force: false, author: try global.author, now: Date())
            }, false, true)
        }
        let store = try Session.guarded { try Store.open(at: storePath) }
        guard plan != nil, let file = planForCreation, let stored = try? store.plan() else { return (store, false, false) }
        // Statuses and mailboxes are the board's and the mail commands', not the file's (`Plan.sameContent`).
        return (store, !file.sameContent(as: stored), false)
    }

    private func loadTheme() throws -> Theme {
        let directories = ThemeFile.standardSearchDirectories(shareDirectories: PlanLocation.shareDirectories())
        guard let theme else {
            return (try? ThemeFile.load(nameOrPath: "default", searchDirectories: directories)) ?? .fallback
        }
        do {
            return try ThemeFile.load(nameOrPath: theme, searchDirectories: directories)
        } catch let error as ThemeFileError {
            throw Failure(.data, Phrase(lv: error.text(.lv), en: error.text(.en)))
        } catch let error as FileProblem {
            throw Failure(error.missing ? .noInput : .io, error.phrase)
        } catch let error as ThemeNotFoundError {
            throw Failure(.noInput, error.phrase)
        } catch {
            throw Failure(.noInput, Phrase(lv: "\(error)", en: "\(error)"))
        }
    }
}

/// The loop: key → action → reduce → effects → frame → changed cells. The
/// effects run in `EffectRunner` (SargsBoard), the same runner the tests use.
struct BoardLoop {
    let terminal: Terminal
    let theme: Theme
    let fixedToday: Day?
    var runner: EffectRunner<StoreServices>
    var lastPoll = Date.distantPast

    init(store: Store, version: Int64, terminal: Terminal, theme: Theme, fixedToday: Day?) {
        self.terminal = terminal
        self.theme = theme
        self.fixedToday = fixedToday
        self.runner = EffectRunner(services: StoreServices(store: store, today: { fixedToday ?? Day.riga(Date()) }), version: version)
    }

    mutating func run(_ state: inout AppState) {
        var canvas = Canvas(width: state.width, height: state.height)
        while !state.quitting {
            canvas = Canvas(width: state.width, height: state.height)
            render(state, into: &canvas)
            terminal.paint(canvas, theme: theme)

            if let input = terminal.readInput(timeoutMilliseconds: 250) {
                switch input {
                case .resize:
                    let size = terminal.size
                    runner.send(.resize(width: size.width, height: size.height), &state)
                case .key(let key):
                    runner.send(.key(key), &state)
                case .paste(let text):
                    runner.send(.paste(text), &state)
                case .mouse(let event):
                    runner.send(.mouse(event), &state)
                }
            } else if terminal.isGone {
                break  // nobody to show the board to: restore what can be restored and end
            } else {
                runner.send(.idle, &state)
            }
            poll(&state)
        }
    }

    /// Every second: another person's change, and midnight in Riga.
    private mutating func poll(_ state: inout AppState) {
        guard Date().timeIntervalSince(lastPoll) >= 1 else { return }
        lastPoll = Date()
        runner.refreshIfChanged(&state)
        if fixedToday == nil {
            let day = Day.riga(Date())
            if day != state.today { runner.send(.dayChanged(day), &state) }
        }
    }
}

/// Writes a meeting's minutes as Markdown in the current directory.
enum MinutesFile {
    /// The path written to, and a note when the first name was taken.
    static func write(meeting id: Int64, store: Store, language: Language) throws -> (path: String, note: Phrase?) {
        let snapshot = try store.snapshot()
        guard let meeting = snapshot.meetings.first(where: { $0.id == id }) else { throw StoreError.unknownMeeting(id) }
        let text = Minutes(meeting: meeting, snapshot: snapshot).markdown(language)
        // getcwd, not Foundation's fallback: a folder deleted under the board is not "/".
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else {
            throw NewFile.Problem(phrase: Phrase(lv: "pašreizējās mapes vairs nav; protokols netika ierakstīts",
                                                 en: "the current folder no longer exists; the minutes were not written"))
        }
        let directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return try NewFile.write(text, directory: directory,
                                 name: "sargs-protokols-\(id)-\(meeting.date)", extension: "md",
                                 mode: NewFile.mode(beside: store.path))
    }
}

/// A document sargs writes for people (minutes, reports): always a new file,
/// never one that was there (`NAME.md`, else `NAME-2.md`, `NAME-3.md` …),
/// readable as the store is (0600, or 0640/0660 with the store's group).
enum NewFile {
    /// A failure to write, said plainly.
    struct Problem: Error {
        var phrase: Phrase
    }

    /// The store's owner and group permission bits and, for a store shared
    /// with a group, that group; never others' (`FileAccess.beside`).
    static func mode(beside storePath: String) -> FileAccess {
        FileAccess.beside(store: storePath)
    }

    /// Writes `text` to the first free name and returns its path, with a
    /// note when a name was already taken (a file kept, or a folder in the way).
    static func write(_ text: String, directory: String, name: String, extension ext: String,
                      mode: FileAccess) throws -> (path: String, note: Phrase?) {
        let bytes = Array(text.utf8)
        var note: Phrase?
        for n in 1...999 {
            let path = directory + "/" + name + (n == 1 ? "" : "-\(n)") + "." + ext
            do {
                // Written whole under a fresh name, then linked: never a file or link that is there.
                try SafeFile.put(bytes, at: path, access: mode, replacing: false)
                return (path, note)
            } catch let refusal as FileRefusal where refusal.kind == .exists {
                if n == 1 {
                    var isDirectory: ObjCBool = false
                    _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                    note = isDirectory.boolValue
                        ? Phrase(lv: "mape \(path) jau ir, tāpēc cits nosaukums", en: "a folder \(path) is in the way, so another name")
                        : Phrase(lv: "\(path) jau ir un netika pārrakstīts", en: "\(path) was there and is kept")
                }
            } catch let refusal as FileRefusal {
                throw Problem(phrase: refusal.phrase)
            }
        }
        throw Problem(phrase: Phrase(lv: "\(directory) jau ir 999 faili ar nosaukumu \(name)",
                                     en: "\(directory) already holds 999 files named \(name)"))
    }
}
