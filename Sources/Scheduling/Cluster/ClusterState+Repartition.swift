import MIGGeometry

extension ClusterState {
  // MARK: - Dynamic MIG repartitioning

  /// A plan that lets a pending MIG request fit on some node by
  /// destroying only idle instances and creating new ones, or `nil`.
  ///
  /// For each node passing every filter but the GPU fit (pools in order,
  /// nodes by index), each usable GPU the tenant may use is tried: the
  /// smallest set of idle, non-reconfiguring instances whose removal lets
  /// the driver create the profile (the driver picks the highest free
  /// allowed start), such that the resulting layout passes
  /// `GPUModel.violations` and `DriverPlacementModel.creationOrder`. A
  /// node needing `k` more instances takes the `k` cheapest GPUs, one new
  /// instance each. The plan destroying fewest instances wins, ties to
  /// `preferring` (lower first), then priority order.
  ///
  /// - Parameters:
  ///   - request: an interned MIG request.
  ///   - preferring: a rank of nodes, lower first; the node index when
  ///     omitted.
  /// - Returns: the plan, or `nil` when no node can be repartitioned.
  /// - Complexity: O(nodes × GPUs × 2^idle instances) in the worst case;
  ///   call it only when the request fits nowhere.
  public func repartitionPlan(
    for request: PodRequest, preferring rank: (Int) -> Int = { $0 }
  ) -> RepartitionPlan? {
    precondition(request.classIndex >= 0, "intern the request first")
    guard case .migInstances(_, let count) = request.gpu else { return nil }
    var best: (plan: RepartitionPlan, cost: Int, rank: Int)?
    for (p, pool) in pools.enumerated() {
      let verdict = verdict(request, pool: p)
      guard verdict.refusal == nil, let masks = pool.masks,
        let model = pool.model
      else { continue }
      for local in 0..<pool.nodeCount {
        let node = pool.firstNode + local
        if let failure = nodeFailure(request, verdict, node: node),
          failure.stage != .gpuFit && failure.stage != .tenantGPU
        {
          continue
        }
        guard
          let (plan, cost) = nodePlan(
            node, verdict: verdict, count: count, tenant: request.tenant,
            masks: masks, model: model)
        else { continue }
        let r = rank(node)
        if best == nil || (cost, r) < (best!.cost, best!.rank) {
          best = (plan, cost, r)
        }
      }
    }
    return best?.plan
  }

  /// The cheapest plan for one node, with the instances it destroys.
  private func nodePlan(
    _ node: Int, verdict: PoolVerdict, count: Int, tenant: Int,
    masks: MIGMaskTable, model: GPUModel
  ) -> (RepartitionPlan, Int)? {
    let state = nodes[node]
    var have = 0
    var options: [RepartitionPlan.GPUChange] = []
    for g in 0..<state.gpuCount {
      let global = state.firstGPU + g
      guard gpuUsable(global), gpuAdmits(tenant: tenant, global),
        gpus[global].reconfigurationEndsAt == nil
      else { continue }
      have += gpus[global].instances.count {
        $0.profile == verdict.profile && $0.isAvailable
      }
      if let change = gpuChange(
        global, local: g, profile: verdict.profile, masks: masks,
        model: model)
      {
        options.append(change)
      }
    }
    let missing = max(count - have, 1)
    guard options.count >= missing else { return nil }
    options.sort { ($0.destroyed.count, $0.gpu) < ($1.destroyed.count, $1.gpu) }
    let chosen = Array(options.prefix(missing)).sorted { $0.gpu < $1.gpu }
    let cost = chosen.reduce(0) { $0 + $1.destroyed.count }
    return (RepartitionPlan(node: node, changes: chosen), cost)
  }

