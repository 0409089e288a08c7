import Foundation
import SargsCore

/// A plan's table 2 read from a document (issue 16): a CSV/TSV file, or the
/// JSON that pandoc makes of a DOCX or ODT. Cells become text (paragraphs
/// and line breaks kept as lines, a link's address kept after its text);
/// columns are found by their header, in any order.
public enum PlanTable {
    /// What a document holds: the paragraphs before the table, and the table's lines.
    public struct Document: Sendable {
        public var heading: [String]
        public var lines: [PlanDraft.Line]

        public init(heading: [String], lines: [PlanDraft.Line]) {
            self.heading = heading
            self.lines = lines
        }
    }

    /// Why a table cannot be read.
    public struct Problem: Error, Sendable {
        public var phrase: Phrase
    }

    // MARK: - CSV and TSV

    /// Rows of a delimited text (RFC 4180 quoting: `"a, b"`, `""` for a quote).
    public static func delimitedRows(_ text: String, separator: Character) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        var chars = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false; afterQuote = true }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty && !afterQuote {
                quoted = true
            } else if c == separator {
                row.append(field); field = ""; afterQuote = false
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            } else {
                field.append(c)
            }
            i += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows.filter { !$0.allSatisfy { $0.trimmingBlanks.isEmpty } }
    }

    /// The table's lines from rows whose first row is the header.
    /// - Throws: `Problem` naming each column that cannot be found.
    public static func lines(fromRows rows: [[String]]) throws(Problem) -> [PlanDraft.Line] {
        guard let header = rows.first(where: { row in row.contains { PlanDraft.Column.activity.matches($0) } }),
              let headerIndex = rows.firstIndex(of: header) else {
            throw Problem(phrase: Phrase(lv: "tabulā nav virsraksta rindas ar kolonnu \(PlanDraft.Column.activity.name.lv)",
                                         en: "the table has no header row with a \(PlanDraft.Column.activity.name.en) column"))
        }
        var index: [PlanDraft.Column: Int] = [:]
        for column in PlanDraft.Column.allCases {
            if let i = header.firstIndex(where: { column.matches($0) }) { index[column] = i }
        }
        let missing = PlanDraft.Column.allCases.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw Problem(phrase: Phrase(lv: "tabulā nav kolonnas " + missing.map(\.name.lv).joined(separator: ", "),
                                         en: "the table has no column " + missing.map(\.name.en).joined(separator: ", ")))
        }
        var lines: [PlanDraft.Line] = []
        for row in rows.dropFirst(headerIndex + 1) {
            func cell(_ column: PlanDraft.Column) -> String {
                let i = index[column]!
                return i < row.count ? row[i] : ""
            }
            let filled = row.filter { !$0.trimmingBlanks.isEmpty }
            if filled.count == 1, PlanDraft.isBand(filled[0]) {
                lines.append(.band(filled[0].trimmingBlanks))
                continue
            }
            if cell(.activity).trimmingBlanks.isEmpty { continue }
            lines.append(.row(PlanDraft.Row(goal: cell(.goal), activity: cell(.activity), period: cell(.period),
                                            owners: cell(.owners), funding: cell(.funding))))
        }
        return lines
    }

    // MARK: - pandoc's JSON

    /// The document from pandoc's JSON (`pandoc -t json`, pandoc 2.10 or later):
    /// the paragraphs before the first table whose header names the
    /// activities column, and that table's lines.
    public static func document(fromPandocJSON data: Data) throws(Problem) -> Document {
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let blocks = root["blocks"] as? [Any] else {
            throw Problem(phrase: Phrase(lv: "pandoc nedeva dokumentu, ko var nolasīt", en: "pandoc gave no document that can be read"))
        }
        var heading: [String] = []
        for block in blocks {
            guard let b = block as? [String: Any], let t = b["t"] as? String else { continue }
            if t == "Table", let rows = tableRows(b["c"]),
               rows.contains(where: { $0.contains { PlanDraft.Column.activity.matches($0) } }) {
                return Document(heading: heading, lines: try lines(fromRows: rows))
            }
            if t == "Para" || t == "Plain" || t == "Header" {
                let text = blockText(block).trimmingBlanks
                if !text.isEmpty { heading.append(text) }
            }
        }
        throw Problem(phrase: Phrase(lv: "dokumentā nav tabulas ar kolonnu \(PlanDraft.Column.activity.name.lv)",
                                     en: "the document has no table with a \(PlanDraft.Column.activity.name.en) column"))
    }

    /// A table's rows (head, then bodies), each cell as text; a cell that
    /// spans rows is repeated in the rows it covers.
    static func tableRows(_ content: Any?) -> [[String]]? {
        guard let c = content as? [Any], c.count >= 6 else { return nil }
        var rowLists: [[Any]] = []
        if let head = c[3] as? [Any], head.count >= 2, let rows = head[1] as? [Any] { rowLists.append(rows) }
        if let bodies = c[4] as? [Any] {
            for body in bodies {
                guard let parts = body as? [Any], parts.count >= 4 else { continue }
                if let headRows = parts[2] as? [Any] { rowLists.append(headRows) }
                if let bodyRows = parts[3] as? [Any] { rowLists.append(bodyRows) }
            }
        }
        var result: [[String]] = []
        var spanning: [Int: (text: String, left: Int)] = [:]
        for rows in rowLists {
            for row in rows {
                guard let r = row as? [Any], r.count >= 2, let cells = r[1] as? [Any] else { continue }
                var out: [String] = []
                var column = 0
                var queue = cells[...]
                while !queue.isEmpty || spanning.keys.contains(where: { $0 >= column }) {
                    if let span = spanning[column], span.left > 0 {
                        out.append(span.text)
                        spanning[column] = span.left > 1 ? (span.text, span.left - 1) : nil
                        column += 1
                        continue
                    }
                    guard let cell = queue.popFirst() as? [Any], cell.count >= 5 else { break }
                    let text = (cell[4] as? [Any] ?? []).map(blockText).filter { !$0.isEmpty }.joined(separator: "\n")
                    let rowSpan = cell[2] as? Int ?? 1, colSpan = cell[3] as? Int ?? 1
                    for k in 0..<max(1, colSpan) {
                        out.append(k == 0 ? text : "")
                        if rowSpan > 1 { spanning[column] = (k == 0 ? text : "", rowSpan - 1) }
                        column += 1
                    }
                }
                result.append(out)
            }
        }
        return result
    }

    /// A block's text: paragraphs and line breaks as lines, a link as its
    /// text and its address.
    static func blockText(_ block: Any) -> String {
        guard let b = block as? [String: Any], let t = b["t"] as? String else { return "" }
        switch t {
        case "Para", "Plain": return inlineText(b["c"] as? [Any] ?? [])
        case "Header": return ((b["c"] as? [Any])?.last as? [Any]).map(inlineText) ?? ""
        case "LineBlock": return (b["c"] as? [Any] ?? []).compactMap { ($0 as? [Any]).map(inlineText) }.joined(separator: "\n")
        case "BulletList", "OrderedList":
            let items = (t == "OrderedList" ? (b["c"] as? [Any])?.last : b["c"]) as? [Any] ?? []
            return items.compactMap { ($0 as? [Any])?.map(blockText).joined(separator: "\n") }.joined(separator: "\n")
        case "Div", "BlockQuote":
            let inner = (t == "Div" ? (b["c"] as? [Any])?.last : b["c"]) as? [Any] ?? []
            return inner.map(blockText).filter { !$0.isEmpty }.joined(separator: "\n")
        default: return ""
        }
    }

    static func inlineText(_ inlines: [Any]) -> String {
        var out = ""
        for inline in inlines {
            guard let i = inline as? [String: Any], let t = i["t"] as? String else { continue }
            switch t {
            case "Str": out += i["c"] as? String ?? ""
            case "Space": out += " "
            case "SoftBreak", "LineBreak": out += "\n"
            case "Link":
                let c = i["c"] as? [Any] ?? []
                let text = c.count > 1 ? inlineText(c[1] as? [Any] ?? []) : ""
                let target = (c.count > 2 ? (c[2] as? [Any])?.first as? String : nil) ?? ""
                out += text.contains(target) || target.isEmpty ? text : (text.isEmpty ? target : text + " " + target)
            case "Emph", "Strong", "Underline", "Strikeout", "SmallCaps", "Superscript", "Subscript":
                out += inlineText(i["c"] as? [Any] ?? [])
            case "Span", "Quoted":
                out += inlineText((i["c"] as? [Any])?.last as? [Any] ?? [])
            case "Code": out += ((i["c"] as? [Any])?.last as? String) ?? ""
            default: break
            }
        }
        return out
    }

    // MARK: - The heading

    /// The plan's title from the heading paragraphs ("MADONAS NOVADA …
    /// PLĀNS", "2025.-2027. GADAM", "… NOVĒRŠANAI"): the paragraphs from the
    /// one that names the plan through the one after the years, in sentence case.
    public static func title(from heading: [String]) -> String? {
        guard let start = heading.firstIndex(where: { $0.lowercased().contains("plān") }) else { return nil }
        var parts = [heading[start]]
        for next in heading.dropFirst(start + 1).prefix(2) {
            parts.append(next)
            if next.lowercased().contains("novēršan") || next.lowercased().contains("mazināšan") { break }
        }
        var text = parts.joined(separator: " ").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if text == text.uppercased() {
            text = text.lowercased()
            text = text.prefix(1).uppercased() + text.dropFirst()
        }
        return text.replacingOccurrences(of: ".-", with: ".–")
    }
}

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
