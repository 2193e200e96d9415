import ClusterModel
import Scenarios
import Scheduling
import Simulation
import Testing

/// Small runs whose every number is worked out by hand in the comments.
@Suite("Cluster simulation, by hand")
struct ClusterSimulationHandTests {
  static let oneGPU = """
    name: one-gpu
    pools:
      - {name: p, gpuModel: A100-SXM4-40GB, gpuCount: 1, cpu: 8, memory: 64Gi}
    tenants:
      - name: a
        priorityClasses: {low: 1, high: 10}
        defaultPriorityClass: low
    templates:
      - {name: one, kind: batch, requests: {gpus: 1}, duration: 100}
      - {name: urgent, kind: batch, requests: {gpus: 1}, priorityClass: high,
         duration: 30}
    simulation: {horizon: 200, placementStrategy: first-fit}
    """

  @Test func jobsQueueInArrivalOrderAndWaitForCapacity() throws {
    // A runs 0–100. B and C arrive at 10 and wait; B (earlier id) runs
    // 100–150, C 150–160. Waits 0, 90, 140; GPU busy 160 of 200 s.
    let run = try simulate(
      adding(
        jobs: [
          job("A", at: 0, runs: 100), job("B", at: 10, runs: 50),
          job("C", at: 10, runs: 10),
        ], of: "a", to: scenario(Self.oneGPU)))
    #expect(run.invariantViolations.isEmpty)
    #expect(run.job("A")?.endSeconds == 100)
    #expect(run.job("B")?.firstStartSeconds == 100)
    #expect(run.job("B")?.endSeconds == 150)
    #expect(run.job("C")?.firstStartSeconds == 150)
    #expect(run.jobs.map(\.waitSeconds) == [0, 90, 140])
    let summary = SimulationSummary(run)
    #expect(summary.finished == 3)
    #expect(summary.gpuAllocationPercent == 80)
    // Nearest rank over [0, 90, 140]: p50 is the 2nd, p95 the 3rd.
    #expect(summary.tenants[0].waitP50 == 90)
    #expect(summary.tenants[0].waitP95 == 140)
    #expect(summary.tenants[0].waitMax == 140)
  }

  @Test func higherPriorityPreemptsAndTheVictimRestartsFromTheBeginning()
    throws
  {
    // low runs 0–10, is evicted by urgent (10–40), restarts at 40 with
    // its whole 100 s and ends at 140 after waiting 30 s.
    let run = try simulate(
      adding(
        jobs: [
          job("low", at: 0, runs: 100),
          job("high", at: 10, runs: 30, template: "urgent"),
        ], of: "a", to: scenario(Self.oneGPU)))
    #expect(run.invariantViolations.isEmpty)
    #expect(run.job("high")?.firstStartSeconds == 10)
    #expect(run.job("low")?.preemptions == 1)
    #expect(run.job("low")?.lastStartSeconds == 40)
    #expect(run.job("low")?.endSeconds == 140)
    #expect(run.job("low")?.waitSeconds == 30)
    #expect(run.counters.priorityPreemptions == 1)
  }

  @Test func equalPriorityNeverPreempts() throws {
    let run = try simulate(
      adding(
        jobs: [job("first", at: 0, runs: 100), job("second", at: 10, runs: 1)],
        of: "a", to: scenario(Self.oneGPU)))
    #expect(run.job("first")?.preemptions == 0)
    #expect(run.job("second")?.firstStartSeconds == 100)
  }

  @Test func lentQuotaIsReclaimedFromTheBorrower() throws {
    // a and b each have 1 GPU nominal in one cohort, 2 GPUs in all. a's
    // second job borrows b's GPU; when b asks at 10, Kueue's reclaim
    // evicts it (a1 is newer than a0) and b starts at once. a1 restarts
    // when a0 ends at 100.
    let base = try scenario(
      """
      name: reclaim
      pools:
        - {name: p, gpuModel: A100-SXM4-40GB, gpuCount: 2, cpu: 8, memory: 64Gi}
      cohorts: [{name: c}]
      tenants:
        - {name: a, cohort: c, quota: {gpus: 1}}
        - {name: b, cohort: c, quota: {gpus: 1}}
      templates:
        - {name: one, kind: batch, requests: {gpus: 1}, duration: 100}
      simulation: {horizon: 500, placementStrategy: first-fit}
      """)
    let run = try simulate(
      adding(
        jobs: [
          job("a0", at: 0, runs: 100), job("a1", at: 1, runs: 100),
          job("b0", at: 10, runs: 100, tenant: "b"),
        ], of: "a", to: base))
    #expect(run.invariantViolations.isEmpty)
    #expect(run.counters.quotaReclaims == 1)
    #expect(run.job("b0")?.firstStartSeconds == 10)
    #expect(run.job("a1")?.preemptions == 1)
    #expect(run.job("a1")?.borrowingSeconds == 9)
    #expect(run.job("a1")?.lastStartSeconds == 100)
  }

