import GRDB
import SargsCore
import GRDBSQLite

// Reading the big tables. A board over 10,000 activities and 500,000 records
// starts from one snapshot, so these rows are read straight from SQLite's
// statement (GRDB's own statement, stepped here) rather than through a
// `Row` per line, which costs several times more. (GRDBSQLite, the SQLite
// GRDB builds, is a dependency of this target, so its C API is always here.)

/// The current row of a stepped statement.
struct RawRow {
    let statement: OpaquePointer

    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(statement, column) }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func optionalInt(_ column: Int32) -> Int? { isNull(column) ? nil : Int(int64(column)) }

    /// The column's UTF-8 bytes; nil for NULL.
    func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8>? {
        guard let pointer = sqlite3_column_text(statement, column) else { return nil }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column)))
    }

    func text(_ column: Int32) -> String {
        bytes(column).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    func optionalText(_ column: Int32) -> String? {
        bytes(column).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The column's bytes as a blob; nil for NULL.
    func blob(_ column: Int32) -> UnsafeRawBufferPointer? {
        let pointer = sqlite3_column_blob(statement, column)  // before _bytes, as SQLite asks
        let count = Int(sqlite3_column_bytes(statement, column))
        if pointer == nil { return isNull(column) ? nil : UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: pointer, count: count)
    }

    func day(_ column: Int32) -> Day? {
        bytes(column).flatMap(Day.init(utf8:))
    }
}

/// Steps `statement` (with `arguments`) and calls `body` on every row.
func eachRow(_ db: Database, _ statement: Statement, arguments: StatementArguments = [],
             _ body: (RawRow) throws -> Void) throws {
    try statement.setArguments(arguments)
    let raw = statement.sqliteStatement
    defer { sqlite3_reset(raw) }
    while true {
        let code = sqlite3_step(raw)
        if code == SQLITE_DONE { return }
        guard code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        try body(RawRow(statement: raw))
    }
}
