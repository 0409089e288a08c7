import Foundation

/// One self-contained, accessible HTML page for the members who never open
/// a terminal (issue 30; SPEC §7 `sargs export --format html`): the plan by
/// goal with each activity's state in words, the next planned meeting's
/// stored agenda, the open decisions with their owners and due dates, and
/// the last held meeting's minutes.
///
/// No script, no link to anything outside the page, no web font: it opens
/// from a file or an intranet and prints on A4. Lists rather than wide
/// tables, so it reads on a 360-pixel phone and aloud in a screen reader's
/// order. Every value from the store passes `SafeText.markup` (control
/// characters dropped; `&`, `<`, `>`, `"`, `'` as entities).
public struct PublicPage: Sendable {
    public let snapshot: Snapshot
    public let today: Day
    public let language: Language
    /// When the page was made, shown in Riga time.
    public let made: Date

    public init(snapshot: Snapshot, today: Day, language: Language, made: Date) {
        self.snapshot = snapshot
        self.today = today
        self.language = language
        self.made = made
    }

    private var lv: Bool { language == .lv }
    private func t(_ lv: String, _ en: String) -> String { self.lv ? lv : en }

    /// The whole page, UTF-8 HTML5.
    public func html() -> String {
        let plan = snapshot.plan
        let tracker = Tracker(snapshot)
        // The plan's own title names its municipality and years.
        let title = lv ? plan.title : plan.en ?? plan.title
        var out = """
        <!DOCTYPE html>
        <html lang="\(lv ? "lv" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(SafeText.markup(title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <a class="skip" href="#plan">\(t("Pāriet uz plānu", "Skip to the plan"))</a>
        <header>
        <h1>\(SafeText.markup(title))</h1>
        <p>\(t("Sagatavots", "Made")) \(SafeText.markup(RigaTime.text(made))) (\(t("Rīgas laikā", "Riga time"))); \(t("stāvoklis uz", "as of")) \(today). \(t("Tikai lasīšanai: izmaiņas veic sadarbības grupa.", "Read only: the cooperation group makes the changes."))</p>
        <nav aria-label="\(t("Saturs", "Contents"))"><ul>
        <li><a href="#plan">\(t("Plāns pa mērķiem", "The plan by goal"))</a></li>
        <li><a href="#agenda">\(t("Nākamās sēdes darba kārtība", "The next meeting's agenda"))</a></li>
        <li><a href="#decisions">\(t("Atvērtie lēmumi", "Open decisions"))</a></li>
        <li><a href="#minutes">\(t("Pēdējās sēdes protokols", "The last meeting's minutes"))</a></li>
        </ul></nav>
        </header>
        <main>

        """
        out += board(tracker)
        out += nextAgenda(tracker)
        out += openDecisions()
        out += lastMinutes()
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    // MARK: - The sections

    private func board(_ tracker: Tracker) -> String {
        let plan = snapshot.plan
        var out = "<section id=\"plan\" aria-labelledby=\"plan-h\">\n<h2 id=\"plan-h\">\(t("Plāns pa mērķiem", "The plan by goal"))</h2>\n"
        let overdue = plan.activities.filter { tracker.state(of: $0, on: today).isOverdue }.count
        out += "<p>" + (lv ? Plural.form(plan.activities.count, .lv, one: "\(plan.activities.count) aktivitāte", other: "\(plan.activities.count) aktivitātes")
                         + ", " + Plural.form(overdue, .lv, one: "\(overdue) nokavēta", other: "\(overdue) nokavētas")
                       : "\(plan.activities.count) \(plan.activities.count == 1 ? "activity" : "activities"), \(overdue) overdue") + ".</p>\n"
        for goal in plan.goals {
            let activities = plan.activities.filter { $0.goal == goal.number }
            out += "<h3>\(goal.number). \(SafeText.markup(goal.name(in: language))) <span class=\"level\">(\(SafeText.markup(Level.name(goal.level, language))))</span></h3>\n"
            if activities.isEmpty {
                out += "<p>\(t("Aktivitāšu nav.", "No activities."))</p>\n"
                continue
            }
            out += "<ul class=\"activities\">\n"
            for activity in activities {
                let state = tracker.state(of: activity, on: today)
                let owners = activity.owners.map { plan.institutionName($0, in: language) }.joined(separator: ", ")
                out += "<li class=\"\(state.isOverdue ? "overdue" : "on-time")\"><p class=\"title\"><strong>\(SafeText.markup(activity.id))</strong> \(SafeText.markup(activity.name(in: language)))</p>\n"
                out += "<p><span class=\"state\">\(SafeText.markup(StateWords.sentence(activity, state, tracker: tracker, on: today, language)))</span>"
                out += " · \(t("Atbildīgie", "Owners")): \(SafeText.markup(owners.isEmpty ? "—" : owners))"
                out += " · \(t("Periods", "Period")): \(SafeText.markup(activity.period))</p></li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    private func nextAgenda(_ tracker: Tracker) -> String {
        var out = "<section id=\"agenda\" aria-labelledby=\"agenda-h\">\n<h2 id=\"agenda-h\">\(t("Nākamās sēdes darba kārtība", "The next meeting's agenda"))</h2>\n"
        let next = snapshot.meetings.filter { $0.state == .planned && $0.date >= today }.min { ($0.date, $0.id) < ($1.date, $1.id) }
        guard let meeting = next else {
            return out + "<p>\(t("Nākamā sēde vēl nav plānota.", "No meeting is planned yet."))</p>\n</section>\n"
        }
        let kind = meeting.kind.phrase.text(language)
        if meeting.details.restricted {
            // A meeting whose minutes hold restricted-access information says nothing more here than when it sits.
            return out + "<p><strong>\(t("Sēde Nr.", "Meeting")) \(meeting.id)</strong>, \(meeting.date) · \(SafeText.markup(kind))</p>\n"
                + "<p>\(Self.restrictedWords(lv))</p>\n</section>\n"
        }
        let agenda = Agenda(snapshot: snapshot, meeting: meeting, tracker: tracker)
        out += "<p><strong>\(t("Sēde Nr.", "Meeting")) \(meeting.id)</strong>, \(meeting.date)"
        if let time = meeting.time { out += lv ? " plkst. \(time)" : " at \(time)" }
        out += " · \(SafeText.markup(kind))"
        if let place = meeting.details.place { out += " · \(SafeText.markup(place))" }
        if let topic = meeting.topic { out += " · \(t("Tēma", "Topic")): \(SafeText.markup(topic))" }
        out += "</p>\n"
        let groups = AgendaText.byOwner(agenda, plan: snapshot.plan)
        if groups.isEmpty { return out + "<p>\(t("Darba kārtībā nav jautājumu.", "The agenda has no items."))</p>\n</section>\n" }
        for group in groups {
            let name = group.owner.isEmpty ? t("Bez atbildīgā", "No owner") : snapshot.plan.institutionName(group.owner, in: language)
            out += "<h3>\(SafeText.markup(group.owner.isEmpty ? name : "\(group.owner) · \(name)"))</h3>\n<ol>\n"
            for item in group.items {
                out += "<li><strong>\(SafeText.markup(item.activity))</strong> \(SafeText.markup(item.title)): \(SafeText.markup(AgendaText.why(item, language: language)))</li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</section>\n"
    }

    private func openDecisions() -> String {
        var out = "<section id=\"decisions\" aria-labelledby=\"decisions-h\">\n<h2 id=\"decisions-h\">\(t("Atvērtie lēmumi", "Open decisions"))</h2>\n"
        let all = DecisionList(snapshot: snapshot, today: today, openOnly: true).entries
        // Decisions taken at a meeting with restricted-access minutes stay with the group; the page counts them.
        let restricted = Set(snapshot.meetings.filter(\.details.restricted).map(\.id))
        let entries = all.filter { !restricted.contains($0.decision.meeting) }
        let withheld = all.count - entries.count
        let withheldWords = withheld == 0 ? "" : "<p>" + (lv
            ? Plural.form(withheld, .lv, one: "\(withheld) lēmums no sēdēm ar ierobežotas pieejamības informāciju šeit nav rādīts; to",
                          other: "\(withheld) lēmumi no sēdēm ar ierobežotas pieejamības informāciju šeit nav rādīti; tos")
                + " var uzzināt sadarbības grupā.</p>\n"
            : Plural.form(withheld, .en, one: "1 decision", other: "\(withheld) decisions")
                + " from meetings with restricted-access information \(withheld == 1 ? "is" : "are") not shown here; ask the cooperation group.</p>\n")
        guard !entries.isEmpty else {
            return out + "<p>\(t("Atvērtu lēmumu nav.", "There are no open decisions."))</p>\n" + withheldWords + "</section>\n"
        }
        out += withheldWords + "<ul class=\"decisions\">\n"
        for entry in entries {
            let d = entry.decision
            out += "<li\(entry.overdue ? " class=\"overdue\"" : "")><p><strong>\(t("Lēmums Nr.", "Decision")) \(d.id)</strong>"
            if let date = entry.meetingDate { out += " (\(t("sēdē", "taken on")) \(date))" }
            out += ": \(SafeText.markup(d.text))</p>\n<p>\(t("Atbildīgais", "Owner")): \(SafeText.markup(snapshot.plan.institutionName(d.owner, in: language)))"
            out += " · \(t("Termiņš", "Due")): \(d.due)" + (entry.overdue ? " · <strong>\(t("nokavēts", "overdue"))</strong>" : "")
            if let activity = d.activity { out += " · \(t("Aktivitāte", "Activity")) \(SafeText.markup(activity))" }
            out += "</p></li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private func lastMinutes() -> String {
        var out = "<section id=\"minutes\" aria-labelledby=\"minutes-h\">\n<h2 id=\"minutes-h\">\(t("Pēdējās sēdes protokols", "The last meeting's minutes"))</h2>\n"
        let held = snapshot.meetings.filter { $0.state == .held }.max { ($0.date, $0.id) < ($1.date, $1.id) }
        guard let meeting = held else { return out + "<p>\(t("Neviena sēde vēl nav notikusi.", "No meeting has been held yet."))</p>\n</section>\n" }
        if meeting.details.restricted {
            return out + "<p><strong>\(t("Sēde Nr.", "Meeting")) \(meeting.id)</strong>, \(meeting.date). \(Self.restrictedWords(lv))</p>\n</section>\n"
        }
        let text = Minutes(meeting: meeting, snapshot: snapshot).text(language)
        out += "<div class=\"minutes\">\n"
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if trimmed.isEmpty { continue }
            out += "<p\(indent > 0 ? " class=\"indent\"" : "")>\(SafeText.markup(String(trimmed)))</p>\n"
        }
        return out + "</div>\n</section>\n"
    }

    /// What the page says of a meeting with restricted-access minutes, in place of them.
    static func restrictedWords(_ lv: Bool) -> String {
        lv ? "Sēdes protokols satur ierobežotas pieejamības informāciju, tāpēc šajā lapā nav rādīts; to var saņemt sadarbības grupā."
            : "The minutes hold restricted-access information and are not shown on this page; ask the cooperation group."
    }

    // MARK: - Escaping and style

    /// The page's own style: the system's fonts, dark text on white at a
    /// contrast well above WCAG AA, the state said in words and marked by a
    /// border (never colour alone), A4 when printed.
    static let style = """
    :root{color-scheme:light}
    body{overflow-wrap:anywhere;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:60rem;padding:0 1rem 2rem}
    h1{font-size:1.5rem;margin:1rem 0 .25rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #1a1a1a}h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
    .level{font-weight:normal;color:#3d3d3d}
    ul.activities,ul.decisions{list-style:none;padding:0;margin:0}
    ul.activities li,ul.decisions li{border-left:.3rem solid #5a5a5a;padding:.25rem .6rem;margin:.4rem 0;background:#f4f4f4}
    li.overdue{border-left-color:#a00000!important;background:#fff0f0!important}
    li p{margin:.1rem 0}span.state{font-weight:bold}
    .minutes p{margin:.15rem 0}.minutes p.indent{margin-left:1.5rem}
    a{color:#0b3d91}a:focus{outline:3px solid #0b3d91;outline-offset:2px}
    .skip{position:absolute;left:-999rem}.skip:focus{position:static}
    nav ul{padding-left:1.2rem}
    @media print{@page{size:A4;margin:18mm 16mm}body{max-width:none;padding:0;font-size:10.5pt}nav,.skip{display:none}h2,h3{break-after:avoid}li{break-inside:avoid}}
    """
}
