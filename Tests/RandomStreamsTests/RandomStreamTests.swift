import Testing

@testable import RandomStreams

@Suite struct RandomStreamTests {
  @Test func splitMixMatchesPublishedFirstOutputsForSeedZero() {
    // First outputs of SplitMix64 from state 0, as published with the
    // algorithm's reference implementation.
    var generator = SplitMix64(seed: 0)
    #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
    #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    #expect(generator.next() == 0x06C4_5D18_8009_454F)
  }

  @Test func sameSeedAndNameGiveSameDraws() {
    var a = RandomStream(seed: 42, name: "arrivals/tenant-a")
    var b = RandomStream(seed: 42, name: "arrivals/tenant-a")
    for _ in 0..<1000 { #expect(a.next() == b.next()) }
  }

  @Test func differentNamesOrSeedsGiveDifferentDraws() {
    var a = RandomStream(seed: 42, name: "arrivals/tenant-a")
    var b = RandomStream(seed: 42, name: "arrivals/tenant-b")
    var c = RandomStream(seed: 43, name: "arrivals/tenant-a")
    let da = (0..<8).map { _ in a.next() }
    let db = (0..<8).map { _ in b.next() }
    let dc = (0..<8).map { _ in c.next() }
    #expect(da != db)
    #expect(da != dc)
  }

  @Test func boundedIntegersStayInRangeAndAreRoughlyUniform() {
    var stream = RandomStream(seed: 7, name: "uniformity")
    let bound = 10
    var counts = [Int](repeating: 0, count: bound)
    let draws = 100_000
    for _ in 0..<draws {
      let value = stream.nextInt(below: bound)
      #expect((0..<bound).contains(value))
      counts[value] += 1
    }
    // Chi-square with 9 degrees of freedom; 27.88 is the 0.999 quantile.
    let expected = Double(draws) / Double(bound)
    let chiSquare = counts.reduce(0.0) {
      $0 + (Double($1) - expected) * (Double($1) - expected) / expected
    }
    #expect(chiSquare < 27.88)
  }

  @Test func unitIntervalsStayInTheirRanges() {
    var stream = RandomStream(seed: 1, name: "unit")
    var sum = 0.0
    for _ in 0..<10_000 {
      let closedOpen = stream.nextUnitInterval()
      let openClosed = stream.nextOpenUnitInterval()
      #expect(closedOpen >= 0 && closedOpen < 1)
      #expect(openClosed > 0 && openClosed <= 1)
      sum += closedOpen
    }
    #expect(abs(sum / 10_000 - 0.5) < 0.02)
  }

  @Test func boundOfOneAlwaysGivesZero() {
    var stream = RandomStream(seed: 3, name: "one")
    for _ in 0..<100 { #expect(stream.nextInt(below: 1) == 0) }
  }
}
