import ClusterModel

/// The compromise model the security exposure is evaluated under.
public struct SecurityScenario: Hashable, Sendable {
  /// Compromises per running job per hour, by kind; kinds without an
  /// entry are never compromised.
  public var compromisesPerHour: [WorkloadKind: Double]
  /// Expected time from compromise to detection, seconds.
  public var detectionDelaySeconds: Double
  /// What happens to the pod once detected.
  public var response: CompromiseResponse

  /// Creates a scenario.
  ///
  /// - Parameters:
  ///   - compromisesPerHour: Rates by kind, each at least 0.
  ///   - detectionDelaySeconds: Mean detection delay, seconds, ≥ 0.
  ///   - response: Evict or isolate; `evict` by default.
  public init(
    compromisesPerHour: [WorkloadKind: Double],
    detectionDelaySeconds: Double,
    response: CompromiseResponse = .evict
  ) {
    precondition(detectionDelaySeconds >= 0, "a delay is never negative")
    self.compromisesPerHour = compromisesPerHour
    self.detectionDelaySeconds = detectionDelaySeconds
    self.response = response
  }

  /// The scenario a cluster's security model describes, using the mean of
  /// its detection delay distribution.
  ///
  /// - Parameter model: The security model.
  public init(_ model: SecurityModel) {
    self.init(
      compromisesPerHour: model.compromisesPerHour,
      detectionDelaySeconds: model.detectionDelay.meanSeconds,
      response: model.response)
  }
}
