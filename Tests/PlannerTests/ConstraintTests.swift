import MIGGeometry
import Planner
import RandomStreams
import Testing

/// Every instance-count vector over `names` (each count at most `caps`)
/// that fits one GPU of `model`, by the independent brute force.
private func fittingMixes(
  _ names: [String], caps: [Int], on model: GPUModel
) -> [[Int]] {
  var result: [[Int]] = []
  func walk(_ i: Int, _ counts: [Int]) {
    if i == names.count {
      if counts.contains(where: { $0 > 0 }) { result.append(counts) }
      return
    }
    for c in 0...caps[i] {
      let next = counts + [c]
      let instances = zip(names, next).flatMap { name, count in
        Array(repeating: model.profile(named: name)!, count: count)
      }
      guard BruteForce.fits(instances, on: model) else { break }
      walk(i + 1, next)
    }
  }
  walk(0, [])
  return result
}

/// Whether `layouts`, each on `perLayout` GPUs, hold `demand`.
private func covers(
  _ layouts: [[Int]], times perLayout: [Int], _ demand: [Int]
) -> Bool {
  demand.indices.allSatisfy { p in
    zip(layouts, perLayout).reduce(0) { $0 + $1.0[p] * $1.1 } >= demand[p]
  }
}

@Suite struct NodeScopeTests {
  /// One config on all of a node's GPUs: the fewest nodes whose layouts,
  /// each repeated on every GPU of its node, hold the demand; GPUs used
  /// are nodes × GPUs per node.
  @Test func oneLayoutPerNodeMatchesBruteForce() throws {
    var random = Xoshiro256StarStar(seed: 5150)
    var checked = 0
    for round in 0..<60 {
      let model = OptimalityTests.models[round % OptimalityTests.models.count]
      let demand = OptimalityTests.randomDemand(&random, model: model)
      let names = demand.keys.sorted()
      let want = names.map { demand[$0]! }
      let perNode = 2
      let mixes = fittingMixes(names, caps: want, on: model)
      var optimum: Int? = nil
      search: for nodes in 1...3 {
        // Multisets of `nodes` layouts, as non-decreasing index lists.
        func pick(_ from: Int, _ chosen: [Int]) -> Bool {
          if chosen.count == nodes {
            return covers(
              chosen.map { mixes[$0] },
              times: Array(repeating: perNode, count: nodes), want)
          }
          for i in from..<mixes.count where pick(i, chosen + [i]) {
            return true
          }
          return false
        }
        if pick(0, []) {
          optimum = nodes * perNode
          break search
        }
      }
      guard let optimum else { continue }
      let request = PlanRequest(
        fleet: [
          FleetGroup(
            name: "g", model: model, nodeCount: 3, gpusPerNode: perNode,
            configScope: .node)
        ],
        tenants: [TenantDemand(name: "t", instances: demand)])
      let plan = try Planner.plan(request)
      #expect(plan.gpusUsed == optimum, "\(model.name) \(demand)")
      #expect(plan.isOptimal)
      #expect(plan.bound <= Double(optimum) + 1e-9)
      #expect(plan.served["t"] == demand)
      for node in plan.nodes where node.isUsed {
        let layouts = Set(node.gpus.map(\.profileCounts))
        #expect(layouts.count == 1, "\(node.name): \(layouts)")
      }
      checked += 1
    }
    #expect(checked > 40)
  }

  /// Two tenants that may not share a GPU still share a node: each takes
  /// one GPU of the same layout.
  @Test func isolatedTenantsSplitOneNodesGPUs() throws {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "g", model: .h100SXM5_80GB, nodeCount: 2, gpusPerNode: 2,
          configScope: .node)
      ],
      tenants: [
        TenantDemand(name: "a", instances: ["1g.10gb": 2], isolation: .never),
        TenantDemand(name: "b", instances: ["1g.10gb": 1], isolation: .never),
      ])
    let plan = try Planner.plan(request)
    #expect(plan.gpusUsed == 2)
    #expect(plan.isOptimal)
    let used = plan.nodes.filter(\.isUsed)
    #expect(used.count == 1)
    let owners = used[0].gpus.map { Set($0.instances.map(\.tenant)) }
    #expect(Set(owners) == [["a"], ["b"]])
    #expect(Set(used[0].gpus.map(\.profileCounts)).count == 1)
  }
}

