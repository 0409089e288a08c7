import Foundation
import SargsCore
import SargsFiles
#if canImport(Glibc)
import Glibc
#endif

/// The page of a document for the council (issue 26): A4, margins a
/// Latvian office uses (30 mm left for binding, 20 mm top, right and
/// bottom), a running header with the municipality and what the document
/// is, and "page / pages" at the foot.
///
/// DOCX and ODT get it from a reference document sargs makes at run time
/// from pandoc's own default (`pandoc --print-default-data-file
/// reference.docx`, `reference.odt`): every member is kept as pandoc packed
/// it but the few small XML parts that say the page (`ZipArchive`). A
/// municipality's own `reference.docx`/`.odt` in `Themes/` or `data/` is
/// used instead when there is one (its letterhead, its page).
///
/// PDF: pandoc writes the Markdown as an HTML fragment, sargs puts it in a
/// page with its print stylesheet (`printStylesheet`), and weasyprint (the
/// Debian package `weasyprint`) prints it, reading the page from standard
/// input: there is no base address to resolve anything against, and sargs
/// refuses HTML that names anything to fetch (`fetchedReference`) before
/// weasyprint sees it.
extension Document {
    /// The page's measures, in millimetres and in twentieths of a point (DOCX).
    enum Page {
        static let widthMM = 210, heightMM = 297
        static let leftMM = 30, rightMM = 20, topMM = 20, bottomMM = 20
        /// A4 in twips (1/1440 inch): what Word writes for A4.
        static let widthTwips = 11906, heightTwips = 16838
        static func twips(_ mm: Int) -> Int { Int((Double(mm) * 1440 / 25.4).rounded()) }
        /// The width text may take, in twips: where the header's right tab stop goes.
        static var textWidthTwips: Int { widthTwips - twips(leftMM) - twips(rightMM) }
    }

    // MARK: DOCX and ODT

    /// A reference document for `format` (docx or odt) with the A4 page and
    /// `header`, as bytes.
    /// - Throws: `Failure` (69 without pandoc, 74 when pandoc's default cannot be read).
    static func a4Reference(_ format: Format, header: DocumentWords.PageHeader) throws -> [UInt8] {
        let base = try runPandoc(["--print-default-data-file", "reference.\(format.rawValue)"], input: [], inputName: nil)
        var archive: ZipArchive
        do { archive = try ZipArchive(base) } catch {
            throw Failure(.io, Phrase(lv: "pandoc noklusējuma reference.\(format.rawValue) nav nolasāms ZIP fails",
                                      en: "pandoc's default reference.\(format.rawValue) is not a ZIP file sargs can read"))
        }
        switch format {
        case .docx:
            archive.put("word/document.xml", Array(docxDocument.utf8))
            archive.put("word/_rels/document.xml.rels", Array(docxRelationships(archive).utf8))
            archive.put("[Content_Types].xml", Array(docxContentTypes(archive).utf8))
            archive.put("word/header1.xml", Array(docxHeader(header).utf8))
            archive.put("word/footer1.xml", Array(docxFooter.utf8))
        case .odt:
            let styles = try runPandoc(["--print-default-data-file", "odt/styles.xml"], input: [], inputName: nil)
            archive.put("styles.xml", Array(odtStyles(String(decoding: styles, as: UTF8.self), header: header).utf8))
        case .pdf:
            break
        }
        return archive.bytes
    }

    /// Text for XML character data and attribute values: `SafeText.markup`.
    static func xmlEscaped(_ text: String) -> String { SafeText.markup(text) }

