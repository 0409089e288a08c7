import Foundation
import Testing
import SargsCore

/// The journal's actions are one type (issue 25): each has its sentence in
/// both languages, an undo is read under the action of the entry it reverts
/// (as the store reads it beside it), nothing is guessed from JSON's shape,
/// and an action a later version wrote is said by its name, never a crash.
@Suite("The journal's actions as a type")
struct JournalActionTests {
    static let time = Date(timeIntervalSince1970: 1_750_000_000)

    @Test("every action has its own sentence in Latvian and English, never the bare name", arguments: JournalAction.allCases)
    func everyActionHasWords(_ action: JournalAction) {
        let entry = JournalEntry(id: 2, time: Self.time, author: "ieva", action: action, subject: "2.1",
                                 before: "{}", after: "{}", undoes: action == .undo ? 1 : nil, reverted: action == .undo ? .note : nil)
        for language in Language.allCases {
            let sentence = JournalText.sentence(entry, language)
            #expect(sentence.hasPrefix("ieva "))
            #expect(sentence != "ieva \(action.rawValue) 2.1", "\(action) in \(language): \(sentence)")
        }
    }

    @Test("an undo is read under the action it reverts; without it, only its number (no guess from the JSON's shape)")
    func undoUsesTheRevertedAction() {
        let note = #"{"id":1,"activity":"2.1","text":"Piezīme","author":"ieva","time":"2025-03-10T10:00:00Z"}"#
        var undo = JournalEntry(id: 5, time: Self.time, author: "ieva", action: .undo, subject: "2.1", before: note, after: nil,
                                undoes: 4, reverted: .note)
        #expect(JournalText.sentence(undo, .lv) == "ieva atsauca #4: piezīme 2.1")
        undo.reverted = .waive
        // Under the store's word, a note's values are not a waiver's: said as a damaged waiver, never guessed a note.
        #expect(JournalText.sentence(undo, .en) == "ieva undid #4: waive 2.1 (entry damaged)", "the store's word, not the shape's")
        undo.reverted = nil
        #expect(JournalText.sentence(undo, .en) == "ieva undid #4")
    }

    @Test("an action this version does not know is said by its name; the known ones are their raw values")
    func unknownAction() {
        let later = JournalEntry(id: 3, time: Self.time, author: "ieva", action: "merge", subject: "2.1")
        #expect(later.kind == nil)
        #expect(JournalText.sentence(later, .lv) == "ieva merge 2.1")
        #expect(JournalAction(rawValue: "import") == .imported && JournalAction(rawValue: "init") == .created)
        #expect(JournalAction.allCases.filter { !$0.undoable } == [.undo, .created, .remind, .restore])
    }
}
