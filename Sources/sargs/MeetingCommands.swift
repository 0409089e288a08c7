import ArgumentParser
import Foundation
import SargsCore
import SargsStore

extension Meeting.Kind: ExpressibleByArgument {}

enum AgendaFormat: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda", abstract: "The meeting agenda: what the group let slip since the last regular meeting.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The meeting date (default: today); a meeting planned on it shows its stored agenda.") var date: String?
    @Option(help: "A planned meeting's number: its stored agenda.", completion: Completions.meetings) var meeting: Int64?
    @Option(help: "regular or emergency.") var kind: Meeting.Kind = .regular
    @Option(help: "The emergency meeting's topic (no personal data).") var topic: String?
    @Option(help: "text, markdown or json.") var format: AgendaFormat = .text
    @Flag(help: "Mail the stored agenda of the next planned meeting (or of --meeting N) to every institution with an e-mail address, once.")
    var mail = false
    @Flag(help: "With --mail: print the messages instead of sending them (nothing is journaled).")
    var dryRun = false
    @Flag(help: "With --mail: hand the agenda over again to those who got it (one that bounced); a changed agenda goes without it.")
    var again = false

    func validate() throws {
        if mail, date != nil || topic != nil || kind != .regular || format != .text {
            throw Failure(.usage, Phrase(
                lv: "--mail sūta plānotās sēdes saglabāto darba kārtību: kopā ar to nenorādiet --date, --kind, --topic vai --format (sēdi izvēlas --meeting N)",
                en: "--mail sends a planned meeting's stored agenda: give no --date, --kind, --topic or --format with it (--meeting N chooses the meeting)"))
        }
        if meeting != nil, date != nil || topic != nil || kind != .regular {
            throw Failure(.usage, Phrase(
                lv: "--meeting rāda sēdes saglabāto darba kārtību ar tās datumu un veidu: kopā ar to nenorādiet --date, --kind vai --topic",
                en: "--meeting shows a meeting's stored agenda, with its own date and kind: give no --date, --kind or --topic with it"))
        }
        if dryRun && !mail { throw Failure(.usage, Phrase(lv: "--dry-run lieto kopā ar --mail", en: "--dry-run goes with --mail")) }
        if again && !mail { throw Failure(.usage, Phrase(lv: "--again lieto kopā ar --mail", en: "--again goes with --mail")) }
    }

    func run() throws {
        let session = try Session.open(global)
        if mail { return try mailAgenda(session) }
        let day = try date.map { try parseDay($0, option: "--date") } ?? session.today
        if let topic { try Session.guarded { try ChangeRules.text(topic, field: Phrase(lv: "tēma", en: "the topic")) } }
        let snapshot = try session.guarded { try session.store.snapshot() }
        // One agenda per meeting (issue 26): a meeting's own, stored with it,
        // whenever there is one for the number or the date and kind asked.
        let stored: Meeting?
        if let meeting {
            guard let found = snapshot.meetings.first(where: { $0.id == meeting }) else {
                throw Failure(.data, StoreError.unknownMeeting(meeting).phrase)
            }
            stored = found
        } else {
            stored = snapshot.meetings.first { $0.date == day && $0.kind == kind && $0.state != .cancelled
                && (topic == nil || $0.topic == topic) }
        }
        let agenda = stored.map { Agenda(snapshot: snapshot, meeting: $0) }
            ?? Agenda(snapshot: snapshot, date: day, kind: kind, topic: topic)
        switch format {
        case .json:
            // 10,000 activities make close to a megabyte: written as bytes, not made a String first.
            Output.write(agenda.jsonBytes() + [0x0A])
        case .text, .markdown:
            Output.print(AgendaText.render(agenda, snapshot: snapshot, language: session.language,
                                    markdown: format == .markdown), terminator: "")
        }
        CommandLineRunner.finish()
    }
}

