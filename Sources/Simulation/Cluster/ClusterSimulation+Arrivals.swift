import ClusterModel
import RandomStreams
import Scheduling

/// Where one generator's next job comes from.
enum ArrivalSource: Sendable {
  case poisson(PoissonArrivals)
  case diurnal(DiurnalArrivals)
  case bursty(BurstyArrivals)
  /// A job list sorted by arrival; the cursor is the next entry.
  case list([ListedJob], cursor: Int)
}

/// A generator while the run goes: its arrivals, template mix and
/// duration draws, each from streams of its own.
struct GeneratorState: Sendable {
  var name: String
  var tenant: Int
  var source: ArrivalSource
  /// Template indexes of the mix and their cumulative weights.
  var mixTemplates: [Int]
  var mixCumulative: [Double]
  var shapes: RandomStream
  var durations: RandomStream
  /// A duration distribution per template index (only mix templates).
  var distributions: [Int: any DurationDistribution]
  var maxJobs: Int?
  var submitted = 0
  /// The arrival second of the job the scheduled event stands for.
  var pendingArrival: Int?
}

extension ClusterSimulation {
  // MARK: - Generators

  /// Builds every generator's arrival process, mix and distributions.
  mutating func makeGenerators() throws(SimulationSetupError) {
    let demand = input.demand
    let seed = input.settings.seed
    var templateIndex: [String: Int] = [:]
    for (i, template) in demand.templates.enumerated() {
      templateIndex[template.name] = i
    }
    for (g, generator) in demand.generators.enumerated() {
      let path = "workloads[\(g)]"
      guard
        let tenant = input.cluster.tenants.firstIndex(where: {
          $0.name == generator.tenant
        })
      else {
        throw SimulationSetupError(
          path: "\(path).tenant", "unknown tenant '\(generator.tenant)'")
      }
      // Streams are named by tenant and generator, so a new tenant or a
      // new generator leaves every other generator's draws unchanged.
      let owner = "\(generator.tenant)/\(generator.name)"
      let arrivals = RandomStream(
        seed: seed, name: StreamNames.arrivals(tenant: owner))
      var source: ArrivalSource
      var mixTemplates: [Int] = []
      var cumulative: [Double] = []
      var distributions: [Int: any DurationDistribution] = [:]
      do {
        switch generator.source {
        case .arrivals(let process, let mix):
          source = try Self.arrivalSource(process, stream: arrivals)
          var total = 0.0
          for entry in mix {
            guard let t = templateIndex[entry.template] else {
              throw SimulationSetupError(
                path: "\(path).mix", "unknown template '\(entry.template)'")
            }
            total += entry.weight
            mixTemplates.append(t)
            cumulative.append(total)
            distributions[t] = try Self.distribution(
              demand.templates[t].duration)
          }
        case .jobList:
          guard var list = input.jobLists[generator.name] else {
            throw SimulationSetupError(
              path: "\(path).jobs", "the job list was not read")
          }
          for (i, job) in list.enumerated()
          where templateIndex[job.template] == nil {
            throw SimulationSetupError(
              path: "\(path).jobs[\(i)].template",
              "unknown template '\(job.template)'")
          }
          list = Self.sortedByArrival(list)
          source = .list(list, cursor: 0)
        }
      } catch let error as SimulationSetupError {
        throw error
      } catch let error as DistributionParameterError {
        throw SimulationSetupError(path: path, "\(error)")
      } catch {
        throw SimulationSetupError(path: path, "\(error)")
      }
      generators.append(
        GeneratorState(
          name: generator.name, tenant: tenant, source: source,
          mixTemplates: mixTemplates, mixCumulative: cumulative,
          shapes: RandomStream(
            seed: seed, name: StreamNames.shapes(tenant: owner)),
          durations: RandomStream(
            seed: seed, name: StreamNames.durations(tenant: owner)),
          distributions: distributions, maxJobs: generator.maxJobs))
    }
  }

  /// A listed job order that is stable: by arrival, ties by file order.
  static func sortedByArrival(_ list: [ListedJob]) -> [ListedJob] {
    list.enumerated().sorted {
      ($0.element.arrivalSeconds, $0.offset)
        < ($1.element.arrivalSeconds, $1.offset)
    }.map(\.element)
  }

