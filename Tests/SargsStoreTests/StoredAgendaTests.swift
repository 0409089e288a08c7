import Foundation
import SargsCore
@testable import SargsStore
import Testing

/// One agenda per planned meeting (issue 26): the agenda the chair saved is
/// stored with the meeting, and every reader carries that one — the agenda
/// as printed and mailed, the minutes, the calendar — after a removal, an
/// addition and a reorder; what the plan made overdue since is named, never
/// added silently.
@Suite("The store: one agenda per planned meeting")
struct StoredAgendaTests {
    let scratch = Scratch()
    let store: Store
    let now = SamplePlan.now.plus(3600)
    let date = SamplePlan.day("2025-09-30")

    init() throws {
        store = try scratch.store()
    }

    /// The meeting as the chair saved it: the computed items less 2.2
    /// (taken off), plus 3.2 (added by hand), and the first two items of the
    /// SD group in the other order.
    func chairsAgenda() throws -> (meeting: Meeting, order: [ActivityID]) {
        let snapshot = try store.snapshot()
        let computed = Agenda(snapshot: snapshot, date: date).items.map(\.activity)
        #expect(computed.contains("2.2") && computed.contains("2.3") && computed.contains("3.1"), "\(computed)")
        let planned = try store.addMeeting(
            Meeting(id: 0, date: date, kind: .regular, topic: nil, state: .planned,
                    details: Meeting.Details(place: "Domes zāle", started: ClockTime("14:00")),
                    items: Meeting.callingOrder(computed, in: snapshot.plan).map { Meeting.Item(activity: $0) }, prepared: true),
            author: "ieva", now: now)
        var items = planned.items.filter { $0.activity != "2.2" }
        items.append(Meeting.Item(activity: "3.2", added: true))
        let sd = items.indices.filter { ["2.3", "3.1"].contains(items[$0].activity) }
        try #require(sd.count == 2)
        items.swapAt(sd[0], sd[1])
        var saved = planned
        saved.items = items
        saved.removed = ["2.2"]
        _ = try store.updateMeeting(saved, basedOn: planned, author: "ieva", now: now.plus(60))
        let stored = try #require(try store.meetings().first { $0.id == planned.id })
        return (stored, items.map(\.activity))
    }

    @Test("after a removal, an addition and a reorder, the agenda printed and mailed, the minutes and the calendar carry the saved one")
    func everyReaderCarriesTheSavedAgenda() throws {
        let (meeting, order) = try chairsAgenda()
        #expect(meeting.prepared)
        #expect(meeting.items.map(\.activity) == order)
        #expect(meeting.removed == ["2.2"])
        #expect(meeting.items.first { $0.activity == "3.2" }?.added == true)
        let snapshot = try store.snapshot()

        let agenda = Agenda(snapshot: snapshot, meeting: meeting)
        #expect(agenda.items.map(\.activity) == order)
        #expect(agenda.notOnStored.isEmpty, "what the chair took off is not news")
        #expect(agenda.items.first { $0.activity == "3.2" }?.added == true)

        // The text `agenda` prints and `agenda --mail` sends: the saved order, 2.2 nowhere, 3.2 said to be the chair's.
        for language in Language.allCases {
            let text = AgendaText.render(agenda, snapshot: snapshot, language: language, markdown: false)
            let lines = text.split(separator: "\n").map(String.init)
            let positions = order.map { id in lines.firstIndex { $0.hasPrefix("  \(id) ") } }
            #expect(positions.allSatisfy { $0 != nil }, "\(language): \(text)")
            #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(language): the saved order\n\(text)")
            #expect(!lines.contains { $0.hasPrefix("  2.2 ") }, "\(language): 2.2 was taken off\n\(text)")
            #expect(text.contains(language == .lv ? "plkst. 14:00" : "at 14:00") && text.contains("Domes zāle"))
        }
        let lv = AgendaText.render(agenda, snapshot: snapshot, language: .lv, markdown: true)
        #expect(lv.contains("iekļauts pēc sēdes vadītāja izvēles"))
        #expect(lv.contains("# Sēdes Nr. \(meeting.id) darba kārtība"))

        // JSON: the items in order, the meeting, its time and place.
        let json = agenda.json()
        #expect(json.contains("\"meeting\": \(meeting.id), \"time\": \"14:00\", \"place\": \"Domes zāle\", \"stored\": true"), "\(json)")

        // The minutes list the same items in the same order.
        #expect(Minutes(meeting: meeting, snapshot: snapshot).items.map(\.activity) == order)

        // The calendar: the event at 14:00 Riga time, its place, its number, and the saved items in order.
        let ics = CalendarExport.ics(snapshot, stamp: now, language: .lv)
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Riga"))
        #expect(unfolded.contains("DTSTART;TZID=Europe/Riga:20250930T140000"))
        #expect(unfolded.contains("LOCATION:Domes zāle"))
        #expect(unfolded.contains("SUMMARY:Sadarbības grupas sēde Nr. \(meeting.id) (kārtējā)"))
        let description = try #require(unfolded.split(separator: "\r\n").first { $0.hasPrefix("DESCRIPTION:Darba kārtība") })
        let listed = description.components(separatedBy: "\\n").dropFirst().map { String($0.split(separator: " ").first ?? "") }
        #expect(listed == order, "\(description)")
    }

