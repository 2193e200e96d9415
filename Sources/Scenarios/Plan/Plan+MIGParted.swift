import MIGGeometry
import Planner

/// A plan as NVIDIA's MIG manager applies it: a mig-parted file with one
/// config per distinct node layout, and the `nvidia.com/mig.config` label
/// each node gets.
public struct PlanMIGParted: Sendable, Hashable {
  /// The mig-parted file.
  public var file: MIGPartedFile
  /// Node name → config name, in fleet order.
  public var labels: [(node: String, config: String)]

  /// Equal files and equal label maps, in order.
  public static func == (a: PlanMIGParted, b: PlanMIGParted) -> Bool {
    a.file == b.file && a.labels.map(\.node) == b.labels.map(\.node)
      && a.labels.map(\.config) == b.labels.map(\.config)
  }

  /// Hashes the file and the label map.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(file)
    for label in labels {
      hasher.combine(label.node)
      hasher.combine(label.config)
    }
  }

  /// The label map as text: `<node> nvidia.com/mig.config=<config>`.
  public var labelText: String {
    labels.map { "\($0.node) nvidia.com/mig.config=\($0.config)\n" }
      .joined()
  }
}

extension Plan {
  /// The plan's mig-parted file and node labels.
  ///
  /// Naming: when every node of a fleet group gets the same config, the
  /// config is named after the group, so `migsim simulate --mig-config`
  /// applies it to the scenario pool of that name; otherwise configs are
  /// `<group>-1`, `<group>-2`, … in order of first use. A GPU without
  /// instances gets `mig-enabled: false` (left whole). GPUs with equal
  /// instance counts share one entry (`devices: all` when all do).
  ///
  /// - Complexity: O(N² × G) for N nodes per group of G GPUs (distinct
  ///   node layouts are compared pairwise).
  public var migParted: PlanMIGParted {
    var configs: [MIGPartedConfig] = []
    var labels: [(node: String, config: String)] = []
    var order: [String] = []
    var byGroup: [String: [PlannedNode]] = [:]
    for node in nodes {
      if byGroup[node.group] == nil { order.append(node.group) }
      byGroup[node.group, default: []].append(node)
    }
    for group in order {
      let members = byGroup[group] ?? []
      let entries = members.map(Self.entries)
      var distinct: [[MIGPartedEntry]] = []
      for list in entries where !distinct.contains(list) {
        distinct.append(list)
      }
      for (node, list) in zip(members, entries) {
        let name =
          distinct.count == 1
          ? group : "\(group)-\(distinct.firstIndex(of: list)! + 1)"
        labels.append((node.name, name))
      }
      for (i, list) in distinct.enumerated() {
        configs.append(
          MIGPartedConfig(
            name: distinct.count == 1 ? group : "\(group)-\(i + 1)",
            entries: list))
      }
    }
    return PlanMIGParted(file: MIGPartedFile(configs: configs), labels: labels)
  }

  /// The entries of one node.
  static func entries(_ node: PlannedNode) -> [MIGPartedEntry] {
    var groups: [(counts: [String: Int], gpus: [Int])] = []
    for gpu in node.gpus {
      let counts = gpu.profileCounts
      if let i = groups.firstIndex(where: { $0.counts == counts }) {
        groups[i].gpus.append(gpu.index)
      } else {
        groups.append((counts, [gpu.index]))
      }
    }
    if groups.count == 1 {
      return [
        MIGPartedEntry(
          devices: .all, migEnabled: !groups[0].counts.isEmpty,
          migDevices: groups[0].counts)
      ]
    }
    return groups.map {
      MIGPartedEntry(
        devices: .indices($0.gpus), migEnabled: !$0.counts.isEmpty,
        migDevices: $0.counts)
    }
  }
}
