import ArgumentParser
import Foundation
import SargsCore
import SargsStore

extension MeetingCommand {
    /// `sargs meeting send N [--dry-run] [--again]` (issue 26): a held
    /// meeting's minutes to every institution with a mailbox, once.
    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "send", abstract: "Mail a held meeting's minutes to every institution with a mailbox, once (the PDF attached).",
            discussion: """
            Every institution with an e-mail address gets them, present or absent: the minutes as text, and the \
            PDF attached (pandoc and weasyprint; without them the text alone, said so). Sent once per meeting and \
            institution; --again hands them over once more (a message that bounced, minutes corrected since).
            """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting number.", completion: Completions.meetings) var id: Int64
        @Flag(help: "Print the messages instead of sending them (nothing is journaled).") var dryRun = false
        @Flag(help: "Hand the minutes over again to the institutions that already got them.") var again = false

        func run() throws {
            let session = try Session.open(global)
            try MeetingMail.send(id, dryRun: dryRun, again: again, session: session)
        }
    }
}

/// What a meeting mails after the agenda (issue 26): its minutes, and word
/// that it is cancelled to those who got its agenda. Each goes through
/// `Mailer.deliver`, journaled once per meeting and institution.
enum MeetingMail {
    /// The once key of a meeting's minutes in the mail journal.
    static func minutesKey(_ meeting: Meeting) -> String { "minutes-meeting-\(meeting.id)-\(meeting.date)" }
    /// The once key of the word that a meeting is cancelled.
    static func cancelKey(_ meeting: Meeting) -> String { "cancel-meeting-\(meeting.id)-\(meeting.date)" }
    /// What every once key of a meeting's agenda begins with (`agenda --mail`:
    /// `agenda-meeting-ID-DATE`; the date is left open, as a meeting may have moved since).
    static func agendaKeyPrefix(_ id: Int64) -> String { "agenda-meeting-\(id)-" }

    /// The once key of one version of meeting `meeting`'s agenda: its date,
    /// and a digest of what the institutions read in it (kind, topic, time,
    /// place, the items in order). A changed agenda has a new key, so
    /// `agenda --mail` hands it over again, said to replace the old one.
    static func agendaKey(_ meeting: Meeting, items: [ActivityID]) -> String {
        let content = [meeting.kind.rawValue, meeting.topic ?? "", meeting.time?.description ?? "", meeting.details.place ?? "",
                       items.joined(separator: ",")].joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits
        for byte in content.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return agendaKeyPrefix(meeting.id) + "\(meeting.date)-" + String(hash, radix: 16)
    }

