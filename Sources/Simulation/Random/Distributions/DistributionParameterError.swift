/// Parameters of a distribution or arrival process that cannot be used,
/// all of them at once.
///
/// The layer that reads scenario files adds the file position of each
/// field.
public struct DistributionParameterError: Error, Hashable, Sendable {
  /// One unusable parameter.
  public struct Problem: Hashable, Sendable {
    /// The parameter's name, as in the initializer, such as `mean`.
    public let parameter: String

    /// The value found, as text.
    public let found: String

    /// What the value must be.
    public let expected: String
  }

  /// The distribution or process, such as `exponential`.
  public let distribution: String

  /// Every unusable parameter, in the initializer's order.
  public let problems: [Problem]
}

extension DistributionParameterError: CustomStringConvertible {
  /// One line per problem: `exponential: mean: found -1, expected ...`.
  public var description: String {
    problems.map {
      "\(distribution): \($0.parameter): found \($0.found), "
        + "expected \($0.expected)"
    }.joined(separator: "\n")
  }
}

/// Collects parameter problems for one distribution and throws them
/// together.
struct ParameterCheck {
  let distribution: String
  var problems: [DistributionParameterError.Problem] = []

  init(_ distribution: String) {
    self.distribution = distribution
  }

  /// Records a problem unless `condition` holds.
  mutating func require(
    _ condition: Bool, _ parameter: String, _ found: Any, _ expected: String
  ) {
    if !condition {
      problems.append(
        .init(parameter: parameter, found: "\(found)", expected: expected))
    }
  }

  /// Throws the recorded problems, if any.
  func throwIfAny() throws(DistributionParameterError) {
    if !problems.isEmpty {
      throw DistributionParameterError(
        distribution: distribution, problems: problems)
    }
  }
}

extension Double {
  /// Whether the value is finite and greater than zero.
  var isPositiveFinite: Bool { isFinite && self > 0 }
}
