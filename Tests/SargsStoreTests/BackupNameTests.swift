import Foundation
import Testing
@testable import SargsStore
import SargsFiles

/// Backup names carry Riga time as people read it (issue 24), with the
/// offset from UTC so the hour the clocks go back is not named twice.
@Suite("Backup names")
struct BackupNameTests {
    static func utc(_ text: String) -> Date {
        let f = ISO8601DateFormatter()
        return f.date(from: text)!
    }

    @Test("a dated name is the Riga time with its offset, winter and summer alike")
    func rigaTime() {
        #expect(Store.stamp(Self.utc("2026-12-01T03:15:00Z"), dashed: true) == "2026-12-01T051500+0200")
        #expect(Store.stamp(Self.utc("2026-07-01T03:15:00Z"), dashed: true) == "2026-07-01T061500+0300")
        #expect(Store.stamp(Self.utc("2026-12-01T03:15:00Z"), dashed: false) == "20261201T051500+0200")
        // The hour the clocks go back (25 October 2026, 04:00 EEST → 03:00 EET): two names, not one.
        let first = Store.stamp(Self.utc("2026-10-25T00:30:00Z"), dashed: true)
        let second = Store.stamp(Self.utc("2026-10-25T01:30:00Z"), dashed: true)
        #expect(first == "2026-10-25T033000+0300" && second == "2026-10-25T033000+0200")
    }

    @Test("names are read back to their moment; earlier sargs' UTC names too; anything else is not a backup's")
    func moments() {
        #expect(Store.moment(of: "2026-12-01T051500+0200") == Self.utc("2026-12-01T03:15:00Z"))
        #expect(Store.moment(of: "2026-12-01T031500Z") == Self.utc("2026-12-01T03:15:00Z"))
        for stamp in ["2026-12-01", "2026-12-01T0315Z", "notes", "2026-12-01T051500+02", "2026-12-01T051500+0200x"] {
            #expect(Store.moment(of: stamp) == nil, "\(stamp)")
        }
    }

    @Test("--keep keeps the newest by the moment each name says, not by the letters of the name; removes only sargs stores dated before now")
    func rotation() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        let folder = scratch.directory + "/backups"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // 05:10 UTC named in Riga time; 05:15 UTC named in UTC by an earlier sargs: by their letters the order is the other way round.
        for name in ["plan-2026-12-01T071000+0200.sqlite", "plan-2026-12-01T051500Z.sqlite"] {
            try store.backup(to: folder + "/" + name)
        }
        // Planted by someone else: a name dated in the future, and a dated name that is no store.
        try store.backup(to: folder + "/plan-2099-01-01T000000Z.sqlite")
        #expect(FileManager.default.createFile(atPath: folder + "/plan-2020-01-01T000000Z.sqlite", contents: Data("not a store".utf8)))
        #expect(FileManager.default.createFile(atPath: folder + "/plan-notes.sqlite", contents: Data("x".utf8)))
        let (path, removed) = try store.backup(into: folder, keep: 2, now: Self.utc("2026-12-01T06:00:00Z"))
        #expect(path.hasSuffix("/plan-2026-12-01T080000+0200.sqlite"))
        #expect(removed.map { ($0 as NSString).lastPathComponent } == ["plan-2026-12-01T071000+0200.sqlite"])
        let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(left == ["plan-2020-01-01T000000Z.sqlite", "plan-2026-12-01T051500Z.sqlite", "plan-2026-12-01T080000+0200.sqlite",
                         "plan-2099-01-01T000000Z.sqlite", "plan-notes.sqlite"], "\(left)")
        // --keep 1: only the new copy of the dated sargs stores, the rest untouched.
        let (_, again) = try store.backup(into: folder, keep: 1, now: Self.utc("2026-12-01T07:00:00Z"))
        #expect(again.map { ($0 as NSString).lastPathComponent }.sorted() == ["plan-2026-12-01T051500Z.sqlite", "plan-2026-12-01T080000+0200.sqlite"])
    }

    @Test("a backup folder that another user's link stands in for is refused, and nothing in its target is removed")
    func folderThroughALink() throws {
        let scratch = Scratch()
        let store = try scratch.store()
        let elsewhere = scratch.directory + "/elsewhere"
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try store.backup(to: elsewhere + "/plan-2020-01-01T000000Z.sqlite")
        let shared = scratch.directory + "/shared"
        try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
        chmod(shared, 0o2770)  // a group's folder: its members may put a link there
        #expect(symlink(elsewhere, shared + "/backups") == 0)
        #expect {
            try store.backup(into: shared + "/backups", keep: 1, now: Self.utc("2026-12-01T06:00:00Z"))
        } throws: { error in
            guard case StoreError.file(let refusal) = error, case .untrustedLink = refusal.kind else { return false }
            return refusal.phrase.en.contains("give the real path")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere) == ["plan-2020-01-01T000000Z.sqlite"])
    }
}
