import ClusterModel
import Testing

@testable import Scoring

@Suite struct SecurityExposureTests {
  /// An agent of tenant 0 on GPU 0 and a training job of tenant 1 on
  /// `otherNode`'s GPU 1 (or GPU 0 with `otherHold`), both for 100 s.
  private func example(
    otherNode: Int = 0, otherHold: GPUHold? = nil,
    reachability: Reachability? = nil, tenantCount: Int = 2
  ) -> RunObservation {
    RunObservation(
      horizonSeconds: 100, tenants: tenants(tenantCount),
      reachability: reachability ?? denyAll(tenantCount),
      nodes: [node("a"), node("b")],
      jobs: [
        ranJob("agent", tenant: 0, kind: .agent, start: 0, end: 100),
        ranJob("train", tenant: tenantCount - 1, kind: .training,
          start: 0, end: 100),
      ],
      allocations: [
        .init(job: 0, node: 0, gpu: 0, hold: otherHold ?? .exclusive,
          startSeconds: 0, endSeconds: 100),
        .init(job: 1, node: otherNode, gpu: otherHold == nil ? 1 : 0,
          hold: otherHold ?? .exclusive, startSeconds: 0, endSeconds: 100),
      ])
  }

  private let scenario = SecurityScenario(
    compromisesPerHour: [.agent: 1], detectionDelaySeconds: 10)

  @Test func sameNodeExposureLastsUntilDetection() {
    let metrics = example().securityExposure(scenario)
    #expect(close(metrics.expectedIncidents, 100.0 / 3600))
    // Incident at t uniform on [0, 100): min(10, 100 − t) seconds; mean
    // (90 × 10 + 10 × 5) / 100 = 9.5.
    #expect(close(metrics.exposedTenantSecondsPerIncident, 9.5))
    #expect(close(metrics.perIncidentByLevel[.sameNode], 9.5))
    #expect(close(metrics.scoreWeightedPerIncident, 9.5 * 0.35))
    #expect(close(metrics.pairs[0][1], 9.5))
    #expect(metrics.pairs[1][0] == 0)
    #expect(metrics.worstPair?.source == 0)
    #expect(metrics.worstPair?.target == 1)
  }

  @Test func isolateKeepsCoLocationUntilThePodEnds() {
    var isolate = scenario
    isolate.response = .isolate
    // Mean of (100 − t) over [0, 100) is 50.
    let metrics = example().securityExposure(isolate)
    #expect(close(metrics.exposedTenantSecondsPerIncident, 50))
    // Network reach still stops at detection.
    let network = example(otherNode: 1, reachability: .open(tenantCount: 2))
      .securityExposure(isolate)
    #expect(close(network.perIncidentByLevel[.network], 9.5))
  }

  @Test func networkExposureFollowsPolicy() {
    let open = example(otherNode: 1, reachability: .open(tenantCount: 2))
    #expect(close(
      open.securityExposure(scenario).perIncidentByLevel[.network], 9.5))
    let denied = example(otherNode: 1).securityExposure(scenario)
    #expect(denied.exposedTenantSecondsPerIncident == 0)
    #expect(denied.worstPair == nil)
  }

  @Test func sameGPUIsReportedByMode() {
    let metrics = example(otherHold: .mps(clientLimit: 2))
      .securityExposure(scenario)
    #expect(close(metrics.perIncidentByLevel[.sameGPU(.mps)], 9.5))
    #expect(metrics.perIncidentByLevel[.sameNode] == nil)
  }

  @Test func singleTenantHasNoCrossTenantExposure() {
    let metrics = example(
      otherHold: .mps(clientLimit: 2), reachability: .open(tenantCount: 1),
      tenantCount: 1
    ).securityExposure(scenario)
    #expect(close(metrics.expectedIncidents, 100.0 / 3600))
    #expect(metrics.exposedTenantSecondsPerIncident == 0)
    #expect(metrics.worstPair == nil)
  }

  @Test func kindsWithoutARateAreNeverCompromised() {
    let metrics = example().securityExposure(
      SecurityScenario(compromisesPerHour: [.batch: 5],
        detectionDelaySeconds: 10))
    #expect(metrics.expectedIncidents == 0)
    #expect(metrics.exposedTenantSecondsPerIncident == 0)
  }

  @Test func scenarioTakesTheMeanDetectionDelay() {
    let model = SecurityModel(
      compromisesPerHour: [.agent: 0.5],
      detectionDelay: .exponential(meanSeconds: 300), response: .isolate)
    let scenario = SecurityScenario(model)
    #expect(scenario.detectionDelaySeconds == 300)
    #expect(scenario.response == .isolate)
  }
}
