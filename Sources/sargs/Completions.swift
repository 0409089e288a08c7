import ArgumentParser
import Foundation
import SargsCore
import SargsStore

/// What the shell completes from the store (issue 24): activity ids, meeting
/// and decision numbers, institution codes. The store is the one the command
/// line names (`--db`), else `SARGS_DB`, else the one a command would find;
/// whatever goes wrong (no store yet, a store this account may not read),
/// the answer is no words, never a message in the middle of a command line.
enum Completions {
    static let activities = CompletionKind.custom { words, _, prefix in
        matching(prefix, in: words) { try $0.plan().activities.map(\.id) }
    }

    static let meetings = CompletionKind.custom { words, _, prefix in
        matching(prefix, in: words) { try $0.meetings().sorted { $0.id < $1.id }.map { String($0.id) } }
    }

    static let decisions = CompletionKind.custom { words, _, prefix in
        matching(prefix, in: words) { try $0.snapshot().decisions.sorted { $0.id < $1.id }.map { String($0.id) } }
    }

    static let institutions = CompletionKind.custom { words, _, prefix in
        matching(prefix, in: words) { try $0.plan().allInstitutions.map(\.code) }
    }

    /// Institution codes after the last comma of a list (`--attendees SD,BT,`).
    static let institutionLists = CompletionKind.custom { words, _, prefix in
        let head = prefix.lastIndex(of: ",").map { String(prefix[...$0]) } ?? ""
        let taken = Set(head.split(separator: ",").map { $0.uppercased() })
        return matching(String(prefix.dropFirst(head.count)), in: words) { store in
            try store.plan().allInstitutions.map(\.code).filter { !taken.contains($0) }
        }.map { head + $0 }
    }

    /// The words `list` gives for the store the command line names, those
    /// that begin with `prefix` (in any case).
    static func matching(_ prefix: String, in words: [String], _ list: (Store) throws -> [String]) -> [String] {
        guard let path = storePath(words), let store = try? Store.open(at: path), let all = try? list(store) else { return [] }
        let lower = prefix.lowercased()
        return all.filter { $0.lowercased().hasPrefix(lower) }
    }

    /// The store of the command line being completed: `--db PATH` or
    /// `--db=PATH` among its words, else where a command would look.
    static func storePath(_ words: [String]) -> String? {
        var db: String?
        for (i, word) in words.enumerated() {
            if word == "--db", i + 1 < words.count { db = words[i + 1] }
            if word.hasPrefix("--db=") { db = String(word.dropFirst(5)) }
        }
        // The shell hands the word over as typed: "~/…" is the home folder's.
        guard let global = try? GlobalOptions.parse(db.map { ["--db", NSString(string: $0).expandingTildeInPath] } ?? []) else {
            return nil
        }
        return try? StoreLocation.existing(global)
    }
}
