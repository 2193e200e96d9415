import ClusterModel

/// What the scoring needs to know about one tenant.
public struct TenantFacts: Hashable, Sendable {
  /// The tenant's name, for reports.
  public var name: String
  /// The tenant's guaranteed capacity in whole-GPU equivalents (its
  /// nominal quota, or the nominal of its dominant resource expressed in
  /// GPUs); fairness divides shares by `nominalGPUs / capacity.gpus`.
  /// A tenant with 0 takes no part in the fairness index.
  public var nominalGPUs: Double

  /// Creates a tenant's facts.
  ///
  /// - Parameters:
  ///   - name: The tenant name.
  ///   - nominalGPUs: Guaranteed whole-GPU equivalents, at least 0.
  public init(name: String, nominalGPUs: Double) {
    precondition(nominalGPUs >= 0, "a quota is never negative")
    self.name = name
    self.nominalGPUs = nominalGPUs
  }
}

/// Which tenant's pods may open connections to which tenant's pods: a
/// square matrix over the run's tenants.
public struct Reachability: Hashable, Sendable {
  /// `allows[source][target]`: pods of `source` may connect to pods of
  /// `target`.
  public var allows: [[Bool]]

  /// Creates a matrix from its rows.
  ///
  /// - Parameter allows: Row `source`, column `target`; square.
  public init(allows: [[Bool]]) {
    precondition(
      allows.allSatisfy { $0.count == allows.count }, "square matrix")
    self.allows = allows
  }

  /// Every tenant reaches every tenant (no network policy anywhere).
  ///
  /// - Parameter tenantCount: The number of tenants.
  public static func open(tenantCount: Int) -> Reachability {
    Reachability(
      allows: Array(
        repeating: Array(repeating: true, count: tenantCount),
        count: tenantCount))
  }

  /// The matrix the tenants' network policies give: `source` reaches
  /// `target` when `target`'s ingress policy admits `source`.
  ///
  /// - Parameters:
  ///   - names: The tenants' names, in tenant order.
  ///   - policies: Each tenant's policy, in the same order.
  /// - Complexity: O(*n*² × listed tenants).
  public init(names: [String], policies: [NetworkPolicy]) {
    precondition(names.count == policies.count, "one policy per tenant")
    self.init(
      allows: names.map { source in
        names.indices.map { policies[$0].admits(source, into: names[$0]) }
      })
  }

  /// Whether either tenant may connect to the other.
  ///
  /// - Parameters:
  ///   - first: A tenant index.
  ///   - second: A tenant index.
  public func connects(_ first: Int, _ second: Int) -> Bool {
    allows[first][second] || allows[second][first]
  }
}
