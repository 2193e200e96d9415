import ClusterModel
import Foundation
import Scenarios
import Scheduling
import Scoring
import Simulation
import Synchronization
import Testing

@testable import Sweeps

/// The grid of strategies × layouts × seeds: common random numbers,
/// parallel runs, and what the scores say about isolation.
@Suite("Comparison grid")
struct ComparisonGridTests {
  @Test func everyCellOfOneSeedSeesTheSameArrivals() throws {
    let loaded = try scenario(smallMixedCluster)
    let grid = try ComparisonGrid(
      scenario: loaded, strategies: [.firstFit, .spread, .tenantPacking],
      layouts: [.asWritten, .dynamic, .named("all-1g.5gb")], seeds: [3, 4])
    let result = grid.run(threads: 2)
    func arrivals(_ observation: RunObservation) -> [String] {
      observation.jobs.map { "\($0.name)@\($0.arrivalSeconds):\($0.kind)" }
    }
    let first = arrivals(result.cells[0].firstObservation)
    #expect(first.count > 10)
    for cell in result.cells {
      #expect(arrivals(cell.firstObservation) == first, "\(cell.label)")
    }
    // The cells differ in where jobs went, or the check above proves
    // nothing about strategies.
    let placements = Set(
      result.cells.map { $0.firstObservation.allocations.map(\.node) })
    #expect(placements.count > 1)
    // Another seed gives other arrivals.
    let other = try observe(loaded, seed: 4).observation
    #expect(arrivals(other) != first)
  }

