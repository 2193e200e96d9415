/// SplitMix64: a tiny 64-bit generator used to expand one seed into the
/// state of other generators.
///
/// Each call adds the golden-ratio increment to the state and returns a
/// bijective mix of it, so distinct seeds give distinct, well-spread
/// outputs. It is too weak to drive a simulation on its own; it seeds
/// ``Xoshiro256StarStar`` and derives stream keys.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The generator's whole state.
  public private(set) var state: UInt64

  /// Creates a generator whose first output depends on `seed` only.
  public init(seed: UInt64) {
    state = seed
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// The output function: a bijection of 64-bit words that spreads every
  /// input bit over the whole output.
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
