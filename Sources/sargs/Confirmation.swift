import Foundation
import SargsCore
#if canImport(Glibc)
import Glibc
#endif

/// A question a command asks before it takes something away (`restore`
/// over later changes, `undo` from the command line), as the board asks
/// its own: what it will do is named first, the answer is a word of its
/// own (`j`/`jā` or `y`/`yes`), anything else keeps everything. Without a
/// terminal to ask on, the command is refused and told to say `--yes`.
enum Confirmation {
    /// Whether the person agrees to `question`; `yes` (from `--yes`) agrees
    /// without asking.
    /// - Throws: `Failure(.usage)` when standard input is not a terminal and
    ///   `yes` was not given: nothing is done.
    static func ask(_ question: Phrase, language: Language, yes: Bool) throws -> Bool {
        if yes { return true }
        guard isatty(0) == 1 else {
            // After "sargs: error:" the line goes on as a clause, as every refusal does.
            func clause(_ text: String) -> String { text.prefix(1).lowercased() + text.dropFirst() }
            throw Failure(.usage, Phrase(lv: clause(question.lv) + " Te nav termināļa, kur atbildēt: lai turpinātu, pievienojiet --yes; nekas netika mainīts",
                                         en: clause(question.en) + " There is no terminal to answer on: add --yes to go on; nothing was changed"))
        }
        let prompt = language == .lv ? "\(question.lv) Turpināt? [j/N] " : "\(question.en) Go on? [y/N] "
        FileHandle.standardError.write(Data(SafeText.clean(prompt, keeping: [.lines]).utf8))
        guard let answer = readLine(strippingNewline: true)?.trimmingBlanks.lowercased() else { return false }
        return ["j", "jā", "ja", "y", "yes"].contains(answer)
    }
}
