import Foundation

/// A change of the store, as the board and the commands ask for it (issue
/// 25: one type from a key or a command line to the journal). Meetings,
/// decisions and journal entries are named by typed numbers (`MeetingID`,
/// `DecisionID`, `EntryID`), so one cannot stand for another. The store
/// makes it with `Store.apply(_:author:now:)`, one transaction and one
/// journal entry, and answers with what was saved (`SavedChange`); the
/// board's runner answers `reduce` with `.saved` or `.refused`.
public enum Change: Hashable, Sendable {
    case record(Record)
    case status(ActivityID, Status, note: String?)
    case note(ActivityID, String)
    case waiver(Waiver)
    case edit(Activity, original: Activity)
    case add(Activity)
    /// Revert the author's latest change, which must be the journal entry `of`
    /// (the one the person was asked about).
    case undo(of: EntryID)
    case newMeeting(Meeting)
    /// A planned meeting's date, kind, topic and items, saved together;
    /// refused if the stored meeting is no longer `basedOn` (someone else changed it).
    case updateMeeting(Meeting, basedOn: Meeting?)
    /// What the group did with an item, with the chair's words (`note`), if any.
    case outcome(meeting: MeetingID, activity: ActivityID, Meeting.Outcome, note: String? = nil)
    /// A decision; with `settingOutcome` (chair mode's `2`), its item gets the
    /// outcome `decision` in the same transaction; `decision add` sets none.
    case decision(Decision, settingOutcome: Bool = true)
    /// Mark a planned meeting held on `today`'s terms, with what its minutes carry.
    case hold(meeting: MeetingID, details: Meeting.Details, today: Day)
    /// Change what the minutes carry about a planned or held meeting.
    case editMeeting(MeetingID, details: Meeting.Details)
    case cancelMeeting(MeetingID)
    /// What `meeting`'s review did with an earlier decision (`due`: the new
    /// due date when moved, else the decision's own); without a meeting, the
    /// decision view's own change (done on `today`).
    case review(decision: DecisionID, meeting: Meeting?, DecisionReview.Outcome, due: Day, today: Day)
    /// A record that also finishes its one-off activity.
    case recordFinishing(Record)
    /// An institution's mailbox, or (nil) none.
    case institutionEmail(String, String?)
}
