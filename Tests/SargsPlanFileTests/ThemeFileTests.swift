import Foundation
import SargsBoard
import SargsThemeFile
import Testing
import TestSupport
@testable import SargsPlanFile

private let repositoryRoot = Fixtures.repositoryRoot
private let themesDirectory = repositoryRoot + "/Themes"

@Suite("Bundled themes")
struct BundledThemeTests {
    @Test("Each bundled theme loads", arguments: ["default", "light", "high-contrast", "mono"])
    func loads(_ name: String) throws {
        let path = try ThemeFile.locate(nameOrPath: name, searchDirectories: [themesDirectory])
        #expect(path == themesDirectory + "/\(name).yaml")
        let theme = try ThemeFile.load(path: path)
        #expect(theme.name == name)
        #expect(theme.style(for: .cardSelected) != theme.style(for: .card))
        #expect(theme.style(for: .badgeOverdue) != theme.style(for: .badgeOnTrack))
        for depth in ColorDepth.allCases {
            let adapted = theme.adapted(to: depth)
            #expect(adapted.style(for: .cardSelected) != adapted.style(for: .card), "\(name) at \(depth)")
        }
    }

    @Test func defaultGivesEveryRoleAndEqualsTheBuiltInFallback() throws {
        let theme = try ThemeFile.load(path: themesDirectory + "/default.yaml")
        #expect(Set(theme.styles.keys) == Set(Role.allCases))
        #expect(theme == Theme.fallback)
    }

    @Test("Bundled themes give every role", arguments: ["light", "high-contrast", "mono"])
    func everyRole(_ name: String) throws {
        let theme = try ThemeFile.load(path: themesDirectory + "/\(name).yaml")
        #expect(Set(theme.styles.keys) == Set(Role.allCases))
    }

    @Test func monoHasNoColours() throws {
        let theme = try ThemeFile.load(path: themesDirectory + "/mono.yaml")
        for (role, style) in theme.styles {
            #expect(style.fg == .default && style.bg == .default, "\(role)")
        }
        #expect(theme.style(for: .cardSelected).attributes.contains(.reverse))
    }

    @Test func locateByNameByPathAndNotFound() throws {
        #expect(try ThemeFile.locate(nameOrPath: themesDirectory + "/mono.yaml", searchDirectories: [])
                == themesDirectory + "/mono.yaml")
        #expect(try ThemeFile.locate(nameOrPath: "light", searchDirectories: ["/nonexistent", themesDirectory])
                == themesDirectory + "/light.yaml")
        #expect(throws: ThemeNotFoundError.self) {
            try ThemeFile.locate(nameOrPath: "solarized", searchDirectories: [themesDirectory])
        }
        do {
            _ = try ThemeFile.locate(nameOrPath: "solarized", searchDirectories: [themesDirectory, "/nonexistent"])
        } catch let error as ThemeNotFoundError {
            #expect(error.description
                == "no theme named \"solarized\"; available: default, high-contrast, light, mono (looked in \(themesDirectory))")
        }
        do {
            _ = try ThemeFile.locate(nameOrPath: "/nonexistent/dark.yaml", searchDirectories: [themesDirectory])
            Issue.record("a missing path was accepted")
        } catch let error as ThemeNotFoundError {
            #expect(error.description == "no theme file at /nonexistent/dark.yaml")
        }
    }

    @Test func searchDirectoriesAreTheShareDirectoriesThemesEachOnce() {
        let directories = ThemeFile.standardSearchDirectories(
            shareDirectories: ["/nonexistent", repositoryRoot, repositoryRoot], environment: [:], currentDirectory: repositoryRoot)
        #expect(directories == [themesDirectory], "each directory once, only those that exist")
        let withVariable = ThemeFile.standardSearchDirectories(
            shareDirectories: [], environment: ["SARGS_THEMES": themesDirectory], currentDirectory: "/")
        #expect(withVariable == [themesDirectory])
    }
}

