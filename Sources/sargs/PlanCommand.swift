import ArgumentParser
import Foundation
import SargsCore
import SargsPlanFile

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Check a plan file, or export the current plan.",
        subcommands: [Check.self, Export.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate a plan file and print a summary.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan file (YAML).", completion: .file(extensions: ["yaml", "yml"])) var file: String

        func run() throws {
            let plan = try PlanFile.read(path: file)
            Output.print(PlanSummary(plan: plan).text(global.language), terminator: "")
        }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Print the current plan, edits included, as a plan file.")

        @OptionGroup var global: GlobalOptions
        @Option(help: "yaml or json.") var format: Format = .yaml

        func run() throws {
            let session = try Session.open(global)
            let plan = try session.guarded { try session.store.plan() }
            Output.print(format == .yaml ? PlanFile.yaml(plan) : PlanFile.json(plan), terminator: "")
        }
    }
}
