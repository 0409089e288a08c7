import Foundation
import SargsCore

/// Documents for the council (SPEC §7 `meeting show --format docx|odt`,
/// `report --format docx|odt`): the same Markdown the text formats print,
/// made into DOCX or ODT by pandoc (Debian's `pandoc`), styled by a
/// reference document (`reference.docx` / `reference.odt` in `Themes/` or
/// `data/`, the municipality's letterhead) when there is one.
///
/// The Markdown's data is already escaped (`SafeText.markdown`); pandoc also
/// reads it with raw HTML, raw TeX, raw attributes and citations switched
/// off, so nothing in it can become markup or an embedded object.
enum Document {
    enum Format: String {
        case docx, odt
    }

    /// Pandoc's reader: Markdown without any way to pass raw content through.
    /// Smart typography is off too: "--", "..." and quotes stay as typed.
    static let reader = "markdown-raw_html-raw_tex-raw_attribute-citations-native_divs-native_spans-implicit_figures-smart"

    /// The reference document for `format`, the first found in the share directories.
    static func reference(_ format: Format) -> String? {
        for dir in PlanLocation.shareDirectories() {
            for sub in ["Themes", "data"] {
                let path = "\(dir)/\(sub)/reference.\(format.rawValue)"
                if FileManager.default.isReadableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// `pandoc` on `PATH`, or nil.
    static func pandoc(environment: [String: String] = Environment.variables) -> String? {
        for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/pandoc"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Writes `markdown` as a `format` document to `path`. Refuses to replace
    /// a file that is there unless `force` (exit 64: add --force); says which
    /// package to install when pandoc is missing (exit 69); the document is
    /// written beside `path` and renamed into place, so a failure leaves
    /// nothing half-written. Mode 0600 or the store's group bits (`mode`).
    /// Refuses a path a document must not be written to: a folder, a folder
    /// that is not there, the store itself (or its journal files), and a
    /// file that is there without `force`.
    /// Refuses an output path that would lose something: empty, a folder, in
    /// a folder that is not there, the store (or its WAL files), any other
    /// SQLite database, one of the command's own input files, or a file
    /// already there without `force`.
    static func check(_ path: String, force: Bool, storePath: String, inputs: [String] = []) throws {
        let shown = SafeText.line(path)
        guard !path.isEmpty else {
            throw Failure(.usage, Phrase(lv: "izvades faila nosaukums ir tukšs", en: "the output file name is empty"))
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw Failure(.io, Phrase(lv: "\(shown) ir mape; norādiet faila nosaukumu", en: "\(shown) is a folder; give a file name"))
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw Failure(.io, Phrase(lv: "mapes \(SafeText.line(folder)) nav", en: "there is no folder \(SafeText.line(folder))"))
        }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        if !storePath.isEmpty {
            let store = URL(fileURLWithPath: storePath).resolvingSymlinksInPath().path
            if [store, store + "-wal", store + "-shm"].contains(target) {
                throw Failure(.usage, Phrase(lv: "\(shown) ir glabātuve; dokumentu tajā neraksta", en: "\(shown) is the store; a document is never written over it"))
            }
        }
        // Any store (another plan's, a backup) is a SQLite database, whatever its name. Only a
        // regular file is read to know (a FIFO or a terminal would wait for input).
        var info = stat()
        let exists = stat(target, &info) == 0
        let regular = exists && (info.st_mode & S_IFMT) == S_IFREG
        if exists && !regular {
            // A FIFO, a terminal, a device: writing there waits or goes astray.
            throw Failure(.usage, Phrase(lv: "\(shown) nav parasts fails; norādiet faila nosaukumu",
                                         en: "\(shown) is not a regular file; give a file name"))
        }
        let head = regular ? FileHandle(forReadingAtPath: target).map { handle -> Data in
            defer { try? handle.close() }
            return handle.readData(ofLength: 16)
        } ?? Data() : Data()
        if head == Data("SQLite format 3\0".utf8) || ["-wal", "-shm", "-journal"].contains(where: { target.hasSuffix($0) }) {
            throw Failure(.usage, Phrase(lv: "\(shown) ir SQLite datubāze (glabātuve vai tās kopija); dokumentu tajā neraksta",
                                         en: "\(shown) is a SQLite database (a store or a copy of one); a document is never written over it"))
        }
        for input in inputs where sameFile(target, input) {
            throw Failure(.usage, Phrase(lv: "\(shown) ir ievades fails; izvadi rakstiet citā failā",
                                         en: "\(shown) is the input file; write the output to another file"))
        }
        if !force, FileManager.default.fileExists(atPath: path) {
            throw Failure(.usage, Phrase(lv: "\(shown) jau ir; lai to aizstātu, pievienojiet --force",
                                         en: "\(shown) is already there; add --force to replace it"))
        }
    }

    /// Whether two paths name one file (the same device and inode; or the same path when one is not there).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else {
            return URL(fileURLWithPath: a).resolvingSymlinksInPath().path == URL(fileURLWithPath: b).resolvingSymlinksInPath().path
        }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    static func write(_ markdown: String, format: Format, to path: String, force: Bool, mode: mode_t,
                      language: Language) throws {
        guard let pandoc = pandoc() else {
            throw Failure(.unavailable, Phrase(
                lv: "dokumentu veido pandoc, bet tas nav uzstādīts; uzstādiet to: sudo apt-get install pandoc",
                en: "documents are made by pandoc, which is not installed; install it: sudo apt-get install pandoc"))
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).sargs-\(getpid()).\(format.rawValue)").path
        defer { unlink(temporary) }
        var arguments = ["-f", reader, "-t", format.rawValue, "-o", temporary,
                         "--metadata", "lang=\(language == .lv ? "lv-LV" : "en-GB")"]
        if let reference = reference(format) { arguments.append("--reference-doc=\(reference)") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: pandoc)
        process.arguments = arguments
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch {
            throw Failure(.unavailable, Phrase(lv: "pandoc neizdevās palaist: \(error.localizedDescription)",
                                               en: "pandoc could not be started: \(error.localizedDescription)"))
        }
        try? input.fileHandleForWriting.write(contentsOf: Data(markdown.utf8))
        try? input.fileHandleForWriting.close()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let first = SafeText.line(message.split(separator: "\n").first.map(String.init) ?? "")
            throw Failure(.io, Phrase(lv: "pandoc neizveidoja dokumentu (\(process.terminationStatus)): \(first)",
                                      en: "pandoc did not make the document (\(process.terminationStatus)): \(first)"))
        }
        chmod(temporary, mode)
        if force {
            guard rename(temporary, path) == 0 else {
                throw Failure(.io, Phrase(lv: "\(path) nevar ierakstīt: \(String(cString: strerror(errno)))",
                                          en: "cannot write \(path): \(String(cString: strerror(errno)))"))
            }
        } else {
            // link(2) fails if someone made the file meanwhile: never replaced without --force.
            guard link(temporary, path) == 0 else {
                let code = errno
                if code == EEXIST {
                    throw Failure(.usage, Phrase(lv: "\(path) jau ir; lai to aizstātu, pievienojiet --force",
                                                 en: "\(path) is already there; add --force to replace it"))
                }
                throw Failure(.io, Phrase(lv: "\(path) nevar ierakstīt: \(String(cString: strerror(code)))",
                                          en: "cannot write \(path): \(String(cString: strerror(code)))"))
            }
        }
    }

    /// Writes text (Markdown, CSV, JSON) to `path` with the same rules as a document.
    static func writeText(_ text: String, to path: String, force: Bool, mode: mode_t) throws {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (force ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, mode)
        guard fd >= 0 else {
            throw Failure(.io, Phrase(lv: "\(path) nevar ierakstīt: \(String(cString: strerror(errno)))",
                                      en: "cannot write \(path): \(String(cString: strerror(errno)))"))
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else {
                throw Failure(.io, Phrase(lv: "\(path) nevar ierakstīt: \(String(cString: strerror(errno)))",
                                          en: "cannot write \(path): \(String(cString: strerror(errno)))"))
            }
            written += n
        }
    }
}
