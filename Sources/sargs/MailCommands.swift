import ArgumentParser
import Foundation
import SargsCore
import SargsFiles
import SargsStore
#if canImport(Glibc)
import Glibc
#endif

/// `sargs institution set CODE --email ADDR` (SPEC §7, issue 15).
struct InstitutionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "institution", abstract: "Give an institution its mailbox for reminders.",
        subcommands: [Set.self, List.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set", abstract: "Set (or with --email \"\" remove) an institution's e-mail address (journaled).",
            discussion: "An institution's mailbox, e.g. socialais.dienests@example.lv, never a person's.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The institution's code, e.g. SD.") var code: String
        @Option(help: "The address; an empty value removes it.") var email: String

        func run() throws {
            let session = try Session.open(global)
            let address = email.trimmingBlanks
            if !address.isEmpty, !EmailAddress.isValid(address) {
                throw Failure(.data, EmailAddress.refusal(address, field: Phrase(lv: "--email", en: "--email")))
            }
            let saved = try session.guarded { try session.apply(.institutionEmail(code, address.isEmpty ? nil : address)) }
            guard case .institutionEmail(_, _, let changed) = saved else { return }
            let safeCode = SafeText.line(code)
            if !changed {
                session.say("\(safeCode): e-pasts jau ir tāds; nekas netika mainīts", "\(safeCode): the e-mail is already that; nothing changed")
            } else if address.isEmpty {
                session.say("\(safeCode): e-pasts noņemts", "\(safeCode): e-mail removed")
            } else {
                session.say("\(safeCode): e-pasts \(address)", "\(safeCode): e-mail \(address)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the institutions with their e-mail addresses.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let session = try Session.open(global)
            let plan = try session.guarded { try session.store.plan() }
            for institution in plan.allInstitutions {
                let address = institution.email ?? (session.language == .lv ? "(nav e-pasta)" : "(no e-mail)")
                Output.print("\(SafeText.line(institution.code).padded(to: 5)) \(SafeText.line(institution.name(in: session.language))) — \(address)")
            }
        }
    }
}

enum DigestFormat: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

/// Options `digest` and `remind` share: which institution, how far ahead.
struct DigestOptions: ParsableArguments {
    @Option(help: "Only this institution (its code, e.g. SD).") var owner: String?
    @Option(help: "How many days ahead deadlines and due dates count (default 14).") var days: Int = Digest.defaultDays

    func validate() throws {
        guard (0...366).contains(days) else {
            throw Failure(.usage, Phrase(lv: "--days jābūt no 0 līdz 366, nevis \(days)", en: "--days must be from 0 to 366, not \(days)"))
        }
    }

    /// The digests asked for; refuses an owner the plan does not know.
    func digests(_ snapshot: Snapshot, today: Day, meeting: Meeting? = nil, tracker: Tracker? = nil) throws -> [Digest] {
        let all = Digest.all(snapshot: snapshot, date: today, days: days, tracker: tracker, meeting: meeting)
        guard let owner else { return all }
        guard let one = all.first(where: { $0.institution.code == owner }) else {
            let codes = all.map(\.institution.code).joined(separator: ", ")
            throw Failure(.usage, Phrase(lv: "plānā nav iestādes '\(SafeText.line(owner))'; ir: \(codes)",
                                         en: "the plan has no institution '\(SafeText.line(owner))'; it has: \(codes)"))
        }
        return [one]
    }
}

/// `sargs digest`: what each institution owes, as of today (a reader).
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "What each institution owes: overdue, due soon, open decisions, the next meeting.",
        discussion: "An institution with nothing to do is left out (with --owner it is said so).")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: DigestOptions
    @Option(help: "text, markdown or json.") var format: DigestFormat = .text

    func run() throws {
        let session = try Session.open(global)
        let snapshot = try session.guarded { try session.store.snapshot() }
        let digests = try options.digests(snapshot, today: session.today)
        let shown = digests.filter { !$0.isEmpty }
        switch format {
        case .json:
            Output.print(JSONValue.array(shown.map(DigestText.json)).serialized(pretty: true))
        case .text, .markdown:
            if shown.isEmpty {
                session.say(options.owner == nil ? "Nevienai iestādei nekas nav nokavēts un nekas nav drīz jāizdara."
                                                 : "\(SafeText.line(options.owner!)): nekas nav nokavēts un nekas nav drīz jāizdara.",
                            options.owner == nil ? "No institution has anything overdue or due soon."
                                                 : "\(SafeText.line(options.owner!)): nothing is overdue or due soon.")
            }
            let separator = format == .markdown ? "\n---\n\n" : "\n" + String(repeating: "=", count: 60) + "\n\n"
            Output.print(shown.map { DigestText.render($0, plan: snapshot.plan, language: session.language,
                                                       markdown: format == .markdown) }.joined(separator: separator),
                         terminator: "")
        }
    }
}

