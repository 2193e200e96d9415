import ClusterModel
import Scheduling

extension TraceStudy {
  /// Runs one policy with one seed: no departures, failed pods dropped,
  /// metrics sampled after every arrival.
  ///
  /// - Parameters:
  ///   - input: the prepared study inputs.
  ///   - policy: the placement policy.
  ///   - seed: the seed of the pod order, inflation, node priority and any
  ///     random draws of the policy.
  ///   - inflation: the target GPU demand as a multiple of capacity.
  /// - Returns: the run's counts and curve.
  /// - Complexity: O(pods × nodes) filter checks; scores and
  ///   fragmentation are recomputed only for nodes that changed.
  public static func runOne(
    _ input: TraceStudyInput, policy: FractionalPolicy, seed: UInt64,
    inflation: Double = 1.3
  ) -> TraceStudyRun {
    switch policy {
    case .random:
      simulate(
        input, FractionalRandomPolicy(seed: seed), policy, seed, inflation)
    case .dotProduct:
      simulate(input, FractionalDotProductPolicy(), policy, seed, inflation)
    case .gpuClustering:
      simulate(
        input, FractionalGPUClusteringPolicy(), policy, seed, inflation)
    case .gpuPacking:
      simulate(
        input, FractionalGPUPackingPolicy(), policy, seed, inflation)
    case .bestFit:
      simulate(input, FractionalBestFitPolicy(), policy, seed, inflation)
    case .fgd:
      simulate(
        input, FractionalFGDPolicy(measure: input.measure), policy, seed,
        inflation)
    case .memoryAwareFGD:
      simulate(
        input,
        FractionalMemoryAwareFGDPolicy(measure: input.memoryAwareMeasure),
        policy, seed, inflation)
    }
  }

  static func simulate<Strategy: PlacementStrategy>(
    _ input: TraceStudyInput, _ strategy: Strategy,
    _ policy: FractionalPolicy, _ seed: UInt64, _ inflation: Double
  ) -> TraceStudyRun where Strategy.Node == FractionalNode {
    let capacity = input.gpuCapacityMilli
    let sequence = ArrivalSequence(
      demands: input.pods.map { ($0.gpuMilliPerGPU, $0.gpuCount) },
      targetMilli: inflation * Double(capacity), seed: seed)
    var cluster = PlacementCluster(
      nodes: input.fractionalNodes,
      priorityOrder: ArrivalSequence.nodePriorityOrder(
        count: input.fractionalNodes.count, seed: seed))
    var scheduler = PlacementScheduler(strategy: strategy)
    let measure = input.measure

    // Fragmentation is cached per node; only the node a pod lands on is
    // measured again.
    var fragments = cluster.nodes.map { measure.weightedFragment(of: $0) }
    var totalFragment = fragments.reduce(0, +)
    var bins = ArrivalBins(gpuCount: input.gpuCount)
    var arrived = 0
    var allocated = 0
    var placed = 0
    var failedMilli = 0
    var failures: [String: Int] = [:]
    var failedByKind: [TracePodKind: Int] = [:]
    var failedMilliByKind: [TracePodKind: Int] = [:]

    for podIndex in sequence.podIndices {
      let request = input.requests[podIndex]
      arrived += request.gpuDemandMilli
      switch scheduler.place(request, in: &cluster) {
      case .placed(let node, _, _):
        placed += 1
        allocated += request.gpuDemandMilli
        let fragment = measure.weightedFragment(of: cluster.nodes[node])
        totalFragment += fragment - fragments[node]
        fragments[node] = fragment
      case .refused(let failure):
        failedMilli += request.gpuDemandMilli
        let reason = failure.primaryReason?.description ?? "no-nodes"
        failures[reason, default: 0] += 1
        let kind = input.pods[podIndex].kind
        failedByKind[kind, default: 0] += 1
        failedMilliByKind[kind, default: 0] += request.gpuDemandMilli
      }
      bins.record(
        arrivedMilli: arrived, allocatedMilli: allocated,
        fragmentMilli: Double(totalFragment) / Double(measure.totalWeight),
        idleMilli: capacity - allocated)
    }

    return TraceStudyRun(
      policy: policy, seed: seed,
      submittedCount: sequence.podIndices.count,
      cloneCount: sequence.cloneCount, deletedCount: sequence.deletedCount,
      placedCount: placed, submittedGPUMilli: sequence.gpuDemandMilli,
      failedByReason: failures, failedGPUMilli: failedMilli,
      failedByKind: failedByKind, failedGPUMilliByKind: failedMilliByKind,
      curve: bins.curve,
      finalAllocationPercent: 100 * Double(allocated) / Double(capacity),
      finalFragmentationPercent: 100 * Double(totalFragment)
        / Double(measure.totalWeight) / Double(capacity))
  }
}
