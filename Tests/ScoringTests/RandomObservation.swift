import ClusterModel
import RandomStreams

@testable import Scoring

/// A random run: `jobs` jobs of `tenantCount` tenants on `nodeCount`
/// two-GPU nodes over 1000 s; `nodeOf(tenant, draw)` picks each job's
/// node, so that tests can confine tenants.
func randomObservation(
  seed: UInt64, tenantCount: Int = 3, nodeCount: Int = 6, jobs: Int = 40,
  reachability: Reachability? = nil,
  nodeOf: (Int, inout RandomStream) -> Int
) -> RunObservation {
  var random = RandomStream(seed: seed, name: "scoring-tests")
  var records: [JobRecord] = []
  var allocations: [AllocationInterval] = []
  let holds: [GPUHold] = [
    .exclusive, .mps(clientLimit: 4), .timeSlice(replicas: 2),
    .fraction(milli: 300),
    migHold("3g.20gb", compute: 3, memory: 4, start: 0, instance: 1),
  ]
  for job in 0..<jobs {
    let tenant = random.nextInt(below: tenantCount)
    let start = random.nextInt(below: 900)
    let end = start + 1 + random.nextInt(below: 300)
    records.append(ranJob(
      "j\(job)", tenant: tenant,
      kind: WorkloadKind.allCases[random.nextInt(below: 4)],
      arrival: max(0, start - random.nextInt(below: 50)), start: start,
      end: end,
      profile: profile(
        u: 0.2 + 0.8 * random.nextUnitInterval(),
        m: random.nextUnitInterval(), pcie: random.nextUnitInterval(),
        latencySensitive: random.nextInt(below: 2) == 0)))
    let node = nodeOf(tenant, &random)
    let hold = holds[random.nextInt(below: holds.count)]
    allocations.append(.init(
      job: job, node: node, gpu: random.nextInt(below: 2), hold: hold,
      cpuMilli: 4000, startSeconds: start, endSeconds: end))
  }
  return RunObservation(
    horizonSeconds: 1000, tenants: tenants(tenantCount),
    reachability: reachability,
    nodes: (0..<nodeCount).map { node("n\($0)") }, jobs: records,
    allocations: allocations)
}

/// Reachability where every tenant reaches only itself.
func denyAll(_ count: Int) -> Reachability {
  Reachability(allows: (0..<count).map { source in
    (0..<count).map { $0 == source }
  })
}
