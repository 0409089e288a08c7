import SargsCore
import Testing

/// What a meeting's record holds and how the minutes say it: the sitting's
/// details, present and absent, the review of earlier decisions, each item's
/// reasons, the next meeting; decisions listed; hold and cancel rules.
@Suite("Meetings, decisions and their minutes")
struct MeetingRecordTests {
    static let plan: Plan = {
        var plan = Madona.plan()
        plan.institutions = [Institution(code: "SD", name: "Sociālais dienests", en: "Social service"),
                             Institution(code: "IN", name: "Izglītības nodaļa"),
                             Institution(code: "SG", name: "Sadarbības grupa"),
                             Institution(code: "BT", name: "Bāriņtiesa")]
        return plan
    }()

    /// Meeting 1 (held) took decisions 1–3; meeting 2 reviewed them: 1 done, 2 moved, 3 left open; meeting 3 is planned.
    static var snapshot: Snapshot {
        var held = Meeting(id: 1, date: day("2025-09-10"), state: .held, items: [Meeting.Item(activity: "2.1", outcome: .decision)])
        held.details = Meeting.Details(attendees: ["SD", "IN"], place: "Domes zāle", started: ClockTime("10:00"),
                                       ended: ClockTime("11:30"), chair: "Grupas vadītāja", secretary: "Speciāliste",
                                       guests: "Skolas direktors", restricted: true)
        let second = Meeting(id: 2, date: day("2025-12-10"), state: .held, attendees: ["SD", "IN", "BT"],
                             items: [Meeting.Item(activity: "2.1", outcome: .discussed), Meeting.Item(activity: "1.5")])
        let third = Meeting(id: 3, date: day("2026-03-11"))
        let decisions = [
            Decision(id: 1, meeting: 1, text: "Sagatavot materiālu", owner: "SD", due: day("2025-10-20"), activity: "2.1",
                     doneOn: day("2025-12-10")),
            Decision(id: 2, meeting: 1, text: "Informēt skolas", owner: "IN", due: day("2026-01-31")),
            Decision(id: 3, meeting: 1, text: "Pirmā rinda\notrā rinda", owner: "BT", due: day("2025-11-30")),
            Decision(id: 4, meeting: 2, text: "Jauns lēmums", owner: "SD", due: day("2026-02-01")),
        ]
        let reviews = [
            DecisionReview(meeting: 2, decision: 1, outcome: .done, dueBefore: day("2025-10-20"), dueAfter: day("2025-10-20")),
            DecisionReview(meeting: 2, decision: 2, outcome: .moved, dueBefore: day("2025-10-31"), dueAfter: day("2026-01-31")),
            DecisionReview(meeting: 2, decision: 3, outcome: .open, dueBefore: day("2025-11-30"), dueAfter: day("2025-11-30")),
        ]
        return Snapshot(plan: plan, meetings: [held, second, third], decisions: decisions, reviews: reviews)
    }

    @Test("the minutes carry the sitting: restricted mark first, place, times, chair, secretary, present, absent, guests")
    func sitting() {
        let minutes = Minutes(meeting: Self.snapshot.meetings[0], snapshot: Self.snapshot)
        let md = minutes.markdown(.lv)
        #expect(md.hasPrefix("**IEROBEŽOTAS PIEEJAMĪBAS INFORMĀCIJA**\n\n# Protokols Nr. 1"))
        for line in ["- **Vieta:** Domes zāle", "- **Laiks:** 10:00–11:30", "- **Sēdi vadīja:** Grupas vadītāja",
                     "- **Protokolēja:** Speciāliste", "- **Piedalījās:** SD (Sociālais dienests), IN (Izglītības nodaļa)",
                     "- **Nepiedalījās:** SG (Sadarbības grupa), BT (Bāriņtiesa), VP (Valsts policija), PP (Pašvaldības policija), AN (Attīstības nodaļa), JC (Jauniešu centri), VPD (Valsts probācijas dienests)",
                     "- **Uzaicinātie:** Skolas direktors",
                     "Nākamā sēde: 2025. gada 10. decembris (Nr. 2)"] {
            #expect(md.contains(line + "\n"), "\(line)\n\(md)")
        }
        // Absent: the plan's institutions (those its activities name too) less those present.
        #expect(minutes.absent == Self.plan.allInstitutions.map(\.code).filter { $0 != "SD" && $0 != "IN" })
        #expect(minutes.absent.starts(with: ["SG", "BT", "VP"]))
        let en = minutes.text(.en)
        #expect(en.hasPrefix("RESTRICTED ACCESS INFORMATION\nRegular meeting no. 1"), "\(en)")
        #expect(en.contains("Absent: SG (Sadarbības grupa), BT (Bāriņtiesa), VP"))
        let json = minutes.jsonValue.serialized()
        #expect(json.contains(#""absent": ["SG", "BT", "VP""#) && json.contains(#""restricted": true"#) && json.contains(#""started": "10:00""#), "\(json)")
        // A planned meeting has no one absent yet.
        #expect(Minutes(meeting: Self.snapshot.meetings[2], snapshot: Self.snapshot).absent.isEmpty)
    }

