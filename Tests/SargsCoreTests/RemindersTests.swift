import Foundation
import Testing
import SargsCore

/// Issue 25: which digests `sargs remind` makes letters of (a meeting's
/// reminder to every institution, a digest only to one with something to
/// say, those without a mailbox named once), which meetings
/// `--before-meeting` reminds of, and the letters themselves (`Reminders`).
@Suite("Reminders: which digests go")
struct RemindersTests {
    static let today = day("2025-06-20")

    /// A digest of `code` owing one decision when `owes`, nothing otherwise.
    static func digest(_ code: String, email: String?, owes: Bool) -> Digest {
        Digest(institution: Institution(code: code, name: "Iestāde \(code)", email: email), date: today, days: 14, overdue: [],
               dueSoon: owes ? [Digest.Due(kind: .decision, id: "7", text: "Ziņojums", due: day("2025-06-25"))] : [],
               openDecisions: [], nextMeeting: nil, reviewFrom: day("2025-03-20"))
    }

    static let digests = [
        digest("SD", email: "sd@example.lv", owes: true),
        digest("BT", email: "bt@example.lv", owes: false),
        digest("VP", email: nil, owes: true),
        digest("PP", email: nil, owes: false),
    ]

    @Test("a plain digest goes only to an institution with something to say; one with nothing, mailbox or not, is not named")
    func plainDigests() {
        let choice = Reminders.choose([Reminders.Round(meeting: nil, digests: Self.digests)])
        #expect(choice.due.map(\.digest.institution.code) == ["SD"])
        #expect(choice.due.map(\.address) == ["sd@example.lv"])
        #expect(choice.due.allSatisfy { $0.meeting == nil })
        #expect(choice.withoutAddress == ["VP"])
    }

    @Test("a meeting's reminder goes to every institution, owing or not; one without a mailbox is named once for all the meetings")
    func meetingReminders() {
        let first = Meeting(id: 2, date: day("2025-06-25")), second = Meeting(id: 3, date: day("2025-06-30"), kind: .emergency)
        let choice = Reminders.choose([Reminders.Round(meeting: first, digests: Self.digests),
                                       Reminders.Round(meeting: second, digests: Self.digests)])
        #expect(choice.due.map(\.digest.institution.code) == ["SD", "BT", "SD", "BT"])
        #expect(choice.due.map(\.meeting?.id) == [2, 2, 3, 3])
        #expect(choice.withoutAddress == ["VP", "PP"])
    }

    @Test("no digests, no letters and no one named")
    func nothing() {
        #expect(Reminders.choose([]) == Reminders.Choice(due: [], withoutAddress: []))
        #expect(Reminders.choose([Reminders.Round(meeting: nil, digests: [])]).due.isEmpty)
    }

    @Test("--before-meeting: the planned meetings from today to the horizon, both ends included, by date then number")
    func meetingsInHorizon() {
        let meetings = [
            Meeting(id: 9, date: day("2025-06-27")),
            Meeting(id: 4, date: day("2025-06-27"), kind: .emergency),
            Meeting(id: 1, date: day("2025-06-19")),                  // yesterday
            Meeting(id: 2, date: day("2025-06-20")),                  // today
            Meeting(id: 3, date: day("2025-06-23"), state: .cancelled),
            Meeting(id: 5, date: day("2025-06-24"), state: .held),
            Meeting(id: 6, date: day("2025-06-27")),
            Meeting(id: 7, date: day("2025-06-28")),                  // a day beyond
        ]
        #expect(Reminders.meetings(meetings, today: Self.today, within: 7).map(\.id) == [2, 4, 6, 9])
        #expect(Reminders.meetings(meetings, today: Self.today, within: 0).map(\.id) == [2])
        #expect(Reminders.meetings(meetings, today: Self.today, within: 8).map(\.id) == [2, 4, 6, 9, 7])
    }

