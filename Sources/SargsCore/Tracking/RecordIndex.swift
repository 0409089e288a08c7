import Foundation

/// The date and count of every record, grouped by activity and sorted by date
/// within each activity: all that the rules of SPEC §4 and §5 ask of records.
/// A record's note and author are not here; they are read one activity at a
/// time, when someone looks at them.
///
/// The store keeps one packed entry list per activity (`RecordIndex.Entry`
/// pairs), so a board over 500,000 records starts without reading them one by one.
public struct RecordIndex: Hashable, Sendable {
    /// One record as the index holds it: its day and its count (0 when it has none).
    public struct Entry: Hashable, Sendable {
        public var day: Day
        public var count: Int

        public init(day: Day, count: Int) {
            self.day = day
            self.count = count
        }
    }

    /// Activity id → slot; slot `s` owns `days[bounds[s]..<bounds[s + 1]]`.
    private var slots: [ActivityID: Int] = [:]
    private var bounds: [Int] = [0]
    /// Day ordinals, grouped by slot, ascending within a slot.
    private var days: [Int] = []
    /// `totals[i]`: the sum of counts of `days[0..<i]` (differences give a slot's sums).
    private var totals: [Int] = [0]

    /// No records.
    public init() {}

    /// The index of a list of records, in any order (records of one date keep
    /// the order they are given in).
    public init(_ records: [Record]) {
        var builder = Builder()
        var order: [ActivityID: [Entry]] = [:]
        var first: [ActivityID] = []
        for record in records {
            if order[record.activity] == nil { first.append(record.activity) }
            order[record.activity, default: []].append(Entry(day: record.date, count: record.count ?? 0))
        }
        for activity in first { builder.append(activity, entries: order[activity]!) }
        self = builder.index
    }

    /// Builds an index one activity at a time.
    public struct Builder: Sendable {
        private var built = RecordIndex()

        public init(capacity: Int = 0, activities: Int = 0) {
            built.days.reserveCapacity(capacity)
            built.totals.reserveCapacity(capacity + 1)
            built.slots.reserveCapacity(activities)
            built.bounds.reserveCapacity(activities + 1)
        }

        /// Adds an activity's entries (in any order; sorted here by day, stably).
        /// An activity given twice keeps only its latest entries.
        public mutating func append(_ activity: ActivityID, entries: [Entry]) {
            let sorted = zip(entries.indices, entries).allSatisfy { $0 == 0 || entries[$0 - 1].day <= $1.day }
                ? entries : entries.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
            append(activity, count: sorted.count) { i in (sorted[i].day.ordinal, sorted[i].count) }
        }

        /// Adds an activity's `count` entries, given in ascending order of day by `entry`.
        private mutating func append(_ activity: ActivityID, count: Int, entry: (Int) -> (ordinal: Int, count: Int)) {
            if built.slots[activity] != nil { built.remove(activity) }
            guard count > 0 else { return }
            built.slots[activity] = built.bounds.count - 1
            var running = built.totals[built.totals.count - 1]
            for i in 0..<count {
                let (ordinal, n) = entry(i)
                built.days.append(ordinal)
                running += Counts.held(n)  // a stored count out of range cannot overflow the sums
                built.totals.append(running)
            }
            built.bounds.append(built.days.count)
        }