    @Test("the minutes list the review: what was closed, moved from the old date, left open; items with reasons and outcomes")
    func review() {
        let md = Minutes(meeting: Self.snapshot.meetings[1], snapshot: Self.snapshot).markdown(.lv)
        #expect(md.contains("## Iepriekšējo lēmumu izpildes kontrole\n"))
        #expect(md.contains("- Nr. 1 [SD] Sagatavot materiālu — termiņš 2025. gada 20. oktobris (aktivitāte 2.1) — izpildīts 2025. gada 10. decembrī (sēde Nr. 1, 2025. gada 10. septembris); slēgts šajā sēdē\n"), "\(md)")
        #expect(md.contains("- Nr. 2 [IN] Informēt skolas — termiņš 2026. gada 31. janvāris (sēde Nr. 1, 2025. gada 10. septembris) — termiņš pārcelts: 2025. gada 31. oktobris → 2026. gada 31. janvāris\n"))
        // A line break in a decision continues inside its list item.
        #expect(md.contains("- Nr. 3 [BT] Pirmā rinda\\\n  otrā rinda — termiņš 2025. gada 30. novembris (sēde Nr. 1, 2025. gada 10. septembris) — paliek atvērts\n"), "\(md)")
        // Item 2.1: why it was on the agenda on 2025-12-10 (once, Feb–Mar 2025: 254 days past), its outcome.
        #expect(md.contains("1. **2.1** Aktivitāte 2.1 (SG)\n   - Iekļauts, jo: nokavēts 254 d.\n   - Iznākums: izskatīts\n"), "\(md)")
        // 1.5 (IN, co-owner JC) was on the agenda but not reached.
        #expect(md.contains("2. **1.5** Aktivitāte 1.5 (IN; +JC)\n"))
        #expect(md.contains("   - Iznākums: nav izskatīts\n"))
        #expect(md.contains("## Lēmumi\n\n- Nr. 4 [SD] Jauns lēmums — termiņš 2026. gada 1. februāris\n"))
        #expect(md.contains("Nākamā sēde: 2026. gada 11. marts (Nr. 3)"))
        // Meeting 3 is planned: it will review 2 and 3 (still open) and 4; 1 is done.
        let planned = Minutes(meeting: Self.snapshot.meetings[2], snapshot: Self.snapshot)
        #expect(planned.review.map(\.decision.id) == [3, 2, 4])
        #expect(planned.markdown(.en).contains("No. 3 [BT] Pirmā rinda\\\n  otrā rinda — due 30 November 2025 (meeting 1, 10 September 2025) — to review, OVERDUE"))
    }

    @Test("a regular meeting reviews the open decisions of earlier meetings and keeps those it reviewed; an emergency one none")
    func reviewList() {
        let s = Self.snapshot
        #expect(DecisionReview.decisions(for: s.meetings[1], in: s).map(\.id) == [1, 2, 3], "by the due date each had when the review began (2 was due 2025-10-31 before it moved)")
        #expect(DecisionReview.decisions(for: s.meetings[2], in: s).map(\.id) == [3, 2, 4])
        let emergency = Meeting(id: 9, date: day("2026-01-05"), kind: .emergency, topic: "Gadījums skolā")
        #expect(DecisionReview.decisions(for: emergency, in: s).isEmpty)
        // A draft not saved yet (id 0) reviews every open decision dated before it.
        #expect(DecisionReview.decisions(for: Meeting(date: day("2026-03-01")), in: s).map(\.id) == [3, 2, 4])
    }

