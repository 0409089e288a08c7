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
    @Option(help: "The meeting date (default: today).") var date: String?
    @Option(help: "regular or emergency.") var kind: Meeting.Kind = .regular
    @Option(help: "The emergency meeting's topic (no personal data).") var topic: String?
    @Option(help: "text, markdown or json.") var format: AgendaFormat = .text

    func run() throws {
        let session = try Session.open(global)
        let day = try date.map { try parseDay($0, option: "--date") } ?? session.today
        if let topic { try Session.guarded { try ChangeRules.text(topic, field: Phrase(lv: "tēma", en: "the topic")) } }
        let snapshot = try session.guarded { try session.store.snapshot() }
        let agenda = Agenda(snapshot: snapshot, date: day, kind: kind, topic: topic)
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

struct MeetingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting", abstract: "Plan, list, show, hold or cancel meetings of the group.",
        subcommands: [New.self, List.self, Show.self, Hold.self, Cancel.self])

    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Plan a meeting; prints its number.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The meeting date.") var date: String
        @Option(help: "regular or emergency.") var kind: Meeting.Kind = .regular
        @Option(help: "The topic (required for an emergency meeting; no personal data).") var topic: String?

        func run() throws {
            let session = try Session.open(global)
            let day = try parseDay(date, option: "--date")
            let meeting = Meeting(date: day, kind: kind, topic: topic)
            let saved = try session.guarded { () throws -> Meeting in
                try ChangeRules.meeting(meeting, plan: try session.store.plan())
                return try session.store.addMeeting(meeting, author: session.author, now: session.now)
            }
            Output.print(saved.id)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the meetings, with the count per year against the required four.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "text or json.") var format: ListFormat = .text

        func run() throws {
            let session = try Session.open(global)
            let meetings = try session.guarded { try session.store.meetings() }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            if format == .json {
                Output.print(JSONValue.array(meetings.map(MeetingText.json)).serialized(pretty: true))
                return
            }
            if meetings.isEmpty { session.say("Sēžu vēl nav.", "No meetings yet.") }
            for m in meetings { Output.print(MeetingText.line(m, session.language)) }
            for year in MeetingYear.summary(meetings) { Output.print(year.text(session.language)) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a meeting; --format markdown writes its minutes.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting number.") var id: Int64
        @Option(help: "text, markdown or json.") var format: AgendaFormat = .text

        func run() throws {
            let session = try Session.open(global)
            let snapshot = try session.guarded { try session.store.snapshot() }
            guard let meeting = snapshot.meetings.first(where: { $0.id == id }) else {
                throw Failure(.data, StoreError.unknownMeeting(id).phrase)
            }
            let minutes = Minutes(meeting: meeting, snapshot: snapshot)
            switch format {
            case .json: Output.print(minutes.jsonValue.serialized(pretty: true))
            case .markdown: Output.print(minutes.markdown(session.language), terminator: "")
            case .text: Output.print(minutes.text(session.language), terminator: "")
            }
        }
    }

    struct Hold: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a meeting held, with the institutions present.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting number.") var id: Int64
        @Option(help: "Institution codes of those present, e.g. SD,BT,IN.") var attendees: String?

        func run() throws {
            let session = try Session.open(global)
            let codes = (attendees ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            try session.guarded {
                try ChangeRules.institutions(codes, plan: try session.store.plan())
                try session.store.holdMeeting(id, attendees: codes, author: session.author, now: session.now)
            }
            session.say(SavedChange.held(meeting: id).notice)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Cancel a planned meeting.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The meeting number.") var id: Int64

        func run() throws {
            let session = try Session.open(global)
            try session.guarded { try session.store.cancelMeeting(id, author: session.author, now: session.now) }
            session.say(SavedChange.cancelled(meeting: id).notice)
        }
    }
}

struct DecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision", abstract: "Record decisions of a meeting and mark them done.",
        subcommands: [Add.self, Done.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a decision; prints its number.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The meeting number.") var meeting: Int64
        @Option(help: "The institution responsible (code).") var owner: String
        @Option(help: "The due date.") var due: String
        @Option(help: "The activity it concerns.") var activity: String?
        @Argument(help: "What was decided (no personal data).") var text: String

        func run() throws {
            let session = try Session.open(global)
            let decision = Decision(meeting: meeting, text: text, owner: owner, due: try parseDay(due, option: "--due"),
                                    activity: activity)
            let saved = try session.guarded { () throws -> Decision in
                try ChangeRules.decision(decision, plan: try session.store.plan())
                return try session.store.addDecision(decision, author: session.author, now: session.now)
            }
            Output.print(saved.id)
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a decision done (today).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The decision number.") var id: Int64

        func run() throws {
            let session = try Session.open(global)
            try session.guarded { try session.store.completeDecision(id, on: session.today, author: session.author, now: session.now) }
            session.say(SavedChange.decisionDone(id).notice)
        }
    }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case markdown, csv, json }

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "The yearly implementation report the group gives the council.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "The year.") var year: Int
    @Option(help: "markdown, csv or json.") var format: ReportFormat = .markdown

    func run() throws {
        let session = try Session.open(global)
        let snapshot = try session.guarded { try session.store.snapshot() }
        guard (snapshot.plan.period.first.year...snapshot.plan.period.last.year).contains(year) else {
            throw Failure(.data, Phrase(
                lv: "\(year). gads nav plāna periodā (\(snapshot.plan.period.first.year)–\(snapshot.plan.period.last.year))",
                en: "\(year) is not in the plan period (\(snapshot.plan.period.first.year)–\(snapshot.plan.period.last.year))"))
        }
        let report = YearReport(snapshot: snapshot, year: year, today: session.today)
        switch format {
        case .markdown: Output.print(report.markdown(session.language), terminator: "")
        case .csv: Output.print(report.csv(), terminator: "")
        case .json: Output.print(report.json())
        }
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable { case ics }

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export planned meetings, decision due dates and one-off deadlines as iCalendar.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "ics.") var format: ExportFormat

    func run() throws {
        let session = try Session.open(global)
        let snapshot = try session.guarded { try session.store.snapshot() }
        Output.print(CalendarExport.ics(snapshot, stamp: Date(), language: session.language), terminator: "",
                     keeping: [.lines, .tabs, .crlf])
    }
}

/// How meetings read in a list.
