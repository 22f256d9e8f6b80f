@testable import Server
import Testing

/// The part of a file a `Range` header asks for, as RFC 9110 reads it.
@Suite struct ByteRangeTests {
    @Test(arguments: [
        ("bytes=0-9", ByteRange.part(first: 0, last: 9)),
        ("bytes=5-", .part(first: 5, last: 99)),
        ("bytes=-10", .part(first: 90, last: 99)),
        ("bytes=-500", .part(first: 0, last: 99)),
        ("bytes=90-200", .part(first: 90, last: 99)),
        ("bytes=100-", .unsatisfiable),
        ("bytes=9-0", .whole),
        ("bytes=0-1,5-6", .whole),
        ("items=0-9", .whole),
        ("bytes=a-b", .whole),
        ("bytes=-0", .unsatisfiable),
    ])
    func rangeOfAHundredByteFile(header: String, expected: ByteRange) {
        #expect(ByteRange(header: header, length: 100) == expected)
    }

    @Test func noHeaderAsksForTheWholeFile() {
        #expect(ByteRange(header: nil, length: 100) == .whole)
    }
}
