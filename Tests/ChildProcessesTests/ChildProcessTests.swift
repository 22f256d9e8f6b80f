import ChildProcesses
import Foundation
import Glibc
import Testing

@Suite struct ChildProcessTests {
    @Test func exitStatusAndOutputAreTheChildsOwn() async throws {
        let result = try await ChildProcess("/bin/sh", ["-c", "printf out; printf err >&2; exit 3"]).result()
        #expect(result.status == 3)
        #expect(!result.signalled)
        #expect(result.outputText == "out")
        #expect(result.errorText == "err")
    }

    @Test func outputPastItsLimitIsReadAndDroppedSoTheChildStillEnds() async throws {
        let result = try await ChildProcess("/bin/sh", ["-c", "head -c 1000000 /dev/zero"], outputLimit: 1000).result()
        #expect(result.status == 0)
        #expect(result.output.count == 1000)
        #expect(result.outputTruncated)
    }

    @Test func mergedErrorsKeepTheirOrderInTheOutput() async throws {
        let result = try await ChildProcess("/bin/sh", ["-c", "echo one; echo two >&2; echo three"], errors: .mergedIntoOutput).result()
        #expect(result.outputText == "one\ntwo\nthree\n")
        #expect(result.error.isEmpty)
    }

    @Test func environmentIsLaidOverThisProcesss() async throws {
        let child = try ChildProcess("/bin/sh", ["-c", "echo \"$ARBITER_CHILD_TEST:${PATH:+path}\""], environment: ["ARBITER_CHILD_TEST": "laid"])
        #expect(await child.result().outputText == "laid:path\n")
    }

    @Test func inputFileAndWorkingFolderAreTheChilds() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("given\n".utf8).write(to: URL(fileURLWithPath: folder + "/in.txt"))
        let result = try await ChildProcess("/bin/sh", ["-c", "cat; pwd"], workingDirectory: folder, inputFile: folder + "/in.txt").result()
        // `pwd` in a child started in a folder prints its physical path, whatever $TMPDIR's links.
        let physical = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        #expect(result.outputText == "given\n\(physical)\n")
    }

    @Test func noOtherDescriptorOfThisProcessReachesTheChild() async throws {
        // A descriptor left open across exec, as another library's pipe or socket may be, at the first free number from
        // 213 up. (Not `dup2` onto 213: that silently closed whatever another test held there, a slide's descriptor or
        // a listening socket, and failed those tests in CI with EBADF and a refused connection.)
        let file = open("/dev/null", O_RDONLY)
        let inheritable = fcntl(file, F_DUPFD, 213)
        defer { close(inheritable); close(file) }
        #expect(inheritable >= 213 && fcntl(inheritable, F_GETFD) & FD_CLOEXEC == 0)
        let result = try await ChildProcess("/bin/sh", ["-c", "[ -e /proc/self/fd/\(inheritable) ] && echo open || echo closed"]).result()
        #expect(result.outputText == "closed\n")
    }

    @Test func aSignalStopsARunningChildAndItsEndingSaysSo() async throws {
        let child = try ChildProcess("/bin/sh", ["-c", "exec sleep 600"])
        #expect(await !child.waitForEnd(upTo: 0.2))
        #expect(child.signal(SIGKILL))
        let result = await child.result()
        #expect(result.signalled)
        #expect(result.status == SIGKILL)
    }

    @Test func aChildThatHasEndedIsNeverSignalled() async throws {
        let child = try ChildProcess("/bin/true", [])
        _ = await child.result()
        #expect(child.hasEnded)
        #expect(!child.signal(SIGKILL))
    }

    @Test func aMissingExecutableIsNamedInTheError() throws {
        let error = #expect(throws: ChildProcessError.self) { try ChildProcess("arbiter-no-such-program", []) }
        #expect(error?.description.contains("arbiter-no-such-program not found on PATH") == true)
    }
}
