import ClusterModel
import Foundation
import Scheduling

/// Replays the trace in time: pods arrive at their creation time and run
/// for deletion time − creation time seconds from when they start; a pod
/// that finds no node waits in a first-in first-out queue and is retried
/// whenever a departure frees capacity (no polling). A time compression
/// factor c > 1 divides creation times by c (rounding down) and keeps
/// durations, which multiplies the offered load by about c. See
/// `docs/trace-study.md`.
public enum TraceReplay {
  /// Replays the trace once per policy, in parallel.
  ///
  /// - Parameters:
  ///   - nodes: the cluster.
  ///   - pods: the pod list with creation and deletion times.
  ///   - policies: the policies to compare.
  ///   - seed: the seed of the node priority and any policy draws.
  ///   - timeCompression: divides creation times (integer division); 1
  ///     replays the trace's own times.
  ///   - threads: runs at once; all cores when `nil`. The result does not
  ///     depend on it.
  /// - Returns: one run per policy, in `policies` order.
  /// - Throws: `TraceStudyError` or `FractionalModelError` for inputs the
  ///   model cannot run on.
  /// - Complexity: per run O(events × (nodes + queue)).
  public static func run(
    nodes: [TraceNode], pods: [TracePod],
    policies: [FractionalPolicy] = FractionalPolicy.published,
    seed: UInt64 = 42, timeCompression: Int = 1, threads: Int? = nil
  ) throws -> [ReplayRun] {
    guard timeCompression >= 1 else {
      throw TraceStudyError.invalidTimeCompression(timeCompression)
    }
    let input = try TraceStudyInput(nodes: nodes, pods: pods)
    let threadCount = max(
      threads ?? ProcessInfo.processInfo.activeProcessorCount, 1)
    return ParallelRuns.map(count: policies.count, threads: threadCount) {
      runOne(input, policy: policies[$0], seed: seed,
        timeCompression: timeCompression)
    }
  }

  /// Replays the trace with one policy.
  ///
  /// - Parameters: as `run(nodes:pods:policies:seed:timeCompression:threads:)`.
  /// - Precondition: `timeCompression >= 1`.
  /// - Complexity: O(events × (nodes + queue)).
  public static func runOne(
    _ input: TraceStudyInput, policy: FractionalPolicy, seed: UInt64,
    timeCompression: Int = 1
  ) -> ReplayRun {
    precondition(timeCompression >= 1)
    let c = timeCompression
    return switch policy {
    case .random:
      replay(input, FractionalRandomPolicy(seed: seed), policy, seed, c)
    case .dotProduct:
      replay(input, FractionalDotProductPolicy(), policy, seed, c)
    case .gpuClustering:
      replay(input, FractionalGPUClusteringPolicy(), policy, seed, c)
    case .gpuPacking:
      replay(input, FractionalGPUPackingPolicy(), policy, seed, c)
    case .bestFit:
      replay(input, FractionalBestFitPolicy(), policy, seed, c)
    case .fgd:
      replay(
        input, FractionalFGDPolicy(measure: input.measure), policy, seed, c)
    case .memoryAwareFGD:
      replay(
        input,
        FractionalMemoryAwareFGDPolicy(measure: input.memoryAwareMeasure),
        policy, seed, c)
    }
  }

  static func replay<Strategy: PlacementStrategy>(
    _ input: TraceStudyInput, _ strategy: Strategy,
    _ policy: FractionalPolicy, _ seed: UInt64, _ compression: Int
  ) -> ReplayRun where Strategy.Node == FractionalNode {
    // Arrivals in (creation time, name) order; pods are name-sorted.
    let timed = input.pods.indices.filter {
      input.pods[$0].creationTime != nil
    }
    let arrivalTimes = input.pods.map { ($0.creationTime ?? 0) / compression }
    let arrivals = timed.sorted {
      (arrivalTimes[$0], $0) < (arrivalTimes[$1], $1)
    }
    var cluster = PlacementCluster(
      nodes: input.fractionalNodes,
      priorityOrder: ArrivalSequence.nodePriorityOrder(
        count: input.fractionalNodes.count, seed: seed))
    let empty = input.fractionalNodes
    var scheduler = PlacementScheduler(strategy: strategy)
    var departures = DepartureHeap()
    var sequence = 0
    var queue: [Int] = []
    var waits: [Int] = []
    var samples: [ReplaySample] = []
    var allocated = 0
    var unschedulable = 0

    // Places `pod` at `time` if a node fits; returns whether it did.
    func tryPlace(_ pod: Int, at time: Int) -> Bool {
      let request = input.requests[pod]
      guard case .placed(let node, let assignment, _) =
        scheduler.place(request, in: &cluster)
      else { return false }
      let trace = input.pods[pod]
      waits.append(time - arrivalTimes[pod])
      allocated += request.gpuDemandMilli
      if let deleted = trace.deletionTime, let created = trace.creationTime {
        departures.push(
          .init(time: time + max(deleted - created, 0), sequence: sequence,
            pod: pod, node: node, assignment: assignment))
        sequence += 1
      }
      return true
    }

    var next = 0
    while next < arrivals.count || !departures.isEmpty {
      let arrivalTime = next < arrivals.count
        ? arrivalTimes[arrivals[next]] : Int.max
      let time = min(arrivalTime, departures.nextTime ?? Int.max)

      // Departures first, so capacity freed at `time` is usable at `time`;
      // each retries the queue in order on the node it freed.
      while let due = departures.nextTime, due == time,
        let departure = departures.pop()
      {
        let request = input.requests[departure.pod]
        cluster.release(
          request, from: departure.assignment, onNode: departure.node)
        allocated -= request.gpuDemandMilli
        var remaining: [Int] = []
        for pod in queue {
          let fitsFreedNode = cluster.nodes[departure.node].fits(
            input.requests[pod])
          if !(fitsFreedNode && tryPlace(pod, at: time)) {
            remaining.append(pod)
          }
        }
        queue = remaining
      }
      while next < arrivals.count, arrivalTimes[arrivals[next]] == time {
        let pod = arrivals[next]
        next += 1
        if !empty.contains(where: { $0.fits(input.requests[pod]) }) {
          unschedulable += 1
        } else if !tryPlace(pod, at: time) {
          queue.append(pod)
        }
      }
      samples.append(
        ReplaySample(
          time: time, allocatedMilli: allocated, waitingCount: queue.count))
    }

    return ReplayRun(
      policy: policy, seed: seed, podCount: timed.count,
      skippedCount: input.pods.count - timed.count,
      unschedulableCount: unschedulable, placedCount: waits.count,
      stillWaitingCount: queue.count, waits: WaitStatistics(waits: waits),
      allocation: samples, gpuCapacityMilli: input.gpuCapacityMilli,
      lastArrivalTime: arrivals.last.map { arrivalTimes[$0] } ?? 0)
  }
}
