import Foundation

/// Where the program finds what it ships (the bundled plans and themes) and
/// where it keeps stores, from any directory.
enum PlanLocation {
    static let defaultPlanID = "madona-2025-2027"
    static let defaultPlanFile = "madona-2025-2027.yaml"

    /// `$XDG_DATA_HOME/sargs/PLAN-ID.sqlite` (XDG's default `~/.local/share`).
    static func defaultStorePath(planID: String, environment: [String: String]) -> String {
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            base = home + "/.local/share"
        }
        return base + "/sargs/" + planID + ".sqlite"
    }

    /// The directories that may hold the shipped `data/` and `Themes/`, best first:
    /// `$SARGS_SHARE`, `PREFIX/share/sargs` beside an installed binary, and the
    /// checkout the binary was built in.
    static func shareDirectories(environment: [String: String] = Environment.variables) -> [String] {
        var result: [String] = []
        if let share = environment["SARGS_SHARE"], !share.isEmpty { result.append(share) }
        // The binary itself (/proc/self/exe), not argv[0]: run by name from
        // PATH, argv[0] is "sargs" and says nothing about where it lives.
        let selfPath = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let executable = URL(fileURLWithPath: selfPath).resolvingSymlinksInPath()
        var dir = executable.deletingLastPathComponent()
        result.append(dir.deletingLastPathComponent().appendingPathComponent("share/sargs").path)
        for _ in 0..<6 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                result.append(dir.path)
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        return result
    }

    /// The bundled Madona plan file, wherever it was installed.
    static func bundledPlan() -> String? {
        for dir in shareDirectories() {
            let path = dir + "/data/" + defaultPlanFile
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }
}
