/// A named, independent source of random numbers.
///
/// A simulation owns one stream per independent source of randomness
/// (a tenant's arrivals, its durations, node failures, a random placement
/// strategy). A stream's seed is derived from the run seed and the stream's
/// name alone, so adding a tenant or a strategy never shifts the draws of
/// another stream, and two strategies compared on one scenario see exactly
/// the same arrivals (common random numbers).
public struct RandomStream: RandomNumberGenerator, Sendable {
  private var generator: Xoshiro256StarStar

  /// The stream for `name` within a run seeded with `seed`.
  ///
  /// - Parameters:
  ///   - seed: the run's seed.
  ///   - name: a stable label for the source, such as
  ///     `"arrivals/tenant-a"`; equal names give equal streams.
  public init(seed: UInt64, name: String) {
    generator = Xoshiro256StarStar(seed: Self.derive(seed: seed, name: name))
  }

  /// Derives a stream key from a seed and a name with 64-bit FNV-1a over
  /// the name's UTF-8 bytes, then mixes in the seed.
  ///
  /// - Complexity: O(name length).
  public static func derive(seed: UInt64, name: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in name.utf8 {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return SplitMix64.mix(SplitMix64.mix(seed) ^ hash)
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    generator.next()
  }

  /// A double uniformly distributed in [0, 1), with 53 random bits.
  public mutating func nextUnitInterval() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A double uniformly distributed in (0, 1], safe to pass to `log`.
  public mutating func nextOpenUnitInterval() -> Double {
    Double((next() >> 11) + 1) * 0x1.0p-53
  }

  /// An integer uniformly distributed in `0..<bound`, without modulo bias
  /// (Lemire's multiply-and-reject method).
  ///
  /// - Precondition: `bound > 0`.
  public mutating func nextInt(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    let range = UInt64(bound)
    var product = next().multipliedFullWidth(by: range)
    if product.low < range {
      let threshold = (0 &- range) % range
      while product.low < threshold {
        product = next().multipliedFullWidth(by: range)
      }
    }
    return Int(product.high)
  }
}
