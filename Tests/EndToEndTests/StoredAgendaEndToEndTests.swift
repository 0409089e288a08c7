import Foundation
import SargsCore
import Testing
import TestSupport

/// One agenda per planned meeting, on the command line (issue 26): `meeting
/// new` stores the agenda it computes, every reader prints that one, the
/// plan's news is named and `meeting edit --refresh` adds it, two meetings of
/// one kind on one date are refused, and the time and place reach the
/// agenda, its mail and the calendar.
@Suite("One agenda per planned meeting, end to end")
struct StoredAgendaEndToEndTests {
    /// The group's own language: every run here is in Latvian.
    static let lv = ["SARGS_LANG": "lv"]

    static func items(_ json: String) -> [String] {
        guard let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let items = object["items"] as? [[String: Any]] else { return [] }
        return items.compactMap { $0["activity"] as? String }
    }

    @Test("meeting new stores its agenda (the number alone on stdout); a record later does not change it; --refresh adds what is new")
    func meetingNewStoresTheAgenda() throws {
        var s = SargsProcess.madona(today: "2025-09-01")
        // 2.9 (a campaign due in June) is marked done before the meeting is planned: not on its agenda.
        #expect(s.run(["status", "2.9", "done"], environment: Self.lv).status == 0)
        let new = s.run(["meeting", "new", "--date", "2025-09-15", "--time", "14:00", "--place", "Domes zāle"], environment: Self.lv)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout == "1\n", "a script reads the number alone")
        #expect(new.stderr.contains("Sēde Nr. 1 ieplānota; darba kārtībā") && new.stderr.contains("sargs agenda --meeting 1"), "\(new.stderr)")
        let stored = Self.items(s.run(["agenda", "--meeting", "1", "--format", "json"], environment: Self.lv).stdout)
        #expect(stored.contains("5.2"), "\(stored)")
        #expect(Self.items(s.run(["agenda", "--date", "2025-09-15", "--format", "json"], environment: Self.lv).stdout) == stored,
                "the agenda for the meeting's date is the meeting's own")

        // 5.2 gets its records: the sweep would drop it, the saved agenda keeps it (the chair decides).
        for week in ["2025-08-04", "2025-08-11", "2025-08-18", "2025-08-25"] {
            #expect(s.run(["record", "5.2", "--date", week], environment: Self.lv).status == 0)
        }
        #expect(Self.items(s.run(["agenda", "--meeting", "1", "--format", "json"], environment: Self.lv).stdout) == stored)

        // Later 2.9 turns out not to be done: overdue again, named with the command that adds it; not added.
        s.today = "2025-09-14"
        #expect(s.run(["status", "2.9", "active"], environment: Self.lv).status == 0)
        let later = s.run(["agenda", "--meeting", "1"], environment: Self.lv)
        #expect(later.status == 0)
        #expect(later.stdout.contains("Sēde: kārtējā sēde, 2025-09-15 plkst. 14:00") && later.stdout.contains("Vieta: Domes zāle"),
                "\(later.stdout)")
        let json = s.run(["agenda", "--meeting", "1", "--format", "json"], environment: Self.lv).stdout
        #expect(Self.items(json) == stored)
        let news = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["not_on_stored"] as? [String] ?? []
        #expect(news == ["2.9"])
        #expect(later.stdout.contains("nokavēts vēl 1 jautājums (2.9)") && later.stdout.contains("sargs meeting edit 1 --refresh"),
                "\(later.stdout)")
        let refresh = s.run(["meeting", "edit", "1", "--refresh"], environment: Self.lv)
        #expect(refresh.status == 0 && refresh.stdout.contains("pievienots 1 jautājums: 2.9"), "\(refresh.stdout) \(refresh.stderr)")
        #expect(Set(Self.items(s.run(["agenda", "--meeting", "1", "--format", "json"], environment: Self.lv).stdout)) == Set(stored + ["2.9"]))
        #expect(!stored.contains("2.9"))
        let again = s.run(["meeting", "edit", "1", "--refresh"], environment: Self.lv)
        #expect(again.stdout.contains("nekas nav pievienots"), "\(again.stdout)")
        #expect(s.run(["log"], environment: Self.lv).stdout.contains("ieplānoja sēdi Nr. 1 (2025-09-15)"))
    }

    @Test("two regular meetings on one date are refused (65) naming the one there; --time is checked; the time and place reach the mail and the calendar")
    func twinsTimeAndPlace() throws {
        let s = SargsProcess.madona(today: "2025-09-01")
        #expect(s.run(["meeting", "new", "--date", "2025-09-15", "--time", "9:30", "--place", "Domes zāle"], environment: Self.lv).stdout == "1\n")
        let twin = s.run(["meeting", "new", "--date", "2025-09-15"], environment: Self.lv)
        #expect(twin.status == 65)
        #expect(twin.stderr.contains("sēde Nr. 1") && twin.stderr.contains("sargs meeting cancel 1"), "\(twin.stderr)")
        #expect(s.run(["meeting", "new", "--date", "2025-09-15", "--kind", "emergency", "--topic", "Ziņojums"], environment: Self.lv).stdout == "2\n")
        let bad = s.run(["meeting", "new", "--date", "2025-09-16", "--time", "25:00"], environment: Self.lv)
        #expect(bad.status == 64 && bad.stderr.contains("--time"), "\(bad.stderr)")
        #expect(s.run(["meeting", "edit", "1", "--time", "10:00", "--started", "10:00"], environment: Self.lv).status == 64)
        #expect(s.run(["meeting", "edit", "1", "--time", "10:00"], environment: Self.lv).status == 0)
        let list = s.run(["meeting", "list"], environment: Self.lv).stdout
        #expect(list.contains("#1  2025-09-15 10:00  kārtējā  plānota  @ Domes zāle"), "\(list)")

        #expect(s.run(["institution", "set", "SD", "--email", "sd@example.lv"], environment: Self.lv).status == 0)
        let mail = s.run(["agenda", "--mail", "--meeting", "1", "--dry-run"], environment: Self.lv.merging(["SARGS_MAIL_FROM": "sargs@example.lv"]) { a, _ in a })
        #expect(mail.status == 0, "\(mail.stderr)")
        #expect(mail.stdout.contains("kārtējās sēdes Nr. 1 darba kārtība — 2025-09-15 plkst. 10:00, Domes zāle"), "\(mail.stdout.prefix(600))")

        // The reminder before the meeting: when and where, and SD's items on its stored agenda.
        let remind = s.run(["remind", "--before-meeting", "30", "--dry-run"],
                           environment: Self.lv.merging(["SARGS_MAIL_FROM": "sargs@example.lv"]) { a, _ in a })
        #expect(remind.status == 0, "\(remind.stderr)")
        #expect(remind.stdout.contains("Nākamā sēde: Nr. 1, 2025-09-15 plkst. 10:00 (kārtējā), Domes zāle"), "\(remind.stdout.prefix(1500))")
        #expect(remind.stdout.contains("Jūsu jautājumi tās darba kārtībā ("), "\(remind.stdout.prefix(1500))")
        let sdItems = Self.items(s.run(["agenda", "--meeting", "1", "--format", "json"], environment: Self.lv).stdout)
        #expect(!sdItems.isEmpty)

        let ics = s.run(["export", "--format", "ics"], environment: Self.lv).stdout.replacingOccurrences(of: "\r\n ", with: "")
        #expect(ics.contains("TZID:Europe/Riga"))
        #expect(ics.contains("DTSTART;TZID=Europe/Riga:20250915T100000"))
        #expect(ics.contains("LOCATION:Domes zāle"))
        #expect(ics.contains("SUMMARY:Sadarbības grupas sēde Nr. 2 (ārkārtas): Ziņojums"))
        // An event without a time stays all day, and the file parses as iCalendar.
        #expect(ics.contains("DTSTART;VALUE=DATE:20250915"))
    }
}