extension AgendaCommand {
    /// `agenda --mail`: the next planned meeting's agenda, to every
    /// institution with an address, at most once per meeting and institution.
    func mailAgenda(_ session: Session) throws {
        let snapshot = try session.guarded { try session.store.snapshot() }
        let chosen: Meeting?
        if let number = self.meeting {
            guard let found = snapshot.meetings.first(where: { $0.id == number }) else {
                throw Failure(.data, StoreError.unknownMeeting(number).phrase)
            }
            guard found.state == .planned else {
                throw Failure(.data, Phrase(lv: "sēde Nr. \(number) ir \(found.state.phrase.lv); darba kārtību sūta tikai plānotai sēdei",
                                            en: "meeting \(number) is \(found.state.phrase.en); only a planned meeting's agenda is mailed"))
            }
            chosen = found
        } else {
            chosen = snapshot.meetings.filter({ $0.state == .planned && $0.date >= session.today })
                .min(by: { ($0.date, $0.id) < ($1.date, $1.id) })
        }
        guard let meeting = chosen else {
            throw Failure(.data, Phrase(lv: "nav plānotas sēdes; ieplānojiet to ar `sargs meeting new --date D`",
                                        en: "no meeting is planned; plan one with `sargs meeting new --date D`"))
        }
        // The agenda the chair saved, not one computed afresh (issue 26).
        let agenda = Agenda(snapshot: snapshot, meeting: meeting)
        let text = AgendaText.render(agenda, snapshot: snapshot, language: session.language, markdown: false, forChair: false)
        let markdown = AgendaText.render(agenda, snapshot: snapshot, language: session.language, markdown: true, forChair: false)
        let subject = MeetingText.agendaSubject(meeting, session.language)
        // Each version of the agenda (its items, time, place, topic) is handed over once; an
        // institution that got an earlier one gets the changed one, said to replace it.
        let key = MeetingMail.agendaKey(meeting, items: agenda.items.map(\.activity) + agenda.services.map(\.activity))
        let earlier = Set(try MeetingMail.agendaRecipients(meeting.id, plan: snapshot.plan, session: session).map(\.code))
        let lv = session.language == .lv
        let replaces = lv ? "Šī darba kārtība aizstāj iepriekš nosūtīto (tā ir mainīta).\n\n" : "This agenda replaces the one sent before (it has changed).\n\n"
        var letters: [Letter] = []
        var withoutAddress: [String] = []
        for institution in snapshot.plan.allInstitutions {
            guard let address = institution.email else { withoutAddress.append(institution.code); continue }
            let changed = try earlier.contains(institution.code)
                && !session.guarded { try session.store.reminderSent(to: institution.code, fingerprint: key, on: nil) }
            guard let message = MailMessage(to: address, from: try Mailer.sender(),
                                            subject: changed ? subject + (lv ? " (mainīta)" : " (changed)") : subject,
                                            text: changed ? replaces + text : text, markdown: changed ? replaces + markdown : markdown,
                                            date: session.now, domain: Mailer.domain) else { continue }
            letters.append(Letter(code: institution.code, kind: "agenda \(meeting.id)",
                                  items: agenda.items.map(\.activity) + agenda.services.map(\.activity),
                                  message: message, once: key))
        }
        try Mailer.deliver(letters, session: session, dryRun: dryRun, withoutAddress: withoutAddress, again: again ? .always : .never,
                           againHint: "sargs agenda --mail --meeting \(meeting.id) --again")
    }
}

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Plan, list, show, hold, edit or cancel meetings of the group.",
        subcommands: [New.self, List.self, Show.self, Hold.self, Edit.self, Cancel.self, Send.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "new", abstract: "Plan a meeting; prints its number.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The meeting date.") var date: String
        @Option(help: "regular or emergency.") var kind: Meeting.Kind = .regular
        @Option(help: "The topic (required for an emergency meeting; no personal data).") var topic: String?
        @Option(help: "When it is called for, HH:MM (Europe/Riga).") var time: String?
        @Option(help: "Where it sits (no personal data).") var place: String?

        func run() throws {
            let session = try Session.open(global)
            let day = try parseDay(date, option: "--date")
            var details = Meeting.Details()
            details.started = try time.flatMap { try parseClock($0, option: "--time") }
            details.place = place.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
            var meeting = Meeting(id: 0, date: day, kind: kind, topic: topic, state: .planned, details: details, items: [],
                                  prepared: true)
            let saved = try session.guarded { () throws -> Meeting in
                let snapshot = try session.store.snapshot()
                // The store checks the meeting (ChangeRules.check) as it saves it. The agenda is computed now and stored with the meeting: every reader shows this one.
                let agenda = Agenda(snapshot: snapshot, date: day, kind: kind, topic: topic)
                let ids = kind == .regular ? agenda.items.map(\.activity) : agenda.services.map(\.activity)
                meeting.items = Meeting.callingOrder(ids, in: snapshot.plan).map { Meeting.Item(activity: $0) }
                guard case .meeting(let saved) = try session.apply(.newMeeting(meeting)) else { throw StoreError.unknownMeeting(0) }
                return saved
            }
            Output.print(saved.id)
            if day < session.today {
                session.tell(Phrase(lv: "Sēdes datums \(day) ir pagātnē (šodien \(session.today)); ja sēde notika, atzīmējiet to: sargs meeting hold \(saved.id)",
                                    en: "The meeting's date \(day) is past (today is \(session.today)); if it was held, mark it: sargs meeting hold \(saved.id)"))
            }
            let n = saved.items.count
            session.tell(Phrase(
                lv: "Sēde Nr. \(saved.id) ieplānota; darba kārtībā \(n) \(Plural.form(n, .lv, one: "jautājums", other: "jautājumi")) (`sargs agenda --meeting \(saved.id)`)",
                en: "Meeting \(saved.id) planned; its agenda has \(n) \(n == 1 ? "item" : "items") (`sargs agenda --meeting \(saved.id)`)"))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the meetings, with the count per year against the required four.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "text or json.") var format: ListFormat = .text

        func run() throws {
            let session = try Session.open(global)
            let meetings = try session.guarded { try session.store.meetings() }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            let period = try session.guarded { try session.store.plan() }.period
            if format == .json {
                Output.print(JSONValue.array(meetings.map(MeetingText.json)).serialized(pretty: true))
                return
            }
            if meetings.isEmpty { session.say("Sēžu vēl nav.", "No meetings yet.") }
            for m in meetings { Output.print(MeetingText.line(m, session.language)) }
            for year in MeetingYear.summary(meetings, today: session.today, period: period) { Output.print(year.text(session.language)) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a meeting; markdown, docx, odt and pdf write its minutes.",
            discussion: "docx, odt and pdf (A4) are made by pandoc (pdf with weasyprint) and need -o FILE; an existing FILE is replaced only with --force.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting number.", completion: Completions.meetings) var id: Int64
        @Option(help: "text, markdown, json, docx, odt or pdf.") var format: MinutesFormat = .text
        @Option(name: .shortAndLong, help: "Write to FILE instead of the standard output.", completion: .file()) var output: String?
        @Flag(help: "Replace FILE if it is there.") var force = false

        func run() throws {
            let session = try Session.open(global)
            let snapshot = try session.guarded { try session.store.snapshot() }
            guard let meeting = snapshot.meetings.first(where: { $0.id == id }) else {
                throw Failure(.data, StoreError.unknownMeeting(id).phrase)
            }
            let minutes = Minutes(meeting: meeting, snapshot: snapshot)
            try format.kind.emit(text: { minutes.text(session.language) }, markdown: { minutes.markdown(session.language) },
                            json: { minutes.jsonValue.serialized(pretty: true) + "\n" }, header: minutes.pageHeader(session.language),
                            output: output, force: force, session: session)
        }
    }

    /// What `meeting hold` and `meeting edit` take: the minutes' facts about the sitting.
    struct DetailOptions: ParsableArguments {
        @Option(help: "Institution codes of those present, e.g. SD,BT,IN.", completion: Completions.institutionLists) var attendees: String?
        @Option(help: "Where it sat (no personal data).") var place: String?
        @Option(help: "When it started, HH:MM.") var started: String?
        @Option(help: "When it ended, HH:MM.") var ended: String?
        @Option(help: "Who chaired, by office or name (no data about children or families).") var chair: String?
        @Option(help: "Who took the minutes.") var secretary: String?
        @Option(help: "Invited guests, by role or institution.") var guests: String?
        @Flag(inversion: .prefixedNo, help: "The minutes hold restricted-access information.") var restricted: Bool?

        var isEmpty: Bool {
            attendees == nil && place == nil && started == nil && ended == nil && chair == nil && secretary == nil
                && guests == nil && restricted == nil
        }

        /// `details` with every given option set; an empty text clears its field.
        func applied(to details: Meeting.Details) throws -> Meeting.Details {
            var d = details
            func text(_ value: String?) -> String?? {
                value.map { let t = $0.trimmingCharacters(in: .whitespaces); return t.isEmpty ? nil : t }
            }
            func time(_ value: String?, _ option: String) throws -> ClockTime?? {
                guard let value else { return .none }
                return .some(try parseClock(value, option: option))
            }
            if let attendees {
                d.attendees = attendees.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.uppercased() }
            }
            if let v = text(place) { d.place = v }
            if let v = try time(started, "--started") { d.started = v }
            if let v = try time(ended, "--ended") { d.ended = v }
            if let v = text(chair) { d.chair = v }
            if let v = text(secretary) { d.secretary = v }
            if let v = text(guests) { d.guests = v }
            if let restricted { d.restricted = restricted }
            return d
        }
    }

    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hold", abstract: "Mark a meeting held, with what its minutes carry.",
            discussion: "A meeting dated after today cannot be held; a held one is changed with `meeting edit`.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting number.", completion: Completions.meetings) var id: Int64
        @OptionGroup var details: DetailOptions

        func run() throws {
            let session = try Session.open(global)
            // The store checks the rules (a date to come, held already, the texts) in its own transaction.
            try session.guarded {
                let held = try details.applied(to: try session.meeting(id).details)
                try session.apply(.hold(meeting: MeetingID(id), details: held, today: session.today))
            }
            session.say(SavedChange.held(meeting: id).notice)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change what the minutes carry about a meeting (journaled).",
            discussion: "Only the options given change; an empty value (--place \"\") clears a text.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting number.", completion: Completions.meetings) var id: Int64
        @Option(help: "When a planned meeting is called for, HH:MM (the same as --started).") var time: String?
        @OptionGroup var details: DetailOptions
        @Flag(help: "Add to the stored agenda what the plan made overdue since it was saved (what the chair took off stays off).")
        var refresh = false

        func run() throws {
            if details.isEmpty && time == nil && !refresh {
                throw Failure(.usage, Phrase(lv: "norādiet, ko mainīt, piem. --place \"Domes zāle\" vai --time 14:00",
                                             en: "say what to change, e.g. --place \"Council hall\" or --time 14:00"))
            }
            if time != nil && details.started != nil {
                throw Failure(.usage, Phrase(lv: "--time un --started ir viens un tas pats laiks: norādiet vienu",
                                             en: "--time and --started are the same time: give one"))
            }
            let session = try Session.open(global)
            var changed = false
            if !details.isEmpty || time != nil {
                changed = try session.guarded { () throws -> Bool in
                    var edited = try details.applied(to: try session.meeting(id).details)
                    if let time { edited.started = try parseClock(time, option: "--time") }
                    guard case .meetingDetails(_, let changed) = try session.apply(.editMeeting(MeetingID(id), details: edited)) else { return false }
                    return changed
                }
                session.say(SavedChange.meetingDetails(meeting: id, changed: changed).notice)
            }
            if refresh { try refreshAgenda(session) }
            // Those who got the agenda by mail hold the old one: say so, with the command that sends the new one.
            let meeting = try session.guarded { try session.meeting(id) }
            let plan = try session.guarded { try session.store.plan() }
            let informed = try MeetingMail.agendaRecipients(id, plan: plan, session: session)
            if meeting.state == .planned, !informed.isEmpty, changed || refresh {
                let n = informed.count
                session.say(Phrase(
                    lv: "Darba kārtība jau bija nodota pasta sistēmai " + Plural.form(n, .lv, one: "\(n) iestādei", other: "\(n) iestādēm")
                        + "; mainīto nosūta: sargs agenda --mail --meeting \(id)",
                    en: "The agenda was handed to the mail system for " + Plural.form(n, .en, one: "\(n) institution", other: "\(n) institutions")
                        + " before; to send the changed one: sargs agenda --mail --meeting \(id)"))
            }
        }

        /// `--refresh`: the sweep's new items appended to the stored agenda, journaled as an agenda change.
        func refreshAgenda(_ session: Session) throws {
            let added = try session.guarded { () throws -> [ActivityID] in
                let snapshot = try session.store.snapshot()
                let meeting = try session.meeting(id)
                let agenda = Agenda(snapshot: snapshot, meeting: meeting)
                let new = agenda.notOnStored.map(\.activity) + agenda.notOnStoredServices.map(\.activity)
                guard meeting.state == .planned, !new.isEmpty || !meeting.prepared else { return new }
                var updated = meeting
                updated.items = Meeting.callingOrder(meeting.items.map(\.activity) + new, in: snapshot.plan).map { id in meeting.items.first { $0.activity == id } ?? Meeting.Item(activity: id) }
                try session.apply(.updateMeeting(updated, basedOn: meeting))
                return new
            }
            let n = added.count
            session.say(n == 0
                ? Phrase(lv: "Sēdes Nr. \(id) darba kārtība jau ietver visu nokavēto; nekas nav pievienots.",
                         en: "Meeting \(id)'s agenda already has everything overdue; nothing added.")
                : Phrase(lv: "Sēdes Nr. \(id) darba kārtībai \(Plural.form(n, .lv, one: "pievienots \(n) jautājums", other: "pievienoti \(n) jautājumi")): \(added.joined(separator: ", "))",
                         en: "Added \(n) \(n == 1 ? "item" : "items") to meeting \(id)'s agenda: \(added.joined(separator: ", "))"))
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cancel", abstract: "Cancel a planned meeting.",
            discussion: "--notify tells the institutions that got its agenda by mail that it is cancelled (once; also for a meeting cancelled before).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting number.", completion: Completions.meetings) var id: Int64
        @Flag(help: "Mail each institution that got the agenda that the meeting is cancelled.") var notify = false

        func run() throws {
            let session = try Session.open(global)
            try MeetingMail.cancel(id, notify: notify, session: session)
        }
    }
}