@Suite("Bad theme files")
struct BadThemeFileTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "YAML syntax", yaml: """
            name: broken
            roles:
              header: {fg: white, bg: blue
              card: {}
            """, expected: "bad.yaml:4:7: invalid YAML: did not find expected ',' or '}'"),
        Case(name: "unknown role", yaml: """
            name: typo
            roles:
              header: {fg: white}
              cardSelcted: {fg: black, bg: 214}
            """, expected: "bad.yaml:4:3: unknown role \"cardSelcted\" (did you mean \"cardSelected\"?)"),
        Case(name: "unknown role, nothing near", yaml: """
            roles:
              sidebar: {fg: white}
            """, expected: "bad.yaml:2:3: unknown role \"sidebar\""),
        Case(name: "unknown colour", yaml: """
            name: colours
            roles:
              card: {fg: purple, bg: default}
            """, expected: "bad.yaml:3:14: unknown colour \"purple\" (use default, a colour name such as red or brightBlue, 0 to 255, or #rrggbb)"),
        Case(name: "colour in the wrong case", yaml: """
            roles:
              card:
                fg: Red
            """, expected: "bad.yaml:3:9: unknown colour \"Red\" (did you mean \"red\"?)"),
        Case(name: "colour index out of range", yaml: """
            roles:
              card: {bg: 300}
            """, expected: "bad.yaml:2:14: colour 300 is out of range (use 0 to 255)"),
        Case(name: "bad attribute", yaml: """
            roles:
              header: {fg: white, attrs: [bold, blink]}
            """, expected: "bad.yaml:2:37: unknown attribute \"blink\" (use bold, dim, underline, reverse, italic or standout)"),
        Case(name: "roles of the wrong type", yaml: """
            name: list
            roles: [header, card]
            """, expected: "bad.yaml:2:8: \"roles\" must be a mapping from role names to styles"),
        Case(name: "attrs of the wrong type", yaml: """
            roles:
              card:
                attrs: {bold: true}
            """, expected: "bad.yaml:3:12: \"attrs\" must be a list of attributes, not a mapping"),
        Case(name: "colour of the wrong type", yaml: """
            roles:
              card: {fg: [red, blue]}
            """, expected: "bad.yaml:2:14: \"fg\" must be one colour, not a list"),
        Case(name: "style of the wrong type", yaml: """
            roles:
              card: red
            """, expected: "bad.yaml:2:9: role \"card\" must be a mapping with fg, bg and attrs"),
        Case(name: "unknown key in a role", yaml: """
            roles:
              card: {foreground: red}
            """, expected: "bad.yaml:2:10: unknown key \"foreground\" in role \"card\" (use fg, bg or attrs)"),
        Case(name: "unknown top-level key", yaml: """
            name: x
            colours:
              card: {fg: red}
            """, expected: "bad.yaml:2:1: unknown key \"colours\" (a theme has name, description and roles)"),
        Case(name: "role given twice", yaml: """
            roles:
              card: {fg: red}
              card: {fg: blue}
            """, expected: "bad.yaml:2:3: \"card\" is given more than once"),
        Case(name: "no roles", yaml: """
            name: lonely
            """, expected: "bad.yaml:1:1: a theme must have a roles mapping"),
        Case(name: "not a mapping", yaml: """
            - header
            - card
            """, expected: "bad.yaml:1:1: a theme must be a mapping with name and roles"),
        Case(name: "empty file", yaml: "", expected: "bad.yaml:1:1: the theme file is empty"),
        Case(name: "name of the wrong type", yaml: """
            name: {first: a}
            roles: {}
            """, expected: "bad.yaml:1:7: \"name\" must be a non-empty text"),
    ]

    @Test("Refused with FILE:LINE:COLUMN: message", arguments: cases)
    func refused(_ testCase: Case) {
        do {
            let theme = try ThemeFile.parse(testCase.yaml, file: "bad.yaml")
            Issue.record("accepted: \(theme)")
        } catch {
            #expect("\(error)" == testCase.expected)
        }
    }

    @Test func aBadFileOnDiskNamesItsPath() throws {
        let directory = NSTemporaryDirectory() + "sargs-theme-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/dusk.yaml"
        try "name: dusk\nroles:\n  card: {fg: white}\n  header: {bg: navy}\n".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ThemeFile.load(nameOrPath: "dusk", searchDirectories: [directory])
            Issue.record("accepted")
        } catch let error as ThemeFileError {
            #expect(error.description == "\(path):4:16: unknown colour \"navy\" (use default, a colour name such as red or brightBlue, 0 to 255, or #rrggbb)")
            #expect(error.line == 4)
            #expect(error.column == 16)
        }
    }

    @Test func goodThemeParses() throws {
        let theme = try ThemeFile.parse("""
            name: mine
            description: a test theme
            roles:
              header: {fg: white, bg: blue, attrs: [bold]}
              cardSelected: {fg: black, bg: 214, attrs: bold}
              card:
              badgeOverdue: {fg: "#ff0000", attrs: []}
            """, file: "mine.yaml")
        #expect(theme.name == "mine")
        #expect(theme.style(for: .header) == Style(fg: .white, bg: .blue, attributes: [.bold]))
        #expect(theme.style(for: .cardSelected) == Style(fg: .black, bg: .indexed(214), attributes: [.bold]))
        #expect(theme.style(for: .card) == Style())
        #expect(theme.style(for: .badgeOverdue) == Style(fg: .indexed(196)))
        #expect(theme.style(for: .badgeDone) == Style())
    }

    @Test func nameDefaultsToTheFileName() throws {
        #expect(try ThemeFile.parse("roles: {}", file: "x.yaml", defaultName: "dusk").name == "dusk")
    }
}
