import Testing
@testable import Runner

/// A listing that failed because another process removed a container meanwhile is asked again; other failures are not.
struct PodmanListingTests {
    @Test func containerRemovedDuringAListingIsARaceToRetry() {
        let raced = ContainerEngineError(
            command: ["podman", "ps"], status: 125,
            message: "Error: container 5224255e7c66 does not exist in database: no such container")
        #expect(PodmanEngine.isListingRace(raced))
    }

    @Test func otherListingFailuresAreNotRetried() {
        let refused = ContainerEngineError(command: ["podman", "ps"], status: 125, message: "Error: unknown flag: --bogus")
        let refusedBeforePodman = ContainerEngineError.refused("no such container as a label")
        #expect(!PodmanEngine.isListingRace(refused))
        #expect(!PodmanEngine.isListingRace(refusedBeforePodman))
    }
}
