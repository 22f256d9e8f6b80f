import HTTPTypes
import Testing
@testable import Server

@Suite struct MultipartFormTests {
    @Test func boundaryIsReadFromAQuotedOrBareParameter() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartForm.boundary(contentType: #"Multipart/Form-Data; charset=utf-8; boundary="a b""#) == "a b")
        #expect(MultipartForm.boundary(contentType: "text/csv") == nil)
    }

    @Test func firstPartWithAFileNameIsTakenWhenNoneIsNamedFile() throws {
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"x.csv\"\r\n\r\n1,2\r\n--b--\r\n".utf8)
        let part = try MultipartForm.filePart(of: body, boundary: "b")
        #expect(part.fileName == "x.csv")
        #expect(Array(part.bytes) == Array("1,2".utf8))
    }

    @Test func contentMayContainTheBoundaryTextWithoutItsLineBreak() throws {
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx--b y\r\n--b--\r\n".utf8)
        #expect(Array(try MultipartForm.filePart(of: body, boundary: "b").bytes) == Array("x--b y".utf8))
    }

    @Test func formWithoutAFileIsRefused() {
        let body = Array("--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--b--\r\n".utf8)
        #expect(throws: MultipartForm.Malformed.self) { try MultipartForm.filePart(of: body, boundary: "b") }
    }
}

/// The boundary search looks at each byte a bounded number of times, so hostile bodies cost what their size costs.
@Suite struct MultipartBoundarySearchTests {
    /// The quadratic search this replaced, as the reference for what "found" means.
    static func naive(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        return (start...(haystack.count - needle.count)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    @Test func findsWhatTheNaiveSearchFindsOnSelfOverlappingPatterns() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33) % bound
        }
        let alphabet: [UInt8] = Array("-\r\nb".utf8)
        for _ in 0..<2000 {
            let needle = (0..<(1 + next(6))).map { _ in alphabet[next(alphabet.count)] }
            let haystack = (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }
            let start = next(max(1, haystack.count))
            #expect(MultipartForm.find(needle, in: haystack, from: start) == Self.naive(needle, in: haystack, from: start),
                    "\(needle) in \(haystack) from \(start)")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func fiveMegabytesOfNearBoundaryDashesAreRefusedWithoutQuadraticWork() throws {
        // The boundary is 69 dashes and an "x"; the body is dashes only, so every position is a 70-byte near-match.
        let boundary = String(repeating: "-", count: 69) + "x"
        let body = [UInt8](repeating: UInt8(ascii: "-"), count: 5_000_000)
        #expect(throws: MultipartForm.Malformed.self) { try MultipartForm.filePart(of: body, boundary: boundary) }
    }
}
