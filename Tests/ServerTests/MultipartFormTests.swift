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
