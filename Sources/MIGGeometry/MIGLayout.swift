/// A set of placements on one GPU, kept in a canonical order: by start,
/// then by profile name.
///
/// A layout is only a list; whether a model accepts it is decided by
/// `GPUModel.violations(of:rules:)`.
public struct MIGLayout: Sendable, Hashable, CustomStringConvertible {
  /// The placements, ordered by start and then profile name.
  public let placements: [MIGPlacement]

  /// A layout of the given placements in canonical order.
  ///
  /// - Complexity: O(n log n) for n placements.
  public init(_ placements: [MIGPlacement]) {
    self.placements = placements.sorted {
      ($0.start, $0.profileName) < ($1.start, $1.profileName)
    }
  }

  /// Parses whitespace- or comma-separated placements such as
  /// `"4g.40gb@0 3g.40gb@4"`.
  ///
  /// - Returns: `nil` if any item is not a placement.
  public init?(parsing text: String) {
    let items = text.split { $0 == " " || $0 == "," }
    var placements: [MIGPlacement] = []
    for item in items {
      guard let placement = MIGPlacement(String(item)) else { return nil }
      placements.append(placement)
    }
    self.init(placements)
  }

  /// The placements separated by spaces, such as `4g.40gb@0 3g.40gb@4`,
  /// or `(empty)` for no instances.
  public var description: String {
    placements.isEmpty
      ? "(empty)" : placements.map(\.description).joined(separator: " ")
  }

  /// The number of instances of each profile name.
  ///
  /// - Complexity: O(n).
  public var profileCounts: [String: Int] {
    placements.reduce(into: [:]) { $0[$1.profileName, default: 0] += 1 }
  }
}
