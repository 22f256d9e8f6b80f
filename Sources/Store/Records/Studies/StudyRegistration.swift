import Foundation

/// What `registerStudy` records: a study of a challenge, its spec as the caller stores it, and its items.
public struct StudyRegistration: Sendable, Equatable {
    /// The challenge's slug.
    public let challenge: String
    public let slug: String
    public let specText: String
    public let specSHA256: String
    public let items: [StudyItem]

    /// `specSHA256` defaults to the SHA-256 of `specText`'s UTF-8 bytes.
    public init(challenge: String, slug: String, specText: String, specSHA256: String? = nil, items: [StudyItem]) {
        self.challenge = challenge
        self.slug = slug
        self.specText = specText
        self.specSHA256 = specSHA256 ?? ContentDigest.sha256(Array(specText.utf8))
        self.items = items
    }
}
