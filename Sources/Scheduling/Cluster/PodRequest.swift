import ClusterModel

/// The simulator's identifier of one pod.
public typealias PodID = Int

/// What one pod asks of the cluster, resolved from its tenant and its
/// workload template: resources, tolerations, node placement, priority,
/// the tenant's isolation requirement and gang membership.
///
/// Requests are values meant to be made once per (tenant, template) with
/// `ClusterState.makeRequest(tenant:template:gang:)` and copied per pod:
/// that call interns the request's class, so decisions never hash
/// tolerations or selectors. A request built with `init` is interned on
/// its first decision, at the cost of one hash per decision.
public struct PodRequest: PlacementRequest, Hashable, Sendable {
  /// The GPU share.
  public var gpu: GPURequest
  /// CPU in milli-cores.
  public var cpuMilli: Int
  /// Memory in MiB.
  public var memoryMiB: Int
  /// The pod's tolerations.
  public var tolerations: [Toleration]
  /// Node selector and required node affinity.
  public var placement: NodePlacement
  /// The tenant's index in the cluster's tenants.
  public var tenant: Int
  /// The pod's priority (higher schedules first).
  public var priority: Int
  /// The gang the pod belongs to, or `nil` for a lone pod.
  public var gang: GangMembership?
  /// The interned request class, or -1 when not yet interned.
  public internal(set) var classIndex: Int

  /// Creates a request; its class is interned on first use.
  ///
  /// - Parameters:
  ///   - gpu: The GPU share, none by default.
  ///   - cpuMilli: CPU, milli-cores.
  ///   - memoryMiB: Memory, MiB.
  ///   - tolerations: Tolerations, none by default.
  ///   - placement: Node placement, any node by default.
  ///   - tenant: The tenant's index, 0 by default.
  ///   - priority: The priority, 0 by default.
  ///   - gang: Gang membership, none by default.
  public init(
    gpu: GPURequest = .none, cpuMilli: Int, memoryMiB: Int,
    tolerations: [Toleration] = [], placement: NodePlacement = .init(),
    tenant: Int = 0, priority: Int = 0, gang: GangMembership? = nil
  ) {
    self.gpu = gpu
    self.cpuMilli = cpuMilli
    self.memoryMiB = memoryMiB
    self.tolerations = tolerations
    self.placement = placement
    self.tenant = tenant
    self.priority = priority
    self.gang = gang
    self.classIndex = -1
  }

  /// The interned class: equal classes get equal scores on equal nodes.
  public var scoreClass: Int? { classIndex >= 0 ? classIndex : nil }

  /// What decides the request's class: everything the filters read.
  var classKey: RequestClassKey {
    RequestClassKey(
      gpu: gpu, cpuMilli: cpuMilli, memoryMiB: memoryMiB,
      tolerations: tolerations, placement: placement, tenant: tenant)
  }
}

/// A pod's place in a gang: all pods of the gang are placed at once or
/// none is.
public struct GangMembership: Hashable, Sendable {
  /// The gang's identifier, chosen by the simulator.
  public var id: Int
  /// The number of pods in the gang; at least 1.
  public var size: Int

  /// Creates a membership.
  public init(id: Int, size: Int) {
    self.id = id
    self.size = size
  }
}

/// The fields of a request that the filters read.
struct RequestClassKey: Hashable, Sendable {
  var gpu: GPURequest
  var cpuMilli: Int
  var memoryMiB: Int
  var tolerations: [Toleration]
  var placement: NodePlacement
  var tenant: Int
}

/// Why a request could not be made from a tenant and a template.
public struct RequestResolutionError: Error, Hashable, Sendable,
  CustomStringConvertible
{
  /// What was wrong, in words.
  public var message: String

  /// Creates an error.
  public init(_ message: String) { self.message = message }

  /// The message.
  public var description: String { message }
}
