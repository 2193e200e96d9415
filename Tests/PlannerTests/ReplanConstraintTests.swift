import MIGGeometry
import Planner
import Testing

/// Dedicated-nodes tenants, same-config groups and the capacity floor in
/// a replan.
@Suite struct ReplanConstraintTests {
  static func fleet(
    nodes: Int, gpus: Int, sameConfig: Bool = false
  ) -> [FleetGroup] {
    [
      FleetGroup(
        name: "h", model: .h100SXM5_80GB, nodeCount: nodes, gpusPerNode: gpus,
        sameConfigOnEveryNode: sameConfig)
    ]
  }

  /// Every node holding a dedicated tenant's instance is reserved for it
  /// and holds no other tenant's instance (idle instances aside).
  static func expectDedicatedNodesAlone(
    _ replan: Replan, dedicated: Set<String>, _ context: String = ""
  ) {
    for node in replan.plan.nodes {
      let tenants = Set(
        node.gpus.flatMap { $0.instances.map(\.tenant) }.filter {
          !$0.isEmpty
        })
      for tenant in tenants.intersection(dedicated) {
        #expect(node.dedicatedTo == tenant, "\(node.name) \(context)")
        #expect(tenants == [tenant], "\(node.name): \(tenants) \(context)")
      }
      if let owner = node.dedicatedTo {
        #expect(
          tenants.isSubset(of: [owner]), "\(node.name): \(tenants) \(context)")
      }
    }
  }

  /// h-0 holds 2 × 3g on each GPU, h-1 7 × 1g and an empty GPU, h-2
  /// nothing. Tenant a (shared) asks for 7 × 1g, d (dedicated nodes) for
  /// 3g.
  static func dedicatedRequest(threeG: Int) -> ReplanRequest {
    ReplanRequest(
      plan: PlanRequest(
        fleet: fleet(nodes: 3, gpus: 2),
        tenants: [
          TenantDemand(name: "a", instances: ["1g.10gb": 7]),
          TenantDemand(
            name: "d", instances: ["3g.40gb": threeG],
            isolation: .dedicatedNodes),
        ]),
      current: [
        "h-0": [["3g.40gb": 2], ["3g.40gb": 2]],
        "h-1": [["1g.10gb": 7], [:]],
      ],
      capacityFloor: 0)
  }

  @Test func aDedicatedTenantKeepsAWholeNodeUnchanged() throws {
    let replan = try Planner.replan(Self.dedicatedRequest(threeG: 4))
    #expect(replan.changedGPUs == 0)
    #expect(replan.steps.isEmpty)
    #expect(replan.plan.nodes[0].dedicatedTo == "d")
    #expect(replan.plan.served["d"] == ["3g.40gb": 4])
    Self.expectDedicatedNodesAlone(replan, dedicated: ["d"])
  }

  /// A fifth 3g cannot go on the empty GPU of h-1, which tenant a uses:
  /// it takes the empty node h-2 (1 GPU, 0 instances, 1 node).
  @Test func aDedicatedTenantGrowsOntoANodeOfItsOwn() throws {
    for minimize in ReplanObjective.allCases {
      var request = Self.dedicatedRequest(threeG: 5)
      request.minimize = minimize
      let replan = try Planner.replan(request)
      #expect(replan.changedGPUs == 1, "\(minimize)")
      #expect(replan.disturbedInstances == 0, "\(minimize)")
      #expect(replan.drainedNodes == ["h-2"], "\(minimize)")
      #expect(replan.plan.nodes[2].dedicatedTo == "d", "\(minimize)")
      #expect(replan.plan.served["d"] == ["3g.40gb": 5], "\(minimize)")
      #expect(replan.plan.served["a"] == ["1g.10gb": 7], "\(minimize)")
      Self.expectDedicatedNodesAlone(replan, dedicated: ["d"], "\(minimize)")
    }
  }

  @Test func dedicatedTenantsStayAloneOverRandomReplans() throws {
    var state: UInt64 = 11
    func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
    let profiles = ["1g.10gb", "2g.20gb", "3g.40gb", "7g.80gb"]
    func demand() -> [String: Int] {
      var counts: [String: Int] = [:]
      for _ in 0..<2 {
        counts[profiles[next(profiles.count)], default: 0] += 1 + next(3)
      }
      return counts
    }
    var replanned = 0
    for trial in 0..<20 {
      let isolations: [PlanIsolation] = [.shared, .dedicatedNodes, .never]
      func tenants() -> [TenantDemand] {
        isolations.enumerated().map {
          TenantDemand(
            name: "t\($0.offset)", instances: demand(), isolation: $0.element)
        }
      }
      let fleet = Self.fleet(nodes: 8, gpus: 2)
      guard
        let before = try? Planner.plan(
          PlanRequest(fleet: fleet, tenants: tenants()))
      else { continue }
      let current = Dictionary(
        uniqueKeysWithValues: before.nodes.map {
          ($0.name, $0.gpus.map(\.profileCounts))
        })
      let after = tenants()
      for minimize in ReplanObjective.allCases {
        let request = ReplanRequest(
          plan: PlanRequest(fleet: fleet, tenants: after), current: current,
          capacityFloor: 0, minimize: minimize)
        guard let replan = try? Planner.replan(request) else { continue }
        replanned += 1
        let context = "trial \(trial), \(minimize)"
        Self.expectDedicatedNodesAlone(replan, dedicated: ["t1"], context)
        for tenant in after {
          #expect(
            replan.plan.served[tenant.name] == tenant.instances, "\(context)")
        }
        for node in replan.plan.nodes {
          for gpu in node.gpus {
            #expect(node.model.isValid(gpu.instances.map(\.placement)))
            let owners = Set(gpu.instances.map(\.tenant)).subtracting([""])
            #expect(owners.count <= 1 || !owners.contains("t2"), "\(context)")
          }
        }
      }
    }
    #expect(replanned >= 30, "too few replans to judge: \(replanned)")
  }

  // MARK: - Same-config groups

  /// A same-config group of 3 nodes, each [2 × 3g, empty]. Nine 3g are
  /// asked for: three per node, so GPU 1 of every node is laid out anew
  /// (3 GPUs, 0 instances, 3 nodes) and the nodes stay alike.
  @Test func aSameConfigGroupChangesEveryNodeAlike() throws {
    let layout: [[String: Int]] = [["3g.40gb": 2], [:]]
    let request = ReplanRequest(
      plan: PlanRequest(
        fleet: Self.fleet(nodes: 3, gpus: 2, sameConfig: true),
        tenants: [TenantDemand(name: "t", instances: ["3g.40gb": 9])]),
      current: ["h-0": layout, "h-1": layout, "h-2": layout],
      capacityFloor: 0.5)
    for minimize in ReplanObjective.allCases {
      var asked = request
      asked.minimize = minimize
      let replan = try Planner.replan(asked)
      let layouts = replan.plan.nodes.map { $0.gpus.map(\.profileCounts) }
      #expect(Set(layouts).count == 1, "\(minimize): \(layouts)")
      #expect(layouts[0][0] == ["3g.40gb": 2], "\(minimize)")
      #expect(replan.changedGPUs == 3, "\(minimize)")
      #expect(replan.disturbedInstances == 0, "\(minimize)")
      #expect(replan.drainedNodes.count == 3, "\(minimize)")
      #expect(replan.plan.served["t"] == ["3g.40gb": 9], "\(minimize)")
      #expect(replan.bound == replan.value(of: minimize), "\(minimize)")
      // 18 slices now, floor 9: no step may drain more than one node.
      for step in replan.steps {
        #expect(step.capacityDuring >= replan.capacityFloorSlices)
      }
    }
  }

  @Test func aSameConfigGroupThatDiffersTodayIsRefused() throws {
    let request = ReplanRequest(
      plan: PlanRequest(
        fleet: Self.fleet(nodes: 2, gpus: 1, sameConfig: true),
        tenants: [TenantDemand(name: "t", instances: ["3g.40gb": 2])]),
      current: ["h-0": [["3g.40gb": 2]], "h-1": [["7g.80gb": 1]]])
    #expect {
      try Planner.replan(request)
    } throws: { error in
      guard case PlanError.invalidRequest(let reason) = error else {
        return false
      }
      return reason.contains("keeps one config on every node")
        && reason.contains("h-1 differs from h-0")
    }
  }

  // MARK: - Floor

  /// h-0 runs 2 × 3g and has an empty GPU (6 slices); h-1 runs one 1g
  /// on each GPU (2 slices, idle under the new demand). One 3g more fits
  /// the empty GPU of h-0 (0 instances disturbed) or a GPU of h-1 (1).
  /// Draining h-0 would leave 2 slices in service, below the floor of 4
  /// (50 % of 8), so h-0 is held in service and h-1 laid out, whatever
  /// is minimized.
  @Test func aNodeWhoseDrainBreaksTheFloorIsHeldInService() throws {
    for minimize in ReplanObjective.allCases {
      let replan = try Planner.replan(
        ReplanRequest(
          plan: PlanRequest(
            fleet: Self.fleet(nodes: 2, gpus: 2),
            tenants: [TenantDemand(name: "t", instances: ["3g.40gb": 3])]),
          current: [
            "h-0": [["3g.40gb": 2], [:]],
            "h-1": [["1g.10gb": 1], ["1g.10gb": 1]],
          ],
          capacityFloor: 0.5, minimize: minimize))
      #expect(replan.drainedNodes == ["h-1"], "\(minimize)")
      #expect(replan.changedGPUs == 1, "\(minimize)")
      #expect(replan.disturbedInstances == 1, "\(minimize)")
      #expect(replan.steps.map(\.capacityDuring) == [6], "\(minimize)")
    }
  }

  /// Four nodes of one GPU with 2 × 3g each (24 slices). Each must become
  /// 7g: every node is drained; with a floor of 50 % (12 slices) two go
  /// per step, with 75 % (18) one.
  @Test func theFloorDecidesHowManyNodesAStepDrains() throws {
    let layout: [[String: Int]] = [["3g.40gb": 2]]
    for (floor, perStep) in [(0.5, 2), (0.75, 1)] {
      let replan = try Planner.replan(
        ReplanRequest(
          plan: PlanRequest(
            fleet: Self.fleet(nodes: 4, gpus: 1),
            tenants: [TenantDemand(name: "t", instances: ["7g.80gb": 4])]),
          current: [
            "h-0": layout, "h-1": layout, "h-2": layout, "h-3": layout,
          ],
          capacityFloor: floor, minimize: .instances))
      #expect(replan.disturbedInstances == 8)
      #expect(replan.capacityBefore == 24)
      #expect(
        replan.steps.map(\.nodes.count)
          == Array(repeating: perStep, count: 4 / perStep))
      for step in replan.steps {
        #expect(step.capacityDuring >= replan.capacityFloorSlices)
      }
      #expect(replan.steps.last?.capacityAfter == 28)
    }
  }
}