/// `sargs remind`: each institution with something to say gets its digest
/// by mail, once a day at most (issue 15).
struct RemindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind", abstract: "Mail each institution its digest through sendmail (once a day at most).",
        discussion: """
        The mail goes through /usr/sbin/sendmail -t -oi, or the command in $SARGS_SENDMAIL; \
        $SARGS_MAIL_FROM sets the sender. --dry-run prints the messages instead.
        """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: DigestOptions
    @Flag(help: "Print the messages instead of sending them (nothing is journaled).") var dryRun = false
    @Option(help: "Only when a planned meeting is this many days away or nearer: remind every institution of it, once per meeting.")
    var beforeMeeting: Int?
    @Flag(help: "Hand over again what was already handed to the mail system today (a message that bounced).") var again = false
    @Option(name: .customLong("test"), help: "Send one short message to this address to check the mail path; nothing else is sent or journaled.")
    var testAddress: String?
    @Flag(help: "Attach the page for everyone (as export --format html writes it) to each digest.") var attachPage = false

    /// The largest page `--attach-page` attaches, in bytes: base64 makes 5 MB about 6.8 MB, under postfix's 10 MB.
    static let pageLimit = 5 << 20

    func validate() throws {
        if attachPage, testAddress != nil {
            throw Failure(.usage, Phrase(lv: "--attach-page nav kopā ar --test: pārbaudes vēstulei pielikuma nav",
                                         en: "--attach-page does not go with --test: the test message has no attachment"))
        }
        if let beforeMeeting, !(0...366).contains(beforeMeeting) {
            throw Failure(.usage, Phrase(lv: "--before-meeting jābūt no 0 līdz 366, nevis \(beforeMeeting)",
                                         en: "--before-meeting must be from 0 to 366, not \(beforeMeeting)"))
        }
    }

    func run() throws {
        let session = try Session.open(global)
        if let testAddress { return try Mailer.test(testAddress, session: session) }
        let snapshot = try session.guarded { try session.store.snapshot() }
        var meetings: [Meeting?] = [nil]
        if let beforeMeeting {
            meetings = Reminders.meetings(snapshot.meetings, today: session.today, within: beforeMeeting)
            if meetings.isEmpty {
                session.say(Reminders.noMeeting(within: beforeMeeting))
                return
            }
        }
        // One tracker for every meeting's digests (building it reads every record's digest).
        let tracker = Tracker(snapshot)
        let rounds = try meetings.map { meeting in
            Reminders.Round(meeting: meeting, digests: try options.digests(snapshot, today: session.today, meeting: meeting, tracker: tracker))
        }
        let choice = Reminders.choose(rounds)
        // SARGS_MAIL_FROM is read (and refused) only when a letter is to be made.
        let from = choice.due.isEmpty ? nil : try Mailer.sender()
        var letters = choice.due.compactMap {
            Reminders.letter($0, plan: snapshot.plan, language: session.language, from: from, date: session.now, domain: Mailer.domain)
        }
        if attachPage, !letters.isEmpty {
            // The same page for every institution (issue 30); the letter's fingerprint is its text, so
            // attaching it does not make a letter already sent today new again.
            let page = Array(PublicPage(snapshot: snapshot, today: session.today, language: session.language, made: session.now).html().utf8)
            if page.count > Self.pageLimit {
                // Mail systems refuse large letters (postfix: 10 MB, base64 adds a third): the digests go without it.
                let size = (page.count + (1 << 20) - 1) >> 20
                session.tell(Phrase(lv: "Lapa (\(size) MB) ir par lielu pielikumam (līdz \(Self.pageLimit >> 20) MB); vēstules sūta bez tās: sargs export --format html -o FAILS",
                                   en: "The page (\(size) MB) is too large to attach (up to \(Self.pageLimit >> 20) MB); the letters go without it: sargs export --format html -o FILE"))
            } else {
                let attachment = MailMessage.Attachment(name: "sargs-\(session.today).html", mimeType: "text/html", bytes: page, utf8Text: true)
                for i in letters.indices { letters[i].message.attachments.append(attachment) }
            }
        }
        try Mailer.deliver(letters, session: session, dryRun: dryRun, withoutAddress: choice.withoutAddress, again: again ? .today : .never)
    }
}

