import MIGGeometry

extension Planner {
  /// One GPU's instances before it has a node: profile names with the
  /// tenant each serves, or the tenant a whole GPU is for.
  struct GPUItem {
    var instances: [(profile: String, tenant: String)]
    var tenantClass: Int
    var wholeFor: String? = nil
  }

  /// Instances per profile each tenant is to be given: its instances
  /// plus those the solution allots to its capacity demand.
  static func instanceDemand(_ model: PlanModel, solution x: [Double])
    -> [[String: Int]]
  {
    var demand = model.request.tenants.map(\.instances)
    for (j, variable) in model.variables.enumerated() {
      guard case .allotted(let t, let name) = variable else { continue }
      let count = Int(x[j].rounded())
      if count > 0 { demand[t][name, default: 0] += count }
    }
    return demand
  }

  /// Turns a solution into nodes: GPUs per class and pattern, instances
  /// given to the class's tenants by remaining demand, dedicated classes
  /// on whole nodes, then every other GPU packed onto nodes in fleet
  /// order; scope-node groups get one layout per node, their GPUs split
  /// among classes; each GPU gets a placement and creation order from
  /// `GPUModel.arrangement(of:)` and is validated.
  static func materialize(
    _ model: PlanModel, solution x: [Double]
  ) throws(PlanError) -> [PlannedNode] {
    let request = model.request
    // Remaining demand per class and member: a member in no other class
    // is owed all its instances, a member of several what the solution
    // gives it from this class.
    let demand = instanceDemand(model, solution: x)
    let memberships = PlanModel.memberships(
      model.classes, count: request.tenants.count)
    var remaining: [[Int: [String: Int]]] = model.classes.map { tenantClass in
      var owed: [Int: [String: Int]] = [:]
      for t in tenantClass.members where memberships[t].count == 1 {
        owed[t] = demand[t]
      }
      return owed
    }
    for (j, variable) in model.variables.enumerated() {
      guard case .given(let t, let k, let name) = variable else { continue }
      let count = Int(x[j].rounded())
      if count > 0 { remaining[k][t, default: [:]][name, default: 0] += count }
    }
    let classOf = memberships.map(\.first)

    func assign(
      _ counts: [Int], _ profiles: [MIGProfile], classIndex k: Int,
      keepExtra: Bool
    ) -> GPUItem {
      var instances: [(profile: String, tenant: String)] = []
      let members = model.classes[k].members
      for (i, profile) in profiles.enumerated() {
        for _ in 0..<counts[i] {
          if let t = members.first(where: {
            (remaining[k][$0]?[profile.name] ?? 0) > 0
          }) {
            remaining[k][t]![profile.name]! -= 1
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
    func wholeItem(_ t: Int) -> GPUItem {
      GPUItem(
        instances: [], tenantClass: classOf[t] ?? 0,
        wholeFor: request.tenants[t].name)
    }

    // Items per pool; nodes reserved per dedicated class and group.
    var items: [[GPUItem]] = Array(repeating: [], count: model.pools.count)
    var dedicatedItems: [Int: [Int: [GPUItem]]] = [:]  // class → pool → items
    var uniformNode: [Int: [GPUItem]] = [:]  // pool → one node's GPUs
    var uniformLayouts: [Int: [(counts: [Int], set: LayoutPatterns, k: Int)]] =
      [:]
    var reserved: [Int: [(k: Int, nodes: Int)]] = [:]  // group → reservations
    // Scope-node pools: nodes per layout, GPUs per class and layout,
    // dedicated nodes, and whole GPUs on MIG-disabled nodes.
    var layoutNodes: [Int: [Int: Int]] = [:]  // pool → layout → nodes
    var split: [Int: [Int: [(k: Int, gpus: Int)]]] = [:]  // pool → layout
    var ownNodes: [Int: [(k: Int, item: GPUItem?, counts: [Int]?)]] = [:]
    var wholeOnDisabled: [Int: [Int]] = [:]  // pool → tenants, a GPU each
    for (j, variable) in model.variables.enumerated() {
      let count = Int(x[j].rounded())
      guard count > 0 else { continue }
      switch variable {
      case .gpus(let k, let π, let p):
        let pool = model.pools[π]
        switch pool.scope {
        case .group:
          guard let set = model.patterns[k][π] else { continue }
          for _ in 0..<count {
            uniformLayouts[π, default: []].append((set.counts[p], set, k))
          }
        case .node where model.classes[k].isDedicated:
          guard let set = model.patterns[k][π] else { continue }
          for _ in 0..<count {
            ownNodes[π, default: []].append((k, nil, set.counts[p]))
          }
        case .node:
          split[π, default: [:]][p, default: []].append((k, count))
        case .gpu:
          guard let set = model.patterns[k][π] else { continue }
          for _ in 0..<count {
            // Under a distinct-layout limit every GPU carries its whole
            // pattern, so the layouts are the ones counted.
            let item = assign(
              set.counts[p], set.profiles, classIndex: k,
              keepExtra: request.maxDistinctLayouts != nil)
            if model.classes[k].isDedicated {
              dedicatedItems[k, default: [:]][π, default: []].append(item)
            } else {
              items[π].append(item)
            }
          }
        }
      case .whole(let t, let π):
        let pool = model.pools[π]
        let k = classOf[t] ?? 0
        switch pool.scope {
        case .gpu where model.classes[k].isDedicated:
          for _ in 0..<count {
            dedicatedItems[k, default: [:]][π, default: []].append(
              wholeItem(t))
          }
        case .gpu:
          for _ in 0..<count { items[π].append(wholeItem(t)) }
        case .group:
          for _ in 0..<count {
            uniformNode[π, default: []].append(wholeItem(t))
          }
        case .node where model.classes[k].isDedicated:
          for _ in 0..<count {
            ownNodes[π, default: []].append((k, wholeItem(t), nil))
          }
        case .node:
          for _ in 0..<count { wholeOnDisabled[π, default: []].append(t) }
        }
      case .layoutNodes(let π, let l):
        layoutNodes[π, default: [:]][l] = count
      case .nodes(let k, let g):
        reserved[g, default: []].append((k, count))
      case .served, .allotted, .layoutUsed, .given:
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
            }
              + (0..<group.keptWholePerNode).map {
                PlannedGPU(
                  index: group.gpusPerNode + $0, instances: [],
                  isKeptWhole: true)
              }))
      }
    }

    func place(_ item: GPUItem, node: Int, gpu: Int) throws(PlanError) {
      if let tenant = item.wholeFor {
        nodes[node].gpus[gpu].wholeFor = tenant
        return
      }
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
    for (π, pool) in model.pools.enumerated() where pool.scope == .gpu {
      for g in pool.groups {
        for (k, count) in reserved[g] ?? [] {
          let tenant = request.tenants[model.classes[k].members[0]].name
          for _ in 0..<count {
            guard !free[g].isEmpty else { break }
            let node = free[g].removeFirst()
            nodes[node].dedicatedTo = tenant
            for gpu in 0..<request.fleet[g].gpusPerNode {
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
    for (π, pool) in model.pools.enumerated() where pool.scope == .gpu {
      var queue = items[π].sorted { $0.tenantClass < $1.tenantClass }[...]
      for g in pool.groups {
        for node in free[g] {
          for gpu in 0..<request.fleet[g].gpusPerNode {
            guard let item = queue.popFirst() else { break }
            try place(item, node: node, gpu: gpu)
          }
        }
      }
      precondition(queue.isEmpty, "capacity rows keep every GPU placeable")
    }
    // Same-config groups: one node's GPUs repeated on every node.
    for (π, pool) in model.pools.enumerated() where pool.scope == .group {
      let g = pool.groups[0]
      let layouts = uniformLayouts[π] ?? []
      let whole = uniformNode[π] ?? []
      for node in free[g] {
        for (gpu, entry) in layouts.enumerated() {
          let item = assign(
            entry.counts, entry.set.profiles, classIndex: entry.k,
            keepExtra: true)
          try place(item, node: node, gpu: gpu)
        }
        for (i, item) in whole.enumerated() {
          try place(item, node: node, gpu: layouts.count + i)
        }
      }
    }
    // Scope-node groups: dedicated nodes, then shared layouts, then
    // MIG-disabled nodes for whole GPUs.
    for (π, pool) in model.pools.enumerated() where pool.scope == .node {
      let g = pool.groups[0]
      var queue = free[g][...]
      for entry in ownNodes[π] ?? [] {
        guard let node = queue.popFirst() else { break }
        let k = entry.k
        nodes[node].dedicatedTo =
          request.tenants[model.classes[k].members[0]].name
        for gpu in 0..<request.fleet[g].gpusPerNode {
          if let item = entry.item {
            try place(item, node: node, gpu: gpu)
          } else if let counts = entry.counts,
            let set = model.patterns[k][π]
          {
            let item = assign(
              counts, set.profiles, classIndex: k, keepExtra: true)
            try place(item, node: node, gpu: gpu)
          }
        }
      }
      let layouts = model.nodeLayouts[π]
      for (l, count) in (layoutNodes[π] ?? [:]).sorted(by: { $0.key < $1.key })
      {
        guard let layouts, l < layouts.counts.count else { continue }
        let counts = layouts.counts[l]
        // The classes' GPUs in class order; each node's spare GPUs go to
        // the class of its last assigned GPU, so nobody new shares it.
        var owners: [Int] = []
        for share in (split[π]?[l] ?? []).sorted(by: { $0.k < $1.k }) {
          owners += Array(repeating: share.k, count: share.gpus)
        }
        var next = 0
        for _ in 0..<count {
          guard let node = queue.popFirst() else { break }
          var last: Int? = nil
          for gpu in 0..<request.fleet[g].gpusPerNode {
            let k: Int?
            if next < owners.count {
              k = owners[next]
              next += 1
            } else {
              k = last
            }
            guard let k else { continue }
            last = k
            let item = assign(
              counts, layouts.profiles, classIndex: k, keepExtra: true)
            try place(item, node: node, gpu: gpu)
          }
        }
      }
      if let layouts, let count = layoutNodes[π]?[layouts.counts.count] {
        var tenants = (wholeOnDisabled[π] ?? [])[...]
        for _ in 0..<count {
          guard let node = queue.popFirst() else { break }
          for gpu in 0..<request.fleet[g].gpusPerNode {
            guard let t = tenants.popFirst() else { break }
            try place(wholeItem(t), node: node, gpu: gpu)
          }
        }
      }
    }
    return nodes
  }
}
