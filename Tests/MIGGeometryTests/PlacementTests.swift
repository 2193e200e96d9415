import Testing

@testable import MIGGeometry

@Suite struct PlacementTests {
  @Test(arguments: ["3g.20gb@4", "1g.5gb+me@0", "7g.141gb@0", "X@12"])
  func placementPrintsAsItParses(_ text: String) throws {
    let placement = try #require(MIGPlacement(text))
    #expect(placement.description == text)
  }

  @Test(arguments: [
    "", "3g.20gb", "@4", "3g.20gb@", "3g.20gb@-1", "3g.20gb@4@5",
    "3g.20gb@four", "3g.20gb@+4", "3g.20gb@٤",
  ])
  func malformedPlacementIsRejected(_ text: String) {
    #expect(MIGPlacement(text) == nil)
  }

  @Test func memorySliceRangeDependsOnModel() {
    let placement = MIGPlacement("1g.10gb", at: 6)
    #expect(placement.memorySliceRange(on: .a100SXM4_40GB) == 6..<8)
    #expect(placement.memorySliceRange(on: .a100SXM4_80GB) == 6..<7)
    #expect(placement.memorySliceRange(on: .a30) == nil)
  }

  @Test func layoutSortsByStartAndParsesLists() throws {
    let layout = try #require(MIGLayout(parsing: "3g.40gb@4, 4g.40gb@0"))
    #expect(layout.description == "4g.40gb@0 3g.40gb@4")
    #expect(MIGLayout(parsing: "3g.40gb@4 nonsense") == nil)
    #expect(MIGLayout([]).description == "(empty)")
    #expect(layout.profileCounts == ["4g.40gb": 1, "3g.40gb": 1])
  }
}
