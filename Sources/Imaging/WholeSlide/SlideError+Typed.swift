extension SlideError {
    /// Runs a closure passed to an API that only `rethrows` (such as `withUnsafeMutableBytes`), whose body throws
    /// nothing but `SlideError`, and gives the error its type back.
    static func typed<T>(_ body: () throws -> T) throws(SlideError) -> T {
        do {
            return try body()
        } catch let error as SlideError {
            throw error
        } catch {
            preconditionFailure("only SlideError is thrown here, got \(error)")
        }
    }
}
