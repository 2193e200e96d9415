import ClusterModel
import Scheduling
import Testing

@Suite("Fractional policies score tiny nodes as the formulas say")
struct FractionalPolicyTests {
  // c = 64000, L = 2000, r = 8000, q = 1000:
  // u = 0.5 × 0.0625 + 0.25 × 0.125 = 0.0625; 100 × (1 − 0.03125) = 96.875.
  @Test func dotProductTruncatesTheAlignment() {
    let score = FractionalDotProductPolicy().score(
      Build.pod(cpu: 8000), on: Build.node(free: [1000, 1000]), at: 0)
    #expect(score == 96)
  }

  @Test func gpuClusteringBandsAndFullness() {
    let policy = FractionalGPUClusteringPolicy()
    // 8 GPUs, one sharing pod of 500: L = 7500, b = ⌊25 × 500 / 8000⌋ = 1.
    let shared = Build.node(free: [500] + Array(repeating: 1000, count: 7))
    #expect(policy.score(Build.pod(milli: 300), on: shared, at: 0) == 76)
    #expect(policy.score(Build.pod(), on: shared, at: 0) == 1)
    // Idle 8-GPU node: 25 + 0; idle 2-GPU node: b = ⌊25 × 6000 / 8000⌋ =
    // 18, so 43.
    let idle8 = Build.node(free: Array(repeating: 1000, count: 8))
    #expect(policy.score(Build.pod(), on: idle8, at: 0) == 25)
    #expect(policy.score(Build.pod(), on: Build.node(free: [1000, 1000]),
      at: 0) == 43)
    #expect(policy.score(Build.pod(gpus: 0, milli: 0), on: idle8, at: 0) == 0)
  }

  @Test func gpuPackingPrefersPartlyUsedGPUs() {
    let policy = FractionalGPUPackingPolicy()
    // Idle nodes: max(33 − 2, 2) = 31 and max(33 − 8, 8) = 25.
    #expect(policy.score(Build.pod(), on: Build.node(free: [1000, 1000]),
      at: 0) == 31)
    #expect(policy.score(
      Build.pod(), on: Build.node(free: Array(repeating: 1000, count: 8)),
      at: 0) == 25)
    // (300, 1000): a 200 pod takes GPU 0 (tightest), ρ = ⌊300 × 100 /
    // 1000⌋ = 30, score 100 − 3 = 97; a whole GPU takes GPU 1, one wholly
    // free GPU: max(50 − 1, 33) = 49.
    let partly = Build.node(free: [300, 1000])
    #expect(policy.score(Build.pod(milli: 200), on: partly, at: 0) == 97)
    #expect(policy.score(Build.pod(), on: partly, at: 0) == 49)
  }

  // s = 56000 / 128000 × 0.5 + 1000 / 8000 × 0.5 = 0.28125; raw 71.
  @Test func bestFitRawScoreAndNormalisation() {
    let policy = FractionalBestFitPolicy()
    #expect(policy.score(Build.pod(cpu: 8000),
      on: Build.node(free: [1000, 1000]), at: 0) == 71)
    // lo 50, hi 71: (21 × 100) / 21 = 100, 0, ⌊10 × 100 / 21⌋ = 47.
    var scores = [71, 50, 60]
    policy.normalize(&scores)
    #expect(scores == [100, 0, 47])
    var equal = [7, 7]
    policy.normalize(&equal)
    #expect(equal == [0, 0])
  }

  // Mix of `Build.smallMeasure`: p_A = 0.75 for (1000, 1 × 500), p_B =
  // 0.25 CPU-only.
  @Test func fgdScoresTheSigmoidOfTheFragmentationChange() throws {
    let policy = FractionalFGDPolicy(measure: try Build.smallMeasure())
    let node = Build.node(free: [1000])  // F = 250
    // 600 leaves 400: F' = 400, Δ = −150, 100σ(−0.15) = 46.26.
    #expect(policy.score(Build.pod(milli: 600), on: node, at: 0) == 46)
    // 500 leaves 500: A still fits, F' = 0.25 × 500 = 125, Δ = 125,
    // 100σ(0.125) = 53.12.
    #expect(policy.score(Build.pod(milli: 500), on: node, at: 0) == 53)
  }

  // (500, 1000), F = 0.25 × 1500 = 375. A 300 pod on GPU 0 leaves
  // (200, 1000): F' = 0.75 × 200 + 0.25 × 1200 = 450, Δ = −75, score 48;
  // on GPU 1 it leaves (500, 700): F' = 0.25 × 1200 = 300, Δ = 75,
  // score 51. FGD takes GPU 1.
  @Test func fgdPutsASharingPodOnTheGPUThatFragmentsLeast() throws {
    let policy = FractionalFGDPolicy(measure: try Build.smallMeasure())
    let node = Build.node(free: [500, 1000])
    #expect(policy.score(Build.pod(milli: 300), on: node, at: 0) == 51)
    #expect(policy.assignment(for: Build.pod(milli: 300), on: node)
      .gpuIndices == [1])
  }

  // (900, 600), F = 0.25 × 1500 = 375. A 100 pod leaves (800, 600) or
  // (900, 500); both keep A hostable with no GPU below 500, so F' = 0.25 ×
  // 1400 = 350 and Δ = 25 either way: a tie. Published FGD takes the lowest
  // index (GPU 0); FGD-M takes the tightest GPU (GPU 1, 600 free).
  @Test func memoryAwareFGDBreaksGPUTiesByTightestGPU() throws {
    let node = Build.node(free: [900, 600])
    let request = Build.pod(milli: 100)
    let published = FractionalFGDPolicy(measure: try Build.smallMeasure())
    let own = FractionalMemoryAwareFGDPolicy(
      measure: try Build.smallMeasure(considersMemory: true))
    #expect(published.score(request, on: node, at: 0)
      == own.score(request, on: node, at: 0))
    #expect(published.assignment(for: request, on: node).gpuIndices == [0])
    #expect(own.assignment(for: request, on: node).gpuIndices == [1])
  }

  @Test func randomDrawsOnlyFeasibleNodesRoughlyUniformly() {
    let nodes = [
      Build.node(free: [1000]), Build.node(free: [100]),
      Build.node(free: [1000]), Build.node(free: [1000]),
    ]
    var cluster = PlacementCluster(nodes: nodes)
    var scheduler = PlacementScheduler(
      strategy: FractionalRandomPolicy(seed: 7))
    var counts = [0, 0, 0, 0]
    for _ in 0..<3000 {
      if let node = scheduler.decide(Build.pod(milli: 500), in: cluster).node {
        counts[node] += 1
      }
    }
    #expect(counts[1] == 0)
    #expect(counts.reduce(0, +) == 3000)
    for node in [0, 2, 3] { #expect((900...1100).contains(counts[node])) }
    _ = scheduler.place(Build.pod(milli: 500), in: &cluster)
  }
}
