import Foundation
import Testing
import SargsCore

/// Issue 25: what becomes of each letter of a mail run (the journal,
/// `Resend`, the personal-code rule, a dry run, a stalled sendmail) and
/// the sentence and errors the run ends with, in both languages, without
/// a store or sendmail (`MailDelivery`, `Letter`).
@Suite("Mail delivery policy")
struct MailDeliveryTests {
    static let today = day("2025-06-20")
    static let yesterday = day("2025-06-19")

    /// A mail journal held in memory: what the store's `reminderSent` answers.
    struct Journal {
        struct Entry: Hashable { var code: String; var fingerprint: String; var day: Day }
        var entries: [Entry] = []
        var questions = 0

        mutating func handOver(_ letter: Letter, on day: Day) {
            entries.append(Entry(code: letter.code, fingerprint: letter.fingerprint, day: day))
        }

        mutating func sent(_ code: String, _ fingerprint: String, _ day: Day?) -> Bool {
            questions += 1
            return entries.contains { $0.code == code && $0.fingerprint == fingerprint && (day == nil || $0.day == day) }
        }
    }

    static func letter(_ code: String, once: String? = nil, subject: String = "sargs: 1 nokavēta aktivitāte",
                       text: String = "Sociālais dienests: 2.3 nokavēta.\n", markdown: String? = nil, from: String? = nil) -> Letter {
        let message = MailMessage(to: "\(code.lowercased())@example.lv", from: from, subject: subject, text: text,
                                  markdown: markdown ?? text, date: Date(timeIntervalSince1970: 1_750_000_000))!
        return Letter(code: code, kind: once == nil ? "digest" : "agenda 3", items: ["2.3"], message: message, once: once)
    }

    static func verdict(_ letter: Letter, _ journal: inout Journal, resend: Resend = .never) -> MailDelivery.Verdict {
        MailDelivery.verdict(for: letter, today: today, resend: resend, handedOver: { journal.sent($0, $1, $2) })
    }

    // MARK: Classification

    @Test("a digest not in the journal goes; one handed over today is already; one handed over yesterday goes again (once a day)")
    func dailyLetters() {
        let digest = Self.letter("SD")
        var journal = Journal()
        #expect(Self.verdict(digest, &journal) == .send)
        journal.handOver(digest, on: Self.yesterday)
        #expect(Self.verdict(digest, &journal) == .send, "yesterday's digest does not keep today's back")
        journal.handOver(digest, on: Self.today)
        #expect(Self.verdict(digest, &journal) == .alreadyToday)
        // The same institution with other content is another letter.
        #expect(Self.verdict(Self.letter("SD", text: "Sociālais dienests: 3.1 nokavēta.\n"), &journal) == .send)
        // Another institution with the same content is another letter.
        #expect(Self.verdict(Self.letter("BT"), &journal) == .send)
    }

