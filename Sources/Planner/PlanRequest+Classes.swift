/// Tenants whose instances may share GPUs freely, planned together as one
/// demand.
struct TenantClass: Sendable, Hashable {
  /// Indices into the request's tenants, in request order.
  var members: [Int]
  /// Whether the class's GPUs must sit on nodes of its own.
  var isDedicated: Bool
  /// Instances per profile name, summed over the members; a profile
  /// that only serves capacity demand is present with 0.
  var demand: [String: Int]
  /// The most instances per profile name the class can use: `demand`
  /// plus, for capacity demands, enough of the profile alone to serve
  /// them.
  var upTo: [String: Int]
  /// Whole GPUs asked for by the members.
  var wholeGPUs: Int
  /// The profile names the class may be served, sorted.
  var profileNames: [String] { demand.keys.sorted() }
}

extension PlanRequest {
  /// Whether tenant `a` accepts tenant `b` on a GPU.
  func allows(_ a: Int, _ b: Int) -> Bool {
    switch tenants[a].isolation {
    case .shared: return true
    case .onlyWith(let names): return names.contains(tenants[b].name)
    case .never, .dedicatedNodes: return false
    }
  }

  /// Whether two tenants may share a GPU: each accepts the other.
  func mayShare(_ a: Int, _ b: Int) -> Bool {
    a == b || (allows(a, b) && allows(b, a))
  }

  /// Whether tenant classes compete for more than GPUs: a scope-node
  /// group lets classes split a node's GPUs, and a distinct-layout limit
  /// counts layouts across classes. Then the classes cannot be solved one
  /// by one, nor their bounds summed.
  var classesShareCapacity: Bool {
    maxDistinctLayouts != nil || fleet.contains { $0.configScope == .node }
  }

  /// The classes the plan uses: an isolated tenant alone; other tenants
  /// grouped greedily in request order, each joining the first class all
  /// of whose members it may share with. Every GPU then holds instances
  /// of mutually allowed tenants only.
  func planClasses() -> [TenantClass] {
    var classes: [[Int]] = []
    var isolated: [Int] = []
    for t in tenants.indices {
      switch tenants[t].isolation {
      case .never, .dedicatedNodes:
        isolated.append(t)
        classes.append([t])
        continue
      default: break
      }
      if let k = classes.indices.first(where: { k in
        !classes[k].contains(where: { isolated.contains($0) })
          && classes[k].allSatisfy { mayShare($0, t) }
      }) {
        classes[k].append(t)
      } else {
        classes.append([t])
      }
    }
    return classes.map(makeClass)
  }

  /// The classes the plan uses: an isolated tenant alone; the other
  /// tenants in every maximal clique of "may share" (Bron–Kerbosch with
  /// pivoting), so a GPU may hold any set of tenants that pairwise may
  /// share, and the plan is exact. A tenant in several cliques has its
  /// demand split among them by the program. Cliques are ordered by their
  /// members in request order.
  ///
  /// - Complexity: O(3^(n/3)) cliques at worst for n tenants; as many as
  ///   there are groups of mutually sharing tenants in practice.
  func cliqueClasses() -> [TenantClass] {
    var cliques: [[Int]] = []
    var open: [Int] = []
    for t in tenants.indices {
      switch tenants[t].isolation {
      case .never, .dedicatedNodes: cliques.append([t])
      default: open.append(t)
      }
    }
    var found: [[Int]] = []
    func extend(_ clique: [Int], _ candidates: [Int], _ excluded: [Int]) {
      if candidates.isEmpty && excluded.isEmpty {
        found.append(clique.sorted())
        return
      }
      let pivot = (candidates + excluded).max { u, v in
        candidates.count { mayShare(u, $0) && u != $0 }
          < candidates.count { mayShare(v, $0) && v != $0 }
      }
      var candidates = candidates
      var excluded = excluded
      for v in candidates
      where pivot == nil || v == pivot || !mayShare(pivot!, v) {
        let neighbours = { (list: [Int]) in
          list.filter { $0 != v && self.mayShare(v, $0) }
        }
        extend(clique + [v], neighbours(candidates), neighbours(excluded))
        candidates.removeAll { $0 == v }
        excluded.append(v)
      }
    }
    extend([], open, [])
    cliques += found
    cliques.sort { $0.lexicographicallyPrecedes($1) }
    return cliques.map(makeClass)
  }

  /// The classes of the relaxation that gives the lower bound: isolated
  /// tenants alone, the others by connected components of "may share".
  /// Letting a whole component share can only lower the optimum, so the
  /// relaxation's bound is valid; where components are cliques the two
  /// partitions agree and the bound is exact.
  func boundClasses() -> [TenantClass] {
    var component = Array(repeating: -1, count: tenants.count)
    var classes: [[Int]] = []
    for t in tenants.indices where component[t] < 0 {
      let isolatedTenant: Bool
      switch tenants[t].isolation {
      case .never, .dedicatedNodes: isolatedTenant = true
      default: isolatedTenant = false
      }
      component[t] = classes.count
      var members = [t]
      if !isolatedTenant {
        var frontier = [t]
        while let u = frontier.popLast() {
          for v in tenants.indices where component[v] < 0 && mayShare(u, v) {
            component[v] = classes.count
            members.append(v)
            frontier.append(v)
          }
        }
      }
      classes.append(members.sorted())
    }
    return classes.map(makeClass)
  }

  private func makeClass(_ members: [Int]) -> TenantClass {
    var demand: [String: Int] = [:]
    var upTo: [String: Int] = [:]
    var whole = 0
    for t in members {
      for (name, count) in tenants[t].instances where count > 0 {
        demand[name, default: 0] += count
        upTo[name, default: 0] += count
      }
      whole += tenants[t].wholeGPUs
      for name in capacityProfiles(t) {
        demand[name, default: 0] += 0
        upTo[name, default: 0] += capacityInstances(t, name)
      }
    }
    let dedicated =
      members.count == 1
      && tenants[members[0]].isolation == .dedicatedNodes
    return TenantClass(
      members: members, isDedicated: dedicated, demand: demand,
      upTo: upTo, wholeGPUs: whole)
  }

  /// The allowed profiles of tenant `t`'s capacity demand that some fleet
  /// model offers, sorted; empty without a capacity demand.
  func capacityProfiles(_ t: Int) -> [String] {
    guard let capacity = tenants[t].capacity,
      capacity.computeSlices > 0 || capacity.memoryGiB > 0
    else { return [] }
    return Set(capacity.profiles).sorted().filter(offers)
  }

  /// Whether some fleet model offers profile `name` under the driver.
  func offers(_ name: String) -> Bool {
    fleet.contains { group in
      group.model.availableProfiles(under: rules).contains { $0.name == name }
    }
  }

  /// Instances of profile `name` alone that serve tenant `t`'s capacity
  /// demand: the most the tenant can ever be given of it.
  func capacityInstances(_ t: Int, _ name: String) -> Int {
    guard let capacity = tenants[t].capacity else { return 0 }
    let slices = PlanModel.computeSlices(of: name, in: self)
    let memory = PlanModel.memoryGiB(of: name, in: self)
    guard slices > 0, memory > 0 else { return 0 }
    let byCompute = (capacity.computeSlices + slices - 1) / slices
    let byMemory = Int((capacity.memoryGiB / memory - 1e-9).rounded(.up))
    return max(byCompute, byMemory, 0)
  }
}
