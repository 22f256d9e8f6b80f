import Foundation

/// The part of a file a `Range` header asks for (RFC 9110 §14): one `bytes=` range, from the start (`a-b`, `a-`) or
/// the end (`-n`). Several ranges at once are answered with the whole file, which the RFC allows.
enum ByteRange: Equatable {
    case whole
    /// Inclusive bounds.
    case part(first: Int64, last: Int64)
    case unsatisfiable

    init(header: String?, length: Int64) {
        guard let header else { self = .whole; return }
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bytes="), !trimmed.contains(",") else { self = .whole; return }
        let spec = trimmed.dropFirst(6)
        let bounds = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2 else { self = .whole; return }
        switch (Int64(bounds[0]), Int64(bounds[1]), bounds[0].isEmpty, bounds[1].isEmpty) {
        case (nil, let suffix?, true, false):
            guard suffix > 0, length > 0 else { self = .unsatisfiable; return }
            self = .part(first: max(0, length - suffix), last: length - 1)
        case (let first?, nil, false, true):
            self = first < length ? .part(first: first, last: length - 1) : .unsatisfiable
        case (let first?, let last?, false, false):
            guard first <= last else { self = .whole; return }
            self = first < length ? .part(first: first, last: min(last, length - 1)) : .unsatisfiable
        default:
            self = .whole
        }
    }
}
