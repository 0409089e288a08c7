import Foundation

/// One message for one institution, with what the mail journal keeps of it
/// (issues 15 and 26): `remind`'s digests and meeting reminders, `agenda
/// --mail`, `meeting send`, `meeting cancel --notify`.
public struct Letter: Hashable, Sendable {
    /// The institution's code (`SD`): the journal entry's subject.
    public var code: String
    /// What the journal calls it: `digest`, `meeting N`, `agenda N`, `minutes N`, `cancel N`.
    public var kind: String
    /// The activities (and decisions) it names, as the journal keeps them.
    public var items: [String]
    public var message: MailMessage
    /// Sent at most once ever under this key (an agenda, a meeting's
    /// reminder, its minutes); nil: at most once a day with the same content.
    public var once: String?

    public init(code: String, kind: String, items: [String], message: MailMessage, once: String? = nil) {
        self.code = code
        self.kind = kind
        self.items = items
        self.message = message
        self.once = once
    }

    /// What the journal knows this letter by: its once key, else the
    /// fingerprint of its subject and text (`MailMessage.fingerprint`).
    public var fingerprint: String { once ?? message.fingerprint }

    /// A letter with a sender gets the municipality's name beside it
    /// (`From: Madonas novads <sargs@madona.lv>`, the plan's `municipality`);
    /// one without a sender (the mail system fills it in) or with a name
    /// already is left as it is.
    public mutating func nameSender(_ municipality: String) {
        if message.from != nil, message.fromName == nil { message.fromName = municipality }
    }
}

/// What is handed over again of what the journal says was handed over.
public enum Resend: Hashable, Sendable {
    /// Nothing: each letter at most once (a day, or ever for a `once` letter).
    case never
    /// What was handed over today (`remind --again`: a message that bounced);
    /// an earlier day's stays done.
    case today
    /// Whatever was handed over, on any day (`agenda --mail --again`, `meeting send --again`).
    case always
}

/// What becomes of each letter of one run of the mail commands, and what
/// the run says afterwards (issues 15 and 26; SPEC §6 "No personal data",
/// §7 `remind`, `agenda --mail`, `meeting send`, `meeting cancel --notify`).
///
/// The policy only: it knows neither the journal nor sendmail. The caller
/// asks `next` for each letter in turn, passing what the journal says was
/// handed over; does what the returned `Step` says (prints a preview, runs
/// sendmail and journals the letter); and reports back with `handedOver`
/// or `failed`. Then `summary` is the sentence the run prints, and
/// `sendmailFailure(command:)` and `guardRefusal` the errors it ends with.
public struct MailDelivery: Hashable, Sendable {
    /// What the journal and the personal-code rule make of one letter.
    public enum Verdict: Hashable, Sendable {
        /// Not handed over yet (or to be handed over again): it goes.
        case send
        /// Handed over today already; `Resend` does not ask for it again.
        case alreadyToday
        /// A `once` letter handed over on an earlier day; only `.always` sends it again.
        case alreadyBefore
        /// Its subject, text or Markdown holds something shaped like a
        /// personal code (`PersonalCode.contains`): it never leaves the server.
        case guarded
    }

    /// What the caller does with a letter after `next`.
    public enum Step: Hashable, Sendable {
        /// Nothing more. `line` is what a run that speaks per letter prints
        /// for it (a letter handed over before); nil: nothing.
        case skip(line: Phrase?)
        /// A dry run: print the message (`MailMessage.preview`); it counts as sent, nothing is journaled.
        case preview
        /// Hand it to sendmail, then journal it and call `handedOver`, or call `failed`.
        case send
    }

    /// A letter sendmail did not take: its institution, its address and why.
    public struct Failure: Hashable, Sendable {
        public var code: String
        public var address: String
        public var reason: Phrase

        public init(code: String, address: String, reason: Phrase) {
            self.code = code
            self.address = address
            self.reason = reason
        }

        /// `SD (sd@example.lv): exit 75: …`.
        public var phrase: Phrase {
            Phrase(lv: "\(code) (\(address)): \(reason.lv)", en: "\(code) (\(address)): \(reason.en)")
        }
    }

    /// The run's day: what "today" means in the journal.
    public var today: Day
    public var resend: Resend
    /// Print the messages instead of sending them; nothing is journaled.
    public var dryRun: Bool
    /// The command that hands over again what was handed over before
    /// (`sargs meeting send 3 --again`), said beside what was not sent again.
    public var againHint: String?

