/// One point of a packing curve: the metrics of the samples whose arrived
/// workload rounds to `arrivedPercent`.
public struct ArrivalBin: Hashable, Sendable, Codable {
  /// The arrived workload in integer percent of GPU capacity.
  public var arrivedPercent: Int
  /// How many samples the values average (from the neighbouring bins when
  /// this one had none).
  public var sampleCount: Int
  /// Mean allocation in percent of capacity, rounded to 2 decimals.
  public var allocationPercent: Double
  /// Mean fragmentation amount in percent of capacity, rounded to 2
  /// decimals.
  public var fragmentationPercent: Double
  /// Mean fragmentation rate in percent of idle GPU milli, unrounded.
  public var fragmentationRatePercent: Double

  /// Creates a bin.
  public init(
    arrivedPercent: Int, sampleCount: Int, allocationPercent: Double,
    fragmentationPercent: Double, fragmentationRatePercent: Double
  ) {
    self.arrivedPercent = arrivedPercent
    self.sampleCount = sampleCount
    self.allocationPercent = allocationPercent
    self.fragmentationPercent = fragmentationPercent
    self.fragmentationRatePercent = fragmentationRatePercent
  }
}

/// Accumulates one sample per arrival into bins of arrived workload.
///
/// A sample taken after a pod with arrived GPU milli A, allocated milli U,
/// fragmentation F milli and idle milli I on a cluster of N GPUs falls in
/// bin a = round-half-even(A / N / 10) and contributes the allocation
/// round(U / N / 10, 2), the fragment F and the rate 100 × F / I (0 when
/// I = 0). A bin's allocation is the mean of its allocations rounded to 2
/// decimals, its fragmentation amount 100 × mean(F) / 1000 / N rounded to 2
/// decimals, its rate the mean rate. A bin without samples takes the
/// samples of bins a − 1 through a + 1; without any there, it is left out.
public struct ArrivalBins: Hashable, Sendable {
  /// Number of GPUs in the cluster.
  public let gpuCount: Int
  private var counts: [Int] = []
  private var allocations: [Double] = []
  private var fragments: [Double] = []
  private var rates: [Double] = []

  /// Creates empty bins for a cluster of `gpuCount` GPUs.
  ///
  /// - Precondition: `gpuCount > 0`.
  public init(gpuCount: Int) {
    precondition(gpuCount > 0)
    self.gpuCount = gpuCount
  }

  /// The bin a sample with `arrivedMilli` falls in.
  public func bin(arrivedMilli: Int) -> Int {
    Int((Double(arrivedMilli) / Double(gpuCount) / 10)
      .rounded(.toNearestOrEven))
  }

  /// Adds one sample.
  ///
  /// - Parameters:
  ///   - arrivedMilli: GPU milli of every pod submitted so far.
  ///   - allocatedMilli: GPU milli allocated in the cluster.
  ///   - fragmentMilli: the cluster's fragmentation F in milli-GPU.
  ///   - idleMilli: idle GPU milli in the cluster.
  /// - Complexity: amortised O(1).
  public mutating func record(
    arrivedMilli: Int, allocatedMilli: Int, fragmentMilli: Double,
    idleMilli: Int
  ) {
    let index = bin(arrivedMilli: arrivedMilli)
    if index >= counts.count {
      let missing = index + 1 - counts.count
      counts += repeatElement(0, count: missing)
      allocations += repeatElement(0, count: missing)
      fragments += repeatElement(0, count: missing)
      rates += repeatElement(0, count: missing)
    }
    let allocation = Double(allocatedMilli) / Double(gpuCount) / 10
    counts[index] += 1
    allocations[index] += Self.round2(allocation)
    fragments[index] += fragmentMilli
    rates[index] += idleMilli == 0 ? 0 : 100 * fragmentMilli / Double(idleMilli)
  }

  /// The curve from bin 0 to the last bin with samples, leaving out bins
  /// that have no samples within one percent.
  ///
  /// - Complexity: O(bins).
  public var curve: [ArrivalBin] {
    var result: [ArrivalBin] = []
    for percent in counts.indices {
      var range = percent...percent
      if counts[percent] == 0 {
        range = max(percent - 1, 0)...min(percent + 1, counts.count - 1)
      }
      let count = range.reduce(0) { $0 + counts[$1] }
      if count == 0 { continue }
      let samples = Double(count)
      let allocation = range.reduce(0) { $0 + allocations[$1] } / samples
      let fragment = range.reduce(0) { $0 + fragments[$1] } / samples
      let rate = range.reduce(0) { $0 + rates[$1] } / samples
      result.append(
        ArrivalBin(
          arrivedPercent: percent, sampleCount: count,
          allocationPercent: Self.round2(allocation),
          fragmentationPercent: Self.round2(
            100 * fragment / 1_000 / Double(gpuCount)),
          fragmentationRatePercent: rate))
    }
    return result
  }

  /// Rounds to 2 decimals, halves to even.
  static func round2(_ value: Double) -> Double {
    (value * 100).rounded(.toNearestOrEven) / 100
  }
}