    static let wordNamespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// The reference's body: nothing but the section properties pandoc copies (page size, margins, header, footer).
    static var docxDocument: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document \(wordNamespaces)><w:body><w:p/><w:sectPr>\
        <w:headerReference w:type="default" r:id="rIdSargsHeader"/><w:footerReference w:type="default" r:id="rIdSargsFooter"/>\
        <w:pgSz w:w="\(Page.widthTwips)" w:h="\(Page.heightTwips)"/>\
        <w:pgMar w:top="\(Page.twips(Page.topMM))" w:right="\(Page.twips(Page.rightMM))" w:bottom="\(Page.twips(Page.bottomMM))" \
        w:left="\(Page.twips(Page.leftMM))" w:header="567" w:footer="567" w:gutter="0"/>\
        <w:cols w:space="720"/></w:sectPr></w:body></w:document>
        """
    }

    /// The parts pandoc's default reference holds and how the main document refers to each.
    static let docxParts: [(path: String, type: String, content: String)] = [
        ("numbering.xml", "numbering", "wordprocessingml.numbering+xml"),
        ("styles.xml", "styles", "wordprocessingml.styles+xml"),
        ("settings.xml", "settings", "wordprocessingml.settings+xml"),
        ("webSettings.xml", "webSettings", "wordprocessingml.webSettings+xml"),
        ("fontTable.xml", "fontTable", "wordprocessingml.fontTable+xml"),
        ("theme/theme1.xml", "theme", "theme+xml"),
        ("footnotes.xml", "footnotes", "wordprocessingml.footnotes+xml"),
        ("comments.xml", "comments", "wordprocessingml.comments+xml"),
    ]

    static func docxRelationships(_ archive: ZipArchive) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
        for (i, part) in docxParts.enumerated() where archive.member("word/" + part.path) != nil {
            out += #"<Relationship Id="rId\#(i + 1)" Type="\#(base)\#(part.type)" Target="\#(part.path)"/>"#
        }
        out += #"<Relationship Id="rIdSargsHeader" Type="\#(base)header" Target="header1.xml"/>"#
        out += #"<Relationship Id="rIdSargsFooter" Type="\#(base)footer" Target="footer1.xml"/>"#
        return out + "</Relationships>"
    }

    static func docxContentTypes(_ archive: ZipArchive) -> String {
        let office = "application/vnd.openxmlformats-officedocument."
        var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        out += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        out += #"<Default Extension="xml" ContentType="application/xml"/>"#
        out += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        out += #"<Override PartName="/word/document.xml" ContentType="\#(office)wordprocessingml.document.main+xml"/>"#
        for part in docxParts where archive.member("word/" + part.path) != nil {
            out += #"<Override PartName="/word/\#(part.path)" ContentType="\#(office)\#(part.content)"/>"#
        }
        for (path, content) in [("docProps/app.xml", office + "extended-properties+xml"),
                                ("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                                ("docProps/custom.xml", office + "custom-properties+xml")] where archive.member(path) != nil {
            out += #"<Override PartName="/\#(path)" ContentType="\#(content)"/>"#
        }
        out += #"<Override PartName="/word/header1.xml" ContentType="\#(office)wordprocessingml.header+xml"/>"#
        out += #"<Override PartName="/word/footer1.xml" ContentType="\#(office)wordprocessingml.footer+xml"/>"#
        return out + "</Types>"
    }

    /// Small grey text, a rule under it: the municipality at the left margin, the document at the right.
    static func docxHeader(_ header: DocumentWords.PageHeader) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:hdr \(wordNamespaces)><w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="4" w:color="999999"/></w:pBdr>\
        <w:tabs><w:tab w:val="right" w:pos="\(Page.textWidthTwips)"/></w:tabs><w:spacing w:after="0"/></w:pPr>\
        <w:r><w:rPr><w:color w:val="444444"/><w:sz w:val="17"/></w:rPr><w:t xml:space="preserve">\(xmlEscaped(header.left))</w:t></w:r>\
        <w:r><w:rPr><w:color w:val="444444"/><w:sz w:val="17"/></w:rPr><w:tab/><w:t xml:space="preserve">\(xmlEscaped(header.right))</w:t></w:r>\
        </w:p></w:hdr>
        """
    }

    /// "page / pages", centred: Word's PAGE and NUMPAGES fields.
    static var docxFooter: String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:ftr \(wordNamespaces)><w:p><w:pPr><w:jc w:val="center"/><w:spacing w:after="0"/></w:pPr>\
        <w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>\
        <w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve"> / </w:t></w:r>\
        <w:fldSimple w:instr=" NUMPAGES "><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>
        """
    }

    /// pandoc's default `styles.xml` for ODT with an A4 page layout, the
    /// margins, a header paragraph (municipality, a right tab, the document)
    /// and "page / pages" in the footer.
    static func odtStyles(_ styles: String, header: DocumentWords.PageHeader) -> String {
        var s = styles
        let cm = { (mm: Int) in "\(Double(mm) / 10)cm" }
        for (attribute, value) in [("fo:page-width", cm(Page.widthMM)), ("fo:page-height", cm(Page.heightMM)),
                                   ("fo:margin-top", cm(Page.topMM - 8)), ("fo:margin-bottom", cm(Page.bottomMM - 8)),
                                   ("fo:margin-left", cm(Page.leftMM)), ("fo:margin-right", cm(Page.rightMM))] {
            // Only inside the page layout: the paragraph styles have margins of their own.
            guard let layout = s.range(of: "<style:page-layout-properties"),
                  let end = s[layout.upperBound...].range(of: ">") else { break }
            let tag = String(s[layout.lowerBound..<end.upperBound])
            let patched = tag.replacing(try! Regex(attribute + #"="[^"]*""#), with: "\(attribute)=\"\(value)\"")
            s.replaceSubrange(layout.lowerBound..<end.upperBound, with: patched)
        }
        let band = #"<style:header-footer-properties fo:min-height="0.6cm" fo:margin-left="0cm" fo:margin-right="0cm" "#
        s = s.replacing(try! Regex(#"<style:header-style\s*/>"#),
                        with: "<style:header-style>" + band + #"fo:margin-bottom="0.3cm" fo:border-bottom="0.5pt solid #999999" fo:padding-bottom="0.1cm" style:dynamic-spacing="false"/></style:header-style>"#)
        let headerStyle = """
            <style:style style:name="MPSargsHeader" style:family="paragraph" style:parent-style-name="Header">\
            <style:paragraph-properties><style:tab-stops><style:tab-stop style:position="\(cm(Page.widthMM - Page.leftMM - Page.rightMM))" style:type="right"/>\
            </style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="8.5pt" fo:color="#444444"/></style:style>
            """
        s = s.replacing("</office:automatic-styles>", with: headerStyle + "</office:automatic-styles>")
        let headerText = #"<style:header><text:p text:style-name="MPSargsHeader">"# + xmlEscaped(header.left)
            + "<text:tab/>" + xmlEscaped(header.right) + "</text:p></style:header>"
        if let master = s.range(of: "<style:master-page "), let footer = s[master.upperBound...].range(of: "<style:footer>") {
            s.replaceSubrange(footer.lowerBound..<footer.lowerBound, with: headerText)
        }
        s = s.replacing(try! Regex(#"<text:page-number text:select-page="current">\s*1</text:page-number>"#),
                        with: #"<text:page-number text:select-page="current">1</text:page-number> / <text:page-count>1</text:page-count>"#)
        return s
    }

    // MARK: PDF

    /// `weasyprint` on `PATH`, or nil.
    static func weasyprint(environment: [String: String] = Environment.variables) -> String? {
        for dir in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/weasyprint"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static let missingWeasyprint = Failure(.unavailable, Phrase(
        lv: "PDF dokumentus veido weasyprint, bet tas nav uzstādīts; uzstādiet to: sudo apt-get install weasyprint",
        en: "PDF documents are made by weasyprint, which is not installed; install it: sudo apt-get install weasyprint"))

    /// The bytes of `markdown` as a PDF: pandoc's HTML in the print page, printed by weasyprint.
    /// - Throws: `Failure`: 69 without pandoc or weasyprint, 74 when either fails or passes a limit.
    static func pdf(_ markdown: String, language: Language, header: DocumentWords.PageHeader) throws -> [UInt8] {
        guard let weasyprint = weasyprint() else { throw missingWeasyprint }
        let fragment = try runPandoc(["-f", reader, "-t", "html5", "--wrap=none", "-o", "-"], input: Array(markdown.utf8), inputName: nil)
        let body = String(decoding: fragment, as: UTF8.self)
        if let reference = fetchedReference(body) {
            throw Failure(.io, Phrase(
                lv: "PDF netika veidots: dokumentā būtu jāielādē \(SafeText.line(reference)), ko sargs neielādē; nekas netika ierakstīts",
                en: "no PDF was made: the document would load \(SafeText.line(reference)), which sargs never loads; nothing was written"))
        }
        let page = html(body, language: language, header: header)
        let child = ChildProcess(weasyprint, ["--encoding", "utf-8", "-", "-"], limits: limits)
        let result: ChildProcess.Result
        do {
            result = try child.run(input: Array(page.utf8))
        } catch {
            throw Failure(.unavailable, Phrase(lv: "weasyprint neizdevās palaist: \(error.localizedDescription)",
                                               en: "weasyprint could not be started: \(error.localizedDescription)"))
        }
        switch result.ending {
        case .exited(0) where result.output.starts(with: Array("%PDF-".utf8)):
            return result.output
        case .timedOut:
            throw Failure(.io, Phrase(
                lv: "PDF veidošana pārsniedza \(limits.seconds) s laika robežu (SARGS_PANDOC_TIMEOUT); weasyprint apturēts, nekas netika ierakstīts",
                en: "making the PDF passed the time limit of \(limits.seconds) s (SARGS_PANDOC_TIMEOUT); weasyprint was stopped and nothing was written"))
        case .outputTooLarge:
            throw Failure(.io, Phrase(
                lv: "weasyprint izvade pārsniedza \(limits.output >> 20) MB robežu; weasyprint apturēts, nekas netika ierakstīts",
                en: "weasyprint's output passed the limit of \(limits.output >> 20) MB; it was stopped and nothing was written"))
        case .signalled:
            throw Failure(.io, Phrase(
                lv: "weasyprint apturēts (vai tam pietrūka atmiņas robežā \(Document.limits.memory.map { "\($0 >> 20) MB" } ?? "")); nekas netika ierakstīts",
                en: "weasyprint was stopped (or ran out of its memory limit of \(Document.limits.memory.map { "\($0 >> 20) MB" } ?? "")); nothing was written"))
        case .exited(let status):
            let first = SafeText.line(result.firstErrorLine)
            throw Failure(.io, Phrase(lv: "weasyprint neizveidoja PDF (\(status)): \(first)",
                                      en: "weasyprint did not make the PDF (\(status)): \(first)"))
        }
    }

    /// The first thing in `html` that a browser or weasyprint would load,
    /// or nil: a tag that loads (`img`, `link`, `style`, `object`, `embed`,
    /// `iframe`, `svg`, `base`, `video`, `audio`, `source`, `input`,
    /// `script`), an attribute that names something to load (`src`,
    /// `srcset`, `data`, `poster`, `background`, an `href` that is not a
    /// `#` in the same page), or `url(` or `@import` inside a tag. Only tags
    /// are looked at: pandoc writes a `<` of the text as `&lt;`. pandoc makes
    /// none of these from sargs' escaped Markdown; this says so before
    /// weasyprint runs, whatever the data.
    static func fetchedReference(_ html: String) -> String? {
        let loading: Set<Substring> = ["img", "image", "link", "style", "object", "embed", "iframe", "svg", "base", "video",
                                       "audio", "source", "input", "script", "frame", "track", "picture", "math"]
        var rest = html.lowercased()[...]
        while let open = rest.firstIndex(of: "<") {
            let tagEnd = rest[open...].firstIndex(of: ">") ?? rest.endIndex
            let tag = rest[rest.index(after: open)..<tagEnd]
            rest = tagEnd < rest.endIndex ? rest[rest.index(after: tagEnd)...] : ""
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }
            if loading.contains(name) { return "<\(name)>" }
            if tag.contains("url(") || tag.contains("@import") { return "url(" }
            for attribute in ["src", "srcset", "data", "poster", "background", "href", "xlink:href"] {
                var search = tag
                while let found = search.range(of: attribute + "=") {
                    let before = search[..<found.lowerBound].last
                    search = search[found.upperBound...]
                    guard before == nil || before == " " || before == "\t" || before == "\n" else { continue }
                    let value = search.drop { $0 == "\"" || $0 == "'" }
                    if attribute.hasSuffix("href"), value.hasPrefix("#") { continue }
                    return attribute + "=" + String(value.prefix(60).prefix { $0 != "\"" && $0 != "'" && $0 != ">" })
                }
            }
        }
        return nil
    }

    /// `text` as a CSS string's contents: letters, digits, spaces and plain punctuation as they are, anything else escaped.
    static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in SafeText.line(text).unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || " .,-–—:/№".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "\\" + String(scalar.value, radix: 16) + " "
            }
        }
        return out
    }

    /// The HTML page weasyprint prints: `body` (pandoc's fragment) under the print stylesheet.
    static func html(_ body: String, language: Language, header: DocumentWords.PageHeader) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .lv ? "lv" : "en")">
        <head>
        <meta charset="utf-8">
        <title>\(xmlEscaped(header.right))</title>
        <style>
        \(printStylesheet(header))
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>
        """
    }

    /// The print stylesheet: A4 with the office's margins, the running header, "page / pages" at
    /// the foot, table headers repeated on each page, no word broken.
    static func printStylesheet(_ header: DocumentWords.PageHeader) -> String {
        """
        @page {
          size: A4;
          margin: \(Page.topMM + 4)mm \(Page.rightMM)mm \(Page.bottomMM)mm \(Page.leftMM)mm;
          @top-left { content: "\(cssString(header.left))"; width: 50%; font: 8.5pt "DejaVu Sans", sans-serif; color: #444;
                      vertical-align: bottom; padding-bottom: 2mm; border-bottom: 0.5pt solid #999; }
          @top-right { content: "\(cssString(header.right))"; width: 50%; text-align: right; font: 8.5pt "DejaVu Sans", sans-serif; color: #444;
                       vertical-align: bottom; padding-bottom: 2mm; border-bottom: 0.5pt solid #999; }
          @bottom-center { content: counter(page) " / " counter(pages); font: 9pt "DejaVu Sans", sans-serif; color: #444; }
        }
        html { font-family: "Liberation Serif", "DejaVu Serif", serif; font-size: 10.5pt; line-height: 1.3; }
        body { margin: 0; hyphens: manual; overflow-wrap: break-word; word-break: normal; }
        h1 { font-size: 15pt; margin: 0 0 6pt; line-height: 1.2; }
        h2 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
        h3 { font-size: 11pt; margin: 10pt 0 3pt; break-after: avoid; }
        p { margin: 0 0 5pt; orphans: 2; widows: 2; }
        ul, ol { margin: 0 0 6pt; padding-left: 7mm; }
        li { margin: 0 0 3pt; }
        li > ul, li > ol { margin: 2pt 0 0; }
        li p { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 0 0 8pt; font-size: 9.5pt; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        th, td { border: 0.5pt solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; }
        th { background: #eee; }
        .signatures { margin-top: 24pt; break-inside: avoid; }
        .signatures p { margin: 0 0 22pt; }
        """
    }
}

