/// Reads the optional `hidden-repeats: { share, transforms, seed }`.
enum HiddenRepeatsReader {
    static func read(_ field: YAMLField, _ reader: inout SpecReader) -> HiddenRepeats? {
        guard field.isPresent else { return nil }
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["share", "transforms", "seed"])
        let shareField = field.child("share")
        var share = reader.number(shareField)
        if let value = share, !(value > 0 && value <= 0.5) {
            reader.report(shareField.issue("share \(value) is outside (0, 0.5]: repeat some items, and at most half of them"))
            share = nil
        }
        let transforms = readTransforms(field.child("transforms"), &reader)
        let seed = reader.integer(field.child("seed"), minimum: 0)
        guard let share, let transforms, let seed else { return nil }
        return HiddenRepeats(share: share, transforms: transforms, seed: seed)
    }

    private static func readTransforms(_ field: YAMLField, _ reader: inout SpecReader) -> [RepeatTransform]? {
        let known = RepeatTransform.allCases.map(\.rawValue).joined(separator: ", ")
        return reader.distinctChoices(field, as: RepeatTransform.self, noun: "transform",
                                      emptyAdvice: "a repeat is disguised by at least one of \(known)")
    }
}
