import Foundation
import SargsCore

/// Paths and plans the tests share.
public enum Fixtures {
    /// The checkout this test binary was built from.
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        return FileManager.default.currentDirectoryPath
    }()

    public static var madonaPlanPath: String { repositoryRoot + "/data/madona-2025-2027.yaml" }

    /// A fresh empty directory under the system's temporary directory.
    public static func temporaryDirectory(_ name: String = "sargs-test") -> String {
        let path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
