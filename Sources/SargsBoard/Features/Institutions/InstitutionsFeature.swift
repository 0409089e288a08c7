import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The institutions screen (issue 15): the cursor over `plan.allInstitutions`,
/// and Enter's form for a mailbox.
enum InstitutionsFeature: Feature {
    static let title = p("iestādes", "institutions")
    static let entry: Command? = .institutions

    static func handler(_ command: Command) -> Handler? {
        switch command {
        case .up, .down, .home, .end, .pageUp, .pageDown:
            return .changing { $0.institutions.cursor = cursor($0.institutions.cursor, moved: command, count: $0.plan.allInstitutions.count) }
        case .open:
            // A mailbox is a change of the store: a store one may only read says so before the form.
            return .changing(unless: { $0.readOnly ? readOnlyReason : nil }, openMailboxForm)
        default:
            return nil
        }
    }

    private static func openMailboxForm(_ state: inout AppState) {
        let institutions = state.plan.allInstitutions
        guard institutions.indices.contains(state.institutions.cursor) else { return }
        let institution = institutions[state.institutions.cursor]
        state.form = Form(kind: .institutionEmail(institution.code),
                          title: p("\(institution.code) e-pasts", "\(institution.code) mailbox"),
                          fields: [FormField(key: "email", label: p("E-pasts", "E-mail"), text: institution.email ?? "",
                                             hint: p("iestādes adrese, piem. socialais.dienests@example.lv; tukšs — noņemt",
                                                     "the institution's address, e.g. socialais.dienests@example.lv; empty removes it"))])
    }

    static func position(_ state: AppState) -> Phrase? {
        spokenPosition("iestāde", "institution", cursor: state.institutions.cursor, of: state.plan.allInstitutions.count)
    }

    static func render(_ state: AppState, into canvas: inout Canvas, in area: Rect) {
        ScrollingText.render(list: InstitutionsScreen.lines(state), state: state, into: &canvas, in: area)
    }
}

/// A filled mailbox form as a change: an address of the right form, or none.
func submitInstitutionEmail(_ code: String, _ form: Form) throws(ChangeRefusal) -> [Effect] {
    let address = form["email"].trimmingBlanks
    if address.isEmpty { return [.save(.institutionEmail(code, nil))] }
    guard EmailAddress.isValid(address) else {
        throw ChangeRefusal(EmailAddress.refusal(address, field: p("e-pasts", "the e-mail")))
    }
    return [.save(.institutionEmail(code, address))]
}
