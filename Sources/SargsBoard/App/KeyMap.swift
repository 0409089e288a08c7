import SargsCore

/// Everything a key can ask the board to do. Tests press keys by command, so
/// rebinding a key breaks no test.
public enum Command: String, CaseIterable, Hashable, Sendable {
    case up, down, left, right, pageUp, pageDown, home, end
    case open, back
    case record, status, note, waive, edit, add, undo, finish
    case search, filter, group, overdueOnly, clearFilters
    case agenda, meetings, institutions, journal, indicators, help, quit
    // The agenda view and chair mode.
    case meetingSettings, saveMeeting, addItem, removeItem, itemUp, itemDown, chair, minutes
    case discussed, decided, deferred, hold, cancelMeeting
    // A decision under review (chair mode) or open (the decision view).
    case reviewDone, reviewDue, reviewOpen
    // Inside a form, the search line and a yes/no question.
    case formSave, formNext, formPrevious, formCancel, formNewline, searchDone, searchClear, confirmYes, confirmNo
    // Editing inside a form's field (issue 28: a context of the table, shown in help, never literal in hints).
    case fieldLeft, fieldRight, fieldStart, fieldEnd, fieldBackspace, fieldDelete, fieldClear, fieldDeleteWord
}

extension Command {
    /// The command leads to a change of the store (at once or through a
    /// form, the agenda's draft or chair mode); refused on a read-only store.
    public var changesStore: Bool {
        switch self {
        case .record, .status, .note, .waive, .edit, .add, .undo, .finish,
             .meetingSettings, .saveMeeting, .addItem, .removeItem, .itemUp, .itemDown, .chair,
             .discussed, .decided, .deferred, .hold, .cancelMeeting, .reviewDone, .reviewDue, .reviewOpen:
            return true
        default:
            return false
        }
    }
}

/// Where a binding works besides the screens: inside a form, inside the
/// form's focused field (its editing keys; a typed character is inserted),
/// on the search line, or while a yes/no question waits.
public enum KeyContext: String, CaseIterable, Hashable, Sendable {
    case screens, form, field, search, confirm
}

/// One row of the key-binding table: keys, what they do, the help text, where
/// they work and whether the bar shows them.
public struct KeyBinding: Sendable {
    public var command: Command
    public var keys: [Key]
    public var help: Phrase
    /// The short word the bar shows; nil keeps the binding out of the bar.
    public var bar: Phrase?
    /// The screens where the binding works; empty means everywhere.
    public var screens: Set<Screen>
    /// A form, the search line or a question; `.screens` for the screens' own keys.
    public var context: KeyContext

    public init(_ command: Command, _ keys: [Key], help: Phrase, bar: Phrase? = nil, screens: Set<Screen> = [],
                context: KeyContext = .screens) {
        self.command = command
        self.keys = keys
        self.help = help
        self.bar = bar
        self.screens = screens
        self.context = context
    }

    public func works(on screen: Screen) -> Bool { context == .screens && (screens.isEmpty || screens.contains(screen)) }
}

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The key-binding table: data, from which the help screen and the bar are made.
public struct KeyMap: Sendable {
    public var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    private static let cards: Set<Screen> = [.board, .activity]

