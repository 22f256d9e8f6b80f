import Compression
import Evaluation
import Foundation
import Testing
import TestSupport

/// Container image archives that inspect: both layouts, plain and gzipped, members in any order, as podman writes them.
@Suite struct ContainerImageArchiveTests {
    typealias Builder = ImageArchiveBuilder
    static let budget = ContainerImageBudget.limited(to: 1 << 30)

    private func inspect(_ bytes: [UInt8], budget: ContainerImageBudget = budget) throws -> ContainerImageSummary {
        try ContainerImageArchive.inspect(bytes: bytes, displayName: "image.tar", budget: budget)
    }

    private func expectToolImage(_ summary: ContainerImageSummary, format: ContainerImageSummary.Format) {
        #expect(summary.format == format)
        #expect(summary.imageID == "sha256:" + Builder.hex(Builder.config))
        #expect(summary.architecture == "amd64")
        #expect(summary.os == "linux")
        #expect(summary.entrypoint == ["/bin/busybox"])
        #expect(summary.command == ["sh", "-c", "run"])
        #expect(summary.user == "1000")
        #expect(summary.workingDirectory == "/work")
        #expect(summary.references == ["localhost/tool:1"])
        #expect(summary.layerCount == 1)
        #expect(summary.layerBytes == Int64(Builder.layer.count))
    }

    @Test func readsDockerArchiveFields() throws {
        expectToolImage(try inspect(Builder.tar(Builder.docker())), format: .dockerArchive)
    }

    @Test func readsOCIArchiveFields() throws {
        expectToolImage(try inspect(Builder.tar(Builder.oci())), format: .ociArchive)
    }

    @Test func readsGzippedArchivesByTheirMagicBytes() throws {
        expectToolImage(try inspect(Deflate.gzip(Builder.tar(Builder.docker()))), format: .dockerArchive)
        expectToolImage(try inspect(Deflate.gzip(Builder.tar(Builder.oci()))), format: .ociArchive)
    }

    @Test func readsDocumentsStoredAfterOrBeforeTheLayers() throws {
        expectToolImage(try inspect(Builder.tar(Array(Builder.docker().reversed()))), format: .dockerArchive)
        expectToolImage(try inspect(Builder.tar(Array(Builder.oci().reversed()))), format: .ociArchive)
    }

    @Test func countsLayersAndTheirStoredBytes() throws {
        let layers = [Builder.layer, Builder.secondLayer]
        for members in [Builder.docker(layers: layers), Builder.oci(layers: layers)] {
            let summary = try inspect(Builder.tar(members))
            #expect(summary.layerCount == 2)
            #expect(summary.layerBytes == Int64(Builder.layer.count + Builder.secondLayer.count))
        }
    }

    @Test func followsALegacyLayerLinkAsPodmanWritesIt() throws {
        var members = Builder.docker()
        let layerName = members[0].name
        members[members.count - 1].bytes = Builder.dockerManifest(config: members[1].name, layers: ["abc/layer.tar"])
        let link = TarBuilder.header("abc/layer.tar", size: 0, type: UInt8(ascii: "2"), link: "../" + layerName)
        let summary = try inspect(members.flatMap { TarBuilder.member($0.name, $0.bytes) } + link + TarBuilder.end)
        #expect(summary.layerBytes == Int64(Builder.layer.count))
    }

    /// Docker 25+ writes an OCI layout and a `manifest.json` naming its blobs: the manifest is read.
    @Test func readsDockerArchiveNamingBlobs() throws {
        let layerPath = "blobs/sha256/" + Builder.hex(Builder.layer), configPath = "blobs/sha256/" + Builder.hex(Builder.config)
        let members = Builder.oci() + [("manifest.json", Builder.dockerManifest(config: configPath, layers: ["./" + layerPath]))]
        expectToolImage(try inspect(Builder.tar(members)), format: .dockerArchive)
    }

