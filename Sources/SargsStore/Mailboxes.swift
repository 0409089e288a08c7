import Foundation
import GRDB
import SargsCore

/// The institutions' mailboxes and the reminders sent to them (issue 15,
/// SPEC §3 and §7): an address is part of the plan (its `institutions`),
/// changed like any other part and journaled; a reminder sent is journaled
/// with its recipient, its items and a fingerprint of its content, so the
/// same reminder is not sent twice on one day.
extension Store {
    /// Gives institution `code` the mailbox `email`, or with nil takes its
    /// address away; journaled as `institution` with the address before and
    /// after (undo gives the old one back). An institution known only as a
    /// standard one becomes one of the plan's, with its standard names.
    /// - Returns: false when the address was already that (nothing is written).
    /// - Throws: `StoreError.invalid` for an unknown code or an address of a
    ///   wrong form; `StoreError.readOnly` when the store may only be read.
    @discardableResult
    func setInstitutionEmail(_ code: String, email: String?, author: String, now: Date) throws -> Bool {
        if let email, !EmailAddress.isValid(email) {
            throw StoreError.invalid(EmailAddress.refusal(email, field: Phrase(lv: "e-pasts", en: "the e-mail")))
        }
        try Guard.text(email, Phrase(lv: "iestādes \(code) e-pasts", en: "the e-mail of \(code)"))
        return try change { db in
            let plan = try PlanRows.plan(db)
            guard let known = plan.institution(code) else {
                let codes = plan.allInstitutions.map(\.code).joined(separator: ", ")
                throw StoreError.invalid(Phrase(lv: "plānā nav iestādes '\(SafeText.line(code))'; ir: \(codes)",
                                                en: "the plan has no institution '\(SafeText.line(code))'; it has: \(codes)"))
            }
            guard known.email != email else { return false }
            var institutions = plan.institutions
            if let i = institutions.firstIndex(where: { $0.code == code }) {
                institutions[i].email = email
            } else {
                var added = known
                added.email = email
                institutions.append(added)
            }
            try Mailboxes.write(institutions, db)
            _ = try Journal.append(db, .institution(code, before: known.email, after: email), time: now, author: author)
            return true
        }
    }

    /// Whether a reminder with this `fingerprint` was sent to institution
    /// `code` on `day`, or on any day when `day` is nil (read from the
    /// journal; writes nothing).
    public func reminderSent(to code: String, fingerprint: String, on day: Day?) throws -> Bool {
        try storeOperation(at: path) {
            try reader().read { db in
                // Every remind entry of the institution (a once key must not be forgotten after
                // a thousand later reminders); an entry whose JSON is damaged counts as none.
                try Bool.fetchOne(db, sql: """
                    SELECT EXISTS (SELECT 1 FROM journal WHERE action = 'remind' AND subject = ?1
                        AND CASE WHEN json_valid(after) THEN json_extract(after, '$.fingerprint') = ?2
                                 AND (?3 IS NULL OR json_extract(after, '$.day') = ?3) ELSE 0 END)
                    """, arguments: [code, fingerprint, day?.description]) ?? false
            }
        }
    }

    /// Every mail the journal says was handed over under a once key that
    /// begins with `keyPrefix` (a meeting's agenda, any version), oldest
    /// first: the institution's code and the address it went to. One pass;
    /// an entry whose JSON is damaged is skipped.
    public func handedOver(keyPrefix: String) throws -> [(code: String, address: String)] {
        try storeOperation(at: path) {
            try reader().read { db in
                try Row.fetchAll(db, sql: """
                    SELECT subject, CASE WHEN json_valid(after) THEN json_extract(after, '$.to') END FROM journal
                    WHERE action = 'remind' AND CASE WHEN json_valid(after)
                        THEN substr(json_extract(after, '$.fingerprint'), 1, length(?1)) = ?1 ELSE 0 END
                    ORDER BY id
                    """, arguments: [keyPrefix]).compactMap { row in
                    guard let code = row[0] as String?, let address = row[1] as String? else { return nil }
                    return (code, address)
                }
            }
        }
    }

    /// For each meeting, how many journal entries changed it after the one
    /// that planned it (its agenda, date, time, place, holding, cancelling,
    /// and their undos): the calendar's `SEQUENCE`. One query.
    public func meetingRevisions() throws -> [Int64: Int] {
        try storeOperation(at: path) {
            try reader().read { db in
                var revisions: [Int64: Int] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT subject, COUNT(*) FROM journal WHERE subject LIKE 'meeting %' AND action != 'meeting' GROUP BY subject
                    """) {
                    guard let subject = row[0] as String?, let id = Int64(subject.dropFirst("meeting ".count)), let n = row[1] as Int? else { continue }
                    revisions[id] = n
                }
                return revisions
            }
        }
    }

    /// Journals a reminder sent to institution `code` at `to`: its kind
    /// (`digest`, `agenda`, `meeting`), the items it named, its fingerprint
    /// and the day. Not a change one undoes (a sent mail stays sent).
    public func recordReminder(to code: String, address: String, kind: String, items: [String], fingerprint: String,
                               day: Day, author: String, now: Date) throws {
        _ = try change { db in
            try Journal.append(db, .remind(code: code, JournalChange.Reminder(to: address, kind: JournalChange.MailKind(kind), items: items,
                                                                          fingerprint: fingerprint, day: day)), time: now, author: author)
        }
    }
}

enum Mailboxes {
    static func write(_ institutions: [Institution], _ db: Database) throws {
        try db.execute(sql: "UPDATE plan SET institutions = ? WHERE singleton = 1",
                       arguments: [JSON.array(institutions.map(\.json)).text])
    }

    /// Undo of `institution`: the address before, if the one written is still there.
    static func revert(_ code: String, before: String?, after: String?, _ db: Database) throws {
        let plan = try PlanRows.plan(db)
        let current = plan.institution(code)?.email
        guard current == after else {
            throw StoreError.undoConflict(field: "e-mail of \(code)", now: current ?? "—", by: nil)
        }
        var institutions = plan.institutions
        guard let i = institutions.firstIndex(where: { $0.code == code }) else { return }
        institutions[i].email = before
        // A standard institution that setting its mailbox added to the plan's list leaves it again.
        if before == nil, let standard = Institution.standard.first(where: { $0.code == code }), institutions[i] == standard {
            institutions.remove(at: i)
        }
        try write(institutions, db)
    }
}
