import Foundation
@testable import SargsBoard
import SargsCore
import Testing

/// Issue 28: editing inside a field is a context of the key-binding table,
/// so its keys are shown in help, named in hints from the table, and a
/// rebinding takes effect without a change to the form.
@Suite("Editing inside a field, from the key-binding table")
struct FieldEditingTests {
    @Test("Ctrl-W deletes the word before the cursor, Ctrl-A and Ctrl-E go to the ends, Ctrl-U clears")
    func editingKeys() throws {
        var state = try ReducerTests.board()
        ReducerTests.press(&state, .add)
        ReducerTests.press(&state, key: .tab)
        ReducerTests.type(&state, "Vecāku vakari  skolās")
        ReducerTests.press(&state, key: .control("w"))
        #expect(state.form?["title"] == "Vecāku vakari  ")
        ReducerTests.press(&state, key: .control("w"))
        #expect(state.form?["title"] == "Vecāku ")
        ReducerTests.press(&state, key: .control("a"))
        ReducerTests.type(&state, "Jauni ")
        ReducerTests.press(&state, key: .control("e"))
        ReducerTests.type(&state, "vakari")
        #expect(state.form?["title"] == "Jauni Vecāku vakari")
        ReducerTests.press(&state, key: .control("u"))
        #expect(state.form?["title"] == "")
        // Space is typed in a text field; in a choice it is the next option.
        ReducerTests.type(&state, "a b")
        #expect(state.form?["title"] == "a b")
    }

    @Test("every editing binding is in help, and the choice hint names the keys the table gives")
    func inHelpAndHints() throws {
        var state = try ReducerTests.board()
        let fieldBindings = state.keyMap.bindings(in: .field)
        #expect(fieldBindings.count == 8)
        ReducerTests.press(&state, .help)
        var canvas = Canvas(width: 120, height: 200)
        var tall = state
        tall.height = 200
        render(tall, into: &canvas)
        let help = (0..<200).map { canvas.line($0) }.joined(separator: "\n")
        #expect(help.contains("Laukā (rakstot)"), "\(help)")
        #expect(help.contains("dzēst vārdu pirms kursora"))
        var filter = try ReducerTests.board()
        ReducerTests.press(&filter, .filter)
        #expect(filter.form?.fields.first?.hint?.lv.hasPrefix("← → izvēlēties") == true, "\(String(describing: filter.form?.fields.first?.hint))")
        // Space in a choice is its next option; → too, ← back.
        let first = filter.form?.fields.first?.shown
        ReducerTests.type(&filter, " ")
        let second = filter.form?.fields.first?.shown
        #expect(second != first)
        ReducerTests.press(&filter, key: .left)
        #expect(filter.form?.fields.first?.shown == first)
        ReducerTests.press(&filter, key: .right)
        #expect(filter.form?.fields.first?.shown == second)
    }
}
