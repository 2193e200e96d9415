import MIGGeometry
import Planner
import Testing

/// The three figures of a replan and the objective over them, checked by
/// hand on small fleets and by exhaustive search over which GPUs change.
@Suite struct ReplanObjectiveTests {
  static func fleet(nodes: Int, gpus: Int) -> [FleetGroup] {
    [
      FleetGroup(
        name: "h", model: .h100SXM5_80GB, nodeCount: nodes, gpusPerNode: gpus)
    ]
  }

  /// One node of three GPUs: 7 × 1g, then two GPUs of one 3g each. Four
  /// 3g are asked for. Re-laying out the 1g GPU as 2 × 3g changes 1 GPU
  /// and disturbs 7 instances; re-laying out both 3g GPUs as 2 × 3g
  /// changes 2 GPUs and disturbs 2. No GPU is empty, so either way the
  /// one node is drained.
  static let twoWays = ReplanRequest(
    plan: PlanRequest(
      fleet: fleet(nodes: 1, gpus: 3),
      tenants: [TenantDemand(name: "t", instances: ["3g.40gb": 4])]),
    current: ["h-0": [["1g.10gb": 7], ["3g.40gb": 1], ["3g.40gb": 1]]],
    capacityFloor: 0)

  @Test func fewestGPUsAndFewestInstancesPickDifferentGPUs() throws {
    var request = Self.twoWays
    let gpus = try Planner.replan(request)
    #expect(gpus.changedGPUs == 1)
    #expect(gpus.disturbedInstances == 7)
    #expect(gpus.drainedNodes == ["h-0"])
    #expect(gpus.bound == 1)
    #expect(gpus.plan.nodes[0].gpus[0].profileCounts == ["3g.40gb": 2])

    request.minimize = .instances
    let instances = try Planner.replan(request)
    #expect(instances.changedGPUs == 2)
    #expect(instances.disturbedInstances == 2)
    #expect(instances.bound == 2)
    #expect(instances.gap == 0)
    #expect(instances.plan.nodes[0].gpus[0].profileCounts == ["1g.10gb": 7])
    for replan in [gpus, instances] {
      #expect(replan.plan.served["t"] == ["3g.40gb": 4])
    }
  }

  /// Two nodes alike: 7 × 1g (serving), an empty GPU and a GPU of one
  /// 3g (idle). Two 7g more are asked for. Fewest GPUs: the two empty
  /// GPUs, one per node (2 GPUs, 0 instances, 2 nodes). Fewest nodes:
  /// the empty GPU and the 3g GPU of one node (2 GPUs, 1 instance, 1
  /// node).
  @Test func fewestNodesPutsChangesOnOneNode() throws {
    let node: [[String: Int]] = [["1g.10gb": 7], [:], ["3g.40gb": 1]]
    let request = ReplanRequest(
      plan: PlanRequest(
        fleet: Self.fleet(nodes: 2, gpus: 3),
        tenants: [
          TenantDemand(name: "t", instances: ["1g.10gb": 14, "7g.80gb": 2])
        ]),
      current: ["h-0": node, "h-1": node], capacityFloor: 0)
    var byNodes = request
    byNodes.minimize = .nodes
    let gpus = try Planner.replan(request)
    let nodes = try Planner.replan(byNodes)
    #expect(gpus.changedGPUs == 2)
    #expect(gpus.disturbedInstances == 0)
    #expect(gpus.drainedNodes.count == 2)
    #expect(nodes.drainedNodes.count == 1)
    #expect(nodes.changedGPUs == 2)
    #expect(nodes.disturbedInstances == 1)
    #expect(nodes.bound == 1)
    #expect(nodes.gap == 0)
    for replan in [gpus, nodes] {
      #expect(replan.plan.served["t"] == ["1g.10gb": 14, "7g.80gb": 2])
    }
  }

  // MARK: - Exhaustive check

  /// Valid H100 mixes today's GPUs are drawn from.
  static let mixes: [[String: Int]] = [
    [:], ["1g.10gb": 7], ["3g.40gb": 2], ["3g.40gb": 1], ["7g.80gb": 1],
    ["2g.20gb": 3], ["4g.40gb": 1], ["1g.10gb": 4, "3g.40gb": 1],
  ]

