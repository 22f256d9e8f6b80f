import Challenge
import Foundation
import Synchronization

/// Decoded challenge specs by their stored JSON text: every page and route reads its challenge, and decoding the spec
/// cost more than the query (the page benchmark's profile). Keyed by the text itself, so an updated spec is a new
/// entry and a hit is always the spec that text decodes to; bounded, emptied when full.
final class ChallengeSpecCache: Sendable {
    /// The most specs kept: more challenges than one server holds.
    static let capacity = 64
    private let specs = Mutex<[String: ChallengeSpec]>([:])

    func spec(_ json: String) throws -> ChallengeSpec {
        if let known = specs.withLock({ $0[json] }) { return known }
        let spec = try JSONDecoder.iso8601.decode(ChallengeSpec.self, from: Data(json.utf8))
        specs.withLock { cached in
            if cached.count >= Self.capacity { cached.removeAll(keepingCapacity: true) }
            cached[json] = spec
        }
        return spec
    }
}
