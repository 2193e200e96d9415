import ClusterModel
import MIGGeometry
import Scheduling
import Testing

/// One GPU in the ledger's unit (milli-GPUs).
private let gpu = 1000

/// A quota of `nominal` GPUs with optional limits in GPUs.
private func gpus(_ nominal: Int, borrow: Int? = nil, lend: Int? = nil)
  -> ResourceQuota
{
  ResourceQuota(
    nominal: nominal * gpu, borrowingLimit: borrow.map { $0 * gpu },
    lendingLimit: lend.map { $0 * gpu })
}

/// A charge of `n` GPUs.
private func charge(_ n: Int) -> QuotaCharge {
  QuotaCharge([.milliGPUs: n * gpu])
}

/// A hand-checked admission case: tenants `a` (index 0) and `b` (index 1)
/// with GPU quotas, prior usage in GPUs, and `a` asking for more.
struct ArithmeticCase: CustomTestStringConvertible, Sendable {
  var name: String
  var cohort: String?
  var a: ResourceQuota
  var b: ResourceQuota
  var usedA: Int
  var usedB: Int
  var request: Int
  /// `nil` when admitted; else the cause and `available` in GPUs.
  var refusal: (QuotaRefusal.Cause, Int)?
  /// GPUs borrowed when admitted.
  var borrows: Int = 0

  var testDescription: String { name }
}

private let arithmeticCases: [ArithmeticCase] = [
  ArithmeticCase(
    name: "no cohort: fits the unused nominal", cohort: nil,
    a: gpus(4), b: gpus(4), usedA: 3, usedB: 0, request: 1, refusal: nil),
  ArithmeticCase(
    name: "no cohort: beyond nominal is refused, 1 GPU available",
    cohort: nil, a: gpus(4), b: gpus(4), usedA: 3, usedB: 0, request: 2,
    refusal: (.exceedsNominal, 1)),
  ArithmeticCase(
    name: "borrows 2 GPUs within a borrowing limit of 2", cohort: "c",
    a: gpus(4, borrow: 2), b: gpus(4), usedA: 4, usedB: 0, request: 2,
    refusal: nil, borrows: 2),
  ArithmeticCase(
    name: "a borrowing limit of 2 refuses 3 GPUs above nominal",
    cohort: "c", a: gpus(4, borrow: 2), b: gpus(4), usedA: 4, usedB: 0,
    request: 3, refusal: (.exceedsBorrowingLimit, 2)),
  ArithmeticCase(
    name: "no borrowing limit: borrows all the idle lender has",
    cohort: "c", a: gpus(4), b: gpus(4), usedA: 4, usedB: 0, request: 4,
    refusal: nil, borrows: 4),
  ArithmeticCase(
    name: "the lender's lending limit of 1 caps borrowing at 1 GPU",
    cohort: "c", a: gpus(4), b: gpus(4, lend: 1), usedA: 4, usedB: 0,
    request: 2, refusal: (.cohortExhausted, 1)),
  ArithmeticCase(
    name: "within the lender's lending limit borrowing succeeds",
    cohort: "c", a: gpus(4), b: gpus(4, lend: 1), usedA: 4, usedB: 0,
    request: 1, refusal: nil, borrows: 1),
  ArithmeticCase(
    name: "cohort exhausted: the lender uses 3 of 4, 1 GPU left",
    cohort: "c", a: gpus(4), b: gpus(4), usedA: 4, usedB: 3, request: 2,
    refusal: (.cohortExhausted, 1)),
  ArithmeticCase(
    name: "half in nominal, half borrowed", cohort: "c",
    a: gpus(4), b: gpus(4), usedA: 3, usedB: 2, request: 3,
    refusal: nil, borrows: 2),
  ArithmeticCase(
    name: "nominal lent out: the other tenant borrowed all 4 GPUs",
    cohort: "c", a: gpus(4), b: gpus(4), usedA: 0, usedB: 8, request: 1,
    refusal: (.nominalLentOut, 0)),
  ArithmeticCase(
    name: "the part above the lending limit stays the owner's",
    cohort: "c", a: gpus(4, lend: 1), b: gpus(4), usedA: 0, usedB: 5,
    request: 3, refusal: nil),
  ArithmeticCase(
    name: "only the lendable part of the owner's nominal was taken",
    cohort: "c", a: gpus(4, lend: 1), b: gpus(4), usedA: 0, usedB: 5,
    request: 4, refusal: (.nominalLentOut, 3)),
  ArithmeticCase(
    name: "nominal 0 with a cohort borrows everything", cohort: "c",
    a: gpus(0), b: gpus(4), usedA: 0, usedB: 1, request: 3,
    refusal: nil, borrows: 3),
]

