import ClusterModel
import MIGGeometry
import Planner
import Scenarios
import Simulation

extension PlanCommand {
  /// A planning request from a simulated scenario: the scenario's MIG
  /// pools of the mixed strategy as the fleet (each keeping one config on
  /// all its nodes, as a pool does; a single-strategy pool needs one
  /// profile per node and is left as it is), and each tenant's demand per
  /// profile at a percentile of its concurrent demand over the run
  /// (docs/planner.md).
  ///
  /// The planner never imports the simulator; this composition lives in
  /// the command.
  ///
  /// - Parameters:
  ///   - path: the scenario file.
  ///   - percentile: from 0 to 100.
  /// - Throws: `InputErrors` for a bad scenario; `CommandFailure` when it
  ///   has no MIG pool or no MIG demand.
  /// - Complexity: one simulation, plus O(j log j) for j jobs.
  static func request(fromScenario path: String, percentile: Double)
    throws -> PlanRequest
  {
    let scenario = try Scenario.load(path: path)
    var fleet: [FleetGroup] = []
    for pool in scenario.cluster.pools {
      guard case .mig(let mig) = pool.sharing, mig.strategy == .mixed,
        let model = GPUModel.named(pool.gpuModel)
      else { continue }
      fleet.append(
        FleetGroup(
          name: pool.name, model: model, nodeCount: pool.nodeCount,
          gpusPerNode: pool.gpuCount, sameConfigOnEveryNode: true))
    }
    guard !fleet.isEmpty else {
      throw CommandFailure(
        "'\(path)' has no MIG pool of the mixed strategy to plan")
    }
    let input = SimulationInput(
      cluster: scenario.cluster, demand: scenario.demand,
      jobLists: scenario.jobLists, settings: scenario.simulation,
      admission: scenario.admission)
    let simulation: ClusterSimulation
    do {
      simulation = try ClusterSimulation(input)
    } catch {
      throw InputErrors([
        InputError(
          at: SourceLocation(file: path, line: 1, column: 1),
          path: error.path, error.message)
      ])
    }
    let record = simulation.run()
    let demand = Self.percentileDemand(record, percentile: percentile)
    var tenants: [TenantDemand] = []
    for (index, tenant) in scenario.cluster.tenants.enumerated() {
      guard let instances = demand[index], !instances.isEmpty else {
        continue
      }
      let isolation: PlanIsolation
      switch tenant.isolation {
      case .none: isolation = .shared
      case .exclusiveGPUs: isolation = .never
      case .dedicatedNodes: isolation = .dedicatedNodes
      }
      tenants.append(
        TenantDemand(
          name: tenant.name, instances: instances, isolation: isolation))
    }
    guard !tenants.isEmpty else {
      throw CommandFailure(
        "no tenant of '\(path)' asked for MIG instances in the run")
    }
    return PlanRequest(fleet: fleet, tenants: tenants)
  }

  /// Per tenant index and profile, the number of instances that the
  /// tenant's jobs ask for at the given percentile of time: a job asks for
  /// pods × count instances from its arrival to its end (the horizon if
  /// it has not ended); rejected jobs ask for nothing. The value is the
  /// smallest level that the concurrent demand stays at or below for at
  /// least `percentile` % of the horizon. Levels of 0 are left out.
  ///
  /// - Complexity: O(j log j) for j jobs.
  static func percentileDemand(
    _ record: SimulationRecord, percentile: Double
  ) -> [Int: [String: Int]] {
    let horizon = max(1, record.horizonSeconds)
    var changes: [Int: [String: [(time: Int, delta: Int)]]] = [:]
    for job in record.jobs {
      if case .rejected = job.outcome { continue }
      guard case .migInstances(let profile, let count) = job.requests.gpu
      else { continue }
      let start = min(max(0, job.arrivalSeconds), horizon)
      let end = min(max(start, job.endSeconds ?? horizon), horizon)
      guard end > start else { continue }
      let amount = count * job.pods
      changes[job.tenant, default: [:]][profile, default: []] += [
        (start, amount), (end, -amount),
      ]
    }
    var result: [Int: [String: Int]] = [:]
    for (tenant, byProfile) in changes {
      for (profile, list) in byProfile {
        let sorted = list.sorted { ($0.time, $0.delta) < ($1.time, $1.delta) }
        var level = 0
        var last = 0
        var timeAt: [Int: Int] = [:]
        for change in sorted {
          timeAt[level, default: 0] += change.time - last
          last = change.time
          level += change.delta
        }
        timeAt[level, default: 0] += horizon - last
        let needed = Double(horizon) * percentile / 100
        var covered = 0
        var value = 0
        for key in timeAt.keys.sorted() {
          covered += timeAt[key] ?? 0
          value = key
          if Double(covered) >= needed - 1e-9 { break }
        }
        if value > 0 { result[tenant, default: [:]][profile] = value }
      }
    }
    return result
  }
}
