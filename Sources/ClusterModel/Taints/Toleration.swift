/// How a toleration compares its value with a taint's value.
public enum TolerationOperator: String, CaseIterable, Hashable, Sendable {
  /// Values must be equal (an empty value equals an empty value). Also the
  /// meaning of an omitted operator.
  case equal = "Equal"
  /// Any value matches; the toleration's value must be empty.
  case exists = "Exists"
  /// Both values parse as 64-bit integers and taint value < toleration
  /// value. Newer Kubernetes releases only.
  case lessThan = "Lt"
  /// Both values parse as 64-bit integers and taint value > toleration
  /// value. Newer Kubernetes releases only.
  case greaterThan = "Gt"
}

/// A pod's permission to land on (or stay on) a node with a matching taint.
///
/// Matching follows Kubernetes' `Toleration.ToleratesTaint`; see
/// `tolerates(_:)` and docs/cluster-model.md.
public struct Toleration: Hashable, Sendable, CustomStringConvertible {
  /// The taint key to match; empty matches every key (only with `Exists`).
  public var key: String
  /// How values are compared.
  public var `operator`: TolerationOperator
  /// The value to compare; must be empty with `Exists`.
  public var value: String
  /// The effect to match; `nil` matches every effect.
  public var effect: TaintEffect?
  /// For `NoExecute` taints: how long a running pod may stay after the taint
  /// appears, in seconds; `nil` means forever, zero or less means evict now.
  public var tolerationSeconds: Int?

  /// Creates a toleration.
  ///
  /// - Parameters:
  ///   - key: The taint key, empty for any key.
  ///   - operator: How values are compared, `Equal` by default.
  ///   - value: The value, empty by default.
  ///   - effect: The effect, `nil` (every effect) by default.
  ///   - tolerationSeconds: Seconds a `NoExecute` taint is tolerated,
  ///     `nil` (forever) by default.
  public init(
    key: String,
    operator: TolerationOperator = .equal,
    value: String = "",
    effect: TaintEffect? = nil,
    tolerationSeconds: Int? = nil
  ) {
    self.key = key
    self.operator = `operator`
    self.value = value
    self.effect = effect
    self.tolerationSeconds = tolerationSeconds
  }

  /// The toleration that tolerates every taint: empty key, `Exists`, no
  /// effect.
  public static let everything = Toleration(key: "", operator: .exists)

  /// A short form such as `sku=gpu:NoSchedule`, `nvidia.com/gpu:Exists` or
  /// `*:Exists`.
  public var description: String {
    let key = self.key.isEmpty ? "*" : self.key
    let test: String
    switch `operator` {
    case .equal: test = "=\(value)"
    case .exists: test = ":Exists"
    case .lessThan: test = "<\(value)"
    case .greaterThan: test = ">\(value)"
    }
    let effect = self.effect.map { ":\($0.rawValue)" } ?? ""
    let seconds = tolerationSeconds.map { " for \($0)s" } ?? ""
    return key + test + effect + seconds
  }
}
