/// How the GPUs of a node pool are shared among pods.
///
/// One mode per pool: a node applies one sharing strategy to all its GPUs,
/// as the NVIDIA device plugin does.
public enum GPUSharing: Hashable, Sendable {
  /// Each GPU goes whole to one pod.
  case exclusive
  /// Each GPU is partitioned into MIG instances.
  case mig(MIGSharing)
  /// Each GPU is advertised `replicas` times and time-shared.
  case timeSlicing(replicas: Int)
  /// Each GPU serves up to `clientLimit` MPS clients at once.
  case mps(clientLimit: Int)
  /// Each GPU is divided into 1000 milli-GPU units.
  case fractional

  /// The mode's name as written in a scenario file: `exclusive`, `mig`,
  /// `timeSlicing`, `mps` or `fractional`.
  public var modeName: String {
    switch self {
    case .exclusive: "exclusive"
    case .mig: "mig"
    case .timeSlicing: "timeSlicing"
    case .mps: "mps"
    case .fractional: "fractional"
    }
  }

  /// Milli-GPU units per GPU in `fractional` mode.
  public static let milliGPUsPerGPU = 1000
}

/// The MIG configuration of a pool's GPUs.
public struct MIGSharing: Hashable, Sendable {
  /// How instances are exposed to pods; `mixed` by default.
  public var strategy: MIGStrategy
  /// One layout for every GPU of a node, or exactly one per GPU index.
  public var layouts: [MIGLayoutSpec]
  /// Where the layouts came from, when read from a mig-parted file:
  /// the file path and the configuration name.
  public var source: MIGPartedSource?

  /// Creates a MIG configuration.
  ///
  /// - Parameters:
  ///   - strategy: The device-plugin strategy, `mixed` by default.
  ///   - layouts: One layout for all GPUs, or one per GPU.
  ///   - source: The mig-parted file it came from, if any.
  public init(
    strategy: MIGStrategy = .mixed,
    layouts: [MIGLayoutSpec],
    source: MIGPartedSource? = nil
  ) {
    self.strategy = strategy
    self.layouts = layouts
    self.source = source
  }

  /// The layout of GPU `index` of a node.
  ///
  /// - Precondition: `layouts` is not empty and `index` is a valid GPU
  ///   index of the node.
  public func layout(ofGPU index: Int) -> MIGLayoutSpec {
    precondition(!layouts.isEmpty, "a MIG pool has at least one layout")
    return layouts.count == 1 ? layouts[0] : layouts[index]
  }
}

/// A mig-parted file and the configuration chosen in it.
public struct MIGPartedSource: Hashable, Sendable {
  /// The file path as written in the scenario (relative to the scenario's
  /// directory).
  public var path: String
  /// The configuration name, a key of `mig-configs`.
  public var config: String

  /// Creates a reference to a mig-parted configuration.
  ///
  /// - Parameters:
  ///   - path: The file path.
  ///   - config: The configuration name.
  public init(path: String, config: String) {
    self.path = path
    self.config = config
  }
}
