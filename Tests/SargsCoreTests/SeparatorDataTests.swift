import Foundation
import Testing
import TestSupport
@testable import SargsCore

/// The personal-code guard's separators come from Unicode's data: `Pd`, the
/// `Dash` property and UTS #39's confusables of any of those for the dash;
/// `Zs`, UTS #39's confusables of any `Zs`, a tab and a line break for the space.
@Suite("The personal-code guard's separators, from Unicode's data")
struct SeparatorDataTests {
    /// Every assigned scalar the Swift runtime knows (no surrogates, no private use).
    static func assignedScalars() -> some Sequence<Unicode.Scalar> {
        (UInt32(0)...0x10FFFF).lazy.compactMap { value -> Unicode.Scalar? in
            guard let scalar = Unicode.Scalar(value) else { return nil }
            switch scalar.properties.generalCategory {
            case .unassigned, .surrogate, .privateUse: return nil
            default: return scalar
            }
        }
    }

    static func isDashLike(_ scalar: Unicode.Scalar) -> Bool {
        let p = scalar.properties
        return p.isDash || p.generalCategory == .dashPunctuation
            || ConfusableSeparators.dash.contains(scalar.value)
    }

    static func isSpaceLike(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .spaceSeparator
            || ConfusableSeparators.space.contains(scalar.value)
    }

    /// Whether NFKC turns `scalar` into text holding a decimal digit.
    static func becomesDigit(_ scalar: Unicode.Scalar) -> Bool {
        String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars
            .contains { $0.properties.numericType == .decimal }
    }

    static func hex(_ scalar: Unicode.Scalar) -> String {
        "U+" + String(scalar.value, radix: 16, uppercase: true)
    }

    @Test("the hyphen bullet, the heavy minus sign and the modifier letter minus sign are dashes",
          arguments: ["\u{2043}", "\u{2796}", "\u{02D7}"])
    func reportedDashes(_ separator: String) {
        for text in ["010203\(separator)12345", "kods 010203\(separator)12345.", "010203 \(separator) 12345"] {
            #expect(PersonalCode.contains(text), "\(text.debugDescription)")
            #expect(FreeText.problem(in: text, lines: .one) == .personalCode)
            #expect(FreeText.problem(in: text, lines: .several) == .personalCode)
        }
        #expect(PersonalCode.find(in: "010203\(separator)12345") == "010203-12345")
        #expect(PersonalCode.masked("kods 010203\(separator)12345", with: "•").text == "kods •")
    }

    /// Scalars whose skeleton is not "-" but that of the em dash U+2014 (a `Dash` character).
    static let emDashLookAlikes: [UInt32] = [0x2500, 0x30FC, 0x4E00, 0x2501, 0x2F00, 0x3161, 0x1173, 0x31D0, 0xA7F7]

