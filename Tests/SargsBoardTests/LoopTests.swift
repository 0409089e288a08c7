import Foundation
@testable import SargsBoard
import SargsCore
import SargsPlanFile
@testable import SargsStore
import Testing
import TestSupport

/// What users saw of the loop (issue 12), each through the board's own
/// runner and the real store in memory (`MemoryServices`), keys pressed by binding name.
@Suite("The loop: what is shown as saved is stored")
struct LoopTests {
    static let plan = try! PlanFile.read(path: Fixtures.madonaPlanPath)

    /// A board on `snapshot` (`records`: the whole records behind its index),
    /// its effects run against the real store in memory holding the same
    /// (`Store.seeded`: refused if the store cannot hold exactly that).
    static func driver(_ snapshot: Snapshot, records: [Record] = [], today: String, width: Int = 120,
                       height: Int = 40) throws -> (BoardDriver<MemoryServices>, MemoryServices) {
        let day = Day(today)!
        let services = MemoryServices(store: try Store.seeded(snapshot, records: records), today: day)
        let state = AppState(snapshot: try services.snapshot, today: day, width: width, height: height, author: "chair")
        return (BoardDriver(state, services: services), services)
    }

    static func plannedMeeting6() -> Snapshot {
        let items = Agenda(snapshot: Snapshot(plan: plan), date: Day("2025-12-15")!).items.map { Meeting.Item(activity: $0.activity) }
        return Snapshot(plan: plan, meetings: [Meeting(id: 6, date: Day("2025-12-15")!, kind: .regular, state: .planned, items: items)])
    }

    @Test("a one-off recorded but not marked finished says so on its card, and d finishes it through the store", arguments: [(80, 24), (120, 40), (200, 60)])
    func recordedNotFinished(width: Int, height: Int) throws {
        let once = try #require(Self.plan.activities.first { $0.schedule.kind == .once && $0.status == .planned })
        let day = once.schedule.span(in: Self.plan.period).first
        let record = Record(id: 1, activity: once.id, date: day, author: "ieva")
        let today = day.adding(days: 400) <= Self.plan.period.last ? day.adding(days: 400) : Self.plan.period.last
        var (board, services) = try Self.driver(Snapshot(plan: Self.plan, records: [record]), records: [record], today: today.description,
                                                width: width, height: height)
        board.state.select(once.id)
        let lines = board.lines
        #expect(lines.contains { $0.contains("nav pabeigta") || $0.contains("nav atzīmēta kā pabeigta") }, "\(board.screen)")
        #expect(!lines.contains { $0.contains("\(once.id) ") && $0.contains("nokavēta") })
        #expect(disabledReason(.finish, in: board.state) == nil)
        board.press(.open)
        #expect(board.lines.contains { $0.contains("izpilde ierakstīta, nav atzīmēta kā pabeigta") }, "\(board.screen)")
        #expect(board.lines.contains { $0.contains("Pabeigt") && $0.contains("d — atzīmēt kā pabeigtu") }, "\(board.screen)")
        #expect(board.lines.allSatisfy { $0.displayWidth <= width })
        board.press(.finish)
        #expect(try services.snapshot.plan.activity(once.id)?.status == .done)
        #expect(board.state.plan.activity(once.id)?.status == .done)
        // Now it is finished: d says why it does nothing, and a repeating activity never offers it.
        #expect(disabledReason(.finish, in: board.state)?.lv.contains("pabeidz vienreizēju aktivitāti") == true)
        let repeating = try #require(Self.plan.activities.first { $0.schedule.kind != .once })
        board.state.select(repeating.id)
        #expect(disabledReason(.finish, in: board.state) != nil)
    }

    @Test("back on the journal after saving on another screen, the journal holds the new entry")
    func journalAfterASaveElsewhere() throws {
        var (board, _) = try Self.driver(Self.plannedMeeting6(), today: "2025-12-01")
        board.press(.journal)
        let before = board.state.journal.entries.count
        board.press(.agenda)
        board.press(.meetingSettings)
        board.press(.formNext)
        board.press(.formNext)
        board.type("Nākamā tēma")
        board.press(.formSave)
        board.press(.saveMeeting)
        board.press(.back)
        #expect(board.state.screen == .journal)
        #expect(board.state.journal.entries.count == before + 1, "\(board.state.journal.entries.map { JournalText.sentence($0, .lv) })")
    }