/// The system's sendmail interface (`/usr/sbin/sendmail -t -oi`, or the
/// command in `SARGS_SENDMAIL`, run by `/bin/sh -c`): the municipality's own
/// mail system, relay and signatures apply.
enum Mailer {
    static let defaultCommand = "/usr/sbin/sendmail -t -oi"

    static var command: String {
        let configured = Environment.variables["SARGS_SENDMAIL"]?.trimmingBlanks ?? ""
        return configured.isEmpty ? defaultCommand : configured
    }

    /// `SARGS_MAIL_FROM`: a plain address, or none.
    /// - Throws: a `Failure` (64) when it is set to anything else, rather than mail going out from an unknown sender.
    static func sender() throws -> String? {
        guard let value = Environment.variables["SARGS_MAIL_FROM"]?.trimmingBlanks, !value.isEmpty else { return nil }
        guard EmailAddress.isValid(value) else {
            throw Failure(.usage, Phrase(lv: "SARGS_MAIL_FROM jābūt tikai adresei, piem. sargs@madona.lv, nevis '\(SafeText.line(value))'",
                                         en: "SARGS_MAIL_FROM must be a plain address such as sargs@madona.lv, not '\(SafeText.line(value))'"))
        }
        return value
    }

    /// How long sendmail may take for one message, in seconds (`SARGS_SENDMAIL_TIMEOUT`, default 120).
    static var timeout: TimeInterval {
        // From 1 s to a day: an infinite or enormous value would not fit the child's clock.
        Environment.variables["SARGS_SENDMAIL_TIMEOUT"].flatMap(Double.init).flatMap { $0.isNaN ? nil : min(86_400, max(1, $0)) } ?? 120
    }

    /// `remind --test ADDRESS`: one short message to `address` through the
    /// same sendmail, to see that mail leaves the server; nothing is journaled.
    static func test(_ address: String, session: Session) throws {
        let lv = session.language == .lv
        guard EmailAddress.isValid(address), !PersonalCode.contains(address) else {
            throw Failure(.usage, Phrase(lv: "'\(SafeText.line(address))' nav e-pasta adrese", en: "'\(SafeText.line(address))' is not an e-mail address"))
        }
        let subject = lv ? "sargs: pārbaudes vēstule" : "sargs: test message"
        let text = lv ? "Šī ir sargs pārbaudes vēstule no \(domain). Ja tā ir atnākusi, pasts no servera iziet.\n"
                      : "This is a test message from sargs on \(domain). If it arrived, mail leaves the server.\n"
        let municipality = try session.guarded { try session.store.plan() }.municipality
        guard let message = MailMessage(to: address, from: try sender(), fromName: municipality, subject: subject, text: text,
                                        markdown: text, date: session.now, domain: domain) else {
            throw Failure(.usage, Phrase(lv: "'\(SafeText.line(address))' nav e-pasta adrese", en: "'\(SafeText.line(address))' is not an e-mail address"))
        }
        if let problem = send(message) {
            throw Failure(.unavailable, Phrase(lv: "sendmail (\(SafeText.line(command))) neizdevās: \(problem.text.lv)",
                                               en: "sendmail (\(SafeText.line(command))) failed: \(problem.text.en)"))
        }
        session.say(Phrase(lv: "Pārbaudes vēstule nodota pasta sistēmai: \(address); vai tā atnāk, rāda adresāta pastkaste",
                           en: "Test message handed to the mail system: \(address); whether it arrives, the recipient's mailbox shows"))
    }

