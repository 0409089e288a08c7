import Foundation
@testable import SargsBoard
import SargsCore
import SargsPlanFile
@testable import SargsStore
import Testing
import TestSupport

/// Random keys, commands and resizes through `reduce` and `render`, with the
/// board's invariants checked after every one, and the effects run by the
/// real store in memory (`Store.inMemory`) the way the executable runs them
/// (save, then `.reloaded`, then `.saved`), so the state always answers to a store.
@Suite("Monkey: random keys through reduce and render")
struct MonkeyTests {
    /// 10,000 per plan, 20,000 in all; MONKEY_KEYS=N for a shorter local run.
    static let keysPerPlan = Int(ProcessInfo.processInfo.environment["MONKEY_KEYS"] ?? "") ?? 10_000

    enum PlanKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case madona, synthetic
        var testDescription: String { rawValue }
    }

    @Test(arguments: PlanKind.allCases)
    func randomKeysKeepTheBoardWhole(_ kind: PlanKind) throws {
        let today = Day(year: 2025, month: 11, day: 20)!
        let plan: Plan, records: [Record]
        switch kind {
        case .madona:
            plan = try PlanFile.read(path: Fixtures.madonaPlanPath)
            records = SyntheticPlan.records(for: plan, count: 300, until: today, seed: 4)
        case .synthetic:
            plan = SyntheticPlan.plan(activities: 150, seed: 9)
            records = SyntheticPlan.records(for: plan, count: 1_500, until: today, seed: 10)
        }
        var monkey = try Monkey(plan: plan, records: records, today: today, seed: kind == .madona ? 20_251 : 20_252)
        let started = Date()
        monkey.run(steps: Self.keysPerPlan)
        let seconds = Date().timeIntervalSince(started)
        print("monkey (\(kind.rawValue)): \(monkey.steps) actions (\(monkey.keys) keys, \(monkey.resizes) resizes at \(monkey.sizes.count) sizes, \(monkey.commands) commands, \(monkey.idles) idle), \(monkey.formsOpened) forms, \(monkey.saves) saves, \(monkey.refusals) refused by the store\(monkey.services.refused.isEmpty ? "" : " (" + Set(monkey.services.refused).sorted().joined(separator: "; ") + ")"), \(monkey.formRefusals) refused by the form, \(monkey.personalCodesTyped) personal codes typed, steps per screen \(monkey.stepsOn.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", ")), \(String(format: "%.1f", seconds)) s")
        #expect(monkey.failure == nil, "\(monkey.failure ?? "")")
        #expect(monkey.steps == Self.keysPerPlan)
        // The walk went everywhere it should have.
        #expect(monkey.screens.isSuperset(of: [.board, .activity, .agenda, .meetings, .journal, .indicators, .help]),
                "screens seen: \(monkey.screens)")
        #expect(monkey.saves > 0 && monkey.formsOpened > 0)
    }
}

/// The random walk and its invariants, against the real store in memory
/// (`MemoryServices`), which answers every change the board asks for.
struct Monkey {
    var state: AppState
    let services: MemoryServices
    /// The store's snapshot as last read: read again after every step that ran effects (only they change the store).
    var stored: Snapshot
    var random: SyntheticPlan.Random
    var steps = 0, keys = 0, resizes = 0, commands = 0, formsOpened = 0, idles = 0
    var saves: Int { services.saves }
    var refusals: Int { services.refusals }
    /// Forms the board itself refused to submit (bad date, personal code…), and personal codes typed.
    var formRefusals = 0, personalCodesTyped = 0
    var sizes: Set<[Int]> = []
    var screens: Set<Screen> = []
    var stepsOn: [Screen: Int] = [:]
    var failure: String?
    private var pending: [Key] = []

    init(plan: Plan, records: [Record], today: Day, seed: UInt64) throws {
        services = MemoryServices(store: try Store.seeded(Snapshot(plan: plan, records: records), records: records), today: today)
        stored = try services.snapshot
        state = AppState(snapshot: stored, today: today, language: .lv, glyphs: .unicode, width: 100, height: 30,
                         author: "monkey")
        random = SyntheticPlan.Random(seed: seed)
        services.check = { change, snapshot, today in Monkey.invalid(change, snapshot: snapshot, today: today) }
    }

    static let latvian = Array("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")
    static let ascii = Array(" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~")
    static let bound: [Key] = KeyMap.standard.bindings.flatMap(\.keys)
    static let special: [Key] = [.enter, .escape, .tab, .backTab, .backspace, .delete, .insert, .home, .end,
                                 .pageUp, .pageDown, .up, .down, .left, .right]
    /// Text that must never be saved: shaped like a Latvian personal code.
    static let personalCodes = ["010203-12345", "31129912345", " 150585-20001 "]

