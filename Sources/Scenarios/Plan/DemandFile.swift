import MIGGeometry
import Planner

/// A demand file for `migsim plan`: the fleet that may be laid out and
/// what each tenant needs. The format is `docs/plan-format.md`.
public enum DemandFile {
  /// Reads a demand file (`.yaml`, `.yml` or `.json`).
  ///
  /// - Parameter path: the file's path as the user gave it.
  /// - Throws: `InputErrors` with every mistake in the file.
  /// - Complexity: O(n) for a file of n bytes, plus O(t²) for t tenants.
  public static func load(path: String) throws(InputErrors) -> PlanRequest {
    try decode(readDocument(atPath: path))
  }

  /// Reads demand text.
  public static func decode(
    text: String, file: String, format: DocumentFormat = .yaml
  ) throws(InputErrors) -> PlanRequest {
    try decode(readDocument(text: text, file: file, format: format))
  }

  /// Decodes a parsed document.
  public static func decode(_ document: DocumentNode) throws(InputErrors)
    -> PlanRequest
  {
    try DocumentDecoder.decode(document, with: decode)
  }

  /// The top-level keys.
  static let keys = [
    "driver", "objective", "timeLimit", "maxLayouts", "fleet", "tenants",
  ]

  /// Decodes the root, recording every mistake.
  public static func decode(_ reader: NodeReader) -> PlanRequest? {
    guard let root = reader.mapping(allowedKeys: keys) else { return nil }
    let driver =
      root.optional("driver") { $0.int(min: 100, max: 9999) }
      ?? MIGRules.defaultDriverRelease
    let rules = MIGRules(driverRelease: driver)
    let objective = root.optional("objective") { $0.oneOf(PlanObjective.self) }
    let timeLimit = root.optional("timeLimit") { $0.durationSeconds(min: 1) }
    let maxLayouts = root.optional("maxLayouts") { $0.int(min: 1, max: 10_000) }
    let fleet = root.required("fleet") { node in
      node.sequence { decodeGroup($0, rules: rules) }
    }
    if let node = root.optional("fleet"),
      case .sequence(let items) = node.node.value,
      items.isEmpty
    {
      node.typeMismatch(expected: "a sequence of at least one node group")
    }
    if let fleet {
      var seen: [String: Int] = [:]
      for (i, group) in fleet.enumerated() {
        if let first = seen[group.name] {
          root.optional("fleet")?.error(
            "node group '\(group.name)' is listed twice (items \(first) "
              + "and \(i))")
        }
        seen[group.name] = i
      }
    }
    let tenantNodes = root.required("tenants")?.sequence()
    var tenants: [TenantDemand] = []
    // Names first: shareWith may name a later tenant.
    let names = (tenantNodes ?? []).compactMap { $0.node.mappingValue("name") }
    for item in tenantNodes ?? [] {
      if let tenant = decodeTenant(
        item, tenantNames: names, fleet: fleet ?? [], rules: rules)
      {
        if tenants.contains(where: { $0.name == tenant.name }) {
          item.error("tenant '\(tenant.name)' is listed twice")
        }
        tenants.append(tenant)
      }
    }
    if let nodes = tenantNodes, nodes.isEmpty {
      root.optional("tenants")?.typeMismatch(
        expected: "a sequence of at least one tenant")
    }
    guard let fleet, !reader.decoder.hasErrors else { return nil }
    let hasCost = fleet.contains { $0.costPerGPU != nil }
    return PlanRequest(
      fleet: fleet, tenants: tenants, rules: rules,
      objective: objective ?? (hasCost ? .lowestCost : .fewestGPUs),
      timeLimitSeconds: Double(timeLimit ?? 10), maxDistinctLayouts: maxLayouts)
  }

