import ClusterModel
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

  @Test func sharingChangesReadAsPoolEqualsMode() {
    #expect(
      LayoutChoice(parsing: "agents=mps:4+serve=all-balanced")
        == .sharing([
          SharingChange(pool: "agents", mode: "mps:4"),
          SharingChange(pool: "serve", mode: "all-balanced"),
        ]))
    #expect(
      LayoutChoice(parsing: "agents=mps:4+serve=all-balanced").description
        == "agents=mps:4+serve=all-balanced")
  }

  @Test(
    "requests keep their GPU share in another mode",
    arguments: [
      (
        .timeSliceReplicas(1), .timeSlicing(replicas: 4), .mps(clientLimit: 8),
        .mpsClients(2)
      ),
      (
        .timeSliceReplicas(2), .timeSlicing(replicas: 4), .fractional,
        .milliGPUs(500)
      ),
      (
        .timeSliceReplicas(1), .timeSlicing(replicas: 4), .exclusive,
        .wholeGPUs(1)
      ),
      (
        .mpsClients(1), .mps(clientLimit: 7), .timeSlicing(replicas: 2),
        .timeSliceReplicas(1)
      ),
      (
        .milliGPUs(250), .fractional, .timeSlicing(replicas: 8),
        .timeSliceReplicas(2)
      ),
      (.wholeGPUs(2), .exclusive, .mps(clientLimit: 4), nil),
      (
        .migInstances(profile: "1g.5gb", count: 1),
        .mig(MIGSharing(layouts: [.named("all-1g.5gb")])), .exclusive, nil
      ),
    ] as [(GPURequest, GPUSharing, GPUSharing, GPURequest?)])
  func translatesRequests(
    request: GPURequest, old: GPUSharing, new: GPUSharing,
    expected: GPURequest?
  ) {
    #expect(request.translated(from: old, to: new) == expected)
  }

  @Test func aSharingChangeMovesTheRequestsThatNoLongerFit() throws {
    let text = """
      name: sharing
      pools:
        - {name: ts, gpuModel: A100-SXM4-40GB, gpuCount: 2, cpu: 8,
           memory: 64Gi, sharing: {mode: timeSlicing, replicas: 4}}
        - {name: whole, gpuModel: A100-SXM4-40GB, gpuCount: 2, cpu: 8,
           memory: 64Gi}
      tenants:
        - {name: a}
      templates:
        - {name: agent, kind: agent, requests: {timeSliceReplicas: 1},
           duration: 60}
        - {name: train, kind: training, requests: {gpus: 1}, duration: 60}
      """
    let loaded = try scenario(text)
    let changed = try LayoutChoice(parsing: "ts=mps:8").apply(to: loaded)
    #expect(changed.cluster.pools[0].sharing == .mps(clientLimit: 8))
    #expect(changed.demand.templates[0].requests.gpu == .mpsClients(2))
    // Whole GPUs still fit the other pool: unchanged.
    #expect(changed.demand.templates[1].requests.gpu == .wholeGPUs(1))
    for bad in [
      "nopool=mps:4", "ts=mps", "ts=mps:1", "ts=all-9g.99gb", "ts=", "=",
      "ts=:", "ts=exclusive:2",
    ] {
      #expect(throws: LayoutError.self, "\(bad)") {
        try LayoutChoice(parsing: bad).apply(to: loaded)
      }
    }
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
