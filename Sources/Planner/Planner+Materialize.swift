import MIGGeometry

extension Planner {
  /// One GPU's instances before it has a node: profile names with the
  /// tenant each serves.
  struct GPUItem {
    var instances: [(profile: String, tenant: String)]
    var tenantClass: Int
  }

  /// Turns a solution into nodes: GPUs per class and pattern, instances
  /// given to the class's tenants by remaining demand, dedicated classes
  /// on whole nodes, then every other GPU packed onto nodes in fleet
  /// order; each GPU gets a placement and creation order from
  /// `GPUModel.arrangement(of:)` and is validated.
  static func materialize(
    _ model: PlanModel, solution x: [Double]
  ) throws(PlanError) -> [PlannedNode] {
    let request = model.request
    // Remaining demand per class member.
    var remaining = request.tenants.map(\.instances)

    func assign(
      _ counts: [Int], _ set: LayoutPatterns, classIndex k: Int,
      keepExtra: Bool
    ) -> GPUItem {
      var instances: [(profile: String, tenant: String)] = []
      let members = model.classes[k].members
      for (i, profile) in set.profiles.enumerated() {
        for _ in 0..<counts[i] {
          if let t = members.first(where: {
            (remaining[$0][profile.name] ?? 0) > 0
          }) {
            remaining[t][profile.name]! -= 1
            instances.append((profile.name, request.tenants[t].name))
          } else if keepExtra {
            let owner =
              members.first {
                request.tenants[$0].instances[profile.name] != nil
              } ?? members[0]
            instances.append((profile.name, request.tenants[owner].name))
          }
        }
      }
      return GPUItem(instances: instances, tenantClass: k)
    }

    // Items per pool; nodes reserved per dedicated class and group.
    var items: [[GPUItem]] = Array(repeating: [], count: model.pools.count)
    var dedicatedItems: [Int: [Int: [GPUItem]]] = [:]  // class → pool → items
    var uniformNode: [Int: [(counts: [Int], set: LayoutPatterns, k: Int)]] = [:]
    var reserved: [Int: [(k: Int, nodes: Int)]] = [:]  // group → reservations
    for (j, variable) in model.variables.enumerated() {
      let count = Int(x[j].rounded())
      guard count > 0 else { continue }
      switch variable {
      case .gpus(let k, let π, let p):
        guard let set = model.patterns[k][π] else { continue }
        let pool = model.pools[π]
        if pool.isUniform {
          for _ in 0..<count {
            uniformNode[π, default: []].append((set.counts[p], set, k))
          }
        } else {
          for _ in 0..<count {
            let item = assign(
              set.counts[p], set, classIndex: k, keepExtra: false)
            if model.classes[k].isDedicated {
              dedicatedItems[k, default: [:]][π, default: []].append(item)
            } else {
              items[π].append(item)
            }
          }
        }
      case .nodes(let k, let g):
        reserved[g, default: []].append((k, count))
      case .served:
        break
      }
    }

    var nodes: [PlannedNode] = []
    var free: [[Int]] = Array(repeating: [], count: request.fleet.count)
    for (g, group) in request.fleet.enumerated() {
      for n in 0..<group.nodeCount {
        free[g].append(nodes.count)
        nodes.append(
          PlannedNode(
            name: "\(group.name)-\(n)", group: group.name, model: group.model,
            gpus: (0..<group.gpusPerNode).map {
              PlannedGPU(index: $0, instances: [])
            }))
      }
    }

    func place(_ item: GPUItem, node: Int, gpu: Int) throws(PlanError) {
      let model = nodes[node].model
      let names = item.instances.map(\.profile)
      guard !names.isEmpty else { return }
      let arrangement: MIGArrangement
      do {
        arrangement = try model.arrangement(of: names, rules: request.rules)
      } catch {
        throw .invalidRequest(
          "internal error: \(names) on \(model.name): \(error)")
      }
      var owners = item.instances
      var planned: [PlannedInstance] = []
      for placement in arrangement.creationOrder {
        let i = owners.firstIndex { $0.profile == placement.profileName }!
        planned.append(
          PlannedInstance(placement: placement, tenant: owners[i].tenant))
        owners.remove(at: i)
      }
      precondition(
        model.isValid(planned.map(\.placement), rules: request.rules))
      nodes[node].gpus[gpu].instances = planned
    }

    // Dedicated classes: whole nodes, filled with the class's GPUs.
    for (π, pool) in model.pools.enumerated() where !pool.isUniform {
      for g in pool.groups {
        for (k, count) in reserved[g] ?? [] {
          let tenant = request.tenants[model.classes[k].members[0]].name
          for _ in 0..<count {
            guard !free[g].isEmpty else { break }
            let node = free[g].removeFirst()
            nodes[node].dedicatedTo = tenant
            for gpu in nodes[node].gpus.indices {
              guard var list = dedicatedItems[k]?[π], !list.isEmpty else {
                break
              }
              let item = list.removeFirst()
              dedicatedItems[k]![π] = list
              try place(item, node: node, gpu: gpu)
            }
          }
        }
      }
    }
    // Shared GPUs: fill free nodes in order, one class after another.
    for (π, pool) in model.pools.enumerated() where !pool.isUniform {
      var queue = items[π].sorted { $0.tenantClass < $1.tenantClass }[...]
      for g in pool.groups {
        for node in free[g] {
          for gpu in nodes[node].gpus.indices {
            guard let item = queue.popFirst() else { break }
            try place(item, node: node, gpu: gpu)
          }
        }
      }
      precondition(queue.isEmpty, "capacity rows keep every GPU placeable")
    }
    // Same-config groups: one node's GPUs repeated on every node.
    for (π, pool) in model.pools.enumerated() where pool.isUniform {
      let g = pool.groups[0]
      let layouts = uniformNode[π] ?? []
      for node in free[g] {
        for (gpu, entry) in layouts.enumerated() {
          let item = assign(
            entry.counts, entry.set, classIndex: entry.k, keepExtra: true)
          try place(item, node: node, gpu: gpu)
        }
      }
    }
    return nodes
  }
}
