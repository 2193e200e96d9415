import ClusterModel
import Foundation
import Testing

private let cluster = Cluster(
  pools: [
    NodePool(
      name: "gpu", gpuModel: "H100-SXM5-80GB", gpuCount: 8, cpuMilli: 1000,
      memoryMiB: 1000)
  ],
  tenants: [Tenant(name: "team", priorityClasses: ["high": 100])])

private func template(_ name: String, priority: String? = nil)
  -> WorkloadTemplate
{
  WorkloadTemplate(
    name: name, kind: .training,
    requests: ResourceRequests(gpu: .wholeGPUs(1), cpuMilli: 100,
      memoryMiB: 100),
    priorityClass: priority, duration: .exponential(meanSeconds: 3600))
}

private func demand(
  _ templates: [WorkloadTemplate], mix: [String], tenant: String = "team"
) -> Demand {
  Demand(
    templates: templates,
    generators: [
      WorkloadGenerator(
        name: "g", tenant: tenant,
        source: .arrivals(
          .poisson(ratePerHour: 2),
          mix: mix.map { WeightedTemplate(template: $0) }))
    ])
}

@Test func validDemandHasNoViolations() {
  let valid = demand([template("a", priority: "high")], mix: ["a"])
  #expect(valid.validate(in: cluster).isEmpty)
}

@Test func rejectsUnknownTenantTemplateAndPriorityClass() {
  let bad = demand(
    [template("a", priority: "urgent")], mix: ["a", "b"], tenant: "team")
  #expect(
    bad.validate(in: cluster).map(\.path) == [
      "workloads[0].mix[0].template", "workloads[0].mix[1].template",
    ])
  let noTenant = demand([template("a")], mix: ["a"], tenant: "ghost")
  #expect(noTenant.validate(in: cluster).map(\.path) == ["workloads[0].tenant"])
}

@Test func rejectsDuplicateTemplateNames() {
  let bad = demand([template("a"), template("a")], mix: ["a"])
  #expect(bad.validate(in: cluster).map(\.path) == ["templates[1].name"])
}

@Test func rejectsRequestsOutOfRange() {
  var t = template("a")
  t.requests.gpu = .milliGPUs(1001)
  t.gangSize = 0
  t.duration = .empirical(seconds: [10, 0])
  t.interference.gpuBusyFraction = 0
  #expect(
    t.violations(at: "t").map(\.path) == [
      "t.requests.milliGPU", "t.gangSize", "t.duration.values[1]",
      "t.interference.gpuBusy",
    ])
}

@Test func rejectsArrivalParametersOutOfRange() {
  let diurnal = ArrivalProcess.diurnal(
    baseRatePerHour: 0, peakFactor: 0.5, peakHour: 24)
  #expect(
    diurnal.violations(at: "a").map(\.path) == [
      "a.baseRatePerHour", "a.peakFactor", "a.peakHour",
    ])
  let bursty = ArrivalProcess.bursty(
    onSeconds: 0, offSeconds: 60, onRatePerHour: 10, offRatePerHour: -1)
  #expect(bursty.violations(at: "a").map(\.path) == ["a.on", "a.offRatePerHour"])
}

@Test func logNormalFromMedianAndP95RecoversBothQuantiles() {
  guard case .logNormal(let mu, let sigma) =
    DurationModel.logNormal(medianSeconds: 600, p95Seconds: 3600)
  else {
    Issue.record("expected a log-normal model")
    return
  }
  #expect(abs(exp(mu) - 600) < 1e-9)
  #expect(abs(exp(mu + DurationModel.normalP95 * sigma) - 3600) < 1e-6)
}

@Test func settingsValidationChecksFaultsAndCoefficients() {
  var settings = SimulationSettings()
  #expect(settings.validate().isEmpty)
  settings.horizonSeconds = 0
  settings.faults.nodeMTTRSeconds = 600
  settings.faults.rollingUpgrade = RollingUpgrade(
    batchSize: 0, upgradeSeconds: 600, startSeconds: 0)
  settings.interference.mpsBandwidth = 2
  #expect(
    settings.validate().map(\.path) == [
      "simulation.horizon", "simulation.faults.nodeMTTR",
      "simulation.faults.rollingUpgrade.batchSize",
      "simulation.interference.mpsBandwidth",
    ])
}

@Test func admissionRejectsUnknownAgentPoolAndFiltersImages() {
  let policies = AdmissionPolicies(
    denyImagesAbove: .medium, agentPools: ["gpu", "agents"])
  #expect(
    policies.validate(in: cluster).map(\.path) == ["admission.agentPools[1]"])
  #expect(policies.admitsImage(.medium))
  #expect(!policies.admitsImage(.high))
  #expect(AdmissionPolicies().admitsImage(.critical))
}