@Suite struct WholeGPUTests {
  /// Whole GPUs carry no instance, belong to one tenant, and add to the
  /// GPUs the instances need.
  @Test func wholeGPUsAreTheirTenantsAlone() throws {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "g", model: .h100SXM5_80GB, nodeCount: 2, gpusPerNode: 4)
      ],
      tenants: [
        TenantDemand(name: "train", instances: [:], wholeGPUs: 3),
        TenantDemand(name: "chat", instances: ["1g.10gb": 9]),
      ])
    let plan = try Planner.plan(request)
    #expect(plan.gpusUsed == 5)
    #expect(plan.value == 5)
    #expect(plan.isOptimal)
    #expect(plan.wholeGPUs == ["train": 3])
    #expect(plan.served["chat"] == ["1g.10gb": 9])
    // 5 GPUs of 7 slices; 3 whole and 9 one-slice instances serve 30.
    #expect(plan.idleSlices == 35 - 30)
    for node in plan.nodes {
      for gpu in node.gpus where gpu.wholeFor != nil {
        #expect(gpu.instances.isEmpty)
      }
    }
  }

  /// Whole GPUs come only from the models the tenant accepts.
  @Test func wholeGPUsComeFromAcceptedModels() throws {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "h", model: .h100SXM5_80GB, nodeCount: 1, gpusPerNode: 4,
          costPerGPU: 1),
        FleetGroup(
          name: "a", model: .a100SXM4_80GB, nodeCount: 1, gpusPerNode: 4,
          costPerGPU: 3),
      ],
      tenants: [
        TenantDemand(
          name: "train", instances: [:], wholeGPUs: 2,
          wholeGPUModels: [GPUModel.a100SXM4_80GB.name])
      ],
      objective: .lowestCost)
    let plan = try Planner.plan(request)
    #expect(plan.value == 6)
    for node in plan.nodes {
      let whole = node.gpus.count { $0.wholeFor != nil }
      #expect(node.group == "a" ? whole == 2 : whole == 0)
    }
  }

  /// A dedicated tenant's whole GPUs sit on its own nodes, and on a
  /// scope-node group whole GPUs need nodes with MIG disabled.
  @Test func dedicatedAndNodeScopeWholeGPUs() throws {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "g", model: .h100SXM5_80GB, nodeCount: 3, gpusPerNode: 2,
          configScope: .node)
      ],
      tenants: [
        TenantDemand(
          name: "train", instances: [:], isolation: .dedicatedNodes,
          wholeGPUs: 1),
        TenantDemand(name: "chat", instances: ["3g.40gb": 1], wholeGPUs: 1),
      ])
    let plan = try Planner.plan(request)
    // train: a node of its own (2 GPUs); chat: a node of 3g.40gb (2 GPUs,
    // the spare GPU laid out too) and one whole GPU on a disabled node.
    #expect(plan.gpusUsed == 5)
    #expect(plan.isOptimal)
    let trainNodes = plan.nodes.filter { $0.dedicatedTo == "train" }
    #expect(trainNodes.count == 1)
    for node in plan.nodes where node.isUsed {
      let kinds = Set(node.gpus.map { $0.wholeFor != nil || $0.isEmpty })
      #expect(kinds.count == 1, "\(node.name) mixes whole and MIG GPUs")
    }
  }

  @Test func tooFewGPUsOfTheAcceptedModelIsRefused() {
    let request = PlanRequest(
      fleet: [
        FleetGroup(
          name: "g", model: .h100SXM5_80GB, nodeCount: 1, gpusPerNode: 4)
      ],
      tenants: [TenantDemand(name: "train", instances: [:], wholeGPUs: 5)])
    #expect {
      try Planner.plan(request)
    } throws: { error in
      guard
        case .unservable(let tenant, let profile, let reason) =
          error as? PlanError
      else { return false }
      return tenant == "train" && profile == "whole GPUs"
        && reason.contains("5 are asked for")
    }
  }
}

