/// Why readers and items cannot be assigned as asked.
public enum AssignmentError: Error, Equatable, CustomStringConvertible {
    case tooFewReaders(readsPerItem: Int, readers: Int)
    case duplicateReader(String)
    case duplicateItem(String)

    public var description: String {
        switch self {
        case .tooFewReaders(let k, let readers):
            "each item needs \(k) distinct readers, but the study has \(readers)"
        case .duplicateReader(let name): "reader \"\(name)\" is listed twice"
        case .duplicateItem(let id): "item \"\(id)\" is listed twice"
        }
    }
}
