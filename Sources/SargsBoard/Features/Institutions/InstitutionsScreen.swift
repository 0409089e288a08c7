import Foundation
import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The plan's institutions and their mailboxes (issue 15); Enter changes the
/// mailbox of the one under the cursor.
enum InstitutionsScreen {
    static func lines(_ state: AppState) -> (lines: [[(String, Role)]], cursorLine: Int?) {
        var out: [[(String, Role)]] = [
            [(state.text(p("Iestādes un to e-pasti", "Institutions and their mailboxes")), .emphasis)],
            [(state.text(p("Uz šīm adresēm atgādinājumus sūta komanda sargs remind. \(state.keyName(.open)) — mainīt e-pastu.",
                           "The command sargs remind sends reminders to these addresses. \(state.keyName(.open)) changes a mailbox.")), .dim)],
            [],
        ]
        var cursorLine: Int?
        let institutions = state.plan.allInstitutions
        let nameWidth = min(40, institutions.map { SafeText.line($0.name(in: state.language)).displayWidth }.max() ?? 10)
        for (i, institution) in institutions.enumerated() {
            let selected = i == state.institutions.cursor
            if selected { cursorLine = out.count }
            let code = SafeText.line(institution.code).padded(to: 5)
            // A screen reader hears the whole name; its line wraps instead.
            let whole = SafeText.line(institution.name(in: state.language))
            let name = state.screenReader ? whole : state.glyphs.truncate(whole, to: nameWidth)
            let padding = String(repeating: " ", count: max(0, nameWidth - name.displayWidth))
            let address = institution.email.map { ($0, Role.background) }
                ?? (state.text(p("(nav e-pasta)", "(no mailbox)")), Role.dim)
            out.append([(state.marker(selected) + code + " " + name + padding + "  ",
                         state.highlight(selected, .background)), address])
        }
        return (out, cursorLine)
    }
}
