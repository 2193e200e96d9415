extension ClusterState {
  // MARK: - Binding and release

  /// Binds pod `pod` with `request` to node `node` on `devices`.
  ///
  /// - Precondition: the pod is not bound, the request is interned and
  ///   fits the node, and the devices are free and match the request.
  /// - Complexity: O(GPUs × instances + dimensions × log nodes).
  public mutating func bind(
    _ pod: PodID, _ request: PodRequest, toNode node: Int,
    devices: DeviceAssignment
  ) {
    precondition(bindings[pod] == nil, "pod \(pod) is already bound")
    precondition(fits(request, onNode: node), "the request does not fit")
    let tenant = request.tenant
    let first = nodes[node].firstGPU
    switch devices {
    case .none:
      precondition(!request.gpu.needsGPU, "GPU request without devices")
    case .wholeGPUs(let indices):
      for g in indices {
        precondition(gpus[first + g].used == 0, "GPU \(g) is taken")
        gpus[first + g].used = 1
        gpus[first + g].tenants.add(tenant)
      }
    case .migInstances(let refs):
      for ref in refs {
        let g = first + ref.gpu
        guard let i = gpus[g].instances.firstIndex(where: {
          $0.start == ref.start
        }) else { preconditionFailure("no instance at \(ref)") }
        precondition(gpus[g].instances[i].isAvailable, "\(ref) is busy")
        gpus[g].instances[i].pod = pod
        gpus[g].tenants.add(tenant)
      }
    case .share(let gpu, let units):
      gpus[first + gpu].used += Int32(units)
      precondition(
        gpus[first + gpu].used <= pools[nodes[node].pool].unitsPerGPU,
        "GPU \(gpu) over capacity")
      gpus[first + gpu].tenants.add(tenant)
    }
    nodes[node].cpuFreeMilli -= request.cpuMilli
    nodes[node].memoryFreeMiB -= request.memoryMiB
    if tenantNodes.indices.contains(tenant),
      nodes[node].tenants.count(of: tenant) == 0
    {
      tenantNodes[tenant].insert(node)
    }
    nodes[node].tenants.add(tenant)
    nodes[node].pods.append(pod)
    bindings[pod] = PodBinding(request: request, node: node, assignment: devices)
    refreshIndex(ofNode: node)
  }

  /// Releases pod `pod`: its CPU, memory and devices become free.
  ///
  /// - Returns: the node it was on, or `nil` when it was not bound.
  /// - Complexity: O(GPUs × instances + pods on the node + dimensions ×
  ///   log nodes).
  @discardableResult
  public mutating func release(_ pod: PodID) -> Int? {
    guard let binding = bindings.removeValue(forKey: pod) else { return nil }
    let node = binding.node
    let tenant = binding.request.tenant
    let first = nodes[node].firstGPU
    switch binding.assignment {
    case .none: break
    case .wholeGPUs(let indices):
      for g in indices {
        gpus[first + g].used = 0
        gpus[first + g].tenants.remove(tenant)
      }
    case .migInstances(let refs):
      for ref in refs {
        let g = first + ref.gpu
        if let i = gpus[g].instances.firstIndex(where: { $0.pod == pod }) {
          gpus[g].instances[i].pod = nil
        }
        gpus[g].tenants.remove(tenant)
      }
    case .share(let gpu, let units):
      gpus[first + gpu].used -= Int32(units)
      gpus[first + gpu].tenants.remove(tenant)
    }
    nodes[node].cpuFreeMilli += binding.request.cpuMilli
    nodes[node].memoryFreeMiB += binding.request.memoryMiB
    nodes[node].tenants.remove(tenant)
    if tenantNodes.indices.contains(tenant),
      nodes[node].tenants.count(of: tenant) == 0
    {
      tenantNodes[tenant].remove(node)
    }
    if let i = nodes[node].pods.firstIndex(of: pod) {
      nodes[node].pods.remove(at: i)
    }
    refreshIndex(ofNode: node)
    return node
  }

  // MARK: - Node and GPU availability

  /// Releases every pod of node `node`, for a failure or a drain.
  ///
  /// - Returns: the evicted pods in binding order.
  /// - Complexity: O(pods × release).
  public mutating func evictAll(onNode node: Int) -> [PodID] {
    let evicted = nodes[node].pods
    for pod in evicted { release(pod) }
    return evicted
  }

  /// Marks node `node` cordoned (no new pods) or not.
  public mutating func setCordoned(_ value: Bool, node: Int) {
    nodes[node].cordoned = value
    refreshIndex(ofNode: node)
  }

  /// Marks node `node` failed or repaired. Running pods are not touched:
  /// call `evictAll(onNode:)` for them.
  public mutating func setFailed(_ value: Bool, node: Int) {
    nodes[node].failed = value
    refreshIndex(ofNode: node)
  }

  /// Marks node `node` draining (no new pods) or not.
  public mutating func setDraining(_ value: Bool, node: Int) {
    nodes[node].draining = value
    refreshIndex(ofNode: node)
  }

  /// The pods using GPU `gpu` of node `node`.
  ///
  /// - Complexity: O(pods on the node).
  public func pods(onNode node: Int, gpu: Int) -> [PodID] {
    nodes[node].pods.filter { pod in
      switch bindings[pod]?.assignment {
      case .wholeGPUs(let gs): gs.contains(gpu)
      case .migInstances(let refs): refs.contains { $0.gpu == gpu }
      case .share(let g, _): g == gpu
      default: false
      }
    }
  }

  /// Fails GPU `gpu` of node `node`: the pods using it are released and
  /// returned, and it serves no pod until `repairGPU`.
  ///
  /// - Returns: the released pods.
  public mutating func failGPU(_ gpu: Int, ofNode node: Int) -> [PodID] {
    let victims = pods(onNode: node, gpu: gpu)
    for pod in victims { release(pod) }
    gpus[nodes[node].firstGPU + gpu].failed = true
    refreshIndex(ofNode: node)
    return victims
  }

  /// Returns a failed GPU to service.
  public mutating func repairGPU(_ gpu: Int, ofNode node: Int) {
    gpus[nodes[node].firstGPU + gpu].failed = false
    refreshIndex(ofNode: node)
  }
}
