import MultipartParsing

/// `multipart`: the upload form parser (`MultipartForm.boundary`, `filePart`, and `MultipartStream` fed in pieces).
/// The first line of the input is the Content-Type header's value, the rest the body. **Cross-check**: the whole
/// body and the same body in pieces must give the same file part, or the same error at the same byte.
let multipartTarget = FuzzTarget(name: "multipart", covers: "MultipartForm and MultipartStream (upload bodies), from the Server's own files") { input in
    let (whole, pieces) = MultipartFuzzing.parse([UInt8](input))
    if whole != pieces {
        crossCheckFailed("the whole body gave \(String(describing: whole).prefix(300)) but in pieces \(String(describing: pieces).prefix(300))")
    }
}