    @Test("no meeting in the horizon is said with the day count in CLDR's forms",
          arguments: [
            (0, "Tuvāko 0 dienu laikā", "0 days"),
            (1, "Tuvākās 1 dienas laikā", "1 day"),
            (2, "Tuvāko 2 dienu laikā", "2 days"),
            (11, "Tuvāko 11 dienu laikā", "11 days"),
            (21, "Tuvākās 21 dienas laikā", "21 days"),
          ])
    func noMeeting(days: Int, lv: String, en: String) {
        #expect(Reminders.noMeeting(within: days) == Phrase(lv: "\(lv) nav plānotas sēdes; nekas netika nosūtīts.",
                                                            en: "No meeting is planned in the next \(en); nothing was sent."))
    }

    /// Madona on 2025-06-20 with the social service's mailbox and two of its decisions due.
    static func snapshot() -> Snapshot {
        var plan = Madona.plan()
        plan.institutions = [Institution(code: "SD", name: "Sociālais dienests", en: "Social service", email: "sd@example.lv")]
        return Snapshot(plan: plan, meetings: [Meeting(id: 1, date: day("2025-03-20"), state: .held), Meeting(id: 2, date: day("2025-06-30"))],
                        decisions: [Decision(id: 1, meeting: 1, text: "Sagatavot materiālu skolām", owner: "SD", due: day("2025-05-01")),
                                    Decision(id: 2, meeting: 1, text: "Informēt vecākus", owner: "SD", due: day("2025-06-25"))])
    }

    @Test("a digest's letter: the digest's text, Markdown and subject in the language, kind digest, once a day by its content",
          arguments: Language.allCases)
    func digestLetter(language: Language) throws {
        let snapshot = Self.snapshot()
        let digest = try #require(Digest.all(snapshot: snapshot, date: Self.today).first { $0.institution.code == "SD" })
        let date = Date(timeIntervalSince1970: 1_750_000_000)
        let due = Reminders.Due(digest: digest, meeting: nil, address: "sd@example.lv")
        let letter = try #require(Reminders.letter(due, plan: snapshot.plan, language: language, from: "sargs@madona.lv",
                                                   date: date, domain: "server.madona.lv"))
        #expect(letter.code == "SD")
        #expect(letter.kind == "digest")
        #expect(letter.once == nil)
        #expect(letter.items == digest.itemIDs)
        #expect(!letter.items.isEmpty)
        #expect(letter.message.to == "sd@example.lv")
        #expect(letter.message.from == "sargs@madona.lv")
        #expect(letter.message.date == date)
        #expect(letter.message.subject == DigestText.subject(digest, language: language))
        #expect(letter.message.text == DigestText.render(digest, plan: snapshot.plan, language: language, markdown: false))
        #expect(letter.message.markdown == DigestText.render(digest, plan: snapshot.plan, language: language, markdown: true))
        #expect(letter.fingerprint == letter.message.fingerprint)
    }

    @Test("a meeting's reminder: kind meeting N, once per meeting and date, the meeting in its subject")
    func meetingLetter() throws {
        let snapshot = Self.snapshot()
        let meeting = snapshot.meetings[1]
        let digest = try #require(Digest.all(snapshot: snapshot, date: Self.today, meeting: meeting).first { $0.institution.code == "SD" })
        let due = Reminders.Due(digest: digest, meeting: meeting, address: "sd@example.lv")
        let letter = try #require(Reminders.letter(due, plan: snapshot.plan, language: .lv, from: nil, date: Date(), domain: "localhost"))
        #expect(letter.kind == "meeting 2")
        #expect(letter.once == "meeting-2-2025-06-30")
        #expect(letter.fingerprint == "meeting-2-2025-06-30")
        #expect(letter.message.subject == DigestText.subject(digest, language: .lv, meeting: meeting))
        #expect(letter.message.subject != DigestText.subject(digest, language: .lv))
    }

    @Test("an address or a sender that is not an e-mail address makes no letter")
    func invalidAddress() throws {
        let snapshot = Self.snapshot()
        let digest = try #require(Digest.all(snapshot: snapshot, date: Self.today).first { $0.institution.code == "SD" })
        #expect(Reminders.letter(Reminders.Due(digest: digest, meeting: nil, address: "nav adrese"), plan: snapshot.plan,
                                 language: .lv, from: nil, date: Date(), domain: "localhost") == nil)
        #expect(Reminders.letter(Reminders.Due(digest: digest, meeting: nil, address: "sd@example.lv"), plan: snapshot.plan,
                                 language: .lv, from: "sargs", date: Date(), domain: "localhost") == nil)
    }
}
