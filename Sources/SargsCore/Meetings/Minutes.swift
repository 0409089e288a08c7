/// The minutes of a meeting (protokols), SPEC §8: number, date, place,
/// times, chair, secretary, institutions present and absent, guests, the
/// restricted-access mark; the review of earlier decisions with what was
/// closed; each agenda item with its title, why it was on the agenda, its
/// outcome and its decisions; the meeting's decisions; the next meeting's
/// date. Text, Markdown (which pandoc turns into DOCX/ODT) and JSON.
///
/// Every text from data passes `SafeText`; in Markdown it is also escaped
/// (`SafeText.markdown`), so data never becomes markup.
public struct Minutes: Sendable {
    /// The words on the first line of restricted minutes (Informācijas
    /// atklātības likums: ierobežotas pieejamības informācija).
    public static let restrictedMark = Phrase(lv: "IEROBEŽOTAS PIEEJAMĪBAS INFORMĀCIJA",
                                              en: "RESTRICTED ACCESS INFORMATION")

    /// One agenda item as the minutes record it.
    public struct Item: Sendable {
        public var activity: ActivityID
        public var title: String
        /// The first (lead) owner, then the co-owners.
        public var owners: [String]
        /// Why it was on the agenda, in words ("nokavēts 92 d."); empty when it was added by hand.
        public var reasons: [Language: String]
        public var outcome: Meeting.Outcome?
        /// The chair put it on the agenda by hand (no reason of the sweep).
        public var added = false
        /// The chair's words on the outcome ("SD ziņos nākamajā sēdē"), if any.
        public var note: String?
        public var decisions: [Decision]
    }

    /// One decision of the review, with what the meeting did with it (nil: not reviewed yet).
    public struct Reviewed: Sendable {
        public var decision: Decision
        /// The meeting that took it, and its date.
        public var from: Int64
        public var fromDate: Day?
        public var review: DecisionReview?
    }

    public let meeting: Meeting
    public let plan: Plan
    /// The meeting's own decisions, by number.
    public let decisions: [Decision]
    public let review: [Reviewed]
    public let items: [Item]
    /// The plan's institutions not present (held meetings only).
    public let absent: [String]
    public let next: Meeting?

    public init(meeting: Meeting, snapshot: Snapshot) {
        self.meeting = meeting
        self.plan = snapshot.plan
        let own = snapshot.decisions.filter { $0.meeting == meeting.id }.sorted { $0.id < $1.id }
        self.decisions = own
        let reviews = Dictionary(snapshot.reviews.filter { $0.meeting == meeting.id }.map { ($0.decision, $0) },
                                 uniquingKeysWith: { a, _ in a })
        let dates = Dictionary(snapshot.meetings.map { ($0.id, $0.date) }, uniquingKeysWith: { a, _ in a })
        // The decisions of earlier meetings open when this one sat: those it
        // reviewed, and (held) those it did not, which the minutes name too.
        let reviewed: [Decision] = meeting.kind != .regular ? [] : snapshot.decisions.filter { d in
            guard d.meeting != meeting.id, let from = dates[d.meeting], from <= meeting.date else { return false }
            if reviews[d.id] != nil { return true }
            return meeting.state == .planned ? d.isOpen : d.doneOn.map { $0 >= meeting.date } ?? true
        }.sorted { (reviews[$0.id]?.dueBefore ?? $0.due, $0.id) < (reviews[$1.id]?.dueBefore ?? $1.due, $1.id) }
        self.review = reviewed.map { Reviewed(decision: $0, from: $0.meeting, fromDate: dates[$0.meeting], review: reviews[$0.id]) }
        // The meeting's stored agenda (issue 26): its reasons as of the meeting's date.
        let agenda = meeting.items.isEmpty ? nil : Agenda(snapshot: snapshot, meeting: meeting)
        let why = Dictionary((agenda?.items ?? []).map { ($0.activity, $0) }, uniquingKeysWith: { a, _ in a })
        self.items = meeting.items.map { item in
            let activity = snapshot.plan.activity(item.activity)
            var reasons: [Language: String] = [:]
            let agendaItem = why[item.activity]
            if let agendaItem, !(agendaItem.added && agendaItem.reasons.isEmpty) {
                for language in Language.allCases { reasons[language] = AgendaText.why(agendaItem, language: language) }
            }
            var minutesItem = Item(activity: item.activity, title: activity?.title ?? "", owners: activity?.owners ?? [],
                                   reasons: reasons, outcome: item.outcome, note: item.note,
                                   decisions: own.filter { $0.activity == item.activity })
            minutesItem.added = agendaItem.map { $0.added && $0.reasons.isEmpty } ?? false
            return minutesItem
        }
        self.absent = meeting.state == .held ? meeting.absent(in: snapshot.plan) : []
        self.next = meeting.next(among: snapshot.meetings)
    }

