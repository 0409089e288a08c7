import Foundation
@testable import SargsBoard
import SargsCore
import SargsPlanFile
import Testing
import TestSupport

/// The agenda view and chair mode: preparing a meeting, every outcome key,
/// holding it — state and effects asserted; screens read as text.
@Suite("Meetings on the board")
struct MeetingTests {
    static let plan = try! PlanFile.read(path: Fixtures.madonaPlanPath)
    static let today = Day("2025-07-01")!

    func board(_ snapshot: Snapshot? = nil, width: Int = 120, height: Int = 40) -> AppState {
        AppState(snapshot: snapshot ?? Snapshot(plan: Self.plan), today: Self.today, width: width, height: height,
                 author: "chair")
    }

    /// The store's answer to a new meeting: the snapshot with it saved as number 7.
    func withID(_ meeting: Meeting, _ id: Int64) -> Meeting {
        var m = meeting
        m.id = id
        return m
    }

    /// The store's answer to a new meeting: the snapshot with it, then what was saved.
    func answer(_ state: inout AppState, _ meeting: Meeting) {
        _ = reduce(&state, .reloaded(saved(state, meeting)))
        _ = reduce(&state, .saved(.meeting(withID(meeting, 7))))
    }

    func saved(_ state: AppState, _ meeting: Meeting) -> Snapshot {
        var snapshot = state.snapshot
        var m = meeting
        m.id = 7
        snapshot.meetings.append(m)
        return snapshot
    }

