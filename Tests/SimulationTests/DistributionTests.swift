import Foundation
import RandomStreams
import Testing

@testable import Simulation

// MARK: - Statistics helpers

/// The Kolmogorov–Smirnov statistic of `samples` against `cdf`.
func kolmogorovSmirnov(_ samples: [Double], _ cdf: (Double) -> Double) -> Double {
  let sorted = samples.sorted()
  let count = Double(sorted.count)
  var largest = 0.0
  for (index, value) in sorted.enumerated() {
    let expected = cdf(value)
    largest = max(
      largest, Double(index + 1) / count - expected,
      expected - Double(index) / count)
  }
  return largest
}

/// The Kolmogorov–Smirnov critical value at level 0.001 for `count`
/// samples.
func ksCritical(_ count: Int) -> Double {
  1.95 / Double(count).squareRoot()
}

/// Pearson's chi-square statistic of `observed` counts against `expected`.
func chiSquare(_ observed: [Int], _ expected: [Double]) -> Double {
  zip(observed, expected).reduce(0) {
    $0 + (Double($1.0) - $1.1) * (Double($1.0) - $1.1) / $1.1
  }
}

/// The 0.999 quantile of chi-square with `degrees` degrees of freedom
/// (Wilson–Hilferty approximation).
func chiSquareCritical(_ degrees: Int) -> Double {
  let k = Double(degrees)
  let term = 1 - 2 / (9 * k) + 3.09 * (2 / (9 * k)).squareRoot()
  return k * term * term * term
}

/// The standard normal distribution function.
func standardNormalCDF(_ x: Double) -> Double {
  0.5 * erfc(-x / 2.0.squareRoot())
}

func quantile(_ sorted: [Double], _ p: Double) -> Double {
  sorted[Int(Double(sorted.count - 1) * p)]
}

// MARK: - Tests

@Suite struct DistributionTests {
  @Test(arguments: [
    (0.2, 1), (0.49, 1), (0.5, 1), (1.49, 1), (1.5, 2), (2.5, 3),
    (-7.0, 1), (3599.5, 3600), (1e300, 1 << 53),
  ] as [(Double, Int64)])
  func durationsRoundHalfUpWithAOneSecondMinimum(value: Double, seconds: Int64) {
    #expect(DurationRounding.seconds(value) == seconds)
  }

  @Test func exponentialSamplesFollowTheExponentialLawAndAWrongMeanFails()
    throws
  {
    let distribution = try ExponentialDistribution(mean: 600)
    var stream = RandomStream(seed: 1, name: "exponential")
    let samples = (0..<100_000).map { _ in distribution.sampleValue(using: &stream) }
    let cdf = { (mean: Double) in { (x: Double) in 1 - exp(-x / mean) } }
    #expect(kolmogorovSmirnov(samples, cdf(600)) < ksCritical(samples.count))
    #expect(kolmogorovSmirnov(samples, cdf(630)) > ksCritical(samples.count))
    let sampleMean = samples.reduce(0, +) / Double(samples.count)
    #expect(abs(sampleMean - 600) < 600 * 0.01)

    var rounded = RandomStream(seed: 2, name: "exponential")
    var total: Int64 = 0
    for _ in 0..<100_000 { total += distribution.sample(using: &rounded) }
    #expect(abs(Double(total) / 100_000 - 600) < 600 * 0.01)
  }

  @Test func normalSamplesFollowTheNormalLawAndConsumeTwoDraws() throws {
    let distribution = try NormalDistribution(mean: 50, standardDeviation: 8)
    var stream = RandomStream(seed: 3, name: "normal")
    let samples = (0..<100_000).map { _ in distribution.sampleValue(using: &stream) }
    let cdf = { (sd: Double) in { (x: Double) in standardNormalCDF((x - 50) / sd) } }
    #expect(kolmogorovSmirnov(samples, cdf(8)) < ksCritical(samples.count))
    #expect(kolmogorovSmirnov(samples, cdf(8.4)) > ksCritical(samples.count))

    var sampled = RandomStream(seed: 4, name: "normal")
    var skipped = sampled
    _ = distribution.sample(using: &sampled)
    _ = skipped.next()
    _ = skipped.next()
    #expect(sampled.next() == skipped.next())
  }