    /// The next action: mostly keys the board binds, then arrows and form
    /// keys, any character, controls, function keys, and resizes.
    mutating func nextAction() -> Action {
        if !pending.isEmpty { return .key(pending.removeFirst()) }
        // In a form, mostly what people do in forms; elsewhere than the board,
        // often back (Esc), so the walk keeps coming back to the board.
        if state.form != nil, random.chance(45) {
            return .key(random.pick([.tab, .backTab, .enter, .backspace, .left, .right, .up, .down, .control("u"),
                                     .character(random.pick(Self.ascii)), .character(random.pick(Self.latvian))]))
        }
        if state.screen != .board, state.form == nil, random.chance(30) { return .key(.escape) }
        let roll = random.int(0...999)
        switch roll {
        case 0..<350: return .key(random.pick(Self.bound))
        case 350..<600: return .key(random.pick(Self.special))
        case 600..<700: return .key(.character(random.pick(Self.ascii)))
        case 700..<760: return .key(.character(random.pick(Self.latvian)))
        case 760..<790:
            // A date or a count typed into a field.
            let text = random.chance(50) ? Day(ordinal: state.today.ordinal - random.int(-30...900)).description
                                         : "\(random.int(-3...300))"
            pending = [.control("u")] + text.map { .character($0) }
            return .key(pending.removeFirst())
        case 790..<810:
            personalCodesTyped += 1
            pending = random.pick(Self.personalCodes).map { .character($0) }
            return .key(pending.removeFirst())
        case 810..<840: return .key(.control(Character(Unicode.Scalar(UInt8(97 + random.int(0...25))))))
        case 840..<850: return .key(.function(random.int(1...24)))
        case 850..<860: return .key(.character(random.pick(["日", "👍", "e\u{301}", "\u{7}", "\t", "🇱🇻"])))
        case 860..<880:
            // Commands by name, as tests and the help screen press them; a
            // person cannot press one past an open form or a search.
            guard state.form == nil, !state.searching else { return .key(random.pick(Self.special)) }
            return .command(random.pick(Command.allCases))
        case 880..<883: return .dayChanged(state.today.adding(days: random.int(0...2)))
        case 883..<900:
            // No key for a while: the board does work that could wait.
            idles += 1
            return .idle
        case 900..<960: return .resize(width: random.int(1...300), height: random.int(1...100))
        default:
            // Back to sizes people use, so the board (not "too small") is exercised.
            let common = [[80, 24], [100, 30], [120, 40], [200, 60], [40, 12], [39, 11], [160, 50]]
            let size = random.pick(common)
            return .resize(width: size[0], height: size[1])
        }
    }

    mutating func run(steps count: Int) {
        var canvas = Canvas(width: state.width, height: state.height)
        for _ in 0..<count {
            let action = nextAction()
            steps += 1
            switch action {
            case .key: keys += 1
            case .command: commands += 1
            case .resize(let w, let h): resizes += 1; sizes.insert([w, h])
            default: break
            }
            let hadForm = state.form != nil
            let hadError = state.form?.error != nil
            let effects = reduce(&state, action)
            if !hadForm && state.form != nil { formsOpened += 1 }
            if !hadError && state.form?.error != nil { formRefusals += 1 }
            run(effects)
            screens.insert(state.screen)
            stepsOn[state.screen, default: 0] += 1
            canvas = Canvas(width: state.width, height: state.height)
            render(state, into: &canvas)
            if let problem = violation(canvas) {
                failure = "step \(steps) after \(action): \(problem)"
                return
            }
            if !effects.isEmpty {
                do {
                    stored = try services.snapshot
                } catch {
                    failure = "step \(steps) after \(action): the store cannot be read: \(error)"
                    return
                }
            }
            if state.snapshot != stored {
                failure = "step \(steps) after \(action): the board's snapshot is not the store's"
                return
            }
            // Equal: keep the board's value, so the next step compares a shared value quickly unless the board changed it.
            stored = state.snapshot
        }
    }

    /// Runs effects with the board's own runner, against the store in memory.
    mutating func run(_ effects: [Effect]) {
        services.today = state.today
        var runner = EffectRunner(services: services, version: 0)
        runner.run(effects, &state)
        // The program would end at a quit; the walk goes on from the same state.
        state.quitting = false
        if let problem = services.problem { failure = failure ?? problem }
    }

