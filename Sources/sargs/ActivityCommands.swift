import ArgumentParser
import Foundation
import SargsCore
import SargsPlanDraft

/// `sargs activity add|edit` (issue 27): the plan's activities changed from
/// the command line as the board's `a` and `e` forms change them, through
/// the same gate and journal. A schedule is read as the forms read it
/// (`ScheduleReading.resolve`): in Latvian or English or the short form,
/// from the period wording when not given, and in force from `--from`
/// (default: the start of today's window); its windows before that day do
/// not exist, and it may not start in a year that is over.
struct ActivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activity", abstract: "Add an activity to the plan or edit one (journaled; a schedule takes effect from a date).",
        subcommands: [Add.self, Edit.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an activity; prints its id.",
            discussion: """
                The schedule is read from --period unless --schedule gives it, in Latvian ("Reizi ceturksnī no 2026. gada \
                janvāra", "ik gadu līdz 1. martam"), English ("every quarter from 2026-01", "yearly by 1 March") or the \
                short form ("every quarter 2026-01..2027-12"). It applies from --from, by default the start of the window \
                today falls in: windows before that day do not exist. What was understood is said on standard error.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: "The goal's number.") var goal: Int
        @Option(help: "The title.") var title: String
        @Option(help: "The plan's period wording, e.g. \"Reizi ceturksnī no 2026. gada janvāra\".") var period: String
        @Option(help: "The schedule, if the period wording does not say it.") var schedule: String?
        @Option(help: "The day the schedule takes effect, YYYY-MM-DD (default: the start of today's window).") var from: String?
        @Option(help: "The responsible institutions' codes, e.g. \"SD, IN\".") var owners: String
        @Option(help: "Funding codes, each may be followed by euros: \"PB 1500, VB\".") var funding: String = ""
        @Option(help: "A target: a number and a unit, e.g. \"30 pedagogi\".") var target: String?

        func run() throws {
            let session = try Session.open(global)
            let plan = try session.guarded { try session.store.plan() }
            let activity = try session.guarded { () throws(ChangeRefusal) -> Activity in
                let funding = try ActivityText.funding(funding)
                return Activity(
                    id: plan.nextActivityID(in: goal), goal: goal, title: title.trimmingCharacters(in: .whitespaces),
                    period: period.trimmingCharacters(in: .whitespaces),
                    schedule: try ScheduleReading.resolve(schedule: schedule ?? "", period: period, effective: from ?? "", original: nil,
                                                          plan: plan, today: session.today, language: session.language,
                                                          names: .commandLine),
                    owners: try ActivityText.owners(owners), funding: funding.codes, amounts: funding.amounts,
                    target: try ActivityText.target(target ?? ""))
            }
            let saved = try session.guarded { try session.apply(.add(activity)) }
            session.tell(Phrase(lv: saved.notice.lv + " " + ScheduleText.showBack(activity.schedule, period: plan.period, .lv),
                                en: saved.notice.en + " " + ScheduleText.showBack(activity.schedule, period: plan.period, .en)))
            Output.print(activity.id)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change an activity's title, period, schedule, owners, funding or target.",
            discussion: """
                Only the options given change. A changed schedule (--schedule, or a --period that reads as another \
                schedule when --schedule is not given) applies from --from, by default the start of the window today \
                falls in; --from alone, with the schedule unchanged, is refused. --target "" removes the target.
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The activity id, e.g. 2.4.", completion: Completions.activities) var id: String
        @Option(help: "A new title.") var title: String?
        @Option(help: "A new period wording.") var period: String?
        @Option(help: "A new schedule.") var schedule: String?
        @Option(help: "The day a changed schedule takes effect, YYYY-MM-DD (default: the start of today's window).") var from: String?
        @Option(help: "The responsible institutions' codes.") var owners: String?
        @Option(help: "Funding codes, each may be followed by euros.") var funding: String?
        @Option(help: "A target (\"30 pedagogi\"), or \"\" for none.") var target: String?

        func run() throws {
            let session = try Session.open(global)
            let plan = try session.guarded { try session.store.plan() }
            let original = try session.guarded { () throws(ChangeRefusal) -> Activity in try ChangeRules.activity(id, in: plan) }
            let edited = try session.guarded { () throws(ChangeRefusal) -> Activity in
                var edited = original
                if let title { edited.title = title.trimmingCharacters(in: .whitespaces) }
                if let period { edited.period = period.trimmingCharacters(in: .whitespaces) }
                // The schedule: as given; else read from a new period wording; else as it is.
                let scheduleText = schedule ?? (period != nil ? "" : ScheduleText.format(original.schedule))
                edited.schedule = try ScheduleReading.resolve(schedule: scheduleText, period: edited.period, effective: from ?? "",
                                                              original: original.schedule, plan: plan, today: session.today,
                                                              language: session.language, names: .commandLine)
                if let owners { edited.owners = try ActivityText.owners(owners) }
                if let funding {
                    let read = try ActivityText.funding(funding)
                    edited.funding = read.codes
                    edited.amounts = read.amounts
                }
                if let target { edited.target = try ActivityText.target(target) }
                return edited
            }
            guard edited != original else {
                session.say("Nekas nav mainīts: \(id) jau ir tāda.", "Nothing changed: \(id) is so already.")
                return
            }
            let saved = try session.guarded { try session.apply(.edit(edited, original: original)) }
            var said = saved.notice
            if edited.schedule != original.schedule {
                said = Phrase(lv: said.lv + " " + ScheduleText.showBack(edited.schedule, period: plan.period, .lv),
                              en: said.en + " " + ScheduleText.showBack(edited.schedule, period: plan.period, .en))
            }
            session.say(said)
        }
    }
}
