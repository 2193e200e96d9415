import ClusterModel
import MIGGeometry

extension ScenarioReader {
  static let poolKeys = [
    "name", "nodeCount", "gpuModel", "gpuCount", "cpu", "memory", "labels",
    "taints", "sharing",
  ]

  static func pool(_ node: NodeReader) -> NodePool? {
    guard let m = node.mapping(allowedKeys: poolKeys) else { return nil }
    guard let name = m.required("name", { $0.string(nonEmpty: true) }) else {
      return nil
    }
    let nodeCount = m.optional("nodeCount") { $0.int(min: 1) } ?? 1
    let written = m.required("gpuModel") { $0.string(nonEmpty: true) } ?? "?"
    // Known models are stored under their canonical name, so that
    // `A100-80GB` and `NVIDIA-A100-SXM4-80GB` compare equal.
    let gpuModel = GPUModel.named(written)?.name ?? written
    let gpuCount = m.required("gpuCount") { $0.int(min: 1) } ?? 1
    let cpuMilli = m.required("cpu") { $0.milliCPU(min: 1) } ?? 1
    let memoryMiB = m.required("memory") { $0.memoryMiB(min: 1) } ?? 1
    let labels = m.optional("labels", Self.labels) ?? [:]
    let taints = m.optional("taints") { $0.sequence(taint) } ?? []
    let sharing = m.optional("sharing", Self.sharing) ?? .exclusive
    return NodePool(
      name: name, nodeCount: nodeCount, gpuModel: gpuModel,
      gpuCount: gpuCount, cpuMilli: cpuMilli, memoryMiB: memoryMiB,
      labels: labels, taints: taints, sharing: sharing)
  }

  static let sharingModes = [
    "exclusive", "mig", "timeSlicing", "mps", "fractional",
  ]

  static let sharingKeys: [String: [String]] = [
    "exclusive": [], "fractional": [], "timeSlicing": ["replicas"],
    "mps": ["clientLimit"],
    "mig": ["strategy", "layout", "layouts", "migParted", "config"],
  ]

  static func sharing(_ node: NodeReader) -> GPUSharing? {
    if case .scalar = node.node.value {
      guard let mode = node.oneOf(sharingModes) else { return nil }
      switch mode {
      case "exclusive": return .exclusive
      case "fractional": return .fractional
      default:
        node.error(
          "mode '\(mode)' needs parameters; write it as a mapping such as "
            + "{mode: \(mode), \(sharingKeys[mode]?.first ?? ""): …}")
        return nil
      }
    }
    guard
      let probe = node.mapping(
        allowedKeys: ["mode"] + sharingModes.flatMap { sharingKeys[$0] ?? [] }
      ), let mode = probe.required("mode", { $0.oneOf(sharingModes) })
    else { return nil }
    let allowed = sharingKeys[mode] ?? []
    for key in probe.keys where key != "mode" && !allowed.contains(key) {
      probe.required(key)?.error(
        "key '\(key)' does not apply to mode '\(mode)'; expected "
          + (allowed.isEmpty ? "no other keys" : "one of: "
            + allowed.joined(separator: ", ")))
    }
    switch mode {
    case "timeSlicing":
      return probe.required("replicas") { $0.int(min: 2) }.map {
        .timeSlicing(replicas: $0)
      }
    case "mps":
      return probe.required("clientLimit") {
        $0.int(min: 2, max: Cluster.maxMPSClients)
      }.map { .mps(clientLimit: $0) }
    case "mig":
      return migSharing(probe).map { .mig($0) }
    case "fractional":
      return .fractional
    default:
      return .exclusive
    }
  }

  private static func migSharing(_ m: MappingReader) -> MIGSharing? {
    let strategy = m.optional("strategy") { $0.oneOf(MIGStrategy.self) }
      ?? .mixed
    let sources = ["layout", "layouts", "migParted"].filter(m.contains)
    guard sources.count == 1 else {
      m.error(
        sources.isEmpty
          ? "a MIG pool needs one of the keys layout, layouts or migParted"
          : "give only one of the keys layout, layouts or migParted, found "
            + sources.joined(separator: " and "))
      return nil
    }
    if m.contains("config") && sources != ["migParted"] {
      m.required("config")?.error("key 'config' needs key 'migParted'")
    }
    switch sources[0] {
    case "layout":
      return m.required("layout", layout).map {
        MIGSharing(strategy: strategy, layouts: [$0])
      }
    case "layouts":
      return m.required("layouts") { $0.sequence(layout) }.map {
        MIGSharing(strategy: strategy, layouts: $0)
      }
    default:
      let path = m.required("migParted") { $0.string(nonEmpty: true) }
      let config = m.required("config") { $0.string(nonEmpty: true) }
      guard let path, let config else { return nil }
      // The layouts are read from the file once the whole scenario is
      // decoded (`Scenario+MIGParted.swift`).
      return MIGSharing(
        strategy: strategy, layouts: [],
        source: MIGPartedSource(path: path, config: config))
    }
  }

  /// A layout: a configuration name, a list of `profile@start`, or a map
  /// from profile to count.
  static func layout(_ node: NodeReader) -> MIGLayoutSpec? {
    switch node.node.value {
    case .scalar:
      return node.string(nonEmpty: true).map { .named($0) }
    case .sequence:
      guard let items = node.sequence() else { return nil }
      var placements: [MIGPlacementSpec] = []
      for item in items {
        guard let text = item.string(nonEmpty: true) else { continue }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let start = Int(parts[1])
        else {
          item.typeMismatch(expected: "a placement such as 3g.40gb@4")
          continue
        }
        placements.append(
          MIGPlacementSpec(profile: String(parts[0]), startSlice: start))
      }
      return .placements(placements)
    case .mapping:
      guard let entries = node.entries({ $0.int(min: 1) }) else { return nil }
      return .counts(entries.map { MIGProfileCount(profile: $0.key, count: $0.value) })
    case .null:
      node.typeMismatch(
        expected: "a config name, a list of placements or a map of counts")
      return nil
    }
  }
}