    @Test func leavesMissingSettingsEmpty() throws {
        let config = Array(#"{"architecture":"arm64","os":"linux","config":{"Cmd":null}}"#.utf8)
        let summary = try inspect(Builder.tar(Builder.docker(config: config)))
        #expect(summary.architecture == "arm64")
        #expect(summary.entrypoint.isEmpty && summary.command.isEmpty)
        #expect(summary.user == nil && summary.workingDirectory == nil)
    }

    @Test func picksLinuxAmd64FromAMultiPlatformIndex() throws {
        let armConfig = Builder.configJSON(architecture: "arm64")
        let amd = Builder.ociManifest(config: Builder.config, layers: [Builder.layer])
        let arm = Builder.ociManifest(config: armConfig, layers: [Builder.layer])
        let index = Builder.ociIndex([Builder.manifestDescriptor(arm, platform: "linux/arm64"), Builder.manifestDescriptor(amd, platform: "linux/amd64")])
        let members = [Builder.blob(Builder.layer), Builder.blob(Builder.config), Builder.blob(armConfig), Builder.blob(amd), Builder.blob(arm),
                       ("index.json", index), Builder.layout]
        expectToolImage(try inspect(Builder.tar(members)), format: .ociArchive)
    }

    @Test func followsOneNestedIndex() throws {
        let manifest = Builder.ociManifest(config: Builder.config, layers: [Builder.layer])
        let nested = Builder.ociIndex([Builder.manifestDescriptor(manifest, reference: nil, platform: "linux/amd64")])
        let top = Builder.descriptor(nested, mediaType: "application/vnd.oci.image.index.v1+json",
                                     extra: #","annotations":{"org.opencontainers.image.ref.name":"localhost/tool:1"}"#)
        let members = [Builder.blob(Builder.layer), Builder.blob(Builder.config), Builder.blob(manifest), Builder.blob(nested),
                       ("index.json", Builder.ociIndex([top])), Builder.layout]
        expectToolImage(try inspect(Builder.tar(members)), format: .ociArchive)
    }

    @Test func rescansForDocumentsPassedOverWhenSmallBlobsFilledTheBuffer() throws {
        let layers = (0..<48).map { TarBuilder.member("f\($0)", [UInt8](repeating: UInt8($0), count: 900)) + TarBuilder.end }
        let budget = ContainerImageBudget(maxArchiveBytes: 1 << 30, maxDocumentBytes: 8192)
        let summary = try inspect(Builder.tar(Builder.oci(layers: layers)), budget: budget)
        #expect(summary.layerCount == 48)
        #expect(summary.imageID == "sha256:" + Builder.hex(Builder.config))
    }

    @Test func inspectsAFileAsItsBytes() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write(Deflate.gzip(Builder.tar(Builder.oci())), to: "upload")
        let summary = try ContainerImageArchive.inspect(path: path, displayName: "image.tar.gz", budget: Self.budget)
        expectToolImage(summary, format: .ociArchive)
    }

    /// `podman save` (podman 4.3.1) of a busybox image, gzipped: see Fixtures/README.md.
    @Test func readsARealPodmanDockerArchive() throws {
        let path = RepositoryFiles.path("Fixtures/images/busybox-podman-docker-archive.tar.gz")
        let summary = try ContainerImageArchive.inspect(path: path, displayName: "busybox.tar.gz", budget: Self.budget)
        #expect(summary.format == .dockerArchive)
        #expect(summary.imageID == "sha256:3e9945eef8e52c8ceb50b74bf2114e30a2c186c5e1313ef1128fac31beb789e1")
        #expect(summary.architecture == "amd64" && summary.os == "linux")
        #expect(summary.entrypoint == ["/bin/busybox"] && summary.command == ["sh"])
        #expect(summary.user == "1000" && summary.workingDirectory == "/work")
        #expect(summary.references == ["localhost/arbiter-busybox:test"])
        #expect(summary.layerCount == 1 && summary.layerBytes == 1_986_560)
    }
}
