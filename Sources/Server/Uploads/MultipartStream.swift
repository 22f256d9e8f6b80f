/// Takes the file field out of a `multipart/form-data` body as the body arrives, piece by piece, so a form never has
/// to be held whole: the file part's content goes straight to a sink (the spool file); small text fields before it
/// (a page form's CSRF token) are kept in `fields`, within a budget; everything else is dropped. It chooses as
/// `MultipartForm` describes (the part named `file`, else the first part with a file name) and refuses the same broken
/// forms at the same byte offsets.
///
/// Boundaries are found by Knuth–Morris–Pratt over the stream: each byte is looked at a bounded number of times, and
/// the bytes of a partial match held back at the end of one piece are exactly a prefix of the boundary, so they are
/// emitted from the pattern if the match fails in the next.
struct MultipartStream {
    private enum State {
        case preamble
        /// Just after a boundary: `--` ends the form, CRLF starts a part.
        case afterDelimiter(seen: [UInt8])
        case headers
        case content
        /// After the closing boundary, or once the `file` part is complete: the rest is ignored.
        case epilogue
    }

    /// What the part being read is to the upload.
    private enum Role { case file, fallback, field, ignored }

    /// Longest part header block read (a browser's is a few hundred bytes).
    static let maximumHeaderBytes = 16 * 1024
    /// Budget for the text fields kept: a page's form sends a token or two before its file.
    static let maximumFieldBytes = 4 * 1024
    static let maximumFields = 16

    private let delimiter: [UInt8]
    private let separator: [UInt8]
    private let delimiterTable: [Int]
    private let separatorTable: [Int]
    private var state = State.preamble
    private var matched = 0
    /// Offset in the body of the next byte fed.
    private var offset = 0
    private var headerBytes: [UInt8] = []
    private var sectionStart = 0
    private var role = Role.ignored
    private var partName: String?
    private var fieldBytes: [UInt8] = []
    /// The text fields read so far (parts with a name and no file name), by name.
    private(set) var fields: [String: String] = [:]
    /// The chosen part's file name, once a part has been chosen; `chosenIsFile` once it is the `file` field.
    private(set) var chosenFileName: String??
    private var chosenIsFile = false
    private var chosenComplete = false

    init(boundary: String) throws(MultipartForm.Malformed) {
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else {
            throw MultipartForm.Malformed(byteOffset: 0, reason: "the multipart boundary must have 1 to 70 characters")
        }
        delimiter = Array("--\(boundary)".utf8)
        separator = Array("\r\n--\(boundary)".utf8)
        delimiterTable = MultipartForm.failureTable(delimiter)
        separatorTable = MultipartForm.failureTable(separator)
    }

