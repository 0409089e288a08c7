/// A ZIP file (a DOCX or an ODT) taken apart into its members and put
/// together again, without unpacking anything: a member kept is copied as
/// it was packed (method, CRC-32 and sizes from the central directory), a
/// member added is stored uncompressed. It is how sargs makes its A4
/// reference documents from pandoc's own (`Document.reference`): the
/// members it changes are small XML texts it writes itself.
///
/// Only what pandoc writes is read: no ZIP64, no encryption, no spanning.
public struct ZipArchive: Sendable {
    /// One member: its name and its bytes as packed.
    public struct Member: Sendable, Equatable {
        /// The path inside the archive (`word/document.xml`).
        public var name: String
        /// 0 stored, 8 deflated.
        public var method: UInt16
        /// CRC-32 of the unpacked bytes.
        public var crc: UInt32
        /// The bytes as packed (`method`).
        public var packed: [UInt8]
        /// The size unpacked, in bytes.
        public var size: Int

        /// A member stored as `bytes` (method 0).
        public init(name: String, stored bytes: [UInt8]) {
            self.name = name
            self.method = 0
            self.crc = ZipArchive.crc32(bytes)
            self.packed = bytes
            self.size = bytes.count
        }

        init(name: String, method: UInt16, crc: UInt32, packed: [UInt8], size: Int) {
            self.name = name
            self.method = method
            self.crc = crc
            self.packed = packed
            self.size = size
        }

        /// The unpacked bytes when the member is stored; nil when it is compressed.
        public var storedBytes: [UInt8]? { method == 0 ? packed : nil }
    }

    /// The members, in the archive's order.
    public var members: [Member]

    /// An archive of `members`, in that order.
    public init(members: [Member]) {
        self.members = members
    }

    /// Reads the members of `bytes` through the central directory (`ZipDirectory` checks sizes first).
    /// - Throws: `ZipDirectory.Problem` when the bytes are not a ZIP file sargs reads.
    public init(_ bytes: [UInt8]) throws(ZipDirectory.Problem) {
        _ = try ZipDirectory(bytes)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        var end = bytes.count - 22
        while end >= 0, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 0x05 && bytes[end + 3] == 0x06) {
            end -= 1
        }
        guard end >= 0 else { throw .notZip }
        let count = u16(end + 10), offset = u32(end + 16)
        var position = offset
        var members: [Member] = []
        for _ in 0..<count {
            guard position + 46 <= bytes.count else { throw .damaged }
            let flags = u16(position + 8), method = u16(position + 10)
            let crc = UInt32(u32(position + 16)), packedSize = u32(position + 20), size = u32(position + 24)
            let nameLength = u16(position + 28), extra = u16(position + 30), comment = u16(position + 32)
            let local = u32(position + 42)
            guard flags & 1 == 0, method == 0 || method == 8, position + 46 + nameLength <= bytes.count,
                  local + 30 <= bytes.count, bytes[local] == 0x50, bytes[local + 1] == 0x4B,
                  bytes[local + 2] == 0x03, bytes[local + 3] == 0x04 else { throw .damaged }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            let start = local + 30 + u16(local + 26) + u16(local + 28)
            guard start + packedSize <= bytes.count else { throw .damaged }
            members.append(Member(name: name, method: UInt16(method), crc: crc,
                                  packed: Array(bytes[start..<(start + packedSize)]), size: size))
            position += 46 + nameLength + extra + comment
        }
        self.members = members
    }

    /// The member named `name`, if any.
    public func member(_ name: String) -> Member? { members.first { $0.name == name } }

    /// Replaces the member named `name` (or adds it at the end) with `bytes`, stored.
    public mutating func put(_ name: String, _ bytes: [UInt8]) {
        let member = Member(name: name, stored: bytes)
        if let i = members.firstIndex(where: { $0.name == name }) { members[i] = member } else { members.append(member) }
    }

    /// The archive as bytes: local headers and data, the central directory,
    /// its end record. Every time stamp is 1980-01-01 00:00, so the same
    /// members always make the same bytes.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        func le16(_ v: Int, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: Int, _ into: inout [UInt8]) { le16(v & 0xFFFF, &into); le16(v >> 16 & 0xFFFF, &into) }
        let dosDate = (0 << 9) | (1 << 5) | 1  // 1980-01-01
        for member in members {
            let name = Array(member.name.utf8)
            let offset = out.count
            le32(0x0403_4B50, &out); le16(20, &out); le16(0x0800, &out); le16(Int(member.method), &out)
            le16(0, &out); le16(dosDate, &out); le32(Int(member.crc), &out)
            le32(member.packed.count, &out); le32(member.size, &out); le16(name.count, &out); le16(0, &out)
            out += name
            out += member.packed
            le32(0x0201_4B50, &directory); le16(20, &directory); le16(20, &directory); le16(0x0800, &directory)
            le16(Int(member.method), &directory); le16(0, &directory); le16(dosDate, &directory); le32(Int(member.crc), &directory)
            le32(member.packed.count, &directory); le32(member.size, &directory); le16(name.count, &directory)
            le16(0, &directory); le16(0, &directory); le16(0, &directory); le16(0, &directory); le32(0, &directory)
            le32(offset, &directory)
            directory += name
        }
        let start = out.count
        out += directory
        le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out); le16(members.count, &out); le16(members.count, &out)
        le32(directory.count, &out); le32(start, &out); le16(0, &out)
        return out
    }

    private static let crcTable: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The CRC-32 (ISO 3309, as ZIP uses it) of `bytes`.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
