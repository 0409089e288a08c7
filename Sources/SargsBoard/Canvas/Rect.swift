/// A rectangle of cells: columns `x ..< x + width`, rows `y ..< y + height`.
/// Widths and heights are never negative; the helpers clamp instead of failing.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(width: Int, height: Int) {
        self.init(x: 0, y: 0, width: width, height: height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var area: Int { width * height }
    public var description: String { "(\(x),\(y) \(width)×\(height))" }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The cells both rectangles cover (`.zero`-sized at the origin of `self` when none).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(maxX, other.maxX)
        let bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: left, y: top, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    // MARK: Insets

    /// The rectangle shrunk by the given margins.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let newWidth = max(0, width - left - right)
        let newHeight = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: newWidth, height: newHeight)
    }

    /// The rectangle shrunk by `dx` columns on each side and `dy` rows at top and bottom.
    public func inset(dx: Int = 0, dy: Int = 0) -> Rect {
        inset(top: dy, left: dx, bottom: dy, right: dx)
    }

    // MARK: Splits

    /// The first `rows` rows and the rest.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: taken),
                Rect(x: x, y: y + taken, width: width, height: height - taken))
    }

    /// The last `rows` rows and the rest.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - taken),
                Rect(x: x, y: maxY - taken, width: width, height: taken))
    }

    /// The first `columns` columns and the rest.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: taken, height: height),
                Rect(x: x + taken, y: y, width: width - taken, height: height))
    }

    /// The last `columns` columns and the rest.
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let taken = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: width - taken, height: height),
                Rect(x: maxX - taken, y: y, width: taken, height: height))
    }

    /// `count` side-by-side columns separated by `gap` columns, as equal as
    /// possible (the leftmost get the extra column when it does not divide).
    public func columns(_ count: Int, gap: Int = 0) -> [Rect] {
        guard count > 0 else { return [] }
        let gaps = max(0, gap) * (count - 1)
        let usable = max(0, width - gaps)
        let base = usable / count
        let extra = usable % count
        var result: [Rect] = []
        result.reserveCapacity(count)
        var left = x
        for index in 0..<count {
            let columnWidth = base + (index < extra ? 1 : 0)
            result.append(Rect(x: left, y: y, width: columnWidth, height: height))
            left += columnWidth + max(0, gap)
        }
        return result
    }

    /// `count` stacked rows of rectangles separated by `gap` rows, as equal as possible.
    public func rows(_ count: Int, gap: Int = 0) -> [Rect] {
        guard count > 0 else { return [] }
        let gaps = max(0, gap) * (count - 1)
        let usable = max(0, height - gaps)
        let base = usable / count
        let extra = usable % count
        var result: [Rect] = []
        result.reserveCapacity(count)
        var top = y
        for index in 0..<count {
            let rowHeight = base + (index < extra ? 1 : 0)
            result.append(Rect(x: x, y: top, width: width, height: rowHeight))
            top += rowHeight + max(0, gap)
        }
        return result
    }

    /// A `width`×`height` rectangle centred in this one (clamped to it).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width)
        let ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}