    @Test("what the plan made overdue since the agenda was saved is named, not added; the computed agenda for another date is untouched")
    func newOverdueIsNamedNotAdded() throws {
        let (meeting, order) = try chairsAgenda()
        // A one-off activity due in June is added to the plan after the agenda was saved.
        let late = Activity(id: "1.3", goal: 1, title: "Vēstule skolām", period: "2025. g. jūnijs",
                            schedule: .once(from: nil, to: DateBound("2025-06")!), owners: ["IN"], funding: [])
        try store.addActivity(late, author: "ieva", now: now.plus(120))
        let snapshot = try store.snapshot()
        let agenda = Agenda(snapshot: snapshot, meeting: meeting)
        #expect(agenda.items.map(\.activity) == order, "the saved agenda stays as saved")
        #expect(agenda.notOnStored.map(\.activity) == ["1.3"])
        let text = AgendaText.render(agenda, snapshot: snapshot, language: .lv, markdown: false)
        #expect(text.contains("nokavēts vēl 1 jautājums (1.3)") && text.contains("sargs meeting edit \(meeting.id) --refresh"), "\(text)")
        #expect(Agenda(snapshot: snapshot, date: date).items.contains { $0.activity == "1.3" })
        #expect(Agenda(snapshot: snapshot, date: date).items.contains { $0.activity == "2.2" }, "a computed agenda is the sweep's")
    }

    @Test("two meetings of one kind on one date are refused, naming the one there; an emergency on that date and a cancelled twin are not")
    func oneMeetingOfAKindADate() throws {
        let first = try store.addMeeting(Meeting(date: date), author: "ieva", now: now)
        let before = try Everything(store)
        do {
            _ = try store.addMeeting(Meeting(date: date), author: "ieva", now: now)
            Issue.record("a second regular meeting on \(date) was planned")
        } catch let error as StoreError {
            #expect(error.phrase.lv.contains("sēde Nr. \(first.id)") && error.phrase.lv.contains("sargs meeting cancel \(first.id)"),
                    "\(error.phrase.lv)")
            #expect(error.phrase.en.contains("meeting \(first.id)"), "\(error.phrase.en)")
        }
        #expect(try Everything(store) == before, "a refusal writes nothing")
        let emergency = try store.addMeeting(Meeting(date: date, kind: .emergency, topic: "Ziņojums"), author: "ieva", now: now)
        // Moving another meeting onto the date is refused as well.
        let other = try store.addMeeting(Meeting(date: SamplePlan.day("2025-10-07")), author: "ieva", now: now)
        var moved = other
        moved.date = date
        #expect(throws: StoreError.self) { try store.updateMeeting(moved, basedOn: other, author: "ieva", now: now) }
        try store.cancelMeeting(first.id, author: "ieva", now: now)
        #expect(try store.updateMeeting(moved, basedOn: other, author: "ieva", now: now).date == date)
        #expect(emergency.kind == .emergency)
    }

    @Test("undo of an agenda change gives back the items, the removals and the mark; the chair's words travel with an outcome and undo")
    func undoGivesTheAgendaBack() throws {
        let (meeting, _) = try chairsAgenda()
        _ = try store.undo(author: "ieva", now: now.plus(200))
        let back = try #require(try store.meetings().first { $0.id == meeting.id })
        #expect(back.removed.isEmpty)
        #expect(!back.items.contains { $0.activity == "3.2" })
        #expect(back.items.contains { $0.activity == "2.2" })
        #expect(back.prepared)
        #expect(back.details.place == "Domes zāle" && back.time == ClockTime("14:00"))

        try store.setOutcome(meeting.id, activity: "2.3", outcome: .discussed, note: "SD ziņos nākamajā sēdē", author: "ieva", now: now.plus(300))
        let noted = try #require(try store.meetings().first { $0.id == meeting.id })
        #expect(noted.items.first { $0.activity == "2.3" }?.note == "SD ziņos nākamajā sēdē")
        let minutes = Minutes(meeting: noted, snapshot: try store.snapshot())
        #expect(minutes.text(.lv).contains("izskatīts: SD ziņos nākamajā sēdē"))
        #expect(throws: StoreError.self) {
            try store.setOutcome(meeting.id, activity: "2.3", outcome: .discussed, note: "par 010203-12345", author: "ieva", now: now.plus(301))
        }
        _ = try store.undo(author: "ieva", now: now.plus(400))
        #expect(try store.meetings().first { $0.id == meeting.id }?.items.first { $0.activity == "2.3" }?.note == nil)
    }

    @Test("a meeting planned without a stored agenda (by an earlier version) is read with the computed one")
    func anEarlierMeetingIsComputed() throws {
        let planned = try store.addMeeting(Meeting(date: date), author: "ieva", now: now)
        #expect(!planned.prepared)
        let snapshot = try store.snapshot()
        let agenda = Agenda(snapshot: snapshot, meeting: try #require(snapshot.meetings.first))
        #expect(agenda.items.map(\.activity) == Agenda(snapshot: snapshot, date: date).items.map(\.activity))
        #expect(agenda.notOnStored.isEmpty)
    }
}

