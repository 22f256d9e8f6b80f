import Compression
import Evaluation
import Foundation
import Testing
import TestSupport

/// Container image archives that are refused, each with what, where and why, before anything large is read.
@Suite struct ContainerImageRefusalTests {
    typealias Builder = ImageArchiveBuilder

    private func refusal(_ bytes: [UInt8], budget: ContainerImageBudget = .limited(to: 1 << 30)) -> ContainerImageError? {
        do {
            _ = try ContainerImageArchive.inspect(bytes: bytes, displayName: "image.tar", budget: budget)
            return nil
        } catch let error as ContainerImageError {
            return error
        } catch {
            Issue.record("not a ContainerImageError: \(error)")
            return nil
        }
    }

    @Test(arguments: BadImageArchives.all.map(\.name))
    func craftedBadImageArchiveIsRefused(name: String) throws {
        let bad = try #require(BadImageArchives.all.first { $0.name == name })
        let error = try #require(refusal(bad.bytes))
        #expect(error.description.contains(bad.error), "\(error)")
        #expect(error.file == "image.tar")
    }

    @Test func committedBadFixturesAreTheCraftedBytes() throws {
        let folder = BadImageArchives.folder
        if ProcessInfo.processInfo.environment["ARBITER_WRITE_BAD_FIXTURES"] != nil {
            for bad in BadImageArchives.all { try Data(bad.bytes).write(to: URL(fileURLWithPath: folder + "/" + bad.name)) }
        }
        for bad in BadImageArchives.all {
            let committed = try #require(FileManager.default.contents(atPath: folder + "/" + bad.name), "\(bad.name) missing")
            #expect([UInt8](committed) == bad.bytes, "\(bad.name) differs from its generator")
        }
    }

    @Test func refusesDockerConfigWhoseDigestDiffersFromItsName() throws {
        var members = Builder.docker()
        members[1].bytes = Builder.configJSON(architecture: "arm64")
        let error = try #require(refusal(Builder.tar(members)))
        #expect(error.message.contains("has SHA-256 \(Builder.hex(members[1].bytes)), not the \(Builder.hex(Builder.config))"))
        #expect(error.byteOffset == Int64(512 + Builder.layer.count))
    }

    @Test func refusesOCIConfigWhoseDigestDiffersFromItsDescriptor() throws {
        var members = Builder.oci()
        members[1].bytes = Builder.configJSON(architecture: "arm64")
        let error = try #require(refusal(Builder.tar(members)))
        #expect(error.message.contains("the image config blobs/sha256/\(Builder.hex(Builder.config)) has SHA-256"))
    }

    @Test func refusesOCIManifestWhoseSizeDiffersFromItsDescriptor() throws {
        var members = Builder.oci()
        members[3].bytes = Builder.ociIndex([Builder.descriptor(members[2].bytes, mediaType: "application/vnd.oci.image.manifest.v1+json")]
            .map { $0.replacingOccurrences(of: "\"size\":\(members[2].bytes.count)", with: "\"size\":7") })
        let error = try #require(refusal(Builder.tar(members)))
        #expect(error.message.contains("is \(members[2].bytes.count) bytes, but index.json says 7"))
    }

    @Test func refusesDockerLayerMissingFromTheArchive() throws {
        let members = Array(Builder.docker().dropFirst())
        let error = try #require(refusal(Builder.tar(members)))
        #expect(error.message == "layer \"\(Builder.hex(Builder.layer)).tar\" listed in manifest.json is not in the archive")
    }

    @Test func refusesOCILayerMissingOrOfAnotherSize() throws {
        let missing = try #require(refusal(Builder.tar(Array(Builder.oci().dropFirst()))))
        #expect(missing.message.contains("layer blobs/sha256/\(Builder.hex(Builder.layer)) listed in blobs/sha256/"))
        var members = Builder.oci()
        members[0].bytes += [0]
        let resized = try #require(refusal(Builder.tar(members)))
        #expect(resized.message.contains("is \(Builder.layer.count + 1) bytes, but blobs/sha256/"))
    }

    @Test func refusesManifestListingTwoImages() throws {
        var members = Builder.docker()
        members[2].bytes = Builder.dockerManifest(config: members[1].name, layers: [members[0].name], images: 2)
        let error = try #require(refusal(Builder.tar(members)))
        #expect(error.message.contains("manifest.json lists 2 images; the archive must hold exactly one"))
    }

