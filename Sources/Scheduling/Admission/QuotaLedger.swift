import ClusterModel

/// The quota usage of every tenant and cohort: what admitted workloads
/// hold, per tenant and quota resource, in the resource's unit.
///
/// Tenants are named by their index in the array the ledger was created
/// from (the cluster's tenant order). Cohorts are flat: the cluster model
/// gives a cohort no parent, so there is one level of lending
/// (docs/quotas-and-preemption.md).
///
/// Per resource and cohort the ledger keeps two sums so that an admission
/// check costs O(resources of the charge), whatever the cohort's size:
/// the capacity the members lend to the cohort, and how much of it the
/// members' usage occupies.
public struct QuotaLedger: Sendable {
  /// The tenants' names, by tenant index.
  public let tenantNames: [String]
  /// The cohort names, in order of first use by a tenant.
  public let cohortNames: [String]
  /// Each tenant's cohort index, or `nil` when it has none.
  let cohortOfTenant: [Int?]
  /// Each tenant's quota, by tenant index.
  let quotas: [Quota]
  /// The slot of every resource the ledger has seen.
  var resourceSlot: [QuotaResource: Int]
  /// The resources by slot.
  var resources: [QuotaResource]
  /// `limits[slot][tenant]`: the tenant's limit, `nil` when unlimited.
  var limits: [[ResourceQuota?]]
  /// `used[slot][tenant]`: what the tenant's admitted workloads hold.
  var used: [[Int]]
  /// `lendable[slot][cohort]`: Σ over members of their lendable capacity.
  var lendable: [[Int]]
  /// `poolUsed[slot][cohort]`: Σ over members of their usage above their
  /// guaranteed (non-lendable) part.
  var poolUsed: [[Int]]

  /// Creates an empty ledger for `tenants`.
  ///
  /// - Parameter tenants: The tenants; index *i* names `tenants[i]`.
  /// - Complexity: O(tenants × resources).
  public init(tenants: [Tenant]) {
    tenantNames = tenants.map(\.name)
    quotas = tenants.map(\.quota)
    var cohorts: [String] = []
    var cohortIndex: [String: Int] = [:]
    cohortOfTenant = tenants.map { tenant in
      guard let name = tenant.cohort else { return nil }
      if let index = cohortIndex[name] { return index }
      cohortIndex[name] = cohorts.count
      cohorts.append(name)
      return cohorts.count - 1
    }
    cohortNames = cohorts
    resourceSlot = [:]
    resources = []
    limits = []
    used = []
    lendable = []
    poolUsed = []
    let all = Set(tenants.flatMap { $0.quota.limits.keys }).sorted()
    for resource in all { _ = addSlot(for: resource) }
  }

  /// Creates an empty ledger for a cluster's tenants.
  ///
  /// - Parameter cluster: The cluster.
  /// - Complexity: O(tenants × resources).
  public init(cluster: Cluster) {
    self.init(tenants: cluster.tenants)
  }

  /// The number of tenants.
  public var tenantCount: Int { tenantNames.count }

  /// The index of the tenant named `name`.
  ///
  /// - Complexity: O(tenants).
  public func tenantIndex(named name: String) -> Int? {
    tenantNames.firstIndex(of: name)
  }

  /// The cohort of `tenant`, if any.
  public func cohort(of tenant: Int) -> String? {
    cohortOfTenant[tenant].map { cohortNames[$0] }
  }

  /// The limit of `tenant` on `resource`, `nil` when unlimited.
  public func limit(of tenant: Int, on resource: QuotaResource)
    -> ResourceQuota?
  {
    quotas[tenant][resource]
  }

  /// What `tenant`'s admitted workloads hold of `resource`.
  ///
  /// - Complexity: O(1) amortised.
  public func usage(of tenant: Int, _ resource: QuotaResource) -> Int {
    guard let slot = resourceSlot[resource] else { return 0 }
    return used[slot][tenant]
  }

  /// How much of `resource` `tenant` holds above its nominal quota (0 for
  /// an unlimited resource).
  public func borrowed(by tenant: Int, _ resource: QuotaResource) -> Int {
    guard let slot = resourceSlot[resource],
      let limit = limits[slot][tenant]
    else { return 0 }
    return max(0, used[slot][tenant] - limit.nominal)
  }

  /// Whether `tenant` holds more than its nominal quota of any resource
  /// in `charge` (of any resource when `charge` is `nil`).
  ///
  /// - Complexity: O(resources).
  public func isBorrowing(_ tenant: Int, in charge: QuotaCharge? = nil)
    -> Bool
  {
    let list = charge.map { $0.amounts.map(\.resource) } ?? resources
    return list.contains { borrowed(by: tenant, $0) > 0 }
  }

  /// The resources the ledger has seen: every limited one, and every one
  /// charged since.
  public var knownResources: [QuotaResource] { resources.sorted() }

  // MARK: - Internals

  /// The capacity `limit` lends to its cohort: `lendingLimit`, or all of
  /// `nominal`.
  static func lendable(_ limit: ResourceQuota) -> Int {
    limit.lendingLimit ?? limit.nominal
  }

  /// The part of `limit` that only its owner may use.
  static func guaranteed(_ limit: ResourceQuota) -> Int {
    limit.nominal - lendable(limit)
  }

  /// Adds a slot for `resource`, filling limits from the quotas.
  mutating func addSlot(for resource: QuotaResource) -> Int {
    if let slot = resourceSlot[resource] { return slot }
    let slot = resources.count
    resourceSlot[resource] = slot
    resources.append(resource)
    let column = quotas.map { $0[resource] }
    limits.append(column)
    used.append(Array(repeating: 0, count: quotas.count))
    var lent = Array(repeating: 0, count: cohortNames.count)
    for (tenant, limit) in column.enumerated() {
      guard let limit, let cohort = cohortOfTenant[tenant] else { continue }
      lent[cohort] += Self.lendable(limit)
    }
    lendable.append(lent)
    poolUsed.append(Array(repeating: 0, count: cohortNames.count))
    return slot
  }
}
