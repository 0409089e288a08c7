import Foundation
import SargsCore
import SargsFiles
import SargsStore

/// Documents for the council (SPEC §7 `meeting show --format docx|odt|pdf`,
/// `report --format docx|odt|pdf`): the same Markdown the text formats print,
/// made into DOCX or ODT by pandoc (Debian's `pandoc`) on an A4 page with
/// a running header and page numbers (`DocumentStyle.swift`), or styled by
/// the municipality's own reference document (`reference.docx` /
/// `reference.odt` in `Themes/` or `data/`, its letterhead) when there is
/// one; PDF through pandoc's HTML and weasyprint (Debian's `weasyprint`).
///
/// The Markdown's data is already escaped (`SafeText.markdown`); pandoc also
/// reads it with raw HTML, raw TeX, raw attributes and citations switched
/// off, so nothing in it can become markup or an embedded object.
enum Document {
    enum Format: String {
        case docx, odt, pdf
    }

    /// Pandoc's reader: Markdown without any way to pass raw content through.
    /// Smart typography is off too: "--", "..." and quotes stay as typed.
    static let reader = "markdown-raw_html-raw_tex-raw_attribute-citations-native_divs-native_spans-implicit_figures-smart"

    /// A reference document larger than this (20 MB) is not a letterhead.
    static let referenceLimit = 20 * 1024 * 1024

