import Scenarios
import Testing

@testable import Sweeps

/// Reading `--seeds` and `--layouts`, and applying layouts.
@Suite("Grid inputs")
struct GridInputTests {
  @Test(
    "seed lists",
    arguments: [
      ("3", [10, 11, 12]), ("42-45", [42, 43, 44, 45]), ("1,5,9", [1, 5, 9]),
      ("7,5-6,7", [7, 5, 6]), ("0-0", [0]),
    ] as [(String, [UInt64])])
  func readsCountsRangesAndLists(text: String, seeds: [UInt64]) throws {
    #expect(try SeedList.parse(text, firstSeed: 10) == seeds)
  }

  @Test(
    "bad seed lists",
    arguments: ["", "0", "-3", "5-2", "a", "1,,2", "1-2-3", "20000"])
  func refusesWhatIsNotASeedList(text: String) {
    #expect(throws: SeedListError.self) {
      try SeedList.parse(text, firstSeed: 1)
    }
  }

  @Test func layoutNamesPathsAndConfigsAreTellApart() {
    #expect(LayoutChoice(parsing: "scenario") == .asWritten)
    #expect(LayoutChoice(parsing: "Dynamic") == .dynamic)
    #expect(LayoutChoice(parsing: "all-balanced") == .named("all-balanced"))
    #expect(LayoutChoice(parsing: "all-1g.10gb") == .named("all-1g.10gb"))
    #expect(
      LayoutChoice(parsing: "plan.yaml")
        == .migParted(
          path: "plan.yaml", config: nil))
    #expect(
      LayoutChoice(parsing: "dir/plan:serve")
        == .migParted(
          path: "dir/plan", config: "serve"))
    #expect(
      LayoutChoice(parsing: "plan.yaml:serve").description
        == "plan.yaml:serve")
    #expect(LayoutChoice(parsing: "/tmp/x/plan.yml").description == "plan.yml")
  }

  @Test func aConfigTheModelLacksIsAUsageErrorNamingTheValidOnes() throws {
    let loaded = try scenario(smallMixedCluster)
    do {
      _ = try LayoutChoice.named("all-7g.80gb").apply(to: loaded)
      Issue.record("an A100-40GB has no 7g.80gb profile")
    } catch {
      guard case .usage(let message) = error else {
        Issue.record("expected a usage error, found \(error)")
        return
      }
      #expect(message.contains("all-1g.5gb"))
      #expect(message.contains("all-balanced"))
    }
  }

  @Test func aNamedConfigGoesOnEveryMIGPoolOnly() throws {
    let loaded = try scenario(smallMixedCluster)
    let changed = try LayoutChoice.named("all-3g.20gb").apply(to: loaded)
    #expect(changed.cluster.pools[0].sharing == loaded.cluster.pools[0].sharing)
    #expect(changed.cluster.pools[1].migPlacements(ofGPU: 0)?.count == 2)
  }

  @Test func aMissingMIGPartedFileIsAnInputError() throws {
    let loaded = try scenario(smallMixedCluster)
    do {
      _ = try LayoutChoice.migParted(
        path: "/nonexistent/plan.yaml", config: nil
      )
      .apply(to: loaded)
      Issue.record("a missing file was accepted")
    } catch {
      guard case .input(let errors) = error else {
        Issue.record("expected an input error, found \(error)")
        return
      }
      #expect(!errors.errors.isEmpty)
    }
  }
}
