import MultipartParsing

/// `form`: the portal's form-body and cookie decoding (`FormEncoding`). **Cross-check**: a decoded form, encoded
/// again and decoded, gives the same fields.
let formTarget = FuzzTarget(name: "form", covers: "FormEncoding (portal form bodies and Cookie headers), from the Server's own file") { input in
    if let disagreement = FormFuzzing.check([UInt8](input)) { crossCheckFailed(disagreement) }
}
