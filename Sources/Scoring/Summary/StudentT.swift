/// Quantiles of Student's t distribution for two-sided 95% confidence
/// intervals.
public enum StudentT {
  /// t₀.₉₇₅ for 1 to 30 degrees of freedom, from standard tables,
  /// rounded to three decimals.
  static let small: [Double] = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
  ]
  /// t₀.₉₇₅ at 40, 60 and 120 degrees of freedom.
  static let large: [(degrees: Int, quantile: Double)] = [
    (40, 2.021), (60, 2.000), (120, 1.980),
  ]
  /// The normal quantile z₀.₉₇₅, the limit for many degrees of freedom.
  static let normal = 1.960

  /// t₀.₉₇₅ for `degreesOfFreedom`; between table rows the row with fewer
  /// degrees of freedom, so that intervals are never too narrow.
  ///
  /// - Parameter degreesOfFreedom: At least 1.
  public static func quantile975(degreesOfFreedom: Int) -> Double {
    precondition(degreesOfFreedom >= 1, "at least one degree of freedom")
    if degreesOfFreedom <= small.count { return small[degreesOfFreedom - 1] }
    var quantile = small[small.count - 1]
    for row in large where degreesOfFreedom >= row.degrees {
      quantile = row.quantile
    }
    return degreesOfFreedom > 1000 ? normal : quantile
  }
}
