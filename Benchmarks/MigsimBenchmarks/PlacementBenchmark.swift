import ClusterModel
import Foundation
import RandomStreams
import Scheduling

/// Measures the general cluster scheduler: the cost of one decision plus
/// bind, and one release, at 1k, 10k and 100k GPUs (8 GPUs per node), for
/// every strategy on a MIG pool and a whole-GPU pool held near 80 %
/// occupancy.
///
/// Each cell fills the cluster with the strategy to 80 % of its GPU units,
/// then performs 20,000 steps of one placement (a random request of the
/// mix) and one release (a random live pod), and reports nanoseconds per
/// step (place + release).
func benchmarkPlacement() {
  let sizes = [1_000, 10_000, 100_000]
  let steps = 20_000
  print("== placement: ns per place+release at ~80 % occupancy "
    + "(\(steps) steps, 8 GPUs/node)")
  let header = "strategy".padding(toLength: 22, withPad: " ", startingAt: 0)
    + "pool       " + sizes.map { cell("\($0 / 1000)k GPUs") }.joined()
  print(header)
  for strategy in StrategyName.allCases {
    for kind in ["mig", "whole-gpu"] {
      var line = strategy.rawValue.padding(
        toLength: 22, withPad: " ", startingAt: 0)
        + kind.padding(toLength: 11, withPad: " ", startingAt: 0)
      for gpus in sizes {
        let ns = measure(strategy, mig: kind == "mig", gpus: gpus, steps: steps)
        line += cell(String(format: "%.0f", ns))
      }
      print(line)
    }
  }
}

private func cell(_ text: String) -> String {
  String(repeating: " ", count: max(0, 12 - text.count)) + text
}

/// One benchmark cell: ns per place+release.
private func measure(_ strategy: StrategyName, mig: Bool, gpus: Int,
  steps: Int) -> Double
{
  let nodes = gpus / 8
  let layout = MIGLayoutSpec.placements([
    .init(profile: "2g.10gb", startSlice: 0),
    .init(profile: "1g.5gb", startSlice: 2),
    .init(profile: "1g.5gb", startSlice: 3),
    .init(profile: "3g.20gb", startSlice: 4),
  ])
  let pool = NodePool(
    name: "bench", nodeCount: nodes, gpuModel: "NVIDIA-A100-SXM4-40GB",
    gpuCount: 8, cpuMilli: 1_000_000, memoryMiB: 4_000_000,
    sharing: mig ? .mig(MIGSharing(layouts: [layout])) : .exclusive)
  let cluster = Cluster(pools: [pool], tenants: [
    Tenant(name: "t0"), Tenant(name: "t1"), Tenant(name: "t2"),
    Tenant(name: "t3"),
  ])
  var scheduler = ClusterScheduler(
    cluster: cluster, strategy: strategy, seed: 11,
    mix: ExpectedMix(migProfiles: ["1g.5gb": 2, "2g.10gb": 1, "3g.20gb": 1]))
  let gpuKinds: [GPURequest] = mig
    ? [.migInstances(profile: "1g.5gb", count: 1),
      .migInstances(profile: "1g.5gb", count: 1),
      .migInstances(profile: "2g.10gb", count: 1),
      .migInstances(profile: "3g.20gb", count: 1)]
    : [.wholeGPUs(1), .wholeGPUs(1), .wholeGPUs(1), .wholeGPUs(2)]
  var requests: [PodRequest] = []
  for tenant in 0..<4 {
    for gpu in gpuKinds {
      var r = PodRequest(
        gpu: gpu, cpuMilli: 4_000, memoryMiB: 16_384, tenant: tenant)
      scheduler.state.intern(&r)
      requests.append(r)
    }
  }
  var stream = RandomStream(seed: 5, name: "bench/placement")
  var live: [PodID] = []
  var next = 0
  // Units per GPU: MIG instances (4 per GPU) or whole GPUs.
  let target = (mig ? 4 : 1) * gpus * 8 / 10
  var held = 0
  var unitsOf: [PodID: Int] = [:]
  func units(_ r: PodRequest) -> Int {
    if case .wholeGPUs(let n) = r.gpu { return n }
    return 1
  }
  while held < target {
    let r = requests[stream.nextInt(below: requests.count)]
    if scheduler.place(next, r).node == nil { break }
    live.append(next)
    unitsOf[next] = units(r)
    held += units(r)
    next += 1
  }
  let clock = ContinuousClock()
  let start = clock.now
  for _ in 0..<steps {
    let r = requests[stream.nextInt(below: requests.count)]
    if scheduler.place(next, r).node != nil {
      live.append(next)
    }
    next += 1
    let victim = stream.nextInt(below: live.count)
    live.swapAt(victim, live.count - 1)
    scheduler.release(live.removeLast())
  }
  let elapsed = clock.now - start
  let seconds = Double(elapsed.components.seconds)
    + Double(elapsed.components.attoseconds) * 1e-18
  return seconds * 1e9 / Double(steps)
}
