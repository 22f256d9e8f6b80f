import Foundation
import Synchronization

/// A one-message SMTP server on 127.0.0.1 for the tests: it answers 220, 250 to EHLO/HELO, MAIL and RCPT, 354 to DATA
/// and 221 to QUIT, and hands back the commands and the DATA bytes it received. Bounded: it gives up 30 s after
/// `start()`, and after 32 commands.
struct SMTPSink: Sendable {
    struct Capture: Sendable {
        /// The command lines, without CRLF.
        var commands: [String] = []
        /// The DATA section as it came over the wire, up to and without the terminating CRLF "." CRLF.
        var wire = ""
        /// The message: `wire` with the SMTP dot-stuffing undone and a final CRLF.
        var message = ""
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let listener: Int32
    /// The port the sink listens on.
    let port: UInt16

    init() throws {
        let socket = try LoopbackSocket(listening: 1)
        listener = socket.descriptor
        port = socket.port
    }

    /// Serves one client on a thread of its own, started now rather than when a task gets a turn of the cooperative
    /// pool (which the other tests may keep busy); `capture` then waits for what the client sent. Closes the sink.
    func start() -> Serving {
        let serving = Serving()
        Thread { serving.finish(Result { try serve(deadline: Date().addingTimeInterval(30)) }) }.start()
        return serving
    }

    /// One client being served.
    final class Serving: Sendable {
        private let state = Mutex<(result: Result<Capture, any Error>?, waiter: CheckedContinuation<Capture, any Error>?)>((nil, nil))

        fileprivate func finish(_ result: Result<Capture, any Error>) {
            let waiter = state.withLock { state in
                state.result = result
                return state.waiter
            }
            waiter?.resume(with: result)
        }

        /// What the client sent, once it has quit.
        func capture() async throws -> Capture {
            try await withCheckedThrowingContinuation { continuation in
                let done = state.withLock { state in
                    if state.result == nil { state.waiter = continuation }
                    return state.result
                }
                if let done { continuation.resume(with: done) }
            }
        }
    }

    private func serve(deadline: Date) throws -> Capture {
        defer { close(listener) }
        try LoopbackSocket.waitUntilReadable(listener, until: deadline)
        let client = accept(listener, nil, nil)
        guard client >= 0 else { throw Failure(description: "accept failed") }
        defer { close(client) }
        var connection = Connection(descriptor: client, deadline: deadline)
        var capture = Capture()
        try connection.send("220 sink ESMTP")
        for _ in 0..<32 {
            let command = try connection.readLine()
            capture.commands.append(command)
            switch command.prefix(4).uppercased() {
            case "EHLO", "HELO": try connection.send("250 sink")
            case "MAIL", "RCPT": try connection.send("250 OK")
            case "DATA":
                try connection.send("354 end with <CRLF>.<CRLF>")
                capture.wire = try connection.readData()
                capture.message = capture.wire.components(separatedBy: "\r\n")
                    .map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 }.joined(separator: "\r\n") + "\r\n"
                try connection.send("250 queued")
            case "QUIT":
                try connection.send("221 bye")
                return capture
            default: try connection.send("502 not implemented")
            }
        }
        throw Failure(description: "more than 32 commands: \(capture.commands)")
    }


    /// One client connection with its unread bytes.
    private struct Connection {
        let descriptor: Int32
        let deadline: Date
        var buffer: [UInt8] = []

        func send(_ line: String) throws {
            let bytes = Array((line + "\r\n").utf8)
            guard write(descriptor, bytes, bytes.count) == bytes.count else { throw Failure(description: "write failed") }
        }

        mutating func readLine() throws -> String {
            String(decoding: try read(through: Array("\r\n".utf8)).dropLast(2), as: UTF8.self)
        }

        /// The DATA section up to, without, CRLF "." CRLF.
        mutating func readData() throws -> String {
            String(decoding: try read(through: Array("\r\n.\r\n".utf8)).dropLast(5), as: UTF8.self)
        }

        private mutating func read(through terminator: [UInt8]) throws -> [UInt8] {
            while true {
                if let range = buffer.firstRange(of: terminator) {
                    let taken = Array(buffer[..<range.upperBound])
                    buffer.removeSubrange(..<range.upperBound)
                    return taken
                }
                try LoopbackSocket.waitUntilReadable(descriptor, until: deadline)
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = recv(descriptor, &chunk, chunk.count, 0)
                guard count > 0 else { throw Failure(description: "the client closed the connection mid-command") }
                buffer += chunk[..<count]
            }
        }
    }
}
