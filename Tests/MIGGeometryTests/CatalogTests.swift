import Testing

@testable import MIGGeometry

@Suite struct CatalogTests {
  /// One row of docs/mig-geometry.md, written out independently of the
  /// catalog's own table.
  struct Row: CustomStringConvertible, Sendable {
    let model: String
    let id: Int?
    let name: String
    let compute: Int
    let memory: Int
    let gib: Double
    let sms: Int
    let max: Int
    let starts: [Int]
    var description: String { "\(model) \(name)" }
  }

  static let rows: [Row] = [
    Row(model: "a100-40gb", id: 19, name: "1g.5gb", compute: 1, memory: 1,
        gib: 4.75, sms: 14, max: 7, starts: [0, 1, 2, 3, 4, 5, 6]),
    Row(model: "a100-40gb", id: 20, name: "1g.5gb+me", compute: 1,
        memory: 1, gib: 4.75, sms: 14, max: 1, starts: [0, 1, 2, 3, 4, 5, 6]),
    Row(model: "a100-40gb", id: 15, name: "1g.10gb", compute: 1, memory: 2,
        gib: 9.62, sms: 14, max: 4, starts: [0, 2, 4, 6]),
    Row(model: "a100-40gb", id: 14, name: "2g.10gb", compute: 2, memory: 2,
        gib: 9.62, sms: 28, max: 3, starts: [0, 2, 4]),
    Row(model: "a100-40gb", id: 9, name: "3g.20gb", compute: 3, memory: 4,
        gib: 19.50, sms: 42, max: 2, starts: [0, 4]),
    Row(model: "a100-40gb", id: 5, name: "4g.20gb", compute: 4, memory: 4,
        gib: 19.50, sms: 56, max: 1, starts: [0]),
    Row(model: "a100-40gb", id: 0, name: "7g.40gb", compute: 7, memory: 8,
        gib: 39.25, sms: 98, max: 1, starts: [0]),
    Row(model: "a100-80gb", id: 19, name: "1g.10gb", compute: 1, memory: 1,
        gib: 9.50, sms: 14, max: 7, starts: [0, 1, 2, 3, 4, 5, 6]),
    Row(model: "a100-80gb-pcie", id: 0, name: "7g.80gb", compute: 7,
        memory: 8, gib: 79.00, sms: 98, max: 1, starts: [0]),
    Row(model: "a30", id: 14, name: "1g.6gb", compute: 1, memory: 1,
        gib: 5.81, sms: 14, max: 4, starts: [0, 1, 2, 3]),
    Row(model: "a30", id: 21, name: "1g.6gb+me", compute: 1, memory: 1,
        gib: 5.81, sms: 14, max: 1, starts: [0, 1, 2, 3]),
    Row(model: "a30", id: 5, name: "2g.12gb", compute: 2, memory: 2,
        gib: 11.69, sms: 28, max: 2, starts: [0, 2]),
    Row(model: "a30", id: 0, name: "4g.24gb", compute: 4, memory: 4,
        gib: 23.50, sms: 56, max: 1, starts: [0]),
    Row(model: "h100-80gb", id: 15, name: "1g.20gb", compute: 1, memory: 2,
        gib: 19.62, sms: 26, max: 4, starts: [0, 2, 4, 6]),
    Row(model: "h100-80gb", id: 9, name: "3g.40gb", compute: 3, memory: 4,
        gib: 39.50, sms: 60, max: 2, starts: [0, 4]),
    Row(model: "h100-80gb", id: 0, name: "7g.80gb", compute: 7, memory: 8,
        gib: 79.25, sms: 132, max: 1, starts: [0]),
    Row(model: "h100-pcie", id: 9, name: "3g.40gb", compute: 3, memory: 4,
        gib: 39.50, sms: 46, max: 2, starts: [0, 4]),
    Row(model: "h100-pcie", id: 0, name: "7g.80gb", compute: 7, memory: 8,
        gib: 79.25, sms: 114, max: 1, starts: [0]),
    Row(model: "h100-nvl", id: 9, name: "3g.47gb", compute: 3, memory: 4,
        gib: 46.38, sms: 60, max: 2, starts: [0, 4]),
    Row(model: "h200", id: 14, name: "2g.35gb", compute: 2, memory: 2,
        gib: 32.25, sms: 32, max: 3, starts: [0, 2, 4]),
    Row(model: "b200", id: 15, name: "1g.45gb", compute: 1, memory: 2,
        gib: 44.25, sms: 30, max: 4, starts: [0, 2, 4, 6]),
  ]

  @Test(arguments: rows)
  func catalogRowMatchesReferenceTable(_ row: Row) throws {
    let model = try #require(GPUModel.named(row.model))
    let profile = try #require(model.profile(named: row.name))
    #expect(profile.id == row.id)
    #expect(profile.computeSlices == row.compute)
    #expect(profile.memorySlices == row.memory)
    #expect(profile.memoryGiB == row.gib)
    #expect(profile.smCount == row.sms)
    #expect(profile.maxCount == row.max)
    #expect(profile.allowedStarts == row.starts)
  }