  @Test func reclaimEvictsNobodyWhenTheJobWouldStillNotFit() throws {
    // Two one-GPU nodes. c holds node q within its own quota until 100;
    // b borrows a's GPU on node p. a's job may run on q only, so evicting
    // b would free quota but no place for it: nobody is evicted, and a's
    // job starts on q when c's job ends at 100.
    let base = try scenario(
      """
      name: reclaim-no-fit
      pools:
        - {name: p, gpuModel: A100-SXM4-40GB, gpuCount: 1, cpu: 8, memory: 64Gi}
        - {name: q, gpuModel: A100-SXM4-40GB, gpuCount: 1, cpu: 8, memory: 64Gi}
      cohorts: [{name: co}]
      tenants:
        - {name: a, cohort: co, quota: {gpus: 1}}
        - {name: b, cohort: co, quota: {gpus: {nominal: 0, borrowingLimit: 1}}}
        - {name: c, cohort: co, quota: {gpus: 1}}
      templates:
        - {name: one, kind: batch, requests: {gpus: 1}, duration: 100}
        - {name: onQ, kind: batch, requests: {gpus: 1}, duration: 100,
           nodeSelector: {migsim.io/pool: q}}
      simulation: {horizon: 500, placementStrategy: first-fit}
      """)
    var grown = adding(
      jobs: [job("c0", at: 0, runs: 100, tenant: "c", template: "onQ")],
      of: "c", to: base, name: "cjobs")
    grown = adding(
      jobs: [job("b0", at: 1, runs: 300, tenant: "b")], of: "b", to: grown,
      name: "bjobs")
    let run = try simulate(
      adding(
        jobs: [job("a0", at: 10, runs: 50, template: "onQ")], of: "a",
        to: grown))
    #expect(run.invariantViolations.isEmpty)
    #expect(run.counters.quotaReclaims == 0)
    #expect(run.job("b0")?.preemptions == 0)
    #expect(run.job("b0")?.endSeconds == 301)
    #expect(run.job("a0")?.firstStartSeconds == 100)
  }

  static let sevenSmall = """
    name: mig
    pools:
      - name: p
        gpuModel: A100-SXM4-40GB
        gpuCount: 1
        cpu: 8
        memory: 64Gi
        sharing: {mode: mig, layout: all-1g.5gb}
    tenants: [{name: a}]
    templates:
      - {name: one, kind: inference, requests: {mig: 3g.20gb}, duration: 100}
    """

  @Test func dynamicRepartitioningReLaysOutIdleInstancesForAWaitingJob()
    throws
  {
    // Seven idle 1g.5gb on slices 0–6; a 3g.20gb takes slices 4–7, so the
    // 1g instances at 4, 5 and 6 go. The job starts when the 60 s
    // reconfiguration ends.
    let text = Self.sevenSmall + """

      simulation: {horizon: 1000, migReconfiguration: dynamic}
      """
    let run = try simulate(
      adding(jobs: [job("big", at: 5, runs: 100)], of: "a", to: scenario(text)))
    #expect(run.invariantViolations.isEmpty)
    #expect(run.counters.reconfigurations == 1)
    #expect(run.counters.destroyedInstances == 3)
    #expect(run.job("big")?.firstStartSeconds == 65)
    #expect(run.job("big")?.endSeconds == 165)
  }

