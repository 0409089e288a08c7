import ArgumentParser
import Foundation
import SargsCore
import SargsFiles
import SargsPlanFile

/// A refusal the program reports as one line `sargs: error: …` with the exit
/// status of SPEC §6.
struct Failure: Error {
    enum Code: Int32 {
        case usage = 64
        case data = 65
        case noInput = 66
        case unavailable = 69
        case osError = 71
        case io = 74
    }

    var code: Code
    var phrase: Phrase

    init(_ code: Code, _ phrase: Phrase) {
        self.code = code
        self.phrase = phrase
    }
}

/// Runs the command line and turns every failure into one line and an exit status.
enum CommandLineRunner {
    static func run() -> Never {
        let arguments = globalOptionsAfterCommand(Array(CommandLine.arguments.dropFirst()))
        let language = languageHint(arguments)
        ResourceLimits.prepare(arguments, language: language)
        do {
            var command = try Sargs.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let failure as Failure {
            fail(failure.phrase.text(language), code: failure.code.rawValue)
        } catch let error as LocatedError {
            fail(error.text(language), code: Failure.Code.data.rawValue)
        } catch let refusal as FileRefusal {
            // A file sargs would not read, open or replace (issue 31).
            let code: Failure.Code
            switch refusal.kind {
            case .exists: code = .usage
            case .system(ENOENT), .system(ENOTDIR): code = .noInput
            case .system: code = .io
            case .symbolicLink, .manyLinks, .foreign, .untrustedLink: code = .unavailable
            default: code = .data
            }
            fail(refusal.phrase.text(language), code: code.rawValue)
        } catch let error as FileProblem {
            fail(error.phrase.text(language), code: (error.missing ? Failure.Code.noInput : .io).rawValue)
        } catch {
            let code = Sargs.exitCode(for: error)
            if code == .success {
                // --help, --version: ArgumentParser prints them itself.
                Sargs.exit(withError: error)
            }
            // Command-line text that is not UTF-8 is named as such (65), before
            // anything ArgumentParser made of its replacement characters.
            if let refusal = CommandLineText.notUTF8() {
                fail(refusal.phrase.text(language), code: refusal.code.rawValue)
            }
            // A refusal an option group's or a command's validate() threw, in both languages.
            if let failure = thrownFailure(in: error) {
                fail(failure.phrase.text(language), code: failure.code.rawValue)
            }
            if let negative = arguments.first(where: isNegativeNumber) {
                // ArgumentParser reads "-1" as an unknown option and says a value is missing.
                fail(Phrase(lv: "'\(negative)' nav derīgs: sēžu un lēmumu numuri, skaiti un dienas ir veseli skaitļi no 1",
                            en: "'\(negative)' is not valid: meeting and decision numbers, counts and days are whole numbers from 1")
                        .text(language), code: Failure.Code.usage.rawValue)
            }
            // ArgumentParser's usage error, in sargs' words and the run's language, its kind read
            // from ArgumentParser's error itself (UsageError); a usage error of no kind known names what it quotes.
            let message = Sargs.message(for: error)
            if let usage = UsageError(error, message: message) ?? (code == .validationFailure ? .unclassified(message) : nil) {
                fail(usage.phrase.text(language), code: Failure.Code.usage.rawValue)
            }
            let line = oneLine(message)
            let cleaned = line.hasPrefix("Error: ") ? String(line.dropFirst(7)) : line
            let status = code.rawValue == 1 ? Failure.Code.usage.rawValue : code.rawValue
            // An error of no kind sargs knows (a fault of its own) is named, its English description left to --lang en.
            fail(language == .en ? cleaned : "neparedzēta kļūda (\(type(of: error))); tās aprakstu angliski rāda --lang en", code: status)
        }
    }

    /// Ends a command that has written all it had to write, at once: what it
    /// read is not freed value by value first (for 10,000 activities that
    /// took longer than writing the agenda).
    static func finish() -> Never {
        fflush(nil)  // every output stream (naming `stdout` is not concurrency-safe)
        exit(0)
    }

    static func fail(_ message: String, code: Int32) -> Never {
        // Whatever a message quotes (a file's bytes, a typed value) is made safe to print.
        FileHandle.standardError.write(Data("sargs: error: \(SafeText.line(message))\n".utf8))
        exit(code)
    }

    /// The options every command takes (SPEC §7), accepted before the
    /// command's name as well as after it.
    static let globalOptions: Set<String> = ["--db", "--today", "--user", "--lang"]

    /// Commands whose own subcommand follows their name (`meeting list`,
    /// `activity add`): read from the command table, so a new group is one.
    static let commandGroups: Set<String> = Set(Sargs.configuration.subcommands
        .filter { !$0.configuration.subcommands.isEmpty }.map { $0._commandName })

    /// `arguments` with the global options that stand before the command's
    /// name (or between a group and its subcommand) moved right after the
    /// command (`sargs --db X agenda` → `sargs agenda --db X`,
    /// `sargs meeting --db X list` → `sargs meeting list --db X`), so that
    /// ArgumentParser, which reads options only after the (sub)command they
    /// belong to, accepts them where git and kubectl users put them, and an
    /// option given again later wins, as it does after the command.
    static func globalOptionsAfterCommand(_ arguments: [String]) -> [String] {
        var moved: [String] = []
        var i = 0
        func takeGlobals() {
            while i < arguments.count {
                let argument = arguments[i]
                if globalOptions.contains(argument), i + 1 < arguments.count {
                    moved += [argument, arguments[i + 1]]
                    i += 2
                } else if argument.contains("="), let name = argument.split(separator: "=", maxSplits: 1).first,
                          globalOptions.contains(String(name)) {
                    moved.append(argument)
                    i += 1
                } else {
                    return
                }
            }
        }
        takeGlobals()
        // No command named (`sargs --db X --theme mono` is the board's): nothing to move.
        guard i < arguments.count, !arguments[i].hasPrefix("-") else { return arguments }
        var command = [arguments[i]]
        i += 1
        if commandGroups.contains(command[0]) {
            takeGlobals()
            if i < arguments.count, !arguments[i].hasPrefix("-") {
                command.append(arguments[i])
                i += 1
            }
        }
        guard !moved.isEmpty else { return arguments }
        return command + moved + Array(arguments[i...])
    }

    /// ArgumentParser's message on one line: a list of allowed values
    /// ("Please provide one of the following:" then "- 'text'" lines)
    /// folded into "one of 'text', 'markdown' or 'json'".
    static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = lines.first else { return message }
        guard first.hasSuffix("Please provide one of the following:") else { return first }
        let values = lines.dropFirst().compactMap { line -> String? in
            line.hasPrefix("- ") ? "'" + String(line.dropFirst(2)) + "'" : nil
        }
        guard let last = values.last else { return first }
        let list = values.count == 1 ? last : values.dropLast().joined(separator: ", ") + " or " + last
        return String(first.dropLast("the following:".count)) + list + "."
    }

