import ClusterModel
import Scenarios
import Scheduling
import Scoring
import Simulation
import Sweeps

/// A scenario from YAML text, for tests.
func scenario(_ yaml: String) throws -> Scenario {
  try Scenario.decode(text: yaml, file: "test.yaml", format: .yaml)
}

/// `scenario` with one more generator, of `tenant`, submitting `jobs`.
func adding(
  jobs: [ListedJob], of tenant: String, to scenario: Scenario
) -> Scenario {
  var copy = scenario
  let name = "listed-\(tenant)"
  copy.demand.generators.append(
    WorkloadGenerator(
      name: name, tenant: tenant,
      source: .jobList(path: "\(name).csv", format: .csv)))
  copy.jobLists[name] = jobs
  return copy
}

/// A listed job of `template` for `tenant`.
func job(
  _ name: String, at arrival: Int, runs duration: Int, tenant: String,
  template: String = "one"
) -> ListedJob {
  ListedJob(
    name: name, arrivalSeconds: arrival, durationSeconds: duration,
    tenant: tenant, template: template)
}

/// Simulates `scenario` with intervals recorded and returns the record and
/// its observation.
func observe(
  _ scenario: Scenario, strategy: StrategyName = .firstFit, seed: UInt64? = nil
) throws -> (record: SimulationRecord, observation: RunObservation) {
  var settings = scenario.simulation
  if let seed { settings.seed = seed }
  let input = SimulationInput(
    cluster: scenario.cluster, demand: scenario.demand,
    jobLists: scenario.jobLists, settings: settings,
    admission: scenario.admission, strategy: strategy,
    recordsIntervals: true)
  let record = try ClusterSimulation(input).run()
  return (record, RunObservation(record: record, demand: scenario.demand))
}

/// Two tenants on a small mixed cluster (whole GPUs and MIG), with random
/// arrivals and a compromise model: fast enough for many runs.
let smallMixedCluster = """
  name: small-mixed
  pools:
    - {name: whole, nodeCount: 2, gpuModel: A100-SXM4-40GB, gpuCount: 2,
       cpu: 32, memory: 256Gi}
    - name: sliced
      nodeCount: 2
      gpuModel: A100-SXM4-40GB
      gpuCount: 2
      cpu: 32
      memory: 256Gi
      sharing: {mode: mig, layout: all-balanced}
  tenants:
    - {name: x, quota: {gpus: 4}}
    - {name: y, network: defaultDeny}
  templates:
    - {name: train, kind: training, requests: {gpus: 1, cpu: 4},
       duration: {distribution: exponential, mean: 2h}}
    - {name: serve, kind: inference, requests: {mig: 1g.5gb, cpu: 2},
       duration: {distribution: exponential, mean: 1h}}
  workloads:
    - {name: x-jobs, tenant: x, arrival: {process: poisson, ratePerHour: 2},
       mix: [train, serve]}
    - {name: y-jobs, tenant: y, arrival: {process: poisson, ratePerHour: 3},
       mix: [train, serve]}
  simulation: {seed: 7, horizon: 12h}
  security:
    compromisesPerHour: {inference: 0.01, training: 0.001}
    detectionDelay: 10m
  """
