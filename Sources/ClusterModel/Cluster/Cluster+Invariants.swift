// MARK: - Invariants

extension Cluster {
  /// The largest value a user priority class may have, as in Kubernetes.
  public static let maxUserPriority = 1_000_000_000

  /// The largest number of MPS clients per GPU.
  public static let maxMPSClients = 48

  /// Every broken invariant of the cluster, in field order.
  ///
  /// Checks names (non-empty, unique), sizes (positive counts, CPU, memory),
  /// taints, sharing parameters, tenants' priority classes, quotas (limits
  /// non-negative, lending at most nominal, limits only with a cohort),
  /// cohort references (when cohorts are declared), network-policy and
  /// dedicated-pool references, and, for pools without other mistakes,
  /// the geometry: known GPU model, MIG profiles that exist on it, layouts
  /// and configuration names it accepts (`NodePool.geometryViolations`).
  ///
  /// - Returns: The violations; empty when the cluster is valid.
  /// - Complexity: O(pools × (labels + taints + layouts) + tenants ×
  ///   (classes + quotas + allow-list)).
  public func validate() -> [ModelViolation] {
    var found = ViolationCollector()
    found.checkUnique(pools.map(\.name), at: { "pools[\($0)].name" },
      what: "pool")
    for (index, pool) in pools.enumerated() {
      let invariants = pool.violations(at: "pools[\(index)]")
      found.add(invariants)
      if invariants.isEmpty {
        found.add(pool.geometryViolations(at: "pools[\(index)]"))
      }
    }
    found.checkUnique(cohorts.map(\.name), at: { "cohorts[\($0)].name" },
      what: "cohort")
    for (index, cohort) in cohorts.enumerated() {
      found.check(
        !cohort.name.isEmpty, at: "cohorts[\(index)].name",
        "a cohort name must not be empty")
    }
    found.checkUnique(tenants.map(\.name), at: { "tenants[\($0)].name" },
      what: "tenant")
    for (index, tenant) in tenants.enumerated() {
      found.add(tenantViolations(tenant, at: "tenants[\(index)]"))
    }
    return found.violations
  }

  private func tenantViolations(_ tenant: Tenant, at path: String)
    -> [ModelViolation]
  {
    var found = ViolationCollector()
    found.check(
      !tenant.name.isEmpty, at: "\(path).name",
      "a tenant name must not be empty")
    for name in tenant.priorityClasses.keys.sorted() {
      let value = tenant.priorityClasses[name] ?? 0
      found.check(
        value <= Cluster.maxUserPriority && value >= Int(Int32.min),
        at: FieldPathSpelling.appending(
          key: name, to: "\(path).priorityClasses"),
        "a priority must lie in \(Int32.min)...\(Cluster.maxUserPriority), "
          + "found \(value)")
    }
    if let fallback = tenant.defaultPriorityClass {
      found.check(
        tenant.priorityClasses[fallback] != nil,
        at: "\(path).defaultPriorityClass",
        "unknown priority class '\(fallback)'; expected one of "
          + Self.list(tenant.priorityClasses.keys.sorted()))
    }
    if let cohort = tenant.cohort, !cohorts.isEmpty {
      let names = cohorts.map(\.name)
      found.check(
        names.contains(cohort), at: "\(path).cohort",
        "unknown cohort '\(cohort)'; expected one of \(Self.list(names))")
    }
    for resource in tenant.quota.resources {
      guard let limit = tenant.quota[resource] else { continue }
      found.add(
        quotaViolations(
          limit, of: resource, hasCohort: tenant.cohort != nil,
          at: "\(path).quota.\(resource.fieldPath)"))
    }
    let tenantNames = tenants.map(\.name)
    if case .allowTenants(let allowed) = tenant.networkPolicy {
      for (i, name) in allowed.enumerated() where !tenantNames.contains(name) {
        found.add(
          at: "\(path).network.allowFrom[\(i)]",
          "unknown tenant '\(name)'; expected one of \(Self.list(tenantNames))"
        )
      }
    }
    if case .dedicatedNodes(let dedicated) = tenant.isolation {
      let poolNames = pools.map(\.name)
      for (i, name) in dedicated.enumerated() where !poolNames.contains(name) {
        found.add(
          at: "\(path).isolation.dedicatedNodes[\(i)]",
          "unknown pool '\(name)'; expected one of \(Self.list(poolNames))")
      }
    }
    return found.violations
  }

  private func quotaViolations(
    _ limit: ResourceQuota, of resource: QuotaResource, hasCohort: Bool,
    at path: String
  ) -> [ModelViolation] {
    var found = ViolationCollector()
    let show = resource.format
    found.check(
      limit.nominal >= 0, at: "\(path).nominal",
      "a nominal quota must not be negative, found \(show(limit.nominal))")
    if let borrowing = limit.borrowingLimit {
      found.check(
        borrowing >= 0, at: "\(path).borrowingLimit",
        "a borrowing limit must not be negative, found \(show(borrowing))")
      found.check(
        hasCohort, at: "\(path).borrowingLimit",
        "a borrowing limit needs the tenant to be in a cohort")
    }
    if let lending = limit.lendingLimit {
      found.check(
        lending >= 0 && lending <= limit.nominal, at: "\(path).lendingLimit",
        "a lending limit must lie between 0 and the nominal quota "
          + "(\(show(limit.nominal))), found \(show(lending))")
      found.check(
        hasCohort, at: "\(path).lendingLimit",
        "a lending limit needs the tenant to be in a cohort")
    }
    return found.violations
  }

