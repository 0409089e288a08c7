import Foundation
import Testing
import SargsCore

private func record(_ id: String, _ date: String, count: Int? = nil) -> Record {
    Record(activity: id, date: day(date), count: count)
}

private func meeting(_ date: String, _ kind: Meeting.Kind = .regular, _ state: Meeting.State = .held) -> Meeting {
    Meeting(date: day(date), kind: kind, state: state)
}

@Suite("The regular agenda (SPEC §5)")
struct AgendaTests {
    /// D = 2025-07-01, no records, no meetings: every item and its numbers worked out by hand.
    @Test("the Madona sweep on 2025-07-01")
    func madonaSweep() {
        let agenda = Agenda(snapshot: Snapshot(plan: Madona.plan()), date: day("2025-07-01"))
        #expect(agenda.reviewFrom == day("2025-01-01"))
        #expect(agenda.kind == .regular)
        // 177: 5.2 weekly since 2025-01-05; 151: monthly since 2025-01-31; 92: quarterly
        // since 2025-03-31 and 2.1's deadline; 31: 2.2; 1: half-years and June deadlines; 0: 3.3.
        #expect(agenda.items.map(\.activity) == [
            "5.2", "3.4", "5.1",
            "1.3", "1.4", "2.1", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.10", "2.11", "3.1", "4.1", "6.1",
            "2.2",
            "1.5", "2.9", "3.2", "4.3", "7.2",
            "3.3",
        ])
        #expect(agenda.items.map(\.daysOverdue) == [177, 151, 151] + Array(repeating: 92, count: 14) + [31]
            + Array(repeating: 1, count: 5) + [0])

        let raids = agenda.items[0]
        #expect(raids.reasons == [.missed])
        #expect(raids.missed == 26)
        #expect(raids.expected == 26)
        #expect(raids.windows?.first == "2025-W01")
        #expect(raids.windows?.last == "2025-W26")
        #expect(raids.owners == ["VP", "PP"])
        #expect(raids.level == .secondary)
        #expect(raids.goal == 5)
        #expect(raids.lastRecord == nil)
        #expect(raids.progress == nil && raids.target == nil)

        let material = agenda.items.first { $0.activity == "2.1" }!
        #expect(material.reasons == [.deadlinePassed])
        #expect(material.daysOverdue == 92)
        #expect(material.missed == nil && material.expected == nil && material.windows == nil)

        let jimba = agenda.items.first { $0.activity == "1.4" }!
        #expect(jimba.reasons == [.missed, .behindPace])
        #expect(jimba.windows == ["2025-Q1", "2025-Q2"])
        #expect(jimba.progress == 0 && jimba.target == 10)

        // 3 × 182 / 1095 < 1: 1.3 is not behind pace.
        #expect(agenda.items.first { $0.activity == "1.3" }!.reasons == [.missed])

        let youth = agenda.items.last!
        #expect(youth.activity == "3.3")
        #expect(youth.reasons == [.behindPace])
        #expect(youth.daysOverdue == 0)
        #expect(youth.progress == 0 && youth.target == 50)

        #expect(agenda.upcoming.isEmpty)
        #expect(agenda.services.isEmpty)
        #expect(agenda.meetingsHeld == 0)
        #expect(agenda.meetingsRequired == 4)
    }

    @Test("a record in the last week leaves 25 of 26 missed")
    func oneRecord() {
        let snapshot = Snapshot(plan: Madona.plan(), records: [record("5.2", "2025-06-25")])
        let raids = Agenda(snapshot: snapshot, date: day("2025-07-01")).items.first { $0.activity == "5.2" }!
        #expect(raids.missed == 25)
        #expect(raids.expected == 26)
        #expect(raids.daysOverdue == 177)
        #expect(raids.windows?.contains("2025-W26") == false)
        #expect(raids.lastRecord == day("2025-06-25"))
    }

    @Test("a record dated after the agenda date does not count")
    func recordAfterDate() {
        let snapshot = Snapshot(plan: Madona.plan(), records: [record("5.2", "2025-06-30"), record("3.3", "2025-07-02", count: 50)])
        let agenda = Agenda(snapshot: snapshot, date: day("2025-06-29"))
        let raids = agenda.items.first { $0.activity == "5.2" }!
        // Weeks ended before 2025-06-29: W01…W25; W26 (contains D) is open.
        #expect(raids.missed == 25 && raids.expected == 25)
        #expect(raids.lastRecord == nil)
        #expect(agenda.items.first { $0.activity == "3.3" }?.progress == 0)
    }

    @Test("a waived window is neither missed nor dropped from expected")
    func waiver() {
        let snapshot = Snapshot(plan: Madona.plan(), waivers: [Waiver(activity: "2.3", window: "2025-Q1", note: "…")])
        let item = Agenda(snapshot: snapshot, date: day("2025-07-01")).items.first { $0.activity == "2.3" }!
        #expect(item.missed == 1 && item.expected == 2)
        #expect(item.windows == ["2025-Q2"])
        #expect(item.daysOverdue == 1)
    }

    @Test("review_from: the latest held regular meeting before D; emergency, planned and same-day ones do not count")
    func reviewFrom() {
        let meetings = [
            meeting("2025-03-20"),
            meeting("2025-05-10", .emergency),
            meeting("2025-06-15", .regular, .planned),
            meeting("2025-06-16", .regular, .cancelled),
            meeting("2025-07-01"),
        ]
        let agenda = Agenda(snapshot: Snapshot(plan: Madona.plan(), meetings: meetings), date: day("2025-07-01"))
        #expect(agenda.reviewFrom == day("2025-03-20"))
        let raids = agenda.items.first { $0.activity == "5.2" }!
        // Weeks ending in [2025-03-20, 2025-07-01): W12 (ends 03-23) … W26 (ends 06-29).
        #expect(raids.missed == 15 && raids.expected == 15)
        #expect(raids.windows?.first == "2025-W12")
        #expect(raids.daysOverdue == 100)
        // Meetings held: the regular ones of 2025 dated on or before D.
        #expect(agenda.meetingsHeld == 2)
    }

    @Test("a held emergency meeting does not move review_from")
    func emergencyDoesNotMove() {
        let snapshot = Snapshot(plan: Madona.plan(), meetings: [meeting("2025-05-10", .emergency)])
        let agenda = Agenda(snapshot: snapshot, date: day("2025-07-01"))
        #expect(agenda.reviewFrom == day("2025-01-01"))
        #expect(agenda.items.first?.missed == 26)
        #expect(agenda.meetingsHeld == 0)
    }

    @Test("a window ending on review_from is counted; one ending on D is not", arguments: [
        ("2025-03-23", 14, 98),  // R is W12's last day: W12 … W25
        ("2025-03-24", 13, 91),  // W12 ended before R: W13 … W25, W13 ended 2025-03-30
    ])
    func reviewBoundary(_ held: String, _ missed: Int, _ daysOverdue: Int) {
        let snapshot = Snapshot(plan: Madona.plan(), meetings: [meeting(held)])
        // D = 2025-06-29 is the last day of W26: on D, W26 has not ended.
        let raids = Agenda(snapshot: snapshot, date: day("2025-06-29")).items.first { $0.activity == "5.2" }!
        #expect(raids.missed == missed)
        #expect(raids.expected == missed)
        #expect(raids.windows?.last == "2025-W25")
        #expect(raids.daysOverdue == daysOverdue)
    }

    @Test("ties on days overdue keep plan order, not id order (2.10 after 2.8 and before 3.1)")
    func tieOrder() {
        let agenda = Agenda(snapshot: Snapshot(plan: Madona.plan()), date: day("2025-04-01"))
        let ones = agenda.items.filter { $0.daysOverdue == 1 }.map(\.activity)
        #expect(ones == ["1.3", "1.4", "2.1", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.10", "2.11", "3.1", "4.1", "6.1"])
    }

    @Test("dropped activities are left out; done ones leave deadline-passed, target-missed and behind-pace")
    func statuses() {
        let plan = Madona.plan(statuses: ["5.2": .dropped, "2.1": .done, "1.4": .done, "3.3": .done, "2.2": .blocked])
        let agenda = Agenda(snapshot: Snapshot(plan: plan), date: day("2025-07-01"))
        let ids = agenda.items.map(\.activity)
        #expect(!ids.contains("5.2"))
        #expect(!ids.contains("2.1"))
        #expect(!ids.contains("3.3"))
        // A done ongoing activity still has missed windows (SPEC §5 does not exempt it), but no pace.
        #expect(agenda.items.first { $0.activity == "1.4" }?.reasons == [.missed])
        #expect(agenda.items.first { $0.activity == "2.2" }?.reasons == [.deadlinePassed])
        #expect(agenda.items.first?.activity == "3.4")
    }

    @Test("target-missed: to before D, progress below target, with its days")
    func targetMissed() {
        let plan = Madona.plan()
        let snapshot = Snapshot(plan: plan, records: [record("3.3", "2025-12-01", count: 49)])
        let agenda = Agenda(snapshot: snapshot, date: day("2026-01-10"))
        let youth = agenda.items.first { $0.activity == "3.3" }!
        #expect(youth.reasons == [.deadlinePassed, .targetMissed])
        #expect(youth.daysOverdue == 10)
        #expect(youth.progress == 49)
        let reached = Snapshot(plan: plan, records: [record("3.3", "2025-12-01", count: 50)])
        #expect(Agenda(snapshot: reached, date: day("2026-01-10")).items.first { $0.activity == "3.3" }?.reasons == [.deadlinePassed])
        // An ongoing target after its to: missed windows and target-missed; days the larger.
        let late = Agenda(snapshot: Snapshot(plan: plan), date: day("2028-01-31")).items.first { $0.activity == "1.4" }!
        #expect(late.reasons == [.missed, .targetMissed])
        #expect(late.missed == 12 && late.expected == 12)
        // 2025-03-31 → 2028-01-31
        #expect(late.daysOverdue == 1036)
    }

    @Test("all reasons in the listed order")
    func allReasonsOrder() {
        // A once activity with a target, not done, past its window, below target and …
        let a = activity("1.1", Sched.once("2025-02", "2025-03"), target: 5)
        let agenda = Agenda(snapshot: Snapshot(plan: testPlan([a])), date: day("2025-04-02"))
        #expect(agenda.items.first?.reasons == [.deadlinePassed, .targetMissed])
        #expect(agenda.items.first?.daysOverdue == 2)
        let w = activity("1.1", Sched.every(.month, to: "2025-03"), target: 5)
        let onLastDay = Agenda(snapshot: Snapshot(plan: testPlan([w])), date: day("2025-03-31"))
        #expect(onLastDay.items.first?.reasons == [.missed, .behindPace])
    }

    @Test("upcoming: once activities not done due in [D, D + 91]", arguments: [
        ("2025-09-30", [String]()),
        ("2025-10-01", ["1.1", "1.2", "3.3"]),
        ("2025-12-31", ["1.1", "1.2", "3.3"]),
        ("2026-01-01", []),
        ("2025-05-31", ["2.2", "2.9", "7.2"]),
    ])
    func upcoming(_ date: String, _ expected: [String]) {
        let agenda = Agenda(snapshot: Snapshot(plan: Madona.plan(statuses: ["7.2": .planned])), date: day(date))
        #expect(agenda.upcoming.map(\.activity) == expected)
    }

    @Test("upcoming leaves out done and dropped; ordered by due date, then plan order")
    func upcomingOrder() {
        let all = Agenda(snapshot: Snapshot(plan: Madona.plan()), date: day("2025-04-15"))
        #expect(all.upcoming.map(\.activity) == ["2.2", "2.9", "7.2"])
        #expect(all.upcoming.map(\.due) == [day("2025-05-31"), day("2025-06-30"), day("2025-06-30")])
        let plan = Madona.plan(statuses: ["1.1": .done, "1.2": .dropped, "2.9": .done, "7.2": .blocked])
        #expect(Agenda(snapshot: Snapshot(plan: plan), date: day("2025-04-15")).upcoming.map(\.activity) == ["2.2", "7.2"])
        #expect(Agenda(snapshot: Snapshot(plan: plan), date: day("2025-10-01")).upcoming.map(\.activity) == ["3.3"])
    }

    @Test("decisions: every open one, overdue when due before D")
    func decisions() {
        let snapshot = Snapshot(plan: Madona.plan(), decisions: [
            Decision(id: 1, meeting: 1, text: "a", owner: "SD", due: day("2025-07-01")),
            Decision(id: 2, meeting: 1, text: "b", owner: "BT", due: day("2025-06-30")),
            Decision(id: 3, meeting: 1, text: "c", owner: "VP", due: day("2025-05-01"), doneOn: day("2025-05-02")),
        ])
        let agenda = Agenda(snapshot: snapshot, date: day("2025-07-01"))
        #expect(agenda.decisions.map(\.id) == [2, 1])
        #expect(agenda.decisions.map(\.overdue) == [true, false])
    }

    @Test("meetings held count regular held meetings of D's year up to D")
    func meetingsHeld() {
        let meetings = [
            meeting("2024-12-10"), meeting("2025-01-15"), meeting("2025-04-15"), meeting("2025-04-20", .emergency),
            meeting("2025-07-01", .regular, .planned), meeting("2025-09-01"),
        ]
        let agenda = Agenda(snapshot: Snapshot(plan: Madona.plan(), meetings: meetings), date: day("2025-09-01"))
        #expect(agenda.meetingsHeld == 3)
        #expect(agenda.reviewFrom == day("2025-04-15"))
    }
}