    /// `meeting send N`: the minutes of held meeting `id`, as text with the
    /// document attached, to every institution with a mailbox, once.
    /// - Throws: `Failure` 65 for a meeting that is not there or not held
    ///   (nothing is sent); what `Mailer.deliver` throws (69 when sendmail
    ///   fails, 65 for text shaped like a personal code).
    static func send(_ id: Int64, dryRun: Bool, again: Bool, session: Session) throws {
        let lv = session.language == .lv
        let snapshot = try session.guarded { try session.store.snapshot() }
        guard let meeting = snapshot.meetings.first(where: { $0.id == id }) else {
            throw Failure(.data, StoreError.unknownMeeting(id).phrase)
        }
        guard meeting.state == .held else {
            throw Failure(.data, meeting.state == .cancelled
                ? Phrase(lv: "sēde Nr. \(id) (\(meeting.date)) ir atcelta; protokolu sūta tikai notikušai sēdei",
                         en: "meeting \(id) (\(meeting.date)) is cancelled; minutes are sent only for a meeting that was held")
                : Phrase(lv: "sēde Nr. \(id) (\(meeting.date)) vēl nav notikusi; protokolu var nosūtīt, kad sēde atzīmēta kā notikusi: sargs meeting hold \(id)",
                         en: "meeting \(id) (\(meeting.date)) has not been held; the minutes can be sent once it is marked held: sargs meeting hold \(id)"))
        }
        let minutes = Minutes(meeting: meeting, snapshot: snapshot)
        let markdown = minutes.markdown(session.language)
        var text = minutes.text(session.language)
        var body = markdown
        let document = try minutesDocument(minutes, meeting: meeting, language: session.language)
        if let attachment = document.attachment {
            text += "\n" + (lv ? "Pielikumā protokols: \(attachment.name)" : "The minutes are attached: \(attachment.name)") + "\n"
            body += "\n" + (lv ? "Pielikumā protokols: `\(attachment.name)`" : "The minutes are attached: `\(attachment.name)`") + "\n"
        } else if let reason = document.leftOut {
            // Said once, before the messages: the text goes alone.
            session.tell(Phrase(lv: "Protokola dokuments netiek pievienots: " + reason.lv + "; sūta tikai tekstu",
                                en: "The minutes' document is not attached: " + reason.en + "; the text goes alone"))
        }
        let restricted = meeting.details.restricted ? (lv ? " (ierobežotas pieejamības informācija)" : " (restricted access)") : ""
        let subject = lv ? "sargs: sēdes Nr. \(meeting.id) (\(meeting.date)) protokols\(restricted)"
                         : "sargs: minutes of meeting \(meeting.id) (\(meeting.date))\(restricted)"
        var letters: [Letter] = []
        var withoutAddress: [String] = []
        for institution in snapshot.plan.allInstitutions {
            guard let address = institution.email else { withoutAddress.append(institution.code); continue }
            guard let message = MailMessage(to: address, from: try Mailer.sender(), subject: subject, text: text, markdown: body,
                                            attachments: document.attachment.map { [$0] } ?? [], date: session.now,
                                            domain: Mailer.domain) else { continue }
            letters.append(Letter(code: institution.code, kind: "minutes \(meeting.id)", items: minutes.items.map(\.activity), message: message,
                                  once: minutesKey(meeting)))
        }
        try Mailer.deliver(letters, session: session, dryRun: dryRun, withoutAddress: withoutAddress, again: again ? .always : .never,
                           perLetter: !dryRun, againHint: "sargs meeting send \(id) --again")
    }

    /// The minutes as a PDF to attach, made as `meeting show N --format pdf`
    /// makes it (pandoc and weasyprint, A4, the page header of `minutes`).
    /// Without them installed there is no attachment, and `leftOut` says
    /// why (which package to install): the text goes alone.
    /// - Throws: any other failure to make the document (a limit, a
    ///   refused reference document): nothing is sent, so that the minutes
    ///   are not handed over once without it.
    static func minutesDocument(_ minutes: Minutes, meeting: Meeting, language: Language) throws -> (attachment: MailMessage.Attachment?, leftOut: Phrase?) {
        let name = (language == .lv ? "sargs-protokols-" : "sargs-minutes-") + "\(meeting.id)-\(meeting.date).pdf"
        do {
            let bytes = try Document.render(minutes.markdown(language), format: .pdf, language: language,
                                            header: minutes.pageHeader(language))
            return (MailMessage.Attachment(name: name, mimeType: "application/pdf", bytes: bytes), nil)
        } catch let failure as Failure where failure.code == .unavailable {
            return (nil, failure.phrase)
        } catch let failure as Failure {
            throw Failure(failure.code, Phrase(lv: "protokols netika nosūtīts, jo tā dokumentu nevarēja izveidot: " + failure.phrase.lv,
                                               en: "the minutes were not sent, as their document could not be made: " + failure.phrase.en))
        }
    }

    /// The institutions the mail journal says got meeting `id`'s agenda
    /// (`agenda --mail`), each once, in the plan's order, with the address
    /// it went to.
    static func agendaRecipients(_ id: Int64, plan: Plan, session: Session) throws -> [(code: String, address: String)] {
        // One pass over the mail journal (a plan with 2,000 mailboxes read it 2,000 times).
        let handed = try session.guarded { try session.store.handedOver(keyPrefix: agendaKeyPrefix(id)) }
        var first: [String: String] = [:]
        for (code, address) in handed where first[code] == nil { first[code] = address }
        return plan.allInstitutions.compactMap { institution in first[institution.code].map { (institution.code, $0) } }
    }


