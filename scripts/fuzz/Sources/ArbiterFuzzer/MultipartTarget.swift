import MultipartParsing

/// `multipart`: the upload form parser (`MultipartForm.boundary` and `filePart`). The first line of the input is the
/// Content-Type header's value, the rest the body.
let multipartTarget = FuzzTarget(name: "multipart", covers: "MultipartForm (upload bodies), built from the Server's own file") { input in
    _ = MultipartFuzzing.filePartSize([UInt8](input))
}
