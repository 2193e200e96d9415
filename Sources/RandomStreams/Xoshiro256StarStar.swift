/// xoshiro256**: the 64-bit generator behind every random draw in migsim.
///
/// A 256-bit state advanced by shifts, rotations and xors; output is a
/// scrambled state word. Period 2^256 − 1. The state is filled from a seed
/// by ``SplitMix64``, so a seed of 0 is fine.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  private var s0: UInt64
  private var s1: UInt64
  private var s2: UInt64
  private var s3: UInt64

  /// Creates a generator seeded from `seed` through SplitMix64.
  public init(seed: UInt64) {
    var expander = SplitMix64(seed: seed)
    s0 = expander.next()
    s1 = expander.next()
    s2 = expander.next()
    s3 = expander.next()
    // SplitMix64 never yields four zero words in a row, so the all-zero
    // state, from which xoshiro cannot leave, is unreachable.
    assert(s0 | s1 | s2 | s3 != 0)
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = rotate(s1 &* 5, by: 7) &* 9
    let t = s1 << 17

    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotate(s3, by: 45)

    return result
  }

  private func rotate(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }
}
