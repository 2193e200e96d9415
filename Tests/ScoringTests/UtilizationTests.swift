import Testing

@testable import Scoring

@Suite struct UtilizationTests {
  /// GPU 0 exclusive for 50 s (u = 0.5, 40960 MiB), GPU 1 half for 100 s
  /// (u = 1, 20480 MiB), horizon 100 s: docs/metrics.md example.
  private func example() -> RunObservation {
    RunObservation(
      horizonSeconds: 100, tenants: tenants(1), nodes: [node()],
      jobs: [
        ranJob("a", start: 0, end: 50, profile: profile(u: 0.5)),
        ranJob("b", start: 0, end: 100, profile: profile(u: 1)),
      ],
      allocations: [
        .init(job: 0, node: 0, gpu: 0, hold: .exclusive,
          gpuMemoryMiB: 40960, startSeconds: 0, endSeconds: 50),
        .init(job: 1, node: 0, gpu: 1, hold: .fraction(milli: 500),
          gpuMemoryMiB: 20480, startSeconds: 0, endSeconds: 100),
      ])
  }

  @Test func sharesAreTimeWeightedOverCapacity() {
    let metrics = example().utilization()
    // (1 × 50 + 0.5 × 100) / (2 GPUs × 100 s)
    #expect(close(metrics.gpuAllocation, 0.5))
    // (7 × 50 + 3.5 × 100) / (14 × 100)
    #expect(close(metrics.computeSliceAllocation, 0.5))
    #expect(close(metrics.memorySliceAllocation, 0.5))
    // (40960 × 50 + 20480 × 100) / (81920 × 100)
    #expect(close(metrics.gpuMemoryAllocation, 0.5))
    // GPU 0 busy 50 s, GPU 1 busy 100 s, of 200 GPU-seconds
    #expect(close(metrics.busyGPUShare, 0.75))
    // (1 − 0.5) × 1 × 50 / 200
    #expect(close(metrics.allocatedIdleShare, 0.125))
  }

  @Test func allocationCurveStepsAtEveryChange() {
    let steps = example().utilization().allocationSteps
    #expect(steps.map(\.seconds) == [0, 50, 100])
    #expect(steps.map(\.share) == [0.75, 0.25, 0])
  }

  @Test func timelineAveragesEachBin() {
    let metrics = example().utilization()
    let points = metrics.allocationTimeline(bins: 4, horizonSeconds: 100)
    #expect(points.map(\.seconds) == [12.5, 37.5, 62.5, 87.5])
    #expect(points.map(\.share) == [0.75, 0.75, 0.25, 0.25])
    let coarse = metrics.allocationTimeline(bins: 1, horizonSeconds: 100)
    #expect(close(coarse[0].share, metrics.gpuAllocation))
  }

  @Test func intervalsAreClippedToTheHorizon() {
    var observation = example()
    observation.allocations[1].endSeconds = 400
    observation.allocations.append(
      .init(job: 0, node: 0, gpu: 0, startSeconds: 150, endSeconds: 300))
    #expect(close(observation.utilization().gpuAllocation, 0.5))
  }
}
