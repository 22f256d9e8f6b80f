import Foundation
import Synchronization

/// Counts tiles written for one slide and shows it on standard error: a bar with tiles done / total, rate and time
/// left (redrawn at most 10 times a second), or a plain line at each tenth, or nothing.
public final class TileProgress: Sendable {
    private struct State {
        var done = 0
        var lastDrawn: ContinuousClock.Instant
        var lastTenth = 0
    }

    public let label: String
    public let total: Int
    public let style: ProgressStyle
    private let started = ContinuousClock.now
    private let state: Mutex<State>

    public init(label: String, total: Int, style: ProgressStyle) {
        self.label = label
        self.total = max(total, 1)
        self.style = style
        state = Mutex(State(lastDrawn: started))
    }

    /// Tiles done so far.
    public var done: Int { state.withLock { $0.done } }

    public func advance(by count: Int = 1) {
        let line: String? = state.withLock { state in
            state.done += count
            let now = ContinuousClock.now
            switch style {
            case .quiet:
                return nil
            case .bar:
                guard now - state.lastDrawn >= .milliseconds(100) || state.done == total else { return nil }
                state.lastDrawn = now
                return "\r" + bar(done: state.done, now: now)
            case .lines:
                let tenth = state.done * 10 / total
                guard tenth > state.lastTenth else { return nil }
                state.lastTenth = tenth
                return summary(done: state.done, now: now) + "\n"
            }
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Ends the bar's line.
    public func finish() {
        if style == .bar { FileHandle.standardError.write(Data("\r\(bar(done: done, now: .now))\n".utf8)) }
    }

    private func bar(done: Int, now: ContinuousClock.Instant) -> String {
        let width = 24
        let filled = min(width, done * width / total)
        return "\(label) [\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] " + figures(done: done, now: now)
    }

    private func summary(done: Int, now: ContinuousClock.Instant) -> String {
        "\(label): \(figures(done: done, now: now))"
    }

    private func figures(done: Int, now: ContinuousClock.Instant) -> String {
        let elapsed = max(1e-6, Double((now - started).components.attoseconds) / 1e18 + Double((now - started).components.seconds))
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Double(total - done) / rate : 0
        return "\(done)/\(total) tiles (\(done * 100 / total)%), \(Int(rate.rounded())) tiles/s, \(Int(left.rounded())) s left"
    }
}