    @Test("Markdown escapes data: a title or decision cannot become markup, a list or a raw block")
    func markdownEscapes() {
        #expect(SafeText.markdown("*ne* <b>x</b> [a](b) `c` $d$ @e") == #"\*ne\* \<b\>x\</b\> \[a\](b) \`c\` \$d\$ \@e"#)
        #expect(SafeText.markdownIndented("pirmā\n- otrā\n# trešā\n12. ceturtā\n   > piektā", by: "  ")
                == "pirmā\\\n  \\- otrā\\\n  \\# trešā\\\n  12\\. ceturtā\\\n  \\> piektā", "each break a hard line break")
        var s = Self.snapshot
        s.decisions[3].text = "```{=openxml}\n<w:p/>\n```"
        let md = Minutes(meeting: s.meetings[1], snapshot: s).markdown(.lv)
        #expect(md.contains("- Nr. 4 [SD] \\`\\`\\`\\{=openxml\\}\\\n  \\<w:p/\\>\\\n  \\`\\`\\` — termiņš"), "\(md)")
    }

    @Test("decision list: open by due date, or all; owner filter; overdue; the meeting that closed it")
    func decisionList() {
        let s = Self.snapshot
        let open = DecisionList(snapshot: s, today: day("2026-01-05"), openOnly: true)
        #expect(open.entries.map(\.decision.id) == [3, 2, 4])
        #expect(open.entries.map(\.overdue) == [true, false, false])
        let all = DecisionList(snapshot: s, today: day("2026-01-05"), openOnly: false)
        #expect(all.entries.map(\.decision.id) == [3, 2, 4, 1])
        #expect(all.entries.last?.closedAt == 2)
        #expect(all.text(.lv).contains("Nr. 1  [SD]  termiņš 2025-10-20  izpildīts 2025-12-10 (sēdē Nr. 2)  sēde Nr. 1, 2025-09-10  aktivitāte 2.1\n"))
        #expect(all.text(.en).contains("No. 3  [BT]  due 2025-11-30 OVERDUE  meeting 1, 2025-09-10\n    Pirmā rinda\n    otrā rinda\n"), "\(all.text(.en))")
        #expect(DecisionList(snapshot: s, today: day("2026-01-05"), openOnly: true, owner: "IN").entries.map(\.decision.id) == [2])
        #expect(DecisionList(snapshot: s, today: day("2026-01-05"), openOnly: true, owner: "VP").text(.lv) == "Atvērtu lēmumu nav.\n")
        #expect(open.json.serialized().contains(#""closed_at": null"#))
    }

    @Test("hold, cancel and edit: a future meeting is not held, a held one not cancelled nor held again, times in order")
    func rules() throws {
        let today = day("2025-10-01")
        let planned = Meeting(id: 5, date: day("2025-10-02"))
        #expect(throws: ChangeRefusal.self) { try ChangeRules.hold(planned, today: today) }
        try ChangeRules.hold(planned, today: day("2025-10-02"))
        let held = Meeting(id: 5, date: day("2025-09-01"), state: .held)
        #expect(throws: ChangeRefusal.self) { try ChangeRules.hold(held, today: today) }
        #expect(throws: ChangeRefusal.self) { try ChangeRules.cancel(held) }
        try ChangeRules.edit(held)
        #expect(throws: ChangeRefusal.self) { try ChangeRules.edit(Meeting(id: 5, date: today, state: .cancelled)) }
        // An end before the start is the next day's (issue 27); an end at the start's minute is a slip.
        var details = Meeting.Details(attendees: ["SD"], started: ClockTime("11:00"), ended: ClockTime("11:00"))
        #expect(throws: ChangeRefusal.self) { try ChangeRules.details(details, plan: Self.plan) }
        details.ended = ClockTime("10:59")
        try ChangeRules.details(details, plan: Self.plan)
        details.ended = ClockTime("11:01")
        try ChangeRules.details(details, plan: Self.plan)
        details.chair = "vadītāja 010101-12345"
        #expect(throws: ChangeRefusal.self) { try ChangeRules.details(details, plan: Self.plan) }
        details.chair = nil
        details.guests = "viesis\u{202E}x"
        #expect(throws: ChangeRefusal.self) { try ChangeRules.details(details, plan: Self.plan) }
        details.guests = nil
        details.attendees = ["XX"]
        #expect(throws: ChangeRefusal.self) { try ChangeRules.details(details, plan: Self.plan) }
        #expect(throws: ChangeRefusal.self) { try ChangeRules.due(day("2025-08-31"), meetingDate: day("2025-09-01")) }
        try ChangeRules.due(day("2025-09-01"), meetingDate: day("2025-09-01"))
    }

    @Test("clock times: HH:MM and H:MM within the day, nothing else")
    func clockTimes() {
        #expect(ClockTime("9:05")?.description == "09:05")
        #expect(ClockTime("23:59")?.minutes == 1439)
        for bad in ["24:00", "12:60", "1230", "12:5", ":30", "12:30:00", "١٢:٣٠", "-1:00", "", "ab:cd"] {
            #expect(ClockTime(bad) == nil, "\(bad)")
        }
        #expect(ClockTime("09:00")! < ClockTime("10:00")!)
    }

    @Test("quarters without a meeting: only those over on the day asked")
    func quartersOver() {
        let meetings = [Meeting(id: 1, date: day("2026-02-10"), state: .held)]
        #expect(MeetingYear.summary(meetings, today: day("2026-05-01")).first?.quartersWithout == [])
        #expect(MeetingYear.summary(meetings, today: day("2026-07-01")).first?.quartersWithout == [2])
        #expect(MeetingYear.summary(meetings, today: day("2027-01-01")).first?.quartersWithout == [2, 3, 4])
    }

    @Test("a one-off recorded in or after its window may finish; a repeating one or one done never")
    func finishing() throws {
        let plan = Self.plan
        #expect(ChangeRules.recordMayFinish(Madona["2.1"], on: day("2025-03-10"), period: plan.period))
        #expect(ChangeRules.recordMayFinish(Madona["2.1"], on: day("2025-05-10"), period: plan.period))
        #expect(!ChangeRules.recordMayFinish(Madona["2.1"], on: day("2025-01-10"), period: plan.period))
        #expect(!ChangeRules.recordMayFinish(Madona["2.3"], on: day("2025-03-10"), period: plan.period))
        var done = Madona["2.1"]
        done.status = .done
        #expect(!ChangeRules.recordMayFinish(done, on: day("2025-03-10"), period: plan.period))
        #expect(throws: ChangeRefusal.self) { try ChangeRules.finishing(done) }
        #expect(throws: ChangeRefusal.self) { try ChangeRules.finishing(Madona["2.3"]) }
        try ChangeRules.finishing(Madona["2.1"])
    }

    @Test("the printed agenda lists each item once, under its lead owner, co-owners named — the board's groups")
    func agendaGroups() {
        let snapshot = Snapshot(plan: Self.plan)
        let agenda = Agenda(snapshot: snapshot, date: day("2025-11-26"))
        let groups = AgendaText.byOwner(agenda, plan: Self.plan)
        let listed = groups.flatMap { $0.items.map(\.activity) }
        #expect(listed.count == agenda.items.count && Set(listed).count == listed.count, "each item once")
        for group in groups { #expect(group.items.allSatisfy { $0.owners.first == group.owner }) }
        let text = AgendaText.render(agenda, snapshot: snapshot, language: .lv, markdown: false)
        #expect(text.contains("2.3   Aktivitāte 2.3 — ") && text.contains("(līdzatbildīgie: IN)"))
        #expect(text.components(separatedBy: "2.3   Aktivitāte 2.3").count == 2, "2.3 (SD, IN) stands once")
    }
}

