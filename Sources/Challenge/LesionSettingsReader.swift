import Scoring

/// Reads the optional `froc`, `detection` and `segmentation` sections of `task`; absent keys keep the defaults.
enum LesionSettingsReader {
    static func froc(_ field: YAMLField, _ reader: inout SpecReader) -> FROCSettings? {
        var settings = FROCSettings()
        guard field.isPresent else { return settings }
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["protocol", "evaluation-level", "microns-per-pixel", "fp-rates"])
        var complete = true
        if field.child("protocol").isPresent {
            if let value = reader.choice(field.child("protocol"), as: FROCProtocol.self) { settings.protocolName = value } else { complete = false }
        }
        if field.child("evaluation-level").isPresent {
            if let level = reader.integer(field.child("evaluation-level"), minimum: 0), level <= 12 { settings.level = level } else { complete = false }
        }
        if let mpp = positive(field.child("microns-per-pixel"), &reader, complete: &complete) { settings.micronsPerPixel = mpp }
        if let rates = positiveList(field.child("fp-rates"), &reader, complete: &complete) { settings.falsePositiveRates = rates }
        return complete ? settings : nil
    }

    static func detection(_ field: YAMLField, _ reader: inout SpecReader) -> DetectionSettings? {
        var settings = DetectionSettings()
        guard field.isPresent else { return settings }
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["overlap", "min-overlap", "candidates", "fp-rates"])
        var complete = true
        if field.child("overlap").isPresent {
            if let value = reader.choice(field.child("overlap"), as: OverlapMeasure.self) { settings.overlap = value } else { complete = false }
        }
        if let minimum = positive(field.child("min-overlap"), &reader, complete: &complete) {
            if minimum <= 1 { settings.minimumOverlap = minimum } else {
                reader.report(field.child("min-overlap").issue("an overlap is at most 1, got \(minimum)"))
                complete = false
            }
        }
        if field.child("candidates").isPresent {
            if let value = reader.choice(field.child("candidates"), as: DetectionSettings.Candidates.self) { settings.candidates = value } else { complete = false }
        }
        if let rates = positiveList(field.child("fp-rates"), &reader, complete: &complete) { settings.falsePositiveRates = rates }
        return complete ? settings : nil
    }

    static func segmentation(_ field: YAMLField, _ reader: inout SpecReader) -> SegmentationSettings? {
        var settings = SegmentationSettings()
        guard field.isPresent else { return settings }
        guard reader.requireMapping(field) else { return nil }
        reader.rejectUnknownKeys(in: field, allowed: ["tolerances", "microns-per-pixel"])
        var complete = true
        if let tolerances = positiveList(field.child("tolerances"), &reader, complete: &complete) { settings.tolerances = tolerances }
        if let mpp = positive(field.child("microns-per-pixel"), &reader, complete: &complete) { settings.micronsPerPixel = mpp }
        return complete ? settings : nil
    }

    private static func positive(_ field: YAMLField, _ reader: inout SpecReader, complete: inout Bool) -> Double? {
        guard field.isPresent else { return nil }
        guard let value = reader.number(field), value > 0 else {
            reader.report(field.issue("expected a positive number"))
            complete = false
            return nil
        }
        return value
    }

    private static func positiveList(_ field: YAMLField, _ reader: inout SpecReader, complete: inout Bool) -> [Double]? {
        guard let elements = reader.sequence(field, required: false) else { return nil }
        let values = elements.map { element -> Double? in
            let value = reader.number(element)
            if let value, value <= 0 { reader.report(element.issue("expected a positive number, got \(value)")) }
            return value.flatMap { $0 > 0 ? $0 : nil }
        }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else {
            if values.isEmpty { reader.report(field.issue("expected at least one value")) }
            complete = false
            return nil
        }
        return values.compactMap { $0 }
    }
}
