import ClusterModel
import Reports
import Scoring

/// A small synthetic comparison for report tests: `seeds` runs of three
/// placements of the same 60 jobs of four tenants on four two-GPU nodes.
///
/// - `dedicated`: each tenant on its own node, time-sliced GPUs.
/// - `mig-packed`: all tenants packed onto MIG instances.
/// - `mps-packed`: all tenants packed onto MPS clients.
func sampleStrategies(seeds: Int = 3) -> [StrategyResult] {
  let names = ["agents", "training", "serving", "batch <&> \"x\""]
  return ["dedicated", "mig-packed", "mps-packed"].map { strategy in
    let observations = (0..<seeds).map {
      sampleObservation(strategy: strategy, seed: UInt64($0), names: names)
    }
    return StrategyResult(
      label: strategy,
      scores: observations.map {
        RunScore($0, security: SecurityScenario(
          compromisesPerHour: [.agent: 0.01], detectionDelaySeconds: 600))
      },
      observation: observations[0])
  }
}

private func sampleObservation(strategy: String, seed: UInt64, names: [String])
  -> RunObservation
{
  var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
  func draw(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(bound))
  }
  let nodes = (0..<4).map {
    NodeFacts(
      name: "node-\($0)",
      gpus: Array(repeating: GPUFacts(
        modelName: "a100-40gb", memoryMiB: 40960,
        isMIGEnabled: strategy == "mig-packed"), count: 2),
      cpuMilli: 32000)
  }
  var jobs: [JobRecord] = []
  var allocations: [AllocationInterval] = []
  let horizon = 8 * 3600
  for index in 0..<60 {
    let tenant = index % 4
    let arrival = draw(horizon - 3600)
    let wait = strategy == "dedicated" ? draw(1800) : draw(300)
    let start = arrival + wait
    let end = min(start + 600 + draw(5400), horizon)
    let kind: WorkloadKind = [.agent, .training, .inference, .batch][tenant]
    jobs.append(JobRecord(
      name: "job-\(index)", tenant: tenant, kind: kind,
      arrivalSeconds: arrival, startSeconds: start,
      endSeconds: end < horizon ? end : nil,
      outcome: end < horizon ? .finished : .running,
      interference: InterferenceProfile(
        gpuBusyFraction: 0.3 + 0.1 * Double(draw(7)),
        latencySensitive: kind == .inference)))
    let node: Int
    let hold: GPUHold
    switch strategy {
    case "dedicated":
      node = tenant
      hold = .timeSlice(replicas: 4)
    case "mig-packed":
      node = draw(2)
      let slot = draw(2)
      hold = .mig(MIGInstanceHold(
        profileName: "3g.20gb", computeSlices: 3, memorySlices: 4,
        startMemorySlice: 4 * slot, gpuInstanceID: slot + 1))
    default:
      node = draw(2)
      hold = .mps(clientLimit: 4)
    }
    allocations.append(AllocationInterval(
      job: index, node: node, gpu: draw(2), hold: hold,
      gpuMemoryMiB: 10240, cpuMilli: 4000, startSeconds: start,
      endSeconds: end))
  }
  return RunObservation(
    horizonSeconds: horizon,
    tenants: names.map { TenantFacts(name: $0, nominalGPUs: 2) },
    reachability: Reachability(
      names: names,
      policies: [.defaultDeny, .defaultDeny, .allowAll, .defaultDeny]),
    nodes: nodes, jobs: jobs, allocations: allocations,
    waitTargetSeconds: [.inference: 120, .agent: 300],
    expectedMIGRequests: [MIGRequestShare("3g.20gb")])
}
