/// The file format a volume was read from.
public enum VolumeFormat: String, Sendable, Codable {
    case nifti1 = "NIfTI-1"
    case nifti2 = "NIfTI-2"
    case metaImage = "MetaImage"
}
