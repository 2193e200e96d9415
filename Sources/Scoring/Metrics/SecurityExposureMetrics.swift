/// The innermost level at which a compromised pod reaches another
/// tenant.
public enum ExposureLevel: Hashable, Sendable, Comparable {
  /// Reachable over the network only, as network policy allows.
  case network
  /// On another node of the same NVLink domain.
  case sameNVLinkDomain
  /// On the same node, other GPUs.
  case sameNode
  /// On the same GPU, sharing it by this mode.
  case sameGPU(GPUSharingMode)

  /// A name for reports: `network`, `nvlinkDomain`, `node`, `gpu:<mode>`.
  public var name: String {
    switch self {
    case .network: "network"
    case .sameNVLinkDomain: "nvlinkDomain"
    case .sameNode: "node"
    case .sameGPU(let mode): "gpu:\(mode.rawValue)"
    }
  }

  /// Orders from outermost (network) to innermost (same GPU), GPU modes
  /// in declaration order.
  public static func < (lhs: ExposureLevel, rhs: ExposureLevel) -> Bool {
    lhs.rank < rhs.rank
  }

  private var rank: Int {
    switch self {
    case .network: 0
    case .sameNVLinkDomain: 1
    case .sameNode: 2
    case .sameGPU(let mode):
      3 + (GPUSharingMode.allCases.firstIndex(of: mode) ?? 0)
    }
  }
}

/// What a compromised pod could reach before it was caught
/// (docs/metrics.md, Security exposure).
public struct SecurityExposureMetrics: Hashable, Sendable {
  /// Expected compromises over the run: Σ rate(kind) × running hours.
  public var expectedIncidents: Double
  /// Expected other-tenant seconds reachable per incident, over levels.
  public var exposedTenantSecondsPerIncident: Double
  /// The same, split by the innermost level reached.
  public var perIncidentByLevel: [ExposureLevel: Double]
  /// The same weighted by each level's exposure score.
  public var scoreWeightedPerIncident: Double
  /// `pairs[source][target]`: expected seconds of `target` reachable per
  /// incident that starts in `source`; 0 on the diagonal and for sources
  /// without incidents.
  public var pairs: [[Double]]
  /// The largest entry of `pairs`, if any is above 0.
  public var worstPair: (source: Int, target: Int, seconds: Double)? {
    var worst: (source: Int, target: Int, seconds: Double)?
    for (source, row) in pairs.enumerated() {
      for (target, seconds) in row.enumerated()
      where seconds > (worst?.seconds ?? 0) {
        worst = (source, target, seconds)
      }
    }
    return worst
  }
  /// Pods refused by admission policies, by policy, as observed.
  public var admissionRefusals: [String: Int]

  /// Compares every stored value.
  public static func == (
    lhs: SecurityExposureMetrics, rhs: SecurityExposureMetrics
  ) -> Bool {
    lhs.expectedIncidents == rhs.expectedIncidents
      && lhs.exposedTenantSecondsPerIncident
        == rhs.exposedTenantSecondsPerIncident
      && lhs.perIncidentByLevel == rhs.perIncidentByLevel
      && lhs.scoreWeightedPerIncident == rhs.scoreWeightedPerIncident
      && lhs.pairs == rhs.pairs
      && lhs.admissionRefusals == rhs.admissionRefusals
  }

  /// Hashes every stored value.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(expectedIncidents)
    hasher.combine(exposedTenantSecondsPerIncident)
    hasher.combine(perIncidentByLevel)
    hasher.combine(scoreWeightedPerIncident)
    hasher.combine(pairs)
    hasher.combine(admissionRefusals)
  }
}