  /// `'a', 'b', 'c'` or `none` for an empty list.
  static func list(_ names: [String]) -> String {
    names.isEmpty ? "none" : names.map { "'\($0)'" }.joined(separator: ", ")
  }
}

extension QuotaResource {
  /// The field path of this resource under a tenant's `quota`:
  /// `gpus`, `migProfiles["<profile>"]`, `computeSlices`, `gpuMemory`, `cpu`,
  /// `memory`.
  public var fieldPath: String {
    switch self {
    case .migProfile(let profile):
      FieldPathSpelling.appending(key: profile, to: "migProfiles")
    default: description
    }
  }
}

extension NodePool {
  /// The ways the pool breaks the model's invariants, not counting
  /// uniqueness of its name.
  ///
  /// - Parameter path: The pool's field path.
  /// - Returns: The violations, empty when valid.
  /// - Complexity: O(labels + taints + layouts).
  public func violations(at path: String) -> [ModelViolation] {
    var found = ViolationCollector()
    found.check(
      !name.isEmpty, at: "\(path).name", "a pool name must not be empty")
    found.check(
      nodeCount >= 1, at: "\(path).nodeCount",
      "a pool needs at least 1 node, found \(nodeCount)")
    found.check(
      !gpuModel.isEmpty, at: "\(path).gpuModel",
      "a GPU model name must not be empty")
    found.check(
      gpuCount >= 1, at: "\(path).gpuCount",
      "a node needs at least 1 GPU, found \(gpuCount)")
    found.check(
      cpuMilli >= 1, at: "\(path).cpu",
      "a node needs some CPU, found \(cpuMilli) milli-cores")
    found.check(
      memoryMiB >= 1, at: "\(path).memory",
      "a node needs some memory, found \(memoryMiB) MiB")
    for key in labels.keys.sorted() where key.isEmpty {
      found.add(at: "\(path).labels", "a label key must not be empty")
    }
    for (index, taint) in taints.enumerated() {
      found.add(taint.violations(at: "\(path).taints[\(index)]"))
    }
    found.add(sharingViolations(at: "\(path).sharing"))
    return found.violations
  }

  private func sharingViolations(at path: String) -> [ModelViolation] {
    var found = ViolationCollector()
    switch sharing {
    case .exclusive, .fractional:
      break
    case .timeSlicing(let replicas):
      found.check(
        replicas >= 2, at: "\(path).replicas",
        "time-slicing needs at least 2 replicas per GPU, found \(replicas)")
    case .mps(let clients):
      found.check(
        (2...Cluster.maxMPSClients).contains(clients),
        at: "\(path).clientLimit",
        "MPS needs 2...\(Cluster.maxMPSClients) clients per GPU, found "
          + "\(clients)")
    case .mig(let mig):
      found.add(migViolations(mig, at: path))
    }
    return found.violations
  }

  private func migViolations(_ mig: MIGSharing, at path: String)
    -> [ModelViolation]
  {
    var found = ViolationCollector()
    let layoutsPath = "\(path).layouts"
    found.check(
      mig.layouts.count == 1 || mig.layouts.count == gpuCount,
      at: layoutsPath,
      "give one layout for every GPU or one per GPU (\(gpuCount)), found "
        + "\(mig.layouts.count)")
    for (g, layout) in mig.layouts.enumerated() {
      let layoutPath = mig.layouts.count == 1 ? "\(path).layout"
        : "\(layoutsPath)[\(g)]"
      switch layout {
      case .named(let name):
        found.check(
          !name.isEmpty, at: layoutPath, "a config name must not be empty")
      case .counts(let counts):
        for entry in counts {
          found.check(
            entry.count >= 1,
            at: FieldPathSpelling.appending(key: entry.profile, to: layoutPath),
            "a profile count must be at least 1, found \(entry.count)")
        }
      case .placements(let placements):
        for (i, placement) in placements.enumerated() {
          found.check(
            (0...7).contains(placement.startSlice), at: "\(layoutPath)[\(i)]",
            "a start memory slice must lie in 0...7, found "
              + "\(placement.startSlice)")
        }
      }
    }
    if mig.strategy == .single {
      let profiles = Set(mig.layouts.flatMap(\.explicitProfiles))
      found.check(
        profiles.count <= 1, at: "\(path).strategy",
        "the single strategy needs one profile on every GPU, found "
          + Cluster.list(profiles.sorted()))
    }
    return found.violations
  }
}