    // MARK: Words

    private func kindText(_ lv: Bool) -> String {
        meeting.kind == .regular ? (lv ? "Kārtējā sēde" : "Regular meeting") : (lv ? "Ārkārtas sēde" : "Emergency meeting")
    }

    private func institutions(_ codes: [String], _ language: Language, escape: (String) -> String) -> String {
        codes.map { code in
            guard let i = plan.institution(code) else { return escape(code) }
            return escape("\(code) (\(i.name(in: language)))")
        }.joined(separator: ", ")
    }

    private func title(_ item: Item, _ language: Language) -> String {
        plan.activity(item.activity)?.name(in: language) ?? item.title
    }

    /// The facts of the sitting as label and value, in the order the minutes give them.
    private func facts(_ language: Language, escape: (String) -> String) -> [(String, String)] {
        let lv = language == .lv
        let d = meeting.details
        var facts: [(String, String)] = [(lv ? "Datums" : "Date", meeting.date.description)]
        if let place = d.place { facts.append((lv ? "Vieta" : "Place", escape(place))) }
        if d.started != nil || d.ended != nil {
            let nextDay = d.endsNextDay ? (lv ? " (nākamajā dienā)" : " (the next day)") : ""
            facts.append((lv ? "Laiks" : "Time", "\(d.started?.description ?? "…")–\(d.ended?.description ?? "…")\(nextDay)"))
        }
        facts.append((lv ? "Veids" : "Kind", kindText(lv)))
        facts.append((lv ? "Stāvoklis" : "State", meeting.state.phrase.text(language)))
        if let topic = meeting.topic { facts.append((lv ? "Tēma" : "Topic", escape(topic))) }
        if let chair = d.chair { facts.append((lv ? "Sēdi vadīja" : "Chaired by", escape(chair))) }
        if let secretary = d.secretary { facts.append((lv ? "Protokolēja" : "Minutes taken by", escape(secretary))) }
        facts.append((lv ? "Piedalījās" : "Present",
                      meeting.attendees.isEmpty ? (lv ? "nav norādīti" : "not recorded") : institutions(meeting.attendees, language, escape: escape)))
        if meeting.state == .held && !meeting.attendees.isEmpty {
            facts.append((lv ? "Nepiedalījās" : "Absent", absent.isEmpty ? (lv ? "nav" : "none") : institutions(absent, language, escape: escape)))
        }
        if let guests = d.guests { facts.append((lv ? "Uzaicinātie" : "Guests", escape(guests))) }
        return facts
    }

    /// A day in the minutes: in words in the document ("2025. gada 30. jūnijs"), as YYYY-MM-DD in the terminal's text.
    private func day(_ d: Day, _ language: Language, markdown: Bool, _ grammaticalCase: DocumentWords.DateCase = .nominative) -> String {
        markdown ? DocumentWords.date(d, language, grammaticalCase) : d.description
    }

    private func decisionLine(_ d: Decision, _ language: Language, markdown: Bool, indent: String) -> String {
        let lv = language == .lv
        let text = markdown ? SafeText.markdownIndented(d.text, by: indent) : SafeText.indented(d.text, by: indent)
        let owner = markdown ? SafeText.markdown(d.owner) : SafeText.line(d.owner)
        var line = "\(lv ? "Nr." : "No.") \(d.id) [\(owner)] \(text) — \(lv ? "termiņš" : "due") \(day(d.due, language, markdown: markdown))"
        if let activity = d.activity.map(markdown ? SafeText.markdown : SafeText.line) {
            line += lv ? " (aktivitāte \(activity))" : " (activity \(activity))"
        }
        if let done = d.doneOn.map({ day($0, language, markdown: markdown, .locative) }) { line += lv ? " — izpildīts \(done)" : " — done \(done)" }
        return line
    }

