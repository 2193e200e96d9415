import Testing

@testable import MIGGeometry

/// Every valid, maximal layout found the slow way: all sets of candidate
/// placements without overlaps, kept if `isValid` accepts them and no
/// candidate can be added. Shares only `isValid` with the library.
func bruteForceMaximalLayouts(
  _ model: GPUModel, profiles: [MIGProfile], rules: MIGRules
) -> Set<MIGLayout> {
  let candidates = profiles.flatMap { profile in
    profile.allowedStarts.map { MIGPlacement(profile, at: $0) }
  }
  var result = Set<MIGLayout>()
  var chosen: [MIGPlacement] = []

  func overlaps(_ a: MIGPlacement, _ b: MIGPlacement) -> Bool {
    guard let x = a.memorySliceRange(on: model),
      let y = b.memorySliceRange(on: model)
    else { return true }
    return x.overlaps(y)
  }

  func visit(_ index: Int) {
    guard index < candidates.count else {
      guard model.isValid(chosen, rules: rules) else { return }
      let addable = candidates.contains { candidate in
        model.isValid(chosen + [candidate], rules: rules)
      }
      if !addable { result.insert(MIGLayout(chosen)) }
      return
    }
    visit(index + 1)
    let candidate = candidates[index]
    if !chosen.contains(where: { overlaps($0, candidate) }) {
      chosen.append(candidate)
      visit(index + 1)
      chosen.removeLast()
    }
  }

  visit(0)
  return result
}

@Suite struct EnumerationTests {
  static let a100 = GPUModel.a100SXM4_40GB
  static let a100Standard = ["1g.5gb", "2g.10gb", "3g.20gb", "4g.20gb",
    "7g.40gb"].compactMap { a100.profile(named: $0) }
  static let a30Standard = ["1g.6gb", "2g.12gb", "4g.24gb"]
    .compactMap { GPUModel.a30.profile(named: $0) }

  @Test func a100With5ProfilesHas19MaximalLayoutsFromR510() {
    let rules = MIGRules(driverRelease: 510)
    #expect(Self.a100Standard.count == 5)
    #expect(Self.a100.maximalLayouts(of: Self.a100Standard, rules: rules)
      .count == 19)
    #expect(Self.a100.maximalProfileMixes(
      of: Self.a100Standard, rules: rules).count == 14)
  }

  @Test func a100With5ProfilesHas18MaximalLayoutsBeforeR510() {
    let rules = MIGRules(driverRelease: 470)
    let layouts = Self.a100.maximalLayouts(of: Self.a100Standard, rules: rules)
    #expect(layouts.count == 18)
    #expect(!layouts.contains(MIGLayout([at("4g.20gb@0"), at("3g.20gb@4")])))
  }

  @Test func a30With3ProfilesHas5MaximalLayoutsIn4Mixes() {
    #expect(GPUModel.a30.maximalLayouts(of: Self.a30Standard).count == 5)
    let mixes = GPUModel.a30.maximalProfileMixes(of: Self.a30Standard)
    #expect(mixes.count == 4)
    #expect(mixes.map(\.layoutCount).reduce(0, +) == 5)
  }

  @Test func mixesCountLayoutsWithTheSameProfiles() throws {
    let mixes = Self.a100.maximalProfileMixes(of: Self.a100Standard)
    let fiveSmallOneTwo = try #require(mixes.first {
      $0.mix.count(of: "1g.5gb") == 5 && $0.mix.count(of: "2g.10gb") == 1
    })
    // 2g.10gb at 0, 2 or 4, the rest filled with 1g.5gb.
    #expect(fiveSmallOneTwo.layoutCount == 3)
    #expect(fiveSmallOneTwo.mix.description == "5×1g.5gb + 1×2g.10gb")
  }

  @Test(arguments: GPUModel.all)
  func enumerationMatchesBruteForceForEveryModel(_ model: GPUModel) {
    let rules = MIGRules()
    let profiles = model.availableProfiles(under: rules)
    let fast = model.maximalLayouts(rules: rules)
    #expect(Set(fast) == bruteForceMaximalLayouts(
      model, profiles: profiles, rules: rules))
    #expect(Set(fast).count == fast.count)
  }

  @Test(arguments: [470, 510])
  func enumerationMatchesBruteForceForTheStandardA100Set(release: Int) {
    let rules = MIGRules(driverRelease: release)
    let fast = Self.a100.maximalLayouts(of: Self.a100Standard, rules: rules)
    #expect(Set(fast) == bruteForceMaximalLayouts(
      Self.a100, profiles: Self.a100Standard, rules: rules))
  }

  @Test func layoutsComeInDocumentedOrder() {
    let layouts = Self.a100.maximalLayouts(of: Self.a100Standard)
    func key(_ layout: MIGLayout) -> [[Int]] {
      layout.placements.map { placement in
        let profile = Self.a100.profile(named: placement.profileName)!
        return [placement.start, Self.a100.tableIndex(of: profile)]
      }
    }
    for (earlier, later) in zip(layouts, layouts.dropFirst()) {
      #expect(key(earlier).lexicographicallyPrecedes(
        key(later), by: { $0.lexicographicallyPrecedes($1) }))
    }
    #expect(layouts.first?.description
      == "1g.5gb@0 1g.5gb@1 1g.5gb@2 1g.5gb@3 1g.5gb@4 1g.5gb@5 1g.5gb@6")
    #expect(layouts.last?.description == "7g.40gb@0")
  }

  @Test func profilesTheDriverLacksNeverAppear() {
    let old = MIGRules(driverRelease: 470)
    let layouts = GPUModel.a30.maximalLayouts(
      of: GPUModel.a30.profiles, rules: old)
    #expect(!layouts.isEmpty)
    #expect(layouts.allSatisfy { layout in
      !layout.placements.contains { $0.profileName == "2g.12gb+me" }
    })
    // Without MIG support nothing can be added, so the empty GPU is the
    // one maximal layout.
    #expect(GPUModel.b200_180GB.maximalLayouts(
      rules: MIGRules(driverRelease: 550)) == [MIGLayout([])])
  }
}
