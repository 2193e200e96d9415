import Foundation
import Scenarios
import Simulation

/// Measures whole cluster simulations: the targets of the simulator (a
/// million jobs on 1,000 and on 12,500 eight-GPU nodes) and how the cost
/// of one scheduling decision grows with the cluster.
///
/// The cluster is half whole GPUs, half MIG `all-balanced` (A100-80GB);
/// four tenants submit whole-GPU jobs of 1, 2, 4 and 8 GPUs and MIG jobs
/// of 1g.10gb, 2g.20gb and 3g.40gb, Poisson arrivals and exponential
/// durations, at a rate that keeps the cluster about 80 % allocated.
/// Events and intervals are not recorded (as `migsim simulate` without
/// `--events`); the figures are the CPU seconds of `run()` alone, wall
/// seconds beside them.
func benchmarkSimulation() {
  print("== simulation: 1,000,000 jobs (targets: 1k nodes < 10 s, "
    + "12.5k nodes < 30 s, < 2 GiB)")
  for nodes in [1_000, 12_500] {
    report(nodes: nodes, jobs: 1_000_000)
  }
  print("== simulation: decision cost as the cluster grows "
    + "(200,000 jobs each)")
  for nodes in [125, 1_250, 12_500] {
    report(nodes: nodes, jobs: 200_000)
  }
}

/// Runs one benchmark scenario and prints its figures.
private func report(nodes: Int, jobs: Int) {
  let text = benchmarkScenario(nodes: nodes, jobs: jobs)
  let scenario: Scenario
  do {
    scenario = try Scenario.decode(
      text: text, file: "benchmark.yaml", format: .yaml)
  } catch {
    print("benchmark scenario rejected: \(error)")
    return
  }
  let input = SimulationInput(
    cluster: scenario.cluster, demand: scenario.demand,
    jobLists: scenario.jobLists, settings: scenario.simulation,
    admission: scenario.admission)
  let clock = ContinuousClock()
  let start = clock.now
  let cpuStart = processCPUSeconds()
  let record: SimulationRecord
  do {
    record = try ClusterSimulation(input).run()
  } catch {
    print("benchmark run failed: \(error)")
    return
  }
  let wall = seconds(clock.now - start)
  let elapsed = processCPUSeconds() - cpuStart
  let summary = SimulationSummary(record)
  let decisions = max(record.counters.placementDecisions, 1)
  print(
    "\(nodes * 8) GPUs (\(nodes) nodes): \(summary.arrived) jobs, "
      + "\(record.counters.events) events in "
      + String(format: "%.2f s CPU (%.2f s wall)", elapsed, wall) + "; "
      + String(format: "%.0f", Double(record.counters.events) / elapsed)
      + " events/s; "
      + String(format: "%.0f", elapsed * 1e9 / Double(decisions))
      + " ns of run per placement decision (\(decisions)); allocation "
      + String(format: "%.1f %%", summary.gpuAllocationPercent)
      + "; peak memory \(peakMemoryMiB()) MiB")
}

/// The benchmark scenario: `nodes` nodes, `jobs` jobs in all.
///
/// Load: a whole-GPU job asks 2.13 GPUs on average (weights 4, 2, 1 and
/// 0.5 on 1, 2, 4 and 8 GPUs) and a MIG job about 1/4 GPU; both last 2 h
/// on average. Half the arrivals of each tenant are whole-GPU jobs.
private func benchmarkScenario(nodes: Int, jobs: Int) -> String {
  let half = nodes / 2
  let gpus = Double(nodes * 8)
  // GPU-hours per job on average: (2.13 + 0.25) / 2 × 2 h.
  let gpuHoursPerJob = (2.13 + 0.25) / 2 * 2
  let ratePerHour = 0.8 * gpus / gpuHoursPerJob / 4
  let perTenant = jobs / 4
  let hours = Int((Double(perTenant) / ratePerHour * 1.2).rounded(.up)) + 1
  var lines = [
    "name: benchmark-\(nodes)",
    "pools:",
    "  - {name: whole, nodeCount: \(half), gpuModel: A100-SXM4-80GB,"
      + " gpuCount: 8, cpu: 128, memory: 1Ti}",
    "  - {name: mig, nodeCount: \(nodes - half), gpuModel: A100-SXM4-80GB,"
      + " gpuCount: 8, cpu: 128, memory: 1Ti,"
      + " sharing: {mode: mig, layout: all-balanced}}",
    "tenants: [{name: t0}, {name: t1}, {name: t2}, {name: t3}]",
    "templates:",
  ]
  for g in [1, 2, 4, 8] {
    lines.append(
      "  - {name: g\(g), kind: training, requests: {gpus: \(g), cpu: 4,"
        + " memory: 16Gi}, duration: {distribution: exponential, mean: 2h}}")
  }
  for profile in ["1g.10gb", "2g.20gb", "3g.40gb"] {
    lines.append(
      "  - {name: m\(profile.prefix(2)), kind: inference, requests: "
        + "{mig: \(profile), cpu: 2, memory: 8Gi}, duration: "
        + "{distribution: exponential, mean: 2h}}")
  }
  lines.append("workloads:")
  for t in 0..<4 {
    lines.append(
      "  - {name: w\(t), tenant: t\(t), maxJobs: \(perTenant), arrival: "
        + "{process: poisson, ratePerHour: \(ratePerHour)}, mix: ["
        + "{template: g1, weight: 4}, {template: g2, weight: 2}, "
        + "{template: g4, weight: 1}, {template: g8, weight: 0.5}, "
        + "{template: m1g, weight: 15}, {template: m2g, weight: 7.5}, "
        + "{template: m3g, weight: 7.5}]}")
  }
  lines.append(
    "simulation: {seed: 1, horizon: \(hours)h, placementStrategy: best-fit}")
  return lines.joined(separator: "\n") + "\n"
}

/// CPU seconds the process has used: steadier than wall time on a
/// shared machine, and equal to it for this single-threaded run when the
/// machine is otherwise idle.
private func processCPUSeconds() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
}

/// The process's peak resident memory, MiB.
private func peakMemoryMiB() -> Int {
  var usage = rusage()
  getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
  return usage.ru_maxrss / 1024
}

private func seconds(_ duration: Duration) -> Double {
  let parts = duration.components
  return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}
