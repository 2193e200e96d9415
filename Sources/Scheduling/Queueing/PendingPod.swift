/// A pod (or gang) waiting to be scheduled, as the queue orders it.
public struct PendingPod: Hashable, Sendable, Comparable {
  /// The pod's identifier, unique in the queue.
  public var id: Int
  /// The owning tenant's index.
  public var tenant: Int
  /// The priority; higher goes first.
  public var priority: Int
  /// When it arrived (or was requeued), in simulated seconds.
  public var arrivedAt: Int
  /// The request class: pods of one class are interchangeable for
  /// scheduling (same tenant, requests and constraints), so when one
  /// fails in a retry pass the others are skipped.
  public var requestClass: Int

  /// Creates a pending pod.
  ///
  /// - Parameters:
  ///   - id: The identifier.
  ///   - tenant: The tenant's index.
  ///   - priority: The priority.
  ///   - arrivedAt: Arrival time, simulated seconds.
  ///   - requestClass: The request class; all pods of a class must
  ///     belong to one tenant.
  public init(
    id: Int, tenant: Int, priority: Int, arrivedAt: Int, requestClass: Int
  ) {
    self.id = id
    self.tenant = tenant
    self.priority = priority
    self.arrivedAt = arrivedAt
    self.requestClass = requestClass
  }

  /// Queue order, Kueue's StrictFIFO inside a queue [S16]: higher
  /// priority first, then earlier arrival, then smaller id.
  public static func < (a: PendingPod, b: PendingPod) -> Bool {
    if a.priority != b.priority { return a.priority > b.priority }
    if a.arrivedAt != b.arrivedAt { return a.arrivedAt < b.arrivedAt }
    return a.id < b.id
  }
}
