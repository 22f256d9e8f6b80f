import Foundation

/// A TCP socket bound to 127.0.0.1 on a port the kernel picks, for the tests' SMTP sink and for finding a closed port.
struct LoopbackSocket {
    struct Failure: Error, CustomStringConvertible {
        let call: String
        let code: Int32
        var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    let descriptor: Int32
    let port: UInt16

    /// A bound socket, listening with a backlog of `backlog` unless that is nil.
    init(listening backlog: Int32?) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(call: "socket", code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socket in
                bind(descriptor, socket, length) == 0 && getsockname(descriptor, socket, &length) == 0
            }
        }
        guard bound else {
            let code = errno
            close(descriptor)
            throw Failure(call: "bind", code: code)
        }
        if let backlog, listen(descriptor, backlog) != 0 {
            let code = errno
            close(descriptor)
            throw Failure(call: "listen", code: code)
        }
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Waits until `descriptor` is readable (for a listening socket: a client is waiting), or throws at `deadline`.
    static func waitUntilReadable(_ descriptor: Int32, until deadline: Date) throws {
        let milliseconds = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, milliseconds) == 1 else {
            throw Failure(call: "poll (nothing to read by the deadline)", code: ETIMEDOUT)
        }
    }

    /// The same wait on a thread of its own, so that it holds no thread of the cooperative pool.
    static func readable(_ descriptor: Int32, within seconds: TimeInterval) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread { continuation.resume(with: Result { try waitUntilReadable(descriptor, until: deadline) }) }.start()
        }
    }

    /// A loopback port nothing listens on: bound, read, and closed again. Another process could take it in between,
    /// but nothing on a test machine listens on a fresh ephemeral port.
    static func closedPort() throws -> UInt16 {
        let socket = try LoopbackSocket(listening: nil)
        close(socket.descriptor)
        return socket.port
    }
}
