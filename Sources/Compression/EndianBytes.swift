/// Fixed-position reads of numbers stored in a given byte order. Callers check bounds first.
public struct EndianBytes {
    public let bytes: [UInt8]
    public let bigEndian: Bool

    public init(bytes: [UInt8], bigEndian: Bool) {
        self.bytes = bytes
        self.bigEndian = bigEndian
    }

    public func integer<Value: FixedWidthInteger>(_: Value.Type, at offset: Int) -> Value {
        var value: Value = 0
        withUnsafeMutableBytes(of: &value) { target in
            for index in 0..<MemoryLayout<Value>.size { target[index] = bytes[offset + index] }
        }
        return bigEndian ? Value(bigEndian: value) : Value(littleEndian: value)
    }

    public func int16(_ offset: Int) -> Int { Int(integer(Int16.self, at: offset)) }
    public func int32(_ offset: Int) -> Int { Int(integer(Int32.self, at: offset)) }
    public func int64(_ offset: Int) -> Int { Int(integer(Int64.self, at: offset)) }
    public func float32(_ offset: Int) -> Double { Double(Float(bitPattern: integer(UInt32.self, at: offset))) }
    public func float64(_ offset: Int) -> Double { Double(bitPattern: integer(UInt64.self, at: offset)) }

    /// A NUL-terminated (or full-width) ASCII field.
    public func text(_ offset: Int, count: Int) -> String {
        let field = bytes[offset..<(offset + count)].prefix { $0 != 0 }
        return String(decoding: field, as: UTF8.self)
    }
}

/// Appends numbers in little-endian order, for writing headers.
public struct LittleEndianWriter {
    public private(set) var bytes: [UInt8]

    public init(size: Int) { bytes = [UInt8](repeating: 0, count: size) }

    public mutating func put<Value: FixedWidthInteger>(_ value: Value, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { source in
            for index in source.indices { bytes[offset + index] = source[index] }
        }
    }

    public mutating func putFloat32(_ value: Double, at offset: Int) { put(Float(value).bitPattern, at: offset) }

    public mutating func putText(_ text: String, at offset: Int, width: Int) {
        for (index, byte) in text.utf8.prefix(width).enumerated() { bytes[offset + index] = byte }
    }
}