    /// Why a change the board asks for must not be saved, if it must not.
    static func invalid(_ change: Change, snapshot: Snapshot, today: Day) -> String? {
        let plan = snapshot.plan
        func check(_ body: () throws(ChangeRefusal) -> Void) -> String? {
            do { try body() } catch { return error.description }
            return nil
        }
        switch change {
        case .record(let record):
            if record.date > today { return "dated after today" }
            if let note = record.note, PersonalCode.contains(note) { return "a personal code in the note" }
            return check { () throws(ChangeRefusal) in try ChangeRules.record(record, plan: plan, today: today) }
        case .status(let id, _, let note):
            if let note, PersonalCode.contains(note) { return "a personal code in the note" }
            return check { () throws(ChangeRefusal) in try ChangeRules.status(id, note: note, plan: plan) }
        case .note(_, let text):
            if PersonalCode.contains(text) { return "a personal code in the note" }
            return check { () throws(ChangeRefusal) in try ChangeRules.requiredText(text, field: ChangeRules.noteField, lines: .several) }
        case .waiver(let waiver):
            if PersonalCode.contains(waiver.note) { return "a personal code in the note" }
            return check { () throws(ChangeRefusal) in
                try ChangeRules.waiver(waiver, tracker: Tracker(snapshot), today: today)
            }
        case .edit(let edited, let original):
            if edited.id != original.id { return "an edit changes the id" }
            if plan.activity(original.id) != original { return "an edit based on a stale activity" }
            return check { () throws(ChangeRefusal) in try ChangeRules.activityFields(edited, plan: plan) }
        case .add(let activity):
            if plan.activity(activity.id) != nil { return "an added activity reuses the id \(activity.id)" }
            return check { () throws(ChangeRefusal) in try ChangeRules.activityFields(activity, plan: plan) }
        case .undo:
            return nil
        case .newMeeting(let meeting):
            return check { () throws(ChangeRefusal) in try ChangeRules.meeting(meeting, plan: plan) }
        case .updateMeeting(let meeting, _):
            if !snapshot.meetings.contains(where: { $0.id == meeting.id }) { return "an update of an unknown meeting \(meeting.id)" }
            if let unknown = meeting.items.first(where: { plan.activity($0.activity) == nil }) { return "an unknown activity \(unknown.activity)" }
            return check { () throws(ChangeRefusal) in try ChangeRules.meeting(meeting, plan: plan) }
        case .outcome(let id, let activity, _, _):
            if !snapshot.meetings.contains(where: { $0.number == id }) { return "an outcome in an unknown meeting \(id)" }
            return plan.activity(activity) == nil ? "an outcome of an unknown activity \(activity)" : nil
        case .decision(let decision, _):
            if !snapshot.meetings.contains(where: { $0.id == decision.meeting }) { return "a decision of an unknown meeting" }
            return check { () throws(ChangeRefusal) in try ChangeRules.decision(decision, plan: plan) }
        case .hold(let id, let details, _), .editMeeting(let id, let details):
            guard let meeting = snapshot.meetings.first(where: { $0.number == id }) else { return "holding an unknown meeting \(id)" }
            if let unknown = details.attendees.first(where: { plan.institution($0) == nil }) { return "an unknown institution \(unknown)" }
            if case .hold = change, meeting.date > today { return "holding a meeting in the future" }
            return check { () throws(ChangeRefusal) in try ChangeRules.details(details, plan: plan) }
        case .cancelMeeting(let id):
            return snapshot.meetings.first(where: { $0.number == id })?.state == .planned ? nil : "cancelling a meeting that is not planned"
        case .review(let id, let meeting, let outcome, let due, _):
            guard let d = snapshot.decisions.first(where: { $0.number == id }) else { return "reviewing an unknown decision" }
            if !d.isOpen { return "reviewing a decision that is done" }
            if let meeting, meeting.id == d.meeting { return "a meeting reviewing its own decision" }
            if outcome == .moved, let taken = snapshot.meetings.first(where: { $0.id == d.meeting }), due < taken.date {
                return "a due date before the meeting"
            }
            return nil
        case .recordFinishing(let record):
            if record.date > today { return "dated after today" }
            return check { () throws(ChangeRefusal) in
                try ChangeRules.record(record, plan: plan, today: today)
                try ChangeRules.finishing(try ChangeRules.activity(record.activity, in: plan))
            }
        case .institutionEmail(let code, let email):
            if plan.institution(code) == nil { return "a mailbox for an unknown institution \(code)" }
            if let email, !EmailAddress.isValid(email) { return "an address of a wrong form: \(email)" }
            return nil
        }
    }