    @Test("a changed date and topic of a saved meeting are stored by p, with the agenda of the new date")
    func dateChangeIsStored() throws {
        var (board, services) = try Self.driver(Self.plannedMeeting6(), today: "2026-01-20")
        board.press(.agenda)
        #expect(board.state.agenda.draft?.meetingID == 6)
        board.press(.meetingSettings)
        board.key(.control("u"))
        board.type("2026-01-22")
        board.press(.formNext)
        board.press(.formNext)
        board.type("Gada pārskats")
        board.press(.formSave)
        board.press(.saveMeeting)
        let stored = try #require(try services.snapshot.meetings.first { $0.id == 6 })
        #expect(stored.date == Day("2026-01-22")!)
        #expect(stored.topic == "Gada pārskats")
        // The items are the agenda of the new date: its review period and sweep, not the old one's.
        let expected = Agenda(snapshot: try services.snapshot, date: Day("2026-01-22")!).items.map(\.activity)
        #expect(Set(stored.items.map(\.activity)) == Set(expected))
        #expect(board.state.message?.phrase.lv.hasPrefix("Sēde Nr. 6 saglabāta: 2026-01-22") == true, "\(String(describing: board.state.message))")
        // One meeting still: the same number, not a second meeting.
        #expect(try services.snapshot.meetings.count == 1)
    }

    @Test("d on an agenda not yet saved keeps what the chair removed, added and moved")
    func settingsKeepThePreparation() throws {
        var (board, _) = try Self.driver(Snapshot(plan: Self.plan), today: "2025-07-01")
        board.press(.agenda)
        let order = board.state.draftOrder
        let removed = order[0]
        board.press(.removeItem)
        board.press(.addItem)
        board.type("4.2")
        board.press(.formSave)
        #expect(board.state.draftOrder.contains("4.2"))
        board.press(.meetingSettings)
        board.key(.control("u"))
        board.type("2025-07-15")
        board.press(.formSave)
        let after = board.state.draftOrder
        #expect(!after.contains(removed), "the removed item stays removed")
        #expect(after.contains("4.2"), "the added item stays")
        #expect(board.state.agenda.draft?.date == Day("2025-07-15")!)
        #expect(board.state.message?.kind == .notice, "the recomputation is said")
        #expect(board.state.message?.phrase.lv.contains("jūsu pievienotie un izņemtie paliek") == true)
    }

    @Test("u in the agenda view takes back the preparation's last edit, not a change in the store")
    func undoInTheAgenda() throws {
        var (board, services) = try Self.driver(Self.plannedMeeting6(), today: "2025-12-01")
        board.press(.agenda)
        let before = board.state.draftOrder
        board.press(.removeItem)
        #expect(board.state.draftOrder.count == before.count - 1)
        let effects = board.press(.undo)
        #expect(effects.isEmpty)
        #expect(board.state.draftOrder == before)
        #expect(try services.snapshot.meetings.first?.state == .planned)
        // With nothing left to take back, u asks about the store's latest change (and there is none here).
        board.press(.undo)
        #expect(board.state.message?.phrase.en == "you have no change left to undo")
    }

    @Test("the keys of the agenda view all act: Home, End, PgUp, PgDn move, Enter opens the activity")
    func agendaKeys() throws {
        var (board, _) = try Self.driver(Snapshot(plan: Self.plan), today: "2025-07-01", width: 80, height: 24)
        board.press(.agenda)
        let count = board.state.draftOrder.count
        board.press(.end)
        #expect(board.state.agenda.draft?.cursor == count - 1)
        board.press(.home)
        #expect(board.state.agenda.draft?.cursor == 0)
        board.press(.pageDown)
        let paged = try #require(board.state.agenda.draft?.cursor)
        #expect(paged > 1)
        board.press(.pageUp)
        #expect(board.state.agenda.draft?.cursor == 0)
        board.press(.down)
        let id = board.state.draftOrder[1]
        board.press(.open)
        #expect(board.state.screen == .activity && board.state.activity.id == id)
        board.press(.back)
        #expect(board.state.screen == .agenda)
    }

