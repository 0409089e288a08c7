import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// One decision: what was decided, who answers for it, by when, the meeting
/// that took it, the activity it concerns, and what each review did with it.
enum DecisionFeature: TextFeature {
    static let title = p("lēmums", "decision")

    static func handler(_ command: Command) -> Handler? {
        switch command {
        case .reviewDone, .reviewDue:
            return Handler(unless: openReason) { state in
                guard let decision = openDecision(state) else { return [] }
                return review(&state, decision, meeting: nil, command)
            }
        default:
            return nil
        }
    }

    /// The decision the screen shows, as stored.
    private static func openDecision(_ state: AppState) -> Decision? {
        state.decision.id.flatMap { id in state.snapshot.decisions.first { $0.id == id } }
    }

    private static func openReason(_ state: AppState) -> Phrase? {
        guard let decision = openDecision(state) else { return p("šī lēmuma vairs nav", "this decision is gone") }
        return decision.isOpen ? nil : p("lēmums Nr. \(decision.id) jau ir izpildīts", "decision \(decision.id) is already done")
    }

    static func lines(_ state: AppState, width: Int) -> [[(String, Role)]] {
        guard let id = state.decision.id, let d = state.snapshot.decisions.first(where: { $0.id == id }) else {
            return [[(state.text(p("Šī lēmuma vairs nav.", "This decision is gone.")), .dim)]]
        }
        let lv = state.language == .lv
        var out: [[(String, Role)]] = [[(lv ? "Lēmums Nr. \(d.id)" : "Decision \(d.id)", .emphasis)], []]
        for line in SafeText.clean(d.text, keeping: .lines).split(separator: "\n", omittingEmptySubsequences: false) {
            for piece in wrap(String(line), width: max(10, width - 2), lines: 20, glyphs: state.glyphs) {
                out.append([("  " + piece, .background)])
            }
        }
        out.append([])
        func field(_ label: Phrase, _ value: String, _ role: Role = .background) {
            out.append([(state.text(label).padded(to: 16), .dim), (value, role)])
        }
        let owner = state.plan.institution(d.owner).map { "\(d.owner) \($0.name(in: state.language))" } ?? d.owner
        field(p("Atbildīgais", "Owner"), SafeText.line(owner))
        let overdue = d.isOpen && d.due < state.today
        field(p("Termiņš", "Due"), d.due.description + (overdue ? (lv ? "  nokavēts \(d.due.days(to: state.today)) d." : "  overdue \(d.due.days(to: state.today)) d.") : ""),
              overdue ? .badgeOverdue : .background)
        field(p("Stāvoklis", "State"), d.doneOn.map { lv ? "\(state.glyphs.done) izpildīts \($0)" : "\(state.glyphs.done) done \($0)" }
              ?? (lv ? "atvērts" : "open"), d.isOpen ? .emphasis : .notice)
        if let m = state.snapshot.meetings.first(where: { $0.id == d.meeting }) {
            field(p("Pieņemts", "Taken at"), lv ? "sēdē Nr. \(m.id), \(m.date)" : "meeting \(m.id), \(m.date)")
        }
        if let a = d.activity {
            let title = state.plan.activity(a).map { $0.name(in: state.language) } ?? ""
            field(p("Aktivitāte", "Activity"), SafeText.line("\(a) \(title)"))
        }
        let reviews = state.snapshot.reviews.filter { $0.decision == d.id }
        if !reviews.isEmpty {
            out.append([])
            out.append([(lv ? "Izskatīts sēdēs" : "Reviewed at meetings", .columnTitle)])
            for r in reviews {
                var text = (lv ? "  Nr. \(r.meeting): " : "  meeting \(r.meeting): ") + state.text(r.outcome.phrase)
                if r.outcome == .moved { text += " \(r.dueBefore) → \(r.dueAfter)" }
                out.append([(text, .background)])
            }
        }
        if d.isOpen {
            out.append([])
            let done = state.keyName(.reviewDone), due = state.keyName(.reviewDue)
            out.append([(state.text(p("\(done) — izpildīts, \(due) — jauns termiņš", "\(done) marks it done, \(due) gives a new due date")), .dim)])
        }
        return out
    }
}
