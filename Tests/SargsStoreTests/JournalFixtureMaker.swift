import Foundation
import SargsCore
@testable import SargsStore
import Testing

/// Makes `Tests/Fixtures/journal-v7/store.sqlite`: a store written by this
/// version with every kind of change the journal holds, an undo, a restore
/// and an activity edit as the board saves it (issue 25: a store made before
/// the typed journal must read, print and undo the same after it).
///
/// Not a test: it runs only when `SARGS_MAKE_JOURNAL_FIXTURE` names the file
/// to write, and the fixture it made is committed beside what the version
/// printed for it (`log-lv.txt`, `log-en.txt`, `log.json`, `undo.txt`,
/// `state.txt`; `Tests/Fixtures/journal-v7/make.sh` says how, and why it is
/// never made again). `JournalFixtureTests` (end to end) checks every later
/// version against those.
@Suite("The journal fixture (made on request)")
struct JournalFixtureMaker {
    static let target = ProcessInfo.processInfo.environment["SARGS_MAKE_JOURNAL_FIXTURE"]

    @Test("write the fixture store", .enabled(if: target != nil, "set SARGS_MAKE_JOURNAL_FIXTURE=PATH to write it"))
    func make() throws {
        let path = try #require(Self.target)
        try? FileManager.default.removeItem(atPath: path)
        let base = Date(timeIntervalSince1970: 1_745_000_000)  // 2025-04-18 18:13:20 UTC
        var minute = 0
        func at() -> Date { minute += 1; return base.addingTimeInterval(Double(minute) * 60) }
        let chair = "priekšsēdētāja", specialist = "speciāliste"
        let day = SamplePlan.day

        let store = try Store.create(at: path, plan: SamplePlan.plan, force: false, author: chair, now: base)
        // Records, one finishing a one-off, and an import.
        _ = try store.addRecord(Record(activity: "2.2", date: day("2025-03-05"), count: 12, note: "Reids 1", author: specialist), now: at())
        _ = try store.addRecord(Record(activity: "1.2", date: day("2025-03-20"), author: specialist), finishing: true, now: at())
        _ = try store.importRecords([Record(activity: "2.2", date: day("2025-03-12"), count: 8, author: specialist),
                                     Record(activity: "3.1", date: day("2025-03-28"), author: specialist)],
                                    author: specialist, now: at())
        // Status, note, waiver.
        try store.setStatus("2.3", to: .blocked, note: "Gaida telpas", author: chair, now: at())
        _ = try store.addNote("2.1", text: "Sanāksme pārcelta uz aprīli", author: chair, now: at())
        _ = try store.addWaiver(Waiver(activity: "2.2", window: "2025-W11", note: "Brīvdienas", author: chair), now: at())
        // An activity edit as the board saves it (basedOn the form's original), and a new activity.
        let original = try #require(try store.plan().activity("1.1"))
        var edited = original
        edited.title = "Informatīva kampaņa \"Drošs bērns\" 2025"
        edited.owners = ["SG", "IN", "SD"]
        try store.editActivity(edited, basedOn: original, author: chair, now: at())
        try store.addActivity(Activity(id: "3.4", goal: 3, title: "Atbalsta tālrunis", period: "Visu periodu",
                                       schedule: .ongoing(report: .quarter, from: nil, to: nil), owners: ["SD"], funding: ["PB"]),
                              author: chair, now: at())
        // A mailbox and a reminder handed over.
        _ = try store.setInstitutionEmail("SD", email: "sd@example.lv", author: chair, now: at())
        try store.recordReminder(to: "SD", address: "sd@example.lv", kind: "digest", items: ["2.3"], fingerprint: "f1",
                                 day: day("2025-04-18"), author: chair, now: at())
        // Meetings: one planned with its agenda, time and place; its agenda changed; held; details edited.
        let planned = try store.addMeeting(
            Meeting(id: 0, date: day("2025-04-24"), kind: .regular, topic: nil, state: .planned,
                    details: Meeting.Details(place: "Domes zāle", started: ClockTime("14:00")),
                    items: [Meeting.Item(activity: "2.1"), Meeting.Item(activity: "2.2"), Meeting.Item(activity: "2.3")],
                    prepared: true),
            author: chair, now: at())
        try store.setMeetingItems(planned.id, items: planned.items + [Meeting.Item(activity: "3.1", added: true)],
                                  author: chair, now: at())
        let current = try #require(try store.meetings().first { $0.id == planned.id })
        var settings = current
        settings.items.removeAll { $0.activity == "2.2" }
        settings.removed = ["2.2"]
        settings.topic = "Ceturkšņa sēde"
        _ = try store.updateMeeting(settings, basedOn: current, author: chair, now: at())
        try store.setOutcome(planned.id, activity: "2.1", outcome: .discussed, note: "SD ziņos nākamajā sēdē", author: chair, now: at())
        try store.holdMeeting(planned.id, details: Meeting.Details(attendees: ["SD", "NVO"], place: "Domes zāle",
                                                                   started: ClockTime("14:00"), ended: ClockTime("15:30"),
                                                                   chair: "Sadarbības grupas vadītāja", secretary: "Protokolētāja"),
                              today: day("2025-04-24"), author: chair, now: at())
        var details = try #require(try store.meetings().first { $0.id == planned.id }).details
        details.guests = "Skolas direktora vietniece"
        try store.editMeeting(planned.id, details: details, author: chair, now: at())
        // Decisions: one that sets its item's outcome; done, moved and kept open at the next meeting.
        let d1 = try store.addDecision(Decision(meeting: planned.id, text: "Sagatavot telpas\nun grafiku", owner: "SD",
                                                due: day("2025-06-30"), activity: "2.3"),
                                       settingOutcome: true, author: chair, now: at())
        let d2 = try store.addDecision(Decision(meeting: planned.id, text: "Informēt skolas", owner: "NVO", due: day("2025-05-31")),
                                       author: chair, now: at())
        let d3 = try store.addDecision(Decision(meeting: planned.id, text: "Pārskatīt reidu grafiku", owner: "SD", due: day("2025-07-15")),
                                       author: chair, now: at())
        let next = try store.addMeeting(Meeting(id: 0, date: day("2025-07-10"), kind: .regular, topic: nil, state: .planned,
                                                details: Meeting.Details(), items: [], prepared: true),
                                        author: chair, now: at())
        try store.completeDecision(d2.id, on: day("2025-07-10"), at: next.id, author: chair, now: at())
        try store.moveDecision(d1.id, to: day("2025-09-30"), at: next.id, author: chair, now: at())
        try store.keepDecisionOpen(d3.id, at: next.id, author: chair, now: at())
        // An emergency meeting, cancelled.
        let emergency = try store.addMeeting(Meeting(date: day("2025-05-05"), kind: .emergency, topic: "Ziņojums no skolas"),
                                             author: chair, now: at())
        try store.cancelMeeting(emergency.id, author: chair, now: at())
        // An undo of the specialist's latest change (the import).
        _ = try store.addRecord(Record(activity: "2.2", date: day("2025-04-02"), count: 5, author: specialist), now: at())
        _ = try store.undo(author: specialist, now: at())
        // A restore from a backup made here (journaled in the restored store).
        let backup = path + ".backup"
        try? FileManager.default.removeItem(atPath: backup)
        try store.backup(to: backup)
        _ = try store.restore(from: backup, author: chair, now: at())
        try? FileManager.default.removeItem(atPath: backup)
        for leftover in (try? FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)) ?? []
        where leftover.hasPrefix((path as NSString).lastPathComponent + ".replaced") {
            try? FileManager.default.removeItem(atPath: ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(leftover))
        }
        #expect(try store.journal(subject: nil, author: nil, limit: nil).count == 29)
    }
}