    private func reviewLine(_ r: Reviewed, _ language: Language, markdown: Bool, indent: String) -> String {
        let lv = language == .lv
        var line = decisionLine(r.decision, language, markdown: markdown, indent: indent)
        if let date = r.fromDate.map({ day($0, language, markdown: markdown) }) {
            line += lv ? " (sēde Nr. \(r.from), \(date))" : " (meeting \(r.from), \(date))"
        }
        let before = day(r.review?.dueBefore ?? r.decision.due, language, markdown: markdown)
        let after = day(r.review?.dueAfter ?? r.decision.due, language, markdown: markdown)
        guard let review = r.review else {
            let overdue = r.decision.due < meeting.date
            let state = meeting.state == .planned ? (lv ? " — jāizskata" : " — to review") : (lv ? " — sēdē netika izskatīts" : " — not reviewed at the meeting")
            return line + state + (overdue ? (lv ? ", NOKAVĒTS" : ", OVERDUE") : "")
        }
        switch review.outcome {
        case .done:
            // The decision line already says "izpildīts D" when it is still done.
            if r.decision.doneOn == nil { line += lv ? " — atzīmēts kā izpildīts" : " — marked done" }
            return line + (lv ? "; slēgts šajā sēdē" : "; closed at this meeting")
        case .open where review.dueBefore == review.dueAfter:
            return line + (lv ? " — paliek atvērts" : " — stays open")
        case .moved, .open:
            // (Left open after a new due date, in a store from before "moved" was kept: it was moved.)
            // Dates in words take the case the sentence asks for; an arrow asks for none.
            return line + (lv ? (markdown ? " — termiņš pārcelts: \(before) → \(after)" : " — termiņš pārcelts no \(before) uz \(after)")
                              : " — due date moved from \(before) to \(after)")
        }
    }

    private func itemOwners(_ item: Item, escape: (String) -> String) -> String {
        guard let lead = item.owners.first else { return "" }
        let others = item.owners.dropFirst()
        return escape(lead) + (others.isEmpty ? "" : "; +" + escape(others.joined(separator: ", ")))
    }

    // MARK: Renderings

    /// The running header of the minutes' pages (DOCX, ODT, PDF): the
    /// municipality, and "Protokols Nr. 3, 2025. gada 24. aprīlis" /
    /// "Minutes no. 3, 24 April 2025".
    public func pageHeader(_ language: Language) -> DocumentWords.PageHeader {
        DocumentWords.PageHeader(left: plan.municipality,
                                 right: (language == .lv ? "Protokols Nr. \(meeting.id), " : "Minutes no. \(meeting.id), ")
                                     + DocumentWords.date(meeting.date, language))
    }

    /// A numbered list item's marker ("9. ", "10. ") and the indent that
    /// keeps its further lines inside it: as wide as the marker, so the
    /// 10th and the 100th item keep their lines as the 1st does (a fixed
    /// three spaces end the item from "10. " on).
    static func numbered(_ n: Int) -> (marker: String, indent: String) {
        let marker = "\(n). "
        return (marker, String(repeating: " ", count: marker.count))
    }

