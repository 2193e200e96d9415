/// How much of the cluster was allocated, time-weighted over the run.
///
/// Shares are in [0, 1]: the integral of the allocated amount over the
/// run divided by capacity × horizon (docs/metrics.md, Utilization).
public struct UtilizationMetrics: Hashable, Sendable {
  /// GPU-equivalents allocated (`GPUHold.gpuShare`) over GPU capacity.
  public var gpuAllocation: Double
  /// Compute slices allocated over compute-slice capacity.
  public var computeSliceAllocation: Double
  /// Memory slices allocated over memory-slice capacity.
  public var memorySliceAllocation: Double
  /// GPU memory allocated over GPU memory capacity.
  public var gpuMemoryAllocation: Double
  /// GPUs holding at least one allocation over GPUs.
  public var busyGPUShare: Double
  /// Allocated but idle: Σ (1 − u) × GPU share over GPU capacity, where u
  /// is each job's GPU busy fraction.
  public var allocatedIdleShare: Double
  /// The allocated GPU share as a step function: from `seconds` on, until
  /// the next step, the allocated share was `share`.
  public var allocationSteps: [AllocationStep]

  /// One step of the allocation curve.
  public struct AllocationStep: Hashable, Sendable {
    /// When the step starts, seconds.
    public var seconds: Int
    /// Allocated GPU-equivalents over GPU capacity, [0, 1].
    public var share: Double
  }

  /// The allocation curve averaged over `bins` equal bins of the run.
  ///
  /// - Parameters:
  ///   - bins: The number of bins, at least 1.
  ///   - horizonSeconds: The run's length, seconds.
  /// - Returns: One point per bin: the bin's midpoint, seconds, and its
  ///   time-averaged allocated share.
  /// - Complexity: O(steps + bins).
  public func allocationTimeline(bins: Int, horizonSeconds: Int)
    -> [(seconds: Double, share: Double)]
  {
    precondition(bins >= 1 && horizonSeconds >= 1)
    let width = Double(horizonSeconds) / Double(bins)
    var areas = Array(repeating: 0.0, count: bins)
    for (index, step) in allocationSteps.enumerated() {
      let end = index + 1 < allocationSteps.count
        ? allocationSteps[index + 1].seconds : horizonSeconds
      var from = Double(step.seconds)
      let to = Double(end)
      while from < to {
        let bin = min(Int(from / width), bins - 1)
        let binEnd = min(to, Double(bin + 1) * width)
        areas[bin] += step.share * (binEnd - from)
        from = bin == bins - 1 ? to : binEnd
      }
    }
    return areas.indices.map {
      ((Double($0) + 0.5) * width, areas[$0] / width)
    }
  }
}

extension RunObservation {
  /// Time-weighted utilization of the run.
  ///
  /// - Returns: The utilization shares and the allocation curve.
  /// - Complexity: O(*a* log *a*) for *a* allocations.
  public func utilization() -> UtilizationMetrics {
    var gpuArea = 0.0
    var computeArea = 0.0
    var memorySliceArea = 0.0
    var memoryArea = 0.0
    var idleArea = 0.0
    for (index, allocation) in allocations.enumerated() {
      guard let gpu = gpu(ofAllocation: index) else { continue }
      let seconds = Double(clipped(allocation).count)
      let share = allocation.hold.gpuShare(of: gpu)
      let busy = jobs[allocation.job].interference.gpuBusyFraction
      gpuArea += share * seconds
      computeArea += allocation.hold.computeSlices(of: gpu) * seconds
      memorySliceArea += allocation.hold.memorySlices(of: gpu) * seconds
      memoryArea += Double(allocation.gpuMemoryMiB) * seconds
      idleArea += (1 - min(max(busy, 0), 1)) * share * seconds
    }

    let gpuOffsets = nodes.reduce(into: [0]) {
      $0.append($0.last! + $1.gpus.count)
    }
    var holders = Array(repeating: 0, count: gpuOffsets.last!)
    var busyGPUs = StepIntegral()
    var busyCount = 0
    var allocated = 0.0
    var steps: [UtilizationMetrics.AllocationStep] = []
    let gpuCapacity = Double(max(capacity.gpus, 1))
    for event in sweepEvents() {
      let allocation = allocations[event.allocation]
      guard let gpuIndex = allocation.gpu,
        let gpu = gpu(ofAllocation: event.allocation)
      else { continue }
      let slot = gpuOffsets[allocation.node] + gpuIndex
      let share = allocation.hold.gpuShare(of: gpu)
      if event.isStart {
        holders[slot] += 1
        if holders[slot] == 1 { busyCount += 1 }
        allocated += share
      } else {
        holders[slot] -= 1
        if holders[slot] == 0 { busyCount -= 1 }
        allocated -= share
      }
      busyGPUs.set(Double(busyCount), at: event.time)
      let point = UtilizationMetrics.AllocationStep(
        seconds: event.time, share: max(allocated, 0) / gpuCapacity)
      if steps.last?.seconds == event.time {
        steps[steps.count - 1] = point
      } else {
        steps.append(point)
      }
    }
    if steps.first?.seconds != 0 {
      steps.insert(.init(seconds: 0, share: 0), at: 0)
    }

    let horizon = Double(horizonSeconds)
    func share(_ area: Double, _ capacity: Int) -> Double {
      capacity > 0 ? area / (Double(capacity) * horizon) : 0
    }
    return UtilizationMetrics(
      gpuAllocation: share(gpuArea, capacity.gpus),
      computeSliceAllocation: share(computeArea, capacity.computeSlices),
      memorySliceAllocation: share(memorySliceArea, capacity.memorySlices),
      gpuMemoryAllocation: share(memoryArea, capacity.gpuMemoryMiB),
      busyGPUShare: share(busyGPUs.area(upTo: horizonSeconds), capacity.gpus),
      allocatedIdleShare: share(idleArea, capacity.gpus),
      allocationSteps: steps)
  }
}
