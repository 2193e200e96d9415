import ClusterModel
import RandomStreams
import Scoring

/// Times every scoring metric on one synthetic week of a 1,600-GPU
/// cluster and prints the figures under a title.
///
/// Figures: the run's size (nodes, GPUs, tenants, jobs, allocation
/// intervals) and, per metric, the best of three evaluations in
/// milliseconds with the throughput in allocation intervals per second.
func benchmarkScoring() {
  print("== Scoring: one week, 200 nodes x 8 GPUs, 20 tenants ==")
  let observation = syntheticWeek(seed: 7, jobs: 50_000)
  print("nodes: \(observation.nodes.count), GPUs: \(observation.capacity.gpus)"
    + ", tenants: \(observation.tenants.count), jobs:"
    + " \(observation.jobs.count), intervals:"
    + " \(observation.allocations.count)")
  let scenario = SecurityScenario(
    compromisesPerHour: [.agent: 0.01, .batch: 0.001],
    detectionDelaySeconds: 900)
  let subjects: [(String, () -> Void)] = [
    ("utilization", { _ = observation.utilization() }),
    ("fragmentation", { _ = observation.fragmentation() }),
    ("waiting", { _ = observation.waiting() }),
    ("fairness", { _ = observation.fairness() }),
    ("isolation", { _ = observation.isolation() }),
    ("noisy neighbours", { _ = observation.noisyNeighbours() }),
    ("security exposure", { _ = observation.securityExposure(scenario) }),
  ]
  let clock = ContinuousClock()
  for (name, run) in subjects {
    var best = Duration.seconds(1_000)
    for _ in 0..<3 {
      let start = clock.now
      run()
      best = min(best, clock.now - start)
    }
    let seconds = Double(best.components.seconds)
      + Double(best.components.attoseconds) / 1e18
    let rate = Double(observation.allocations.count) / max(seconds, 1e-9)
    let shown = (seconds * 1_000_000).rounded() / 1000
    print("\(name): \(shown) ms, \(Int(rate)) intervals/s")
  }
}

/// A week of mixed work: MIG nodes (3g.20gb instances), MPS nodes and
/// exclusive nodes, jobs of 20 tenants arriving uniformly.
private func syntheticWeek(seed: UInt64, jobs count: Int) -> RunObservation {
  var random = RandomStream(seed: seed, name: "scoring-benchmark")
  let horizon = 7 * 24 * 3600
  let nodes = (0..<200).map { index in
    NodeFacts(
      name: "node-\(index)",
      gpus: (0..<8).map { gpu in
        GPUFacts(
          modelName: "a100-40gb", memoryMiB: 40960,
          isMIGEnabled: index % 3 == 0, pcieSwitch: gpu / 2)
      },
      cpuMilli: 128_000, hasNVLink: true, nvlinkDomain: index / 16)
  }
  var jobs: [JobRecord] = []
  var allocations: [AllocationInterval] = []
  for index in 0..<count {
    let tenant = random.nextInt(below: 20)
    let kind = WorkloadKind.allCases[random.nextInt(below: 4)]
    let arrival = random.nextInt(below: horizon - 3600)
    let start = arrival + random.nextInt(below: 600)
    let end = min(start + 60 + random.nextInt(below: 7200), horizon)
    jobs.append(JobRecord(
      name: "job-\(index)", tenant: tenant, kind: kind,
      arrivalSeconds: arrival, startSeconds: start, endSeconds: end,
      outcome: .finished,
      interference: InterferenceProfile(
        gpuBusyFraction: 0.2 + 0.8 * random.nextUnitInterval(),
        pcieIntensity: random.nextUnitInterval(),
        latencySensitive: kind == .inference)))
    let node = random.nextInt(below: nodes.count)
    let gpu = random.nextInt(below: 8)
    let hold: GPUHold
    switch node % 3 {
    case 0:
      let slot = random.nextInt(below: 2)
      hold = .mig(MIGInstanceHold(
        profileName: "3g.20gb", computeSlices: 3, memorySlices: 4,
        startMemorySlice: 4 * slot, gpuInstanceID: slot + 1))
    case 1: hold = .mps(clientLimit: 4)
    default: hold = .exclusive
    }
    allocations.append(AllocationInterval(
      job: index, node: node, gpu: gpu, hold: hold, gpuMemoryMiB: 10240,
      cpuMilli: 8000, startSeconds: start, endSeconds: end))
  }
  return RunObservation(
    horizonSeconds: horizon,
    tenants: (0..<20).map { TenantFacts(name: "t\($0)", nominalGPUs: 80) },
    nodes: nodes, jobs: jobs, allocations: allocations,
    waitTargetSeconds: [.inference: 60, .agent: 300],
    typicalPods: [
      TypicalPod(cpuMilli: 8000, gpuCount: 1, gpuMilliPerGPU: 500,
        weight: 3),
      TypicalPod(cpuMilli: 8000, gpuCount: 1, gpuMilliPerGPU: 1000,
        weight: 1),
    ],
    expectedMIGRequests: [MIGRequestShare("3g.20gb"),
      MIGRequestShare("1g.5gb")])
}
