import Foundation

/// A JSON document whose object keys keep the order they were written in,
/// so that every JSON the program prints reads like the shapes in SPEC.md.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// `nil` becomes `null`.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    public static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// The JSON text, on one line or indented by two spaces per level; written
    /// byte by byte, since an agenda of 10,000 activities must print in milliseconds.
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// The UTF-8 bytes of `serialized(pretty:)`, for writing straight out.
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 12)
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    private func write(into out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d):
            out.append(contentsOf: (d.rounded() == d && abs(d) < 1e15 ? String(Int(d)) : String(d)).utf8)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); if !pretty { out.append(UInt8(ascii: " ")) } }
                if pretty { JSONValue.newline(&out, indent + 1) }
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(&out, indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")); if !pretty { out.append(UInt8(ascii: " ")) } }
                if pretty { JSONValue.newline(&out, indent + 1) }
                JSONValue.quote(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newline(&out, indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string. Besides what JSON requires, DEL, the C1 controls, the
    /// bidirectional controls and U+2028/U+2029 are written as `\uXXXX`
    /// escapes (SPEC §6: no writer lets them out raw).
    private static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        func escaped(_ value: UInt32) {
            out.append(contentsOf: "\\u".utf8)
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((value >> UInt32(shift)) & 0xF)]) }
        }
        // Lead bytes held back until the scalar is known: 0xC2 (U+0080–U+00BF)
        // and 0xE2 (U+2000–U+2FFF).
        var lead: UInt8 = 0, second: UInt8 = 0
        for b in text.utf8 {
            if lead == 0xC2 {
                if b <= 0x9F { escaped(UInt32(b)) } else { out.append(lead); out.append(b) }
                lead = 0
                continue
            }
            if lead == 0xE2 {
                if second == 0 {
                    if b == 0x80 || b == 0x81 { second = b; continue }
                    out.append(lead); out.append(b); lead = 0
                    continue
                }
                let value = 0x2000 | (UInt32(second & 0x3F) << 6) | UInt32(b & 0x3F)
                if value == 0x2028 || value == 0x2029 || FreeText.isRefusedControl(value) {
                    escaped(value)
                } else {
                    out.append(lead); out.append(second); out.append(b)
                }
                lead = 0; second = 0
                continue
            }
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
            case UInt8(ascii: "\\"): out.append(b); out.append(b)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20, 0x7F: escaped(UInt32(b))
            case 0xC2, 0xE2: lead = b
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