  @Test(arguments: [
    ("a100-40gb", "NVIDIA-A100-SXM4-40GB"),
    ("A100-80GB", "NVIDIA-A100-SXM4-80GB"),
    ("a100-80gb-PCIE", "NVIDIA-A100-80GB-PCIe"),
    ("A30", "NVIDIA-A30"),
    ("H100-80GB", "NVIDIA-H100-80GB-HBM3"),
    ("h100-pcie", "NVIDIA-H100-PCIe"),
    ("H100-NVL", "NVIDIA-H100-NVL"),
    ("h200", "NVIDIA-H200"),
    ("B200", "NVIDIA-B200"),
    ("nvidia a100-sxm4-40gb", "NVIDIA-A100-SXM4-40GB"),
    ("NVIDIA H100 80GB HBM3", "NVIDIA-H100-80GB-HBM3"),
    ("nvidia-h100-nvl", "NVIDIA-H100-NVL"),
  ])
  func lookupByAliasOrProductIgnoresCase(alias: String, product: String) {
    #expect(GPUModel.named(alias)?.name == product)
  }

  @Test func lookupOfUnknownModelOrAmbiguousShortNameFails() {
    #expect(GPUModel.named("a100") == nil)
    #expect(GPUModel.named("h100") == nil)
    #expect(GPUModel.named("") == nil)
    #expect(GPUModel.named("v100-32gb") == nil)
  }

  @Test func profileIDMeansDifferentShapesOnDifferentModels() throws {
    let a100 = try #require(GPUModel.named("a100-40gb")?.profile(named: "14"))
    let a30 = try #require(GPUModel.named("a30")?.profile(named: "14"))
    let h100 = try #require(GPUModel.named("h100-80gb")?.profile(named: "14"))
    #expect(a100.name == "2g.10gb" && a100.computeSlices == 2)
    #expect(h100.name == "2g.20gb" && h100.computeSlices == 2)
    #expect(a30.name == "1g.6gb" && a30.computeSlices == 1)
  }

  @Test func sameProfileNameHasDifferentShapesOnDifferentModels() throws {
    let on40 = try #require(GPUModel.a100SXM4_40GB.profile(named: "1g.10gb"))
    let on80 = try #require(GPUModel.a100SXM4_80GB.profile(named: "1G.10GB"))
    #expect(on40.id == 15 && on40.memorySlices == 2 && on40.maxCount == 4)
    #expect(on80.id == 19 && on80.memorySlices == 1 && on80.maxCount == 7)
  }

  @Test(arguments: GPUModel.all)
  func everyModelHasConsistentSlicesAndProfiles(_ model: GPUModel) {
    let a30 = model.name == "NVIDIA-A30"
    #expect(model.memorySliceCount == (a30 ? 4 : 8))
    #expect(model.computeSliceCount == (a30 ? 4 : 7))
    #expect(model.profiles.count == (a30 ? 5 : 7))
    for profile in model.profiles {
      #expect(profile.memorySlices >= profile.computeSlices
        || profile.computeSlices == model.computeSliceCount)
      if profile.hasMediaExtensions {
        #expect(profile.maxCount == 1)
        #expect(model.profile(named: profile.plainName) != nil)
      }
      // Only 3g at 4, 7g at 0 or a two-slice 1g at 6 reach slice 7.
      let reachesLast = profile.allowedStarts.contains {
        $0 + profile.memorySlices == 8
      }
      if !a30 {
        #expect(reachesLast == ["3g", "7g"].contains(
          String(profile.name.prefix(2)))
          || (profile.computeSlices == 1 && profile.memorySlices == 2))
      }
    }
  }

  @Test func unverifiedRowsAreMarkedAndExplained() {
    for model in GPUModel.all {
      for profile in model.profiles where !profile.isVerified {
        #expect(profile.note != nil, "\(model.name) \(profile.name)")
        #expect(!model.isVerified)
      }
    }
    #expect(GPUModel.a100SXM4_40GB.isVerified)
    #expect(GPUModel.a30.isVerified == false)  // 2g.12gb+me lacks an ID
    #expect(GPUModel.h100SXM5_80GB.isVerified)
    #expect(GPUModel.h100NVL94GB.isVerified)
    #expect(!GPUModel.a100SXM4_80GB.isVerified)
    #expect(!GPUModel.h200_141GB.isVerified)
    #expect(GPUModel.b200_180GB.profile(named: "7g.180gb")?.isVerified == false)
    #expect(GPUModel.b200_180GB.profile(named: "2g.45gb")?.isVerified == false)
  }

  @Test func sxmAndPCIeH100DifferOnlyInSMs() {
    let sxm = GPUModel.h100SXM5_80GB
    let pcie = GPUModel.h100PCIe80GB
    #expect(sxm.smCount == 132 && pcie.smCount == 114)
    #expect(sxm.profiles.map(\.name) == pcie.profiles.map(\.name))
    #expect(sxm.profiles.map(\.allowedStarts)
      == pcie.profiles.map(\.allowedStarts))
    #expect(sxm.profiles.map(\.smCount) != pcie.profiles.map(\.smCount))
  }

  @Test func profilesNeedingNewerDriversDisappearFromOlderRules() {
    let a30 = GPUModel.a30
    let old = a30.availableProfiles(under: MIGRules(driverRelease: 470))
    let new = a30.availableProfiles(under: MIGRules(driverRelease: 525))
    #expect(!old.map(\.name).contains("2g.12gb+me"))
    #expect(old.map(\.name).contains("1g.6gb+me"))
    #expect(new.map(\.name).contains("2g.12gb+me"))
    #expect(a30.availableProfiles(under: MIGRules(driverRelease: 460))
      .map(\.name) == ["1g.6gb", "2g.12gb", "4g.24gb"])
    #expect(GPUModel.b200_180GB.availableProfiles(
      under: MIGRules(driverRelease: 550)).isEmpty)
  }

  @Test func everyAliasFindsItsOwnModelOnly() {
    for model in GPUModel.all {
      for alias in model.aliases + [model.name] {
        #expect(GPUModel.named(alias) == model, "\(alias)")
      }
    }
  }
}
