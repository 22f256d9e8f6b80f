import Foundation
@testable import Server
import Studies
import Testing

/// A tile's check of the study is remembered for a few seconds per caller and path, and no longer.
@Suite struct ViewerGrantsTests {
    static let item = APIHandlers.ViewerItem(tiles: nil, frame: nil, description: ItemDescription(slide: "s1"))
    static let now = Date(timeIntervalSince1970: 1_000_000)

    @Test func aGrantLastsItsLifetimeOnly() {
        let grants = ViewerGrants(lifetime: 5)
        grants.grant(Self.item, to: "7|tiny|grading|0", now: Self.now)
        #expect(grants.item("7|tiny|grading|0", now: Self.now.addingTimeInterval(4.9))?.description == Self.item.description)
        #expect(grants.item("7|tiny|grading|0", now: Self.now.addingTimeInterval(5)) == nil)
    }

    @Test func aGrantIsTheCallersAndThePathsOnly() {
        let grants = ViewerGrants()
        grants.grant(Self.item, to: "7|tiny|grading|0", now: Self.now)
        #expect(grants.item("8|tiny|grading|0", now: Self.now) == nil)
        #expect(grants.item("7|tiny|grading|1", now: Self.now) == nil)
    }

    @Test func aFullMemoryDropsLapsedGrantsFirst() {
        let grants = ViewerGrants(lifetime: 5, capacity: 2)
        grants.grant(Self.item, to: "a", now: Self.now)
        grants.grant(Self.item, to: "b", now: Self.now.addingTimeInterval(4))
        grants.grant(Self.item, to: "c", now: Self.now.addingTimeInterval(6))
        #expect(grants.item("a", now: Self.now.addingTimeInterval(6)) == nil)
        #expect(grants.item("b", now: Self.now.addingTimeInterval(6)) != nil)
        #expect(grants.item("c", now: Self.now.addingTimeInterval(6)) != nil)
    }
}