    /// The first broken invariant, if any.
    func violation(_ canvas: Canvas) -> String? {
        let columns = state.layout.columns
        // The selection lies inside the layout…
        if columns.isEmpty {
            if state.column != 0 || state.row != 0 { return "selection \(state.column),\(state.row) with no columns" }
        } else {
            guard state.column >= 0, state.column < columns.count else {
                return "column \(state.column) of \(columns.count)"
            }
            let cards = columns[state.column].cards.count
            if cards == 0 ? state.row != 0 : !(0..<cards).contains(state.row) {
                return "row \(state.row) of \(cards) cards in column \(state.column)"
            }
            // …and inside what is on screen.
            if !state.visibleColumns.contains(state.column) {
                return "column \(state.column) is not among the visible \(state.visibleColumns)"
            }
            if cards > 0 {
                let first = state.firstCard(in: state.column)
                let fit = cardsPerColumn(state)
                if !(first..<(first + fit)).contains(state.row) {
                    return "row \(state.row) is outside the visible cards \(first)..<\(first + fit)"
                }
            }
        }
        if let activity = state.selectedActivity, state.plan.activity(activity.id) == nil {
            return "the selected activity \(activity.id) is not in the plan"
        }
        if state.screen == .activity, let id = state.activity.id, state.plan.activity(id) == nil {
            return "the open activity \(id) is not in the plan"
        }
        // The columns made from kept facts and searches are those made afresh.
        let fresh = BoardLayout(plan: state.plan, tracker: state.tracker, today: state.today, grouping: state.grouping,
                                filter: state.filter, language: state.language)
        if fresh.columns != state.layout.columns || fresh.hidden != state.layout.hidden {
            return "the columns for “\(state.filter.text)” by \(state.grouping) are not those made afresh"
        }
        // The agenda kept between frames is the one the draft and snapshot give now.
        if state.screen == .agenda || state.screen == .chair, let draft = state.agenda.draft {
            guard let view = state.agenda.view else { return "the \(state.screen) screen has no agenda view" }
            if view.order != draft.order(in: state.plan) { return "the kept calling order is not the draft's" }
            let fresh = Agenda(snapshot: state.snapshot, date: draft.date, kind: draft.kind, topic: draft.topic)
            if view.agenda != fresh { return "the kept agenda is not the one the snapshot gives for \(draft.date)" }
        }
        // The records shown on the activity screen are the open activity's, as many as the snapshot counts.
        if state.screen == .activity, let id = state.activity.id {
            if let stray = state.activity.records.first(where: { $0.activity != id }) {
                return "the activity screen of \(id) holds a record of \(stray.activity)"
            }
            if state.activity.records.count != state.snapshot.records.count(of: id) {
                return "the activity screen of \(id) holds \(state.activity.records.count) records, the snapshot counts \(state.snapshot.records.count(of: id))"
            }
        }
        // The frame: exactly width × height cells, no row wider than the screen.
        let width = max(0, state.width), height = max(0, state.height)
        guard canvas.width == width, canvas.height == height, canvas.cells.count == width * height else {
            return "canvas \(canvas.width)×\(canvas.height) with \(canvas.cells.count) cells for \(width)×\(height)"
        }
        var widths: [String: Int] = [:]
        /// 1 or 2 for a one-grapheme cell, anything else for a bad one.
        func cellWidth(_ text: String) -> Int {
            if let known = widths[text] { return known }
            let w = text.count == 1 ? DisplayWidth.of(text) : -1
            widths[text] = w
            return w
        }
        let cells = canvas.cells
        for y in 0..<height {
            var ascii = true
            for x in 0..<width {
                let text = cells[y * width + x].text
                if text == " " { continue }
                let utf8 = text.utf8
                if utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F { continue }
                ascii = false
                if text.isEmpty {
                    let left = x > 0 ? cells[y * width + x - 1].text : ""
                    if x == 0 || cellWidth(left) != 2 { return "a lone right half at \(x),\(y)" }
                    continue
                }
                let w = cellWidth(text)
                if w < 1 || w > 2 {
                    return "cell \(x),\(y) holds \(text.unicodeScalars.map { String($0.value, radix: 16) }) of width \(w)"
                }
                if w == 2 && (x + 1 >= width || !cells[y * width + x + 1].text.isEmpty) {
                    return "a wide character at \(x),\(y) without its right half"
                }
            }
            // The row as text is no wider than the screen (graphemes may join across cells).
            if !ascii {
                let line = canvas.line(y)
                if line.displayWidth > width { return "row \(y) is \(line.displayWidth) columns wide: \(line)" }
            }
        }
        return nil
    }
}
