import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The institutions screen (issue 15): the cursor over `plan.allInstitutions`,
/// and Enter's form for a mailbox. Nil when the command is not this screen's.
func performInstitutions(_ state: inout AppState, _ command: Command) -> [Effect]? {
    guard state.screen == .institutions else { return nil }
    let count = state.plan.allInstitutions.count
    switch command {
    case .up, .down, .home, .end, .pageUp, .pageDown:
        state.institutionsCursor = min(max(state.institutionsCursor &+ cursorStep(command, page: 10), 0), max(0, count - 1))
        return []
    case .open:
        let institutions = state.plan.allInstitutions
        guard institutions.indices.contains(state.institutionsCursor) else { return [] }
        let institution = institutions[state.institutionsCursor]
        state.form = Form(kind: .institutionEmail(institution.code),
                          title: p("\(institution.code) e-pasts", "\(institution.code) mailbox"),
                          fields: [FormField(key: "email", label: p("E-pasts", "E-mail"), text: institution.email ?? "",
                                             hint: p("iestādes adrese, piem. socialais.dienests@example.lv; tukšs — noņemt",
                                                     "the institution's address, e.g. socialais.dienests@example.lv; empty removes it"))])
        return []
    default:
        return nil
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
