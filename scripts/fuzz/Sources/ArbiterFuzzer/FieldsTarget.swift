import FieldParsing

/// `fields`: a `Range` header (`ByteRange`) against several file lengths, and a sign-up address (`EmailAddress`).
/// **Cross-check**: a range lies inside the file; an accepted address parses again to itself.
let fieldsTarget = FuzzTarget(name: "fields", covers: "ByteRange (Range headers) and EmailAddress (sign-up addresses), from their own files") { input in
    if let broken = FieldFuzzing.check([UInt8](input)) { crossCheckFailed(broken) }
}