@Suite struct CapacityDemandTests {
  /// Compute slices over allowed profiles: the planner's GPUs equal the
  /// best over every way to pick instances that hold the slices, each
  /// packed by brute force.
  @Test func computeSlicesMatchBruteForce() throws {
    var random = Xoshiro256StarStar(seed: 1312)
    let model = GPUModel.h100SXM5_80GB
    let allowedSets = [
      ["1g.10gb", "2g.20gb", "3g.40gb"], ["2g.20gb", "4g.40gb"],
      ["1g.20gb", "3g.40gb", "7g.80gb"],
    ]
    for round in 0..<18 {
      let allowed = allowedSets[round % allowedSets.count]
      let slices = 2 + Int(random.next() % 9)
      let fixed = OptimalityTests.randomDemand(&random, model: model)
      var best: Int? = nil
      var choice: [Int] = []
      func walk(_ i: Int) {
        if i == allowed.count {
          let got = zip(allowed, choice).reduce(0) {
            $0 + model.profile(named: $1.0)!.computeSlices * $1.1
          }
          guard got >= slices else { return }
          var all = fixed
          for (name, count) in zip(allowed, choice) where count > 0 {
            all[name, default: 0] += count
          }
          if let n = BruteForce.fewestGPUs(
            OptimalityTests.instances(all, model), on: model, limit: 6)
          {
            best = min(best ?? n, n)
          }
          return
        }
        let c = model.profile(named: allowed[i])!.computeSlices
        for count in 0...((slices + c - 1) / c) {
          choice.append(count)
          walk(i + 1)
          choice.removeLast()
        }
      }
      walk(0)
      guard let best else { continue }
      let request = PlanRequest(
        fleet: [
          FleetGroup(name: "g", model: model, nodeCount: 2, gpusPerNode: 4)
        ],
        tenants: [
          TenantDemand(
            name: "t", instances: fixed,
            capacity: CapacityDemand(computeSlices: slices, profiles: allowed))
        ])
      let plan = try Planner.plan(request)
      #expect(plan.gpusUsed == best, "\(fixed) + \(slices) of \(allowed)")
      #expect(plan.isOptimal)
      let served = plan.servedCapacity["t"]
      #expect((served?.computeSlices ?? 0) >= slices)
      #expect(
        plan.served["t"].map { row in
          fixed.allSatisfy { (row[$0.key] ?? 0) >= $0.value }
        } == true)
    }
  }

  /// Memory: 100 GiB from 2g.20gb or 3g.40gb instances of H100s. One GPU
  /// holds at most 80 GiB of them (two 3g.40gb, or one with two 2g.20gb),
  /// two GPUs hold 160: the plan takes two and holds at least 100.
  @Test func memoryIsHeldInFull() throws {
    let model = GPUModel.h100SXM5_80GB
    let request = PlanRequest(
      fleet: [
        FleetGroup(name: "g", model: model, nodeCount: 1, gpusPerNode: 8)
      ],
      tenants: [
        TenantDemand(
          name: "t", instances: [:],
          capacity: CapacityDemand(
            memoryGiB: 100, profiles: ["2g.20gb", "3g.40gb"]))
      ])
    let plan = try Planner.plan(request)
    let memory = plan.servedCapacity["t"]?.memoryGiB ?? 0
    #expect(memory >= 100)
    #expect(plan.gpusUsed == 2)
    #expect(plan.isOptimal)
  }
}

@Suite struct LayoutLimitTests {
  /// With at most one layout, every GPU has the same mix: the fewest GPUs
  /// are the best over fitting mixes of the most any profile needs.
  @Test func oneLayoutMatchesBruteForce() throws {
    var random = Xoshiro256StarStar(seed: 99)
    for round in 0..<40 {
      let model = OptimalityTests.models[round % OptimalityTests.models.count]
      let demand = OptimalityTests.randomDemand(&random, model: model)
      let names = demand.keys.sorted()
      let want = names.map { demand[$0]! }
      var best: Int? = nil
      for mix in fittingMixes(names, caps: want, on: model)
      where mix.allSatisfy({ $0 > 0 }) {
        let gpus = zip(want, mix).map { ($0 + $1 - 1) / $1 }.max()!
        best = min(best ?? gpus, gpus)
      }
      let request = PlanRequest(
        fleet: [
          FleetGroup(name: "g", model: model, nodeCount: 4, gpusPerNode: 4)
        ],
        tenants: [TenantDemand(name: "t", instances: demand)],
        maxDistinctLayouts: 1)
      guard let best, best <= 16 else {
        #expect(throws: PlanError.self) { try Planner.plan(request) }
        continue
      }
      let plan = try Planner.plan(request)
      #expect(plan.gpusUsed == best, "\(model.name) \(demand)")
      #expect(plan.isOptimal)
      let layouts = Set(
        plan.nodes.flatMap(\.gpus).filter { !$0.isEmpty }.map(\.profileCounts))
      #expect(layouts.count == 1)
    }
  }

  /// Two layouts: the best pair, each on as many GPUs as needed.
  @Test func twoLayoutsMatchBruteForce() throws {
    var random = Xoshiro256StarStar(seed: 2024)
    for round in 0..<24 {
      let model = OptimalityTests.models[round % OptimalityTests.models.count]
      var demand = OptimalityTests.randomDemand(&random, model: model)
      demand.merge(
        OptimalityTests.randomDemand(&random, model: model), uniquingKeysWith: +
      )
      let names = demand.keys.sorted()
      let want = names.map { demand[$0]! }
      let mixes = fittingMixes(names, caps: want, on: model)
      var best: Int? = nil
      for i in mixes.indices {
        for j in i..<mixes.count {
          for n in 0...8 {
            for m in 0...(8 - n)
            where covers([mixes[i], mixes[j]], times: [n, m], want) {
              best = min(best ?? (n + m), n + m)
            }
          }
        }
      }
      guard let best else { continue }
      let request = PlanRequest(
        fleet: [
          FleetGroup(name: "g", model: model, nodeCount: 4, gpusPerNode: 4)
        ],
        tenants: [TenantDemand(name: "t", instances: demand)],
        maxDistinctLayouts: 2)
      let plan = try Planner.plan(request)
      #expect(plan.gpusUsed == best, "\(model.name) \(demand)")
      #expect(plan.isOptimal)
      let layouts = Set(
        plan.nodes.flatMap(\.gpus).filter { !$0.isEmpty }.map(\.profileCounts))
      #expect(layouts.count <= 2)
    }
  }
}
