import SargsCore

/// The store keeps JSON in text columns and journal entries with the one
/// JSON type of sargs (`JSONValue`, in the core), in its compact form.
typealias JSON = JSONValue