extension StoredAgendaEndToEndTests {
    @Test("the agenda mailed is the one saved: a changed agenda goes again, said to replace the first; the same one goes once (or --again); the journal names it")
    func aChangedAgendaIsMailedAgain() throws {
        let s = SargsProcess.madona(today: "2025-09-01")
        let sendmail = try FakeSendmail(in: s.directory)
        let mail = Self.lv.merging(sendmail.environment) { a, _ in a }.merging(["SARGS_MAIL_FROM": "sargs@example.lv"]) { a, _ in a }
        #expect(s.run(["institution", "set", "SD", "--email", "sd@example.lv"]).status == 0)
        #expect(s.run(["meeting", "new", "--date", "2025-09-15", "--time", "14:00"], environment: Self.lv).stdout == "1\n")
        #expect(s.run(["agenda", "--mail"], environment: mail).status == 0)
        #expect(sendmail.messages().count == 1)
        #expect(!sendmail.messages()[0].contains("--refresh"), "the chair's note stays on the terminal")
        let same = s.run(["agenda", "--mail"], environment: mail)
        #expect(same.stdout.contains("šodien jau nodots pasta sistēmai: SD (vēlreiz: sargs agenda --mail --meeting 1 --again)"), "\(same.stdout)")
        #expect(sendmail.messages().count == 1)
        // The time changes: the edit says who holds the old one; the next --mail sends the changed one, once.
        let edit = s.run(["meeting", "edit", "1", "--time", "15:30"], environment: Self.lv)
        #expect(edit.stdout.contains("Darba kārtība jau bija nodota pasta sistēmai 1 iestādei; mainīto nosūta: sargs agenda --mail --meeting 1"),
                "\(edit.stdout)")
        #expect(s.run(["agenda", "--mail"], environment: mail).status == 0)
        let all = sendmail.messages()
        #expect(all.count == 2)
        // Read as a mail client shows them (Python's e-mail parser).
        let subjects = try Outbox.read(sendmail).map(\.subject).sorted()
        #expect(subjects.contains("sargs: kārtējās sēdes Nr. 1 darba kārtība — 2025-09-15 plkst. 15:30 (mainīta)"), "\(subjects)")
        #expect(s.run(["agenda", "--mail"], environment: mail).stdout.contains("jau nodots"))
        #expect(s.run(["agenda", "--mail", "--again"], environment: mail).status == 0)
        #expect(sendmail.messages().count == 3)
        #expect(s.run(["log"], environment: Self.lv).stdout.contains("nodeva pasta sistēmai sēdes Nr. 1 darba kārtību SD uz sd@example.lv"))
    }

    @Test("two meetings within the horizon each get their reminder (an emergency on a regular one's day too); the calendar keeps a cancelled one as cancelled")
    func everyMeetingIsReminded() throws {
        let s = SargsProcess.madona(today: "2025-09-10")
        let sendmail = try FakeSendmail(in: s.directory)
        let mail = Self.lv.merging(sendmail.environment) { a, _ in a }.merging(["SARGS_MAIL_FROM": "sargs@example.lv"]) { a, _ in a }
        #expect(s.run(["institution", "set", "SD", "--email", "sd@example.lv"]).status == 0)
        #expect(s.run(["meeting", "new", "--date", "2025-09-15"], environment: Self.lv).status == 0)
        #expect(s.run(["meeting", "new", "--date", "2025-09-15", "--kind", "emergency", "--topic", "Ziņojums"], environment: Self.lv).status == 0)
        #expect(s.run(["remind", "--before-meeting", "7"], environment: mail).status == 0)
        let texts = sendmail.messages()
        #expect(texts.count == 2, "one reminder per meeting")
        // Each names SD's own items on that meeting's agenda: the regular sweep's, the emergency's services.
        let bodies = try Outbox.read(sendmail).map(\.text)
        #expect(bodies.filter { $0.contains("Jūsu jautājumi tās darba kārtībā (") }.count == 2, "\(bodies)")
        #expect(bodies.contains { $0.contains("tēma: Ziņojums") }, "\(bodies)")
        #expect(s.run(["remind", "--before-meeting", "7"], environment: mail).stdout.contains("jau nodots"))
        #expect(sendmail.messages().count == 2)
        let log = s.run(["log"], environment: Self.lv).stdout
        #expect(log.contains("atgādinājumu par sēdi Nr. 1 SD") && log.contains("atgādinājumu par sēdi Nr. 2 SD"), "\(log)")
        // The emergency agenda's mail counts the services it lists.
        #expect(s.run(["agenda", "--mail", "--meeting", "2"], environment: mail).status == 0)
        let agendaLine = s.run(["log"], environment: Self.lv).stdout.split(separator: "\n").first { $0.contains("sēdes Nr. 2 darba kārtību SD") }
        #expect(agendaLine.map { !$0.contains("(0 punkti)") } == true, "\(String(describing: agendaLine))")
        #expect(s.run(["meeting", "edit", "1", "--time", "09:00"], environment: Self.lv).status == 0)
        #expect(s.run(["meeting", "cancel", "2"], environment: Self.lv).status == 0)
        let ics = s.run(["export", "--format", "ics"], environment: Self.lv).stdout.replacingOccurrences(of: "\r\n ", with: "")
        let cancelled = ics.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:meeting-2@") } ?? ""
        #expect(cancelled.contains("STATUS:CANCELLED") && cancelled.contains("SEQUENCE:1"), "\(cancelled)")
        let planned = ics.components(separatedBy: "BEGIN:VEVENT").first { $0.contains("UID:meeting-1@") } ?? ""
        #expect(planned.contains("STATUS:CONFIRMED") && planned.contains("SEQUENCE:1"), "a new time is a new sequence: \(planned)")
    }
}
