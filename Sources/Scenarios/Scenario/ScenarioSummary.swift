import ClusterModel

/// What a scenario contains, counted: what `migsim validate` prints.
public struct ScenarioSummary: Hashable, Sendable, CustomStringConvertible {
  /// A name and how many of it.
  public struct Count: Hashable, Sendable {
    /// The name (a GPU model, a MIG profile).
    public var name: String
    /// How many.
    public var count: Int
  }

  /// The scenario's name.
  public var name: String
  /// Nodes over all pools.
  public var nodeCount: Int
  /// GPUs over all pools.
  public var gpuCount: Int
  /// GPUs per model, sorted by model name.
  public var gpusByModel: [Count]
  /// MIG instances per profile over all MIG pools (nodes × GPUs × the
  /// instances of each GPU's layout), sorted by profile name.
  public var migInstancesByProfile: [Count]
  /// Pool names with their sharing mode, in scenario order, such as
  /// `a100-mig (mig)`.
  public var pools: [String]
  /// Tenant names in scenario order.
  public var tenants: [String]
  /// Template names in scenario order.
  public var templates: [String]
  /// Workload generator names in scenario order.
  public var workloads: [String]

  /// Counts the scenario's contents.
  ///
  /// - Parameter scenario: A loaded (valid) scenario.
  /// - Complexity: O(pools × GPUs per node × layout search) plus
  ///   O(tenants + templates + workloads).
  public init(_ scenario: Scenario) {
    let cluster = scenario.cluster
    name = scenario.name
    nodeCount = cluster.nodeCount
    gpuCount = cluster.gpuCount
    gpusByModel = cluster.gpuCountByModel().map {
      Count(name: $0.model, count: $0.count)
    }
    var instances: [String: Int] = [:]
    for pool in cluster.pools {
      guard case .mig = pool.sharing else { continue }
      for gpu in 0..<pool.gpuCount {
        for placement in pool.migPlacements(ofGPU: gpu) ?? [] {
          instances[placement.profileName, default: 0] += pool.nodeCount
        }
      }
    }
    migInstancesByProfile = instances.keys.sorted().map {
      Count(name: $0, count: instances[$0] ?? 0)
    }
    pools = cluster.pools.map { "\($0.name) (\($0.sharing.modeName))" }
    tenants = cluster.tenants.map(\.name)
    templates = scenario.demand.templates.map(\.name)
    workloads = scenario.demand.generators.map(\.name)
  }

  /// A few lines for a terminal, for example:
  ///
  /// ```
  /// scenario quickstart
  ///   nodes 2, GPUs 16
  ///   GPUs by model: NVIDIA-A100-SXM4-80GB 16
  ///   MIG instances by profile: 1g.10gb 16, 2g.20gb 8, 3g.40gb 8
  ///   pools (2): a100-mig (mig), a100-whole (exclusive)
  ///   tenants (3): vision, language, notebooks
  ///   templates (4): …
  ///   workloads (3): …
  /// ```
  public var description: String {
    func counts(_ list: [Count]) -> String {
      list.isEmpty
        ? "none" : list.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
    }
    func names(_ label: String, _ list: [String]) -> String {
      "  \(label) (\(list.count)): "
        + (list.isEmpty ? "none" : list.joined(separator: ", "))
    }
    return [
      "scenario \(name)",
      "  nodes \(nodeCount), GPUs \(gpuCount)",
      "  GPUs by model: \(counts(gpusByModel))",
      "  MIG instances by profile: \(counts(migInstancesByProfile))",
      names("pools", pools),
      names("tenants", tenants),
      names("templates", templates),
      names("workloads", workloads),
    ].joined(separator: "\n")
  }
}

extension Scenario {
  /// The scenario's contents, counted.
  ///
  /// - Complexity: See `ScenarioSummary.init(_:)`.
  public var summary: ScenarioSummary { ScenarioSummary(self) }
}
