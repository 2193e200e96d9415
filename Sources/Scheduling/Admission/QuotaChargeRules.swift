import ClusterModel
import MIGGeometry

/// How a pod's requests become a quota charge: which quota resources a
/// GPU share, CPU and memory count against (docs/quotas-and-preemption.md,
/// "What a pod is charged").
///
/// Whole GPUs, milli-GPUs, time-slice replicas and MPS clients count
/// against `gpus` (1000 milli-GPUs per whole GPU, per replica or per
/// client, as the device plugin advertises each as one `nvidia.com/gpu`).
/// A MIG instance counts one instance of its profile, the profile's compute
/// slices and its GPU memory, and nothing of `gpus` (the mixed strategy's
/// separate resources). CPU and memory count as requested.
public struct QuotaChargeRules: Hashable, Sendable {
  /// Compute slices and memory (MiB) of each MIG profile name.
  public private(set) var migSizes: [String: (slices: Int, memoryMiB: Int)]

  /// Creates rules that know the MIG profiles of `cluster`'s MIG pools;
  /// a profile defined by several models takes its size from the first
  /// MIG pool (scenario order) whose model defines it.
  ///
  /// - Parameter cluster: The cluster whose pools give the profiles.
  /// - Complexity: O(pools × profiles per model).
  public init(cluster: Cluster) {
    var sizes: [String: (slices: Int, memoryMiB: Int)] = [:]
    for pool in cluster.pools {
      guard case .mig = pool.sharing, let model = pool.model else { continue }
      for profile in model.profiles where sizes[profile.name] == nil {
        sizes[profile.name] = Self.size(of: profile)
      }
    }
    migSizes = sizes
  }

  /// Creates rules from explicit MIG profiles (the first of a name wins).
  ///
  /// - Parameter profiles: The profiles to know.
  /// - Complexity: O(profiles).
  public init(profiles: [MIGProfile] = []) {
    var sizes: [String: (slices: Int, memoryMiB: Int)] = [:]
    for profile in profiles where sizes[profile.name] == nil {
      sizes[profile.name] = Self.size(of: profile)
    }
    migSizes = sizes
  }

  /// The charge of `pods` pods each requesting `requests`.
  ///
  /// A MIG profile these rules do not know is charged its instances only.
  ///
  /// - Parameters:
  ///   - requests: What one pod requests.
  ///   - pods: The number of pods (a gang's size), at least 1.
  /// - Returns: The whole charge.
  /// - Complexity: O(1) amortised.
  public func charge(for requests: ResourceRequests, pods: Int = 1)
    -> QuotaCharge
  {
    precondition(pods >= 1, "a charge covers at least one pod")
    var amounts: [QuotaResource: Int] = [
      .cpuMilli: requests.cpuMilli, .memoryMiB: requests.memoryMiB,
    ]
    let perGPU = GPUSharing.milliGPUsPerGPU
    switch requests.gpu {
    case .none:
      break
    case .wholeGPUs(let n), .timeSliceReplicas(let n), .mpsClients(let n):
      // FIXME: whole GPUs are charged no compute slices or GPU memory,
      // because quota is reserved before the GPU model is known.
      amounts[.milliGPUs] = n * perGPU
    case .milliGPUs(let m):
      amounts[.milliGPUs] = m
    case .migInstances(let profile, let count):
      amounts[.migProfile(profile)] = count
      if let size = migSizes[profile] {
        amounts[.computeSlices] = size.slices * count
        amounts[.gpuMemoryMiB] = size.memoryMiB * count
      }
    }
    return QuotaCharge(amounts).times(pods)
  }

  /// A profile's compute slices and memory in MiB (GiB × 1024, rounded).
  static func size(of profile: MIGProfile) -> (slices: Int, memoryMiB: Int) {
    (profile.computeSlices, Int((profile.memoryGiB * 1024).rounded()))
  }

  /// Rules are equal when they size every profile alike.
  public static func == (lhs: QuotaChargeRules, rhs: QuotaChargeRules)
    -> Bool
  {
    lhs.migSizes.count == rhs.migSizes.count
      && lhs.migSizes.allSatisfy { name, size in
        rhs.migSizes[name].map { $0 == size } ?? false
      }
  }

  /// Hashes the profile names and sizes in name order.
  public func hash(into hasher: inout Hasher) {
    for name in migSizes.keys.sorted() {
      hasher.combine(name)
      hasher.combine(migSizes[name]?.slices)
      hasher.combine(migSizes[name]?.memoryMiB)
    }
  }
}
