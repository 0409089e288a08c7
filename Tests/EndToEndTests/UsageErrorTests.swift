import ArgumentParser
import Foundation
@testable import sargs
import SargsCore
import Testing
import TestSupport

/// Issue 25: ArgumentParser's usage errors are sargs' own (`UsageError`),
/// their kind read from ArgumentParser's error, said in the run's language.
@Suite("Usage errors: sargs' sentences, their kind read from ArgumentParser's error")
struct UsageErrorTests {
    /// One bad command line of each kind ArgumentParser refuses in sargs, its sentence in Latvian and in English.
    static let table: [(arguments: [String], lv: String, en: String)] = [
        (["record"], "trūkst argumenta '<id>'", "the argument '<id>' is missing"),
        (["decision", "add", "--meeting", "1"], "trūkst opcijas '--owner <owner>'", "the option '--owner <owner>' is missing"),
        (["agenda", "--formt", "json"], "nezināma opcija '--formt'; vai domājāt '--format'?",
         "there is no option '--formt'; did you mean '--format'?"),
        (["agenda", "--zzzz"], "nezināma opcija '--zzzz'", "there is no option '--zzzz'"),
        (["record", "2.1", "--date"], "opcijai '--date <date>' trūkst vērtības", "the option '--date <date>' needs a value"),
        (["record", "2.1", "--done=yes"], "opcijai '--done' vērtību nenorāda, bet norādīta 'yes'",
         "the option '--done' takes no value, but 'yes' was given"),
        (["frobnicate"], "negaidīts arguments 'frobnicate'", "the argument 'frobnicate' was not expected"),
        (["note", "2.1", "a", "b", "c"], "negaidīti argumenti 'b', 'c'", "the arguments 'b', 'c' were not expected"),
        (["decision", "list", "--open", "--all"], "'--all' nevar norādīt kopā ar '--open'; izvēlieties vienu",
         "'--all' cannot be given together with '--open'; choose one"),
        (["agenda", "--kind", "secret"], "vērtība 'secret' nav derīga opcijai '--kind <kind>'; der 'regular' vai 'emergency'",
         "the value 'secret' is not valid for the option '--kind <kind>'; use 'regular' or 'emergency'"),
        // A value with a quote in it is the value, whole.
        (["agenda", "--kind", "it's"], "vērtība 'it's' nav derīga opcijai '--kind <kind>'; der 'regular' vai 'emergency'",
         "the value 'it's' is not valid for the option '--kind <kind>'; use 'regular' or 'emergency'"),
        // Six values ArgumentParser lists a line each.
        (["meeting", "show", "1", "--format", "rtf"],
         "vērtība 'rtf' nav derīga opcijai '--format <format>'; der 'text', 'markdown', 'json', 'docx', 'odt' vai 'pdf'",
         "the value 'rtf' is not valid for the option '--format <format>'; use 'text', 'markdown', 'json', 'docx', 'odt' or 'pdf'"),
        (["export", "--format", "ical"], "vērtība 'ical' nav derīga opcijai '--format <format>'; der 'ics' vai 'html'",
         "the value 'ical' is not valid for the option '--format <format>'; use 'ics' or 'html'"),
        (["report", "--year", "x"], "vērtība 'x' nav derīga opcijai '--year <year>'", "the value 'x' is not valid for the option '--year <year>'"),
        (["meeting", "show", "abc"], "vērtība 'abc' nav derīga argumentam '<id>'", "the value 'abc' is not valid for the argument '<id>'"),
        (["agenda", "---x"], "nederīga opcija '---x'", "'---x' is not a valid option"),
        (["--generate-completion-script", "tcsh"], "čaulai 'tcsh' papildinājumu skripta nav; der zsh, bash vai fish",
         "there is no completion script for the shell 'tcsh'; use zsh, bash or fish"),
        // SHELL names a shell with no completion script (below).
        (["--generate-completion-script"], "čaulu nevar noteikt; norādiet --generate-completion-script zsh, bash vai fish",
         "the shell cannot be determined; give --generate-completion-script zsh, bash or fish"),
    ]

    @Test("each kind of usage error is one sentence in the run's language, exit 64", arguments: ["lv", "en"])
    func sentences(language: String) {
        let s = SargsProcess(today: "2025-07-01")  // refused before any store is opened
        for row in Self.table {
            let run = s.run(["--lang", language] + row.arguments, environment: ["SHELL": "/bin/tcsh"])
            let sentence = language == "lv" ? row.lv : row.en
            #expect(run.status == 64, "\(row.arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr == "sargs: error: \(sentence)\n", "\(row.arguments) --lang \(language)")
            #expect(run.stdout.isEmpty, "\(row.arguments): \(run.stdout.prefix(200))")
        }
    }

    // MARK: - The kind, read from ArgumentParser's error

    /// The error ArgumentParser throws for `arguments`, and its message.
    static func parseError(_ arguments: [String], as command: any ParsableCommand.Type = Sargs.self) -> (any Error, String)? {
        do {
            _ = try command.parseAsRoot(arguments)
            return nil
        } catch {
            return (error, command.message(for: error))
        }
    }

