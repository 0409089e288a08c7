import Foundation
import SargsBoard
import SargsCore
import SargsPlanFile
import Yams

/// A theme file that cannot be used, located at the offending YAML node:
/// the same `FILE:LINE:COLUMN: message` error as a plan file's, in both languages.
public typealias ThemeFileError = LocatedError

/// No theme of that name (or no file at that path).
public struct ThemeNotFoundError: Error, Equatable, CustomStringConvertible {
    public var nameOrPath: String
    public var searched: [String]
    public var available: [String]

    public var description: String { phrase.en }

    /// The refusal in both languages.
    public var phrase: Phrase {
        if ThemeFile.looksLikePath(nameOrPath) {
            return Phrase(lv: "tēmas faila \(nameOrPath) nav", en: "no theme file at \(nameOrPath)")
        }
        var lv = "nav tēmas \"\(nameOrPath)\"", en = "no theme named \"\(nameOrPath)\""
        if !available.isEmpty {
            lv += "; ir: " + available.joined(separator: ", ")
            en += "; available: " + available.joined(separator: ", ")
        }
        if searched.isEmpty {
            lv += " (tēmu mape nav atrasta)"
            en += " (no theme directory found)"
        } else {
            lv += " (meklēts: " + searched.joined(separator: ", ") + ")"
            en += " (looked in " + searched.joined(separator: ", ") + ")"
        }
        return Phrase(lv: lv, en: en)
    }
}

/// Theme files: YAML mapping semantic roles to colours and attributes.
///
/// ```yaml
/// name: default
/// roles:
///   header: {fg: white, bg: blue, attrs: [bold]}
///   cardSelected: {fg: black, bg: 214, attrs: [bold]}
/// ```
///
/// Colours: `default`, `black` `red` `green` `yellow` `blue` `magenta` `cyan`
/// `white`, their `bright…` forms (`brightBlue`), a palette index `0`–`255`, or
/// `#rrggbb` (the nearest palette colour). A missing `fg`/`bg` is the
/// terminal's default colour. Attributes: `bold`, `dim`, `underline`,
/// `reverse`, `italic`, `standout`, as a list or a single word. Roles left out
/// fall back as `Theme.style(for:)` says.
public enum ThemeFile {
    /// Reads and checks the theme file at `path`.
    public static func load(path: String) throws -> Theme {
        let text = try TextFile.read(path: path)
        let fallbackName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try parse(text, file: path, defaultName: fallbackName)
    }

    /// Finds and reads a theme by name or path (see `locate`).
    public static func load(nameOrPath: String, searchDirectories: [String]) throws -> Theme {
        try load(path: locate(nameOrPath: nameOrPath, searchDirectories: searchDirectories))
    }

