import ClusterModel
import Testing

/// One row of the matching table: a toleration, a taint, the verdict.
struct MatchCase: CustomTestStringConvertible, Sendable {
  var name: String
  var toleration: Toleration
  var taint: Taint
  var tolerated: Bool
  var testDescription: String { name }
}

private let gpuTaint = Taint(
  key: "nvidia.com/gpu", value: "present", effect: .noSchedule)

private let matchCases: [MatchCase] = [
  // effect: empty matches every effect; otherwise equal.
  MatchCase(
    name: "empty effect matches NoSchedule",
    toleration: Toleration(key: "k", value: "v"),
    taint: Taint(key: "k", value: "v", effect: .noSchedule), tolerated: true),
  MatchCase(
    name: "empty effect matches PreferNoSchedule",
    toleration: Toleration(key: "k", value: "v"),
    taint: Taint(key: "k", value: "v", effect: .preferNoSchedule),
    tolerated: true),
  MatchCase(
    name: "empty effect matches NoExecute",
    toleration: Toleration(key: "k", value: "v"),
    taint: Taint(key: "k", value: "v", effect: .noExecute), tolerated: true),
  MatchCase(
    name: "different effect does not match",
    toleration: Toleration(key: "k", value: "v", effect: .noSchedule),
    taint: Taint(key: "k", value: "v", effect: .noExecute), tolerated: false),
  MatchCase(
    name: "NoSchedule toleration does not cover PreferNoSchedule",
    toleration: Toleration(key: "k", value: "v", effect: .noSchedule),
    taint: Taint(key: "k", value: "v", effect: .preferNoSchedule),
    tolerated: false),
  // key: empty matches every key (with Exists); otherwise equal.
  MatchCase(
    name: "empty key with Exists matches any key",
    toleration: Toleration(key: "", operator: .exists),
    taint: gpuTaint, tolerated: true),
  MatchCase(
    name: "empty key with Exists and an effect matches only that effect",
    toleration: Toleration(key: "", operator: .exists, effect: .noExecute),
    taint: gpuTaint, tolerated: false),
  MatchCase(
    name: "different key does not match",
    toleration: Toleration(key: "sku", operator: .exists),
    taint: gpuTaint, tolerated: false),
  // Equal / empty operator: values equal, empty equals empty.
  MatchCase(
    name: "Equal with equal values matches",
    toleration: Toleration(
      key: "nvidia.com/gpu", operator: .equal, value: "present"),
    taint: gpuTaint, tolerated: true),
  MatchCase(
    name: "Equal with different values does not match",
    toleration: Toleration(key: "nvidia.com/gpu", value: "absent"),
    taint: gpuTaint, tolerated: false),
  MatchCase(
    name: "Equal with empty values on both sides matches",
    toleration: Toleration(key: "dedicated"),
    taint: Taint(key: "dedicated", effect: .noSchedule), tolerated: true),
  MatchCase(
    name: "Equal with empty toleration value does not match a valued taint",
    toleration: Toleration(key: "nvidia.com/gpu"),
    taint: gpuTaint, tolerated: false),
  // Exists: any value.
  MatchCase(
    name: "Exists matches any value of the key",
    toleration: Toleration(key: "nvidia.com/gpu", operator: .exists),
    taint: gpuTaint, tolerated: true),
  MatchCase(
    name: "Exists matches an empty taint value",
    toleration: Toleration(key: "dedicated", operator: .exists),
    taint: Taint(key: "dedicated", effect: .noExecute), tolerated: true),
  // Lt / Gt: both parsed as int64, taint value < / > toleration value.
  MatchCase(
    name: "Lt matches a smaller taint value",
    toleration: Toleration(key: "level", operator: .lessThan, value: "5"),
    taint: Taint(key: "level", value: "3", effect: .noSchedule),
    tolerated: true),
  MatchCase(
    name: "Lt does not match an equal taint value",
    toleration: Toleration(key: "level", operator: .lessThan, value: "5"),
    taint: Taint(key: "level", value: "5", effect: .noSchedule),
    tolerated: false),
  MatchCase(
    name: "Gt does not match a smaller negative taint value",
    toleration: Toleration(key: "level", operator: .greaterThan, value: "5"),
    taint: Taint(key: "level", value: "-7", effect: .noSchedule),
    tolerated: false),
  MatchCase(
    name: "Gt matches a larger taint value",
    toleration: Toleration(key: "level", operator: .greaterThan, value: "5"),
    taint: Taint(key: "level", value: "12", effect: .noSchedule),
    tolerated: true),
  MatchCase(
    name: "Gt never matches an unparsable taint value",
    toleration: Toleration(key: "level", operator: .greaterThan, value: "5"),
    taint: Taint(key: "level", value: "high", effect: .noSchedule),
    tolerated: false),
  MatchCase(
    name: "Lt never matches an unparsable toleration value",
    toleration: Toleration(key: "level", operator: .lessThan, value: "x"),
    taint: Taint(key: "level", value: "1", effect: .noSchedule),
    tolerated: false),
  // An empty key with Exists and no effect tolerates everything.
  MatchCase(
    name: "the everything toleration matches a NoExecute taint",
    toleration: .everything,
    taint: Taint(key: "node.kubernetes.io/unreachable", effect: .noExecute),
    tolerated: true),
]

