import GRDB

/// The store's tables, as named migrations. A migration, once released, is
/// never edited: a change of schema is a new migration appended here.
enum Schema {
    /// `PRAGMA application_id` of a sargs store ("sarg").
    static let applicationID: Int32 = 0x7361_7267

    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()

        // The plan as imported, and as edited since. Lists that are only ever
        // read and written whole (owners, funding, links, the plan's own
        // institutions…) are JSON text; the schedule is canonical JSON text
        // in the plan file's own shape, e.g. {"every":"quarter","from":"2025-04"}.
        migrator.registerMigration("v1-plan") { db in
            try db.execute(sql: """
                CREATE TABLE plan (
                    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                    id TEXT NOT NULL,
                    title TEXT NOT NULL,
                    en TEXT,
                    municipality TEXT NOT NULL,
                    language TEXT NOT NULL,
                    period_first TEXT NOT NULL,
                    period_last TEXT NOT NULL,
                    institutions TEXT NOT NULL DEFAULT '[]',
                    funding TEXT NOT NULL DEFAULT '[]',
                    glossary TEXT NOT NULL DEFAULT '[]',
                    indicators TEXT NOT NULL DEFAULT '[]'
                );
                CREATE TABLE goal (
                    number INTEGER PRIMARY KEY,
                    position INTEGER NOT NULL,
                    level TEXT NOT NULL CHECK (level IN ('primary', 'secondary', 'tertiary')),
                    title TEXT NOT NULL,
                    en TEXT
                );
                CREATE TABLE goal_result (
                    goal INTEGER NOT NULL REFERENCES goal(number) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    id TEXT NOT NULL,
                    text TEXT NOT NULL,
                    en TEXT,
                    PRIMARY KEY (goal, position)
                );
                CREATE TABLE activity (
                    id TEXT PRIMARY KEY NOT NULL,
                    position INTEGER NOT NULL,
                    goal INTEGER NOT NULL REFERENCES goal(number),
                    title TEXT NOT NULL,
                    en TEXT,
                    links TEXT NOT NULL DEFAULT '[]',
                    period TEXT NOT NULL,
                    schedule TEXT NOT NULL,
                    owners TEXT NOT NULL DEFAULT '[]',
                    funding TEXT NOT NULL DEFAULT '[]',
                    target_count INTEGER,
                    target_unit TEXT,
                    status TEXT NOT NULL DEFAULT 'planned'
                        CHECK (status IN ('planned', 'active', 'done', 'blocked', 'dropped')),
                    status_note TEXT,
                    CHECK ((target_count IS NULL) = (target_unit IS NULL))
                );
                CREATE INDEX activity_position ON activity(position);
                CREATE INDEX activity_goal ON activity(goal);
                """)
        }

        // What happened: records, notes and waivers. AUTOINCREMENT so that a
        // number once shown (and journaled) is never given to another row.
        migrator.registerMigration("v1-tracking") { db in
            try db.execute(sql: """
                CREATE TABLE record (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    activity TEXT NOT NULL REFERENCES activity(id),
                    date TEXT NOT NULL,
                    count INTEGER,
                    note TEXT,
                    author TEXT NOT NULL
                );
                CREATE INDEX record_activity ON record(activity, date);
                CREATE TABLE note (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    activity TEXT NOT NULL REFERENCES activity(id),
                    text TEXT NOT NULL,
                    author TEXT NOT NULL,
                    time TEXT NOT NULL
                );
                CREATE INDEX note_activity ON note(activity);
                CREATE TABLE waiver (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    activity TEXT NOT NULL REFERENCES activity(id),
                    label TEXT NOT NULL,
                    note TEXT NOT NULL,
                    author TEXT NOT NULL
                );
                CREATE INDEX waiver_activity ON waiver(activity);
                """)
        }

