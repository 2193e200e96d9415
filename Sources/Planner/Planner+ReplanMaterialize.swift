import MIGGeometry

extension Planner {
  /// What a replan does with one node.
  enum NodeFate: Sendable, Hashable {
    /// Not drained: every GPU keeps its layout.
    case untouched
    /// Drained for shared classes: some GPUs are laid out anew.
    case drained
    /// Kept whole for a dedicated class, not drained.
    case keptFor(tenantClass: Int)
    /// Drained and given whole to a dedicated class.
    case givenTo(tenantClass: Int)
  }

  /// Turns a replan solution into nodes: each node type's units get
  /// their fate (kept whole for a dedicated class, given to one, drained,
  /// untouched: in that order, nodes in fleet order); changed GPUs are
  /// taken node by node on drained nodes so few are touched; kept GPUs
  /// serve their class; patterns go on the changed GPUs; every other GPU
  /// keeps its layout, idle.
  ///
  /// - Complexity: O(N × G × (K + p)) for N nodes of G GPUs, K classes
  ///   and p profiles per GPU, plus one arrangement search per distinct
  ///   layout.
  static func materializeReplan(
    _ model: PlanModel, _ fleet: ReplanFleet, _ built: ReplanProgram,
    solution x: [Double]
  ) throws(PlanError) -> [PlannedNode] {
    let request = model.request
    let classes = model.classes
    var counts = built.counts(x)
    func take(_ column: ReplanProgram.Column) -> Bool {
      guard let n = counts[column], n > 0 else { return false }
      counts[column] = n - 1
      return true
    }
    var nodes: [PlannedNode] = fleet.nodeNames.indices.map { node in
      let group = request.fleet[fleet.nodeGroup[node]]
      return PlannedNode(
        name: fleet.nodeNames[node], group: group.name, model: group.model,
        gpus: (0..<group.gpusPerNode).map {
          PlannedGPU(index: $0, instances: [])
        })
    }
    var laidOut = fleet.current.map { $0.map { _ in false } }
    var remaining = request.tenants.map(\.instances)
    var arrangements: [String: MIGArrangement] = [:]

    /// Lays out one GPU with `counts`, giving each instance to a member
    /// of class k with demand left; with `trim`, instances no member
    /// needs are dropped, else they stay idle (no tenant).
    func layOut(
      _ node: Int, _ gpu: Int, _ mix: [String: Int], for k: Int?,
      trim: Bool = false
    ) throws(PlanError) {
      laidOut[node][gpu] = true
      var wanted = mix
      if trim, let k {
        for (name, n) in mix {
          let left = classes[k].members.reduce(0) {
            $0 + (remaining[$1][name] ?? 0)
          }
          wanted[name] = min(n, left) > 0 ? min(n, left) : nil
        }
      }
      guard !wanted.isEmpty else { return }
      let gpuModel = nodes[node].model
      let key =
        gpuModel.name + "|"
        + wanted.keys.sorted().map { "\($0)=\(wanted[$0] ?? 0)" }
        .joined(separator: ",")
      let arrangement: MIGArrangement
      if let known = arrangements[key] {
        arrangement = known
      } else {
        do {
          arrangement = try gpuModel.arrangement(
            ofCounts: wanted, rules: request.rules)
        } catch {
          throw .invalidRequest("internal error: \(wanted): \(error)")
        }
        arrangements[key] = arrangement
      }
      var planned: [PlannedInstance] = []
      for placement in arrangement.creationOrder {
        var owner = ""
        if let k,
          let t = classes[k].members.first(where: {
            (remaining[$0][placement.profileName] ?? 0) > 0
          })
        {
          remaining[t][placement.profileName, default: 0] -= 1
          owner = request.tenants[t].name
        }
        planned.append(PlannedInstance(placement: placement, tenant: owner))
      }
      nodes[node].gpus[gpu].instances = planned
    }

    // Fates, and the changed GPUs per pool (shared classes) and per
    // dedicated class and pool.
    let dedicated = classes.indices.filter { classes[$0].isDedicated }
    var fate = Array(repeating: NodeFate.untouched, count: nodes.count)
    var sharedSlots: [[(node: Int, gpu: Int)]] = Array(
      repeating: [], count: model.pools.count)
    var uniformPositions: [[Int]] = Array(
      repeating: [], count: model.pools.count)
    var givenSlots: [[Int: [(node: Int, gpu: Int)]]] = Array(
      repeating: [:], count: classes.count)
    for (t, type) in fleet.types.enumerated() {
      var queue = type.nodes[...]
      if type.isUniform {
        guard take(.drained(type: t)) else { continue }
        for (gpu, m) in type.gpuMixes.enumerated()
        where take(.changed(type: t, mix: m)) {
          uniformPositions[type.pool].append(gpu)
        }
        for node in type.nodes { fate[node] = .drained }
        continue
      }
      if type.isPooled {
        // One unit for all the pool's nodes: changes go node by node.
        guard take(.drained(type: t)) else { continue }
        for node in type.nodes {
          for gpu in fleet.current[node].indices {
            let mix =
              fleet.mixes[type.pool].firstIndex(of: fleet.current[node][gpu])
              ?? -1
            if take(.changed(type: t, mix: mix)) {
              fate[node] = .drained
              sharedSlots[type.pool].append((node, gpu))
              laidOut[node][gpu] = true
            }
          }
        }
        continue
      }
      for k in dedicated {
        while take(.keptNode(tenantClass: k, type: t)),
          let node = queue.popFirst()
        {
          fate[node] = .keptFor(tenantClass: k)
          nodes[node].dedicatedTo = request.tenants[classes[k].members[0]].name
          for gpu in fleet.current[node].indices {
            try layOut(node, gpu, fleet.current[node][gpu], for: k)
          }
        }
        while take(.given(tenantClass: k, type: t)),
          let node = queue.popFirst()
        {
          fate[node] = .givenTo(tenantClass: k)
          nodes[node].dedicatedTo = request.tenants[classes[k].members[0]].name
          // Nodes of a type hold the same mixes, not always on the same
          // GPUs: read each GPU's own.
          for gpu in fleet.current[node].indices {
            let mix =
              fleet.mixes[type.pool].firstIndex(of: fleet.current[node][gpu])
              ?? -1
            if take(.changedOnGiven(tenantClass: k, type: t, mix: mix)) {
              givenSlots[k][type.pool, default: []].append((node, gpu))
            } else if take(.keptOnGiven(tenantClass: k, type: t, mix: mix)) {
              try layOut(node, gpu, fleet.current[node][gpu], for: k)
            }
          }
        }
      }
      while take(.drained(type: t)), let node = queue.popFirst() {
        fate[node] = .drained
        for gpu in fleet.current[node].indices {
          let mix =
            fleet.mixes[type.pool].firstIndex(of: fleet.current[node][gpu])
            ?? -1
          if take(.changed(type: t, mix: mix)) {
            sharedSlots[type.pool].append((node, gpu))
            laidOut[node][gpu] = true
          }
        }
      }
    }

    // Kept GPUs of shared classes: unchanged GPUs of the mix on nodes no
    // dedicated class holds.
    for (π, pool) in model.pools.enumerated() {
      let mixes = fleet.mixes[π]
      for (m, mix) in mixes.enumerated() where !mix.isEmpty {
        for k in classes.indices where !classes[k].isDedicated {
          let column = ReplanProgram.Column.kept(
            tenantClass: k, pool: π, mix: m)
          if pool.isUniform {
            guard let type = fleet.types.first(where: { $0.pool == π })
            else { continue }
            for (gpu, held) in type.gpuMixes.enumerated()
            where held == m && !uniformPositions[π].contains(gpu)
              && !laidOut[type.nodes[0]][gpu] && take(column)
            {
              for node in type.nodes {
                try layOut(node, gpu, mix, for: k)
              }
            }
            continue
          }
          for node in nodes.indices
          where pool.groups.contains(fleet.nodeGroup[node]) {
            guard fate[node] == .untouched || fate[node] == .drained
            else { continue }
            for gpu in fleet.current[node].indices
            where !laidOut[node][gpu] && fleet.current[node][gpu] == mix {
              guard take(column) else { break }
              try layOut(node, gpu, mix, for: k)
            }
          }
        }
      }
    }

    // Patterns on changed GPUs.
    var nextShared = Array(repeating: 0, count: model.pools.count)
    for (j, variable) in model.variables.enumerated() {
      let count = Int(x[j].rounded())
      guard count > 0, case .gpus(let k, let π, let p) = variable,
        let set = model.patterns[k][π]
      else { continue }
      var mix: [String: Int] = [:]
      for (i, profile) in set.profiles.enumerated() where set.counts[p][i] > 0 {
        mix[profile.name] = set.counts[p][i]
      }
      for _ in 0..<count {
        if classes[k].isDedicated {
          guard var list = givenSlots[k][π], !list.isEmpty else { break }
          let slot = list.removeFirst()
          givenSlots[k][π] = list
          try layOut(slot.node, slot.gpu, mix, for: k, trim: true)
        } else if model.pools[π].isUniform {
          guard nextShared[π] < uniformPositions[π].count,
            let type = fleet.types.first(where: { $0.pool == π })
          else { break }
          let gpu = uniformPositions[π][nextShared[π]]
          nextShared[π] += 1
          for node in type.nodes { try layOut(node, gpu, mix, for: k) }
        } else {
          guard nextShared[π] < sharedSlots[π].count else { break }
          let slot = sharedSlots[π][nextShared[π]]
          nextShared[π] += 1
          try layOut(slot.node, slot.gpu, mix, for: k, trim: true)
        }
      }
    }
    // Changed GPUs no pattern took keep their layout; so does every GPU
    // not laid out yet, idle.
    for (π, slots) in sharedSlots.enumerated() {
      for slot in slots.dropFirst(nextShared[π]) {
        laidOut[slot.node][slot.gpu] = false
      }
    }
    for k in givenSlots.indices {
      for slots in givenSlots[k].values {
        for slot in slots { laidOut[slot.node][slot.gpu] = false }
      }
    }
    for node in nodes.indices {
      for gpu in nodes[node].gpus.indices where !laidOut[node][gpu] {
        try layOut(node, gpu, fleet.current[node][gpu], for: nil)
      }
    }
    return nodes
  }
}