@Suite("The emergency agenda (SPEC §5)")
struct EmergencyAgendaTests {
    @Test("tertiary and as-needed activities with last record and records in the 365 days before D")
    func services() {
        // D − 365 = 2025-03-01; D − 366 = 2025-02-28.
        let records = [
            record("7.1", "2025-02-28"), record("7.1", "2025-03-01"), record("7.1", "2025-12-01"),
            record("7.1", "2026-03-01"), record("7.1", "2026-03-02"), record("4.2", "2025-06-01"),
        ]
        let snapshot = Snapshot(plan: Madona.plan(), records: records, decisions: [
            Decision(id: 7, meeting: 2, text: "Sazināties ar skolu", owner: "IN", due: day("2026-02-01")),
        ])
        let agenda = Agenda(snapshot: snapshot, date: day("2026-03-01"), kind: .emergency, topic: "Ziņojums")
        #expect(agenda.kind == .emergency)
        #expect(agenda.topic == "Ziņojums")
        #expect(agenda.items.isEmpty)
        #expect(agenda.upcoming.isEmpty)
        #expect(agenda.services.map(\.activity) == ["4.2", "7.1", "7.2", "7.3"])
        let consultations = agenda.services[1]
        #expect(consultations.records365 == 3)
        #expect(consultations.lastRecord == day("2026-03-01"))
        #expect(consultations.level == .tertiary)
        #expect(agenda.services[0].records365 == 1)
        #expect(agenda.services[0].level == .secondary)
        #expect(agenda.services[2].records365 == 0 && agenda.services[2].lastRecord == nil)
        #expect(agenda.decisions.map(\.overdue) == [true])
    }