    public static let standard = KeyMap(bindings: [
        KeyBinding(.up, [.up, .character("k")], help: p("uz augšu", "move up")),
        KeyBinding(.down, [.down, .character("j")], help: p("uz leju", "move down")),
        KeyBinding(.left, [.left, .character("h")], help: p("pa kreisi (iepriekšējā kolonna; sēdes vadīšanā iepriekšējais jautājums)",
                                                                    "move left (previous column; in chair mode the previous item)")),
        KeyBinding(.right, [.right, .character("l")], help: p("pa labi (nākamā kolonna; sēdes vadīšanā nākamais jautājums)",
                                                                      "move right (next column; in chair mode the next item)")),
        KeyBinding(.pageUp, [.pageUp], help: p("lapu uz augšu", "page up")),
        KeyBinding(.pageDown, [.pageDown], help: p("lapu uz leju", "page down")),
        KeyBinding(.home, [.home], help: p("uz sākumu", "to the first")),
        KeyBinding(.end, [.end], help: p("uz beigām", "to the last")),
        KeyBinding(.open, [.enter], help: p("atvērt aktivitāti, sēdi vai lēmumu; iestādēm — mainīt e-pastu",
                                            "open the activity, meeting or decision; on the institutions, change a mailbox"),
                   bar: p("atvērt", "open"), screens: [.board, .agenda, .meetings, .institutions]),
        // Esc goes back from every screen opened over another (a new screen has it without a word here).
        KeyBinding(.back, [.escape], help: p("atpakaļ", "back"), bar: p("atpakaļ", "back"),
                   screens: Set(Screen.allCases).subtracting([.board])),
        KeyBinding(.record, [.character("r")], help: p("pierakstīt izpildi (šodien, skaits, piezīme)", "record that it was carried out (today, count, note)"),
                   bar: p("izpilde", "record"), screens: cards),
        KeyBinding(.status, [.character("s")], help: p("mainīt statusu", "change the status"), bar: p("statuss", "status"),
                   screens: cards),
        KeyBinding(.note, [.character("n")], help: p("pievienot piezīmi", "add a note"), bar: p("piezīme", "note"),
                   screens: cards),
        KeyBinding(.waive, [.character("w")], help: p("atbrīvot nokavētu logu (ar piezīmi)", "waive a missed window (with a note)"),
                   bar: p("atbrīvot", "waive"), screens: cards),
        KeyBinding(.edit, [.character("e")], help: p("labot laukus", "edit fields"), screens: cards),
        KeyBinding(.finish, [.character("d")], help: p("atzīmēt vienreizēju aktivitāti ar ierakstītu izpildi kā pabeigtu",
                                                     "mark a one-off activity with a record as finished"), screens: cards),
        KeyBinding(.add, [.character("a")], help: p("pievienot aktivitāti", "add an activity"), screens: [.board]),
        KeyBinding(.undo, [.character("u")], help: p("atsaukt savu pēdējo izmaiņu", "undo your latest change"), bar: p("atsaukt", "undo")),
        KeyBinding(.search, [.character("/")], help: p("meklēt tekstu (uzreiz); žurnālā — aktivitāte vai autors", "search text (as you type); on the journal, an activity or author"),
                   bar: p("meklēt", "search"), screens: [.board, .journal]),
        KeyBinding(.filter, [.character("f")], help: p("filtrēt pēc iestādes, līmeņa, perioda, stāvokļa", "filter by owner, level, period, state"),
                   bar: p("filtrs", "filter"), screens: [.board]),
        KeyBinding(.overdueOnly, [.character("o")], help: p("tikai nokavētās (ieslēgt/izslēgt)", "overdue only (on/off)"),
                   bar: p("nokavētās", "overdue"), screens: [.board]),
        KeyBinding(.clearFilters, [.character("x")], help: p("notīrīt visus filtrus", "clear all filters"), screens: [.board]),
        KeyBinding(.group, [.character("g")], help: p("grupēt: mērķis, iestāde, līmenis, periods, stāvoklis", "group by goal, owner, level, period, state"),
                   bar: p("grupēt", "group"), screens: [.board]),
        KeyBinding(.chair, [.character("c")], help: p("vadīt sēdi: pa vienam jautājumam", "chair the meeting: one item at a time"),
                   bar: p("vadīt sēdi", "chair"), screens: [.agenda]),
        KeyBinding(.meetingSettings, [.character("d")], help: p("sēdes datums, veids, tēma", "the meeting's date, kind, topic"),
                   bar: p("datums", "date"), screens: [.agenda]),
        KeyBinding(.saveMeeting, [.character("p")], help: p("saglabāt kā plānotu sēdi", "save as a planned meeting"),
                   bar: p("saglabāt", "save"), screens: [.agenda]),
        KeyBinding(.addItem, [.character("+")], help: p("pievienot jautājumu", "add an item"), screens: [.agenda]),
        KeyBinding(.removeItem, [.character("x"), .delete], help: p("izņemt jautājumu", "remove the item"), screens: [.agenda]),
        KeyBinding(.itemUp, [.character("[")], help: p("pārvietot jautājumu augstāk", "move the item up"), screens: [.agenda]),
        KeyBinding(.itemDown, [.character("]")], help: p("pārvietot jautājumu zemāk", "move the item down"), screens: [.agenda]),
        KeyBinding(.discussed, [.character("1")], help: p("iznākums: izskatīts", "outcome: discussed"), bar: p("izskatīts", "discussed"),
                   screens: [.chair]),
        KeyBinding(.decided, [.character("2")], help: p("iznākums: lēmums (teksts, atbildīgais, termiņš)", "outcome: a decision (text, owner, due date)"),
                   bar: p("lēmums", "decision"), screens: [.chair]),
        KeyBinding(.deferred, [.character("3")], help: p("iznākums: atlikts uz nākamo sēdi", "outcome: deferred to the next meeting"),
                   bar: p("atlikts", "deferred"), screens: [.chair]),
        KeyBinding(.cancelMeeting, [.character("C")], help: p("atcelt plānoto sēdi (jautā)", "cancel the planned meeting (asks)"),
                   screens: [.agenda]),
        KeyBinding(.reviewDone, [.character("v")], help: p("lēmums izpildīts", "the decision is done"), bar: p("izpildīts", "done"),
                   screens: [.chair, .decision, .agenda]),
        KeyBinding(.reviewDue, [.character("t")], help: p("lēmumam jauns termiņš (vecais paliek žurnālā)", "give the decision a new due date (the old one stays in the journal)"),
                   bar: p("termiņš", "due date"), screens: [.chair, .decision, .agenda]),
        KeyBinding(.reviewOpen, [.character("o")], help: p("lēmums paliek atvērts", "the decision stays open"), bar: p("atvērts", "open"),
                   screens: [.chair]),
        KeyBinding(.minutes, [.character("m")], help: p("rakstīt protokolu (Markdown)", "write the minutes (Markdown)"),
                   bar: p("protokols", "minutes"), screens: [.agenda, .chair]),
        KeyBinding(.hold, [.character("H")], help: p("sēde notikusi: vieta, laiks, vadītājs, protokolētājs, dalībnieki, uzaicinātie (notikušai — labot)",
                                                     "hold the meeting: place, times, chair, secretary, attendees, guests (held: edit them)"),
                   bar: p("noturēt", "hold"), screens: [.chair, .agenda]),
        KeyBinding(.agenda, [.character("A")], help: p("sēdes darba kārtība", "the meeting agenda"), bar: p("darba kārtība", "agenda")),
        KeyBinding(.meetings, [.character("M")], help: p("sēdes", "meetings")),
        KeyBinding(.journal, [.character("J")], help: p("izmaiņu žurnāls", "the journal of changes")),
        KeyBinding(.indicators, [.character("I")], help: p("rādītāji", "indicators")),
        KeyBinding(.institutions, [.character("E")], help: p("iestādes un to e-pasti", "institutions and their mailboxes")),
        KeyBinding(.help, [.character("?"), .function(1)], help: p("palīdzība", "help"), bar: p("palīdzība", "help")),
        KeyBinding(.quit, [.character("q")], help: p("iziet", "quit"), bar: p("iziet", "quit")),
        // Inside a form.
        KeyBinding(.formSave, [.enter], help: p("saglabāt formu", "save the form"), bar: p("saglabāt", "save"), context: .form),
        KeyBinding(.formNext, [.tab, .down], help: p("nākamais lauks", "next field"), bar: p("nākamais lauks", "next field"),
                   context: .form),
        KeyBinding(.formNewline, [.altEnter, .control("j")], help: p("jauna rinda piezīmē vai lēmumā (Enter saglabā)",
                                                                     "a line break in a note or decision (Enter saves)"),
                   bar: p("jauna rinda", "new line"), context: .form),
        KeyBinding(.formPrevious, [.backTab, .up], help: p("iepriekšējais lauks", "previous field"), context: .form),
        KeyBinding(.formCancel, [.escape], help: p("atcelt formu (nekas netiek saglabāts)", "cancel the form (nothing is saved)"),
                   bar: p("atcelt", "cancel"), context: .form),
        // Inside the focused field of a form: a text field's cursor, a choice's options.
        KeyBinding(.fieldLeft, [.left], help: p("kursors pa kreisi; izvēlē — iepriekšējā iespēja", "cursor left; in a choice, the previous option"),
                   context: .field),
        KeyBinding(.fieldRight, [.right], help: p("kursors pa labi; izvēlē — nākamā iespēja (arī atstarpe)",
                                                  "cursor right; in a choice, the next option (Space too)"),
                   context: .field),
        KeyBinding(.fieldStart, [.home, .control("a")], help: p("uz lauka sākumu", "to the start of the field"), context: .field),
        KeyBinding(.fieldEnd, [.end, .control("e")], help: p("uz lauka beigām", "to the end of the field"), context: .field),
        KeyBinding(.fieldBackspace, [.backspace], help: p("dzēst rakstzīmi pirms kursora", "delete the character before the cursor"),
                   context: .field),
        KeyBinding(.fieldDelete, [.delete], help: p("dzēst rakstzīmi zem kursora", "delete the character under the cursor"),
                   context: .field),
        KeyBinding(.fieldDeleteWord, [.control("w")], help: p("dzēst vārdu pirms kursora", "delete the word before the cursor"),
                   context: .field),
        KeyBinding(.fieldClear, [.control("u")], help: p("notīrīt lauku", "clear the field"), context: .field),
        // The search line.
        KeyBinding(.searchDone, [.enter], help: p("beigt meklēt (filtrs paliek)", "end the search (the filter stays)"),
                   bar: p("gatavs", "done"), context: .search),
        KeyBinding(.searchClear, [.escape], help: p("notīrīt meklēto", "clear the search"), bar: p("notīrīt", "clear"),
                   context: .search),
        // A question before the board reverts, destroys or saves: answered by keys of its own, never by one
        // that also moves (j is "down", so it is not "jā"); the question names what yes does.
        KeyBinding(.confirmYes, [.character("y")], help: p("jā: darīt, ko jautājums nosauc", "yes: do what the question names"),
                   bar: p("jā", "yes"), context: .confirm),
        KeyBinding(.confirmNo, [.character("n"), .escape], help: p("nē: neko nemainīt", "no: change nothing"), bar: p("nē", "no"),
                   context: .confirm),
    ])

    /// The command a key asks for on a screen, if any.
    public func command(for key: Key, on screen: Screen) -> Command? {
        bindings.first { $0.works(on: screen) && $0.keys.contains(key) }?.command
    }

    public func binding(_ command: Command) -> KeyBinding? {
        bindings.first { $0.command == command }
    }

    /// The command a key asks for in a form, on the search line or in a question.
    public func command(for key: Key, in context: KeyContext) -> Command? {
        bindings.first { $0.context == context && $0.keys.contains(key) }?.command
    }

    /// The bindings of a context (for the key bar of a form, the search line, a question).
    public func bindings(in context: KeyContext) -> [KeyBinding] {
        bindings.filter { $0.context == context }
    }

    /// The first key of a command, as tests and hints press it. A command
    /// with no key is a mistake in the table, not a key to guess.
    public func key(_ command: Command) -> Key {
        guard let key = binding(command)?.keys.first else {
            preconditionFailure("no key is bound to \(command)")
        }
        return key
    }
}
