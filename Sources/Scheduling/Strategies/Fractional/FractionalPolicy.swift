/// The placement policies of the fractional GPU model, by name.
public enum FractionalPolicy: String, CaseIterable, Hashable, Sendable,
  CustomStringConvertible
{
  /// `FractionalRandomPolicy`.
  case random = "Random"
  /// `FractionalDotProductPolicy`.
  case dotProduct = "DotProd"
  /// `FractionalGPUClusteringPolicy`.
  case gpuClustering = "GpuClustering"
  /// `FractionalGPUPackingPolicy`.
  case gpuPacking = "GpuPacking"
  /// `FractionalBestFitPolicy`.
  case bestFit = "BestFit"
  /// `FractionalFGDPolicy`.
  case fgd = "FGD"
  /// `FractionalMemoryAwareFGDPolicy`, this project's own policy.
  case memoryAwareFGD = "FGD-M"

  /// The six policies of the published fragmentation study, in its order.
  public static let published: [FractionalPolicy] = [
    .random, .dotProduct, .gpuClustering, .gpuPacking, .bestFit, .fgd,
  ]

  /// The policy's report name.
  public var description: String { rawValue }

  /// The policy named `name`, ignoring case; `nil` when unknown.
  public init?(named name: String) {
    guard
      let match = Self.allCases.first(where: {
        $0.rawValue.lowercased() == name.lowercased()
      })
    else { return nil }
    self = match
  }
}