    /// ArgumentParser's own error for each kind sargs names, the kind expected.
    static let kinds: [(arguments: [String], command: any ParsableCommand.Type, kind: UsageError.Kind)] = [
        (["record"], Sargs.self, .missing(.argument("'<id>'"))),
        (["decision", "add", "--meeting", "1"], Sargs.self, .missing(.option("'--owner <owner>'"))),
        (["agenda", "--formt", "json"], Sargs.self, .unknownOption("'--formt'", suggestion: "'--format'")),
        (["agenda", "--zzzz"], Sargs.self, .unknownOption("'--zzzz'", suggestion: nil)),
        (["record", "2.1", "--date"], Sargs.self, .missingValue("'--date <date>'")),
        (["record", "2.1", "--done=yes"], Sargs.self, .unexpectedValue(option: "'--done'", value: "'yes'")),
        (["note", "2.1", "a", "b", "c"], Sargs.self, .unexpectedArguments(["'b'", "'c'"])),
        (["decision", "list", "--open", "--all"], Sargs.self, .exclusive("'--all'", previous: "'--open'")),
        (["agenda", "--kind", "secret"], Sargs.self,
         .invalidValue("'secret'", target: .option("'--kind <kind>'"), choices: ["'regular'", "'emergency'"])),
        (["agenda", "--kind", "it's"], Sargs.self,
         .invalidValue("'it's'", target: .option("'--kind <kind>'"), choices: ["'regular'", "'emergency'"])),
        (["meeting", "show", "1", "--format", "rtf"], Sargs.self,
         .invalidValue("'rtf'", target: .option("'--format <format>'"),
                       choices: ["'text'", "'markdown'", "'json'", "'docx'", "'odt'", "'pdf'"])),
        (["report", "--year", "x"], Sargs.self, .invalidValue("'x'", target: .option("'--year <year>'"), choices: [])),
        (["meeting", "show", "abc"], Sargs.self, .invalidValue("'abc'", target: .argument("'<id>'"), choices: [])),
        (["agenda", "---x"], Sargs.self, .invalidOption("'---x'")),
        (["--generate-completion-script", "tcsh"], Sargs.self, .unsupportedShell("tcsh")),
        // Kinds no sargs command line reaches, on a command of the test's own.
        (["--loud", "-vf"], Probe.self, .unknownOrMissingValue("'-vf'", option: "'-f <f>'")),
        (["-v"], Probe.self, .missingOneOf(["'--loud'", "'--quiet'"])),
        ([], Probe.self, .missingOneOf(["'--loud'", "'--quiet'"])),  // ParserError.noArguments around it
        (["--loud", "-sl"], Probe.self, .exclusive("'-l'", previous: "'-s'")),
    ]

    @Test("the kind is ArgumentParser's error's case: the same with its message's words gone, only what it quotes left")
    func kindsFromTheErrorsCase() throws {
        for row in Self.kinds {
            let (error, message) = try #require(Self.parseError(row.arguments, as: row.command), "\(row.arguments) parsed")
            #expect(UsageError(error, message: message)?.kind == row.kind, "\(row.arguments): \(message)")
            // No English word of ArgumentParser's is read: its message cut down to the texts it quotes
            // (and the values it lists) gives the same kind; what is typed (an option, a value, an
            // argument left over, a flag given twice) is read from the error alone, with no message at all.
            // (A value with a quote in it is found only in the message whole.)
            guard !row.arguments.joined().contains("'") else { continue }
            let quotes = UsageError.quoted(message).joined(separator: " ")
            #expect(UsageError(error, message: quotes)?.kind == row.kind, "\(row.arguments): \(quotes)")
        }
        let typed: [[String]] = [["agenda", "--zzzz"], ["record", "2.1", "--done=yes"], ["note", "2.1", "a", "b", "c"],
                                 ["decision", "list", "--open", "--all"], ["agenda", "---x"], ["--generate-completion-script", "tcsh"]]
        for arguments in typed {
            let (error, _) = try #require(Self.parseError(arguments))
            let kind = try #require(UsageError(error, message: "")?.kind)
            #expect(kind == Self.kinds.first { $0.arguments == arguments }?.kind, "\(arguments)")
        }
        // An English message of one kind, given with another kind's error, is said as the error's kind.
        let (unknown, _) = try #require(Self.parseError(["agenda", "--zzzz"]))
        #expect(UsageError(unknown, message: "Missing expected argument '<id>'")?.kind == .unknownOption("'--zzzz'", suggestion: nil))
        // Not ArgumentParser's error: no usage error.
        #expect(UsageError(CocoaError(.fileNoSuchFile), message: "Unknown option '--x'") == nil)
        #expect(UsageError.unclassified("it was 'x' and 'y'").phrase
            == Phrase(lv: "komandrinda nav saprotama: 'x', 'y'; skatiet `sargs help`",
                      en: "the command line is not understood: 'x', 'y'; see `sargs help`"))
    }

    /// A command of the test's own, for the kinds sargs' commands do not reach.
    struct Probe: ParsableCommand {
        enum Tone: String, EnumerableFlag { case loud, quiet }
        enum Size: String, EnumerableFlag {
            case small, large
            static func name(for value: Size) -> NameSpecification { .short }
        }

        @Flag(name: .short) var verbose = false
        @Option(name: .short) var file: String?
        @Flag var tone: Tone
        @Flag var size: Size = .small
    }
}