  /// The change of one GPU destroying the fewest idle instances so that
  /// one instance of `profile` can be created, or `nil`.
  private func gpuChange(
    _ global: Int, local: Int, profile: Int, masks: MIGMaskTable,
    model: GPUModel
  ) -> RepartitionPlan.GPUChange? {
    let instances = gpus[global].instances
    let idle = instances.indices.filter { instances[$0].isAvailable }
    let subsets = (0..<(1 << idle.count)).sorted {
      ($0.nonzeroBitCount, $0) < ($1.nonzeroBitCount, $1)
    }
    for subset in subsets {
      var kept: [MIGPlacement] = []
      var keptMask: UInt8 = 0
      var destroyed: [MIGInstanceRef] = []
      for (i, instance) in instances.enumerated() {
        let name = masks.profiles[instance.profile].name
        if let k = idle.firstIndex(of: i), subset & (1 << k) != 0 {
          destroyed.append(
            MIGInstanceRef(gpu: local, profile: name, start: instance.start))
        } else {
          kept.append(MIGPlacement(name, at: instance.start))
          keptMask |= instance.mask
        }
      }
      let start = Int(masks.driverStart[profile][Int(keptMask)])
      guard start >= 0 else { continue }
      let name = masks.profiles[profile].name
      let created = MIGPlacement(name, at: start)
      guard model.isValid(kept + [created]),
        DriverPlacementModel(model: model).creationOrder(
          for: [created], existing: kept) != nil
      else { continue }
      return .init(
        gpu: local, destroyed: destroyed,
        created: [MIGInstanceRef(gpu: local, profile: name, start: start)])
    }
    return nil
  }

  /// Applies a plan: destroys its idle instances and creates its new
  /// ones, unavailable until `finishReconfiguration` is called for each
  /// changed GPU; counts one reconfiguration per GPU.
  ///
  /// - Parameters:
  ///   - plan: a plan from `repartitionPlan(for:)` on this state.
  ///   - endsAt: when the reconfiguration ends, simulated seconds
  ///     (`now + reconfigurationSeconds`).
  /// - Precondition: every destroyed instance is still idle.
  public mutating func apply(_ plan: RepartitionPlan, endingAt endsAt: Int) {
    let state = nodes[plan.node]
    guard let masks = pools[state.pool].masks else {
      preconditionFailure("a plan needs a MIG pool")
    }
    for change in plan.changes {
      let g = state.firstGPU + change.gpu
      for gone in change.destroyed {
        guard let i = gpus[g].instances.firstIndex(where: {
          $0.start == gone.start && $0.isAvailable
        }) else { preconditionFailure("\(gone) is not idle") }
        gpus[g].instances.remove(at: i)
        destroyedInstanceCount += 1
      }
      for new in change.created {
        guard let p = masks.profiles.firstIndex(where: {
          $0.name == new.profile
        }) else { preconditionFailure("unknown profile \(new.profile)") }
        gpus[g].instances.append(
          MIGInstance(
            profile: p, start: new.start, mask: masks.mask(of: p, at: new.start),
            pod: nil, reconfiguring: true))
      }
      gpus[g].instances.sort { $0.start < $1.start }
      gpus[g].reconfigurationEndsAt = endsAt
      reconfigurationCount += 1
    }
    refreshIndex(ofNode: plan.node)
  }

  /// Ends the reconfiguration of GPU `gpu` of node `node`: its new
  /// instances become available.
  public mutating func finishReconfiguration(ofGPU gpu: Int, onNode node: Int)
  {
    let g = nodes[node].firstGPU + gpu
    for i in gpus[g].instances.indices {
      gpus[g].instances[i].reconfiguring = false
    }
    gpus[g].reconfigurationEndsAt = nil
    refreshIndex(ofNode: node)
  }

  /// When the reconfiguration of GPU `gpu` of node `node` ends, or `nil`.
  public func reconfigurationEnd(ofGPU gpu: Int, onNode node: Int) -> Int? {
    gpus[nodes[node].firstGPU + gpu].reconfigurationEndsAt
  }
}
