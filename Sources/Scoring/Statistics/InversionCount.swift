/// Counting strict inversions (i < j with a[i] > a[j]) by bottom-up merge sort, O(n log n).
enum InversionCount {
    /// The number of strict inversions of `values`, which ends up sorted ascending.
    static func count<Value: Comparable>(_ values: inout [Value]) -> Int {
        guard values.count > 1 else { return 0 }
        var buffer = values
        var inversions = 0
        var width = 1
        while width < values.count {
            var start = 0
            while start < values.count {
                let middle = Swift.min(start + width, values.count)
                let end = Swift.min(start + 2 * width, values.count)
                inversions += merge(values, into: &buffer, start: start, middle: middle, end: end)
                start = end
            }
            swap(&values, &buffer)
            width *= 2
        }
        return inversions
    }

    /// Merges the sorted runs [start, middle) and [middle, end) of `source` into `target`; equal items are
    /// taken from the left run first, so they never count as inversions.
    private static func merge<Value: Comparable>(
        _ source: [Value], into target: inout [Value], start: Int, middle: Int, end: Int
    ) -> Int {
        var left = start
        var right = middle
        var inversions = 0
        for position in start..<end {
            if left < middle, right == end || !(source[right] < source[left]) {
                target[position] = source[left]
                left += 1
            } else {
                target[position] = source[right]
                inversions += middle - left
                right += 1
            }
        }
        return inversions
    }
}
