/// Measures GPU fragmentation of fractional nodes against a typical-pod
/// mix.
///
/// For node n and typical pod m, the fragment is all idle GPU milli of n
/// when m needs no GPU, or does not accept n's model, or n lacks either the
/// GPUs (fewer than m's count with m's milli free) or the CPU for m;
/// otherwise it is the idle milli of the GPUs whose free milli is below m's
/// milli. F(n) = Σ_m p_m × fragment(n, m). To keep sums exact the measure
/// works in count-weighted units: `weightedFragment` is Σ_m count_m ×
/// fragment(n, m), and F(n) = weightedFragment / `totalWeight`.
/// The memory-aware variant adds free memory below the typical pod's
/// median memory to the reasons a node cannot host it.
public struct FragmentationMeasure: Hashable, Sendable {
  @usableFromInline let cpuMilli: [Int]
  @usableFromInline let memoryMiB: [Int]
  @usableFromInline let gpuMilli: [Int32]
  @usableFromInline let gpuCounts: [Int]
  @usableFromInline let models: [GPUModelSet]
  @usableFromInline let weights: [Int]
  /// Σ count over the typical pods; divides weighted fragments into milli.
  public let totalWeight: Int

  /// Compiles a mix against a cluster's GPU models.
  ///
  /// - Parameters:
  ///   - mix: the typical pods.
  ///   - catalog: the cluster's GPU models.
  ///   - considersMemory: when `true`, a node also cannot host a typical
  ///     pod whose median memory exceeds the node's free memory (the
  ///     published measure ignores memory).
  /// - Complexity: O(typical pods × spec length).
  public init(
    mix: TypicalPodMix, catalog: GPUModelCatalog,
    considersMemory: Bool = false
  ) {
    cpuMilli = mix.pods.map(\.cpuMilli)
    memoryMiB = mix.pods.map { considersMemory ? $0.medianMemoryMiB : 0 }
    gpuMilli = mix.pods.map { Int32($0.gpuMilliPerGPU) }
    gpuCounts = mix.pods.map(\.gpuCount)
    models = mix.pods.map { catalog.acceptedModels($0.gpuSpec) }
    weights = mix.pods.map(\.count)
    totalWeight = max(weights.reduce(0, +), 1)
  }

  /// Σ_m count_m × fragment(n, m), in pod × milli-GPU.
  ///
  /// - Complexity: O(typical pods).
  @inlinable
  public func weightedFragment(of node: FractionalNode) -> Int {
    let free = node.gpuFreeMilli
    let idle = Int(free.wrappedSum())
    if idle == 0 { return 0 }
    var total = 0
    for index in weights.indices {
      let milli = gpuMilli[index]
      var fragment = idle
      if milli > 0, models[index].contains(node.model),
        node.cpuFreeMilli >= cpuMilli[index],
        node.memoryFreeMiB >= memoryMiB[index]
      {
        if FractionalNode.countLanes(free, atLeast: milli)
          >= gpuCounts[index]
        {
          fragment = FractionalNode.sumLanes(free, below: milli)
        }
      }
      total += weights[index] * fragment
    }
    return total
  }

  /// F(n) in milli-GPU: the weighted fragment over `totalWeight`.
  ///
  /// - Complexity: O(typical pods).
  @inlinable
  public func fragmentMilli(of node: FractionalNode) -> Double {
    Double(weightedFragment(of: node)) / Double(totalWeight)
  }
}