        migrator.registerMigration("v1-meetings") { db in
            try db.execute(sql: """
                CREATE TABLE meeting (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    date TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('regular', 'emergency')),
                    topic TEXT,
                    state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'held', 'cancelled'))
                );
                CREATE INDEX meeting_date ON meeting(date);
                CREATE TABLE meeting_attendee (
                    meeting INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    institution TEXT NOT NULL,
                    PRIMARY KEY (meeting, position)
                );
                CREATE TABLE decision (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    meeting INTEGER NOT NULL REFERENCES meeting(id),
                    text TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    due TEXT NOT NULL,
                    activity TEXT REFERENCES activity(id),
                    done_on TEXT
                );
                CREATE INDEX decision_meeting ON decision(meeting);
                CREATE INDEX decision_activity ON decision(activity);
                """)
        }

        // Append-only: triggers refuse any update or delete, and an entry can
        // be undone once.
        migrator.registerMigration("v1-journal") { db in
            try db.execute(sql: """
                CREATE TABLE journal (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    time TEXT NOT NULL,
                    author TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    before TEXT,
                    after TEXT,
                    undoes INTEGER REFERENCES journal(id)
                );
                CREATE INDEX journal_subject ON journal(subject);
                CREATE INDEX journal_author ON journal(author, id);
                CREATE UNIQUE INDEX journal_undoes ON journal(undoes) WHERE undoes IS NOT NULL;
                CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
                    BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
                CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
                    BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
                """)
        }
        // The prepared agenda of a meeting and each item's outcome (chair mode).
        migrator.registerMigration("v2-meeting-items") { db in
            try db.execute(sql: """
                CREATE TABLE meeting_item (
                    meeting INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    activity TEXT NOT NULL,
                    outcome TEXT CHECK (outcome IN ('discussed', 'decision', 'deferred')),
                    PRIMARY KEY (meeting, position)
                );
                """)
        }
        // Each activity's record days and counts, packed (RecordDigests):
        // the board and the agenda read 10,000 of these rather than 500,000
        // records. Triggers mark an activity stale whenever its records
        // change; every change refreshes the stale digests before it commits.
        migrator.registerMigration("v3-record-digest") { db in
            try db.execute(sql: """
                CREATE TABLE record_digest (
                    activity TEXT PRIMARY KEY,
                    entries BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE record_stale (activity TEXT PRIMARY KEY) WITHOUT ROWID;
                CREATE TRIGGER record_stale_insert AFTER INSERT ON record
                    BEGIN INSERT OR IGNORE INTO record_stale VALUES (NEW.activity); END;
                CREATE TRIGGER record_stale_delete AFTER DELETE ON record
                    BEGIN INSERT OR IGNORE INTO record_stale VALUES (OLD.activity); END;
                CREATE TRIGGER record_stale_update AFTER UPDATE OF activity, date, count ON record
                    BEGIN
                        INSERT OR IGNORE INTO record_stale VALUES (OLD.activity);
                        INSERT OR IGNORE INTO record_stale VALUES (NEW.activity);
                    END;
                """)
            try RecordDigests.rebuildAll(db)
        }
        // What the minutes carry about a sitting (SPEC §7 `meeting hold`),
        // and what each meeting's review did with earlier decisions.
        migrator.registerMigration("v4-meeting-minutes") { db in
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN place TEXT;
                ALTER TABLE meeting ADD COLUMN started TEXT;
                ALTER TABLE meeting ADD COLUMN ended TEXT;
                ALTER TABLE meeting ADD COLUMN chair TEXT;
                ALTER TABLE meeting ADD COLUMN secretary TEXT;
                ALTER TABLE meeting ADD COLUMN guests TEXT;
                ALTER TABLE meeting ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE decision_review (
                    meeting INTEGER NOT NULL REFERENCES meeting(id),
                    decision INTEGER NOT NULL REFERENCES decision(id),
                    outcome TEXT NOT NULL CHECK (outcome IN ('done', 'moved', 'open')),
                    due_before TEXT NOT NULL,
                    due_after TEXT NOT NULL,
                    PRIMARY KEY (meeting, decision)
                ) WITHOUT ROWID;
                CREATE INDEX decision_review_decision ON decision_review(decision);
                """)
        }
        // The account that made each change, beside the name it was made
        // under (`--user`), so that on a shared store an entry cannot pass
        // for another member's (issue 17).
        migrator.registerMigration("v5-journal-login") { db in
            try db.execute(sql: "ALTER TABLE journal ADD COLUMN login TEXT")
        }
        // A goal may have no level (SPEC §3: the board shows it under "bez
        // līmeņa"; issue 16). SQLite cannot loosen a column's constraint in
        // place, so the table is made again and its rows copied; the
        // migrator checks the foreign keys that point at it afterwards.
        migrator.registerMigration("v6-goal-level-optional") { db in
            try db.execute(sql: """
                CREATE TABLE goal_v6 (
                    number INTEGER PRIMARY KEY,
                    position INTEGER NOT NULL,
                    level TEXT CHECK (level IN ('primary', 'secondary', 'tertiary')),
                    title TEXT NOT NULL,
                    en TEXT
                );
                INSERT INTO goal_v6 (number, position, level, title, en) SELECT number, position, level, title, en FROM goal;
                DROP TABLE goal;
                ALTER TABLE goal_v6 RENAME TO goal;
                """)
        }
        // One agenda per planned meeting (issue 26): the agenda is stored
        // with the meeting (`prepared`), items carry the chair's words for
        // their outcome and whether she added them by hand, and the items
        // she took off stay off when the agenda is computed again. A
        // meeting that already has items had its agenda saved.
        migrator.registerMigration("v7-stored-agenda") { db in
            try db.execute(sql: """
                ALTER TABLE meeting ADD COLUMN prepared INTEGER NOT NULL DEFAULT 0;
                UPDATE meeting SET prepared = 1 WHERE id IN (SELECT meeting FROM meeting_item);
                ALTER TABLE meeting_item ADD COLUMN note TEXT;
                ALTER TABLE meeting_item ADD COLUMN added INTEGER NOT NULL DEFAULT 0;
                CREATE TABLE meeting_removed (
                    meeting INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
                    activity TEXT NOT NULL,
                    PRIMARY KEY (meeting, activity)
                ) WITHOUT ROWID;
                """)
        }
        // A year that is over is closed (issue 27): the first change made
        // after it ends keeps the activities as they stood then, and its
        // report reads them, so a later change to the plan leaves it as it
        // was. A record or a waiver keeps the day it was entered, and a meeting
        // the day it was marked held, so a report says how many came after
        // its year ended (NULL: before v8).
        migrator.registerMigration("v8-closed-years") { db in
            try db.execute(sql: """
                CREATE TABLE closed_year (
                    year INTEGER PRIMARY KEY,
                    closed_on TEXT NOT NULL
                );
                CREATE TABLE closed_activity (
                    year INTEGER NOT NULL REFERENCES closed_year(year),
                    position INTEGER NOT NULL,
                    id TEXT NOT NULL,
                    goal INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    en TEXT,
                    links TEXT NOT NULL DEFAULT '[]',
                    period TEXT NOT NULL,
                    schedule TEXT NOT NULL,
                    owners TEXT NOT NULL DEFAULT '[]',
                    funding TEXT NOT NULL DEFAULT '[]',
                    target_count INTEGER,
                    target_unit TEXT,
                    status TEXT NOT NULL,
                    status_note TEXT,
                    PRIMARY KEY (year, id)
                ) WITHOUT ROWID;
                ALTER TABLE record ADD COLUMN entered TEXT;
                ALTER TABLE waiver ADD COLUMN entered TEXT;
                CREATE INDEX record_entered ON record(entered) WHERE entered IS NOT NULL;
                ALTER TABLE meeting ADD COLUMN held_on TEXT;
                """)
        }
        return migrator
    }()
}
