/// The GPU models of one cluster, numbered so that a set of accepted
/// models is a bit mask.
public struct GPUModelCatalog: Hashable, Sendable {
  /// The most models a catalog holds (one bit each in `GPUModelSet`).
  public static let capacity = 64

  /// The model labels, in first-seen order; a model's identifier is its
  /// position here.
  public private(set) var models: [String] = []
  private var identifiers: [String: Int] = [:]

  /// Creates a catalog of the given labels, in first-seen order.
  ///
  /// - Throws: `FractionalModelError.tooManyGPUModels` beyond `capacity`.
  /// - Complexity: O(labels).
  public init<Labels: Sequence<String>>(models labels: Labels) throws {
    for label in labels where identifiers[label] == nil {
      guard models.count < Self.capacity else {
        throw FractionalModelError.tooManyGPUModels(limit: Self.capacity)
      }
      identifiers[label] = models.count
      models.append(label)
    }
  }

  /// The identifier of `label`, or `nil` when the cluster has no such model.
  public func identifier(of label: String) -> Int? { identifiers[label] }

  /// The models a pod accepts: every model for an empty spec, otherwise
  /// the listed labels that the cluster has (others match nothing).
  ///
  /// - Complexity: O(spec).
  public func acceptedModels(_ spec: [String]) -> GPUModelSet {
    if spec.isEmpty { return .any }
    var set = GPUModelSet(bits: 0)
    for label in spec {
      if let identifier = identifiers[label] { set.insert(identifier) }
    }
    return set
  }
}

/// A set of GPU model identifiers of a `GPUModelCatalog`.
public struct GPUModelSet: Hashable, Sendable {
  /// Bit `i` is set when model `i` is accepted.
  public var bits: UInt64

  /// Creates a set from its bits.
  @inlinable public init(bits: UInt64) { self.bits = bits }

  /// Every model.
  public static let any = GPUModelSet(bits: ~0)

  /// Whether model `identifier` is accepted.
  @inlinable
  public func contains(_ identifier: Int) -> Bool {
    identifier >= 0 && bits & (1 << UInt64(identifier)) != 0
  }

  /// Adds model `identifier`.
  @inlinable
  public mutating func insert(_ identifier: Int) {
    bits |= 1 << UInt64(identifier)
  }
}

/// Inputs the fractional model cannot represent.
public enum FractionalModelError: Error, Hashable, Sendable,
  CustomStringConvertible
{
  /// The cluster has more GPU models than a model set holds.
  case tooManyGPUModels(limit: Int)
  /// A node has more GPUs than a fractional node holds.
  case tooManyGPUsOnNode(name: String, gpus: Int, limit: Int)

  /// A one-sentence explanation.
  public var description: String {
    switch self {
    case .tooManyGPUModels(let limit):
      "the cluster has more than \(limit) GPU models; at most \(limit) are "
        + "supported"
    case .tooManyGPUsOnNode(let name, let gpus, let limit):
      "node \(name) has \(gpus) GPUs; at most \(limit) per node are "
        + "supported"
    }
  }
}