    /// Reads the next piece of the body, writing any of the chosen part's content to `sink`.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, into sink: inout some FilePartSink) throws {
        var output = OutputRun(sink: sink)
        defer { sink = output.sink }
        var index = 0
        while index < bytes.count {
            if case .content = state, matched == 0 {
                // Fast path: content up to the next byte that could start the separator goes out in one run.
                let rest = UnsafeRawBufferPointer(rebasing: bytes[index...])  // indexed from 0
                let run = rest.firstIndex(of: separator[0]) ?? rest.count
                if run > 0 {
                    try emit(UnsafeRawBufferPointer(rebasing: rest[0..<run]), output: &output)
                    (index, offset) = (index + run, offset + run)
                    continue
                }
            }
            try consume(bytes[index], output: &output)
            (index, offset) = (index + 1, offset + 1)
        }
        try output.flush()
    }

    /// The chosen part's file name (nil when it gave none), once the whole body has been fed.
    func finish() throws(MultipartForm.Malformed) -> String? {
        switch state {
        case .preamble:
            throw MultipartForm.Malformed(byteOffset: 0, reason: "the body never contains its boundary \"\(String(decoding: delimiter, as: UTF8.self))\"")
        case .afterDelimiter:
            throw MultipartForm.Malformed(byteOffset: sectionStart, reason: "a boundary line must end with CRLF")
        case .headers:
            throw MultipartForm.Malformed(byteOffset: sectionStart, reason: "a part's headers never end (no blank line)")
        case .content:
            throw MultipartForm.Malformed(byteOffset: sectionStart, reason: "the part starting here never ends (no closing boundary)")
        case .epilogue:
            guard chosenComplete, let name = chosenFileName else {
                throw MultipartForm.Malformed(byteOffset: sectionStart, reason: "the form has no file: send the file in a field named \"file\"")
            }
            return name
        }
    }

    private mutating func consume(_ byte: UInt8, output: inout OutputRun<some FilePartSink>) throws {
        switch state {
        case .preamble:
            if advance(byte, pattern: delimiter, table: delimiterTable) {
                (state, sectionStart) = (.afterDelimiter(seen: []), offset + 1)
            }
        case .afterDelimiter(let seen):
            let line = seen + [byte]
            if line == Array("--".utf8) {
                state = .epilogue
            } else if line == Array("\r\n".utf8) {
                (state, headerBytes, sectionStart) = (.headers, [], offset + 1)
            } else if line.count == 2 || !(byte == UInt8(ascii: "-") || byte == UInt8(ascii: "\r")) {
                throw MultipartForm.Malformed(byteOffset: sectionStart, reason: "a boundary line must end with CRLF")
            } else {
                state = .afterDelimiter(seen: line)
            }
        case .headers:
            headerBytes.append(byte)
            if headerBytes.count >= 4, headerBytes.suffix(4).elementsEqual("\r\n\r\n".utf8) {
                try startContent(output: &output)
            } else if headerBytes.count > Self.maximumHeaderBytes {
                throw MultipartForm.Malformed(byteOffset: sectionStart, reason: "a part's headers run past \(Self.maximumHeaderBytes) bytes")
            }
        case .content:
            try contentByte(byte, output: &output)
        case .epilogue:
            break
        }
    }

    private mutating func startContent(output: inout OutputRun<some FilePartSink>) throws {
        let disposition = MultipartForm.disposition(String(decoding: headerBytes.dropLast(4), as: UTF8.self))
        (state, matched, sectionStart) = (.content, 0, offset + 1)
        if disposition.name == "file" {
            role = .file
        } else if chosenFileName == nil, disposition.fileName != nil {
            role = .fallback
        } else if let name = disposition.name, disposition.fileName == nil {
            guard fields.count < Self.maximumFields else {
                throw MultipartForm.Malformed(byteOffset: sectionStart, reason: "the form has more than \(Self.maximumFields) fields")
            }
            (role, partName, fieldBytes) = (.field, name, [])
            return
        } else {
            role = .ignored
            return
        }
        try output.restart()
        chosenFileName = .some(disposition.fileName)
        chosenIsFile = role == .file
        chosenComplete = false
    }

    /// One byte of a part's content: held back while it may begin the closing separator, emitted otherwise.
    private mutating func contentByte(_ byte: UInt8, output: inout OutputRun<some FilePartSink>) throws {
        while matched > 0, byte != separator[matched] {
            let shorter = separatorTable[matched - 1]
            try separator[0..<(matched - shorter)].withUnsafeBytes { try emit($0, output: &output) }
            matched = shorter
        }
        if byte == separator[matched] {
            matched += 1
        } else {
            try withUnsafeBytes(of: byte) { try emit($0, output: &output) }
        }
        guard matched == separator.count else { return }
        matched = 0
        switch role {
        case .file, .fallback: chosenComplete = true
        case .field: fields[partName ?? ""] = String(decoding: fieldBytes, as: UTF8.self)
        case .ignored: break
        }
        // The `file` field is the answer: whatever follows it is not read.
        state = role == .file ? .epilogue : .afterDelimiter(seen: [])
        sectionStart = offset + 1
    }

    /// Content of the current part: to the sink for the chosen file, into `fieldBytes` for a text field.
    private mutating func emit(_ bytes: UnsafeRawBufferPointer, output: inout OutputRun<some FilePartSink>) throws {
        switch role {
        case .file, .fallback:
            try output.append(bytes)
        case .field:
            guard fieldBytes.count + bytes.count <= Self.maximumFieldBytes else {
                throw MultipartForm.Malformed(byteOffset: sectionStart,
                                              reason: "the field \"\(partName ?? "")\" is longer than \(Self.maximumFieldBytes) bytes")
            }
            fieldBytes.append(contentsOf: bytes)
        case .ignored:
            break
        }
    }

    /// KMP step over `pattern`; true when the byte completes a match.
    private mutating func advance(_ byte: UInt8, pattern: [UInt8], table: [Int]) -> Bool {
        while matched > 0, byte != pattern[matched] { matched = table[matched - 1] }
        if byte == pattern[matched] { matched += 1 }
        guard matched == pattern.count else { return false }
        matched = 0
        return true
    }
}

/// Where a form's file content goes.
protocol FilePartSink {
    /// Drops what was written: a later part replaced the one chosen so far.
    mutating func restart() throws
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// Content bytes gathered into runs, so the sink gets a few large writes instead of one per byte.
private struct OutputRun<Sink: FilePartSink> {
    var sink: Sink
    private var buffer: [UInt8] = []

    init(sink: Sink) {
        self.sink = sink
        buffer.reserveCapacity(1 << 16)
    }

    mutating func append(_ byte: UInt8) throws {
        buffer.append(byte)
        if buffer.count >= 1 << 16 { try flush() }
    }

    mutating func append(_ bytes: ArraySlice<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count >= 1 << 16 {
            try flush()
            guard bytes.count < 1 << 16 else { return try sink.write(bytes) }
        }
        buffer.append(contentsOf: bytes)
    }

    mutating func restart() throws {
        buffer.removeAll(keepingCapacity: true)
        try sink.restart()
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try sink.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}