    /// The host's name for Message-IDs.
    static var domain: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sends each letter not yet sent (journaling each one sent), or with
    /// `dryRun` prints them; then says what happened. Which letters go and
    /// the words are `MailDelivery`'s (the journal, `again`, the
    /// personal-code rule); here: the lock, sendmail, the journal, printing.
    /// A failed delivery is not journaled; after trying every letter, any
    /// failure is an error (exit 69) naming each with sendmail's status and
    /// message, and a letter held back for a personal code one of exit 65.
    ///
    /// A letter with a sender gets the municipality's name beside it
    /// (`Letter.nameSender`). `perLetter` prints a line for each
    /// institution, its address and what happened; `againHint` is the
    /// command that hands over again what was handed over before, said beside it.
    static func deliver(_ letters: [Letter], session: Session, dryRun: Bool, withoutAddress: [String], again: Resend = .never,
                        perLetter: Bool = false, againHint: String? = nil) throws {
        // A mail sent must be journaled, or the next run sends it again: a
        // store this account may only read sends nothing.
        if !dryRun, !session.store.mayChange { throw Failure(.unavailable, StoreError.readOnly(path: session.store.path).phrase) }
        let lock = dryRun ? nil : try RemindLock(store: session.store.path)
        defer { lock?.release() }
        let municipality = try session.guarded { try session.store.plan() }.municipality
        let store = session.store
        var delivery = MailDelivery(today: session.today, resend: again, dryRun: dryRun, withoutAddress: withoutAddress, againHint: againHint)
        for var letter in letters {
            letter.nameSender(municipality)
            let step = try session.guarded { try delivery.next(letter, handedOver: { try store.reminderSent(to: $0, fingerprint: $1, on: $2) }) }
            switch step {
            case .skip(let line):
                if perLetter, let line { Output.print(line.text(session.language)) }
            case .preview:
                Output.print(letter.message.preview)
            case .send:
                if let problem = send(letter.message) {
                    delivery.failed(letter, reason: problem.text, stalls: problem.timedOut)
                    continue
                }
                try session.guarded {
                    try store.recordReminder(to: letter.code, address: letter.message.to, kind: letter.kind,
                                             items: letter.items, fingerprint: letter.fingerprint, day: session.today,
                                             author: session.author, now: session.now)
                }
                let line = delivery.handedOver(letter)
                if perLetter { Output.print(line.text(session.language)) }
            }
        }
        let sentence = delivery.summary.text(session.language)
        if dryRun {
            FileHandle.standardError.write(Data((sentence + "\n").utf8))
        } else {
            Output.print(sentence)
        }
        if let failure = delivery.sendmailFailure(command: command) { throw Failure(.unavailable, failure) }
        if let refusal = delivery.guardRefusal { throw Failure(.data, refusal) }
    }