    @Test func theAgendaViewHoldsExactlyTheItemsOfTheAgendaJSON() throws {
        var state = board()
        _ = reduce(&state, .command(.agenda))
        #expect(state.screen == .agenda)
        let json = Agenda(snapshot: state.snapshot, date: Self.today).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]]).compactMap { $0["activity"] as? String }
        #expect(items.count == 24)
        #expect(Set(state.draftOrder) == Set(items))
        #expect(state.draftOrder.count == items.count)
        // Grouped under each first owner in the plan's order of institutions: SG first, then IN.
        #expect(Array(state.draftOrder.prefix(2)) == ["2.1", "2.2"])
        var canvas = Canvas(width: 120, height: 200)
        state.height = 200
        render(state, into: &canvas)
        let text = canvas.lines.joined(separator: "\n")
        for id in items { #expect(text.contains(" \(id) "), "\(id) is shown") }
        #expect(text.contains("Pārskata periods 2025-01-01 – 2025-07-01"))
        #expect(text.contains("ceturkšņi ar sēdi 2025: 0 no 4"))
        #expect(text.contains("26 no 26 nedēļām bez izpildes"))
    }

    @Test("Idle time folds the search text, then prepares the agenda A opens; a new snapshot makes it again")
    func idleWork() throws {
        var state = board()
        #expect(state.facts.searchText == nil)
        #expect(reduce(&state, .idle).isEmpty)
        #expect(state.facts.searchText?.count == Self.plan.activities.count)
        #expect(state.agenda.view == nil)
        _ = reduce(&state, .idle)
        let prepared = try #require(state.agenda.view)
        #expect(prepared.order.count == 24)
        #expect(state.screen == .board)
        // A opens exactly the prepared draft (the view is not made again: same generation).
        _ = reduce(&state, .command(.agenda))
        #expect(state.agenda.draft?.items == MeetingDraft.next(in: state.snapshot, today: Self.today).items)
        #expect(state.agenda.view?.order == prepared.order)
        _ = reduce(&state, .key(.escape))
        // Another person plans a meeting with two items: the prepared draft is stale, A opens theirs.
        var snapshot = state.snapshot
        snapshot.meetings.append(Meeting(id: 3, date: Day("2025-07-10")!, kind: .regular, topic: nil, state: .planned,
                                         attendees: [], items: [Meeting.Item(activity: "5.2"), Meeting.Item(activity: "2.1")]))
        _ = reduce(&state, .reloaded(snapshot))
        _ = reduce(&state, .command(.agenda))
        #expect(state.agenda.draft?.meetingID == 3)
        #expect(Set(state.draftOrder) == ["5.2", "2.1"])
        // The search text survived the reload: the activities did not change.
        #expect(state.facts.searchText != nil)
    }

    @Test func preparingAMeetingSavesItsItemsInCallingOrder() throws {
        var state = board()
        _ = reduce(&state, .command(.agenda))
        _ = reduce(&state, .command(.down))
        #expect(state.agenda.draft?.cursor == 1)
        _ = reduce(&state, .command(.removeItem))
        #expect(state.draftOrder.count == 23)
        #expect(!state.draftOrder.contains("2.2"))
        // Add it back by id; a wrong id is refused in the form.
        _ = reduce(&state, .command(.addItem))
        for c in "9.9" { _ = reduce(&state, .key(.character(c))) }
        _ = reduce(&state, .key(.enter))
        #expect(state.form?.error?.en.contains("no activity") == true)
        _ = reduce(&state, .key(.control("u")))
        for c in "2.2" { _ = reduce(&state, .key(.character(c))) }
        _ = reduce(&state, .key(.enter))
        #expect(state.form == nil)
        #expect(state.draftOrder.contains("2.2"))
        let effects = reduce(&state, .command(.saveMeeting))
        guard case .save(.newMeeting(let meeting))? = effects.first else {
            Issue.record("expected a new meeting, got \(effects)")
            return
        }
        #expect(meeting.date == Self.today)
        #expect(meeting.kind == .regular)
        #expect(meeting.items.map(\.activity) == state.draftOrder)
        _ = reduce(&state, .reloaded(saved(state, meeting)))
        // The draft learns its number from the store's answer, never by guessing.
        #expect(state.agenda.draft?.meetingID == nil)
        _ = reduce(&state, .saved(.meeting(withID(meeting, 7))))
        #expect(state.agenda.draft?.meetingID == 7)
        // Saved again: the meeting is updated, not a second meeting.
        guard case .save(.updateMeeting(let update, _))? = reduce(&state, .command(.saveMeeting)).first else {
            Issue.record("expected meeting 7 to be updated")
            return
        }
        #expect(update.id == 7 && update.date == Self.today)
    }

    @Test func reorderingStaysWithinAnInstitutionsGroup() {
        var state = board()
        _ = reduce(&state, .command(.agenda))
        #expect(Array(state.draftOrder.prefix(2)) == ["2.1", "2.2"])
        _ = reduce(&state, .command(.itemDown))
        #expect(Array(state.draftOrder.prefix(2)) == ["2.2", "2.1"])
        #expect(state.agenda.draft?.cursor == 1)
        // 2.1 is the last SG item: it cannot move into IN's group.
        _ = reduce(&state, .command(.itemDown))
        #expect(Array(state.draftOrder.prefix(2)) == ["2.2", "2.1"])
        #expect(state.message?.kind == .error)
    }

    @Test func chairModeOutcomeKeysDecisionAndHold() throws {
        var state = board()
        _ = reduce(&state, .command(.agenda))
        #expect(reduce(&state, .command(.chair)).isEmpty, "chair mode asks before it saves the agenda")
        #expect(state.confirmation?.question.lv.contains("tiks saglabāta kā plānota sēde") == true)
        let first = reduce(&state, .key(state.keyMap.key(.confirmYes)))
        #expect(state.screen == .chair)
        guard case .save(.newMeeting(let meeting))? = first.first else {
            Issue.record("chair mode saves the meeting first: \(first)")
            return
        }
        answer(&state, meeting)
        let order = state.draftOrder
        // 1: discussed: the chair is offered a line for the words (issue 26); Enter alone saves "izskatīts".
        #expect(reduce(&state, .key(state.keyMap.key(.discussed))).isEmpty)
        #expect(state.form?.kind == .outcomeWords(order[0]))
        #expect(reduce(&state, .key(.enter)) == [.save(.outcome(meeting: 7, activity: order[0], .discussed))])
        _ = reduce(&state, .saved(.outcome(meeting: 7, activity: order[0], .discussed)))
        #expect(state.form == nil)
        #expect(state.agenda.draft?.current == 1)
        // 3: deferred.
        #expect(reduce(&state, .key(state.keyMap.key(.deferred))) == [.save(.outcome(meeting: 7, activity: order[1], .deferred))])
        // ← back, → forward.
        _ = reduce(&state, .key(.left))
        #expect(state.agenda.draft?.current == 1)
        _ = reduce(&state, .key(.right))
        #expect(state.agenda.draft?.current == 2)
        // 2: a decision, with the personal-code guard.
        _ = reduce(&state, .key(state.keyMap.key(.decided)))
        #expect(state.form?.title.en == "Decision: \(order[2])")
        for c in "Runāt ar 010203-12345" { _ = reduce(&state, .key(.character(c))) }
        #expect(reduce(&state, .key(.enter)).isEmpty)
        #expect(state.form?.error?.en.contains("personal code") == true)
        _ = reduce(&state, .key(.control("u")))
        for c in "Sagatavot grafiku" { _ = reduce(&state, .key(.character(c))) }
        let decision = reduce(&state, .key(.enter))
        guard case .save(.decision(let d, _))? = decision.first else {
            Issue.record("expected a decision, got \(decision)")
            return
        }
        #expect(d.text == "Sagatavot grafiku")
        #expect(d.meeting == 7)
        #expect(d.activity == order[2])
        #expect(d.owner == Self.plan.activity(order[2])?.owners.first)
        #expect(d.due == Self.today.adding(days: 30))
        _ = reduce(&state, .saved(.decision(d)))
        // H: attendees, then held.
        _ = reduce(&state, .key(state.keyMap.key(.hold)))
        #expect(state.form?.kind == .hold)
        state.form?.set("attendees", text: "SD, BT, XX")
        #expect(reduce(&state, .key(.enter)).isEmpty)
        #expect(state.form?.error?.en.contains("'XX'") == true)
        state.form?.set("attendees", text: "SD, BT, in")
        state.form?.set("place", text: "Domes zāle")
        state.form?.set("started", text: "9:30")
        state.form?.set("ended", text: "11:05")
        #expect(reduce(&state, .key(.enter)) == [.save(.hold(meeting: 7, details: Meeting.Details(
            attendees: ["SD", "BT", "IN"], place: "Domes zāle", started: ClockTime("09:30"), ended: ClockTime("11:05")), today: Self.today))])
        // m: the minutes of the saved meeting; the notice names the key that writes them.
        _ = reduce(&state, .saved(.held(meeting: 7)))
        #expect(state.message?.phrase.lv == "Sēde Nr. 7 notikusi; \(state.keyName(.minutes)) — protokols")
        #expect(reduce(&state, .key(state.keyMap.key(.minutes))) == [.writeMinutes(7)])
    }

    @Test func anEmergencyMeetingNeedsATopicAndListsTheServices() {
        var state = board()
        _ = reduce(&state, .command(.agenda))
        _ = reduce(&state, .command(.meetingSettings))
        _ = reduce(&state, .key(.tab))
        _ = reduce(&state, .key(.right))
        #expect(state.form?["kind"] == "emergency")
        #expect(reduce(&state, .key(.enter)).isEmpty)
        #expect(state.form?.error?.en.contains("needs a topic") == true)
        _ = reduce(&state, .key(.tab))
        for c in "Gadījums skolā" { _ = reduce(&state, .key(.character(c))) }
        _ = reduce(&state, .key(.enter))
        #expect(state.form == nil)
        #expect(state.agenda.draft?.kind == .emergency)
        #expect(Set(state.draftOrder) == ["4.2", "7.1", "7.2", "7.3"])
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func agendaAndChairScreensRead(width: Int, height: Int) {
        var state = board(width: width, height: height)
        _ = reduce(&state, .command(.agenda))
        var canvas = Canvas(width: width, height: height)
        render(state, into: &canvas)
        let agenda = canvas.lines
        #expect(agenda[0].contains("darba kārtība"))
        #expect(agenda[1].contains("2025-07-01 · kārtējā sēde"))
        #expect(agenda.contains { $0.contains("SG · Sadarbības grupa (2)") })
        #expect(agenda.contains { $0.hasPrefix(" ▶ 2.1   nokavēts 92 d.") })
        #expect(agenda.last?.contains("c vadīt sēdi") == true)
        #expect(agenda.allSatisfy { $0.displayWidth <= width })
        _ = reduce(&state, .command(.chair))
        let effects = reduce(&state, .key(state.keyMap.key(.confirmYes)))
        if case .save(.newMeeting(let m))? = effects.first { answer(&state, m) }
        canvas = Canvas(width: width, height: height)
        render(state, into: &canvas)
        let chair = canvas.lines
        #expect(chair.contains { $0.contains("jautājums 1 / 24") })
        if width >= 120 {
            // Large block digits for the counter, at the top right.
            #expect(chair[2].hasSuffix("█" + String(repeating: " ", count: 2)), "\(chair[2])")
            #expect(chair[2 ... 6].allSatisfy { $0.contains("█") })
        } else {
            #expect(chair[2].hasSuffix("jautājums 1 / 24" + String(repeating: " ", count: 2)))
        }
        #expect(chair.contains { $0.contains("2.1   SG Sadarbības grupa") })
        #expect(chair.contains { $0.contains("Materiāla par pozitīvas disciplinēšanas pamatprincipiem") })
        #expect(chair.contains { $0.contains("Kāpēc") && $0.contains("nokavēts 92 d.") })
        #expect(chair.last?.contains("1 izskatīts") == true)
        #expect(chair.allSatisfy { $0.displayWidth <= width })
    }

    @Test("Chair mode shows a weekly activity's windows up to the meeting, its latest records with counts")
    func chairShowsWindowsUpToTheMeeting() throws {
        let records = [Record(id: 1, activity: "5.2", date: Day("2025-06-18")!, count: 3, author: "vp"),
                       Record(id: 2, activity: "5.2", date: Day("2025-06-25")!, author: "vp"),
                       Record(id: 3, activity: "5.2", date: Day("2025-07-02")!, author: "vp")]
        var state = board(Snapshot(plan: Self.plan, records: records), width: 100, height: 30)
        _ = reduce(&state, .command(.agenda))
        _ = reduce(&state, .command(.chair))
        let effects = reduce(&state, .key(state.keyMap.key(.confirmYes)))
        if case .save(.newMeeting(let m))? = effects.first { _ = reduce(&state, .reloaded(saved(state, m))) }
        let index = try #require(state.draftOrder.firstIndex(of: "5.2"))
        for _ in 0..<index { _ = reduce(&state, .command(.right)) }
        var canvas = Canvas(width: 100, height: 30)
        render(state, into: &canvas)
        let lines = canvas.lines
        #expect(lines.contains { $0.contains("5.2   VP Valsts policija") })
        // 2025-W01 … W24 missed, W25 and W26 met, W27 (the meeting's week) open: 27 windows, none later.
        let strip = try #require(lines.first { $0.contains("Logi") })
        #expect(strip.contains(String(repeating: "✗", count: 24) + "●●○"))
        #expect(!strip.contains("·"))
        // The record after the meeting's date is not among the latest.
        #expect(lines.contains { $0.contains("Pēdējās izpildes") && $0.contains("2025-06-25, 2025-06-18 (+3)") && !$0.contains("07-02") })
    }

    @Test func theJournalFiltersByActivityOrAuthor() {
        var state = board()
        _ = reduce(&state, .command(.journal))
        let t = Date(timeIntervalSince1970: 1_750_000_000)
        _ = reduce(&state, .journalLoaded([
            JournalEntry(id: 2, time: t, author: "anna", action: "record", subject: "5.2"),
            JournalEntry(id: 1, time: t, author: "juris", action: "note", subject: "2.4"),
        ]))
        _ = reduce(&state, .key(.character("/")))
        for c in "juris" { _ = reduce(&state, .key(.character(c))) }
        _ = reduce(&state, .key(.enter))
        var canvas = Canvas(width: 100, height: 30)
        render(state, into: &canvas)
        let text = canvas.lines.joined(separator: "\n")
        #expect(text.contains("2.4"))
        #expect(!text.contains("5.2"))
        #expect(state.filter.text.isEmpty, "the board's filter is untouched")
    }
}
