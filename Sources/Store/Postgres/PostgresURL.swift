import Foundation
import NIOSSL
import PostgresNIO

/// A `postgres://user:password@host:port/database?schema=NAME&sslmode=MODE` URL, parsed.
///
/// - `schema`: the schema the store's tables live in (created if missing; default `public`). Several stores can share
///   one database in different schemas; the tests give every store a fresh one.
/// - `sslmode`: `disable` (the default), `prefer` or `require`, as libpq names them.
/// - `host`: a query parameter naming a Unix socket's path, instead of the host part.
struct PostgresURL: Sendable {
    /// For the store's connection pool.
    private(set) var configuration: PostgresClient.Configuration
    /// For a single connection (the migration at opening, which also reports an unreachable server at once).
    private(set) var connectionConfiguration: PostgresConnection.Configuration
    let schema: String
    /// The URL with its password replaced, for messages and `location`.
    let redacted: String

    init(_ url: String) throws {
        redacted = StoreFactory.redacted(url)
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql"
        else { throw StoreError.unsupportedDatabase(url: redacted, reason: "not a postgres://user:password@host:port/database URL") }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        guard let user = components.user, !user.isEmpty else {
            throw StoreError.unsupportedDatabase(url: redacted, reason: "the URL names no user")
        }
        let database = String(components.path.drop { $0 == "/" })
        schema = query["schema"] ?? "public"
        guard Self.isPlainIdentifier(schema) else {
            throw StoreError.unsupportedDatabase(url: redacted, reason: "schema \"\(schema)\" must be lower-case letters, digits and _")
        }
        let password = components.password
        let name = database.isEmpty ? nil : database
        let mode = query["sslmode"] ?? "disable"
        guard ["disable", "prefer", "require"].contains(mode) else {
            throw StoreError.unsupportedDatabase(url: redacted, reason: "sslmode \"\(mode)\" is not one of disable, prefer, require")
        }
        let startup = [("search_path", schema), ("application_name", "arbiter")]
        if let socket = query["host"], socket.hasPrefix("/") {
            configuration = .init(unixSocketPath: socket, username: user, password: password, database: name)
            connectionConfiguration = .init(unixSocketPath: socket, username: user, password: password, database: name)
        } else {
            let host = components.host ?? "localhost", port = components.port ?? 5432
            let tls = TLSConfiguration.makeClientConfiguration()
            configuration = .init(host: host, port: port, username: user, password: password, database: name,
                                  tls: mode == "disable" ? .disable : mode == "prefer" ? .prefer(tls) : .require(tls))
            let context = mode == "disable" ? nil : try NIOSSLContext(configuration: tls)
            connectionConfiguration = .init(host: host, port: port, username: user, password: password, database: name,
                                            tls: context.map { mode == "prefer" ? .prefer($0) : .require($0) } ?? .disable)
        }
        configuration.options.additionalStartupParameters = startup
        configuration.options.maximumConnections = 16
        connectionConfiguration.options.additionalStartupParameters = startup
    }

    static func isPlainIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || ("a"..."z").contains(first), name.count <= 63 else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
    }
}
