import ArgumentParser
import SargsCore

struct Sargs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sargs",
        abstract: "A coordination board for a municipality's plan to prevent child sexual abuse.",
        discussion: """
        The board coordinates activities, never cases: no names, no personal codes. \
        Case files stay in the institutions' own systems.
        """,
        version: "0.1.0",
        subcommands: [BoardCommand.self, Init.self, PlanCommand.self, RecordCommand.self, StatusCommand.self, NoteCommand.self,
                      WaiveCommand.self, AgendaCommand.self, MeetingCommand.self, DecisionCommand.self,
                      ReportCommand.self, ExportCommand.self, DigestCommand.self, RemindCommand.self,
                      InstitutionCommand.self, LogCommand.self, UndoCommand.self,
                      BackupCommand.self, RestoreCommand.self, CheckCommand.self],
        defaultSubcommand: BoardCommand.self
    )
}
