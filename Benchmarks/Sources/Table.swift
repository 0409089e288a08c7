import Foundation

/// One row of the table: what is measured, its budget, and the figures.
struct Row {
    enum Unit { case ms, bytes, mib, ratio, count }

    var what: String
    /// The budget as SPEC §9 words it ("≤ 40 ms"); nil for rows that only inform.
    var budget: String?
    var unit: Unit
    var median: Double
    var p99: Double?
    /// Whether the row is within budget; nil when it has no budget.
    var pass: Bool?
    /// Runs behind the figure.
    var runs: Int

    static func limit(_ what: String, _ unit: Unit, atMost: Double, budget: String, samples: Samples,
                      p99IsTheBudget: Bool = false, showP99: Bool = true) -> Row {
        let figure = p99IsTheBudget ? samples.p99 : samples.median
        return Row(what: what, budget: budget, unit: unit, median: samples.median,
                   p99: showP99 ? samples.p99 : nil, pass: figure <= atMost, runs: samples.count)
    }

    static func info(_ what: String, _ unit: Unit, samples: Samples, showP99: Bool = true) -> Row {
        Row(what: what, budget: nil, unit: unit, median: samples.median, p99: showP99 ? samples.p99 : nil,
            pass: nil, runs: samples.count)
    }

    func format(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        switch unit {
        case .ms: return value < 10 ? String(format: "%.2f ms", value) : String(format: "%.1f ms", value)
        case .bytes: return String(format: "%.0f B", value)
        case .mib: return String(format: "%.1f MB", value)
        case .ratio: return String(format: "%.1f×", value)
        case .count: return String(format: "%.0f", value)
        }
    }
}

/// Prints rows as one Markdown table.
func printTable(_ rows: [Row]) {
    let header = ["what", "budget", "median", "p99", "runs", "result"]
    let cells = rows.map { row in
        [row.what, row.budget ?? "—", row.format(row.median), row.p99.map(row.format) ?? "",
         "\(row.runs)", row.pass.map { $0 ? "pass" : "OVER" } ?? "info"]
    }
    func width(_ s: String) -> Int { s.count }
    let widths = header.indices.map { i in max(width(header[i]), cells.map { width($0[i]) }.max() ?? 0) }
    func line(_ items: [String]) -> String {
        "| " + items.enumerated().map { i, s in s + String(repeating: " ", count: widths[i] - width(s)) }
            .joined(separator: " | ") + " |"
    }
    print(line(header))
    print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
    for row in cells { print(line(row)) }
}
