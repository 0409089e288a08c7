import Foundation
import SargsCore

/// The peer of SPEC §9: Taskwarrior given the same plan, in a data directory
/// of its own. One-off activities are tasks due on their window's last day;
/// `every`/`ongoing` activities are recurring tasks of the same cadence, due
/// at the end of their first window, until the end of their span (the plan's
/// end unless the schedule ends earlier); as-needed activities are tasks with
/// no due date (never overdue, as in sargs). Done activities are completed
/// tasks, dropped ones deleted. Records are not given to the peer: it has no
/// notion of carrying out a recurring task ahead of its instance, so its
/// overdue list is, if anything, shorter work than the sargs agenda.
struct Taskwarrior {
    let binary: String
    /// The directory with `taskrc` and the data directory `data/`.
    let directory: String

    var rcPath: String { directory + "/taskrc" }
    var dataPath: String { directory + "/data" }

    var environment: [String: String] {
        ["TASKRC": rcPath, "TASKDATA": dataPath, "HOME": directory, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC"]
    }

    /// The recurrence word Taskwarrior uses for a cadence.
    static func recurrence(_ cadence: Cadence) -> String {
        switch cadence {
        case .week: return "weekly"
        case .month: return "monthly"
        case .quarter: return "quarterly"
        case .halfYear: return "semiannual"
        case .year: return "annual"
        }
    }

    static func stamp(_ day: Day, end: Bool = true) -> String {
        let d = day.isoText.replacingOccurrences(of: "-", with: "")
        return d + (end ? "T235959Z" : "T000000Z")
    }

    /// The plan as Taskwarrior's import format (one JSON object per line),
    /// with how many tasks recur.
    static func tasks(for plan: Plan) -> (json: String, tasks: Int, recurring: Int) {
        var lines: [String] = []
        var recurring = 0
        let entry = stamp(plan.period.first, end: false)
        for (i, activity) in plan.activities.enumerated() {
            var task: [String: Any] = [
                "uuid": String(format: "00000000-0000-4000-8000-%012d", i + 1),
                "description": "\(activity.id) \(activity.title)",
                "entry": entry,
                "project": "goal\(activity.goal)",
                "tags": activity.owners,
            ]
            let span = activity.schedule.span(in: plan.period)
            switch activity.schedule {
            case .once:
                task["status"] = "pending"
                task["due"] = stamp(span.last)
            case .every(let cadence, _, _, _), .ongoing(let cadence, _, _):
                guard let first = cadence.windows(intersecting: span).first else { continue }
                task["status"] = "recurring"
                task["recur"] = recurrence(cadence)
                task["due"] = stamp(first.last)
                task["until"] = stamp(span.last)
                recurring += 1
            case .asNeeded:
                task["status"] = "pending"
            }
            switch activity.status {
            case .done:
                task["status"] = "completed"
                task["end"] = entry
                task.removeValue(forKey: "recur")
                task.removeValue(forKey: "until")
            case .dropped:
                task["status"] = "deleted"
                task["end"] = entry
                task.removeValue(forKey: "recur")
                task.removeValue(forKey: "until")
            default:
                break
            }
            if let data = try? JSONSerialization.data(withJSONObject: task, options: [.sortedKeys]) {
                lines.append(String(decoding: data, as: UTF8.self))
            }
        }
        return ("[\n" + lines.joined(separator: ",\n") + "\n]\n", lines.count, recurring)
    }

    /// Makes the data directory and imports the plan, unless `directory`
    /// already holds this import (it is cached like the stores).
    func prepare(plan: Plan) throws -> (tasks: Int, recurring: Int, importMs: Double?) {
        let (json, count, recurring) = Taskwarrior.tasks(for: plan)
        let marker = directory + "/imported"
        if FileManager.default.fileExists(atPath: marker) { return (count, recurring, nil) }
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: dataPath, withIntermediateDirectories: true)
        // Defaults, except what keeps it from asking questions or running hooks.
        try """
        data.location=\(dataPath)
        confirmation=off
        recurrence.confirmation=no
        hooks=off
        news.version=2.6.0

        """.write(toFile: rcPath, atomically: true, encoding: .utf8)
        let file = directory + "/tasks.json"
        try json.write(toFile: file, atomically: true, encoding: .utf8)
        let ms = try Child.time([binary, "rc.verbose=nothing", "import", file], environment: environment)
        try "".write(toFile: marker, atomically: true, encoding: .utf8)
        return (count, recurring, ms)
    }

    /// `task overdue` with extra `rc.` overrides, output thrown away.
    func overdue(_ overrides: [String] = []) throws -> Double {
        try Child.time([binary] + overrides + ["overdue"], environment: environment)
    }

    /// How many tasks `task overdue` lists, and how many pending tasks there are (after expansion).
    func counts() -> (overdue: Int?, pending: Int?) {
        func count(_ filter: [String]) -> Int? {
            let out = directory + "/count.txt"
            guard let child = try? Child.spawn([binary, "rc.gc=off"] + filter + ["count"], environment: environment, stdout: .file(out)),
                  child.wait().status == 0,
                  let text = try? String(contentsOfFile: out, encoding: .utf8) else { return nil }
            return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return (count(["+OVERDUE"]), count(["status:pending"]))
    }
}
