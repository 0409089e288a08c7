import ArgumentParser
import Foundation
import SargsCore

/// A command line ArgumentParser refused, said in sargs' words in the run's
/// language (issue 25), exit 64.
///
/// Its kind comes from ArgumentParser's own error, never from the English
/// sentence ArgumentParser makes of it: `ParserError` (internal to
/// ArgumentParser, wrapped in its `CommandError`) is read by `Mirror`, as
/// `CommandLineRunner.thrownFailure(in:)` reads a `validate()`'s refusal:
/// the case's label, and its associated values (the option typed, the value
/// given, the arguments left over). Only what ArgumentParser alone knows how
/// to show, an option or argument with its value's name (`'--date <date>'`,
/// `'<id>'`), the close name it suggests and the values an option takes, is
/// taken from its message, as the quoted data it is.
struct UsageError: Error, Equatable {
    /// What an invalid value or a missing value was for.
    enum Target: Equatable {
        case option(String)  // '--kind <kind>'
        case argument(String)  // '<id>'

        init(_ quoted: String) {
            self = quoted.hasPrefix("'-") ? .option(quoted) : .argument(quoted)
        }
    }

    /// The kinds of ArgumentParser's parse errors; each quoted text keeps its quotes.
    enum Kind: Equatable {
        /// `noValue`: a required argument or option is not there.
        case missing(Target)
        /// `noValue` of an input with several names: one of them is not there.
        case missingOneOf([String])
        /// `unknownOption`: the option typed, and the known one ArgumentParser finds close to it.
        case unknownOption(String, suggestion: String?)
        /// `missingValueForOption`: '--date <date>' with nothing after it.
        case missingValue(String)
        /// `missingValueOrUnknownCompositeOption`: '-fx' is no option, or '-f <format>' wants a value.
        case unknownOrMissingValue(String, option: String)
        /// `unexpectedValueForOption`: a flag given a value (`--done=yes`).
        case unexpectedValue(option: String, value: String)
        /// `unexpectedExtraValues`: what is left over.
        case unexpectedArguments([String])
        /// `duplicateExclusiveValues`: a flag, and the one of its kind given before it.
        case exclusive(String, previous: String)
        /// `unableToParseValue`: the value, what it was for, the values that would do.
        case invalidValue(String, target: Target?, choices: [String])
        /// `invalidOption`, `nonAlphanumericShortOption`: no option's name at all ('---x').
        case invalidOption(String)
        /// `missingSubcommand`.
        case missingSubcommand
        /// `unsupportedShell`, a refused `completionScriptRequested`: a shell with no completion
        /// script, or none to be told (nil).
        case unsupportedShell(String?)
        /// `notImplemented`, `invalidState`, `notParentCommand`, a `noValue` that names nothing:
        /// ArgumentParser's fault, or a command's declaration.
        case internalError
        /// Any other case (a `validate()`'s refusal that is not sargs' own), or no
        /// `ParserError` at all: what the message quotes.
        case unclassified([String])
    }

    var kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    /// The usage error ArgumentParser's `error` is, with `message` (its
    /// message, `Sargs.message(for:)`) for the quoted names only it knows;
    /// nil when `error` holds no `ParserError`.
    init?(_ error: any Error, message: String) {
        guard let parserError = Self.parserError(in: error) else { return nil }
        kind = Self.kind(of: parserError, message: message)
    }

    /// A refusal of no kind known, naming what `message` quotes.
    static func unclassified(_ message: String) -> UsageError {
        UsageError(.unclassified(quoted(message)))
    }

    // MARK: - The sentences

