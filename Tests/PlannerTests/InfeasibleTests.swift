import MIGGeometry
import Planner
import Testing

@Suite struct InfeasibleTests {
  static let fleet = [
    FleetGroup(name: "h", model: .h100SXM5_80GB, nodeCount: 1, gpusPerNode: 4)
  ]

  @Test func aProfileNoModelOffersIsRefusedByName() {
    let request = PlanRequest(
      fleet: Self.fleet,
      tenants: [TenantDemand(name: "t", instances: ["1g.5gb": 2])])
    #expect {
      try Planner.plan(request)
    } throws: { error in
      guard
        case PlanError.unservable(let tenant, let profile, let reason) = error
      else { return false }
      return tenant == "t" && profile == "1g.5gb"
        && reason.contains("no GPU model of the fleet")
        && reason.contains("1g.10gb")
    }
  }

  @Test func tooManyInstancesOfOneProfileAreRefusedWithTheCapacity() {
    let request = PlanRequest(
      fleet: Self.fleet,
      tenants: [TenantDemand(name: "t", instances: ["7g.80gb": 5])])
    #expect {
      try Planner.plan(request)
    } throws: { error in
      guard case PlanError.unservable(_, let profile, let reason) = error
      else { return false }
      return profile == "7g.80gb" && reason.contains("at most 4")
    }
  }

  @Test func demandThatFitsOnlyWithoutIsolationIsRefused() {
    // Three tenants of 3 × 3g fit 5 GPUs shared; alone ("never") each
    // needs 2 GPUs, 6 in all, and the fleet has 4.
    let request = PlanRequest(
      fleet: Self.fleet,
      tenants: [
        TenantDemand(name: "a", instances: ["3g.40gb": 3], isolation: .never),
        TenantDemand(name: "b", instances: ["3g.40gb": 3], isolation: .never),
        TenantDemand(name: "c", instances: ["3g.40gb": 2], isolation: .never),
      ])
    #expect {
      try Planner.plan(request)
    } throws: { error in
      guard case PlanError.doesNotFit(let reason) = error else { return false }
      return reason.contains("at least 5 GPUs")
        && reason.contains("fleet has 4")
    }
  }

  @Test func mediaExtensionsNeedOneGPUEach() throws {
    let request = PlanRequest(
      fleet: Self.fleet,
      tenants: [TenantDemand(name: "t", instances: ["1g.10gb+me": 3])])
    let plan = try Planner.plan(request)
    #expect(plan.gpusUsed == 3)
    #expect(plan.bound == 3)
  }
}
