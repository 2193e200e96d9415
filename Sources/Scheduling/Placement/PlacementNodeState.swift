/// The state of one node that filters, scorers and binding act on.
///
/// A node model (fractional GPUs, MIG slots, time-slicing) conforms by
/// saying which requests fit (the filter step), explaining refusals, and
/// binding and releasing pods. Strategies are generic over this protocol,
/// so each node model brings its own strategies.
public protocol PlacementNodeState: Sendable {
  /// The request type this node understands.
  associatedtype Request: PlacementRequest
  /// Which devices inside the node a placed pod uses.
  associatedtype Assignment: Hashable & Sendable

  /// Whether `request` passes every filter on this node.
  ///
  /// Must equal `refusal(for: request) == nil`; it exists so that the
  /// common case avoids building a refusal.
  func fits(_ request: Request) -> Bool

  /// The first filter that rejects `request` on this node, or `nil` when
  /// the node is feasible.
  func refusal(for request: Request) -> PlacementRefusal?

  /// Takes the resources of `request` on the devices of `assignment`.
  ///
  /// - Precondition: the request fits and the assignment is valid for it.
  mutating func bind(_ request: Request, to assignment: Assignment)

  /// Gives back the resources taken by an earlier `bind`.
  ///
  /// - Precondition: `request` was bound here with `assignment`.
  mutating func release(_ request: Request, from assignment: Assignment)
}

extension PlacementNodeState {
  /// Whether `request` passes every filter, derived from `refusal(for:)`.
  @inlinable
  public func fits(_ request: Request) -> Bool {
    refusal(for: request) == nil
  }
}
