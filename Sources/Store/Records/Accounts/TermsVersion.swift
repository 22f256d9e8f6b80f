/// The version of a challenge's terms an account accepts: the SHA-256 of its rules and of its data-use agreement
/// (`ChallengeDocument`), each empty when the challenge has no such page. A change to either asks for a new acceptance.
public struct TermsVersion: Sendable, Hashable {
    public let rules: String
    public let dataUse: String

    public init(rules: String, dataUse: String) {
        self.rules = rules
        self.dataUse = dataUse
    }

    /// The terms of a challenge as its documents stand.
    public init(rules: ChallengeDocument?, dataUse: ChallengeDocument?) {
        self.init(rules: rules?.sha256 ?? "", dataUse: dataUse?.sha256 ?? "")
    }

    /// For pages: the first 12 hex digits of each digest.
    public var label: String { describe(digits: 12, separator: ", ") }

    /// For the audit log: both digests whole.
    public var auditDetail: String { describe(digits: 64, separator: "; ") }

    private func describe(digits: Int, separator: String) -> String {
        "rules \(rules.isEmpty ? "none" : String(rules.prefix(digits)))\(separator)data use \(dataUse.isEmpty ? "none" : String(dataUse.prefix(digits)))"
    }
}