    /// Reads a theme from YAML text; `file` is only used in error messages.
    public static func parse(_ yaml: String, file: String, defaultName: String = "theme") throws -> Theme {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml, .basic) else {
                throw ThemeFileError(file: file, line: 1, column: 1,
                                     phrase: Phrase(lv: "tēmas fails ir tukšs", en: "the theme file is empty"))
            }
            // Aliases that expand the file far beyond its size are refused here as in plan files.
            try LocatedNode.boundExpansion(node, text: yaml, file: file)
            root = node
        } catch let error as ThemeFileError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw ThemeFileError(file: file, line: 1, column: 1, phrase: yamlProblem("\(error)"))
        }
        return try Reader(file: file).theme(from: root, defaultName: defaultName)
    }

    /// The path of a theme: `nameOrPath` itself when it is a path to a file
    /// (contains "/" or ends in .yaml/.yml), else NAME.yaml (or .yml) in the
    /// first of `searchDirectories` that has it, else an existing file of that name.
    public static func locate(nameOrPath: String, searchDirectories: [String]) throws -> String {
        let files = FileManager.default
        if looksLikePath(nameOrPath) {
            if isFile(nameOrPath) {
                return nameOrPath
            }
            throw ThemeNotFoundError(nameOrPath: nameOrPath, searched: [], available: [])
        }
        for directory in searchDirectories {
            for ext in ["yaml", "yml"] {
                let candidate = (directory as NSString).appendingPathComponent("\(nameOrPath).\(ext)")
                if isFile(candidate) {
                    return candidate
                }
            }
        }
        if !nameOrPath.isEmpty, isFile(nameOrPath) {
            return nameOrPath
        }
        let existing = searchDirectories.filter { files.fileExists(atPath: $0) }
        throw ThemeNotFoundError(nameOrPath: nameOrPath, searched: existing,
                                 available: availableThemes(in: searchDirectories))
    }

    /// The theme names (file names without .yaml/.yml) in `directories`, sorted, without repeats.
    public static func availableThemes(in directories: [String]) -> [String] {
        var names = Set<String>()
        for directory in directories {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for entry in entries where entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") {
                names.insert((entry as NSString).deletingPathExtension)
            }
        }
        return names.sorted()
    }

    /// Where themes are looked for, best first: `$SARGS_THEMES` (a list
    /// separated by ":"), the user's `$XDG_CONFIG_HOME/sargs/themes` (or
    /// `~/.config/sargs/themes`), `Themes/` in each of the program's share
    /// directories (given: the executable knows where it was installed),
    /// and `Themes/` in the current directory. Only directories that exist,
    /// each once.
    public static func standardSearchDirectories(shareDirectories: [String],
                                                 environment: [String: String] = ProcessInfo.processInfo.environment,
                                                 currentDirectory: String = FileManager.default.currentDirectoryPath)
        -> [String] {
        var candidates: [String] = []
        if let list = environment["SARGS_THEMES"], !list.isEmpty {
            candidates += list.split(separator: ":").map(String.init)
        }
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty {
            candidates.append(config + "/sargs/themes")
        } else if let home = environment["HOME"], !home.isEmpty {
            candidates.append(home + "/.config/sargs/themes")
        }
        candidates += shareDirectories.map { $0 + "/Themes" }
        candidates.append((currentDirectory as NSString).appendingPathComponent("Themes"))
        var seen = Set<String>()
        return candidates.filter { path in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return false
            }
            return seen.insert((path as NSString).standardizingPath).inserted
        }
    }

    static func looksLikePath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ThemeFileError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ThemeFileError(file: file, line: mark.line, column: mark.column, phrase: yamlProblem(problem))
        case let .reader(problem, offset, _, yaml):
            let (line, column) = offset.map { lineAndColumn(ofUTF8Offset: $0, in: yaml) } ?? (1, 1)
            return ThemeFileError(file: file, line: line, column: column, phrase: yamlProblem(problem))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return ThemeFileError(file: file, line: max(1, context.mark.line), column: max(1, context.mark.column),
                                  phrase: Phrase(lv: "\(keys) \(duplicates.count == 1 ? "ir dota" : "ir dotas") vairāk nekā vienreiz",
                                                 en: "\(keys) \(duplicates.count == 1 ? "is" : "are") given more than once"))
        default:
            return ThemeFileError(file: file, line: 1, column: 1, phrase: yamlProblem("\(error)"))
        }
    }

    private static func lineAndColumn(ofUTF8Offset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for byte in text.utf8.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}

/// libyaml's own words, behind a sentence in each language.
private func yamlProblem(_ problem: String) -> Phrase {
    Phrase(lv: "nederīgs YAML: \(problem)", en: "invalid YAML: \(problem)")
}

/// Walks a composed YAML tree into a `Theme`, failing at the first bad node.
private struct Reader {
    let file: String

