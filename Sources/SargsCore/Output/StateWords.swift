import Foundation

/// An activity's state said in words (SargsCore/Output).
public enum StateWords {
    /// An activity's state as words to begin a line with, never a glyph or a
    /// colour alone (issue 30: the page for everyone, the screen reader's
    /// board): "Nokavēta par 41 dienu" (a one-off), "Nokavēta jau 316
    /// dienas: 2025. g. IV cet. bez izpildes un vēl 2" (a repeating one,
    /// since its first missed window), "Laikā", "Bloķēta (nokavēta …):
    /// reason". Counts agree with their noun in Latvian ("par 21 dienu",
    /// "par 11 dienām", "jau 21 dienu", "jau 11 dienas").
    public static func sentence(_ activity: Activity, _ state: ActivityState, tracker: Tracker, on today: Day,
                                _ language: Language) -> String {
        let lv = language == .lv
        func t(_ lv: String, _ en: String) -> String { language == .lv ? lv : en }
        if tracker.recordedNotFinished(activity, on: today), !state.isBlocked {
            return t("Izpilde ierakstīta, nav atzīmēta kā pabeigta", "Recorded, not marked finished")
        }
        var words: String
        switch state.computed {
        case .overdue(let days):
            let owed = tracker.owed(of: activity, on: today)
            if let latest = owed.first {
                // A repeating activity: overdue since its first missed window ("jau 316 dienas"), then the
                // latest window it owes and how many more, not "by 316 days" beside a window that ended later.
                words = lv ? "Nokavēta jau \(days) " + Plural.form(days, .lv, one: "dienu", other: "dienas")
                           : "Overdue for \(days) \(days == 1 ? "day" : "days")"
                let name = WindowWords.name(latest, language)
                words += ": " + (lv ? "\(name) bez izpildes" : "\(name) not recorded")
                if owed.count > 1 { words += lv ? " un vēl \(owed.count - 1)" : " and \(owed.count - 1) more" }
            } else {
                words = lv ? "Nokavēta par \(days) " + Plural.form(days, .lv, one: "dienu", other: "dienām")
                           : "Overdue \(days) \(days == 1 ? "day" : "days")"
            }
        case .asNeeded(let last):
            words = state.phrase.capitalized.text(language) + (last.map { lv ? ", pēdējā izpilde \($0)" : ", last recorded \($0)" } ?? "")
        default:
            words = state.phrase.capitalized.text(language)
        }
        if state.isBlocked {
            words = ActivityState.blockedPhrase.capitalized.text(language) + " (" + words.prefix(1).lowercased() + words.dropFirst() + ")"
            if let reason = state.blockedReason { words += ": " + reason }
        }
        return words
    }
}