    /// The institutions whose letter went (or, in a dry run, was printed), in order.
    public var sent: [String] = []
    /// The institutions whose letter was handed over today already.
    public var already: [String] = []
    /// The institutions whose `once` letter was handed over on an earlier day.
    public var alreadyBefore: [String] = []
    /// The letters sendmail did not take, and those not tried after it stalled.
    public var failures: [Failure] = []
    /// The institutions that have no mailbox, named once by the caller.
    public var withoutAddress: [String]
    /// The institutions whose letter held something shaped like a personal code.
    public var guarded: [String] = []
    /// Sendmail did not answer in time: a relay that does not answer one
    /// message will not answer the next, so the rest are not tried.
    public private(set) var stalled = false

    public init(today: Day, resend: Resend = .never, dryRun: Bool = false, withoutAddress: [String] = [], againHint: String? = nil) {
        self.today = today
        self.resend = resend
        self.dryRun = dryRun
        self.withoutAddress = withoutAddress
        self.againHint = againHint
    }

    /// Classifies `letter`. `handedOver(code, fingerprint, day)` answers
    /// whether the journal holds a mail to institution `code` under
    /// `fingerprint` on `day`, or on any day when `day` is nil (the store's
    /// `reminderSent(to:fingerprint:on:)`).
    ///
    /// A letter without a once key counts as handed over only on `today`
    /// (the same digest goes again tomorrow); one with a once key, on any
    /// day. A letter handed over goes again only when `resend` is `.always`,
    /// or `.today` and it was handed over today. What was handed over is
    /// said to be so whatever its text; what is to go is checked for
    /// personal codes (SPEC §6) first.
    /// - Throws: only what `handedOver` throws.
    public static func verdict(for letter: Letter, today: Day, resend: Resend,
                               handedOver: (_ code: String, _ fingerprint: String, _ day: Day?) throws -> Bool) rethrows -> Verdict {
        let day: Day? = letter.once == nil ? today : nil
        if try handedOver(letter.code, letter.fingerprint, day) {
            let handedToday = try day == today || handedOver(letter.code, letter.fingerprint, today)
            let again = resend == .always || (resend == .today && handedToday)
            if !again { return handedToday ? .alreadyToday : .alreadyBefore }
        }
        // Nothing shaped like a personal code leaves the server, whatever the store holds.
        let message = letter.message
        if PersonalCode.contains(message.text) || PersonalCode.contains(message.markdown) || PersonalCode.contains(message.subject) {
            return .guarded
        }
        return .send
    }

    /// The next letter of the run: classified (`verdict`), counted, and
    /// what the caller is to do with it. After sendmail stalled, a letter
    /// that would go is counted as a failure, not tried.
    /// - Throws: only what `handedOver` throws (nothing is counted then).
    public mutating func next(_ letter: Letter, handedOver: (_ code: String, _ fingerprint: String, _ day: Day?) throws -> Bool) rethrows -> Step {
        switch try Self.verdict(for: letter, today: today, resend: resend, handedOver: handedOver) {
        case .alreadyToday:
            already.append(letter.code)
            return .skip(line: Self.line(letter, Phrase(lv: "šodien jau nodota pasta sistēmai", en: "already handed to the mail system today")))
        case .alreadyBefore:
            alreadyBefore.append(letter.code)
            return .skip(line: Self.line(letter, Phrase(lv: "jau agrāk nodota pasta sistēmai", en: "handed to the mail system before")))
        case .guarded:
            guarded.append(letter.code)
            return .skip(line: nil)
        case .send:
            if dryRun {
                sent.append(letter.code)
                return .preview
            }
            if stalled {
                failures.append(Failure(code: letter.code, address: letter.message.to,
                                        reason: Phrase(lv: "nemēģināts, jo sendmail neatbildēja", en: "not tried, sendmail did not answer")))
                return .skip(line: nil)
            }
            return .send
        }
    }

    /// `letter` was handed to sendmail and journaled.
    /// - Returns: the line a run that speaks per letter prints for it.
    @discardableResult
    public mutating func handedOver(_ letter: Letter) -> Phrase {
        sent.append(letter.code)
        return Self.line(letter, Phrase(lv: "nodota pasta sistēmai", en: "handed to the mail system"))
    }

    /// Sendmail did not take `letter`, for `reason`; `stalls`: it did not
    /// answer in time, so no later letter is tried. Nothing is journaled.
    public mutating func failed(_ letter: Letter, reason: Phrase, stalls: Bool) {
        failures.append(Failure(code: letter.code, address: letter.message.to, reason: reason))
        if stalls { stalled = true }
    }

