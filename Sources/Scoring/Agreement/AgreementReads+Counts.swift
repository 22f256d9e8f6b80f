extension AgreementReads {
    /// The number of reads in the study.
    public var readCount: Int { labels.count { $0 >= 0 } }

    /// The number of items both readers read (the items Cohen's kappa between them uses).
    public func sharedItemCount(readerA: Int, readerB: Int) -> Int {
        (0..<itemCount).count { labels[$0 * readerCount + readerA] >= 0 && labels[$0 * readerCount + readerB] >= 0 }
    }

    /// The number of items read at least twice (the items Krippendorff's alpha and percent agreement use).
    public var itemsReadTwiceCount: Int {
        (0..<itemCount).count { readCount(item: $0) >= 2 }
    }
}
