import Foundation

/// A window named as people say it (issue 27: a card that says what is
/// owed): "2025. g. III cet.", "2025. g. marts", "2025. g. 7. ned.",
/// "2025. g. 1. pusg.", "2025. g."; in English "Q3 2025", "March 2025",
/// "week 7, 2025", "H1 2025", "2025". A text that is no window label
/// (`Window.parse`) is given back as it is.
public enum WindowWords {
    static let monthsLV = ["janvāris", "februāris", "marts", "aprīlis", "maijs", "jūnijs", "jūlijs", "augusts",
                           "septembris", "oktobris", "novembris", "decembris"]
    static let monthsEN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                           "October", "November", "December"]
    static let roman = ["I", "II", "III", "IV"]

    /// The name without its year, for a narrow card ("26. ned.", "II cet.",
    /// "marts", "1. pusg."; "week 26", "Q2", "March", "H1"); a year is its name.
    public static func short(_ label: String, _ language: Language) -> String {
        let full = name(label, language)
        guard label.count > 4, Window.parse(label) != nil else { return full }
        let year = String(label.prefix(4))
        if language == .lv { return full.hasPrefix(year + ". g. ") ? String(full.dropFirst(year.count + 5)) : full }
        for suffix in [", " + year, " " + year] where full.hasSuffix(suffix) { return String(full.dropLast(suffix.count)) }
        return full
    }

    /// The window's name in `language`.
    public static func name(_ label: String, _ language: Language) -> String {
        guard Window.parse(label) != nil, let year = Int(label.prefix(4)) else { return label }
        let lv = language == .lv
        let rest = label.dropFirst(5)
        if label.count == 4 { return lv ? "\(year). g." : "\(year)" }
        if rest.hasPrefix("Q"), let q = Int(rest.dropFirst()) {
            return lv ? "\(year). g. \(roman[q - 1]) cet." : "Q\(q) \(year)"
        }
        if rest.hasPrefix("H"), let h = Int(rest.dropFirst()) {
            return lv ? "\(year). g. \(h). pusg." : "H\(h) \(year)"
        }
        if rest.hasPrefix("W"), let w = Int(rest.dropFirst()) {
            return lv ? "\(year). g. \(w). ned." : "week \(w), \(year)"
        }
        if let m = Int(rest), (1...12).contains(m) {
            return lv ? "\(year). g. \(monthsLV[m - 1])" : "\(monthsEN[m - 1]) \(year)"
        }
        return label
    }
}
