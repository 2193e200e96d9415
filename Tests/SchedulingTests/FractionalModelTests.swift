import ClusterModel
import Scheduling
import Testing

@Suite("Fractional node model and fragmentation")
struct FractionalModelTests {
  @Test func fitsNeedsRoomOnOneGPUForSharingAndWholeGPUsOtherwise() {
    let node = Build.node(free: [300, 1000, 600])
    #expect(node.fits(Build.pod(milli: 600)))
    #expect(node.fits(Build.pod(milli: 700)))  // GPU 1 has 1000 free
    #expect(node.fits(Build.pod(gpus: 1, milli: 1000)))
    #expect(!node.fits(Build.pod(gpus: 2, milli: 1000)))
    #expect(!node.fits(Build.pod(cpu: 64_001, gpus: 0, milli: 0)))
  }

  @Test func refusalNamesFilterRequestedAndAvailable() {
    let node = Build.node(free: [300, 400], cpuFree: 2000)
    let gpu = node.refusal(for: Build.pod(milli: 500))
    #expect(gpu?.reason == FractionalNode.Filter.gpu)
    #expect(gpu?.requested == 500 && gpu?.available == 400)
    let cpu = node.refusal(for: Build.pod(cpu: 3000, milli: 200))
    #expect(cpu?.reason == FractionalNode.Filter.cpu)
    #expect(cpu?.requested == 3000 && cpu?.available == 2000)
    var other = Build.pod(milli: 100)
    other.acceptedModels = GPUModelSet(bits: 0b10)
    #expect(node.refusal(for: other)?.reason == FractionalNode.Filter.gpuModel)
  }

  @Test func bindThenReleaseRestoresTheNode() {
    let empty = Build.node(free: [1000, 1000, 1000, 1000])
    var node = empty
    let request = Build.pod(cpu: 5000, gpus: 2, milli: 1000)
    let assignment = node.bestFitAssignment(for: request)
    #expect(assignment.gpuIndices == [0, 1])
    node.bind(request, to: assignment)
    #expect(node.idleGPUMilli == 2000 && node.cpuFreeMilli == 59_000)
    #expect(node.wholeGPUPodCounts[1] == 1)
    node.release(request, from: assignment)
    #expect(node == empty)
  }

  @Test func bestFitChoosesTightestGPUThenLowestIndex() {
    let node = Build.node(free: [700, 400, 1000, 400])
    #expect(node.tightestGPU(withFreeAtLeast: 300) == 1)
    #expect(node.tightestGPU(withFreeAtLeast: 500) == 0)
    #expect(node.firstGPUs(count: 1, withFreeAtLeast: 1000) == 0b100)
  }

  // Mix: A = (1000 milli-cores, 1 × 500) × 3 and B = CPU-only × 1, so
  // p_A = 3/4 and p_B = 1/4.
  @Test func fragmentationOfTinyNodesByHand() throws {
    let measure = try Build.smallMeasure()
    // One GPU with 1000 free: A fits and leaves no GPU below 500, so its
    // fragment is 0; B needs no GPU, so all 1000 idle milli count:
    // F = 0.75 × 0 + 0.25 × 1000 = 250.
    #expect(measure.fragmentMilli(of: Build.node(free: [1000])) == 250)
    // 400 free: A cannot fit (400 < 500), so its fragment is all 400;
    // F = 0.75 × 400 + 0.25 × 400 = 400.
    #expect(measure.fragmentMilli(of: Build.node(free: [400])) == 400)
    // (200, 1000): A fits on GPU 1, fragment = the 200 below 500;
    // F = 0.75 × 200 + 0.25 × 1200 = 450.
    #expect(measure.fragmentMilli(of: Build.node(free: [200, 1000])) == 450)
    // (200, 1000) but only 500 milli-cores free: A lacks CPU, so all
    // 1200 count: F = 1200.
    let starved = Build.node(free: [200, 1000], cpuFree: 500)
    #expect(measure.fragmentMilli(of: starved) == 1200)
  }

  @Test func memoryAwareFragmentationCountsNodesWithoutMemory() throws {
    // A's median memory is 100 MiB; with 50 MiB free A cannot be hosted:
    // F = 0.75 × 1000 + 0.25 × 1000 = 1000 instead of 250.
    var node = Build.node(free: [1000], memory: 150)
    node.bind(FractionalRequest(cpuMilli: 0, memoryMiB: 100), to: .none)
    #expect(try Build.smallMeasure().fragmentMilli(of: node) == 250)
    let aware = try Build.smallMeasure(considersMemory: true)
    #expect(aware.fragmentMilli(of: node) == 1000)
  }

  // Counts 10, 6, 2, 1, 1 of 20 pods: the threshold is 95% × 20 = 19.
  // Keep while the cumulative count is below 19: 10, 16, 18, then the
  // fourth group (cumulative 18 < 19) takes it to 19 and the fifth is
  // dropped. The two groups of one pod tie on count; the one with more
  // CPU comes first, so the 9000 milli-core shape is kept.
  @Test func typicalPodsKeepMostFrequentShapesUpToCoverage() {
    let pods = Build.tracePods(10, cpu: 1000, gpus: 1, milli: 1000,
      prefix: "a")
      + Build.tracePods(6, cpu: 2000, gpus: 0, milli: 0, prefix: "b")
      + Build.tracePods(2, cpu: 3000, gpus: 1, milli: 500, prefix: "c")
      + Build.tracePods(1, cpu: 4000, gpus: 8, milli: 1000, prefix: "d")
      + Build.tracePods(1, cpu: 9000, gpus: 2, milli: 1000, prefix: "e")
    let mix = TypicalPodMix(pods: pods)
    #expect(mix.shapeCount == 5 && mix.podCount == 20)
    #expect(mix.pods.map(\.cpuMilli) == [1000, 2000, 3000, 9000])
    #expect(mix.keptPodCount == 19)
    #expect(mix.probability(at: 0) == 10.0 / 19.0)
  }
}
