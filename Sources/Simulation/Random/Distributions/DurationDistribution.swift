import RandomStreams

/// A distribution of durations in whole seconds, sampled from a
/// `RandomStream`.
///
/// Conforming types are value types whose parameters are checked when they
/// are made, so sampling never fails. Continuous distributions draw a real
/// number of seconds and convert it with `DurationRounding.seconds(_:)`:
/// round half up, at least 1 s.
public protocol DurationDistribution: Sendable {
  /// Draws one duration.
  ///
  /// - Parameter stream: the stream to draw from; advanced by the number
  ///   of draws each distribution documents.
  /// - Returns: a duration in seconds, at least 1.
  func sample(using stream: inout RandomStream) -> Int64

  /// The distribution's mean, in seconds: exact for the discrete
  /// distributions, and the mean before rounding for the continuous ones.
  var mean: Double { get }
}
