/// A tenant: one Kubernetes namespace with its priorities, quota, cohort,
/// network policy and isolation requirement.
public struct Tenant: Hashable, Sendable {
  /// The tenant's (namespace's) name, unique in the cluster.
  public var name: String
  /// Priority classes the tenant's workloads may name, name → value. Higher
  /// values schedule first and may preempt lower ones.
  public var priorityClasses: [String: Int]
  /// The class used by workloads that name none; `nil` means priority 0.
  public var defaultPriorityClass: String?
  /// The tenant's quotas.
  public var quota: Quota
  /// The cohort the tenant borrows from and lends to, or `nil` for none
  /// (no borrowing).
  public var cohort: String?
  /// Who may open connections to the tenant's pods.
  public var networkPolicy: NetworkPolicy
  /// What the tenant requires of its neighbours.
  public var isolation: IsolationRequirement

  /// Creates a tenant.
  ///
  /// - Parameters:
  ///   - name: The namespace name.
  ///   - priorityClasses: Priority classes, none by default.
  ///   - defaultPriorityClass: The default class, none by default.
  ///   - quota: Quotas, none by default.
  ///   - cohort: The cohort, none by default.
  ///   - networkPolicy: The network policy, `allowAll` by default (a
  ///     namespace with no policy).
  ///   - isolation: The isolation requirement, `none` by default.
  public init(
    name: String,
    priorityClasses: [String: Int] = [:],
    defaultPriorityClass: String? = nil,
    quota: Quota = Quota(),
    cohort: String? = nil,
    networkPolicy: NetworkPolicy = .allowAll,
    isolation: IsolationRequirement = .none
  ) {
    self.name = name
    self.priorityClasses = priorityClasses
    self.defaultPriorityClass = defaultPriorityClass
    self.quota = quota
    self.cohort = cohort
    self.networkPolicy = networkPolicy
    self.isolation = isolation
  }

  /// The priority of a workload naming `priorityClass` (or none).
  ///
  /// - Returns: The class's value; the default class's value when
  ///   `priorityClass` is `nil`; 0 when there is no default; `nil` when the
  ///   class is unknown to the tenant.
  public func priority(ofClass priorityClass: String?) -> Int? {
    guard let name = priorityClass ?? defaultPriorityClass else { return 0 }
    return priorityClasses[name]
  }
}

/// A cohort: a group of tenants that lend unused quota to each other.
public struct Cohort: Hashable, Sendable {
  /// The cohort's name, unique in the cluster.
  public var name: String

  /// Creates a cohort.
  ///
  /// - Parameter name: The cohort's name.
  public init(name: String) {
    self.name = name
  }
}

/// What a tenant requires of the tenants that share its hardware.
public enum IsolationRequirement: Hashable, Sendable {
  /// Any tenant may share its nodes and GPUs.
  case none
  /// No other tenant's pod may run on a GPU (including another MIG
  /// instance of it) that runs one of this tenant's pods.
  case exclusiveGPUs
  /// No other tenant's pod may run on a node that runs one of this tenant's
  /// pods; when `pools` is not empty, the tenant's pods also run only in
  /// those pools.
  case dedicatedNodes(pools: [String])
}
