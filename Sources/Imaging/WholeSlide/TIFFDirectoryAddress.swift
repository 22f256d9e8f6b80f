/// Where a TIFF image directory sits: in the main IFD chain, or among the SubIFDs of one of its directories.
enum TIFFDirectoryAddress: Hashable, Sendable, CustomStringConvertible {
    case main(Int)
    /// SubIFD `index` of main directory `parent`, at file offset `offset`.
    case sub(parent: Int, index: Int, offset: UInt64)

    var description: String {
        switch self {
        case .main(let index): "IFD \(index)"
        case .sub(let parent, let index, _): "IFD \(parent) SubIFD \(index)"
        }
    }
}