    /// Runs the sendmail command with the message on its standard input, as
    /// a bounded child (`ChildProcess`): `timeout` seconds, then its process
    /// group is stopped; Ctrl-C or SIGTERM to sargs stop it too. A process
    /// the command leaves in the background after it exits (some mail
    /// systems deliver that way) is left to finish.
    /// - Returns: nil when it exited 0, else its status and standard error in one line.
    static func send(_ message: MailMessage) -> (text: Phrase, timedOut: Bool)? {
        var child = ChildProcess("/bin/sh", ["-c", command],
                                 limits: .init(seconds: Int(timeout.rounded(.up)), memory: nil, output: 1 << 20))
        child.endsGroupOnExit = false
        let result: ChildProcess.Result
        do {
            result = try child.run(input: Array(message.rendered().utf8))
        } catch {
            return (Phrase(lv: "nevar palaist /bin/sh: \(error)", en: "cannot start /bin/sh: \(error)"), false)
        }
        let status: Phrase
        switch result.ending {
        case .exited(0): return nil
        case .timedOut:
            return (Phrase(lv: "nav atbildes \(Int(timeout)) s laikā (SARGS_SENDMAIL_TIMEOUT); apturēts",
                           en: "no answer in \(Int(timeout)) s (SARGS_SENDMAIL_TIMEOUT); stopped"), true)
        case .outputTooLarge: status = Phrase(lv: "apturēts, izdrukājis vairāk par 1 MB", en: "stopped after printing more than 1 MB")
        case .exited(let code): status = Phrase(lv: "beidzās ar kodu \(code)", en: "exit \(code)")
        case .signalled(let number): status = Phrase(lv: "apturēts ar signālu \(number)", en: "signal \(number)")
        }
        var detail = SafeText.line(String(decoding: result.errors.prefix(4096), as: UTF8.self).split(whereSeparator: \.isNewline).joined(separator: " "))
        if detail.count > 300 { detail = String(detail.prefix(300)) + "…" }
        let hint = result.ending == .exited(127)
            ? Phrase(lv: " (tādas komandas nav: uzstādiet pasta sistēmu, piem. Debian msmtp-mta vai postfix, vai iestatiet SARGS_SENDMAIL)",
                     en: " (no such command: install a mail system, e.g. Debian's msmtp-mta or postfix, or set SARGS_SENDMAIL)")
            : Phrase(lv: "", en: "")
        let said = detail.isEmpty ? "" : ": \(detail)"
        return (Phrase(lv: status.lv + said + hint.lv, en: status.en + said + hint.en), false)
    }
}

/// One `remind` or `agenda --mail` at a time per store: a second run waits
/// for the first, then finds what it sent in the journal (an exclusive
/// `flock` on `STORE.remind-lock`, made with the store's mode).
struct RemindLock {
    let descriptor: Int32