  /// The best figures in `order` over every set of GPUs to change: the
  /// unchanged GPUs serve their instances (one tenant, so all of them
  /// count), and the rest of the demand must fit on the changed GPUs
  /// (`BruteForce.fewestGPUs`). Nil when no set serves the demand.
  static func bruteForce(
    current: [[[String: Int]]], demand: [String: Int],
    order: [ReplanObjective]
  ) -> [Int]? {
    let model = GPUModel.h100SXM5_80GB
    let slots = current.indices.flatMap { n in
      current[n].indices.map { (node: n, gpu: $0) }
    }
    var best: [Int]? = nil
    var fewest: [[String]: Int?] = [:]
    for subset in 0..<(1 << slots.count) {
      var left = demand
      var figures: [ReplanObjective: Int] = [.gpus: 0, .instances: 0]
      var touched = Set<Int>()
      for (i, slot) in slots.enumerated() {
        let mix = current[slot.node][slot.gpu]
        if subset & (1 << i) != 0 {
          figures[.gpus, default: 0] += 1
          figures[.instances, default: 0] += mix.values.reduce(0, +)
          touched.insert(slot.node)
        } else {
          for (name, count) in mix {
            left[name] = max(0, (left[name] ?? 0) - count)
          }
        }
      }
      figures[.nodes] = touched.count
      let names = left.keys.sorted().flatMap {
        Array(repeating: $0, count: left[$0] ?? 0)
      }
      let need: Int?
      if let known = fewest[names] {
        need = known
      } else {
        need = BruteForce.fewestGPUs(
          names.compactMap { model.profile(named: $0) }, on: model,
          limit: slots.count)
        fewest[names] = need
      }
      guard let need, need <= figures[.gpus] ?? 0 else { continue }
      let key = order.map { figures[$0] ?? 0 }
      if best.map({ key.lexicographicallyPrecedes($0) }) ?? true {
        best = key
      }
    }
    return best
  }

  @Test func everyObjectiveMatchesExhaustiveSearchOnSmallFleets() throws {
    var state: UInt64 = 7
    func next(_ bound: Int) -> Int {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      return Int((state >> 33) % UInt64(bound))
    }
    for trial in 0..<40 {
      let nodes = 1 + next(2)
      let gpus = 2 + next(2)
      let current = (0..<nodes).map { _ in
        (0..<gpus).map { _ in Self.mixes[next(Self.mixes.count)] }
      }
      var demand: [String: Int] = [:]
      for (name, most) in [
        ("1g.10gb", 9), ("2g.20gb", 4), ("3g.40gb", 5), ("7g.80gb", 2),
      ] {
        let count = next(most)
        if count > 0 { demand[name] = count }
      }
      if demand.isEmpty { demand["3g.40gb"] = 1 }
      var layouts: [String: [[String: Int]]] = [:]
      for n in 0..<nodes { layouts["h-\(n)"] = current[n] }
      for minimize in ReplanObjective.allCases {
        let request = ReplanRequest(
          plan: PlanRequest(
            fleet: Self.fleet(nodes: nodes, gpus: gpus),
            tenants: [TenantDemand(name: "t", instances: demand)]),
          current: layouts, capacityFloor: 0, minimize: minimize)
        let expected = Self.bruteForce(
          current: current, demand: demand, order: minimize.order)
        let context = "trial \(trial), \(minimize): \(current) → \(demand)"
        guard let expected else {
          #expect(throws: PlanError.self, "\(context)") {
            try Planner.replan(request)
          }
          continue
        }
        let replan = try Planner.replan(request)
        #expect(
          minimize.order.map { replan.value(of: $0) } == expected,
          "\(context)")
        #expect(replan.plan.isOptimal, "\(context)")
        #expect(replan.gap == 0, "\(context)")
        #expect(replan.plan.served["t"] == demand, "\(context)")
      }
    }
  }
}
