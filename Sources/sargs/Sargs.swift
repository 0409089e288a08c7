import ArgumentParser
import SargsCore

struct Sargs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sargs",
        abstract: "A coordination board for a municipality's plan to prevent child sexual abuse.",
        discussion: discussion,
        version: PackageVersion.shown,
        subcommands: commands,
        defaultSubcommand: BoardCommand.self
    )

    /// `--manual-sections`: the man page's own sections (`ManualPage`), for `make manual`.
    @Flag(help: .hidden) var manualSections = false

    func validate() throws {
        if manualSections { throw CleanExit.message(ManualPage.sections) }
    }

    /// What `sargs --help` says before its usage: what the board is, and
    /// every subcommand of every group. The man page lists the subcommands
    /// itself, with their options: there (`--experimental-dump-help`, read
    /// by generate-manual) the list is left out.
    static var discussion: String {
        let board = "The board coordinates activities, never cases: no names, no personal codes. "
            + "Case files stay in the institutions' own systems."
        if CommandLine.arguments.contains("--experimental-dump-help") { return board }
        return board + "\n\n" + groupCommandList()
    }

    /// The commands, in the order `sargs --help` lists them.
    static let commands: [ParsableCommand.Type] = [
        BoardCommand.self, Init.self, PlanCommand.self, ActivityCommand.self, RecordCommand.self, StatusCommand.self, NoteCommand.self,
        WaiveCommand.self, AgendaCommand.self, MeetingCommand.self, DecisionCommand.self,
        ReportCommand.self, ExportCommand.self, DigestCommand.self, RemindCommand.self,
        InstitutionCommand.self, LogCommand.self, UndoCommand.self,
        BackupCommand.self, RestoreCommand.self, CheckCommand.self,
    ]

    /// Every subcommand of every group ("plan draft", "meeting hold" …) with
    /// its abstract, made from the command tree itself, so `sargs --help`
    /// names each one (ArgumentParser lists only the groups).
    static func groupCommandList() -> String {
        var lines = ["Commands of the groups:"]
        let groups = commands.filter { !$0.configuration.subcommands.isEmpty }
        let names = groups.flatMap { group in
            group.configuration.subcommands.filter { $0.configuration.shouldDisplay }.map { (group, $0) }
        }
        let width = names.map { $0.0._commandName.count + 1 + $0.1._commandName.count }.max() ?? 0
        for (group, command) in names {
            let name = group._commandName + " " + command._commandName
            let head = "  " + name + String(repeating: " ", count: width - name.count + 2)
            lines += wrapped(command.configuration.abstract, first: head, next: String(repeating: " ", count: head.count))
        }
        return lines.joined(separator: "\n")
    }

    /// `text` in lines of at most 78 characters, the first after `first`,
    /// the others after `next` (ArgumentParser keeps lines that fit as they are).
    static func wrapped(_ text: String, first: String, next: String) -> [String] {
        var lines: [String] = [], line = first
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > 78, line.count > next.count {
                lines.append(line)
                line = next
            }
            line += (line == first || line == next ? "" : " ") + word
        }
        return lines + [line]
    }
}