    /// `SD (sd@example.lv): handed to the mail system`.
    static func line(_ letter: Letter, _ what: Phrase) -> Phrase {
        Phrase(lv: "\(letter.code) (\(letter.message.to)): \(what.lv)", en: "\(letter.code) (\(letter.message.to)): \(what.en)")
    }

    /// What the run says at its end, one sentence, first letter upper case:
    /// how many letters went (or, dry, were prepared), CLDR's plural forms
    /// ("pasta sistēmai nodota 1 vēstule", "nodotas 2 vēstules", "21
    /// vēstule"; none: "nekas netika nosūtīts"), with their institutions;
    /// then those handed over today or before (with `againHint`), those
    /// without a mailbox and those held back for a personal code.
    public var summary: Phrase {
        Phrase(lv: sentence(.lv), en: sentence(.en))
    }

    private func sentence(_ language: Language) -> String {
        let lv = language == .lv
        var parts: [String] = []
        let n = sent.count
        if n == 0 {
            // Latvian counts 0 in another form ("0 vēstuļu"): said in words instead.
            parts.append(lv ? "nekas netika nosūtīts" : "nothing was sent")
        } else if dryRun {
            parts.append(lv ? Plural.form(n, .lv, one: "\(n) vēstule sagatavota (nav nosūtīta)", other: "\(n) vēstules sagatavotas (nav nosūtītas)")
                            : Plural.form(n, .en, one: "\(n) message prepared (not sent)", other: "\(n) messages prepared (not sent)"))
        } else {
            // sargs knows only that the mail system took the message, not that it arrived.
            parts.append(lv ? Plural.form(n, .lv, one: "pasta sistēmai nodota \(n) vēstule", other: "pasta sistēmai nodotas \(n) vēstules")
                            : Plural.form(n, .en, one: "\(n) message handed to the mail system", other: "\(n) messages handed to the mail system"))
        }
        if !sent.isEmpty { parts[0] += ": " + sent.joined(separator: ", ") }
        if !already.isEmpty {
            parts.append((lv ? "šodien jau nodots pasta sistēmai: " : "already handed to the mail system today: ") + already.joined(separator: ", "))
        }
        if !alreadyBefore.isEmpty {
            parts.append((lv ? "jau agrāk nodots pasta sistēmai: " : "handed to the mail system before: ") + alreadyBefore.joined(separator: ", "))
        }
        if let againHint, !already.isEmpty || !alreadyBefore.isEmpty {
            parts[parts.count - 1] += lv ? " (vēlreiz: \(againHint))" : " (to hand it over again: \(againHint))"
        }
        if !withoutAddress.isEmpty {
            let codes = withoutAddress.joined(separator: ", ")
            parts.append(lv ? "bez e-pasta: \(codes) (sargs institution set KODS --email ADRESE)"
                            : "without an e-mail address: \(codes) (sargs institution set CODE --email ADDRESS)")
        }
        if !guarded.isEmpty {
            parts.append((lv ? "nenosūtīts (tekstā ir kaut kas līdzīgs personas kodam): " : "not sent (the text holds something shaped like a personal code): ")
                         + guarded.joined(separator: ", "))
        }
        let line = parts.joined(separator: "; ")
        return line.prefix(1).uppercased() + line.dropFirst()
    }

    /// The error a run with failures ends with (exit 69 in `sargs`), each
    /// letter with sendmail's status; nil when every letter tried went.
    /// `command` is the sendmail command, shown as `SafeText.line` shows it.
    public func sendmailFailure(command: String) -> Phrase? {
        guard !failures.isEmpty else { return nil }
        let shown = SafeText.line(command)
        return Phrase(lv: "sendmail (\(shown)) neizdevās: " + failures.map(\.phrase.lv).joined(separator: "; ")
                          + "; par neizdevušos nekas netika ierakstīts žurnālā",
                      en: "sendmail (\(shown)) failed: " + failures.map(\.phrase.en).joined(separator: "; ")
                          + "; nothing was journaled for what failed")
    }

    /// The error a run that held letters back for a personal code ends
    /// with (exit 65 in `sargs`, SPEC §6); nil when none was.
    public var guardRefusal: Phrase? {
        guard !guarded.isEmpty else { return nil }
        let codes = guarded.joined(separator: ", ")
        return Phrase(lv: "vēstule iestādei \(codes) netika nosūtīta: tekstā ir kaut kas līdzīgs personas kodam (piezīme vai lēmums, kas mainīts ārpus sargs?)",
                      en: "no message went to \(codes): its text holds something shaped like a personal code (a note or decision changed outside sargs?)")
    }
}
