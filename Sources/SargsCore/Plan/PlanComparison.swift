import Foundation

extension Plan {
    /// Whether `other` is the same plan as this one as far as a plan file
    /// says it: `sargs board --plan FILE` on a store made earlier tells
    /// that the store holds another plan than the file when this is false
    /// (SPEC §6 "Store": after `init` the store is the truth).
    ///
    /// Compared: the id, title, municipality and period; the goals (levels,
    /// titles, results); the funding and the institutions in effect
    /// (`allFunding`; `allInstitutions` by code and Latvian name); every
    /// activity field, in plan order.
    ///
    /// Ignored, because the board and the commands change them in the store
    /// while the file stays as it was (they are not an edit of the plan):
    /// each activity's `status` and `statusNote` (`sargs status`, the
    /// board's `s`) and each institution's `email` (`sargs institution set`).
    ///
    /// Also not compared, as the board compared plans before this moved to
    /// the core (issue 25): the plan's English title (`en`), its `language`,
    /// its `glossary` and `indicators`, and the institutions' English names.
    /// A file that changes only those is taken for the stored plan.
    ///
    /// Values are compared, never their descriptions: the order a
    /// dictionary (an activity's `amounts`) is written or printed in does
    /// not matter.
    public func sameContent(as other: Plan) -> Bool {
        func activities(_ plan: Plan) -> [Activity] {
            plan.activities.map { activity in
                var activity = activity
                activity.status = .planned
                activity.statusNote = nil
                return activity
            }
        }
        func institutions(_ plan: Plan) -> [String] { plan.allInstitutions.map { "\($0.code)=\($0.name)" } }
        return id == other.id && title == other.title && municipality == other.municipality
            && period == other.period && goals == other.goals && allFunding == other.allFunding
            && institutions(self) == institutions(other) && activities(self) == activities(other)
    }
}