  private static func decodeGroup(_ node: NodeReader, rules: MIGRules)
    -> FleetGroup?
  {
    guard
      let map = node.mapping(allowedKeys: [
        "name", "gpuModel", "nodeCount", "gpuCount", "costPerGPU",
        "configPer", "sameConfigOnEveryNode", "keepWhole",
      ])
    else { return nil }
    let name = map.required("name") { $0.string(nonEmpty: true) }
    let model = map.required("gpuModel") { value -> GPUModel? in
      guard let text = value.string(nonEmpty: true) else { return nil }
      guard let model = GPUModel.named(text) else {
        let known = GPUModel.all.map { $0.aliases.first ?? $0.name }
        var message =
          "unknown GPU model '\(text)'; expected one of: "
          + known.joined(separator: ", ")
        if let near = KeySuggestion.nearest(
          to: text.lowercased(),
          among: GPUModel.all.flatMap { [$0.name.lowercased()] + $0.aliases })
        {
          message += "; did you mean '\(near)'?"
        }
        value.error(message)
        return nil
      }
      if model.availableProfiles(under: rules).isEmpty {
        value.error(
          "\(model.name) needs driver R\(model.minimumDriverRelease) or "
            + "later for MIG; the file sets R\(rules.driverRelease)")
        return nil
      }
      return model
    }
    let nodes = map.required("nodeCount") { $0.int(min: 1, max: 1_000_000) }
    let gpus = map.required("gpuCount") { $0.int(min: 1, max: 64) }
    let cost = map.optional("costPerGPU") { $0.double(min: 0) }
    let same = map.optional("sameConfigOnEveryNode") { $0.bool() }
    let scope = map.optional("configPer") {
      $0.oneOf(FleetGroup.ConfigScope.self)
    }
    if let same, let scope, same != (scope == .group) {
      map.optional("sameConfigOnEveryNode")?.error(
        "sameConfigOnEveryNode: \(same) contradicts configPer: "
          + "\(scope.rawValue); give configPer alone (gpu, node or group)")
    }
    let kept = map.optional("keepWhole") { value -> Int? in
      guard let count = value.int(min: 0, max: 63) else { return nil }
      if let gpus, count >= gpus {
        value.error(
          "keepWhole must leave at least one GPU per node to plan; the "
            + "nodes have \(gpus)")
        return nil
      }
      return count
    }
    guard let name, let model, let nodes, let gpus else { return nil }
    if map.optional("keepWhole") != nil && kept == nil { return nil }
    return FleetGroup(
      name: name, model: model, nodeCount: nodes,
      gpusPerNode: gpus - (kept ?? 0), costPerGPU: cost,
      sameConfigOnEveryNode: same ?? false, configScope: scope,
      keptWholePerNode: kept ?? 0)
  }

