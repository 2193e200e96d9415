/// How many instances of each profile a layout holds, ignoring where
/// they sit: `2×1g.5gb + 1×2g.10gb + 1×3g.20gb`.
public struct MIGProfileMix: Sendable, Hashable, CustomStringConvertible {
  /// A profile name and its number of instances.
  public struct Entry: Sendable, Hashable {
    /// The profile name.
    public let profileName: String
    /// The number of instances, at least 1.
    public let count: Int
  }

  /// The profiles with their counts, in the model's table order.
  public let entries: [Entry]

  /// The mix of a layout on `model`; unknown names are skipped.
  ///
  /// - Complexity: O(n × p) for n placements and p profiles.
  public init(_ layout: MIGLayout, on model: GPUModel) {
    let counts = layout.profileCounts
    entries = model.profiles.compactMap { profile in
      counts[profile.name].map {
        Entry(profileName: profile.name, count: $0)
      }
    }
  }

  /// A mix of the given profile counts on `model`, in table order;
  /// counts of 0 and unknown names are dropped.
  ///
  /// - Complexity: O(p) for p profiles.
  public init(counts: [String: Int], on model: GPUModel) {
    entries = model.profiles.compactMap { profile in
      guard let count = counts[profile.name], count > 0 else { return nil }
      return Entry(profileName: profile.name, count: count)
    }
  }

  /// One profile name per instance, in table order, as
  /// `GPUModel.arrangement(of:addingTo:rules:)` takes them.
  public var profileNames: [String] {
    entries.flatMap { Array(repeating: $0.profileName, count: $0.count) }
  }

  /// The count for a profile name, 0 if absent.
  public func count(of profileName: String) -> Int {
    entries.first { $0.profileName == profileName }?.count ?? 0
  }

  /// Such as `2×1g.5gb + 1×3g.20gb`, or `(empty)`.
  public var description: String {
    entries.isEmpty
      ? "(empty)"
      : entries.map { "\($0.count)×\($0.profileName)" }
        .joined(separator: " + ")
  }
}