@Test(arguments: arithmeticCases)
func admissionFollowsKueueArithmetic(_ c: ArithmeticCase) {
  let tenants = [
    Tenant(name: "a", quota: Quota([.milliGPUs: c.a]), cohort: c.cohort),
    Tenant(name: "b", quota: Quota([.milliGPUs: c.b]), cohort: c.cohort),
  ]
  var ledger = QuotaLedger(tenants: tenants)
  ledger.forceAdmit(charge(c.usedA), of: 0)
  ledger.forceAdmit(charge(c.usedB), of: 1)
  #expect(ledger.invariantViolations().isEmpty)

  let decision = ledger.admit(charge(c.request), of: 0)
  if let (cause, available) = c.refusal {
    #expect(
      decision.refusals == [
        QuotaRefusal(
          tenant: "a", resource: .milliGPUs, cause: cause,
          requested: c.request * gpu, nominal: c.a.nominal,
          borrowingLimit: c.a.borrowingLimit, used: c.usedA * gpu,
          available: available * gpu)
      ])
    #expect(ledger.usage(of: 0, .milliGPUs) == c.usedA * gpu)
  } else {
    let expected =
      c.borrows == 0
      ? []
      : [QuotaBorrowing(resource: .milliGPUs, amount: c.borrows * gpu)]
    #expect(decision == .admitted(borrowed: expected))
    #expect(ledger.usage(of: 0, .milliGPUs) == (c.usedA + c.request) * gpu)
  }
  #expect(ledger.invariantViolations().isEmpty)
}

@Test func releaseReturnsQuotaToTheCohort() {
  let tenants = [
    Tenant(name: "a", quota: Quota([.milliGPUs: gpus(2)]), cohort: "c"),
    Tenant(name: "b", quota: Quota([.milliGPUs: gpus(2)]), cohort: "c"),
  ]
  var ledger = QuotaLedger(tenants: tenants)
  #expect(ledger.admit(charge(4), of: 0).isAdmitted)
  #expect(
    ledger.check(charge(1), of: 1).refusals.map(\.cause)
      == [.nominalLentOut])
  ledger.release(charge(4), of: 0)
  #expect(ledger.usage(of: 0, .milliGPUs) == 0)
  #expect(ledger.available(.milliGPUs, to: 1) == 4 * gpu)
}

@Test func resourceWithoutQuotaIsUnlimitedAndStillCounted() {
  let tenants = [Tenant(name: "a", quota: Quota([.milliGPUs: gpus(1)]))]
  var ledger = QuotaLedger(tenants: tenants)
  let big = QuotaCharge([.cpuMilli: 1_000_000, .memoryMiB: 1 << 30])
  #expect(ledger.admit(big, of: 0) == .admitted(borrowed: []))
  #expect(ledger.usage(of: 0, .cpuMilli) == 1_000_000)
  #expect(ledger.available(.cpuMilli, to: 0) == Int.max)
}

