/// The placement strategies of the general cluster scheduler, by the
/// names a scenario or the command line uses.
public enum StrategyName: String, CaseIterable, Hashable, Sendable {
  /// The first fitting node in priority order, lowest devices.
  case firstFit = "first-fit"
  /// The fitting node with the least free capacity, then the tightest GPU.
  case bestFit = "best-fit"
  /// The fitting node with the most free capacity, then the emptiest GPU.
  case spread
  /// A uniformly random fitting node.
  case random
  /// Nodes and GPUs the tenant already uses, away from other tenants.
  case tenantPacking = "tenant-packing"
  /// The placement that least reduces capacity for the expected mix.
  case fragmentationAware = "fragmentation-aware"

  /// Other names users write for a strategy: the Kubernetes scoring
  /// names (`MostAllocated` packs, `LeastAllocated` spreads) and the
  /// usual words for them.
  public static let aliases: [String: StrategyName] = [
    "binpack": .bestFit, "bin-packing": .bestFit,
    "most-allocated": .bestFit, "least-allocated": .spread,
    "worst-fit": .spread,
  ]

  /// Parses a strategy name or one of its `aliases`.
  ///
  /// - Throws: `UnknownStrategyName` listing the valid names.
  public init(parsing text: String) throws(UnknownStrategyName) {
    guard
      let name = StrategyName(rawValue: text) ?? Self.aliases[text.lowercased()]
    else {
      throw UnknownStrategyName(found: text)
    }
    self = name
  }

  /// The strategy for this name.
  ///
  /// - Parameters:
  ///   - seed: the run seed, used by `random`.
  ///   - mix: the expected request mix, used by `fragmentation-aware`.
  public func makeStrategy(seed: UInt64 = 1, mix: ExpectedMix = ExpectedMix())
    -> any ClusterPlacementStrategy
  {
    switch self {
    case .firstFit: FirstFitStrategy()
    case .bestFit: BestFitStrategy()
    case .spread: SpreadStrategy()
    case .random: RandomStrategy(seed: seed)
    case .tenantPacking: TenantPackingStrategy()
    case .fragmentationAware: FragmentationAwareStrategy(mix: mix)
    }
  }
}

/// A strategy name that is not one of `StrategyName.allCases`.
public struct UnknownStrategyName: Error, Hashable, Sendable,
  CustomStringConvertible
{
  /// The text that was given.
  public var found: String

  /// `unknown placement strategy 'x'; expected one of first-fit, ...`.
  public var description: String {
    "unknown placement strategy '\(found)'; expected one of "
      + StrategyName.allCases.map(\.rawValue).joined(separator: ", ")
      + " (or binpack, least-allocated, worst-fit)"
  }
}
