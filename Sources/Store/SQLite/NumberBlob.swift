import Foundation

/// Arrays of 64-bit numbers as SQLite blobs, 8 little-endian bytes each: how SQLite's `case_value_sets` keeps a
/// metric's case refs and values, the counterpart of PostgreSQL's `BIGINT[]` and `DOUBLE PRECISION[]` columns.
enum NumberBlob {
    static func data(_ values: ArraySlice<Int64>) -> Data {
        #if _endian(little)
        values.withUnsafeBytes { Data($0) }
        #else
        values.map { $0.littleEndian }.withUnsafeBytes { Data($0) }
        #endif
    }

    static func data(_ values: ArraySlice<Double>) -> Data {
        #if _endian(little)
        values.withUnsafeBytes { Data($0) }
        #else
        values.map { $0.bitPattern.littleEndian }.withUnsafeBytes { Data($0) }
        #endif
    }

    /// The numbers of a blob; `place` says where it was read, for the error of a blob whose length is not a multiple of 8.
    static func int64s(_ blob: Data, place: @autoclosure () -> (table: String, column: String, key: String)) throws -> [Int64] {
        guard blob.count % 8 == 0 else {
            let (table, column, key) = place()
            throw StoreError.corruptValue(table: table, column: column, key: key,
                                          reason: "\(blob.count) bytes is not a whole number of 8-byte values")
        }
        return blob.withUnsafeBytes { raw in
            (0..<blob.count / 8).map { Int64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)) }
        }
    }

    static func doubles(_ blob: Data, place: @autoclosure () -> (table: String, column: String, key: String)) throws -> [Double] {
        try int64s(blob, place: place()).map { Double(bitPattern: UInt64(bitPattern: $0)) }
    }
}
