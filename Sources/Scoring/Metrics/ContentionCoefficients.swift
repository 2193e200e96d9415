/// The coefficients of the default contention model (docs/metrics.md,
/// Noisy neighbours), each overridable by a scenario.
public struct ContentionCoefficients: Hashable, Sendable {
  /// Slowdown from busy neighbours in other MIG instances of one GPU
  /// (an estimate; the literature gives no number), a_mig.
  public var migNeighbour: Double = 0.02
  /// MPS bandwidth-contention weight, b_mps.
  public var mpsBandwidth: Double = 0.3
  /// Time-slicing context-switch overhead, c_ts.
  public var timeSliceOverhead: Double = 0.10
  /// PCIe contention weight: S_pcie = 1 + w × pcie_j × min(1, Σ pcie_k).
  public var pcieWeight: Double = 0.2
  /// Throughput of `inputHeavy` jobs at 1, 2 and 3 (or more) CPUs per GPU,
  /// relative to 3; linear in between, flat below 1.
  public var inputHeavyThroughput: [Double] = [0.33, 0.69, 1.0]
  /// Network weight: S_net = min(cap, 1 + w × phi × (k − 1)).
  public var networkWeight: Double = 0.5
  /// Cap of the network term.
  public var networkCap: Double = 1.6
  /// p99 multiplier of latency-sensitive jobs beside busy neighbours, by
  /// how they share: other MIG instances.
  public var tailMIG: Double = 1.02
  /// p99 multiplier under MPS (also compute instances of one GPU
  /// instance).
  public var tailMPS: Double = 2.9
  /// p99 multiplier under time-slicing (also fractional sharing).
  public var tailTimeSlicing: Double = 2.5

  /// The defaults.
  public init() {}

  /// f(c): the throughput of an `inputHeavy` job with `cpusPerGPU` CPUs
  /// per GPU, relative to enough CPUs.
  ///
  /// - Parameter cpusPerGPU: CPUs available per GPU, at least 0.
  public func inputHeavyThroughput(cpusPerGPU: Double) -> Double {
    let table = inputHeavyThroughput
    precondition(table.count == 3, "throughput at 1, 2 and 3 CPUs")
    if cpusPerGPU <= 1 { return table[0] }
    if cpusPerGPU >= 3 { return table[2] }
    let lower = Int(cpusPerGPU)
    let weight = cpusPerGPU - Double(lower)
    return table[lower - 1] * (1 - weight) + table[lower] * weight
  }
}
