extension String {
    /// The text followed by spaces up to `count` characters, for a column of
    /// ids. Never cut: an id longer than the column (`3.1024` in a plan of
    /// thousands) keeps every character, where `padding(toLength:)` would
    /// print another activity's id.
    public func padded(to count: Int) -> String {
        let n = self.count
        return n >= count ? self : self + String(repeating: " ", count: count - n)
    }
}
