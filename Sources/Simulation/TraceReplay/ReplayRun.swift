import Scheduling

/// One point of a replay's allocation curve, taken after all events at
/// `time`.
public struct ReplaySample: Hashable, Sendable, Codable {
  /// Trace time in seconds.
  public var time: Int
  /// GPU milli allocated.
  public var allocatedMilli: Int
  /// Pods waiting in the queue.
  public var waitingCount: Int
}

/// The outcome of replaying the trace in time with one policy.
public struct ReplayRun: Hashable, Sendable {
  /// The policy.
  public var policy: FractionalPolicy
  /// The seed of the node priority and any policy draws.
  public var seed: UInt64
  /// Pods replayed (those with a creation time).
  public var podCount: Int
  /// Pods without a creation time, left out.
  public var skippedCount: Int
  /// Pods that fit no node even of the empty cluster, refused at arrival.
  public var unschedulableCount: Int
  /// Pods placed, at arrival or from the queue.
  public var placedCount: Int
  /// Pods still waiting when the last event was processed.
  public var stillWaitingCount: Int
  /// Waits of placed pods: start time minus creation time.
  public var waits: WaitStatistics
  /// Allocation after each distinct event time.
  public var allocation: [ReplaySample]
  /// GPU capacity in milli-GPU, to turn samples into percentages.
  public var gpuCapacityMilli: Int
  /// When the last pod arrived, in (compressed) seconds.
  public var lastArrivalTime: Int

  /// The highest allocation in percent of capacity.
  public var peakAllocationPercent: Double {
    100 * Double(allocation.map(\.allocatedMilli).max() ?? 0)
      / Double(gpuCapacityMilli)
  }

  /// The time-weighted mean allocation in percent of capacity from the
  /// first event to the last arrival (each sample holds until the next);
  /// the tail after the last arrival, when pods only leave, is left out.
  ///
  /// - Complexity: O(samples).
  public var meanAllocationPercent: Double {
    guard let first = allocation.first, lastArrivalTime > first.time
    else { return 0 }
    var area = 0.0
    for (sample, next) in zip(allocation, allocation.dropFirst())
    where sample.time < lastArrivalTime {
      let end = min(next.time, lastArrivalTime)
      area += Double(sample.allocatedMilli) * Double(end - sample.time)
    }
    return 100 * area / Double(lastArrivalTime - first.time)
      / Double(gpuCapacityMilli)
  }
}