@Test(arguments: matchCases)
func toleratesFollowsKubernetesMatchingRules(_ row: MatchCase) {
  #expect(row.toleration.tolerates(row.taint) == row.tolerated)
}

@Test func everythingTolerationMatchesEveryTaintShape() {
  for effect in TaintEffect.allCases {
    for key in ["a", "nvidia.com/gpu"] {
      for value in ["", "x", "42"] {
        let taint = Taint(key: key, value: value, effect: effect)
        #expect(Toleration.everything.tolerates(taint), "\(taint)")
      }
    }
  }
}

@Test func podToleratesTaintWhenAnyTolerationMatches() {
  let tolerations = [
    Toleration(key: "sku", value: "cpu"),
    Toleration(key: "sku", value: "gpu", effect: .noSchedule),
  ]
  #expect(tolerations.tolerate(Taint(key: "sku", value: "gpu",
    effect: .noSchedule)))
  #expect(!tolerations.tolerate(Taint(key: "sku", value: "tpu",
    effect: .noSchedule)))
}

@Test func filterIgnoresPreferNoScheduleAndNamesFirstUntoleratedTaint() {
  let taints = [
    Taint(key: "soft", effect: .preferNoSchedule),
    Taint(key: "a", value: "1", effect: .noSchedule),
    Taint(key: "b", value: "2", effect: .noExecute),
  ]
  let none: [Toleration] = []
  #expect(none.firstUntolerated(in: taints) == taints[1])
  let onlyA = [Toleration(key: "a", operator: .exists)]
  #expect(onlyA.firstUntolerated(in: taints) == taints[2])
  let both = onlyA + [Toleration(key: "b", operator: .exists)]
  #expect(both.tolerateAll(taints))
  #expect(!both.tolerateAll(taints, effects: Set(TaintEffect.allCases)))
}

@Test func preferNoScheduleCountIgnoresNoScheduleTolerations() {
  let taints = [
    Taint(key: "x", effect: .preferNoSchedule),
    Taint(key: "y", effect: .preferNoSchedule),
    Taint(key: "z", effect: .noSchedule),
  ]
  let noSchedule = [Toleration(key: "x", operator: .exists,
    effect: .noSchedule)]
  #expect(noSchedule.untoleratedPreferNoScheduleCount(in: taints) == 2)
  let prefer = [Toleration(key: "x", operator: .exists,
    effect: .preferNoSchedule)]
  #expect(prefer.untoleratedPreferNoScheduleCount(in: taints) == 1)
  let anyEffect = [Toleration(key: "y", operator: .exists)]
  #expect(anyEffect.untoleratedPreferNoScheduleCount(in: taints) == 1)
  #expect([Toleration.everything]
    .untoleratedPreferNoScheduleCount(in: taints) == 0)
}

@Test func noExecuteOutcomeFollowsTaintEvictionRules() {
  let down = Taint(key: "node.kubernetes.io/unreachable", effect: .noExecute)
  let drain = Taint(key: "drain", effect: .noExecute)
  let soft = Taint(key: "soft", effect: .noSchedule)
  let forever = Toleration(key: down.key, operator: .exists)
  let for300 = Toleration(
    key: down.key, operator: .exists, effect: .noExecute,
    tolerationSeconds: 300)
  let drain60 = Toleration(
    key: "drain", operator: .exists, effect: .noExecute,
    tolerationSeconds: 60)
  let drainNow = Toleration(
    key: "drain", operator: .exists, effect: .noExecute,
    tolerationSeconds: 0)
  let empty: [Toleration] = []

  #expect(empty.noExecuteOutcome(on: [soft]) == .stays)
  #expect(empty.noExecuteOutcome(on: [down]) == .evictedNow)
  #expect([forever].noExecuteOutcome(on: [down]) == .stays)
  #expect([for300].noExecuteOutcome(on: [down])
    == .evictedAfter(seconds: 300))
  #expect([for300, drain60].noExecuteOutcome(on: [down, drain])
    == .evictedAfter(seconds: 60))
  #expect([for300].noExecuteOutcome(on: [down, drain]) == .evictedNow)
  #expect([forever, drainNow].noExecuteOutcome(on: [down, drain])
    == .evictedNow)
  // Only the first matching toleration of each taint counts.
  #expect([forever, for300].noExecuteOutcome(on: [down]) == .stays)
  #expect([for300, forever].noExecuteOutcome(on: [down])
    == .evictedAfter(seconds: 300))
}

@Test func tolerationValidationFollowsKubernetesRules() {
  let paths: (Toleration) -> [String] = {
    $0.violations(at: "t").map(\.path)
  }
  #expect(paths(Toleration(key: "", operator: .equal)) == ["t.operator"])
  #expect(paths(Toleration(key: "k", operator: .exists, value: "v"))
    == ["t.value"])
  #expect(paths(Toleration(key: "k", operator: .greaterThan, value: "x"))
    == ["t.value"])
  #expect(paths(Toleration(key: "k", effect: .noSchedule,
    tolerationSeconds: 5)) == ["t.tolerationSeconds"])
  #expect(paths(Toleration(key: "k", operator: .exists, effect: .noExecute,
    tolerationSeconds: 5)).isEmpty)
  #expect(paths(.everything).isEmpty)
}
