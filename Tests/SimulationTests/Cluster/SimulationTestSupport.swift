import ClusterModel
import Scenarios
import Scheduling
import Simulation

/// A scenario from YAML text, for tests.
func scenario(_ yaml: String) throws -> Scenario {
  try Scenario.decode(text: yaml, file: "test.yaml", format: .yaml)
}

/// `scenario` with one more generator, of `tenant`, submitting `jobs`.
func adding(
  jobs: [ListedJob], of tenant: String, to scenario: Scenario,
  name: String = "listed"
) -> Scenario {
  var copy = scenario
  copy.demand.generators.append(
    WorkloadGenerator(
      name: name, tenant: tenant,
      source: .jobList(path: "\(name).csv", format: .csv)))
  copy.jobLists[name] = jobs
  return copy
}

/// A listed job of `template`.
func job(
  _ name: String, at arrival: Int, runs duration: Int,
  tenant: String = "a", template: String = "one"
) -> ListedJob {
  ListedJob(
    name: name, arrivalSeconds: arrival, durationSeconds: duration,
    tenant: tenant, template: template)
}

/// Runs a scenario with invariant checks on.
func simulate(
  _ scenario: Scenario, strategy: StrategyName? = nil,
  order: PendingQueue.PassOrder = .priority, intervals: Bool = false,
  checks: Bool = true
) throws -> SimulationRecord {
  var input = SimulationInput(
    cluster: scenario.cluster, demand: scenario.demand,
    jobLists: scenario.jobLists, settings: scenario.simulation,
    admission: scenario.admission, strategy: strategy, queueOrder: order,
    recordsEvents: true, recordsIntervals: intervals)
  input.checksInvariants = checks
  return try ClusterSimulation(input).run()
}

extension SimulationRecord {
  /// The job named `name`.
  func job(_ name: String) -> SimulatedJob? {
    jobIndex(named: name).map { jobs[$0] }
  }
}