  static func arrivalSource(
    _ process: ClusterModel.ArrivalProcess, stream: RandomStream
  ) throws(DistributionParameterError) -> ArrivalSource {
    switch process {
    case .poisson(let rate):
      return .poisson(try PoissonArrivals(ratePerHour: rate, stream: stream))
    case .diurnal(let base, let peak, let hour):
      return .diurnal(
        try DiurnalArrivals(
          baseRatePerHour: base, peakFactor: peak, peakHour: Double(hour),
          stream: stream))
    case .bursty(let on, let off, let onRate, let offRate):
      return .bursty(
        try BurstyArrivals(
          onRatePerHour: onRate, offRatePerHour: offRate,
          meanOnSeconds: Double(on), meanOffSeconds: Double(off),
          stream: stream))
    }
  }

  static func distribution(_ model: DurationModel)
    throws(DistributionParameterError) -> any DurationDistribution
  {
    switch model {
    case .fixed(let seconds): try FixedDuration(seconds: Int64(seconds))
    case .exponential(let mean): try ExponentialDistribution(mean: mean)
    case .logNormal(let mu, let sigma):
      try LogNormalDistribution(mu: mu, sigma: sigma)
    case .empirical(let list):
      try EmpiricalDistribution(values: list.map(Int64.init))
    }
  }

  /// Draws the generator's next arrival and schedules it, unless the
  /// generator is spent or the arrival falls after the horizon.
  mutating func scheduleNextArrival(
    ofGenerator index: Int, _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    var generator = generators[index]
    defer { generators[index] = generator }
    generator.pendingArrival = nil
    if let limit = generator.maxJobs, generator.submitted >= limit { return }
    let next: Int?
    switch generator.source {
    case .poisson(var process):
      next = process.next().map(Int.init)
      generator.source = .poisson(process)
    case .diurnal(var process):
      next = process.next().map(Int.init)
      generator.source = .diurnal(process)
    case .bursty(var process):
      next = process.next().map(Int.init)
      generator.source = .bursty(process)
    case .list(let list, let cursor):
      next = cursor < list.count ? list[cursor].arrivalSeconds : nil
    }
    guard let time = next, time <= horizon else { return }
    generator.pendingArrival = time
    engine.schedule(
      .arrival(generator: index), at: Int64(max(time, now)), class: .arrival)
  }

  /// Submits the job a generator's arrival event stands for, then
  /// schedules that generator's next arrival.
  mutating func arrive(
    fromGenerator index: Int, _ engine: inout SimulationEngine<ClusterEvent>
  ) {
    var generator = generators[index]
    let number = generator.submitted
    generator.submitted += 1
    let tenant: Int
    let template: Int
    let duration: Int
    var key: RequestSlotKey
    var name: String
    switch generator.source {
    case .list(let list, let cursor):
      let listed = list[cursor]
      generator.source = .list(list, cursor: cursor + 1)
      tenant =
        input.cluster.tenants.firstIndex { $0.name == listed.tenant }
        ?? generator.tenant
      template =
        input.demand.templates.firstIndex { $0.name == listed.template } ?? 0
      duration = max(1, listed.durationSeconds)
      key = RequestSlotKey(
        tenant: tenant, template: template, requests: listed.requests,
        placement: listed.placement)
      name = listed.name ?? "\(generator.name)-\(number)"
    default:
      tenant = generator.tenant
      let draw = generator.shapes.nextUnitInterval()
        * (generator.mixCumulative.last ?? 1)
      let pick =
        generator.mixCumulative.firstIndex { draw < $0 }
        ?? generator.mixCumulative.count - 1
      template = generator.mixTemplates[pick]
      duration = Int(
        generator.distributions[template]!.sample(
          using: &generator.durations))
      key = RequestSlotKey(
        tenant: tenant, template: template, requests: nil, placement: nil)
      name = "\(generator.name)-\(number)"
    }
    generators[index] = generator
    submit(
      name: name, generator: index, key: key, durationSeconds: duration,
      &engine)
    scheduleNextArrival(ofGenerator: index, &engine)
  }
}