    /// The minutes as a Markdown document (the source of the DOCX, ODT and
    /// PDF documents too): dates in the language's typography ("Sēde notika
    /// 2025. gada 24. aprīlī"), each agenda item a numbered list item with its
    /// reasons, outcome and decisions nested under it at any count, and, but
    /// for a cancelled meeting, lines for the chair's and the secretary's
    /// signatures and names (the names from the meeting's details, else a
    /// line to write one on).
    public func markdown(_ language: Language) -> String {
        let lv = language == .lv
        let esc = SafeText.markdown
        var out = ""
        if meeting.details.restricted { out += "**\(Minutes.restrictedMark.text(language))**\n\n" }
        out += "# \(lv ? "Protokols Nr." : "Minutes no.") \(meeting.id): \(kindText(lv))\n\n"
        out += "\(esc(plan.title))\n\n"
        let when = DocumentWords.date(meeting.date, language, .locative)
        switch meeting.state {
        case .held: out += lv ? "Sēde notika \(when).\n\n" : "The meeting was held on \(when).\n\n"
        case .planned: out += lv ? "Sēde paredzēta \(when).\n\n" : "The meeting is planned for \(when).\n\n"
        case .cancelled: out += lv ? "Sēde, kas bija paredzēta \(when), atcelta.\n\n" : "The meeting planned for \(when) was cancelled.\n\n"
        }
        for (label, value) in facts(language, escape: esc) {
            let shown = label == (lv ? "Datums" : "Date") ? DocumentWords.date(meeting.date, language) : value
            out += "- **\(label):** \(shown)\n"
        }
        if meeting.kind == .regular {
            out += "\n## \(lv ? "Iepriekšējo lēmumu izpildes kontrole" : "Review of earlier decisions")\n\n"
            if review.isEmpty { out += lv ? "Atvērtu iepriekšējo lēmumu nav.\n" : "No earlier decisions were open.\n" }
            for r in review { out += "- " + reviewLine(r, language, markdown: true, indent: "  ") + "\n" }
        }
        if !items.isEmpty {
            out += "\n## \(lv ? "Darba kārtība" : "Agenda")\n\n"
            for (i, item) in items.enumerated() {
                let (marker, indent) = Self.numbered(i + 1)
                out += "\(marker)**\(esc(item.activity))** \(esc(title(item, language))) (\(itemOwners(item, escape: esc)))\n"
                if item.added {
                    out += "\(indent)- \(lv ? "Iekļauts pēc sēdes vadītāja izvēles" : "Put on the agenda by the chair")\n"
                } else if let why = item.reasons[language], !why.isEmpty {
                    out += "\(indent)- \(lv ? "Iekļauts, jo" : "On the agenda because"): \(esc(why))\n"
                }
                let outcome = item.outcome.map { $0.phrase.text(language) } ?? (lv ? "nav izskatīts" : "not reached")
                let words = item.note.map { ": " + esc($0) } ?? ""
                out += "\(indent)- \(lv ? "Iznākums" : "Outcome"): \(outcome)\(words)\n"
                for d in item.decisions {
                    out += "\(indent)- \(lv ? "Lēmums" : "Decision") " + decisionLine(d, language, markdown: true, indent: indent + "  ") + "\n"
                }
            }
        }
        out += "\n## \(lv ? "Lēmumi" : "Decisions")\n\n"
        if decisions.isEmpty { out += lv ? "Lēmumu nav.\n" : "No decisions.\n" }
        for d in decisions { out += "- " + decisionLine(d, language, markdown: true, indent: "  ") + "\n" }
        if let next {
            out += "\n\(lv ? "Nākamā sēde" : "Next meeting"): \(DocumentWords.date(next.date, language)) (\(lv ? "Nr." : "no.") \(next.id))\n"
        }
        if meeting.state != .cancelled { out += signatures(language) }
        return out
    }

    /// The lines the chair and the secretary sign: a line for the signature, then the name
    /// (from the details) or a line to write it on, in a `signatures` div.
    private func signatures(_ language: Language) -> String {
        let lv = language == .lv
        let line = String(repeating: "\\_", count: 18)
        func row(_ label: String, _ name: String?) -> String {
            let named = name.map { SafeText.markdown($0) } ?? "\(line) (\(lv ? "vārds, uzvārds" : "name"))"
            return "\(label): \(line) (\(lv ? "paraksts" : "signature"))  \(named)\n"
        }
        // A fenced div (pandoc's reader keeps them; data cannot start one, a line's ':' is escaped):
        // the PDF's stylesheet gives the signatures room (`.signatures`).
        return "\n::: signatures\n" + row(lv ? "Sēdi vadīja" : "Chaired by", meeting.details.chair) + "\n"
            + row(lv ? "Protokolēja" : "Minutes taken by", meeting.details.secretary) + ":::\n"
    }

