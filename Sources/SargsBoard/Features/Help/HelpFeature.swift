import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The help screen, made from the key-binding table (data), plus what
/// belongs on the board and what does not.
enum HelpFeature: TextFeature {
    static let title = p("palīdzība", "help")
    static let entry: Command? = .help

    /// The help's lines for a screen `width` wide (the text's room: the
    /// screen less a column each side): a key's help and the reason it cannot
    /// act now wrap at words under the help's column, never cut.
    static func lines(_ state: AppState, width: Int) -> [[(String, Role)]] {
        var out: [[(String, Role)]] = []
        // The binding table: first the keys that work everywhere, then each screen's own (the screen help
        // was opened from first), made from the table so a screen lists every key it takes; then the
        // form, a field, the search line and a question.
        let from = stateForHelp(state).screen
        var sections: [(Phrase, (KeyBinding) -> Bool)] = [
            (p("Visur", "Everywhere"), { $0.context == .screens && $0.screens.isEmpty }),
        ]
        for screen in [from] + Screen.allCases.filter({ $0 != from && $0 != .help }) {
            sections.append((heading(screen), { $0.context == .screens && !$0.screens.isEmpty && $0.works(on: screen) }))
        }
        sections += [
            (p("Formās (ievadītais paliek, līdz to saglabā vai atceļ)", "In forms (what you type stays until you save or cancel)"), { $0.context == .form }),
            (p("Laukā (rakstot)", "Inside a field (typing)"), { $0.context == .field }),
            (p("Meklējot", "While searching"), { $0.context == .search }),
            (p("Atbildot uz jautājumu", "Answering a question"), { $0.context == .confirm }),
        ]
        for (title, belongs) in sections {
            let bindings = state.keyMap.bindings.filter(belongs)
            guard !bindings.isEmpty else { continue }
            out.append([(state.text(title), .emphasis)])
            out += bindings.flatMap { rows(of: $0, state: state, width: width) }
            out.append([])
        }
        out.append([(state.text(p("Kas šeit nav jāglabā", "What does not belong here")), .emphasis)])
        out.append([(state.text(p(
            "  Tāfele koordinē aktivitātes, nevis gadījumus: nekādu vārdu un personas kodu.",
            "  The board coordinates activities, never cases: no names, no personal codes.")), .help)])
        out.append([(state.text(p(
            "  Lietas paliek iestāžu sistēmās (sociālais dienests, bāriņtiesa, policija).",
            "  Case files stay in the institutions' own systems (social service, orphan's court, police).")), .help)])
        out.append([])
        out.append([(state.text(p("Stāvokļi", "States")), .emphasis)])
        let g = state.glyphs
        let samples: [(String, Phrase, Role)] = [
            (g.overdue, p("nokavēta: termiņš pagājis vai pēdējais logs bez izpildes", "overdue: deadline passed or the last window has no record"), .badgeOverdue),
            (g.open, p("atvērta: vienreizējā termiņa logs ir tagad; vai izpilde ierakstīta, bet nav atzīmēta kā pabeigta (\(state.keyName(.finish)) — pabeigt)",
                       "open: the one-off window is now; or carried out but not marked finished (\(state.keyName(.finish)) finishes it)"), .badgeOpen),
            (g.upcoming, p("gaidāma: logs vēl nav sācies", "upcoming: the window has not started"), .badgeUpcoming),
            (g.onTrack, p("laikā", "on track"), .badgeOnTrack),
            (g.asNeeded, p("pēc vajadzības: nekad nav nokavēta", "as needed: never overdue"), .badgeAsNeeded),
            (g.blocked, p("bloķēta (ar iemeslu)", "blocked (with its reason)"), .badgeBlocked),
            (g.done, p("izpildīta", "done"), .badgeDone),
            (g.dropped, p("atmesta", "dropped"), .badgeDropped),
        ]
        // Each wrapped at words under itself, never wider than the screen.
        for (glyph, phrase, role) in samples {
            let rows = wrap(state.text(phrase), width: max(10, width - 2 - glyph.displayWidth - 3), lines: 6, glyphs: g)
            for (i, text) in rows.enumerated() {
                out.append([(i == 0 ? "  " + glyph + " " : String(repeating: " ", count: 3 + glyph.displayWidth), role), (text, .help)])
            }
        }
        return out
    }

    /// A screen's heading in help: where its keys work ("Tāfelē"), or, for a screen not named here, its title.
    static func heading(_ screen: Screen) -> Phrase {
        switch screen {
        case .board: return p("Tāfelē", "On the board")
        case .activity: return p("Aktivitātē", "In an activity")
        case .agenda: return p("Darba kārtībā", "In the agenda")
        case .chair: return p("Sēdes vadīšanā", "Chairing the meeting")
        case .meetings: return p("Sēžu sarakstā", "In the meetings")
        case .meeting: return p("Sēdē", "In a meeting")
        case .decision: return p("Lēmumā", "On a decision")
        case .institutions: return p("Iestādēs", "In the institutions")
        case .journal: return p("Žurnālā", "In the journal")
        default: return screen.title.capitalized
        }
    }

    /// One binding's rows: its keys, its help wrapped beside them, and why it
    /// cannot act now on the screen help was opened from.
    static func rows(of binding: KeyBinding, state: AppState, width: Int) -> [[(String, Role)]] {
        let keys = binding.keys.map { state.glyphs.isASCII ? $0.asciiName : $0.displayName }.joined(separator: " / ")
        // Keys longer than the column ("Alt-Enter / Ctrl-J") push the text on; never cut. Two blanks at
        // least stand between the keys and their words (a screen reader hears them as a pause).
        let column = keys.count <= 12 ? keys.padding(toLength: 14, withPad: " ", startingAt: 0) : keys + "  "
        // Why a key cannot act now, for the screen help was opened from.
        let from = stateForHelp(state)
        var reason = ""
        if binding.context == .screens, binding.works(on: from.screen), let why = disabledReason(binding.command, in: from) {
            reason = "(" + state.text(why) + ")"
        }
        let room = max(10, width - 2 - column.displayWidth)
        let help = state.text(binding.help)
        let helpRows = wrap(help, width: room, lines: 20, glyphs: state.glyphs)
        var rows: [[(String, Role)]] = helpRows.enumerated().map { i, text in
            [(i == 0 ? "  " + column : String(repeating: " ", count: 2 + column.displayWidth), .helpKey), (text, .help)]
        }
        guard !reason.isEmpty else { return rows }
        // The reason follows the help on its last row when it fits there, else on rows of its own.
        let last = helpRows.last ?? ""
        if last.displayWidth + 2 + reason.displayWidth <= room {
            rows[rows.count - 1].append(("  " + reason, .dim))
        } else {
            for text in wrap(reason, width: room, lines: 20, glyphs: state.glyphs) {
                rows.append([(String(repeating: " ", count: 2 + column.displayWidth), .helpKey), (text, .dim)])
            }
        }
        return rows
    }

    /// Help shows reasons as they stand on the board (not on the help screen itself).
    private static func stateForHelp(_ state: AppState) -> AppState {
        var s = state
        s.screen = s.screenStack.last ?? .board
        return s
    }

}
