import Testing
import SargsCore

/// The record index against a plain list of records: same counts, same
/// entries in date order, the same latest records, whatever order the
/// records or the activities arrive in.
@Suite("Record index")
struct RecordIndexTests {
    static let span = days("2025-01-01", "2027-12-31")
    static let activities = ["1.1", "1.2", "2.1", "2.10", "3.4", "7.1"]

    static func randomRecords(_ rng: inout SplitMix, count: Int) -> [Record] {
        (0..<count).map { i in
            Record(id: Int64(i + 1), activity: activities.randomElement(using: &rng)!,
                   date: rng.day(in: span), count: Bool.random(using: &rng) ? Int.random(in: 1...40, using: &rng) : nil)
        }
    }

    /// The entries of an activity as the rules read them: by date, then in the order given.
    static func oracle(_ records: [Record], _ activity: ActivityID) -> [RecordIndex.Entry] {
        records.enumerated().filter { $0.element.activity == activity }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map { RecordIndex.Entry(day: $0.element.date, count: $0.element.count ?? 0) }
    }

    @Test("counts, entries and the latest records agree with the list, over 300 random lists")
    func agreesWithTheList() {
        var rng = SplitMix(seed: 0x1D_E7)
        for round in 0..<300 {
            let records = Self.randomRecords(&rng, count: Int.random(in: 0...(round < 10 ? 3 : 120), using: &rng))
            let index = RecordIndex(records)
            #expect(index.count == records.count)
            #expect(index.isEmpty == records.isEmpty)
            #expect(index.activities == Set(records.map(\.activity)))
            for activity in Self.activities + ["9.9"] {
                let expected = Self.oracle(records, activity)
                #expect(index.count(of: activity) == expected.count)
                #expect(index.entries(of: activity) == expected)
                let day = rng.day(in: days("2024-12-01", "2028-01-31"))
                let limit = Int.random(in: 0...5, using: &rng)
                let latest = Array(expected.filter { $0.day <= day }.reversed().prefix(limit))
                #expect(index.latest(of: activity, onOrBefore: day, limit: limit).map(\.day) == latest.map(\.day))
            }
        }
    }

    @Test("the tracker's progress from an index equals the sum of counts it sees in the list")
    func progressFromTheIndex() {
        var rng = SplitMix(seed: 0xBEE)
        let plan = Madona.plan()
        for _ in 0..<50 {
            let ids = plan.activities.map(\.id)
            let records = (0..<200).map { _ in
                Record(activity: ids.randomElement(using: &rng)!, date: rng.day(in: plan.period),
                       count: Int.random(in: 0...3, using: &rng) == 0 ? nil : Int.random(in: 1...9, using: &rng))
            }
            let tracker = Tracker(plan: plan, index: RecordIndex(records), waivers: [])
            let day = rng.day(in: plan.period)
            for activity in plan.activities {
                let sum = records.filter { $0.activity == activity.id && $0.date <= day }.reduce(0) { $0 + ($1.count ?? 0) }
                #expect(tracker.progress(of: activity, on: day) == sum)
                let last = records.filter { $0.activity == activity.id && $0.date <= day }.map(\.date).max()
                #expect(tracker.lastRecord(of: activity, on: day) == last)
            }
        }
    }

    @Test("equality ignores the order activities were added in, and not their entries")
    func equality() {
        var rng = SplitMix(seed: 42)
        let records = Self.randomRecords(&rng, count: 80)
        #expect(RecordIndex(records) == RecordIndex(records.reversed().sorted { $0.date < $1.date }))
        var changed = records
        changed[3].count = (changed[3].count ?? 0) + 1
        #expect(RecordIndex(records) != RecordIndex(changed))
        var moved = records
        moved[5].date = moved[5].date.adding(days: 1)
        #expect(RecordIndex(records) != RecordIndex(moved))
        #expect(RecordIndex(records) != RecordIndex(Array(records.dropLast())))
    }

