import Foundation
import SargsCore
@testable import SargsStore
import Testing

/// A small plan with every schedule form and bound precision, reference
/// lists with Latvian letters, and texts that need escaping. No one's name.
enum SamplePlan {
    static func day(_ text: String) -> Day { Day(text)! }
    static func bound(_ text: String) -> DateBound { DateBound(text)! }

    static let plan = Plan(
        id: "parauga-2025-2027",
        title: "Parauga novada bērnu tiesību aizsardzības plāns",
        en: "Sample municipality child protection plan",
        municipality: "Parauga novads",
        language: "lv",
        period: DayRange(day("2025-01-01"), day("2027-12-31")),
        institutions: [Institution(code: "NVO", name: "Nevalstiskā organizācija", en: "NGO"),
                       Institution(code: "SD", name: "Sociālais dienests (novada)")],
        funding: [Funding(code: "FM", name: "Fondu mērķprogramma")],
        glossary: [GlossaryEntry(abbreviation: "KSU", text: "Klasē sevi uzvesties", en: "Classroom conduct"),
                   GlossaryEntry(abbreviation: "PII", text: "Pirmsskolas izglītības iestāde")],
        goals: [
            Goal(number: 1, level: .primary, title: "Sabiedrības informēšana", en: "Informing the public",
                 results: [ExpectedResult(id: "1a", text: "Vecāki zina, kur vērsties", en: "Parents know where to turn"),
                           ExpectedResult(id: "1b", text: "Skolās ir informatīvi materiāli")]),
            Goal(number: 2, level: .secondary, title: "Agrīna atbalsta sniegšana",
                 results: [ExpectedResult(id: "2a", text: "Pedagogi atpazīst riskus")]),
            Goal(number: 3, level: .tertiary, title: "Palīdzība pēc notikuma", results: []),
        ],
        activities: [
            Activity(id: "1.1", goal: 1, title: "Informatīva kampaņa \"Drošs bērns\" \\ 2025",
                     en: "Information campaign", links: ["2.1"], period: "2025. g. februāris – marts",
                     schedule: .once(from: bound("2025-02"), to: bound("2025-03")),
                     owners: ["SG", "IN"], funding: ["PB"], target: Target(count: 30, unit: "pedagogi")),
            Activity(id: "1.2", goal: 1, title: "Bukleti PII", period: "2025.g.",
                     schedule: .once(from: nil, to: bound("2025")), owners: ["IN"], funding: []),
            Activity(id: "2.1", goal: 2, title: "Starpinstitūciju sanāksmes", period: "Visu periodu reizi ceturksnī",
                     schedule: .every(.quarter, from: nil, to: nil), owners: ["SG"], funding: ["PB", "VB"]),
            Activity(id: "2.2", goal: 2, title: "Reidi izklaides vietās", period: "Reizi nedēļā",
                     schedule: .every(.week, from: bound("2025-03-03"), to: bound("2026-06-30")),
                     owners: ["VP", "PP"], funding: ["PB"], status: .active),
            Activity(id: "2.3", goal: 2, title: "Atbalsta grupas vecākiem", period: "Reizi pusgadā",
                     schedule: .every(.halfYear, from: bound("2025"), to: bound("2027-06")),
                     owners: ["SD"], funding: ["ESF"], target: Target(count: 50, unit: "vecāki")),
            Activity(id: "3.1", goal: 3, title: "Psihologa konsultācijas", period: "Regulāri visa perioda laikā",
                     schedule: .ongoing(report: .quarter, from: nil, to: nil), owners: ["SD", "NVO"], funding: ["PB"]),
            Activity(id: "3.2", goal: 3, title: "Krīzes palīdzība", period: "pēc nepieciešamības",
                     schedule: .asNeeded, owners: ["SD", "BT"], funding: ["PB"]),
            Activity(id: "3.3", goal: 3, title: "Uzvedības korekcijas programma", en: "Behaviour programme",
                     links: ["3.1", "2.3"], period: "2025.–2026.g.",
                     schedule: .ongoing(report: .month, from: bound("2025-09-15"), to: bound("2026-12")),
                     owners: ["VPD"], funding: ["VB", "FM"], status: .blocked,
                     statusNote: "Gaida finansējumu;\nrindā otrais"),
        ],
        indicators: [
            Indicator(id: "cases", title: "Reģistrētie gadījumi", en: "Registered cases", source: "Bāriņtiesa",
                      year: nil, unit: "gadījumi",
                      values: [.init(label: "2022", value: 41), .init(label: "2023", value: 37.5, en: "2023")]),
            Indicator(id: "survey", title: "Aptauja", source: "Skolas", year: "2024", unit: "%",
                      values: [.init(label: "jūtas droši", value: 0.1 + 0.2)]),
        ])

    static let now = Date(timeIntervalSince1970: 1_740_000_000.123)
}

/// A fresh directory for one test, removed when the test ends.
final class Scratch {
    let directory: String

    init() {
        directory = NSTemporaryDirectory() + "sargs-store-test-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    var storePath: String { directory + "/plan.sqlite" }

    func store(_ plan: Plan = SamplePlan.plan, author: String = "ieva") throws -> Store {
        try Store.create(at: storePath, plan: plan, force: false, author: author, now: SamplePlan.now)
    }
}

/// Everything a change could touch, to check that a refusal wrote nothing.
struct Everything: Equatable {
    var snapshot: Snapshot
    /// The whole records (the snapshot holds their index).
    var records: [Record]
    var journal: [JournalEntry]

    init(_ store: Store) throws {
        snapshot = try store.snapshot()
        records = try store.records()
        journal = try store.journal(subject: nil, author: nil, limit: nil)
    }
}

/// Expects `body` to throw exactly `expected`, and the store to be as it was.
func expectRefused(_ store: Store, _ expected: StoreError, sourceLocation: SourceLocation = #_sourceLocation,
                   _ body: () throws -> Void) throws {
    let before = try Everything(store)
    #expect(throws: expected, sourceLocation: sourceLocation) { try body() }
    #expect(try Everything(store) == before, "a refused change wrote something", sourceLocation: sourceLocation)
}

/// Expects `body` to be refused with `.invalid` mentioning a personal code,
/// and nothing written.
func expectPersonalCodeRefused(_ store: Store, sourceLocation: SourceLocation = #_sourceLocation,
                               _ body: () throws -> Void) throws {
    let before = try Everything(store)
    do {
        try body()
        Issue.record("a text with a personal code was saved", sourceLocation: sourceLocation)
    } catch let StoreError.invalid(message) {
        #expect(message.en.contains("personal code") && message.lv.contains("personas kodu"), sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
    #expect(try Everything(store) == before, "a refused change wrote something", sourceLocation: sourceLocation)
}

func fileMode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}

extension Date {
    func plus(_ seconds: TimeInterval) -> Date { addingTimeInterval(seconds) }
}

extension Store {
    /// Holds a meeting with only its attendees, as of a day after every test date.
    func holdMeeting(_ id: Int64, attendees: [String], author: String, now: Date) throws {
        try holdMeeting(id, details: Meeting.Details(attendees: attendees), today: Day(year: 2099, month: 1, day: 1)!,
                        author: author, now: now)
    }
}
