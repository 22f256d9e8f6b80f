import Foundation

/// A tar archive of a minimal root file system for `podman import`: a static busybox at `/bin/busybox`, symbolic
/// links for a few of its applets, and empty `/tmp` (mode 1777) and `/output`. Used by `PodmanEngine.check()` to run
/// a trivial container without pulling anything, and by the tests.
struct BusyboxImageArchive {
    static let applets = [
        "sh", "cat", "echo", "sleep", "dd", "wget", "nc", "ls", "mkdir", "touch", "head", "tail", "cut", "tr", "id", "true",
    ]

    /// The archive's bytes, with the executable read from `busybox` on this host (it must be static).
    static func make(busybox: String = "/bin/busybox") throws -> [UInt8] {
        guard let binary = FileManager.default.contents(atPath: busybox) else {
            throw ContainerEngineError.refused("cannot read \(busybox), needed to build the test image")
        }
        var archive: [UInt8] = []
        archive += header(name: "bin/", mode: 0o755, size: 0, type: "5")
        archive += header(name: "tmp/", mode: 0o1777, size: 0, type: "5")
        archive += header(name: "output/", mode: 0o755, size: 0, type: "5")
        archive += header(name: "bin/busybox", mode: 0o755, size: binary.count, type: "0")
        archive += binary
        archive += [UInt8](repeating: 0, count: (512 - binary.count % 512) % 512)
        for applet in applets {
            archive += header(name: "bin/\(applet)", mode: 0o777, size: 0, type: "2", link: "busybox")
        }
        archive += [UInt8](repeating: 0, count: 1024)
        return archive
    }

    /// One ustar header block: names are short ASCII here, so no long-name extensions are needed.
    private static func header(name: String, mode: Int, size: Int, type: Character, link: String = "") -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int) {
            for (index, byte) in text.utf8.enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> String {
            let digits = String(value, radix: 8)
            return String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
        }
        put(name, at: 0)
        put(octal(mode, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put(String(type), at: 156)
        put(link, at: 157)
        put("ustar\u{0}00", at: 257)
        put("        ", at: 148)
        let checksum = block.reduce(0) { $0 + Int($1) }
        put(octal(checksum, width: 7) + "\u{0}", at: 148)
        return block
    }
}
