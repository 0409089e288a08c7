import Foundation

/// What `sargs --version` says: the package's version, as `debian/version`
/// makes it from `git describe` (a tag v1.2.3 gives 1.2.3; a commit after no
/// tag 0.1.0~gitN.HASH). An installed sargs reads the `VERSION` file that
/// `make install` and the Debian package put beside its plans; one run from
/// its checkout (`swift build`, `make`) asks git there; without either, the
/// base version.
enum PackageVersion {
    /// The version before the first tag, and the answer when nothing else can say.
    static let base = "0.1.0"

    /// The version for ArgumentParser: worked out only when `--version` is
    /// asked (the configuration is read on every run).
    static var shown: String {
        CommandLine.arguments.dropFirst().contains("--version") ? current : base
    }

    static var current: String {
        for directory in PlanLocation.shareDirectories() {
            if let text = try? String(contentsOfFile: directory + "/VERSION", encoding: .utf8),
               let line = text.split(whereSeparator: \.isNewline).first, !String(line).trimmingBlanks.isEmpty {
                return String(line).trimmingBlanks
            }
            let script = directory + "/debian/version"
            if FileManager.default.fileExists(atPath: directory + "/Package.swift"),
               FileManager.default.isExecutableFile(atPath: script), let version = run(script) {
                return version
            }
        }
        return base
    }

    /// The first line a program prints, or nil when it fails or prints nothing.
    static func run(_ path: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first else { return nil }
        let version = String(line).trimmingBlanks
        return version.isEmpty ? nil : version
    }
}
