import Foundation

/// Cores this process may use.
public enum SystemCores {
    public static var count: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
