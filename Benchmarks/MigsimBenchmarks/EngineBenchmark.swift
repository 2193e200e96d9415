import RandomStreams
import Simulation

/// Measures the event queue and the arrival generators and prints titled
/// figures.
///
/// Queue figures use the hold model: the queue is filled to a steady size,
/// then each step takes the first event and schedules one in its place,
/// an exponential time later (mean 1000 s) in one of four classes.
func benchmarkEngine() {
  guard let gap = try? ExponentialDistribution(mean: 1000) else { return }
  print("== engine: event queue (hold model, 1,000,000 pop+schedule pairs)")
  for size in [10_000, 1_000_000] {
    let (seconds, checksum) = holdModel(
      steadySize: size, steps: 1_000_000, gap: gap)
    let rate = Double(1_000_000) / seconds
    print(
      "queue size \(pad(size, 9)): \(format(rate)) pairs/s, "
        + "\(format(seconds * 1e9 / 1_000_000)) ns/pair  "
        + "(checksum \(checksum))")
  }

  print("== engine: run loop (1,000,000 events, each scheduling the next)")
  let (runSeconds, handled) = runLoop(
    events: 1_000_000, concurrent: 10_000, gap: gap)
  print(
    "run loop, 10,000 pending: \(format(Double(handled) / runSeconds)) "
      + "events/s")

  print("== engine: arrival generation (1,000,000 arrivals each)")
  let stream = RandomStream(seed: 1, name: "arrivals/bench")
  do {
    let poisson = try PoissonArrivals(ratePerHour: 60, stream: stream)
    report("poisson", generate(poisson, count: 1_000_000))
    let diurnal = try DiurnalArrivals(
      baseRatePerHour: 20, peakFactor: 4, peakHour: 15, stream: stream)
    report("diurnal", generate(diurnal, count: 1_000_000))
    let bursty = try BurstyArrivals(
      onRatePerHour: 120, offRatePerHour: 2, meanOnSeconds: 1800,
      meanOffSeconds: 5400, stream: stream)
    report("bursty", generate(bursty, count: 1_000_000))
  } catch {
    print("arrival benchmark parameters rejected: \(error)")
  }
}

/// Fills a queue to `steadySize`, then performs `steps` pop+schedule
/// pairs; returns the seconds taken by the pairs and a checksum.
private func holdModel(
  steadySize: Int, steps: Int, gap: ExponentialDistribution
) -> (Double, Int64) {
  var stream = RandomStream(seed: 7, name: "bench/hold")
  var queue = EventQueue<Int>()
  queue.reserveCapacity(steadySize)
  for index in 0..<steadySize {
    queue.schedule(
      index, at: gap.sample(using: &stream),
      class: EventClass(rank: UInt8(index & 3)))
  }
  var checksum: Int64 = 0
  let clock = ContinuousClock()
  let start = clock.now
  for step in 0..<steps {
    guard let entry = queue.popNext() else { break }
    checksum &+= entry.time
    queue.schedule(
      step, at: entry.time + gap.sample(using: &stream),
      class: EventClass(rank: UInt8(step & 3)))
  }
  return (seconds(clock.now - start), checksum)
}

/// Runs the engine over `events` events, `concurrent` of them pending at
/// any time; returns the seconds taken and the events handled.
private func runLoop(
  events: Int, concurrent: Int, gap: ExponentialDistribution
) -> (Double, Int) {
  var stream = RandomStream(seed: 8, name: "bench/run")
  var engine = SimulationEngine<Int>()
  for index in 0..<concurrent {
    engine.schedule(
      index, at: gap.sample(using: &stream), class: EventClass(rank: 0))
  }
  let clock = ContinuousClock()
  let start = clock.now
  _ = engine.run(maxEvents: events) { engine, index in
    engine.schedule(
      index, after: gap.sample(using: &stream), class: EventClass(rank: 0))
  }
  return (seconds(clock.now - start), engine.handledEventCount)
}

/// Draws `count` arrivals; returns the seconds taken and the last arrival.
private func generate<P: ArrivalProcess>(
  _ process: P, count: Int
) -> (Double, Int64) {
  var process = process
  var last: Int64 = 0
  let clock = ContinuousClock()
  let start = clock.now
  for _ in 0..<count {
    guard let time = process.next() else { break }
    last = time
  }
  return (seconds(clock.now - start), last)
}

private func report(_ name: String, _ result: (Double, Int64)) {
  let (elapsed, last) = result
  print(
    name + String(repeating: " ", count: max(0, 8 - name.count)) + ": "
      + "\(format(1_000_000 / elapsed)) arrivals/s  (last at \(last) s)")
}

private func seconds(_ duration: Duration) -> Double {
  let parts = duration.components
  return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}

private func format(_ value: Double) -> String {
  let rounded = Int(value.rounded())
  var digits = String(rounded)
  var index = digits.count - 3
  while index > 0 {
    digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
    index -= 3
  }
  return digits
}

private func pad(_ value: Int, _ width: Int) -> String {
  let text = format(Double(value))
  return String(repeating: " ", count: max(0, width - text.count)) + text
}