    @Test("a once letter handed over on an earlier day is already before; today, already today; its text does not matter")
    func onceLetters() {
        let agenda = Self.letter("SD", once: "agenda-meeting-3-2025-06-30-ab")
        var journal = Journal()
        #expect(Self.verdict(agenda, &journal) == .send)
        journal.handOver(agenda, on: Self.yesterday)
        #expect(Self.verdict(agenda, &journal) == .alreadyBefore)
        #expect(Self.verdict(Self.letter("SD", once: agenda.once, text: "Cits teksts.\n"), &journal) == .alreadyBefore,
                "a once letter is known by its key, not its text")
        journal.handOver(agenda, on: Self.today)
        #expect(Self.verdict(agenda, &journal) == .alreadyToday)
    }

    @Test("Resend: never sends nothing again; today sends again only today's; always sends again any day's",
          arguments: [
            (Resend.never, MailDelivery.Verdict.alreadyToday, MailDelivery.Verdict.alreadyBefore),
            (Resend.today, MailDelivery.Verdict.send, MailDelivery.Verdict.alreadyBefore),
            (Resend.always, MailDelivery.Verdict.send, MailDelivery.Verdict.send),
          ])
    func resendModes(resend: Resend, handedToday: MailDelivery.Verdict, handedBefore: MailDelivery.Verdict) {
        let once = Self.letter("SD", once: "minutes-meeting-2-2025-06-10")
        var today = Journal(), before = Journal(), never = Journal()
        today.handOver(once, on: Self.today)
        before.handOver(once, on: Self.yesterday)
        #expect(Self.verdict(once, &today, resend: resend) == handedToday)
        #expect(Self.verdict(once, &before, resend: resend) == handedBefore)
        #expect(Self.verdict(once, &never, resend: resend) == .send)
        // A digest handed over today follows the same rule as a once letter handed over today.
        let digest = Self.letter("BT")
        var digestToday = Journal()
        digestToday.handOver(digest, on: Self.today)
        #expect(Self.verdict(digest, &digestToday, resend: resend) == handedToday)
    }

    @Test("the journal is asked once for a letter not handed over, and for a digest; twice for a once letter handed over")
    func journalQuestions() {
        var journal = Journal()
        _ = Self.verdict(Self.letter("SD"), &journal)
        #expect(journal.questions == 1)
        let digest = Self.letter("SD")
        journal.handOver(digest, on: Self.today)
        journal.questions = 0
        _ = Self.verdict(digest, &journal, resend: .today)
        #expect(journal.questions == 1, "a digest's day is today: asking again would ask the same")
        let once = Self.letter("SD", once: "cancel-meeting-4-2025-07-01")
        journal.handOver(once, on: Self.yesterday)
        journal.questions = 0
        _ = Self.verdict(once, &journal, resend: .today)
        #expect(journal.questions == 2, "ever, then today")
    }

    @Test("a personal code in the text, the Markdown or the subject keeps the letter on the server; other digits do not")
    func personalCodeGuard() {
        var journal = Journal()
        #expect(Self.verdict(Self.letter("SD", text: "Piezīme: 010203-12345\n"), &journal) == .guarded)
        #expect(Self.verdict(Self.letter("SD", text: "Tīrs teksts.\n", markdown: "Piezīme: 010203 12345\n"), &journal) == .guarded)
        #expect(Self.verdict(Self.letter("SD", subject: "sargs: 01020312345"), &journal) == .guarded)
        #expect(Self.verdict(Self.letter("SD", text: "rēķins 12345678901\n"), &journal) == .send, "not a date: not a personal code")
        // What was handed over is said to be so, whatever its text now.
        let held = Self.letter("SD", once: "agenda-meeting-5-2025-06-30-cd", text: "Piezīme: 010203-12345\n")
        journal.handOver(held, on: Self.yesterday)
        #expect(Self.verdict(held, &journal) == .alreadyBefore)
        #expect(Self.verdict(held, &journal, resend: .always) == .guarded, "sent again, it is checked again")
    }

    // MARK: A run

    @Test("a run counts each letter where it belongs and says per letter what became of the ones handed over")
    func runTallies() {
        var journal = Journal()
        let sd = Self.letter("SD"), bt = Self.letter("BT"), vp = Self.letter("VP", once: "meeting-3-2025-06-30")
        let pp = Self.letter("PP", text: "010203-12345\n")
        journal.handOver(bt, on: Self.today)
        journal.handOver(vp, on: Self.yesterday)
        var delivery = MailDelivery(today: Self.today, withoutAddress: ["JC"], againHint: "sargs remind --again")
        var steps: [MailDelivery.Step] = []
        for letter in [sd, bt, vp, pp] {
            let step = delivery.next(letter, handedOver: { journal.sent($0, $1, $2) })
            steps.append(step)
            if step == .send {
                journal.handOver(letter, on: Self.today)
                let line = delivery.handedOver(letter)
                #expect(line == Phrase(lv: "SD (sd@example.lv): nodota pasta sistēmai", en: "SD (sd@example.lv): handed to the mail system"))
            }
        }
        #expect(steps == [
            .send,
            .skip(line: Phrase(lv: "BT (bt@example.lv): šodien jau nodota pasta sistēmai", en: "BT (bt@example.lv): already handed to the mail system today")),
            .skip(line: Phrase(lv: "VP (vp@example.lv): jau agrāk nodota pasta sistēmai", en: "VP (vp@example.lv): handed to the mail system before")),
            .skip(line: nil),
        ])
        #expect(delivery.sent == ["SD"])
        #expect(delivery.already == ["BT"])
        #expect(delivery.alreadyBefore == ["VP"])
        #expect(delivery.guarded == ["PP"])
        #expect(delivery.failures.isEmpty)
        #expect(delivery.withoutAddress == ["JC"])
        // The journal now has SD's: the same letter again is already.
        let again = delivery.next(sd, handedOver: { journal.sent($0, $1, $2) })
        #expect(again == .skip(line: Phrase(
            lv: "SD (sd@example.lv): šodien jau nodota pasta sistēmai", en: "SD (sd@example.lv): already handed to the mail system today")))
    }

    @Test("a dry run previews what would go and counts it as prepared; what was handed over stays skipped")
    func dryRun() {
        var journal = Journal()
        let bt = Self.letter("BT")
        journal.handOver(bt, on: Self.today)
        var delivery = MailDelivery(today: Self.today, dryRun: true)
        let sd = delivery.next(Self.letter("SD"), handedOver: { journal.sent($0, $1, $2) })
        let handed = delivery.next(bt, handedOver: { journal.sent($0, $1, $2) })
        #expect(sd == .preview)
        #expect(handed != .preview)
        #expect(delivery.sent == ["SD"])
        #expect(delivery.summary == Phrase(lv: "1 vēstule sagatavota (nav nosūtīta): SD; šodien jau nodots pasta sistēmai: BT",
                                           en: "1 message prepared (not sent): SD; already handed to the mail system today: BT"))
    }

    @Test("after sendmail stalls the rest are not tried but named; a failure that is not a stall lets the next one be tried")
    func stalledSendmail() {
        var journal = Journal()
        let letters = ["SD", "BT", "VP", "PP"].map { Self.letter($0) }
        var delivery = MailDelivery(today: Self.today)
        var step = delivery.next(letters[0], handedOver: { journal.sent($0, $1, $2) })
        #expect(step == .send)
        delivery.failed(letters[0], reason: Phrase(lv: "beidzās ar kodu 75", en: "exit 75"), stalls: false)
        #expect(!delivery.stalled)
        step = delivery.next(letters[1], handedOver: { journal.sent($0, $1, $2) })
        #expect(step == .send)
        delivery.failed(letters[1], reason: Phrase(lv: "nav atbildes 5 s laikā", en: "no answer in 5 s"), stalls: true)
        #expect(delivery.stalled)
        step = delivery.next(letters[2], handedOver: { journal.sent($0, $1, $2) })
        #expect(step == .skip(line: nil))
        step = delivery.next(letters[3], handedOver: { journal.sent($0, $1, $2) })
        #expect(step == .skip(line: nil))
        #expect(delivery.sent.isEmpty)
        #expect(delivery.failures.map(\.code) == ["SD", "BT", "VP", "PP"])
        #expect(delivery.failures[2].phrase == Phrase(lv: "VP (vp@example.lv): nemēģināts, jo sendmail neatbildēja",
                                                      en: "VP (vp@example.lv): not tried, sendmail did not answer"))
        #expect(delivery.summary == Phrase(lv: "Nekas netika nosūtīts", en: "Nothing was sent"))
        #expect(delivery.sendmailFailure(command: "/usr/sbin/sendmail -t -oi") == Phrase(
            lv: "sendmail (/usr/sbin/sendmail -t -oi) neizdevās: SD (sd@example.lv): beidzās ar kodu 75; BT (bt@example.lv): nav atbildes 5 s laikā; "
                + "VP (vp@example.lv): nemēģināts, jo sendmail neatbildēja; PP (pp@example.lv): nemēģināts, jo sendmail neatbildēja; "
                + "par neizdevušos nekas netika ierakstīts žurnālā",
            en: "sendmail (/usr/sbin/sendmail -t -oi) failed: SD (sd@example.lv): exit 75; BT (bt@example.lv): no answer in 5 s; "
                + "VP (vp@example.lv): not tried, sendmail did not answer; PP (pp@example.lv): not tried, sendmail did not answer; "
                + "nothing was journaled for what failed"))
    }

    @Test("a letter with a sender gets the municipality's name beside it; one without a sender, or with a name, does not")
    func senderName() {
        var plain = Self.letter("SD")
        plain.nameSender("Madonas novads")
        #expect(plain.message.fromName == nil, "sendmail fills in From: itself")
        var sent = Self.letter("SD", from: "sargs@madona.lv")
        sent.nameSender("Madonas novads")
        #expect(sent.message.fromName == "Madonas novads")
        sent.nameSender("Cits novads")
        #expect(sent.message.fromName == "Madonas novads")
    }

    // MARK: The words

    /// A run that handed over `n` letters to institutions `I1` … `In`.
    static func handedOver(_ n: Int, dryRun: Bool = false) -> MailDelivery {
        var delivery = MailDelivery(today: today, dryRun: dryRun)
        for i in 0..<n { delivery.handedOver(letter("I\(i + 1)")) }
        return delivery
    }

    @Test("the summary agrees with the number of letters by CLDR's forms: 1 and 21 singular in Latvian, 11 plural",
          arguments: [
            (1, "Pasta sistēmai nodota 1 vēstule", "1 message handed to the mail system"),
            (2, "Pasta sistēmai nodotas 2 vēstules", "2 messages handed to the mail system"),
            (11, "Pasta sistēmai nodotas 11 vēstules", "11 messages handed to the mail system"),
            (21, "Pasta sistēmai nodota 21 vēstule", "21 messages handed to the mail system"),
          ])
    func summaryPlural(n: Int, lv: String, en: String) {
        let codes = (1...n).map { "I\($0)" }.joined(separator: ", ")
        #expect(Self.handedOver(n).summary == Phrase(lv: "\(lv): \(codes)", en: "\(en): \(codes)"))
    }

    @Test("a dry run's summary says prepared, not sent, in the same forms",
          arguments: [
            (1, "1 vēstule sagatavota (nav nosūtīta)", "1 message prepared (not sent)"),
            (2, "2 vēstules sagatavotas (nav nosūtītas)", "2 messages prepared (not sent)"),
            (11, "11 vēstules sagatavotas (nav nosūtītas)", "11 messages prepared (not sent)"),
            (21, "21 vēstule sagatavota (nav nosūtīta)", "21 messages prepared (not sent)"),
          ])
    func dryRunPlural(n: Int, lv: String, en: String) {
        let codes = (1...n).map { "I\($0)" }.joined(separator: ", ")
        #expect(Self.handedOver(n, dryRun: true).summary == Phrase(lv: "\(lv): \(codes)", en: "\(en): \(codes)"))
    }

    @Test("nothing sent is said in words (Latvian's zero form is avoided), a dry run alike")
    func nothingSent() {
        #expect(MailDelivery(today: Self.today).summary == Phrase(lv: "Nekas netika nosūtīts", en: "Nothing was sent"))
        #expect(MailDelivery(today: Self.today, dryRun: true).summary == Phrase(lv: "Nekas netika nosūtīts", en: "Nothing was sent"))
    }

    @Test("the summary names, in order, what was sent, already today, before (with the hint), without a mailbox and held back")
    func summaryParts() {
        var delivery = Self.handedOver(2)
        delivery.already = ["BT"]
        delivery.alreadyBefore = ["VP", "PP"]
        delivery.withoutAddress = ["JC"]
        delivery.guarded = ["AN"]
        delivery.againHint = "sargs meeting send 3 --again"
        #expect(delivery.summary == Phrase(
            lv: "Pasta sistēmai nodotas 2 vēstules: I1, I2; šodien jau nodots pasta sistēmai: BT; jau agrāk nodots pasta sistēmai: VP, PP (vēlreiz: sargs meeting send 3 --again); "
                + "bez e-pasta: JC (sargs institution set KODS --email ADRESE); nenosūtīts (tekstā ir kaut kas līdzīgs personas kodam): AN",
            en: "2 messages handed to the mail system: I1, I2; already handed to the mail system today: BT; handed to the mail system before: VP, PP (to hand it over again: sargs meeting send 3 --again); "
                + "without an e-mail address: JC (sargs institution set CODE --email ADDRESS); not sent (the text holds something shaped like a personal code): AN"))
        // The hint goes beside the last of "already" when nothing was handed over before.
        delivery.alreadyBefore = []
        #expect(delivery.summary.en.contains("already handed to the mail system today: BT (to hand it over again: sargs meeting send 3 --again); without"))
        // No hint when nothing was skipped as handed over.
        delivery.already = []
        #expect(!delivery.summary.lv.contains("vēlreiz"))
        #expect(!delivery.summary.en.contains("again"))
    }

    @Test("what is not sent alone begins the sentence with a capital")
    func capitalised() {
        var delivery = MailDelivery(today: Self.today, withoutAddress: ["SD", "BT"])
        #expect(delivery.summary == Phrase(lv: "Nekas netika nosūtīts; bez e-pasta: SD, BT (sargs institution set KODS --email ADRESE)",
                                           en: "Nothing was sent; without an e-mail address: SD, BT (sargs institution set CODE --email ADDRESS)"))
        delivery.withoutAddress = []
        delivery.already = ["SD"]
        #expect(delivery.summary == Phrase(lv: "Nekas netika nosūtīts; šodien jau nodots pasta sistēmai: SD",
                                           en: "Nothing was sent; already handed to the mail system today: SD"))
    }

    @Test("the errors a run ends with: none without failures or held-back letters; the command shown without control characters")
    func errors() {
        var delivery = Self.handedOver(1)
        #expect(delivery.sendmailFailure(command: "sendmail") == nil)
        #expect(delivery.guardRefusal == nil)
        delivery.failed(Self.letter("SD"), reason: Phrase(lv: "beidzās ar kodu 1", en: "exit 1"), stalls: false)
        let failure = delivery.sendmailFailure(command: "msmtp\u{1B}[2J -t")
        #expect(failure?.en == "sendmail (msmtp\u{FFFD}[2J -t) failed: SD (sd@example.lv): exit 1; nothing was journaled for what failed")
        #expect(failure?.lv == "sendmail (msmtp\u{FFFD}[2J -t) neizdevās: SD (sd@example.lv): beidzās ar kodu 1; par neizdevušos nekas netika ierakstīts žurnālā")
        delivery.guarded = ["SD", "BT"]
        #expect(delivery.guardRefusal == Phrase(
            lv: "vēstule iestādei SD, BT netika nosūtīta: tekstā ir kaut kas līdzīgs personas kodam (piezīme vai lēmums, kas mainīts ārpus sargs?)",
            en: "no message went to SD, BT: its text holds something shaped like a personal code (a note or decision changed outside sargs?)"))
    }
}
