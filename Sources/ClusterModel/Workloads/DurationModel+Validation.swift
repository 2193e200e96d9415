extension DurationModel {
  /// The ways the parameters are out of range.
  ///
  /// - Parameter path: The model's field path.
  /// - Returns: The violations, empty when valid.
  public func violations(at path: String) -> [ModelViolation] {
    var found = ViolationCollector()
    switch self {
    case .fixed(let seconds):
      found.check(
        seconds >= 1, at: "\(path).value",
        "a fixed duration needs at least 1 second, found \(seconds)")
    case .exponential(let mean):
      found.check(
        mean > 0 && mean.isFinite, at: "\(path).mean",
        "the mean must be a positive number of seconds, found \(mean)")
    case .logNormal(let mu, let sigma):
      found.check(
        mu.isFinite, at: "\(path).mu", "mu must be finite, found \(mu)")
      found.check(
        sigma > 0 && sigma.isFinite, at: "\(path).sigma",
        "sigma must be positive, found \(sigma)")
    case .empirical(let list):
      found.check(
        !list.isEmpty, at: "\(path).values",
        "an empirical list needs at least one duration, found none")
      for (i, seconds) in list.enumerated() where seconds < 1 {
        found.add(
          at: "\(path).values[\(i)]",
          "each duration needs at least 1 second, found \(seconds)")
      }
    }
    return found.violations
  }
}
