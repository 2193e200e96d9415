import ClusterModel

extension ScenarioReader {
  static let tenantKeys = [
    "name", "priorityClasses", "defaultPriorityClass", "quota", "cohort",
    "network", "isolation",
  ]

  static func tenant(_ node: NodeReader) -> Tenant? {
    guard let m = node.mapping(allowedKeys: tenantKeys) else { return nil }
    guard let name = m.required("name", { $0.string(nonEmpty: true) }) else {
      return nil
    }
    var classes: [String: Int] = [:]
    let entries = m.optional("priorityClasses") {
      $0.entries { $0.int(min: Int(Int32.min), max: Cluster.maxUserPriority) }
    }
    for entry in entries ?? [] { classes[entry.key] = entry.value }
    return Tenant(
      name: name, priorityClasses: classes,
      defaultPriorityClass: m.optional("defaultPriorityClass") {
        $0.string(nonEmpty: true)
      },
      quota: m.optional("quota", quota) ?? Quota(),
      cohort: m.optional("cohort") { $0.string(nonEmpty: true) },
      networkPolicy: m.optional("network", networkPolicy) ?? .allowAll,
      isolation: m.optional("isolation", isolation) ?? .none)
  }

  static let quotaKeys = [
    "gpus", "migProfiles", "computeSlices", "gpuMemory", "cpu", "memory",
  ]

  static func quota(_ node: NodeReader) -> Quota? {
    guard let m = node.mapping(allowedKeys: quotaKeys) else { return nil }
    var quota = Quota()
    let simple: [(String, QuotaResource, (NodeReader) -> Int?)] = [
      ("gpus", .milliGPUs, milliGPUs),
      ("computeSlices", .computeSlices, { $0.int(min: 0) }),
      ("gpuMemory", .gpuMemoryMiB, { $0.memoryMiB(min: 0) }),
      ("cpu", .cpuMilli, { $0.milliCPU(min: 0) }),
      ("memory", .memoryMiB, { $0.memoryMiB(min: 0) }),
    ]
    for (key, resource, amount) in simple {
      quota[resource] = m.optional(key) { resourceQuota($0, amount) }
    }
    let profiles = m.optional("migProfiles") {
      $0.entries { resourceQuota($0) { $0.int(min: 0) } }
    }
    for entry in profiles ?? [] {
      quota[.migProfile(entry.key)] = entry.value
    }
    return quota
  }

  /// GPUs as a decimal number, in milli-GPUs; finer than 0.001 is refused.
  static func milliGPUs(_ node: NodeReader) -> Int? {
    guard let gpus = node.double(min: 0) else { return nil }
    let milli = (gpus * 1000).rounded()
    guard abs(milli - gpus * 1000) < 1e-6, milli < 1e15 else {
      node.typeMismatch(expected: "a number of GPUs in steps of 0.001")
      return nil
    }
    return Int(milli)
  }

  /// `amount` or `{nominal, borrowingLimit, lendingLimit}`.
  static func resourceQuota(
    _ node: NodeReader, _ amount: (NodeReader) -> Int?
  ) -> ResourceQuota? {
    guard case .mapping = node.node.value else {
      return amount(node).map { ResourceQuota(nominal: $0) }
    }
    guard
      let m = node.mapping(allowedKeys: [
        "nominal", "borrowingLimit", "lendingLimit",
      ]), let nominal = m.required("nominal", amount)
    else { return nil }
    return ResourceQuota(
      nominal: nominal, borrowingLimit: m.optional("borrowingLimit", amount),
      lendingLimit: m.optional("lendingLimit", amount))
  }

  static func networkPolicy(_ node: NodeReader) -> NetworkPolicy? {
    if case .scalar = node.node.value {
      return node.oneOf(["allowAll", "defaultDeny"]).map {
        $0 == "allowAll" ? .allowAll : .defaultDeny
      }
    }
    guard let m = node.mapping(allowedKeys: ["allowFrom"]) else { return nil }
    return m.required("allowFrom", names).map { .allowTenants($0) }
  }

  static func isolation(_ node: NodeReader) -> IsolationRequirement? {
    if case .scalar = node.node.value {
      let values = ["none", "exclusiveGPUs", "dedicatedNodes"]
      return node.oneOf(values).map {
        switch $0 {
        case "exclusiveGPUs": .exclusiveGPUs
        case "dedicatedNodes": .dedicatedNodes(pools: [])
        default: IsolationRequirement.none
        }
      }
    }
    guard let m = node.mapping(allowedKeys: ["dedicatedNodes"]) else {
      return nil
    }
    return m.required("dedicatedNodes", names).map {
      .dedicatedNodes(pools: $0)
    }
  }
}
