import Foundation
import RandomStreams
import Testing

@testable import Simulation

/// Collects the arrivals of `process` before `horizon` seconds.
func arrivals<P: ArrivalProcess>(_ process: P, before horizon: Int64) -> [Int64] {
  var process = process
  var times: [Int64] = []
  while let time = process.next(), time < horizon { times.append(time) }
  return times
}

/// The variance-to-mean ratio of arrival counts in windows of `window`
/// seconds: about 1 for a Poisson process, larger when arrivals cluster.
func indexOfDispersion(_ times: [Int64], window: Int64, horizon: Int64) -> Double {
  var counts = [Double](repeating: 0, count: Int(horizon / window))
  for time in times { counts[Int(time / window)] += 1 }
  let mean = counts.reduce(0, +) / Double(counts.count)
  let variance =
    counts.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(counts.count)
  return variance / mean
}

@Suite struct DistributionArrivalTests {
  private let hour: Int64 = 3600
  private let day: Int64 = 86_400

  @Test func poissonArrivalsHaveTheRateAndExponentialGaps() throws {
    let process = try PoissonArrivals(
      ratePerHour: 6, stream: RandomStream(seed: 1, name: "arrivals/a"))
    let horizon = 10_000 * hour
    let times = arrivals(process, before: horizon)
    let expected = 6.0 * 10_000
    #expect(abs(Double(times.count) - expected) < 4 * expected.squareRoot())
    #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })

    let gaps = zip(times, times.dropFirst()).map { Double($1 - $0) }
    // Whole-second stamps shift each gap by less than one second; compare
    // against the law of the difference of two floored times.
    let cdf = { (mean: Double) in { (x: Double) in 1 - exp(-(x + 0.5) / mean) } }
    #expect(kolmogorovSmirnov(gaps, cdf(600)) < ksCritical(gaps.count))
    #expect(kolmogorovSmirnov(gaps, cdf(570)) > ksCritical(gaps.count))
  }

  @Test func poissonArrivalsStartAtTheStartTime() throws {
    var process = try PoissonArrivals(
      ratePerHour: 3600, stream: RandomStream(seed: 2, name: "arrivals/a"),
      startTime: 5000)
    let first = process.next()
    #expect(first.map { $0 >= 5000 && $0 < 5100 } == true)
  }

  @Test func diurnalArrivalsPeakAtThePeakHourAndFollowTheRateCurve() throws {
    let process = try DiurnalArrivals(
      baseRatePerHour: 20, peakFactor: 4, peakHour: 15.5,
      stream: RandomStream(seed: 3, name: "arrivals/a"))
    let days: Int64 = 200
    let times = arrivals(process, before: days * day)
    var perHour = [Int](repeating: 0, count: 24)
    for time in times { perHour[Int(time % day / hour)] += 1 }

    // The peak hour estimated from the first Fourier component of the
    // arrival times of day: the angle of the mean of e^(2πi t / day).
    let angle = { (time: Int64) in 2 * Double.pi * Double(time % day) / Double(day) }
    let cosines = times.reduce(0.0) { $0 + cos(angle($1)) }
    let sines = times.reduce(0.0) { $0 + sin(angle($1)) }
    let estimatedPeak = (atan2(sines, cosines) / (2 * Double.pi) * 24 + 24)
      .truncatingRemainder(dividingBy: 24)
    #expect(abs(estimatedPeak - 15.5) < 0.2)
    #expect(perHour[15] > 3 * perHour[3])
    // Expected counts per hour of day: the rate integrated over the hour
    // (midpoint rule, one-minute steps), times the number of days.
    let expected = (0..<24).map { hourOfDay in
      (0..<60).reduce(0.0) { sum, minute in
        let second = Double(hourOfDay * 3600 + minute * 60 + 30)
        return sum + process.ratePerHour(atSecond: second) / 60
      } * Double(days)
    }
    #expect(chiSquare(perHour, expected) < chiSquareCritical(23))
    let total = expected.reduce(0, +)
    let flat = [Double](repeating: total / 24, count: 24)
    #expect(chiSquare(perHour, flat) > chiSquareCritical(23))
    let meanRate = Double(times.count) / Double(days * 24)
    #expect(abs(meanRate / process.meanRatePerHour - 1) < 0.02)
  }

  @Test func burstyArrivalsClusterAndKeepTheirLongRunRate() throws {
    let bursty = try BurstyArrivals(
      onRatePerHour: 120, offRatePerHour: 2,
      meanOnSeconds: 1800, meanOffSeconds: 5400,
      stream: RandomStream(seed: 4, name: "arrivals/a"))
    let horizon = 2000 * hour
    let times = arrivals(bursty, before: horizon)
    let rate = Double(times.count) / 2000
    #expect(abs(rate / bursty.meanRatePerHour - 1) < 0.05)
    #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })

    let poisson = try PoissonArrivals(
      ratePerHour: bursty.meanRatePerHour,
      stream: RandomStream(seed: 4, name: "arrivals/b"))
    let smooth = arrivals(poisson, before: horizon)
    let clustered = indexOfDispersion(times, window: 600, horizon: horizon)
    let even = indexOfDispersion(smooth, window: 600, horizon: horizon)
    #expect(clustered > 5)
    #expect(abs(even - 1) < 0.1)
  }

