import Testing

@testable import MIGGeometry

@Suite struct StandardProfilesTests {
  @Test func a100FortyHasOneSingleSliceProfilePerComputeSize() {
    let names = GPUModel.a100SXM4_40GB.standardProfiles().map(\.name)
    #expect(names == ["1g.5gb", "2g.10gb", "3g.20gb", "4g.20gb", "7g.40gb"])
  }

  @Test func a30StandardProfilesGiveFiveMaximalLayouts() {
    let model = GPUModel.a30
    let names = model.standardProfiles().map(\.name)
    #expect(names == ["1g.6gb", "2g.12gb", "4g.24gb"])
    #expect(model.maximalLayouts(of: model.standardProfiles()).count == 5)
  }

  @Test func everyModelHasNoMediaOrWideOneSliceProfileInItsStandardSet() {
    for model in GPUModel.all {
      let standard = model.standardProfiles()
      #expect(!standard.isEmpty, "\(model.name)")
      #expect(!standard.contains { $0.hasMediaExtensions }, "\(model.name)")
      let sizes = standard.map(\.computeSlices)
      #expect(Set(sizes).count == sizes.count, "\(model.name)")
    }
  }
}
