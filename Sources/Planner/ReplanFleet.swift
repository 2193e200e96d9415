import MIGGeometry

/// Today's fleet as a replan sees it: every node's instances per GPU, the
/// distinct mixes of each capacity pool, and nodes grouped into types
/// that a replan may treat alike.
///
/// Two nodes of a group have the same type when their GPUs hold the same
/// mixes (in any order); a node type is then a count of interchangeable
/// nodes, which keeps the program small for a fleet laid out by a plan.
/// A same-config group is one type of one unit: its nodes are drained
/// and re-laid out together, so they keep one config.
struct ReplanFleet: Sendable {
  /// Nodes of one group that hold the same mixes.
  struct NodeType: Sendable {
    /// The capacity pool of the group.
    var pool: Int
    /// The fleet group.
    var group: Int
    /// The nodes, in fleet order.
    var nodes: [Int]
    /// The mix (an index into `mixes[pool]`) of each GPU of one node:
    /// for a same-config group, of each GPU position.
    var gpuMixes: [Int]
    /// Whether this is a same-config group, drained as one unit.
    var isUniform: Bool
    /// Whether this stands for many nodes of a pool at once, its GPUs
    /// those of all of them (`pooled(apart:)`), as one unit.
    var isPooled = false

    /// How many units a drain variable of the type ranges over.
    var units: Int { isUniform || isPooled ? 1 : nodes.count }
    /// The nodes one unit stands for.
    var nodesPerUnit: Int { isUniform ? nodes.count : 1 }

    /// GPUs (GPU positions, for a same-config group) of one unit that
    /// hold mix `m`.
    func gpuCount(of m: Int) -> Int { gpuMixes.count { $0 == m } }
  }

  /// `<group>-<index>` of every node, in fleet order.
  var nodeNames: [String]
  /// The fleet group of every node.
  var nodeGroup: [Int]
  /// Instances per profile name on each GPU of each node now (empty for
  /// a GPU without instances).
  var current: [[[String: Int]]]
  /// The distinct mixes of each pool (the empty mix included when a GPU
  /// of the pool has no instances).
  var mixes: [[[String: Int]]]
  /// The node types, pools in order, then groups, then first node.
  var types: [NodeType]

  /// Reads today's layouts against the model's pools.
  ///
  /// - Throws: `PlanError.invalidRequest` for a layout the GPU model
  ///   refuses, or a same-config group whose nodes differ today.
  /// - Complexity: O(N × G × p) for N nodes of G GPUs and p profiles
  ///   per mix, plus one arrangement search per distinct mix.
  init(
    current layouts: [String: [[String: Int]]], model: PlanModel
  ) throws(PlanError) {
    let fleet = model.request.fleet
    var nodeNames: [String] = []
    var nodeGroup: [Int] = []
    var current: [[[String: Int]]] = []
    for (g, group) in fleet.enumerated() {
      for n in 0..<group.nodeCount {
        let name = "\(group.name)-\(n)"
        let list = layouts[name] ?? []
        nodeNames.append(name)
        nodeGroup.append(g)
        current.append(
          (0..<group.gpusPerNode).map { gpu in
            gpu < list.count ? list[gpu].filter { $0.value > 0 } : [:]
          })
      }
    }
    var mixes: [[[String: Int]]] = Array(
      repeating: [], count: model.pools.count)
    var types: [NodeType] = []
    var typeIndex: [[Int]: Int] = [:]
    for (π, pool) in model.pools.enumerated() {
      for g in pool.groups {
        let nodes = nodeNames.indices.filter { nodeGroup[$0] == g }
        for node in nodes {
          var ids: [Int] = []
          for (gpu, counts) in current[node].enumerated() {
            if let i = mixes[π].firstIndex(of: counts) {
              ids.append(i)
              continue
            }
            try Self.check(
              counts, on: pool.model, rules: model.request.rules,
              at: "\(nodeNames[node]) GPU \(gpu)")
            mixes[π].append(counts)
            ids.append(mixes[π].count - 1)
          }
          if pool.isUniform {
            if let first = nodes.first, current[first] != current[node] {
              throw .invalidRequest(
                "group '\(fleet[g].name)' keeps one config on every node, "
                  + "but today \(nodeNames[node]) differs from "
                  + "\(nodeNames[first]); give its nodes one config in the "
                  + "current layouts, or plan from scratch")
            }
            if node == nodes.first {
              types.append(
                NodeType(
                  pool: π, group: g, nodes: nodes, gpuMixes: ids,
                  isUniform: true))
            }
            continue
          }
          let key = [g] + ids.sorted()
          if let t = typeIndex[key] {
            types[t].nodes.append(node)
          } else {
            typeIndex[key] = types.count
            types.append(
              NodeType(
                pool: π, group: g, nodes: [node], gpuMixes: ids,
                isUniform: false))
          }
        }
      }
    }
    self.nodeNames = nodeNames
    self.nodeGroup = nodeGroup
    self.current = current
    self.mixes = mixes
    self.types = types
  }

  /// Refuses a current layout the GPU model cannot hold.
  private static func check(
    _ counts: [String: Int], on model: GPUModel, rules: MIGRules,
    at place: String
  ) throws(PlanError) {
    guard !counts.isEmpty else { return }
    do {
      _ = try model.arrangement(ofCounts: counts, rules: rules)
    } catch {
      let names = counts.keys.sorted().map { "\(counts[$0] ?? 0)×\($0)" }
      throw .invalidRequest(
        "the current layout of \(place) (\(names.joined(separator: ", "))) "
          + "is not valid on \(model.name): \(error)")
    }
  }

  /// The same fleet with the node types of each pool that may differ
  /// merged into one pooled type, except the nodes in `apart`: for
  /// figures that do not count nodes, a smaller program with the same
  /// optimum.
  ///
  /// - Complexity: O(N × G) for N nodes of G GPUs.
  func pooled(apart: Set<Int>) -> ReplanFleet {
    var result = self
    result.types = []
    var merged: [Int: Int] = [:]  // pool → position in result.types
    for type in types {
      guard !type.isUniform, !type.nodes.contains(where: apart.contains)
      else {
        result.types.append(type)
        continue
      }
      let gpus = type.nodes.flatMap { node in
        current[node].map { mixes[type.pool].firstIndex(of: $0) ?? 0 }
      }
      if let i = merged[type.pool] {
        result.types[i].nodes += type.nodes
        result.types[i].gpuMixes += gpus
      } else {
        merged[type.pool] = result.types.count
        var pooled = type
        pooled.gpuMixes = gpus
        pooled.isPooled = true
        result.types.append(pooled)
      }
    }
    for i in result.types.indices where result.types[i].isPooled {
      result.types[i].nodes.sort()
    }
    return result
  }

  /// The instances of a mix.
  static func instanceCount(_ counts: [String: Int]) -> Int {
    counts.values.reduce(0, +)
  }

  /// Every instance running now.
  var totalInstances: Int {
    current.reduce(0) { total, node in
      total + node.reduce(0) { $0 + Self.instanceCount($1) }
    }
  }

  /// Every GPU of the fleet.
  var totalGPUs: Int { current.reduce(0) { $0 + $1.count } }
}
