import Testing

@testable import Scoring

@Suite struct FragmentationTests {
  private func fractionalNode() -> NodeFacts {
    NodeFacts(
      name: "t4", gpus: Array(repeating: GPUFacts(
        modelName: "T4", memoryMiB: 15360), count: 2),
      cpuMilli: 8000)
  }

  @Test func fractionalFollowsThePublishedDefinition() {
    // One pod holds 500 milli of GPU 0 for the first 5 s of 10.
    // Typical pods: one GPU at 600 milli (weight 1), CPU-only (weight 1).
    // [0, 5): F = (500 + 1500) / 2 = 1000, idle 1500.
    // [5, 10): F = (0 + 2000) / 2 = 1000, idle 2000.
    let observation = RunObservation(
      horizonSeconds: 10, tenants: tenants(1), nodes: [fractionalNode()],
      jobs: [ranJob("a", start: 0, end: 5)],
      allocations: [
        .init(job: 0, node: 0, gpu: 0, hold: .fraction(milli: 500),
          cpuMilli: 1000, startSeconds: 0, endSeconds: 5)
      ],
      typicalPods: [
        TypicalPod(cpuMilli: 1000, gpuCount: 1, gpuMilliPerGPU: 600,
          weight: 1),
        TypicalPod(cpuMilli: 1000, gpuCount: 0, gpuMilliPerGPU: 0,
          weight: 1),
      ])
    let metrics = observation.fragmentation()
    // ∫F = 10000; ∫idle = 7500 + 10000
    #expect(close(metrics.fractionalRate, 10000.0 / 17500))
    #expect(close(metrics.fractionalAmount, 10000.0 / (2000 * 10)))
    #expect(metrics.migRate == nil)
  }

  @Test func fractionalCountsAllIdleWhenCPUIsShort() {
    // The allocation takes 7600 of 8000 milli-CPU; the GPU pod needs 1000.
    let observation = RunObservation(
      horizonSeconds: 1, tenants: tenants(1), nodes: [fractionalNode()],
      jobs: [ranJob("a", start: 0, end: 1)],
      allocations: [
        .init(job: 0, node: 0, gpu: 0, hold: .fraction(milli: 500),
          cpuMilli: 7600, startSeconds: 0, endSeconds: 1)
      ],
      typicalPods: [
        TypicalPod(cpuMilli: 1000, gpuCount: 1, gpuMilliPerGPU: 600,
          weight: 1)
      ])
    #expect(close(observation.fragmentation().fractionalRate, 1))
  }

  private func migObservation(mix: [MIGRequestShare]) -> RunObservation {
    // A 1g.5gb instance at memory slice 0 of an A100-40GB in MIG mode.
    RunObservation(
      horizonSeconds: 10, tenants: tenants(1),
      nodes: [node(gpus: 1, mig: true)],
      jobs: [ranJob("a", start: 0, end: 10)],
      allocations: [
        .init(job: 0, node: 0, gpu: 0,
          hold: migHold("1g.5gb", compute: 1, memory: 1, start: 0,
            instance: 1),
          startSeconds: 0, endSeconds: 10)
      ],
      expectedMIGRequests: mix)
  }

  @Test func migCountsFreeSlicesNoExpectedProfileCanUse() {
    // Free slices 1…7. 3g.20gb starts at 0 or 4: only 4…7 usable, so
    // slices 1, 2, 3 are unusable: 3 of 7.
    let threeG = migObservation(mix: [MIGRequestShare("3g.20gb")])
    #expect(close(threeG.fragmentation().migRate, 3.0 / 7))
    // 1g.5gb starts at 0…6: slice 7 is unusable. Equal weights with
    // 3g.20gb: (3 + 1) / 2 = 2 of 7.
    let mixed = migObservation(
      mix: [MIGRequestShare("3g.20gb"), MIGRequestShare("1g.5gb")])
    #expect(close(mixed.fragmentation().migRate, 2.0 / 7))
  }

  @Test func migFragmentationIsTimeWeighted() {
    // The instance leaves at 5 s: the empty GPU fits 3g.20gb everywhere.
    var observation = migObservation(mix: [MIGRequestShare("3g.20gb")])
    observation.allocations[0].endSeconds = 5
    // ∫ unusable = 3 × 5; ∫ free = 7 × 5 + 8 × 5
    #expect(close(observation.fragmentation().migRate, 15.0 / 75))
  }
}
