import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP connection to a loopback port that sends exactly the bytes it is given, so tests can send what no
/// HTTP client would (stalled heads, broken chunks, short bodies). Reads give up after `readTimeout` seconds so a
/// test fails rather than hangs if the server never answers.
/// Sendable: its one stored property is an immutable descriptor.
final class RawConnection: Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }

    private let descriptor: Int32

    init(port: Int, readTimeout: Int = 30) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
        var timeout = timeval(tv_sec: readTimeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "connect: \(errno)")
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw Failure(description: "send: \(errno)") }
    }

    /// Tells the server nothing more will come (a half-close).
    func finishSending() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// Everything the server sends until it closes the connection; throws if it does not within the read timeout.
    func readUntilClosed() throws -> String {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { return String(decoding: received, as: UTF8.self) }
            if count < 0 {
                if errno == ECONNRESET { return String(decoding: received, as: UTF8.self) }
                throw Failure(description: "the server neither answered nor closed the connection (errno \(errno))")
            }
            received += chunk[0..<count]
        }
    }

    /// `readUntilClosed` on a thread of its own. A blocking read must not hold one of the few threads Swift's
    /// concurrency runs on: the server under test answers on them, and on a two-core machine two blocked reads would
    /// leave it none.
    func reply() async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try self.readUntilClosed() }) }
        }
    }

    /// One whole request, sent in a single write on a new connection that the server closes after answering.
    static func exchange(port: Int, _ request: String) async throws -> RawReply {
        let connection = try RawConnection(port: port)
        try connection.send(request)
        return try RawReply(try await connection.reply())
    }
}

/// An HTTP/1.1 answer read to the connection's close: its status and its body (content-length framed, as the server
/// frames every answer it closes after).
struct RawReply {
    let status: Int
    let body: String

    init(_ text: String) throws {
        guard let split = text.range(of: "\r\n\r\n"), text.hasPrefix("HTTP/1.1 "),
              let status = Int(text.dropFirst(9).prefix(3)) else {
            throw RawConnection.Failure(description: "not an HTTP/1.1 answer: \(text.prefix(200))")
        }
        self.status = status
        body = String(text[split.upperBound...])
    }
}