    /// A refusal written as a sentence of its own (the store's, for the
    /// board's status line: "Lēmums Nr. 7 jau ir izpildīts.") as the rest of
    /// the line after "sargs: error:", as every other refusal reads: a
    /// lower-case start (not of a name in capitals, "SARGS_DB", "YAML") and
    /// no full stop at the end.
    static func continuingLine(_ phrase: Phrase) -> Phrase {
        func clause(_ text: String) -> String {
            var out = text
            if let first = out.first, first.isUppercase, let second = out.dropFirst().first, second.isLowercase {
                out = first.lowercased() + out.dropFirst()
            }
            if out.hasSuffix("."), !out.hasSuffix("..") { out.removeLast() }
            return out
        }
        return Phrase(lv: clause(phrase.lv), en: clause(phrase.en))
    }

    /// The `Failure` a `validate()` threw, wherever ArgumentParser wrapped it
    /// (its `CommandError` holds a `ParserError.userValidationError`).
    static func thrownFailure(in value: Any, depth: Int = 0) -> Failure? {
        if let failure = value as? Failure { return failure }
        guard depth < 4 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let failure = thrownFailure(in: child.value, depth: depth + 1) { return failure }
        }
        return nil
    }

    static func isNegativeNumber(_ argument: String) -> Bool {
        argument.count > 1 && argument.hasPrefix("-") && argument.dropFirst().allSatisfy(\.isASCII) && Int(argument) != nil
    }

    /// The language for messages, read before the arguments are parsed so
    /// that a usage error is said in the language asked for.
    static func languageHint(_ arguments: [String]) -> Language {
        if let i = arguments.firstIndex(of: "--lang"), i + 1 < arguments.count,
           let language = Language(rawValue: arguments[i + 1]) {
            return language
        }
        if let arg = arguments.first(where: { $0.hasPrefix("--lang=") }),
           let language = Language(rawValue: String(arg.dropFirst(7))) {
            return language
        }
        return Language(rawValue: Environment.variables["SARGS_LANG"] ?? "lv") ?? .lv
    }
}

