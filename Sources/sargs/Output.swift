import Foundation
import SargsCore
#if canImport(Glibc)
import Glibc
#endif

/// Standard output, where every command writes: the last gate of SPEC §6's
/// "every writer escapes": whatever a writer built, no control character
/// but line feed and tab, no C1 control and no bidirectional control
/// reaches the terminal (`SafeText`, a single scan when there is nothing to
/// replace). A write that fails (a full disk, a closed pipe or output) ends
/// the command with exit 74 and says so: a report is never empty "with
/// success".
enum Output {
    static func print(_ text: String, terminator: String = "\n", keeping: SafeText.Keeping = [.lines, .tabs]) {
        write(Array((SafeText.clean(text, keeping: keeping) + terminator).utf8))
    }

    static func print(_ number: Int64) {
        write(Array("\(number)\n".utf8))
    }

    /// Writes bytes already made safe (the agenda's JSON) to standard output, whole.
    static func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let reason = String(cString: strerror(errno))
                let language = CommandLineRunner.languageHint(Array(CommandLine.arguments.dropFirst()))
                CommandLineRunner.fail(Phrase(lv: "izvadi nevar ierakstīt: \(reason)", en: "the output cannot be written: \(reason)")
                    .text(language), code: Failure.Code.io.rawValue)
            }
            offset += n
        }
    }
}
