import ClusterModel
import RandomStreams
import Scenarios
import Scheduling
import Simulation
import Testing

/// Random scenarios: every sharing mode, taints, quotas with cohorts,
/// isolation, gangs, priorities, dynamic MIG and faults, checked against
/// the simulator's invariants after every event.
@Suite("Cluster simulation, randomized")
struct ClusterSimulationRandomizedTests {
  static let cases = 100

  @Test func invariantsHoldAfterEveryEventAndEveryJobIsAccountedFor()
    throws
  {
    for seed in 0..<UInt64(Self.cases) {
      let text = RandomScenario(seed: seed).yaml
      let decoded: Scenario
      do {
        decoded = try scenario(text)
      } catch {
        Issue.record("case \(seed): the generated scenario is invalid: \(error)\n\(text)")
        continue
      }
      let strategy = StrategyName.allCases[Int(seed) % StrategyName.allCases.count]
      let run = try simulate(decoded, strategy: strategy, intervals: true)
      #expect(
        run.invariantViolations.isEmpty,
        "case \(seed) (\(strategy)): \(run.invariantViolations.prefix(3))")
      let summary = SimulationSummary(run)
      #expect(
        summary.arrived
          == summary.finished + summary.running + summary.waiting
          + summary.rejected, "case \(seed)")
      for job in run.jobs {
        switch job.outcome {
        case .finished:
          #expect(
            (job.endSeconds ?? 0) - (job.lastStartSeconds ?? 0)
              == job.durationSeconds, "case \(seed): \(job.name)")
        case .rejected(let reason):
          #expect(!reason.isEmpty && job.firstStartSeconds == nil)
        case .running, .waiting: break
        }
        if let start = job.firstStartSeconds {
          #expect(start >= job.arrivalSeconds, "case \(seed): \(job.name)")
        }
      }
      for interval in run.intervals {
        #expect(interval.startSeconds <= interval.endSeconds)
        #expect(interval.endSeconds <= run.horizonSeconds)
      }
    }
  }

  @Test func theSameSeedGivesTheSameRunAndStrategiesSeeTheSameArrivals()
    throws
  {
    for seed in 0..<UInt64(30) {
      let decoded = try scenario(RandomScenario(seed: seed).yaml)
      let first = try simulate(decoded, strategy: .bestFit, checks: false)
      let again = try simulate(decoded, strategy: .bestFit, checks: false)
      #expect(first.jobs == again.jobs, "case \(seed)")
      #expect(first.timeline == again.timeline, "case \(seed)")
      #expect(first.events == again.events, "case \(seed)")
      let other = try simulate(decoded, strategy: .spread, checks: false)
      func arrivals(_ run: SimulationRecord) -> [String] {
        run.jobs.map {
          "\($0.name)@\($0.arrivalSeconds)+\($0.durationSeconds)/\($0.template)"
        }
      }
      #expect(arrivals(first) == arrivals(other), "case \(seed)")
    }
  }

  @Test func aNewTenantLeavesTheOtherTenantsDrawsUnchanged() throws {
    for seed in 0..<UInt64(20) {
      let decoded = try scenario(RandomScenario(seed: seed).yaml)
      var grown = decoded
      grown.cluster.tenants.append(Tenant(name: "newcomer"))
      grown.demand.generators.insert(
        WorkloadGenerator(
          name: "newcomer-jobs", tenant: "newcomer",
          source: .arrivals(
            .poisson(ratePerHour: 30),
            mix: [WeightedTemplate(template: decoded.demand.templates[0].name)])),
        at: 0)
      let before = try simulate(decoded, checks: false)
      let after = try simulate(grown, checks: false)
      func draws(_ run: SimulationRecord) -> [String] {
        run.jobs.filter { run.cluster.tenants[$0.tenant].name != "newcomer" }
          .map { "\($0.name)@\($0.arrivalSeconds)+\($0.durationSeconds)" }
      }
      #expect(draws(before) == draws(after), "case \(seed)")
    }
  }
}

/// A random but valid scenario, as YAML text.
struct RandomScenario {
  var yaml: String