    var phrase: Phrase {
        switch kind {
        case .missing(.argument(let name)):
            return Phrase(lv: "trūkst argumenta \(name)", en: "the argument \(name) is missing")
        case .missing(.option(let name)):
            return Phrase(lv: "trūkst opcijas \(name)", en: "the option \(name) is missing")
        case .missingOneOf(let names):
            let list = names.joined(separator: ", ")
            return Phrase(lv: "trūkst viena no šiem: \(list)", en: "one of these is missing: \(list)")
        case .unknownOption(let name, nil):
            return Phrase(lv: "nezināma opcija \(name)", en: "there is no option \(name)")
        case .unknownOption(let name, let suggestion?):
            return Phrase(lv: "nezināma opcija \(name); vai domājāt \(suggestion)?",
                          en: "there is no option \(name); did you mean \(suggestion)?")
        case .missingValue(let option):
            return Phrase(lv: "opcijai \(option) trūkst vērtības", en: "the option \(option) needs a value")
        case .unknownOrMissingValue(let name, let option):
            return Phrase(lv: "nezināma opcija \(name), vai opcijai \(option) trūkst vērtības",
                          en: "there is no option \(name), or the option \(option) needs a value")
        case .unexpectedValue(let option, let value):
            return Phrase(lv: "opcijai \(option) vērtību nenorāda, bet norādīta \(value)",
                          en: "the option \(option) takes no value, but \(value) was given")
        case .unexpectedArguments(let values) where values.count == 1:
            return Phrase(lv: "negaidīts arguments \(values[0])", en: "the argument \(values[0]) was not expected")
        case .unexpectedArguments(let values):
            let list = values.joined(separator: ", ")
            return Phrase(lv: "negaidīti argumenti \(list)", en: "the arguments \(list) were not expected")
        case .exclusive(let flag, let previous):
            return Phrase(lv: "\(flag) nevar norādīt kopā ar \(previous); izvēlieties vienu",
                          en: "\(flag) cannot be given together with \(previous); choose one")
        case .invalidValue(let value, let target, let choices):
            var phrase: Phrase
            switch target {
            case .option(let name)?:
                phrase = Phrase(lv: "vērtība \(value) nav derīga opcijai \(name)",
                                en: "the value \(value) is not valid for the option \(name)")
            case .argument(let name)?:
                phrase = Phrase(lv: "vērtība \(value) nav derīga argumentam \(name)",
                                en: "the value \(value) is not valid for the argument \(name)")
            case nil:
                phrase = Phrase(lv: "vērtība \(value) nav derīga", en: "the value \(value) is not valid")
            }
            if !choices.isEmpty {
                phrase = Phrase(lv: phrase.lv + "; der " + Self.list(choices, or: "vai"),
                                en: phrase.en + "; use " + Self.list(choices, or: "or"))
            }
            return phrase
        case .invalidOption(let name):
            return Phrase(lv: "nederīga opcija \(name)", en: "\(name) is not a valid option")
        case .missingSubcommand:
            return Phrase(lv: "trūkst apakškomandas; skatiet `sargs help`", en: "a subcommand is missing; see `sargs help`")
        case .unsupportedShell(let shell?):
            return Phrase(lv: "čaulai '\(shell)' papildinājumu skripta nav; der \(Self.shells(or: "vai"))",
                          en: "there is no completion script for the shell '\(shell)'; use \(Self.shells(or: "or"))")
        case .unsupportedShell(nil):
            return Phrase(lv: "čaulu nevar noteikt; norādiet --generate-completion-script \(Self.shells(or: "vai"))",
                          en: "the shell cannot be determined; give --generate-completion-script \(Self.shells(or: "or"))")
        case .internalError:
            return Phrase(lv: "iekšēja kļūda, lasot komandrindu", en: "an internal error came up reading the command line")
        case .unclassified(let quoted) where quoted.isEmpty:
            return Phrase(lv: "komandrinda nav saprotama; skatiet `sargs help`",
                          en: "the command line is not understood; see `sargs help`")
        case .unclassified(let quoted):
            let list = quoted.joined(separator: ", ")
            return Phrase(lv: "komandrinda nav saprotama: \(list); skatiet `sargs help`",
                          en: "the command line is not understood: \(list); see `sargs help`")
        }
    }

