import MIGGeometry

/// Precomputed answers for every memory-slice mask of one GPU model: the
/// start the driver picks for a new instance, and how many instances of
/// each profile still fit in the free slices. A MIG GPU has at most 256
/// masks, so each decision reads a table instead of searching.
struct MIGMaskTable: Hashable, Sendable {
  /// The model's profiles, in table order.
  let profiles: [MIGProfile]
  /// Bits of all memory slices of the model.
  let fullMask: UInt8
  /// `driverStart[p][taken]`: the highest allowed start of profile `p`
  /// whose slices are all free in `taken`, or -1.
  let driverStart: [[Int8]]
  /// `capacity[p][free]`: the most instances of profile `p` that fit at
  /// allowed starts inside the free slices `free`, capped at the
  /// profile's `maxCount`.
  let capacity: [[UInt8]]

  /// Builds the tables of `model`.
  ///
  /// - Complexity: O(256 × profiles × starts²), once per model.
  init(model: GPUModel) {
    profiles = model.profiles
    fullMask = UInt8(truncatingIfNeeded: (1 << model.memorySliceCount) - 1)
    var starts: [[Int8]] = []
    var counts: [[UInt8]] = []
    for profile in model.profiles {
      let masks = profile.allowedStarts.map {
        Self.mask(profile.memorySliceRange(startingAt: $0))
      }
      var startRow = [Int8](repeating: -1, count: 256)
      var countRow = [UInt8](repeating: 0, count: 256)
      for taken in 0..<256 {
        for (i, m) in masks.enumerated().reversed()
        where Int(m) & taken == 0 {
          startRow[taken] = Int8(profile.allowedStarts[i])
          break
        }
        countRow[taken] = UInt8(
          min(Self.packing(masks, free: UInt8(taken)), profile.maxCount))
      }
      starts.append(startRow)
      counts.append(countRow)
    }
    driverStart = starts
    capacity = counts
  }

  /// The bits of a slice range.
  static func mask(_ range: Range<Int>) -> UInt8 {
    UInt8(truncatingIfNeeded: ((1 << range.count) - 1) << range.lowerBound)
  }

  /// The most disjoint masks of `masks` inside `free`.
  private static func packing(_ masks: [UInt8], free: UInt8) -> Int {
    var best = 0
    func search(_ from: Int, _ left: UInt8, _ count: Int) {
      best = max(best, count)
      for i in from..<masks.count where masks[i] & ~left == 0 {
        search(i + 1, left & ~masks[i], count + 1)
      }
    }
    search(0, free, 0)
    return best
  }

  /// The slices of profile `profile` at `start`.
  func mask(of profile: Int, at start: Int) -> UInt8 {
    Self.mask(profiles[profile].memorySliceRange(startingAt: start))
  }
}