    func error(_ node: Node, _ lv: String, _ en: String) -> ThemeFileError {
        let mark = node.mark
        return ThemeFileError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, phrase: Phrase(lv: lv, en: en))
    }

    func theme(from root: Node, defaultName: String) throws -> Theme {
        guard let mapping = root.mapping else {
            throw error(root, "tēmai jābūt kartējumam ar name un roles", "a theme must be a mapping with name and roles")
        }
        var name = defaultName
        var styles: [Role: Style]?
        for (keyNode, value) in mapping {
            switch keyNode.string {
            case "name":
                guard let text = value.scalar?.string, !text.isEmpty else {
                    throw error(value, "\"name\" jābūt netukšam tekstam", "\"name\" must be a non-empty text")
                }
                name = text
            case "description":
                guard value.scalar != nil else {
                    throw error(value, "\"description\" jābūt tekstam", "\"description\" must be a text")
                }
            case "roles":
                styles = try roles(from: value)
            default:
                throw error(keyNode, "nezināma atslēga \(quoted(keyNode)) (tēmai ir name, description un roles)",
                            "unknown key \(quoted(keyNode)) (a theme has name, description and roles)")
            }
        }
        guard let styles else {
            throw error(root, "tēmai vajag roles kartējumu", "a theme must have a roles mapping")
        }
        return Theme(name: name, styles: styles)
    }

    func roles(from node: Node) throws -> [Role: Style] {
        guard let mapping = node.mapping else {
            throw error(node, "\"roles\" jābūt kartējumam no lomu nosaukumiem uz stiliem", "\"roles\" must be a mapping from role names to styles")
        }
        var styles: [Role: Style] = [:]
        for (keyNode, value) in mapping {
            guard let name = keyNode.scalar?.string, let role = Role(rawValue: name) else {
                throw error(keyNode, "nezināma loma \(quoted(keyNode))\(suggestion(for: keyNode.string ?? "", .lv))",
                            "unknown role \(quoted(keyNode))\(suggestion(for: keyNode.string ?? "", .en))")
            }
            guard styles[role] == nil else {
                throw error(keyNode, "loma \"\(name)\" dota vairāk nekā vienreiz", "role \"\(name)\" is given more than once")
            }
            styles[role] = try style(from: value, role: name)
        }
        return styles
    }

    func style(from node: Node, role: String) throws -> Style {
        if let scalar = node.scalar, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" {
            return Style()
        }
        guard let mapping = node.mapping else {
            throw error(node, "lomai \"\(role)\" jābūt kartējumam ar fg, bg un attrs", "role \"\(role)\" must be a mapping with fg, bg and attrs")
        }
        var style = Style()
        for (keyNode, value) in mapping {
            switch keyNode.string {
            case "fg":
                style.fg = try color(from: value, key: "fg")
            case "bg":
                style.bg = try color(from: value, key: "bg")
            case "attrs":
                style.attributes = try attributes(from: value)
            default:
                throw error(keyNode, "nezināma atslēga \(quoted(keyNode)) lomā \"\(role)\" (der fg, bg vai attrs)",
                            "unknown key \(quoted(keyNode)) in role \"\(role)\" (use fg, bg or attrs)")
            }
        }
        return style
    }

    func color(from node: Node, key: String) throws -> Color {
        guard let text = node.scalar?.string else {
            throw error(node, "\"\(key)\" jābūt vienai krāsai", "\"\(key)\" must be one colour, not a \(kind(of: node))")
        }
        if let colour = Color(themeName: text) {
            return colour
        }
        if let number = Int(text) {
            throw error(node, "krāsa \(number) ir ārpus robežām (der 0 līdz 255)", "colour \(number) is out of range (use 0 to 255)")
        }
        let near = Color.names.first { $0.lowercased() == text.lowercased() }
        let hintLV = near.map { " (varbūt \"\($0)\"?)" } ?? " (der default, krāsas nosaukums, piem. red vai brightBlue, 0 līdz 255 vai #rrggbb)"
        let hintEN = near.map { " (did you mean \"\($0)\"?)" } ?? " (use default, a colour name such as red or brightBlue, 0 to 255, or #rrggbb)"
        throw error(node, "nezināma krāsa \"\(text)\"" + hintLV, "unknown colour \"\(text)\"" + hintEN)
    }

    func attributes(from node: Node) throws -> Set<Attribute> {
        let items: [Node]
        if let sequence = node.sequence {
            items = Array(sequence)
        } else if node.scalar != nil {
            items = [node]
        } else {
            throw error(node, "\"attrs\" jābūt atribūtu sarakstam", "\"attrs\" must be a list of attributes, not a \(kind(of: node))")
        }
        var result = Set<Attribute>()
        for item in items {
            guard let text = item.scalar?.string else {
                throw error(item, "atribūtam jābūt vārdam", "an attribute must be a word, not a \(kind(of: item))")
            }
            guard let attribute = Attribute(rawValue: text) else {
                throw error(item, "nezināms atribūts \"\(text)\" (der bold, dim, underline, reverse, italic vai standout)",
                            "unknown attribute \"\(text)\" (use bold, dim, underline, reverse, italic or standout)")
            }
            result.insert(attribute)
        }
        return result
    }

    func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "single value"
        case .mapping: return "mapping"
        case .sequence: return "list"
        case .alias: return "alias"
        }
    }

    func quoted(_ node: Node) -> String {
        if let text = node.scalar?.string {
            return "\"\(text)\""
        }
        return "(a \(kind(of: node)))"
    }

    /// " (did you mean "cardSelected"?)" for a near miss, else "".
    func suggestion(for name: String, _ language: Language) -> String {
        let lowered = name.lowercased()
        var best: (role: Role, distance: Int)?
        for role in Role.allCases {
            let distance = editDistance(lowered, role.rawValue.lowercased())
            if distance < (best?.distance ?? Int.max) {
                best = (role, distance)
            }
        }
        guard let best, best.distance <= max(2, name.count / 4) else { return "" }
        return language == .lv ? " (varbūt \"\(best.role.rawValue)\"?)" : " (did you mean \"\(best.role.rawValue)\"?)"
    }

    func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
