import SargsCore

/// The activity screen: everything about the open activity; the quick edits act on it.
enum ActivityFeature: TextFeature {
    static let title = Phrase(lv: "aktivitāte", en: "activity")

    static func handler(_ command: Command) -> Handler? { QuickEdits.handler(command) }

    static func lines(_ state: AppState, width: Int) -> [[(String, Role)]] {
        guard let id = state.activity.id, let activity = state.plan.activity(id) else { return [] }
        return ActivityScreen.lines(state, activity: activity, width: width)
    }
}

/// Opens the activity screen on `id` (from the board or the agenda) and asks for what it shows.
func openActivity(_ state: inout AppState, _ id: ActivityID) -> [Effect] {
    if state.activity.id != id { state.activity.records = [] }
    state.activity.id = id
    goTo(&state, .activity)
    return loads(of: id)
}