    /// Opens or creates `STORE.remind-lock` without following a link there
    /// (another member of the group may have planted one): a new lock file
    /// gets the store's mode on its descriptor; one that is not a regular
    /// file of one name is refused and named.
    init(store: String) throws {
        var info = stat()
        let mode = stat(store, &info) == 0 ? info.st_mode & 0o660 | 0o600 : 0o600
        let path = store + ".remind-lock"
        var opened: Int32 = -1
        for _ in 0..<3 where opened < 0 {
            do {
                opened = try SafeFile.open(path, writing: true)
            } catch let refusal as FileRefusal where refusal.kind == .system(ENOENT) {
                do {
                    opened = try SafeFile.create(path, mode: mode)
                } catch let refusal as FileRefusal where refusal.kind == .exists {
                    continue  // another run made it meanwhile: open that one
                }
            } catch let refusal as FileRefusal {
                if case .system = refusal.kind {
                    throw Failure(.unavailable, Phrase(lv: "nevar izveidot \(SafeText.line(path)): \(refusal.phrase.lv)",
                                                       en: "cannot create \(SafeText.line(path)): \(refusal.phrase.en)"))
                }
                throw Failure(.unavailable, refusal.phrase)
            }
        }
        guard opened >= 0 else {
            throw Failure(.unavailable, Phrase(lv: "nevar atvērt \(SafeText.line(path))", en: "cannot open \(SafeText.line(path))"))
        }
        descriptor = opened
        // Another run holds it: wait, saying so, but not for ever (any member
        // of the group may hold the lock file open).
        var said = false
        let deadline = Date().addingTimeInterval(RemindLock.patience)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { break }
            if !said {
                let language = CommandLineRunner.languageHint(Array(CommandLine.arguments.dropFirst()))
                FileHandle.standardError.write(Data((Phrase(lv: "Gaida, kamēr beigsies cits sūtījums (\(SafeText.line(path)))…",
                                                            en: "Waiting for another run to finish sending (\(SafeText.line(path)))…").text(language) + "\n").utf8))
                said = true
            }
            guard Date() < deadline else {
                _ = close(descriptor)
                throw Failure(.unavailable, Phrase(
                    lv: "cits sūtījums tur \(SafeText.line(path)) jau \(Int(RemindLock.patience)) s; nekas netika nosūtīts; pārbaudiet, kas to tur: fuser \(ShellWord.quoted(path))",
                    en: "another run has held \(SafeText.line(path)) for \(Int(RemindLock.patience)) s; nothing was sent; see who holds it: fuser \(ShellWord.quoted(path))"))
            }
            usleep(100_000)
        }
    }

    /// How long a run waits for another to finish: the mail timeout for
    /// each of a few messages, at least 5 minutes (`SARGS_REMIND_WAIT` seconds).
    static var patience: TimeInterval {
        if let value = Environment.variables["SARGS_REMIND_WAIT"].flatMap(Double.init), value >= 0 { return min(value, 86_400) }
        return max(300, Mailer.timeout * 3)
    }

    func release() {
        _ = flock(descriptor, LOCK_UN)
        _ = close(descriptor)
    }
}

/// Whether mail handed to the configured sendmail can leave this server,
/// as far as sargs can see without sending (`sargs check`, issue 26): the
/// command is there; Debian's exim4 is not in its local-only default; msmtp
/// has a configuration. Whether a message arrives, only `sargs remind
/// --test ADDRESS` and the recipient's mailbox show.
enum MailPath {
    /// Debian's exim4 settings (`SARGS_EXIM_CONFIG` names another file, for tests).
    static var eximConfig: String {
        let configured = Environment.variables["SARGS_EXIM_CONFIG"]?.trimmingBlanks ?? ""
        return configured.isEmpty ? "/etc/exim4/update-exim4.conf.conf" : configured
    }

    /// msmtp's system configuration (`SARGS_MSMTP_CONFIG` names another file, for tests).
    static var msmtpConfig: String {
        let configured = Environment.variables["SARGS_MSMTP_CONFIG"]?.trimmingBlanks ?? ""
        return configured.isEmpty ? "/etc/msmtprc" : configured
    }

    /// The README's section that sets up mail from the server.
    static let readme = "README, \"Mail from the server\""

    /// The program the sendmail command runs, found as the shell would
    /// (a path, else on `PATH`): nil when it is not there. A command sargs
    /// cannot read without running a shell (a variable, quotes, a pipe) is
    /// taken as it is (`.unknown`).
    enum Program: Equatable {
        case found(String)
        case missing(String)
        case unknown
    }

    static func program(of command: String) -> Program {
        guard let first = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) else { return .unknown }
        if first.contains(where: { "$`'\"\\;|&()<>*?[]{}~=".contains($0) }) { return .unknown }
        if first.contains("/") {
            return FileManager.default.isExecutableFile(atPath: first) ? .found(first) : .missing(first)
        }
        for dir in (Environment.variables["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(first)"
            if FileManager.default.isExecutableFile(atPath: path) { return .found(path) }
        }
        return .missing(first)
    }

