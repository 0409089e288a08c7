/// What a ZIP file (a DOCX or an ODT) says it holds, read from its central
/// directory before pandoc sees it (issue 31): a small file can unpack to
/// gigabytes. Only the directory is read; nothing is unpacked.
public struct ZipDirectory: Sendable, Equatable {
    /// How many members the file has.
    public var entries: Int
    /// The sum of the members' unpacked sizes, in bytes.
    public var unpackedBytes: Int

    /// Why the bytes are not a ZIP file sargs hands on.
    public enum Problem: Error, Sendable, Equatable {
        /// No end-of-directory record: not a ZIP file (so not a DOCX or ODT).
        case notZip
        /// The directory points outside the file or is cut short.
        case damaged
        /// ZIP64 sizes (over 4 GB or 65,535 members): no plan's table needs them.
        case zip64
    }

    /// Reads the central directory of `bytes`.
    /// - Throws: `Problem`.
    public init(_ bytes: [UInt8]) throws(Problem) {
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535.
        guard bytes.count >= 22 else { throw .notZip }
        var end = -1
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while i >= lowest {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06,
               i + 22 + u16(i + 20) == bytes.count {
                end = i
                break
            }
            i -= 1
        }
        guard end >= 0 else { throw .notZip }
        let count = u16(end + 10), size = u32(end + 12), offset = u32(end + 16)
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else { throw .zip64 }
        guard offset + size <= end else { throw .damaged }
        var position = offset, total = 0
        for _ in 0..<count {
            guard position + 46 <= offset + size,
                  bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 0x01, bytes[position + 3] == 0x02
            else { throw .damaged }
            let unpacked = u32(position + 24)
            guard unpacked != 0xFFFF_FFFF, u32(position + 20) != 0xFFFF_FFFF else { throw .zip64 }
            total += unpacked
            position += 46 + u16(position + 28) + u16(position + 30) + u16(position + 32)
        }
        guard position <= offset + size else { throw .damaged }
        entries = count
        unpackedBytes = total
    }
}
