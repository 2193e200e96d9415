extension NodeSelectorRequirement {
  /// The ways this requirement breaks Kubernetes' validation rules.
  ///
  /// `In`/`NotIn` need values; `Exists`/`DoesNotExist` take none;
  /// `Gt`/`Lt` take exactly one integer.
  ///
  /// - Parameter path: The requirement's field path.
  /// - Returns: The violations, empty when valid.
  public func violations(at path: String) -> [ModelViolation] {
    var found = ViolationCollector()
    found.check(!key.isEmpty, at: "\(path).key", "the key must not be empty")
    let name = `operator`.rawValue
    switch `operator` {
    case .in, .notIn:
      found.check(
        !values.isEmpty, at: "\(path).values",
        "operator '\(name)' needs at least one value, found none")
    case .exists, .doesNotExist:
      found.check(
        values.isEmpty, at: "\(path).values",
        "operator '\(name)' takes no values, found \(values.count)")
    case .greaterThan, .lessThan:
      found.check(
        values.count == 1 && Int64(values[0]) != nil, at: "\(path).values",
        "operator '\(name)' needs exactly one integer value, found "
          + "\(values)")
    }
    return found.violations
  }
}

extension NodePlacement {
  /// The ways the node selector or the required affinity is malformed.
  ///
  /// - Parameter path: The path of the object holding `nodeSelector` and
  ///   `affinity`.
  /// - Returns: The violations, empty when valid.
  public func violations(at path: String) -> [ModelViolation] {
    var found = ViolationCollector()
    for key in nodeSelector.keys.sorted() where key.isEmpty {
      found.add(at: "\(path).nodeSelector", "a label key must not be empty")
    }
    guard let requiredAffinity else { return found.violations }
    let termsPath = "\(path).affinity"
    found.check(
      !requiredAffinity.terms.isEmpty, at: termsPath,
      "required node affinity needs at least one term, found none")
    for (t, term) in requiredAffinity.terms.enumerated() {
      let termPath = "\(termsPath)[\(t)]"
      found.check(
        !term.matchExpressions.isEmpty, at: termPath,
        "a term with no expressions matches no node; give at least one")
      for (e, expression) in term.matchExpressions.enumerated() {
        found.add(expression.violations(at: "\(termPath)[\(e)]"))
      }
    }
    return found.violations
  }
}
