import COpenJPEG

/// Interleaves OpenJPEG's component planes into RGBA, as OpenSlide's `unpack_argb` does (including the way it
/// derives subsampling from plane widths, and its fixed-point YCbCr tables).
enum JPEG2000Unpacking {
    static func unpack(_ image: opj_image_t, colorSpace: JPEG2000Decoder.ColorSpace, width: Int, height: Int,
                       into destination: UnsafeMutablePointer<UInt8>) {
        let count = Int(image.numcomps)
        let planes = (0..<count).map { image.comps[$0] }
        if count == 1 {
            let plane = Plane(planes[0], width: width, height: height)
            for y in 0..<height {
                for x in 0..<width {
                    let value = plane.sample(x, y)
                    let pixel = destination + (y * width + x) * 4
                    pixel[0] = value; pixel[1] = value; pixel[2] = value; pixel[3] = 255
                }
            }
            return
        }
        let (c0, c1, c2) = (Plane(planes[0], width: width, height: height), Plane(planes[1], width: width, height: height),
                            Plane(planes[2], width: width, height: height))
        let alpha = count >= 4 ? Plane(planes[3], width: width, height: height) : nil
        for y in 0..<height {
            var pixel = destination + y * width * 4
            for x in 0..<width {
                let (a, b, c) = (c0.sample(x, y), c1.sample(x, y), c2.sample(x, y))
                if colorSpace == .ycbcr {
                    YCbCrTables.shared.convert(y: a, cb: b, cr: c, into: pixel)
                } else {
                    pixel[0] = a; pixel[1] = b; pixel[2] = c
                }
                pixel[3] = alpha?.sample(x, y) ?? 255
                pixel += 4
            }
        }
    }

    /// One decoded component with OpenSlide's subsampling factors (tile size over plane size).
    private struct Plane {
        let data: UnsafeMutablePointer<Int32>
        let rowLength: Int
        let subX: Int
        let subY: Int

        init(_ component: opj_image_comp_t, width: Int, height: Int) {
            data = component.data
            rowLength = Int(component.w)
            subX = max(1, width / Int(component.w))
            subY = max(1, height / Int(component.h))
        }

        @inline(__always) func sample(_ x: Int, _ y: Int) -> UInt8 {
            UInt8(truncatingIfNeeded: data[(y / subY) * rowLength + x / subX])
        }
    }
}

extension JPEG2000Unpacking {
    /// Interleaves the planes of a decode-area decode: component c holds samples from (x0, y0) at 1/dx, 1/dy of
    /// the image grid. Pixel (X, Y) takes sample (X / dx, Y / dy), as a full decode with OpenSlide's unpacking does
    /// when the subsampling divides the tile. Returns false if a sample falls outside what was decoded.
    static func unpack(_ image: opj_image_t, colorSpace: JPEG2000Decoder.ColorSpace, window: ImageWindow, rowBytes: Int,
                       into destination: UnsafeMutablePointer<UInt8>) -> Bool {
        let count = Int(image.numcomps)
        let planes = (0..<count).map { WindowPlane(image.comps[$0]) }
        for plane in planes {
            guard plane.covers(x: window.x, window.x + window.width - 1, y: window.y, window.y + window.height - 1) else { return false }
        }
        for row in 0..<window.height {
            let y = window.y + row
            var pixel = destination + row * rowBytes
            for x in window.x..<(window.x + window.width) {
                if count == 1 {
                    let value = planes[0].sample(x, y)
                    pixel[0] = value; pixel[1] = value; pixel[2] = value; pixel[3] = 255
                } else {
                    let (a, b, c) = (planes[0].sample(x, y), planes[1].sample(x, y), planes[2].sample(x, y))
                    if colorSpace == .ycbcr {
                        YCbCrTables.shared.convert(y: a, cb: b, cr: c, into: pixel)
                    } else {
                        pixel[0] = a; pixel[1] = b; pixel[2] = c
                    }
                    pixel[3] = count >= 4 ? planes[3].sample(x, y) : 255
                }
                pixel += 4
            }
        }
        return true
    }

    private struct WindowPlane {
        let data: UnsafeMutablePointer<Int32>
        let width: Int
        let height: Int
        let x0: Int
        let y0: Int
        let dx: Int
        let dy: Int

        init(_ component: opj_image_comp_t) {
            data = component.data
            width = Int(component.w)
            height = Int(component.h)
            x0 = Int(component.x0)
            y0 = Int(component.y0)
            dx = max(1, Int(component.dx))
            dy = max(1, Int(component.dy))
        }

        func covers(x first: Int, _ last: Int, y top: Int, _ bottom: Int) -> Bool {
            first / dx >= x0 && last / dx < x0 + width && top / dy >= y0 && bottom / dy < y0 + height
        }

        @inline(__always) func sample(_ x: Int, _ y: Int) -> UInt8 {
            UInt8(truncatingIfNeeded: data[(y / dy - y0) * width + x / dx - x0])
        }
    }
}

/// OpenSlide's YCbCr to RGB tables (make-tables.c), computed the same way so results agree exactly.
struct YCbCrTables: Sendable {
    static let shared = YCbCrTables()

    let rCr: [Int16]
    let gCb: [Int32]
    let gCr: [Int32]
    let bCb: [Int16]

    init() {
        rCr = (0..<256).map { Int16((1.402 * Double($0 - 128)).rounded()) }
        gCb = (0..<256).map { Int32((Double(1 << 16) * (0.5 - 0.34414 * Double($0 - 128))).rounded()) }
        gCr = (0..<256).map { Int32((Double(1 << 16) * -0.71414 * Double($0 - 128)).rounded()) }
        bCb = (0..<256).map { Int16((1.772 * Double($0 - 128)).rounded()) }
    }

    @inline(__always) func convert(y: UInt8, cb: UInt8, cr: UInt8, into pixel: UnsafeMutablePointer<UInt8>) {
        let luma = Int32(y)
        let red = luma + Int32(rCr[Int(cr)])
        let green = luma + Int32(Int16(truncatingIfNeeded: (gCb[Int(cb)] + gCr[Int(cr)]) >> 16))
        let blue = luma + Int32(bCb[Int(cb)])
        pixel[0] = UInt8(clamping: red)
        pixel[1] = UInt8(clamping: green)
        pixel[2] = UInt8(clamping: blue)
    }
}