    /// Whether an exim4 settings file keeps mail on this server
    /// (`dc_eximconfig_configtype='local'`, Debian's default).
    static func eximIsLocalOnly(_ settings: String) -> Bool {
        for line in settings.split(whereSeparator: \.isNewline) {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard text.hasPrefix("dc_eximconfig_configtype") else { continue }
            let value = text.drop { $0 != "=" }.dropFirst().trimmingCharacters(in: CharacterSet(charactersIn: " '\""))
            return value == "local"
        }
        return false
    }

    /// Each reason mail cannot leave, with its fix, in `language`.
    static func findings(_ language: Language) -> [Store.Finding] {
        let lv = language == .lv
        let command = Mailer.command
        let install = lv ? "sudo apt-get install msmtp-mta; tad iestatiet /etc/msmtprc pašvaldības pasta serverim (\(readme)); pārbaude: sargs remind --test ADRESE"
                         : "sudo apt-get install msmtp-mta; then /etc/msmtprc for the municipality's relay (\(readme)); to try it: sargs remind --test ADDRESS"
        switch program(of: command) {
        case .unknown:
            return []
        case .missing(let name):
            let shown = SafeText.line(name)
            let configured = !(Environment.variables["SARGS_SENDMAIL"]?.trimmingBlanks ?? "").isEmpty
            return [Store.Finding(Phrase(
                lv: "pasts no šī servera neiziet: nav sendmail komandas \(shown) (\(configured ? "SARGS_SENDMAIL" : "to nodrošina pasta sistēma, piem., msmtp-mta")); atgādinājumi, darba kārtības un protokoli netiks nosūtīti",
                en: "mail cannot leave this server: there is no sendmail command \(shown) (\(configured ? "SARGS_SENDMAIL" : "a mail system such as msmtp-mta provides it")); reminders, agendas and minutes will not be sent"),
                fix: install)]
        case .found(let path):
            let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().lastPathComponent
            if real.hasPrefix("exim") {
                let settings = eximConfig
                if let text = try? String(contentsOfFile: settings, encoding: .utf8), eximIsLocalOnly(text) {
                    let shown = SafeText.line(settings)
                    return [Store.Finding(Phrase(
                        lv: "pasts no šī servera neiziet: exim4 ir Debian noklusētajā iestatījumā, kas pastu piegādā tikai šajā serverī (dc_eximconfig_configtype='local' failā \(shown))",
                        en: "mail cannot leave this server: exim4 is in Debian's default setting, which delivers only on this server (dc_eximconfig_configtype='local' in \(shown))"),
                        fix: lv ? "sudo dpkg-reconfigure exim4-config (izvēlieties sūtīšanu caur pašvaldības pasta serveri, \"smarthost\"), vai \(install)"
                                : "sudo dpkg-reconfigure exim4-config (choose mail sent by smarthost, the municipality's relay), or \(install)")]
                }
            } else if real.hasPrefix("msmtp"), !command.contains(" -C"), !command.contains("--file") {
                let home = Environment.variables["HOME"].map { ["\($0)/.msmtprc", "\($0)/.config/msmtp/config"] } ?? []
                let xdg = Environment.variables["XDG_CONFIG_HOME"].map { ["\($0)/msmtp/config"] } ?? []
                if !([msmtpConfig] + home + xdg).contains(where: FileManager.default.fileExists(atPath:)) {
                    let shown = SafeText.line(msmtpConfig)
                    return [Store.Finding(Phrase(
                        lv: "pasts no šī servera neiziet: msmtp nav iestatījumu (\(shown) nav), tāpēc tas nezina, caur kuru serveri sūtīt",
                        en: "mail cannot leave this server: msmtp has no settings (there is no \(shown)), so it does not know which server to send through"),
                        fix: lv ? "sudoedit \(ShellWord.quoted(msmtpConfig)) (\(readme)); pārbaude: sargs remind --test ADRESE"
                                : "sudoedit \(ShellWord.quoted(msmtpConfig)) (\(readme)); to try it: sargs remind --test ADDRESS")]
                }
            }
            return []
        }
    }
}