  @Test func parallelRunsEqualSerialRunsExactly() throws {
    let grid = try ComparisonGrid(
      scenario: try scenario(smallMixedCluster),
      strategies: [.bestFit, .random, .fragmentationAware], seeds: [1, 2, 3])
    let serial = grid.run(threads: 1)
    let parallel = grid.run(threads: 4)
    #expect(serial.cells.map(\.scores) == parallel.cells.map(\.scores))
    #expect(
      serial.cells.map(\.firstObservation)
        == parallel.cells.map(\.firstObservation))
    #expect(serial.table() == parallel.table())
  }

  @Test func progressCountsEveryRunOnce() throws {
    let grid = try ComparisonGrid(
      scenario: try scenario(smallMixedCluster),
      strategies: [.firstFit, .spread], seeds: [1, 2])
    let seen = Seen()
    _ = grid.run(threads: 2) { done, total in seen.add(done, total) }
    #expect(seen.values.sorted() == [1, 2, 3, 4])
    #expect(seen.totals == [4])
  }

  /// Two tenants submitting whole-GPU jobs to one pool of four 2-GPU
  /// nodes; `ISOLATION` is replaced by tenant x's requirement.
  static let onePool = """
    name: one-pool
    pools:
      - {name: whole, nodeCount: 4, gpuModel: A100-SXM4-40GB, gpuCount: 2,
         cpu: 32, memory: 256Gi}
    tenants:
      - {name: x, isolation: ISOLATION}
      - {name: y}
    templates:
      - {name: train, kind: training, requests: {gpus: 1, cpu: 4},
         duration: {distribution: exponential, mean: 2h}}
    workloads:
      - {name: x-jobs, tenant: x, arrival: {process: poisson, ratePerHour: 2},
         mix: [train]}
      - {name: y-jobs, tenant: y, arrival: {process: poisson, ratePerHour: 2},
         mix: [train]}
    simulation: {seed: 5, horizon: 12h}
    """

  @Test func dedicatedNodesNeverShareANodeWithAnotherTenant() throws {
    // With x on dedicated nodes no strategy puts the tenants together;
    // without, packing does, so the check can fail.
    let dedicated = try scenario(
      Self.onePool.replacingOccurrences(
        of: "ISOLATION", with: "{dedicatedNodes: [whole]}"))
    let apart = try ComparisonGrid(
      scenario: dedicated, strategies: StrategyName.allCases, seeds: [1, 2]
    ).run(threads: 2)
    for cell in apart.cells {
      for score in cell.scores {
        #expect(
          score.isolation.pairs[0][1].sharedNodeSeconds == 0, "\(cell.label)")
        #expect(score.isolation.pairs[0][1].sharedAnyGPUSeconds == 0)
      }
    }
    let shared = try scenario(
      Self.onePool.replacingOccurrences(of: "ISOLATION", with: "none"))
    let together = try ComparisonGrid(
      scenario: shared, strategies: [.bestFit], seeds: [1, 2]
    ).run(threads: 2)
    #expect(
      together.cells[0].scores.contains {
        $0.isolation.pairs[0][1].sharedNodeSeconds > 0
      })
  }

  @Test func aSingleTenantHasNoCrossTenantExposure() throws {
    var loaded = try scenario(smallMixedCluster)
    loaded.demand.generators.removeAll { $0.tenant == "y" }
    loaded.cluster.tenants.removeAll { $0.name == "y" }
    #expect(loaded.validate().isEmpty)
    let result = try ComparisonGrid(
      scenario: loaded, strategies: [.firstFit, .bestFit], seeds: [1, 2]
    ).run(threads: 2)
    for cell in result.cells {
      for score in cell.scores {
        let exposure = try #require(score.securityExposure)
        #expect(exposure.expectedIncidents > 0)
        #expect(exposure.exposedTenantSecondsPerIncident == 0)
        #expect(exposure.worstPair == nil)
        #expect(score.isolation.isolationScore == 1)
      }
    }
  }

  @Test func confidenceIntervalsShrinkWithMoreSeeds() throws {
    let loaded = try scenario(smallMixedCluster)
    func halfWidth(seeds: Int) throws -> Double? {
      try ComparisonGrid(
        scenario: loaded, strategies: [.bestFit],
        seeds: (1...UInt64(seeds)).map { $0 }
      ).run(threads: 2).table().rows[0].cells[.gpuAllocation]?.halfWidth
    }
    let few = try #require(try halfWidth(seeds: 3))
    let many = try #require(try halfWidth(seeds: 12))
    #expect(few > 0)
    #expect(many < few)
  }

  @Test func pairedDifferencesAreSeedBySeedAndNarrowerThanTheRows() throws {
    let result = try ComparisonGrid(
      scenario: try scenario(smallMixedCluster),
      strategies: [.bestFit, .spread, .tenantPacking],
      seeds: Array(1...6)
    ).run(threads: 2)
    let paired = result.pairedDifferences(in: .isolationScore)
    #expect(paired[0] == nil)
    let table = result.table()
    for index in 1..<3 {
      let difference = try #require(paired[index])
      let values = zip(result.cells[index].scores, result.cells[0].scores)
        .map { $0.isolation.isolationScore - $1.isolation.isolationScore }
      #expect(difference.count == 6)
      #expect(
        abs(difference.mean - values.reduce(0, +) / 6) < 1e-12)
      // The mean of differences is the difference of means.
      let own = try #require(table.rows[index].cells[.isolationScore])
      let base = try #require(table.rows[0].cells[.isolationScore])
      #expect(abs(difference.mean - (own.mean - base.mean)) < 1e-12)
    }
    // Common random numbers: allocation differs little seed by seed
    // even though it varies a lot between seeds.
    let allocation = try #require(
      result.pairedDifferences(in: .gpuAllocation)[1]?.halfWidth)
    let row = try #require(table.rows[1].cells[.gpuAllocation]?.halfWidth)
    #expect(allocation < row)
  }

  @Test func labelsNameTheLayoutOnlyWhenLayoutsDiffer() throws {
    let loaded = try scenario(smallMixedCluster)
    let one = try ComparisonGrid(
      scenario: loaded, strategies: [.spread], seeds: [1])
    #expect(one.label(ofCell: 0) == "spread")
    let two = try ComparisonGrid(
      scenario: loaded, strategies: [.spread],
      layouts: [.asWritten, .dynamic], seeds: [1])
    #expect(two.cells.map(\.layout) == [.asWritten, .dynamic])
    #expect(two.cells[1].scenario.simulation.migReconfiguration == .dynamic)
    #expect(two.label(ofCell: 1) == "spread @ dynamic")
  }
}

/// Progress reports collected across threads.
private final class Seen: Sendable {
  private let state = Mutex((done: [Int](), totals: Set<Int>()))

  func add(_ value: Int, _ total: Int) {
    state.withLock {
      $0.done.append(value)
      $0.totals.insert(total)
    }
  }

  var values: [Int] { state.withLock { $0.done } }
  var totals: Set<Int> { state.withLock { $0.totals } }
}
