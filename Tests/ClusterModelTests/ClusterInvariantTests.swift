import ClusterModel
import Testing

/// A small valid cluster: one MIG pool, one whole-GPU pool, two tenants in
/// a cohort.
private func validCluster() -> Cluster {
  Cluster(
    pools: [
      NodePool(
        name: "mig", nodeCount: 2, gpuModel: "A100-SXM4-80GB", gpuCount: 8,
        cpuMilli: 96_000, memoryMiB: 1_048_576,
        taints: [Taint(key: "nvidia.com/gpu", effect: .noSchedule)],
        sharing: .mig(MIGSharing(layouts: [.named("all-balanced")]))),
      NodePool(
        name: "whole", gpuModel: "A100-SXM4-80GB", gpuCount: 8,
        cpuMilli: 96_000, memoryMiB: 1_048_576),
    ],
    cohorts: [Cohort(name: "research")],
    tenants: [
      Tenant(
        name: "vision", priorityClasses: ["high": 1000, "low": 10],
        defaultPriorityClass: "low",
        quota: Quota([
          .milliGPUs: ResourceQuota(
            nominal: 8000, borrowingLimit: 4000, lendingLimit: 2000)
        ]),
        cohort: "research", networkPolicy: .allowTenants(["nlp"])),
      Tenant(
        name: "nlp", cohort: "research", networkPolicy: .defaultDeny,
        isolation: .dedicatedNodes(pools: ["whole"])),
    ])
}

private func paths(_ violations: [ModelViolation]) -> [String] {
  violations.map(\.path)
}

@Test func validClusterHasNoViolations() {
  #expect(validCluster().validate().isEmpty)
}

@Test func clusterCountsNodesAndGPUsFromPools() {
  let cluster = validCluster()
  #expect(cluster.nodeCount == 3)
  #expect(cluster.gpuCount == 24)
  #expect(cluster.nodes().map(\.name) == ["mig-0", "mig-1", "whole-0"])
  let byModel = cluster.gpuCountByModel()
  #expect(byModel.map(\.model) == ["A100-SXM4-80GB"])
  #expect(byModel.map(\.count) == [24])
}

@Test func nodesCarryWellKnownLabelsAndPoolTaints() {
  let node = validCluster().pools[0].node(at: 1)
  #expect(node.labels[Node.hostnameLabel] == "mig-1")
  #expect(node.labels[Node.poolLabel] == "mig")
  #expect(node.labels[Node.gpuProductLabel] == "A100-SXM4-80GB")
  #expect(node.labels[Node.gpuCountLabel] == "8")
  #expect(node.taints == [Taint(key: "nvidia.com/gpu", effect: .noSchedule)])
}

@Test func rejectsDuplicatePoolAndTenantNames() {
  var cluster = validCluster()
  cluster.pools.append(cluster.pools[0])
  cluster.tenants.append(Tenant(name: "nlp"))
  #expect(paths(cluster.validate()) == ["pools[2].name", "tenants[2].name"])
}

@Test func rejectsNonPositivePoolSizes() {
  var cluster = validCluster()
  cluster.pools[1].nodeCount = 0
  cluster.pools[1].gpuCount = 0
  cluster.pools[1].cpuMilli = 0
  cluster.pools[1].memoryMiB = -1
  #expect(
    paths(cluster.validate()) == [
      "pools[1].nodeCount", "pools[1].gpuCount", "pools[1].cpu",
      "pools[1].memory",
    ])
}

@Test func rejectsSharingParametersOutOfRange() {
  var cluster = validCluster()
  cluster.pools[1].sharing = .timeSlicing(replicas: 1)
  #expect(paths(cluster.validate()) == ["pools[1].sharing.replicas"])
  cluster.pools[1].sharing = .mps(clientLimit: 49)
  #expect(paths(cluster.validate()) == ["pools[1].sharing.clientLimit"])
  cluster.pools[1].sharing = .mps(clientLimit: 48)
  #expect(cluster.validate().isEmpty)
}

@Test func rejectsLayoutListWhoseLengthIsNeitherOneNorGPUCount() {
  var cluster = validCluster()
  let three = Array(repeating: MIGLayoutSpec.named("all-balanced"), count: 3)
  cluster.pools[0].sharing = .mig(MIGSharing(layouts: three))
  #expect(paths(cluster.validate()) == ["pools[0].sharing.layouts"])
  let eight = Array(repeating: MIGLayoutSpec.named("all-balanced"), count: 8)
  cluster.pools[0].sharing = .mig(MIGSharing(layouts: eight))
  #expect(cluster.validate().isEmpty)
}

