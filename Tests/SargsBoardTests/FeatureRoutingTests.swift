import Foundation
@testable import SargsBoard
import SargsCore
import Testing
import TestSupport

/// Issue 28: the key table (keys, help, bar words, screens) and the
/// features (handlers and reasons) agree, so a key the table offers on a
/// screen always reaches a handler, and no handler waits for a key that the
/// table never sends there.
@Suite("Features and the key table")
struct FeatureRoutingTests {
    /// The state on `screen`, as far as routing reads it (the screen alone).
    static func state(on screen: Screen) throws -> AppState {
        var state = try BoardScreenTests.state(width: 120, height: 40)
        state.screen = screen
        return state
    }

    @Test("every binding of the screens has a handler on each screen it works on")
    func everyBindingIsHandled() throws {
        for binding in KeyMap.standard.bindings where binding.context == .screens {
            for screen in Screen.allCases where binding.works(on: screen) {
                let state = try Self.state(on: screen)
                #expect(handler(for: binding.command, in: state) != nil, "\(binding.command) on \(screen)")
            }
        }
    }

    @Test("a feature's own handler is for a command the table binds on its screen")
    func noHandlerWithoutAKey() {
        for screen in Screen.allCases {
            for command in Command.allCases where screen.feature.handler(command) != nil {
                let binding = KeyMap.standard.binding(command)
                #expect(binding?.works(on: screen) == true, "\(screen) handles \(command), which no key sends there")
            }
        }
    }

    @Test("a command no screen takes here says so, naming the screen, and changes nothing")
    func commandNotTakenSaysWhy() throws {
        var state = try Self.state(on: .journal)
        let before = state.form
        let effects = reduce(&state, .command(.filter))
        #expect(effects.isEmpty)
        #expect(state.form == before)
        #expect(state.message?.kind == .error)
        #expect(state.message?.phrase.en.contains("journal") == true, "\(String(describing: state.message))")
    }

    @Test("each screen has a title of its own in both languages")
    func titles() {
        let titles = Screen.allCases.map(\.title)
        #expect(Set(titles.map(\.lv)).count == Screen.allCases.count)
        #expect(Set(titles.map(\.en)).count == Screen.allCases.count)
    }

    @Test("a screen of text scrolls as far as its own lines go, and no further")
    func scrollStopsAtTheFeaturesLines() throws {
        var state = try BoardScreenTests.state(width: 80, height: 24)
        _ = reduce(&state, .command(.help))
        _ = reduce(&state, .command(.end))
        guard let count = state.screen.feature.lineCount(state, width: state.width - 2) else {
            Issue.record("help has lines")
            return
        }
        #expect(state.scroll == count - state.frame.body.height)
        _ = reduce(&state, .command(.down))
        #expect(state.scroll == count - state.frame.body.height)
        _ = reduce(&state, .command(.up))
        #expect(state.scroll == count - state.frame.body.height - 1)
    }

    @Test("a screen's entry opens it over the board from anywhere, and Esc comes back")
    func entriesOpenAndEscReturns() throws {
        let entries = Screen.allCases.compactMap { screen in screen.feature.entry.map { (screen, $0) } }
        #expect(entries.count >= 5)
        for (screen, command) in entries {
            var state = try Self.state(on: .board)
            _ = reduce(&state, .key(state.keyMap.key(command)))
            #expect(state.screen == screen, "\(command)")
            #expect(state.keyMap.command(for: .escape, on: screen) == .back, "\(screen)")
            _ = reduce(&state, .key(.escape))
            #expect(state.screen == .board, "\(screen)")
        }
    }

    @Test("no key asks for two commands on one screen or in one context (a new binding must take a free key)")
    func keysAreFreeWhereTheyWork() {
        let table = KeyMap.standard.bindings
        for screen in Screen.allCases {
            let keys = table.filter { $0.works(on: screen) }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(screen): \(keys.filter { k in keys.filter { $0 == k }.count > 1 })")
        }
        for context in KeyContext.allCases where context != .screens {
            let keys = table.filter { $0.context == context }.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "\(context)")
        }
    }

    @Test("help lists, under each screen's heading, every key that works there (found by a user: chair mode lacked H and m)")
    func helpListsEachScreensKeys() throws {
        var state = try BoardScreenTests.state(width: 200, height: 60)
        _ = reduce(&state, .command(.help))
        let lines = HelpFeature.lines(state, width: state.width - 2).map { $0.map(\.0).joined() }
        for screen in Screen.allCases where screen != .help {
            let own = KeyMap.standard.bindings.filter { $0.context == .screens && !$0.screens.isEmpty && $0.works(on: screen) }
            guard !own.isEmpty else { continue }
            let heading = state.text(HelpFeature.heading(screen))
            let start = try #require(lines.firstIndex(of: heading), "\(screen)")
            let end = lines[start...].firstIndex(of: "") ?? lines.count
            let section = lines[start..<end].joined(separator: "\n")
            for binding in own {
                #expect(section.contains(state.text(binding.help)), "\(screen): \(binding.command)")
            }
        }
    }
}