  private static func decodeTenant(
    _ node: NodeReader, tenantNames: [String], fleet: [FleetGroup],
    rules: MIGRules
  ) -> TenantDemand? {
    guard
      let map = node.mapping(allowedKeys: [
        "name", "instances", "capacity", "wholeGPUs", "wholeGPUModels",
        "weight", "isolation", "shareWith",
      ])
    else { return nil }
    let name = map.required("name") { $0.string(nonEmpty: true) }
    let offered = Set(
      fleet.flatMap { $0.model.availableProfiles(under: rules).map(\.name) })
    func unknownProfile(_ profile: String) -> String {
      var message = "no GPU model of the fleet offers profile '\(profile)'"
      let catalog = fleet.contains { group in
        group.model.profiles.contains { $0.name == profile }
      }
      if catalog {
        message += " under driver R\(rules.driverRelease)"
      }
      message +=
        "; the fleet's models offer: "
        + offered.sorted().joined(separator: ", ")
      if let near = KeySuggestion.nearest(to: profile, among: offered.sorted())
      {
        message += "; did you mean '\(near)'?"
      }
      return message
    }
    let hasOther =
      map.optional("capacity") != nil || map.optional("wholeGPUs") != nil
    if !hasOther && map.optional("instances") == nil {
      map.error(
        "a tenant needs 'instances', 'capacity' or 'wholeGPUs' (none is "
          + "given)")
    }
    let capacity = map.optional("capacity") { value -> CapacityDemand? in
      decodeCapacity(value, offered: offered, unknown: unknownProfile)
    }
    let whole = map.optional("wholeGPUs") { $0.int(min: 0, max: 10_000_000) }
    let wholeModels = map.optional("wholeGPUModels") { value -> [String]? in
      guard let items = value.sequence() else { return nil }
      var names: [String] = []
      for item in items {
        guard let text = item.string(nonEmpty: true) else { continue }
        guard let model = GPUModel.named(text),
          fleet.isEmpty || fleet.contains(where: { $0.model == model })
        else {
          let known = Array(Set(fleet.map(\.model.name))).sorted()
          item.error(
            "the fleet has no GPU model '\(text)'; its models are: "
              + known.joined(separator: ", "))
          continue
        }
        names.append(model.name)
      }
      return names
    }
    if wholeModels != nil && whole == nil {
      map.optional("wholeGPUModels")?.error(
        "wholeGPUModels applies only with wholeGPUs")
    }
    let instances = map.optional("instances") { value -> [String: Int]? in
      guard let entries = value.entries() else { return nil }
      if entries.isEmpty {
        value.typeMismatch(
          expected: "a mapping from profile name to a count, such as "
            + "{1g.10gb: 4}")
        return nil
      }
      var counts: [String: Int] = [:]
      var failed = false
      for (profile, countNode) in entries {
        guard let count = countNode.int(min: 0) else {
          failed = true
          continue
        }
        if !fleet.isEmpty && !offered.contains(profile) {
          countNode.error(unknownProfile(profile))
          failed = true
        }
        counts[profile] = count
      }
      return failed ? nil : counts
    }
    let weight = map.optional("weight") {
      $0.double(min: 0, excludingMin: true)
    }
    let kind =
      map.optional("isolation") {
        $0.oneOf(["shared", "only-with", "never", "dedicated-nodes"])
      } ?? "shared"
    let shareWith = map.optional("shareWith") { value -> [String]? in
      guard let items = value.sequence() else { return nil }
      var names: [String] = []
      for item in items {
        guard let other = item.string(nonEmpty: true) else { continue }
        if !tenantNames.contains(other) {
          var message = "no tenant named '\(other)'"
          if let near = KeySuggestion.nearest(to: other, among: tenantNames) {
            message += "; did you mean '\(near)'?"
          }
          item.error(message)
          continue
        }
        names.append(other)
      }
      return names
    }
    if kind == "only-with" && shareWith == nil {
      map.error("isolation 'only-with' needs a 'shareWith' list of tenants")
    }
    if kind != "only-with", let place = map.optional("shareWith") {
      place.error(
        "shareWith applies only to isolation 'only-with' (this tenant's "
          + "isolation is '\(kind)')")
    }
    guard let name else { return nil }
    if map.optional("instances") != nil && instances == nil { return nil }
    if map.optional("capacity") != nil && capacity == nil { return nil }
    let isolation: PlanIsolation
    switch kind {
    case "only-with": isolation = .onlyWith(shareWith ?? [])
    case "never": isolation = .never
    case "dedicated-nodes": isolation = .dedicatedNodes
    default: isolation = .shared
    }
    return TenantDemand(
      name: name, instances: instances ?? [:], weight: weight ?? 1,
      isolation: isolation, capacity: capacity, wholeGPUs: whole ?? 0,
      wholeGPUModels: wholeModels ?? [])
  }

  /// Decodes `capacity: {computeSlices, memoryGiB, profiles}`.
  private static func decodeCapacity(
    _ node: NodeReader, offered: Set<String>, unknown: (String) -> String
  ) -> CapacityDemand? {
    guard
      let map = node.mapping(allowedKeys: [
        "computeSlices", "memoryGiB", "profiles",
      ])
    else { return nil }
    let compute = map.optional("computeSlices") {
      $0.int(min: 0, max: 100_000_000)
    }
    let memory = map.optional("memoryGiB") { $0.double(min: 0) }
    if compute == nil && memory == nil {
      map.error("a capacity needs computeSlices, memoryGiB or both")
    }
    let profiles = map.required("profiles") { value -> [String]? in
      guard let items = value.sequence() else { return nil }
      if items.isEmpty {
        value.typeMismatch(
          expected: "a sequence of at least one profile name, such as "
            + "[1g.10gb, 2g.20gb]")
        return nil
      }
      var names: [String] = []
      for item in items {
        guard let text = item.string(nonEmpty: true) else { continue }
        if !offered.isEmpty && !offered.contains(text) {
          item.error(unknown(text))
          continue
        }
        names.append(text)
      }
      return names.count == items.count ? names : nil
    }
    guard let profiles, compute != nil || memory != nil else { return nil }
    return CapacityDemand(
      computeSlices: compute ?? 0, memoryGiB: memory ?? 0, profiles: profiles)
  }
}

extension DocumentNode {
  /// The text of a scalar under `key` when this node is a mapping.
  func mappingValue(_ key: String) -> String? {
    guard case .mapping(let pairs) = value else { return nil }
    return pairs.first { $0.key.keyText == key }?.value.scalarText
  }
}
