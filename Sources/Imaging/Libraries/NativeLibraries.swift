import Foundation
import CJPEG
import COpenJPEG
import CPNG
import CTIFF
import Compression

/// The C imaging libraries Arbiter links, with the versions found at run time
/// (or, for libjpeg, which has no run-time version call, at build time).
public enum NativeLibraries {
    /// One linked library and the version it reports.
    public struct Library: Sendable, Equatable {
        public let name: String
        public let version: String
    }

    /// Every imaging library Arbiter links, in a stable order.
    public static func all() -> [Library] {
        [
            Library(name: "libtiff", version: libtiffVersion()),
            Library(name: "OpenJPEG", version: String(cString: opj_version())),
            Library(name: "libpng", version: String(cString: png_get_libpng_ver(nil))),
            Library(name: "libjpeg-turbo", version: libjpegVersion()),
            Library(name: "zlib", version: Deflate.zlibVersionString),
            Library(name: "libdeflate", version: Deflate.libdeflateVersionString),
        ]
    }

    /// libtiff reports a banner such as "LIBTIFF, Version 4.5.0\nCopyright…"; keep the number.
    private static func libtiffVersion() -> String {
        let banner = String(cString: TIFFGetVersion())
        let firstLine = banner.split(separator: "\n").first.map(String.init) ?? banner
        guard let range = firstLine.range(of: "Version ") else { return firstLine }
        return String(firstLine[range.upperBound...])
    }

    private static func libjpegVersion() -> String {
        let turbo = Int(arbiter_jpeg_turbo_version_number())
        let api = Int(arbiter_jpeg_lib_version())
        let apiText = "API \(api / 10)\(api % 10 == 0 ? "" : "." + String(api % 10))"
        guard turbo > 0 else { return apiText }
        return "\(turbo / 1_000_000).\(turbo / 1000 % 1000).\(turbo % 1000) (\(apiText))"
    }
}
