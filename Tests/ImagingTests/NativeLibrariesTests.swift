import Imaging
import Testing

@Suite struct NativeLibrariesTests {
    @Test func reportsEveryLinkedImagingLibraryWithAVersion() {
        let libraries = NativeLibraries.all()
        #expect(libraries.map(\.name) == ["libtiff", "OpenJPEG", "libpng", "libjpeg-turbo", "zlib", "libdeflate"])
        for library in libraries {
            #expect(library.version.first?.isNumber == true, "\(library.name) reports \"\(library.version)\"")
        }
    }
}
