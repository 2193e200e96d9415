import ClusterModel
import Foundation
import Scheduling

/// The packing study of the Alibaba GPU-sharing trace: every pod arrives
/// once and never leaves, pods are submitted in a seeded shuffled order
/// inflated to a target demand, failed pods are dropped, and allocation
/// and fragmentation are sampled after every arrival. See
/// `docs/trace-study.md`.
public enum TraceStudy {
  /// The seeds of the published study, 42 through 51.
  public static let publishedSeeds: [UInt64] = Array(42...51)

  /// Runs every policy with every seed, in parallel.
  ///
  /// - Parameters:
  ///   - nodes: the cluster.
  ///   - pods: the original pod list.
  ///   - policies: the policies to compare.
  ///   - seeds: the seeds; each policy sees the same pod order and node
  ///     priority for a seed.
  ///   - inflation: the target GPU demand as a multiple of capacity.
  ///   - threads: how many runs execute at once; all cores when `nil`.
  ///     The result does not depend on it.
  /// - Returns: every run and the per-policy summaries.
  /// - Throws: `TraceStudyError` or `FractionalModelError` for inputs the
  ///   study cannot run on.
  /// - Complexity: policies × seeds runs of `runOne`.
  public static func run(
    nodes: [TraceNode], pods: [TracePod],
    policies: [FractionalPolicy] = FractionalPolicy.published,
    seeds: [UInt64] = publishedSeeds, inflation: Double = 1.3,
    threads: Int? = nil
  ) throws -> StudyResult {
    guard inflation.isFinite, inflation > 0 else {
      throw TraceStudyError.invalidInflation(inflation)
    }
    let input = try TraceStudyInput(nodes: nodes, pods: pods)
    return run(
      input, policies: policies, seeds: seeds, inflation: inflation,
      threads: threads)
  }

  /// Runs every policy with every seed on prepared inputs, in parallel.
  ///
  /// - Parameters: as `run(nodes:pods:policies:seeds:inflation:threads:)`.
  /// - Precondition: `inflation` is positive and finite.
  /// - Complexity: policies × seeds runs of `runOne`.
  public static func run(
    _ input: TraceStudyInput,
    policies: [FractionalPolicy] = FractionalPolicy.published,
    seeds: [UInt64] = publishedSeeds, inflation: Double = 1.3,
    threads: Int? = nil
  ) -> StudyResult {
    precondition(inflation.isFinite && inflation > 0)
    let jobs = policies.flatMap { policy in seeds.map { (policy, $0) } }
    let threadCount = max(
      threads ?? ProcessInfo.processInfo.activeProcessorCount, 1)
    let runs = ParallelRuns.map(count: jobs.count, threads: threadCount) {
      runOne(input, policy: jobs[$0].0, seed: jobs[$0].1,
        inflation: inflation)
    }
    let target = Int((100 * inflation).rounded())
    let summaries = policies.map { policy in
      PolicySummary(
        policy: policy, runs: runs.filter { $0.policy == policy },
        targetPercent: target)
    }
    return StudyResult(
      policies: policies, seeds: seeds, inflation: inflation, runs: runs,
      summaries: summaries,
      emptyClusterFragmentationPercent: input.emptyClusterFragmentationPercent,
      typicalPodCount: input.mix.pods.count, shapeCount: input.mix.shapeCount)
  }
}