/// A private folder (mode 0700, `mkdtemp` in `TMPDIR` or `/tmp`) for a
/// file pandoc must read by name (the A4 reference document), removed
/// with what is in it when the work is done, whether or not it succeeded.
enum TemporaryFolder {
    /// Runs `work` with the folder's path, then removes the folder.
    /// - Throws: `Failure` (74) when no folder can be made; what `work` throws.
    static func with<T>(_ work: (String) throws -> T) throws -> T {
        let base = Environment.variables["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/sargs-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw Failure(.io, Phrase(lv: "pagaidu mapi \(SafeText.line(base)) nevarēja izveidot: \(SystemError.phrase(errno).lv)",
                                      en: "no temporary folder could be made in \(SafeText.line(base)): \(SystemError.phrase(errno).en)"))
        }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return try work(folder)
    }

    /// Writes `bytes` to a new file `path` (mode 0600; never over a file or a link).
    /// - Throws: `Failure` (74).
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw Failure(.io, Phrase(lv: "\(SafeText.line(path)) nevarēja izveidot: \(SystemError.phrase(errno).lv)",
                                      en: "\(SafeText.line(path)) could not be made: \(SystemError.phrase(errno).en)"))
        }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                throw Failure(.io, Phrase(lv: "\(SafeText.line(path)) nevarēja ierakstīt: \(SystemError.phrase(errno).lv)",
                                          en: "\(SafeText.line(path)) could not be written: \(SystemError.phrase(errno).en)"))
            }
            written += n
        }
    }
}