    /// The municipality's reference document for `format`: the first
    /// `Themes/` or `data/` `reference.docx|odt` in the share directories,
    /// read whole, or nil when there is none. A share folder may be one the
    /// group writes: the file is read only if it is a regular file with one
    /// name, owned by root or by this account, reached through no link a
    /// member could plant (`SafeFile.readTrusted`); its bytes go to pandoc
    /// from a private folder.
    /// - Throws: `Failure` 65 naming the file and why it was not read.
    static func reference(_ format: Format) throws -> [UInt8]? {
        for dir in PlanLocation.shareDirectories() {
            for sub in ["Themes", "data"] {
                let path = "\(dir)/\(sub)/reference.\(format.rawValue)"
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                do {
                    return try SafeFile.readTrusted(path, limit: referenceLimit)
                } catch let refusal as FileRefusal {
                    throw Failure(.data, Phrase(lv: "atsauces dokuments netika lietots: " + refusal.phrase.lv,
                                                en: "the reference document was not used: " + refusal.phrase.en))
                }
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
        // "name/" names a folder, never a file called "name".
        if path.hasSuffix("/") {
            throw Failure(.usage, Phrase(lv: "\(shown) ir mapes ceļš; norādiet faila nosaukumu", en: "\(shown) is a folder's path; give a file name"))
        }
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
            // The store's own files: its WAL, the lock that lets one `remind` run at a time, the copy a restore keeps.
            if ([store] + Store.ownFiles(beside: store)).contains(target) || target.hasPrefix(store + ".replaced-") {
                throw Failure(.usage, Phrase(lv: "\(shown) ir glabātuve vai tās fails; dokumentu tajā neraksta",
                                             en: "\(shown) is the store or one of its files; a document is never written over it"))
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
        var head = Data()
        if regular, let fd = try? SafeFile.open(target, followLinks: true, singleLink: false) {
            var bytes = [UInt8](repeating: 0, count: 16)
            let n = read(fd, &bytes, 16)
            head = Data(bytes.prefix(max(0, n)))
            close(fd)
        }
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

    /// The bounds of every pandoc run (issue 31): a document can make it
    /// grow or spin. `SARGS_PANDOC_TIMEOUT` seconds (120 by default), a
    /// heap of 512 MB (pandoc's own `+RTS -M`), 2 GB of address space, and
    /// 64 MB of output.
    static var limits: ChildProcess.Limits {
        let seconds = Environment.variables["SARGS_PANDOC_TIMEOUT"].flatMap { Int($0) }.map { min(max($0, 1), 3600) } ?? 120
        return ChildProcess.Limits(seconds: seconds, memory: 2 << 30, output: 64 << 20)
    }
    static let heapLimit = "512m"

    /// Runs pandoc with `arguments` on `input` under `limits`.
    /// - Throws: `Failure` naming the limit that stopped it (65 when the
    ///   input is the user's document, 74 when it is sargs' own Markdown).
    static func runPandoc(_ arguments: [String], input: [UInt8], inputName: String?) throws -> [UInt8] {
        guard let pandoc = pandoc() else {
            throw Failure(.unavailable, Phrase(
                lv: "dokumentus veido un lasa pandoc, bet tas nav uzstādīts; uzstādiet to: sudo apt-get install pandoc",
                en: "documents are made and read by pandoc, which is not installed; install it: sudo apt-get install pandoc"))
        }
        let limits = Document.limits
        // (pandoc 2.17's --sandbox cannot find its own DOCX templates, so it is
        // not used: what sargs writes is escaped Markdown, and no image or link
        // pandoc would fetch can come from the data: see SafeText.markdown.)
        let child = ChildProcess(pandoc, ["+RTS", "-M\(heapLimit)", "-RTS"] + arguments, limits: limits)
        let result: ChildProcess.Result
        do {
            result = try child.run(input: input)
        } catch {
            throw Failure(.unavailable, Phrase(lv: "pandoc neizdevās palaist: \(error.localizedDescription)",
                                               en: "pandoc could not be started: \(error.localizedDescription)"))
        }
        let code: Failure.Code = inputName == nil ? .io : .data
        let what = inputName.map { SafeText.line($0) }
        switch result.ending {
        case .exited(0):
            return result.output
        case .timedOut:
            throw Failure(code, Phrase(
                lv: (what.map { "\($0) lasīšana" } ?? "dokumenta veidošana") + " pārsniedza \(limits.seconds) s laika robežu (SARGS_PANDOC_TIMEOUT); pandoc apturēts, nekas netika ierakstīts",
                en: (what.map { "reading \($0)" } ?? "making the document") + " passed the time limit of \(limits.seconds) s (SARGS_PANDOC_TIMEOUT); pandoc was stopped and nothing was written"))
        case .outputTooLarge:
            throw Failure(code, Phrase(
                lv: "pandoc izvade pārsniedza \(limits.output >> 20) MB robežu; pandoc apturēts, nekas netika ierakstīts",
                en: "pandoc's output passed the limit of \(limits.output >> 20) MB; pandoc was stopped and nothing was written"))
        case .exited(251), .signalled:
            // GHC's runtime ends with 251 when its heap passes -M; the kernel's limits end it by a signal.
            throw Failure(code, Phrase(
                lv: (what.map { "\($0) lasīšanai" } ?? "dokumentam") + " pandoc vajadzēja vairāk par \(heapLimit.dropLast()) MB atmiņas robežu; pandoc apturēts, nekas netika ierakstīts",
                en: "pandoc needed more than the memory limit of \(heapLimit.dropLast()) MB " + (what.map { "to read \($0)" } ?? "for the document") + "; it was stopped and nothing was written"))
        case .exited(let status):
            let first = SafeText.line(result.firstErrorLine)
            if let what {
                throw Failure(.data, Phrase(lv: "pandoc nevarēja nolasīt \(what) (\(status)): \(first)",
                                            en: "pandoc could not read \(what) (\(status)): \(first)"))
            }
            throw Failure(.io, Phrase(lv: "pandoc neizveidoja dokumentu (\(status)): \(first)",
                                      en: "pandoc did not make the document (\(status)): \(first)"))
        }
    }

    /// Writes `markdown` as a `format` document to `path` (`SafeFile.put`:
    /// pandoc prints it, sargs writes it under a fresh name and links or,
    /// with `force`, renames it into place: a link at `path` is replaced,
    /// never its target). Mode 0600 or the store's group bits (`mode`).
    /// `header` runs along the top of every page.
    static func write(_ markdown: String, format: Format, to path: String, force: Bool, mode: FileAccess,
                      language: Language, header: DocumentWords.PageHeader? = nil) throws {
        try put(try render(markdown, format: format, language: language, header: header), at: path, force: force, mode: mode)
    }

    /// The bytes of `markdown` as a `format` document, made by pandoc (and
    /// weasyprint for PDF) on an A4 page, `header` (the municipality and
    /// what the document is; none when nil) along the top of every page,
    /// "page / pages" at the foot.
    /// - Throws: `Failure`: 69 when pandoc (or weasyprint) is not installed,
    ///   74 when one fails or passes its limits (`limits`).
    static func render(_ markdown: String, format: Format, language: Language,
                       header: DocumentWords.PageHeader? = nil) throws -> [UInt8] {
        let header = header ?? DocumentWords.PageHeader(left: "", right: "")
        if format == .pdf { return try pdf(markdown, language: language, header: header) }
        let arguments = ["-f", reader, "-t", format.rawValue, "-o", "-",
                         "--metadata", "lang=\(language == .lv ? "lv-LV" : "en-GB")"]
        // The municipality's own, else an A4 one made now; either in a private folder pandoc reads it from.
        let page = try reference(format) ?? a4Reference(format, header: header)
        return try TemporaryFolder.with { folder in
            let path = folder + "/reference." + format.rawValue
            try TemporaryFolder.write(page, to: path)
            return try runPandoc(arguments + ["--reference-doc=\(path)"], input: Array(markdown.utf8), inputName: nil)
        }
    }

    /// The two outputs `-o` names that are not files: standard output and nothing.
    enum Device: String {
        case standardOutput = "/dev/stdout"
        case nothing = "/dev/null"
    }

    /// Writes text (Markdown, CSV, JSON, a plan file) to `path` with the same rules as a document.
    static func writeText(_ text: String, to path: String, force: Bool, mode: FileAccess) throws {
        try put(Array(text.utf8), at: path, force: force, mode: mode)
    }

    private static func put(_ bytes: [UInt8], at path: String, force: Bool, mode: FileAccess) throws {
        do {
            try Interruption.whole {
                try SafeFile.put(bytes, at: path, access: mode, replacing: force)
            }
        } catch let refusal as FileRefusal {
            switch refusal.kind {
            case .exists: throw Failure(.usage, refusal.phrase)
            case .notRegular:
                throw Failure(.usage, Phrase(lv: "\(SafeText.line(path)) nav parasts fails; norādiet faila nosaukumu",
                                             en: "\(SafeText.line(path)) is not a regular file; give a file name"))
            case .untrustedLink, .symbolicLink, .manyLinks, .foreign: throw Failure(.unavailable, refusal.phrase)
            default: throw Failure(.io, refusal.phrase)
            }
        }
    }
}
