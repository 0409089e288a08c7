import Foundation
import Testing
import TestSupport

/// `meeting hold --started 23:30 --ended 00:30` (issue 27): a sitting that
/// ends after midnight is recorded, and its minutes say so; an end at the
/// start's minute is refused (65) and nothing is written.
@Suite("A meeting that ends after midnight, end to end")
struct MeetingTimeEndToEndTests {
    @Test("held from 23:30 to 00:30; shown so in both languages; 14:00–14:00 refused")
    func afterMidnight() {
        let s = SargsProcess.madona(today: "2025-09-10")
        #expect(s.run(["meeting", "new", "--date", "2025-09-10"]).stdout == "1\n")
        let same = s.run(["meeting", "hold", "1", "--started", "14:00", "--ended", "14:00", "--attendees", "SD"], environment: ["SARGS_LANG": "lv"])
        #expect(same.status == 65, "\(same.stderr)")
        #expect(same.stderr.contains("beigu laiks 14:00 sakrīt ar sākuma laiku"), "\(same.stderr)")
        #expect(!s.run(["log"]).stdout.contains("held"), "nothing written")
        let held = s.run(["meeting", "hold", "1", "--started", "23:30", "--ended", "00:30", "--attendees", "SD"])
        #expect(held.status == 0, "\(held.stderr)")
        #expect(s.run(["meeting", "show", "1", "--format", "markdown"], environment: ["SARGS_LANG": "lv"]).stdout
                    .contains("- **Laiks:** 23:30–00:30 (nākamajā dienā)"))
        #expect(s.run(["meeting", "show", "1", "--format", "markdown"]).stdout.contains("- **Time:** 23:30–00:30 (the next day)"))
    }
}
