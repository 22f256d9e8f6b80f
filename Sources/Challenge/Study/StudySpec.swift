/// A reader study as its organiser describes it, in `Challenges/<slug>/study.yaml` or the `study:` section of
/// `challenge.yaml`: what is read, what is asked, who reads, and how reads become truth.
public struct StudySpec: Sendable, Equatable, Codable {
    public let slug: String
    public let title: String
    public let items: StudyItems
    public let questions: StudyQuestions
    /// Annotator identities, in the order given; their tokens are issued by the CLI, never written in the spec.
    public let readers: [String]
    /// Who works through the adjudication queue (majority ties); may be empty.
    public let adjudicators: [String]
    /// k: how many distinct readers read each item (for adaptive assignment, the most an item gets).
    public let readsPerItem: Int
    public let assignment: AssignmentMethod
    public let hiddenRepeats: HiddenRepeats?
    public let truth: StudyTruthRule?

    public init(
        slug: String, title: String, items: StudyItems, questions: StudyQuestions, readers: [String], adjudicators: [String],
        readsPerItem: Int, assignment: AssignmentMethod, hiddenRepeats: HiddenRepeats?, truth: StudyTruthRule?
    ) {
        self.slug = slug
        self.title = title
        self.items = items
        self.questions = questions
        self.readers = readers
        self.adjudicators = adjudicators
        self.readsPerItem = readsPerItem
        self.assignment = assignment
        self.hiddenRepeats = hiddenRepeats
        self.truth = truth
    }
}