@Test func rejectsSingleStrategyWithTwoProfiles() {
  var cluster = validCluster()
  let layout = MIGLayoutSpec.counts([
    MIGProfileCount(profile: "1g.10gb", count: 2),
    MIGProfileCount(profile: "3g.40gb", count: 1),
  ])
  cluster.pools[0].sharing = .mig(
    MIGSharing(strategy: .single, layouts: [layout]))
  #expect(paths(cluster.validate()) == ["pools[0].sharing.strategy"])
}

@Test func rejectsLendingAboveNominalAndLimitsWithoutCohort() {
  var cluster = validCluster()
  cluster.tenants[0].quota[.milliGPUs]?.lendingLimit = 9000
  #expect(
    paths(cluster.validate()) == ["tenants[0].quota.gpus.lendingLimit"])
  cluster.tenants[0].quota[.milliGPUs]?.lendingLimit = 1000
  cluster.tenants[0].cohort = nil
  #expect(
    paths(cluster.validate()) == [
      "tenants[0].quota.gpus.borrowingLimit",
      "tenants[0].quota.gpus.lendingLimit",
    ])
}

@Test func rejectsUnknownCohortOnlyWhenCohortsAreDeclared() {
  var cluster = validCluster()
  cluster.tenants[1].cohort = "other"
  #expect(paths(cluster.validate()) == ["tenants[1].cohort"])
  cluster.cohorts = []
  #expect(cluster.validate().isEmpty)
}

@Test func rejectsUnknownReferencesFromTenants() {
  var cluster = validCluster()
  cluster.tenants[0].networkPolicy = .allowTenants(["nlp", "ghost"])
  cluster.tenants[0].defaultPriorityClass = "urgent"
  cluster.tenants[1].isolation = .dedicatedNodes(pools: ["nowhere"])
  #expect(
    paths(cluster.validate()) == [
      "tenants[0].defaultPriorityClass", "tenants[0].network.allowFrom[1]",
      "tenants[1].isolation.dedicatedNodes[0]",
    ])
}

@Test func rejectsPriorityAboveUserMaximum() {
  var cluster = validCluster()
  cluster.tenants[0].priorityClasses["too-high"] = 1_000_000_001
  #expect(
    paths(cluster.validate()) == ["tenants[0].priorityClasses.too-high"])
}

@Test func networkPolicyAdmitsOwnTenantAndListedTenants() {
  let cluster = validCluster()
  #expect(cluster.allowsConnection(from: "nlp", to: "vision"))
  #expect(cluster.allowsConnection(from: "vision", to: "vision"))
  #expect(!cluster.allowsConnection(from: "vision", to: "nlp"))
  #expect(cluster.allowsConnection(from: "nlp", to: "nlp"))
  #expect(!cluster.allowsConnection(from: "nlp", to: "ghost"))
  #expect(NetworkPolicy.allowAll.admits("anyone", into: "x"))
}

@Test func tenantPriorityUsesDefaultClassOrZero() {
  let cluster = validCluster()
  #expect(cluster.tenants[0].priority(ofClass: "high") == 1000)
  #expect(cluster.tenants[0].priority(ofClass: nil) == 10)
  #expect(cluster.tenants[0].priority(ofClass: "unknown") == nil)
  #expect(cluster.tenants[1].priority(ofClass: nil) == 0)
}

@Test func quotaMessagesShowAmountsInTheUserUnit() {
  #expect(QuotaResource.milliGPUs.format(4000) == "4 GPUs")
  #expect(QuotaResource.milliGPUs.format(2500) == "2.5 GPUs")
  #expect(QuotaResource.milliGPUs.format(1) == "0.001 GPUs")
  #expect(QuotaResource.cpuMilli.format(500) == "500m CPU")
  var cluster = validCluster()
  cluster.tenants[0].quota[.milliGPUs]?.lendingLimit = 9500
  #expect(
    cluster.validate().map(\.message) == [
      "a lending limit must lie between 0 and the nominal quota (8 GPUs), "
        + "found 9.5 GPUs"
    ])
}