extension MeetingRecordTests {
    @Test("a held meeting's minutes name the open decisions it did not review; an emergency agenda groups by lead owner; years without meetings")
    func whatTheFirstReviewFound() {
        // Meeting 2 reviewed 1, 2 and 3; decision 5 of meeting 1 was open and not reviewed.
        var s = Self.snapshot
        s.decisions.append(Decision(id: 5, meeting: 1, text: "Neizskatīts", owner: "SD", due: day("2025-11-01")))
        let md = Minutes(meeting: s.meetings[1], snapshot: s).markdown(.lv)
        #expect(md.contains("- Nr. 5 [SD] Neizskatīts — termiņš 2025. gada 1. novembris (sēde Nr. 1, 2025. gada 10. septembris) — sēdē netika izskatīts, NOKAVĒTS\n"), "\(md)")
        // Done after the meeting: it was open then, and is listed; done before: not.
        s.decisions[4].doneOn = day("2025-12-20")
        #expect(Minutes(meeting: s.meetings[1], snapshot: s).review.contains { $0.decision.id == 5 })
        s.decisions[4].doneOn = day("2025-12-01")
        #expect(!Minutes(meeting: s.meetings[1], snapshot: s).review.contains { $0.decision.id == 5 })

        // The emergency agenda's services under their lead owner, co-owners named, as on the board.
        let emergency = Agenda(snapshot: Snapshot(plan: Self.plan), date: day("2025-07-01"), kind: .emergency, topic: "Gadījums")
        let text = AgendaText.render(emergency, snapshot: Snapshot(plan: Self.plan), language: .lv, markdown: false)
        #expect(text.contains("SD — Sociālais dienests ("), "\(text)")
        for service in emergency.services {
            #expect(text.components(separatedBy: "\(service.activity) Aktivitāte \(service.activity) —").count == 2)
        }

        // Every year of the plan that has begun is counted, meetings or not.
        let years = MeetingYear.summary([], today: day("2026-07-15"), period: Self.plan.period)
        #expect(years.map(\.year) == [2025, 2026])
        #expect(years.last?.quartersWithout == [1, 2] && years.last?.held == 0)
        #expect(MeetingYear.summary([], today: day("2024-12-31"), period: Self.plan.period).isEmpty)
    }
}
