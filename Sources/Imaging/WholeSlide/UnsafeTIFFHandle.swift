import CTIFF

/// One open libtiff handle, with the diagnostics its error and warning handlers fill.
///
/// libtiff handles are not thread-safe: a handle is used by one task at a time, which `TIFFHandlePool`
/// enforces by lending each handle out exclusively. That is why the `@unchecked Sendable` is safe.
final class UnsafeTIFFHandle: @unchecked Sendable {
    let path: String
    private let tiff: OpaquePointer
    private let diagnostics: UnsafeMutablePointer<arbiter_tiff_diagnostics>
    /// Which directory libtiff has loaded, so repeated reads in one directory don't re-read it.
    private var current: TIFFDirectoryAddress?

    /// No single allocation libtiff makes from header values may exceed this.
    static let maxLibtiffAllocation = 512 << 20

    private static let silenceGlobalHandlers: Void = arbiter_tiff_silence_global_handlers()

    init(path: String) throws(SlideError) {
        _ = Self.silenceGlobalHandlers
        self.path = path
        diagnostics = .allocate(capacity: 1)
        arbiter_tiff_diagnostics_reset(diagnostics)
        guard let tiff = arbiter_tiff_open(path, diagnostics, tmsize_t(Self.maxLibtiffAllocation)) else {
            var reason = Self.message(diagnostics) ?? "not a TIFF file"
            if reason.hasPrefix(path + ": ") { reason.removeFirst(path.count + 2) }
            diagnostics.deallocate()
            if reason.contains("Not a TIFF") || reason.contains("Cannot open") {
                throw SlideError(.unsupportedFormat, file: path, reason)
            }
            throw SlideError(.malformed, file: path, directory: "IFD 0", tag: Self.tagNamed(in: reason), reason)
        }
        self.tiff = tiff
        current = .main(0)
    }

    deinit {
        TIFFClose(tiff)
        diagnostics.deallocate()
    }

    /// Runs `body` with the raw handle after clearing earlier diagnostics.
    func withTIFF<T>(_ body: (OpaquePointer) throws(SlideError) -> T) throws(SlideError) -> T {
        arbiter_tiff_diagnostics_reset(diagnostics)
        return try body(tiff)
    }

    /// The first error libtiff reported since the last `withTIFF`, if any.
    var lastError: String? { Self.message(diagnostics) }

    /// The first warning libtiff reported since the last `withTIFF`, if any (an IFD loop is only a warning).
    var lastWarning: String? {
        guard diagnostics.pointee.warning_count > 0 else { return nil }
        return withUnsafeBytes(of: diagnostics.pointee.warning) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// Loads a directory (a no-op when it is already loaded).
    func select(_ address: TIFFDirectoryAddress) throws(SlideError) {
        if current == address { return }
        current = nil
        arbiter_tiff_diagnostics_reset(diagnostics)
        let ok: Int32
        switch address {
        case .main(let index): ok = TIFFSetDirectory(tiff, tdir_t(index))
        case .sub(_, _, let offset): ok = TIFFSetSubDirectory(tiff, offset)
        }
        guard ok == 1 else {
            throw SlideError(.malformed, file: path, directory: address.description, lastError ?? "cannot read the directory")
        }
        current = address
    }

    /// Moves from main directory `index` to the next one; false at the end (or on an error, left in `lastError`).
    func readDirectory(after index: Int) throws(SlideError) -> Bool {
        try select(.main(index))
        arbiter_tiff_diagnostics_reset(diagnostics)
        let ok = TIFFReadDirectory(tiff) == 1
        current = ok ? .main(index + 1) : nil
        return ok
    }

    /// The tag a libtiff message is about: one it names, or the one behind its wording for tile-count failures.
    static func tagNamed(in message: String) -> String? {
        if message.contains("TIFFNumberOfTiles") { return TIFFTag.imageWidth.name }
        if message.contains("number of tiles") { return TIFFTag.tileWidth.name }
        return TIFFTag.allCases.map(\.name).sorted { $0.count > $1.count }.first { message.contains($0) }
    }

    private static func message(_ diagnostics: UnsafeMutablePointer<arbiter_tiff_diagnostics>) -> String? {
        guard diagnostics.pointee.error_count > 0 else { return nil }
        return withUnsafeBytes(of: diagnostics.pointee.message) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
