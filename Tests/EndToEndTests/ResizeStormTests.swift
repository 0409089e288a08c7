import Foundation
import Testing
import SargsBoard
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real board in tmux through a storm of resizes, tiny sizes included:
/// afterwards the screen is whole at 100×30, the program alive, and `q` ends it.
@Suite("Resize storm", .serialized)
struct ResizeStormTests {
    static let resizes = 100

    @Test func theBoardSurvivesAStormOfResizes() {
        let s = SargsProcess.madona(today: "2025-07-01")
        var env = s.environment
        env["SARGS_LANG"] = "lv"
        let t = TmuxSession(width: 100, height: 30, command: SargsProcess.binary, environment: env)
        #expect(t.wait(for: "Enter atvērt").ok, "the board starts: \(t.screen)")

        var random = SyntheticPlan.Random(seed: 0x5707)
        let tiny = [(1, 1), (2, 1), (1, 3), (5, 2), (10, 4), (39, 11), (40, 12), (20, 50), (250, 3)]
        var sizes: Set<[Int]> = []
        let started = Date()
        for i in 0..<Self.resizes {
            let (w, h) = i % 7 == 0 ? tiny[(i / 7) % tiny.count] : (random.int(1...250), random.int(1...80))
            sizes.insert([w, h])
            t.resize(width: w, height: h)
            switch random.int(0...9) {
            case 0: t.press(.down)
            case 1: t.press(.right)
            case 2, 3: Thread.sleep(forTimeInterval: 0.02) // let a frame be drawn at this size
            default: break // the next resize at once
            }
            if i % 25 == 24 {
                #expect(!t.paneDead, "the board ended during the storm at \(w)×\(h)")
            }
        }
        t.resize(width: 100, height: 30)
        let whole = t.wait(seconds: 10) { screen in
            let lines = Array(screen.components(separatedBy: "\n").prefix(30))
            return lines.count == 30 && lines[0].hasPrefix(" sargs") && lines[29].contains("Enter atvērt")
                && !screen.contains("par mazu")
        }
        let seconds = Date().timeIntervalSince(started)
        let smallest = sizes.min { $0[0] * $0[1] < $1[0] * $1[1] } ?? [0, 0]
        print("resize storm: \(Self.resizes) resizes at \(sizes.count) sizes (smallest \(smallest[0])×\(smallest[1])), then 100×30, \(String(format: "%.1f", seconds)) s")
        #expect(whole.ok, "header on line 1 and the key bar on line 30 after the storm:\n\(whole.screen)")
        let lines = whole.screen.components(separatedBy: "\n")
        #expect(lines.allSatisfy { $0.count <= 100 }, "no line wider than the screen")
        #expect(!t.paneDead, "the board is still running")
        if let pid = t.panePID { #expect(kill(pid, 0) == 0, "process \(pid) is alive") }

        // Still answering keys, and q ends it.
        t.press(.down)
        #expect(t.wait(for: "Enter atvērt").ok)
        t.press(.quit)
        let deadline = Date().addingTimeInterval(5)
        while !t.paneDead && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(t.paneDead, "q ends the board")
    }
}