  init(seed: UInt64) {
    var random = RandomStream(seed: seed, name: "test/random-scenario")
    func pick<T>(_ options: [T]) -> T {
      options[random.nextInt(below: options.count)]
    }
    func chance(_ p: Double) -> Bool { random.nextUnitInterval() < p }

    var lines = ["name: random-\(seed)", "pools:"]
    var requests: [String] = ["{memory: 1Gi}"]
    var tainted = false
    for p in 0..<(1 + random.nextInt(below: 3)) {
      let a100 = chance(0.5)
      let model = a100 ? "A100-SXM4-40GB" : "H100-SXM5-80GB"
      let small = a100 ? "1g.5gb" : "1g.10gb"
      let large = a100 ? "3g.20gb" : "3g.40gb"
      let sharing: String
      switch random.nextInt(below: 6) {
      case 0:
        sharing = "{mode: mig, layout: all-balanced}"
        requests += ["{mig: \(small)}", "{mig: \(large)}"]
      case 1:
        sharing = "{mode: mig, layout: all-\(small)}"
        requests += ["{mig: \(small)}", "{mig: \(large)}"]
      case 2:
        sharing = "{mode: timeSlicing, replicas: \(2 + random.nextInt(below: 3))}"
        requests.append("{timeSliceReplicas: 1}")
      case 3:
        sharing = "{mode: mps, clientLimit: \(2 + random.nextInt(below: 6))}"
        requests.append("{mpsClients: 1}")
      case 4:
        sharing = "fractional"
        requests += ["{milliGPU: 250}", "{milliGPU: 600}"]
      default:
        sharing = "exclusive"
        requests += ["{gpus: 1}", "{gpus: 2}"]
      }
      let taint = chance(0.3)
      tainted = tainted || taint
      lines.append(
        "  - {name: p\(p), nodeCount: \(1 + random.nextInt(below: 4)), "
          + "gpuModel: \(model), gpuCount: \(pick([1, 2, 4, 8])), cpu: 32, "
          + "memory: 256Gi, sharing: \(sharing)"
          + (taint ? ", taints: [{key: gpu, effect: NoSchedule}]" : "")
          + (chance(0.2)
            ? ", labels: {zone: z\(random.nextInt(below: 2))}" : "") + "}")
    }
    lines.append("cohorts: [{name: c}]")
    lines.append("tenants:")
    let tenants = 1 + random.nextInt(below: 3)
    for t in 0..<tenants {
      var tenant =
        "  - {name: t\(t), priorityClasses: {low: 1, high: 10}, "
        + "defaultPriorityClass: low"
      if chance(0.6) {
        tenant +=
          ", cohort: c, quota: {gpus: {nominal: \(1 + random.nextInt(below: 8)), "
          + "borrowingLimit: \(random.nextInt(below: 4))}}"
      }
      tenant += ", isolation: \(pick(["none", "none", "exclusiveGPUs", "dedicatedNodes"]))}"
      lines.append(tenant)
    }
    lines.append("templates:")
    for (i, request) in requests.enumerated() {
      let toleration =
        tainted && chance(0.8)
        ? ", tolerations: [{key: gpu, operator: Exists}]" : ""
      lines.append(
        "  - {name: r\(i), kind: \(pick(["training", "inference", "agent", "batch"])), "
          + "requests: \(request.dropLast()), cpu: \(1 + random.nextInt(below: 8))}"
          + toleration
          + (chance(0.15) ? ", gangSize: 2" : "")
          + (chance(0.2) ? ", priorityClass: high" : "")
          + (chance(0.1) ? ", nodeSelector: {zone: z0}" : "")
          + ", duration: {distribution: exponential, mean: "
          + "\(5 + random.nextInt(below: 55))m}}")
    }
    lines.append("workloads:")
    for t in 0..<tenants {
      var mix: [String] = []
      for _ in 0..<(1 + random.nextInt(below: 3)) {
        mix.append("r\(random.nextInt(below: requests.count))")
      }
      lines.append(
        "  - {name: w\(t), tenant: t\(t), arrival: {process: poisson, "
          + "ratePerHour: \(4 + random.nextInt(below: 20))}, "
          + "mix: [\(mix.joined(separator: ", "))]}")
    }
    var simulation =
      "simulation: {seed: \(seed), horizon: \(pick(["4h", "8h"])), "
      + "migReconfiguration: \(pick(["static", "dynamic"])), "
      + "reconfigurationTime: \(pick(["0s", "60s"]))"
    if chance(0.4) {
      simulation += ", faults: {nodeMTBF: 4h, nodeMTTR: 30m"
      if chance(0.5) { simulation += ", gpuFailuresPerHour: 0.02" }
      if chance(0.5) {
        simulation += ", rollingUpgrade: {batchSize: 1, upgradeTime: 20m, start: 1h}"
      }
      simulation += "}"
    }
    lines.append(simulation + "}")
    yaml = lines.joined(separator: "\n") + "\n"
  }
}