  @Test func burstyArrivalsWithEqualRatesAreNotClustered() throws {
    let process = try BurstyArrivals(
      onRatePerHour: 30, offRatePerHour: 30,
      meanOnSeconds: 1800, meanOffSeconds: 1800,
      stream: RandomStream(seed: 5, name: "arrivals/a"))
    let horizon = 2000 * hour
    let times = arrivals(process, before: horizon)
    #expect(abs(indexOfDispersion(times, window: 600, horizon: horizon) - 1) < 0.1)
    #expect(abs(Double(times.count) / 2000 / 30 - 1) < 0.03)
  }

  @Test func sameSeedAndNameGiveTheSameArrivalsAndOtherNamesDiffer() throws {
    func first(_ name: String, seed: UInt64) throws -> [Int64] {
      let process = try DiurnalArrivals(
        baseRatePerHour: 10, peakFactor: 3, peakHour: 12,
        stream: RandomStream(seed: seed, name: name))
      return Array(process.prefix(1000))
    }
    let a = try first(StreamNames.arrivals(tenant: "a"), seed: 9)
    #expect(a == (try first(StreamNames.arrivals(tenant: "a"), seed: 9)))
    #expect(a != (try first(StreamNames.arrivals(tenant: "b"), seed: 9)))
    #expect(a != (try first(StreamNames.arrivals(tenant: "a"), seed: 10)))
  }

  /// Runs an engine over the tenants' arrival processes, one process per
  /// tenant on the tenant's own stream, and returns each tenant's
  /// arrivals in the order the engine handled them.
  private func simulateArrivals(
    tenants: [String], seed: UInt64, horizon: Int64
  ) throws -> [String: [Int64]] {
    var processes: [any ArrivalProcess] = []
    for (index, tenant) in tenants.enumerated() {
      let stream = RandomStream(seed: seed, name: StreamNames.arrivals(tenant: tenant))
      processes.append(
        index % 2 == 0
          ? try PoissonArrivals(ratePerHour: 30, stream: stream)
          : try BurstyArrivals(
            onRatePerHour: 90, offRatePerHour: 5, meanOnSeconds: 600,
            meanOffSeconds: 1200, stream: stream))
    }
    var engine = SimulationEngine<Int>()
    for index in processes.indices {
      if let time = processes[index].next() {
        engine.schedule(index, at: time, class: EventClass(rank: 1))
      }
    }
    var seen: [String: [Int64]] = [:]
    _ = engine.run(until: horizon) { engine, index in
      seen[tenants[index], default: []].append(engine.now)
      if let time = processes[index].next() {
        engine.schedule(index, at: time, class: EventClass(rank: 1))
      }
    }
    return seen
  }

  @Test func addingATenantDoesNotShiftAnotherTenantsArrivals() throws {
    let horizon = 48 * hour
    let without = try simulateArrivals(tenants: ["a", "b"], seed: 11, horizon: horizon)
    let with = try simulateArrivals(tenants: ["a", "b", "c"], seed: 11, horizon: horizon)
    #expect(without["b"]?.isEmpty == false)
    #expect(without["a"] == with["a"])
    #expect(without["b"] == with["b"])
    #expect(with["c"]?.isEmpty == false)
  }

  @Test func explicitArrivalsReplayTheListAndRejectDisorder() throws {
    let process = try ExplicitArrivals(times: [0, 5, 5, 9])
    #expect(Array(process) == [0, 5, 5, 9])
    do {
      _ = try ExplicitArrivals(times: [-1, 0, 7, 2])
      Issue.record("expected an error")
    } catch {
      #expect(error.problems.map(\.parameter) == ["times[0]", "times[3]"])
    }
  }

  @Test func arrivalProcessesRejectUnusableRates() {
    let stream = RandomStream(seed: 0, name: "arrivals/a")
    #expect(throws: DistributionParameterError.self) {
      try PoissonArrivals(ratePerHour: 0, stream: stream)
    }
    do {
      _ = try DiurnalArrivals(
        baseRatePerHour: -1, peakFactor: 0.5, peakHour: 24, stream: stream)
      Issue.record("expected an error")
    } catch {
      #expect(
        error.problems.map(\.parameter)
          == ["baseRatePerHour", "peakFactor", "peakHour"])
    }
    #expect(throws: DistributionParameterError.self) {
      try BurstyArrivals(
        onRatePerHour: 1, offRatePerHour: -1, meanOnSeconds: 1,
        meanOffSeconds: 1, stream: stream)
    }
  }
}
