import Testing

@testable import MIGGeometry

@Suite struct DriverPlacementModelTests {
  static let a100 = DriverPlacementModel(model: .a100SXM4_40GB)

  @Test func driverPlacesANewInstanceAtTheHighestFreeStart() {
    #expect(Self.a100.replay(["3g.20gb", "3g.20gb"])
      == [at("3g.20gb@4"), at("3g.20gb@0")])
    #expect(Self.a100.replay(["1g.5gb", "1g.10gb", "2g.10gb"])
      == [at("1g.5gb@6"), at("1g.10gb@4"), at("2g.10gb@2")])
  }

  @Test func smallInstanceCreatedFirstTakesTheUpperThreeGSlot() {
    #expect(Self.a100.replay(["1g.5gb", "3g.20gb"])
      == [at("1g.5gb@6"), at("3g.20gb@0")])
    #expect(Self.a100.replay(["1g.5gb", "3g.20gb", "3g.20gb"]) == nil)
    #expect(Self.a100.replay(["3g.20gb", "3g.20gb", "1g.5gb"]) == nil)
    #expect(Self.a100.replay(["3g.20gb", "1g.5gb"])
      == [at("3g.20gb@4"), at("1g.5gb@3")])
  }

  @Test func replayRespectsExistingInstancesAndRejectsUnknownProfiles() {
    #expect(Self.a100.replay(["3g.20gb"], onto: [at("1g.5gb@5")])
      == [at("3g.20gb@0")])
    #expect(Self.a100.replay(["3g.20gb"], onto: [at("1g.5gb@5"),
      at("1g.5gb@1")]) == nil)
    #expect(Self.a100.replay(["9g.1gb"]) == nil)
  }

  @Test func layoutTheDriverNeverReachesHasNoCreationOrder() {
    // A lone 1g always lands on slice 6 first.
    #expect(Self.a100.creationOrder(for: [at("1g.5gb@0")]) == nil)
    #expect(Self.a100.creationOrder(for: [at("1g.5gb@6")])
      == [at("1g.5gb@6")])
    #expect(Self.a100.creationOrder(
      for: [at("1g.5gb@0")], existing: [at("4g.20gb@4")]) == nil)
  }

  /// Every maximal layout of every model, for every profile, under the
  /// default rules and (for A100-40GB's usual five profiles) before R510.
  static func everyMaximalLayout() -> [(GPUModel, MIGLayout)] {
    var result: [(GPUModel, MIGLayout)] = []
    for model in GPUModel.all {
      result += model.maximalLayouts().map { (model, $0) }
    }
    let a100 = GPUModel.a100SXM4_40GB
    let standard = ["1g.5gb", "2g.10gb", "3g.20gb", "4g.20gb", "7g.40gb"]
      .compactMap { a100.profile(named: $0) }
    for release in [470, 580] {
      result += a100.maximalLayouts(
        of: standard, rules: MIGRules(driverRelease: release)
      ).map { (a100, $0) }
    }
    return result
  }

  @Test func creationOrderReplaysToEveryMaximalLayoutOfEveryModel() {
    let cases = Self.everyMaximalLayout()
    #expect(cases.count > 9 * 17)
    for (model, layout) in cases {
      let driver = DriverPlacementModel(model: model)
      guard let order = driver.creationOrder(for: layout.placements) else {
        Issue.record("no creation order for \(layout) on \(model)")
        continue
      }
      #expect(MIGLayout(order) == layout, "\(model): \(layout)")
      #expect(driver.replay(order.map(\.profileName)) == order,
        "\(model): \(layout)")
    }
  }
}
