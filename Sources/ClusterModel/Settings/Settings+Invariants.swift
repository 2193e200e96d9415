// MARK: - Invariants

extension SimulationSettings {
  /// The ways the settings lie outside their ranges.
  ///
  /// - Parameter path: The settings' field path, `simulation` by default.
  /// - Returns: The violations, empty when valid.
  public func validate(at path: String = "simulation") -> [ModelViolation] {
    var found = ViolationCollector()
    found.check(
      horizonSeconds >= 1, at: "\(path).horizon",
      "the horizon must be at least 1 second, found \(horizonSeconds)")
    found.check(
      !placementStrategy.isEmpty, at: "\(path).placementStrategy",
      "a placement strategy name must not be empty")
    found.check(
      reconfigurationSeconds >= 0, at: "\(path).reconfigurationTime",
      "the reconfiguration time must not be negative, found "
        + "\(reconfigurationSeconds)")
    let faultsPath = "\(path).faults"
    if let mtbf = faults.nodeMTBFSeconds {
      found.check(
        mtbf >= 1, at: "\(faultsPath).nodeMTBF",
        "nodeMTBF must be at least 1 second, found \(mtbf)")
    }
    if let mttr = faults.nodeMTTRSeconds {
      found.check(
        mttr >= 1, at: "\(faultsPath).nodeMTTR",
        "nodeMTTR must be at least 1 second, found \(mttr)")
      found.check(
        faults.nodeMTBFSeconds != nil, at: "\(faultsPath).nodeMTTR",
        "nodeMTTR needs nodeMTBF")
    }
    if let rate = faults.gpuFailuresPerHour {
      found.check(
        rate >= 0 && rate.isFinite, at: "\(faultsPath).gpuFailuresPerHour",
        "gpuFailuresPerHour must not be negative, found \(rate)")
    }
    if let upgrade = faults.rollingUpgrade {
      let upgradePath = "\(faultsPath).rollingUpgrade"
      found.check(
        upgrade.batchSize >= 1, at: "\(upgradePath).batchSize",
        "batchSize must be at least 1 node, found \(upgrade.batchSize)")
      found.check(
        upgrade.upgradeSeconds >= 1, at: "\(upgradePath).upgradeTime",
        "upgradeTime must be at least 1 second, found "
          + "\(upgrade.upgradeSeconds)")
      found.check(
        upgrade.startSeconds >= 0, at: "\(upgradePath).start",
        "start must not be negative, found \(upgrade.startSeconds)")
    }
    found.add(interference.violations(at: "\(path).interference"))
    return found.violations
  }
}

extension InterferenceCoefficients {
  /// The ways the coefficients lie outside their ranges.
  ///
  /// - Parameter path: The coefficients' field path.
  /// - Returns: The violations, empty when valid.
  public func violations(at path: String) -> [ModelViolation] {
    var found = ViolationCollector()
    let fractions: [(String, Double?)] = [
      ("migNeighbour", migNeighbour), ("mpsBandwidth", mpsBandwidth),
      ("timeSlicingOverhead", timeSlicingOverhead),
    ]
    for (name, value) in fractions {
      guard let value else { continue }
      found.check(
        value >= 0 && value <= 1, at: "\(path).\(name)",
        "\(name) must lie in [0, 1], found \(value)")
    }
    for mode in tailFactors.keys.sorted() {
      let value = tailFactors[mode] ?? 1
      found.check(
        value >= 1 && value.isFinite,
        at: FieldPathSpelling.appending(key: mode, to: "\(path).tailFactors"),
        "a tail factor must be at least 1, found \(value)")
    }
    return found.violations
  }
}

extension AdmissionPolicies {
  /// The ways the policies are malformed or name unknown pools.
  ///
  /// - Parameters:
  ///   - cluster: The cluster whose pools may be named.
  ///   - path: The policies' field path, `admission` by default.
  /// - Returns: The violations, empty when valid.
  public func validate(in cluster: Cluster, at path: String = "admission")
    -> [ModelViolation]
  {
    var found = ViolationCollector()
    if let key = requiredGPUTolerationKey {
      found.check(
        !key.isEmpty, at: "\(path).requireGPUToleration",
        "a toleration key must not be empty")
    }
    let pools = cluster.pools.map(\.name)
    for (i, name) in agentPools.enumerated() where !pools.contains(name) {
      found.add(
        at: "\(path).agentPools[\(i)]",
        "unknown pool '\(name)'; expected one of \(Cluster.list(pools))")
    }
    return found.violations
  }
}

extension SecurityModel {
  /// The ways the rates and the delay lie outside their ranges.
  ///
  /// - Parameter path: The model's field path, `security` by default.
  /// - Returns: The violations, empty when valid.
  public func validate(at path: String = "security") -> [ModelViolation] {
    var found = ViolationCollector()
    for kind in compromisesPerHour.keys.sorted() {
      let rate = compromisesPerHour[kind] ?? 0
      found.check(
        rate >= 0 && rate.isFinite,
        at: "\(path).compromisesPerHour.\(kind.rawValue)",
        "a compromise rate must not be negative, found \(rate)")
    }
    found.add(detectionDelay.violations(at: "\(path).detectionDelay"))
    return found.violations
  }
}
