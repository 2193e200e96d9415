/// Every metric of one run.
public struct RunScore: Hashable, Sendable {
  /// Utilization.
  public var utilization: UtilizationMetrics
  /// Fragmentation.
  public var fragmentation: FragmentationMetrics
  /// Waiting and completion.
  public var waiting: WaitingMetrics
  /// Fairness.
  public var fairness: FairnessMetrics
  /// Isolation.
  public var isolation: IsolationMetrics
  /// Noisy neighbours.
  public var noisyNeighbours: NoisyNeighbourMetrics
  /// Security exposure, when a scenario was given.
  public var securityExposure: SecurityExposureMetrics?

  /// Scores one run.
  ///
  /// - Parameters:
  ///   - observation: The run.
  ///   - coefficients: Contention coefficients; defaults by default.
  ///   - scores: Exposure scores; defaults by default.
  ///   - security: The compromise scenario; `nil` skips exposure.
  /// - Complexity: The sum of the metrics' costs.
  public init(
    _ observation: RunObservation,
    coefficients: ContentionCoefficients = ContentionCoefficients(),
    scores: ExposureScores = ExposureScores(),
    security: SecurityScenario? = nil
  ) {
    utilization = observation.utilization()
    fragmentation = observation.fragmentation()
    waiting = observation.waiting()
    fairness = observation.fairness()
    isolation = observation.isolation(scores: scores)
    noisyNeighbours = observation.noisyNeighbours(coefficients: coefficients)
    securityExposure = security.map {
      observation.securityExposure($0, scores: scores)
    }
  }

  /// The value of a headline metric, in the unit its title names, or
  /// `nil` when the run does not define it.
  ///
  /// - Parameter metric: The metric.
  public func value(of metric: HeadlineMetric) -> Double? {
    switch metric {
    case .gpuAllocation: 100 * utilization.gpuAllocation
    case .allocatedIdle: 100 * utilization.allocatedIdleShare
    case .fractionalFragmentation:
      fragmentation.fractionalRate.map { 100 * $0 }
    case .migFragmentation: fragmentation.migRate.map { 100 * $0 }
    case .waitP95: waiting.overall.wait?.p95
    case .sloAttainment: waiting.overall.sloAttainment.map { 100 * $0 }
    case .jainIndex: fairness.jainIndex
    case .isolationScore: isolation.isolationScore
    case .slowdownP95: noisyNeighbours.slowdownPercentiles?.p95
    case .exposurePerIncident:
      securityExposure?.exposedTenantSecondsPerIncident
    }
  }
}
