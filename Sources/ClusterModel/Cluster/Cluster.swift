/// The hardware and the tenants of a simulated cluster.
///
/// A value: copying it copies the whole description. Its invariants are
/// checked in one place, `validate()`.
public struct Cluster: Hashable, Sendable {
  /// The node pools, in scenario order.
  public var pools: [NodePool]
  /// The declared cohorts; when empty, any cohort name a tenant uses
  /// declares that cohort.
  public var cohorts: [Cohort]
  /// The tenants, in scenario order.
  public var tenants: [Tenant]

  /// Creates a cluster.
  ///
  /// - Parameters:
  ///   - pools: The node pools.
  ///   - cohorts: Declared cohorts, none by default.
  ///   - tenants: The tenants, none by default.
  public init(
    pools: [NodePool], cohorts: [Cohort] = [], tenants: [Tenant] = []
  ) {
    self.pools = pools
    self.cohorts = cohorts
    self.tenants = tenants
  }

  /// Every node of every pool, pool by pool.
  ///
  /// - Complexity: O(total nodes × labels per node).
  public func nodes() -> [Node] {
    pools.flatMap { $0.nodes() }
  }

  /// The number of nodes.
  ///
  /// - Complexity: O(pools).
  public var nodeCount: Int { pools.reduce(0) { $0 + $1.nodeCount } }

  /// The number of GPUs.
  ///
  /// - Complexity: O(pools).
  public var gpuCount: Int {
    pools.reduce(0) { $0 + $1.nodeCount * $1.gpuCount }
  }

  /// GPUs per model, sorted by model name.
  ///
  /// - Complexity: O(*p* log *p*) for *p* pools.
  public func gpuCountByModel() -> [(model: String, count: Int)] {
    var counts: [String: Int] = [:]
    for pool in pools {
      counts[pool.gpuModel, default: 0] += pool.nodeCount * pool.gpuCount
    }
    return counts.keys.sorted().map { ($0, counts[$0] ?? 0) }
  }

  /// The pool named `name`, if any.
  ///
  /// - Complexity: O(pools).
  public func pool(named name: String) -> NodePool? {
    pools.first { $0.name == name }
  }

  /// The tenant named `name`, if any.
  ///
  /// - Complexity: O(tenants).
  public func tenant(named name: String) -> Tenant? {
    tenants.first { $0.name == name }
  }

  /// Whether pods of tenant `source` may connect to pods of tenant
  /// `destination`, by the destination's network policy. `false` when the
  /// destination is unknown.
  ///
  /// - Complexity: O(tenants + allow-list).
  public func allowsConnection(from source: String, to destination: String)
    -> Bool
  {
    tenant(named: destination)?.networkPolicy
      .admits(source, into: destination) ?? false
  }
}
