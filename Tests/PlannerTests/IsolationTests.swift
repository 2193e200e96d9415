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
        let isolation: PlanIsolation
        switch random.next() % 4 {
        case 0: isolation = .shared
        case 1:
          isolation = .onlyWith(names.filter { _ in random.next() % 2 == 0 })
        case 2: isolation = .never
        default: isolation = .dedicatedNodes
        }
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
        let nodeTenants = Set(node.gpus.flatMap { $0.instances.map(\.tenant) })
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
          for x in onGPU {
            for y in onGPU {
              #expect(mayShare(x, y), "\(node.name)/\(gpu.index)")
            }
          }
          #expect(node.model.isValid(gpu.instances.map(\.placement)))
        }
      }
      for tenant in tenants {
        #expect(plan.served[tenant.name] == tenant.instances)
      }
      #expect(plan.bound <= plan.value + 1e-9)
    }
  }
}
