/// What the cluster does to a pod found compromised.
public enum CompromiseResponse: String, CaseIterable, Hashable, Sendable {
  /// Delete the pod; its job fails.
  case evict
  /// Cut the pod's network and keep it running.
  case isolate
}

/// How workloads get compromised and how fast that is caught. Data only.
public struct SecurityModel: Hashable, Sendable {
  /// Compromises per running workload per hour, by kind; each ≥ 0. A kind
  /// without an entry is never compromised.
  public var compromisesPerHour: [WorkloadKind: Double]
  /// Time from compromise to detection.
  public var detectionDelay: DurationModel
  /// What happens once detected.
  public var response: CompromiseResponse

  /// Creates a security model.
  ///
  /// - Parameters:
  ///   - compromisesPerHour: Rates by kind.
  ///   - detectionDelay: The detection delay distribution.
  ///   - response: The response, `evict` by default.
  public init(
    compromisesPerHour: [WorkloadKind: Double],
    detectionDelay: DurationModel,
    response: CompromiseResponse = .evict
  ) {
    self.compromisesPerHour = compromisesPerHour
    self.detectionDelay = detectionDelay
    self.response = response
  }
}
