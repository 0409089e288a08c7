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
            let message = oneLine(Sargs.message(for: error))
            let cleaned = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
            let status = code == .validationFailure || code.rawValue == 1 ? Failure.Code.usage.rawValue : code.rawValue
            // A usage error in the run's language; an error of no kind sargs knows (a fault
            // of its own) is named, its English description left to --lang en.
            fail(language == .en ? cleaned : code == .validationFailure ? latvian(cleaned)
                 : "neparedzēta kļūda (\(type(of: error))); tās aprakstu angliski rāda --lang en", code: status)
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

    /// Commands whose own subcommand follows their name (`meeting list`).
    static let commandGroups: Set<String> = ["plan", "meeting", "decision", "institution"]

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

    /// ArgumentParser's usage errors, said in Latvian (its own words are
    /// English), and the English `ValidationError`s of commands that throw
    /// them. A message of no known shape is never passed on in English: it
    /// becomes a Latvian sentence naming what it quotes.
    static func latvian(_ message: String) -> String {
        for (pattern, say) in latvianForms {
            if let match = pattern.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)),
               match.range.location == 0, match.range.length == (message as NSString).length {
                let groups = (1..<match.numberOfRanges).map { i -> String in
                    Range(match.range(at: i), in: message).map { String(message[$0]) } ?? ""
                }
                return say(groups)
            }
        }
        // Anything else ArgumentParser (or a command) says: what it quotes, in a Latvian sentence.
        let quoted = message.matches(of: /'[^']*'/).map { String($0.output) }
        return quoted.isEmpty ? "komandrinda nav saprotama; skatiet `sargs help`"
            : "komandrinda nav saprotama: " + quoted.joined(separator: ", ") + "; skatiet `sargs help`"
    }

    /// "'a', 'b' or 'c'" → "'a', 'b' vai 'c'".
    static func latvianList(_ list: String) -> String {
        list.replacingOccurrences(of: " and ", with: " vai ").replacingOccurrences(of: " or ", with: " vai ")
    }

    /// Whom a value or a missing value belongs to: "opcijai '--date <date>'", "argumentam '<id>'".
    static func latvianTarget(_ quoted: String) -> String {
        (quoted.hasPrefix("'-") ? "opcijai " : "argumentam ") + quoted
    }

    /// The shapes of ArgumentParser's messages (swift-argument-parser's
    /// ErrorMessageGenerator) and of the English `ValidationError`s, each
    /// with its Latvian sentence.
    static let latvianForms: [(NSRegularExpression, @Sendable ([String]) -> String)] = {
        let forms: [(String, @Sendable ([String]) -> String)] = [
            (#"Missing expected argument ('.+')"#, { "trūkst argumenta \($0[0])" }),
            (#"Missing one of: (.+)"#, { "trūkst viena no šiem: \($0[0])" }),
            (#"Unknown option ('[^']+')\. Did you mean ('[^']+')\?"#, { "nezināma opcija \($0[0]); vai domājāt \($0[1])?" }),
            (#"Unknown option ('[^']+')"#, { "nezināma opcija \($0[0])" }),
            (#"Missing value for ('.+')"#, { latvianTarget($0[0]) + " trūkst vērtības" }),
            (#"The option ('[^']+') does not take any value, but ('.*') was specified\."#,
             { "opcijai \($0[0]) vērtību nenorāda, bet norādīta \($0[1])" }),
            (#"Unexpected argument ('.*')"#, { "negaidīts arguments \($0[0])" }),
            (#"[0-9]+ unexpected arguments: (.+)"#, { "negaidīti argumenti \($0[0])" }),
            (#"Value to be set with flag ('[^']+')(?: in '[^']*')? had already been set with flag ('[^']+')(?: in '[^']*')?"#,
             { "\($0[0]) nevar norādīt kopā ar \($0[1]); izvēlieties vienu" }),
            (#"The value ('.*') is invalid for ('[^']+')\. Please provide one of (.+)\."#,
             { "vērtība \($0[0]) nav derīga \(latvianTarget($0[1])); der \(latvianList($0[2]))" }),
            (#"The value ('.*') is invalid for ('[^']+')(?:: .*)?"#, { "vērtība \($0[0]) nav derīga \(latvianTarget($0[1]))" }),
            (#"The value ('.*') is invalid\..*"#, { "vērtība \($0[0]) nav derīga" }),
            (#"Invalid option: (.+)"#, { "nederīga opcija: \($0[0])" }),
            (#"Missing required subcommand\."#, { _ in "trūkst apakškomandas; skatiet `sargs help`" }),
            (#"Can't generate completion scripts for ('[^']*')\..*"#, { "čaulai \($0[0]) papildinājumu skripta nav; der zsh, bash vai fish" }),
            (#"Can't autodetect a supported shell\..*"#, { _ in "čaulu nevar noteikt; norādiet --generate-completion-script zsh, bash vai fish" }),
            (#"Internal error\..*"#, { _ in "iekšēja kļūda, lasot komandrindu" }),
            // sargs' own usage errors are thrown as `Failure`s in both languages: none is translated here.
        ]
        // swiftlint:disable:next force_try
        return forms.map { (try! NSRegularExpression(pattern: $0.0, options: [.dotMatchesLineSeparators]), $0.1) }
    }()

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

