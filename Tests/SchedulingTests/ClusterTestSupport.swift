import ClusterModel
import MIGGeometry
@testable import Scheduling

// Tiny builders for hand-made clusters.

let a100 = "NVIDIA-A100-SXM4-40GB"

func pool(
  _ name: String, nodes: Int = 1, gpus: Int = 4,
  sharing: GPUSharing = .exclusive, taints: [Taint] = [],
  labels: [String: String] = [:], cpuMilli: Int = 64_000,
  memoryMiB: Int = 512_000
) -> NodePool {
  NodePool(
    name: name, nodeCount: nodes, gpuModel: a100, gpuCount: gpus,
    cpuMilli: cpuMilli, memoryMiB: memoryMiB, labels: labels,
    taints: taints, sharing: sharing)
}

func nodeWithTaints(_ name: String, _ taints: [Taint]) -> NodePool {
  pool(name, taints: taints)
}

/// A MIG sharing mode whose every GPU has `layout`, written
/// `3g.20gb@0 1g.5gb@4`.
func migGPU(_ layout: String) -> GPUSharing {
  let specs = layout.split(separator: " ").map { item in
    let parts = item.split(separator: "@")
    return MIGPlacementSpec(
      profile: String(parts[0]), startSlice: Int(parts[1]) ?? 0)
  }
  return .mig(MIGSharing(layouts: [.placements(specs)]))
}

func cluster(_ pools: NodePool..., tenants: [Tenant] = [Tenant(name: "a")])
  -> Cluster
{
  Cluster(pools: pools, tenants: tenants)
}

func request(
  _ gpu: GPURequest = .none, cpuMilli: Int = 1_000, memoryMiB: Int = 1_024,
  tenant: Int = 0, tolerations: [Toleration] = [],
  placement: NodePlacement = NodePlacement()
) -> PodRequest {
  PodRequest(
    gpu: gpu, cpuMilli: cpuMilli, memoryMiB: memoryMiB,
    tolerations: tolerations, placement: placement, tenant: tenant)
}

/// A small seeded generator for randomized tests.
struct TestRandom {
  var state: UInt64
  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
