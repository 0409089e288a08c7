import SargsCore

/// The activity screen: everything about the open activity; the quick edits act on it.
enum ActivityFeature: TextFeature {
    static let title = Phrase(lv: "aktivitāte", en: "activity")

    static func handler(_ command: Command) -> Handler? { QuickEdits.handler(command) }

    /// An activity gone from the plan (an undo, another person's change) closes its screen; one still there is read again.
    static func reloaded(_ state: inout AppState) -> [Effect] {
        if let id = state.activity.id, state.plan.activity(id) == nil {
            state.activity.id = nil
            state.screen = .board
        }
        if state.screen == .activity, let id = state.activity.id { return loads(of: id) }
        return []
    }

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
