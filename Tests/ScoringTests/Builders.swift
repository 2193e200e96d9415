import ClusterModel

@testable import Scoring

/// An A100-40GB: 7 compute slices, 8 memory slices, 40960 MiB.
func a100(mig: Bool = false, pcieSwitch: Int? = nil) -> GPUFacts {
  GPUFacts(
    modelName: "a100-40gb", computeSlices: 7, memorySlices: 8,
    memoryMiB: 40960, isMIGEnabled: mig, pcieSwitch: pcieSwitch)
}

/// A node with `gpus` A100s and `cpuMilli` CPU.
func node(
  _ name: String = "n", gpus: Int = 2, mig: Bool = false,
  cpuMilli: Int = 64000, hasNVLink: Bool = false, domain: Int? = nil,
  pcieSwitch: Int? = nil
) -> NodeFacts {
  NodeFacts(
    name: name,
    gpus: Array(repeating: a100(mig: mig, pcieSwitch: pcieSwitch),
      count: gpus),
    cpuMilli: cpuMilli, hasNVLink: hasNVLink, nvlinkDomain: domain)
}

/// A job that ran from `start` to `end` and finished.
func ranJob(
  _ name: String, tenant: Int = 0, kind: WorkloadKind = .training,
  arrival: Int = 0, start: Int, end: Int,
  profile: InterferenceProfile = InterferenceProfile()
) -> JobRecord {
  JobRecord(
    name: name, tenant: tenant, kind: kind, arrivalSeconds: arrival,
    startSeconds: start, endSeconds: end, outcome: .finished,
    interference: profile)
}

/// A profile with busy fraction `u`, bandwidth `m` and PCIe `pcie`.
func profile(
  u: Double = 1, m: Double = 0.5, pcie: Double = 0,
  cpu: InterferenceProfile.CPUClass = .light, phi: Double = 0.3,
  latencySensitive: Bool = false
) -> InterferenceProfile {
  InterferenceProfile(
    gpuBusyFraction: u, memoryBandwidthIntensity: m, pcieIntensity: pcie,
    cpuClass: cpu, communicationFraction: phi,
    latencySensitive: latencySensitive)
}

/// `count` tenants with `nominalGPUs` each.
func tenants(_ count: Int, nominalGPUs: Double = 1) -> [TenantFacts] {
  (0..<count).map { TenantFacts(name: "t\($0)", nominalGPUs: nominalGPUs) }
}

/// A MIG hold of `profile` at memory slice `start`.
func migHold(
  _ profile: String, compute: Int, memory: Int, start: Int, instance: Int
) -> GPUHold {
  .mig(MIGInstanceHold(
    profileName: profile, computeSlices: compute, memorySlices: memory,
    startMemorySlice: start, gpuInstanceID: instance))
}

/// Whether `a` and `b` differ by at most `tolerance`.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
  guard let a else { return false }
  return abs(a - b) <= tolerance
}
