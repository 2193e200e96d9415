import MIGGeometry
import Planner
import RandomStreams
import Testing

@Suite struct IsolationTests {
  /// Random tenants with random isolation on a two-model fleet; every
  /// plan keeps every tenant's isolation and serves all demand.
  @Test func isolationIsNeverViolated() throws {
    var random = Xoshiro256StarStar(seed: 4242)
    let names = ["a", "b", "c", "d", "e"]
    for _ in 0..<40 {
      var tenants: [TenantDemand] = []
      for name in names {
        let isolation = Self.randomIsolation(&random, among: names)
        var instances: [String: Int] = [:]
        let profiles = [
          "1g.10gb", "2g.20gb", "3g.40gb", "1g.10gb+me", "7g.80gb",
        ]
        for _ in 0..<(1 + Int(random.next() % 2)) {
          instances[profiles[Int(random.next() % 5)], default: 0] +=
            1 + Int(random.next() % 4)
        }
        tenants.append(
          TenantDemand(name: name, instances: instances, isolation: isolation))
      }
      let request = PlanRequest(
        fleet: [
          FleetGroup(
            name: "h", model: .h100SXM5_80GB, nodeCount: 6, gpusPerNode: 4),
          FleetGroup(
            name: "a", model: .a100SXM4_80GB, nodeCount: 6, gpusPerNode: 2),
        ],
        tenants: tenants, timeLimitSeconds: 5)
      let plan = try Planner.plan(request)
      Self.expectIsolationKept(plan, tenants)
      for tenant in tenants {
        #expect(plan.served[tenant.name] == tenant.instances)
      }
      #expect(plan.bound <= plan.value + 1e-9)
    }
  }

  /// One of the four kinds of isolation, a share list drawn from `names`.
  static func randomIsolation(
    _ random: inout Xoshiro256StarStar, among names: [String]
  ) -> PlanIsolation {
    switch random.next() % 4 {
    case 0: return .shared
    case 1: return .onlyWith(names.filter { _ in random.next() % 2 == 0 })
    case 2: return .never
    default: return .dedicatedNodes
    }
  }

