import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The figures the plan cites, as bar charts of block characters. Titles
/// and labels wrap at words, so a unit written in a label ("(% no
/// aptaujātajiem)") is never cut away from it; figures of one unit share a
/// bar scale, percentages against 100 %, and a figure alone in its unit has
/// no bar to compare; numbers use the language's decimal sign ("10,3") and
/// a unit agrees with its number ("1 gadījums", "21 gadījums", "11 gadījumi").
enum IndicatorsFeature: TextFeature {
    static let title = p("rādītāji", "indicators")
    static let entry: Command? = .indicators

    /// What a figure is counted in: the indicator's unit, else the last
    /// bracketed part of its label ("Aptaujātie speciālisti (skaits)").
    struct Unit: Hashable {
        var key: String
        var isPercent: Bool
        /// Written after the number: the indicator's own unit, or "%" for a percentage.
        var shown: String?

        init(label: String, indicator unit: String?) {
            if let unit, !unit.trimmingCharacters(in: .whitespaces).isEmpty {
                key = unit
                isPercent = unit.contains("%")
                shown = unit
            } else if label.hasSuffix(")"), let open = label.lastIndex(of: "(") {
                key = String(label[label.index(after: open)..<label.index(before: label.endIndex)])
                isPercent = key.contains("%")
                shown = isPercent ? "%" : nil
            } else {
                key = ""
                isPercent = false
                shown = nil
            }
        }
    }

    static func lines(_ state: AppState, width: Int) -> [[(String, Role)]] {
        let g = state.glyphs
        var out: [[(String, Role)]] = []
        if state.plan.indicators.isEmpty {
            return [[(state.text(p("Plānā nav rādītāju.", "The plan cites no figures.")), .dim)]]
        }
        let width = max(20, width)
        for indicator in state.plan.indicators {
            let title = state.language == .en ? indicator.en ?? indicator.title : indicator.title
            for line in wrap(title, width: width, lines: 20, glyphs: g) { out.append([(line, .emphasis)]) }
            let source = [indicator.source, indicator.year].compactMap { $0 }.joined(separator: ", ")
            for line in wrap(state.text(p("Avots: ", "Source: ")) + source, width: width, lines: 20, glyphs: g) { out.append([(line, .dim)]) }
            let labels = indicator.values.map { state.language == .en ? $0.en ?? $0.label : $0.label }
            let units = zip(labels, indicator.values).map { Unit(label: $0.0, indicator: indicator.unit) }
            // One scale per unit: a percentage against 100 %, others against the largest of their unit.
            var largest: [Unit: Double] = [:], members: [Unit: Int] = [:]
            for (unit, value) in zip(units, indicator.values) where value.value.isFinite {
                largest[unit] = max(largest[unit] ?? 0, value.value)
                members[unit, default: 0] += 1
            }
            let figures = zip(units, indicator.values).map { figure($0.1.value, unit: $0.0, state.language) }
            let figureWidth = figures.map(\.displayWidth).max() ?? 0
            let labelWidth = min(labels.map(\.displayWidth).max() ?? 0, max(12, (width - 2 - figureWidth - 2) / 2))
            let barWidth = max(0, width - 2 - labelWidth - 1 - 1 - figureWidth)
            for ((label, value), (unit, figure)) in zip(zip(labels, indicator.values), zip(units, figures)) {
                if state.screenReader {
                    // A line each, its label then its figure: the bar says nothing read aloud.
                    out.append([("  " + label, .background), ("  ", .background), (figure, .progress)])
                    continue
                }
                let scale: Double? = unit.isPercent ? max(100, largest[unit] ?? 0)
                    : (members[unit] ?? 0) > 1 ? largest[unit] : nil
                let bar = scale.map { $0 > 0 ? g.bar(fraction: value.value / $0, width: barWidth) : g.bar(fraction: 0, width: barWidth) }
                    ?? String(repeating: " ", count: barWidth)
                for (i, line) in wrapKeepingUnit(label, width: max(1, labelWidth), glyphs: g).enumerated() {
                    let padded = line + String(repeating: " ", count: max(0, labelWidth - line.displayWidth))
                    if i == 0 {
                        out.append([("  " + padded + " ", .background), (bar, .chart), (" " + figure, .progress)])
                    } else {
                        out.append([("  " + padded, .background)])
                    }
                }
            }
            out.append([])
        }
        return out
    }

    /// A label wrapped at words, its last bracketed part ("(% no aptaujātajiem)") kept on one line
    /// when it fits on one.
    static func wrapKeepingUnit(_ label: String, width: Int, glyphs: Glyphs) -> [String] {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "("),
              String(label[open...]).displayWidth <= width else { return wrap(label, width: width, lines: 20, glyphs: glyphs) }
        let kept = String(label[..<open]) + String(label[open...]).replacingOccurrences(of: " ", with: "\u{A0}")
        return wrap(String(kept), width: width, lines: 20, glyphs: glyphs).map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
    }

    /// A number as the language writes it ("10,3" in Latvian, "10.3" in English), whole numbers
    /// without ".0", anything too large for that as Swift prints it; with its unit, agreeing in number.
    static func figure(_ value: Double, unit: Unit, _ language: Language) -> String {
        let number: String
        if value.rounded() == value && abs(value) < 1e15 {
            number = String(Int(value))
        } else if abs(value) < 1e15, value.isFinite {
            number = language == .lv ? String(value).replacingOccurrences(of: ".", with: ",") : String(value)
        } else {
            number = String(value)
        }
        guard let shown = unit.shown else { return number }
        if shown == "%" { return number + " %" }
        // The plan writes its units in Latvian, in the plural: one of them is singular ("1 gadījums").
        return number + " " + (latvianOne(number) ? singular(shown) : shown)
    }

    /// Whether a number written in Latvian takes the singular (CLDR "one": 1, 21, 101, 0,1, 10,1; not 11 or 111).
    static func latvianOne(_ number: String) -> Bool {
        let parts = number.split(separator: ",", maxSplits: 1)
        guard let whole = parts.first, whole.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }),
              let i = Int(whole.filter(\.isNumber).suffix(3)) else { return false }
        guard parts.count == 2 else { return i % 10 == 1 && i % 100 != 11 }
        let fraction = parts[1]
        guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }), let f = Int(fraction.suffix(3)) else { return false }
        return fraction.count == 2 ? f % 10 == 1 && f % 100 != 11 : f % 10 == 1
    }

    /// A Latvian plural noun (or a phrase ending in one) in the singular:
    /// gadījumi → gadījums, jaunieši → jaunietis, dienas → diena, aktivitātes → aktivitāte.
    static func singular(_ plural: String) -> String {
        let endings: [(String, String)] = [("ieši", "ietis"), ("ši", "sis"), ("ņi", "nis"), ("ļi", "lis"), ("i", "s"),
                                          ("as", "a"), ("es", "e")]
        for (ending, one) in endings where plural.hasSuffix(ending) && plural.count > ending.count + 1 {
            return String(plural.dropLast(ending.count)) + one
        }
        return plural
    }
}
