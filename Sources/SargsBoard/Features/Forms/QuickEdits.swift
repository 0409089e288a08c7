import SargsCore

private func p(_ lv: String, _ en: String) -> Phrase { Phrase(lv: lv, en: en) }

/// The quick edits of an activity (record, status, note, waive, edit,
/// finish): one set of handlers, taken by the board for the selected card
/// and by the activity screen for the open one.
enum QuickEdits {
    static func handler(_ command: Command) -> Handler? {
        switch command {
        case .record, .status, .note, .edit:
            return .changing(unless: needsTarget) { state in
                guard let activity = target(state) else { return }
                state.form = makeForm(command, for: activity, state: state)
            }
        case .waive:
            return .changing(unless: waiveReason) { state in
                guard let activity = target(state) else { return }
                state.form = makeForm(command, for: activity, state: state)
            }
        case .finish:
            return Handler(unless: finishReason, finishOneOff)
        default:
            return nil
        }
    }

    private static let noActivity = p("nav izvēlētas aktivitātes", "no activity is selected")

    private static func needsTarget(_ state: AppState) -> Phrase? {
        target(state) == nil ? noActivity : nil
    }

    private static func finishReason(_ state: AppState) -> Phrase? {
        guard let activity = target(state) else { return noActivity }
        if !state.tracker.recordedNotFinished(activity, on: state.today) {
            let record = state.keyName(.record), status = state.keyName(.status)
            return p("\(state.keyName(.finish)) pabeidz vienreizēju aktivitāti, kurai ir ierakstīta izpilde, bet kas nav atzīmēta kā pabeigta; citādi — izpilde (\(record)) vai statuss (\(status))",
                     "\(state.keyName(.finish)) finishes a one-off activity that has a record but is not marked finished; otherwise record (\(record)) or set the status (\(status))")
        }
        return nil
    }

    private static func waiveReason(_ state: AppState) -> Phrase? {
        guard let activity = target(state) else { return noActivity }
        if activity.schedule.kind == .once {
            let status = state.keyName(.status)
            return p("vienreizējai aktivitātei nav atkārtotu logu, ko atbrīvot; ja tā netiks veikta — statuss “atmesta” (\(status))",
                     "a one-off has no repeating windows to waive; if it will not be done, set its status to dropped (\(status))")
        }
        if missedWindows(activity, state).isEmpty {
            return p("aktivitātei \(activity.id) nav nokavētu logu", "activity \(activity.id) has no missed window")
        }
        return nil
    }

    /// A one-off recorded but not marked finished (issue 27): marked done, through the gate, at once.
    private static func finishOneOff(_ state: inout AppState) -> [Effect] {
        guard let activity = target(state) else { return [] }
        do {
            return try checked(.status(activity.id, .done, note: activity.statusNote), state)
        } catch {
            state.message = Message(.error, error.phrase)
            return []
        }
    }
}

/// The activity a quick edit acts on: the open one, else the selected card.
func target(_ state: AppState) -> Activity? {
    if state.screen == .activity, let id = state.activity.id { return state.plan.activity(id) }
    return state.selectedActivity
}

func missedWindows(_ activity: Activity, _ state: AppState) -> [Window] {
    state.tracker.windows(of: activity, on: state.today).filter { $0.state == .missed }.map(\.window)
}
