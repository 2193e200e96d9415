import MIGGeometry
import Planner
import RandomStreams
import Testing

@Suite struct OptimalityTests {
  static let models: [GPUModel] = [
    .a100SXM4_40GB, .h100SXM5_80GB, .a30, .h200_141GB,
  ]

  /// A random small demand: 1 to 3 profiles of a model, few instances.
  static func randomDemand(
    _ random: inout Xoshiro256StarStar, model: GPUModel
  ) -> [String: Int] {
    let profiles = model.availableProfiles(under: MIGRules())
    var demand: [String: Int] = [:]
    let kinds = 1 + Int(random.next() % 3)
    for _ in 0..<kinds {
      let profile = profiles[Int(random.next() % UInt64(profiles.count))]
      demand[profile.name, default: 0] += 1 + Int(random.next() % 4)
    }
    return demand
  }

  static func instances(_ demand: [String: Int], _ model: GPUModel)
    -> [MIGProfile]
  {
    demand.flatMap { name, count in
      Array(repeating: model.profile(named: name)!, count: count)
    }
  }

  @Test func fewestGPUsMatchesBruteForceOnSmallInstances() throws {
    var random = Xoshiro256StarStar(seed: 20261204)
    var checked = 0
    for round in 0..<160 {
      let model = Self.models[round % Self.models.count]
      let demand = Self.randomDemand(&random, model: model)
      guard
        let optimum = BruteForce.fewestGPUs(
          Self.instances(demand, model), on: model, limit: 6)
      else { continue }
      let request = PlanRequest(
        fleet: [
          FleetGroup(name: "g", model: model, nodeCount: 2, gpusPerNode: 4)
        ],
        tenants: [TenantDemand(name: "t", instances: demand)])
      let plan = try Planner.plan(request)
      #expect(
        plan.gpusUsed == optimum, "\(model.name) \(demand)")
      #expect(plan.value == Double(optimum))
      #expect(plan.isOptimal)
      #expect(plan.bound <= Double(optimum) + 1e-9)
      #expect(plan.served["t"] == demand)
      checked += 1
    }
    #expect(checked > 100)
  }

  @Test func isolatedTenantsCostTheSumOfTheirOwnOptima() throws {
    var random = Xoshiro256StarStar(seed: 77)
    for round in 0..<40 {
      let model = Self.models[round % Self.models.count]
      let a = Self.randomDemand(&random, model: model)
      let b = Self.randomDemand(&random, model: model)
      guard
        let optA = BruteForce.fewestGPUs(
          Self.instances(a, model), on: model, limit: 3),
        let optB = BruteForce.fewestGPUs(
          Self.instances(b, model), on: model, limit: 3)
      else { continue }
      let request = PlanRequest(
        fleet: [
          FleetGroup(name: "g", model: model, nodeCount: 3, gpusPerNode: 2)
        ],
        tenants: [
          TenantDemand(name: "a", instances: a, isolation: .never),
          TenantDemand(name: "b", instances: b, isolation: .never),
        ])
      let plan = try Planner.plan(request)
      #expect(plan.gpusUsed == optA + optB, "\(model.name) \(a) \(b)")
      #expect(plan.isOptimal)
      #expect(plan.bound <= Double(optA + optB))
    }
  }

  @Test func lowestCostPrefersTheCheaperModel() throws {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "h100", model: .h100SXM5_80GB, nodeCount: 1, gpusPerNode: 4,
          costPerGPU: 3),
        FleetGroup(
          name: "a100", model: .a100SXM4_80GB, nodeCount: 1, gpusPerNode: 4,
          costPerGPU: 2),
      ],
      tenants: [TenantDemand(name: "t", instances: ["3g.40gb": 4])],
      objective: .lowestCost)
    let plan = try Planner.plan(request)
    #expect(plan.value == 4)
    #expect(
      plan.gpusUsedByModel.first { $0.model == GPUModel.a100SXM4_80GB.name }?
        .gpus == 2)
    #expect(plan.isOptimal)
  }

  @Test func everyEmittedLayoutIsValidAndReachedByItsCreationOrder() throws {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "g", model: .a100SXM4_40GB, nodeCount: 2, gpusPerNode: 4)
      ],
      tenants: [
        TenantDemand(
          name: "t",
          instances: ["3g.20gb": 3, "1g.5gb": 6, "1g.10gb": 2, "1g.5gb+me": 2])
      ])
    let plan = try Planner.plan(request)
    for node in plan.nodes {
      for gpu in node.gpus where !gpu.isEmpty {
        let placements = gpu.instances.map(\.placement)
        #expect(node.model.isValid(placements))
        let replayed = DriverPlacementModel(model: node.model)
          .replay(placements.map(\.profileName))
        #expect(replayed == placements)
        #expect(placements.count { $0.profileName.hasSuffix("+me") } <= 1)
      }
    }
  }
}

@Suite struct HandExampleTests {
  /// The example of docs/planner.md, "Every number the command prints".
  @Test func theDocumentedFigures() throws {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "node", model: .h100SXM5_80GB, nodeCount: 1, gpusPerNode: 4)
      ],
      tenants: [
        TenantDemand(
          name: "a", instances: ["1g.10gb": 3, "2g.20gb": 2, "3g.40gb": 1]),
        TenantDemand(name: "b", instances: ["1g.10gb": 1], isolation: .never),
      ])
    let plan = try Planner.plan(request)
    #expect(plan.value == 3)
    #expect(plan.bound == 3)
    #expect(plan.gap == 0)
    #expect(plan.isOptimal)
    #expect(plan.idleSlices == 10)
    let baselines = Dictionary(
      uniqueKeysWithValues: plan.baselines.map { ($0.name, $0) })
    #expect(baselines["all-balanced"]?.gpus == 3)
    #expect(baselines["all-balanced"]?.idleSlices == 10)
    #expect(baselines["single-profile"]?.gpus == 4)
    #expect(baselines["single-profile"]?.idleSlices == 17)
    #expect(baselines["first-fit-decreasing"]?.gpus == 3)
  }
}

@Suite struct ExhaustiveSmallInstanceTests {
  /// Every multiset of up to three instances of every model's profiles
  /// (driver R580): the planner's GPUs equal the brute-force optimum and
  /// the plan is proven optimal with a bound at most the optimum.
  @Test func everyMixOfUpToThreeInstancesOfEveryModel() throws {
    var checked = 0
    for model in GPUModel.all {
      let profiles = model.availableProfiles(under: MIGRules())
      guard !profiles.isEmpty else { continue }
      // Non-decreasing index lists of length 1 to 3.
      var lists: [[Int]] = []
      func walk(_ from: Int, _ list: [Int]) {
        if !list.isEmpty { lists.append(list) }
        guard list.count < 3 else { return }
        for i in from..<profiles.count { walk(i, list + [i]) }
      }
      walk(0, [])
      for list in lists {
        let instances = list.map { profiles[$0] }
        guard
          let optimum = BruteForce.fewestGPUs(instances, on: model, limit: 3)
        else { continue }
        var demand: [String: Int] = [:]
        for profile in instances { demand[profile.name, default: 0] += 1 }
        let plan = try Planner.plan(
          PlanRequest(
            fleet: [
              FleetGroup(name: "g", model: model, nodeCount: 1, gpusPerNode: 3)
            ],
            tenants: [TenantDemand(name: "t", instances: demand)]))
        #expect(plan.gpusUsed == optimum, "\(model.name) \(demand)")
        #expect(plan.isOptimal && plan.bound <= Double(optimum) + 1e-9)
        checked += 1
      }
    }
    #expect(checked > 500)
  }
}
