import Testing

@testable import MIGGeometry

/// `"3g.20gb@4"` as a placement; test input is known to be well formed.
func at(_ text: String) -> MIGPlacement {
  guard let placement = MIGPlacement(text) else {
    preconditionFailure("bad test placement \(text)")
  }
  return placement
}

@Suite struct ValidationTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let model: GPUModel
    let layout: [String]
    var release = MIGRules.defaultDriverRelease
    /// The violation the case exists to trigger.
    let expected: LayoutViolation
    /// Whether `expected` must be the only violation.
    var alone = true
    var testDescription: String { name }
  }

  static let a100 = GPUModel.a100SXM4_40GB
  static let cases: [Case] = [
    Case(
      name: "unknown profile", model: a100, layout: ["9g.99gb@0"],
      expected: .unknownProfile(name: "9g.99gb", model: a100.name)),
    Case(
      name: "profile of another model", model: a100, layout: ["1g.6gb@0"],
      expected: .unknownProfile(name: "1g.6gb", model: a100.name)),
    Case(
      name: "model needs newer driver", model: .b200_180GB,
      layout: ["7g.180gb@0"], release: 550,
      expected: .modelNeedsNewerDriver(
        model: "NVIDIA-B200", required: 570, configured: 550)),
    Case(
      name: "profile needs newer driver", model: .a30,
      layout: ["2g.12gb+me@0"], release: 470,
      expected: .profileNeedsNewerDriver(
        profile: "2g.12gb+me", required: 525, configured: 470)),
    Case(
      name: "start not allowed", model: a100, layout: ["3g.20gb@2"],
      expected: .startNotAllowed(at("3g.20gb@2"), allowedStarts: [0, 4])),
    Case(
      name: "one-slice 1g may not use slice 7", model: a100,
      layout: ["1g.5gb@7"],
      expected: .startNotAllowed(
        at("1g.5gb@7"), allowedStarts: [0, 1, 2, 3, 4, 5, 6])),
    Case(
      name: "overlapping memory slices", model: a100,
      layout: ["2g.10gb@0", "1g.5gb@1"],
      expected: .overlap(at("2g.10gb@0"), at("1g.5gb@1"), sharedSlices: 1..<2)),
    Case(
      name: "more than the profile's maximum", model: a100,
      layout: ["3g.20gb@0", "3g.20gb@4", "3g.20gb@4"],
      expected: .tooManyInstances(profile: "3g.20gb", count: 3, maximum: 2),
      alone: false),
    Case(
      name: "two media-extension instances", model: .a30,
      layout: ["1g.6gb+me@0", "2g.12gb+me@2"],
      expected: .tooManyMediaExtensionInstances(
        profiles: ["1g.6gb+me", "2g.12gb+me"])),
    Case(
      name: "4g with 3g before R510", model: a100,
      layout: ["4g.20gb@0", "3g.20gb@4"], release: 470,
      expected: .fourWithThreeSliceNeedsNewerDriver(
        fourSlice: "4g.20gb", threeSlice: "3g.20gb", configured: 470)),
    Case(
      name: "memory slices over the total", model: a100,
      layout: ["7g.40gb@0", "1g.5gb@3"],
      expected: .memorySlicesExceeded(needed: 9, available: 8),
      alone: false),
    Case(
      name: "compute slices over the total", model: a100,
      layout: ["4g.20gb@0", "1g.5gb@4", "1g.5gb@5", "1g.5gb@6", "1g.5gb@6"],
      expected: .computeSlicesExceeded(needed: 8, available: 7),
      alone: false),
  ]

  @Test(arguments: cases)
  func smallLayoutTriggersItsViolation(_ test: Case) {
    let found = test.model.violations(
      of: test.layout.map(at), rules: MIGRules(driverRelease: test.release))
    if test.alone {
      #expect(found == [test.expected])
    } else {
      #expect(found.contains(test.expected), "\(found)")
    }
    #expect(!test.model.isValid(
      test.layout.map(at), rules: MIGRules(driverRelease: test.release)))
  }

  @Test func computeSlicesOverTheTotalAreRefusedBeforePlacement() {
    let names = ["4g.20gb"] + Array(repeating: "1g.5gb", count: 4)
    #expect(Self.a100.violations(ofInstances: names) == [
      .computeSlicesExceeded(needed: 8, available: 7)
    ])
  }

  @Test func everyViolationOfALayoutIsReported() {
    let layout = ["4g.20gb@0", "3g.20gb@2", "1g.5gb@3", "bogus@1"].map(at)
    let found = Self.a100.violations(
      of: layout, rules: MIGRules(driverRelease: 470))
    #expect(found == [
      .unknownProfile(name: "bogus", model: Self.a100.name),
      .startNotAllowed(at("3g.20gb@2"), allowedStarts: [0, 4]),
      .overlap(at("4g.20gb@0"), at("3g.20gb@2"), sharedSlices: 2..<4),
      .overlap(at("4g.20gb@0"), at("1g.5gb@3"), sharedSlices: 3..<4),
      .overlap(at("3g.20gb@2"), at("1g.5gb@3"), sharedSlices: 3..<4),
      .fourWithThreeSliceNeedsNewerDriver(
        fourSlice: "4g.20gb", threeSlice: "3g.20gb", configured: 470),
      .memorySlicesExceeded(needed: 9, available: 8),
      .computeSlicesExceeded(needed: 8, available: 7),
    ])
  }

  @Test func fourWithThreeIsAcceptedFromR510() {
    let layout = ["4g.20gb@0", "3g.20gb@4"].map(at)
    #expect(Self.a100.isValid(layout, rules: MIGRules(driverRelease: 510)))
    #expect(!Self.a100.isValid(layout, rules: MIGRules(driverRelease: 509)))
  }

  @Test func twoSliceOneGMayUseTheLastSlice() {
    #expect(Self.a100.isValid([at("1g.10gb@6"), at("1g.5gb@5")]))
    #expect(Self.a100.isValid([at("7g.40gb@0")]))
    #expect(Self.a100.isValid([]))
  }

  @Test func violationsReadAsSentences() {
    #expect(LayoutViolation.memorySlicesExceeded(needed: 9, available: 8)
      .description == "needs 9 memory slices, the GPU has 8")
    #expect(LayoutViolation.startNotAllowed(
      at("3g.20gb@2"), allowedStarts: [0, 4]).description
      == "3g.20gb@2 starts at memory slice 2; 3g.20gb may start at 0 or 4")
    #expect(LayoutViolation.fourWithThreeSliceNeedsNewerDriver(
      fourSlice: "4g.20gb", threeSlice: "3g.20gb", configured: 470)
      .description.hasPrefix("a 4g and a 3g together"))
    #expect(LayoutViolation.overlap(
      at("4g.20gb@0"), at("3g.20gb@2"), sharedSlices: 2..<4).description
      == "4g.20gb@0 and 3g.20gb@2 share memory slices 2-3")
  }
}
