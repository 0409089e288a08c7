import Foundation
import SargsBoard
import SargsCore
import Testing
import TestSupport

/// Every question the board asks before it reverts, destroys or saves on
/// the person's behalf (issue 24): it names what yes will do, shows the key
/// that does it, and is never answered by a key that also moves. `u` then
/// `j` (meant as "down") undid a record.
@Suite("Questions: one key, one meaning")
struct QuestionTests {
    /// Every key that moves somewhere on some screen or in a form.
    static let movingKeys: [Key] = {
        let moving: [Command] = [.up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .formNext, .formPrevious]
        return moving.flatMap { KeyMap.standard.binding($0)?.keys ?? [] }
    }()

    /// A board on the meetings of FollowUpTests, its effects run against a store in memory.
    static func board(today: String = "2025-12-10") throws -> (BoardDriver<MemoryServices>, MemoryServices) {
        try LoopTests.driver(FollowUpTests.twoMeetings(), today: today, width: 80, height: 24)
    }

    /// Each question the board asks, reached as a person reaches it.
    enum Asked: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case undo, cancelMeeting, chairUnsaved, holdUnsaved, quitUnsaved

        var testDescription: String { rawValue }

        /// The words its yes must name.
        var action: String {
            switch self {
            case .undo: return "atsaukt"
            case .cancelMeeting: return "atcelt sēdi"
            case .chairUnsaved: return "saglabāt un vadīt"
            case .holdUnsaved: return "saglabāt un atzīmēt"
            case .quitUnsaved: return "iziet"
            }
        }

        func ask(_ board: inout BoardDriver<MemoryServices>) {
            switch self {
            case .undo:
                board.state.select("2.3")
                board.press(.note)
                board.type("Runāts ar skolu")
                board.press(.formSave)
                board.press(.undo)
            case .cancelMeeting:
                board.press(.agenda)
                board.press(.cancelMeeting)
            case .chairUnsaved, .holdUnsaved, .quitUnsaved:
                board.press(.agenda)
                board.press(.removeItem)
                board.press(self == .chairUnsaved ? .chair : self == .holdUnsaved ? .hold : .quit)
            }
        }
    }

    @Test("no key that answers a question also moves, on any screen or in a form")
    func answersAreKeysOfTheirOwn() {
        let answers = [Command.confirmYes, .confirmNo].flatMap { KeyMap.standard.binding($0)?.keys ?? [] }
        for key in answers {
            #expect(!Self.movingKeys.contains(key), "\(key.displayName) both answers a question and moves")
        }
        #expect(KeyMap.standard.key(.confirmYes) != .character("j"))
    }

    @Test("each question names what yes does and the key that does it", arguments: Asked.allCases)
    func namesItsAction(_ question: Asked) throws {
        var (board, _) = try Self.board()
        question.ask(&board)
        let asked = try #require(board.state.confirmation, "\(question.rawValue) asked nothing")
        let yes = board.state.keyName(.confirmYes), no = board.state.keyName(.confirmNo)
        #expect(asked.question.lv.hasSuffix("\(yes) — \(asked.action.lv), \(no) — nē"), "\(asked.question.lv)")
        #expect(asked.action.lv.hasPrefix(question.action), "\(question.rawValue): \(asked.action.lv)")
        #expect(asked.question.en.contains("\(yes): \(asked.action.en)"), "\(asked.question.en)")
        // The key bar names the yes by what it does.
        #expect(board.lines.last?.contains("\(yes) \(asked.action.lv)") == true, "\(board.lines.last ?? "")")
    }

    @Test("moving keys in a question do nothing but say how to answer", arguments: Asked.allCases)
    func movingKeysDoNotAnswer(_ question: Asked) throws {
        var (board, services) = try Self.board()
        question.ask(&board)
        let asked = try #require(board.state.confirmation)
        let before = try services.snapshot
        let saves = services.saves
        for key in Self.movingKeys + [.enter, .character(" ")] {
            let effects = board.key(key)
            #expect(effects.isEmpty, "\(question.rawValue): \(key.displayName) → \(effects)")
            #expect(board.state.confirmation == asked, "\(question.rawValue): \(key.displayName) dropped the question")
            #expect(!board.state.quitting)
            let said = board.state.message?.phrase.lv ?? ""
            #expect(said.contains("\(board.state.keyName(.confirmYes)) — \(asked.action.lv)"), "\(key.displayName): \(said)")
        }
        #expect(services.saves == saves)
        #expect(try services.snapshot.meetings == before.meetings)
        #expect(try services.snapshot.plan == before.plan)
        // n leaves everything as it was; the question is gone.
        board.press(.confirmNo)
        #expect(board.state.confirmation == nil && !board.state.quitting)
        #expect(services.saves == saves)
    }

    @Test("u then j (meant as down) reverts nothing; y reverts the change the question named")
    func undoThenDown() throws {
        var (board, services) = try Self.board()
        board.state.select("2.3")
        board.press(.note)
        board.type("Runāts ar skolu")
        board.press(.formSave)
        let notes = try services.snapshot.notes.count
        board.press(.undo)
        #expect(board.state.confirmation != nil)
        board.key(.character("j"))
        #expect(try services.snapshot.notes.count == notes, "j undid the note")
        #expect(board.state.confirmation != nil)
        board.key(.character("y"))
        #expect(board.state.confirmation == nil)
        #expect(try services.snapshot.notes.count == notes - 1)
    }
}