  @Test func logNormalFromMedianAndP95ReproducesThemAndItsMean() throws {
    let distribution = try LogNormalDistribution(median: 900, p95: 7200)
    #expect(abs(distribution.median - 900) < 1e-9)
    var stream = RandomStream(seed: 5, name: "log-normal")
    let samples = (0..<200_000).map { _ in distribution.sampleValue(using: &stream) }
    let sorted = samples.sorted()
    #expect(abs(quantile(sorted, 0.5) / 900 - 1) < 0.02)
    #expect(abs(quantile(sorted, 0.95) / 7200 - 1) < 0.03)
    let sampleMean = samples.reduce(0, +) / Double(samples.count)
    #expect(abs(sampleMean / distribution.mean - 1) < 0.03)

    let logs = samples.map { log($0) }
    let mu = distribution.mu
    let cdf = { (sigma: Double) in
      { (x: Double) in standardNormalCDF((x - mu) / sigma) }
    }
    #expect(kolmogorovSmirnov(logs, cdf(distribution.sigma)) < ksCritical(logs.count))
    #expect(
      kolmogorovSmirnov(logs, cdf(distribution.sigma * 1.05)) > ksCritical(logs.count))
  }

  @Test func fixedDurationAlwaysGivesItsValueAndDrawsNothing() throws {
    let distribution = try FixedDuration(seconds: 42)
    var stream = RandomStream(seed: 6, name: "fixed")
    let untouched = stream
    for _ in 0..<10 { #expect(distribution.sample(using: &stream) == 42) }
    var copy = untouched
    #expect(stream.next() == copy.next())
    #expect(distribution.mean == 42)
  }

  @Test func aliasTableReproducesEveryProbabilityExactlyForSmallSizes() throws {
    var stream = RandomStream(seed: 7, name: "alias-weights")
    for size in 1...8 {
      for trial in 0..<50 {
        let weights = (0..<size).map { _ in Double(stream.nextInt(below: 5)) }
        guard weights.reduce(0, +) > 0 else { continue }
        let distribution = try EmpiricalDistribution(
          values: (1...Int64(size)).map { $0 }, weights: weights)
        // Column i gives value i with keep[i] and alias[i] otherwise.
        var mass = [Double](repeating: 0, count: size)
        for column in 0..<size {
          mass[column] += distribution.keep[column] / Double(size)
          mass[distribution.alias[column]] +=
            (1 - distribution.keep[column]) / Double(size)
        }
        for index in 0..<size {
          #expect(
            abs(mass[index] - distribution.probabilities[index]) < 1e-12,
            "size \(size) trial \(trial) weights \(weights)")
        }
      }
    }
  }

  @Test func empiricalSamplesFollowTheWeightsAndNeverAZeroWeight() throws {
    let values: [Int64] = [10, 20, 30, 40, 50]
    let weights = [1.0, 2, 3, 0, 4]
    let distribution = try EmpiricalDistribution(values: values, weights: weights)
    #expect(abs(distribution.mean - (10 + 40 + 90 + 200) / 10.0) < 1e-9)
    var stream = RandomStream(seed: 8, name: "empirical")
    var counts: [Int64: Int] = [:]
    let draws = 100_000
    for _ in 0..<draws { counts[distribution.sample(using: &stream), default: 0] += 1 }
    #expect(counts[40] == nil)
    let kept = [10, 20, 30, 50] as [Int64]
    let observed = kept.map { counts[$0, default: 0] }
    let expected = [0.1, 0.2, 0.3, 0.4].map { $0 * Double(draws) }
    #expect(chiSquare(observed, expected) < chiSquareCritical(3))
    let swapped = [0.2, 0.1, 0.3, 0.4].map { $0 * Double(draws) }
    #expect(chiSquare(observed, swapped) > chiSquareCritical(3))
  }

  @Test func uniformIntegersCoverTheRangeEvenly() throws {
    for upper in Int64(1)...6 {
      let distribution = try UniformIntegerDistribution(range: 1...upper)
      var stream = RandomStream(seed: 9, name: "uniform-\(upper)")
      var counts = [Int](repeating: 0, count: Int(upper))
      let draws = 6000 * Int(upper)
      for _ in 0..<draws {
        let value = distribution.sample(using: &stream)
        #expect((1...upper).contains(value))
        counts[Int(value - 1)] += 1
      }
      #expect(counts.allSatisfy { $0 > 0 })
      if upper > 1 {
        let expected = [Double](repeating: 6000, count: Int(upper))
        #expect(chiSquare(counts, expected) < chiSquareCritical(Int(upper) - 1))
      }
      #expect(distribution.mean == Double(1 + upper) / 2)
    }
  }

  @Test(arguments: [3.0, 200.0])
  func poissonCountsMatchThePoissonLaw(mean: Double) throws {
    let distribution = try PoissonDistribution(mean: mean)
    var stream = RandomStream(seed: 10, name: "poisson")
    let draws = 100_000
    let samples = (0..<draws).map { _ in distribution.sample(using: &stream) }
    let sampleMean = Double(samples.reduce(0, +)) / Double(draws)
    let variance =
      samples.reduce(0.0) { $0 + pow(Double($1) - sampleMean, 2) } / Double(draws)
    let standardError = (mean / Double(draws)).squareRoot()
    #expect(abs(sampleMean - mean) < 5 * standardError)
    #expect(abs(variance / mean - 1) < 0.03)

    // Bins of the probability mass function around the mean.
    let low = max(0, Int(mean - 2 * mean.squareRoot()))
    let high = Int(mean + 2 * mean.squareRoot())
    var probability = exp(-mean)
    var pmf: [Double] = [probability]
    for k in 1...high {
      probability *= mean / Double(k)
      pmf.append(probability)
    }
    let observed = (low...high).map { k in samples.count { $0 == k } }
    let expected = (low...high).map { pmf[$0] * Double(draws) }
    #expect(chiSquare(observed, expected) < chiSquareCritical(observed.count))
    let shifted = (low...high).map { pmf[max(0, $0 - 1)] * Double(draws) }
    #expect(chiSquare(observed, shifted) > chiSquareCritical(observed.count))
  }

  @Test func unusableParametersAreAllReportedTogether() {
    #expect(throws: DistributionParameterError.self) {
      try ExponentialDistribution(mean: -1)
    }
    do {
      _ = try LogNormalDistribution(median: 0, p95: -5)
      Issue.record("expected an error")
    } catch {
      #expect(error.distribution == "log-normal")
      #expect(error.problems.map(\.parameter) == ["median", "p95"])
    }
    do {
      _ = try EmpiricalDistribution(values: [0, 5], weights: [1, -1, 2])
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.map(\.parameter) == ["values", "weights", "weights"])
    }
    #expect(throws: DistributionParameterError.self) {
      try UniformIntegerDistribution(range: 0...5)
    }
    #expect(throws: DistributionParameterError.self) {
      try FixedDuration(seconds: 0)
    }
    #expect(throws: DistributionParameterError.self) {
      try PoissonDistribution(mean: .nan)
    }
  }
}
