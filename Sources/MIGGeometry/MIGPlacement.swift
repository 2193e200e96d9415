/// One GPU instance at a position: a profile name and the first memory
/// slice it occupies, written `3g.20gb@4`.
///
/// A placement names its profile by text; which memory slices it covers
/// depends on the model (`memorySliceRange(on:)`).
public struct MIGPlacement: Sendable, Hashable, LosslessStringConvertible {
  /// The profile name, as written by the user or the catalog.
  public var profileName: String

  /// The index of the first memory slice the instance occupies.
  public var start: Int

  /// A placement of `profileName` starting at memory slice `start`.
  public init(_ profileName: String, at start: Int) {
    self.profileName = profileName
    self.start = start
  }

  /// A placement of `profile` starting at memory slice `start`.
  public init(_ profile: MIGProfile, at start: Int) {
    self.init(profile.name, at: start)
  }

  /// Parses `<profile>@<start>`, such as `3g.20gb@4` or `1g.5gb+me@0`.
  ///
  /// - Returns: `nil` unless there is exactly one `@`, a non-empty profile
  ///   name before it and only the digits 0-9 after it.
  public init?(_ description: String) {
    let parts = description.split(
      separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty,
      !parts[1].isEmpty, parts[1].allSatisfy({ ("0"..."9").contains($0) }),
      let start = Int(parts[1])
    else { return nil }
    self.init(String(parts[0]), at: start)
  }

  /// The placement as `<profile>@<start>`.
  public var description: String { "\(profileName)@\(start)" }

  /// The memory slices the placement occupies on `model`, or `nil` if the
  /// model has no profile by that name.
  public func memorySliceRange(on model: GPUModel) -> Range<Int>? {
    model.profile(named: profileName)?.memorySliceRange(startingAt: start)
  }
}
