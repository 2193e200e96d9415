extension Toleration {
  /// The ways this toleration breaks Kubernetes' validation rules.
  ///
  /// An empty key needs `Exists`; `Exists` needs an empty value; `Lt` and
  /// `Gt` need an integer value; `tolerationSeconds` needs effect
  /// `NoExecute`.
  ///
  /// - Parameter path: The toleration's field path.
  /// - Returns: The violations, empty when valid.
  public func violations(at path: String) -> [ModelViolation] {
    var found = ViolationCollector()
    found.check(
      !key.isEmpty || `operator` == .exists, at: "\(path).operator",
      "an empty key matches every key and needs operator 'Exists', found "
        + "'\(`operator`.rawValue)'")
    found.check(
      `operator` != .exists || value.isEmpty, at: "\(path).value",
      "operator 'Exists' takes no value, found '\(value)'")
    if `operator` == .lessThan || `operator` == .greaterThan {
      found.check(
        Int64(value) != nil, at: "\(path).value",
        "operator '\(`operator`.rawValue)' needs an integer value, found "
          + "'\(value)'")
    }
    if tolerationSeconds != nil {
      found.check(
        effect == .noExecute, at: "\(path).tolerationSeconds",
        "tolerationSeconds applies only to effect 'NoExecute', found "
          + (effect.map { "'\($0.rawValue)'" } ?? "no effect"))
    }
    return found.violations
  }
}

extension Taint {
  /// The ways this taint is malformed: an empty key.
  ///
  /// - Parameter path: The taint's field path.
  /// - Returns: The violations, empty when valid.
  public func violations(at path: String) -> [ModelViolation] {
    key.isEmpty
      ? [ModelViolation(at: "\(path).key", "a taint key must not be empty")]
      : []
  }
}