extension StoredAgendaTests {
    @Test("a second meeting on the date of a held one is refused without advice to cancel it (a held meeting is a record)")
    func heldTwinIsNotToBeCancelled() throws {
        let held = try store.addMeeting(Meeting(date: date), author: "ieva", now: now)
        try store.holdMeeting(held.id, details: Meeting.Details(attendees: ["SD"]), today: date, author: "ieva", now: now)
        do {
            _ = try store.addMeeting(Meeting(date: date), author: "ieva", now: now)
            Issue.record("a second regular meeting on the held one's date was planned")
        } catch let error as StoreError {
            #expect(!error.phrase.lv.contains("atceliet") && !error.phrase.en.contains("cancel it"), "\(error.phrase.en)")
            #expect(error.phrase.lv.contains("jau notika kārtējā sēde Nr. \(held.id)") && error.phrase.lv.contains("--kind emergency"), "\(error.phrase.lv)")
            #expect(error.phrase.en.contains("already had regular meeting \(held.id), held"), "\(error.phrase.en)")
        }
    }

    @Test("undo of a cancellation that would make a twin is refused, naming the meeting planned on the date since")
    func undoMakesNoTwin() throws {
        let first = try store.addMeeting(Meeting(date: date), author: "ieva", now: now)
        try store.cancelMeeting(first.id, author: "ieva", now: now.plus(1))
        let second = try store.addMeeting(Meeting(date: date), author: "juris", now: now.plus(2))
        do {
            _ = try store.undo(author: "ieva", now: now.plus(3))
            Issue.record("the undo planned a twin of meeting \(second.id)")
        } catch let error as StoreError {
            #expect(error.phrase.lv.contains("sēde Nr. \(second.id)"), "\(error.phrase.lv)")
        }
        #expect(try store.meetings().filter { $0.state == .planned && $0.date == date }.count == 1)
    }

    @Test("a once key is remembered however many reminders went to the institution after it")
    func onceIsNotForgotten() throws {
        try store.recordReminder(to: "SD", address: "sd@example.lv", kind: "agenda 1", items: [], fingerprint: "agenda-meeting-1-x",
                                 day: SamplePlan.day("2025-01-02"), author: "ieva", now: now)
        for i in 0..<1001 {
            try store.recordReminder(to: "SD", address: "sd@example.lv", kind: "digest", items: [], fingerprint: "f\(i)",
                                     day: SamplePlan.day("2025-01-03"), author: "ieva", now: now.plus(Double(i)))
        }
        #expect(try store.reminderSent(to: "SD", fingerprint: "agenda-meeting-1-x", on: nil))
        #expect(try !store.reminderSent(to: "SD", fingerprint: "agenda-meeting-1-x", on: SamplePlan.day("2025-01-03")))
        #expect(try store.handedOver(keyPrefix: "agenda-meeting-1-").map(\.code) == ["SD"])
    }
}

extension StoredAgendaTests {
    @Test("check names a stored agenda's item or removal the plan does not have, and a meeting's time another tool wrote badly")
    func checkNamesDamagedAgendaRows() throws {
        let scratch = Scratch()
        _ = try StoreCheckTests.fullStore(scratch.storePath)
        #expect(Store.check(at: scratch.storePath) == [])
        try StoreCheckTests.damage(scratch.storePath, [
            "UPDATE meeting_item SET activity = '99.99' WHERE meeting = 1",
            "INSERT INTO meeting_removed (meeting, activity) VALUES (1, 'zz.9')",
            "UPDATE meeting SET started = '99:99' WHERE id = 1",
        ])
        let findings = Store.check(at: scratch.storePath).map(\.problem.en)
        #expect(findings.contains { $0.contains("the agenda of meeting 1 names an activity “99.99” the plan does not have") }, "\(findings)")
        #expect(findings.contains { $0.contains("“zz.9”") }, "\(findings)")
        #expect(findings.contains { $0.contains("start time “99:99” of meeting 1") }, "\(findings)")
        // Readers still read it: the stray item is left out, the time is none.
        let store = try Store.open(at: scratch.storePath)
        let meeting = try #require(try store.meetings().first { $0.id == 1 })
        #expect(meeting.time == nil)
        #expect(Agenda(snapshot: try store.snapshot(), meeting: meeting).items.isEmpty)
    }
}
