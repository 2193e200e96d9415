/// What a taint does to pods that do not tolerate it.
///
/// The three effects of Kubernetes, spelled as Kubernetes spells them in
/// YAML (`rawValue`).
public enum TaintEffect: String, CaseIterable, Hashable, Sendable, Comparable {
  /// New pods are refused unless they tolerate the taint; running pods stay.
  case noSchedule = "NoSchedule"
  /// New pods are allowed, but the node scores lower for them.
  case preferNoSchedule = "PreferNoSchedule"
  /// New pods are refused and running pods are evicted unless tolerated.
  case noExecute = "NoExecute"

  /// Orders effects as declared: `NoSchedule`, `PreferNoSchedule`,
  /// `NoExecute`.
  public static func < (lhs: TaintEffect, rhs: TaintEffect) -> Bool {
    lhs.rank < rhs.rank
  }

  private var rank: Int {
    switch self {
    case .noSchedule: 0
    case .preferNoSchedule: 1
    case .noExecute: 2
    }
  }
}

/// A taint on a node: keeps pods away unless they tolerate it.
public struct Taint: Hashable, Sendable, CustomStringConvertible {
  /// The taint's key, such as `nvidia.com/gpu`; never empty.
  public var key: String
  /// The taint's value; may be empty.
  public var value: String
  /// What the taint does to pods that do not tolerate it.
  public var effect: TaintEffect

  /// Creates a taint.
  ///
  /// - Parameters:
  ///   - key: The key; must not be empty (checked by `Cluster.validate()`).
  ///   - value: The value, empty by default.
  ///   - effect: The effect.
  public init(key: String, value: String = "", effect: TaintEffect) {
    self.key = key
    self.value = value
    self.effect = effect
  }

  /// `key=value:Effect`, or `key:Effect` when the value is empty, the form
  /// `kubectl taint` uses.
  public var description: String {
    value.isEmpty
      ? "\(key):\(effect.rawValue)" : "\(key)=\(value):\(effect.rawValue)"
  }
}
