import Foundation

/// Maps a data interval onto a pixel interval linearly, with tick
/// positions at "nice" numbers (1, 2 or 5 times a power of ten).
public struct LinearScale: Hashable, Sendable {
  /// The data interval's ends.
  public var domain: (lower: Double, upper: Double)
  /// The pixel interval's ends (`upper` may be smaller, for y axes).
  public var range: (start: Double, end: Double)

  /// Creates a scale; an empty domain is widened by 1 on each side.
  ///
  /// - Parameters:
  ///   - domain: The data interval.
  ///   - range: The pixel interval.
  public init(
    domain: (lower: Double, upper: Double), range: (start: Double, end: Double)
  ) {
    var domain = domain
    if !(domain.upper > domain.lower) {
      domain = (domain.lower - 1, domain.lower + 1)
    }
    self.domain = domain
    self.range = range
  }

  /// The pixel position of `value`.
  public func callAsFunction(_ value: Double) -> Double {
    let share = (value - domain.lower) / (domain.upper - domain.lower)
    return range.start + share * (range.end - range.start)
  }

  /// About `count` tick values inside the domain, evenly spaced by a nice
  /// step.
  ///
  /// - Parameter count: The wished-for number of ticks, at least 2.
  /// - Returns: The ticks ascending and the step between them.
  public func ticks(count: Int = 5) -> (values: [Double], step: Double) {
    let step = LinearScale.niceStep(
      (domain.upper - domain.lower) / Double(max(count - 1, 1)))
    let first = (domain.lower / step).rounded(.up)
    let last = (domain.upper / step + 1e-9).rounded(.down)
    guard first <= last else { return ([domain.lower], step) }
    return (stride(from: first, through: last, by: 1).map { $0 * step }, step)
  }

  /// The domain widened outwards to multiples of the nice step for about
  /// `count` ticks.
  ///
  /// - Parameter count: The wished-for number of ticks.
  public func nice(count: Int = 5) -> LinearScale {
    let step = LinearScale.niceStep(
      (domain.upper - domain.lower) / Double(max(count - 1, 1)))
    return LinearScale(
      domain: ((domain.lower / step).rounded(.down) * step,
        (domain.upper / step - 1e-9).rounded(.up) * step),
      range: range)
  }

  /// The step among 1, 2, 5 or 10 times a power of ten nearest to `raw`
  /// on a logarithmic scale (thresholds √2, √10 and √50 on the leading
  /// digits).
  ///
  /// - Parameter raw: A positive step.
  public static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let magnitude = pow(10, (log10(raw)).rounded(.down))
    let residual = raw / magnitude
    let factor: Double =
      residual >= 50.0.squareRoot() ? 10
      : residual >= 10.0.squareRoot() ? 5
      : residual >= 2.0.squareRoot() ? 2 : 1
    return factor * magnitude
  }

  /// Decimals that show a tick step exactly (0 for steps of 1 or more).
  ///
  /// - Parameter step: The tick step.
  public static func decimals(forStep step: Double) -> Int {
    guard step > 0, step < 1 else { return 0 }
    return min(Int((-log10(step) - 1e-9).rounded(.up)), 6)
  }

  /// Compares domains and ranges.
  public static func == (lhs: LinearScale, rhs: LinearScale) -> Bool {
    lhs.domain == rhs.domain && lhs.range == rhs.range
  }

  /// Hashes domain and range.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(domain.lower)
    hasher.combine(domain.upper)
    hasher.combine(range.start)
    hasher.combine(range.end)
  }
}
