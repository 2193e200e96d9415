import ClusterModel
import Scoring

extension ContentionCoefficients {
  /// The default coefficients with a scenario's overrides applied:
  /// `migNeighbour`, `mpsBandwidth`, `timeSlicingOverhead`, and the tail
  /// factors `mig`, `mps` and `timeSlicing` (`fractional` when
  /// `timeSlicing` is absent, since fractions are time-shared
  /// underneath). Other tail keys have no coefficient and are ignored.
  ///
  /// - Parameter overrides: The scenario's `simulation.interference`.
  public init(_ overrides: InterferenceCoefficients) {
    self.init()
    if let value = overrides.migNeighbour { migNeighbour = value }
    if let value = overrides.mpsBandwidth { mpsBandwidth = value }
    if let value = overrides.timeSlicingOverhead {
      timeSliceOverhead = value
    }
    let tails = overrides.tailFactors
    if let value = tails["mig"] { tailMIG = value }
    if let value = tails["mps"] { tailMPS = value }
    if let value = tails["timeSlicing"] ?? tails["fractional"] {
      tailTimeSlicing = value
    }
  }
}