    /// `meeting cancel N [--notify]`: cancels planned meeting `id`; with
    /// `notify`, tells each institution that got its agenda by mail that it
    /// is cancelled (one short message each, once; a meeting cancelled
    /// already is only told about). Without `notify`, says how many got the
    /// agenda and that `--notify` tells them.
    /// - Throws: the store's refusal (a held meeting, or one cancelled
    ///   already without `notify`), or what `Mailer.deliver` throws.
    static func cancel(_ id: Int64, notify: Bool, session: Session) throws {
        let lv = session.language == .lv
        let meeting = try session.guarded { try session.meeting(id) }
        let plan = try session.guarded { try session.store.plan() }
        if !(notify && meeting.state == .cancelled) {
            _ = try session.guarded { try session.apply(.cancelMeeting(MeetingID(id))) }
            session.say(SavedChange.cancelled(meeting: id).notice)
        }
        let informed = try agendaRecipients(id, plan: plan, session: session)
        let n = informed.count
        let codes = informed.map(\.code).joined(separator: ", ")
        guard notify else {
            if n > 0 {
                session.say(Phrase(
                    lv: "Darba kārtība bija nodota pasta sistēmai " + Plural.form(n, .lv, one: "\(n) iestādei", other: "\(n) iestādēm")
                        + " (\(codes)); lai " + Plural.form(n, .lv, one: "tai", other: "tām") + " paziņotu, ka sēde atcelta: sargs meeting cancel \(id) --notify",
                    en: "The agenda was handed to the mail system for " + Plural.form(n, .en, one: "\(n) institution", other: "\(n) institutions")
                        + " (\(codes)); to tell " + Plural.form(n, .en, one: "it", other: "them") + " the meeting is cancelled: sargs meeting cancel \(id) --notify"))
            }
            return
        }
        guard n > 0 else {
            session.say(Phrase(lv: "Sēdes Nr. \(id) darba kārtība netika nosūtīta nevienai iestādei; nav, kam paziņot.",
                               en: "Meeting \(id)'s agenda was mailed to no institution; there is no one to tell."))
            return
        }
        let kind = meeting.kind == .regular ? (lv ? "Kārtējā sēde" : "The regular meeting") : (lv ? "Ārkārtas sēde" : "The emergency meeting")
        func topic(_ escape: (String) -> String) -> String {
            meeting.topic.map { lv ? " (tēma: \(escape($0)))" : " (topic: \(escape($0)))" } ?? ""
        }
        let subject = lv ? "sargs: sēde Nr. \(meeting.id) (\(meeting.date)) atcelta" : "sargs: meeting \(meeting.id) (\(meeting.date)) cancelled"
        // When and where, as the agenda said it ("2025-10-15 plkst. 10:00, Domes zāle").
        func when(_ escape: (String) -> String) -> String { MeetingText.when(meeting, session.language, escape: escape) }
        func body(_ escape: (String) -> String) -> String {
            lv ? "\(kind) Nr. \(meeting.id)\(topic(escape)), kas bija plānota \(when(escape)), ir atcelta.\nTās darba kārtība, kas jums tika nosūtīta, vairs nav spēkā.\n"
               : "\(kind) no. \(meeting.id)\(topic(escape)), planned for \(when(escape)), is cancelled.\nThe agenda you were sent for it no longer stands.\n"
        }
        let text = body(SafeText.line), markdown = body(SafeText.markdown)
        var letters: [Letter] = []
        for (code, address) in informed {
            let current = plan.institution(code)?.email ?? address
            guard let message = MailMessage(to: current, from: try Mailer.sender(), subject: subject, text: text, markdown: markdown,
                                            date: session.now, domain: Mailer.domain) else { continue }
            letters.append(Letter(code: code, kind: "cancel \(meeting.id)", items: [], message: message, once: cancelKey(meeting)))
        }
        try Mailer.deliver(letters, session: session, dryRun: false, withoutAddress: [], perLetter: true)
    }
}
