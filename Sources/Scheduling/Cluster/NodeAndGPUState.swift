/// Pods per tenant on one node or GPU, as a short list.
struct TenantCounts: Hashable, Sendable {
  private(set) var tenants: [Int32] = []
  private(set) var pods: [Int32] = []

  var isEmpty: Bool { tenants.isEmpty }

  mutating func add(_ tenant: Int) {
    if let i = tenants.firstIndex(of: Int32(tenant)) {
      pods[i] += 1
    } else {
      tenants.append(Int32(tenant))
      pods.append(1)
    }
  }

  mutating func remove(_ tenant: Int) {
    guard let i = tenants.firstIndex(of: Int32(tenant)) else {
      preconditionFailure("tenant \(tenant) holds nothing here")
    }
    pods[i] -= 1
    if pods[i] == 0 {
      tenants.remove(at: i)
      pods.remove(at: i)
    }
  }

  func count(of tenant: Int) -> Int {
    tenants.firstIndex(of: Int32(tenant)).map { Int(pods[$0]) } ?? 0
  }

  /// Whether some tenant other than `tenant` holds pods here.
  func hasOther(than tenant: Int) -> Bool {
    tenants.contains { $0 != Int32(tenant) }
  }
}

/// One MIG instance on a GPU.
struct MIGInstance: Hashable, Sendable {
  /// The profile's index in the model's profile table.
  var profile: Int
  /// The first memory slice.
  var start: Int
  /// The memory slices, one bit each.
  var mask: UInt8
  /// The pod using it, or `nil` when idle.
  var pod: PodID?
  /// Whether the instance is being created by a reconfiguration.
  var reconfiguring: Bool

  var isAvailable: Bool { pod == nil && !reconfiguring }
}

/// The occupancy of one GPU.
struct GPUState: Hashable, Sendable {
  /// Units in use for exclusive (0/1), time-slicing (replicas), MPS
  /// (clients) and fractional (milli) GPUs; unused for MIG.
  var used: Int32 = 0
  /// Whether the GPU has failed.
  var failed = false
  /// The pods of each tenant on the GPU.
  var tenants = TenantCounts()
  /// The MIG instances, empty unless MIG.
  var instances: [MIGInstance] = []
  /// When an ongoing reconfiguration ends, simulated seconds, or `nil`.
  var reconfigurationEndsAt: Int?

  /// Memory slices covered by any instance.
  var occupiedMask: UInt8 { instances.reduce(0) { $0 | $1.mask } }
  /// Memory slices of instances that are busy or being created.
  var pinnedMask: UInt8 {
    instances.reduce(0) { $0 | ($1.isAvailable ? 0 : $1.mask) }
  }
}

/// Node-level state: free CPU and memory, flags, tenants and pods.
struct NodeState: Hashable, Sendable {
  var pool: Int
  var local: Int
  var cpuFreeMilli: Int
  var memoryFreeMiB: Int
  var firstGPU: Int
  var gpuCount: Int
  var cordoned = false
  var failed = false
  var draining = false
  var tenants = TenantCounts()
  var pods: [PodID] = []

  var isSchedulable: Bool { !cordoned && !failed && !draining }
}

/// Where a placed pod is.
struct PodBinding: Hashable, Sendable {
  var request: PodRequest
  var node: Int
  var assignment: DeviceAssignment
}