        /// Adds an activity's entries in their packed form (`RecordIndex.packed`);
        /// false, adding nothing, if the bytes are not such a form (a length
        /// that is not a multiple of 8, or days out of order).
        public mutating func append(_ activity: ActivityID, packed bytes: UnsafeRawBufferPointer) -> Bool {
            guard bytes.count % RecordIndex.packedEntrySize == 0 else { return false }
            let n = bytes.count / RecordIndex.packedEntrySize
            func int(_ offset: Int) -> Int {
                Int(Int32(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))))
            }
            var previous = Int.min
            for i in 0..<n {
                let ordinal = int(i * RecordIndex.packedEntrySize)
                guard ordinal >= previous else { return false }
                previous = ordinal
            }
            append(activity, count: n) { i in
                (int(i * RecordIndex.packedEntrySize), int(i * RecordIndex.packedEntrySize + 4))
            }
            return true
        }

        /// The index built so far.
        public var index: RecordIndex { built }
    }

    /// Drops an activity's entries (the builder's rare case of an activity given twice).
    private mutating func remove(_ activity: ActivityID) {
        guard let slot = slots[activity] else { return }
        let lo = bounds[slot], hi = bounds[slot + 1], n = hi - lo
        let removedSum = totals[hi] - totals[lo]
        days.removeSubrange(lo..<hi)
        totals.removeSubrange((lo + 1)...hi)
        for i in (lo + 1)..<totals.count { totals[i] -= removedSum }
        bounds.remove(at: slot + 1)
        for s in (slot + 1)..<bounds.count { bounds[s] -= n }
        slots[activity] = nil
        for (id, s) in slots where s > slot { slots[id] = s - 1 }
        // Slots after the removed one now own the ranges their predecessors did.
    }

    /// Two indexes are equal when every activity has the same entries, in
    /// whatever order the activities were added.
    public static func == (lhs: RecordIndex, rhs: RecordIndex) -> Bool {
        guard lhs.days.count == rhs.days.count, lhs.slots.count == rhs.slots.count else { return false }
        for (activity, slot) in lhs.slots {
            guard let other = rhs.slots[activity] else { return false }
            let lo = lhs.bounds[slot], hi = lhs.bounds[slot + 1]
            let olo = rhs.bounds[other], ohi = rhs.bounds[other + 1]
            guard hi - lo == ohi - olo else { return false }
            for k in 0..<(hi - lo) {
                guard lhs.days[lo + k] == rhs.days[olo + k],
                      lhs.totals[lo + k + 1] - lhs.totals[lo + k] == rhs.totals[olo + k + 1] - rhs.totals[olo + k]
                else { return false }
            }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(days.count)
        hasher.combine(slots.count)
        hasher.combine(totals.last ?? 0)
    }

    /// The bytes of one entry in the packed form.
    public static let packedEntrySize = 8

    /// An activity's entries (sorted by day) packed as the store keeps them:
    /// per entry the day's ordinal (days since 1970-01-01) and the count, each
    /// a little-endian Int32 (counts beyond Int32 are clamped).
    public static func packed(_ entries: [Entry]) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(entries.count * packedEntrySize)
        func put(_ value: Int) {
            let v = UInt32(bitPattern: Int32(clamping: value))
            bytes.append(UInt8(truncatingIfNeeded: v))
            bytes.append(UInt8(truncatingIfNeeded: v >> 8))
            bytes.append(UInt8(truncatingIfNeeded: v >> 16))
            bytes.append(UInt8(truncatingIfNeeded: v >> 24))
        }
        for entry in entries {
            put(entry.day.ordinal)
            put(entry.count)
        }
        return bytes
    }

    /// How many records there are in all.
    public var count: Int { days.count }

    /// Whether there are no records.
    public var isEmpty: Bool { days.isEmpty }

    /// The activities that have records.
    public var activities: Set<ActivityID> { Set(slots.keys) }

    /// How many records an activity has.
    public func count(of activity: ActivityID) -> Int {
        guard let slot = slots[activity] else { return 0 }
        return bounds[slot + 1] - bounds[slot]
    }

    /// An activity's entries, by day.
    public func entries(of activity: ActivityID) -> [Entry] {
        guard let slot = slots[activity] else { return [] }
        return (bounds[slot]..<bounds[slot + 1]).map { Entry(day: Day(ordinal: days[$0]), count: totals[$0 + 1] - totals[$0]) }
    }

    /// An activity's latest entries dated on or before `day`, newest first, at most `limit`.
    public func latest(of activity: ActivityID, onOrBefore day: Day, limit: Int) -> [Entry] {
        let t = track(activity)
        let end = t.indexBefore(day.ordinal + 1)
        let start = max(t.days.startIndex, end - max(limit, 0))
        return (start..<end).reversed().map { Entry(day: Day(ordinal: days[$0]), count: totals[$0 + 1] - totals[$0]) }
    }

    /// One activity's entries: a view into the index's arrays.
    struct Track {
        /// Record date ordinals, ascending (indices are the index's).
        let days: ArraySlice<Int>
        /// Running sums of counts over the same indices (one longer).
        let totals: ArraySlice<Int>

        /// The index of the first record dated on or after `ordinal`.
        func indexBefore(_ ordinal: Int) -> Int {
            var lo = days.startIndex, hi = days.endIndex
            while lo < hi {
                let mid = (lo + hi) >> 1
                if days[mid] < ordinal { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }

        /// The number of records dated before `ordinal`.
        func countBefore(_ ordinal: Int) -> Int { indexBefore(ordinal) - days.startIndex }

        /// The sum of counts of records dated before `ordinal`.
        func sumBefore(_ ordinal: Int) -> Int { totals[indexBefore(ordinal)] - totals[days.startIndex] }

        /// The latest record date before `ordinal`, if any.
        func latestBefore(_ ordinal: Int) -> Int? {
            let i = indexBefore(ordinal)
            return i > days.startIndex ? days[i - 1] : nil
        }

        /// Whether a record is dated in `[first, last]` (ordinals).
        func hasRecord(from first: Int, through last: Int) -> Bool {
            guard first <= last else { return false }
            let i = indexBefore(first)
            return i < days.endIndex && days[i] <= last
        }
    }

    /// The view of one activity's entries (empty for an activity without records).
    func track(_ activity: ActivityID) -> Track {
        guard let slot = slots[activity] else { return Track(days: days[0..<0], totals: totals[0...0]) }
        let lo = bounds[slot], hi = bounds[slot + 1]
        return Track(days: days[lo..<hi], totals: totals[lo...hi])
    }
}
