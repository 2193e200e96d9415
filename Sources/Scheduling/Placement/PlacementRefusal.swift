/// Why one node refused a pod: which filter, which resource, how much was
/// requested and how much was available.
public struct PlacementRefusal: Hashable, Sendable, CustomStringConvertible {
  /// The filter and resource of a refusal, used to count refusals.
  public struct Reason: Hashable, Sendable, Comparable,
    CustomStringConvertible
  {
    /// The filter's name, such as `NodeResourcesFit` or `GPUShare`.
    public var filter: String
    /// The resource that was short, such as `cpu` or `gpu`.
    public var resource: String
    /// The filter's position in the node model's chain, from 0; a
    /// refusal at a later stage means the node passed more filters.
    public var stage: Int

    /// Creates a reason.
    public init(filter: String, resource: String, stage: Int) {
      self.filter = filter
      self.resource = resource
      self.stage = stage
    }

    /// Orders reasons by stage, then filter and resource names.
    public static func < (lhs: Reason, rhs: Reason) -> Bool {
      (lhs.stage, lhs.filter, lhs.resource)
        < (rhs.stage, rhs.filter, rhs.resource)
    }

    /// `filter/resource`.
    public var description: String { "\(filter)/\(resource)" }
  }

  /// Which filter refused and for which resource.
  public var reason: Reason
  /// The amount requested, in `unit`.
  public var requested: Int
  /// The amount the node had available, in `unit`.
  public var available: Int
  /// The unit of `requested` and `available`, such as `milli-cores`.
  public var unit: String

  /// Creates a refusal.
  ///
  /// - Parameters:
  ///   - reason: the filter and resource.
  ///   - requested: the amount requested, in `unit`.
  ///   - available: the amount available, in `unit`.
  ///   - unit: the unit of both amounts.
  public init(reason: Reason, requested: Int, available: Int, unit: String) {
    self.reason = reason
    self.requested = requested
    self.available = available
    self.unit = unit
  }

  /// `filter: insufficient resource (requested R, available A unit)`.
  public var description: String {
    "\(reason.filter): insufficient \(reason.resource) (requested "
      + "\(requested), available \(available) \(unit))"
  }
}

/// Why a pod found no feasible node: every node's refusal, counted by
/// reason, and the refusal of the node that came closest.
public struct PlacementFailure: Hashable, Sendable, CustomStringConvertible {
  /// Number of nodes considered.
  public var nodeCount: Int
  /// How many nodes refused for each reason.
  public var nodesByReason: [PlacementRefusal.Reason: Int]
  /// The refusal at the latest filter stage (the node that passed the most
  /// filters), first in priority order among equals; `nil` when the
  /// cluster has no node.
  public var closest: PlacementRefusal?

  /// Creates a failure record.
  public init(
    nodeCount: Int, nodesByReason: [PlacementRefusal.Reason: Int],
    closest: PlacementRefusal?
  ) {
    self.nodeCount = nodeCount
    self.nodesByReason = nodesByReason
    self.closest = closest
  }

  /// The reason the failure is counted under: the closest node's reason.
  public var primaryReason: PlacementRefusal.Reason? { closest?.reason }

  /// A Kubernetes-style message: `0/N nodes are available: 3 cpu, ...`.
  public var description: String {
    let parts = nodesByReason.sorted { $0.key < $1.key }
      .map { "\($0.value) \($0.key)" }
    return "0/\(nodeCount) nodes are available: "
      + parts.joined(separator: ", ")
  }
}
