extension MailFormat {
    /// The longest address SMTP can carry in a forward path (RFC 5321 section 4.5.3.1.3, less the angle brackets).
    static let maximumAddressBytes = 254
    /// The longest local part (before the `@`), RFC 5321 section 4.5.3.1.1.
    static let maximumLocalPartBytes = 64

    /// Why `address` is not a plain `local@domain` this module sends to, or nil. Deliberately narrower than RFC 5322:
    /// no display names, comments, quoted local parts or non-ASCII, so a value is never more than one address.
    static func addressProblem(_ address: String) -> String? {
        if let problem = lineBreakProblem(address) { return problem }
        let bytes = address.utf8.count
        guard bytes <= maximumAddressBytes else {
            return "an address is at most \(maximumAddressBytes) bytes, this one is \(bytes)"
        }
        guard address.unicodeScalars.allSatisfy(\.isASCII) else {
            return "only ASCII addresses are supported (write an international domain in its xn-- form)"
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "expected exactly one @ between a local part and a domain" }
        return localPartProblem(parts[0]) ?? domainProblem(parts[1])
    }

    /// The characters RFC 5322 allows unquoted in a local part (`atext`), besides letters and digits.
    private static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".unicodeScalars)

    private static func localPartProblem(_ local: Substring) -> String? {
        guard !local.isEmpty else { return "the part before the @ is empty" }
        guard local.utf8.count <= maximumLocalPartBytes else {
            return "the part before the @ is at most \(maximumLocalPartBytes) bytes"
        }
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        guard atoms.allSatisfy({ !$0.isEmpty }) else { return "the part before the @ has a misplaced dot" }
        let allowed = local.unicodeScalars.allSatisfy { isLetterOrDigit($0) || $0 == "." || atextSymbols.contains($0) }
        return allowed ? nil : "the part before the @ holds a character that needs quoting (space, quote, comma, <, >)"
    }

    private static func domainProblem(_ domain: Substring) -> String? {
        guard !domain.isEmpty else { return "the domain after the @ is empty" }
        for label in domain.split(separator: ".", omittingEmptySubsequences: false) {
            guard (1...63).contains(label.utf8.count) else {
                return "the domain has an empty label or one longer than 63 bytes"
            }
            guard label.unicodeScalars.allSatisfy({ isLetterOrDigit($0) || $0 == "-" }),
                label.first != "-", label.last != "-"
            else { return "the domain may hold only letters, digits and inner hyphens between dots" }
        }
        return nil
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
