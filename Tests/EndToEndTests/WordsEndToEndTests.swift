import Foundation
import SargsCore
import Testing
import TestSupport

/// Issue 24, "Words": one language per run, in every line sargs writes.
@Suite("Words: one language per run")
struct WordsEndToEndTests {
    @Test("report --format csv has its headers and words in the run's language")
    func reportCSV() {
        let s = SargsProcess.madona(today: "2025-11-01")
        let lv = s.run(["report", "--year", "2025", "--format", "csv", "--lang", "lv"])
        #expect(lv.status == 0, "\(lv.stderr)")
        let rows = lv.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "gads,mērķis,līmenis,aktivitāte,nosaukums,atbildīgie,grafiks,stāvoklis,nokavētās dienas,bloķēta,"
            + "beigušies logi,izpildīti logi,nokavēti logi,atbrīvoti logi,progress,plānotais skaits,mērvienība,ieraksti", "\(rows.first ?? "")")
        // No English word of the header or the machine names in a Latvian CSV.
        for english in ["year", "goal", "primary", "once", "every", "ongoing", "overdue", "on-track", "false", "true", "as-needed"] {
            #expect(!rows.contains { $0.split(separator: ",").contains(Substring(english)) }, "\(english) in the Latvian CSV")
        }
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("2025,") })
        #expect(rows.contains { $0.contains(",Primārā prevencija,") && $0.contains(",nē,") })
        let en = s.run(["report", "--year", "2025", "--format", "csv", "--lang", "en"])
        #expect(en.stdout.hasPrefix("year,goal,level,activity,title,owners,schedule,state,days_overdue,blocked,"), "\(en.stdout.prefix(200))")
        #expect(!en.stdout.split(separator: "\n")[0].contains("gads"))
    }
}
