import Challenge

/// What a phase takes, in one line for the submit form.
enum SubmissionFormat {
    static func line(_ spec: ChallengeSpec, phase: PhaseSpec) -> String {
        if phase.container != nil {
            return "A container image archive (`docker save` or OCI layout, .tar or .tar.gz) that reads /input and writes /output."
        }
        switch spec.task.kind {
        case .slideClassification:
            let last = max(0, spec.task.classes.count - 1)
            return "A CSV with one row per case: case_id,label (optionally p_0 … p_\(last), probabilities summing to 1)."
        case .slideLesionDetection:
            return "A .tar or .zip archive with one CSV of points (x, y, confidence) per slide, named after its case id."
        case .volumeLesionDetection:
            return "A .tar or .zip archive with one detection map per case (NIfTI or MetaImage), named after its case id."
        case .volumeSegmentation:
            return "A .tar or .zip archive with one label volume per case (NIfTI or MetaImage), named after its case id."
        case .slideSegmentation:
            return "A .tar or .zip archive with one PNG mask per slide, named after its case id."
        }
    }

    /// `50 MB`, `1.5 GB`.
    static func bytes(_ count: Int) -> String {
        let units: [(String, Double)] = [("GB", 1_073_741_824), ("MB", 1_048_576), ("KB", 1024)]
        for (unit, scale) in units where Double(count) >= scale {
            let value = Double(count) / scale
            let rounded = (value * 10).rounded() / 10
            return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)) + " " + unit
        }
        return "\(count) bytes"
    }
}
