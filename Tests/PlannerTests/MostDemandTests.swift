import MIGGeometry
import Planner
import Testing

@Suite struct MostDemandTests {
  @Test func theHeavierDemandWinsAFullFleet() throws {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "g", model: .h100SXM5_80GB, nodeCount: 1, gpusPerNode: 2)
      ],
      tenants: [
        TenantDemand(name: "a", instances: ["3g.40gb": 4], weight: 1),
        TenantDemand(name: "b", instances: ["7g.80gb": 2], weight: 3),
      ],
      objective: .mostWeightedDemand)
    let plan = try Planner.plan(request)
    // b: 2 × 7 slices × 3 = 42; a's four 3g would give 12.
    #expect(plan.value == 42)
    #expect(plan.bound == 42)
    #expect(plan.isOptimal)
    #expect(plan.served["b"] == ["7g.80gb": 2])
    #expect(plan.served["a"] == ["3g.40gb": 0])
  }

  @Test func whatFitsIsServedWithTheFewestGPUs() throws {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "g", model: .a100SXM4_40GB, nodeCount: 1, gpusPerNode: 3)
      ],
      tenants: [
        TenantDemand(name: "a", instances: ["1g.5gb": 7], weight: 1),
        TenantDemand(
          name: "b", instances: ["3g.20gb": 2], weight: 1, isolation: .never),
      ],
      objective: .mostWeightedDemand)
    let plan = try Planner.plan(request)
    #expect(plan.value == 13)
    #expect(plan.gpusUsed == 2)
    #expect(plan.isOptimal)
  }
}
