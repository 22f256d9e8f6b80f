extension ASAPXMLWriter {
    /// The group names `ASAPXMLParser` reads as exclusions (compared lowercased); kept in step with it by the
    /// round-trip tests.
    static let exclusionGroupNames: Set<String> = ["_2", "exclusion"]

    /// Refuses groups whose annotations would read back as the other kind, and colours or names the file
    /// cannot carry.
    static func checkGroups(lesionGroup: Group, exclusionGroup: Group, file: String) throws(AnnotationError) {
        if exclusionGroupNames.contains(lesionGroup.name.lowercased()) {
            throw AnnotationError(file: file, location: "lesion group",
                                  "\"\(lesionGroup.name)\" is read back as an exclusion group; name lesions otherwise")
        }
        if !exclusionGroupNames.contains(exclusionGroup.name.lowercased()) {
            throw AnnotationError(file: file, location: "exclusion group",
                                  "\"\(exclusionGroup.name)\" would be read back as lesions; use \"_2\" or \"Exclusion\"")
        }
        for (group, location) in [(lesionGroup, "lesion group"), (exclusionGroup, "exclusion group")] {
            try checkColor(group.color, file: file, location: location)
            try checkColor(group.annotationColor, file: file, location: location)
            if let bad = group.name.unicodeScalars.first(where: { !isXMLCharacter($0) }) {
                throw AnnotationError(file: file, location: location,
                                      "the name holds U+\(String(bad.value, radix: 16, uppercase: true)), which XML 1.0 cannot hold")
            }
        }
    }

    static func checkColor(_ color: String, file: String, location: String) throws(AnnotationError) {
        let digits = color.utf8.dropFirst()
        guard color.utf8.first == UInt8(ascii: "#"), digits.count == 6,
              digits.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x46) || ($0 >= 0x61 && $0 <= 0x66) }) else {
            throw AnnotationError(file: file, location: location, "a colour must be #RRGGBB, found \"\(color.prefix(20))\"")
        }
    }

    /// XML 1.0's `Char`: tab, line feed, carriage return, and scalars from U+0020 except U+FFFE and U+FFFF.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0x20...0xFFFD, 0x10000...: true
        default: false
        }
    }
}
