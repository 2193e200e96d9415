/// Jain's fairness index of non-negative allocations x₁…xₙ:
/// (Σ x)² / (n × Σ x²).
///
/// It is 1 when all x are equal and 1/n when one takes everything; it is
/// scale-free (multiplying every x by c > 0 leaves it unchanged). All
/// zeros count as equal shares, index 1.
///
/// - Parameter shares: The allocations, each at least 0.
/// - Returns: The index in [1/n, 1], or `nil` for no shares.
/// - Complexity: O(*n*).
public func jainIndex(_ shares: [Double]) -> Double? {
  guard !shares.isEmpty else { return nil }
  precondition(shares.allSatisfy { $0 >= 0 }, "shares are never negative")
  let sum = shares.reduce(0, +)
  let squares = shares.reduce(0) { $0 + $1 * $1 }
  guard squares > 0 else { return 1 }
  return sum * sum / (Double(shares.count) * squares)
}
