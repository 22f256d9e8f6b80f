import Foundation

/// Runs one job per case on all cores, keeping the input order (structured: returns when all are done).
enum ParallelCases {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ work: @escaping @Sendable (Input) throws -> Output
    ) async throws -> [Output] {
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var results = [Output?](repeating: nil, count: inputs.count)
            var next = 0
            while next < min(width, inputs.count) {
                let (index, input) = (next, inputs[next])
                group.addTask { (index, try work(input)) }
                next += 1
            }
            while let (index, output) = try await group.next() {
                results[index] = output
                if next < inputs.count {
                    let (index, input) = (next, inputs[next])
                    group.addTask { (index, try work(input)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
