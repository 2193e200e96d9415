import MIGGeometry
import Planner
import Scenarios
import Testing

@Suite struct ReplanTests {
  static func request(chat: Int, large: Int) -> PlanRequest {
    PlanRequest(
      fleet: [
        FleetGroup(
          name: "h", model: .h100SXM5_80GB, nodeCount: 4, gpusPerNode: 4)
      ],
      tenants: [
        TenantDemand(
          name: "chat", instances: ["1g.10gb": chat, "3g.40gb": large]),
        TenantDemand(
          name: "eval", instances: ["7g.80gb": 2], isolation: .never),
      ])
  }

  static func current(of plan: Plan) -> [String: [[String: Int]]] {
    Dictionary(
      uniqueKeysWithValues: plan.nodes.map { node in
        (node.name, node.gpus.map(\.profileCounts))
      })
  }

  @Test func theSameDemandChangesNothing() throws {
    let plan = try Planner.plan(Self.request(chat: 14, large: 4))
    let replan = try Planner.replan(
      ReplanRequest(
        plan: Self.request(chat: 14, large: 4), current: Self.current(of: plan))
    )
    #expect(replan.changedGPUs == 0)
    #expect(replan.steps.isEmpty)
    #expect(replan.plan.served["chat"] == ["1g.10gb": 14, "3g.40gb": 4])
  }

  @Test func moreDemandChangesFewGPUsAndKeepsTheFloor() throws {
    let plan = try Planner.plan(Self.request(chat: 14, large: 4))
    let grown = Self.request(chat: 14, large: 6)
    let replan = try Planner.replan(
      ReplanRequest(
        plan: grown, current: Self.current(of: plan), capacityFloor: 0.9))
    // One more GPU of 2 × 3g is enough; nothing else needs to move.
    #expect(replan.changedGPUs == 1)
    #expect(replan.bound == 1)
    #expect(replan.plan.isOptimal)
    #expect(replan.plan.served["chat"] == ["1g.10gb": 14, "3g.40gb": 6])
    #expect(replan.plan.served["eval"] == ["7g.80gb": 2])
    for step in replan.steps {
      #expect(step.capacityDuring >= replan.capacityFloorSlices)
    }
    // Every GPU the replan did not change keeps its instances.
    let before = Self.current(of: plan)
    var differing = 0
    for node in replan.plan.nodes {
      for gpu in node.gpus
      where gpu.profileCounts != (before[node.name]?[gpu.index] ?? [:]) {
        differing += 1
        #expect(replan.drainedNodes.contains(node.name))
      }
      for gpu in node.gpus {
        #expect(node.model.isValid(gpu.instances.map(\.placement)))
        let tenants = Set(gpu.instances.map(\.tenant)).subtracting([""])
        #expect(tenants.count <= 1 || !tenants.contains("eval"))
      }
    }
    #expect(differing == replan.changedGPUs)
  }

  @Test func aFloorNoOrderCanKeepIsRefused() throws {
    let plan = try Planner.plan(Self.request(chat: 14, large: 4))
    #expect {
      try Planner.replan(
        ReplanRequest(
          plan: Self.request(chat: 0, large: 26),
          current: Self.current(of: plan),
          capacityFloor: 1))
    } throws: { error in
      guard case PlanError.doesNotFit(let reason) = error else { return false }
      return reason.contains("below the floor")
    }
  }

  @Test func currentLayoutsComeFromThePlansOwnFileAndLabels() throws {
    let plan = try Planner.plan(Self.request(chat: 14, large: 4))
    let parted = plan.migParted
    let labels = try CurrentLayouts.parseLabels(
      text: parted.labelText, file: "labels")
    let layouts = try CurrentLayouts.layouts(
      of: parted.file, path: "plan.yaml",
      fleet: Self.request(chat: 0, large: 0).fleet,
      labels: labels)
    #expect(layouts == Self.current(of: plan))
  }
}

@Suite struct ReplanHandExampleTests {
  /// The example of docs/planner.md, "Minimal-change replan".
  @Test func theDocumentedExample() throws {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "h", model: .h100SXM5_80GB, nodeCount: 1, gpusPerNode: 4)
      ],
      tenants: [TenantDemand(name: "t", instances: ["3g.40gb": 3])])
    let current = ["h-0": [["3g.40gb": 2], [:], [:], [:]]]
    #expect {
      try Planner.replan(ReplanRequest(plan: request, current: current))
    } throws: { error in
      "\(error)".contains("below the floor of 5")
    }
    let replan = try Planner.replan(
      ReplanRequest(plan: request, current: current, capacityFloor: 0))
    #expect(replan.changedGPUs == 1)
    #expect(replan.bound == 1)
    #expect(replan.steps.map(\.nodes) == [["h-0"]])
    #expect(replan.steps.map(\.capacityDuring) == [0])
    #expect(replan.steps.map(\.capacityAfter) == [9])
    #expect(replan.totalSeconds == 60)
  }
}

@Suite struct ReplanSupportTests {
  /// What a replan does not model is refused by name, not planned wrong.
  @Test func unsupportedConstraintsAreRefusedByName() {
    let base = ReplanTests.request(chat: 4, large: 1)
    var cases: [(PlanRequest, String)] = []
    var capacity = base
    capacity.tenants[0].capacity = CapacityDemand(
      computeSlices: 4, profiles: ["1g.10gb"])
    cases.append((capacity, "capacity demands (tenant 'chat')"))
    var whole = base
    whole.tenants[1].wholeGPUs = 1
    cases.append((whole, "whole GPUs (tenant 'eval')"))
    var perNode = base
    perNode.fleet[0].configScope = .node
    cases.append((perNode, "configPer: node (group 'h')"))
    var kept = base
    kept.fleet[0].keptWholePerNode = 1
    cases.append((kept, "keepWhole (group 'h')"))
    var limited = base
    limited.maxDistinctLayouts = 2
    cases.append((limited, "a limit on distinct layouts"))
    for (request, what) in cases {
      #expect {
        try Planner.replan(ReplanRequest(plan: request, current: [:]))
      } throws: { error in
        guard case .invalidRequest(let text) = error as? PlanError else {
          return false
        }
        return text.contains("does not support \(what)")
      }
    }
  }
}