    /// "'a', 'b' vai 'c'", "'a' or 'b'", "'a'".
    static func list(_ items: [String], or word: String) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(word) " + last
    }

    /// The shells ArgumentParser writes completion scripts for: "zsh, bash or fish".
    static func shells(or word: String) -> String {
        list(CompletionShell.allCases.map(\.rawValue), or: word)
    }

    // MARK: - Reading ArgumentParser's error

    /// The `ParserError` inside `value` (ArgumentParser's `CommandError`
    /// holds it as `parserError`), found by its type's name.
    static func parserError(in value: Any, depth: Int = 0) -> Any? {
        if String(reflecting: type(of: value)) == "ArgumentParser.ParserError" { return value }
        guard depth < 3 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let found = parserError(in: child.value, depth: depth + 1) { return found }
        }
        return nil
    }

    static func kind(of value: Any, message: String) -> Kind {
        guard let error = Case(value) else { return .unclassified(quoted(message)) }
        let values = error.values
        switch error.label {
        case "noValue":
            // The input's names, as ArgumentParser shows them ('<id>', '--owner <owner>').
            let names = quoted(message)
            switch names.count {
            case 0: return .internalError  // a property that is no argument: the declaration's fault
            case 1: return .missing(Target(names[0]))
            default: return .missingOneOf(names)
            }
        case "unknownOption":
            guard values.count == 2, let name = optionName(values[1]) else { break }
            return .unknownOption("'\(name)'", suggestion: quoted(message, after: "'\(name)'").first)
        case "missingValueForOption":
            guard values.count == 2, let name = optionName(values[1]) else { break }
            return .missingValue(shown(name, in: message))
        case "missingValueOrUnknownCompositeOption":
            guard values.count == 3, let short = optionName(values[1]), let composite = optionName(values[2]) else { break }
            return .unknownOrMissingValue("'\(composite)'", option: shown(short, in: message))
        case "unexpectedValueForOption":
            guard values.count == 3, let name = optionName(values[1]), let value = values[2] as? String else { break }
            return .unexpectedValue(option: "'\(name)'", value: "'\(value)'")
        case "unexpectedExtraValues":
            // [(InputOrigin, String)]: each argument left over, in order.
            guard let left = values.first else { break }
            let arguments = Mirror(reflecting: left).children.compactMap { pair in
                Mirror(reflecting: pair.value).children.dropFirst().first?.value as? String
            }
            guard !arguments.isEmpty else { break }
            return .unexpectedArguments(arguments.map { "'\($0)'" })
        case "duplicateExclusiveValues":
            guard values.count == 3, let input = values[2] as? [String],
                  let duplicate = flag(at: values[1], in: input), let previous = flag(at: values[0], in: input) else { break }
            return .exclusive("'\(duplicate)'", previous: "'\(previous)'")
        case "unableToParseValue":
            guard values.count == 5, let value = values[2] as? String else { break }
            let name = optionName(values[1])
            let after = quoted(message, after: "'\(value)'")
            // What the value was for: the option named in the error, else an argument ('<id>').
            let target = after.first.flatMap { first -> Target? in
                if let name { return first.hasPrefix("'\(name)") ? .option(first) : nil }
                return first.hasPrefix("'<") ? .argument(first) : nil
            }
            // The values that would do, when ArgumentParser lists them (no error of the value's own).
            let choices = isNil(values[4]) ? Array(after.dropFirst(target == nil ? 0 : 1)) : []
            return .invalidValue("'\(value)'", target: target, choices: choices)
        case "invalidOption":
            guard let name = values.first as? String else { break }
            return .invalidOption("'\(name)'")
        case "nonAlphanumericShortOption":
            guard let character = values.first as? Character else { break }
            return .invalidOption("'-\(character)'")
        case "missingSubcommand":
            return .missingSubcommand
        case "unsupportedShell":
            return .unsupportedShell(values.first.flatMap { unwrapped($0) as? String })
        case "completionScriptRequested":
            // `--generate-completion-script [SHELL]` is refused (ArgumentParser makes its
            // unsupportedShell only when it writes the message) when no script is there for
            // the shell named, or, none named, for the one SHELL names.
            let shell = values.first.flatMap { unwrapped($0) as? String }
            guard (shell.map { CompletionShell(rawValue: $0) } ?? CompletionShell.autodetected()) == nil else { break }
            return .unsupportedShell(shell)
        case "noArguments":
            // The same error, for a command line with no arguments at all.
            if let inner = values.first.flatMap({ parserError(in: unwrapped($0) ?? $0) }) {
                return kind(of: inner, message: message)
            }
        case "notImplemented", "invalidState", "notParentCommand":
            return .internalError
        default:
            break
        }
        return .unclassified(quoted(message))
    }

    /// An enum value's case as `Mirror` shows it: its label and its associated values.
    struct Case {
        var label: String
        var values: [Any]

        init?(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .enum else { return nil }
            if let child = mirror.children.first, let label = child.label {
                self.label = label
                let payload = Mirror(reflecting: child.value)
                values = payload.displayStyle == .tuple ? payload.children.map(\.value) : [child.value]
            } else {
                label = String(describing: value)
                values = []
            }
        }
    }

    /// An ArgumentParser `Name` (or `Name?`) as typed: `--date`, `-o`, `-fx`.
    static func optionName(_ value: Any) -> String? {
        guard let name = Case(unwrapped(value) ?? value) else { return nil }
        switch name.label {
        case "long": return (name.values.first as? String).map { "--" + $0 }
        case "short": return (name.values.first as? Character).map { "-" + String($0) }
        case "longWithSingleDash": return (name.values.first as? String).map { "-" + $0 }
        default: return nil
        }
    }

    /// The flag an `InputOrigin` points at in the command line: the whole
    /// argument (`--all`), or one letter of a group of them (`-o` of `-ao`).
    static func flag(at origin: Any, in input: [String]) -> String? {
        let positions = argumentIndices(in: origin).sorted { ($0.0, $0.1 ?? -1) < ($1.0, $1.1 ?? -1) }
        guard let (index, letter) = positions.first, input.indices.contains(index) else { return nil }
        let argument = input[index]
        guard let letter else { return argument }
        let characters = Array(argument.dropFirst())
        return characters.indices.contains(letter) ? "-" + String(characters[letter]) : argument
    }

    /// Every `.argumentIndex(SplitArguments.Index)` in an `InputOrigin`:
    /// the argument's place, and the letter's within it (nil: the whole argument).
    static func argumentIndices(in value: Any, depth: Int = 0) -> [(Int, Int?)] {
        if let element = Case(value), element.label == "argumentIndex", let index = element.values.first {
            let fields = Dictionary(Mirror(reflecting: index).children.compactMap { child in child.label.map { ($0, child.value) } },
                                    uniquingKeysWith: { first, _ in first })
            guard let input = fields["inputIndex"],
                  let position = Mirror(reflecting: input).children.first(where: { $0.label == "rawValue" })?.value as? Int
            else { return [] }
            let sub = fields["subIndex"].flatMap(Case.init).flatMap { $0.label == "sub" ? $0.values.first as? Int : nil }
            return [(position, sub)]
        }
        guard depth < 4 else { return [] }
        return Mirror(reflecting: value).children.flatMap { argumentIndices(in: $0.value, depth: depth + 1) }
    }

    /// What an `Optional` held (nil for none); nil for a value that is not optional.
    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return nil }
        return mirror.children.first?.value
    }

    static func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    /// An option as ArgumentParser shows it in `message`, with its value's
    /// name ('--date <date>'), else as typed ('--date').
    static func shown(_ name: String, in message: String) -> String {
        quoted(message).first { $0 == "'\(name)'" || $0.hasPrefix("'\(name) <") } ?? "'\(name)'"
    }

    /// The quoted texts of `message` ('…', quotes kept), and the values
    /// it lists a line each ("  - pdf" → 'pdf').
    static func quoted(_ message: String) -> [String] {
        message.split(separator: "\n").flatMap { line -> [String] in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- ") { return ["'" + trimmed.dropFirst(2) + "'"] }
            return line.matches(of: /'[^']*'/).map { String($0.output) }
        }
    }

    /// The quoted texts of `message` after `known`, a quoted text whose own
    /// content (a value typed, with a quote in it) is not to be split.
    static func quoted(_ message: String, after known: String) -> [String] {
        guard let range = message.range(of: known) else { return [] }
        return quoted(String(message[range.upperBound...]))
    }
}
