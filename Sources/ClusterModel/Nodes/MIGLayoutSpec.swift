/// One GPU instance placed at a fixed memory slice: `profile@start`.
public struct MIGPlacementSpec: Hashable, Sendable, CustomStringConvertible {
  /// The MIG profile name, such as `3g.40gb`.
  public var profile: String
  /// The index of the first memory slice the instance occupies (0–7).
  public var startSlice: Int

  /// Creates a placement.
  ///
  /// - Parameters:
  ///   - profile: The MIG profile name.
  ///   - startSlice: The first memory slice.
  public init(profile: String, startSlice: Int) {
    self.profile = profile
    self.startSlice = startSlice
  }

  /// `profile@start`, the form the scenario file uses.
  public var description: String { "\(profile)@\(startSlice)" }
}

/// A number of GPU instances of one profile, placed by the driver.
public struct MIGProfileCount: Hashable, Sendable {
  /// The MIG profile name.
  public var profile: String
  /// How many instances; at least 1.
  public var count: Int

  /// Creates a profile count.
  ///
  /// - Parameters:
  ///   - profile: The MIG profile name.
  ///   - count: The number of instances.
  public init(profile: String, count: Int) {
    self.profile = profile
    self.count = count
  }
}

/// The GPU instances of one MIG-enabled GPU, as the scenario states them.
///
/// A layout is checked against the GPU model's geometry (profiles exist,
/// placements fit) when a scenario is loaded; this type only records what
/// was asked for.
public enum MIGLayoutSpec: Hashable, Sendable, CustomStringConvertible {
  /// Explicit placements, `profile@start` each.
  case placements([MIGPlacementSpec])
  /// Profile counts in creation order; placements are chosen as the driver
  /// would, largest first.
  case counts([MIGProfileCount])
  /// A named configuration such as `all-balanced` or `all-1g.10gb`,
  /// resolved per GPU model.
  case named(String)

  /// A short form: `3g.40gb@0 1g.10gb@4`, `2×1g.10gb 1×3g.40gb` or the
  /// configuration name.
  public var description: String {
    switch self {
    case .placements(let placements):
      placements.map(\.description).joined(separator: " ")
    case .counts(let counts):
      counts.map { "\($0.count)×\($0.profile)" }.joined(separator: " ")
    case .named(let name):
      name
    }
  }

  /// The profiles named explicitly, in order, without repetition; empty for
  /// a named configuration.
  public var explicitProfiles: [String] {
    var seen: Set<String> = []
    let names: [String]
    switch self {
    case .placements(let placements): names = placements.map(\.profile)
    case .counts(let counts): names = counts.map(\.profile)
    case .named: names = []
    }
    return names.filter { seen.insert($0).inserted }
  }
}

/// How the device plugin exposes MIG instances to pods.
public enum MIGStrategy: String, CaseIterable, Hashable, Sendable {
  /// Every GPU uses one profile; instances are exposed as `nvidia.com/gpu`.
  case single
  /// Each profile is its own resource, `nvidia.com/mig-<profile>`.
  case mixed
}
