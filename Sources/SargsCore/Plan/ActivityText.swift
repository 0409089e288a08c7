import Foundation

/// An activity's fields as a person writes them in a form or on the command
/// line (the add and edit forms, `sargs activity add|edit`): codes, funding
/// with amounts, a target. One home for reading them, so both say the same.
public enum ActivityText {
    /// Codes separated by commas or spaces, upper-cased: "sd, in" → ["SD", "IN"].
    public static func codes(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.uppercased() }.filter { !$0.isEmpty }
    }

    /// Owners: codes, none repeated.
    ///
    /// - Throws: `ChangeRefusal` naming a repeated code.
    public static func owners(_ text: String) throws(ChangeRefusal) -> [String] {
        let owners = codes(text)
        if let repeated = owners.enumerated().first(where: { owners[..<$0.offset].contains($0.element) })?.element {
            throw ChangeRefusal("kods '\(repeated)' atbildīgajos atkārtojas", "the code '\(repeated)' is repeated in the owners")
        }
        return owners
    }

    /// Funding: "PB 1500, VB" — a number after a code is that source's
    /// amount in euros (SPEC §3); an amount may be written as the activity
    /// screen shows it ("PB 1 500 EUR").
    ///
    /// - Throws: `ChangeRefusal` for a repeated code, an amount with no code
    ///   before it, or an amount out of range.
    public static func funding(_ text: String) throws(ChangeRefusal) -> (codes: [String], amounts: [String: Euros]) {
        // "PB 1500, VB": a number after a code is that source's amount in euros (SPEC §3).
        // An amount may be written as the activity screen shows it ("PB 1 500 EUR"): a group of three
        // digits continues the number before it, and "EUR" or "€" after it is passed over.
        var funding: [String] = [], amounts: [String: Euros] = [:]
        var tokens: [String] = []
        var grouped = false  // whether the last token is a number written in groups of three
        for token in codes(text) {
            if token == "EUR" || token == "€" { continue }
            // "500" or, last, "500.50"
            let digits = { (t: Substring) in t.allSatisfy { $0.isASCII && $0.isNumber } }
            let group = token.count == 3 ? digits(token[...])
                : (5...6).contains(token.count) && digits(token.prefix(3)) && token.dropFirst(3).first == "." && digits(token.dropFirst(4))
            if let last = tokens.last, digits(last[...]), last.count <= 3 || grouped, group {
                tokens[tokens.count - 1] = last + token
                grouped = !token.contains(".")
                continue
            }
            tokens.append(token)
            grouped = false
    }
    for token in tokens {
        guard let first = token.unicodeScalars.first, ("0"..."9").contains(first) else {
            if funding.contains(token) {
                throw ChangeRefusal("kods '\(token)' finansējumā atkārtojas", "the code '\(token)' is repeated in the funding")
            }
            funding.append(token)
            continue
        }
        guard let code = funding.last, amounts[code] == nil else {
            throw ChangeRefusal("summa \(token) finansējumā nav aiz finanšu avota koda, piem. 'PB 1500, VB'",
                                "the amount \(token) in the funding does not follow a funding code, e.g. 'PB 1500, VB'")
        }
        guard let amount = Euros(token) else {
            throw ChangeRefusal("summa \(token) (\(code)) nav derīga: eiro no 0 līdz 1000000000, ne vairāk kā divi cipari aiz punkta, piem. 1500.50",
                                "the amount \(token) (\(code)) is not valid: euros from 0 to 1000000000, at most two decimals after a point, e.g. 1500.50")
        }
        amounts[code] = amount
    }
    return (funding, amounts)
    }

    /// A target: "30 pedagogi"; empty for none.
    ///
    /// - Throws: `ChangeRefusal` when the count is not a number in range.
    public static func target(_ text: String) throws(ChangeRefusal) -> Target? {
        let target = text.trimmingCharacters(in: .whitespaces)
        if target.isEmpty {
            return nil
        } else {
            let parts = target.split(separator: " ", maxSplits: 1)
            guard let count = Int(parts[0]) else {
                // Digits too many for a number: say the range; anything else: say the shape.
                if parts[0].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) {
                    throw ChangeRefusal(Counts.refusal(text: String(parts[0]), field: Phrase(lv: "mērķa skaitam", en: "the target count")))
                }
                throw ChangeRefusal("mērķim jābūt skaitlim un mērvienībai, piem. '30 pedagogi'", "the target must be a number and a unit, e.g. '30 pedagogi'")
            }
            return Target(count: count, unit: parts.count > 1 ? String(parts[1]) : "")
        }
    }
}