    /// The minutes as plain text (the board's meeting view, `meeting show`).
    public func text(_ language: Language) -> String {
        let lv = language == .lv
        let esc = SafeText.line
        var out = ""
        if meeting.details.restricted { out += Minutes.restrictedMark.text(language) + "\n" }
        out += "\(kindText(lv)) \(lv ? "Nr." : "no.") \(meeting.id)  \(meeting.date)  \(meeting.state.phrase.text(language))\n"
        for (label, value) in facts(language, escape: esc).dropFirst() where label != (lv ? "Veids" : "Kind") && label != (lv ? "Stāvoklis" : "State") {
            out += "\(label): \(value)\n"
        }
        if meeting.kind == .regular && !review.isEmpty {
            out += lv ? "Iepriekšējo lēmumu izpildes kontrole:\n" : "Review of earlier decisions:\n"
            for r in review { out += "  " + reviewLine(r, language, markdown: false, indent: "    ") + "\n" }
        }
        if !items.isEmpty { out += lv ? "Darba kārtība:\n" : "Agenda:\n" }
        for (i, item) in items.enumerated() {
            let outcome = item.outcome.map { $0.phrase.text(language) } ?? (lv ? "nav izskatīts" : "not reached")
            let why = item.added ? (lv ? " (iekļauts pēc sēdes vadītāja izvēles)" : " (put on the agenda by the chair)")
                : item.reasons[language].map { $0.isEmpty ? "" : " (\(esc($0)))" } ?? ""
            let words = item.note.map { ": " + esc($0) } ?? ""
            out += "  \(i + 1). \(esc(item.activity)) \(esc(title(item, language))) — \(outcome)\(words)\(why)\n"
        }
        out += lv ? "Lēmumi:\n" : "Decisions:\n"
        if decisions.isEmpty { out += lv ? "  nav\n" : "  none\n" }
        for d in decisions { out += "  " + decisionLine(d, language, markdown: false, indent: "    ") + "\n" }
        if let next { out += (lv ? "Nākamā sēde: " : "Next meeting: ") + "\(next.date) (\(lv ? "Nr." : "no.") \(next.id))\n" }
        return out
    }

    private static func decisionJSON(_ d: Decision) -> JSONValue {
        .object([("id", .int(Int(d.id))), ("meeting", .int(Int(d.meeting))), ("text", .string(d.text)),
                 ("owner", .string(d.owner)), ("due", .string(d.due.description)), ("activity", .optional(d.activity)),
                 ("done", .optional(d.doneOn?.description))])
    }

    public var jsonValue: JSONValue {
        let d = meeting.details
        return .object([
            ("id", .int(Int(meeting.id))), ("date", .string(meeting.date.description)),
            ("kind", .string(meeting.kind.rawValue)), ("topic", .optional(meeting.topic)),
            ("state", .string(meeting.state.rawValue)), ("attendees", .array(meeting.attendees.map(JSONValue.string))),
            ("absent", .array(absent.map(JSONValue.string))),
            ("place", .optional(d.place)), ("started", .optional(d.started?.description)), ("ended", .optional(d.ended?.description)),
            ("chair", .optional(d.chair)), ("secretary", .optional(d.secretary)), ("guests", .optional(d.guests)),
            ("restricted", .bool(d.restricted)),
            ("review", .array(review.map { r in
                .object([("decision", Minutes.decisionJSON(r.decision)),
                         ("outcome", .optional(r.review?.outcome.rawValue)),
                         ("due_before", .optional(r.review?.dueBefore.description)),
                         ("due_after", .optional(r.review?.dueAfter.description))])
            })),
            ("items", .array(items.map {
                .object([("activity", .string($0.activity)), ("outcome", .optional($0.outcome?.rawValue)),
                         ("note", .optional($0.note)), ("reasons", .optional($0.reasons[.en]))])
            })),
            ("decisions", .array(decisions.map(Minutes.decisionJSON))),
            ("next_meeting", next.map { .object([("id", .int(Int($0.id))), ("date", .string($0.date.description))]) } ?? .null),
        ])
    }
}
