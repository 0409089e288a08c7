import Foundation
import SargsCore

/// Standard output, where every command writes: the last gate of SPEC §6's
/// "every writer escapes": whatever a writer built, no control character
/// but line feed and tab, no C1 control and no bidirectional control
/// reaches the terminal (`SafeText`, a single scan when there is nothing to
/// replace).
enum Output {
    static func print(_ text: String, terminator: String = "\n", keeping: SafeText.Keeping = [.lines, .tabs]) {
        Swift.print(SafeText.clean(text, keeping: keeping), terminator: terminator)
    }

    static func print(_ number: Int64) {
        Swift.print(number)
    }
}
