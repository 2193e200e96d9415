/// When jobs arrive, as a random process. Rates are per hour of simulated
/// time.
public enum ArrivalProcess: Hashable, Sendable {
  /// A Poisson process with a constant rate, jobs per hour; > 0.
  case poisson(ratePerHour: Double)
  /// A Poisson process whose rate follows a day: a cosine between
  /// `baseRatePerHour` (12 hours from the peak) and `baseRatePerHour ×
  /// peakFactor` at `peakHour` (0–23, simulated time starts at hour 0).
  case diurnal(baseRatePerHour: Double, peakFactor: Double, peakHour: Int)
  /// Alternating periods: `onSeconds` at `onRatePerHour`, then
  /// `offSeconds` at `offRatePerHour`, starting with an on period.
  case bursty(
    onSeconds: Int, offSeconds: Int, onRatePerHour: Double,
    offRatePerHour: Double)
}

/// A template and its weight in a request mix.
public struct WeightedTemplate: Hashable, Sendable {
  /// The template's name.
  public var template: String
  /// The relative weight, > 0; the probability is weight / total weight.
  public var weight: Double

  /// Creates a mix entry.
  ///
  /// - Parameters:
  ///   - template: The template's name.
  ///   - weight: The relative weight, 1 by default.
  public init(template: String, weight: Double = 1) {
    self.template = template
    self.weight = weight
  }
}

/// The format of an explicit job list file.
public enum JobListFormat: String, CaseIterable, Hashable, Sendable {
  /// Comma-separated values with a header line.
  case csv
  /// A JSON array of jobs.
  case json
}

/// Where a generator's jobs come from.
public enum JobSource: Hashable, Sendable {
  /// Random arrivals, each job drawn from a weighted template mix.
  case arrivals(ArrivalProcess, mix: [WeightedTemplate])
  /// An explicit job list in a file, relative to the scenario's directory.
  case jobList(path: String, format: JobListFormat)
}

/// The jobs one tenant submits. Data only: the simulator draws from it.
public struct WorkloadGenerator: Hashable, Sendable {
  /// The generator's name, unique in the scenario.
  public var name: String
  /// The submitting tenant's name.
  public var tenant: String
  /// Where jobs come from.
  public var source: JobSource
  /// The most jobs this generator submits, `nil` for no limit.
  public var maxJobs: Int?

  /// Creates a generator.
  ///
  /// - Parameters:
  ///   - name: The generator's name.
  ///   - tenant: The tenant's name.
  ///   - source: The job source.
  ///   - maxJobs: A job limit, none by default.
  public init(
    name: String, tenant: String, source: JobSource, maxJobs: Int? = nil
  ) {
    self.name = name
    self.tenant = tenant
    self.source = source
    self.maxJobs = maxJobs
  }
}
