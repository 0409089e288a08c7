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
        /// What reading the table could not be sure of, for a review of the plan.
        public var notes: [Phrase]

        public init(heading: [String], lines: [PlanDraft.Line], notes: [Phrase] = []) {
            self.heading = heading
            self.lines = lines
            self.notes = notes
        }
    }

    /// Why a table cannot be read.
    public struct Problem: Error, Sendable {
        public var phrase: Phrase
    }

    // MARK: - CSV and TSV

    /// Rows of a delimited text: with `quotes`, RFC 4180 quoting (`"a, b"`,
    /// `""` for a quote; CSV); without, every character as it stands (TSV,
    /// whose fields hold no tab or line break).
    /// - Throws: `Problem` when a quote opened is never closed.
    public static func delimitedRows(_ text: String, separator: Character, quotes: Bool = true) throws(Problem) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        var quoteLine = 0, line = 1
        // Every line end is one: CRLF (Windows), CR alone (old Mac exports) or LF.
        var chars = Array(lineEndsUnified(text))
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "\n" { line += 1 }
            if !quotes {
                if c == separator {
                    row.append(field); field = ""
                } else if c == "\n" {
                    row.append(field); rows.append(row); row = []; field = ""
                } else {
                    field.append(c)
                }
                i += 1
                continue
            }
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false; afterQuote = true }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty && !afterQuote {
                quoted = true
                quoteLine = line
            } else if c == separator {
                row.append(field); field = ""; afterQuote = false
            } else if c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            } else {
                field.append(c)
            }
            i += 1
        }
        if quoted {
            throw Problem(phrase: Phrase(lv: "pēdiņas, kas atvērtas \(quoteLine). rindā, nekur netiek aizvērtas",
                                         en: "the quote opened on line \(quoteLine) is never closed"))
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows.filter { !$0.allSatisfy { $0.trimmingBlanks.isEmpty } }
    }

    /// `text` with every line end a line feed: a CRLF and a carriage return
    /// alone (the line end of spreadsheets on old Macs) alike.
    static func lineEndsUnified(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The separator of a CSV file: a semicolon when its first line has more
    /// semicolons than commas outside quotes (a spreadsheet saved with a
    /// Latvian locale writes `;`), else a comma.
    public static func csvSeparator(_ text: String) -> Character {
        var commas = 0, semicolons = 0, quoted = false
        for c in text {
            if c == "\"" { quoted.toggle() }
            if quoted { continue }
            if c.isNewline { break }  // LF, CRLF or a CR alone
            if c == "," { commas += 1 }
            if c == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }

    /// The table's lines from rows whose first row is the header.
    /// - Throws: `Problem` naming each column that cannot be found.
    ///   - standardOrder: read a table without a header row in the standard
    ///     order of its columns (MĒRĶIS, AKTIVITĀTES, PERIODS, INSTITŪCIJA,
    ///     FINANŠU AVOTS) instead of refusing it.
    public static func lines(fromRows rows: [[String]], standardOrder: Bool = false) throws(Problem) -> [PlanDraft.Line] {
        let found = rows.first(where: { row in row.contains { PlanDraft.Column.activity.matches($0) } })
        var index: [PlanDraft.Column: Int] = [:]
        var body: ArraySlice<[String]>
        if let header = found, let headerIndex = rows.firstIndex(of: header) {
            for column in PlanDraft.Column.allCases {
                if let i = header.firstIndex(where: { column.matches($0) }) { index[column] = i }
            }
            body = rows.dropFirst(headerIndex + 1)
        } else if standardOrder {
            for (i, column) in PlanDraft.Column.allCases.enumerated() { index[column] = i }
            body = rows[...]
        } else {
            throw Problem(phrase: Phrase(lv: "tabulā nav virsraksta rindas ar kolonnu \(PlanDraft.Column.activity.name.lv)",
                                         en: "the table has no header row with a \(PlanDraft.Column.activity.name.en) column"))
        }
        let missing = PlanDraft.Column.allCases.filter { index[$0] == nil }
        guard missing.isEmpty else {
            throw Problem(phrase: Phrase(lv: "tabulā nav kolonnas " + missing.map(\.name.lv).joined(separator: ", "),
                                         en: "the table has no column " + missing.map(\.name.en).joined(separator: ", ")))
        }
        var lines: [PlanDraft.Line] = []
        let mapped = Set(index.values)
        for marked in body {
            // A merged cell's text repeated in the rows below it carries a mark; only funding needs to know.
            let row = marked.map { $0.hasPrefix(repeatedMark) ? String($0.dropFirst()) : $0 }
            func cell(_ column: PlanDraft.Column) -> String {
                let i = index[column]!
                return i < row.count ? row[i] : ""
            }
            let fundingIndex = index[.funding]!
            let fundingRepeated = fundingIndex < marked.count && marked[fundingIndex].hasPrefix(repeatedMark)
            let other = row.indices.filter { !mapped.contains($0) && !marked[$0].hasPrefix(repeatedMark) }
                .map { row[$0].trimmingBlanks }.filter { !$0.isEmpty }
            let filled = row.filter { !$0.trimmingBlanks.isEmpty }
            if filled.isEmpty { continue }
            if filled.count == 1, PlanDraft.isBand(filled[0]) {
                lines.append(.band(filled[0].trimmingBlanks))
                continue
            }
            // The header repeated (a table continued on the next page), or a row numbering the columns (1 | 2 | 3 | 4 | 5).
            if PlanDraft.Column.allCases.allSatisfy({ $0.matches(cell($0)) }) { continue }
            if filled.count >= 3, filled.allSatisfy({ $0.trimmingBlanks.trimmingCharacters(in: CharacterSet(charactersIn: ".")).allSatisfy(\.isNumber) }) {
                continue
            }
            lines.append(.row(PlanDraft.Row(goal: cell(.goal), activity: cell(.activity), period: cell(.period),
                                            owners: cell(.owners), funding: cell(.funding),
                                            fundingRepeated: fundingRepeated, other: other)))
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
        var document: Document?
        var tables: [[[String]]] = []
        for block in blocks {
            guard let b = block as? [String: Any], let t = b["t"] as? String else { continue }
            if t == "Table", let rows = tableRows(b["c"]) {
                tables.append(rows)
                guard rows.contains(where: { $0.contains { PlanDraft.Column.activity.matches($0) } }) else { continue }
                // The first table with the header is table 2; a later one with it too continues it.
                let read = try lines(fromRows: rows)
                if document == nil { document = Document(heading: heading, lines: read) } else { document?.lines += read }
                continue
            }
            if document == nil, t == "Para" || t == "Plain" || t == "Header" {
                let text = blockText(block).trimmingBlanks
                if !text.isEmpty { heading.append(text) }
            }
        }
        if let document { return document }
        // pandoc leaves out an ODT table's repeated heading rows: a single
        // five-column table is read in the standard order, for review.
        let fiveColumns = tables.filter { ($0.map(\.count).max() ?? 0) == PlanDraft.Column.allCases.count }
        if fiveColumns.count == 1 {
            return Document(heading: heading, lines: try lines(fromRows: fiveColumns[0], standardOrder: true), notes: [Phrase(
                lv: "tabulai nebija virsraksta rindas (pandoc to izlaiž ODT tabulām ar atkārtotu virsrakstu); kolonnas ņemtas standarta secībā: MĒRĶIS, AKTIVITĀTES, PERIODS, INSTITŪCIJA, FINANŠU AVOTS",
                en: "the table had no header row (pandoc leaves it out of ODT tables with a repeated heading); the columns were taken in the standard order: goal, activities, period, institution, funding")])
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
                        out.append(repeatedMark + span.text)
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

    /// Put before a merged cell's text where it is repeated in the rows it covers.
    static let repeatedMark = "\u{E001}"

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
        // A plan ("… PLĀNS") or a programme ("Bērnu tiesību aizsardzības programma …").
        guard let start = heading.firstIndex(where: { $0.lowercased().contains("plān") || $0.lowercased().contains("programm") }) else { return nil }
        var parts = [heading[start]]
        // A paragraph continues the title when it is written in capitals as the title is, or names the years.
        for next in heading.dropFirst(start + 1).prefix(2) {
            let capitals = next.contains(where: \.isLetter) && next == next.uppercased()
            // "2025.–2027. gadam" (the plan is for those years); not "2024. gada … apstiprināts".
            let years = !PeriodWording.years(in: next).isEmpty && next.lowercased().contains("gadam")
            guard capitals || years else { break }
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
