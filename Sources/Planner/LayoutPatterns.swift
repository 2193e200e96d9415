import MIGGeometry

/// The layout patterns of one GPU model for a set of profiles: every
/// profile mix the driver accepts on one GPU that no other such mix
/// contains, with counts capped at what is asked for.
///
/// A pattern is a count per profile (aligned with `profiles`). Only mixes
/// of maximal layouts from `GPUModel.maximalLayouts(of:rules:)` are used;
/// every valid mix is contained in one of them, so covering demand with
/// these patterns loses nothing.
struct LayoutPatterns: Sendable {
  /// The model.
  let model: GPUModel
  /// The profiles the patterns count, in the model's table order.
  let profiles: [MIGProfile]
  /// The patterns: `counts[p][i]` instances of `profiles[i]`.
  let counts: [[Int]]

  /// The patterns of `model` over `profiles`, each count capped at
  /// `caps[i]`, without mixes dominated by another.
  ///
  /// - Complexity: O(L) for L maximal layouts plus O(P²·k) to remove
  ///   dominated patterns (P patterns of k profiles).
  init(
    model: GPUModel, profiles: [MIGProfile], caps: [Int], rules: MIGRules
  ) {
    self.model = model
    self.profiles = profiles
    var seen = Set<[Int]>()
    var found: [[Int]] = []
    for layout in model.maximalLayouts(of: profiles, rules: rules) {
      let byName = layout.profileCounts
      let row = profiles.indices.map {
        min(byName[profiles[$0].name] ?? 0, caps[$0])
      }
      if row.allSatisfy({ $0 == 0 }) { continue }
      if seen.insert(row).inserted { found.append(row) }
    }
    // Keep only patterns no other pattern covers.
    found.sort { $0.reduce(0, +) > $1.reduce(0, +) }
    var kept: [[Int]] = []
    for row in found {
      let dominated = kept.contains { other in
        zip(other, row).allSatisfy { $0 >= $1 }
      }
      if !dominated { kept.append(row) }
    }
    counts = kept
  }

  /// A single fixed pattern (a named config) restricted to `profiles`.
  init(model: GPUModel, profiles: [MIGProfile], fixed: [[Int]]) {
    self.model = model
    self.profiles = profiles
    counts = fixed.filter { !$0.allSatisfy { $0 == 0 } }
  }
}
