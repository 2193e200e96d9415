import MIGGeometry

/// How much free GPU capacity the expected requests cannot use,
/// time-weighted over the run (docs/metrics.md, Fragmentation).
public struct FragmentationMetrics: Hashable, Sendable {
  /// Fractional fragmentation amount: ∫ Σ_n F_n dt over (1000 × non-MIG
  /// GPUs × horizon), in [0, 1]; `nil` without typical pods or non-MIG
  /// GPUs.
  public var fractionalAmount: Double?
  /// Fractional fragmentation rate: ∫ Σ_n F_n dt over ∫ idle milli dt, in
  /// [0, 1]; `nil` without typical pods or when nothing was ever idle.
  public var fractionalRate: Double?
  /// MIG fragmentation: ∫ Σ_g weighted unusable free memory slices dt over
  /// ∫ free memory slices dt of MIG GPUs, in [0, 1]; `nil` without a
  /// request mix or when no MIG GPU was ever free.
  public var migRate: Double?
}

extension RunObservation {
  /// Time-weighted fractional and MIG fragmentation of the run.
  ///
  /// - Returns: The fragmentation measures.
  /// - Complexity: O(*a* log *a* + *e* × (*g* × *m*)) for *a* allocations,
  ///   *e* events, *g* GPUs per node and *m* typical pods or profiles.
  public func fragmentation() -> FragmentationMetrics {
    var fractional = FractionalFragmentationState(self)
    var mig = MIGFragmentationState(self)
    for event in sweepEvents() {
      fractional.apply(event, of: self)
      mig.apply(event, of: self)
    }
    return FragmentationMetrics(
      fractionalAmount: fractional.amount(of: self),
      fractionalRate: fractional.rate(upTo: horizonSeconds),
      migRate: mig.rate(upTo: horizonSeconds))
  }
}

/// Per-node free milli and CPU, and the sums of F_n and idle milli.
private struct FractionalFragmentationState {
  var freeMilli: [[Double]]
  var freeCPU: [Int]
  var fragment: [Double]
  var idle: [Double]
  var totalFragment = StepIntegral()
  var totalIdle = StepIntegral()
  let weightSum: Double
  let gpuCount: Int

  init(_ observation: RunObservation) {
    freeMilli = observation.nodes.map { node in
      node.gpus.map { $0.isMIGEnabled ? 0 : 1000 }
    }
    freeCPU = observation.nodes.map(\.cpuMilli)
    weightSum = observation.typicalPods.reduce(0) { $0 + $1.weight }
    gpuCount = observation.nodes.reduce(0) {
      $0 + $1.gpus.filter { !$0.isMIGEnabled }.count
    }
    fragment = []
    idle = []
    for index in observation.nodes.indices {
      fragment.append(nodeFragment(index, of: observation))
      idle.append(freeMilli[index].reduce(0, +))
    }
    totalFragment.set(fragment.reduce(0, +), at: 0)
    totalIdle.set(idle.reduce(0, +), at: 0)
  }

  mutating func apply(_ event: AllocationEvent, of observation: RunObservation) {
    guard weightSum > 0 else { return }
    let allocation = observation.allocations[event.allocation]
    let node = allocation.node
    let sign = event.isStart ? -1 : 1
    freeCPU[node] += sign * allocation.cpuMilli
    if let index = allocation.gpu,
      let gpu = observation.gpu(ofAllocation: event.allocation),
      !gpu.isMIGEnabled
    {
      freeMilli[node][index] +=
        Double(sign) * 1000 * allocation.hold.gpuShare(of: gpu)
    }
    let newFragment = nodeFragment(node, of: observation)
    let newIdle = freeMilli[node].reduce(0) { $0 + max($1, 0) }
    totalFragment.set(
      totalFragment.value + newFragment - fragment[node], at: event.time)
    totalIdle.set(totalIdle.value + newIdle - idle[node], at: event.time)
    fragment[node] = newFragment
    idle[node] = newIdle
  }

  /// F_n = Σ_m p_m × fragment(n, m), milli.
  func nodeFragment(_ node: Int, of observation: RunObservation) -> Double {
    guard weightSum > 0 else { return 0 }
    let facts = observation.nodes[node]
    let free = zip(facts.gpus, freeMilli[node])
      .filter { !$0.0.isMIGEnabled }.map { max($0.1, 0) }
    let idle = free.reduce(0, +)
    guard idle > 0 else { return 0 }
    let model = facts.gpus.first { !$0.isMIGEnabled }?.modelName ?? ""
    var total = 0.0
    for pod in observation.typicalPods {
      var piece = idle
      let milli = Double(pod.gpuMilliPerGPU)
      if pod.gpuCount > 0, pod.acceptedModels?.contains(model) ?? true,
        freeCPU[node] >= pod.cpuMilli,
        free.filter({ $0 >= milli }).count >= pod.gpuCount
      {
        piece = free.filter { $0 < milli }.reduce(0, +)
      }
      total += pod.weight * piece
    }
    return total / weightSum
  }

  func amount(of observation: RunObservation) -> Double? {
    guard weightSum > 0, gpuCount > 0 else { return nil }
    return totalFragment.area(upTo: observation.horizonSeconds)
      / (1000 * Double(gpuCount) * Double(observation.horizonSeconds))
  }