    @Test("Enter in the meetings view opens the meeting: its items, outcomes and decisions")
    func meetingsViewOpens() throws {
        var snapshot = Self.plannedMeeting6()
        snapshot.meetings[0].items[0].outcome = .discussed
        snapshot.decisions = [Decision(id: 3, meeting: 6, text: "Sagatavot plānu", owner: "SD", due: Day("2026-01-31")!)]
        var (board, _) = try Self.driver(snapshot, today: "2025-12-20")
        board.press(.meetings)
        #expect(board.screen.contains("kārtējā") && board.screen.contains("plānota"), "Latvian words: \(board.screen)")
        #expect(!board.screen.contains("regular planned"))
        board.press(.open)
        #expect(board.state.screen == .meeting && board.state.meeting.id == 6)
        #expect(board.screen.contains("izskatīts"), "\(board.screen)")
        // The decisions come after the items: at the end of the scroll.
        board.press(.end)
        #expect(board.screen.contains("Sagatavot plānu"), "\(board.screen)")
    }

    @Test("a key with nothing to do says so; a meeting key without a saved meeting says what to do first")
    func keysSayWhy() throws {
        var (board, _) = try Self.driver(Snapshot(plan: Self.plan), today: "2025-07-01")
        board.key(.character("Z"))
        #expect(board.state.message?.kind == .error)
        #expect(board.state.message?.phrase.lv.contains("nav nozīmes") == true)
        board.press(.agenda)
        for command in [Command.hold, .minutes] {
            board.press(command)
            #expect(board.state.message?.phrase.lv == "vispirms saglabājiet sēdi (\(board.state.keyName(.saveMeeting)))", "\(command)")
        }
        // Every command of the agenda view either acts or says why, on an agenda with no items.
        var (empty, _) = try Self.driver(Snapshot(plan: Self.plan), today: "2025-01-02")
        empty.press(.agenda)
        #expect(empty.state.draftOrder.isEmpty)
        for command in [Command.removeItem, .itemUp, .itemDown, .chair, .open] {
            empty.state.message = nil
            let effects = empty.press(command)
            #expect(!effects.isEmpty || empty.state.message != nil || empty.state.form != nil, "\(command) did nothing and said nothing")
        }
    }

    @Test("a saved decision tells the draft to move on; the notice is the one the command line prints")
    func noticesAreShared() {
        let record = Record(id: 4, activity: "2.1", date: Day("2025-03-10")!, count: 12, author: "x")
        #expect(SavedChange.record(record).notice.lv == "Izpilde pierakstīta: 2.1, 2025-03-10, 12")
        #expect(SavedChange.status("2.1", .blocked).notice.lv == "Statuss: 2.1 → bloķēta")
        #expect(SavedChange.status("2.1", .blocked).notice.en == "Status: 2.1 → blocked")
        // The store reads an undo entry with the action of the entry it reverts (`reverted`).
        let undo = JournalEntry(id: 9, time: Date(timeIntervalSince1970: 0), author: "ieva", action: .undo, subject: "2.1",
                                before: #"{"id":4,"activity":"2.1","date":"2025-03-10","count":12,"note":null,"author":"x"}"#,
                                undoes: 8, reverted: .record)
        #expect(SavedChange.undo(undo).notice.lv == "Atsaukts: izpilde 2.1: 2025-03-10, 12")
        #expect(JournalText.sentence(undo, .lv) == "ieva atsauca #8: izpilde 2.1: 2025-03-10, 12")
        #expect(JournalText.sentence(undo, .en) == "ieva undid #8: record 2.1: 2025-03-10, 12")
    }

