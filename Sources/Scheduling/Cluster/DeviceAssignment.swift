/// The devices inside a node that a placed pod uses.
public enum DeviceAssignment: Hashable, Sendable, CustomStringConvertible {
  /// No GPU.
  case none
  /// Whole GPUs, by index within the node.
  case wholeGPUs([Int])
  /// MIG instances.
  case migInstances([MIGInstanceRef])
  /// Units of one GPU: time-slice replicas, MPS clients or milli-GPUs,
  /// depending on the pool's sharing mode.
  case share(gpu: Int, units: Int)

  /// A short form such as `gpu 0,1`, `3g.40gb@4 on gpu 2`, `250u on gpu 1`.
  public var description: String {
    switch self {
    case .none: "no GPU"
    case .wholeGPUs(let gpus):
      "gpu " + gpus.map(String.init).joined(separator: ",")
    case .migInstances(let refs): refs.map(\.description).joined(separator: " ")
    case .share(let gpu, let units): "\(units)u on gpu \(gpu)"
    }
  }
}

/// One MIG instance of a node: GPU index, profile and start slice.
public struct MIGInstanceRef: Hashable, Sendable, CustomStringConvertible {
  /// The GPU's index within the node.
  public var gpu: Int
  /// The profile name.
  public var profile: String
  /// The first memory slice.
  public var start: Int

  /// Creates a reference.
  public init(gpu: Int, profile: String, start: Int) {
    self.gpu = gpu
    self.profile = profile
    self.start = start
  }

  /// `profile@start on gpu g`.
  public var description: String { "\(profile)@\(start) on gpu \(gpu)" }
}
