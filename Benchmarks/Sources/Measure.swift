import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic time in nanoseconds.
func nanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Milliseconds between two `nanoseconds()` readings.
func milliseconds(from start: UInt64, to end: UInt64) -> Double {
    Double(end &- start) / 1_000_000
}

/// Runs `body` once and returns how long it took, in milliseconds.
@discardableResult
func timed<T>(_ body: () throws -> T) rethrows -> (ms: Double, value: T) {
    let start = nanoseconds()
    let value = try body()
    return (milliseconds(from: start, to: nanoseconds()), value)
}

/// Samples of one measurement (milliseconds, bytes or megabytes).
struct Samples {
    var values: [Double] = []

    init(_ values: [Double] = []) { self.values = values }

    mutating func add(_ value: Double) { values.append(value) }

    var count: Int { values.count }

    /// The `p`-th percentile (0…100), nearest rank.
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank - 1, 0), sorted.count - 1)]
    }

    var median: Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    var p99: Double { percentile(99) }
    var max: Double { values.max() ?? .nan }
    var min: Double { values.min() ?? .nan }
}

/// Progress lines go to standard error, so standard output is the table alone.
func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