    @Test("after p, u asks about the stored change; the draft stays the saved meeting (no second meeting)")
    func undoAfterSave() throws {
        var (board, services) = try Self.driver(Snapshot(plan: Self.plan), today: "2026-01-20")
        board.press(.agenda)
        board.press(.removeItem)
        board.press(.saveMeeting)
        let id = try #require(board.state.agenda.draft?.meetingID)
        board.press(.undo)
        #expect(board.state.confirmation != nil, "u after a save asks about the stored change")
        board.press(.confirmNo)
        #expect(board.state.agenda.draft?.meetingID == id)
        board.press(.saveMeeting)
        #expect(try services.snapshot.meetings.count == 1, "still one meeting")
    }

    @Test("'saved' only when the store holds what the screen shows; chair mode saves what it shows first")
    func savedMeansStored() throws {
        // A meeting planned on the command line holds no items; the board computes them.
        let snapshot = Snapshot(plan: Self.plan, meetings: [Meeting(id: 6, date: Day("2025-12-15")!, state: .planned)])
        var (board, services) = try Self.driver(snapshot, today: "2026-01-20")
        board.press(.agenda)
        #expect(board.state.draftHasUnsavedChanges)
        #expect(board.screen.contains("Sēde Nr. 6 — nesaglabātas izmaiņas"), "\(board.screen)")
        #expect(!board.screen.contains("Saglabāta kā sēde Nr. 6"))
        board.press(.minutes)
        #expect(board.state.message?.phrase.lv.contains("nesaglabātas izmaiņas") == true, "minutes wait for a save")
        board.press(.chair)
        // Chair mode says it will save the agenda and asks; nothing is saved before the yes.
        #expect(board.state.confirmation?.question.lv.contains("Izmaiņas tiks saglabātas sēdē Nr. 6") == true)
        #expect(try services.snapshot.meetings.first?.items.isEmpty == true)
        board.press(.confirmYes)
        #expect(board.state.screen == .chair)
        #expect(try services.snapshot.meetings.first?.items.map(\.activity) == board.state.draftOrder)
        board.press(.back)
        #expect(board.screen.contains("Saglabāta kā sēde Nr. 6"), "\(board.screen)")
    }

    @Test("a meeting cancelled or held elsewhere is no longer prepared or chaired here, and says why")
    func notPlannedAnyMore() throws {
        var (board, services) = try Self.driver(Self.plannedMeeting6(), today: "2025-12-01")
        board.press(.agenda)
        // Someone else cancels it meanwhile.
        try services.store.apply(.cancelMeeting(6), author: "anna", now: Seed.now, today: Day("2025-12-01")!)
        board.send(.reloaded(try services.snapshot))
        for command in [Command.saveMeeting, .removeItem, .chair, .hold, .meetingSettings] {
            board.state.message = nil
            #expect(board.press(command).isEmpty, "\(command)")
            #expect(board.state.message?.phrase.lv.contains("sēde Nr. 6 ir atcelta") == true, "\(command): \(String(describing: board.state.message))")
        }
    }

    @Test("another board's save is not overwritten silently")
    func twoBoards() throws {
        var (first, services) = try Self.driver(Self.plannedMeeting6(), today: "2025-12-01")
        first.press(.agenda)
        first.press(.removeItem)
        // Someone else saves the same meeting meanwhile.
        var other = try services.snapshot.meetings[0]
        other.items.removeLast()
        _ = try services.save(.updateMeeting(other, basedOn: try services.snapshot.meetings[0]), author: "anna")
        first.press(.saveMeeting)
        #expect(first.state.message?.kind == .error, "\(String(describing: first.state.message))")
        #expect(try services.snapshot.meetings[0].items == other.items)
    }

    @Test("Esc keeps a preparation with edits; q asks before it throws one away")
    func preparationIsNotLost() throws {
        var (board, _) = try Self.driver(Snapshot(plan: Self.plan), today: "2025-07-01")
        board.press(.agenda)
        let full = board.state.draftOrder
        board.press(.removeItem)
        board.press(.back)
        board.press(.agenda)
        #expect(board.state.draftOrder.count == full.count - 1, "the removal is still there")
        let effects = board.press(.quit)
        #expect(effects.isEmpty && board.state.confirmation != nil)
        board.press(.confirmNo)
        #expect(!board.state.quitting)
        board.press(.quit)
        board.press(.confirmYes)
        #expect(board.state.quitting)
    }
}
