import SargsCore

/// Everything a key can ask the board to do. Tests press keys by command, so
/// rebinding a key breaks no test.
public enum Command: String, CaseIterable, Hashable, Sendable {
    case up, down, left, right, pageUp, pageDown, home, end
    case open, back
    case record, status, note, waive, edit, add, undo
    case search, filter, group, overdueOnly, clearFilters
    case agenda, meetings, journal, indicators, help, quit
    // The agenda view and chair mode.
    case meetingSettings, saveMeeting, addItem, removeItem, itemUp, itemDown, chair, minutes
    case discussed, decided, deferred, hold
}

/// The screens of the board.
public enum Screen: String, CaseIterable, Hashable, Sendable {
    case board, activity, agenda, chair, meetings, journal, indicators, help
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

    public init(_ command: Command, _ keys: [Key], help: Phrase, bar: Phrase? = nil, screens: Set<Screen> = []) {
        self.command = command
        self.keys = keys
        self.help = help
        self.bar = bar
        self.screens = screens
    }

    public func works(on screen: Screen) -> Bool { screens.isEmpty || screens.contains(screen) }
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
        KeyBinding(.left, [.left, .character("h")], help: p("pa kreisi (iepriekšējā kolonna)", "move left (previous column)")),
        KeyBinding(.right, [.right, .character("l")], help: p("pa labi (nākamā kolonna)", "move right (next column)")),
        KeyBinding(.pageUp, [.pageUp], help: p("lapu uz augšu", "page up")),
        KeyBinding(.pageDown, [.pageDown], help: p("lapu uz leju", "page down")),
        KeyBinding(.home, [.home], help: p("uz sākumu", "to the first")),
        KeyBinding(.end, [.end], help: p("uz beigām", "to the last")),
        KeyBinding(.open, [.enter], help: p("atvērt aktivitāti", "open the activity"), bar: p("atvērt", "open"),
                   screens: [.board]),
        KeyBinding(.back, [.escape], help: p("atpakaļ; aizvērt formu", "back; close a form"), bar: p("atpakaļ", "back"),
                   screens: [.activity, .agenda, .chair, .meetings, .journal, .indicators, .help]),
        KeyBinding(.record, [.character("r")], help: p("pierakstīt izpildi (šodien, skaits, piezīme)", "record that it was carried out (today, count, note)"),
                   bar: p("izpilde", "record"), screens: cards),
        KeyBinding(.status, [.character("s")], help: p("mainīt statusu", "change the status"), bar: p("statuss", "status"),
                   screens: cards),
        KeyBinding(.note, [.character("n")], help: p("pievienot piezīmi", "add a note"), bar: p("piezīme", "note"),
                   screens: cards),
        KeyBinding(.waive, [.character("w")], help: p("atbrīvot nokavētu logu (ar piezīmi)", "waive a missed window (with a note)"),
                   bar: p("atbrīvot", "waive"), screens: cards),
        KeyBinding(.edit, [.character("e")], help: p("labot laukus", "edit fields"), screens: cards),
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
        KeyBinding(.minutes, [.character("m")], help: p("rakstīt protokolu (Markdown)", "write the minutes (Markdown)"),
                   bar: p("protokols", "minutes"), screens: [.agenda, .chair]),
        KeyBinding(.discussed, [.character("1")], help: p("iznākums: izskatīts", "outcome: discussed"), bar: p("izskatīts", "discussed"),
                   screens: [.chair]),
        KeyBinding(.decided, [.character("2")], help: p("iznākums: lēmums (teksts, atbildīgais, termiņš)", "outcome: a decision (text, owner, due date)"),
                   bar: p("lēmums", "decision"), screens: [.chair]),
        KeyBinding(.deferred, [.character("3")], help: p("iznākums: atlikts uz nākamo sēdi", "outcome: deferred to the next meeting"),
                   bar: p("atlikts", "deferred"), screens: [.chair]),
        KeyBinding(.hold, [.character("H")], help: p("sēde notikusi: dalībnieki un atzīme", "hold the meeting: attendees and mark it held"),
                   bar: p("noturēt", "hold"), screens: [.chair, .agenda]),
        KeyBinding(.agenda, [.character("A")], help: p("sēdes darba kārtība", "the meeting agenda"), bar: p("darba kārtība", "agenda")),
        KeyBinding(.meetings, [.character("M")], help: p("sēdes", "meetings")),
        KeyBinding(.journal, [.character("J")], help: p("izmaiņu žurnāls", "the journal of changes")),
        KeyBinding(.indicators, [.character("I")], help: p("rādītāji", "indicators")),
        KeyBinding(.help, [.character("?"), .function(1)], help: p("palīdzība", "help"), bar: p("palīdzība", "help")),
        KeyBinding(.quit, [.character("q")], help: p("iziet", "quit"), bar: p("iziet", "quit")),
    ])

    /// The command a key asks for on a screen, if any.
    public func command(for key: Key, on screen: Screen) -> Command? {
        bindings.first { $0.works(on: screen) && $0.keys.contains(key) }?.command
    }

    public func binding(_ command: Command) -> KeyBinding? {
        bindings.first { $0.command == command }
    }

    /// The first key of a command, as tests press it.
    public func key(_ command: Command) -> Key {
        binding(command)?.keys.first ?? .escape
    }
}