    @Test("the look-alikes of the em dash are dashes", arguments: emDashLookAlikes)
    func emDashLookAlike(_ value: UInt32) throws {
        let separator = String(try #require(Unicode.Scalar(value)))
        for text in ["010203\(separator)12345", "kods 010203\(separator)12345.", "010203 \(separator) 12345"] {
            #expect(PersonalCode.contains(text), "\(text.debugDescription)")
            #expect(FreeText.problem(in: text, lines: .one) == .personalCode)
            #expect(FreeText.problem(in: text, lines: .several) == .personalCode)
        }
        #expect(PersonalCode.find(in: "010203\(separator)12345") == "010203-12345")
        #expect(PersonalCode.masked("kods 010203\(separator)12345", with: "•").text == "kods •")
    }

    /// Look-alikes NFKC would make into something else: `|`, a space and a combining mark.
    @Test("a separator counts as written, whatever NFKC makes of it",
          arguments: ["\u{FF5C}", "\u{02DC}", "\u{1FC0}", "\u{FF5E}", "\u{2F00}", "\u{3161}", "=", "~", "\u{2502}"])
    func separatorAsWritten(_ separator: String) {
        for text in ["010203\(separator)12345", "kods 010203\(separator)12345.", "010203 \(separator) 12345"] {
            #expect(PersonalCode.contains(text), "\(text.debugDescription)")
            #expect(FreeText.problem(in: text, lines: .one) == .personalCode)
        }
        #expect(PersonalCode.find(in: "010203\(separator)12345") == "010203-12345")
        // The rest of a masked text is in NFKC, the separator too.
        let plain = String(separator.precomposedStringWithCompatibilityMapping.unicodeScalars.filter {
            !PersonalCode.isPassedOver($0)
        })
        #expect(PersonalCode.masked("kods 010203\(separator)12345 a\(separator)b", with: "•").text == "kods • a\(plain)b")
    }

    @Test("a vertical line, a letter l, a not-equal sign (composed or not) and 二 are not dashes")
    func notDashes() {
        for text in ["010203|12345", "010203l12345", "010203\u{2260}12345", "010203=\u{338}12345", "010203\u{4E8C}12345"] {
            #expect(!PersonalCode.contains(text), "\(text.debugDescription)")
        }
    }

    @Test("the tables: sorted, without repeats, without what the properties already say, holding what the issues named")
    func tables() {
        for table in [ConfusableSeparators.dash, ConfusableSeparators.space] {
            #expect(!table.isEmpty)
            #expect(zip(table, table.dropFirst()).allSatisfy { $0 < $1 }, "sorted ascending, no repeats")
            #expect(table.allSatisfy { Unicode.Scalar($0) != nil })
            for value in table {
                let properties = Unicode.Scalar(value)!.properties
                #expect(!properties.isDash && properties.generalCategory != .dashPunctuation
                        && properties.generalCategory != .spaceSeparator,
                        "U+\(String(value, radix: 16, uppercase: true)) is a separator by its properties: not listed")
            }
        }
        for value: UInt32 in [0x2043, 0x2796, 0x02D7] + Self.emDashLookAlikes + [0x3D, 0x7E, 0xFF5C] {
            #expect(ConfusableSeparators.dash.contains(value), "U+\(String(value, radix: 16, uppercase: true))")
        }
        #expect(ConfusableSeparators.space == [0x2028, 0x2029])
        for table in [ConfusableSeparators.dash, ConfusableSeparators.space] {
            for value in table {
                #expect(PersonalCode.isListed(Unicode.Scalar(value)!, in: table))
                for near in [value - 1, value + 1] where !table.contains(near) {
                    if let scalar = Unicode.Scalar(near) { #expect(!PersonalCode.isListed(scalar, in: table)) }
                }
            }
        }
        #expect(!PersonalCode.isListed("a", in: []))
    }

    @Test("every dash-like and space-like scalar of Unicode joins the parts; letters in none of the classes do not")
    func everyAssignedScalar() {
        var dashes = 0
        var spaces = 0
        var letters = 0
        for scalar in Self.assignedScalars() {
            let s = String(scalar)
            let category = scalar.properties.generalCategory
            if Self.isDashLike(scalar) || Self.isSpaceLike(scalar) {
                // A digit stays a digit: no separator is one, nor becomes one.
                #expect(scalar.properties.numericType != .decimal && !Self.becomesDigit(scalar), "\(Self.hex(scalar))")
            }
            if Self.isDashLike(scalar) {
                dashes += 1
                #expect(PersonalCode.contains("010203" + s + "12345"), "\(Self.hex(scalar)) between the parts")
                #expect(PersonalCode.find(in: "010203" + s + "12345") == "010203-12345", "\(Self.hex(scalar))")
                #expect(PersonalCode.contains("010203 " + s + " 12345"), "\(Self.hex(scalar)) with a space on each side")
            } else if Self.isSpaceLike(scalar) {
                spaces += 1
                #expect(PersonalCode.contains("010203" + s + "12345"), "\(Self.hex(scalar)) between the parts")
                #expect(PersonalCode.find(in: "010203" + s + "12345") == "010203-12345", "\(Self.hex(scalar))")
            } else if scalar.value < 0x3000, category == .uppercaseLetter || category == .lowercaseLetter {
                letters += 1
                #expect(!PersonalCode.contains("010203" + s + "12345"), "\(Self.hex(scalar)) is a letter, not a separator")
                #expect(FreeText.problem(in: "010203" + s + "12345", lines: .one) == nil, "\(Self.hex(scalar))")
            }
        }
        #expect(dashes > 50, "dash-like scalars met: \(dashes)")
        #expect(spaces > 15, "space-like scalars met: \(spaces)")
        #expect(letters > 2_000, "letters met: \(letters)")
        // The letters and signs beside the look-alikes are in no class, and not separators:
        // ー's neighbours ヺ and ヽ, 一's 丁, ㅡ's ㅠ and ㅢ, ─'s neighbours …
        var neighbours = 0
        for value in ConfusableSeparators.dash {
            for near in [value - 1, value + 1] {
                guard let scalar = Unicode.Scalar(near), scalar.properties.generalCategory != .unassigned,
                      !Self.isDashLike(scalar), !Self.isSpaceLike(scalar),
                      scalar.properties.numericType == nil, !Self.becomesDigit(scalar),
                      case let plain = String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars,
                      plain.contains(where: { !PersonalCode.isPassedOver($0) }),
                      !plain.contains(where: { PersonalCode.separator($0) != nil }) else { continue }
                neighbours += 1
                #expect(!PersonalCode.contains("010203" + String(scalar) + "12345"), "\(Self.hex(scalar)) is not a separator")
            }
        }
        #expect(neighbours > 20, "neighbours met: \(neighbours)")
        // Every scalar of the tables is assigned in the Swift runtime's Unicode too.
        #expect(ConfusableSeparators.dash.allSatisfy { Unicode.Scalar($0)!.properties.generalCategory != .unassigned })
        #expect(ConfusableSeparators.space.allSatisfy { Unicode.Scalar($0)!.properties.generalCategory != .unassigned })
    }

    // MARK: - The committed table is the generator's output

    /// A python3 that can import ICU's module (Debian's python3-icu), and the ICU release it has.
    static let python: (path: String, icu: String)? = {
        for candidate in ["/usr/bin/python3", "/usr/local/bin/python3", "python3"] {
            if let version = run(candidate, ["-c", "import icu; print(icu.ICU_VERSION)"]),
               version.status == 0 {
                return (candidate, version.output.trimmingCharacters(in: .whitespacesAndNewlines))
            }
        }
        return nil
    }()

    static func run(_ program: String, _ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        if program.hasPrefix("/") {
            guard FileManager.default.isExecutableFile(atPath: program) else { return nil }
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [program] + arguments
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("the committed table is what contrib/unicode/separators.py writes",
          .enabled(if: SeparatorDataTests.python != nil, "no python3 with the icu module (Debian's python3-icu) to run the generator"),
          .enabled(if: SeparatorDataTests.python.map { $0.icu == ConfusableSeparators.icuVersion } ?? true,
                   "this machine's ICU is not the one the table came from (ICU \(ConfusableSeparators.icuVersion))"))
    func generatorReproducesTable() throws {
        let python = try #require(Self.python)
        let root = Fixtures.repositoryRoot
        let generated = try #require(Self.run(python.path, [root + "/contrib/unicode/separators.py"]))
        #expect(generated.status == 0)
        let committed = try String(contentsOfFile: root + "/Sources/SargsCore/Privacy/ConfusableSeparators.swift", encoding: .utf8)
        #expect(generated.output == committed,
                "regenerate: \(python.path) contrib/unicode/separators.py > Sources/SargsCore/Privacy/ConfusableSeparators.swift")
    }
}
