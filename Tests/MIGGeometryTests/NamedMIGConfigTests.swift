import Testing

@testable import MIGGeometry

@Suite struct NamedMIGConfigTests {
  @Test(arguments: GPUModel.all)
  func everyNamedConfigIsValidOnEveryModelItResolvesFor(_ model: GPUModel) {
    let names = NamedMIGConfig.names(for: model)
    #expect(names.count >= 2 + model.profiles.count)
    for name in names {
      let config: NamedMIGConfig
      do {
        config = try NamedMIGConfig.resolve(name, for: model)
      } catch {
        Issue.record("\(name) on \(model): \(error)")
        continue
      }
      #expect(config.name == name)
      do {
        let result = try model.arrangement(of: config.mix.profileNames)
        #expect(model.isValid(result.layout.placements), "\(name)")
        #expect(MIGProfileMix(result.layout, on: model) == config.mix)
      } catch {
        Issue.record("\(name) on \(model) cannot be placed: \(error)")
      }
    }
  }

  @Test func a100FortyGBHasTheOperatorsNames() {
    #expect(NamedMIGConfig.names(for: .a100SXM4_40GB) == [
      "all-disabled", "all-enabled", "all-1g.5gb", "all-1g.5gb.me",
      "all-1g.10gb", "all-2g.10gb", "all-3g.20gb", "all-4g.20gb",
      "all-7g.40gb", "all-balanced",
    ])
  }

  @Test(arguments: [
    ("a100-40gb", "2×1g.5gb + 1×2g.10gb + 1×3g.20gb"),
    ("a100-80gb", "2×1g.10gb + 1×2g.20gb + 1×3g.40gb"),
    ("a100-80gb-pcie", "2×1g.10gb + 1×2g.20gb + 1×3g.40gb"),
    ("h100-80gb", "2×1g.10gb + 1×2g.20gb + 1×3g.40gb"),
    ("h100-pcie", "2×1g.10gb + 1×2g.20gb + 1×3g.40gb"),
    ("h200", "2×1g.18gb + 1×2g.35gb + 1×3g.71gb"),
    ("b200", "2×1g.23gb + 1×2g.45gb + 1×3g.90gb"),
    ("a30", "2×1g.6gb + 1×2g.12gb"),
  ])
  func balancedConfigMatchesTheOperatorPerModel(
    alias: String, mix: String
  ) throws {
    let model = try #require(GPUModel.named(alias))
    let config = try NamedMIGConfig.resolve("all-balanced", for: model)
    #expect(config.mix.description == mix)
    #expect(config.isMIGEnabled)
  }

  @Test func h100NVLHasNoBalancedConfig() {
    let model = GPUModel.h100NVL94GB
    #expect(!NamedMIGConfig.names(for: model).contains("all-balanced"))
    #expect(throws: NamedMIGConfigError.self) {
      try NamedMIGConfig.resolve("all-balanced", for: model)
    }
  }

  @Test func singleProfileConfigsUseTheMaximumCount() throws {
    let h100 = GPUModel.h100SXM5_80GB
    let small = try NamedMIGConfig.resolve("all-1g.10gb", for: h100)
    #expect(small.mix.description == "7×1g.10gb")
    let wide = try NamedMIGConfig.resolve("ALL-1G.20GB", for: h100)
    #expect(wide.mix.description == "4×1g.20gb")
    let media = try NamedMIGConfig.resolve("all-1g.10gb.me", for: h100)
    #expect(media.mix.description == "1×1g.10gb+me")
    #expect(try NamedMIGConfig.resolve("all-1g.10gb+me", for: h100) == media)
  }

  @Test func disabledAndEnabledCreateNoInstances() throws {
    let off = try NamedMIGConfig.resolve("all-disabled", for: .a30)
    let on = try NamedMIGConfig.resolve("all-enabled", for: .a30)
    #expect(!off.isMIGEnabled && off.mix.entries.isEmpty)
    #expect(on.isMIGEnabled && on.mix.entries.isEmpty)
  }

  @Test func unknownOrUnavailableNamesAreRefusedWithTheKnownOnes() {
    let names = NamedMIGConfig.names(
      for: .a30, rules: MIGRules(driverRelease: 470))
    #expect(!names.contains("all-2g.12gb.me"))
    #expect(throws: NamedMIGConfigError.unknownName(
      name: "all-2g.12gb.me", model: "NVIDIA-A30", known: names)) {
      try NamedMIGConfig.resolve(
        "all-2g.12gb.me", for: .a30, rules: MIGRules(driverRelease: 470))
    }
    #expect(throws: NamedMIGConfigError.self) {
      try NamedMIGConfig.resolve("all-3g.20gb", for: .a30)
    }
  }
}
