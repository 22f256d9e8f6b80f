/// Consensus by majority vote: per item of a reader study, the category most of its readers chose. An item where
/// two or more categories share the most votes, or that nobody read, is not decided here: it goes to an
/// adjudication list with the tied categories and the votes per category, for a senior reader to settle.
///
/// "Most" is a plurality (more votes than any other category), not more than half of the reads: with reads
/// a, a, b, c the item is a.
public struct MajorityVote: Sendable, Equatable {
    /// An item whose reads have one most frequent category.
    public struct Decision: Sendable, Equatable {
        /// The item's position in the study (`AgreementReads.itemIDs`).
        public let item: Int
        /// The item, as the study names it.
        public let itemID: String
        /// The category index most readers chose.
        public let label: Int
        /// The number of reads per category index.
        public let votes: [Int]

        /// The decision for `item` (named `itemID`): `label`, from `votes` per category.
        public init(item: Int, itemID: String, label: Int, votes: [Int]) {
            self.item = item
            self.itemID = itemID
            self.label = label
            self.votes = votes
        }
    }

    /// An item left to adjudication: a tie between categories, or no read at all.
    public struct Tie: Sendable, Equatable {
        /// The item's position in the study (`AgreementReads.itemIDs`).
        public let item: Int
        /// The item, as the study names it.
        public let itemID: String
        /// The category indices sharing the most votes, ascending; empty when nobody read the item.
        public let tiedLabels: [Int]
        /// The number of reads per category index.
        public let votes: [Int]

        /// The tie of `item` (named `itemID`) between `tiedLabels`, from `votes` per category.
        public init(item: Int, itemID: String, tiedLabels: [Int], votes: [Int]) {
            self.item = item
            self.itemID = itemID
            self.tiedLabels = tiedLabels
            self.votes = votes
        }
    }

    /// The items decided by a plurality, in the study's item order.
    public let decisions: [Decision]
    /// The items left to adjudication, in the study's item order.
    public let adjudication: [Tie]

    /// The majority vote of every item of `reads`.
    public init(_ reads: AgreementReads) {
        var decisions: [Decision] = []
        var adjudication: [Tie] = []
        for item in 0..<reads.itemCount {
            var votes = [Int](repeating: 0, count: reads.categoryCount)
            for reader in 0..<reads.readerCount {
                if let label = reads.label(item: item, reader: reader) { votes[label] += 1 }
            }
            let most = votes.max() ?? 0
            let leaders = most == 0 ? [] : votes.indices.filter { votes[$0] == most }
            if leaders.count == 1 {
                decisions.append(Decision(item: item, itemID: reads.itemIDs[item], label: leaders[0], votes: votes))
            } else {
                adjudication.append(Tie(item: item, itemID: reads.itemIDs[item], tiedLabels: leaders, votes: votes))
            }
        }
        self.decisions = decisions
        self.adjudication = adjudication
    }
}