    @Test func refusesAmbiguousMultiPlatformIndex() throws {
        let manifest = Builder.ociManifest(config: Builder.config, layers: [Builder.layer])
        let index = Builder.ociIndex(["linux/arm64", "linux/s390x"].map { Builder.manifestDescriptor(manifest, platform: $0) })
        let members = [Builder.blob(Builder.layer), Builder.blob(Builder.config), Builder.blob(manifest), ("index.json", index), Builder.layout]
        let error = try #require(refusal(Builder.tar(members)))
        #expect(error.message.contains("index.json lists 2 manifests (linux/arm64, linux/s390x) and none for linux/amd64"))
    }

    @Test func refusesManifestDeclaringFiftyMiBBeforeBufferingIt() throws {
        let before = Array(Builder.tar(Array(Builder.docker().dropLast())).dropLast(1024))
        let bytes = before + TarBuilder.header("manifest.json", size: 50 << 20) + [UInt8](repeating: 0x20, count: 512)
        let error = try #require(refusal(bytes))
        #expect(error.message == "manifest.json is 50 MiB, over the 1 MiB budget for an image document")
        #expect(error.byteOffset == Int64(before.count))
    }

    @Test func refusesMoreMembersThanTheBudget() throws {
        var budget = ContainerImageBudget.limited(to: 1 << 30)
        budget.maxEntries = 2
        let error = try #require(refusal(Builder.tar(Builder.docker()), budget: budget))
        #expect(error.message.contains("more than 2 members"))
        #expect(error.byteOffset == Int64(Builder.tar(Array(Builder.docker().prefix(2))).count - 1024))
    }

    @Test func refusesMoreLayersThanTheBudget() throws {
        var budget = ContainerImageBudget.limited(to: 1 << 30)
        budget.maxLayers = 1
        let error = try #require(refusal(Builder.tar(Builder.oci(layers: [Builder.layer, Builder.secondLayer])), budget: budget))
        #expect(error.message.contains("lists 2 layers, over the budget of 1"))
    }

    @Test func refusesConfigWithoutArchitecture() throws {
        let error = try #require(refusal(Builder.tar(Builder.docker(config: Builder.configJSON(architecture: nil)))))
        #expect(error.message.contains("has no \"architecture\""))
    }

    @Test func refusesTruncatedGzippedArchive() throws {
        let gzipped = Deflate.gzip(Builder.tar(Builder.docker()))
        let error = try #require(refusal(Array(gzipped.prefix(gzipped.count / 2))))
        #expect(error.message.hasPrefix("truncated: "), "\(error)")
    }

    @Test func refusesAnythingButATarOrGzippedTar() throws {
        let csv = try #require(refusal(Array("case_id,label\nc01,1\n".utf8)))
        #expect(csv.message == "not a container image archive: neither a tar nor a gzip-compressed tar (save the image with docker save or podman save)")
        let zip = try #require(refusal(BadArchives.zip("manifest.json", Array("[]".utf8))))
        #expect(zip.message.hasPrefix("not a container image archive: a zip archive, not a tar"))
        #expect(zip.byteOffset == 0)
    }

    @Test func refusesArchiveOverTheByteLimitBeforeReadingIt() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write([UInt8](repeating: 0, count: 5000), to: "upload")
        do {
            _ = try ContainerImageArchive.inspect(path: path, displayName: "image.tar", budget: .limited(to: 4096))
            Issue.record("accepted")
        } catch let error as ContainerImageError {
            #expect(error.description == "image.tar: the archive is 5000 bytes, over the 4 KiB limit for an image")
        }
    }

    @Test func errorNamesTheUploadNeverTheTemporaryPath() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write(BadImageArchives.truncatedInLayer, to: "upload")
        do {
            _ = try ContainerImageArchive.inspect(path: path, displayName: "mine.tar", budget: .limited(to: 1 << 30))
            Issue.record("accepted")
        } catch let error as ContainerImageError {
            #expect(error.description.hasPrefix("mine.tar: byte 1512: truncated: the archive ends inside member"))
            #expect(!error.description.contains(scratch.path))
        }
    }
}
