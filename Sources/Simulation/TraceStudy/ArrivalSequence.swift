import RandomStreams

/// The order in which a run submits pods: the name-sorted originals
/// shuffled, then inflated to a target GPU demand.
///
/// Tune-up (demand below the target T): draw a pod uniformly from the
/// name-sorted originals; if the demand so far plus the candidate's
/// per-GPU milli exceeds T, stop and discard it; otherwise append a clone
/// and add the candidate's total demand (GPU count × milli), and draw
/// again. Clones come after the shuffled originals in draw order; a
/// multi-GPU clone can overshoot T by up to (GPU count − 1) × 1000.
/// Tune-down (demand above T): while above, delete a uniformly drawn pod
/// of the current list. All draws, shuffle first, come from the stream
/// `trace-study/order` of the run's seed.
public struct ArrivalSequence: Hashable, Sendable {
  /// The submitted pods as indices into the name-sorted original list.
  public var podIndices: [Int]
  /// How many of the last `podIndices` are clones.
  public var cloneCount: Int
  /// How many originals tune-down deleted.
  public var deletedCount: Int
  /// Total GPU demand of the submitted pods in milli-GPU.
  public var gpuDemandMilli: Int

  /// Builds a run's arrival order.
  ///
  /// - Parameters:
  ///   - demands: each sorted original pod's per-GPU milli and GPU count.
  ///   - targetMilli: the demand to reach, T (for example 1.3 × capacity).
  ///   - seed: the run's seed.
  /// - Complexity: O(n + clones) for tune-up, O(n × deletions) for
  ///   tune-down.
  public init(
    demands: [(milliPerGPU: Int, gpuCount: Int)], targetMilli: Double,
    seed: UInt64
  ) {
    var stream = RandomStream(seed: seed, name: "trace-study/order")
    var order = Array(demands.indices)
    if order.count > 1 {
      for index in stride(from: order.count - 1, through: 1, by: -1) {
        order.swapAt(index, stream.nextInt(below: index + 1))
      }
    }
    var total = demands.reduce(0) { $0 + $1.milliPerGPU * $1.gpuCount }
    var clones = 0
    var deleted = 0

    if Double(total) < targetMilli, total > 0 {
      // Tune-up; skipped for lists without GPU demand, which never reach T.
      while true {
        let candidate = stream.nextInt(below: demands.count)
        let demand = demands[candidate]
        if Double(total) + Double(demand.milliPerGPU) > targetMilli { break }
        order.append(candidate)
        clones += 1
        total += demand.milliPerGPU * demand.gpuCount
      }
    } else {
      while Double(total) > targetMilli, !order.isEmpty {
        let victim = order.remove(at: stream.nextInt(below: order.count))
        total -= demands[victim].milliPerGPU * demands[victim].gpuCount
        deleted += 1
      }
    }
    podIndices = order
    cloneCount = clones
    deletedCount = deleted
    gpuDemandMilli = total
  }

  /// The per-run node priority: a uniform permutation of `count` node
  /// ranks (inside-out shuffle, stream `trace-study/nodes`), returned as
  /// node indices from highest to lowest priority.
  ///
  /// - Complexity: O(count).
  public static func nodePriorityOrder(count: Int, seed: UInt64) -> [Int] {
    var stream = RandomStream(seed: seed, name: "trace-study/nodes")
    var rank = Array(repeating: 0, count: count)
    for index in 0..<count {
      let other = stream.nextInt(below: index + 1)
      rank[index] = rank[other]
      rank[other] = index
    }
    var order = Array(repeating: 0, count: count)
    for (node, position) in rank.enumerated() { order[position] = node }
    return order
  }
}