  /// Every GPU holds mutually allowed tenants only (a whole GPU one
  /// tenant), a dedicated tenant's nodes hold nobody else, and every
  /// layout is valid.
  static func expectIsolationKept(_ plan: Plan, _ tenants: [TenantDemand]) {
    let byName = Dictionary(
      uniqueKeysWithValues: tenants.map { ($0.name, $0) })
    func mayShare(_ x: String, _ y: String) -> Bool {
      func allows(_ p: String, _ q: String) -> Bool {
        switch byName[p]!.isolation {
        case .shared: return true
        case .onlyWith(let list): return list.contains(q)
        case .never, .dedicatedNodes: return false
        }
      }
      return x == y || (allows(x, y) && allows(y, x))
    }
    for node in plan.nodes {
      let nodeTenants = Set(
        node.gpus.flatMap {
          $0.instances.map(\.tenant) + [$0.wholeFor].compactMap { $0 }
        })
      for tenant in nodeTenants
      where byName[tenant]!.isolation == .dedicatedNodes {
        #expect(nodeTenants == [tenant], "\(node.name): \(nodeTenants)")
        #expect(node.dedicatedTo == tenant)
      }
      if let owner = node.dedicatedTo {
        #expect(nodeTenants.isSubset(of: [owner]))
      }
      for gpu in node.gpus {
        let onGPU = Set(gpu.instances.map(\.tenant))
        if let owner = gpu.wholeFor { #expect(onGPU.isEmpty, "\(owner)") }
        for x in onGPU {
          for y in onGPU {
            #expect(mayShare(x, y), "\(node.name)/\(gpu.index)")
          }
        }
        #expect(node.model.isValid(gpu.instances.map(\.placement)))
      }
    }
  }

  /// The same with whole GPUs, capacity demands, one config per node or
  /// per group, and a layout limit now and then: isolation kept, and
  /// every demand served in full.
  @Test func isolationHoldsUnderEveryConstraint() throws {
    var random = Xoshiro256StarStar(seed: 8080)
    let names = ["a", "b", "c", "d"]
    let profiles = ["1g.10gb", "2g.20gb", "3g.40gb", "1g.10gb+me", "7g.80gb"]
    var planned = 0
    for round in 0..<30 {
      var tenants: [TenantDemand] = []
      for name in names {
        let isolation = Self.randomIsolation(&random, among: names)
        var instances: [String: Int] = [:]
        if random.next() % 3 != 0 {
          instances[profiles[Int(random.next() % 5)]] =
            1 + Int(random.next() % 4)
        }
        let capacity =
          random.next() % 3 == 0
          ? CapacityDemand(
            computeSlices: 1 + Int(random.next() % 8),
            memoryGiB: Double(random.next() % 60),
            profiles: ["1g.10gb", "2g.20gb", "3g.40gb"]) : nil
        tenants.append(
          TenantDemand(
            name: name, instances: instances, isolation: isolation,
            capacity: capacity, wholeGPUs: Int(random.next() % 3)))
      }
      let scopes: [FleetGroup.ConfigScope] = [.gpu, .node, .group]
      let hasDedicated = tenants.contains { $0.isolation == .dedicatedNodes }
      let scope = scopes[Int(random.next() % (hasDedicated ? 2 : 3))]
      let request = PlanRequest(
        fleet: [
          FleetGroup(
            name: "h", model: .h100SXM5_80GB, nodeCount: 8, gpusPerNode: 4,
            configScope: scope),
          FleetGroup(
            name: "a", model: .a100SXM4_80GB, nodeCount: 6, gpusPerNode: 2),
        ],
        tenants: tenants, timeLimitSeconds: 2,
        maxDistinctLayouts: round % 5 == 4 ? 6 : nil)
      let plan: Plan
      do {
        plan = try Planner.plan(request)
      } catch {
        continue
      }
      planned += 1
      Self.expectIsolationKept(plan, tenants)
      let whole = plan.wholeGPUs
      for tenant in tenants {
        let served = plan.served[tenant.name] ?? [:]
        for (name, count) in tenant.instances {
          #expect((served[name] ?? 0) >= count, "\(tenant.name) \(name)")
        }
        #expect((whole[tenant.name] ?? 0) == tenant.wholeGPUs)
        if let capacity = tenant.capacity {
          let got = plan.servedCapacity[tenant.name]
          #expect((got?.computeSlices ?? 0) >= capacity.computeSlices)
          #expect((got?.memoryGiB ?? 0) >= capacity.memoryGiB - 1e-9)
        }
      }
      for node in plan.nodes where scope == .node && node.group == "h" {
        let kinds = Set(
          node.gpus.map { $0.wholeFor != nil ? [:] : $0.profileCounts })
        #expect(kinds.count == 1, "\(node.name): \(kinds)")
      }
      #expect(plan.bound <= plan.value + 1e-9)
    }
    #expect(planned >= 20)
  }
}

@Suite struct OverlappingShareListTests {
  /// b shares with a and with c, but a and c not with each other: b's
  /// instances split between a GPU with a and a GPU with c (2 GPUs),
  /// where grouping b with a alone would take 3.
  @Test func aTenantBetweenTwoOthersSplitsItsInstances() throws {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "g", model: .h100SXM5_80GB, nodeCount: 1, gpusPerNode: 4)
      ],
      tenants: [
        TenantDemand(
          name: "a", instances: ["1g.10gb": 4], isolation: .onlyWith(["b"])),
        TenantDemand(
          name: "b", instances: ["1g.10gb": 6],
          isolation: .onlyWith(["a", "c"])),
        TenantDemand(
          name: "c", instances: ["1g.10gb": 4], isolation: .onlyWith(["b"])),
      ])
    let plan = try Planner.plan(request)
    #expect(plan.gpusUsed == 2)
    #expect(plan.isOptimal)
    #expect(plan.served["b"] == ["1g.10gb": 6])
    IsolationTests.expectIsolationKept(plan, request.tenants)
  }

  /// Random share lists over three tenants on one model: the fewest GPUs
  /// equal an exhaustive search over every assignment of instances to
  /// GPUs whose tenants pairwise may share.
  @Test func randomShareListsMatchBruteForce() throws {
    var random = Xoshiro256StarStar(seed: 31337)
    let names = ["a", "b", "c"]
    let model = GPUModel.h100SXM5_80GB
    let profiles = ["1g.10gb", "2g.20gb", "3g.40gb"]
    var checked = 0
    for _ in 0..<40 {
      var tenants: [TenantDemand] = []
      var items: [(profile: MIGProfile, tenant: Int)] = []
      for (t, name) in names.enumerated() {
        let others = names.filter { $0 != name && random.next() % 2 == 0 }
        let profile = profiles[Int(random.next() % 3)]
        let count = 1 + Int(random.next() % 3)
        tenants.append(
          TenantDemand(
            name: name, instances: [profile: count],
            isolation: .onlyWith(others)))
        items += Array(
          repeating: (model.profile(named: profile)!, t), count: count)
      }
      func mayShare(_ x: Int, _ y: Int) -> Bool {
        func allows(_ p: Int, _ q: Int) -> Bool {
          guard case .onlyWith(let list) = tenants[p].isolation else {
            return false
          }
          return list.contains(names[q])
        }
        return x == y || (allows(x, y) && allows(y, x))
      }
      // Exhaustive: the fewest bins, each a GPU that fits its profiles
      // and holds tenants that pairwise may share.
      var best = Int.max
      func search(_ i: Int, _ bins: [[(profile: MIGProfile, tenant: Int)]]) {
        if bins.count >= best { return }
        if i == items.count {
          best = bins.count
          return
        }
        let item = items[i]
        for b in bins.indices
        where bins[b].allSatisfy({ mayShare($0.tenant, item.tenant) })
          && BruteForce.fits(bins[b].map(\.profile) + [item.profile], on: model)
        {
          var next = bins
          next[b].append(item)
          search(i + 1, next)
        }
        search(i + 1, bins + [[item]])
      }
      search(0, [])
      let request = PlanRequest(
        fleet: [
          FleetGroup(name: "g", model: model, nodeCount: 2, gpusPerNode: 4)
        ],
        tenants: tenants)
      let plan = try Planner.plan(request)
      #expect(plan.gpusUsed == best, "\(tenants)")
      #expect(plan.isOptimal)
      IsolationTests.expectIsolationKept(plan, tenants)
      checked += 1
    }
    #expect(checked == 40)
  }
}
