/// Rules checked when a workload is submitted, before it queues. Data
/// only; the scheduler enforces them.
public struct AdmissionPolicies: Hashable, Sendable {
  /// Refuse images whose worst vulnerability is above this level; `nil`
  /// admits every image.
  public var denyImagesAbove: VulnerabilityLevel?
  /// Refuse pods that request a GPU but carry no toleration for a taint
  /// with this key (for example `nvidia.com/gpu`); `nil` for no rule.
  public var requiredGPUTolerationKey: String?
  /// Agent workloads may only land in these pools; empty for no rule.
  public var agentPools: [String]

  /// Creates policies; by default none.
  public init(
    denyImagesAbove: VulnerabilityLevel? = nil,
    requiredGPUTolerationKey: String? = nil,
    agentPools: [String] = []
  ) {
    self.denyImagesAbove = denyImagesAbove
    self.requiredGPUTolerationKey = requiredGPUTolerationKey
    self.agentPools = agentPools
  }

  /// Whether an image with `level` passes the vulnerability rule.
  public func admitsImage(_ level: VulnerabilityLevel) -> Bool {
    denyImagesAbove.map { level <= $0 } ?? true
  }
}
