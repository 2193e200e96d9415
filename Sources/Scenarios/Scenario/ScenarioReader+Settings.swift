import ClusterModel

extension ScenarioReader {
  static let simulationKeys = [
    "seed", "horizon", "placementStrategy", "migReconfiguration",
    "reconfigurationTime", "faults", "interference",
  ]

  static func simulationSettings(_ node: NodeReader) -> SimulationSettings? {
    guard let m = node.mapping(allowedKeys: simulationKeys) else {
      return nil
    }
    let defaults = SimulationSettings()
    return SimulationSettings(
      seed: m.optional("seed") { $0.int(min: 0) }.map { UInt64($0) }
        ?? defaults.seed,
      horizonSeconds: m.optional("horizon") { $0.durationSeconds(min: 1) }
        ?? defaults.horizonSeconds,
      placementStrategy: m.optional("placementStrategy") {
        $0.string(nonEmpty: true)
      } ?? defaults.placementStrategy,
      migReconfiguration: m.optional("migReconfiguration") {
        $0.oneOf(MIGReconfigurationPolicy.self)
      } ?? defaults.migReconfiguration,
      reconfigurationSeconds: m.optional("reconfigurationTime") {
        $0.durationSeconds(min: 0)
      } ?? defaults.reconfigurationSeconds,
      faults: m.optional("faults", faults) ?? defaults.faults,
      interference: m.optional("interference", coefficients)
        ?? defaults.interference)
  }

  static func faults(_ node: NodeReader) -> FaultSettings? {
    guard
      let m = node.mapping(allowedKeys: [
        "nodeMTBF", "nodeMTTR", "gpuFailuresPerHour", "rollingUpgrade",
      ])
    else { return nil }
    return FaultSettings(
      nodeMTBFSeconds: m.optional("nodeMTBF") { $0.durationSeconds(min: 1) },
      nodeMTTRSeconds: m.optional("nodeMTTR") { $0.durationSeconds(min: 1) },
      gpuFailuresPerHour: m.optional("gpuFailuresPerHour") {
        $0.double(min: 0)
      },
      rollingUpgrade: m.optional("rollingUpgrade", rollingUpgrade))
  }

  static func rollingUpgrade(_ node: NodeReader) -> RollingUpgrade? {
    guard
      let m = node.mapping(allowedKeys: ["batchSize", "upgradeTime", "start"])
    else { return nil }
    let batch = m.required("batchSize") { $0.int(min: 1) }
    let time = m.required("upgradeTime") { $0.durationSeconds(min: 1) }
    let start = m.optional("start") { $0.durationSeconds(min: 0) } ?? 0
    guard let batch, let time else { return nil }
    return RollingUpgrade(
      batchSize: batch, upgradeSeconds: time, startSeconds: start)
  }

  static func coefficients(_ node: NodeReader) -> InterferenceCoefficients? {
    guard
      let m = node.mapping(allowedKeys: [
        "migNeighbour", "mpsBandwidth", "timeSlicingOverhead", "tailFactors",
      ])
    else { return nil }
    var tails: [String: Double] = [:]
    let modes = sharingModes + ["mpsPriority"]
    if let reader = m.optional("tailFactors"),
      let map = reader.mapping(allowedKeys: modes)
    {
      for key in map.keys {
        tails[key] = map.required(key) { $0.double(min: 1) }
      }
    }
    return InterferenceCoefficients(
      migNeighbour: m.optional("migNeighbour") { $0.double(min: 0, max: 1) },
      mpsBandwidth: m.optional("mpsBandwidth") { $0.double(min: 0, max: 1) },
      timeSlicingOverhead: m.optional("timeSlicingOverhead") {
        $0.double(min: 0, max: 1)
      },
      tailFactors: tails)
  }

  static func admissionPolicies(_ node: NodeReader) -> AdmissionPolicies? {
    guard
      let m = node.mapping(allowedKeys: [
        "denyImagesAbove", "requireGPUToleration", "agentPools",
      ])
    else { return nil }
    return AdmissionPolicies(
      denyImagesAbove: m.optional("denyImagesAbove") {
        $0.oneOf(VulnerabilityLevel.self)
      },
      requiredGPUTolerationKey: m.optional("requireGPUToleration") {
        $0.string(nonEmpty: true)
      },
      agentPools: m.optional("agentPools", names) ?? [])
  }

  static func securityModel(_ node: NodeReader) -> SecurityModel? {
    guard
      let m = node.mapping(allowedKeys: [
        "compromisesPerHour", "detectionDelay", "response",
      ])
    else { return nil }
    var rates: [WorkloadKind: Double] = [:]
    if let reader = m.required("compromisesPerHour"),
      let map = reader.mapping(
        allowedKeys: WorkloadKind.allCases.map(\.rawValue))
    {
      for key in map.keys {
        if let kind = WorkloadKind(rawValue: key) {
          rates[kind] = map.required(key) { $0.double(min: 0) }
        }
      }
    }
    let delay = m.required("detectionDelay", durationModel)
    let response =
      m.optional("response") { $0.oneOf(CompromiseResponse.self) } ?? .evict
    guard let delay else { return nil }
    return SecurityModel(
      compromisesPerHour: rates, detectionDelay: delay, response: response)
  }
}