    @Test("the packed form reads back to the same entries; a damaged one is refused and adds nothing")
    func packedForm() {
        var rng = SplitMix(seed: 0xFACE)
        for _ in 0..<100 {
            let records = Self.randomRecords(&rng, count: Int.random(in: 0...60, using: &rng))
            let index = RecordIndex(records)
            var builder = RecordIndex.Builder()
            for activity in index.activities {
                let ok = RecordIndex.packed(index.entries(of: activity)).withUnsafeBytes { builder.append(activity, packed: $0) }
                #expect(ok)
            }
            #expect(builder.index == index)
        }
        let entries = [RecordIndex.Entry(day: day("2025-01-02"), count: 3), RecordIndex.Entry(day: day("2025-01-01"), count: 1)]
        var builder = RecordIndex.Builder()
        #expect(!RecordIndex.packed(entries).withUnsafeBytes { builder.append("1.1", packed: $0) })
        #expect(!RecordIndex.packed(entries).dropLast().withUnsafeBytes { builder.append("1.1", packed: UnsafeRawBufferPointer($0)) })
        #expect(builder.index.isEmpty)
    }

    @Test("a blob round-trips every day and count; a count past SPEC §6's range is held at its end")
    func packedBounds() {
        let entries = [RecordIndex.Entry(day: day("1970-01-01"), count: 0),
                       RecordIndex.Entry(day: day("2025-06-30"), count: 1_000_000),
                       RecordIndex.Entry(day: day("2099-12-31"), count: Int(Int32.max) + 5)]
        let blob = RecordIndex.packed(entries)
        #expect(blob.count == 3 * RecordIndex.packedEntrySize)
        var builder = RecordIndex.Builder()
        let ok = blob.withUnsafeBytes { builder.append("1.1", packed: $0) }
        #expect(ok)
        #expect(builder.index.entries(of: "1.1").map(\.day) == entries.map(\.day))
        #expect(builder.index.entries(of: "1.1").map(\.count) == [0, 1_000_000, Counts.range.upperBound])
        let unsorted = RecordIndex.packed(entries.reversed())
        #expect(!unsorted.withUnsafeBytes { builder.append("1.2", packed: $0) })
    }

    @Test("a builder given an activity twice keeps the later entries, and the others whole")
    func builderReplaces() {
        let a = [RecordIndex.Entry(day: day("2025-03-01"), count: 2), RecordIndex.Entry(day: day("2025-01-01"), count: 1)]
        let b = [RecordIndex.Entry(day: day("2025-02-01"), count: 5)]
        let c = [RecordIndex.Entry(day: day("2026-02-01"), count: 7), RecordIndex.Entry(day: day("2026-02-02"), count: 0)]
        var builder = RecordIndex.Builder()
        builder.append("1.1", entries: a)
        builder.append("2.1", entries: b)
        builder.append("3.1", entries: c)
        builder.append("1.1", entries: [RecordIndex.Entry(day: day("2027-01-01"), count: 3)])
        builder.append("2.1", entries: [])
        let index = builder.index
        #expect(index.count == 3)
        #expect(index.entries(of: "1.1") == [RecordIndex.Entry(day: day("2027-01-01"), count: 3)])
        #expect(index.entries(of: "2.1").isEmpty)
        #expect(index.entries(of: "3.1") == c)
        #expect(index == RecordIndex([Record(activity: "3.1", date: day("2026-02-01"), count: 7),
                                      Record(activity: "1.1", date: day("2027-01-01"), count: 3),
                                      Record(activity: "3.1", date: day("2026-02-02"))]))
    }
}

/// Ids in text columns are padded, never cut.
@Suite("Id columns")
struct IdColumnTests {
    @Test("a plan of thousands of activities prints every id whole in the agenda text")
    func longIDsStayWhole() {
        let activities = [activity("3.1024", Sched.every(.month)), activity("3.1", Sched.every(.month))]
        let plan = testPlan(activities)
        let agenda = Agenda(snapshot: Snapshot(plan: plan), date: day("2025-07-01"))
        let text = AgendaText.render(agenda, snapshot: Snapshot(plan: plan), language: .en, markdown: false)
        #expect(text.contains("3.1024 "))
        #expect(text.contains("3.1   "))
        #expect("3.1024".padded(to: 5) == "3.1024")
        #expect("2.1".padded(to: 5) == "2.1  ")
    }
}
