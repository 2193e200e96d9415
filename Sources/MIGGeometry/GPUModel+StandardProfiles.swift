extension GPUModel {
  /// The model's standard profiles: one per compute size, the one with
  /// the fewest memory slices, without media extensions.
  ///
  /// These are the profiles people mean by "the MIG layouts of a GPU":
  /// on A100-40GB `1g.5gb`, `2g.10gb`, `3g.20gb`, `4g.20gb`, `7g.40gb`
  /// (not `1g.10gb`, which takes two memory slices, nor `1g.5gb+me`).
  /// Profiles the rules do not offer are left out.
  ///
  /// - Parameter rules: the driver rules; R580 by default.
  /// - Returns: the profiles in the model's table order.
  /// - Complexity: O(p²) for p profiles.
  public func standardProfiles(under rules: MIGRules = MIGRules())
    -> [MIGProfile]
  {
    let offered = availableProfiles(under: rules).filter {
      !$0.hasMediaExtensions
    }
    return offered.filter { profile in
      !offered.contains {
        $0.computeSlices == profile.computeSlices
          && $0.memorySlices < profile.memorySlices
      }
    }
  }
}
