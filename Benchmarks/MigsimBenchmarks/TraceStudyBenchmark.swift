import ClusterModel
import Dispatch
import Foundation
import Scenarios
import Scheduling
import Simulation

/// Times the openb packing study: one FGD run of the default pod list at
/// 1.3 × capacity with fragmentation after every arrival, then the
/// 60-run default study (6 policies × seeds 42–51) on every core.
///
/// The trace is read from `$MIGSIM_OPENB_DIR` or `../shared/data/openb`
/// relative to the working directory; without it the benchmark says so
/// and returns.
func benchmarkTraceStudy() {
  print("== trace study (openb default, inflation 1.3) ==")
  let environment = ProcessInfo.processInfo.environment
  let directory = environment["MIGSIM_OPENB_DIR"] ?? "../shared/data/openb"
  let nodePath = directory + "/openb_node_list_gpu_node.csv"
  let podPath = directory + "/openb_pod_list_default.csv"
  guard FileManager.default.fileExists(atPath: nodePath),
    FileManager.default.fileExists(atPath: podPath)
  else {
    print("skipped: no openb trace at \(directory) (set MIGSIM_OPENB_DIR)")
    return
  }
  let input: TraceStudyInput
  do {
    let nodes = try TraceCSV.readNodes(atPath: nodePath)
    let pods = try TraceCSV.readPods(atPath: podPath)
    input = try TraceStudyInput(nodes: nodes, pods: pods)
  } catch {
    print("skipped: cannot read the trace: \(error)")
    return
  }

  let single = measure {
    TraceStudy.runOne(input, policy: .fgd, seed: 42, inflation: 1.3)
  }
  print(
    "one FGD run, seed 42: \(format(single.seconds)) s wall, "
      + "\(format(single.cpuSeconds)) s CPU, "
      + "\(single.value.submittedCount) pods, allocation at 100%: "
      + "\(single.value.bin(atArrivedPercent: 100)?.allocationPercent ?? .nan)")

  let threads = ProcessInfo.processInfo.activeProcessorCount
  let study = measure {
    TraceStudy.run(input, policies: FractionalPolicy.published,
      seeds: TraceStudy.publishedSeeds, inflation: 1.3, threads: threads)
  }
  print(
    "60-run study on \(threads) threads: \(format(study.seconds)) s wall, "
      + "\(format(study.cpuSeconds)) s CPU (\(format(study.cpuSeconds / 60)) "
      + "s CPU per run)")
  let own = TraceStudy.run(
    input, policies: [.memoryAwareFGD], seeds: TraceStudy.publishedSeeds,
    inflation: 1.3, threads: threads)
  print("policy          alloc@100       alloc@130       frag@100   failed")
  for summary in study.value.summaries + own.summaries {
    let name = summary.policy.rawValue.padding(
      toLength: 16, withPad: " ", startingAt: 0)
    print(
      name + "\(summary.allocationAt100?.description ?? "-")    "
        + "\(summary.allocationAtTarget?.description ?? "-")    "
        + "\(summary.fragmentationAt100?.description ?? "-")    "
        + "\(summary.failed.map { format($0.mean) } ?? "-")")
  }
  benchmarkTraceReplay(input, threads: threads)
}

/// Times the time replay of the default pod list (seed 42) for every
/// policy and prints the waits and mean allocation; called by
/// `benchmarkTraceStudy` after the study.
private func benchmarkTraceReplay(_ input: TraceStudyInput, threads: Int) {
  for compression in [1, 20_000] {
  let replay = measure {
    FractionalPolicy.allCases.map {
      TraceReplay.runOne(
        input, policy: $0, seed: 42, timeCompression: compression)
    }
  }
  print(
    "time replay ×\(compression), 7 policies, seed 42: "
      + "\(format(replay.seconds)) s wall, "
      + "\(format(replay.cpuSeconds)) s CPU")
  print("policy          placed  waiting  mean wait  p50  p95  p99  "
    + "mean/peak alloc %")
  for run in replay.value {
    let name = run.policy.rawValue.padding(
      toLength: 16, withPad: " ", startingAt: 0)
    print(
      name + "\(run.placedCount)    \(run.stillWaitingCount)        "
        + "\(format(run.waits.meanSeconds))    \(run.waits.p50Seconds)    "
        + "\(run.waits.p95Seconds)    \(run.waits.p99Seconds)    "
        + "\(format(run.meanAllocationPercent))/"
        + "\(format(run.peakAllocationPercent))")
  }
  }
}

/// Runs `body` once; returns its value, wall seconds and CPU seconds of
/// the whole process (user + system, all threads).
private func measure<T>(
  _ body: () -> T
) -> (value: T, seconds: Double, cpuSeconds: Double) {
  let cpuStart = processCPUSeconds()
  let start = DispatchTime.now().uptimeNanoseconds
  let value = body()
  let end = DispatchTime.now().uptimeNanoseconds
  return (value, Double(end - start) / 1e9, processCPUSeconds() - cpuStart)
}

private func processCPUSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
  let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
  return user + system
}

private func format(_ value: Double) -> String {
  String(format: "%.2f", value)
}
