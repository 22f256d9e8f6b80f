import Diagnostics
import Foundation

/// Reading the documents a pass kept: decoding them, checking digests, finding layers.
extension ContainerImageMembers {
    /// A document exists but was not kept in this pass (the buffer was full of other small members): the
    /// inspection scans the archive again keeping it.
    struct Unread: Error {
        let path: String
    }

    /// The offset of a member's header, for errors about it.
    func offset(of path: String) -> Int64? { members[path].map { Int64($0.headerOffset) } }

    func error(_ path: String?, _ message: String) -> ContainerImageError {
        ContainerImageError(file: file, byteOffset: path.flatMap(offset(of:)), message)
    }

    /// The bytes of the document at `path`; `role` names it in errors (`image config`, `OCI manifest`).
    func document(_ path: String, role: String) throws -> [UInt8] {
        if let bytes = documents[path] { return bytes }
        guard let member = members[path], links[path] == nil else {
            throw error(nil, "the \(role) \"\(SourceLocation.printable(path))\" is not in the archive")
        }
        guard member.size <= budget.maxDocumentBytes else { throw oversized(path, size: member.size, at: member.headerOffset) }
        throw Unread(path: path)
    }

    /// The document at `path` decoded as `T`.
    func decode<T: Decodable>(_ type: T.Type, _ path: String, role: String) throws -> (value: T, bytes: [UInt8]) {
        let bytes = try document(path, role: role)
        do {
            return (try JSONDecoder().decode(T.self, from: Data(bytes)), bytes)
        } catch let failure as DecodingError {
            throw error(path, "the \(role) \(SourceLocation.printable(path)) is not what it should be: \(Self.explain(failure))")
        }
    }

    /// The blob path of a `sha256:<64 hex>` digest, or an error naming the digest and the document it is in.
    func blobPath(_ digest: String, in document: String) throws -> String {
        guard let hex = Self.sha256Hex(digest, prefix: "sha256:") else {
            throw error(document, "digest \"\(SourceLocation.printable(String(digest.prefix(100))))\" in \(document) is not sha256:<64 lowercase hex digits>")
        }
        return "blobs/sha256/" + hex
    }

    /// The 64 hex digits after `prefix`, when `text` is exactly that.
    static func sha256Hex(_ text: String, prefix: String) -> String? {
        guard text.hasPrefix(prefix) else { return nil }
        let hex = text.dropFirst(prefix.count)
        return hex.utf8.count == 64 && hex.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) ? String(hex) : nil
    }

    /// Refuses bytes whose SHA-256 is not `hex`.
    func verify(_ bytes: [UInt8], sha256 hex: String, path: String, role: String) throws {
        let actual = DocumentDigest.hex(bytes)
        guard actual == hex else {
            throw error(path, "the \(role) \(path) has SHA-256 \(actual), not the \(hex) its name or descriptor states")
        }
    }

    /// The regular member a layer path names, following one symbolic link (podman and docker write
    /// `<id>/layer.tar -> ../<digest>.tar`), or nil when there is none.
    func layer(_ path: String) -> (path: String, member: Member)? {
        var resolved = path
        if let target = links[path] {
            let folder = path.split(separator: "/").dropLast()
            var parts: [Substring] = target.hasPrefix("/") ? [] : Array(folder)
            for part in target.split(separator: "/") where part != "." {
                if part == ".." { guard !parts.isEmpty else { return nil }; parts.removeLast() } else { parts.append(part) }
            }
            resolved = parts.joined(separator: "/")
        }
        guard links[resolved] == nil, let member = members[resolved] else { return nil }
        return (resolved, member)
    }

    private static func explain(_ failure: DecodingError) -> String {
        func place(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? "" : " at \(path)"
        }
        switch failure {
        case .dataCorrupted(let context): return "not JSON\(place(context))"
        case .keyNotFound(let key, let context): return "no \"\(key.stringValue)\"\(place(context))"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context): return "expected \(type)\(place(context))"
        @unknown default: return "\(failure)"
        }
    }
}

extension ContainerImageMembers {
    /// The summary from the config at `configPath` and the layer members (already checked to exist).
    func summary(_ format: ContainerImageSummary.Format, config configPath: String, references: [String],
                 layers: [(path: String, member: Member)]) throws -> ContainerImageSummary {
        let (config, bytes) = try decode(ImageConfigDocument.self, configPath, role: "image config")
        guard let architecture = config.architecture, !architecture.isEmpty else {
            throw error(configPath, "the image config \(configPath) has no \"architecture\"")
        }
        guard let os = config.os, !os.isEmpty else { throw error(configPath, "the image config \(configPath) has no \"os\"") }
        var distinct: [String: Int] = [:]
        for layer in layers { distinct[layer.path] = layer.member.size }
        return ContainerImageSummary(
            format: format, imageID: "sha256:" + DocumentDigest.hex(bytes), architecture: architecture, os: os,
            entrypoint: config.config?.entrypoint ?? [], command: config.config?.command ?? [],
            user: config.config?.user.flatMap { $0.isEmpty ? nil : $0 },
            workingDirectory: config.config?.workingDirectory.flatMap { $0.isEmpty ? nil : $0 },
            references: references, layerCount: layers.count,
            layerBytes: distinct.values.reduce(Int64(0)) { $0 &+ Int64($1) })
    }

    /// Refuses more layers than the budget allows, before looking any up.
    func checkLayerCount(_ count: Int, in path: String) throws {
        guard count <= budget.maxLayers else {
            throw error(path, "\(path) lists \(count) layers, over the budget of \(budget.maxLayers)")
        }
    }

    /// `path` as a member name: `/`-separated, without `.` or empty parts (as the tar reader names members).
    static func memberName(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
