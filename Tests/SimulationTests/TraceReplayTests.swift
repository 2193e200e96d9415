import ClusterModel
import Scheduling
import Simulation
import Testing

@Suite("Trace replay in time")
struct TraceReplayTests {
  static let node = TraceNode(
    name: "n", cpuMilli: 10_000, memoryMiB: 10_000, gpuCount: 1,
    gpuModel: "T4")

  static func pod(
    _ name: String, gpus: Int = 1, milli: Int = 1000, from: Int?, to: Int?
  ) -> TracePod {
    TracePod(
      name: name, cpuMilli: 1000, memoryMiB: 100, gpuCount: gpus,
      gpuMilliPerGPU: gpus == 0 ? 0 : milli, creationTime: from,
      deletionTime: to)
  }

  // One GPU. a runs 0–10. b arrives at 2 asking for the whole GPU, waits
  // until a leaves at 10, then runs its 3 s (5 − 2) until 13. c (CPU only)
  // starts at once. d asks for 2 GPUs and can never fit. e has no
  // creation time and is left out. Waits of a, b, c: 0, 8, 0.
  @Test func waitingPodStartsWhenADepartureFreesItsGPU() throws {
    let pods = [
      Self.pod("a", from: 0, to: 10), Self.pod("b", from: 2, to: 5),
      Self.pod("c", gpus: 0, from: 3, to: 4), Self.pod("d", gpus: 2, from: 1,
        to: 9), Self.pod("e", from: nil, to: nil),
    ]
    for policy in FractionalPolicy.allCases {
      let run = try TraceReplay.run(
        nodes: [Self.node], pods: pods, policies: [policy], seed: 1)[0]
      #expect(run.podCount == 4 && run.skippedCount == 1)
      #expect(run.unschedulableCount == 1 && run.placedCount == 3)
      #expect(run.stillWaitingCount == 0)
      #expect(run.waits.count == 3 && run.waits.delayedCount == 1)
      #expect(run.waits.p50Seconds == 0 && run.waits.p99Seconds == 8)
      #expect(abs(run.waits.meanSeconds - 8.0 / 3.0) < 1e-12)
      #expect(run.allocation.map(\.time) == [0, 1, 2, 3, 4, 10, 13])
      #expect(run.allocation.map(\.allocatedMilli)
        == [1000, 1000, 1000, 1000, 1000, 1000, 0])
      #expect(run.allocation.map(\.waitingCount) == [0, 0, 1, 1, 1, 0, 0])
      // 1000 milli held from 0 until the last arrival at 3: 100 %.
      #expect(run.meanAllocationPercent == 100)
      #expect(run.peakAllocationPercent == 100 && run.lastArrivalTime == 3)
    }
  }

  @Test func nearestRankPercentiles() {
    let stats = WaitStatistics(waits: Array(1...100).reversed())
    #expect(stats.p50Seconds == 50 && stats.p95Seconds == 95)
    #expect(stats.p99Seconds == 99 && stats.maximumSeconds == 100)
    #expect(WaitStatistics(waits: []).p99Seconds == 0)
  }

  @Test func replayIsIdenticalOnAnyThreadCount() throws {
    let pods = (0..<60).map {
      Self.pod("p\($0)", milli: [300, 500, 1000][$0 % 3], from: $0 * 2,
        to: $0 * 2 + 7 + $0 % 5)
    }
    let nodes = (0..<3).map {
      TraceNode(name: "n\($0)", cpuMilli: 8000, memoryMiB: 8000,
        gpuCount: 2, gpuModel: "T4")
    }
    let one = try TraceReplay.run(nodes: nodes, pods: pods,
      policies: FractionalPolicy.allCases, seed: 3, threads: 1)
    let two = try TraceReplay.run(nodes: nodes, pods: pods,
      policies: FractionalPolicy.allCases, seed: 3, threads: 2)
    #expect(one == two)
  }
}
