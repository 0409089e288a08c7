import ArgumentParser
import Foundation
import SargsCore
import SargsPlanFile

/// A refusal the program reports as one line `sargs: error: …` with the exit
/// status of SPEC §6.
struct Failure: Error {
    enum Code: Int32 {
        case usage = 64
        case data = 65
        case noInput = 66
        case unavailable = 69
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
        let arguments = Array(CommandLine.arguments.dropFirst())
        let language = languageHint(arguments)
        do {
            var command = try Sargs.parseAsRoot(arguments)
            try command.run()
            exit(0)
        } catch let failure as Failure {
            fail(failure.phrase.text(language), code: failure.code.rawValue)
        } catch let error as LocatedError {
            fail(error.text(language), code: Failure.Code.data.rawValue)
        } catch let error as FileProblem {
            fail(error.phrase.text(language), code: (error.missing ? Failure.Code.noInput : .io).rawValue)
        } catch {
            let code = Sargs.exitCode(for: error)
            if code == .success {
                // --help, --version: ArgumentParser prints them itself.
                Sargs.exit(withError: error)
            }
            let message = Sargs.message(for: error)
                .split(separator: "\n").first.map(String.init) ?? "\(error)"
            let cleaned = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
            let status = code == .validationFailure || code.rawValue == 1 ? Failure.Code.usage.rawValue : code.rawValue
            fail(cleaned, code: status)
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
        return Language(rawValue: ProcessInfo.processInfo.environment["SARGS_LANG"] ?? "lv") ?? .lv
    }
}