    @Test("the emergency agenda's JSON")
    func json() {
        let plan = testPlan([activity("7.1", .asNeeded, owners: ["SD"])])
        let snapshot = Snapshot(plan: plan, records: [record("7.1", "2025-05-05")],
                                meetings: [meeting("2025-04-01"), meeting("2025-05-01", .emergency)])
        let agenda = Agenda(snapshot: snapshot, date: day("2025-06-01"), kind: .emergency, topic: "Ziņojums \"X\"")
        #expect(agenda.json() == """
        {"date": "2025-06-01", "kind": "emergency", "topic": "Ziņojums \\"X\\"", "review_from": "2025-04-01", \
        "services": [{"activity": "7.1", "goal": 7, "level": "tertiary", "owners": ["SD"], \
        "last_record": "2025-05-05", "records_365": 1}], "items": [], "upcoming": [], "decisions": [], \
        "meetings_held": 1, "meetings_required": 4}
        """)
    }
}

@Suite("The agenda's JSON (SPEC §5)")
struct AgendaJSONTests {
    /// The example of SPEC §5 rebuilt from records: R = 2025-09-10; weeks W37…W47 ended in
    /// [R, D); W38, W40 and W41 have no record; W38 ended 2025-09-21, 66 days before D.
    @Test("the example of SPEC §5, byte for byte")
    func specExample() {
        let plan = testPlan([
            activity("1.2", Sched.once("2025"), owners: ["SG"]),
            activity("5.2", Sched.every(.week), owners: ["VP", "PP"]),
        ])
        let records = ["2025-09-10", "2025-09-24", "2025-10-15", "2025-10-22", "2025-10-29", "2025-11-05",
                       "2025-11-12", "2025-11-20"].map { record("5.2", $0) }
        let snapshot = Snapshot(
            plan: plan, records: records,
            meetings: [meeting("2025-03-12"), meeting("2025-06-11"), meeting("2025-09-10"),
                       meeting("2025-11-26", .regular, .planned)],
            decisions: [Decision(id: 4, meeting: 2, text: "…", owner: "SD", due: day("2025-10-01"))])
        let agenda = Agenda(snapshot: snapshot, date: day("2025-11-26"))
        #expect(agenda.json() == """
        {"date": "2025-11-26", "kind": "regular", "review_from": "2025-09-10", \
        "items": [{"activity": "5.2", "goal": 5, "level": "secondary", \
        "owners": ["VP", "PP"], "reasons": ["missed"], \
        "days_overdue": 66, "missed": 3, "expected": 11, \
        "windows": ["2025-W38", "2025-W40", "2025-W41"], \
        "last_record": "2025-11-20", "progress": null, "target": null}], \
        "upcoming": [{"activity": "1.2", "due": "2025-12-31"}], \
        "decisions": [{"id": 4, "text": "…", "owner": "SD", "due": "2025-10-01", \
        "overdue": true}], \
        "meetings_held": 3, "meetings_required": 4}
        """)
    }

    @Test("json() escapes quotes, backslashes and control characters, and the result parses")
    func escapes() throws {
        let snapshot = Snapshot(plan: Madona.plan(), records: [record("7.1", "2025-05-05")], decisions: [
            Decision(id: 9, meeting: 1, text: "Pēdiņas \" un \\ slīpsvītra,\n\t rinda \u{01}\u{1F} ✓", owner: "SD",
                     due: day("2025-06-01")),
        ])
        for kind in Meeting.Kind.allCases {
            let agenda = Agenda(snapshot: snapshot, date: day("2025-07-01"), kind: kind, topic: "Tēma \r\n\"x\"")
            for text in [agenda.json(), agenda.jsonValue.serialized(pretty: true)] {
                let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
                #expect(parsed?["date"] as? String == "2025-07-01")
            }
        }
        let report = YearReport(snapshot: snapshot, year: 2025, today: day("2025-07-01"))
        #expect((try? JSONSerialization.jsonObject(with: Data(report.json().utf8))) != nil)
        #expect(Agenda(snapshot: snapshot, date: day("2025-07-01")).json()
            .contains(#""text": "Pēdiņas \" un \\ slīpsvītra,\n\t rinda \u0001\u001f ✓""#))
    }

    @Test("an item without windows has null missed/expected/windows; a target gives progress and target")
    func nulls() {
        let plan = testPlan([activity("3.3", Sched.once("2025"), owners: ["AN"], target: 50)])
        let snapshot = Snapshot(plan: plan, records: [record("3.3", "2025-02-01", count: 4), record("3.3", "2025-02-02")])
        let agenda = Agenda(snapshot: snapshot, date: day("2025-07-01"))
        #expect(agenda.json() == """
        {"date": "2025-07-01", "kind": "regular", "review_from": "2025-01-01", \
        "items": [{"activity": "3.3", "goal": 3, "level": "secondary", "owners": ["AN"], \
        "reasons": ["behind-pace"], "days_overdue": 0, "missed": null, "expected": null, "windows": null, \
        "last_record": "2025-02-02", "progress": 4, "target": 50}], \
        "upcoming": [], "decisions": [], "meetings_held": 0, "meetings_required": 4}
        """)
    }
}