struct DecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision", abstract: "Record decisions of a meeting, list them, move their due dates, mark them done.",
        subcommands: [Add.self, List.self, Done.self, Due.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a decision; prints its number.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The meeting number.", completion: Completions.meetings) var meeting: Int64
        @Option(help: "The institution responsible (code).", completion: Completions.institutions) var owner: String
        @Option(help: "The due date (not before the meeting's date).") var due: String
        @Option(help: "The activity it concerns.", completion: Completions.activities) var activity: String?
        @Argument(help: "What was decided (no personal data).") var text: String

        func run() throws {
            let session = try Session.open(global)
            let decision = Decision(meeting: meeting, text: text, owner: owner.uppercased(), due: try parseDay(due, option: "--due"),
                                    activity: activity)
            let saved = try session.guarded { () throws -> Decision in
                // Through the one door, which checks it; the item's outcome is chair mode's to mark, not this command's.
                guard case .decision(let saved) = try session.apply(.decision(decision, settingOutcome: false)) else { return decision }
                return saved
            }
            Output.print(saved.id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List decisions: the open ones (default) or all, by due date.")
        @OptionGroup var global: GlobalOptions
        @Flag(exclusivity: .exclusive, help: "Which decisions: --open (default) or --all.") var which: Which = .open
        @Option(help: "Only those this institution (code) is responsible for.", completion: Completions.institutions) var owner: String?
        @Option(help: "text or json.") var format: ListFormat = .text

        enum Which: String, EnumerableFlag { case open, all }

        func run() throws {
            let session = try Session.open(global)
            let snapshot = try session.guarded { try session.store.snapshot() }
            let owner = self.owner?.uppercased()
            if let owner { try Session.guarded { try ChangeRules.institutions([owner], plan: snapshot.plan) } }
            let list = DecisionList(snapshot: snapshot, today: session.today, openOnly: which == .open, owner: owner)
            switch format {
            case .json: Output.print(list.json.serialized(pretty: true))
            case .text: Output.print(list.text(session.language), terminator: "")
            }
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "done", abstract: "Mark a decision done (today).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The decision number.", completion: Completions.decisions) var id: Int64
        @Option(help: "The meeting whose review closed it (its minutes list it).", completion: Completions.meetings) var meeting: Int64?

        func run() throws {
            let session = try Session.open(global)
            try session.guarded {
                // Closed by a meeting's review: on that meeting's day (not a day still to come), else today.
                let reviewing = try meeting.map { try session.meeting($0) }
                // (A decision marked done keeps its due date: `due` is read only for a move.)
                try session.apply(.review(decision: DecisionID(id), meeting: reviewing, .done, due: session.today, today: session.today))
            }
            session.say(SavedChange.decisionDone(id).notice)
        }
    }

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due", abstract: "Give an open decision a new due date (the old one stays in the journal).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The decision number.", completion: Completions.decisions) var id: Int64
        @Option(help: "The new due date, YYYY-MM-DD.") var date: String
        @Option(help: "The meeting whose review moved it (its minutes list it).", completion: Completions.meetings) var meeting: Int64?

        func run() throws {
            let session = try Session.open(global)
            let day = try parseDay(date, option: "--date")
            _ = try session.guarded {
                try session.apply(.review(decision: DecisionID(id), meeting: try meeting.map { try session.meeting($0) }, .moved, due: day, today: session.today))
            }
            session.say(SavedChange.decisionMoved(id, day).notice)
        }
    }
}

