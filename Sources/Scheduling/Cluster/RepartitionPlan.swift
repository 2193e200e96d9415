/// A change of MIG layout on GPUs of one node that makes room for a
/// pending pod: idle instances to destroy and new instances to create, in
/// the order the driver needs.
public struct RepartitionPlan: Hashable, Sendable, CustomStringConvertible {
  /// The change of one GPU.
  public struct GPUChange: Hashable, Sendable {
    /// The GPU's index within the node.
    public var gpu: Int
    /// Idle instances destroyed, as `profile@start`.
    public var destroyed: [MIGInstanceRef]
    /// Instances created, in creation order.
    public var created: [MIGInstanceRef]
  }

  /// The node.
  public var node: Int
  /// The GPUs changed, by GPU index.
  public var changes: [GPUChange]

  /// The number of idle instances destroyed.
  public var destroyedCount: Int {
    changes.reduce(0) { $0 + $1.destroyed.count }
  }

  /// `node N: gpu G −a@s +b@t; ...`.
  public var description: String {
    "node \(node): "
      + changes.map { change in
        "gpu \(change.gpu) "
          + change.destroyed.map { "−\($0.profile)@\($0.start)" }
          .joined(separator: " ") + " "
          + change.created.map { "+\($0.profile)@\($0.start)" }
          .joined(separator: " ")
      }.joined(separator: "; ")
  }
}
