import MIGGeometry

extension ClusterState {
  // MARK: - Invariants

  /// Every way the state contradicts itself, empty when consistent: a
  /// GPU, MIG instance or milli-GPU allocated twice or beyond capacity; a
  /// MIG layout its model refuses; free CPU, memory or tenant counts
  /// different from the values recomputed from the bound pods; a pod on
  /// a node whose `NoSchedule` or `NoExecute` taints it does not
  /// tolerate; an index entry different from a fresh computation.
  ///
  /// - Complexity: O(nodes × GPUs × instances + pods), plus rebuilding
  ///   every index entry; meant for tests and debug runs.
  public func checkInvariants() -> [String] {
    var problems: [String] = []
    var used = [Int32](repeating: 0, count: gpus.count)
    var busy: [Int: Set<Int>] = [:]
    var cpu = nodes.map { pools[$0.pool].spec.cpuMilli }
    var memory = nodes.map { pools[$0.pool].spec.memoryMiB }
    var nodeTenants = [TenantCounts](repeating: .init(), count: nodes.count)
    var gpuTenants = [TenantCounts](repeating: .init(), count: gpus.count)
    for pod in bindings.keys.sorted() {
      guard let binding = bindings[pod] else { continue }
      let node = binding.node
      let first = nodes[node].firstGPU
      let request = binding.request
      cpu[node] -= request.cpuMilli
      memory[node] -= request.memoryMiB
      nodeTenants[node].add(request.tenant)
      if !nodes[node].pods.contains(pod) {
        problems.append("pod \(pod) missing from node \(nodeName(node))")
      }
      let taints = pools[nodes[node].pool].spec.taints
      if let taint = request.tolerations.firstUntolerated(in: taints) {
        problems.append(
          "pod \(pod) on \(nodeName(node)) does not tolerate \(taint)")
      }
      switch binding.assignment {
      case .none: break
      case .wholeGPUs(let gs):
        for g in gs {
          used[first + g] += 1
          gpuTenants[first + g].add(request.tenant)
        }
      case .share(let g, let units):
        used[first + g] += Int32(units)
        gpuTenants[first + g].add(request.tenant)
      case .migInstances(let refs):
        for ref in refs {
          let g = first + ref.gpu
          gpuTenants[g].add(request.tenant)
          let holders = gpus[g].instances.filter {
            $0.start == ref.start && $0.pod == pod
          }
          if holders.count != 1 {
            problems.append("pod \(pod) does not hold \(ref)")
          }
          if !busy[g, default: []].insert(ref.start).inserted {
            problems.append("\(ref) on \(nodeName(node)) bound twice")
          }
        }
      }
    }
    for (n, node) in nodes.enumerated() {
      let pool = pools[node.pool]
      if cpu[n] != node.cpuFreeMilli || cpu[n] < 0 {
        problems.append(
          "\(nodeName(n)): free CPU \(node.cpuFreeMilli), expected \(cpu[n])")
      }
      if memory[n] != node.memoryFreeMiB || memory[n] < 0 {
        problems.append(
          "\(nodeName(n)): free memory \(node.memoryFreeMiB), expected "
            + "\(memory[n])")
      }
      if !Self.sameCounts(nodeTenants[n], node.tenants) {
        problems.append("\(nodeName(n)): tenant counts differ")
      }
      for t in tenantNodes.indices
      where tenantNodes[t].contains(n) != (node.tenants.count(of: t) > 0) {
        problems.append("\(nodeName(n)): tenant \(t) node index differs")
      }
      for g in node.firstGPU..<(node.firstGPU + node.gpuCount) {
        let name = "\(nodeName(n)) gpu \(g - node.firstGPU)"
        if !Self.sameCounts(gpuTenants[g], gpus[g].tenants) {
          problems.append("\(name): tenant counts differ")
        }
        if pool.kind == .mig {
          let pods = gpus[g].instances.compactMap(\.pod)
          if pods.count != busy[g, default: []].count {
            problems.append("\(name): \(pods.count) busy instances, "
              + "\(busy[g, default: []].count) bound")
          }
          if let model = pool.model, let masks = pool.masks {
            let layout = gpus[g].instances.map {
              MIGPlacement(masks.profiles[$0.profile].name, at: $0.start)
            }
            let violations = model.violations(of: layout)
            if !violations.isEmpty {
              problems.append(
                "\(name): invalid layout \(MIGLayout(layout)): "
                  + violations.map(\.description).joined(separator: "; "))
            }
          }
        } else {
          if used[g] != gpus[g].used {
            problems.append(
              "\(name): \(gpus[g].used) units used, expected \(used[g])")
          }
          if gpus[g].used > pool.unitsPerGPU {
            problems.append("\(name): over capacity")
          }
        }
      }
    }
    var fresh = self
    for n in nodes.indices { fresh.refreshIndex(ofNode: n) }
    for p in pools.indices where fresh.pools[p] != pools[p] {
      problems.append("pool \(pools[p].spec.name): index out of date")
    }
    return problems
  }

  private static func sameCounts(_ a: TenantCounts, _ b: TenantCounts)
    -> Bool
  {
    let left = zip(a.tenants, a.pods).sorted { $0.0 < $1.0 }
    let right = zip(b.tenants, b.pods).sorted { $0.0 < $1.0 }
    return left.elementsEqual(right) { $0 == $1 }
  }
}
