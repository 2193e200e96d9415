import Testing

@testable import Scoring

@Suite struct WaitingTests {
  @Test func nearestRankPicksTheCeilingRank() {
    let values = [35.0, 20, 15, 50, 40]
    let percentiles = Percentiles(values)
    // sorted 15 20 35 40 50: ⌈2.5⌉ = 3rd, ⌈4.75⌉ = 5th, ⌈4.95⌉ = 5th
    #expect(percentiles?.p50 == 35)
    #expect(percentiles?.p95 == 50)
    #expect(percentiles?.p99 == 50)
    let ramp = Percentiles((1...20).map(Double.init))
    #expect(ramp?.p50 == 10)
    #expect(ramp?.p95 == 19)
    #expect(ramp?.p99 == 20)
    #expect(Percentiles([]) == nil)
  }

  @Test func nearestRankOfOneValueIsThatValue() {
    for percent in [1.0, 50, 99, 100] {
      #expect(Percentiles.nearestRank(percent, ofSorted: [7]) == 7)
    }
  }

  private func example() -> RunObservation {
    RunObservation(
      horizonSeconds: 100, tenants: tenants(2), nodes: [node()],
      jobs: [
        ranJob("a", tenant: 0, kind: .inference, start: 10, end: 110),
        ranJob("b", tenant: 1, kind: .training, start: 60, end: 65),
        JobRecord(name: "c", tenant: 0, kind: .inference, arrivalSeconds: 0,
          outcome: .rejected(reason: "quota")),
        JobRecord(name: "d", tenant: 0, kind: .inference,
          arrivalSeconds: 90, outcome: .waiting),
        JobRecord(name: "e", tenant: 1, kind: .inference, arrivalSeconds: 0,
          outcome: .waiting),
      ],
      allocations: [], waitTargetSeconds: [.inference: 30])
  }

  @Test func waitsCompletionsAndSlowdownsOfTheExample() {
    let metrics = example().waiting()
    #expect(metrics.overall.wait?.p50 == 10)
    #expect(metrics.overall.wait?.p95 == 60)
    #expect(metrics.overall.completion?.p95 == 110)
    // a: 110 / 100 = 1.1; b: 65 / max(5, 10) = 6.5
    #expect(metrics.overall.slowdown?.p50 == 1.1)
    #expect(metrics.overall.slowdown?.p99 == 6.5)
    #expect(metrics.byTenant[1].wait?.p50 == 60)
    #expect(metrics.byKind[.training]?.completion?.p50 == 65)
  }

  @Test func sloCountsRejectedAndOverdueAsMissedAndSkipsUndecided() {
    let metrics = example().waiting()
    // a met; c rejected and e overdue missed; d undecided; b no target.
    #expect(metrics.overall.sloMet == 1)
    #expect(metrics.overall.sloMissed == 2)
    #expect(close(metrics.overall.sloAttainment, 1.0 / 3))
    #expect(metrics.byKind[.training]?.sloAttainment == nil)
    #expect(metrics.rejectionsByReason == ["quota": 1])
  }
}
