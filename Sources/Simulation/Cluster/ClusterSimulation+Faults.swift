import ClusterModel
import Foundation
import RandomStreams
import Scheduling

extension ClusterSimulation {
  // MARK: - Faults and maintenance

  /// Repair time used when the scenario gives failures but no MTTR,
  /// seconds (docs/simulator.md).
  static let defaultRepairSeconds = 3600

  /// An exponential draw with mean `mean` seconds, rounded, at least 1.
  static func exponential(mean: Double, _ stream: inout RandomStream) -> Int
  {
    max(1, Int((-mean * log(stream.nextOpenUnitInterval())).rounded()))
  }

  var repairMeanSeconds: Double {
    Double(
      input.settings.faults.nodeMTTRSeconds ?? Self.defaultRepairSeconds)
  }

  /// Schedules the first failure of every node, the first GPU failure and
  /// the first upgrade batch.
  mutating func scheduleFaults(_ engine: inout SimulationEngine<ClusterEvent>)
  {
    let faults = input.settings.faults
    let nodeCount = scheduler.state.nodeCount
    if let mtbf = faults.nodeMTBFSeconds {
      faultStreams = (0..<nodeCount).map {
        RandomStream(
          seed: input.settings.seed,
          name: StreamNames.faults(node: scheduler.state.nodeName($0)))
      }
      for node in 0..<nodeCount {
        let delay = Self.exponential(
          mean: Double(mtbf), &faultStreams[node])
        engine.schedule(
          .nodeFailure(node: node), at: Int64(delay), class: .disruption)
      }
    }
    gpuPrefix = [0]
    for node in 0..<nodeCount {
      gpuPrefix.append(gpuPrefix[node] + scheduler.state.gpuCount(ofNode: node))
    }
    failedNodes = Array(repeating: false, count: nodeCount)
    failedGPUs = Array(repeating: false, count: gpuPrefix[nodeCount])
    if let rate = faults.gpuFailuresPerHour, rate > 0, gpuPrefix[nodeCount] > 0
    {
      scheduleNextGPUFailure(&engine)
    }
    if let upgrade = faults.rollingUpgrade, nodeCount > 0 {
      engine.schedule(
        .upgradeBatch(first: 0), at: Int64(upgrade.startSeconds),
        class: .disruption)
    }
  }

  mutating func failNode(
    _ node: Int, _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    for job in jobs(onNode: node) { evict(job, .nodeFailure, &engine) }
    scheduler.state.setFailed(true, node: node)
    failedNodes[node] = true
    counters.nodeFailures += 1
    note(.nodeFailure, node: node)
    let delay = Self.exponential(mean: repairMeanSeconds, &faultStreams[node])
    engine.schedule(
      .nodeRepair(node: node), at: Int64(now + delay), class: .recovery)
  }

  mutating func repairNode(
    _ node: Int, _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    scheduler.state.setFailed(false, node: node)
    failedNodes[node] = false
    note(.nodeRepair, node: node)
    if let mtbf = input.settings.faults.nodeMTBFSeconds {
      let delay = Self.exponential(mean: Double(mtbf), &faultStreams[node])
      engine.schedule(
        .nodeFailure(node: node), at: Int64(now + delay), class: .disruption)
    }
    scheduleRetry(&engine)
  }

  /// GPU failures form one Poisson process over the whole fleet, at the
  /// per-GPU rate times the number of GPUs; each hits a GPU drawn
  /// uniformly.
  mutating func scheduleNextGPUFailure(
    _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    guard let rate = input.settings.faults.gpuFailuresPerHour, rate > 0,
      let total = gpuPrefix.last, total > 0
    else { return }
    let delay = Self.exponential(
      mean: 3600 / (rate * Double(total)), &gpuFaultStream)
    guard now + delay <= horizon else { return }
    engine.schedule(.gpuFailure, at: Int64(now + delay), class: .disruption)
  }

  mutating func failRandomGPU(_ engine: inout SimulationEngine<ClusterEvent>)
  {
    defer { scheduleNextGPUFailure(&engine) }
    guard let total = gpuPrefix.last, total > 0 else { return }
    let global = gpuFaultStream.nextInt(below: total)
    // The node holding GPU `global`: the last prefix not above it.
    var low = 0
    var high = gpuPrefix.count - 1
    while high - low > 1 {
      let mid = (low + high) / 2
      if gpuPrefix[mid] <= global { low = mid } else { high = mid }
    }
    let node = low
    let gpu = global - gpuPrefix[node]
    // A GPU already down, or on a node that is down, cannot fail again.
    guard !failedGPUs[global], !failedNodes[node] else { return }
    var hit: [Int] = []
    for pod in scheduler.state.pods(onNode: node, gpu: gpu) {
      let job = Int(podJob[pod])
      if !hit.contains(job) { hit.append(job) }
    }
    for job in hit { evict(job, .gpuFailure, &engine) }
    _ = scheduler.state.failGPU(gpu, ofNode: node)
    failedGPUs[global] = true
    counters.gpuFailures += 1
    note(.gpuFailure, node: node, "gpu \(gpu)")
    let delay = Self.exponential(mean: repairMeanSeconds, &gpuRepairStream)
    engine.schedule(
      .gpuRepair(node: node, gpu: gpu), at: Int64(now + delay),
      class: .recovery)
  }

  /// Drains the next batch of nodes: no new pods, running jobs evicted
  /// and queued again, as `kubectl drain` does.
  mutating func startUpgrade(
    batchFrom first: Int, _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    guard let upgrade = input.settings.faults.rollingUpgrade else { return }
    let last = min(first + upgrade.batchSize, scheduler.state.nodeCount)
    for node in first..<last {
      scheduler.state.setDraining(true, node: node)
      for job in jobs(onNode: node) { evict(job, .drain, &engine) }
      counters.drainedNodes += 1
      note(.drainStart, node: node)
    }
    engine.schedule(
      .upgradeDone(first: first), at: Int64(now + upgrade.upgradeSeconds),
      class: .recovery)
  }

  /// Returns an upgraded batch to service and starts the next one.
  mutating func finishUpgrade(
    batchFrom first: Int, _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    guard let upgrade = input.settings.faults.rollingUpgrade else { return }
    let last = min(first + upgrade.batchSize, scheduler.state.nodeCount)
    for node in first..<last {
      scheduler.state.setDraining(false, node: node)
      note(.drainEnd, node: node)
    }
    if last < scheduler.state.nodeCount {
      engine.schedule(
        .upgradeBatch(first: last), at: Int64(now), class: .disruption)
    }
    scheduleRetry(&engine)
  }
}
