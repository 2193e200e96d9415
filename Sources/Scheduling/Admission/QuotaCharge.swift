import ClusterModel

/// What admitting one workload takes from its tenant's quota: an amount
/// per quota resource, in the resource's unit.
///
/// A gang's charge covers all its pods, so the gang's quota is reserved
/// together or not at all.
public struct QuotaCharge: Hashable, Sendable, CustomStringConvertible {
  /// The positive amounts, sorted by resource (`QuotaResource` order).
  public private(set) var amounts: [(resource: QuotaResource, amount: Int)]

  /// Creates a charge from amounts by resource; zero amounts are dropped.
  ///
  /// - Parameter amounts: Amounts by resource, each at least 0.
  /// - Complexity: O(*r* log *r*) for *r* resources.
  public init(_ amounts: [QuotaResource: Int] = [:]) {
    precondition(amounts.values.allSatisfy { $0 >= 0 }, "negative charge")
    self.amounts = amounts.filter { $0.value > 0 }
      .map { (resource: $0.key, amount: $0.value) }
      .sorted { $0.resource < $1.resource }
  }

  /// The amount of `resource`, 0 when the charge does not touch it.
  ///
  /// - Complexity: O(*r*).
  public subscript(resource: QuotaResource) -> Int {
    amounts.first { $0.resource == resource }?.amount ?? 0
  }

  /// Whether the charge takes nothing.
  public var isEmpty: Bool { amounts.isEmpty }

  /// This charge taken `count` times (the pods of a gang).
  ///
  /// - Parameter count: The multiplier, at least 0.
  /// - Complexity: O(*r*).
  public func times(_ count: Int) -> QuotaCharge {
    precondition(count >= 0, "negative multiplier")
    var result = self
    result.amounts =
      count == 0
      ? [] : amounts.map { ($0.resource, $0.amount * count) }
    return result
  }

  /// The sum of two charges.
  ///
  /// - Complexity: O(*r* log *r*).
  public static func + (lhs: QuotaCharge, rhs: QuotaCharge) -> QuotaCharge {
    var sum: [QuotaResource: Int] = [:]
    for (resource, amount) in lhs.amounts + rhs.amounts {
      sum[resource, default: 0] += amount
    }
    return QuotaCharge(sum)
  }

  /// The amounts as a person reads them: `gpus 2 GPUs, cpu 8000m CPU`.
  public var description: String {
    guard !amounts.isEmpty else { return "nothing" }
    return amounts.map { "\($0.resource) \($0.resource.format($0.amount))" }
      .joined(separator: ", ")
  }

  /// Charges are equal when they take the same amounts.
  public static func == (lhs: QuotaCharge, rhs: QuotaCharge) -> Bool {
    lhs.amounts.elementsEqual(rhs.amounts) {
      $0.resource == $1.resource && $0.amount == $1.amount
    }
  }

  /// Hashes the amounts.
  public func hash(into hasher: inout Hasher) {
    for (resource, amount) in amounts {
      hasher.combine(resource)
      hasher.combine(amount)
    }
  }
}
