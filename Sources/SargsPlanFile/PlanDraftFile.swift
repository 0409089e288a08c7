import Foundation
import SargsCore
import SargsPlanDraft

extension PlanFile {
    /// A drafted plan as a plan file: the plan, with a `# PĀRBAUDĪT:` comment
    /// above each line a person must still decide (SPEC §3 review comments).
    public static func yaml(draft: PlanDraft) -> String {
        var lines = yaml(draft.plan).components(separatedBy: "\n")
        for review in draft.reviews.reversed() {
            let comment = PlanDraft.reviewMarker + " " + SafeText.line(review.message.lv)
            var at: Int?
            if let id = review.activity, let start = lines.firstIndex(where: { $0.trimmingBlanks == "- id: \"\(id)\"" }) {
                let end = lines[(start + 1)...].firstIndex { $0.trimmingBlanks.hasPrefix("- id:") || !$0.hasPrefix(" ") } ?? lines.count
                at = lines[start..<end].firstIndex { $0.trimmingBlanks.hasPrefix(review.field + ":") } ?? start
            } else if let goal = review.goal, let line = lines.firstIndex(where: { $0 == "- number: \(goal)" }) {
                at = line
            } else {
                at = lines.firstIndex { $0.hasPrefix(review.field + ":") } ?? lines.firstIndex { $0.hasPrefix("goals:") }
            }
            guard let index = at else { continue }
            let indent = String(lines[index].prefix { $0 == " " || $0 == "-" }.map { _ in " " })
            lines.insert(indent + comment, at: index)
        }
        return lines.joined(separator: "\n")
    }

    /// The review comments a plan file holds: line, column and text.
    public static func reviewComments(in text: String) -> [(line: Int, column: Int, text: String)] {
        // Most plan files have none: one pass over the bytes says so (a 10,000-activity file is 5 MB).
        let marker = Array(PlanDraft.reviewMarker.utf8)
        var text = text
        let present = text.withUTF8 { bytes -> Bool in
            guard bytes.count >= marker.count else { return false }
            var i = 0
            let last = bytes.count - marker.count
            while i <= last {
                if bytes[i] == marker[0] {
                    var j = 1
                    while j < marker.count && bytes[i + j] == marker[j] { j += 1 }
                    if j == marker.count { return true }
                }
                i += 1
            }
            return false
        }
        guard present else { return [] }
        var found: [(Int, Int, String)] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let range = line.range(of: PlanDraft.reviewMarker) else { continue }
            let column = line[..<range.lowerBound].count + 1
            found.append((n + 1, column, String(line[range.upperBound...]).trimmingBlanks))
        }
        return found
    }
}