@Test func refusalListsEveryResourceThatDoesNotFit() {
  let quota = Quota([
    .milliGPUs: gpus(1), .cpuMilli: ResourceQuota(nominal: 4000),
    .memoryMiB: ResourceQuota(nominal: 1024),
  ])
  let ledger = QuotaLedger(tenants: [Tenant(name: "a", quota: quota)])
  let request = QuotaCharge([
    .milliGPUs: 2 * gpu, .cpuMilli: 1000, .memoryMiB: 2048,
  ])
  let refused = ledger.check(request, of: 0).refusals
  #expect(refused.map(\.resource) == [.milliGPUs, .memoryMiB])
  #expect(
    refused.first?.description
      == "quota/gpus (exceedsNominal): tenant a requested 2 GPUs, "
      + "nominal 1 GPUs, used 0 GPUs, available 1 GPUs")
}

@Test func gangIsAdmittedWholeOrNotAtAll() {
  let quota = Quota([.milliGPUs: gpus(3)])
  var ledger = QuotaLedger(tenants: [Tenant(name: "a", quota: quota)])
  let rules = QuotaChargeRules()
  let pod = ResourceRequests(gpu: .wholeGPUs(1), cpuMilli: 0, memoryMiB: 0)

  let four = rules.charge(for: pod, pods: 4)
  #expect(four[.milliGPUs] == 4 * gpu)
  #expect(!ledger.admit(four, of: 0).isAdmitted)
  #expect(ledger.usage(of: 0, .milliGPUs) == 0)

  let three = rules.charge(for: pod, pods: 3)
  #expect(ledger.admit(three, of: 0).isAdmitted)
  #expect(ledger.usage(of: 0, .milliGPUs) == 3 * gpu)
}

/// A hand-checked mapping from one pod's GPU request to quota amounts.
struct ChargeCase: CustomTestStringConvertible, Sendable {
  var name: String
  var gpu: GPURequest
  var expected: [QuotaResource: Int]
  var testDescription: String { name }
}

private let chargeCases: [ChargeCase] = [
  ChargeCase(
    name: "no GPU charges CPU and memory only", gpu: .none,
    expected: [.cpuMilli: 500, .memoryMiB: 256]),
  ChargeCase(
    name: "two whole GPUs charge 2000 milli-GPUs", gpu: .wholeGPUs(2),
    expected: [.milliGPUs: 2000, .cpuMilli: 500, .memoryMiB: 256]),
  ChargeCase(
    name: "250 milli-GPUs charge 250", gpu: .milliGPUs(250),
    expected: [.milliGPUs: 250, .cpuMilli: 500, .memoryMiB: 256]),
  ChargeCase(
    name: "three time-slice replicas charge one GPU each",
    gpu: .timeSliceReplicas(3),
    expected: [.milliGPUs: 3000, .cpuMilli: 500, .memoryMiB: 256]),
  ChargeCase(
    name: "one MPS client charges one GPU", gpu: .mpsClients(1),
    expected: [.milliGPUs: 1000, .cpuMilli: 500, .memoryMiB: 256]),
  ChargeCase(
    name: "two 3g.40gb on A100-80GB: 6 slices, 2 × 39.25 GiB",
    gpu: .migInstances(profile: "3g.40gb", count: 2),
    expected: [
      .migProfile("3g.40gb"): 2, .computeSlices: 6,
      .gpuMemoryMiB: 2 * 40_192, .cpuMilli: 500, .memoryMiB: 256,
    ]),
  ChargeCase(
    name: "an unknown profile charges instances only",
    gpu: .migInstances(profile: "9g.1tb", count: 1),
    expected: [.migProfile("9g.1tb"): 1, .cpuMilli: 500, .memoryMiB: 256]),
]

@Test(arguments: chargeCases)
func podRequestsMapToQuotaResources(_ c: ChargeCase) {
  let cluster = Cluster(
    pools: [
      NodePool(
        name: "mig", gpuModel: "NVIDIA-A100-SXM4-80GB", gpuCount: 8,
        cpuMilli: 64_000, memoryMiB: 512_000,
        sharing: .mig(MIGSharing(layouts: [.named("all-balanced")])))
    ])
  let rules = QuotaChargeRules(cluster: cluster)
  let requests = ResourceRequests(gpu: c.gpu, cpuMilli: 500, memoryMiB: 256)
  #expect(rules.charge(for: requests) == QuotaCharge(c.expected))
}