/// A time of day HH:MM from an option; an empty value is no time (it
/// clears the field). Exit 64 with the option's name for anything else.
func parseClock(_ value: String, option: String) throws -> ClockTime? {
    let trimmed = value.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty { return nil }
    guard let t = ClockTime(trimmed) else {
        throw Failure(.usage, Phrase(lv: "\(option) jābūt laikam HH:MM (00:00–23:59), nevis '\(SafeText.line(value))'",
                                     en: "\(option) must be a time HH:MM (00:00–23:59), not '\(SafeText.line(value))'"))
    }
    return t
}

/// `meeting show --format`.
enum MinutesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, docx, odt, pdf
    var kind: DocumentFormat { DocumentFormat(rawValue: rawValue)! }
}

/// `report --format`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, csv, json, docx, odt, pdf
    var kind: DocumentFormat { DocumentFormat(rawValue: rawValue)! }
}

/// The formats of a document for people: printed text, or a DOCX/ODT file made by pandoc.
enum DocumentFormat: String {
    case text, markdown, json, csv, docx, odt, pdf

    /// Prints or writes the chosen rendering; docx, odt and pdf need `-o FILE` and carry `header` on every page.
    func emit(text: () -> String, markdown: () -> String, json: () -> String, csv: (() -> String)? = nil,
              header: DocumentWords.PageHeader? = nil,
              output: String?, force: Bool, session: Session) throws {
        let mode = NewFile.mode(beside: session.store.path)
        // `-o /dev/stdout` and `-o /dev/null` are what they say, not files to replace.
        let device = output.flatMap(Document.Device.init(rawValue:))
        if let device {
            let bytes: [UInt8]
            switch self {
            case .docx, .odt, .pdf:
                bytes = try Document.render(markdown(), format: Document.Format(rawValue: rawValue)!, language: session.language, header: header)
            case .text: bytes = Array(SafeText.clean(text(), keeping: [.lines, .tabs]).utf8)
            case .markdown: bytes = Array(SafeText.clean(markdown(), keeping: [.lines, .tabs]).utf8)
            case .json: bytes = Array(SafeText.clean(json(), keeping: [.lines, .tabs]).utf8)
            case .csv:
                guard let csv else { throw Failure(.usage, Phrase(lv: "šeit nav CSV formāta", en: "there is no CSV format here")) }
                bytes = Array(SafeText.clean(csv(), keeping: [.lines, .tabs]).utf8)
            }
            if device == .standardOutput { Output.write(bytes) }
            return
        }
        if let output, output != "-" { try Document.check(output, force: force, storePath: session.store.path) }
        let rendered: String
        switch self {
        case .docx, .odt, .pdf:
            guard let output, output != "-" else {
                throw Failure(.usage, Phrase(lv: "--format \(rawValue) raksta failu: norādiet -o FAILS.\(rawValue)",
                                             en: "--format \(rawValue) writes a file: give -o FILE.\(rawValue)"))
            }
            try Document.write(markdown(), format: Document.Format(rawValue: rawValue)!, to: output, force: force, mode: mode,
                               language: session.language, header: header)
            session.say(Phrase(lv: "Dokuments ierakstīts: \(output)", en: "Document written: \(output)"))
            return
        case .text: rendered = text()
        case .markdown: rendered = markdown()
        case .json: rendered = json()
        case .csv:
            guard let csv else {
                throw Failure(.usage, Phrase(lv: "šeit nav CSV formāta", en: "there is no CSV format here"))
            }
            rendered = csv()
        }
        if let output, output != "-" {
            try Document.writeText(SafeText.clean(rendered, keeping: [.lines, .tabs]), to: output, force: force, mode: mode)
            session.say(Phrase(lv: "Ierakstīts: \(output)", en: "Written: \(output)"))
        } else {
            Output.print(rendered, terminator: "")
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The yearly implementation report the group gives the council.",
        discussion: "A year that is over is evaluated as of its end; the current year as of today. docx, odt and pdf (A4) are made by pandoc (pdf with weasyprint) and need -o FILE.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The year.") var year: Int
    @Option(help: "markdown, csv, json, docx, odt or pdf.") var format: ReportFormat = .markdown
    @Option(name: .shortAndLong, help: "Write to FILE instead of the standard output.", completion: .file()) var output: String?
    @Flag(help: "Replace FILE if it is there.") var force = false

    func run() throws {
        let session = try Session.open(global)
        // A year that is over is read as it was closed (issue 27), with what came after it ended.
        let (snapshot, late) = try session.guarded { try session.store.yearSnapshot(year, today: session.today) }
        guard (snapshot.plan.period.first.year...snapshot.plan.period.last.year).contains(year) else {
            throw Failure(.data, Phrase(
                lv: "\(year). gads nav plāna periodā (\(snapshot.plan.period.first.year)–\(snapshot.plan.period.last.year))",
                en: "\(year) is not in the plan period (\(snapshot.plan.period.first.year)–\(snapshot.plan.period.last.year))"))
        }
        guard year <= session.today.year else {
            throw Failure(.data, Phrase(lv: "\(year). gads vēl nav sācies (šodien \(session.today)); pārskats ir par gadu, kas sākies",
                                        en: "\(year) has not begun (today is \(session.today)); a report is of a year that has begun"))
        }
        let report = YearReport(snapshot: snapshot, year: year, today: session.today, late: late)
        try format.kind.emit(text: { report.markdown(session.language) }, markdown: { report.markdown(session.language) },
                        json: { report.json() + "\n" }, csv: { report.csv(session.language) }, header: report.pageHeader(session.language),
                        output: output, force: force, session: session)
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case ics, html }

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the calendar (ics: planned meetings, decision due dates, one-off deadlines) or one page for everyone (html).",
        discussion: """
        --format html writes one self-contained, accessible page (no scripts, no network, no fonts): the plan by goal \
        with each activity's state in words, the next meeting's agenda, the open decisions and the last meeting's \
        minutes; it prints on A4. Give -o FILE to write a file (never replaced without --force).
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "ics or html.") var format: ExportFormat
    @Option(name: .shortAndLong, help: "Write to FILE instead of the standard output.", completion: .file()) var output: String?
    @Flag(help: "Replace FILE if it is there.") var force = false

    func run() throws {
        let session = try Session.open(global)
        let snapshot = try session.guarded { try session.store.snapshot() }
        let text: String
        switch format {
        case .ics:
            let revisions = try session.guarded { try session.store.meetingRevisions() }
            text = CalendarExport.ics(snapshot, stamp: Date(), language: session.language, revisions: revisions)
        case .html:
            text = PublicPage(snapshot: snapshot, today: session.today, language: session.language, made: Date()).html()
        }
        // `-o /dev/stdout` is what it says; `-` is the standard output too.
        guard let output, output != "-", output != "/dev/stdout" else {
            Output.print(text, terminator: "", keeping: format == .ics ? [.lines, .tabs, .crlf] : [.lines])
            return
        }
        try Document.check(output, force: force, storePath: session.store.path)
        // The page is for everyone (a web server serves it): readable by all, as the umask allows; the
        // calendar, like every other file made from the store, takes the store's own access.
        try Document.writeText(text, to: output, force: force, mode: format == .html ? .forEveryone : NewFile.mode(beside: session.store.path))
        session.say(Phrase(lv: "Ierakstīts: \(output)", en: "Written: \(output)"))
    }
}

/// How meetings read in a list.
