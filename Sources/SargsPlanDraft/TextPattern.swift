import Foundation

/// A regular expression compiled once (ICU's, through Foundation), for the
/// few places that read free wording: a plan's period and funding cells
/// (issue 16). Patterns name digits as `[0-9]`: ICU's `\d` takes any
/// script's digits, which `Int(_:)` would not read.
struct TextPattern: Sendable {
    private let regex: NSRegularExpression

    /// - Parameter pattern: ICU syntax; a pattern that does not compile is a
    ///   programming error (every pattern is a literal, and a test runs each).
    init(_ pattern: String, caseInsensitive: Bool = false) {
        // swiftlint:disable:next force_try
        regex = try! NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : [])
    }

    /// The first match: its range, and each group's text (nil where a group took no part).
    func firstMatch(in text: String) -> (range: Range<String.Index>, groups: [String?])? {
        guard let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range, in: text) else { return nil }
        let groups = (1..<match.numberOfRanges).map { i -> String? in
            Range(match.range(at: i), in: text).map { String(text[$0]) }
        }
        return (range, groups)
    }

    /// The first match at or after `start`.
    func firstMatch(in text: String, from start: String.Index) -> (range: Range<String.Index>, groups: [String?])? {
        guard let match = regex.firstMatch(in: text, range: NSRange(start..<text.endIndex, in: text)),
              let range = Range(match.range, in: text) else { return nil }
        let groups = (1..<match.numberOfRanges).map { i -> String? in
            Range(match.range(at: i), in: text).map { String(text[$0]) }
        }
        return (range, groups)
    }

    /// Whether the text holds a match.
    func matches(_ text: String) -> Bool { firstMatch(in: text) != nil }

    /// Every match replaced by `template` (`$1` for a group), again until
    /// nothing changes (so "1 000 000" joins whole), at most 20 rounds.
    func replacingAll(in text: String, with template: String) -> String {
        var current = text
        for _ in 0..<20 {
            let next = regex.stringByReplacingMatches(in: current, range: NSRange(current.startIndex..., in: current), withTemplate: template)
            if next == current { break }
            current = next
        }
        return current
    }
}
