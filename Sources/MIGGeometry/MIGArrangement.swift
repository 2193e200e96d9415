/// Instances placed on a GPU together with the order in which to create
/// them so that the driver, choosing placements itself, puts each where
/// the arrangement says.
public struct MIGArrangement: Sendable, Hashable {
  /// Instances that were already on the GPU and stay where they are.
  public let existing: [MIGPlacement]

  /// The new instances in the order to create them; replaying their
  /// profiles through `DriverPlacementModel` yields these placements.
  public let creationOrder: [MIGPlacement]

  /// An arrangement of new instances next to existing ones.
  public init(existing: [MIGPlacement], creationOrder: [MIGPlacement]) {
    self.existing = existing
    self.creationOrder = creationOrder
  }

  /// Every instance on the GPU afterwards, in canonical order.
  public var layout: MIGLayout { MIGLayout(existing + creationOrder) }
}

/// Why no arrangement exists for a set of instances.
public enum MIGArrangementFailure: Error, Sendable, Hashable,
  CustomStringConvertible
{
  /// The instances break a rule wherever they are placed (or the existing
  /// instances are already invalid); lists every violation.
  case violations([LayoutViolation])

  /// Every rule on counts and totals holds, but the instances do not fit
  /// side by side; explains the attempt that placed the most of them.
  case noPlacement(MIGNoPlacement)

  /// A valid layout exists, but no creation order makes the driver reach
  /// it when it chooses placements itself; explicit placements are needed.
  case driverCannotReach(MIGLayout)

  /// The failure for a person.
  public var description: String {
    switch self {
    case .violations(let list):
      return list.map(\.description).joined(separator: "; ")
    case .noPlacement(let reason):
      return reason.description
    case .driverCannotReach(let layout):
      return "\(layout) is valid, but the driver never reaches it when it"
        + " chooses placements itself; create it with explicit placements"
    }
  }
}

/// The explanation of a failed placement: the profile that could not be
/// placed after the others were, and what blocks each of its starts.
public struct MIGNoPlacement: Sendable, Hashable, CustomStringConvertible {
  /// One allowed start of the unplaced profile and the placements that
  /// take some of its memory slices.
  public struct BlockedStart: Sendable, Hashable {
    /// The memory slice the profile could start at.
    public let start: Int
    /// The placements overlapping the profile's slices from `start`.
    public let blockedBy: [MIGPlacement]
  }

  /// The profile that found no free start.
  public let profileName: String

  /// Its allowed starts, each with what blocks it.
  public let blockedStarts: [BlockedStart]

  /// The instances on the GPU at that point, existing ones included.
  public let placed: MIGLayout

  /// Such as `no placement: 3g.20gb needs start 0 or 4; 0 is taken by
  /// 1g.5gb@0, 4 by 1g.5gb@6`.
  public var description: String {
    let starts = LayoutViolation.alternatives(
      blockedStarts.map { String($0.start) })
    let blocks = blockedStarts.enumerated().map { index, blocked in
      let names = LayoutViolation.conjunction(
        blocked.blockedBy.map(\.description))
      return index == 0
        ? "\(blocked.start) is taken by \(names)"
        : "\(blocked.start) by \(names)"
    }
    return "no placement: \(profileName) needs start \(starts); "
      + blocks.joined(separator: ", ")
  }
}

extension LayoutViolation {
  /// `a`, `a and b`, `a, b and c`.
  static func conjunction(_ items: [String]) -> String {
    guard items.count > 1 else { return items.first ?? "nothing" }
    return items.dropLast().joined(separator: ", ") + " and "
      + items[items.count - 1]
  }
}