  @Test func aStaticLayoutWithoutTheProfileRejectsTheJobForGood() throws {
    let text = Self.sevenSmall + "\nsimulation: {horizon: 1000}\n"
    let run = try simulate(
      adding(jobs: [job("big", at: 5, runs: 100)], of: "a", to: scenario(text)))
    #expect(
      run.job("big")?.outcome
        == .rejected(reason: "unschedulable:NodeResourcesFit/mig-3g.20gb"))
    #expect(run.counters.reconfigurations == 0)
  }

  @Test func drainsEvictAndTheJobMovesToTheOtherNode() throws {
    // Two one-GPU nodes, batches of one: p-0 drains 100–150 and p-1
    // 150–200. The job moves to p-1 at 100, back to p-0 at 150 and, with
    // its 1000 s restarted, ends at 1150.
    let text = """
      name: drain
      pools:
        - {name: p, nodeCount: 2, gpuModel: A100-SXM4-40GB, gpuCount: 1,
           cpu: 8, memory: 64Gi}
      tenants: [{name: a}]
      templates:
        - {name: one, kind: batch, requests: {gpus: 1}, duration: 100}
      simulation:
        horizon: 2000
        placementStrategy: first-fit
        faults:
          rollingUpgrade: {batchSize: 1, upgradeTime: 50, start: 100}
      """
    let run = try simulate(
      adding(jobs: [job("long", at: 0, runs: 1000)], of: "a", to: scenario(text)))
    #expect(run.invariantViolations.isEmpty)
    #expect(run.counters.drainedNodes == 2)
    #expect(run.job("long")?.disruptions == 2)
    #expect(run.job("long")?.lastStartSeconds == 150)
    #expect(run.job("long")?.endSeconds == 1150)
    #expect(run.job("long")?.waitSeconds == 0)
    #expect(run.nodeNames[run.job("long")?.node ?? -1] == "p-0")
  }

  @Test func admissionRulesRejectAndCountWhatTheyRefuse() throws {
    let text = """
      name: admission
      pools:
        - {name: p, gpuModel: A100-SXM4-40GB, gpuCount: 1, cpu: 8, memory: 64Gi,
           taints: [{key: nvidia.com/gpu, effect: NoSchedule}]}
        - {name: agents, gpuModel: A100-SXM4-40GB, gpuCount: 1, cpu: 8,
           memory: 64Gi}
      tenants: [{name: a}]
      templates:
        - {name: one, kind: batch, requests: {gpus: 1}, duration: 10,
           imageVulnerability: critical,
           tolerations: [{key: nvidia.com/gpu, operator: Exists}]}
        - {name: bare, kind: batch, requests: {gpus: 1}, duration: 10}
        - {name: agent, kind: agent, requests: {gpus: 1}, duration: 10,
           nodeSelector: {migsim.io/pool: p},
           tolerations: [{key: nvidia.com/gpu, operator: Exists}]}
      admission:
        denyImagesAbove: high
        requireGPUToleration: nvidia.com/gpu
        agentPools: [agents]
      simulation: {horizon: 100}
      """
    let run = try simulate(
      adding(
        jobs: [
          job("vulnerable", at: 0, runs: 10),
          job("untolerated", at: 0, runs: 10, template: "bare"),
          job("agent", at: 0, runs: 10, template: "agent"),
        ], of: "a", to: scenario(text)))
    #expect(
      run.job("vulnerable")?.outcome
        == .rejected(reason: "admission:denyImagesAbove"))
    #expect(
      run.job("untolerated")?.outcome
        == .rejected(reason: "admission:requireGPUToleration"))
    // The agent asks for pool p but may only use 'agents'.
    #expect(run.job("agent")?.outcome == .rejected(reason: "admission:agentPools"))
    #expect(
      run.admissionRefusals == [
        "denyImagesAbove": 1, "requireGPUToleration": 1, "agentPools": 1,
      ])
  }

  @Test func gangsStartWholeOrNotAtAll() throws {
    // Three one-GPU nodes; gang g1 takes two at 0. Gang g2 (at 1) finds
    // one free GPU and places no pod; the lone pod takes that GPU at 2.
    // When g1 ends at 100 its two GPUs free and g2 starts.
    let text = """
      name: gang
      pools:
        - {name: p, nodeCount: 3, gpuModel: A100-SXM4-40GB, gpuCount: 1,
           cpu: 8, memory: 64Gi}
      tenants: [{name: a}]
      templates:
        - {name: one, kind: batch, requests: {gpus: 1}, duration: 100}
        - {name: pair, kind: training, requests: {gpus: 1}, gangSize: 2,
           duration: 100}
      simulation: {horizon: 1000, placementStrategy: first-fit}
      """
    let run = try simulate(
      adding(
        jobs: [
          job("g1", at: 0, runs: 100, template: "pair"),
          job("g2", at: 1, runs: 100, template: "pair"),
          job("solo", at: 2, runs: 100),
        ], of: "a", to: scenario(text)))
    #expect(run.invariantViolations.isEmpty)
    #expect(run.job("g2")?.firstStartSeconds == 100)
    #expect(run.job("solo")?.firstStartSeconds == 2)
    #expect(run.job("g2")?.pods == 2)
  }
}
