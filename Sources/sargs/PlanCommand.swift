import ArgumentParser
import Foundation
import SargsCore
import SargsPlanFile

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Check a plan file, or export the current plan.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a plan file and print a summary.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan file (YAML).") var file: String

        func run() throws {
            let plan = try PlanFile.read(path: file)
            print(PlanSummary(plan: plan).text(global.language), terminator: "")
        }
    }
}