  func rate(upTo horizon: Int) -> Double? {
    let idle = totalIdle.area(upTo: horizon)
    guard weightSum > 0, idle > 0 else { return nil }
    return totalFragment.area(upTo: horizon) / idle
  }
}

/// Per-MIG-GPU free memory slices and compute slices, and the sums of
/// weighted unusable slices and free slices.
private struct MIGFragmentationState {
  /// One request shape resolved on one GPU model.
  struct Shape {
    var weight: Double
    var computeSlices: Int
    /// One mask per allowed start.
    var masks: [UInt64]
  }

  var freeMask: [[UInt64]]
  var freeCompute: [[Int]]
  var shapes: [[[Shape]?]]
  var unusable: [[Double]]
  var totalUnusable = StepIntegral()
  var totalFree = StepIntegral()
  let weightSum: Double

  init(_ observation: RunObservation) {
    weightSum = observation.expectedMIGRequests.reduce(0) { $0 + $1.weight }
    var models: [String: [Shape]?] = [:]
    func resolve(_ name: String) -> [Shape]? {
      if let known = models[name] { return known }
      let shapes = GPUModel.named(name).map { model in
        observation.expectedMIGRequests.map { request in
          guard let profile = model.profile(named: request.profileName)
          else { return Shape(weight: request.weight, computeSlices: 0,
            masks: []) }
          return Shape(
            weight: request.weight, computeSlices: profile.computeSlices,
            masks: profile.allowedStarts.map {
              mask(profile.memorySliceRange(startingAt: $0))
            })
        }
      }
      models[name] = .some(shapes)
      return shapes
    }
    freeMask = observation.nodes.map { node in
      node.gpus.map { $0.isMIGEnabled ? mask(0..<$0.memorySlices) : 0 }
    }
    freeCompute = observation.nodes.map { node in
      node.gpus.map { $0.isMIGEnabled ? $0.computeSlices : 0 }
    }
    shapes = observation.nodes.map { node in
      node.gpus.map { $0.isMIGEnabled ? resolve($0.modelName) : nil }
    }
    unusable = observation.nodes.map { Array(repeating: 0, count: $0.gpus.count) }
    var unusableSum = 0.0
    var freeSum = 0.0
    for node in freeMask.indices {
      for gpu in freeMask[node].indices where shapes[node][gpu] != nil {
        unusable[node][gpu] = gpuUnusable(node, gpu)
        unusableSum += unusable[node][gpu]
        freeSum += Double(freeMask[node][gpu].nonzeroBitCount)
      }
    }
    totalUnusable.set(unusableSum, at: 0)
    totalFree.set(freeSum, at: 0)
  }

  mutating func apply(_ event: AllocationEvent, of observation: RunObservation) {
    let allocation = observation.allocations[event.allocation]
    guard weightSum > 0, let gpu = allocation.gpu,
      shapes[allocation.node][gpu] != nil,
      case .mig(let hold) = allocation.hold
    else { return }
    let node = allocation.node
    let held = mask(
      hold.startMemorySlice..<(hold.startMemorySlice + hold.memorySlices))
    let before = Double(freeMask[node][gpu].nonzeroBitCount)
    if event.isStart {
      freeMask[node][gpu] &= ~held
      freeCompute[node][gpu] -= hold.computeSlices
    } else {
      freeMask[node][gpu] |= held
      freeCompute[node][gpu] += hold.computeSlices
    }
    let after = Double(freeMask[node][gpu].nonzeroBitCount)
    let newUnusable = gpuUnusable(node, gpu)
    totalUnusable.set(
      totalUnusable.value + newUnusable - unusable[node][gpu], at: event.time)
    totalFree.set(totalFree.value + after - before, at: event.time)
    unusable[node][gpu] = newUnusable
  }

  /// Σ_m w_m × free slices no feasible placement of m covers, over Σ w.
  func gpuUnusable(_ node: Int, _ gpu: Int) -> Double {
    guard let shapes = shapes[node][gpu], weightSum > 0 else { return 0 }
    let free = freeMask[node][gpu]
    var total = 0.0
    for shape in shapes {
      var usable: UInt64 = 0
      if shape.computeSlices > 0, shape.computeSlices <= freeCompute[node][gpu]
      {
        for placement in shape.masks where placement & free == placement {
          usable |= placement
        }
      }
      total += shape.weight * Double((free & ~usable).nonzeroBitCount)
    }
    return total / weightSum
  }

  func rate(upTo horizon: Int) -> Double? {
    let free = totalFree.area(upTo: horizon)
    guard weightSum > 0, free > 0 else { return nil }
    return totalUnusable.area(upTo: horizon) / free
  }
}

/// The bits of `range`, which lies within 0..<64.
private func mask(_ range: Range<Int>) -> UInt64 {
  precondition(range.lowerBound >= 0 && range.upperBound <= 64)
  guard !range.isEmpty else { return 0 }
  let width: UInt64 = range.count == 64 ? ~0 : (1 << UInt64(range.count)) - 1
  return width << UInt64(range.lowerBound)
}
