import Foundation

/// Which digests `sargs remind` mails, and as what letters (issue 15;
/// SPEC §7 `remind [--owner CODE] [--before-meeting DAYS]`, the digests of
/// `Digest`). What then becomes of each letter (the journal, `--again`, the
/// personal-code rule) is `MailDelivery`'s.
public enum Reminders {
    /// One digest to mail: to `address`, reminding of `meeting` when the
    /// run is `--before-meeting`, else the plain daily digest.
    public struct Due: Hashable, Sendable {
        public var digest: Digest
        public var meeting: Meeting?
        public var address: String

        public init(digest: Digest, meeting: Meeting?, address: String) {
            self.digest = digest
            self.meeting = meeting
            self.address = address
        }
    }

    /// The digests of one round of a run: the plain digests (`meeting` nil),
    /// or each institution's digest ahead of one meeting.
    public struct Round: Sendable {
        public var meeting: Meeting?
        public var digests: [Digest]

        public init(meeting: Meeting?, digests: [Digest]) {
            self.meeting = meeting
            self.digests = digests
        }
    }

    /// What a run mails, and whom it cannot.
    public struct Choice: Hashable, Sendable {
        /// In the order of the rounds, and within a round of its digests.
        public var due: [Due]
        /// The codes of the institutions that would get a letter but have
        /// no mailbox: each once, however many meetings, in first-seen order.
        public var withoutAddress: [String]

        public init(due: [Due], withoutAddress: [String]) {
            self.due = due
            self.withoutAddress = withoutAddress
        }
    }

    /// `remind --before-meeting DAYS`: the planned meetings from `today` to
    /// `days` days ahead, both ends included, by date, then number. Each
    /// gets its own reminder (an emergency meeting on a regular one's day too).
    public static func meetings(_ meetings: [Meeting], today: Day, within days: Int) -> [Meeting] {
        let horizon = DayRange(today, today.adding(days: days))
        return meetings.filter { $0.state == .planned && horizon.contains($0.date) }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// What `remind --before-meeting DAYS` says when no meeting is planned
    /// in its horizon (nothing is sent): "Tuvāko 14 dienu laikā nav plānotas
    /// sēdes; nekas netika nosūtīts." (CLDR's forms: "Tuvākās 1 dienas laikā", "21").
    public static func noMeeting(within days: Int) -> Phrase {
        Phrase(lv: Plural.form(days, .lv, one: "Tuvākās \(days) dienas laikā", other: "Tuvāko \(days) dienu laikā")
                   + " nav plānotas sēdes; nekas netika nosūtīts.",
               en: "No meeting is planned in the next " + Plural.form(days, .en, one: "\(days) day", other: "\(days) days")
                   + "; nothing was sent.")
    }

    /// Which digests become letters: a meeting's reminder goes to every
    /// institution (each should know what the meeting will ask of it); a
    /// plain digest only to one with something to say (`Digest.isEmpty`
    /// is false). One that would go but has no mailbox is named instead.
    public static func choose(_ rounds: [Round]) -> Choice {
        var due: [Due] = []
        var withoutAddress: [String] = []
        var named = Set<String>()
        for round in rounds {
            for digest in round.digests {
                guard round.meeting != nil || !digest.isEmpty else { continue }
                guard let address = digest.institution.email else {
                    if named.insert(digest.institution.code).inserted { withoutAddress.append(digest.institution.code) }
                    continue
                }
                due.append(Due(digest: digest, meeting: round.meeting, address: address))
            }
        }
        return Choice(due: due, withoutAddress: withoutAddress)
    }

    /// The letter of `due`: the digest as text and Markdown (`DigestText`)
    /// in `language`, its subject naming the meeting it reminds of; the
    /// kind `digest` or `meeting N`; a meeting's reminder goes once ever
    /// (`meeting-ID-DATE`, a moved meeting's once more), a digest once a day
    /// with the same content. `from`, `date` and `domain` are the
    /// `MailMessage`'s.
    /// - Returns: nil when the address or `from` is not a valid `EmailAddress`
    ///   (`MailMessage.init` refuses it): no letter, and nothing said.
    public static func letter(_ due: Due, plan: Plan, language: Language, from: String?, date: Date, domain: String) -> Letter? {
        let digest = due.digest, meeting = due.meeting
        let text = DigestText.render(digest, plan: plan, language: language, markdown: false)
        let markdown = DigestText.render(digest, plan: plan, language: language, markdown: true)
        let subject = DigestText.subject(digest, language: language, meeting: meeting)
        guard let message = MailMessage(to: due.address, from: from, subject: subject, text: text, markdown: markdown,
                                        date: date, domain: domain) else { return nil }
        return Letter(code: digest.institution.code, kind: meeting.map { "meeting \($0.id)" } ?? "digest", items: digest.itemIDs,
                      message: message, once: meeting.map { "meeting-\($0.id)-\($0.date)" })
    }
}
