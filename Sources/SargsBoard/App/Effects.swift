import Foundation
import SargsCore

/// What `reduce` asks the outside world to do.
public enum Effect: Hashable, Sendable {
    case save(Change)
    /// Read the journal (of one subject, or all) and answer with `.journalLoaded`.
    case loadJournal(subject: String?)
    /// Read one activity's whole records (notes, authors) and answer with `.recordsLoaded`.
    case loadRecords(ActivityID)
    /// Find the change `u` would revert and answer with `.undoFound`.
    case findUndo
    /// Write the minutes of a meeting as Markdown and answer with `.notice` (the path).
    case writeMinutes(Int64)
    case quit
}

/// What happens to the board: a key, a resize, or an answer from outside.
public enum Action: Hashable, Sendable {
    case key(Key)
    /// Text the terminal marked as pasted: inserted whole into a field, never run as keys.
    case paste(String)
    /// A click, double click or wheel turn.
    case mouse(MouseEvent)
    /// A command by name, as the tests' driver presses it.
    case command(Command)
    case resize(width: Int, height: Int)
    /// The store changed (ours or another person's change): the new snapshot.
    case reloaded(Snapshot)
    /// A change was saved: what the store saved, with its ids.
    case saved(SavedChange)
    case refused(Phrase)
    /// A sentence to show that is not a saved change (the minutes' file).
    case notice(Phrase)
    case journalLoaded([JournalEntry])
    /// The records of an activity, by date.
    case recordsLoaded(ActivityID, [Record])
    /// The change `u` would revert (nil: there is none).
    case undoFound(JournalEntry?)
    /// Midnight passed in Riga.
    case dayChanged(Day)
    /// No key came for a while: time for work that could wait (the folded
    /// search text, the next meeting's agenda), one piece per call.
    case idle
}

/// What the board needs from the store and the file system, as typed
/// answers. The executable's `Store` conforms; tests use a store in memory.
/// Each call either answers or throws; `refusal(for:)` says a thrown error
/// in both languages.
public protocol BoardServices {
    /// Saves one change (one transaction, one journal entry) and answers
    /// with what was saved.
    func save(_ change: Change, author: String) throws -> SavedChange
    /// The store's contents and its version, read together.
    func load() throws -> (snapshot: Snapshot, version: Int64)
    /// A number that changes with every change anyone makes.
    func version() throws -> Int64
    func journal(subject: String?) throws -> [JournalEntry]
    func records(of activity: ActivityID) throws -> [Record]
    /// The author's latest change that an undo would revert.
    func latestUndoable(author: String) throws -> JournalEntry?
    /// Writes a meeting's minutes and says where.
    func writeMinutes(meeting: Int64, language: Language) throws -> Phrase
    /// Why a call failed, in both languages.
    func refusal(for error: any Error) -> Phrase
}

/// Runs what `reduce` asks for against the services and feeds the answers
/// back as actions, first in, first out, until nothing is left to run: the
/// one runner of the board, used by the executable and by the tests.
///
/// After a save it reads the store again (`.reloaded`, snapshot and version
/// from one read) and then reports what was saved (`.saved`), so the state
/// that learns a new meeting's id already holds that meeting.
public struct EffectRunner<Services: BoardServices> {
    public let services: Services
    /// The store's version the board last showed.
    public private(set) var version: Int64

    public init(services: Services, version: Int64) {
        self.services = services
        self.version = version
    }

    /// Sends `action` to `reduce`, then runs every effect that follows from it.
    public mutating func send(_ action: Action, _ state: inout AppState) {
        run(reduce(&state, action), &state)
    }

    /// Runs `effects` and all the effects their answers ask for.
    public mutating func run(_ effects: [Effect], _ state: inout AppState) {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            var answers: [Action] = []
            switch effect {
            case .quit:
                state.quitting = true
            case .save(let change):
                do {
                    let saved = try services.save(change, author: state.author)
                    if let (snapshot, version) = try? services.load() {
                        self.version = version
                        answers.append(.reloaded(snapshot))
                    }
                    answers.append(.saved(saved))
                } catch {
                    answers.append(.refused(services.refusal(for: error)))
                }
            case .loadJournal(let subject):
                answers.append(.journalLoaded((try? services.journal(subject: subject)) ?? []))
            case .loadRecords(let id):
                answers.append(.recordsLoaded(id, (try? services.records(of: id)) ?? []))
            case .findUndo:
                do {
                    answers.append(.undoFound(try services.latestUndoable(author: state.author)))
                } catch {
                    answers.append(.refused(services.refusal(for: error)))
                }
            case .writeMinutes(let id):
                do {
                    answers.append(.notice(try services.writeMinutes(meeting: id, language: state.language)))
                } catch {
                    answers.append(.refused(services.refusal(for: error)))
                }
            }
            for answer in answers { queue.append(contentsOf: reduce(&state, answer)) }
        }
    }

    /// Reads the store again when someone changed it since the board last
    /// showed it (another board, a command); the snapshot and the version
    /// come from one read.
    public mutating func refreshIfChanged(_ state: inout AppState) {
        guard let current = try? services.version(), current != version,
              let (snapshot, version) = try? services.load() else { return }
        self.version = version
        send(.reloaded(snapshot), &state)
    }
}
