import Foundation
import SargsCore
@testable import SargsStore
import Testing

/// The store's refusals name the field as the interface does, in the run's
/// language (issue 25): no English field name inside a Latvian sentence.
@Suite("The store's refusals in the interface's words")
struct StoreWordsTests {
    let scratch = Scratch()

    @Test("each guarded field is named in Latvian and in English")
    func fieldsInBothLanguages() throws {
        let store = try scratch.store()
        let now = SamplePlan.now.plus(60), code = "par 010203-12345"
        func refusal(_ body: () throws -> Void) -> Phrase? {
            do { try body(); return nil } catch let error as StoreError { return error.phrase } catch { return nil }
        }
        let cases: [(Phrase?, String, String)] = [
            (refusal { _ = try store.addMeeting(Meeting(date: SamplePlan.day("2025-06-10"), topic: code), author: "ieva", now: now) },
             "Sēdes tēma satur personas kodu", "The meeting's topic contains a personal code"),
            (refusal { _ = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-03-10"), note: code, author: "ieva"), now: now) },
             "Izpildes piezīme satur personas kodu", "The record's note contains a personal code"),
            (refusal { _ = try store.addRecord(Record(activity: "2.1", date: SamplePlan.day("2025-03-10"), count: 0, author: "ieva"), now: now) },
             "Izpildes skaitam jābūt veselam skaitlim", "The record's count must be a whole number"),
            (refusal { try store.setStatus("2.1", to: .blocked, note: code, author: "ieva", now: now) },
             "Statusa piezīme satur personas kodu", "The status note contains a personal code"),
            (refusal { _ = try store.addDecision(Decision(meeting: 1, text: code, owner: "SD", due: SamplePlan.day("2025-07-01")),
                                                 author: "ieva", now: now) },
             "Lēmuma teksts satur personas kodu", "The decision's text contains a personal code"),
        ]
        for (phrase, lv, en) in cases {
            #expect(phrase?.lv.hasPrefix(lv) == true, "\(String(describing: phrase?.lv))")
            #expect(phrase?.en.hasPrefix(en) == true, "\(String(describing: phrase?.en))")
        }
    }
}
