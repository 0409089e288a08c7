import ArgumentParser
import Foundation
import SargsCore
import SargsPlanDraft
import SargsFiles
import SargsPlanFile

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Check a plan file, draft one from a plan's table, or export the current plan.",
        subcommands: [Check.self, Export.self, Draft.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate a plan file and print a summary.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan file (YAML).", completion: .file(extensions: ["yaml", "yml"])) var file: String

        func run() throws {
            // Read once: parsed, then looked through for a drafted plan's review comments.
            let text = try TextFile.read(path: file)
            let plan = try PlanFile.parse(text, file: file)
            Output.print(PlanSummary(plan: plan).text(global.language), terminator: "")
            // Review comments: the plan is valid, but a person must still decide them.
            let reviews = PlanFile.reviewComments(in: text)
            for review in reviews {
                FileHandle.standardError.write(Data(SafeText.line("\(file):\(review.line):\(review.column): "
                    + (global.language == .lv ? "jāpārbauda: " : "to review: ") + review.text).utf8 + [0x0A]))
            }
            if !reviews.isEmpty {
                let n = reviews.count
                Output.print(global.language == .lv
                             ? Plural.form(n, .lv, one: "\(n) vieta jāpārbauda (# PĀRBAUDĪT)", other: "\(n) vietas jāpārbauda (# PĀRBAUDĪT)")
                             : Plural.form(n, .en, one: "\(n) place to review (# PĀRBAUDĪT)", other: "\(n) places to review (# PĀRBAUDĪT)"))
            }
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

    /// `sargs plan draft FILE`: a plan file from the plan's own table (issue 16).
    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "draft",
            abstract: "Draft a plan file from a plan's table 2 in a DOCX, ODT, CSV or TSV file.",
            discussion: "What the table does not say for sure is marked # PĀRBAUDĪT in the plan file; `sargs plan check` lists those places.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The plan's document: .docx or .odt (read through pandoc), .csv or .tsv.",
                  completion: .file(extensions: ["docx", "odt", "csv", "tsv"])) var file: String
        @Option(name: .shortAndLong, help: "Write the plan file here instead of the standard output.", completion: .file())
        var output: String?
        @Flag(help: "Replace the output file if it is there.") var force = false
        @Option(help: "The plan's title (default: from the document's title paragraph).") var title: String?
        @Option(help: "The municipality, e.g. \"Cēsu novads\" (default: from the title).") var municipality: String?
        @Option(help: "The plan's period, YYYY..YYYY (default: from the title).") var period: String?

        func run() throws {
            guard FileManager.default.isReadableFile(atPath: file) else {
                throw Failure(.noInput, Phrase(lv: "fails '\(SafeText.line(file))' nav atrodams", en: "the file '\(SafeText.line(file))' does not exist"))
            }
            let lower = file.lowercased()
            let document: PlanTable.Document
            do {
                if lower.hasSuffix(".csv") || lower.hasSuffix(".tsv") {
                    // A plan's table is some hundred kilobytes; 8 MB bounds the draft's own time and memory.
                    let text = try TextFile.read(path: file, limit: Self.tableLimit)
                    document = PlanTable.Document(heading: [], lines: try PlanTable.lines(
                        fromRows: lower.hasSuffix(".tsv") ? PlanTable.delimitedRows(text, separator: "\t", quotes: false)
                            : PlanTable.delimitedRows(text, separator: PlanTable.csvSeparator(text))))
                } else if lower.hasSuffix(".docx") || lower.hasSuffix(".odt") {
                    document = try PlanTable.document(fromPandocJSON: try pandocJSON(file))
                } else {
                    throw Failure(.usage, Phrase(lv: "plāna dokumentam jābūt .docx, .odt, .csv vai .tsv", en: "the plan's document must be .docx, .odt, .csv or .tsv"))
                }
            } catch let problem as PlanTable.Problem {
                throw Failure(.data, Phrase(lv: "\(file): \(problem.phrase.lv)", en: "\(file): \(problem.phrase.en)"))
            }
            for (flag, value) in [("--title", title), ("--municipality", municipality)] {
                guard let value else { continue }
                if value.trimmingBlanks.isEmpty {
                    throw Failure(.usage, Phrase(lv: "\(flag) ir tukšs", en: "\(flag) is empty"))
                }
                if let problem = FreeText.problem(in: value, lines: .one) {
                    throw Failure(.usage, problem.phrase(field: Phrase(lv: flag, en: flag)))
                }
            }
            // The heading is the document's too: nothing of it is kept before it is safe to keep.
            var headingNotes: [Phrase] = []
            let heading = document.heading.map { paragraph -> String in
                let (text, notes) = PlanDraft.cleaned(paragraph)
                headingNotes += notes
                return text
            }
            // The facts come from the title paragraphs ("… PLĀNS", "2025.-2027. GADAM"), not from
            // whatever stands above them (a decision's date, an approval stamp).
            let headingTitle = PlanTable.title(from: heading)
            let facts = PlanDraft.titleFacts(headingTitle ?? heading.prefix(6).joined(separator: " "))
            var span = facts.period
            if let period {
                let parts = period.split(separator: ".", omittingEmptySubsequences: true)
                let years = parts.compactMap { $0.count == 4 ? Int($0) : nil }.filter { (1900...2100).contains($0) }
                guard parts.count == 2, years.count == 2, let first = Day(year: years[0], month: 1, day: 1), let last = Day(year: years[1], month: 12, day: 31),
                      first <= last else {
                    throw Failure(.usage, Phrase(lv: "--period jābūt GGGG..GGGG", en: "--period must be YYYY..YYYY"))
                }
                span = DayRange(first, last)
            }
            guard let planPeriod = span else {
                throw Failure(.data, Phrase(lv: "plāna periods nav atrodams virsrakstā; norādiet --period 2025..2027",
                                            en: "the plan's period is not in its title; give --period 2025..2027"))
            }
            guard let place = municipality ?? facts.municipality else {
                throw Failure(.data, Phrase(lv: "pašvaldība nav atrodama virsrakstā; norādiet --municipality", en: "the municipality is not in the title; give --municipality"))
            }
            let name = title?.trimmingBlanks ?? headingTitle ?? PlanDraft.defaultTitle(municipality: place.trimmingBlanks, period: planPeriod)
            var draft = PlanDraft.make(document.lines, title: name, municipality: place.trimmingBlanks, period: planPeriod,
                                       id: PlanDraft.planID(municipality: place, period: planPeriod))
            if title == nil {
                draft.reviews += headingNotes.map { PlanDraft.Review(activity: nil, field: "title", message: $0) }
            }
            draft.reviews += document.notes.map { PlanDraft.Review(activity: nil, field: "goals", message: $0) }
            // A table read into no activity is not a plan to review ("goals: []"): something
            // about the file was not understood, and nothing is written or printed.
            if draft.plan.activities.isEmpty {
                let rows = document.lines.count(where: { if case .row = $0 { return true } else { return false } })
                // (No row is said in words: Latvian counts 0 in another form.)
                throw Failure(.data, Phrase(
                    lv: "\(SafeText.line(file)): tabulā nav atrasta neviena aktivitāte ("
                        + (rows == 0 ? "zem virsraksta nav nevienas rindas"
                           : Plural.form(rows, .lv, one: "nolasīta \(rows) rinda", other: "nolasītas \(rows) rindas") + " zem virsraksta")
                        + "); nekas netika ierakstīts",
                    en: "\(SafeText.line(file)): no activity was found in the table ("
                        + (rows == 0 ? "no row below the header" : Plural.form(rows, .en, one: "\(rows) row", other: "\(rows) rows") + " read below the header")
                        + "); nothing was written"))
            }
            let yaml = PlanFile.yaml(draft: draft)
            // A draft is a plan file `plan check` accepts; one that is not (a
            // personal code the reading did not mask, say) is neither written
            // nor printed: the refusal says where.
            do { _ = try PlanFile.parse(yaml, file: output ?? "-") } catch {
                throw Failure(.data, Phrase(lv: "melnraksts nav derīgs plāns (\(error.line):\(error.column): \(error.phrase.lv)); nekas netika ierakstīts",
                                            en: "the draft is not a valid plan (\(error.line):\(error.column): \(error.phrase.en)); nothing was written"))
            }
            if let output {
                try Document.check(output, force: force, storePath: global.storePath(planID: draft.plan.id), inputs: [file])
                try Document.writeText(yaml, to: output, force: force, mode: 0o600)
            } else {
                Output.print(yaml, terminator: "")
            }
            let n = draft.plan.activities.count, r = draft.reviews.count
            let summary = global.language == .lv
                ? Plural.form(n, .lv, one: "\(n) aktivitāte", other: "\(n) aktivitātes") + ", "
                  + Plural.form(draft.plan.goals.count, .lv, one: "\(draft.plan.goals.count) mērķis", other: "\(draft.plan.goals.count) mērķi") + "; "
                  + (r == 0 ? "nekas nav jāpārbauda" : Plural.form(r, .lv, one: "\(r) vieta jāpārbauda", other: "\(r) vietas jāpārbauda"))
                  + (output.map { " (sargs plan check \(ShellWord.path(SafeText.line($0))))" } ?? " (saglabājiet ar -o PLĀNS.yaml un pārbaudiet: sargs plan check PLĀNS.yaml)")
                : Plural.form(n, .en, one: "\(n) activity", other: "\(n) activities") + ", "
                  + Plural.form(draft.plan.goals.count, .en, one: "\(draft.plan.goals.count) goal", other: "\(draft.plan.goals.count) goals") + "; "
                  + (r == 0 ? "nothing to review" : Plural.form(r, .en, one: "\(r) place to review", other: "\(r) places to review"))
                  + (output.map { " (sargs plan check \(ShellWord.path(SafeText.line($0))))" } ?? " (save it with -o PLAN.yaml, then: sargs plan check PLAN.yaml)")
            FileHandle.standardError.write(Data((SafeText.line(summary) + "\n").utf8))
        }

        /// The largest DOCX or ODT read (20 MB), what it may unpack to
        /// (200 MB) and how many members it may have (10,000): a plan's
        /// table is far smaller, a zip bomb far larger (issue 31).
        static let documentLimit = 20 << 20, unpackedLimit = 200 << 20, memberLimit = 10_000
        /// The largest CSV or TSV drafted (8 MB: a 60 MB one took 460 s and 5 GB).
        static let tableLimit = 8 << 20

        /// pandoc's JSON of a DOCX or ODT: the file read by sargs (a regular
        /// file, within the limits above, its ZIP directory checked), then
        /// handed to pandoc on its standard input under `Document.limits`.
        func pandocJSON(_ path: String) throws -> Data {
            let shown = SafeText.line(path)
            let bytes = try SafeFile.read(path, limit: Self.documentLimit)
            let directory: ZipDirectory
            do {
                directory = try ZipDirectory(bytes)
            } catch {
                throw Failure(.data, Phrase(lv: "\(shown) nav DOCX vai ODT dokuments (tas nav ZIP fails vai ir bojāts)",
                                            en: "\(shown) is not a DOCX or ODT document (not a ZIP file, or a damaged one)"))
            }
            guard directory.unpackedBytes <= Self.unpackedLimit, directory.entries <= Self.memberLimit else {
                throw Failure(.data, Phrase(
                    lv: "\(shown) atpakojas \(directory.unpackedBytes >> 20) MB un \(directory.entries) daļās; sargs lasa dokumentus līdz \(Self.unpackedLimit >> 20) MB un \(Self.memberLimit) daļām; nekas netika nolasīts",
                    en: "\(shown) unpacks to \(directory.unpackedBytes >> 20) MB in \(directory.entries) parts; sargs reads documents of up to \(Self.unpackedLimit >> 20) MB and \(Self.memberLimit) parts; nothing was read"))
            }
            let format = path.lowercased().hasSuffix(".odt") ? "odt" : "docx"
            return Data(try Document.runPandoc(["-f", format, "-t", "json"], input: bytes, inputName: path))
        }
    }
}
