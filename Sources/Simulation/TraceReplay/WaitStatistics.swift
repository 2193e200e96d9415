/// Summary of how long placed pods waited, in seconds.
///
/// Percentiles use the nearest rank: the p-th percentile of n sorted waits
/// is the ⌈p × n / 100⌉-th smallest.
public struct WaitStatistics: Hashable, Sendable, Codable {
  /// Number of waits summarised.
  public var count: Int
  /// How many of them were longer than 0 s.
  public var delayedCount: Int
  /// Mean wait in seconds.
  public var meanSeconds: Double
  /// Median wait in seconds.
  public var p50Seconds: Int
  /// 95th percentile in seconds.
  public var p95Seconds: Int
  /// 99th percentile in seconds.
  public var p99Seconds: Int
  /// Longest wait in seconds.
  public var maximumSeconds: Int

  /// Summarises waits; all zero when there are none.
  ///
  /// - Complexity: O(n log n).
  public init(waits: [Int]) {
    let sorted = waits.sorted()
    count = sorted.count
    delayedCount = sorted.count(where: { $0 > 0 })
    meanSeconds = sorted.isEmpty
      ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count)
    func rank(_ percent: Int) -> Int {
      if sorted.isEmpty { return 0 }
      let position = (percent * sorted.count + 99) / 100
      return sorted[max(position, 1) - 1]
    }
    p50Seconds = rank(50)
    p95Seconds = rank(95)
    p99Seconds = rank(99)
    maximumSeconds = sorted.last ?? 0
  }
}
